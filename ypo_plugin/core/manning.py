"""Sector manning: population, crime by type, need, factor 1–5 and officers.

Rules and formulas (each also documented where it is computed)
----------------------------------------------------------------
Overlapping sectors
    Every place belongs to the **lowest-index sector** that covers it (input
    order), for incidents, population points and population areas alike
    (:func:`effective_sectors`). Nothing is counted twice; overlaps are
    reported. ``area_km2`` is still the area of the sector as drawn.
Population
    A polygon unit's population is shared by area (mass-preserving):
    ``pop(unit ∩ sector) = pop(unit) × area(unit ∩ sector) / area(unit)``; the
    part in no sector is ``population_outside``. Point units (and units of zero
    area) count wholly in the sector at their location.
Population outside
    Less than 0.01 inhabitant outside every sector (``POPULATION_TOLERANCE``) is
    reported as 0: areal weighting leaves floating-point residues (about 1e-8
    inhabitants where the units tile the sectors exactly), not a finding.
Exposed share
    Share of the sector's population living inside the (united) exposed
    housing areas, found the same way as the population. A sector without
    population uses the share of its area instead.
Need score
    ``need = Σ_t w_t · rate_t · (1 + e · exposed_share)`` where ``rate_t`` is
    crimes of type t per 1,000 inhabitants **per year** (counts × 1000 /
    population × 365.25 / period_days), ``w_t`` the type weights and ``e`` the
    exposed weight. NaN for a sector without population.
Factor
    ``thresholds``: factor 1 when need ≥ t1, 2 when t2 ≤ need < t1, … 5 when
    need < t4 (a need equal to a threshold gets the lower factor number,
    i.e. more officers). ``quintiles``: with k = number of sectors of strictly
    lower need and n sectors with a need, ``factor = 5 − ⌊5k / n⌋``: the top
    fifth gets 1, ties share a factor. Sectors without population get 5 (their
    officers are the minimum whatever the factor). A valid override 1–5 wins.
Officers required
    ``max(MIN_OFFICERS, ceil(population / (factor × 1000)))``.
Officers allocated
    See :func:`allocate_officers`: minimum-constrained proportional shares,
    rounded by the largest-remainder (Hamilton) method, summing exactly to the
    budget. Without a budget every sector is allocated what it requires.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import numpy as np
import shapely

from .counting import (
    OUTSIDE,
    assign_points,
    coordinates_of,
    count_per_sector,
    count_per_sector_and_category,
)
from .crime_types import (
    CRIME_TYPE_FIELDS,
    CRIME_TYPES,
    CrimeTypeMap,
    IncidentSource,
    Period,
    dates_in_period,
    without_location_warnings,
)
from .errors import InputError
from .geometry import find_overlaps, format_area, intersection, named_pair, natural_rank
from .lazy import lazy_module
from .progress import (
    CancelCheck,
    ProgressCallback,
    never_cancelled,
    no_progress,
    raise_if_cancelled,
    scaled,
)

pd = lazy_module("pandas")

MIN_OFFICERS = 2
FACTOR_METHODS = ("thresholds", "quintiles")
DEFAULT_TYPE_WEIGHTS: Mapping[str, float] = {
    "violence": 3.0,
    "burglary": 2.0,
    "theft": 1.0,
    "drugs": 1.5,
    "vandalism": 1.0,
    "harassment": 1.5,
}
DEFAULT_EXPOSED_WEIGHT = 1.0
DEFAULT_THRESHOLDS: tuple[float, float, float, float] = (200.0, 120.0, 70.0, 35.0)
"""Weighted crimes per 1,000 inhabitants per year at which factor 1, 2, 3, 4 start."""

DAYS_PER_YEAR = 365.25
POPULATION_TOLERANCE = 0.01
"""Inhabitants outside every sector below this are a floating-point residue, reported as 0."""

OUTPUT_FIELDS: tuple[str, ...] = (
    "sector_id",
    "population",
    "area_km2",
    "crimes_total",
    *CRIME_TYPE_FIELDS,
    "crimes_per_1000",
    "exposed_share",
    "need_score",
    "factor",
    "officers_required",
    "officers_allocated",
)


# --- inputs and result ------------------------------------------------------


@dataclass(frozen=True)
class SectorInput:
    """The sectors: ids, (multi)polygons in a metric CRS, optional override and district per sector."""

    ids: Sequence[Any]
    geometries: np.ndarray
    factor_override: Sequence[Any] | None = None
    districts: Sequence[Any] | None = None


@dataclass(frozen=True)
class PopulationInput:
    """Population units: polygons (shared by area) or points (by location), and their population."""

    geometries: np.ndarray
    values: Sequence[Any]


@dataclass(frozen=True)
class CrimeInput:
    """Incidents: N×2 coordinates (NaN without location), raw type values, raw date-times or None,
    and optional times of day (see :mod:`.incident_dates`)."""

    xy: np.ndarray
    types: Sequence[Any]
    datetimes: Sequence[Any] | None = None
    times: Sequence[Any] | None = None


@dataclass(frozen=True)
class ManningSettings:
    """Parameters of :func:`compute_manning` (defaults as in ``ypo:computemanning``)."""

    crime_type_map: CrimeTypeMap = field(default_factory=CrimeTypeMap.default)
    period: Period = field(default_factory=Period)
    date_format: str | None = None
    incident_source: IncidentSource = IncidentSource()
    type_weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_TYPE_WEIGHTS))
    exposed_weight: float = DEFAULT_EXPOSED_WEIGHT
    factor_method: str = "thresholds"
    thresholds: Sequence[float] = DEFAULT_THRESHOLDS
    min_officers: int = MIN_OFFICERS
    staff: int | None = None
    district_staff: Mapping[Any, int] | None = None


@dataclass(frozen=True)
class Overlap:
    """Two sectors whose interiors overlap; the overlap counts in ``first`` (the earlier one).
    ``named`` is the pair in the order every algorithm names it (natural id order)."""

    first: Any
    second: Any
    area_km2: float
    named: tuple = ()


@dataclass
class ManningResult:
    """Per-sector table (``OUTPUT_FIELDS``) and the totals that make every input accountable.

    Conservation: ``sectors.population.sum() + population_outside ==
    population_input`` (to ``POPULATION_TOLERANCE``) and ``sectors.crimes_total.sum() +
    crimes_outside == crimes_in_period``. ``crimes_outside`` includes the ``crimes_without_location``
    and ``population_outside`` the ``population_without_location``.
    """

    sectors: pd.DataFrame
    population_input: float
    population_outside: float
    population_without_location: float
    crimes_input: int
    crimes_in_period: int
    crimes_outside: int
    crimes_without_location: int
    crimes_undated: int
    crimes_other: int
    crimes_without_type: int
    unknown_crime_types: dict[str, int]
    invalid_dates: dict[str, int]
    period_days: float
    overlaps: list[Overlap]
    warnings: list[str]

    @property
    def officers_required_total(self) -> int:
        return int(self.sectors["officers_required"].sum())

    @property
    def officers_allocated_total(self) -> int:
        return int(self.sectors["officers_allocated"].sum())


# --- the whole computation --------------------------------------------------


def compute_manning(
    sectors: SectorInput,
    population: PopulationInput | None = None,
    crimes: CrimeInput | None = None,
    exposed_areas: np.ndarray | None = None,
    settings: ManningSettings | None = None,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> ManningResult:
    """Population, crime, need, factor and officers per sector (see module docstring)."""
    settings = settings or ManningSettings()
    _check_settings(settings)
    ids, geometries = checked_sectors(sectors.ids, sectors.geometries)
    warnings: list[str] = []
    effective, overlaps = effective_sectors(geometries, ids)
    warnings += overlap_warnings(overlaps, "is counted in")
    exposed = _united(exposed_areas)
    progress(5.0)

    pop = _population_in_sectors(
        population, effective, exposed, warnings, scaled(progress, 5, 35), is_cancelled
    )
    crime = _crimes_in_sectors(crimes, effective, settings, warnings, scaled(progress, 35, 90), is_cancelled)
    raise_if_cancelled(is_cancelled)

    area_km2 = shapely.area(geometries) / 1e6
    exposed_share = _exposed_share(pop, effective, exposed)
    need = need_scores(
        crime.per_type,
        pop.per_sector,
        exposed_share,
        crime.period_days,
        settings.type_weights,
        settings.exposed_weight,
    )
    factor = factors(need, settings.factor_method, settings.thresholds)
    if sectors.factor_override is not None:
        factor = apply_factor_override(factor, sectors.factor_override, ids)
    required = officers_required(pop.per_sector, factor, settings.min_officers)
    allocated = _allocate(required, ids, sectors.districts, settings, warnings)

    table = pd.DataFrame(
        {
            "sector_id": ids,
            "population": pop.per_sector,
            "area_km2": area_km2,
            "crimes_total": crime.per_sector,
        }
    )
    for j, name in enumerate(CRIME_TYPE_FIELDS):
        table[name] = crime.per_type[:, j]
    with np.errstate(divide="ignore", invalid="ignore"):
        table["crimes_per_1000"] = np.where(
            pop.per_sector > 0, crime.per_sector * 1000.0 / pop.per_sector, np.nan
        )
    table["exposed_share"] = exposed_share
    table["need_score"] = need
    table["factor"] = factor
    table["officers_required"] = required
    table["officers_allocated"] = allocated
    progress(100.0)
    return ManningResult(
        sectors=table[list(OUTPUT_FIELDS)],
        population_input=pop.total,
        population_outside=population_outside(pop.total, pop.per_sector),
        population_without_location=pop.without_location,
        crimes_input=crime.input,
        crimes_in_period=crime.in_period,
        crimes_outside=crime.in_period - int(crime.per_sector.sum()),
        crimes_without_location=crime.without_location,
        crimes_undated=crime.undated,
        crimes_other=crime.other,
        crimes_without_type=crime.without_type,
        unknown_crime_types=crime.unknown,
        invalid_dates=crime.invalid_dates,
        period_days=crime.period_days,
        overlaps=overlaps,
        warnings=warnings,
    )


def population_outside(total: float, per_sector: np.ndarray) -> float:
    """Inhabitants of ``total`` in no sector; 0 below ``POPULATION_TOLERANCE`` (a residue)."""
    outside = total - float(np.sum(per_sector))
    return 0.0 if abs(outside) < POPULATION_TOLERANCE else outside


# --- sectors ----------------------------------------------------------------


def effective_sectors(
    geometries: np.ndarray, ids: Sequence[Any] | None = None
) -> tuple[np.ndarray, list[Overlap]]:
    """Sectors made disjoint by the lowest-index rule, and the overlaps to report.

    ``effective[j] = sector[j] − ∪{sector[i] : i < j, interiors of i and j
    intersect}``; sectors that only touch are left as they are, so a clean
    partition is returned unchanged. The pairs and which of them are more than
    floating-point noise come from :func:`.geometry.find_overlaps`, as in every
    algorithm.
    """
    geometries = np.asarray(geometries, dtype=object)
    ids = list(range(len(geometries))) if ids is None else list(ids)
    found = find_overlaps(geometries)
    effective = geometries.copy()
    for j in np.unique(found.later):
        effective[j] = shapely.difference(
            geometries[j], shapely.union_all(geometries[found.earlier[found.later == j]])
        )
    rank = natural_rank(ids)
    overlaps = [
        Overlap(ids[i], ids[j], float(area) / 1e6, tuple(ids[k] for k in named_pair(rank, i, j)))
        for i, j, area in zip(
            found.earlier[found.reported],
            found.later[found.reported],
            found.areas[found.reported],
            strict=True,
        )
    ]
    return effective, overlaps


def overlap_warnings(overlaps: Sequence[Overlap], counted: str) -> list[str]:
    """One warning per overlap, e.g. ``counted="is counted in"`` → "… the overlap is counted in 'A' only"."""
    return [
        f"Sectors '{o.named[0]}' and '{o.named[1]}' overlap by {format_area(o.area_km2 * 1e6)}; "
        f"the overlap {counted} '{o.first}' only."
        for o in overlaps
    ]


def checked_sectors(
    sector_ids: Sequence[Any], sector_geometries: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Sector ids and (multi)polygons as object arrays, refused unless ids are unique and
    every geometry is a valid polygon."""
    ids = np.asarray(list(sector_ids), dtype=object)
    geometries = np.asarray(sector_geometries, dtype=object)
    if len(geometries) == 0:
        raise InputError("SECTORS has no features; give a polygon layer with at least one sector.")
    if len(ids) != len(geometries):
        raise InputError("SECTORS: one sector id per geometry is needed.")
    if pd.isna(pd.Series(ids, dtype=object)).any():
        raise InputError("SECTORS: some sectors have no SECTOR_ID_FIELD value; give every sector an id.")
    duplicated = pd.Series(ids, dtype=object).duplicated().to_numpy()
    if duplicated.any():
        raise InputError(
            f"SECTORS: sector id '{ids[duplicated][0]}' is used more than once; "
            "SECTOR_ID_FIELD must be unique (dissolve multi-part sectors by it first)."
        )
    for problem, bad in (
        ("has no geometry", shapely.is_missing(geometries) | shapely.is_empty(geometries)),
        ("is not a polygon", ~np.isin(shapely.get_type_id(geometries), (3, 6))),
        ("has an invalid geometry (run 'Fix geometries' first)", ~shapely.is_valid(geometries)),
    ):
        if bad.any():
            raise InputError(f"SECTORS: sector '{ids[bad][0]}' {problem}.")
    return ids, geometries


