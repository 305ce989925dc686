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
from .messages import tr


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
        raise InputError(tr("No sector is a target of the initiative: name at least one."))
    if is_target.all():
        raise InputError(tr("Every sector is a target: no sector is left to compare with."))
    if buffer_width < 0:
        raise InputError(tr("The buffer ring's width cannot be negative."))
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
            tr(
                "No sector is left to compare with: every other sector touches the buffer ring "
                "(make the ring narrower, or compare with all districts)."
            )
        )
    return target, ring, comparison


def windows(start: np.datetime64, before_days: int, after_days: int) -> tuple[np.datetime64, ...]:
    """``(before start, start, after end)`` of the two windows, the start at 00:00."""
    if before_days <= 0 or after_days <= 0:
        raise InputError(tr("The windows before and after the start must each last at least a day."))
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
        raise InputError(
            tr("No incident has a date: the windows before and after the start cannot be counted.")
        )
    first_day = dated.min().astype("datetime64[D]")
    last_day = dated.max().astype("datetime64[D]")
    first, start, end = window_bounds
    if first.astype("datetime64[D]") < first_day or end.astype("datetime64[D]") - 1 > last_day:
        raise InputError(
            tr(
                "The incidents run from {first_day} to {last_day}, but the windows around the start "
                "{start} run from {first} to {last}: choose a start, or shorter windows, within the data.",
                first_day=first_day,
                last_day=last_day,
                start=start.astype("datetime64[D]"),
                first=first.astype("datetime64[D]"),
                last=(end - np.timedelta64(1, "D")).astype("datetime64[D]"),
            )
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
        warnings.append(
            tr("{count} incidents without a readable date are left out of both windows.", count=undated)
        )
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
        raise InputError(
            tr(
                "Unknown crime types {unknown}: choose among {types}.",
                unknown=", ".join(unknown),
                types=", ".join(CRIME_TYPES),
            )
        )
    classified = settings.crime_type_map.classify(types)
    warnings += classified.warnings()
    wanted = [CRIME_TYPES.index(name) for name in settings.crime_types]
    return np.isin(classified.codes, wanted)


def report_lines(result: InitiativeResult, target_ids: list, settings: InitiativeSettings) -> list[str]:
    """The figures in plain words, a paragraph each, for the report page."""
    counts, figures = result.counts, result.figures
    first, start, end = windows(settings.start, settings.before_days, settings.after_days)
    day = np.timedelta64(1, "D")
    windows_of = {
        "targets": ", ".join(str(sector_id) for sector_id in target_ids),
        "start": _day(start),
        "before_first": _day(first),
        "before_last": _day(start - day),
        "before_days": settings.before_days,
        "after_last": _day(end - day),
        "after_days": settings.after_days,
    }
    if settings.crime_types:
        opening = tr(
            "Initiative in {targets}, started {start}. Counted: {kinds}; before = {before_first} to "
            "{before_last} ({before_days} days), after = {start} to {after_last} ({after_days} days).",
            kinds=", ".join(settings.crime_types),
            **windows_of,
        )
    else:
        opening = tr(
            "Initiative in {targets}, started {start}. Counted: all incidents; before = {before_first} to "
            "{before_last} ({before_days} days), after = {start} to {after_last} ({after_days} days).",
            **windows_of,
        )
    lines = [
        opening,
        tr(
            "Target: {target_before} incidents before, {target_after} after. Buffer ring ({width:g} m): "
            "{buffer_before} before, {buffer_after} after. Comparison ({sectors} sectors): "
            "{comparison_before} before, {comparison_after} after.",
            target_before=counts.target_before,
            target_after=counts.target_after,
            width=settings.buffer_width,
            buffer_before=counts.buffer_before,
            buffer_after=counts.buffer_after,
            sectors=int(result.comparison.sum()),
            comparison_before=counts.comparison_before,
            comparison_after=counts.comparison_after,
        ),
    ]
    if figures.rate_ratio is not None:
        lines.append(_rate_ratio_line(figures))
    if figures.wdq is not None:
        lines.append(
            tr(
                "Weighted displacement quotient {wdq:.2f}. {reading}",
                wdq=figures.wdq,
                reading=figures.reading,
            )
        )
    elif figures.reading:
        lines.append(figures.reading)
    return lines + figures.notes


def _rate_ratio_line(figures: InitiativeFigures) -> str:
    values = {
        "ratio": figures.rate_ratio,
        "low": figures.rate_ratio_low,
        "high": figures.rate_ratio_high,
        "p": figures.p_value,
        "change": abs((figures.rate_ratio - 1) * 100),
    }
    fell, significant = figures.rate_ratio < 1, figures.p_value < 0.05
    if fell and significant:
        return tr(
            "Rate ratio {ratio:.2f} (95 % interval {low:.2f} to {high:.2f}, p = {p:.3g}): relative to the "
            "comparison area, crime in the target fell by {change:.0f} %, unlikely to be chance (p < 0.05).",
            **values,
        )
    if fell:
        return tr(
            "Rate ratio {ratio:.2f} (95 % interval {low:.2f} to {high:.2f}, p = {p:.3g}): relative to the "
            "comparison area, crime in the target fell by {change:.0f} %, within what chance "
            "alone could give.",
            **values,
        )
    if significant:
        return tr(
            "Rate ratio {ratio:.2f} (95 % interval {low:.2f} to {high:.2f}, p = {p:.3g}): relative to the "
            "comparison area, crime in the target rose by {change:.0f} %, unlikely to be chance (p < 0.05).",
            **values,
        )
    return tr(
        "Rate ratio {ratio:.2f} (95 % interval {low:.2f} to {high:.2f}, p = {p:.3g}): relative to the "
        "comparison area, crime in the target rose by {change:.0f} %, within what chance alone could give.",
        **values,
    )


def _day(value: np.datetime64) -> str:
    return str(np.datetime64(value, "D"))
