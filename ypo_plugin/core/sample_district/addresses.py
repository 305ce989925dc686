"""Named streets and address points of the sample station area.

Streets are the block edges (the street centre lines of the generated network) that lie on no
barrier, joined into long lines the way a city's streets run: at every crossing an edge continues
with the edge that turns least, if it turns less than ``MAX_TURN_DEG`` (a *stroke*). Each stroke of
at least ``MIN_STREET_M`` gets a Danish name; the longest are the main streets (``kind`` main).

Addresses sit on the street front of the blocks, one per ``RESIDENTS_PER_ADDRESS`` residents
(at least one per inhabited block), spread evenly along the block's named street edges and set
``SETBACK_M`` into the block. Along each street the houses are numbered from its start: odd on
the left, even on the right; a house closer than ``SAME_NUMBER_M`` to the previous one on its side
shares its number with the next letter (12, 12A). A point the setback carries out of a narrow
block is put at the block's point on surface. Postcodes and city names follow the districts.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString

from ..union_find import UnionFind

MAX_TURN_DEG = 35.0
CROSSING_M = 25.0
MIN_STREET_M = 60.0
MAIN_STREET_COUNT = 20
RESIDENTS_PER_ADDRESS = 20
SETBACK_M = 3.0
SAME_NUMBER_M = 9.0
_ON_BARRIER_M = 0.5
_NODE_DECIMALS = 3  # coordinates are rounded to the millimetre to match shared block corners

POSTCODES = {
    "North East": ("2400", "København NV"),
    "North West": ("2700", "Brønshøj"),
    "Frederiksberg": ("2000", "Frederiksberg"),
}
_PREFIXES = ("", "Nørre ", "Søndre ", "Øster ", "Vester ", "Gamle ", "Ny ", "Store ", "Lille ")
_ROOTS = (
    "Bellahøj",
    "Tingbjerg",
    "Degnemose",
    "Husum",
    "Utterslev",
    "Emdrup",
    "Grøndal",
    "Fugle",
    "Rødkilde",
    "Hyldegårds",
    "Birke",
    "Ege",
    "Bøge",
    "Æble",
    "Hvede",
    "Rug",
    "Kirke",
    "Skole",
    "Mølle",
    "Præste",
    "Ålekiste",
    "Brønshøj",
    "Fjelde",
    "Hørgårds",
    "Kilde",
    "Lærke",
    "Svane",
    "Tranehave",
    "Vibe",
    "Væver",
    "Smede",
    "Bager",
    "Rosen",
    "Lyng",
    "Enghave",
    "Ågade",
)
_SUFFIXES = ("vej", "gade", " Allé", "stræde", "gangen", "toften", "bakken", "vænget", "parken", " Boulevard")


@dataclass(frozen=True)
class _Edge:
    start: tuple[float, float]
    end: tuple[float, float]


def street_names(count: int, rng: np.random.Generator) -> list[str]:
    """``count`` different street names, drawn without repetition (main streets first)."""
    names = [
        f"{prefix}{root}{suffix}".strip() for prefix in _PREFIXES for root in _ROOTS for suffix in _SUFFIXES
    ]
    names = [name[0].upper() + name[1:] for name in names]
    order = rng.permutation(len(names))
    return [names[index] for index in order[:count]]


def street_edges(blocks: np.ndarray, barriers: list[LineString]) -> list[_Edge]:
    """The block edges once each (rounded ends), without those on a barrier."""
    keys = set()
    for polygon in blocks:
        for part in shapely.get_parts(polygon):
            coordinates = np.round(np.asarray(part.exterior.coords), _NODE_DECIMALS)
            for a, b in zip(map(tuple, coordinates[:-1]), map(tuple, coordinates[1:]), strict=True):
                if a != b:
                    keys.add((a, b) if a < b else (b, a))
    keys = sorted(keys)
    if barriers and keys:
        middles = shapely.points([((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in keys])
        on_barrier = shapely.distance(shapely.union_all(barriers), middles) < _ON_BARRIER_M
        keys = [key for key, barred in zip(keys, on_barrier, strict=True) if not barred]
    return [_Edge(*key) for key in keys]


def strokes(edges: list[_Edge]) -> list[list[tuple[float, float]]]:
    """The edges joined into strokes (coordinate lists): at each crossing, pairs of edges that turn
    least (below ``MAX_TURN_DEG``) continue each other, the straightest pairs first.

    The generated network meets three edges at a corner; a crossing of two streets is two such
    corners joined by a short edge. Corners closer than ``CROSSING_M`` are one crossing here, and
    the short edges inside it belong to no stroke.
    """
    crossing = _crossings(edges)
    at_crossing = defaultdict(list)
    for index, edge in enumerate(edges):
        start, end = crossing[edge.start], crossing[edge.end]
        if start != end:
            at_crossing[start].append((index, edge.start))
            at_crossing[end].append((index, edge.end))
    partner = {}  # (edge, its end at the crossing) -> (next edge, its end at the crossing)
    for incident in at_crossing.values():
        pairs = []
        for i, (first, first_end) in enumerate(incident):
            for second, second_end in incident[i + 1 :]:
                turn = _turn_deg(edges[first], first_end, edges[second], second_end)
                if turn < MAX_TURN_DEG:
                    pairs.append((turn, (first, first_end), (second, second_end)))
        used = set()
        for _, first, second in sorted(pairs):
            if first[0] not in used and second[0] not in used:
                used.update((first[0], second[0]))
                partner[first] = second
                partner[second] = first
    done = {index for index, edge in enumerate(edges) if crossing[edge.start] == crossing[edge.end]}
    return [_walk(index, edges, partner, done) for index in range(len(edges)) if index not in done]


def _crossings(edges: list[_Edge]) -> dict:
    """Each corner's crossing: corners joined by an edge shorter than ``CROSSING_M`` are one."""
    corners = sorted({corner for edge in edges for corner in (edge.start, edge.end)})
    number = {corner: index for index, corner in enumerate(corners)}
    groups = UnionFind(len(corners))
    for edge in edges:
        if np.hypot(edge.end[0] - edge.start[0], edge.end[1] - edge.start[1]) < CROSSING_M:
            groups.union(number[edge.start], number[edge.end])
    return {corner: groups.find(number[corner]) for corner in corners}


