"""The areas and counts of an initiative's evaluation: target, buffer ring and comparison area,
before and after the start.

- The **target** is the union of the chosen sectors; the **buffer ring** the band of the given
  width around it (the target itself left out), where displaced crime would show;
- the **comparison** area is every other sector that does not touch the ring (optionally only
  those of the target's districts);
- the windows are ``before = [start − before days, start)`` and ``after = [start, start + after
  days)``, the start at 00:00. Both windows must lie within the days the incidents cover, or the
  counts would be short for reasons that have nothing to do with the initiative.

The figures on these counts are :func:`ypo_plugin.core.evaluation.initiative_figures`.
"""

from dataclasses import dataclass, field

import numpy as np
import shapely

from .crime_types import CRIME_TYPES, CrimeTypeMap
from .errors import InputError
from .evaluation import InitiativeCounts, InitiativeFigures, initiative_figures
from .incident_dates import IncidentSource, parse_datetimes


def initiative_areas(
    sectors: np.ndarray,
    is_target: np.ndarray,
    buffer_width: float,
    districts: np.ndarray | None = None,
) -> tuple[shapely.Geometry, shapely.Geometry, np.ndarray]:
    """The target, its buffer ring and which sectors form the comparison area.

    ``sectors`` are polygons in a metric CRS, ``is_target`` marks the initiative's sectors;
    with ``districts`` only sectors of the target's districts can be compared.
    """
    sectors = np.asarray(sectors, dtype=object)
    is_target = np.asarray(is_target, dtype=bool)
    if not is_target.any():
        raise InputError("No sector is a target of the initiative: name at least one.")
    if is_target.all():
        raise InputError("Every sector is a target: no sector is left to compare with.")
    if buffer_width < 0:
        raise InputError("The buffer ring's width cannot be negative.")
    target = shapely.union_all(sectors[is_target])
    ring = shapely.difference(shapely.buffer(target, buffer_width), target)
    comparison = ~is_target & ~shapely.intersects(sectors, ring)
    if buffer_width == 0:
        comparison &= ~shapely.intersects(sectors, target)
    if districts is not None:
        districts = np.asarray(districts, dtype=object)
        comparison &= np.isin(districts, districts[is_target])
    if not comparison.any():
        raise InputError(
            "No sector is left to compare with: every other sector touches the buffer ring "
            "(make the ring narrower, or compare with all districts)."
        )
    return target, ring, comparison


def windows(start: np.datetime64, before_days: int, after_days: int) -> tuple[np.datetime64, ...]:
    """``(before start, start, after end)`` of the two windows, the start at 00:00."""
    if before_days <= 0 or after_days <= 0:
        raise InputError("The windows before and after the start must each last at least a day.")
    start = np.datetime64(start, "D").astype("datetime64[s]")
    day = np.timedelta64(1, "D")
    return start - before_days * day, start, start + after_days * day


