"""Streets on the public maps and the web map: drawn lightly under the sector boundaries, the main
streets (the ``MAIN_STREETS`` longest, all lines of one name together) named. Lines without a
name are not streets.

Each street is simplified to the page it is drawn on, parts shorter than the simplification
tolerance left out (they would not show). For the web map the lines arrive in longitude/latitude,
simplified to ``SIMPLIFY_SHARE`` of the map's width (half a pixel of the 1,000-unit drawing) and
stored like the address index: per street its name, whether it is a main street and its parts as
1e-5° steps, each point the difference from the one before. The printed maps and leaflets draw
them in a metric CRS, simplified to ``PAGE_SIMPLIFY_MM`` on the paper at the page's scale.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import shapely

from .address_index import COORDINATE_STEP, coordinate_steps
from .defaults import MAIN_STREETS

SIMPLIFY_SHARE = 1 / 2000
PAGE_SIMPLIFY_MM = 0.1  # half the thinnest street line of styles/map_streets.qml


def web_streets(names: list, lines: list, bounds: tuple[float, float, float, float]) -> dict:
    """The streets' data for the page: ``{"origin": [x, y], "step": …, "streets": [{"n", "m", "p"}]}``.

    ``names`` and ``lines`` (shapely lines or multi-lines in lon/lat) go together; ``bounds`` is
    the map's (west, south, east, north).
    """
    kept = simplified_streets(names, lines, (bounds[2] - bounds[0]) * SIMPLIFY_SHARE)
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


def simplified_streets(names: list, lines: list, tolerance: float) -> dict[str, list]:
    """The parts of each named street (see :func:`street_names_and_lines`) simplified to
    ``tolerance``, parts shorter than it left out; streets left without a part are dropped."""
    kept = {}
    for name, parts in street_names_and_lines(names, lines).items():
        simplified = [
            part
            for part in shapely.simplify(np.array(parts, dtype=object), tolerance)
            if part.length > tolerance
        ]
        if simplified:
            kept[name] = simplified
    return kept


def page_streets(names: list, lines: list, tolerance: float) -> tuple[list[str], list, list[bool]]:
    """The streets a printed page draws (``lines`` in a metric CRS, ``tolerance`` in its units):
    ``(names, lines, main)``, one multi-line per street, simplified, its connected parts joined (so
    that its name is written along the whole street), and whether it is one of the
    ``MAIN_STREETS`` longest as drawn. Sorted by name."""
    kept = simplified_streets(names, lines, tolerance)
    main = main_street_names({name: sum(part.length for part in parts) for name, parts in kept.items()})
    ordered = sorted(kept, key=lambda text: (text.casefold(), text))
    joined = [
        shapely.multilinestrings(shapely.get_parts(shapely.line_merge(shapely.multilinestrings(kept[name]))))
        for name in ordered
    ]
    return ordered, joined, [name in main for name in ordered]


def lines_clear_of(lines, areas, distance: float) -> list:
    """The parts of ``lines`` farther than ``distance`` from every one of ``areas``: a name written
    along them, at most ``distance`` high, covers none of the areas (empty lines where none is)."""
    lines = np.asarray(lines, dtype=object)
    if not len(areas):
        return list(lines)
    blocked = shapely.buffer(shapely.union_all(np.asarray(areas, dtype=object)), distance)
    return list(shapely.difference(lines, blocked))


def finest_page_scale(bounds, map_mm: tuple[float, float], margin: float) -> float:
    """Map units per millimetre of paper on the most zoomed-in page of an atlas: each page shows
    its feature's ``bounds`` (rows of xmin, ymin, xmax, ymax) in a map of ``map_mm`` (width,
    height), widened to the map's shape and then by ``margin`` (a share), as QGIS's automatic
    atlas scale does."""
    bounds = np.asarray(bounds, dtype=float).reshape(-1, 4)
    per_mm = np.maximum((bounds[:, 2] - bounds[:, 0]) / map_mm[0], (bounds[:, 3] - bounds[:, 1]) / map_mm[1])
    return float(per_mm.min() * (1 + margin)) if len(per_mm) else 0.0


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
