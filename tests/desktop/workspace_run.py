"""Run inside QGIS desktop (qgis --code): open a sector workspace as a user would, open the
"Sector statistics" dock, move one unit with the tool, undo, save the project and quit through
QGIS's own exit action (the dock closed first when YPO_CLOSE_DOCK=1). A screenshot of the opened
workspace, with the Processing toolbox open at the plugin's algorithms, goes beside the report, and
the report gives what the user reads: the toolbox's groups and names, the dock's title and headers.

Reads YPO_WORKSPACE (workspace.qgz), YPO_UNITS (a layer of units with sector_id, e.g.
ypo:splitsectors's units output, as "path|layername=name"), YPO_CLOSE_DOCK and YPO_DESKTOP_REPORT
(the JSON report).
"""

import json
import os
import traceback

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QModelIndex, Qt, QTimer
from qgis.PyQt.QtWidgets import QAbstractItemView, QApplication, QDockWidget
from qgis.utils import iface, plugins

REPORT = os.environ["YPO_DESKTOP_REPORT"]
report = {}


def step(function, delay_ms=1500):
    """Run ``function`` after ``delay_ms``; on an error, report it and quit."""

    def run():
        try:
            function()
        except Exception:  # noqa: BLE001 - report anything, then quit
            report["error"] = traceback.format_exc()
            quit_qgis()

    QTimer.singleShot(delay_ms, run)


def open_workspace():
    # The whole screen: Xvfb has no window manager to maximise the window.
    iface.mainWindow().setGeometry(0, 0, 1600, 1000)
    iface.addProject(os.environ["YPO_WORKSPACE"])
    canvas = iface.mapCanvas()
    sectors = next(
        layer for layer in QgsProject.instance().mapLayers().values() if layer.name() == "Sektorer / Sectors"
    )
    report["scale"] = canvas.scale()
    report["shows_all_sectors"] = canvas.extent().contains(sectors.extent())
    report["extent_share"] = sectors.extent().width() / canvas.extent().width()
    step(open_dock)


def open_dock():
    for name in ("Browser", "Browser2"):
        panel = iface.mainWindow().findChild(QDockWidget, name)
        if panel is not None:
            panel.hide()
    units = QgsVectorLayer(os.environ["YPO_UNITS"], "units", "ogr")
    QgsProject.instance().addMapLayer(units)
    gui = plugins["ypo_plugin"].editing_gui
    if not gui.dock_action.isChecked():
        gui.dock_action.trigger()  # the menu entry, as a user opens the dock
    dock = gui.dock
    iface.mainWindow().resizeDocks([dock], [1000], Qt.Orientation.Horizontal)
    report["dock_visible"] = dock.isVisible()
    report["dock_layers"] = {
        role: combo.currentLayer().name() if combo.currentLayer() else None
        for role, combo in (
            ("sectors", dock.sectors_combo),
            ("units", dock.units_combo),
            ("population", dock.population_combo),
        )
    }
    report["dock_fields"] = [dock.id_field_combo.currentField(), dock.unit_field_combo.currentField()]
    report["toolbox"] = open_toolbox_at_the_plugin()
    step(move_and_undo, 3000)


def open_toolbox_at_the_plugin():
    """Show the Processing toolbox with the plugin's branch open; its algorithms' texts as shown:
    {group: [algorithm name, …]} under the key of the provider's name."""
    toolbox = plugins["processing"].toolbox
    toolbox.show()
    iface.mainWindow().resizeDocks([toolbox], [420], Qt.Orientation.Horizontal)
    tree = toolbox.algorithmTree
    model = tree.model()
    shown = {}

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            algorithm = tree.algorithmForIndex(index)
            if algorithm is not None and algorithm.provider().id() == "ypo":
                group = index.parent()
                shown.setdefault(group.data(), []).append(index.data())
                tree.expand(group.parent())
                tree.expand(group)
                tree.scrollTo(group.parent(), QAbstractItemView.ScrollHint.PositionAtTop)
            walk(index)

    walk(QModelIndex())
    provider = QgsApplication.processingRegistry().providerById("ypo")
    return {"provider": provider.name(), "groups": shown}


def move_and_undo():
    gui = plugins["ypo_plugin"].editing_gui
    dock = gui.dock
    report["rows"] = dock.table.rowCount()
    report["dock_title"] = dock.windowTitle()
    header = dock.table.horizontalHeaderItem
    report["dock_headers"] = [header(column).text() for column in range(dock.table.columnCount())]
    QApplication.primaryScreen().grabWindow(iface.mainWindow().winId()).save(
        os.path.splitext(REPORT)[0] + ".png"
    )
    units = dock.units_combo.currentLayer()
    sectors = dock.sectors_combo.currentLayer()
    # A unit on the edge of its sector, moved to the neighbouring sector across that edge.
    polygons = list(sectors.getFeatures())
    own, neighbour = next(
        (first, second)
        for first in polygons
        for second in polygons
        if first["sector_id"] != second["sector_id"] and first.geometry().touches(second.geometry())
    )
    unit = next(
        feature
        for feature in units.getFeatures()
        if feature["sector_id"] == own["sector_id"]
        and feature.geometry().distance(neighbour.geometry()) < 0.01
    )
    target = neighbour["sector_id"]
    report["unit_before"] = unit["sector_id"]
    gui.paint_action.trigger()
    report["moved"] = gui.tool.move_units_at_point(unit.geometry().pointOnSurface().asPoint(), target)
    report["unit_moved_to"] = units.getFeature(unit.id())["sector_id"]
    units.undoStack().undo()
    report["unit_after_undo"] = units.getFeature(unit.id())["sector_id"]
    report["modified_after_undo"] = [units.isModified(), sectors.isModified()]
    for layer in (units, sectors):
        if layer.isEditable():
            layer.commitChanges()
    gui.paint_action.trigger()
    if os.environ.get("YPO_CLOSE_DOCK") == "1":
        dock.close()
    report["saved"] = QgsProject.instance().write()
    step(quit_qgis)


def quit_qgis():
    with open(REPORT, "w") as out:
        json.dump(report, out)
    iface.actionExit().trigger()


step(open_workspace, 3000)