# --- population -------------------------------------------------------------


@dataclass(frozen=True)
class _Population:
    per_sector: np.ndarray
    exposed: np.ndarray
    total: float
    without_location: float


def _population_in_sectors(population, effective, exposed, warnings, progress, is_cancelled) -> _Population:
    n = len(effective)
    if population is None:
        return _Population(np.zeros(n), np.zeros(n), 0.0, 0.0)
    geometries = np.asarray(population.geometries, dtype=object)
    values = _checked_population_values(population.values, warnings)
    geometries = _repaired(geometries, "POPULATION", warnings)
    areal, at_point, missing = _unit_kinds(geometries)
    per_sector, exposed_pop = areal_population(geometries[areal], values[areal], effective, exposed)
    progress(60.0)
    raise_if_cancelled(is_cancelled)
    xy = coordinates_of(shapely.point_on_surface(geometries[at_point]))
    in_sector = assign_points(xy, effective, is_cancelled=is_cancelled)
    per_sector += count_per_sector(in_sector, n, values[at_point])
    if exposed is not None:
        in_exposed = shapely.intersects_xy(exposed, xy[:, 0], xy[:, 1])
        exposed_pop += count_per_sector(in_sector, n, values[at_point] * in_exposed)
    without_location = float(values[missing].sum())
    if missing.any():
        warnings.append(
            f"POPULATION: {int(missing.sum())} units without geometry "
            f"({without_location:g} inhabitants) are counted as population outside the sectors."
        )
    progress(100.0)
    return _Population(per_sector, exposed_pop, float(values.sum()), without_location)


