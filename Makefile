# YPO sector planning — set-up, demo, tests, benchmarks, packaging.
# Every target installs what it needs first and can be run again safely.

SHELL := /bin/bash
PYTHON := /usr/bin/python3
QGIS_PROCESS := tools/qgis_process
STAGE_DIR := build/plugins
OUT := out
QGIS_PROFILE_PLUGINS := $(HOME)/.local/share/QGIS/QGIS3/profiles/default/python/plugins
export QT_QPA_PLATFORM := offscreen

.PHONY: setup stage demo test test-qgis322 test-qgis344 bench install package lint translations clean

setup:
	tools/setup.sh

stage:
	$(PYTHON) tools/build_plugin.py $(STAGE_DIR)

SAMPLE := $(OUT)/sample_district.gpkg
# Officer contacts are typed in by the station; the demo invents them with the
# field calculator, as a user would fill the fields.
OFFICER_NAME := array_get(array('Mette Jensen','Lars Nielsen','Sofie Hansen','Anders Pedersen','Camilla Andersen','Jonas Christensen','Line Larsen','Mikkel Sørensen','Ida Rasmussen','Rasmus Jørgensen'), (@row_number - 1) % 10)
OFFICER_PHONE := '+45 7258 ' || lpad(to_string(5000 + @row_number), 4, '0')
OFFICER_EMAIL := lower(replace("sector_id", '-', '')) || '@ypo.example.org'

