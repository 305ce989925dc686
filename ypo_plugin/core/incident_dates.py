"""Incident dates and times of day, read as exports write them.

:func:`parse_datetimes` turns the values of an incident layer's date field
(date or date/time fields, ``date``/``datetime`` objects, ``datetime64`` values
or text), optionally with the values of a separate time-of-day field, into
wall-clock ``datetime64[s]`` values and whether each incident's time of day is
known. Times are wall-clock times as written: a UTC offset or ``Z`` is
ignored, because time bands (07:00–23:00) refer to the local clock of the data.

Date text without DATE_FORMAT
-----------------------------
* ISO 8601, year first: ``2018-01-31``, ``2018-01-31T07:30``,
  ``2018-01-31 07:30:05.000``, ``20180131T0730``.
* Day, month and year as numbers, year last, separated by ``/``, ``-`` or ``.``,
  optionally followed by a space and a time of day ``hh:mm[:ss]`` (24-hour, or
  12-hour with ``AM``/``PM``): ``01/31/2018 11:30:00 PM``, ``31.01.2018 23:30``,
  ``31-01-2018``.
  Which of the first two numbers is the day is decided from all the values of
  the field: a first number from 13 to 31 proves day first, a second number
  from 13 to 31 proves month first. Without proof either way, and with values
  whose two numbers differ (``01/02/2018``), the data is ambiguous: dates with
  dots (``01.02.2018``, a form only day-first countries use) are read day
  first; dates with ``/`` or ``-`` are refused with a request for DATE_FORMAT
  (US month-first and European day-first dates look alike). Proof of both
  orders in one field is refused too.

With DATE_FORMAT (a ``strptime`` format, e.g. ``%m/%d/%Y %I:%M:%S %p``) every
text is read with that format only.

Time of day
-----------
An incident has a time of day when its date value holds one (a date/time
field, a ``datetime``, text with a time) — or, when a time field is given,
when that field holds one; the date's own time (often a placeholder midnight)
is then ignored. Time-field values: text ``hh:mm[:ss]`` (also ``hh.mm``, with
or without ``AM``/``PM``), ``time``/``timedelta`` values, or numbers — minutes
since midnight (0–1439) or HHMM (``730`` = 07:30), also as digit-only text.
Which one the numbers are is decided from the data: a number whose last two
digits exceed 59 proves minutes, one above 1439 proves HHMM; without proof
HHMM is taken (the usual form of police exports), with a warning; proof of
both is refused. A date alone (a date field, a date-only text, an empty time)
has no time of day: such an incident is in no time band.

Unreadable values
-----------------
Values that cannot be read are reported with their counts. With
:attr:`IncidentSource.max_unreadable` (the algorithms use
:data:`MAX_UNREADABLE_SHARE`, 1 %), more unreadable values than that share of
the non-empty ones stop the run with a message naming the layer, the field and
three of the values.
"""

from __future__ import annotations

import datetime as _dt
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .errors import InputError
from .lazy import lazy_module
from .messages import tr

pd = lazy_module("pandas")

DATETIME_DTYPE = "datetime64[s]"
MAX_UNREADABLE_SHARE = 0.01
"""The share of non-empty date (or time) values that may be unreadable before the algorithms stop."""

_SECONDS_PER_DAY = 86400
_DATE_UNITS = ("Y", "M", "W", "D")
_CLOCK = (
    r"(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:[:.](?P<sec>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<meridiem>[AaPp]\.?\s?[Mm]\.?)?"
)
_NUMERIC_DATE = re.compile(r"^(?P<first>\d{1,2})(?P<sep>[/.\-])(?P<second>\d{1,2})(?P=sep)(?P<year>\d{4})$")
_CLOCK_TEXT = re.compile(rf"^{_CLOCK}$")
_CLOCK_DIRECTIVE = re.compile(r"%[HIMSXTRrc]")


