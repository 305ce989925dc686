"""Live statistics of a sector plan while it is being edited (the "Sector statistics" dock).

The numbers follow :mod:`.manning` exactly (same rules, same public building
blocks), so the dock shows what ``ypo:computemanning`` would write:

* overlapping sectors: every place counts in the **lowest-index** sector
  covering it (as :func:`.sectors.effective_sectors`);
* population: polygon units shared by area, point units at their location;
  exposed share as in manning (population share, else area share);
* need score, factor (thresholds or quintiles), officers required
  ``max(MIN_OFFICERS, ceil(population / (factor × 1000)))``.

Added for editing:

Workload
    :func:`.splitting.compute_workload` applied to the sector totals
    (population, crimes, exposed population) with the given weights: in
    population equivalents, the total workload equals the total population.
Workload deviation
    ``100 · (workload − mean) / mean`` over the sectors that have a geometry.
Compactness
    Polsby-Popper of the sector as drawn.
Flags (one sector can have several)
    ``gap``, ``overlap``, ``noncontiguous``, ``undermanned`` from
    :func:`.validation.validate_sectors` (``undermanned`` only when allocated
    officers are given; a gap flags the sectors next to it); ``invalid`` (the
    geometry had to be repaired for the statistics), ``empty`` (no geometry),
    ``no id`` / ``duplicate id``, and ``workload`` when
    ``|workload deviation| > tolerance``.

Speed (the dock recomputes after every edit)
    What does not change while sectors are edited is prepared once:
    :func:`.population.prepare_population` (units, their exposed population, a spatial
    index) and :func:`prepare_crimes` (coordinates, crime type codes, period).
    :class:`StatsCache` then keeps, between two calls, the population of every
    sector keyed by its geometry (areal weighting is independent per sector
    once sectors are disjoint) and the sector of every incident: only
    incidents that a changed sector may have gained or lost are assigned
    again, which gives exactly the result of assigning all of them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely

from .compactness import polsby_popper
from .counting import assign_points, count_per_sector, count_per_sector_and_category
from .crime_types import CRIME_TYPE_FIELDS, CRIME_TYPES, CrimeTypeMap, Period, parse_datetimes
from .defaults import (
    DEFAULT_EXPOSED_WEIGHT,
    DEFAULT_THRESHOLDS,
    DEFAULT_TYPE_WEIGHTS,
    MIN_OFFICERS,
    REVIEW_TOLERANCE_PCT,
    WORKLOAD_CRIME_WEIGHT,
    WORKLOAD_EXPOSED_WEIGHT,
    WORKLOAD_POPULATION_WEIGHT,
)
from .errors import InputError
from .geometry import repair_polygons
from .lazy import lazy_module
from .manning import DAYS_PER_YEAR, factors, need_scores, officers_required, period_days
from .messages import tr
from .population import PreparedPopulation, areal_population_of, exposed_share, population_outside
from .progress import CancelCheck, ProgressCallback, never_cancelled, no_progress, raise_if_cancelled
from .sectors import MeetingPairs, attribute_text
from .splitting import compute_workload
from .validation import officers_needed, officers_text, undermanned, validate_sectors

gpd = lazy_module("geopandas")
pd = lazy_module("pandas")

STATS_COLUMNS: tuple[str, ...] = (
    "sector_id",
    "population",
    "crimes_total",
    *CRIME_TYPE_FIELDS,
    "workload",
    "workload_dev_pct",
    "need_score",
    "factor",
    "officers_required",
    "officers_allocated",
    "polsby_popper",
    "area_km2",
    "exposed_share",
    "flags",
)
"""Columns of :attr:`SectorStatistics.table`; ``flags`` holds a tuple of flag names."""

PROBLEM_COLUMNS: tuple[str, ...] = ("error_type", "sector_ids", "area_m2", "message")
FLAG_INVALID = "invalid"
FLAG_EMPTY = "empty"
FLAG_NO_ID = "no id"
FLAG_DUPLICATE = "duplicate id"
FLAG_WORKLOAD = "workload"


@dataclass(frozen=True)
class StatsSettings:
    """How need, factor, officers and workload are computed: the defaults of :mod:`.defaults`, as
    ``ypo:computemanning`` (need, factor, officers) and ``ypo:splitsectors`` (workload weights)."""

    type_weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_TYPE_WEIGHTS))
    exposed_weight: float = DEFAULT_EXPOSED_WEIGHT
    factor_method: str = "thresholds"
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS
    min_officers: int = MIN_OFFICERS
    workload_population_weight: float = WORKLOAD_POPULATION_WEIGHT
    workload_crime_weight: float = WORKLOAD_CRIME_WEIGHT
    workload_exposed_weight: float = WORKLOAD_EXPOSED_WEIGHT
    tolerance_pct: float = REVIEW_TOLERANCE_PCT


# --- prepared inputs (computed once, while sectors are edited) ------------------------------


@dataclass(frozen=True)
class PreparedCrimes:
    """Located incidents of the period, their crime type code (index into CRIME_TYPES, −1 none)."""

    xy: np.ndarray
    type_codes: np.ndarray
    period_days: float
    in_period: int
    without_location: int
    unknown_types: dict[str, int]
    warnings: tuple[str, ...] = ()


def prepare_crimes(
    xy: np.ndarray,
    types: Sequence[Any],
    datetimes: Sequence[Any] | None = None,
    crime_type_map: CrimeTypeMap | None = None,
    period: Period | None = None,
) -> PreparedCrimes:
    """Classify the incidents once; keep those in ``period`` that have a location.

    The period length (to annualise crime rates) follows :mod:`.manning`: the
    period's own length, else first to last incident date (whole days,
    inclusive), else one year.
    """
    crime_type_map = crime_type_map or CrimeTypeMap.default()
    period = period or Period()
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    warnings = []
    if datetimes is None:
        if not period.is_open:
            raise InputError(tr("A period needs the incidents' date field."))
        dates = np.full(len(xy), np.datetime64("NaT"), dtype="datetime64[s]")
    else:
        dates = parse_datetimes(datetimes).values
    in_period = period.contains(dates)
    classified = crime_type_map.classify(np.asarray(list(types), dtype=object)[in_period])
    xy, codes, dates = xy[in_period], classified.codes.astype(np.int64), dates[in_period]
    located = np.isfinite(xy).all(axis=1)
    if classified.unknown:
        listed = ", ".join(f"'{v}' ({c})" for v, c in list(classified.unknown.items())[:10])
        warnings.append(tr("Crime types not in the type map (in the total only): {types}.", types=listed))
    days, assumed = period_days(period, dates)
    if assumed and len(xy):
        warnings.append(tr("No incident dates: crime rates assume the incidents cover one year."))
    return PreparedCrimes(
        xy=xy[located],
        type_codes=codes[located],
        period_days=days,
        in_period=int(in_period.sum()),
        without_location=int((~located).sum()),
        unknown_types=dict(classified.unknown),
        warnings=tuple(warnings),
    )


# --- the cache kept between two updates ----------------------------------------------------


class StatsCache:
    """What :func:`sector_statistics` can reuse from its previous call.

    Tied to one :class:`PreparedPopulation` and one :class:`PreparedCrimes`:
    make a new cache when either is prepared again.
    """

    def __init__(self):
        self._population: dict[bytes, tuple[float, float]] = {}
        self._pairs = MeetingPairs()
        self._crime_wkbs: list[bytes] | None = None
        self._crime_sector: np.ndarray | None = None
        self._crime_source: Any = None
        self._validation_key: Any = None
        self._validation: Any = None
        self.reassigned = 0
        """Incidents assigned again in the last call (all of them after a change of sector count)."""

    def effective(self, geometries: np.ndarray) -> np.ndarray:
        """:func:`.sectors.effective_sectors` of ``geometries``, memoised (:class:`.sectors.MeetingPairs`)."""
        return self._pairs.effective(geometries)

    def areal_population(self, key: bytes, compute) -> tuple[float, float]:
        """``compute()`` (a sector's population and exposed population) memoised by the sector's
        WKB ``key``; the memo is emptied when it grows past 10,000 sectors."""
        if key not in self._population:
            if len(self._population) > 10_000:
                self._population.clear()
            self._population[key] = compute()
        return self._population[key]

    def crime_sectors(self, crimes: PreparedCrimes, effective: np.ndarray, wkbs: list[bytes]) -> np.ndarray:
        """Index of the sector of each incident, as :func:`.counting.assign_points` gives it.

        A changed sector j can only gain incidents inside its new bounding box
        and lose incidents it had, so only those are assigned again. An incident
        outside both keeps its sector: no changed sector covers it now, and no
        changed sector of lower index covered it before (it would have had it).
        """
        xy = crimes.xy
        previous = self._crime_sector
        if previous is None or self._crime_source is not crimes or len(wkbs) != len(self._crime_wkbs):
            sector = assign_points(xy, effective)
            self.reassigned = len(xy)
        else:
            changed = [
                j for j, (new, old) in enumerate(zip(wkbs, self._crime_wkbs, strict=True)) if new != old
            ]
            sector = previous
            self.reassigned = 0
            if changed:
                candidates = np.isin(previous, changed)
                bounds = shapely.bounds(effective[changed]).reshape(-1, 4)
                for x0, y0, x1, y1 in bounds:
                    if np.isnan(x0):
                        continue
                    candidates |= (xy[:, 0] >= x0) & (xy[:, 0] <= x1) & (xy[:, 1] >= y0) & (xy[:, 1] <= y1)
                index = np.flatnonzero(candidates)
                sector = previous.copy()
                sector[index] = assign_points(xy[index], effective)
                self.reassigned = len(index)
        self._crime_source, self._crime_wkbs, self._crime_sector = crimes, list(wkbs), sector
        return sector

    def validation(self, key, compute):
        """``compute()`` (the validation problems and warnings) reused while ``key`` (the labels and
        geometries validated) is that of the previous call."""
        if key != self._validation_key:
            self._validation = compute()
            self._validation_key = key
        return self._validation


# --- the statistics ------------------------------------------------------------------------


@dataclass
class SectorStatistics:
    """One row per sector feature (input order) and the problems found.

    ``problems`` has ``PROBLEM_COLUMNS`` and the problem geometry (gaps,
    overlaps, extra parts, under-manned sectors, …) in the sectors' CRS.
    """

    table: pd.DataFrame
    problems: gpd.GeoDataFrame
    warnings: list[str]
    population_outside: float
    crimes_outside: int


def sector_statistics(
    ids: Sequence[Any],
    geometries: Sequence,
    population: PreparedPopulation | None = None,
    crimes: PreparedCrimes | None = None,
    officers_allocated: Sequence[Any] | None = None,
    settings: StatsSettings | None = None,
    cache: StatsCache | None = None,
    crs: Any = None,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> SectorStatistics:
    """Statistics and flags of every sector (see the module documentation).

    ``geometries`` are the sectors' (multi)polygons in a metric CRS, missing
    or invalid ones allowed (they are flagged); ``officers_allocated`` one
    number (or None) per sector, None when the layer has no such field.
    """
    settings = settings or StatsSettings()
    cache = cache or StatsCache()
    ids = list(ids)
    geometries = np.asarray(getattr(geometries, "values", geometries), dtype=object).reshape(-1)
    n = len(geometries)
    if len(ids) != n:
        raise InputError(
            tr("{ids} sector ids were given for {geometries} sector geometries.", ids=len(ids), geometries=n)
        )
    flags: list[list[str]] = [[] for _ in range(n)]
    labels = _labels(ids, flags)

    usable_geoms, usable = _usable(geometries, flags)
    rows = np.flatnonzero(usable)
    effective = cache.effective(usable_geoms[rows])
    raise_if_cancelled(is_cancelled)
    progress(10)

    wkbs = list(shapely.to_wkb(effective)) if len(rows) else []
    pop, exposed_pop = _population(population, effective, wkbs, cache)
    progress(50)
    raise_if_cancelled(is_cancelled)
    crimes_per_type, crimes_total = _crimes(crimes, effective, wkbs, cache)
    progress(80)
    raise_if_cancelled(is_cancelled)

    share = np.zeros(len(rows))
    if population is not None and len(rows):
        share = exposed_share(pop, exposed_pop, effective, population.exposed)
    period_days = crimes.period_days if crimes is not None else DAYS_PER_YEAR
    need = need_scores(
        crimes_per_type, pop, share, period_days, settings.type_weights, settings.exposed_weight
    )
    factor = factors(need, settings.factor_method, settings.thresholds)
    required = officers_required(pop, factor, settings.min_officers)
    workload = _workload(pop, crimes_total, exposed_pop, settings)
    mean = workload.mean() if len(workload) else math.nan
    with np.errstate(divide="ignore", invalid="ignore"):
        deviation = 100.0 * (workload - mean) / mean if mean > 0 else np.full(len(workload), np.nan)

    allocated = _allocated_numbers(officers_allocated)

    columns: dict[str, Any] = {"sector_id": ids}
    numbers = {
        "population": pop,
        "crimes_total": crimes_total,
        **{name: crimes_per_type[:, j] for j, name in enumerate(CRIME_TYPE_FIELDS)},
        "workload": workload,
        "workload_dev_pct": deviation,
        "need_score": need,
        "factor": factor,
        "officers_required": required,
        "polsby_popper": polsby_popper(usable_geoms[rows]),
        "area_km2": shapely.area(usable_geoms[rows]) / 1e6,
        "exposed_share": share,
    }
    for name, values in numbers.items():
        column = np.full(n, np.nan)
        column[rows] = values
        columns[name] = column
    columns["officers_allocated"] = allocated if allocated is not None else np.full(n, np.nan)
    table = pd.DataFrame(columns)
    for k in rows[np.abs(deviation) > settings.tolerance_pct]:
        flags[k].append(FLAG_WORKLOAD)

    problems, warnings = _validation(labels, usable_geoms, rows, table, allocated, settings, cache, crs)
    _flag_problems(labels, problems, flags)
    table["flags"] = [tuple(f) for f in flags]
    if population is not None:
        warnings = list(population.warnings) + warnings
    if crimes is not None:
        warnings = list(crimes.warnings) + warnings
    progress(100)
    return SectorStatistics(
        table=table[list(STATS_COLUMNS)],
        problems=problems,
        warnings=warnings,
        population_outside=population_outside(population.total if population is not None else 0.0, pop),
        crimes_outside=(len(crimes.xy) if crimes is not None else 0) - int(crimes_total.sum()),
    )


def _allocated_numbers(officers_allocated: Sequence[Any] | None) -> np.ndarray | None:
    """The officers allocated as floats (NaN where a value is not a number); None without the field."""
    if officers_allocated is None:
        return None
    return pd.to_numeric(pd.Series(list(officers_allocated), dtype=object), errors="coerce").to_numpy(
        dtype=float
    )


def _flag_problems(labels: list[str], problems: gpd.GeoDataFrame, flags: list[list[str]]) -> None:
    """Add each problem's error type, once, to the flags of every sector the problem names."""
    by_label: dict[str, list[int]] = {}
    for k, label in enumerate(labels):
        by_label.setdefault(label, []).append(k)
    for error_type, sector_ids in zip(problems["error_type"], problems["sector_ids"], strict=True):
        for label in str(sector_ids).split(",") if sector_ids else ():
            for k in by_label.get(label, ()):
                if error_type not in flags[k]:
                    flags[k].append(error_type)


def _labels(ids: list, flags: list[list[str]]) -> list[str]:
    """The sector labels used in problems: the id as text (:func:`.sectors.attribute_text`), or
    '#position' without an id."""
    labels = []
    for k, value in enumerate(ids):
        text = attribute_text(value)
        if text is None:
            flags[k].append(FLAG_NO_ID)
            labels.append(f"#{k + 1}")
        else:
            labels.append(text)
    counts = pd.Series(labels).value_counts()
    for k, label in enumerate(labels):
        if counts[label] > 1:
            flags[k].append(FLAG_DUPLICATE)
    return labels


def _usable(geometries: np.ndarray, flags: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
    """Valid polygonal geometries (repaired where needed) and which sectors have one."""
    result, invalid = repair_polygons(geometries)
    for k in np.flatnonzero(invalid):
        flags[k].append(FLAG_INVALID)
    polygonal = np.isin(shapely.get_type_id(result), (3, 6))
    usable = polygonal & ~shapely.is_empty(result)
    with np.errstate(invalid="ignore"):
        usable &= np.where(usable, shapely.area(result), 0.0) > 0
    for k in np.flatnonzero(~usable):
        flags[k].append(FLAG_EMPTY)
        result[k] = None
    return result, usable


def _population(population, effective, wkbs, cache) -> tuple[np.ndarray, np.ndarray]:
    n = len(effective)
    pop, exposed_pop = np.zeros(n), np.zeros(n)
    if population is None or n == 0:
        return pop, exposed_pop
    for k in range(n):
        pop[k], exposed_pop[k] = cache.areal_population(
            wkbs[k], lambda k=k: areal_population_of(population, effective[k])
        )
    if len(population.point_xy):
        sector = assign_points(population.point_xy, effective)
        pop += count_per_sector(sector, n, population.point_values)
        exposed_pop += count_per_sector(sector, n, population.point_values * population.point_exposed)
    return pop, exposed_pop


def _crimes(crimes, effective, wkbs, cache) -> tuple[np.ndarray, np.ndarray]:
    n = len(effective)
    if crimes is None or n == 0:
        return np.zeros((n, len(CRIME_TYPES)), dtype=np.int64), np.zeros(n, dtype=np.int64)
    sector = cache.crime_sectors(crimes, effective, wkbs)
    per_type = count_per_sector_and_category(sector, crimes.type_codes, n, len(CRIME_TYPES))
    total = count_per_sector(sector, n).astype(np.int64)
    return per_type, total


def _workload(pop, crimes_total, exposed_pop, settings: StatsSettings) -> np.ndarray:
    if len(pop) == 0:
        return np.zeros(0)
    return compute_workload(
        pop,
        crimes_total.astype(float),
        exposed_pop,
        settings.workload_population_weight,
        settings.workload_crime_weight,
        settings.workload_exposed_weight,
    )


def _validation(labels, geoms, rows, table, allocated, settings, cache, crs):
    """Problems of the sectors that have a geometry.

    The geometric checks of :func:`.validation.validate_sectors` are cached
    while the geometries and ids stay the same (an attribute edit does not
    redo them); ``undermanned`` follows the same rule as there:
    ``officers_allocated < max(officers_required, min_officers)``, an empty
    allocation counting as 0.
    """
    if len(rows) == 0:
        empty = {name: pd.Series(dtype=object) for name in PROBLEM_COLUMNS}
        return gpd.GeoDataFrame(empty, geometry=[], crs=crs), []
    row_labels = [labels[k] for k in rows]
    key = (tuple(row_labels), tuple(shapely.to_wkb(geoms[rows])))

    def compute():
        result = validate_sectors(row_labels, geoms[rows])
        return result.errors, list(result.warnings)

    problems, warnings = cache.validation(key, compute)
    if allocated is not None:
        required = table["officers_required"].to_numpy()
        needed = officers_needed(required, settings.min_officers)
        have = np.nan_to_num(allocated, nan=0.0)
        short = [k for k in rows if undermanned(allocated[k], required[k], settings.min_officers)]
        if short:
            extra = gpd.GeoDataFrame(
                {
                    "error_type": ["undermanned"] * len(short),
                    "sector_ids": [labels[k] for k in short],
                    "area_m2": [float(shapely.area(geoms[k])) for k in short],
                    "message": [
                        tr(
                            "Sector {sector} has {allocated} allocated but needs {needed}.",
                            sector=labels[k],
                            allocated=officers_text(have[k]),
                            needed=officers_text(needed[k]),
                        )
                        for k in short
                    ],
                },
                geometry=[geoms[k] for k in short],
            )
            problems = pd.concat([problems, extra], ignore_index=True)
    if crs is not None:
        problems = problems.set_crs(crs, allow_override=True)
    return problems, list(warnings)
