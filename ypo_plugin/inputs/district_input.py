"""The districts the split makes sectors in: the DISTRICTS, DISTRICT_NAME_FIELD, SECTORS_FIELD and
TARGET_FIELD parameters, and reading each district's name, number of sectors and target shares."""

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
from .field_input import numeric_field

sector_plan = lazy_module("..core.sector_plan", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)

DISTRICTS = "DISTRICTS"
DISTRICT_NAME_FIELD = "DISTRICT_NAME_FIELD"
SECTORS_FIELD = "SECTORS_FIELD"
TARGET_FIELD = "TARGET_FIELD"
# The parameter that holds each thing a core error can be about.
ABOUT = {About.DISTRICTS: DISTRICTS}


def add_district_parameters(algorithm) -> None:
    """DISTRICTS (optional polygons) and its name, sectors-per-district and target-shares fields."""
    algorithm.addParameter(
        QgsProcessingParameterFeatureSource(
            DISTRICTS, tr("Districts"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True
        )
    )
    for name, description, default in (
        (DISTRICT_NAME_FIELD, tr("District name field"), "district"),
        (SECTORS_FIELD, tr("Sectors per district field"), "sector_count"),
    ):
        algorithm.addParameter(
            QgsProcessingParameterField(
                name,
                description,
                defaultValue=default,
                parentLayerParameterName=DISTRICTS,
                optional=True,
            )
        )
    algorithm.addParameter(
        QgsProcessingParameterField(
            TARGET_FIELD,
            tr("Target shares field"),
            parentLayerParameterName=DISTRICTS,
            optional=True,
        )
    )


def read_districts(algorithm, parameters, context, crs) -> sector_plan.Districts | None:
    """The districts in ``crs`` with their names, sector counts and target shares (None without
    DISTRICTS); a count that is not a whole number of at least 1 is refused."""
    source = algorithm.parameterAsSource(parameters, DISTRICTS, context)
    if source is None:
        return None
    layer = tr("Districts")
    name_field = algorithm.checked_field(
        parameters, DISTRICT_NAME_FIELD, context, source, layer, required=True
    )
    count_field = numeric_field(algorithm, parameters, SECTORS_FIELD, context, source, layer)
    target_field = algorithm.checked_field(parameters, TARGET_FIELD, context, source, layer)
    fields = [name_field, count_field] + ([target_field] if target_field else [])
    frame = qgis_read.source_to_frame(source, fields, crs, context.transformContext())
    names = [
        str(name) if name is not None else f"District {row + 1}" for row, name in enumerate(frame[name_field])
    ]
    counts = []
    for name, count in zip(names, frame[count_field], strict=True):
        if count is None or not float(count).is_integer() or count < 1:
            raise QgsProcessingException(
                tr(
                    "District {district}: '{field}' holds {value}, not a whole number of sectors "
                    "of at least 1.",
                    district=name,
                    field=count_field,
                    value=count,
                )
            )
        counts.append(int(count))
    shares = [
        sector_plan.parse_target_shares(
            frame[target_field].iat[row] if target_field else None, counts[row], names[row]
        )
        for row in range(len(names))
    ]
    return sector_plan.Districts(frame.geometry.values, names, counts, shares)
