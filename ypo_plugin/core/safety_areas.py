"""What the safety index counts in each area, from the layers' data.

- **Areas**: the index areas (or the sectors) one per id; features sharing an id count as one
  area. Where areas overlap, a place belongs to the area that comes first (the rule of every
  YPO count).
- **Population**: areal weighting as in Compute sector manning (:mod:`.population`).
- **Incidents**: those of the six crime types (other and unknown offences are left out and
  reported) whose date lies in the period.
- **Period**: PERIOD_START/PERIOD_END as given; one end alone: the 365 days from (or up to)
  it; neither: the last 365 days of the data, ending with the day of the last incident (from
  the first incident's day when the data cover less, with a warning; rates stay per year).
- **Previous period** (for the change): as given, else the same number of days just before.
- **Respondents**: placed in the area their point lies in, or named by their area id (a table);
  an id that names no area stops the run, naming it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .counting import OUTSIDE, assign_points
from .crime_types import DATETIME_DTYPE, CrimeTypeMap, IncidentSource, Period, period_label
from .errors import InputError
from .incident_dates import parse_datetimes
from .lazy import lazy_module
from .messages import tr
from .population import population_in_sectors
from .progress import CancelCheck, ProgressCallback, never_cancelled, no_progress, raise_if_cancelled
from .safety_index import DEFAULT_SETTINGS, STATUS_OK, IndexSettings, Survey, safety_index, with_change
from .sectors import (
    OVERLAP_AREAS,
    attribute_text,
    checked_sectors,
    dissolve_by_id,
    effective_sectors,
    overlap_warnings,
)

pd = lazy_module("pandas")

DEFAULT_PERIOD_DAYS = 365
SHOWN_IDS = 20


@dataclass(frozen=True)
class Respondents:
    """Survey answers (1–5, NaN missing) and weights (None: 1 each), and where each respondent
    lives: ``xy`` (N×2 in the areas' CRS, NaN without a location) or ``area_ids``."""

    answers: np.ndarray
    weights: np.ndarray | None = None
    xy: np.ndarray | None = None
    area_ids: Sequence[Any] | None = None


@dataclass(frozen=True)
class SafetyInput:
    """The areas (ids, polygons in a metric CRS), the population (a :class:`.manning.PopulationInput`
    or None), the incidents (N×2 ``incident_xy``, raw ``incident_types``, raw ``incident_dates`` and
    optional ``incident_times``) and the survey (and the previous period's, for the change)."""

    area_ids: Sequence[Any]
    area_geometries: np.ndarray
    population: Any
    incident_xy: np.ndarray
    incident_types: Sequence[Any]
    incident_dates: Sequence[Any]
    survey: Respondents
    incident_times: Sequence[Any] | None = None
    previous_survey: Respondents | None = None


@dataclass(frozen=True)
class SafetySettings:
    """How incidents are read and which period counts (``previous_period`` None: the one before),
    and the index's weights, threshold and minimum number of respondents."""

    crime_type_map: CrimeTypeMap = field(default_factory=CrimeTypeMap.default)
    period: Period = field(default_factory=Period)
    previous_period: Period | None = None
    date_format: str | None = None
    incident_source: IncidentSource = IncidentSource()
    index: IndexSettings = DEFAULT_SETTINGS


@dataclass
class SafetyResult:
    """One row per area (``area_id``, the figures of :func:`.safety_index.safety_index` and, with a
    previous survey, ``safety_index_prev`` and ``change``), the area geometries, the periods used
    and what the user should hear."""

    table: pd.DataFrame
    geometries: np.ndarray
    period: Period
    previous_period: Period | None
    warnings: list[str]


def measure_safety(
    data: SafetyInput,
    settings: SafetySettings,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> SafetyResult:
    """The safety index of every area (see the module docstring and :mod:`.safety_index`)."""
    _check_previous(data, settings)
    warnings: list[str] = []
    ids, geometries = _areas_by_id(data.area_ids, data.area_geometries, warnings)
    effective, overlaps = effective_sectors(geometries, ids)
    warnings += overlap_warnings(overlaps, OVERLAP_AREAS)
    progress(10.0)
    population = population_in_sectors(
        data.population, effective, None, warnings, no_progress, is_cancelled
    ).per_sector
    if data.population is None:
        warnings.append(tr("No population: no area has a crime rate or a safety index."))
    progress(40.0)
    incident_area, dates = _incidents(data, effective, settings, warnings, is_cancelled)
    progress(80.0)
    raise_if_cancelled(is_cancelled)
    period, period_warnings = index_period(settings.period, dates)
    warnings += period_warnings
    table = _index_table(
        ids, population, incident_area, dates, period, data.survey, effective, settings, warnings
    )
    previous = None
    if data.previous_survey is not None:
        given = settings.previous_period
        previous = previous_period(period) if given is None or given.is_open else given
        try:
            before = _index_table(
                ids, population, incident_area, dates, previous, data.previous_survey, effective, settings, []
            )
        except InputError as error:
            raise InputError(
                tr("PREVIOUS_SURVEY: {error}", error=error.args[0] if error.args else "")
            ) from None
        if not np.isin(incident_area[previous.contains(dates)], np.arange(len(ids))).any():
            warnings.append(
                tr("Previous period {period}: no incident in any area.", period=period_label(previous))
            )
        table = with_change(table, before)
    progress(100.0)
    return SafetyResult(table, geometries, period, previous, warnings)


def index_period(period: Period, dates: np.ndarray) -> tuple[Period, list[str]]:
    """The period counted (see the module docstring) and a warning when the data are shorter."""
    year = np.timedelta64(DEFAULT_PERIOD_DAYS, "D")
    if period.start is not None and period.end is not None:
        return period, []
    if period.start is not None:
        return Period(period.start, period.start + year), []
    if period.end is not None:
        return Period(period.end - year, period.end), []
    days = np.asarray(dates).astype("datetime64[D]")
    days = days[~np.isnat(days)]
    if not len(days):
        raise InputError(
            tr(
                "No incident has a date in the period to count: give PERIOD_START and PERIOD_END, or check "
                "the crimes' date field."
            )
        )
    end = days.max() + 1
    start = max(end - year, days.min())
    found = Period(start.astype(DATETIME_DTYPE), end.astype(DATETIME_DTYPE))
    if end - start < year:
        return found, [
            tr(
                "The incidents cover {days} days ({period}), less than a year: the period is those days "
                "(rates are still per year).",
                days=int((end - start) / np.timedelta64(1, "D")),
                period=period_label(found),
            )
        ]
    return found, []


def previous_period(period: Period) -> Period:
    """The period of the same length just before ``period``."""
    length = period.end - period.start
    return Period(period.start - length, period.start)


def respondent_areas(area_ids: Sequence[Any], named: Sequence[Any]) -> np.ndarray:
    """Each respondent's area index from the area id they give (−1 where empty); an id that names
    no area is refused, naming it."""
    position = {attribute_text(area_id): index for index, area_id in enumerate(area_ids)}
    texts = [attribute_text(value) for value in named]
    unknown = pd.Series([text for text in texts if text is not None and text not in position])
    if len(unknown):
        counts = unknown.value_counts(sort=False)
        listed = ", ".join(f"'{text}' ({count} responses)" for text, count in counts.head(SHOWN_IDS).items())
        known = ", ".join(str(area_id) for area_id in list(area_ids)[:SHOWN_IDS])
        raise InputError(
            tr(
                "The survey names areas that are not in the areas layer: {unknown}. The area ids "
                "are {known}; "
                "correct the survey's area ids or leave those rows out.",
                unknown=listed + (" …" if len(counts) > SHOWN_IDS else ""),
                known=known + (" …" if len(area_ids) > SHOWN_IDS else ""),
            )
        )
    return np.array([OUTSIDE if text is None else position[text] for text in texts], dtype=np.int64)


def _check_previous(data: SafetyInput, settings: SafetySettings) -> None:
    given = settings.previous_period
    if given is None or given.is_open:
        return
    if data.previous_survey is None:
        raise InputError(
            tr(
                "A previous period needs PREVIOUS_SURVEY, the survey of that period: give it, or leave "
                "PREVIOUS_PERIOD_START and PREVIOUS_PERIOD_END empty."
            )
        )
    if given.start is None or given.end is None:
        raise InputError(
            tr(
                "Give both PREVIOUS_PERIOD_START and PREVIOUS_PERIOD_END, or neither (the same number of "
                "days just before the period)."
            )
        )


def _areas_by_id(area_ids, area_geometries, warnings) -> tuple[np.ndarray, np.ndarray]:
    dissolved = dissolve_by_id(area_ids, area_geometries)
    ids = [area_ids[members[0]] for members in dissolved.members]
    for area_id, members in zip(ids, dissolved.members, strict=True):
        if len(members) > 1:
            warnings.append(
                tr(
                    "Area id '{area}' occurs in {count} features; they count as one area.",
                    area=area_id,
                    count=len(members),
                )
            )
    return checked_sectors(ids, dissolved.geometries)


def _incidents(data, effective, settings, warnings, is_cancelled) -> tuple[np.ndarray, np.ndarray]:
    """Each incident's area (−1: in none, without a location, or not of the six types) and its date."""
    parsed = parse_datetimes(
        data.incident_dates, settings.date_format, data.incident_times, settings.incident_source
    )
    warnings += parsed.warnings
    classified = settings.crime_type_map.classify(np.asarray(data.incident_types, dtype=object))
    warnings += _type_warnings(classified)
    xy = np.asarray(data.incident_xy, dtype=float).reshape(-1, 2)
    located = np.isfinite(xy).all(axis=1)
    area = np.full(len(xy), OUTSIDE, dtype=np.int64)
    area[located] = assign_points(xy[located], effective, is_cancelled=is_cancelled)
    area[np.asarray(classified.codes) < 0] = OUTSIDE
    undated = int(np.isnat(parsed.values).sum())
    if undated:
        warnings.append(
            tr("CRIMES: {count} incidents without a valid date are left out of the period.", count=undated)
        )
    if (~located).any():
        warnings.append(
            tr("CRIMES: {count} incidents have no location and are not counted.", count=int((~located).sum()))
        )
    return area, parsed.values


def _index_table(ids, population, incident_area, dates, period, respondents, effective, settings, warnings):
    in_period = period.contains(dates)
    incidents = np.bincount(incident_area[in_period & (incident_area >= 0)], minlength=len(ids))
    table, messages = safety_index(
        list(ids),
        population,
        incidents,
        period.days(),
        _survey(respondents, ids, effective),
        settings.index,
    )
    warnings += messages
    return table


def _survey(respondents: Respondents, ids, effective) -> Survey:
    if respondents.area_ids is not None:
        area = respondent_areas(ids, respondents.area_ids)
    else:
        xy = np.asarray(respondents.xy, dtype=float).reshape(-1, 2)
        located = np.isfinite(xy).all(axis=1)
        area = np.full(len(xy), OUTSIDE, dtype=np.int64)
        area[located] = assign_points(xy[located], effective)
    answers = np.asarray(respondents.answers, dtype=float)
    weights = None if respondents.weights is None else np.asarray(respondents.weights, dtype=float)
    return Survey(area, answers, weights)


def _type_warnings(classified) -> list[str]:
    """What the index leaves out: incidents of other offences, of types in no mapping, without a type."""
    left_out = []
    if classified.unknown:
        listed = ", ".join(f"'{value}' ({count})" for value, count in classified.unknown.items())
        left_out.append(
            tr(
                "The safety index counts the six crime types; left out: CRIME_TYPE_FIELD values not in "
                "CRIME_TYPE_MAP: {values} (add them as 'value=type' to count them).",
                values=listed,
            )
        )
    if classified.other:
        left_out.append(
            tr(
                "The safety index counts the six crime types; left out: {count} incidents of other offences.",
                count=classified.other,
            )
        )
    if classified.missing:
        left_out.append(
            tr(
                "The safety index counts the six crime types; left out: {count} incidents "
                "without a crime type.",
                count=classified.missing,
            )
        )
    return left_out


# --- the report's table and notes ------------------------------------------------------------------


def ranked_rows(table: pd.DataFrame, max_rows: int) -> pd.DataFrame:
    """The report's table as texts: the ranked areas, least safe first, then those without an index
    (by id); at most ``max_rows``."""
    order = table.assign(_unranked=table["rank"].isna()).sort_values(
        ["_unranked", "rank", "area_id"], kind="stable", key=_sort_key
    )
    status = np.where(
        order["needs_initiative"], "needs initiative", order["survey_status"].replace(STATUS_OK, "")
    )
    rows = pd.DataFrame(
        {
            "Rank": [_text(value, "{:.0f}") for value in order["rank"]],
            "Area": [str(value) for value in order["area_id"]],
            "Safety index": [_text(value) for value in order["safety_index"]],
            "Crime index": [_text(value) for value in order["crime_index"]],
            "Insecurity": [_text(value) for value in order["insecurity_index"]],
            "Respondents": [str(int(value)) for value in order["respondents"]],
            "Status": status,
        }
    )
    if "change" in order:
        rows["Change"] = [_text(value, "{:+.1f}") for value in order["change"]]
    return rows.head(max_rows).reset_index(drop=True)


def report_notes(result: SafetyResult, settings: IndexSettings, period: str, max_rows: int) -> list[str]:
    """The report's lines: how to read the index, the areas that need an initiative, what is left out."""
    total = settings.crime_weight + settings.survey_weight
    notes = [
        tr(
            "Period {period}. 100 = the average of the areas; higher is less safe. Index = "
            "{crime_weight:.2g} × crime index + {survey_weight:.2g} × insecurity index; an initiative from "
            "{threshold:g} with at least {min_responses} respondents.",
            period=period,
            crime_weight=settings.crime_weight / total,
            survey_weight=settings.survey_weight / total,
            threshold=settings.threshold,
            min_responses=settings.min_responses,
        )
    ]
    if result.previous_period:
        notes.append(tr("Change against {period}.", period=period_label(result.previous_period)))
    table = result.table
    needing = table.loc[table["needs_initiative"], "area_id"].tolist()
    if needing:
        notes.append(tr("Needs an initiative: {areas}.", areas=", ".join(str(area) for area in needing)))
    else:
        notes.append(tr("Needs an initiative: no area."))
    if len(table) > max_rows:
        notes.append(tr("{count} more areas are in the output layer.", count=len(table) - max_rows))
    return notes


def _sort_key(value):
    return value.map(attribute_text) if value.dtype == object else value


def _text(value, form: str = "{:.1f}") -> str:
    return "" if pd.isna(value) else form.format(float(value))
