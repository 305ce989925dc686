"""How Compute sector manning scores need: the EXPOSED_AREAS layer and the FACTOR_METHOD,
FACTOR_THRESHOLDS, TYPE_WEIGHTS and EXPOSED_WEIGHT parameters (defaults shared with the dock)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.defaults import (
    DEFAULT_EXPOSED_WEIGHT,
    DEFAULT_THRESHOLDS_TEXT,
    DEFAULT_TYPE_WEIGHTS,
    FACTOR_METHODS,
)
from ..core.errors import About
from ..core.lazy import lazy_module
from ..i18n import tr
from .parameters import advanced, enum_parameter

manning = lazy_module("..core.manning", __package__)

EXPOSED_AREAS = "EXPOSED_AREAS"
FACTOR_METHOD = "FACTOR_METHOD"
FACTOR_THRESHOLDS = "FACTOR_THRESHOLDS"
TYPE_WEIGHTS = "TYPE_WEIGHTS"
EXPOSED_WEIGHT = "EXPOSED_WEIGHT"
# The parameter that holds each thing a core error can be about.
ABOUT = {
    About.FACTOR_METHOD: FACTOR_METHOD,
    About.FACTOR_THRESHOLDS: FACTOR_THRESHOLDS,
    About.TYPE_WEIGHTS: TYPE_WEIGHTS,
}
DEFAULT_TYPE_WEIGHTS_TEXT = "; ".join(f"{name}={weight:g}" for name, weight in DEFAULT_TYPE_WEIGHTS.items())


def exposed_areas_parameter() -> QgsProcessingParameterFeatureSource:
    """EXPOSED_AREAS: the particularly exposed housing areas (optional polygons), as Compute sector
    manning and the threat assessment take them."""
    return QgsProcessingParameterFeatureSource(
        EXPOSED_AREAS,
        tr("Particularly exposed housing areas"),
        [QgsProcessing.SourceType.TypeVectorPolygon],
        optional=True,
    )


def add_need_parameters(algorithm) -> None:
    """EXPOSED_AREAS (optional polygons), FACTOR_METHOD and, advanced, the thresholds and weights."""
    algorithm.addParameter(exposed_areas_parameter())
    algorithm.addParameter(
        enum_parameter(FACTOR_METHOD, tr("Factor method"), FACTOR_METHODS, FACTOR_METHODS[0])
    )
    for name, description, default in (
        (FACTOR_THRESHOLDS, tr("Factor thresholds"), DEFAULT_THRESHOLDS_TEXT),
        (TYPE_WEIGHTS, tr("Crime type weights"), DEFAULT_TYPE_WEIGHTS_TEXT),
    ):
        algorithm.addParameter(advanced(QgsProcessingParameterString(name, description, default)))
    exposed_weight = QgsProcessingParameterNumber(
        EXPOSED_WEIGHT,
        tr("Exposed area weight"),
        QgsProcessingParameterNumber.Type.Double,
        DEFAULT_EXPOSED_WEIGHT,
        minValue=0.0,
    )
    algorithm.addParameter(advanced(exposed_weight))


def read_need_settings(algorithm, parameters, context) -> dict:
    """``type_weights``, ``exposed_weight``, ``factor_method`` and ``thresholds`` for the core's settings."""
    return {
        "type_weights": manning.parse_type_weights(
            algorithm.parameterAsString(parameters, TYPE_WEIGHTS, context)
        ),
        "exposed_weight": algorithm.parameterAsDouble(parameters, EXPOSED_WEIGHT, context),
        "factor_method": algorithm.enum_value(parameters, FACTOR_METHOD, context),
        "thresholds": manning.parse_thresholds(
            algorithm.parameterAsString(parameters, FACTOR_THRESHOLDS, context)
        ),
    }
