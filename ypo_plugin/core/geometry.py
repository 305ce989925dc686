"""Small geometry helpers shared by the core."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from numbers import Number

import numpy as np
import shapely

from .defaults import MIN_REPORTED_AREA_M2, MIN_REPORTED_AREA_SHARE
from .errors import InputError
from .messages import tr


def made_valid(geoms: Sequence) -> tuple[np.ndarray, np.ndarray]:
    """The geometries with the invalid ones made valid, and a mask of those.

    GEOS ``make_valid`` with the structure method, collapsed parts dropped: an
    invalid polygon becomes a (multi)polygon or empty, as GEOS gives it. Used
    where any geometry type may come (population units, points too);
    :func:`repair_polygons` further keeps only polygonal parts.
    """
    geoms = np.asarray(getattr(geoms, "values", geoms), dtype=object)
    invalid = ~shapely.is_valid(geoms) & ~shapely.is_missing(geoms)
    if not invalid.any():
        return geoms, invalid
    repaired = geoms.copy()
    repaired[invalid] = shapely.make_valid(geoms[invalid], method="structure", keep_collapsed=False)
    return repaired, invalid


def repair_polygons(geoms: Sequence) -> tuple[np.ndarray, np.ndarray]:
    """Valid polygonal geometries, and a mask of those that had to be repaired.

    Invalid polygons are made valid (:func:`made_valid`) and only their
    polygonal parts are kept, united into one (an empty Polygon when none is
    left), so a bow-tie becomes two triangles and a collapsed spike disappears
    instead of failing later.
    """
    fixed, invalid = made_valid(geoms)
    repaired = fixed.copy()
    for index in np.flatnonzero(invalid):
        parts = shapely.get_parts(fixed[index])
        polygons = parts[np.isin(shapely.get_type_id(parts), (3, 6))]
        repaired[index] = shapely.union_all(polygons) if len(polygons) else shapely.Polygon()
    return repaired, invalid


def union_of_polygons(polygons: Sequence) -> shapely.Geometry:
    """``shapely.union_all`` of valid polygons, through GEOS's much faster coverage union when
    they form a clean coverage (neighbours share identical edges, nothing overlaps).

    The coverage union is kept only when it is valid and its area is the sum of the parts' areas
    (to 1e-9 relative); an overlap, an edge matched on one side only or an invalid part fails
    that, and then the full union is computed.
    """
    polygons = np.asarray(getattr(polygons, "values", polygons), dtype=object)
    present = polygons[~shapely.is_missing(polygons)]
    if len(present) > 1 and shapely.is_valid(present).all():
        try:
            united = shapely.coverage_union_all(present)
        except shapely.errors.GEOSException:
            united = None
        parts_area = float(shapely.area(present).sum())
        if (
            united is not None
            and shapely.is_valid(united)
            and abs(shapely.area(united) - parts_area) <= 1e-9 * parts_area
        ):
            return united
    return shapely.union_all(polygons)


def as_multipolygons(geoms: Sequence) -> np.ndarray:
    """Every (multi)polygon as a MultiPolygon, so one layer type holds them all."""
    geoms = np.asarray(getattr(geoms, "values", geoms), dtype=object)
    return np.array(
        [geom if geom.geom_type == "MultiPolygon" else shapely.MultiPolygon([geom]) for geom in geoms],
        dtype=object,
    )


def intersection(a, b):
    """``shapely.intersection`` without the spurious floating-point warning that
    GEOS 3.11 (QGIS's) leaves on empty overlaps; the geometries are right."""
    with np.errstate(invalid="ignore"):
        return shapely.intersection(a, b)


def touching_neighbours(geometries, min_shared: float = 1.0) -> list[list[int]]:
    """Per sector, the positions (ascending) of the sectors sharing at least ``min_shared`` (CRS
    units) of boundary with it: a shared corner does not make neighbours. A missing or empty
    geometry has none."""
    geometries = np.asarray(geometries, dtype=object)
    valid = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    usable = np.where(valid, geometries, None)
    tree = shapely.STRtree(usable)
    boundaries = shapely.boundary(usable)
    result = []
    for i in range(len(geometries)):
        found = []
        if valid[i]:
            for j in sorted(int(j) for j in tree.query(geometries[i], predicate="intersects")):
                shared = shapely.length(intersection(boundaries[i], boundaries[j]))
                if j != i and shared >= min_shared:
                    found.append(j)
        result.append(found)
    return result


# --- floating-point noise ------------------------------------------------------------------


def noise_area(area, minimum: float = MIN_REPORTED_AREA_M2) -> np.ndarray:
    """The largest area (m²) that is still noise next to a sector of ``area`` m²."""
    return np.maximum(minimum, MIN_REPORTED_AREA_SHARE * np.asarray(area, dtype=float))


def format_area(area: float) -> str:
    """An area for messages: km² from 1 km², whole m² from 10 m², else two decimals."""
    if area >= 1e6:
        return f"{area / 1e6:,.3f} km²"
    if area >= 10:
        return f"{area:,.0f} m²"
    return f"{area:,.2f} m²"


@dataclass(frozen=True)
class Overlaps:
    """Pairs of sectors whose interiors meet, ``earlier < later`` (input positions), sorted.

    The overlap of a pair belongs to its earlier sector (the lowest-index rule of counting);
    messages name the pair in natural id order (:func:`named_pair`). ``reported`` marks the pairs
    whose overlap is more than noise (:func:`noise_area`); the others are still made disjoint by
    counting but never reported.
    """

    earlier: np.ndarray
    later: np.ndarray
    pieces: np.ndarray
    areas: np.ndarray
    reported: np.ndarray


def intersecting_pairs(geometries) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``earlier < later`` (input positions) of geometries that intersect, sorted;
    missing and empty geometries are in none."""
    geometries = np.asarray(geometries, dtype=object)
    usable = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    tree = shapely.STRtree(np.where(usable, geometries, None))
    later, earlier = tree.query(np.where(usable, geometries, None), predicate="intersects")
    candidate = earlier < later
    later, earlier = later[candidate], earlier[candidate]
    order = np.lexsort((later, earlier))
    return earlier[order].astype(np.int64), later[order].astype(np.int64)


def interiors_meet(a, b) -> np.ndarray:
    """Whether the interiors of intersecting polygons ``a`` and ``b`` meet (they overlap): they
    do unless they only touch (share edges or corners)."""
    return ~shapely.touches(a, b)


def find_overlaps(geometries, minimum: float = MIN_REPORTED_AREA_M2) -> Overlaps:
    """The overlapping pairs of ``geometries`` (valid polygons in a metric CRS): the one place that
    decides which sectors overlap, for every algorithm."""
    geometries = np.asarray(geometries, dtype=object)
    earlier, later = intersecting_pairs(geometries)
    # Neighbours that only share edges or corners (most pairs) need no intersection.
    meet = interiors_meet(geometries[later], geometries[earlier])
    earlier, later = earlier[meet], later[meet]
    pieces = polygonal(intersection(geometries[earlier], geometries[later]))
    areas = shapely.area(pieces) if len(pieces) else np.empty(0)
    sector_areas = shapely.area(geometries)
    larger = np.maximum(sector_areas[earlier], sector_areas[later]) if len(earlier) else np.empty(0)
    return Overlaps(earlier, later, pieces, areas, areas > noise_area(larger, minimum))


def natural_rank(ids) -> np.ndarray:
    """Position of every id in the natural order: numbers by value before text."""

    def key(position):
        value = ids[position]
        if isinstance(value, Number) and not isinstance(value, bool):
            return (0, float(value), "")
        return (1, 0.0, str(value))

    order = sorted(range(len(ids)), key=key)
    rank = np.empty(len(ids), dtype=np.int64)
    rank[order] = np.arange(len(ids))
    return rank


def named_pair(rank: np.ndarray, i: int, j: int) -> tuple[int, int]:
    """The sectors ``i`` and ``j`` in the order every message names them: natural id order
    (``rank`` from :func:`natural_rank`)."""
    return (i, j) if rank[i] <= rank[j] else (j, i)


_POLYGON = 3
_MULTIPOLYGON = 6
_COLLECTIONS = (4, 5, 6, 7)


def polygon_parts(geometries) -> tuple[np.ndarray, np.ndarray]:
    """The non-empty polygons inside ``geometries`` (through multi-parts and collections) and the
    index of the geometry each came from."""
    parts, index = shapely.get_parts(np.asarray(geometries, dtype=object), return_index=True)
    while True:
        nested = np.isin(shapely.get_type_id(parts), _COLLECTIONS)
        if not nested.any():
            break
        inner, inner_index = shapely.get_parts(parts[nested], return_index=True)
        parts = np.concatenate([parts[~nested], inner])
        index = np.concatenate([index[~nested], index[nested][inner_index]])
    keep = (shapely.get_type_id(parts) == _POLYGON) & ~shapely.is_empty(parts)
    parts, index = parts[keep], index[keep]
    order = np.argsort(index, kind="stable")
    return parts[order], index[order]


def polygonal(geometries) -> np.ndarray:
    """Only the polygonal part of each geometry: a Polygon, a MultiPolygon or an empty Polygon."""
    geometries = np.asarray(geometries, dtype=object)
    types = shapely.get_type_id(geometries)
    result = geometries.copy()
    other = ~np.isin(types, (_POLYGON, _MULTIPOLYGON))
    if other.any():
        parts, index = polygon_parts(geometries[other])
        converted = np.full(int(other.sum()), shapely.Polygon(), dtype=object)
        for position in np.unique(index):
            members = parts[index == position]
            converted[position] = members[0] if len(members) == 1 else shapely.multipolygons(members)
        result[other] = converted
    return result


def significant_parts(geometries, minimum: float = MIN_REPORTED_AREA_M2):
    """The polygon parts of each geometry (see :func:`polygon_parts`), their owner, their areas,
    which is each geometry's main (largest) part and which parts count: the main part and every
    part more than noise next to its whole geometry. The one rule deciding how many parts a
    sector is drawn in."""
    geometries = np.asarray(geometries, dtype=object)
    parts, owner = polygon_parts(geometries)
    areas = shapely.area(parts) if len(parts) else np.empty(0)
    whole = shapely.area(geometries)
    # The largest part of each geometry (the first of equal ones) is its main body: it always counts.
    order = np.lexsort((-areas, owner))
    first_of_owner = np.ones(len(parts), dtype=bool)
    first_of_owner[1:] = owner[order][1:] != owner[order][:-1]
    main = np.zeros(len(parts), dtype=bool)
    main[order[first_of_owner]] = True
    return parts, owner, areas, main, main | (areas > noise_area(whole[owner], minimum))


def part_counts(geometries, minimum: float = MIN_REPORTED_AREA_M2) -> np.ndarray:
    """How many parts (more than noise) each geometry is drawn in."""
    _, owner, _, _, significant = significant_parts(geometries, minimum)
    return np.bincount(owner[significant], minlength=len(np.asarray(geometries, dtype=object)))


# --- valid in two CRSs ----------------------------------------------------------------------

# Rounds of repairing in one CRS and checking in the other: densifying, then make-valid rounds.
_REPAIR_ROUNDS = 4
# Densified edges are at most this fraction of the geometry's extent (diagonal) long.
_DENSIFY_STEPS = 2000


def invalid_reason(geometry) -> str:
    """GEOS's reason why ``geometry`` is invalid ("Self-intersection[x y]"), coordinates rounded."""
    reason = shapely.is_valid_reason(geometry)
    head, _, where = reason.partition("[")
    if not where:
        return reason
    try:
        numbers = [float(value) for value in where.rstrip("]").split()]
    except ValueError:
        return reason
    return f"{head} at ({', '.join(f'{value:.6g}' for value in numbers)})"


def valid_in_both(geoms, forward: Callable, backward: Callable) -> tuple[np.ndarray, np.ndarray]:
    """Polygons valid in their own CRS whose images in a second CRS are valid too.

    ``forward`` and ``backward`` map an N×2 array of coordinates to the second CRS and back.
    A straight edge of one CRS is curved in the other, so a ring that comes close to one of its
    long edges can cross it once projected. Such a geometry first gets extra vertices along its
    edges (the same shape where it is drawn: its image then follows the drawn edges); if it is
    still invalid once projected, it is repaired there and brought back (repaired again where
    needed), a few rounds at most. Returns the geometries and a mask of those changed; the
    others are returned as they are.
    """
    result, changed = repair_polygons(geoms)
    result = result.copy()
    for attempt in range(_REPAIR_ROUNDS):
        usable = ~(shapely.is_missing(result) | shapely.is_empty(result))
        projected = np.where(usable, result, None)
        projected[usable] = shapely.transform(result[usable], forward)
        bad = usable & ~shapely.is_valid(projected)
        if not bad.any():
            break
        if attempt == 0:
            xmin, ymin, xmax, ymax = shapely.bounds(result[bad]).T
            step = np.hypot(xmax - xmin, ymax - ymin) / _DENSIFY_STEPS
            result[bad] = shapely.segmentize(result[bad], step)
        else:
            fixed, _ = repair_polygons(projected[bad])
            result[bad], _ = repair_polygons(shapely.transform(fixed, backward))
        changed = changed | bad
    return result, changed


def repair_after_projection(labels: Sequence[str], own_valid, projected, own_crs: str, working_crs: str):
    """Polygons that are valid in their own CRS but not once projected to the working CRS,
    repaired there, with one warning each; ``labels`` name the features ("sector 'NE-01'
    (feature 3)"). Geometries invalid in their own CRS are left to the caller. Raises
    :class:`~.errors.InputError` for a geometry with no area left after the repair.
    """
    projected = np.asarray(projected, dtype=object)
    usable = ~(shapely.is_missing(projected) | shapely.is_empty(projected))
    broken = usable & np.asarray(own_valid, dtype=bool) & ~shapely.is_valid(np.where(usable, projected, None))
    result = projected.copy()
    warnings = []
    for k in np.flatnonzero(broken):
        fixed, _ = repair_polygons(projected[k : k + 1])
        where = {
            "feature": labels[k],
            "own_crs": own_crs,
            "working_crs": working_crs,
            "reason": invalid_reason(projected[k]),
        }
        if shapely.is_empty(fixed[0]) or shapely.area(fixed[0]) <= 0:
            raise InputError(
                tr(
                    "{feature} is valid in {own_crs} but not once projected to {working_crs} "
                    "({reason}) and cannot be repaired: no area is left. "
                    "Redraw it, or give the layer in a metric CRS.",
                    **where,
                )
            )
        result[k] = fixed[0]
        warnings.append(
            tr(
                "{feature} is valid in {own_crs} but not once projected to {working_crs}, the metric "
                "CRS it is computed in ({reason}); it was repaired there (make "
                "valid, area {area_before} → {area_after}).",
                area_before=format_area(shapely.area(projected[k])),
                area_after=format_area(shapely.area(fixed[0])),
                **where,
            )
        )
    return result, warnings
