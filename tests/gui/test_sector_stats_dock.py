"""The "Sector statistics" dock follows edits made through a real layer edit buffer.

Each test edits the sectors layer as a user would (edit commands, undo, redo)
and checks the table against numbers computed by hand or with the core's
``compute_manning`` on the same geometries.
"""

import math

import numpy as np
import pytest
import shapely
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsRectangle
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator

from tests.gui import helpers
from tests.gui.helpers import UNIT_POPULATION, add_to_project, feature_by_id, wait_for_update
from tests.layers import X0, Y0, box
from ypo_plugin.core.crime_types import CRIME_TYPE_FIELDS
from ypo_plugin.core.manning import CrimeInput, PopulationInput, SectorInput, compute_manning
from ypo_plugin.gui.sector_stats_dock import COLUMN_INDEX, FLAGS_COLUMN, SectorStatsDock, problem_label


@pytest.fixture
def plan(qgis_new_project, qgis_canvas):
    sectors = helpers.sectors_layer()
    units = helpers.units_layer()
    crimes = helpers.crimes_layer()
    exposed = helpers.exposed_layer()
    add_to_project(sectors, units, crimes, exposed)
    dock = SectorStatsDock(qgis_canvas)
    helpers.set_plan_layers(
        dock, sectors, units, crimes=crimes, crime_type_field="crime_type", exposed=exposed
    )
    dock.refresh()
    yield dock, sectors, units, crimes
    dock.cleanup()
    dock.deleteLater()
    for layer in (sectors, units):
        if layer.isEditable():
            layer.rollBack()


def table(dock) -> dict:
    """Sector id → {column key: cell text} as shown in the dock."""
    rows = {}
    for row in range(dock.table.rowCount()):
        cells = {key: dock.table.item(row, column).text() for key, column in COLUMN_INDEX.items()}
        rows[cells["sector_id"]] = cells
    return rows


def number(text: str) -> float:
    return float(text.replace(",", "")) if text else math.nan


def values(dock, column) -> dict:
    return {sector_id: number(cells[column]) for sector_id, cells in table(dock).items()}


def flags(dock) -> dict:
    return {
        sector_id: set(filter(None, cells["flags"].split(", "))) for sector_id, cells in table(dock).items()
    }


def edit(layer, text, action):
    """One edit command on ``layer`` (started for editing when needed)."""
    if not layer.isEditable():
        assert layer.startEditing()
    layer.beginEditCommand(text)
    action()
    layer.endEditCommand()


def manning_of(sectors, units, crimes) -> dict:
    """Sector id → compute_manning row, on the layers' own (edit buffer) geometries."""

    def shapes(layer, field):
        ids, geoms = [], []
        for feature in layer.getFeatures():
            ids.append(feature[field])
            geoms.append(shapely.from_wkb(bytes(feature.geometry().asWkb())))
        return ids, np.array(geoms, dtype=object)

    sector_ids, sector_geoms = shapes(sectors, "sector_id")
    populations, unit_geoms = shapes(units, "population")
    types, points = shapes(crimes, "crime_type")
    result = compute_manning(
        SectorInput(sector_ids, sector_geoms),
        PopulationInput(unit_geoms, populations),
        CrimeInput(shapely.get_coordinates(points), types),
        shapely.box(X0, Y0, X0 + 200, Y0 + 200),
    )
    return {row["sector_id"]: row for row in result.sectors.to_dict("records")}


