"""Incidents into cells: the sector and the clipped cell that own each incident, by the
rules of the package docstring (the lowest-index sector covering it, then its lattice
cell, then the sector's first cell covering it)."""

from __future__ import annotations

import numpy as np
import shapely

from ..counting import OUTSIDE, assign_points
from ..progress import CancelCheck, ProgressCallback, never_cancelled, no_progress, raise_if_cancelled, scaled
from .cells import GridCells

NO_CELL = -1
"""The cell index of an incident in no cell."""


class _KeyIndex:
    """Integer keys (sector, col, row) → value: a dense table when small, else a sorted search."""

    DENSE_LIMIT = 4_000_000  # entries: 16 MB as int32

    def __init__(self, sector: np.ndarray, col: np.ndarray, row: np.ndarray, values: np.ndarray):
        self.c0, self.r0 = int(col.min()), int(row.min())
        self.width = int(col.max()) - self.c0 + 1
        self.height = int(row.max()) - self.r0 + 1
        self.sectors = int(sector.max()) + 1
        keys = self._keys(sector, col, row)
        size = self.sectors * self.height * self.width
        if size <= self.DENSE_LIMIT:
            self.table = np.full(size, NO_CELL, dtype=np.int32)
            self.table[keys] = values
            self.sorted_keys = None
        else:
            order = np.argsort(keys, kind="stable")
            self.table, self.sorted_keys = np.asarray(values)[order], keys[order]

    def _keys(self, sector, col, row):
        return (sector * self.height + (row - self.r0)) * self.width + (col - self.c0)

    def get(self, sector: np.ndarray, col: np.ndarray, row: np.ndarray) -> np.ndarray:
        """The value of each key; −1 where there is none."""
        result = np.full(len(col), NO_CELL, dtype=np.int64)
        inside = (
            (col >= self.c0)
            & (col < self.c0 + self.width)
            & (row >= self.r0)
            & (row < self.r0 + self.height)
            & (sector >= 0)
            & (sector < self.sectors)
        )
        keys = self._keys(sector[inside], col[inside], row[inside])
        if self.sorted_keys is None:
            result[inside] = self.table[keys]
        elif len(self.sorted_keys):
            at = np.minimum(np.searchsorted(self.sorted_keys, keys), len(self.sorted_keys) - 1)
            result[inside] = np.where(self.sorted_keys[at] == keys, self.table[at], NO_CELL)
        return result


def locate_incidents(
    xy: np.ndarray,
    sectors: np.ndarray,
    cells: GridCells,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> tuple[np.ndarray, np.ndarray]:
    """Sector index and cell index (``cell_id − 1``) of each point; −1, −1 outside every sector.

    Gives the same answer as :func:`.counting.assign_points` followed by
    :func:`assign_cells`, faster: a point strictly inside a lattice cell that
    lies wholly in one sector needs no point-in-polygon test (no other sector
    can cover it), so only the rest are tested.
    """
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    sector = np.full(len(xy), OUTSIDE, dtype=np.int64)
    cell = np.full(len(xy), NO_CELL, dtype=np.int64)
    finite = np.isfinite(xy).all(axis=1)
    if not finite.any() or len(cells) == 0:
        progress(100.0)
        return sector, cell
    located = np.arange(len(xy)) if finite.all() else np.flatnonzero(finite)
    col, row, strict = cells.lattice.locate(xy if finite.all() else xy[located])
    whole = np.flatnonzero(cells.whole)
    if len(whole):
        zeros = np.zeros(len(whole), dtype=np.int64)
        whole_index = _KeyIndex(zeros, cells.col[whole], cells.row[whole], whole)
        piece = whole_index.get(np.zeros(len(located), dtype=np.int64), col, row)
        fast = strict & (piece >= 0)
        cell[located[fast]] = piece[fast]
        sector[located[fast]] = cells.sector[piece[fast]]
    else:
        fast = np.zeros(len(located), dtype=bool)
    rest = located[~fast]
    raise_if_cancelled(is_cancelled)
    sector[rest] = assign_points(xy[rest], sectors, scaled(progress, 0, 90), is_cancelled)
    cell[rest] = assign_cells(xy[rest], sector[rest], cells, is_cancelled, col[~fast], row[~fast])
    progress(100.0)
    return sector, cell


def assign_cells(
    xy: np.ndarray,
    sector_index: np.ndarray,
    cells: GridCells,
    is_cancelled: CancelCheck = never_cancelled,
    col: np.ndarray | None = None,
    row: np.ndarray | None = None,
) -> np.ndarray:
    """Index (0-based, ``cell_id − 1``) of the cell owning each point; −1 where ``sector_index`` is −1.

    ``sector_index`` is the point's sector (from :func:`.counting.assign_points`
    on the same sectors as ``cells``). See the package docstring for the rule.
    ``col``/``row`` are the points' lattice cells when already known.
    """
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    sector_index = np.asarray(sector_index, dtype=np.int64)
    result = np.full(len(xy), NO_CELL, dtype=np.int64)
    todo = np.flatnonzero(sector_index >= 0)
    if len(todo) == 0 or len(cells) == 0:
        return result
    if col is None or row is None:
        col, row = cells.lattice.cell_of(xy[todo])
    else:
        col, row = np.asarray(col)[todo], np.asarray(row)[todo]
    index = _KeyIndex(cells.sector, cells.col, cells.row, np.arange(len(cells)))
    result[todo] = index.get(sector_index[todo], col, row)
    raise_if_cancelled(is_cancelled)

    # Cut cells: check that the piece really covers the point, one prepared piece at a time.
    found = result[todo] >= 0
    on_cut = todo[found][~cells.whole[result[todo[found]]]]
    if len(on_cut):
        pieces = result[on_cut]
        order = np.argsort(pieces, kind="stable")
        on_cut, pieces = on_cut[order], pieces[order]
        bounds = np.flatnonzero(np.diff(pieces)) + 1
        for points, piece in zip(
            np.split(on_cut, bounds), pieces[np.concatenate([[0], bounds])], strict=True
        ):
            geometry = cells.geometry[piece]
            shapely.prepare(geometry)
            outside = ~shapely.intersects_xy(geometry, xy[points, 0], xy[points, 1])
            result[points[outside]] = NO_CELL
        raise_if_cancelled(is_cancelled)

    lost = todo[result[todo] < 0]
    if len(lost):
        result[lost] = _cell_covering(xy[lost], sector_index[lost], cells)
    return result


def _cell_covering(xy: np.ndarray, sector: np.ndarray, cells: GridCells) -> np.ndarray:
    """Lowest-index cell of the point's sector covering it; else the nearest cell of that sector."""
    points = shapely.points(xy)
    result = np.full(len(xy), NO_CELL, dtype=np.int64)
    point_idx, cell_idx = shapely.STRtree(cells.geometry).query(points, predicate="intersects")
    same = cells.sector[cell_idx] == sector[point_idx]
    point_idx, cell_idx = point_idx[same], cell_idx[same]
    best = np.full(len(xy), np.iinfo(np.int64).max)
    np.minimum.at(best, point_idx, cell_idx)
    covered = best < np.iinfo(np.int64).max
    result[covered] = best[covered]
    for i in np.flatnonzero(~covered):
        own = np.flatnonzero(cells.sector == sector[i])
        result[i] = own[int(np.argmin(shapely.distance(cells.geometry[own], points[i])))]
    return result
