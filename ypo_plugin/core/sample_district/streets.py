"""Street blocks: the faces of one noded line network.

The blocks are the faces of ONE noded line network (the Voronoi edges of
jittered street grids, one grid per neighbourhood, the barriers and the
outline), with slivers merged into a neighbour. Neighbouring blocks
therefore share exactly the same vertices: districts and exposed areas are
exact unions of blocks, and barriers run along block edges.
:class:`Segments` keeps every boundary segment once, with the block on
either side and the barrier it lies on.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon

from ..lazy import lazy_module
from ..union_find import UnionFind
from .area import BARRIERS, UrbanityField

spatial = lazy_module("scipy.spatial")

# Geometry of the street blocks.
HOOD_SPACING_M = 900.0  # neighbourhoods: patches with one street grid orientation
GRID_JITTER = 0.1  # of the block spacing
SUBURB_BLOCK_SCALE = 1.4  # suburban blocks are up to (1 + this) times as long as inner-city ones
EDGE_BLOCKS = 5.0  # measured; see _spacing_scale
SLIVER_AREA_M2 = 300.0
SLIVER_WIDTH_M = 8.0  # mean width 2·area/perimeter, for long thin faces along barriers
ON_LINE_TOLERANCE_M = 1e-6  # noded intersection points lie this close to the original lines


def block_seeds(
    rng: np.random.Generator, outline: Polygon, urbanity: UrbanityField, unit_count: int
) -> np.ndarray:
    """Seed points whose Voronoi cells look like city blocks.

    The area is divided into neighbourhoods; each has its own jittered,
    rotated, rectangular street grid, finer in the inner city than in the
    suburbs, scaled so that about ``unit_count`` points fall inside the area."""
    hoods = _jittered_lattice(rng, outline.buffer(HOOD_SPACING_M).bounds, HOOD_SPACING_M, 0.3)
    relative_spacing = 1.0 + SUBURB_BLOCK_SCALE * (1.0 - urbanity(hoods))
    spacing = _spacing_scale(outline, hoods, relative_spacing, unit_count) * relative_spacing
    angle = rng.uniform(0.0, np.pi / 2) + rng.normal(0.0, 0.3, len(hoods))
    aspect = rng.uniform(1.2, 2.2, len(hoods))
    points, hood = _hood_grids(rng, hoods, spacing, angle, aspect)

    margin = 2.0 * spacing.max() * np.sqrt(aspect.max())
    nearest_hood = spatial.cKDTree(hoods).query(points)[1]
    keep = (nearest_hood == hood) & shapely.contains_xy(outline.buffer(margin), *points.T)
    points, hood = points[keep], hood[keep]
    return _without_close_pairs(points, spacing[hood] / np.sqrt(aspect[hood]))


def _jittered_lattice(
    rng: np.random.Generator, bounds: tuple[float, float, float, float], spacing: float, jitter: float
) -> np.ndarray:
    xmin, ymin, xmax, ymax = bounds
    x, y = np.meshgrid(np.arange(xmin, xmax + spacing, spacing), np.arange(ymin, ymax + spacing, spacing))
    points = np.column_stack([x.ravel(), y.ravel()])
    return points + rng.uniform(-jitter, jitter, points.shape) * spacing


def _spacing_scale(
    outline: Polygon, hoods: np.ndarray, relative_spacing: np.ndarray, unit_count: int
) -> float:
    """Block spacing of the finest grid so that the area holds about ``unit_count`` blocks."""
    step = 50.0
    xmin, ymin, xmax, ymax = outline.bounds
    x, y = np.meshgrid(np.arange(xmin, xmax, step) + step / 2, np.arange(ymin, ymax, step) + step / 2)
    inside = shapely.contains_xy(outline, x.ravel(), y.ravel())
    samples = np.column_stack([x.ravel()[inside], y.ravel()[inside]])
    hood_area = np.bincount(spatial.cKDTree(hoods).query(samples)[1], minlength=len(hoods)) * step**2
    # Blocks cut by the outline and the barriers add about EDGE_BLOCKS·√n blocks to n seeds inside.
    seeds_inside = (np.sqrt(EDGE_BLOCKS**2 / 4.0 + unit_count) - EDGE_BLOCKS / 2.0) ** 2
    return float(np.sqrt((hood_area / relative_spacing**2).sum() / seeds_inside))


def _hood_grids(
    rng: np.random.Generator, hoods: np.ndarray, spacing: np.ndarray, angle: np.ndarray, aspect: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """A jittered rectangular grid around every neighbourhood centre, with its neighbourhood index."""
    reach = 1.5 * HOOD_SPACING_M
    points, labels = [], []
    for index, (centre, step, turn, ratio) in enumerate(zip(hoods, spacing, angle, aspect, strict=True)):
        step_x, step_y = step * np.sqrt(ratio), step / np.sqrt(ratio)
        across = np.arange(-np.ceil(reach / step_x), np.ceil(reach / step_x) + 1) * step_x
        along = np.arange(-np.ceil(reach / step_y), np.ceil(reach / step_y) + 1) * step_y
        x, y = np.meshgrid(across + rng.uniform(0, step_x), along + rng.uniform(0, step_y))
        local = np.column_stack([x.ravel(), y.ravel()])
        local += rng.uniform(-GRID_JITTER, GRID_JITTER, local.shape) * (step_x, step_y)
        rotation = np.array([[np.cos(turn), np.sin(turn)], [-np.sin(turn), np.cos(turn)]])
        points.append(centre + local @ rotation)
        labels.append(np.full(len(local), index))
    return np.concatenate(points), np.concatenate(labels)


def _without_close_pairs(points: np.ndarray, spacing: np.ndarray) -> np.ndarray:
    """Drop the later point of pairs much closer than their grids' spacing
    (where two neighbourhoods meet), which would give sliver blocks."""
    pairs = spatial.cKDTree(points).query_pairs(0.45 * spacing.max(), output_type="ndarray")
    gap = np.hypot(*(points[pairs[:, 0]] - points[pairs[:, 1]]).T)
    too_close = gap < 0.45 * np.minimum(spacing[pairs[:, 0]], spacing[pairs[:, 1]])
    keep = np.ones(len(points), dtype=bool)
    keep[pairs[too_close].max(axis=1)] = False
    return points[keep]


def network_faces(seeds: np.ndarray, outline: Polygon, barrier_lines: list[LineString]) -> np.ndarray:
    """Faces inside the outline of the noded network of Voronoi edges, barriers and outline."""
    envelope = shapely.box(*shapely.bounds(shapely.union_all([outline, *barrier_lines])))
    edges = shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=envelope, only_edges=True)
    network = shapely.node(shapely.geometrycollections([edges, outline.exterior, *barrier_lines]))
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(network)))
    inside = shapely.contains_xy(outline, *shapely.get_coordinates(shapely.point_on_surface(faces)).T)
    return faces[inside]


@dataclass(frozen=True)
class Segments:
    """The boundary segments of a set of polygons, each once, with the polygon
    on either side (``right`` is -1 on the area outline)."""

    start: np.ndarray
    end: np.ndarray
    left: np.ndarray
    right: np.ndarray
    barrier: np.ndarray  # index of the barrier the segment lies on, or -1

    @property
    def length(self) -> np.ndarray:
        """Length of each segment, in metres."""
        return np.hypot(*(self.end - self.start).T)

    def regrouped(self, group: np.ndarray) -> Segments:
        """The segments between groups of polygons (``group`` per polygon)."""
        left = group[self.left]
        right = np.where(self.right >= 0, group[np.maximum(self.right, 0)], -1)
        between = left != right
        return Segments(
            self.start[between], self.end[between], left[between], right[between], self.barrier[between]
        )

    def shared_lengths(
        self, count: int, across_barriers: bool = True
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Pairs (a, b, shared boundary length) of neighbouring polygons, both ways round."""
        shared = self.right >= 0
        if not across_barriers:
            shared &= self.barrier < 0
        a, b, length = self.left[shared], self.right[shared], self.length[shared]
        key, inverse = np.unique(np.concatenate([a * count + b, b * count + a]), return_inverse=True)
        return key // count, key % count, np.bincount(inverse, np.concatenate([length, length]))

    def merged_barriers(self, barrier_count: int) -> list[LineString]:
        """Each barrier as the merged block edges it runs along, so it shares their vertices."""
        lines = []
        for index in range(barrier_count):
            on = self.barrier == index
            pieces = shapely.linestrings(np.stack([self.start[on], self.end[on]], axis=1))
            merged = shapely.line_merge(shapely.multilinestrings(pieces))
            if merged.geom_type != "LineString":
                raise RuntimeError(f"barrier {BARRIERS[index].name} did not merge into one line")
            lines.append(merged)
        return lines