def test_the_table_shows_the_core_statistics_of_every_sector(plan):
    dock, sectors, units, crimes = plan
    assert set(table(dock)) == {"A", "B"}
    # By hand: 25 units of 100 inhabitants in each sector; the column x 2000–2400 is in none.
    assert values(dock, "population") == {"A": 2500, "B": 2500}
    assert values(dock, "crimes_total") == {"A": 30, "B": 12}
    assert values(dock, "crimes_violence") == {"A": 10, "B": 0}
    assert values(dock, "crimes_theft") == {"A": 20, "B": 0}
    assert values(dock, "crimes_burglary") == {"A": 0, "B": 12}
    expected = manning_of(sectors, units, crimes)
    for sector_id in ("A", "B"):
        for column in ("factor", "officers_required", *CRIME_TYPE_FIELDS):
            assert values(dock, column)[sector_id] == expected[sector_id][column], column
    assert values(dock, "officers_allocated") == {"A": 10, "B": 10}
    # A square scores π/4.
    assert values(dock, "polsby_popper") == {
        "A": pytest.approx(0.79, abs=0.005),
        "B": pytest.approx(0.79, abs=0.005),
    }
    stats = dock.statistics.table.set_index("sector_id")
    assert stats.loc["A", "exposed_share"] == pytest.approx(expected["A"]["exposed_share"])
    assert stats.loc["A", "need_score"] == pytest.approx(expected["A"]["need_score"])
    # Workload deviation from the mean: the same populations, but A has more crime and exposure.
    workload = stats["workload"]
    mean = workload.mean()
    assert stats.loc["A", "workload_dev_pct"] == pytest.approx(100 * (workload["A"] - mean) / mean)
    assert values(dock, "workload_dev_pct")["A"] > 0 > values(dock, "workload_dev_pct")["B"]
    assert dock.statistics.population_outside == pytest.approx(1000)
    assert dock.statistics.crimes_outside == 4


def test_the_workload_has_the_weights_of_the_split(plan):
    # By hand, with the split's weights (population 1, crime 0.5, exposed 0.2), each term scaled to
    # the population total: workload = (pop + 0.5·crimes·P/C + 0.2·exposed·P/E) / 1.7.
    dock = plan[0]
    stats = dock.statistics.table.set_index("sector_id")
    population = {"A": 2500.0, "B": 2500.0}
    crimes = {"A": 30.0, "B": 12.0}
    exposed = {k: stats.loc[k, "exposed_share"] * population[k] for k in "AB"}
    total_p, total_c, total_e = sum(population.values()), sum(crimes.values()), sum(exposed.values())
    workload = {
        k: (population[k] + 0.5 * crimes[k] * total_p / total_c + 0.2 * exposed[k] * total_p / total_e) / 1.7
        for k in "AB"
    }
    mean = (workload["A"] + workload["B"]) / 2
    for k in "AB":
        assert stats.loc[k, "workload"] == pytest.approx(workload[k])
        assert stats.loc[k, "workload_dev_pct"] == pytest.approx(100 * (workload[k] - mean) / mean)
        assert values(dock, "workload_dev_pct")[k] == pytest.approx(
            100 * (workload[k] - mean) / mean, abs=0.05
        )


def test_moving_a_vertex_updates_the_table_and_undo_redo_follow(plan):
    dock, sectors, units, crimes = plan
    a = feature_by_id(sectors, "sector_id", "A")
    geometry = a.geometry()
    # The vertex at (1000, 500) moves 100 m into B: A gains the triangle (1000,400)-(1100,500)-(1000,600).
    vertex = min(
        range(len(geometry.asPolygon()[0])),
        key=lambda i: geometry.vertexAt(i).distance(X0 + 1000, Y0 + 500),
    )
    assert geometry.vertexAt(vertex).distance(X0 + 1000, Y0 + 500) < 1e-6
    before = dock.update_count
    edit(sectors, "move vertex", lambda: sectors.moveVertex(X0 + 1100, Y0 + 500, a.id(), vertex))
    wait_for_update(dock, before)
    # The triangle (10,000 m²) lies in the unit x 1000–1200, y 400–600 (40,000 m², 100 inhabitants):
    # 25 inhabitants; the overlap counts in A, the first sector.
    triangle_share = UNIT_POPULATION * 10_000 / 40_000
    assert values(dock, "population") == {
        "A": pytest.approx(2500 + triangle_share),
        "B": pytest.approx(2500 - triangle_share),
    }
    assert flags(dock)["A"] >= {"overlap"} and flags(dock)["B"] >= {"overlap"}
    expected = manning_of(sectors, units, crimes)
    assert values(dock, "officers_required") == {
        "A": expected["A"]["officers_required"],
        "B": expected["B"]["officers_required"],
    }

    before = dock.update_count
    sectors.undoStack().undo()
    wait_for_update(dock, before)
    assert values(dock, "population") == {"A": pytest.approx(2500), "B": pytest.approx(2500)}
    assert "overlap" not in flags(dock)["A"]

    before = dock.update_count
    sectors.undoStack().redo()
    wait_for_update(dock, before)
    assert values(dock, "population")["A"] == pytest.approx(2500 + triangle_share)


