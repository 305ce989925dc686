"""Run inside QGIS desktop (qgis --code): open the sample sectors, show the "Sector statistics"
dock next to the map, take a screenshot, quit.

Reads YPO_SHOT_SAMPLE (the sample district GeoPackage), YPO_SHOT_SECTORS and YPO_SHOT_UNITS
(ypo:splitsectors outputs) and YPO_SHOT_REPORT (JSON report; the picture goes beside it as .png).
"""

import json
import os

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication, QDockWidget
from qgis.utils import iface, plugins

REPORT = os.environ["YPO_SHOT_REPORT"]
report = {}


def load():
    try:
        show_dock()
    except Exception:  # noqa: BLE001 - report anything, then quit
        import traceback

        report["error"] = traceback.format_exc()
        shoot()
        return
    QTimer.singleShot(4000, shoot)


def show_dock():
    sample = os.environ["YPO_SHOT_SAMPLE"]
    layers = [
        QgsVectorLayer(f"{os.environ['YPO_SHOT_UNITS']}|layername=units", "units", "ogr"),
        QgsVectorLayer(f"{sample}|layername=exposed_areas", "exposed_areas", "ogr"),
        QgsVectorLayer(f"{sample}|layername=crimes", "crimes", "ogr"),
        QgsVectorLayer(f"{os.environ['YPO_SHOT_SECTORS']}|layername=sectors", "sectors", "ogr"),
    ]
    report["layers_valid"] = [layer.isValid() for layer in layers]
    QgsProject.instance().addMapLayers(layers)
    crimes = layers[2]
    crimes.setOpacity(0.35)
    sectors = layers[3]
    sectors.setOpacity(0.8)
    gui = plugins["ypo_plugin"].editing_gui
    report["dock"] = gui is not None and gui.dock is not None
    dock = gui.dock
    dock.set_layers(
        sectors=sectors,
        sector_id_field="sector_id",
        population=layers[0],
        population_field="population",
        crimes=crimes,
        crime_type_field="crime_type",
        date_field="occurred",
        exposed=layers[1],
        units=layers[0],
        unit_sector_field="sector_id",
    )
    window = iface.mainWindow()
    window.setGeometry(0, 0, 1600, 1000)  # the whole screen (Xvfb has no window manager to maximise)
    for name in ("Browser", "Browser2", "Layers"):  # room for the dock's whole table
        panel = window.findChild(QDockWidget, name)
        if panel is not None:
            panel.hide()
    # One move with the unit-painting tool: a unit in the middle of NE-05 goes to NW-01,
    # which becomes non-contiguous (flagged in the table and listed under the problems).
    middle = next(f for f in sectors.getFeatures() if f["sector_id"] == "NE-05").geometry().pointOnSurface()
    iface.mapCanvas().setExtent(sectors.extent())
    report["moved"] = gui.tool.move_units_at_point(middle.asPoint(), "NW-01")
    gui.dock_action.setChecked(True)
    dock.show()
    dock.layers_box.setCollapsed(True)
    window.resizeDocks([dock], [1180], Qt.Orientation.Horizontal)
    dock.refresh()
    report["rows"] = dock.table.rowCount()
    report["status"] = dock.status_label.text()
    iface.setActiveLayer(sectors)
    iface.mapCanvas().setExtent(sectors.extent())
    iface.mapCanvas().refresh()


def shoot():
    QApplication.primaryScreen().grabWindow(iface.mainWindow().winId()).save(
        os.path.splitext(REPORT)[0] + ".png"
    )
    with open(REPORT, "w") as out:
        json.dump(report, out)
    iface.newProject(False)
    iface.actionExit().trigger()


QTimer.singleShot(3000, load)
