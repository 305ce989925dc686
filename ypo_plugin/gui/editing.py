"""The editing GUI the plugin adds to QGIS: the "Sector statistics" dock and the unit-painting tool."""

import os

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from ..i18n import plugin_menu, tr
from .paint_units_tool import PaintUnitsTool
from .sector_stats_dock import SectorStatsDock

ICON = os.path.join(os.path.dirname(os.path.dirname(__file__)), "icon.svg")


class EditingGui:
    """Creates the dock, the tool and their actions in ``init_gui`` and removes them in ``unload``."""

    def __init__(self, iface):
        self.iface = iface
        self.dock = None
        self.tool = None
        self.dock_action = None
        self.paint_action = None

    def init_gui(self) -> None:
        canvas = self.iface.mapCanvas()
        self.dock = SectorStatsDock(canvas, self.iface.mainWindow())
        self.dock.hide()
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)

        self.dock_action = self.dock.toggleViewAction()
        self.dock_action.setText(tr("Sector statistics"))
        self.dock_action.setIcon(QIcon(ICON))
        self.dock_action.setToolTip(tr("Show live statistics of the sectors while you edit them"))
        self.iface.addPluginToMenu(plugin_menu(), self.dock_action)
        self.iface.addToolBarIcon(self.dock_action)

        self.tool = PaintUnitsTool(canvas, self.dock.mover)
        self.paint_action = QAction(QIcon(ICON), tr("Move base units to sector"), self.iface.mainWindow())
        self.paint_action.setToolTip(
            tr(
                "Click a base unit, or drag a rectangle over units, to move them to the target sector "
                "chosen in the Sector statistics dock (one undo step per move)"
            )
        )
        self.paint_action.setCheckable(True)
        self.paint_action.triggered.connect(self._activate_tool)
        self.tool.setAction(self.paint_action)
        self.dock.set_paint_action(self.paint_action)
        self.iface.addPluginToMenu(plugin_menu(), self.paint_action)
        self.iface.addToolBarIcon(self.paint_action)

    def _activate_tool(self, checked: bool) -> None:
        canvas = self.iface.mapCanvas()
        if checked:
            self.dock.show()
            canvas.setMapTool(self.tool)
        elif canvas.mapTool() is self.tool:
            canvas.unsetMapTool(self.tool)

    def unload(self) -> None:
        canvas = self.iface.mapCanvas()
        if self.tool is not None and canvas.mapTool() is self.tool:
            canvas.unsetMapTool(self.tool)
        for action in (self.dock_action, self.paint_action):
            if action is not None:
                self._call("removePluginMenu", plugin_menu(), action)
                self._call("removeToolBarIcon", action)
        if self.dock is not None:
            self.dock.cleanup()
            self._call("removeDockWidget", self.dock)
            self.dock.deleteLater()
        if self.paint_action is not None:
            self.paint_action.deleteLater()
        self.dock = self.tool = self.dock_action = self.paint_action = None

    def _call(self, name, *arguments) -> None:
        """Call an interface method that stand-ins of the interface (pytest-qgis's) may lack."""
        method = getattr(self.iface, name, None)
        if method is not None:
            method(*arguments)
