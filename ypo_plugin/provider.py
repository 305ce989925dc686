"""The Processing provider "Your Police Officer" (id ``ypo``)."""

from qgis.core import QgsApplication, QgsProcessingModelAlgorithm, QgsProcessingProvider, QgsXmlUtils
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtXml import QDomDocument

from .algorithms.model_texts import model_text
from .dependencies import absent_requirements, missing_requirements_message
from .i18n import tr
from .resources import icon_path, models_dir


def _algorithm_classes():
    # Imported here: the algorithms import the core, which needs numpy and shapely (pandas,
    # geopandas and scipy it imports on first use: core/lazy.py).
    from .algorithms.compute_manning import ComputeManningAlgorithm
    from .algorithms.create_sample_district import CreateSampleDistrictAlgorithm
    from .algorithms.create_sector_workspace import CreateSectorWorkspaceAlgorithm
    from .algorithms.crime_grid import CrimeGridAlgorithm
    from .algorithms.evaluate_initiative import EvaluateInitiativeAlgorithm
    from .algorithms.export_business_cards import ExportBusinessCardsAlgorithm
    from .algorithms.export_handover_report import ExportHandoverReportAlgorithm
    from .algorithms.export_public_web_map import ExportPublicWebMapAlgorithm
    from .algorithms.export_sector_leaflets import ExportSectorLeafletsAlgorithm
    from .algorithms.export_sector_maps import ExportSectorMapsAlgorithm
    from .algorithms.safety_index import SafetyIndexAlgorithm
    from .algorithms.split_sectors import SplitSectorsAlgorithm
    from .algorithms.threat_assessment import ThreatAssessmentAlgorithm
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
        SafetyIndexAlgorithm,
        ThreatAssessmentAlgorithm,
        EvaluateInitiativeAlgorithm,
        ExportBusinessCardsAlgorithm,
        ExportSectorLeafletsAlgorithm,
    ]


class ShippedModel(QgsProcessingModelAlgorithm):
    """A model from ``processing/``, with the id ``ypo:<file stem>`` (e.g. ``ypo:fullsectorplan``).

    QGIS names a model by its display name ("Full sector plan"), which would make
    ``qgis_process run "ypo:Full sector plan"``; the file stem keeps the id a word.
    """

    def __init__(self, model_id: str):
        super().__init__()
        self._model_id = model_id

    def name(self):
        return self._model_id

    def displayName(self):
        return model_text(super().displayName())

    def group(self):
        return model_text(super().group())

    def createInstance(self):
        instance = ShippedModel(self._model_id)
        instance.load(self.toVariant())
        instance.setSourceFilePath(self.sourceFilePath())
        return instance

    def processAlgorithm(self, parameters, context, feedback):
        # qgis_process and processing.run leave out the inputs not given; a model then hands its
        # steps empty values instead of the inputs' defaults (DATE_FIELD=occurred, …).
        filled = dict(parameters)
        for definition in self.parameterDefinitions():
            if definition.isDestination() or definition.defaultValue() is None:
                continue
            if filled.get(definition.name()) is None:
                filled[definition.name()] = definition.defaultValue()
        return super().processAlgorithm(filled, context, feedback)

    def load(self, variant, order_inputs: bool = True) -> bool:
        """Load the model from ``variant``; ``order_inputs=False`` leaves the inputs' order to a
        later load (the first load at QGIS's start is redone once the steps can be found)."""
        if not self.loadVariant(variant):
            return False
        if order_inputs:
            self._order_inputs()
        self._show_in_language()
        return True

    def _show_in_language(self) -> None:
        """The help and the inputs', outputs' and steps' descriptions in the user's language
        (see :mod:`.algorithms.model_texts`)."""
        self.setHelpContent({key: model_text(text) for key, text in self.helpContent().items()})
        steps = self.childAlgorithms()
        for step in steps.values():
            step.setDescription(model_text(step.description()))
            outputs = step.modelOutputs()
            for output in outputs.values():
                output.setDescription(model_text(output.description()))
            step.setModelOutputs(outputs)
        self.setChildAlgorithms(steps)  # which makes the output parameters from the steps' outputs
        for definition in (*self.parameterDefinitions(), *self.outputDefinitions()):
            definition.setDescription(model_text(definition.description()))

    def reattach(self) -> None:
        """Load the model again, now that its steps' algorithms can be found."""
        self.load(self.toVariant())

    def _order_inputs(self) -> None:
        """Inputs in the order they are drawn in the Modeler (top to bottom), not by name."""
        components = self.parameterComponents()
        names = sorted(
            components, key=lambda n: (components[n].position().y(), components[n].position().x(), n)
        )
        for name in names:
            definition = self.parameterDefinition(name)
            if definition is None:
                continue
            definition = definition.clone()
            self.removeModelParameter(name)
            self.addModelParameter(definition, components[name])
        self.setChildAlgorithms(self.childAlgorithms())  # the outputs after the inputs


def load_models(order_inputs: bool = True) -> list[ShippedModel]:
    """Every ``processing/*.model3``, in file name order."""
    models = []
    for model_file in sorted(models_dir().glob("*.model3")):
        model = ShippedModel(model_file.stem)
        document = QDomDocument()
        if document.setContent(model_file.read_bytes()) and model.load(
            QgsXmlUtils.readVariant(document.firstChildElement()), order_inputs
        ):
            model.setSourceFilePath(str(model_file))
            models.append(model)
    return models


class YpoProvider(QgsProcessingProvider):
    def id(self):
        return "ypo"

    def name(self):
        return tr("Your Police Officer")

    def longName(self):
        return tr("Your Police Officer – sector planning")

    def icon(self):
        return QIcon(str(icon_path()))

    def svgIconPath(self):
        return str(icon_path())

    # Only whether the packages are installed: exercising them would import pandas & co. at
    # QGIS's start. What they can do is checked when an algorithm first runs (algorithms/base.py).
    def canBeActivated(self):
        return not absent_requirements()

    def warningMessage(self):
        absent = absent_requirements()
        return missing_requirements_message(absent) if absent else ""

    def loadAlgorithms(self):
        if absent_requirements():
            return
        for algorithm_class in _algorithm_classes():
            self.addAlgorithm(algorithm_class())
        registry = QgsApplication.processingRegistry()
        registered = registry.providerById(self.id()) is not None
        models = load_models(order_inputs=registered)  # else ordered once, when reattached
        for model in models:
            self.addAlgorithm(model)
        if models and not registered:
            # The models' steps are this provider's algorithms, which the registry finds only once
            # the provider is added: attach them then (and so give the models their outputs).
            registry.providerAdded.connect(self._attach_models)

    def _attach_models(self, provider_id):
        if provider_id != self.id():
            return
        QgsApplication.processingRegistry().providerAdded.disconnect(self._attach_models)
        for algorithm in self.algorithms():
            if isinstance(algorithm, ShippedModel):
                algorithm.reattach()
