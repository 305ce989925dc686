"""Time of day and day of the week: the time bands, weekday/weekend and the hour of each
incident's wall-clock date-time (half-open bands, package docstring)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TIME_BANDS: tuple[str, ...] = ("band_07_15", "band_15_23", "band_23_07")
BAND_UNKNOWN = "band_unknown"
"""Incidents without a time of day: in no time band."""
DAY_KINDS: tuple[str, ...] = ("weekday", "weekend")
WEEKDAY_NAMES: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)


@dataclass(frozen=True)
class TimeParts:
    """Per date-time: ``hour`` 0–23, ``day`` 0 = Monday … 6 = Sunday, ``band`` index into
    :data:`TIME_BANDS`; all −1 where the date-time is NaT, ``hour`` and ``band`` −1 where
    the time of day is unknown."""

    hour: np.ndarray
    day: np.ndarray
    band: np.ndarray


def time_parts(datetimes: np.ndarray, timed: np.ndarray | None = None) -> TimeParts:
    """Hour, weekday and time band of wall-clock date-times (half-open bands, package docstring);
    ``timed`` says which have a time of day (default: all valid ones)."""
    values = np.asarray(datetimes).astype("datetime64[s]")
    valid = ~np.isnat(values)
    clock = valid if timed is None else valid & np.asarray(timed, dtype=bool)
    seconds = np.where(valid, values.astype(np.int64), 0)
    days = np.floor_divide(seconds, 86400)
    hour = (seconds - days * 86400) // 3600
    day = (days + 3) % 7  # 1970-01-01 was a Thursday
    band = np.where((hour >= 7) & (hour < 15), 0, np.where((hour >= 15) & (hour < 23), 1, 2))
    return TimeParts(
        np.where(clock, hour, -1).astype(np.int64),
        np.where(valid, day, -1).astype(np.int64),
        np.where(clock, band, -1).astype(np.int64),
    )
