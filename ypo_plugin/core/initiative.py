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

import numpy as np
import shapely

from .errors import InputError
from .evaluation import InitiativeCounts


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