def _other_end(edge: _Edge, node) -> tuple[float, float]:
    return edge.end if node == edge.start else edge.start


def _turn_deg(first: _Edge, first_end, second: _Edge, second_end) -> float:
    """How much a street coming along ``first`` into the crossing turns to leave along ``second``."""
    incoming = np.subtract(first_end, _other_end(first, first_end))
    outgoing = np.subtract(_other_end(second, second_end), second_end)
    cosine = np.dot(incoming, outgoing) / (np.linalg.norm(incoming) * np.linalg.norm(outgoing))
    return float(np.degrees(np.arccos(np.clip(cosine, -1.0, 1.0))))


def _walk(index: int, edges: list[_Edge], partner: dict, done: set) -> list[tuple[float, float]]:
    """The stroke through edge ``index``: back from its start, then on from its end. The short
    edges inside a crossing are bridged by the straight line between the strokes' edges."""
    done.add(index)
    edge = edges[index]
    line = [edge.start, edge.end]
    for end, extend in ((edge.end, line.append), (edge.start, lambda point: line.insert(0, point))):
        current = (index, end)
        while current in partner and partner[current][0] not in done:
            following, entry = partner[current]
            done.add(following)
            exit_ = _other_end(edges[following], entry)
            if entry != current[1]:
                extend(entry)
            extend(exit_)
            current = (following, exit_)
    return line


@dataclass(frozen=True)
class _Place:
    """Where an edge lies on its street: the street, the distance from the street's start to the
    edge's first end in the street's direction, and whether the edge runs that way."""

    street: int
    offset: float
    forward: bool


def streets_and_addresses(units, barriers: list[LineString], rng: np.random.Generator):
    """The ``streets`` (name, kind, line) and ``addresses`` (street, house_number, postcode, city,
    unit_id, point) of the sample, as lists of column dicts ready for frames."""
    lines = [
        LineString(coordinates) for coordinates in strokes(street_edges(units.geometry.values, barriers))
    ]
    lengths = shapely.length(lines)
    order = [index for index in np.argsort(-lengths, kind="stable") if lengths[index] >= MIN_STREET_M]
    names = street_names(len(order), rng)
    streets = {
        "name": names,
        "kind": ["main" if rank < MAIN_STREET_COUNT else "local" for rank in range(len(order))],
        "geometry": [lines[index] for index in order],
    }
    places = _edge_places([lines[index] for index in order])
    rows = _address_points(units, places)
    addresses = _numbered(rows, names)
    addresses["geometry"] = _inside_own_block(addresses, units)
    return streets, addresses


