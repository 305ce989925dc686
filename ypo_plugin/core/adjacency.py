"""Neighbour graph of base units, with shared boundary lengths.

Rules (the contract of :func:`build_adjacency`):

* **Rook adjacency.** Two units are neighbours when they share a piece of
  boundary longer than ``min_shared_length``; units touching at a single
  corner are not. The shared length of a pair is the length of one unit's
  boundary lying in or on the other unit (the mean of both directions), which
  is the common edge for a clean tessellation and stays meaningful when units
  overlap slightly. With ``gap_tolerance > 0`` units separated by a sliver gap
  narrower than the tolerance count as neighbours too.
* **Barriers.** A neighbour pair is *cut* by a barrier (railway, motorway,
  water; any line geometry) when the path from one unit's representative point
  through the middle of the shared boundary to the other unit's representative
  point meets a barrier. That covers barriers running along the shared
  boundary and barriers crossing it, and leaves alone units that a barrier
  passes through on one side only.
* **Connectivity is restored, never assumed.** When cutting barrier pairs
  splits the graph, the fewest cut pairs needed to reconnect it are put back:
  groups facing each other along the longest stretches of barrier are joined
  first (Kruskal on the total shared boundary across the barrier, longest
  first), each through the cut pair in the middle of its stretch (nearest
  the length-weighted centre of the pairs' midpoints; ties to the shorter
  path). A crossing in the middle of a stretch, rather than the shortest one
  (which tends to sit in a small face where two barriers meet), leaves room
  on both sides for the sector that has to reach across it. Units or groups
  still touching nothing (islands) are then linked to their nearest unit.
  Every such link is recorded in :attr:`Adjacency.links` with its reason so
  that callers can report it.

How the shared lengths are found (fast, and the same numbers as the rule
above): every ring of every unit is cut into its segments (consecutive
vertices of one ring; zero-length segments dropped), each segment written
with its lexicographically smaller end first, and identical segments grouped
(exact equality of the four coordinates). A segment found in exactly two
different units, with the units on opposite sides of it, is a piece of
their common edge; the pair's shared length is the sum of those pieces. A
unit is *sure* when every one of its segments is matched like that: its
whole boundary is then common edges, so no other unit can touch it without
overlapping one of its matched neighbours. Every other unit (an outer edge,
a T-junction where only one side has a vertex, an overlap, a duplicate)
is *unsure*, and so is a unit whose representative point lies in another
unit (they overlap: this catches two edge-matched tessellations laid over
each other, whose units would otherwise all look sure). Every pair that
involves an unsure unit and intersects it is measured the exact way: the
mean of the length of one unit's boundary in the other, both directions. On
a clean tessellation only the units along the outer edge are unsure; on
messy data the method falls back to the exact computation where it is
needed. With ``gap_tolerance > 0`` every pair within
the tolerance is measured the exact way against the buffered neighbour.

Indices are positions in the input sequence of geometries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import shapely

from .errors import InputError
from .geometry import intersection
from .lazy import lazy_module
from .messages import tr
from .progress import (
    CancelCheck,
    ProgressCallback,
    never_cancelled,
    no_progress,
    raise_if_cancelled,
)
from .union_find import UnionFind

sparse = lazy_module("scipy.sparse")
csgraph = lazy_module("scipy.sparse.csgraph")

LINK_BARRIER = "barrier"
LINK_NEAREST = "nearest"


@dataclass(frozen=True)
class Link:
    """A neighbour pair that is not a plain shared boundary."""

    i: int
    j: int
    reason: str  # LINK_BARRIER: re-added across a barrier; LINK_NEAREST: island link
    distance: float  # gap between the units (0 for barrier links)


@dataclass(frozen=True)
class Adjacency:
    """Undirected neighbour graph of ``n`` units.

    ``edges`` is an (m, 2) int64 array with ``i < j``, sorted, unique;
    ``lengths`` the shared boundary length of each edge (0 for island links).
    ``cut`` holds the pairs removed by barriers, with their shared lengths
    (``cut_lengths``) and the length of the path between the two units that
    crosses the barrier (``cut_distances``), kept so that connectivity can be
    restored on subsets later (see :func:`ensure_connected`). ``links`` lists the edges that are not plain
    shared boundaries.
    """

    n: int
    edges: np.ndarray
    lengths: np.ndarray
    cut: np.ndarray = field(default_factory=lambda: np.empty((0, 2), dtype=np.int64))
    cut_lengths: np.ndarray = field(default_factory=lambda: np.empty(0))
    cut_distances: np.ndarray = field(default_factory=lambda: np.empty(0))
    links: tuple[Link, ...] = ()

    def matrix(self) -> sparse.csr_matrix:
        """Symmetric sparse matrix of shared lengths (links get a tiny positive weight)."""
        weights = np.maximum(self.lengths, 1e-9)
        i, j = self.edges[:, 0], self.edges[:, 1]
        return sparse.coo_matrix(
            (np.concatenate([weights, weights]), (np.concatenate([i, j]), np.concatenate([j, i]))),
            shape=(self.n, self.n),
        ).tocsr()

    def neighbours(self) -> list[list[int]]:
        """Neighbour index lists, one per unit, in ascending order."""
        matrix = self.matrix()
        return [matrix.indices[matrix.indptr[k] : matrix.indptr[k + 1]].tolist() for k in range(self.n)]

    def components(self, members: np.ndarray | None = None) -> np.ndarray:
        """Connected-component label of each unit (of ``members`` only, if given)."""
        matrix = self.matrix()
        if members is not None:
            matrix = matrix[members][:, members]
        return csgraph.connected_components(matrix, directed=False)[1]


def build_adjacency(
    geoms: Sequence,
    barriers: Sequence | None = None,
    gap_tolerance: float = 0.0,
    min_shared_length: float | None = None,
    layer_name: str = "Base units",
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> Adjacency:
    """Rook adjacency of polygons, barriers applied, made connected (module rules).

    ``geoms``: shapely (multi)polygons in a projected CRS (a GeoSeries or
    array); a GeoSeries in a geographic CRS is refused. ``min_shared_length``
    defaults to a millionth of the median unit perimeter. Raises
    :class:`InputError` for empty input and missing, empty or invalid
    geometries, naming ``layer_name`` and the feature position.
    """
    geoms = _checked_polygons(geoms, layer_name)
    n = len(geoms)
    if min_shared_length is None:
        min_shared_length = 1e-6 * float(np.median(shapely.length(geoms)))
    with_barriers = barriers is not None and len(barriers) > 0
    i, j, lengths, middles = _shared_boundaries(geoms, gap_tolerance, with_middles=with_barriers)
    keep = lengths > min_shared_length
    i, j, lengths = i[keep], j[keep], lengths[keep]
    raise_if_cancelled(is_cancelled)
    progress(50.0)

    cut = np.zeros(len(i), dtype=bool)
    distances = np.zeros(len(i))
    if with_barriers:
        cut, distances = _barrier_cuts(geoms, i, j, middles[keep], barriers)
    adjacency = Adjacency(
        n=n,
        edges=np.column_stack([i[~cut], j[~cut]]).astype(np.int64).reshape(-1, 2),
        lengths=lengths[~cut],
        cut=np.column_stack([i[cut], j[cut]]).astype(np.int64).reshape(-1, 2),
        cut_lengths=lengths[cut],
        cut_distances=distances[cut],
    )
    raise_if_cancelled(is_cancelled)
    progress(75.0)
    adjacency = ensure_connected(adjacency, geoms)
    progress(100.0)
    return adjacency


def ensure_connected(adjacency: Adjacency, geoms: Sequence, members: np.ndarray | None = None) -> Adjacency:
    """Add the fewest links making the units in ``members`` (default: all) connected.

    Connectivity is checked on the subgraph induced by ``members``, so a
    district whose units only connect through another district gets its own
    links. First barrier-cut pairs inside ``members`` are put back (reason
    ``"barrier"``; which ones: module rules), then each remaining group is linked to the nearest
    unit of another group (reason ``"nearest"``), smallest group first.
    """
    geoms = np.asarray(geoms, dtype=object)
    members = np.arange(adjacency.n) if members is None else np.asarray(members, dtype=np.int64)
    if len(members) <= 1:
        return adjacency
    labels = adjacency.components(members)
    if labels.max() == 0:
        return adjacency

    local = np.full(adjacency.n, -1, dtype=np.int64)
    local[members] = np.arange(len(members))
    groups = UnionFind(int(labels.max()) + 1)
    new_edges: list[tuple[int, int]] = []
    new_lengths: list[float] = []
    links: list[Link] = []

    for e in _barrier_crossings(adjacency, geoms, labels, local):
        a, b = (int(v) for v in adjacency.cut[e])
        if groups.union(labels[local[a]], labels[local[b]]):
            new_edges.append((a, b))
            new_lengths.append(float(adjacency.cut_lengths[e]))
            links.append(Link(a, b, LINK_BARRIER, 0.0))

    while groups.count > 1:
        roots = np.array([groups.find(c) for c in labels])
        sizes = np.bincount(roots)
        smallest = int(np.flatnonzero(sizes == sizes[sizes > 0].min())[0])
        inside = members[roots == smallest]
        outside = members[roots != smallest]
        tree = shapely.STRtree(geoms[outside])
        (q, t), dist = tree.query_nearest(geoms[inside], return_distance=True, all_matches=False)
        best = int(np.lexsort((outside[t], inside[q], dist))[0])
        a, b = int(inside[q[best]]), int(outside[t[best]])
        groups.union(labels[local[a]], labels[local[b]])
        new_edges.append((min(a, b), max(a, b)))
        new_lengths.append(0.0)
        links.append(Link(min(a, b), max(a, b), LINK_NEAREST, float(dist[best])))

    edges = np.vstack([adjacency.edges, np.array(new_edges, dtype=np.int64).reshape(-1, 2)])
    lengths = np.concatenate([adjacency.lengths, np.array(new_lengths)])
    order = np.lexsort((edges[:, 1], edges[:, 0]))
    readded = set(new_edges)
    still_cut = np.array([(int(a), int(b)) not in readded for a, b in adjacency.cut], dtype=bool)
    return replace(
        adjacency,
        edges=edges[order],
        lengths=lengths[order],
        cut=adjacency.cut[still_cut],
        cut_lengths=adjacency.cut_lengths[still_cut],
        cut_distances=adjacency.cut_distances[still_cut],
        links=adjacency.links + tuple(links),
    )


def _barrier_crossings(
    adjacency: Adjacency, geoms: np.ndarray, labels: np.ndarray, local: np.ndarray
) -> list[int]:
    """Candidate links between groups (components ``labels`` of the local
    units): per pair of groups facing each other across barriers, the cut pair
    in the middle of the stretch they share (nearest the length-weighted centre
    of the pairs' midpoints; ties to the shorter path), ordered by the length
    of that stretch, longest first (then by the pair's path length)."""
    a, b = local[adjacency.cut[:, 0]], local[adjacency.cut[:, 1]]
    inside = np.flatnonzero((a >= 0) & (b >= 0))
    group_a, group_b = labels[a[inside]], labels[b[inside]]
    between = group_a != group_b
    inside, group_a, group_b = inside[between], group_a[between], group_b[between]
    if len(inside) == 0:
        return []
    ends = np.unique(adjacency.cut[inside].ravel())
    points = np.zeros((adjacency.n, 2))
    points[ends] = shapely.get_coordinates(shapely.point_on_surface(geoms[ends]))
    middle = 0.5 * (points[adjacency.cut[inside, 0]] + points[adjacency.cut[inside, 1]])
    length = adjacency.cut_lengths[inside] + 1e-9
    pair = np.minimum(group_a, group_b) * (labels.max() + 1) + np.maximum(group_a, group_b)
    chosen = []
    for key in np.unique(pair):
        on = np.flatnonzero(pair == key)
        centre = (middle[on] * length[on, None]).sum(axis=0) / length[on].sum()
        offset = ((middle[on] - centre) ** 2).sum(axis=1)
        best = on[np.lexsort((inside[on], adjacency.cut_distances[inside[on]], offset))[0]]
        chosen.append(
            (-float(length[on].sum()), float(adjacency.cut_distances[inside[best]]), int(inside[best]))
        )
    return [e for _, _, e in sorted(chosen)]


def _checked_polygons(geoms: Sequence, layer_name: str) -> np.ndarray:
    crs = getattr(geoms, "crs", None)
    if crs is not None and crs.is_geographic:
        raise InputError(
            tr(
                "{layer} is in a geographic CRS ({crs}); lengths and areas need "
                "metres. Reproject the layer to a projected CRS (e.g. the local UTM zone) first.",
                layer=layer_name,
                crs=crs.to_string(),
            )
        )
    array = np.asarray(getattr(geoms, "values", geoms), dtype=object)
    if len(array) == 0:
        raise InputError(tr("{layer} has no features; choose a layer with polygons.", layer=layer_name))
    bad = shapely.is_missing(array) | shapely.is_empty(array)
    if bad.any():
        raise InputError(
            tr(
                "{layer} feature {feature} has no geometry ({count} in all); remove those features or "
                "give them a polygon.",
                layer=layer_name,
                feature=int(np.flatnonzero(bad)[0]),
                count=int(bad.sum()),
            )
        )
    kinds = shapely.get_type_id(array)
    not_polygon = (kinds != shapely.GeometryType.POLYGON) & (kinds != shapely.GeometryType.MULTIPOLYGON)
    if not_polygon.any():
        first = int(np.flatnonzero(not_polygon)[0])
        raise InputError(
            tr(
                "{layer} feature {feature} is not a polygon; use a polygon layer.",
                layer=layer_name,
                feature=first,
            )
        )
    invalid = ~shapely.is_valid(array)
    if invalid.any():
        first = int(np.flatnonzero(invalid)[0])
        raise InputError(
            tr(
                "{layer} feature {feature} has an invalid geometry ({reason}; {count} invalid in all); "
                "run 'Fix geometries' on the layer first.",
                layer=layer_name,
                feature=first,
                reason=shapely.is_valid_reason(array[first]),
                count=int(invalid.sum()),
            )
        )
    return array


def _shared_boundaries(
    geoms: np.ndarray, gap_tolerance: float, with_middles: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray | None]:
    """Candidate pairs (i < j, sorted), their shared boundary length and, if asked, the middle of
    each pair's shared boundary (module rules)."""
    n = len(geoms)
    tree = shapely.STRtree(geoms)
    if gap_tolerance > 0:
        i, j = _upper_pairs(*tree.query(geoms, predicate="dwithin", distance=gap_tolerance), n)
        lengths = _overlap_lengths(geoms, shapely.buffer(geoms, gap_tolerance), i, j)
        return i, j, lengths, _overlap_middles(geoms, i, j) if with_middles else None

    first, second, common, unsure = _matched_segments(geoms, tree)
    pair, seg_pair = np.unique(np.minimum(first, second) * n + np.maximum(first, second), return_inverse=True)
    seg_pair = seg_pair.reshape(-1)
    matched_i, matched_j = pair // n, pair % n
    matched_lengths = np.bincount(seg_pair, _segment_lengths(common), len(pair))
    sure = ~(unsure[matched_i] | unsure[matched_j])

    suspects = np.flatnonzero(unsure)
    exact_i = exact_j = np.empty(0, dtype=np.int64)
    if len(suspects):
        found, other = tree.query(geoms[suspects], predicate="intersects")
        exact_i, exact_j = _upper_pairs(suspects[found], other, n)
    i = np.concatenate([matched_i[sure], exact_i])
    j = np.concatenate([matched_j[sure], exact_j])
    lengths = np.concatenate([matched_lengths[sure], _overlap_lengths(geoms, geoms, exact_i, exact_j)])
    order = np.lexsort((j, i))
    middles = None
    if with_middles:
        matched_middles = _segment_middles(common, seg_pair, len(pair))
        middles = np.concatenate([matched_middles[sure], _overlap_middles(geoms, exact_i, exact_j)])[order]
    return i[order], j[order], lengths[order], middles


def _upper_pairs(a: np.ndarray, b: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """The distinct pairs among (a, b) as (i, j), i < j, sorted."""
    low, high = np.minimum(a, b).astype(np.int64), np.maximum(a, b).astype(np.int64)
    keys = np.unique(low[low < high] * n + high[low < high])
    return keys // n, keys % n


def _overlap_lengths(geoms: np.ndarray, others: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """Mean length of one unit's boundary lying in or on the other (``others``), both directions."""
    boundaries = shapely.boundary(geoms)
    forward = shapely.length(intersection(boundaries[i], others[j]))
    backward = shapely.length(intersection(boundaries[j], others[i]))
    return 0.5 * (forward + backward)


def _ring_segments(geoms: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every non-zero segment of every ring as (x0, y0, x1, y1) with (x0, y0) the smaller end
    (lexicographically); the unit it belongs to; whether that unit lies to its left."""
    parts, unit_of_part = shapely.get_parts(geoms, return_index=True)
    rings, part_of_ring = shapely.get_rings(parts, return_index=True)
    coords, ring_of_vertex = shapely.get_coordinates(rings, return_index=True)
    # get_rings lists each polygon's exterior first. A polygon lies left of its counter-clockwise
    # exterior and right of a counter-clockwise hole.
    exterior = np.r_[True, part_of_ring[1:] != part_of_ring[:-1]]
    inside_left = shapely.is_ccw(rings) == exterior
    at = np.flatnonzero(ring_of_vertex[1:] == ring_of_vertex[:-1])
    start, end = coords[at], coords[at + 1]
    ring = ring_of_vertex[at]
    swap = (start[:, 0] > end[:, 0]) | ((start[:, 0] == end[:, 0]) & (start[:, 1] > end[:, 1]))
    segments = np.where(swap[:, None], np.hstack([end, start]), np.hstack([start, end]))
    nonzero = (start != end).any(axis=1)
    return segments[nonzero], unit_of_part[part_of_ring[ring]][nonzero], (inside_left[ring] != swap)[nonzero]


def _matched_segments(
    geoms: np.ndarray, tree: shapely.STRtree
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The common segments (:func:`_common_segments`) and the unsure units, those with any
    other segment or overlapping another unit (module rules)."""
    first, second, common, unsure = _common_segments(*_ring_segments(geoms), len(geoms))
    inner, around = tree.query(shapely.point_on_surface(geoms), predicate="intersects")
    overlapping = inner != around
    unsure[inner[overlapping]] = True
    unsure[around[overlapping]] = True
    return first, second, common, unsure


def _common_segments(
    segments: np.ndarray, owner: np.ndarray, owner_left: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The segments found in exactly two different units lying on opposite sides of them: both
    units and the segment; and which units have any other kind of segment (unsure ones)."""
    order = np.lexsort(segments.T[::-1])
    segments, owner, owner_left = segments[order], owner[order], owner_left[order]
    starts = np.flatnonzero(np.r_[True, (segments[1:] != segments[:-1]).any(axis=1)])
    sizes = np.diff(np.r_[starts, len(segments)])
    twice = starts[sizes == 2]
    first, second = owner[twice], owner[twice + 1]
    matched = (first != second) & (owner_left[twice] != owner_left[twice + 1])
    unsure = np.zeros(n, dtype=bool)
    unsure[owner[np.repeat(sizes != 2, sizes)]] = True
    unsure[first[~matched]] = True
    unsure[second[~matched]] = True
    return first[matched], second[matched], segments[twice[matched]], unsure


def _segment_lengths(segments: np.ndarray) -> np.ndarray:
    return np.hypot(segments[:, 2] - segments[:, 0], segments[:, 3] - segments[:, 1])


def _segment_middles(segments: np.ndarray, pair: np.ndarray, count: int) -> np.ndarray:
    """Per pair, the point of its common segments nearest their length-weighted centre (what
    :func:`_overlap_middles` finds on the same lines)."""
    middles = np.empty((count, 2))
    if count == 0:
        return middles
    start, step = segments[:, :2], segments[:, 2:] - segments[:, :2]
    lengths = _segment_lengths(segments)
    centre_of_pair = (
        np.column_stack(
            [np.bincount(pair, lengths * (start[:, k] + 0.5 * step[:, k]), count) for k in (0, 1)]
        )
        / np.bincount(pair, lengths, count)[:, None]
    )
    centre = centre_of_pair[pair]
    along = np.clip(((centre - start) * step).sum(axis=1) / (step * step).sum(axis=1), 0.0, 1.0)
    nearest = start + along[:, None] * step
    order = np.lexsort((((nearest - centre) ** 2).sum(axis=1), pair))
    first = order[np.r_[True, pair[order][1:] != pair[order][:-1]]]
    middles[pair[first]] = nearest[first]
    return middles


def _overlap_middles(geoms: np.ndarray, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """The middle of each pair's shared boundary: the point of it nearest its centroid (the
    midpoint of a straight shared edge); across a gap, the middle of the straight line between
    the units."""
    shared = intersection(shapely.boundary(geoms[i]), geoms[j])
    shared = np.where(shapely.is_empty(shared), shapely.shortest_line(geoms[i], geoms[j]), shared)
    return shapely.get_coordinates(
        shapely.get_point(shapely.shortest_line(shared, shapely.centroid(shared)), 0)
    )


def _barrier_cuts(
    geoms: np.ndarray, i: np.ndarray, j: np.ndarray, middles: np.ndarray, barriers: Sequence
) -> tuple[np.ndarray, np.ndarray]:
    """Which pairs a barrier separates, and the length of each pair's path (through the middle
    of the shared boundary)."""
    barriers = np.asarray(getattr(barriers, "values", barriers), dtype=object)
    barriers = barriers[~(shapely.is_missing(barriers) | shapely.is_empty(barriers))]
    inside = shapely.get_coordinates(shapely.point_on_surface(geoms))
    paths = shapely.linestrings(np.stack([inside[i], middles.reshape(-1, 2), inside[j]], axis=1))
    cut = np.zeros(len(i), dtype=bool)
    if len(barriers) and len(paths):
        hit, _ = shapely.STRtree(barriers).query(paths, predicate="intersects")
        cut[np.unique(hit)] = True
    return cut, shapely.length(paths)
