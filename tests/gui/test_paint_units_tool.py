"""The unit-painting map tool moves base units through the layers' edit buffers.

Every move changes the units' ``sector_id`` and rebuilds the sector polygons
from their units; one undo (on either layer) takes back both.
"""

import pytest
from qgis.core import Qgis, QgsPointXY, QgsRectangle
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt

from tests.gui import helpers
from tests.gui.helpers import add_to_project, feature_by_id, wait_for_update
from tests.layers import X0, Y0
from ypo_plugin.gui.paint_units_tool import PaintUnitsTool
from ypo_plugin.gui.sector_stats_dock import COLUMN_INDEX, SectorStatsDock
from ypo_plugin.gui.unit_mover import UnitMover


@pytest.fixture
def layers(qgis_new_project, qgis_canvas):
    units = helpers.units_layer()
    sectors = helpers.sectors_layer()
    add_to_project(units, sectors)
    qgis_canvas.setDestinationCrs(sectors.crs())
    qgis_canvas.setLayers([sectors, units])
    qgis_canvas.setExtent(QgsRectangle(X0 - 100, Y0 - 100, X0 + 2500, Y0 + 1100))
    yield units, sectors
    for layer in (units, sectors):
        if layer.isEditable():
            layer.rollBack()


@pytest.fixture
def tool(layers, qgis_canvas):
    units, sectors = layers
    mover = UnitMover()
    mover.configure(units, "sector_id", sectors, "sector_id")
    mover.target = "A"
    tool = PaintUnitsTool(qgis_canvas, mover)
    messages = []
    tool.messageEmitted.connect(lambda text, level=Qgis.Info: messages.append(text))
    tool.messages = messages
    return tool


def sector_of_units(units) -> dict:
    return {feature["unit_id"]: feature["sector_id"] for feature in units.getFeatures()}


def area(sectors, sector_id) -> float:
    geometry = feature_by_id(sectors, "sector_id", sector_id).geometry()
    return 0.0 if geometry.isNull() else geometry.area()


def column(x):
    """The unit ids of the column of units starting at x."""
    return {f"u{x}_{y}" for y in range(0, 1000, 200)}


def pixel(canvas, x, y) -> QPoint:
    point = canvas.mapSettings().mapToPixel().transform(X0 + x, Y0 + y)
    return QPoint(round(point.x()), round(point.y()))


def test_a_rectangle_moves_units_and_one_undo_on_either_layer_restores_both(layers, tool):
    units, sectors = layers
    original = sector_of_units(units)
    moved = tool.move_units_in_rectangle(QgsRectangle(X0 + 1050, Y0 + 50, X0 + 1150, Y0 + 950), "A")
    assert moved == 5
    after = sector_of_units(units)
    assert {unit for unit, sector in after.items() if sector != original[unit]} == column(1000)
    assert all(after[unit] == "A" for unit in column(1000))
    # By hand: A is now x 0–1200, B x 1200–2000.
    assert area(sectors, "A") == pytest.approx(1200 * 1000)
    assert area(sectors, "B") == pytest.approx(800 * 1000)
    assert feature_by_id(sectors, "sector_id", "A").geometry().isGeosValid()
    assert units.undoStack().count() == 1 and sectors.undoStack().count() == 1

    units.undoStack().undo()  # Undo with the units layer active
    assert sector_of_units(units) == original
    assert area(sectors, "A") == pytest.approx(1000 * 1000)
    assert area(sectors, "B") == pytest.approx(1000 * 1000)

    sectors.undoStack().redo()  # Redo with the sectors layer active
    assert all(sector_of_units(units)[unit] == "A" for unit in column(1000))
    assert area(sectors, "A") == pytest.approx(1200 * 1000)

    sectors.undoStack().undo()  # Undo with the sectors layer active
    assert sector_of_units(units) == original
    assert area(sectors, "B") == pytest.approx(1000 * 1000)


def test_each_move_is_one_undo_step(layers, tool):
    units, sectors = layers
    original = sector_of_units(units)
    tool.move_units_in_rectangle(QgsRectangle(X0 + 1050, Y0 + 50, X0 + 1150, Y0 + 950), "A")
    tool.move_units_in_rectangle(QgsRectangle(X0 + 850, Y0 + 50, X0 + 950, Y0 + 950), "B")
    assert area(sectors, "A") == pytest.approx(1000 * 1000)  # gained x 1000–1200, lost x 800–1000
    assert sector_of_units(units)["u800_0"] == "B"
    units.undoStack().undo()
    assert sector_of_units(units)["u800_0"] == "A"
    assert sector_of_units(units)["u1000_0"] == "A"
    assert area(sectors, "A") == pytest.approx(1200 * 1000)
    units.undoStack().undo()
    assert sector_of_units(units) == original
    assert area(sectors, "A") == pytest.approx(1000 * 1000)
    assert units.undoStack().index() == 0 and sectors.undoStack().index() == 0


