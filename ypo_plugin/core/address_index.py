"""The web map's address index: every address with its sector, small enough to ship inside the page.

Addresses are grouped by street (its name as written in the data) and sorted by house number
(number, then letter: 12, 12A, 12B, 14). Per street the page receives columns, not records:

- ``h``: the house numbers as one text, separated by spaces;
- ``p`` and ``s``: the postcode and the sector of each address, run-length coded as
  ``[value, count, value, count, …]`` (neighbouring houses mostly share both);
- ``x`` and ``y``: longitude and latitude in steps of 1e-5° (about a metre) from the index's
  origin, each the difference from the previous address of the street.

Postcodes are listed once, with their city and the sectors their addresses lie in; an address
in no sector has sector −1. The page folds case, spacing and Danish letters when it searches
(webmap.js), so the names are kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import numpy as np

from .errors import InputError
from .messages import tr

COORDINATE_STEP = 1e-5  # degrees
OUTSIDE = -1
_HOUSE_NUMBER = re.compile(r"^\s*0*(\d+)\s*([A-Za-zÆØÅæøå]?)\s*$")


@dataclass(frozen=True)
class AddressIndex:
    """The JSON-ready index and what the user should hear about it."""

    data: dict
    count: int
    outside: int
    without_street: int


def coordinate_steps(lonlat: np.ndarray) -> np.ndarray:
    """Longitude/latitude as whole ``COORDINATE_STEP`` steps (the pages' coordinates, about a metre)."""
    return np.round(np.asarray(lonlat, dtype=float) / COORDINATE_STEP).astype(np.int64)


def house_number_key(text: Any) -> tuple[int, str] | None:
    """``(number, letter)`` of a house number such as ``12``, ``12B`` or ``12 b``; None otherwise."""
    match = _HOUSE_NUMBER.match("" if text is None else str(text))
    if not match:
        return None
    return int(match.group(1)), match.group(2).upper()


def house_number_text(key: tuple[int, str]) -> str:
    """The house number as written (``12B``) from its :func:`house_number_key`."""
    return f"{key[0]}{key[1]}"


def build_address_index(
    streets: list,
    house_numbers: list,
    postcodes: list | None,
    cities: list | None,
    lonlat: np.ndarray,
    sector: np.ndarray,
) -> AddressIndex:
    """The index of the addresses (street, house number, optional postcode and city, position in
    longitude/latitude, sector index or −1). Addresses without a street name, a readable house
    number or a position are left out and counted."""
    lonlat = np.asarray(lonlat, dtype=float).reshape(-1, 2)
    count = len(streets)
    if not (len(house_numbers) == len(lonlat) == len(sector) == count):
        raise InputError(tr("Every address needs its street, house number, position and sector."))
    if count == 0:
        raise InputError(tr("The address layer has no addresses: give the address points, or leave it out."))
    postcodes = [None] * count if postcodes is None else postcodes
    cities = [None] * count if cities is None else cities
    keys = [house_number_key(number) for number in house_numbers]
    names = [None if street is None else " ".join(str(street).split()) for street in streets]
    usable = np.array(
        [bool(name) and key is not None for name, key in zip(names, keys, strict=True)], dtype=bool
    ) & np.isfinite(lonlat).all(axis=1)
    if not usable.any():
        raise InputError(
            tr(
                "No address has a street name, a house number such as 12 or 12B, and a position: check the "
                "street and house number fields."
            )
        )
    postcode_list, postcode_of = _postcodes(postcodes, cities, sector, usable)
    steps = np.zeros((count, 2), dtype=np.int64)
    steps[usable] = coordinate_steps(lonlat[usable])
    origin = steps[usable].min(axis=0)
    steps -= origin
    by_street: dict[str, list[int]] = {}
    for position in np.flatnonzero(usable):
        by_street.setdefault(names[position], []).append(int(position))
    street_entries = []
    for name in sorted(by_street, key=lambda text: (text.casefold(), text)):
        rows = sorted(by_street[name], key=lambda row: keys[row])
        street_entries.append(
            {
                "n": name,
                "h": " ".join(house_number_text(keys[row]) for row in rows),
                "p": _runs([postcode_of[row] for row in rows]),
                "s": _runs([int(sector[row]) for row in rows]),
                "x": _deltas(steps[rows, 0]),
                "y": _deltas(steps[rows, 1]),
            }
        )
    data = {
        "origin": [int(origin[0]), int(origin[1])],
        "step": COORDINATE_STEP,
        "postcodes": postcode_list,
        "streets": street_entries,
    }
    outside = int((usable & (np.asarray(sector) == OUTSIDE)).sum())
    return AddressIndex(data, int(usable.sum()), outside, int(count - usable.sum()))


def _postcodes(postcodes, cities, sector, usable) -> tuple[list[dict], list[int]]:
    """The postcodes (code, city, sectors) in code order, and each address's postcode index (−1: none)."""
    codes = sorted(
        {str(postcodes[row]).strip() for row in np.flatnonzero(usable) if _present(postcodes[row])}
    )
    position = {code: index for index, code in enumerate(codes)}
    city = {}
    sectors: dict[str, set[int]] = {code: set() for code in codes}
    postcode_of = []
    for row in range(len(postcodes)):
        code = str(postcodes[row]).strip() if _present(postcodes[row]) else None
        postcode_of.append(position[code] if code in position and usable[row] else -1)
        if code in position and usable[row]:
            if _present(cities[row]):
                city.setdefault(code, str(cities[row]).strip())
            if sector[row] != OUTSIDE:
                sectors[code].add(int(sector[row]))
    listing = [{"code": code, "city": city.get(code, ""), "sectors": sorted(sectors[code])} for code in codes]
    return listing, postcode_of


def _present(value: Any) -> bool:
    return value is not None and str(value).strip() not in ("", "nan", "NULL", "None")


def _runs(values: list[int]) -> list[int]:
    """``[value, count, …]`` of consecutive equal values."""
    runs: list[int] = []
    for value in values:
        if runs and runs[-2] == value:
            runs[-1] += 1
        else:
            runs += [value, 1]
    return runs


def _deltas(values: np.ndarray) -> list[int]:
    return np.diff(np.asarray(values, dtype=np.int64), prepend=0).tolist()