def initiative_counts(
    xy: np.ndarray,
    datetimes: np.ndarray,
    window_bounds: tuple[np.datetime64, ...],
    target: shapely.Geometry,
    ring: shapely.Geometry,
    comparison_sectors: np.ndarray,
) -> InitiativeCounts:
    """Incidents before and after the start in the target, the ring and the comparison sectors."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    datetimes = np.asarray(datetimes).astype("datetime64[s]")
    _check_coverage(datetimes, window_bounds)
    first, start, end = window_bounds
    before = (datetimes >= first) & (datetimes < start)
    after = (datetimes >= start) & (datetimes < end)
    in_target = shapely.intersects_xy(target, xy[:, 0], xy[:, 1])
    in_ring = shapely.intersects_xy(ring, xy[:, 0], xy[:, 1]) & ~in_target
    comparison = shapely.union_all(np.asarray(comparison_sectors, dtype=object))
    in_comparison = shapely.intersects_xy(comparison, xy[:, 0], xy[:, 1]) & ~in_target & ~in_ring
    return InitiativeCounts(
        target_before=int((in_target & before).sum()),
        target_after=int((in_target & after).sum()),
        buffer_before=int((in_ring & before).sum()),
        buffer_after=int((in_ring & after).sum()),
        comparison_before=int((in_comparison & before).sum()),
        comparison_after=int((in_comparison & after).sum()),
    )


def _check_coverage(datetimes: np.ndarray, window_bounds: tuple[np.datetime64, ...]) -> None:
    dated = datetimes[~np.isnat(datetimes)]
    if len(dated) == 0:
        raise InputError("No incident has a date: the windows before and after the start cannot be counted.")
    first_day = dated.min().astype("datetime64[D]")
    last_day = dated.max().astype("datetime64[D]")
    first, start, end = window_bounds
    if first.astype("datetime64[D]") < first_day or end.astype("datetime64[D]") - 1 > last_day:
        raise InputError(
            f"The incidents run from {first_day} to {last_day}, but the windows around the start "
            f"{start.astype('datetime64[D]')} run from {first.astype('datetime64[D]')} to "
            f"{(end - np.timedelta64(1, 'D')).astype('datetime64[D]')}: choose a start, or shorter "
            "windows, within the data."
        )


@dataclass(frozen=True)
class InitiativeSettings:
    """When the initiative started, the windows and ring around it, what counts and how to read it.

    ``crime_types``: the six-type names that count (empty: every incident, typed or not).
    ``same_district``: compare only with sectors of the target's districts.
    """

    start: np.datetime64
    before_days: int = 90
    after_days: int = 90
    buffer_width: float = 500.0
    same_district: bool = False
    crime_types: tuple[str, ...] = ()
    crime_type_map: CrimeTypeMap = field(default_factory=CrimeTypeMap.default)
    date_format: str | None = None
    incident_source: IncidentSource = field(default_factory=IncidentSource)


@dataclass
class InitiativeResult:
    """The counts and figures, the areas they come from, and what the user should hear."""

    counts: InitiativeCounts
    figures: InitiativeFigures
    target: shapely.Geometry
    ring: shapely.Geometry
    comparison: np.ndarray
    warnings: list[str]


def evaluate_initiative(
    sector_geometries: np.ndarray,
    is_target: np.ndarray,
    districts: np.ndarray | None,
    crimes,
    settings: InitiativeSettings,
) -> InitiativeResult:
    """Counts and figures of an initiative. ``crimes`` holds the incidents' ``xy`` (in the
    sectors' metric CRS), raw ``types``, ``datetimes`` and ``times`` (None without a time field)."""
    warnings: list[str] = []
    target, ring, comparison = initiative_areas(
        sector_geometries, is_target, settings.buffer_width, districts if settings.same_district else None
    )
    parsed = parse_datetimes(crimes.datetimes, settings.date_format, crimes.times, settings.incident_source)
    warnings += parsed.warnings
    counted = _of_chosen_types(crimes.types, settings, warnings)
    undated = int((counted & np.isnat(parsed.values)).sum())
    if undated:
        warnings.append(f"{undated} incidents without a readable date are left out of both windows.")
    counts = initiative_counts(
        np.asarray(crimes.xy)[counted],
        parsed.values[counted],
        windows(settings.start, settings.before_days, settings.after_days),
        target,
        ring,
        np.asarray(sector_geometries, dtype=object)[comparison],
    )
    figures = initiative_figures(counts)
    warnings += figures.notes
    return InitiativeResult(counts, figures, target, ring, comparison, warnings)


def _of_chosen_types(types, settings: InitiativeSettings, warnings: list[str]) -> np.ndarray:
    if not settings.crime_types:
        return np.ones(len(types), dtype=bool)
    unknown = sorted(set(settings.crime_types) - set(CRIME_TYPES))
    if unknown:
        raise InputError(f"Unknown crime types {', '.join(unknown)}: choose among {', '.join(CRIME_TYPES)}.")
    classified = settings.crime_type_map.classify(types)
    warnings += classified.warnings()
    wanted = [CRIME_TYPES.index(name) for name in settings.crime_types]
    return np.isin(classified.codes, wanted)


def report_lines(result: InitiativeResult, target_ids: list, settings: InitiativeSettings) -> list[str]:
    """The figures in plain words, a paragraph each, for the report page."""
    counts, figures = result.counts, result.figures
    first, start, end = windows(settings.start, settings.before_days, settings.after_days)
    day = np.timedelta64(1, "D")
    before = f"{_day(first)} to {_day(start - day)}"
    after = f"{_day(start)} to {_day(end - day)}"
    kinds = ", ".join(settings.crime_types) if settings.crime_types else "all incidents"
    lines = [
        f"Initiative in {', '.join(str(sector_id) for sector_id in target_ids)}, started {_day(start)}. "
        f"Counted: {kinds}; before = {before} ({settings.before_days} days), after = {after} "
        f"({settings.after_days} days).",
        f"Target: {counts.target_before} incidents before, {counts.target_after} after. Buffer ring "
        f"({settings.buffer_width:g} m): {counts.buffer_before} before, {counts.buffer_after} after. "
        f"Comparison ({int(result.comparison.sum())} sectors): {counts.comparison_before} before, "
        f"{counts.comparison_after} after.",
    ]
    if figures.rate_ratio is not None:
        change = (figures.rate_ratio - 1) * 100
        direction = "fell" if change < 0 else "rose"
        verdict = (
            "unlikely to be chance (p < 0.05)"
            if figures.p_value < 0.05
            else "within what chance alone could give"
        )
        lines.append(
            f"Rate ratio {figures.rate_ratio:.2f} (95 % interval {figures.rate_ratio_low:.2f} to "
            f"{figures.rate_ratio_high:.2f}, p = {figures.p_value:.3g}): relative to the comparison area, "
            f"crime in the target {direction} by {abs(change):.0f} %, {verdict}."
        )
    if figures.wdq is not None:
        lines.append(f"Weighted displacement quotient {figures.wdq:.2f}. {figures.reading}")
    elif figures.reading:
        lines.append(figures.reading)
    return lines + figures.notes


def _day(value: np.datetime64) -> str:
    return str(np.datetime64(value, "D"))