def test_changing_a_geometry_shows_a_gap_and_overlap_flags(plan):
    dock, sectors, *_ = plan
    a = feature_by_id(sectors, "sector_id", "A")
    before = dock.update_count
    # A shrinks to x 0–800 except a hole-free notch: the strip x 800–1000 becomes uncovered (not enclosed).
    edit(sectors, "reshape", lambda: sectors.changeGeometry(a.id(), box(0, 0, 800, 1000)))
    wait_for_update(dock, before)
    assert values(dock, "population") == {"A": pytest.approx(2000), "B": pytest.approx(2500)}
    assert values(dock, "crimes_total") == {"A": 30, "B": 12}
    # A ring around a hole: the hole is a gap next to A.
    ring = box(0, 0, 1000, 1000).difference(box(400, 400, 600, 600))
    before = dock.update_count
    edit(sectors, "hole", lambda: sectors.changeGeometry(a.id(), ring))
    wait_for_update(dock, before)
    assert values(dock, "population")["A"] == pytest.approx(2500 - 100)  # the unit x 400–600, y 400–600
    assert "gap" in flags(dock)["A"]
    problems = dock.statistics.problems
    gap = problems[problems.error_type == "gap"].geometry.iloc[0]
    assert gap.area == pytest.approx(200 * 200)


def test_adding_and_deleting_sectors(plan):
    dock, sectors, *_ = plan
    c = QgsFeature(sectors.fields())
    c.setAttributes(["C", 1])
    c.setGeometry(box(2000, 0, 2400, 1000))
    before = dock.update_count
    edit(sectors, "add C", lambda: sectors.addFeature(c))
    wait_for_update(dock, before)
    assert values(dock, "population") == {"A": 2500, "B": 2500, "C": pytest.approx(1000)}
    assert values(dock, "crimes_drugs")["C"] == 4
    # C has 1 officer for 1,000 inhabitants: below the minimum of 2, so under-manned.
    assert "undermanned" in flags(dock)["C"]
    cells = table(dock)["C"]
    assert cells["officers_allocated"] == "1"
    row = [r for r in range(dock.table.rowCount()) if dock.table.item(r, 0).text() == "C"][0]
    assert dock.table.item(row, COLUMN_INDEX["officers_allocated"]).background().color().red() > 200

    b = feature_by_id(sectors, "sector_id", "B")
    before = dock.update_count
    edit(sectors, "delete B", lambda: sectors.deleteFeature(b.id()))
    wait_for_update(dock, before)
    assert set(table(dock)) == {"A", "C"}
    assert dock.statistics.population_outside == pytest.approx(2500)

    before = dock.update_count
    sectors.undoStack().undo()
    wait_for_update(dock, before)
    assert set(table(dock)) == {"A", "B", "C"}
    assert values(dock, "population")["B"] == pytest.approx(2500)


def test_attribute_edits_update_the_table(plan):
    dock, sectors, *_ = plan
    a = feature_by_id(sectors, "sector_id", "A")
    index = sectors.fields().lookupField("officers_allocated")
    before = dock.update_count
    edit(sectors, "officers", lambda: sectors.changeAttributeValue(a.id(), index, 1))
    wait_for_update(dock, before)
    assert values(dock, "officers_allocated")["A"] == 1
    assert "undermanned" in flags(dock)["A"]
    before = dock.update_count
    sectors.undoStack().undo()
    wait_for_update(dock, before)
    assert "undermanned" not in flags(dock)["A"]