def boundary_segments(polygons: np.ndarray, barrier_lines: list[LineString]) -> Segments:
    """The unique segments of the polygons' rings; neighbours of a noded coverage
    have identical segments, which makes this exact."""
    rings, ring_polygon = shapely.get_rings(polygons, return_index=True)
    coords, ring = shapely.get_coordinates(rings, return_index=True)
    same_ring = ring[1:] == ring[:-1]
    start, end = coords[:-1][same_ring], coords[1:][same_ring]
    polygon = ring_polygon[ring[:-1][same_ring]]
    # Orient every segment the same way so both its polygons give the same key.
    flip = (start[:, 0] > end[:, 0]) | ((start[:, 0] == end[:, 0]) & (start[:, 1] > end[:, 1]))
    low = np.where(flip[:, None], end, start)
    high = np.where(flip[:, None], start, end)
    keys, inverse, counts = np.unique(np.hstack([low, high]), axis=0, return_inverse=True, return_counts=True)
    if counts.max() > 2:
        raise RuntimeError("the block network is not properly noded")
    order = np.argsort(inverse.ravel(), kind="stable")
    first = np.cumsum(counts) - counts
    left = polygon[order[first]]
    right = np.full(len(keys), -1)
    right[counts == 2] = polygon[order[first[counts == 2] + 1]]
    start, end = keys[:, :2], keys[:, 2:]
    return Segments(start, end, left, right, _barrier_of_segments(start, end, barrier_lines))


