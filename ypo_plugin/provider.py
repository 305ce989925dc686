"""The Processing provider "Your Police Officer" (id ``ypo``)."""

from qgis.core import QgsProcessingModelAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .dependencies import missing_requirements, missing_requirements_message
from .resources import icon_path, models_dir


def _algorithm_classes():
    # Imported here: the algorithms import the core, which needs shapely & co.
    from .algorithms.compute_manning import ComputeManningAlgorithm
    from .algorithms.create_sample_district import CreateSampleDistrictAlgorithm
    from .algorithms.create_sector_workspace import CreateSectorWorkspaceAlgorithm
    from .algorithms.crime_grid import CrimeGridAlgorithm
    from .algorithms.export_handover_report import ExportHandoverReportAlgorithm
    from .algorithms.export_public_web_map import ExportPublicWebMapAlgorithm
    from .algorithms.export_sector_maps import ExportSectorMapsAlgorithm
    from .algorithms.split_sectors import SplitSectorsAlgorithm
    from .algorithms.validate_sectors import ValidateSectorsAlgorithm

    return [
        CreateSampleDistrictAlgorithm,
        SplitSectorsAlgorithm,
        ComputeManningAlgorithm,
        CrimeGridAlgorithm,
        ValidateSectorsAlgorithm,
        ExportSectorMapsAlgorithm,
        ExportPublicWebMapAlgorithm,
        CreateSectorWorkspaceAlgorithm,
        ExportHandoverReportAlgorithm,
    ]


class YpoProvider(QgsProcessingProvider):
    def id(self):
        return "ypo"

    def name(self):
        return "Your Police Officer"

    def longName(self):
        return "Your Police Officer – sector planning"

    def icon(self):
        return QIcon(str(icon_path()))

    def svgIconPath(self):
        return str(icon_path())

    def canBeActivated(self):
        return not missing_requirements()

    def warningMessage(self):
        missing = missing_requirements()
        return missing_requirements_message(missing) if missing else ""

    def loadAlgorithms(self):
        if missing_requirements():
            return
        for algorithm_class in _algorithm_classes():
            self.addAlgorithm(algorithm_class())
        for model_file in sorted(models_dir().glob("*.model3")):
            model = QgsProcessingModelAlgorithm()
            if model.fromFile(str(model_file)):
                self.addAlgorithm(model)
