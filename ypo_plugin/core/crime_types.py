"""Crime types and incident date-times, shared by manning and the crime grid.

Crime types
-----------
Every incident is classified into one of the six YPO crime types
(:data:`CRIME_TYPES`), into ``other`` (a known offence that is none of the six:
counted in ``crimes_total`` only), or is *unknown* (its value is in no mapping:
also counted in ``crimes_total`` only, and reported with its count so the user
can extend the mapping). Nothing is dropped silently.

Source values are matched after :func:`normalise_key`: case-insensitive,
surrounding and repeated whitespace, ``-`` and ``_`` ignored, and Danish
``æ ø å`` equal to ``ae oe aa`` (so ``HÆRVÆRK``, ``hærværk`` and ``haervaerk``
are one key).

Mapping text (the ``CRIME_TYPE_MAP`` parameter or a mapping file)::

    # comment lines start with '#'
    BATTERY = violence; ASSAULT = violence
    DECEPTIVE PRACTICE = other

Entries are ``source = category`` separated by ``;`` or new lines. A JSON
object ``{"source": "category", ...}`` is accepted too (for values containing
``;`` or ``=``). Entries are merged over the defaults and win over them.

Date-times
----------
Incident dates and times of day are read by :mod:`.incident_dates`
(:func:`parse_datetimes`: ISO 8601, ``MM/DD/YYYY``/``DD.MM.YYYY``-style text,
date/time values, a separate time-of-day field). :class:`Period` is a
half-open period ``[start, end)``; an end given as a date alone includes that
whole day.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .defaults import CRIME_TYPE_FIELDS, CRIME_TYPES
from .errors import InputError
from .incident_dates import (
    DATETIME_DTYPE,
    MAX_UNREADABLE_SHARE,
    IncidentSource,
    ParsedDateTimes,
    as_object_array,
    iso_datetime,
    parse_datetimes,
)
from .lazy import lazy_module
from .messages import tr

pd = lazy_module("pandas")

OTHER = "other"
"""Mapping category for known offences outside the six types."""

NO_TYPE = -1
"""Type code of incidents that are ``other``, unknown or without a value."""

_DEFAULT_NAMES: dict[str, tuple[str, ...]] = {
    "violence": (
        "violence",
        "violent crime",
        "assault",
        "aggravated assault",
        "battery",
        "aggravated battery",
        "homicide",
        "murder",
        "manslaughter",
        "robbery",
        "armed robbery",
        "sexual assault",
        "rape",
        "kidnapping",
        "vold",
        "voldsforbrydelse",
        "voldsforbrydelser",
        "simpel vold",
        "grov vold",
        "vold mod tjenestemand",
        "legemsangreb",
        "overfald",
        "drab",
        "manddrab",
        "røveri",
        "røverier",
        "voldtægt",
    ),
    "burglary": (
        "burglary",
        "residential burglary",
        "commercial burglary",
        "break in",
        "breaking and entering",
        "housebreaking",
        "indbrud",
        "indbrud i beboelse",
        "boligindbrud",
        "villaindbrud",
        "lejlighedsindbrud",
        "indbrud i forretning",
        "indbrud i virksomhed",
        "indbrudstyveri",
    ),
    "theft": (
        "theft",
        "larceny",
        "shoplifting",
        "pickpocketing",
        "motor vehicle theft",
        "vehicle theft",
        "car theft",
        "bicycle theft",
        "theft from vehicle",
        "tyveri",
        "tyverier",
        "butikstyveri",
        "lommetyveri",
        "cykeltyveri",
        "biltyveri",
        "tyveri af bil",
        "tyveri fra bil",
        "brugstyveri",
    ),
    "drugs": (
        "drugs",
        "drug",
        "narcotics",
        "drug offence",
        "drug offense",
        "drug possession",
        "drug trafficking",
        "narkotika",
        "narko",
        "narkotikakriminalitet",
        "narkotikasalg",
        "euforiserende stoffer",
        "lov om euforiserende stoffer",
    ),
    "vandalism": (
        "vandalism",
        "criminal damage",
        "property damage",
        "graffiti",
        "arson",
        "hærværk",
        "tingsbeskadigelse",
        "brandstiftelse",
        "ildspåsættelse",
    ),
    "harassment": (
        "harassment",
        "stalking",
        "intimidation",
        "threat",
        "threats",
        "chikane",
        "chikanering",
        "forfølgelse",
        "trusler",
        "trussel",
        "trusler på livet",
    ),
}

_TRANSLITERATION = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
_SEPARATORS = re.compile(r"[\s_\-]+")


def normalise_key(value: Any) -> str:
    """The matching key of a source value: case, spacing, ``-``/``_`` and æ/ø/å folded."""
    text = str(value).casefold().translate(_TRANSLITERATION)
    return _SEPARATORS.sub(" ", text).strip()


@dataclass(frozen=True)
class CrimeTypeClassification:
    """Crime type per incident, and what could not be typed.

    ``codes[i]`` is the index into :data:`CRIME_TYPES` or :data:`NO_TYPE`.
    ``unknown`` maps each source value found in no mapping to its number of
    incidents (most frequent first); ``other`` counts incidents mapped to
    ``other``; ``missing`` counts incidents with an empty or null value.
    """

    codes: np.ndarray
    unknown: dict[str, int]
    other: int
    missing: int

    def warnings(self) -> list[str]:
        """What the user should hear about: values in no mapping, incidents without a type."""
        messages = []
        if self.unknown:
            listed = ", ".join(f"'{v}' ({c})" for v, c in self.unknown.items())
            messages.append(
                tr(
                    "CRIME_TYPE_FIELD values not in CRIME_TYPE_MAP (counted in crimes_total only): {values}. "
                    "Add them to CRIME_TYPE_MAP as 'value=type' (or 'value=other').",
                    values=listed,
                )
            )
        if self.missing:
            messages.append(
                tr(
                    "CRIMES: {count} incidents have no crime type; counted in crimes_total only.",
                    count=self.missing,
                )
            )
        return messages


@dataclass(frozen=True)
class CrimeTypeMap:
    """Source value (normalised with :func:`normalise_key`) → crime type or ``other``."""

    categories: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def default(cls) -> CrimeTypeMap:
        """English and Danish names of the six types, with common variants."""
        return cls(
            {
                normalise_key(name): crime_type
                for crime_type, names in _DEFAULT_NAMES.items()
                for name in (crime_type,) + names
            }
        )

    @classmethod
    def parse(cls, text: str, base: CrimeTypeMap | None = None) -> CrimeTypeMap:
        """Mapping text (see module docstring) merged over ``base`` (default: :meth:`default`)."""
        base = cls.default() if base is None else base
        return base.merged(_parse_entries(text or ""))

    @classmethod
    def from_parameter(cls, value: str | None) -> CrimeTypeMap:
        """The ``CRIME_TYPE_MAP`` parameter: mapping text, or the path of a mapping file."""
        value = (value or "").strip()
        if value and os.path.isfile(value):
            return cls.load(value)
        return cls.parse(value)

    @classmethod
    def load(cls, path: str, base: CrimeTypeMap | None = None) -> CrimeTypeMap:
        """A mapping file (UTF-8 mapping text) merged over ``base``."""
        with open(path, encoding="utf-8") as handle:
            return cls.parse(handle.read(), base)

    def merged(self, entries: Mapping[Any, str]) -> CrimeTypeMap:
        """A copy with ``entries`` (source → category) added; they win over existing ones."""
        categories = dict(self.categories)
        for source, category in entries.items():
            categories[normalise_key(source)] = _checked_category(category, f"{source}={category}")
        return CrimeTypeMap(categories)

    def category(self, value: Any) -> str | None:
        """The crime type or ``other`` for ``value``; None when it is unknown."""
        return self.categories.get(normalise_key(value))

    def classify(self, values: Iterable[Any]) -> CrimeTypeClassification:
        """Type code per value, plus the unknown values with their counts.

        Each distinct value is looked up once, so a million incidents cost
        about as much as their few dozen distinct types.
        """
        value_codes, distinct = pd.factorize(as_object_array(values), use_na_sentinel=True)
        per_distinct = np.bincount(value_codes[value_codes >= 0], minlength=len(distinct))
        # One extra slot, so that value code -1 (null) picks NO_TYPE.
        type_codes = np.full(len(distinct) + 1, NO_TYPE, dtype=np.int8)
        unknown: dict[str, int] = {}
        other = 0
        missing = int((value_codes < 0).sum())
        for j, (value, count) in enumerate(zip(distinct, per_distinct.tolist(), strict=True)):
            if _is_blank(value):
                missing += count
                continue
            category = self.category(value)
            if category is None:
                unknown[str(value)] = unknown.get(str(value), 0) + count
            elif category == OTHER:
                other += count
            else:
                type_codes[j] = CRIME_TYPES.index(category)
        unknown = dict(sorted(unknown.items(), key=lambda item: (-item[1], item[0])))
        return CrimeTypeClassification(type_codes[value_codes], unknown, other, missing)

    def to_text(self) -> str:
        """The mapping as mapping text, one ``source = category`` per line."""
        return "\n".join(f"{source} = {category}" for source, category in sorted(self.categories.items()))


def _parse_entries(text: str) -> dict[str, str]:
    """Source → category pairs of mapping text (``a=b; c=d`` lines, or a JSON object)."""
    stripped = text.strip()
    if stripped.startswith(("{", "[")):
        return _parse_json_entries(stripped)
    entries: dict[str, str] = {}
    for line in stripped.splitlines():
        if line.strip().startswith("#"):
            continue
        for entry in line.split(";"):
            if not entry.strip():
                continue
            source, sep, category = entry.partition("=")
            if not sep or not source.strip():
                raise InputError(
                    tr(
                        "CRIME_TYPE_MAP entry '{entry}' is not 'source = category'; "
                        "separate entries with ';' or new lines, e.g. 'BATTERY=violence;NARCOTICS=drugs'.",
                        entry=entry.strip(),
                    )
                )
            entries[source.strip()] = category.strip()
    return entries


_JSON_EXAMPLE = '{"source": "category", ...}'


def _parse_json_entries(text: str) -> dict[str, str]:
    try:
        entries = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            tr(
                "CRIME_TYPE_MAP is not valid JSON ({error}); write {example}.",
                error=error,
                example=_JSON_EXAMPLE,
            )
        ) from None
    if not isinstance(entries, dict) or not all(isinstance(v, str) for v in entries.values()):
        raise InputError(
            tr("CRIME_TYPE_MAP JSON must be one object of text values: {example}.", example=_JSON_EXAMPLE)
        )
    return entries


def _checked_category(category: str, entry: str) -> str:
    key = normalise_key(category)
    if key not in CRIME_TYPES + (OTHER,):
        raise InputError(
            tr(
                "CRIME_TYPE_MAP entry '{entry}': '{category}' is not a crime type; use one of "
                "{types} or {other}.",
                entry=entry,
                category=category,
                types=", ".join(CRIME_TYPES),
                other=OTHER,
            )
        )
    return key


def _is_blank(value: Any) -> bool:
    return isinstance(value, str) and not value.strip()


# --- periods -----------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """The half-open period ``[start, end)``; either end may be open (None)."""

    start: np.datetime64 | None = None
    end: np.datetime64 | None = None

    @classmethod
    def parse(
        cls,
        start: Any = None,
        end: Any = None,
        start_name: str = "PERIOD_START",
        end_name: str = "PERIOD_END",
    ) -> Period:
        """A period from ISO 8601 text or date/datetime values; empty means open.

        An end given as a date alone (``2018-01-31``) includes that day: the
        period then ends at the next midnight.
        """
        period = cls(_parse_bound(start, start_name, False), _parse_bound(end, end_name, True))
        if period.start is not None and period.end is not None and period.start >= period.end:
            raise InputError(
                tr(
                    "{start_name} ({start}) must be before {end_name} ({end}).",
                    start_name=start_name,
                    start=start,
                    end_name=end_name,
                    end=end,
                )
            )
        return period

    @property
    def is_open(self) -> bool:
        """True when neither end is given: every date-time, even a missing one, lies inside."""
        return self.start is None and self.end is None

    def contains(self, datetimes: np.ndarray) -> np.ndarray:
        """True where a date-time lies in the period; NaT lies in no bounded period."""
        datetimes = np.asarray(datetimes).astype(DATETIME_DTYPE)
        inside = np.ones(len(datetimes), dtype=bool) if self.is_open else ~np.isnat(datetimes)
        if self.start is not None:
            inside &= datetimes >= self.start
        if self.end is not None:
            inside &= datetimes < self.end
        return inside

    def days(self) -> float | None:
        """Length in days when both ends are given, else None."""
        if self.start is None or self.end is None:
            return None
        return float((self.end - self.start) / np.timedelta64(1, "s")) / 86400.0


def period_label(period: Period | None) -> str:
    """``2026-07-01 – 2026-09-30`` for [2026-07-01, 2026-10-01); ``all dates`` for an open period."""
    if period is None or period.is_open:
        return "all dates"

    def text(value, is_end):
        if value is None:
            return "…"
        stamp = pd.Timestamp(value)
        if stamp == stamp.normalize():
            return (stamp - pd.Timedelta(days=1) if is_end else stamp).strftime("%Y-%m-%d")
        return (stamp - pd.Timedelta(seconds=1) if is_end else stamp).strftime("%Y-%m-%d %H:%M")

    return f"{text(period.start, False)} – {text(period.end, True)}"


def dates_in_period(crimes: Any, settings: Any, warnings: list[str]) -> tuple[ParsedDateTimes, np.ndarray]:
    """The incidents' parsed date-times and which of them lie in the period.

    ``crimes`` holds the incidents' ``datetimes`` and ``times`` (None without a
    time field), ``settings`` the ``date_format``, ``period`` and
    ``incident_source`` — as the manning and crime grid inputs and settings do.
    Unreadable values are reported in ``warnings`` (or stop the run, see
    :func:`parse_datetimes`), and so are the incidents without a valid date
    that a bounded period leaves out.
    """
    parsed = parse_datetimes(crimes.datetimes, settings.date_format, crimes.times, settings.incident_source)
    warnings += parsed.warnings
    in_period = settings.period.contains(parsed.values)
    undated = int(np.isnat(parsed.values).sum())
    if undated and not settings.period.is_open:
        warnings.append(
            tr("CRIMES: {count} incidents without a valid date are left out of the period.", count=undated)
        )
    return parsed, in_period


def without_location_warnings(count: int) -> list[str]:
    """The warning about ``count`` incidents in the period without a location (none for 0)."""
    if not count:
        return []
    return [
        tr(
            "CRIMES: {count} incidents in the period have no location; they are counted in CRIMES_OUTSIDE.",
            count=count,
        )
    ]


def _parse_bound(value: Any, name: str, is_end: bool) -> np.datetime64 | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        parsed, timed = iso_datetime(value)
    else:
        read = parse_datetimes([value])
        parsed, timed = read.values[0], bool(read.timed[0])
    if np.isnat(parsed):
        raise InputError(
            tr(
                "{name} '{value}' is not an ISO 8601 date or date-time; write e.g. 2018-01-31 or "
                "2018-01-31T23:00.",
                name=name,
                value=value,
            )
        )
    return parsed + np.timedelta64(1, "D") if (is_end and not timed) else parsed


__all__ = [
    "CRIME_TYPES",
    "CRIME_TYPE_FIELDS",
    "DATETIME_DTYPE",
    "MAX_UNREADABLE_SHARE",
    "NO_TYPE",
    "OTHER",
    "CrimeTypeClassification",
    "CrimeTypeMap",
    "IncidentSource",
    "ParsedDateTimes",
    "Period",
    "dates_in_period",
    "normalise_key",
    "parse_datetimes",
    "without_location_warnings",
]
