"""Crime grid: grid cells inside every sector, with crime by type, scene and time.

Grid
----
A lattice of square or hexagonal cells of ``cell_size`` metres, anchored at
the CRS origin (so the same size gives the same lattice in every run), is
laid over the sectors and **clipped to each sector**: a lattice cell that
crosses a sector line becomes one cell per sector it touches. So every
output cell lies in exactly one sector, and the cells of a sector tile it
exactly (their areas sum to the sector's area, they do not overlap). Cells
without any incident are kept: a zero is information.

``square``
    Cell ``(col, row)`` is ``[col·size, (col+1)·size) × [row·size, (row+1)·size)``.
``hexagon``
    Pointy-topped regular hexagons; ``cell_size`` is the **flat-to-flat
    width**, which is also the distance between the centres of neighbouring
    cells (side = circumradius = ``size / √3``; area = ``√3/2 · size²``, about
    0.87 of the square cell's). Row ``r`` has its centres at
    ``y = r · 1.5 · side``, odd rows shifted east by ``size / 2``.

``cell_id`` numbers the output cells 1…N: sectors in input order, within a
sector by lattice row from north to south, and west to east within a row.

Which cell owns an incident (each incident in exactly one cell)
------------------------------------------------------------
1. **Sector**: the lowest-index sector covering the point (its boundary
   included), as in ``ypo:computemanning`` (:func:`.counting.assign_points`):
   a point on a sector line counts in the sector that comes first in the
   input. Overlapping sectors are made disjoint the same way
   (:func:`.sectors.effective_sectors`).
2. **Lattice cell**, by arithmetic on the half-open cells: for squares a point
   on a vertical cell edge belongs to the cell **east** of it, on a horizontal
   edge to the cell **north** of it (a corner: the north-east cell). For
   hexagons: the cell with the nearest centre; a point on a vertical edge goes
   to the cell east of it, on a slanted edge to the cell of the row above
   (north).
3. If the piece of that lattice cell inside the point's sector does not cover
   the point (only possible on the sector's own boundary, e.g. a sector line
   running along a grid line), the point goes to the **lowest cell_id of its
   sector covering it**; if floating-point rounding of the clipped outline
   leaves it a hair outside every cell of its sector, to the nearest one.

Time
----
Time bands are half-open intervals of the wall-clock hour:
``band_07_15`` = [07:00, 15:00), ``band_15_23`` = [15:00, 23:00),
``band_23_07`` = [23:00, 07:00). So 07:00:00 exactly is in ``band_07_15``,
15:00:00 in ``band_15_23``, 23:00:00 in ``band_23_07``, and 06:59:59 in
``band_23_07``. An incident without a time of day (a date alone, an empty
time, or no valid date at all; see :mod:`.incident_dates`) is in no band but
in ``band_unknown``, so ``band_07_15 + band_15_23 + band_23_07 + band_unknown
= crimes_total`` in every cell and sector. ``weekday`` counts Monday–Friday,
``weekend`` Saturday and Sunday, by the calendar date of the incident
(Saturday 01:00 is weekend; a date without a time has its weekday too).
In the time table, ``weekday`` is the ISO day number, 1 = Monday … 7 = Sunday;
it holds the incidents with a time of day.

Nothing lost
------------
``crimes_in_period`` counts the incidents whose date lies in the period;
each of them is in exactly one cell or counted in ``crimes_outside`` (in no
sector, or without a location)::

    cells.crimes_total.sum() + crimes_outside == crimes_in_period

With an open period, incidents without a valid date are in the period: they
count in ``crimes_total`` and ``band_unknown`` but in no time band,
weekday/weekend or time-table row (``crimes_undated`` says how many; a
warning is given).

Comparison period
-----------------
With a comparison period, each cell and each sector also gets
``compare_total`` (incidents in the comparison period), ``change`` =
``crimes_total − compare_total`` and ``change_pct`` = ``100 · change /
compare_total`` (NaN when ``compare_total`` is 0).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import shapely

from .counting import OUTSIDE, assign_points
from .crime_types import (
    CRIME_TYPE_FIELDS,
    CRIME_TYPES,
    CrimeTypeMap,
    IncidentSource,
    ParsedDateTimes,
    Period,
    dates_in_period,
    without_location_warnings,
)
from .errors import About, InputError
from .geometry import intersection
from .lazy import lazy_module
from .progress import (
    CancelCheck,
    ProgressCallback,
    never_cancelled,
    no_progress,
    raise_if_cancelled,
    scaled,
)
from .sectors import checked_sectors, effective_sectors, overlap_warnings

gpd = lazy_module("geopandas")
pd = lazy_module("pandas")

GRID_TYPES: tuple[str, ...] = ("square", "hexagon")
TIME_BANDS: tuple[str, ...] = ("band_07_15", "band_15_23", "band_23_07")
BAND_UNKNOWN = "band_unknown"
"""Incidents without a time of day: in no time band."""
DAY_KINDS: tuple[str, ...] = ("weekday", "weekend")
COMPARE_FIELDS: tuple[str, ...] = ("compare_total", "change", "change_pct")
CELL_FIELDS: tuple[str, ...] = (
    "sector_id",
    "cell_id",
    "crimes_total",
    *CRIME_TYPE_FIELDS,
    *TIME_BANDS,
    BAND_UNKNOWN,
    *DAY_KINDS,
)
"""Fields of the cell output; :data:`COMPARE_FIELDS` follow with a comparison period."""
SECTOR_FIELDS: tuple[str, ...] = ("sector_id", "cells", "crimes_total", *CRIME_TYPE_FIELDS, BAND_UNKNOWN)
TIME_TABLE_FIELDS: tuple[str, ...] = ("sector_id", "weekday", "hour", "crimes")
PLACE_FIELDS: tuple[str, ...] = ("sector_id", "place", "crimes")
WEEKDAY_NAMES: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

DEFAULT_CELL_SIZE = 250.0
DEFAULT_MAX_CELLS = 1_000_000
"""Upper limit on lattice cells over the sectors' bounding boxes: more means the cell size is too small."""


