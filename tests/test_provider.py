"""The provider lists every algorithm of the contract, each with help."""

from qgis.core import QgsProcessingParameterDefinition

ALGORITHM_IDS = {
    "ypo:createsampledistrict",
    "ypo:splitsectors",
    "ypo:computemanning",
    "ypo:crimegrid",
    "ypo:validatesectors",
    "ypo:exportsectormaps",
    "ypo:exportpublicwebmap",
    "ypo:createsectorworkspace",
    "ypo:exporthandoverreport",
    "ypo:safetyindex",
    "ypo:threatassessment",
    "ypo:evaluateinitiative",
    "ypo:exportbusinesscards",
    "ypo:exportsectorleaflets",
}


def test_provider_lists_its_algorithms(ypo_provider):
    assert ypo_provider.id() == "ypo"
    assert ypo_provider.name() == "Your Police Officer"
    assert ALGORITHM_IDS <= {algorithm.id() for algorithm in ypo_provider.algorithms()}


def test_every_algorithm_and_parameter_is_explained(ypo_provider):
    for algorithm in ypo_provider.algorithms():
        help_text = algorithm.shortHelpString()
        assert help_text, algorithm.id()
        for parameter in algorithm.parameterDefinitions():
            if not parameter.flags() & QgsProcessingParameterDefinition.FlagHidden:
                assert parameter.description().split(" (")[0].lower() in help_text.lower(), (
                    algorithm.id(),
                    parameter.name(),
                )
