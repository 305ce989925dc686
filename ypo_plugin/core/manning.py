"""Sector manning: population, crime by type, need, factor 1–5 and officers.

Rules and formulas (each also documented where it is computed)
----------------------------------------------------------------
Overlapping sectors
    Every place belongs to the **lowest-index sector** that covers it (input
    order), for incidents, population points and population areas alike
    (:func:`.sectors.effective_sectors`). Nothing is counted twice; overlaps are
    reported. ``area_km2`` is still the area of the sector as drawn.
Population, population outside, exposed share
    Areal weighting, see :mod:`.population`.
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
    See :mod:`.staffing`: minimum-constrained proportional shares, rounded by
    the largest-remainder (Hamilton) method, summing exactly to the budget.
    Without a budget every sector is allocated what it requires.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import numpy as np
import shapely

from .counting import OUTSIDE, assign_points, count_per_sector, count_per_sector_and_category
from .crime_types import (
    CRIME_TYPE_FIELDS,
    CRIME_TYPES,
    CrimeTypeMap,
    IncidentSource,
    Period,
    dates_in_period,
    without_location_warnings,
)
from .defaults import (
    DEFAULT_EXPOSED_WEIGHT,
    DEFAULT_THRESHOLDS,
    DEFAULT_THRESHOLDS_TEXT,
    DEFAULT_TYPE_WEIGHTS,
    FACTOR_METHODS,
    MIN_OFFICERS,
)
from .errors import About, InputError
from .lazy import lazy_module
from .messages import tr
from .population import exposed_share, population_in_sectors, population_outside
from .progress import (
    CancelCheck,
    ProgressCallback,
    never_cancelled,
    no_progress,
    raise_if_cancelled,
    scaled,
)
from .sectors import Overlap, checked_sectors, effective_sectors, overlap_warnings, united_areas
from .staffing import allocate_staff

pd = lazy_module("pandas")

DAYS_PER_YEAR = 365.25


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
        """Officers the sectors require, summed over all sectors."""
        return int(self.sectors["officers_required"].sum())

    @property
    def officers_allocated_total(self) -> int:
        """Officers allocated to the sectors, summed over all sectors."""
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
    warnings += overlap_warnings(overlaps)
    exposed = united_areas(exposed_areas)
    progress(5.0)

    pop = population_in_sectors(
        population, effective, exposed, warnings, scaled(progress, 5, 35), is_cancelled
    )
    crime = _crimes_in_sectors(crimes, effective, settings, warnings, scaled(progress, 35, 90), is_cancelled)
    raise_if_cancelled(is_cancelled)

    area_km2 = shapely.area(geometries) / 1e6
    share = exposed_share(pop.per_sector, pop.exposed, effective, exposed)
    need = need_scores(
        crime.per_type,
        pop.per_sector,
        share,
        crime.period_days,
        settings.type_weights,
        settings.exposed_weight,
    )
    factor = factors(need, settings.factor_method, settings.thresholds)
    if sectors.factor_override is not None:
        factor = apply_factor_override(factor, sectors.factor_override, ids)
    required = officers_required(pop.per_sector, factor, settings.min_officers)
    allocated = allocate_staff(
        required,
        ids,
        sectors.districts,
        settings.staff,
        settings.district_staff,
        settings.min_officers,
        warnings,
    )

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
    table["exposed_share"] = share
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
            tr(
                "{layer} has no incidents: every sector has 0 crime and need score 0, so the officers "
                "follow from population alone. Check the layer (and its filter or selection) if crime "
                "was expected.",
                layer=settings.incident_source.layer_label,
            )
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
            raise InputError(
                tr("A period start or end needs the incidents' date field: choose the crimes' date field."),
                about=About.DATE_FIELD,
            )
        return np.full(count, np.datetime64("NaT"), dtype="datetime64[s]"), {}, np.ones(count, dtype=bool)
    parsed, in_period = dates_in_period(crimes, settings, warnings)
    return parsed.values, parsed.invalid, in_period


def period_days(period: Period, dates: np.ndarray) -> tuple[float, bool]:
    """Length of the analysed period in days, to annualise crime rates, and whether it is one
    year by assumption.

    The period's own length when both ends are given; else the whole days
    from the first to the last incident (inclusive); else one year (assumed).
    """
    days = period.days()
    if days is not None:
        return days, False
    valid = dates[~np.isnat(dates)].astype("datetime64[D]")
    if len(valid):
        return float((valid.max() - valid.min()) / np.timedelta64(1, "D")) + 1.0, False
    return DAYS_PER_YEAR, True


def _period_days(period: Period, dates: np.ndarray, warnings: list[str]) -> float:
    """:func:`period_days`, with a warning when incidents without dates make it one year."""
    days, assumed = period_days(period, dates)
    if assumed and len(dates):
        warnings.append(
            tr(
                "No incident dates: crime rates in need_score assume the crimes cover one year; "
                "give DATE_FIELD or PERIOD_START and PERIOD_END."
            )
        )
    return days


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
    raise InputError(
        tr(
            "Factor method '{method}' is unknown; use one of {methods}.",
            method=method,
            methods=", ".join(FACTOR_METHODS),
        ),
        about=About.FACTOR_METHOD,
    )


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
                tr(
                    "Sector '{sector}': factor override value '{value}' is not a factor 1–5; "
                    "use 1, 2, 3, 4 or 5, or leave it empty to compute the factor.",
                    sector=sector_id,
                    value=value,
                ),
                about=About.FACTOR_OVERRIDE,
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
                tr(
                    "Type weight '{entry}' is not 'type=number' with a type of {types} and a number ≥ 0.",
                    entry=entry.strip(),
                    types=", ".join(CRIME_TYPES),
                ),
                about=About.TYPE_WEIGHTS,
            )
        weights[name] = float(number)
    return weights


def parse_thresholds(text: str | None) -> list[float]:
    """Four need scores from ``200; 120; 70; 35`` (also ',' or spaces between them)."""
    parts = [p for p in (text or "").replace(",", ";").replace(" ", ";").split(";") if p.strip()]
    try:
        values = [float(p) for p in parts]
    except ValueError:
        values = []
    if len(values) != 4:
        raise InputError(
            tr(
                "The factor thresholds '{text}' must be four numbers separated by ';', where factor 1, 2, 3 "
                "and 4 start (default {default}).",
                text=text,
                default=DEFAULT_THRESHOLDS_TEXT,
            ),
            about=About.FACTOR_THRESHOLDS,
        )
    return values


def _check_settings(settings: ManningSettings) -> None:
    if settings.factor_method not in FACTOR_METHODS:
        raise InputError(
            tr(
                "Factor method '{method}' is unknown; use one of {methods}.",
                method=settings.factor_method,
                methods=", ".join(FACTOR_METHODS),
            ),
            about=About.FACTOR_METHOD,
        )
    thresholds = list(settings.thresholds)
    if len(thresholds) != 4 or any(a <= b for a, b in pairwise(thresholds)):
        raise InputError(
            tr(
                "Factor thresholds {thresholds} must be four strictly decreasing numbers "
                "(where factor 1, 2, 3 and 4 start).",
                thresholds=thresholds,
            )
        )
    if not float(settings.min_officers).is_integer() or settings.min_officers < 0:
        raise InputError(
            tr(
                "The minimum officers per sector ({minimum}) must be a whole number ≥ 0.",
                minimum=settings.min_officers,
            ),
            about=About.MIN_OFFICERS,
        )
    if settings.exposed_weight < 0 or any(w < 0 for w in settings.type_weights.values()):
        raise InputError(tr("Type weights and the exposed weight must be 0 or more."))


def _as_number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _is_nan(value: Any) -> bool:
    return isinstance(value, float) and math.isnan(value)
