"""Fast assignment of points (incidents, population points) to sector polygons.

Rule: a point belongs to the **lowest-index polygon that covers it** (interior
or boundary). So a point on the line shared by two sectors, or inside the part
where two sectors overlap, is counted exactly once, in the sector that comes
first in the input order. Points outside every polygon, and points with
missing (NaN) coordinates, get index ``-1``.

How it is fast: the points are bucketed once into a regular grid over the
polygons' extent (a radix sort on 16-bit cell keys). For each polygon only the
still-unassigned points in the grid cells under its bounding box are tested,
with GEOS's prepared point-in-polygon test on raw coordinates
(``shapely.intersects_xy``), so no shapely Point objects are ever created.
"""

import numpy as np
import shapely

from .progress import (
    CancelCheck,
    ProgressCallback,
    never_cancelled,
    no_progress,
    raise_if_cancelled,
)

OUTSIDE = -1

# 256 × 256 cells: the cell key fits in 16 bits, which numpy sorts by radix.
_GRID_CELLS_PER_AXIS = 256


def coordinates_of(points: np.ndarray) -> np.ndarray:
    """N×2 array of the x, y of shapely points; NaN where a point is missing or empty."""
    points = np.asarray(points, dtype=object).copy()
    # GEOS cannot read x/y of an empty point: treat it as missing.
    points[shapely.is_empty(points)] = None
    return np.column_stack([shapely.get_x(points), shapely.get_y(points)]).reshape(-1, 2)


def assign_points(
    xy: np.ndarray,
    polygons: np.ndarray,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> np.ndarray:
    """Index of the polygon each point lies in, ``-1`` outside (see module rule).

    ``xy`` is an N×2 float array; ``polygons`` a sequence of shapely
    (multi)polygons, where missing or empty ones contain nothing.
    Returns an int64 array of length N.
    """
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    polygons = np.asarray(polygons, dtype=object)
    result = np.full(len(xy), OUTSIDE, dtype=np.int64)
    usable = ~(shapely.is_missing(polygons) | shapely.is_empty(polygons))
    if len(xy) == 0 or not usable.any():
        progress(100.0)
        return result

    buckets = _PointBuckets(xy, shapely.total_bounds(polygons[usable]))
    bounds = shapely.bounds(polygons)
    # Report about every percent: a progress bar is slow to redraw per polygon.
    report_every = max(1, len(polygons) // 100)
    for i in np.flatnonzero(usable):
        raise_if_cancelled(is_cancelled)
        candidates = buckets.in_box(bounds[i])
        candidates = candidates[result[candidates] == OUTSIDE]
        if len(candidates):
            polygon = polygons[i]
            shapely.prepare(polygon)
            inside = shapely.intersects_xy(polygon, xy[candidates, 0], xy[candidates, 1])
            result[candidates[inside]] = i
        if i % report_every == 0:
            progress(100.0 * i / len(polygons))
    progress(100.0)
    return result


def count_per_sector(
    sector_index: np.ndarray,
    n_sectors: int,
    weights: np.ndarray | None = None,
) -> np.ndarray:
    """Number (or sum of ``weights``) of points per sector; index ``-1`` is ignored."""
    sector_index = np.asarray(sector_index)
    inside = sector_index >= 0
    w = None if weights is None else np.asarray(weights, dtype=float)[inside]
    return np.bincount(sector_index[inside], weights=w, minlength=n_sectors)


def count_per_sector_and_category(
    sector_index: np.ndarray,
    category_index: np.ndarray,
    n_sectors: int,
    n_categories: int,
) -> np.ndarray:
    """n_sectors × n_categories counts; points outside or without a category (``-1``) are ignored."""
    sector_index = np.asarray(sector_index)
    category_index = np.asarray(category_index)
    keep = (sector_index >= 0) & (category_index >= 0)
    flat = sector_index[keep] * n_categories + category_index[keep]
    counts = np.bincount(flat, minlength=n_sectors * n_categories)
    return counts.reshape(n_sectors, n_categories)


class _PointBuckets:
    """Points sorted by the cell of a regular grid, for fast bounding-box look-ups."""

    def __init__(self, xy: np.ndarray, extent: np.ndarray):
        n = _GRID_CELLS_PER_AXIS
        self._x0, self._y0, x1, y1 = (float(v) for v in extent)
        # A zero-width extent (all polygons on one line) still needs a positive cell size.
        self._cell_w = max(x1 - self._x0, 1e-9) / n
        self._cell_h = max(y1 - self._y0, 1e-9) / n
        x, y = xy[:, 0], xy[:, 1]
        in_extent = (x >= self._x0) & (x <= x1) & (y >= self._y0) & (y <= y1)
        ids = np.flatnonzero(in_extent)
        col = self._col(x[ids])
        row = self._row(y[ids])
        keys = (row * n + col).astype(np.uint16)
        order = np.argsort(keys, kind="stable")
        self._ids = ids[order]
        self._starts = np.searchsorted(keys[order], np.arange(n * n + 1))

    def _col(self, x):
        return np.clip(np.floor((x - self._x0) / self._cell_w), 0, _GRID_CELLS_PER_AXIS - 1).astype(np.int64)

    def _row(self, y):
        return np.clip(np.floor((y - self._y0) / self._cell_h), 0, _GRID_CELLS_PER_AXIS - 1).astype(np.int64)

    def in_box(self, box: np.ndarray) -> np.ndarray:
        """Ids of the points in the grid cells overlapping ``box`` (xmin, ymin, xmax, ymax).

        A superset of the points inside the box: cells are computed with the same
        formula as for the points, so a point on the box edge is never missed.
        """
        c0, c1 = self._col(np.array([box[0], box[2]]))
        r0, r1 = self._row(np.array([box[1], box[3]]))
        rows = np.arange(r0, r1 + 1) * _GRID_CELLS_PER_AXIS
        starts = self._starts[rows + c0]
        ends = self._starts[rows + c1 + 1]
        return np.concatenate([self._ids[s:e] for s, e in zip(starts, ends, strict=True)])