@dataclass(frozen=True)
class IncidentSource:
    """The incident layer and its date and time fields as messages name them, and how many
    unreadable values are tolerated: ``max_unreadable`` is a share of the non-empty values
    (None: any number, reported as warnings)."""

    layer: str = ""
    date_field: str = ""
    time_field: str = ""
    max_unreadable: float | None = None

    @property
    def layer_label(self) -> str:
        """How messages name the incident layer: ``CRIMES`` with the layer's name when known."""
        return f"CRIMES ({self.layer})" if self.layer else "CRIMES"

    @property
    def date_label(self) -> str:
        """How messages name the date field: the layer label, the parameter and the field's name."""
        return self._label("DATE_FIELD", self.date_field)

    @property
    def time_label(self) -> str:
        """How messages name the time field: the layer label, the parameter and the field's name."""
        return self._label("TIME_FIELD", self.time_field)

    def _label(self, parameter: str, field_name: str) -> str:
        named = f"{parameter} '{field_name}'" if field_name else parameter
        return f"{self.layer_label}, {named}"


@dataclass(frozen=True)
class ParsedDateTimes:
    """``values`` (datetime64[s], NaT where missing or invalid) and what failed.

    ``timed[i]`` says whether incident ``i`` has a time of day (see module
    docstring). ``invalid`` maps each date value that cannot be read to its
    count (most frequent first); ``missing`` counts null or empty dates;
    ``invalid_times`` does for the time field what ``invalid`` does for dates.
    ``warnings``: unreadable values (below the limit) and how numbers were read.
    """

    values: np.ndarray
    invalid: dict[str, int]
    missing: int
    timed: np.ndarray
    invalid_times: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def parse_datetimes(
    values: Iterable[Any],
    fmt: str | None = None,
    times: Iterable[Any] | None = None,
    source: IncidentSource | None = None,
) -> ParsedDateTimes:
    """Date-times of the incidents' date values, with the time of day from ``times`` when given.

    Text is recognised as in the module docstring, or read with the
    ``strptime`` format ``fmt``. Raises :class:`InputError` for ambiguous
    day/month order and, with ``source.max_unreadable``, for too many
    unreadable values.
    """
    source = source or IncidentSource()
    fmt = (fmt or "").strip() or None
    if fmt is not None and fmt.upper() == "ISO8601":
        fmt = None
    parsed, timed, missing, invalid = _parse_dates(values, fmt, source)
    messages = []
    _check_unreadable(invalid, len(parsed) - int(missing.sum()), source, fmt, messages)
    invalid_times: dict[str, int] = {}
    if times is not None:
        seconds, time_missing, invalid_times, time_messages = _parse_times_of_day(times, source)
        if len(seconds) != len(parsed):
            raise InputError(tr("CRIMES: one time of day per incident is needed."))
        _check_unreadable(invalid_times, len(seconds) - time_missing, source, None, messages, times=True)
        messages += time_messages
        known = np.isfinite(seconds)
        days = parsed.astype("datetime64[D]").astype(DATETIME_DTYPE)
        offsets = np.where(known, seconds, 0.0).astype(np.int64).astype("timedelta64[s]")
        parsed = days + offsets
        timed = known & ~np.isnat(parsed)
    return ParsedDateTimes(parsed, invalid, int(missing.sum()), timed, invalid_times, tuple(messages))


def iso_datetime(text: str) -> tuple[np.datetime64, bool]:
    """One ISO 8601 text (offset ignored) as datetime64[s] (NaT if it is none) and whether it has a
    time of day."""
    cleaned = _without_zone(text.strip())
    return _to_datetime(np.array([cleaned], dtype=object), None)[0], len(cleaned) > 10


# --- dates -----------------------------------------------------------------------


