"""Run inside QGIS desktop (qgis --code): open an algorithm's Processing
dialog, run it as a user would, record what happened, take a screenshot, quit.

Reads YPO_DESKTOP_ALGORITHM, YPO_DESKTOP_PARAMETERS (JSON) and
YPO_DESKTOP_REPORT (where the JSON report goes; the screenshot goes beside it).
"""

import json
import os

from qgis import processing
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface

ALGORITHM = os.environ["YPO_DESKTOP_ALGORITHM"]
PARAMETERS = json.loads(os.environ["YPO_DESKTOP_PARAMETERS"])
REPORT = os.environ["YPO_DESKTOP_REPORT"]
report = {}
dialogs = []


def open_dialog():
    provider = QgsApplication.processingRegistry().providerById("ypo")
    report["provider"] = provider.name() if provider else None
    report["algorithms"] = [algorithm.id() for algorithm in provider.algorithms()] if provider else []
    dialog = processing.createAlgorithmDialog(ALGORITHM, PARAMETERS)
    dialog.show()
    dialogs.append(dialog)
    QTimer.singleShot(1000, run)


def run():
    dialogs[0].runAlgorithm()
    wait_for_layers(60)


def wait_for_layers(tries_left):
    layers = QgsProject.instance().mapLayers().values()
    if layers or tries_left == 0:
        QTimer.singleShot(2000, finish)
    else:
        QTimer.singleShot(500, lambda: wait_for_layers(tries_left - 1))


def finish():
    layers = QgsProject.instance().mapLayers().values()
    report["layers"] = {layer.name(): layer.renderer().type() for layer in layers}
    iface.mapCanvas().zoomToFullExtent()
    QApplication.primaryScreen().grabWindow(0).save(os.path.splitext(REPORT)[0] + ".png")
    with open(REPORT, "w") as out:
        json.dump(report, out)
    dialogs[0].close()
    iface.newProject(False)  # close the project without the "save it?" question
    iface.actionExit().trigger()


QTimer.singleShot(3000, open_dialog)