def _edge_places(streets: list[LineString]) -> dict:
    places = {}
    for street, line in enumerate(streets):
        coordinates = [tuple(point) for point in np.round(np.asarray(line.coords), _NODE_DECIMALS)]
        travelled = 0.0
        for a, b in zip(coordinates[:-1], coordinates[1:], strict=True):
            key = (a, b) if a < b else (b, a)
            places[key] = _Place(street, travelled, key == (a, b))
            travelled += float(np.hypot(b[0] - a[0], b[1] - a[1]))
    return places


def _address_points(units, places: dict) -> list[dict]:
    """One row per address: its street, distance along it, side, unit and point."""
    rows = []
    for unit_id, district, population, polygon in zip(
        units["unit_id"], units["district"], units["population"], units.geometry.values, strict=True
    ):
        if population <= 0:
            continue
        fronts = _street_fronts(polygon, places)
        if not fronts:
            continue
        count = max(1, round(population / RESIDENTS_PER_ADDRESS))
        total = sum(front[3] for front in fronts)
        targets = (np.arange(count) + 0.5) * total / count
        start = 0.0
        for front in fronts:
            length = front[3]
            for target in targets[(targets >= start) & (targets < start + length)]:
                rows.append(_address_row(front, (target - start) / length, unit_id, district))
            start += length
    return rows


def _street_fronts(polygon, places: dict) -> list:
    """(a, b, place, length, interior on the left) of each edge of the block on a named street."""
    fronts = []
    for part in shapely.get_parts(polygon):
        interior_left = bool(shapely.is_ccw(part.exterior))
        coordinates = np.round(np.asarray(part.exterior.coords), _NODE_DECIMALS)
        for a, b in zip(map(tuple, coordinates[:-1]), map(tuple, coordinates[1:]), strict=True):
            place = places.get((a, b) if a < b else (b, a))
            if place is not None:
                fronts.append((a, b, place, float(np.hypot(b[0] - a[0], b[1] - a[1])), interior_left))
    return fronts


def _address_row(front, along: float, unit_id, district) -> dict:
    a, b, place, length, interior_left = front
    (ax, ay), (bx, by) = a, b
    dx, dy = (bx - ax) / length, (by - ay) / length
    inward = (-dy, dx) if interior_left else (dy, -dx)  # the left normal of a → b, or the right one
    with_street = (a < b) == place.forward
    street_dx, street_dy = (dx, dy) if with_street else (-dx, -dy)
    postcode, city = POSTCODES.get(district, ("", ""))
    return {
        "street": place.street,
        "distance": place.offset + (along if with_street else 1 - along) * length,
        "left": street_dx * inward[1] - street_dy * inward[0] > 0,
        "unit_id": int(unit_id),
        "postcode": postcode,
        "city": city,
        "xy": (
            ax + along * (bx - ax) + SETBACK_M * inward[0],
            ay + along * (by - ay) + SETBACK_M * inward[1],
        ),
    }


def _inside_own_block(addresses: dict, units) -> np.ndarray:
    """The address points, each inside its own block: a point that the setback carried out of a
    narrow block (or past a corner) is put at the block's point on surface instead."""
    blocks = dict(zip(units["unit_id"], units.geometry.values, strict=True))
    points = np.asarray(addresses["geometry"], dtype=object)
    polygons = np.array([blocks[unit_id] for unit_id in addresses["unit_id"]], dtype=object)
    outside = ~shapely.contains(polygons, points)
    points[outside] = shapely.point_on_surface(polygons[outside])
    return points


def _numbered(rows: list[dict], names: list[str]) -> dict:
    """House numbers along each street (odd left, even right, letters for close neighbours)."""
    by_street_side = defaultdict(list)
    for row in rows:
        by_street_side[(row["street"], row["left"])].append(row)
    numbers = {}
    for (_, left), side in by_street_side.items():
        side.sort(key=lambda row: row["distance"])
        number, letter, previous = (-1 if left else 0), "", None
        for row in side:
            if previous is not None and row["distance"] - previous < SAME_NUMBER_M and letter != "Z":
                letter = chr(ord(letter) + 1) if letter else "A"
            else:
                number, letter = number + 2, ""
            previous = row["distance"]
            numbers[id(row)] = f"{number}{letter}"
    ordered = sorted(rows, key=lambda row: (row["street"], row["distance"], row["left"]))
    return {
        "street": [names[row["street"]] for row in ordered],
        "house_number": [numbers[id(row)] for row in ordered],
        "postcode": [row["postcode"] for row in ordered],
        "city": [row["city"] for row in ordered],
        "unit_id": [row["unit_id"] for row in ordered],
        "geometry": shapely.points(np.array([row["xy"] for row in ordered], dtype=float).reshape(-1, 2)),
    }
