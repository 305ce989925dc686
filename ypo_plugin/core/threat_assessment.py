"""The quarterly threat assessment: what changed in each sector, exposed area and the station.

Per area, for the quarter and its comparison period: incidents by crime type, the change in per
cent of the daily rate (quarters of 90 and 92 days compare fairly; empty when the comparison
period had none), the p-value of the change (the exact conditional test of
:func:`ypo_plugin.core.evaluation.change_p_value`), ``significant`` when it is below 0.05,
gang-related incidents in both periods, and the five busiest grid cells of the quarter.

The quarter defaults to the last full quarter in the data: the latest calendar quarter whose
first and last day both lie within the days that have incidents. The comparison period is the
quarter before, or the same quarter a year earlier.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .counting import OUTSIDE, assign_points
from .crime_types import CRIME_TYPES, CrimeTypeMap, Period
from .defaults import BUSIEST_CELLS, DEFAULT_CELL_SIZE, NO_TEXTS, SIGNIFICANCE_LEVEL, YES_TEXTS
from .errors import InputError
from .evaluation import change_p_value
from .lazy import lazy_module
from .messages import tr
from .population import population_in_sectors
from .progress import never_cancelled, no_progress
from .sectors import checked_sectors, effective_sectors

pd = lazy_module("pandas")


def quarter_containing(day: np.datetime64) -> Period:
    """The calendar quarter ``[first day, first day of the next quarter)`` holding ``day``."""
    month = np.datetime64(day, "M")
    first_month = month - (month.astype(int) % 3)
    return Period(_midnight(first_month), _midnight(first_month + 3))


def last_full_quarter(datetimes: np.ndarray) -> Period:
    """The latest quarter lying wholly within the days that have incidents."""
    days = np.asarray(datetimes).astype("datetime64[D]")
    days = days[~np.isnat(days)]
    if len(days) == 0:
        raise InputError(tr("No incident has a date: the quarter cannot be found; give the period."))
    first, last = days.min(), days.max()
    quarter = quarter_containing(last)
    if np.datetime64(quarter.end, "D") - 1 > last:
        quarter = quarter_containing(np.datetime64(quarter.start, "D") - 1)
    if np.datetime64(quarter.start, "D") < first:
        raise InputError(
            tr(
                "The incidents ({first} to {last}) do not cover a whole calendar quarter: give the period.",
                first=first,
                last=last,
            )
        )
    return quarter


def comparison_period(quarter: Period, year_before: bool = False) -> Period:
    """The quarter before ``quarter``, or the same quarter a year earlier."""
    months = 12 if year_before else 3
    start = np.datetime64(quarter.start, "M") - months
    end = np.datetime64(quarter.end, "M") - months
    return Period(_midnight(start), _midnight(end))


def _midnight(month: np.datetime64) -> np.datetime64:
    return np.datetime64(month, "D").astype("datetime64[s]")


def yes_no_flags(values: Any, what: str) -> np.ndarray:
    """True where a yes/no field (``what``, for messages) says yes: booleans, numbers (not 0) or the
    texts of ``YES_TEXTS``; empty values and ``NO_TEXTS`` are False; any other text stops."""
    flags = np.zeros(len(values), dtype=bool)
    unknown = set()
    for position, value in enumerate(values):
        if value is None or isinstance(value, float) and np.isnan(value):
            continue
        if isinstance(value, bool | np.bool_ | int | np.integer | float):
            flags[position] = bool(value)
            continue
        text = str(value).strip().lower()
        if text in YES_TEXTS:
            flags[position] = True
        elif text not in NO_TEXTS:
            unknown.add(str(value))
    if unknown:
        examples = ", ".join(sorted(unknown)[:3])
        raise InputError(
            tr(
                "The {field} holds values that are neither yes nor no ({examples}): use "
                "true/false, yes/no, ja/nej or 1/0.",
                field=what,
                examples=examples,
            )
        )
    return flags


def area_changes(
    area_kind: str,
    area_ids: list,
    population: np.ndarray,
    membership: np.ndarray,
    type_index: np.ndarray,
    gang: np.ndarray,
    in_now: np.ndarray,
    in_before: np.ndarray,
    days: tuple[float, float],
) -> pd.DataFrame:
    """One row per area: counts by type now and before, the change, its p-value and gang counts.

    ``membership`` gives each incident's area index (−1: in none), ``type_index`` its index in
    the six crime types (−1: another offence, counted in the totals only), ``in_now`` and
    ``in_before`` whether it lies in the quarter or the comparison period; ``days`` the two
    periods' lengths.
    """
    count = len(area_ids)
    inside = membership >= 0
    table = pd.DataFrame({"area_kind": area_kind, "area_id": list(area_ids), "population": population})
    now_mask, before_mask = inside & in_now, inside & in_before
    for name, mask in (("now", now_mask), ("before", before_mask)):
        table[f"incidents_{name}"] = np.bincount(membership[mask], minlength=count)
        table[f"gang_{name}"] = np.bincount(membership[mask & gang], minlength=count)
    for position, crime_type in enumerate(CRIME_TYPES):
        of_type = type_index == position
        table[f"{crime_type}_now"] = np.bincount(membership[now_mask & of_type], minlength=count)
        table[f"{crime_type}_before"] = np.bincount(membership[before_mask & of_type], minlength=count)
    days_now, days_before = days
    rate_now = table["incidents_now"] / days_now
    rate_before = table["incidents_before"] / days_before
    table["change_pct"] = (100.0 * (rate_now - rate_before) / rate_before.where(rate_before > 0)).astype(
        float
    )
    table["p_value"] = [
        change_p_value(int(now), int(before), days_now, days_before)
        for now, before in zip(table["incidents_now"], table["incidents_before"], strict=True)
    ]
    table["significant"] = table["p_value"] < SIGNIFICANCE_LEVEL
    return table


def busiest_cells(xy: np.ndarray, membership: np.ndarray, count: int, cell_size: float) -> list[str]:
    """Per area, its busiest grid cells of ``cell_size`` metres as "x, y: n" texts (the cell's
    lower-left corner in the layer's metres), most incidents first, ties by position."""
    texts = []
    # Only incidents in an area have cells: one without a location (NaN) is in none.
    located = membership >= 0
    cells = np.floor(np.asarray(xy, dtype=float)[located] / cell_size).astype(np.int64)
    for area in range(count):
        own = cells[membership[located] == area]
        if len(own) == 0:
            texts.append("")
            continue
        unique, counts = np.unique(own, axis=0, return_counts=True)
        order = np.lexsort((unique[:, 0], unique[:, 1], -counts))[:BUSIEST_CELLS]
        texts.append(
            "; ".join(
                f"{unique[i, 0] * cell_size:.0f}, {unique[i, 1] * cell_size:.0f}: {counts[i]}" for i in order
            )
        )
    return texts


def monthly_series(membership: np.ndarray, datetimes: np.ndarray, count: int, period: Period) -> pd.DataFrame:
    """Incidents per area (rows) and calendar month (columns, ``YYYY-MM``) within ``period``."""
    months = np.arange(np.datetime64(period.start, "M"), np.datetime64(period.end - 1, "M") + 1)
    inside = (membership >= 0) & period.contains(datetimes)
    month_index = (np.asarray(datetimes)[inside].astype("datetime64[M]") - months[0]).astype(np.int64)
    counts = np.zeros((count, len(months)), dtype=np.int64)
    np.add.at(counts, (membership[inside], month_index), 1)
    return pd.DataFrame(counts, columns=[str(month) for month in months])


STATION = "station"
AREA_KINDS = ("sector", "exposed_area", STATION)


@dataclass(frozen=True)
class ThreatInput:
    """Sectors, exposed areas (may be none), incidents (``xy`` in metres, raw ``types``, parsed
    ``datetimes``, ``gang`` flags) and population (:class:`.manning.PopulationInput` or None)."""

    sector_ids: list
    sector_geometries: np.ndarray
    exposed_names: list
    exposed_geometries: np.ndarray
    xy: np.ndarray
    types: np.ndarray
    datetimes: np.ndarray
    gang: np.ndarray
    population: Any = None


@dataclass(frozen=True)
class ThreatSettings:
    """The quarter (None: the last full one in the data), the comparison period (None: the
    quarter before, or the same quarter a year earlier with ``year_before``), the grid cell size
    and the crime type mapping."""

    quarter: Period | None = None
    compare: Period | None = None
    year_before: bool = False
    cell_size: float = DEFAULT_CELL_SIZE
    crime_type_map: CrimeTypeMap = field(default_factory=CrimeTypeMap.default)


@dataclass
class ThreatResult:
    """The rows (sectors, exposed areas, the station), each sector's monthly series over both
    periods, the periods, the incidents outside every sector and what the user should hear."""

    table: pd.DataFrame
    monthly: pd.DataFrame
    quarter: Period
    compare: Period
    outside: int
    warnings: list[str]


DEFAULT_SETTINGS = ThreatSettings()


def assess_threats(data: ThreatInput, settings: ThreatSettings = DEFAULT_SETTINGS) -> ThreatResult:
    """The quarterly threat assessment (see the module docstring)."""
    warnings: list[str] = []
    quarter = settings.quarter or last_full_quarter(data.datetimes)
    compare = settings.compare or comparison_period(quarter, settings.year_before)
    _check_periods(quarter, compare)
    days = (quarter.days(), compare.days())
    in_now, in_before = quarter.contains(data.datetimes), compare.contains(data.datetimes)
    if not in_now.any():
        warnings.append(
            tr("No incident in the quarter {quarter}: every count is 0.", quarter=period_span(quarter))
        )
    warnings += _coverage_warnings(data.datetimes, compare)
    classified = settings.crime_type_map.classify(data.types)
    warnings += classified.warnings()
    _, sector_geometries = checked_sectors(data.sector_ids, data.sector_geometries)
    sectors, sector_population = _membership(data, sector_geometries)
    exposed, exposed_population = _membership(data, np.asarray(data.exposed_geometries, dtype=object))
    station = np.where(sectors >= 0, 0, OUTSIDE)
    rows = []
    for kind, ids, membership, population in (
        ("sector", data.sector_ids, sectors, sector_population),
        ("exposed_area", data.exposed_names, exposed, exposed_population),
        (STATION, [STATION], station, np.array([sector_population.sum()])),
    ):
        if not len(ids):
            continue
        table = area_changes(
            kind, ids, population, membership, classified.codes, data.gang, in_now, in_before, days
        )
        table["busiest_cells"] = busiest_cells(
            data.xy[in_now], membership[in_now], len(ids), settings.cell_size
        )
        rows.append(table)
    monthly = _both_periods_monthly(sectors, data.datetimes, len(data.sector_ids), quarter, compare)
    monthly.insert(0, "sector_id", list(data.sector_ids))
    outside = int(((sectors == OUTSIDE) & (in_now | in_before)).sum())
    if outside:
        warnings.append(
            tr("{count} incidents of the two periods lie in no sector; counted in none.", count=outside)
        )
    return ThreatResult(pd.concat(rows, ignore_index=True), monthly, quarter, compare, outside, warnings)


def _membership(data: ThreatInput, geometries: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each incident's area (the lowest-index rule where areas overlap; −1 in none) and each
    area's population (0 without population)."""
    if not len(geometries):
        return np.full(len(data.xy), OUTSIDE), np.zeros(0)
    effective, _ = effective_sectors(geometries)
    membership = assign_points(data.xy, effective)
    if data.population is None:
        return membership, np.zeros(len(geometries))
    counted = population_in_sectors(data.population, effective, None, [], no_progress, never_cancelled)
    return membership, counted.per_sector


def _check_periods(quarter: Period, compare: Period) -> None:
    """Refuse a comparison period that shares days with the quarter."""
    if compare.start < quarter.end and quarter.start < compare.end:
        raise InputError(
            tr(
                "The comparison period ({compare}) overlaps the quarter ({quarter}): "
                "compare with a period outside the quarter (COMPARE_START/COMPARE_END).",
                compare=period_span(compare),
                quarter=period_span(quarter),
            )
        )


def _coverage_warnings(datetimes: np.ndarray, compare: Period) -> list[str]:
    """Warn when the comparison period reaches before the first incident or has none: its counts
    (and so the changes) would be low only for want of data."""
    days = np.asarray(datetimes).astype("datetime64[D]")
    days = days[~np.isnat(days)]
    if not compare.contains(datetimes).any():
        return [
            tr(
                "No incident in the comparison period {compare}: every change is against 0.",
                compare=period_span(compare),
            )
        ]
    if len(days) and np.datetime64(compare.start, "D") < days.min():
        return [
            tr(
                "The comparison period {compare} begins before the first incident ({first}): "
                "its counts may be incomplete.",
                compare=period_span(compare),
                first=days.min(),
            )
        ]
    return []


def _both_periods_monthly(
    membership: np.ndarray, datetimes: np.ndarray, count: int, quarter: Period, compare: Period
) -> pd.DataFrame:
    """Incidents per sector and month over the comparison period and the quarter: one run of
    months when they meet, else the comparison's months then the quarter's."""
    if compare.end == quarter.start:
        return monthly_series(membership, datetimes, count, Period(compare.start, quarter.end))
    parts = [monthly_series(membership, datetimes, count, period) for period in (compare, quarter)]
    if set(parts[0].columns) & set(parts[1].columns):  # periods sharing a month: the quarter alone
        return parts[1]
    return pd.concat(parts, axis=1)


def period_span(period: Period) -> str:
    """``2026-07-01 to 2026-09-30``: the period's first and last day."""
    return tr(
        "{first} to {last}", first=np.datetime64(period.start, "D"), last=np.datetime64(period.end, "D") - 1
    )
