"""The street lines a publication may draw: the STREETS and STREET_NAME_FIELD parameters, their help,
and reading them for the core."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ..core.defaults import MAIN_STREETS
from ..core.lazy import lazy_module
from ..i18n import tr

street_logic = lazy_module("..core.streets", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)

STREETS = "STREETS"
STREET_NAME_FIELD = "STREET_NAME_FIELD"


def street_help() -> str:
    """The help line of STREETS and STREET_NAME_FIELD, shared by the publications that draw streets."""
    return tr(
        "Streets (optional) — street lines, drawn lightly under the sector boundaries and simplified to "
        "the map's scale, the {count} longest streets named (lines without a name are left out); any CRS. "
        "Street name field — their name (default name).\n",
        count=MAIN_STREETS,
    )


def add_street_parameters(algorithm) -> None:
    """STREETS (optional lines) and STREET_NAME_FIELD (default name)."""
    algorithm.addParameter(
        QgsProcessingParameterFeatureSource(
            STREETS, tr("Streets"), [QgsProcessing.SourceType.TypeVectorLine], optional=True
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterField(
            STREET_NAME_FIELD, tr("Street name field"), "name", STREETS, optional=True
        )
    )


def read_streets(algorithm, parameters, context, crs, feedback):
    """``(names, lines)`` of STREETS in ``crs`` (shapely lines), or None when it is left out; a
    layer of other geometries, or without the name field, is refused."""
    source = algorithm.optional_source(parameters, STREETS, context)
    if source is None:
        return None
    kind = QgsWkbTypes.geometryType(source.wkbType())
    if kind != QgsWkbTypes.GeometryType.LineGeometry:
        raise QgsProcessingException(
            tr(
                "{parameter}: the layer 'Streets' ({layer}) is not a line layer ({kind}); give the street "
                "lines, or leave Streets out.",
                parameter=STREETS,
                layer=source.sourceName(),
                kind=QgsWkbTypes.geometryDisplayString(kind),
            )
        )
    feedback.setProgressText(tr("Reading the streets…"))
    name = algorithm.checked_field(parameters, STREET_NAME_FIELD, context, source, tr("Streets"), True)
    frame = qgis_read.source_to_frame(source, [name], crs, context.transformContext(), feedback)
    return list(frame[name]), list(frame.geometry.values)
