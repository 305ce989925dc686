"""Light start (issue 12): loading the plugin and listing its algorithms imports none of the
heavy packages, not even numpy and shapely; they load when an algorithm runs or the dock
shows figures.

Checked in a fresh interpreter: the test session itself has long imported them all.
"""

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsApplication, QgsProcessingContext, QgsProcessingException

from ypo_plugin import dependencies
from ypo_plugin.dependencies import REQUIREMENTS, Requirement

from .conftest import Recorder
from .test_provider import ALGORITHM_IDS

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("numpy", "shapely", "geopandas", "scipy", "pandas", "matplotlib")

# QGIS as the desktop starts it: Processing first, then the plugin's classFactory and initGui
# with pytest-qgis's stand-in interface; then the toolbox lists the provider's algorithms.
START = textwrap.dedent(
    """
    import json, sys
    from qgis.core import QgsApplication
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtWidgets import QMainWindow
    from pytest_qgis.mock_qgis_classes import MockMessageBar
    from pytest_qgis.qgis_interface import QgisInterface

    app = QgsApplication([], True)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    before = sorted(name for name in HEAVY if name in sys.modules)

    import ypo_plugin

    window = QMainWindow()
    iface = QgisInterface(QgsMapCanvas(window), MockMessageBar(), window)
    plugin = ypo_plugin.classFactory(iface)
    plugin.initGui()
    provider = QgsApplication.processingRegistry().providerById("ypo")
    listed = sorted(algorithm.id() for algorithm in provider.algorithms())
    for algorithm in provider.algorithms():
        algorithm.shortHelpString()
        algorithm.parameterDefinitions()
    after = sorted(name for name in HEAVY if name in sys.modules)
    plugin.unload()
    print(json.dumps({"before": before, "after": after, "listed": listed}))
    app.exitQgis()
    """
)


def start_qgis_with_the_plugin(code: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run(
        [sys.executable, "-c", f"HEAVY = {HEAVY!r}\n{code}"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_loading_the_plugin_and_listing_its_algorithms_imports_no_heavy_package():
    started = start_qgis_with_the_plugin(START)
    # QGIS and Processing alone import none of them on 3.22; 3.44's import numpy and shapely
    # themselves. The plugin adds none.
    qgis_own = {"numpy", "shapely"} if Qgis.QGIS_VERSION_INT >= 34400 else set()
    assert set(started["before"]) == qgis_own
    assert started["after"] == started["before"]
    # Every algorithm and every shipped model was listed (what the toolbox shows).
    models = {f"ypo:{model.stem}" for model in (ROOT / "processing").glob("*.model3")}
    assert len(models) == 3
    assert started["listed"] == sorted(ALGORITHM_IDS | models)


@pytest.fixture
def fresh_requirements_check():
    dependencies.missing_requirements_once.cache_clear()
    yield
    dependencies.missing_requirements_once.cache_clear()


def test_a_package_that_is_installed_but_unusable_stops_the_first_run(
    run_algorithm, tmp_path, monkeypatch, fresh_requirements_check
):
    # Installed (so the provider loads) but without what the core uses: json in shapely's place.
    shapely_check = next(r for r in REQUIREMENTS if r.module == "shapely")
    stand_in = Requirement("json", "shapely", shapely_check.wanted, shapely_check.usable)
    monkeypatch.setattr(dependencies, "REQUIREMENTS", (stand_in,))
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm("ypo:createsampledistrict", {"SEED": 1, "OUTPUT": str(tmp_path / "sample.gpkg")})
    message = str(raised.value)
    assert "shapely>=2.0 (found " in message
    assert "pip install" in message
    assert not (tmp_path / "sample.gpkg").exists()


def test_a_model_step_is_stopped_when_prepared(ypo_provider, tmp_path, monkeypatch, fresh_requirements_check):
    # A model prepares its steps without checkParameterValues: prepareAlgorithm checks too.
    monkeypatch.setattr(
        dependencies, "REQUIREMENTS", (Requirement("ypo_no_such_module", "scipy", "scipy>=1.8", bool),)
    )
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("ypo:createsampledistrict")
    feedback = Recorder()
    prepared = algorithm.prepare(
        {"SEED": 1, "OUTPUT": str(tmp_path / "sample.gpkg")}, QgsProcessingContext(), feedback
    )
    assert not prepared
    assert len(feedback.errors) == 1
    assert "scipy>=1.8 (not importable: " in feedback.errors[0]
    assert "pip install" in feedback.errors[0]
