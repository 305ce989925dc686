"""Where people live, as Compute sector manning takes it: the POPULATION layer (polygons shared
out by area, or points) and its POPULATION_FIELD."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ..core.errors import About
from ..core.lazy import lazy_module
from ..i18n import tr
from .field_input import numeric_values

manning = lazy_module("..core.manning", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)

POPULATION = "POPULATION"
POPULATION_FIELD = "POPULATION_FIELD"
# The parameter that holds each thing a core error can be about.
ABOUT = {About.POPULATION_FIELD: POPULATION_FIELD}


def add_population_parameters(algorithm, optional: bool = True) -> None:
    """POPULATION (polygons or points, optional unless ``optional`` is False) and POPULATION_FIELD
    (numeric, default population)."""
    algorithm.addParameter(
        QgsProcessingParameterFeatureSource(
            POPULATION,
            tr("Population"),
            [QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorPoint],
            optional=optional,
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterField(
            POPULATION_FIELD,
            tr("Population field"),
            "population",
            POPULATION,
            QgsProcessingParameterField.DataType.Numeric,
            optional=True,
        )
    )


def read_population(algorithm, parameters, context, crs, feedback) -> manning.PopulationInput | None:
    """The population units in ``crs`` with their numbers (None, with a warning, without POPULATION)."""
    source = algorithm.parameterAsSource(parameters, POPULATION, context)
    if source is None:
        if parameters.get(POPULATION):
            raise QgsProcessingException(algorithm.invalidSourceError(parameters, POPULATION))
        feedback.pushWarning(tr("No POPULATION layer: every sector has population 0."))
        return None
    layer = tr("Population")
    field_name = algorithm.checked_field(parameters, POPULATION_FIELD, context, source, layer, True)
    frame = qgis_read.source_to_frame(source, [field_name], crs, context.transformContext(), feedback)
    values = numeric_values(frame[field_name], POPULATION_FIELD, field_name, layer)
    return manning.PopulationInput(frame.geometry.values.to_numpy(), values)
