"""Streets on the public maps and the web map: drawn lightly under the sector boundaries, the main
streets (the ``MAIN_STREETS`` longest, all lines of one name together) named.

For the web map the lines arrive in longitude/latitude. Each street is simplified to the page's
drawing (``SIMPLIFY_SHARE`` of the map's width, half a pixel of the 1,000-unit drawing) and
stored like the address index: per street its name, whether it is a main street and its parts as
1e-5° steps, each point the difference from the one before. Parts shorter than the
simplification tolerance are left out: they would not show.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import shapely

from .address_index import COORDINATE_STEP, coordinate_steps
from .defaults import MAIN_STREETS

SIMPLIFY_SHARE = 1 / 2000


def web_streets(names: list, lines: list, bounds: tuple[float, float, float, float]) -> dict:
    """The streets' data for the page: ``{"origin": [x, y], "step": …, "streets": [{"n", "m", "p"}]}``.

    ``names`` and ``lines`` (shapely lines or multi-lines in lon/lat) go together; ``bounds`` is
    the map's (west, south, east, north).
    """
    tolerance = (bounds[2] - bounds[0]) * SIMPLIFY_SHARE
    by_name = street_names_and_lines(names, lines)
    kept = {}
    for name, parts in by_name.items():
        simplified = [
            part
            for part in shapely.simplify(np.array(parts, dtype=object), tolerance)
            if part.length > tolerance
        ]
        if simplified:
            kept[name] = simplified
    latitude = np.radians((bounds[1] + bounds[3]) / 2)
    main = main_street_names(
        {name: sum(_ground_length(part, latitude) for part in parts) for name, parts in kept.items()}
    )
    origin = np.floor(np.array(bounds[:2]) / COORDINATE_STEP).astype(np.int64)
    streets = [
        {"n": name, "m": name in main, "p": [_deltas(part, origin) for part in kept[name]]}
        for name in sorted(kept, key=lambda text: (text.casefold(), text))
    ]
    return {"origin": origin.tolist(), "step": COORDINATE_STEP, "streets": streets}


def street_name(value) -> str:
    """A street's name as the maps group it: spacing folded; "" for none."""
    return " ".join(str(value).split()) if value is not None else ""


def street_names_and_lines(names: list, lines: list) -> dict[str, list]:
    """The lines of each named street (names as :func:`street_name`; lines without a name left out)."""
    by_name = defaultdict(list)
    for name, line in zip(names, lines, strict=True):
        text = street_name(name)
        if text and line is not None and not line.is_empty:
            by_name[text].extend(shapely.get_parts(line))
    return by_name


def main_street_lines(names: list, lines: list) -> list[bool]:
    """For each line (in a metric CRS), whether its street is one of the ``MAIN_STREETS`` longest,
    all lines of one name measured together."""
    by_name = street_names_and_lines(names, lines)
    main = main_street_names({name: sum(part.length for part in parts) for name, parts in by_name.items()})
    return [street_name(name) in main for name in names]


def main_street_names(length_of: dict[str, float]) -> set[str]:
    """The ``MAIN_STREETS`` longest streets (ties by name)."""
    return set(sorted(length_of, key=lambda name: (-length_of[name], name))[:MAIN_STREETS])


def _ground_length(line, latitude: float) -> float:
    """Length in degrees of latitude, the longitude shortened as it is on the ground."""
    xy = shapely.get_coordinates(line) * np.array([np.cos(latitude), 1.0])
    return float(np.hypot(*np.diff(xy, axis=0).T).sum())


def _deltas(line, origin: np.ndarray) -> list[int]:
    """The line's points as 1e-5° steps from ``origin``, each after the first from the one before:
    ``[x0, y0, dx1, dy1, …]``."""
    steps = coordinate_steps(shapely.get_coordinates(line)) - origin
    return np.diff(steps, axis=0, prepend=np.zeros((1, 2), dtype=np.int64)).ravel().tolist()