def areal_population(
    units: np.ndarray, values: np.ndarray, sectors: np.ndarray, exposed: Any | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Population per sector by areal weighting, and the part of it inside ``exposed``.

    ``pop_s = Σ_u pop_u · area(u ∩ s) / area(u)``: mass-preserving, so each
    unit's population is either in a sector or outside all of them.
    ``sectors`` must be disjoint (see :func:`effective_sectors`).
    """
    units = np.asarray(units, dtype=object)
    values = np.asarray(values, dtype=float)
    n = len(sectors)
    per_sector, exposed_pop = np.zeros(n), np.zeros(n)
    if len(units) == 0:
        return per_sector, exposed_pop
    unit_idx, sector_idx = shapely.STRtree(sectors).query(units, predicate="intersects")
    pieces = intersection(units[unit_idx], sectors[sector_idx])
    per_area = values[unit_idx] / shapely.area(units[unit_idx])
    per_sector += np.bincount(sector_idx, weights=per_area * shapely.area(pieces), minlength=n)
    if exposed is not None:
        exposed_area = shapely.area(intersection(pieces, exposed))
        exposed_pop += np.bincount(sector_idx, weights=per_area * exposed_area, minlength=n)
    return per_sector, exposed_pop


def _checked_population_values(values, warnings) -> np.ndarray:
    try:
        numbers = pd.to_numeric(pd.Series(list(values), dtype=object), errors="raise").to_numpy(dtype=float)
    except (ValueError, TypeError) as error:
        raise InputError(f"POPULATION_FIELD must be numeric ({error}); choose a number field.") from None
    nulls = np.isnan(numbers)
    if nulls.any():
        warnings.append(f"POPULATION: {int(nulls.sum())} units have no population value; counted as 0.")
    negative = np.flatnonzero(numbers < 0)
    if len(negative):
        raise InputError(
            f"POPULATION_FIELD: unit {negative[0]} has a negative population "
            f"({numbers[negative[0]]:g}); population must be 0 or more."
        )
    return np.where(nulls, 0.0, numbers)


def _repaired(geometries: np.ndarray, layer: str, warnings: list[str]) -> np.ndarray:
    """Invalid geometries made valid (keeping their polygonal part), with a warning."""
    invalid = ~shapely.is_valid(geometries) & ~shapely.is_missing(geometries)
    if not invalid.any():
        return geometries
    warnings.append(f"{layer}: {int(invalid.sum())} invalid geometries were repaired (make_valid).")
    repaired = geometries.copy()
    repaired[invalid] = shapely.make_valid(geometries[invalid], method="structure", keep_collapsed=False)
    return repaired


def _unit_kinds(geometries: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Masks: units shared by area, units counted at a point, units without geometry."""
    missing = shapely.is_missing(geometries) | shapely.is_empty(geometries)
    areas = np.where(missing, 0.0, shapely.area(geometries))
    areal = areas > 0
    return areal, ~areal & ~missing, missing


def _united(polygons: np.ndarray | None) -> Any | None:
    """One prepared geometry of all ``polygons`` (so overlapping areas count once), or None."""
    if polygons is None:
        return None
    polygons = np.asarray(polygons, dtype=object)
    polygons = polygons[~(shapely.is_missing(polygons) | shapely.is_empty(polygons))]
    if len(polygons) == 0:
        return None
    united = shapely.union_all(shapely.make_valid(polygons, method="structure", keep_collapsed=False))
    shapely.prepare(united)
    return united


def _exposed_share(population: _Population, sectors: np.ndarray, exposed: Any | None) -> np.ndarray:
    """Exposed population / population; the exposed share of the area where no one lives."""
    if exposed is None:
        return np.zeros(len(sectors))
    areas = shapely.area(sectors)
    area_share = np.divide(
        shapely.area(intersection(sectors, exposed)),
        areas,
        out=np.zeros(len(sectors)),
        where=areas > 0,
    )
    inhabited = population.per_sector > 0
    population_share = np.divide(
        population.exposed, population.per_sector, out=np.zeros(len(sectors)), where=inhabited
    )
    return np.where(inhabited, population_share, area_share)


# --- crimes -----------------------------------------------------------------


@dataclass(frozen=True)
class _Crimes:
    per_sector: np.ndarray
    per_type: np.ndarray
    input: int
    in_period: int
    without_location: int
    undated: int
    other: int
    without_type: int
    unknown: dict[str, int]
    invalid_dates: dict[str, int]
    period_days: float

    @classmethod
    def none(cls, n_sectors: int) -> _Crimes:
        """No crime layer: zero everywhere."""
        return cls(
            per_sector=np.zeros(n_sectors, dtype=np.int64),
            per_type=np.zeros((n_sectors, len(CRIME_TYPES)), dtype=np.int64),
            input=0,
            in_period=0,
            without_location=0,
            undated=0,
            other=0,
            without_type=0,
            unknown={},
            invalid_dates={},
            period_days=DAYS_PER_YEAR,
        )


def _crimes_in_sectors(crimes, effective, settings, warnings, progress, is_cancelled) -> _Crimes:
    n = len(effective)
    if crimes is None:
        return _Crimes.none(n)
    xy = np.asarray(crimes.xy, dtype=float).reshape(-1, 2)
    if not len(xy):
        warnings.append(
            f"{settings.incident_source.layer_label} has no incidents: every sector has 0 crime and "
            "need score 0, so the officers follow from population alone. Check the layer (and its "
            "filter or selection) if crime was expected."
        )
    dates, invalid_dates, in_period = _dates_in_period(crimes, len(xy), settings, warnings)
    classified = settings.crime_type_map.classify(np.asarray(crimes.types, dtype=object)[in_period])
    xy = xy[in_period]
    located = np.isfinite(xy).all(axis=1)
    sector = np.full(len(xy), OUTSIDE, dtype=np.int64)
    sector[located] = assign_points(xy[located], effective, progress, is_cancelled)

    without_location = int((~located).sum())
    warnings += without_location_warnings(without_location)
    warnings += classified.warnings()
    return _Crimes(
        per_sector=count_per_sector(sector, n).astype(np.int64),
        per_type=count_per_sector_and_category(sector, classified.codes, n, len(CRIME_TYPES)),
        input=len(in_period),
        in_period=int(in_period.sum()),
        without_location=without_location,
        undated=0 if settings.period.is_open else int(np.isnat(dates).sum()),
        other=classified.other,
        without_type=classified.missing,
        unknown=classified.unknown,
        invalid_dates=invalid_dates,
        period_days=_period_days(settings.period, dates[in_period], warnings),
    )


def _dates_in_period(crimes, count, settings, warnings) -> tuple[np.ndarray, dict[str, int], np.ndarray]:
    """Parsed date-times, the invalid values, and which incidents lie in the period.

    With a bounded period, an incident without a valid date cannot be placed
    in it: it is left out and reported.
    """
    if crimes.datetimes is None:
        if not settings.period.is_open:
            raise InputError("PERIOD_START/PERIOD_END need DATE_FIELD: choose the crimes' date field.")
        return np.full(count, np.datetime64("NaT"), dtype="datetime64[s]"), {}, np.ones(count, dtype=bool)
    parsed, in_period = dates_in_period(crimes, settings, warnings)
    return parsed.values, parsed.invalid, in_period


def _period_days(period: Period, dates: np.ndarray, warnings: list[str]) -> float:
    """Length of the analysed period in days, to annualise crime rates.

    The period's own length when both ends are given; else the whole days
    from the first to the last incident (inclusive); else one year, with a
    warning.
    """
    days = period.days()
    if days is not None:
        return days
    valid = dates[~np.isnat(dates)].astype("datetime64[D]")
    if len(valid):
        return float((valid.max() - valid.min()) / np.timedelta64(1, "D")) + 1.0
    if len(dates):
        warnings.append(
            "No incident dates: crime rates in need_score assume the crimes cover one year; "
            "give DATE_FIELD or PERIOD_START and PERIOD_END."
        )
    return DAYS_PER_YEAR


# --- need, factor, officers -------------------------------------------------


def need_scores(
    crimes_per_type: np.ndarray,
    population: np.ndarray,
    exposed_share: np.ndarray,
    period_days: float = DAYS_PER_YEAR,
    type_weights: Mapping[str, float] = DEFAULT_TYPE_WEIGHTS,
    exposed_weight: float = DEFAULT_EXPOSED_WEIGHT,
) -> np.ndarray:
    """``need = Σ_t w_t · n_t · 1000 / population · 365.25 / period_days · (1 + e · exposed_share)``.

    ``crimes_per_type`` is sectors × 6 in :data:`CRIME_TYPES` order. NaN where
    the population is 0.
    """
    weights = np.array([type_weights.get(t, 0.0) for t in CRIME_TYPES], dtype=float)
    population = np.asarray(population, dtype=float)
    weighted = np.asarray(crimes_per_type, dtype=float) @ weights
    safe = np.where(population > 0, population, 1.0)
    rate = weighted * 1000.0 / safe * DAYS_PER_YEAR / period_days
    need = rate * (1.0 + exposed_weight * np.asarray(exposed_share, dtype=float))
    return np.where(population > 0, need, np.nan)


def factors(
    need: np.ndarray, method: str = "thresholds", thresholds: Sequence[float] = DEFAULT_THRESHOLDS
) -> np.ndarray:
    """Factor 1–5 per sector by ``method`` (see module docstring); 5 where need is NaN."""
    if method == "thresholds":
        return factors_by_thresholds(need, thresholds)
    if method == "quintiles":
        return factors_by_quintiles(need)
    raise InputError(f"FACTOR_METHOD '{method}' is unknown; use one of {', '.join(FACTOR_METHODS)}.")


def factors_by_thresholds(need: np.ndarray, thresholds: Sequence[float] = DEFAULT_THRESHOLDS) -> np.ndarray:
    """``factor = 1 + #{k : need < t_k}`` for descending thresholds t1 > t2 > t3 > t4; 5 where NaN."""
    need = np.asarray(need, dtype=float)
    below = need[:, None] < np.asarray(thresholds, dtype=float)[None, :]
    return np.where(np.isnan(need), 5, 1 + below.sum(axis=1)).astype(np.int64)


def factors_by_quintiles(need: np.ndarray) -> np.ndarray:
    """``factor = 5 − ⌊5k / n⌋``; 5 where need is NaN.

    k = number of sectors with strictly lower need, n = number of sectors with
    a need: the fifth with the highest need gets 1, and ties share a factor.
    """
    need = np.asarray(need, dtype=float)
    valid = ~np.isnan(need)
    ranked = np.sort(need[valid])
    lower = np.searchsorted(ranked, need[valid], side="left")
    result = np.full(len(need), 5, dtype=np.int64)
    result[valid] = 5 - (5 * lower) // max(len(ranked), 1)
    return result


def apply_factor_override(
    factor: np.ndarray, override: Sequence[Any], sector_ids: Sequence[Any]
) -> np.ndarray:
    """``factor`` with each non-empty ``override`` (an integer 1–5) put in its place."""
    result = np.asarray(factor, dtype=np.int64).copy()
    for i, (value, sector_id) in enumerate(zip(override, sector_ids, strict=True)):
        if value is None or (isinstance(value, str) and not value.strip()) or _is_nan(value):
            continue
        number = _as_number(value)
        if number is None or number not in (1, 2, 3, 4, 5):
            raise InputError(
                f"Sector '{sector_id}': FACTOR_FIELD value '{value}' is not a factor 1–5; "
                "use 1, 2, 3, 4 or 5, or leave it empty to compute the factor."
            )
        result[i] = int(number)
    return result


def officers_required(
    population: np.ndarray, factor: np.ndarray, min_officers: int = MIN_OFFICERS
) -> np.ndarray:
    """``max(min_officers, ceil(population / (factor × 1000)))``.

    The ratio is rounded to 9 decimals before the ceiling, so floating-point
    noise from areal weighting (2000.0000000001 inhabitants) adds no officer.
    """
    ratio = np.round(np.asarray(population, dtype=float) / (np.asarray(factor, dtype=float) * 1000.0), 9)
    return np.maximum(min_officers, np.ceil(ratio)).astype(np.int64)


def allocate_officers(
    required: np.ndarray, budget: int, min_officers: int = MIN_OFFICERS, label: str = "STAFF"
) -> np.ndarray:
    """Share ``budget`` officers over sectors: at least ``min_officers`` each, the sum exactly ``budget``.

    Method (minimum-constrained proportional shares, Hamilton rounding), in
    exact integer arithmetic:

    1. Every sector's quota is ``q_i = B · r_i / Σ r`` (r = officers_required;
       equal shares if all r are 0), B the budget still to share.
    2. Sectors with ``q_i < min_officers`` are fixed at the minimum, B is
       reduced by their officers and step 1 is repeated for the others.
    3. The others get ``⌊q_i⌋`` and the officers left over go one each to the
       largest remainders ``q_i − ⌊q_i⌋`` (ties: larger requirement, then input order).

    When the budget equals Σ r and every r ≥ the minimum, allocation = requirement.
    """
    required = np.asarray(required, dtype=np.int64)
    n = len(required)
    budget = _checked_budget(budget, label)
    if budget < min_officers * n:
        raise InputError(
            f"{label} {budget} is too small for {n} sectors: every sector needs at least "
            f"MIN_OFFICERS {min_officers} ({min_officers * n} in all). "
            f"Raise {label} or lower MIN_OFFICERS."
        )
    weights = required if required.sum() > 0 else np.ones(n, dtype=np.int64)
    fixed = np.zeros(n, dtype=bool)
    while True:
        free = ~fixed
        remaining = budget - min_officers * int(fixed.sum())
        total_weight = int(weights[free].sum())
        if total_weight == 0:
            break
        below = free & (remaining * weights < min_officers * total_weight)
        if not below.any():
            break
        fixed |= below
    allocated = np.full(n, min_officers, dtype=np.int64)
    if total_weight:
        numerators = remaining * weights[free]
        allocated[free] = numerators // total_weight
        left_over = remaining - int(allocated[free].sum())
        remainders = numerators % total_weight
        free_idx = np.flatnonzero(free)
        order = np.lexsort((free_idx, -weights[free], -remainders))
        allocated[free_idx[order[:left_over]]] += 1
    return allocated


def allocate_officers_by_district(
    required: np.ndarray,
    districts: Sequence[Any],
    budgets: Mapping[Any, int],
    min_officers: int = MIN_OFFICERS,
    sector_ids: Sequence[Any] | None = None,
) -> np.ndarray:
    """:func:`allocate_officers` separately within each district, with that district's budget."""
    required = np.asarray(required, dtype=np.int64)
    districts = np.asarray(list(districts), dtype=object)
    sector_ids = (
        np.arange(len(required)) if sector_ids is None else np.asarray(list(sector_ids), dtype=object)
    )
    allocated = np.zeros(len(required), dtype=np.int64)
    for district in pd.unique(districts):
        members = districts == district
        if district not in budgets:
            raise InputError(
                f"Sector '{sector_ids[members][0]}' is in district '{district}', which has no staff "
                "in DISTRICTS; add the district's staff or correct the sector's district."
            )
        allocated[members] = allocate_officers(
            required[members], budgets[district], min_officers, label=f"District '{district}': staff"
        )
    return allocated


def _allocate(required, ids, districts, settings, warnings) -> np.ndarray:
    """Per-district budgets, else one STAFF budget, else what each sector requires."""
    if settings.district_staff is not None and settings.staff is not None:
        raise InputError("Give either STAFF (one budget) or DISTRICTS with staff (per district), not both.")
    if settings.district_staff is not None:
        if districts is None:
            raise InputError("Per-district staff needs the district of every sector.")
        unused = [d for d in settings.district_staff if d not in set(districts)]
        if unused:
            warnings.append(
                f"DISTRICTS {', '.join(map(str, unused))} have staff but no sectors; "
                "their staff is not allocated."
            )
        return allocate_officers_by_district(
            required, districts, settings.district_staff, settings.min_officers, ids
        )
    if settings.staff is not None:
        return allocate_officers(required, settings.staff, settings.min_officers)
    return required.copy()


# --- parameter helpers ------------------------------------------------------


def parse_type_weights(text: str | None) -> dict[str, float]:
    """Type weights from ``violence=3; theft=1`` text, merged over :data:`DEFAULT_TYPE_WEIGHTS`."""
    weights = dict(DEFAULT_TYPE_WEIGHTS)
    for entry in (text or "").replace("\n", ";").split(";"):
        if not entry.strip():
            continue
        name, sep, value = entry.partition("=")
        name = name.strip().casefold()
        number = _as_number(value) if sep else None
        if name not in CRIME_TYPES or number is None or number < 0:
            raise InputError(
                f"Type weight '{entry.strip()}' is not 'type=number' with a type of "
                f"{', '.join(CRIME_TYPES)} and a number ≥ 0."
            )
        weights[name] = float(number)
    return weights


def _check_settings(settings: ManningSettings) -> None:
    if settings.factor_method not in FACTOR_METHODS:
        raise InputError(
            f"FACTOR_METHOD '{settings.factor_method}' is unknown; use one of {', '.join(FACTOR_METHODS)}."
        )
    thresholds = list(settings.thresholds)
    if len(thresholds) != 4 or any(a <= b for a, b in pairwise(thresholds)):
        raise InputError(
            f"Factor thresholds {thresholds} must be four strictly decreasing numbers "
            "(where factor 1, 2, 3 and 4 start)."
        )
    if not float(settings.min_officers).is_integer() or settings.min_officers < 0:
        raise InputError(f"MIN_OFFICERS {settings.min_officers} must be a whole number ≥ 0.")
    if settings.exposed_weight < 0 or any(w < 0 for w in settings.type_weights.values()):
        raise InputError("Type weights and the exposed weight must be 0 or more.")


def _checked_budget(budget: Any, label: str) -> int:
    number = _as_number(budget)
    if number is None or not float(number).is_integer() or number < 0:
        raise InputError(f"{label} '{budget}' must be a whole number of officers ≥ 0.")
    return int(number)


def _as_number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _is_nan(value: Any) -> bool:
    return isinstance(value, float) and math.isnan(value)