demo: setup stage
	mkdir -p $(OUT) build/demo
	$(QGIS_PROCESS) run ypo:createsampledistrict -- SEED=1 OUTPUT=$(SAMPLE)
	$(PYTHON) tools/render_overview.py $(SAMPLE) $(OUT)/sample_district.png
	# The "Full sector plan" model: split -> manning -> crime grid -> validation -> internal maps.
	$(QGIS_PROCESS) run ypo:fullsectorplan -- "UNITS=$(SAMPLE)|layername=units" \
	    "DISTRICTS=$(SAMPLE)|layername=districts" "CRIMES=$(SAMPLE)|layername=crimes" PLACE_FIELD=place \
	    "EXPOSED_AREAS=$(SAMPLE)|layername=exposed_areas" "BARRIERS=$(SAMPLE)|layername=barriers" \
	    "STREETS=$(SAMPLE)|layername=streets" MIN_AREA=10000 "TITLE=Bellahøj (sample)" \
	    split:sectors=$(OUT)/sectors.gpkg split:units=$(OUT)/sector_units.gpkg \
	    manning:sectors=$(OUT)/manning.gpkg manning:summary=$(OUT)/manning.html \
	    "grid:cells=ogr:dbname='$(OUT)/crime_grid.gpkg' table=\"cells\" (geom)" \
	    "grid:time_table=ogr:dbname='$(OUT)/crime_grid.gpkg' table=\"time_table\"" \
	    "grid:places=ogr:dbname='$(OUT)/crime_grid.gpkg' table=\"places\"" \
	    grid:charts=$(OUT)/crime_charts validate:errors=$(OUT)/validation.gpkg \
	    maps:folder=$(OUT)/maps/internal
	$(QGIS_PROCESS) run native:fieldcalculator -- "INPUT=$(OUT)/manning.gpkg|layername=manning" \
	    FIELD_NAME=officer_name FIELD_TYPE=2 FIELD_LENGTH=80 "FORMULA=$(OFFICER_NAME)" \
	    OUTPUT=build/demo/officer_name.gpkg
	$(QGIS_PROCESS) run native:fieldcalculator -- INPUT=build/demo/officer_name.gpkg FIELD_NAME=officer_phone \
	    FIELD_TYPE=2 FIELD_LENGTH=20 "FORMULA=$(OFFICER_PHONE)" OUTPUT=build/demo/officer_phone.gpkg
	$(QGIS_PROCESS) run native:fieldcalculator -- INPUT=build/demo/officer_phone.gpkg FIELD_NAME=officer_email \
	    FIELD_TYPE=2 FIELD_LENGTH=80 "FORMULA=$(OFFICER_EMAIL)" OUTPUT=build/demo/sectors_with_officers.gpkg
	$(QGIS_PROCESS) run ypo:exportsectormaps -- SECTORS=build/demo/sectors_with_officers.gpkg \
	    "STREETS=$(SAMPLE)|layername=streets" AUDIENCE=public FORMAT=pdf "TITLE=Bellahøj (sample)" OUTPUT_FOLDER=$(OUT)/maps/public
	$(QGIS_PROCESS) run ypo:exportpublicwebmap -- SECTORS=build/demo/sectors_with_officers.gpkg \
	    "ADDRESSES=$(SAMPLE)|layername=addresses" "STREETS=$(SAMPLE)|layername=streets" \
	    "TITLE=Bellahøj (sample): find your police officer" OUTPUT=$(OUT)/web/index.html
	$(QGIS_PROCESS) run ypo:exportbusinesscards -- SECTORS=build/demo/sectors_with_officers.gpkg \
	    WEB_MAP_URL=https://politi.example/bellahoej/sektorer.html OUTPUT=$(OUT)/business_cards.pdf
	$(QGIS_PROCESS) run ypo:exportsectorleaflets -- SECTORS=build/demo/sectors_with_officers.gpkg \
	    "STREETS=$(SAMPLE)|layername=streets" OUTPUT=$(OUT)/sector_leaflets.pdf
	$(QGIS_PROCESS) run ypo:createsectorworkspace -- SECTORS=build/demo/sectors_with_officers.gpkg \
	    OUTPUT_FOLDER=$(OUT)/workspace REPLACE=true
	$(PYTHON) tools/fill_demo_workspace.py $(OUT)/workspace/workspace.gpkg NE-02
	$(QGIS_PROCESS) run ypo:exporthandoverreport -- WORKSPACE=$(OUT)/workspace/workspace.qgz \
	    SECTOR_ID=NE-02 OUTPUT=$(OUT)/handover_NE-02.pdf
	$(QGIS_PROCESS) run ypo:safetyindex -- "AREAS=$(SAMPLE)|layername=index_areas" \
	    "POPULATION=$(SAMPLE)|layername=units" "CRIMES=$(SAMPLE)|layername=crimes" \
	    "SURVEY=$(SAMPLE)|layername=survey" WEIGHT_FIELD=weight \
	    OUTPUT=$(OUT)/safety_index.gpkg OUTPUT_REPORT=$(OUT)/safety_index.pdf
	$(QGIS_PROCESS) run ypo:threatassessment -- SECTORS=$(OUT)/sectors.gpkg \
	    "CRIMES=$(SAMPLE)|layername=crimes" GANG_FIELD=gang_related \
	    "EXPOSED_AREAS=$(SAMPLE)|layername=exposed_areas" "POPULATION=$(SAMPLE)|layername=units" \
	    OUTPUT=$(OUT)/threat_assessment.gpkg OUTPUT_REPORT=$(OUT)/threat_assessment.pdf
	# The sample's planted initiative: two index areas from 1 April 2026.
	$(QGIS_PROCESS) run ypo:evaluateinitiative -- "SECTORS=$(SAMPLE)|layername=index_areas" SECTOR_ID_FIELD=area_id \
	    TARGET_FIELD=initiative "CRIMES=$(SAMPLE)|layername=crimes" START=2026-04-01 \
	    OUTPUT_REPORT=$(OUT)/initiative.pdf
	@echo "Demo results are in $(OUT)/"

# The suite on both QGIS people run: Debian 12's 3.22 (the declared minimum) and 3.44 LTR
# (Debian forky, in a chroot that tools/qgis344.sh builds once and keeps in /var/cache/ypo).
# The two legs run side by side (one core each); each leg's output is printed when it ends.
test:
	$(MAKE) --no-print-directory --jobs=2 --output-sync=target test-qgis322 test-qgis344

test-qgis322: setup stage
	$(PYTHON) -m pytest

test-qgis344: setup
	tools/qgis344.sh run python3 -m pytest -p no:cacheprovider

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
	$(PYTHON) tools/check_translations.py

# After changing a text of the plugin: i18n/ypo_da.ts follows the code (pylupdate5); then translate
# the new entries (Qt Linguist, or by hand) until make lint reports none unfinished.
translations: setup
	$(PYTHON) tools/check_translations.py --update

clean:
	rm -rf build dist $(OUT) .pytest_cache