def _parse_dates(values, fmt, source) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, int]]:
    """Date-times, which have a time of day, which are missing, and the unreadable values."""
    if isinstance(values, pd.Series) and isinstance(values.dtype, pd.DatetimeTZDtype):
        values = values.dt.tz_localize(None)
    array = np.asarray(values) if isinstance(values, pd.Series | np.ndarray) else as_object_array(values)
    if np.issubdtype(array.dtype, np.datetime64):
        parsed = array.astype(DATETIME_DTYPE)
        missing = np.isnat(parsed)
        return parsed, ~missing & (np.datetime_data(array.dtype)[0] not in _DATE_UNITS), missing, {}

    objects = array.astype(object)
    missing = np.asarray(pd.isna(objects), dtype=bool)
    if pd.api.types.infer_dtype(objects, skipna=True) == "string":
        is_text, is_datetime = ~missing, np.zeros(len(objects), dtype=bool)
    else:
        is_text = ~missing & _is_instance(objects, str)
        is_datetime = ~missing & _is_instance(objects, (_dt.date, np.datetime64))

    parsed = np.full(len(objects), np.datetime64("NaT"), dtype=DATETIME_DTYPE)
    timed = np.zeros(len(objects), dtype=bool)
    if is_text.any():
        parsed[is_text], timed[is_text], blank = _parse_texts(objects[is_text], fmt, source)
        missing[np.flatnonzero(is_text)[blank]] = True
    if is_datetime.any():
        chosen = objects[is_datetime]
        naive = pd.Series([_naive(v) for v in chosen], dtype=object)
        parsed[is_datetime] = pd.to_datetime(naive, errors="coerce").to_numpy().astype(DATETIME_DTYPE)
        timed[is_datetime] = [_has_clock(v) for v in chosen]
    failed = ~missing & np.isnat(parsed)
    invalid = pd.Series(objects[failed], dtype=object).astype(str).value_counts()
    return parsed, timed & ~np.isnat(parsed), missing, {str(k): int(v) for k, v in invalid.items()}


def _has_clock(value: Any) -> bool:
    """Whether a date/datetime object carries a time of day (a ``date`` alone does not)."""
    if isinstance(value, np.datetime64):
        return np.datetime_data(value.dtype)[0] not in _DATE_UNITS
    return isinstance(value, _dt.datetime)


