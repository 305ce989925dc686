"""In QGIS desktop (under Xvfb) the provider is in the toolbox and an
algorithm runs from its Processing dialog, loading styled layers."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).with_name("toolbox_run.py")

pytestmark = pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")


def test_sample_district_runs_from_the_processing_dialog(qgis_process, staged_plugin_dir, tmp_path):
    qgis_process("plugins")  # the fixture's private profile now has the plugin enabled
    report = tmp_path / "report.json"
    env = dict(
        os.environ,
        QGIS_PLUGINPATH=str(staged_plugin_dir),
        QGIS_CUSTOM_CONFIG_PATH=qgis_process.config_dir,
        YPO_DESKTOP_ALGORITHM="ypo:createsampledistrict",
        YPO_DESKTOP_PARAMETERS=json.dumps({"SEED": 1, "OUTPUT": str(tmp_path / "sample.gpkg")}),
        YPO_DESKTOP_REPORT=str(report),
    )
    env.pop("QT_QPA_PLATFORM", None)  # a real (virtual) screen this time
    qgis = subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1600x1000x24",
            "qgis",
            "--nologo",
            "--noversioncheck",
            "--code",
            str(SCRIPT),
        ],
        env=env,
        capture_output=True,
        timeout=180,
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
