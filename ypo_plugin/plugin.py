"""The plugin object QGIS loads: registers the Processing provider."""

from qgis.core import Qgis, QgsApplication, QgsMessageLog

from .dependencies import missing_requirements, missing_requirements_message
from .provider import YpoProvider

MESSAGE_TAG = "YPO sector planning"


class YpoPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider = None

    def initProcessing(self):  # noqa: N802 - name fixed by QGIS
        if self.provider is None:
            provider = YpoProvider()
            # On refusal (another "ypo" provider is registered) QGIS deletes the object.
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    def initGui(self):  # noqa: N802 - name fixed by QGIS
        self.initProcessing()
        missing = missing_requirements()
        if missing:
            message = missing_requirements_message(missing)
            QgsMessageLog.logMessage(message, MESSAGE_TAG, Qgis.Warning)
            self.iface.messageBar().pushMessage(MESSAGE_TAG, message, level=Qgis.Warning, duration=0)

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
