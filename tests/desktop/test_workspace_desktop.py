"""QGIS desktop (under Xvfb) with the installed plugin opens a sector workspace ready to work in:
the map shows the sectors, the Sector statistics dock fills itself from the project, a unit moved
with the tool is undone, and QGIS quits through its own exit action with the project saved —
exit code 0, no crash, no dialog left waiting (it would run into the timeout)."""

import json
import shutil
from pathlib import Path

import pytest

from .qgis_desktop import run_qgis_desktop

SCRIPT = Path(__file__).with_name("workspace_run.py")

pytestmark = pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")


@pytest.fixture(scope="module")
def workspace(qgis_process, tmp_path_factory):
    folder = tmp_path_factory.mktemp("workspace_desktop")
    sample = folder / "sample.gpkg"
    qgis_process.run(
        "ypo:createsampledistrict", SEED=3, UNIT_COUNT=600, TOTAL_POPULATION=60000, OUTPUT=sample
    )
    qgis_process.run(
        "ypo:splitsectors",
        UNITS=f"{sample}|layername=units",
        DISTRICTS=f"{sample}|layername=districts",
        OUTPUT_SECTORS=folder / "sectors.gpkg",
        OUTPUT_UNITS=folder / "units.gpkg",
    )
    qgis_process.run(
        "ypo:createsectorworkspace", SECTORS=folder / "sectors.gpkg", OUTPUT_FOLDER=folder / "ws"
    )
    return folder


@pytest.mark.parametrize("close_dock", [False, True], ids=["dock open", "dock closed first"])
def test_workspace_opens_ready_and_qgis_exits_cleanly(
    qgis_process, staged_plugin_dir, workspace, tmp_path, close_dock
):
    report = tmp_path / "report.json"
    project = tmp_path / "workspace"
    shutil.copytree(workspace / "ws", project)  # each run saves its own copy
    qgis = run_qgis_desktop(
        SCRIPT,
        qgis_process,
        staged_plugin_dir,
        tmp_path,
        240,
        YPO_WORKSPACE=str(project / "workspace.qgz"),
        YPO_UNITS=f"{workspace / 'units.gpkg'}|layername=units",
        YPO_CLOSE_DOCK="1" if close_dock else "0",
        YPO_DESKTOP_REPORT=str(report),
    )
    errors = qgis.stderr.decode(errors="replace")
    assert qgis.returncode == 0, errors[-3000:]
    assert "crash" not in errors.casefold()
    outcome = json.loads(report.read_text())
    assert "error" not in outcome, outcome.get("error")
    # The saved map view: every sector in sight, filling most of the map (not 1:1 on a white map).
    assert outcome["shows_all_sectors"] and outcome["extent_share"] > 0.5 and outcome["scale"] > 1000
    assert outcome["dock_visible"] is True
    assert outcome["dock_layers"] == {
        "sectors": "Sektorer / Sectors",
        "units": "units",
        "population": "units",
    }
    assert outcome["dock_fields"] == ["sector_id", "sector_id"]
    assert outcome["rows"] > 0
    assert outcome["moved"] == 1
    assert outcome["unit_moved_to"] != outcome["unit_before"]
    assert outcome["unit_after_undo"] == outcome["unit_before"]
    assert outcome["modified_after_undo"] == [False, False]
    assert outcome["saved"] is True