def test_a_click_moves_the_unit_under_the_mouse(layers, tool, qgis_canvas):
    units, sectors = layers
    where = pixel(qgis_canvas, 1500, 300)  # the unit x 1400–1600, y 200–400 of B
    for kind in (QEvent.MouseButtonPress, QEvent.MouseButtonRelease):
        event = QgsMapMouseEvent(qgis_canvas, kind, where, Qt.LeftButton, Qt.LeftButton)
        getattr(tool, "canvasPressEvent" if kind == QEvent.MouseButtonPress else "canvasReleaseEvent")(event)
    assert sector_of_units(units)["u1400_200"] == "A"
    assert sum(1 for sector in sector_of_units(units).values() if sector == "A") == 26
    # A becomes two parts: its square and the moved unit inside B (B gets a hole).
    a = feature_by_id(sectors, "sector_id", "A").geometry()
    assert a.area() == pytest.approx(1000 * 1000 + 200 * 200)
    assert a.constGet().numGeometries() == 2
    assert area(sectors, "B") == pytest.approx(1000 * 1000 - 200 * 200)


def test_dragging_moves_the_units_under_the_rubber_band(layers, tool, qgis_canvas):
    units, sectors = layers
    start, end = pixel(qgis_canvas, 2050, 50), pixel(qgis_canvas, 2350, 950)
    tool.mover.target = "B"
    tool.canvasPressEvent(QgsMapMouseEvent(qgis_canvas, QEvent.MouseButtonPress, start, Qt.LeftButton))
    tool.canvasMoveEvent(QgsMapMouseEvent(qgis_canvas, QEvent.MouseMove, end, Qt.NoButton, Qt.LeftButton))
    assert tool._band is not None  # the rubber band shows the rectangle
    tool.canvasReleaseEvent(QgsMapMouseEvent(qgis_canvas, QEvent.MouseButtonRelease, end, Qt.LeftButton))
    assert tool._band is None
    moved = {unit for unit, sector in sector_of_units(units).items() if sector == "B"}
    assert moved == set().union(*(column(x) for x in range(1000, 2400, 200)))
    assert area(sectors, "B") == pytest.approx(1400 * 1000)


def test_moving_every_unit_of_a_sector_leaves_it_without_geometry(layers, tool):
    units, sectors = layers
    tool.move_units_in_rectangle(QgsRectangle(X0 + 1050, Y0 + 50, X0 + 1950, Y0 + 950), "A")
    assert feature_by_id(sectors, "sector_id", "B").geometry().isNull()
    assert area(sectors, "A") == pytest.approx(2000 * 1000)
    sectors.undoStack().undo()
    assert area(sectors, "B") == pytest.approx(1000 * 1000)
    assert sum(1 for sector in sector_of_units(units).values() if sector == "B") == 25


def test_nothing_to_move_and_missing_target_are_reported(layers, tool):
    units, sectors = layers
    assert tool.move_units_in_rectangle(QgsRectangle(X0 + 50, Y0 + 50, X0 + 150, Y0 + 150), "A") == 0
    assert "already" in tool.messages[-1]
    assert tool.move_units_at_point(QgsPointXY(X0 + 5000, Y0 + 5000), "A") == 0
    assert "No base unit" in tool.messages[-1]
    tool.mover.target = None
    assert tool.move_units_at_point(QgsPointXY(X0 + 1500, Y0 + 500)) == 0
    assert "target sector" in tool.messages[-1]
    assert not units.isModified() and not sectors.isModified()


def test_the_dock_follows_unit_moves_and_their_undo(layers, tool, qgis_canvas):
    units, sectors = layers
    dock = SectorStatsDock(qgis_canvas)
    try:
        helpers.set_plan_layers(dock, sectors, units)
        dock.refresh()
        dock.target_combo.setCurrentIndex(dock.target_combo.findText("B"))
        assert dock.mover.target == "B"
        paint = PaintUnitsTool(qgis_canvas, dock.mover)
        before = dock.update_count
        assert paint.move_units_in_rectangle(QgsRectangle(X0 + 850, Y0 + 50, X0 + 950, Y0 + 950)) == 5
        wait_for_update(dock, before)
        population = {
            dock.table.item(r, 0).text(): dock.table.item(r, COLUMN_INDEX["population"]).text()
            for r in range(dock.table.rowCount())
        }
        assert population == {"A": "2,000", "B": "3,000"}
        before = dock.update_count
        units.undoStack().undo()
        wait_for_update(dock, before)
        population = {
            dock.table.item(r, 0).text(): dock.table.item(r, COLUMN_INDEX["population"]).text()
            for r in range(dock.table.rowCount())
        }
        assert population == {"A": "2,500", "B": "2,500"}
    finally:
        dock.cleanup()


def test_the_plugin_registers_the_dock_and_the_tool(qgis_iface, qgis_new_project):
    from ypo_plugin.gui.editing import EditingGui

    gui = EditingGui(qgis_iface)
    gui.init_gui()
    try:
        assert gui.dock is not None and gui.dock.windowTitle() == "Sector statistics"
        gui.paint_action.trigger()
        assert qgis_iface.mapCanvas().mapTool() is gui.tool
        gui.paint_action.trigger()
        assert qgis_iface.mapCanvas().mapTool() is not gui.tool
    finally:
        gui.unload()
    assert gui.dock is None and gui.tool is None
