"""What a unit's workload is made of in the split: the CRIMES and EXPOSED_AREAS layers and the
POPULATION_WEIGHT, CRIME_WEIGHT and EXPOSED_WEIGHT parameters (defaults shared with the dock)."""

from __future__ import annotations

from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSource, QgsProcessingParameterNumber

from ..core.defaults import WORKLOAD_CRIME_WEIGHT, WORKLOAD_EXPOSED_WEIGHT, WORKLOAD_POPULATION_WEIGHT
from ..core.lazy import lazy_module
from ..i18n import tr
from .crime_input import CRIMES
from .parameters import advanced

sector_plan = lazy_module("..core.sector_plan", __package__)

EXPOSED_AREAS = "EXPOSED_AREAS"
POPULATION_WEIGHT = "POPULATION_WEIGHT"
CRIME_WEIGHT = "CRIME_WEIGHT"
EXPOSED_WEIGHT = "EXPOSED_WEIGHT"


def add_workload_parameters(algorithm) -> None:
    """CRIMES (optional points), EXPOSED_AREAS (optional polygons) and the three weights (advanced)."""
    for name, description, source_type in (
        (CRIMES, tr("Crime incidents"), QgsProcessing.SourceType.TypeVectorPoint),
        (EXPOSED_AREAS, tr("Exposed housing areas"), QgsProcessing.SourceType.TypeVectorPolygon),
    ):
        algorithm.addParameter(
            QgsProcessingParameterFeatureSource(name, description, [source_type], optional=True)
        )
    for name, description, default in (
        (POPULATION_WEIGHT, tr("Population weight"), WORKLOAD_POPULATION_WEIGHT),
        (CRIME_WEIGHT, tr("Crime weight"), WORKLOAD_CRIME_WEIGHT),
        (EXPOSED_WEIGHT, tr("Exposed areas weight"), WORKLOAD_EXPOSED_WEIGHT),
    ):
        algorithm.addParameter(
            advanced(
                QgsProcessingParameterNumber(
                    name,
                    description,
                    QgsProcessingParameterNumber.Type.Double,
                    defaultValue=default,
                    minValue=0,
                )
            )
        )


def read_weights(algorithm, parameters, context) -> sector_plan.WorkloadWeights:
    """The weights of population, crime and exposed population chosen."""
    return sector_plan.WorkloadWeights(
        *(
            algorithm.parameterAsDouble(parameters, name, context)
            for name in (POPULATION_WEIGHT, CRIME_WEIGHT, EXPOSED_WEIGHT)
        )
    )
