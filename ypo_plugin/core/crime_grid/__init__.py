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
   included), as in ``ypo:computemanning`` (:func:`..counting.assign_points`):
   a point on a sector line counts in the sector that comes first in the
   input. Overlapping sectors are made disjoint the same way
   (:func:`..sectors.effective_sectors`).
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
time, or no valid date at all; see :mod:`..incident_dates`) is in no band but
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

Modules
-------
``lattice``
    :class:`Lattice`: the square or hexagonal cells anchored at the origin, and which
    lattice cell owns a point.
``cells``
    :class:`GridCells` and :func:`build_cells`: the lattice cells clipped to the sectors;
    :func:`check_cell_count` refuses a cell size that makes too many.
``locate``
    :func:`locate_incidents` and :func:`assign_cells`: the sector and cell owning each incident.
``time_bands``
    :func:`time_parts`: the time band, weekday and hour of each incident.
``tables``
    The field names of the outputs and the counts per cell, sector, weekday × hour and place,
    with the change against a comparison period.
``grid``
    :func:`compute_crime_grid`, the entry point, with :class:`CrimeGridInput`,
    :class:`CrimeGridSettings` and :class:`CrimeGridResult`.
"""

from ..crime_types import CRIME_TYPES
from ..defaults import DEFAULT_CELL_SIZE, DEFAULT_MAX_CELLS, GRID_TYPES
from .cells import GridCells, build_cells, check_cell_count, count_lattice_cells
from .grid import CrimeGridInput, CrimeGridResult, CrimeGridSettings, compute_crime_grid
from .lattice import Lattice
from .locate import assign_cells, locate_incidents
from .tables import CELL_FIELDS, COMPARE_FIELDS, PLACE_FIELDS, SECTOR_FIELDS, TIME_TABLE_FIELDS
from .time_bands import BAND_UNKNOWN, DAY_KINDS, TIME_BANDS, WEEKDAY_NAMES, TimeParts, time_parts

__all__ = [
    "BAND_UNKNOWN",
    "CELL_FIELDS",
    "COMPARE_FIELDS",
    "CRIME_TYPES",
    "DEFAULT_CELL_SIZE",
    "DEFAULT_MAX_CELLS",
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