def test_workload_outside_the_tolerance_is_flagged_and_coloured(plan):
    dock, *_ = plan
    deviation = abs(values(dock, "workload_dev_pct")["A"])
    before = dock.update_count
    dock.tolerance_spin.setValue(2 * deviation + 1)
    wait_for_update(dock, before)
    assert "workload" not in flags(dock)["A"]
    cell = dock.table.item(0, COLUMN_INDEX["workload_dev_pct"])
    assert cell.background().color().green() > cell.background().color().red()  # green: well within
    before = dock.update_count
    dock.tolerance_spin.setValue(max(deviation - 1, 0))
    wait_for_update(dock, before)
    assert "workload" in flags(dock)["A"]
    cell = dock.table.item(0, COLUMN_INDEX["workload_dev_pct"])
    assert cell.background().color().red() > cell.background().color().green()


def test_clicking_a_row_or_a_flag_zooms_to_it(plan, qgis_canvas):
    dock, sectors, *_ = plan
    qgis_canvas.setDestinationCrs(sectors.crs())
    qgis_canvas.setExtent(QgsRectangle(X0 + 50_000, Y0 + 50_000, X0 + 51_000, Y0 + 51_000))
    row_b = [r for r in range(dock.table.rowCount()) if dock.table.item(r, 0).text() == "B"][0]
    dock.table.cellClicked.emit(row_b, 0)
    extent = qgis_canvas.extent()
    assert extent.contains(QgsRectangle(X0 + 1000, Y0, X0 + 2000, Y0 + 1000))
    assert min(extent.width(), extent.height()) < 1500  # fitted to the sector (the canvas keeps its aspect)

    a = feature_by_id(sectors, "sector_id", "A")
    ring = box(0, 0, 1000, 1000).difference(box(400, 400, 600, 600))
    before = dock.update_count
    edit(sectors, "hole", lambda: sectors.changeGeometry(a.id(), ring))
    wait_for_update(dock, before)
    row_a = [r for r in range(dock.table.rowCount()) if dock.table.item(r, 0).text() == "A"][0]
    dock.table.cellClicked.emit(row_a, FLAGS_COLUMN)
    extent = qgis_canvas.extent()
    assert extent.contains(QgsPointXY(X0 + 500, Y0 + 500))
    assert min(extent.width(), extent.height()) < 400  # the 200 m gap, not the whole sector
    dock.problems_table.cellClicked.emit(0, 0)
    assert qgis_canvas.extent().contains(QgsPointXY(X0 + 500, Y0 + 500))


def test_sectors_in_another_crs_give_the_same_population(qgis_new_project, qgis_canvas):
    sectors = helpers.sectors_layer(crs="EPSG:4326")
    units = helpers.units_layer()
    add_to_project(sectors, units)
    dock = SectorStatsDock(qgis_canvas)
    try:
        dock.set_layers(
            sectors=sectors, sector_id_field="sector_id", population=units, population_field="population"
        )
        dock.refresh()
        population = values(dock, "population")
        assert population == {"A": pytest.approx(2500, rel=1e-3), "B": pytest.approx(2500, rel=1e-3)}
    finally:
        dock.cleanup()


def test_a_broken_geometry_is_flagged_not_fatal(plan):
    dock, sectors, *_ = plan
    a = feature_by_id(sectors, "sector_id", "A")
    bow_tie = QgsGeometry.fromWkt(
        f"POLYGON(({X0} {Y0}, {X0 + 1000} {Y0 + 1000}, {X0 + 1000} {Y0}, {X0} {Y0 + 1000}, {X0} {Y0}))"
    )
    before = dock.update_count
    edit(sectors, "bow tie", lambda: sectors.changeGeometry(a.id(), bow_tie))
    wait_for_update(dock, before)
    assert "invalid" in flags(dock)["A"]
    before = dock.update_count
    edit(sectors, "no geometry", lambda: sectors.changeGeometry(a.id(), QgsGeometry()))
    wait_for_update(dock, before)
    assert "empty" in flags(dock)["A"]
    assert table(dock)["A"]["population"] == ""
    assert values(dock, "population")["B"] == pytest.approx(2500)


