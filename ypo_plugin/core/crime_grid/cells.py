"""Grid cells clipped to the sectors: the lattice cells meeting each sector, kept whole
inside it and cut to it where they cross its boundary, and the guard against cell sizes
that would make too many of them."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely

from ..defaults import DEFAULT_MAX_CELLS
from ..errors import About, InputError
from ..geometry import intersection
from ..messages import tr
from ..progress import CancelCheck, ProgressCallback, never_cancelled, no_progress, raise_if_cancelled
from .lattice import Lattice

"""Upper limit on lattice cells over the sectors' bounding boxes: more means the cell size is too small."""


@dataclass(frozen=True)
class GridCells:
    """Grid cells clipped to disjoint sectors, in ``cell_id`` order.

    ``sector[i]`` is the index of the cell's sector, ``col``/``row`` its lattice
    cell, ``geometry`` its (multi)polygon and ``whole`` whether it is the
    complete lattice cell (not cut by the sector's boundary).
    """

    lattice: Lattice
    sector: np.ndarray
    col: np.ndarray
    row: np.ndarray
    geometry: np.ndarray
    whole: np.ndarray

    def __len__(self) -> int:
        return len(self.sector)


def count_lattice_cells(sectors: np.ndarray, lattice: Lattice) -> int:
    """How many lattice cells :func:`build_cells` examines (those meeting each sector's bounding box)."""
    sectors = np.asarray(sectors, dtype=object)
    usable = ~(shapely.is_missing(sectors) | shapely.is_empty(sectors))
    return int(sum(lattice.count_in_box(b) for b in shapely.bounds(sectors[usable])))


def check_cell_count(sectors: np.ndarray, lattice: Lattice, max_cells: int = DEFAULT_MAX_CELLS) -> int:
    """The number of lattice cells to examine; InputError when more than ``max_cells``."""
    count = count_lattice_cells(sectors, lattice)
    if count > max_cells:
        suggested = _nice_ceiling(lattice.size * math.sqrt(count / max_cells))
        raise InputError(
            tr(
                "A cell size of {size:g} m is too small for the sectors: it makes about {count:,} "
                "grid cells (at most {max_cells:,} are allowed). Choose a cell size of at least "
                "{suggested:g} m, or run the grid on fewer sectors at a time.",
                size=lattice.size,
                count=count,
                max_cells=max_cells,
                suggested=suggested,
            ),
            about=About.CELL_SIZE,
        )
    return count


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^k that is at least ``value``."""
    exponent = math.floor(math.log10(value))
    for step in (1.0, 2.0, 2.5, 5.0, 10.0):
        if step * 10**exponent >= value:
            return step * 10**exponent
    return 10.0 ** (exponent + 1)


def build_cells(
    sectors: np.ndarray,
    lattice: Lattice,
    max_cells: int = DEFAULT_MAX_CELLS,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> GridCells:
    """The lattice cells clipped to each of the (disjoint) ``sectors``.

    A lattice cell inside a sector is kept whole; one crossing the sector's
    boundary is cut to the sector (its polygonal part; pieces of zero area are
    dropped). Cells are ordered by sector, then row north to south, then
    column west to east.
    """
    sectors = np.asarray(sectors, dtype=object)
    check_cell_count(sectors, lattice, max_cells)
    parts: list[tuple[np.ndarray, ...]] = []
    report_every = max(1, len(sectors) // 50)
    for k, sector in enumerate(sectors):
        raise_if_cancelled(is_cancelled)
        if sector is None or shapely.is_empty(sector):
            continue
        cols, rows = lattice.cells_in_box(shapely.bounds(sector))
        order = np.lexsort((cols, -rows))
        cols, rows = cols[order], rows[order]
        cells = lattice.polygons(cols, rows)
        shapely.prepare(sector)
        whole = shapely.covers(sector, cells)
        cut = ~whole & shapely.intersects(sector, cells)
        geometry = cells.copy()
        geometry[cut] = _polygonal(intersection(cells[cut], sector))
        keep = whole | (cut & ~shapely.is_empty(geometry))
        keep[cut] &= shapely.area(geometry[cut]) > 0
        parts.append((np.full(int(keep.sum()), k), cols[keep], rows[keep], geometry[keep], whole[keep]))
        if k % report_every == 0:
            progress(100.0 * (k + 1) / len(sectors))
    progress(100.0)
    if not parts:
        empty = np.array([], dtype=np.int64)
        return GridCells(lattice, empty, empty, empty, np.array([], dtype=object), np.array([], dtype=bool))
    sector, col, row, geometry, whole = (np.concatenate(column) for column in zip(*parts, strict=True))
    return GridCells(lattice, sector.astype(np.int64), col, row, geometry, whole.astype(bool))


def _polygonal(geometries: np.ndarray) -> np.ndarray:
    """The polygonal part of each geometry (lines and points of an intersection dropped)."""
    geometries = np.asarray(geometries, dtype=object)
    result = geometries.copy()
    mixed = np.flatnonzero(~np.isin(shapely.get_type_id(geometries), (3, 6)))
    if len(mixed) == 0:
        return result
    result[mixed] = shapely.from_wkt(np.full(len(mixed), "POLYGON EMPTY", dtype=object))
    parts, index = shapely.get_parts(geometries[mixed], return_index=True)
    polygons = shapely.get_type_id(parts) == 3
    if polygons.any():
        owners, compact = np.unique(index[polygons], return_inverse=True)
        united = shapely.multipolygons(parts[polygons], indices=compact)
        single = shapely.get_num_geometries(united) == 1
        united[single] = shapely.get_geometry(united[single], 0)
        result[mixed[owners]] = united
    return result
