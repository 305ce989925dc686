"""The safety index's own inputs: the index areas (AREAS, AREA_ID_FIELD) and the citizens' survey
(SURVEY as points or a table with SURVEY_AREA_FIELD, ANSWER_FIELD, WEIGHT_FIELD; PREVIOUS_SURVEY
of the earlier period, read with the same fields)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsWkbTypes,
)

from ..core.lazy import lazy_module
from ..i18n import tr
from .field_input import numeric_values

np = lazy_module("numpy")
crs_choice = lazy_module("..crs", __package__)
qgis_points = lazy_module("..qgis_io.points", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)
pd = lazy_module("pandas")

AREAS = "AREAS"
AREA_ID_FIELD = "AREA_ID_FIELD"
SURVEY = "SURVEY"
SURVEY_AREA_FIELD = "SURVEY_AREA_FIELD"
ANSWER_FIELD = "ANSWER_FIELD"
WEIGHT_FIELD = "WEIGHT_FIELD"
PREVIOUS_SURVEY = "PREVIOUS_SURVEY"


def layer_description(name: str) -> str:
    """How messages name the layer of the parameter ``name``."""
    if name == AREAS:
        return tr("Areas")
    return tr("Survey") if name == SURVEY else tr("Previous survey")


def add_area_parameters(algorithm) -> None:
    """AREAS (polygons) and AREA_ID_FIELD (default area_id)."""
    algorithm.addParameter(
        QgsProcessingParameterFeatureSource(AREAS, tr("Areas"), [QgsProcessing.SourceType.TypeVectorPolygon])
    )
    algorithm.addParameter(QgsProcessingParameterField(AREA_ID_FIELD, tr("Area id field"), "area_id", AREAS))


def add_survey_parameters(algorithm) -> None:
    """SURVEY (points or a table), its area, answer and weight fields."""
    algorithm.addParameter(
        QgsProcessingParameterFeatureSource(SURVEY, tr("Survey"), [QgsProcessing.SourceType.TypeVector])
    )
    algorithm.addParameter(
        QgsProcessingParameterField(
            SURVEY_AREA_FIELD,
            tr("Survey area field"),
            parentLayerParameterName=SURVEY,
            optional=True,
        )
    )
    algorithm.addParameter(QgsProcessingParameterField(ANSWER_FIELD, tr("Answer field"), "answer", SURVEY))
    algorithm.addParameter(
        QgsProcessingParameterField(
            WEIGHT_FIELD,
            tr("Weight field"),
            parentLayerParameterName=SURVEY,
            type=QgsProcessingParameterField.DataType.Numeric,
            optional=True,
        )
    )


def add_previous_survey_parameter(algorithm) -> None:
    """PREVIOUS_SURVEY: the survey of the earlier period (optional)."""
    algorithm.addParameter(
        QgsProcessingParameterFeatureSource(
            PREVIOUS_SURVEY,
            tr("Previous survey"),
            [QgsProcessing.SourceType.TypeVector],
            optional=True,
        )
    )


def read_areas(algorithm, parameters, context, feedback):
    """The working CRS, the AREAS source, and its areas (ids, geometries in the working CRS)."""
    source = algorithm.parameterAsSource(parameters, AREAS, context)
    if source is None:
        raise QgsProcessingException(algorithm.invalidSourceError(parameters, AREAS))
    layer = layer_description(AREAS)
    id_field = algorithm.checked_field(parameters, AREA_ID_FIELD, context, source, layer, True)
    crs = crs_choice.working_crs(source, layer, context.transformContext())
    frame = qgis_read.source_to_frame(source, [id_field], crs, context.transformContext(), feedback)
    if frame.empty:
        raise QgsProcessingException(
            tr(
                "AREAS ({layer}) has no features; give the polygons of the index areas.",
                layer=source.sourceName(),
            )
        )
    missing = frame[id_field].isna().to_numpy()
    if missing.any():
        raise QgsProcessingException(
            tr(
                "AREAS: feature {feature} has no {field} value; give every area an id "
                "(AREA_ID_FIELD = {field}).",
                feature=frame.index[missing][0],
                field=id_field,
            )
        )
    return crs, source, id_field, frame[id_field].tolist(), frame.geometry.values.to_numpy()


def read_survey(algorithm, parameters, name, context, crs, feedback):
    """The respondents of the survey parameter ``name`` (SURVEY or PREVIOUS_SURVEY; None when the
    optional one is left out) as :class:`~..core.safety_areas.Respondents`."""
    from ..core.safety_areas import Respondents

    source = algorithm.optional_source(parameters, name, context)
    if source is None:
        if name == SURVEY:
            raise QgsProcessingException(algorithm.invalidSourceError(parameters, name))
        return None
    layer = layer_description(name)

    def field(parameter, required=False):
        return algorithm.checked_field(parameters, parameter, context, source, layer, required)

    area_field, answer_field, weight_field = (
        field(SURVEY_AREA_FIELD),
        field(ANSWER_FIELD, True),
        field(WEIGHT_FIELD),
    )
    names = [answer_field] + [f for f in (weight_field, area_field) if f]
    if area_field:
        ids, columns = qgis_read.read_columns(source, names)
        xy = None
    else:
        if QgsWkbTypes.geometryType(source.wkbType()) != QgsWkbTypes.GeometryType.PointGeometry:
            raise QgsProcessingException(
                tr(
                    "{parameter} ({layer}) has no point geometries: choose SURVEY_AREA_FIELD, the field "
                    "holding each respondent's area id, or give the respondents as points.",
                    parameter=name,
                    layer=source.sourceName(),
                )
            )
        layer_behind = algorithm.parameterAsVectorLayer(parameters, name, context)
        table = qgis_points.read_points(
            source, names, crs, context.transformContext(), feedback, layer_behind
        )
        ids, columns, xy = np.arange(len(table)), table.columns, table.xy

    def numbers(parameter, field_name):
        column = pd.Series(list(columns[field_name]), index=ids, dtype=object)
        return numeric_values(column, parameter, field_name, layer)

    return Respondents(
        answers=numbers(ANSWER_FIELD, answer_field),
        weights=numbers(WEIGHT_FIELD, weight_field) if weight_field else None,
        xy=xy,
        area_ids=list(columns[area_field]) if area_field else None,
    )
