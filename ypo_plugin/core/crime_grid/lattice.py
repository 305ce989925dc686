"""The lattice: square or hexagonal cells of a fixed size anchored at the CRS origin, and
which lattice cell owns a point (the package docstring gives the geometry and the rules)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from ..defaults import GRID_TYPES
from ..errors import About, InputError
from ..messages import tr

_SQRT3 = math.sqrt(3.0)


@dataclass(frozen=True)
class Lattice:
    """Square or hexagonal cells of ``size`` metres anchored at the origin (see the package docstring)."""

    kind: str
    size: float

    def __post_init__(self):
        if self.kind not in GRID_TYPES:
            raise InputError(
                tr(
                    "Grid type '{kind}' is unknown; use one of {kinds}.",
                    kind=self.kind,
                    kinds=", ".join(GRID_TYPES),
                ),
                about=About.GRID_TYPE,
            )
        if not (math.isfinite(self.size) and self.size > 0):
            raise InputError(
                tr("The cell size must be a positive number of metres (got {size}).", size=self.size),
                about=About.CELL_SIZE,
            )

    @property
    def side(self) -> float:
        """Side of a hexagon (its circumradius); the side of a square."""
        return self.size / _SQRT3 if self.kind == "hexagon" else self.size

    @property
    def cell_area(self) -> float:
        """Area of one cell in square metres (a hexagon's is √3/2 of its width squared)."""
        return self.size * self.size * (_SQRT3 / 2.0 if self.kind == "hexagon" else 1.0)

    def cells_in_box(self, box: Sequence[float]) -> tuple[np.ndarray, np.ndarray]:
        """Columns and rows of (a small superset of) the lattice cells meeting ``box``."""
        xmin, ymin, xmax, ymax = (float(v) for v in box)
        cols, rows = self._ranges(xmin, ymin, xmax, ymax)
        col, row = np.meshgrid(np.arange(cols[0], cols[1] + 1), np.arange(rows[0], rows[1] + 1))
        return col.ravel(), row.ravel()

    def count_in_box(self, box: Sequence[float]) -> int:
        """How many cells :meth:`cells_in_box` gives for ``box``, without listing them."""
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
        """Column and row of the lattice cell owning each point (half-open rule, package docstring)."""
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
