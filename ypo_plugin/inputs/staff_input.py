"""The officers Compute sector manning shares out: MIN_OFFICERS, STAFF (one number for all sectors)
or DISTRICTS with a staff number each (DISTRICT_FIELD, DISTRICT_STAFF_FIELD). Validate sectors
takes the same MIN_OFFICERS."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core.defaults import MIN_OFFICERS as DEFAULT_MIN_OFFICERS
from ..core.errors import About
from ..core.lazy import lazy_module
from ..i18n import tr, translated
from .field_input import numeric_values

sector_logic = lazy_module("..core.sectors", __package__)
staffing = lazy_module("..core.staffing", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)

MIN_OFFICERS = "MIN_OFFICERS"
STAFF = "STAFF"
DISTRICTS = "DISTRICTS"
DISTRICT_FIELD = "DISTRICT_FIELD"
DISTRICT_STAFF_FIELD = "DISTRICT_STAFF_FIELD"
# The parameter that holds each thing a core error can be about.
ABOUT = {About.MIN_OFFICERS: MIN_OFFICERS, About.STAFF: STAFF, About.DISTRICT_STAFF: DISTRICTS}


def min_officers_parameter(algorithm) -> QgsProcessingParameterNumber:
    """MIN_OFFICERS: the officers every sector has at least (default 2)."""
    return QgsProcessingParameterNumber(
        MIN_OFFICERS,
        tr("Minimum officers per sector"),
        QgsProcessingParameterNumber.Type.Integer,
        DEFAULT_MIN_OFFICERS,
        minValue=0,
    )


def add_staff_parameters(algorithm) -> None:
    """MIN_OFFICERS, STAFF (optional) and DISTRICTS (optional polygons) with their name and staff fields."""
    algorithm.addParameter(min_officers_parameter(algorithm))
    algorithm.addParameter(
        QgsProcessingParameterNumber(
            STAFF,
            tr("Staff to allocate"),
            QgsProcessingParameterNumber.Type.Integer,
            optional=True,
            minValue=0,
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterFeatureSource(
            DISTRICTS,
            tr("Districts with staff"),
            [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True,
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterField(
            DISTRICT_FIELD, tr("District name field"), "district", DISTRICTS, optional=True
        )
    )
    algorithm.addParameter(
        QgsProcessingParameterField(
            DISTRICT_STAFF_FIELD,
            tr("District staff field"),
            "staff",
            DISTRICTS,
            QgsProcessingParameterField.DataType.Numeric,
            optional=True,
        )
    )


def read_staff(algorithm, parameters, context) -> dict:
    """``min_officers`` and ``staff`` (None when not given) for the core's settings."""
    staff = None
    if parameters.get(STAFF) not in (None, ""):
        staff = algorithm.parameterAsInt(parameters, STAFF, context)
    return {"min_officers": algorithm.parameterAsInt(parameters, MIN_OFFICERS, context), "staff": staff}


def read_staff_districts(algorithm, parameters, context, crs, sectors, feedback):
    """The district of every sector of ``sectors`` (a SectorTable; by location) and each district's
    staff, or (None, None) without DISTRICTS. A sector partly outside its district is reported."""
    source = algorithm.parameterAsSource(parameters, DISTRICTS, context)
    if source is None:
        if parameters.get(DISTRICTS):
            raise QgsProcessingException(algorithm.invalidSourceError(parameters, DISTRICTS))
        return None, None
    layer = tr("Districts")
    name_field = algorithm.checked_field(parameters, DISTRICT_FIELD, context, source, layer, True)
    staff_field = algorithm.checked_field(parameters, DISTRICT_STAFF_FIELD, context, source, layer, True)
    frame = qgis_read.source_to_frame(source, [name_field, staff_field], crs, context.transformContext())
    if frame.empty:
        raise QgsProcessingException(tr("DISTRICTS has no features; give district polygons with staff."))
    staff = numeric_values(frame[staff_field], DISTRICT_STAFF_FIELD, staff_field, layer)
    budgets = staffing.district_budgets(frame[name_field], staff, frame.index, name_field)
    names, shares = sector_logic.district_of_sectors(
        sectors.geometries, frame.geometry.values.to_numpy(), list(budgets)
    )
    for warning in staffing.staffed_from(sectors.ids, names, shares):
        feedback.pushWarning(translated(warning))
    return names, budgets
