"""QGIS desktop (under Xvfb) with the installed plugin opens a sector workspace ready to work in:
the map shows the sectors, the Sector statistics dock fills itself from the project, a unit moved
with the tool is undone, and QGIS quits through its own exit action with the project saved —
exit code 0, no crash, no dialog left waiting (it would run into the timeout)."""

import json
import shutil
from pathlib import Path

import pytest

from ..translations import danish
from .qgis_desktop import run_qgis_desktop

SCRIPT = Path(__file__).with_name("workspace_run.py")
DOCK_HEADERS = [
    "Sector",
    "Population",
    "Crimes",
    "Violence",
    "Burglary",
    "Theft",
    "Drugs",
    "Vandalism",
    "Harassment",
    "Workload dev. %",
    "Factor",
    "Officers req.",
    "Officers alloc.",
    "Polsby-Popper",
    "Flags",
]

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
    outcome = open_workspace(qgis_process, staged_plugin_dir, workspace, tmp_path, close_dock)
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
    assert outcome["dock_title"] == "Sector statistics"
    assert outcome["dock_headers"] == DOCK_HEADERS
    assert outcome["toolbox"]["provider"] == "Your Police Officer"
    assert "Split districts into sectors" in outcome["toolbox"]["groups"]["Sector planning"]


def test_the_plugin_speaks_danish_when_qgis_does(
    qgis_process, qgis_process_in, staged_plugin_dir, workspace, tmp_path, ypo_provider
):
    in_danish = qgis_process_in("da")
    in_danish("plugins")  # the Danish profile now has the plugin enabled
    outcome = open_workspace(in_danish, staged_plugin_dir, workspace, tmp_path, close_dock=False)
    assert outcome["dock_title"] == danish("Sector statistics")
    assert outcome["dock_headers"] == [danish(header) for header in DOCK_HEADERS]
    assert outcome["toolbox"]["provider"] == danish(ypo_provider.name())
    expected = {}
    for algorithm in ypo_provider.algorithms():  # English here: this process has no translator
        expected.setdefault(danish(algorithm.group()), []).append(danish(algorithm.displayName()))
    assert {group: sorted(names) for group, names in outcome["toolbox"]["groups"].items()} == {
        group: sorted(names) for group, names in expected.items()
    }
    assert outcome["rows"] > 0 and outcome["moved"] == 1


def open_workspace(qgis_process, plugin_dir, workspace, tmp_path, close_dock):
    """Run workspace_run.py in QGIS desktop with the profile of ``qgis_process``: its report."""
    report = tmp_path / "report.json"
    project = tmp_path / "workspace"
    shutil.copytree(workspace / "ws", project)  # each run saves its own copy
    qgis = run_qgis_desktop(
        SCRIPT,
        qgis_process,
        plugin_dir,
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
    return outcome
