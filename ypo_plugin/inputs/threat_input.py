"""What the quarterly threat assessment takes beside sectors, incidents and population: the
quarter and the comparison period (PERIOD_START/PERIOD_END, COMPARE_START/COMPARE_END,
COMPARE_WITH), the incidents' GANG_FIELD, and the exposed housing areas with their names
(EXPOSED_AREAS, EXPOSED_NAME_FIELD)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterField,
)

from ..core.defaults import NO_TEXTS, YES_TEXTS
from ..core.lazy import lazy_module
from ..i18n import tr
from .crime_input import CRIMES, datetime_text
from .need_input import EXPOSED_AREAS, exposed_areas_parameter
from .parameters import enum_parameter

np = lazy_module("numpy")
crime_types = lazy_module("..core.crime_types", __package__)
sector_logic = lazy_module("..core.sectors", __package__)
threat_assessment = lazy_module("..core.threat_assessment", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)

PERIOD_START = "PERIOD_START"
PERIOD_END = "PERIOD_END"
COMPARE_START = "COMPARE_START"
COMPARE_END = "COMPARE_END"
COMPARE_WITH = "COMPARE_WITH"
COMPARE_OPTIONS = ("quarter_before", "year_before")
GANG_FIELD = "GANG_FIELD"
EXPOSED_NAME_FIELD = "EXPOSED_NAME_FIELD"


def periods_help() -> str:
    """The help lines of the quarter, the comparison period and COMPARE_WITH."""
    return tr(
        "Quarter start / Quarter end (optional) — the quarter assessed, its end day included; give both "
        "or neither. Default: the last full calendar quarter in the data (the latest quarter whose first "
        "and last day lie within the incidents' days).\n"
        "Comparison start / Comparison end (optional) — the period compared with, its end day included; "
        "give both or neither; it must not overlap the quarter. Default: see Compare with.\n"
        "Compare with — quarter_before (default) or year_before (the same quarter a year earlier, which "
        "leaves out the season); used when no comparison period is given.\n"
    )


def gang_help() -> str:
    """The help line of GANG_FIELD."""
    return tr(
        "Gang field (optional) — a yes/no field of the incidents marking gang-related ones: a boolean, a "
        "number (0 = no) or text; {yes} mean yes, {no} and empty mean no (case and surrounding spaces "
        "ignored); any other text stops the run and is named. Without it gang_now and gang_before are 0 "
        "and the report says gang-related incidents were not assessed.\n",
        yes=", ".join(sorted(YES_TEXTS)),
        no=", ".join(sorted(text for text in NO_TEXTS if text)),
    )


def add_period_parameters(algorithm) -> None:
    """The quarter, the comparison period (optional dates each) and COMPARE_WITH."""
    for name, description in (
        (PERIOD_START, tr("Quarter start")),
        (PERIOD_END, tr("Quarter end")),
        (COMPARE_START, tr("Comparison start")),
        (COMPARE_END, tr("Comparison end")),
    ):
        algorithm.addParameter(
            QgsProcessingParameterDateTime(
                name, description, QgsProcessingParameterDateTime.Type.Date, optional=True
            )
        )
    algorithm.addParameter(
        enum_parameter(COMPARE_WITH, tr("Compare with"), COMPARE_OPTIONS, COMPARE_OPTIONS[0])
    )


def read_periods(algorithm, parameters, context) -> dict:
    """``quarter`` and ``compare`` (None: the default) and ``year_before``, for the core's settings."""
    periods = {}
    for key, start, end, default in (
        ("quarter", PERIOD_START, PERIOD_END, tr("the last full quarter in the data")),
        ("compare", COMPARE_START, COMPARE_END, tr("then {parameter} decides", parameter=COMPARE_WITH)),
    ):
        first, last = (datetime_text(algorithm, parameters, name, context) for name in (start, end))
        if bool(first) != bool(last):
            raise QgsProcessingException(
                tr(
                    "Give both {start} and {end}, or neither ({default}).",
                    start=start,
                    end=end,
                    default=default,
                )
            )
        periods[key] = crime_types.Period.parse(first, last, start, end) if first else None
    year_before = algorithm.enum_value(parameters, COMPARE_WITH, context) == "year_before"
    return {**periods, "year_before": year_before}


def add_gang_and_exposed_parameters(algorithm) -> None:
    """GANG_FIELD (of CRIMES), EXPOSED_AREAS (optional polygons) and EXPOSED_NAME_FIELD (default name)."""
    algorithm.addParameter(
        QgsProcessingParameterField(
            GANG_FIELD, tr("Gang field"), parentLayerParameterName=CRIMES, optional=True
        )
    )
    algorithm.addParameter(exposed_areas_parameter())
    algorithm.addParameter(
        QgsProcessingParameterField(EXPOSED_NAME_FIELD, tr("Exposed area name field"), "name", EXPOSED_AREAS)
    )


def read_exposed_areas(algorithm, parameters, context, crs, feedback) -> tuple[list, np.ndarray]:
    """The exposed areas' names (the name field's text, else the feature id) and geometries in ``crs``."""
    source = algorithm.optional_source(parameters, EXPOSED_AREAS, context)
    if source is None:
        return [], np.array([], dtype=object)
    name_field = algorithm.checked_field(
        parameters, EXPOSED_NAME_FIELD, context, source, tr("Particularly exposed housing areas")
    )
    fields = [name_field] if name_field else []
    frame = qgis_read.source_to_frame(source, fields, crs, context.transformContext(), feedback)
    values = frame[name_field] if name_field else [None] * len(frame)
    names = [
        sector_logic.attribute_text(value) or str(fid) for fid, value in zip(frame.index, values, strict=True)
    ]
    return names, frame.geometry.values.to_numpy()
