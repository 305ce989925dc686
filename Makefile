# YPO sector planning — set-up, demo, tests, benchmarks, packaging.
# Every target installs what it needs first and can be run again safely.

SHELL := /bin/bash
PYTHON := /usr/bin/python3
QGIS_PROCESS := tools/qgis_process
STAGE_DIR := build/plugins
OUT := out
QGIS_PROFILE_PLUGINS := $(HOME)/.local/share/QGIS/QGIS3/profiles/default/python/plugins
export QT_QPA_PLATFORM := offscreen

.PHONY: setup stage demo test bench install package lint clean

setup:
	tools/setup.sh

stage:
	$(PYTHON) tools/build_plugin.py $(STAGE_DIR)

demo: setup stage
	mkdir -p $(OUT)
	$(QGIS_PROCESS) run ypo:createsampledistrict -- SEED=1 OUTPUT=$(OUT)/sample_district.gpkg
	$(PYTHON) tools/render_overview.py $(OUT)/sample_district.gpkg $(OUT)/sample_district.png
	@echo "Demo results are in $(OUT)/"

test: setup stage
	$(PYTHON) -m pytest

bench: setup stage
	$(PYTHON) bench/run_all.py

install: setup
	$(PYTHON) tools/build_plugin.py $(QGIS_PROFILE_PLUGINS)
	/usr/bin/qgis_process.bin plugins enable ypo_plugin
	@echo "Installed to $(QGIS_PROFILE_PLUGINS)/ypo_plugin and enabled for QGIS and qgis_process."

package:
	rm -rf build/package dist/ypo_plugin.zip
	$(PYTHON) tools/build_plugin.py build/package --zip dist/ypo_plugin.zip
	@echo "Wrote dist/ypo_plugin.zip"

lint: setup
	$(PYTHON) -m ruff check ypo_plugin tests tools bench
	$(PYTHON) -m ruff format --check ypo_plugin tests tools bench

clean:
	rm -rf build dist $(OUT) .pytest_cache