def _parse_texts(texts: np.ndarray, fmt: str | None, source) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Date-times of texts, which have a time of day, and which texts are blank.

    Each distinct text is read once: incident exports repeat their dates many times.
    """
    codes, distinct = pd.factorize(texts)
    stripped = np.array([text.strip() for text in distinct], dtype=object)
    if fmt is not None:
        parsed = _to_datetime(stripped, fmt)
        timed = np.full(len(stripped), bool(_CLOCK_DIRECTIVE.search(fmt)))
    else:
        parsed, timed = _recognise(stripped, source)
    timed &= ~np.isnat(parsed)
    return parsed[codes], timed[codes], (stripped == "")[codes]


def _recognise(texts: np.ndarray, source) -> tuple[np.ndarray, np.ndarray]:
    """Date-times of (distinct, stripped) texts in the forms of the module docstring."""
    parsed = np.full(len(texts), np.datetime64("NaT"), dtype=DATETIME_DTYPE)
    timed = np.zeros(len(texts), dtype=bool)
    year_first = np.fromiter((text[:4].isdigit() for text in texts), dtype=bool, count=len(texts))
    if year_first.any():
        # pandas parses UTC offsets a hundred times slower than naive text: cut them first.
        cleaned = np.array([_without_zone(text) for text in texts[year_first]], dtype=object)
        parsed[year_first] = _to_datetime(cleaned, None)
        timed[year_first] = np.fromiter(map(len, cleaned), dtype=np.int64, count=len(cleaned)) > 10
    rest = np.flatnonzero(~year_first & (texts != ""))
    if len(rest):
        parsed[rest], timed[rest] = _numeric_dates(texts[rest], source)
    return parsed, timed


def _numeric_dates(texts: np.ndarray, source) -> tuple[np.ndarray, np.ndarray]:
    """Date-times of ``D/M/YYYY``-style texts (NaT for any other text), and which have a time.

    The date and the clock parts are read apart, each distinct part once: a million
    incidents have a few hundred distinct dates and at most some thousand distinct times.
    """
    pieces = [text.partition(" ") for text in texts]
    date_codes, dates = pd.factorize(np.array([piece[0] for piece in pieces], dtype=object))
    clock_codes, clocks = pd.factorize(np.array([piece[2] for piece in pieces], dtype=object))
    clocks = np.array([clock.strip() for clock in clocks], dtype=object)
    parts = pd.Series(dates, dtype=object).str.extract(_NUMERIC_DATE)
    matched = parts["year"].notna().to_numpy()
    day_values = np.full(len(dates), np.datetime64("NaT"), dtype=DATETIME_DTYPE)
    if matched.any():
        parts = parts[matched]
        first, second = parts["first"].astype(int).to_numpy(), parts["second"].astype(int).to_numpy()
        if _day_first(first, second, parts["sep"].to_numpy(), np.asarray(dates)[matched], source):
            day, month = first, second
        else:
            day, month = second, first
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # impossible days and months: NaT
            frame = pd.DataFrame({"year": parts["year"].astype(int).to_numpy(), "month": month, "day": day})
            day_values[matched] = pd.to_datetime(frame, errors="coerce").to_numpy().astype(DATETIME_DTYPE)
    clock_parts = pd.Series(clocks, dtype=object).str.extract(_CLOCK_TEXT)
    seconds, has_clock = clock_seconds(
        clock_parts["hour"], clock_parts["minute"], clock_parts["sec"], clock_parts["meridiem"]
    )
    seconds[(clocks != "") & ~has_clock] = np.nan  # text after the date that is no time
    values = (
        day_values[date_codes] + np.nan_to_num(seconds).astype(np.int64).astype("timedelta64[s]")[clock_codes]
    )
    values[np.isnan(seconds)[clock_codes]] = np.datetime64("NaT")
    return values, has_clock[clock_codes]


def _day_first(first: np.ndarray, second: np.ndarray, separators: np.ndarray, texts, source) -> bool:
    """Whether numeric dates are day first, from the evidence of all of them (module docstring)."""
    plausible = (first >= 1) & (first <= 31) & (second >= 1) & (second <= 31)
    proves_day_first = plausible & (first > 12) & (second <= 12)
    proves_month_first = plausible & (second > 12) & (first <= 12)
    if proves_day_first.any() and proves_month_first.any():
        day_first, month_first = texts[proves_day_first][0], texts[proves_month_first][0]
        raise InputError(
            tr(
                "{label}: some dates are day first (e.g. '{day_first}') and some month first "
                "(e.g. '{month_first}'). Give DATE_FORMAT, e.g. %d/%m/%Y or %m/%d/%Y (with the data's "
                "separator, and %H:%M or %I:%M %p for a time); values in another order are then reported.",
                label=source.date_label,
                day_first=day_first,
                month_first=month_first,
            )
        )
    if proves_day_first.any() or proves_month_first.any():
        return bool(proves_day_first.any())
    ambiguous = plausible & (first != second) & (first <= 12) & (second <= 12) & (separators != ".")
    if ambiguous.any():
        raise InputError(
            tr(
                "{label}: the dates (e.g. '{example}') could be day/month/year or "
                "month/day/year: no value has a day above 12 that would tell. Give DATE_FORMAT: %d/%m/%Y "
                "for day first or %m/%d/%Y for month first (with the data's separator, and %H:%M or "
                "%I:%M %p for a time).",
                label=source.date_label,
                example=texts[ambiguous][0],
            )
        )
    return True


def clock_seconds(hour, minute, sec, meridiem) -> tuple[np.ndarray, np.ndarray]:
    """Seconds since midnight of clock parts (text or NaN each), and which have a clock at all.

    ``hour`` 0–23, or 1–12 with a ``meridiem`` (AM/PM: 12 AM is 00, 12 PM is 12); minutes and
    seconds 0–59. NaN where a clock is there but impossible; 0 where there is none.
    """
    hour = pd.to_numeric(pd.Series(hour, dtype=object)).to_numpy(dtype=float)
    minute = pd.to_numeric(pd.Series(minute, dtype=object)).to_numpy(dtype=float)
    sec = np.nan_to_num(pd.to_numeric(pd.Series(sec, dtype=object)).to_numpy(dtype=float))
    meridiem = pd.Series(meridiem, dtype=object)
    twelve_hour = meridiem.notna().to_numpy()
    after_noon = meridiem.fillna("").str.upper().str.startswith("P").to_numpy(dtype=bool)
    has_clock = ~np.isnan(hour)
    hour_ok = np.where(twelve_hour, (hour >= 1) & (hour <= 12), (hour >= 0) & (hour <= 23))
    hour = np.where(twelve_hour, hour % 12 + 12 * after_noon, hour)
    possible = hour_ok & (minute <= 59) & (sec <= 59)
    seconds = np.where(possible, hour * 3600 + minute * 60 + sec, np.nan)
    return np.where(has_clock, seconds, 0.0), has_clock


def _to_datetime(texts: np.ndarray, fmt: str | None) -> np.ndarray:
    """datetime64[s] of texts, NaT where they do not parse; wall-clock time if an offset is left."""
    with warnings.catch_warnings():
        # Mixed UTC offsets left in by a custom format: pandas warns and returns objects.
        warnings.simplefilter("ignore", FutureWarning)
        parsed = pd.to_datetime(pd.Series(texts, dtype=object), format=fmt or "ISO8601", errors="coerce")
    if isinstance(parsed.dtype, pd.DatetimeTZDtype):
        parsed = parsed.dt.tz_localize(None)
    if not np.issubdtype(parsed.dtype, np.datetime64):
        parsed = pd.Series([_naive(v) for v in parsed], dtype=object).pipe(pd.to_datetime, errors="coerce")
    return parsed.to_numpy().astype(DATETIME_DTYPE)


def _without_zone(text: str) -> str:
    """ISO 8601 text without a trailing ``Z`` or UTC offset (``±hh:mm``, ``±hhmm``, ``±hh``)."""
    if len(text) <= 10:  # a date alone: its '-dd' is no offset
        return text
    if text[-1] in "Zz":
        return text[:-1].rstrip()
    for width in (6, 5, 3):
        if len(text) > 10 + width and text[-width] in "+-" and text[1 - width :].replace(":", "").isdigit():
            return text[:-width].rstrip()
    return text


def _naive(value: Any) -> Any:
    """The wall-clock time of an aware datetime (see module docstring)."""
    if isinstance(value, _dt.datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value


# --- times of day ------------------------------------------------------------------


def _parse_times_of_day(values, source) -> tuple[np.ndarray, int, dict[str, int], list[str]]:
    """Seconds since midnight (NaN where missing or unreadable), the number missing, the
    unreadable values with their counts, and warnings about how numbers were read."""
    array = values.to_numpy() if isinstance(values, pd.Series) else values
    array = array if isinstance(array, np.ndarray) else as_object_array(array)
    n = len(array)
    seconds = np.full(n, np.nan)
    if array.dtype.kind in "mM":
        missing = np.isnat(array)
        clock = array.astype("timedelta64[s]" if array.dtype.kind == "m" else DATETIME_DTYPE)
        raw = clock.astype(np.int64).astype(float)
        if array.dtype.kind == "M":
            raw = raw % _SECONDS_PER_DAY
        seconds = np.where(~missing & (raw >= 0) & (raw < _SECONDS_PER_DAY), raw, np.nan)
        messages: list[str] = []
    elif array.dtype.kind in "iuf":
        numbers = array.astype(float)
        missing = np.isnan(numbers)
        seconds, messages = _minutes_or_hhmm(numbers, source)
    else:
        objects = array.astype(object)
        missing = np.asarray(pd.isna(objects), dtype=bool)
        seconds, blank, messages = _object_times(objects, ~missing, source)
        missing |= blank
    failed = ~missing & np.isnan(seconds)
    invalid = pd.Series(array[failed], dtype=object).astype(str).value_counts()
    return seconds, int(missing.sum()), {str(k): int(v) for k, v in invalid.items()}, messages


def _object_times(objects: np.ndarray, present: np.ndarray, source) -> tuple[np.ndarray, np.ndarray, list]:
    """Seconds since midnight of mixed time values, which are blank text, and warnings."""
    n = len(objects)
    seconds = np.full(n, np.nan)
    blank = np.zeros(n, dtype=bool)
    numbers = np.full(n, np.nan)
    is_number = np.zeros(n, dtype=bool)
    is_text = present & _is_instance(objects, str)
    if is_text.any():
        codes, distinct = pd.factorize(objects[is_text])
        distinct = pd.Series([text.strip() for text in distinct], dtype=object)
        digits = distinct.str.fullmatch(r"\d{1,4}").to_numpy(dtype=bool)
        parts = distinct.str.extract(_CLOCK_TEXT)
        clock, has_clock = clock_seconds(parts["hour"], parts["minute"], parts["sec"], parts["meridiem"])
        text_seconds = np.where(has_clock, clock, np.nan)
        text_numbers = np.where(digits, pd.to_numeric(distinct.where(digits)).to_numpy(dtype=float), np.nan)
        rows = np.flatnonzero(is_text)
        seconds[rows] = text_seconds[codes]
        numbers[rows] = text_numbers[codes]
        is_number[rows] = digits[codes]
        blank[rows] = (distinct == "").to_numpy()[codes]
    for i in np.flatnonzero(present & ~is_text):
        value = objects[i]
        if isinstance(value, np.timedelta64 | np.datetime64 | _dt.time | _dt.date | _dt.timedelta):
            seconds[i] = _clock_object_seconds(value)  # before numbers: numpy's timedelta64 is an integer
        elif isinstance(value, int | float | np.integer | np.floating) and not isinstance(value, bool):
            numbers[i], is_number[i] = float(value), True
    if is_number.any():
        seconds[is_number], messages = _minutes_or_hhmm(numbers[is_number], source)
        return seconds, blank, messages
    return seconds, blank, []


def _clock_object_seconds(value: Any) -> float:
    """Seconds since midnight of a time, datetime or timedelta value; NaN for anything else."""
    if isinstance(value, _dt.datetime | pd.Timestamp):
        value = value.time()
    if isinstance(value, _dt.time):
        return value.hour * 3600.0 + value.minute * 60.0 + value.second
    if isinstance(value, np.datetime64):
        return _clock_object_seconds(pd.Timestamp(value))
    if isinstance(value, np.timedelta64):
        return _clock_object_seconds(pd.Timedelta(value))
    if isinstance(value, _dt.timedelta):
        seconds = value.total_seconds()
        return float(seconds) if 0 <= seconds < _SECONDS_PER_DAY else np.nan
    return np.nan


def _minutes_or_hhmm(numbers: np.ndarray, source) -> tuple[np.ndarray, list[str]]:
    """Seconds since midnight of numbers that are all minutes since midnight or all HHMM."""
    whole = np.isfinite(numbers) & (numbers >= 0) & (numbers == np.floor(numbers))
    as_hhmm = whole & (numbers // 100 <= 23) & (numbers % 100 <= 59)
    as_minutes = whole & (numbers < 24 * 60)
    proves_minutes, proves_hhmm = as_minutes & ~as_hhmm, as_hhmm & ~as_minutes
    if proves_minutes.any() and proves_hhmm.any():
        raise InputError(
            tr(
                "{label}: the numbers are neither all HHMM nor all minutes since midnight "
                "(e.g. {hhmm:.0f} and {minutes:.0f}); write the times as text hh:mm.",
                label=source.time_label,
                hhmm=numbers[proves_hhmm][0],
                minutes=numbers[proves_minutes][0],
            )
        )
    if proves_minutes.any():
        return np.where(as_minutes, numbers * 60.0, np.nan), []
    messages = []
    differ = as_hhmm & (numbers >= 100)  # below 100 both readings agree
    if differ.any() and not proves_hhmm.any():
        example = numbers[differ][0]
        messages.append(
            tr(
                "{label}: numbers such as {example:.0f} are read as HHMM "
                "({hours:02.0f}:{minutes:02.0f}); none of them proves minutes since midnight "
                "(a value whose last two digits are above 59). If they are minutes, write the times as text "
                "hh:mm.",
                label=source.time_label,
                example=example,
                hours=example // 100,
                minutes=example % 100,
            )
        )
    return np.where(as_hhmm, (numbers // 100) * 3600.0 + (numbers % 100) * 60.0, np.nan), messages


# --- unreadable values ---------------------------------------------------------------


def _check_unreadable(invalid, non_empty, source, fmt, messages, times=False) -> None:
    """Stop when more than ``source.max_unreadable`` of the non-empty values cannot be read;
    else add a warning listing them."""
    count = sum(invalid.values())
    if not count:
        return
    label = source.time_label if times else source.date_label
    if source.max_unreadable is not None and count > source.max_unreadable * non_empty:
        values = {
            "label": label,
            "count": count,
            "total": non_empty,
            "share": count / non_empty,
            "examples": ", ".join(f"'{value}'" for value in list(invalid)[:3]),
            "allowed": source.max_unreadable,
        }
        if times:
            message = tr(
                "{label}: {count:,} of {total:,} values ({share:.1%}) cannot be read as times of day, "
                "e.g. {examples}. Give the times as text hh:mm[:ss], a time field, or numbers (minutes "
                "since midnight or HHMM); at most {allowed:.0%} may be unreadable.",
                **values,
            )
        elif fmt is not None:
            message = tr(
                "{label}: {count:,} of {total:,} values ({share:.1%}) cannot be read as dates, "
                "e.g. {examples}. Check DATE_FORMAT '{format}' against these values; at most {allowed:.0%} "
                "may be unreadable.",
                format=fmt,
                **values,
            )
        else:
            message = tr(
                "{label}: {count:,} of {total:,} values ({share:.1%}) cannot be read as dates, "
                "e.g. {examples}. Give DATE_FORMAT, a strptime format such as %d/%m/%Y %H:%M or "
                "%m/%d/%Y %I:%M:%S %p, or correct the values; at most {allowed:.0%} may be unreadable.",
                **values,
            )
        raise InputError(message)
    listed = ", ".join(f"'{v}' ({c})" for v, c in list(invalid.items())[:10])
    if times:
        messages.append(
            tr(
                "{label}: {count:,} values cannot be read as times of day; those incidents count without a "
                "time of day, e.g. {listed}.",
                label=label,
                count=count,
                listed=listed,
            )
        )
    else:
        messages.append(
            tr(
                "{label}: {count:,} values cannot be read as dates; those incidents count without a date, "
                "e.g. {listed}.",
                label=label,
                count=count,
                listed=listed,
            )
        )


# --- helpers --------------------------------------------------------------------------


def as_object_array(values: Iterable[Any]) -> np.ndarray:
    """Any sequence of values as a 1-D object array."""
    if isinstance(values, pd.Series | np.ndarray):
        return np.asarray(values, dtype=object)
    return np.array(list(values), dtype=object)


def _is_instance(objects: np.ndarray, types: Any) -> np.ndarray:
    return np.fromiter((isinstance(v, types) for v in objects), dtype=bool, count=len(objects))