def _barrier_of_segments(start: np.ndarray, end: np.ndarray, barrier_lines: list[LineString]) -> np.ndarray:
    """Index of the barrier each segment lies on (all of it, not just an end), or -1."""
    barrier = np.full(len(start), -1)
    tree = shapely.STRtree(shapely.points((start + end) / 2))
    for index, line in enumerate(barrier_lines):
        # Querying with the line's short pieces keeps the candidates few.
        coords = shapely.get_coordinates(line)
        pieces = shapely.linestrings(np.stack([coords[:-1], coords[1:]], axis=1))
        near = np.unique(tree.query(pieces, predicate="dwithin", distance=ON_LINE_TOLERANCE_M)[1])
        shapely.prepare(line)
        on_line = shapely.dwithin(line, shapely.points(start[near]), ON_LINE_TOLERANCE_M) & shapely.dwithin(
            line, shapely.points(end[near]), ON_LINE_TOLERANCE_M
        )
        barrier[near[on_line & (barrier[near] < 0)]] = index
    return barrier


@dataclass(frozen=True)
class Blocks:
    """The street blocks: network faces with slivers merged into a neighbour."""

    geometry: np.ndarray
    segments: Segments

    @classmethod
    def from_faces(cls, faces: np.ndarray, segments: Segments) -> Blocks:
        """Blocks from the network faces and their boundary segments, slivers merged into a neighbour."""
        group = _sliver_groups(shapely.area(faces), segments)
        return cls(union_groups(faces, group), segments.regrouped(group))

    @property
    def count(self) -> int:
        """Number of blocks."""
        return len(self.geometry)

    @cached_property
    def area(self) -> np.ndarray:
        """Area of each block, in square metres."""
        return shapely.area(self.geometry)

    @cached_property
    def centre(self) -> np.ndarray:
        """A point inside each block."""
        return shapely.get_coordinates(shapely.point_on_surface(self.geometry))


def _sliver_groups(area: np.ndarray, segments: Segments) -> np.ndarray:
    """Group every sliver (a face smaller than SLIVER_AREA_M2 or thinner than
    SLIVER_WIDTH_M) with the neighbour it shares the longest edge with, never
    across a barrier; returns a group per face, numbered 0..n-1."""
    groups = UnionFind(len(area))
    while True:
        group = groups.roots()
        group_area = np.bincount(group, area, minlength=len(area))
        grouped = segments.regrouped(group)
        group_perimeter = np.bincount(
            np.concatenate([grouped.left, grouped.right[grouped.right >= 0]]),
            np.concatenate([grouped.length, grouped.length[grouped.right >= 0]]),
            minlength=len(area),
        )
        a, b, length = grouped.shared_lengths(len(area), across_barriers=False)
        small = (group_area[a] < SLIVER_AREA_M2) | (2.0 * group_area[a] < SLIVER_WIDTH_M * group_perimeter[a])
        a, b, length = a[small], b[small], length[small]
        if a.size == 0:
            return np.unique(group, return_inverse=True)[1]
        order = np.lexsort((b, -length, a))
        first = np.unique(a[order], return_index=True)[1]
        for sliver, neighbour in zip(a[order][first], b[order][first], strict=True):
            groups.attach(sliver, neighbour)


def union_groups(polygons: np.ndarray, group: np.ndarray) -> np.ndarray:
    """The union of each group's polygons; exact, as the polygons share their edges' vertices."""
    order = np.argsort(group, kind="stable")
    bounds = np.flatnonzero(np.diff(group[order])) + 1
    unions = [
        polygons[members[0]] if members.size == 1 else shapely.coverage_union_all(polygons[members])
        for members in np.split(order, bounds)
    ]
    return np.array(unions, dtype=object)