def test_the_target_sector_choices_follow_the_sector_ids(plan):
    dock, *_ = plan
    ids = [dock.target_combo.itemText(i) for i in range(dock.target_combo.count())]
    assert ids == ["A", "B"]
    dock.target_combo.setCurrentIndex(1)
    assert dock.mover.target == "B"
    assert dock.table.item(0, 0).data(Qt.UserRole) is not None


def test_the_choices_are_kept_in_the_project_and_restored_on_reading(qgis_new_project, qgis_canvas, tmp_path):
    from qgis.core import QgsProject

    sectors, units, crimes = helpers.sectors_layer(), helpers.units_layer(), helpers.crimes_layer()
    sectors.setName("Sektorer / Sectors")  # no name the dock knows: found by its sector_id field
    units.setName("blocks")
    add_to_project(sectors, units, crimes)
    project = QgsProject.instance()
    project.setDirty(False)
    dock = SectorStatsDock(qgis_canvas)
    try:
        assert dock.sectors_combo.currentLayer() is sectors
        assert dock.id_field_combo.currentField() == "sector_id"
        assert not project.isDirty()  # the dock's choices are kept on saving, never asking for it
        dock.set_layers(units=units, unit_sector_field="sector_id", crime_type_map="BATTERY=violence")
        path = str(tmp_path / "plan.qgz")
        assert project.write(path)
        dock.set_layers(units=sectors)  # changed after saving: reading the project restores it
        dock.type_map_edit.setText("")
        assert project.read(path)
        assert dock.units_combo.currentLayer().name() == "blocks"
        assert dock.unit_field_combo.currentField() == "sector_id"
        assert dock.type_map_edit.text() == "BATTERY=violence"
        assert dock.sectors_combo.currentLayer().name() == "Sektorer / Sectors"
    finally:
        dock.cleanup()
        dock.deleteLater()


class DanishTexts(QTranslator):
    """A few of the dock's texts in Danish, as the plugin's compiled translation gives them."""

    TEXTS = {
        ("Sector statistics", None): "Sektorstatistik",
        ("Sector", None): "Sektor",
        ("Crimes", None): "Kriminalitet",
        ("Flags", None): "Flag",
        ("Problem", None): "Problem",
        ("Details", None): "Detaljer",
        ("gap", "sector problem"): "hul",
        ("Choose the sectors layer and its id field.", None): "Vælg sektorlaget og dets id-felt.",
    }

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 - Qt's signature
        # None (a null text) lets Qt go on to the source text; an empty text would replace it.
        return self.TEXTS.get((source, disambiguation or None)) if context == "@default" else None


def test_the_dock_speaks_the_language_of_qgis(qgis_new_project, qgis_canvas):
    translator = DanishTexts()
    QCoreApplication.installTranslator(translator)
    try:
        dock = SectorStatsDock(qgis_canvas)
        dock.refresh()
        headers = [dock.table.horizontalHeaderItem(k).text() for k in range(dock.table.columnCount())]
        problem_headers = [dock.problems_table.horizontalHeaderItem(k).text() for k in range(3)]
        assert dock.windowTitle() == "Sektorstatistik"
        assert headers[COLUMN_INDEX["sector_id"]] == "Sektor"
        assert headers[COLUMN_INDEX["crimes_total"]] == "Kriminalitet"
        assert headers[FLAGS_COLUMN] == "Flag"
        assert headers[COLUMN_INDEX["population"]] == "Population"  # no Danish given for it here
        assert problem_headers == ["Problem", "Sectors", "Detaljer"]
        assert dock.status_label.text() == "Vælg sektorlaget og dets id-felt."
        assert problem_label("gap") == "hul" and problem_label("overlap") == "overlap"
        dock.cleanup()
    finally:
        QCoreApplication.removeTranslator(translator)
    english = SectorStatsDock(qgis_canvas)
    assert english.windowTitle() == "Sector statistics"
    assert english.table.horizontalHeaderItem(0).text() == "Sector"
    english.cleanup()
