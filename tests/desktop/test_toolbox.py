"""In QGIS desktop (under Xvfb) the provider is in the toolbox and an
algorithm runs from its Processing dialog, loading styled layers."""

import json
import shutil
from pathlib import Path

import pytest

from .qgis_desktop import run_qgis_desktop

SCRIPT = Path(__file__).with_name("toolbox_run.py")

pytestmark = pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")


def test_sample_district_runs_from_the_processing_dialog(qgis_process, staged_plugin_dir, tmp_path):
    qgis_process("plugins")  # the fixture's private profile now has the plugin enabled
    report = tmp_path / "report.json"
    qgis = run_qgis_desktop(
        SCRIPT,
        qgis_process,
        staged_plugin_dir,
        tmp_path,
        180,
        YPO_DESKTOP_ALGORITHM="ypo:createsampledistrict",
        YPO_DESKTOP_PARAMETERS=json.dumps({"SEED": 1, "OUTPUT": str(tmp_path / "sample.gpkg")}),
        YPO_DESKTOP_REPORT=str(report),
    )
    assert qgis.returncode == 0, qgis.stderr.decode(errors="replace")[-3000:]
    outcome = json.loads(report.read_text())
    assert outcome["provider"] == "Your Police Officer"
    assert "ypo:createsampledistrict" in outcome["algorithms"]
    assert outcome["layers"] == {
        "districts": "singleSymbol",
        "units": "graduatedSymbol",
        "crimes": "categorizedSymbol",
        "exposed_areas": "singleSymbol",
        "barriers": "categorizedSymbol",
        "special_places": "categorizedSymbol",
        "streets": "categorizedSymbol",
        "addresses": "singleSymbol",
        "index_areas": "RuleRenderer",
        "survey": "categorizedSymbol",
    }
    assert report.with_suffix(".png").stat().st_size > 50_000
