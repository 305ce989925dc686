"""What every YPO algorithm shares: naming, help, and the bridge between
Processing feedback and the core's progress/cancel callbacks."""

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..core.errors import InputError
from ..resources import icon_path


class YpoAlgorithm(QgsProcessingAlgorithm):
    """Base class: subclasses define name, displayName, shortHelpString,
    initAlgorithm and processAlgorithm."""

    def tr(self, text):
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self):  # noqa: N802 - name fixed by QGIS
        return type(self)()

    def icon(self):
        return QIcon(str(icon_path()))

    def group(self):
        return self.tr("Sector planning")

    def groupId(self):  # noqa: N802 - name fixed by QGIS
        return "sectorplanning"

    def checkParameterValues(self, parameters, context):  # noqa: N802 - name fixed by QGIS
        # qgis_process (3.22) rejects a left-out parameter even when it has a default
        # ("Incorrect parameter value for SECTOR_ID_FIELD"); check it as if the default was
        # given, which is what parameterAsString and friends read then.
        filled = dict(parameters)
        for definition in self.parameterDefinitions():
            if filled.get(definition.name()) is None and definition.defaultValue() is not None:
                filled[definition.name()] = definition.defaultValue()
        return super().checkParameterValues(filled, context)

    @staticmethod
    def core_callbacks(feedback):
        """``(progress, is_cancelled)`` for core functions, reporting to ``feedback``."""
        return feedback.setProgress, feedback.isCanceled

    @staticmethod
    def processing_error(error: InputError) -> QgsProcessingException:
        return QgsProcessingException(str(error))
