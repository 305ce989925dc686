"""The plugin object QGIS loads: registers the Processing provider."""

from qgis.core import Qgis, QgsApplication, QgsMessageLog

from .dependencies import absent_requirements, missing_requirements_message
from .i18n import install_translator, plugin_menu, remove_translator, tr
from .provider import YpoProvider

MESSAGE_TAG = "YPO sector planning"


class YpoPlugin:
    def __init__(self, iface):
        self.iface = iface
        # Before the provider registers: the toolbox reads names and help in QGIS's language.
        self.translator = install_translator()
        self.provider = None
        self.editing_gui = None  # the Sector statistics dock and the unit-painting tool
        self.export_action = None  # menu/toolbar entry: Export sector maps

    def initProcessing(self):
        if self.provider is None:
            provider = YpoProvider()
            # On refusal (another "ypo" provider is registered) QGIS deletes the object.
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    def initGui(self):
        self.initProcessing()
        missing = absent_requirements()  # cheap at start; the full check runs with an algorithm
        if missing:
            message = missing_requirements_message(missing)
            QgsMessageLog.logMessage(message, MESSAGE_TAG, Qgis.MessageLevel.Warning)
            self.iface.messageBar().pushMessage(
                MESSAGE_TAG, message, level=Qgis.MessageLevel.Warning, duration=0
            )
        if not missing:
            from .gui.editing import EditingGui  # needs numpy and shapely; the rest loads when used

            self.editing_gui = EditingGui(self.iface)
            self.editing_gui.init_gui()
        self._add_export_action()

    def _add_export_action(self):
        """Menu and toolbar entry opening the dialog of ypo:exportsectormaps."""
        from qgis.PyQt.QtGui import QIcon
        from qgis.PyQt.QtWidgets import QAction

        from .resources import icon_path

        self.export_action = QAction(
            QIcon(str(icon_path())), tr("Export sector maps…"), self.iface.mainWindow()
        )
        self.export_action.setObjectName("ypoExportSectorMaps")
        self.export_action.triggered.connect(self._open_export_dialog)
        self.iface.addPluginToMenu(plugin_menu(), self.export_action)
        self.iface.addToolBarIcon(self.export_action)

    @staticmethod
    def _open_export_dialog():
        from qgis import processing

        processing.execAlgorithmDialog("ypo:exportsectormaps")

    def unload(self):
        if self.export_action is not None:
            # (pytest-qgis's stand-in iface has no removePluginMenu; QGIS's has.)
            remove_from_menu = getattr(self.iface, "removePluginMenu", None)
            if remove_from_menu is not None:
                remove_from_menu(plugin_menu(), self.export_action)
            self.iface.removeToolBarIcon(self.export_action)
            self.export_action = None
        if self.editing_gui is not None:
            self.editing_gui.unload()
            self.editing_gui = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator(self.translator)
        self.translator = None