_SQRT3 = math.sqrt(3.0)
_NO_CELL = -1


# --- the lattice ------------------------------------------------------------


@dataclass(frozen=True)
class Lattice:
    """Square or hexagonal cells of ``size`` metres anchored at the origin (see module docstring)."""

    kind: str
    size: float

    def __post_init__(self):
        if self.kind not in GRID_TYPES:
            raise InputError(
                f"Grid type '{self.kind}' is unknown; use one of {', '.join(GRID_TYPES)}.",
                about=About.GRID_TYPE,
            )
        if not (math.isfinite(self.size) and self.size > 0):
            raise InputError(
                f"The cell size must be a positive number of metres (got {self.size}).", about=About.CELL_SIZE
            )

    @property
    def side(self) -> float:
        """Side of a hexagon (its circumradius); the side of a square."""
        return self.size / _SQRT3 if self.kind == "hexagon" else self.size

    @property
    def cell_area(self) -> float:
        return self.size * self.size * (_SQRT3 / 2.0 if self.kind == "hexagon" else 1.0)

    def cells_in_box(self, box: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
        """Columns and rows of (a small superset of) the lattice cells meeting ``box``."""
        xmin, ymin, xmax, ymax = (float(v) for v in box)
        cols, rows = self._ranges(xmin, ymin, xmax, ymax)
        col, row = np.meshgrid(np.arange(cols[0], cols[1] + 1), np.arange(rows[0], rows[1] + 1))
        return col.ravel(), row.ravel()

    def count_in_box(self, box: Sequence[float]) -> int:
        xmin, ymin, xmax, ymax = (float(v) for v in box)
        cols, rows = self._ranges(xmin, ymin, xmax, ymax)
        return (cols[1] - cols[0] + 1) * (rows[1] - rows[0] + 1)

    def _ranges(self, xmin, ymin, xmax, ymax) -> tuple[tuple[int, int], tuple[int, int]]:
        s = self.size
        if self.kind == "square":
            c0, r0 = math.floor(xmin / s), math.floor(ymin / s)
            return (c0, max(c0, math.ceil(xmax / s) - 1)), (r0, max(r0, math.ceil(ymax / s) - 1))
        side, row_step = self.side, 1.5 * self.side
        return (
            (math.floor(xmin / s) - 1, math.ceil(xmax / s)),
            (math.floor((ymin - side) / row_step), math.ceil((ymax + side) / row_step)),
        )

    def polygons(self, cols: np.ndarray, rows: np.ndarray) -> np.ndarray:
        """The cell polygons. Neighbours share exactly the same vertex coordinates."""
        cols = np.asarray(cols, dtype=np.int64)
        rows = np.asarray(rows, dtype=np.int64)
        if self.kind == "square":
            s = self.size
            return shapely.box(cols * s, rows * s, (cols + 1) * s, (rows + 1) * s)
        # Vertices on a lattice of half-widths (x) and half-sides (y), so that
        # shared vertices are computed by the same expression.
        half_w, half_side = self.size / 2.0, self.side / 2.0
        k = 2 * cols + (rows % 2)  # centre x in half-widths
        m = 3 * rows  # centre y in half-sides
        dk = np.array([0, -1, -1, 0, 1, 1, 0])
        dm = np.array([2, 1, -1, -2, -1, 1, 2])
        x = (k[:, None] + dk[None, :]) * half_w
        y = (m[:, None] + dm[None, :]) * half_side
        return shapely.polygons(np.stack([x, y], axis=-1))

    def cell_of(self, xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Column and row of the lattice cell owning each point (half-open rule, module docstring)."""
        col, row, _ = self.locate(xy)
        return col, row

    def locate(self, xy: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Column and row of each point's lattice cell, and whether the point lies strictly
        inside it (clear of its boundary by more than rounding error)."""
        xy = np.asarray(xy, dtype=float).reshape(-1, 2)
        x, y = xy[:, 0], xy[:, 1]
        s = self.size
        if self.kind == "square":
            col, row = np.floor(x / s).astype(np.int64), np.floor(y / s).astype(np.int64)
            # The same expressions as the cell polygons' vertices: exact comparisons.
            strict = (col * s < x) & (x < (col + 1) * s) & (row * s < y) & (y < (row + 1) * s)
            return col, row, strict
        half_w, half_side = s / 2.0, self.side / 2.0
        lower = np.floor(y / (3.0 * half_side)).astype(np.int64)
        candidates = []
        for row in (lower + 1, lower):  # upper row first: it wins ties (north)
            odd = row % 2
            col = np.floor((x - odd * half_w) / s + 0.5).astype(np.int64)
            dx = x - (2 * col + odd) * half_w
            dy = y - (3 * row) * half_side
            candidates.append((col, row, dx * dx + dy * dy, np.abs(dx)))
        (c_up, r_up, d_up, dx_up), (c_low, r_low, d_low, dx_low) = candidates
        lower_wins = d_low < d_up
        col = np.where(lower_wins, c_low, c_up)
        row = np.where(lower_wins, r_low, r_up)
        margin = _STRICT_MARGIN * s
        strict = (np.abs(d_low - d_up) > margin * s) & (np.where(lower_wins, dx_low, dx_up) < half_w - margin)
        return col, row, strict


_STRICT_MARGIN = 1e-9
"""Relative clearance from a cell edge below which a point is treated as on the edge."""


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
            self.table = np.full(size, _NO_CELL, dtype=np.int32)
            self.table[keys] = values
            self.sorted_keys = None
        else:
            order = np.argsort(keys, kind="stable")
            self.table, self.sorted_keys = np.asarray(values)[order], keys[order]

    def _keys(self, sector, col, row):
        return (sector * self.height + (row - self.r0)) * self.width + (col - self.c0)

    def get(self, sector: np.ndarray, col: np.ndarray, row: np.ndarray) -> np.ndarray:
        """The value of each key; −1 where there is none."""
        result = np.full(len(col), _NO_CELL, dtype=np.int64)
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
            result[inside] = np.where(self.sorted_keys[at] == keys, self.table[at], _NO_CELL)
        return result


# --- cells clipped to the sectors -------------------------------------------


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
            f"A cell size of {lattice.size:g} m is too small for the sectors: it makes about {count:,} "
            f"grid cells (at most {max_cells:,} are allowed). Choose a cell size of at least "
            f"{suggested:g} m, or run the grid on fewer sectors at a time.",
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


# --- incidents into cells ---------------------------------------------------


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
    cell = np.full(len(xy), _NO_CELL, dtype=np.int64)
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
    on the same sectors as ``cells``). See the module docstring for the rule.
    ``col``/``row`` are the points' lattice cells when already known.
    """
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    sector_index = np.asarray(sector_index, dtype=np.int64)
    result = np.full(len(xy), _NO_CELL, dtype=np.int64)
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
            result[points[outside]] = _NO_CELL
        raise_if_cancelled(is_cancelled)

    lost = todo[result[todo] < 0]
    if len(lost):
        result[lost] = _cell_covering(xy[lost], sector_index[lost], cells)
    return result


def _cell_covering(xy: np.ndarray, sector: np.ndarray, cells: GridCells) -> np.ndarray:
    """Lowest-index cell of the point's sector covering it; else the nearest cell of that sector."""
    points = shapely.points(xy)
    result = np.full(len(xy), _NO_CELL, dtype=np.int64)
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


# --- time -------------------------------------------------------------------


@dataclass(frozen=True)
class TimeParts:
    """Per date-time: ``hour`` 0–23, ``day`` 0 = Monday … 6 = Sunday, ``band`` index into
    :data:`TIME_BANDS`; all −1 where the date-time is NaT, ``hour`` and ``band`` −1 where
    the time of day is unknown."""

    hour: np.ndarray
    day: np.ndarray
    band: np.ndarray


def time_parts(datetimes: np.ndarray, timed: np.ndarray | None = None) -> TimeParts:
    """Hour, weekday and time band of wall-clock date-times (half-open bands, module docstring);
    ``timed`` says which have a time of day (default: all valid ones)."""
    values = np.asarray(datetimes).astype("datetime64[s]")
    valid = ~np.isnat(values)
    clock = valid if timed is None else valid & np.asarray(timed, dtype=bool)
    seconds = np.where(valid, values.astype(np.int64), 0)
    days = np.floor_divide(seconds, 86400)
    hour = (seconds - days * 86400) // 3600
    day = (days + 3) % 7  # 1970-01-01 was a Thursday
    band = np.where((hour >= 7) & (hour < 15), 0, np.where((hour >= 15) & (hour < 23), 1, 2))
    return TimeParts(
        np.where(clock, hour, -1).astype(np.int64),
        np.where(valid, day, -1).astype(np.int64),
        np.where(clock, band, -1).astype(np.int64),
    )


# --- the whole computation --------------------------------------------------


@dataclass(frozen=True)
class CrimeGridInput:
    """Incidents: N×2 coordinates in the sectors' metric CRS (NaN without location),
    raw crime-type values, raw dates or date-times (text, datetimes or datetime64;
    see :mod:`.incident_dates`), optional scene (place) values and optional
    times of day (which then replace the dates' own times)."""

    xy: np.ndarray
    types: Sequence[Any]
    datetimes: Sequence[Any]
    places: Sequence[Any] | None = None
    times: Sequence[Any] | None = None


@dataclass(frozen=True)
class CrimeGridSettings:
    """Parameters of :func:`compute_crime_grid` (defaults as in ``ypo:crimegrid``)."""

    cell_size: float = DEFAULT_CELL_SIZE
    grid_type: str = "square"
    crime_type_map: CrimeTypeMap = field(default_factory=CrimeTypeMap.default)
    period: Period = field(default_factory=Period)
    compare: Period | None = None
    date_format: str | None = None
    max_cells: int = DEFAULT_MAX_CELLS
    incident_source: IncidentSource = IncidentSource()


@dataclass
class CrimeGridResult:
    """The cells and tables, and the totals that make every incident accountable.

    ``cells``: GeoDataFrame with :data:`CELL_FIELDS` (+ :data:`COMPARE_FIELDS`)
    and the cell geometry. ``sectors``: per-sector totals (:data:`SECTOR_FIELDS`
    + comparison). ``time_table``: every sector × weekday (1–7) × hour (0–23).
    ``places``: every sector × place found in the period (None = no place).
    ``crimes_without_time``: incidents in the cells without a time of day
    (``band_unknown``). ``dates`` and ``in_period``: every input incident's parsed
    date-time and whether it lies in the period.
    """

    cells: gpd.GeoDataFrame
    sectors: pd.DataFrame
    time_table: pd.DataFrame
    places: pd.DataFrame
    crimes_input: int
    crimes_in_period: int
    crimes_outside: int
    crimes_without_location: int
    crimes_undated: int
    compare_in_period: int | None
    compare_outside: int | None
    unknown_crime_types: dict[str, int]
    invalid_dates: dict[str, int]
    warnings: list[str]
    crimes_without_time: int = 0
    dates: ParsedDateTimes | None = None
    in_period: np.ndarray | None = None


def compute_crime_grid(
    sector_ids: Sequence[Any],
    sector_geometries: np.ndarray,
    crimes: CrimeGridInput,
    settings: CrimeGridSettings | None = None,
    crs: Any = None,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> CrimeGridResult:
    """Grid cells clipped to the sectors, with crime counts (see module docstring).

    Sector geometries and incident coordinates must be in the same metric CRS;
    ``crs`` is only attached to the output cells.
    """
    settings = settings or CrimeGridSettings()
    lattice = Lattice(settings.grid_type, float(settings.cell_size))
    ids, geometries = checked_sectors(sector_ids, sector_geometries)
    warnings: list[str] = []
    effective, overlaps = effective_sectors(geometries, ids)
    warnings += overlap_warnings(overlaps, "belongs to")
    check_cell_count(effective, lattice, settings.max_cells)

    xy = np.asarray(crimes.xy, dtype=float).reshape(-1, 2)
    n = len(xy)
    parsed, in_period = dates_in_period(crimes, settings, warnings)
    types = np.asarray(crimes.types, dtype=object)
    if len(parsed.values) != n or len(types) != n:
        raise InputError("The incidents need one crime type and one date-time each.", about=About.CRIMES)
    in_compare = (
        settings.compare.contains(parsed.values) if settings.compare is not None else np.zeros(n, dtype=bool)
    )
    undated_all = np.isnat(parsed.values)

    cells = build_cells(effective, lattice, settings.max_cells, scaled(progress, 0, 40), is_cancelled)
    # Locate only the incidents that count in either period.
    wanted = in_period | in_compare
    if wanted.all():
        sector, cell = locate_incidents(xy, effective, cells, scaled(progress, 40, 85), is_cancelled)
    else:
        wanted = np.flatnonzero(wanted)
        sector = np.full(n, OUTSIDE, dtype=np.int64)
        cell = np.full(n, _NO_CELL, dtype=np.int64)
        sector[wanted], cell[wanted] = locate_incidents(
            xy[wanted], effective, cells, scaled(progress, 40, 85), is_cancelled
        )
    raise_if_cancelled(is_cancelled)
    progress(90.0)

    classified = settings.crime_type_map.classify(types[in_period])
    type_code = np.full(n, -1, dtype=np.int64)
    type_code[in_period] = classified.codes
    times = time_parts(parsed.values, parsed.timed)

    period_cell = np.where(in_period, cell, _NO_CELL)
    n_cells = len(cells)
    table = _cell_counts(period_cell, type_code, times, n_cells)
    without_location = int((in_period & ~np.isfinite(xy).all(axis=1)).sum())
    crimes_in_period = int(in_period.sum())
    crimes_outside = crimes_in_period - int((period_cell >= 0).sum())
    undated = int((in_period & undated_all & (period_cell >= 0)).sum())
    without_time = int(table[BAND_UNKNOWN].sum()) - undated
    warnings += without_location_warnings(without_location)
    if undated:
        warnings.append(
            f"CRIMES: {undated} incidents have no valid date-time; they count in crimes_total "
            f"and {BAND_UNKNOWN} but in no time band, weekday/weekend or time-table row."
        )
    if without_time:
        warnings.append(
            f"CRIMES: {without_time} incidents have a date but no time of day; they count in "
            f"{BAND_UNKNOWN}, in no time band and in no hour of the time table. Give TIME_FIELD "
            "if the time is in a field of its own."
        )
    warnings += classified.warnings()

    sector_table = pd.DataFrame({"sector_id": ids, "cells": np.bincount(cells.sector, minlength=len(ids))})
    period_sector = np.where(period_cell >= 0, sector, OUTSIDE)
    sector_table["crimes_total"] = np.bincount(period_sector[period_sector >= 0], minlength=len(ids))
    for j, name in enumerate(CRIME_TYPE_FIELDS):
        keep = (period_sector >= 0) & (type_code == j)
        sector_table[name] = np.bincount(period_sector[keep], minlength=len(ids))
    no_time = (period_sector >= 0) & (times.band < 0)
    sector_table[BAND_UNKNOWN] = np.bincount(period_sector[no_time], minlength=len(ids))

    compare_in_period = compare_outside = None
    if settings.compare is not None:
        compare_cell = np.where(in_compare, cell, _NO_CELL)
        compare_in_period = int(in_compare.sum())
        compare_outside = compare_in_period - int((compare_cell >= 0).sum())
        per_cell = np.bincount(compare_cell[compare_cell >= 0], minlength=n_cells)
        _add_change(table, per_cell)
        compare_sector = np.where(compare_cell >= 0, sector, OUTSIDE)
        _add_change(sector_table, np.bincount(compare_sector[compare_sector >= 0], minlength=len(ids)))

    table.insert(0, "sector_id", ids[cells.sector] if n_cells else np.array([], dtype=object))
    table.insert(1, "cell_id", np.arange(1, n_cells + 1, dtype=np.int64))
    cell_frame = gpd.GeoDataFrame(table, geometry=cells.geometry, crs=crs)
    progress(100.0)
    return CrimeGridResult(
        cells=cell_frame,
        sectors=sector_table,
        time_table=_time_table(ids, period_sector, times),
        places=_place_table(ids, period_sector, crimes.places, n),
        crimes_input=n,
        crimes_in_period=crimes_in_period,
        crimes_outside=crimes_outside,
        crimes_without_location=without_location,
        crimes_undated=undated,
        compare_in_period=compare_in_period,
        compare_outside=compare_outside,
        unknown_crime_types=classified.unknown,
        invalid_dates=parsed.invalid,
        warnings=warnings,
        crimes_without_time=without_time,
        dates=parsed,
        in_period=in_period,
    )


def _cell_counts(cell: np.ndarray, type_code: np.ndarray, times: TimeParts, n_cells: int) -> pd.DataFrame:
    inside = cell >= 0
    table = pd.DataFrame({"crimes_total": np.bincount(cell[inside], minlength=n_cells)})
    typed = inside & (type_code >= 0)
    per_type = np.bincount(cell[typed] * 6 + type_code[typed], minlength=n_cells * 6).reshape(n_cells, 6)
    for j, name in enumerate(CRIME_TYPE_FIELDS):
        table[name] = per_type[:, j]
    timed = inside & (times.band >= 0)
    per_band = np.bincount(cell[timed] * 3 + times.band[timed], minlength=n_cells * 3).reshape(n_cells, 3)
    for j, name in enumerate(TIME_BANDS):
        table[name] = per_band[:, j]
    table[BAND_UNKNOWN] = np.bincount(cell[inside & (times.band < 0)], minlength=n_cells)
    dated = inside & (times.day >= 0)
    weekend = (times.day[dated] >= 5).astype(np.int64)
    per_day_kind = np.bincount(cell[dated] * 2 + weekend, minlength=n_cells * 2).reshape(n_cells, 2)
    for j, name in enumerate(DAY_KINDS):
        table[name] = per_day_kind[:, j]
    return table.astype(np.int64)


def _add_change(table: pd.DataFrame, compare: np.ndarray) -> None:
    """``compare_total``, ``change`` and ``change_pct`` (NaN without comparison crimes)."""
    table["compare_total"] = compare.astype(np.int64)
    table["change"] = table["crimes_total"].to_numpy() - table["compare_total"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        table["change_pct"] = np.where(
            compare > 0, 100.0 * table["change"].to_numpy() / np.maximum(compare, 1), np.nan
        )


def _time_table(ids: np.ndarray, sector: np.ndarray, times: TimeParts) -> pd.DataFrame:
    """Every sector × weekday (1 = Monday … 7 = Sunday) × hour, in that order."""
    n = len(ids)
    keep = (sector >= 0) & (times.hour >= 0)
    counts = np.bincount(
        (sector[keep] * 7 + times.day[keep]) * 24 + times.hour[keep], minlength=n * 7 * 24
    ).astype(np.int64)
    return pd.DataFrame(
        {
            "sector_id": np.repeat(ids, 7 * 24),
            "weekday": np.tile(np.repeat(np.arange(1, 8), 24), n).astype(np.int64),
            "hour": np.tile(np.arange(24), n * 7).astype(np.int64),
            "crimes": counts,
        }
    )


def _place_table(ids: np.ndarray, sector: np.ndarray, places: Sequence[Any] | None, n: int) -> pd.DataFrame:
    """Every sector × place found among the counted incidents (alphabetical; no place, None, last).

    Places are compared as written (as text); empty text and nulls are "no place".
    """
    keep = sector >= 0
    if places is None:
        values = np.full(int(keep.sum()), None, dtype=object)
    else:
        values = np.asarray(places, dtype=object)
        if len(values) != n:
            raise InputError("The incidents need one place value each.", about=About.CRIMES)
        values = values[keep]
    # Distinct values first (fast), then their names: a million incidents, a few dozen places.
    raw_codes, raw_distinct = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    raw_names = np.array([None if _blank(v) else str(v) for v in raw_distinct] + [None], dtype=object)
    names = sorted({name for name in raw_names if name is not None})
    code_of_name = {name: j for j, name in enumerate(names)}
    no_place = len(names)
    recode = np.array([code_of_name.get(name, no_place) for name in raw_names], dtype=np.int64)
    codes = recode[raw_codes]  # raw code -1 (null) picks the extra last slot: no place
    n_places = no_place + 1
    counts = np.bincount(sector[keep] * n_places + codes, minlength=len(ids) * n_places).astype(np.int64)
    table = pd.DataFrame(
        {
            "sector_id": np.repeat(ids, n_places),
            "place": np.tile(np.array(names + [None], dtype=object), len(ids)),
            "crimes": counts,
        }
    )
    if not (codes == no_place).any():  # every incident has a place: no "no place" rows
        table = table[table["place"].notna()]
    return table.reset_index(drop=True)


def _blank(value: Any) -> bool:
    """Null, NaN or empty text."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


__all__ = [
    "BAND_UNKNOWN",
    "CELL_FIELDS",
    "COMPARE_FIELDS",
    "CRIME_TYPES",
    "DAY_KINDS",
    "GRID_TYPES",
    "PLACE_FIELDS",
    "SECTOR_FIELDS",
    "TIME_BANDS",
    "TIME_TABLE_FIELDS",
    "WEEKDAY_NAMES",
    "CrimeGridInput",
    "CrimeGridResult",
    "CrimeGridSettings",
    "GridCells",
    "Lattice",
    "TimeParts",
    "assign_cells",
    "build_cells",
    "locate_incidents",
    "check_cell_count",
    "compute_crime_grid",
    "count_lattice_cells",
    "time_parts",
]
