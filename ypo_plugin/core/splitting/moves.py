"""Sectors as labels that move one unit at a time, with their sums kept up to date.

:class:`MovablePlan` holds a district's labels and, per sector, what the
refiner's choices need: workload, area, the area-weighted sums of the
centroids and of their squares (for the moment of inertia) and the
perimeter, each updated in O(neighbours) when a unit moves
(:meth:`MovablePlan._move`). It scores moves (excess over the tolerance,
squared deviation, shape gain, staying in the existing sector) and decides
whether a unit can leave its sector without cutting it in two
(:meth:`MovablePlan._can_leave`). The search itself is in :mod:`.refine`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from ..union_find import UnionFind
from .graph import DistrictGraph

# Shape score of a sector: weights of Polsby-Popper and of the normalised moment of inertia.
_PP_WEIGHT = 2.0
_ROUNDNESS_WEIGHT = 1.0


@dataclass(frozen=True)
class BoundaryMoves:
    """Moves of units to neighbouring sectors, one per (unit, destination), as
    arrays: workload moved, shape gain, stay cost; and per sector the load,
    target, slack and unit count when they were scored."""

    unit: np.ndarray
    source: np.ndarray
    dest: np.ndarray
    weight: np.ndarray
    gain: np.ndarray
    stay: np.ndarray
    load: np.ndarray
    target: np.ndarray
    slack: np.ndarray
    units_in: np.ndarray

    def excess(self, part: np.ndarray, delta) -> np.ndarray:
        """:meth:`MovablePlan._excess` of sectors ``part`` with ``delta`` added to their load."""
        return np.maximum(0.0, np.abs(self.load[part] + delta - self.target[part]) - self.slack[part])

    def squared(self, part: np.ndarray, delta) -> np.ndarray:
        """:meth:`MovablePlan._squared` of sectors ``part`` with ``delta`` added to their load."""
        return ((self.load[part] + delta - self.target[part]) / self.target[part]) ** 2


def _shapes(area, perimeter, sx, sy, sq):
    """:meth:`MovablePlan._shape` of arrays of sectors."""
    with np.errstate(divide="ignore", invalid="ignore"):
        inertia = sq - (sx * sx + sy * sy) / area
        roundness = np.where(inertia > 0, area * area / (2.0 * math.pi * inertia), 1.0)
        shape = _PP_WEIGHT * 4.0 * math.pi * area / (perimeter * perimeter) + _ROUNDNESS_WEIGHT * roundness
    return np.where(area > 0, shape, 0.0)


class MovablePlan:
    """A district's labels with incrementally kept per-sector sums; every
    move keeps the donor sector connected."""

    def __init__(
        self, problem: DistrictGraph, labels: np.ndarray, existing: list[int] | None, rng: np.random.Generator
    ):
        self.p = problem
        self.rng = rng
        self.existing = existing
        self.k = len(problem.targets)
        self.w = problem.weights.tolist()
        self.area = problem.areas.tolist()
        self.x = problem.xy[:, 0].tolist()
        self.y = problem.xy[:, 1].tolist()
        self.own = problem.moments.tolist()
        self.unit_perimeter = problem.perimeters.tolist()
        self.target = problem.targets.tolist()
        self.strict_slack = problem.slack.tolist()
        self.slack = list(self.strict_slack)
        self._reset(labels)

    def _reset(self, labels: np.ndarray) -> None:
        """Set the labels and recompute every per-sector sum from scratch."""
        p, k = self.p, self.k
        labels = np.asarray(labels, dtype=np.int64)
        self.label: list[int] = labels.tolist()
        self.members: list[set] = [set() for _ in range(k)]
        for u, part in enumerate(self.label):
            self.members[part].add(u)
        self.load = np.bincount(labels, weights=p.weights, minlength=k).tolist()
        self.sum_area = np.bincount(labels, weights=p.areas, minlength=k).tolist()
        self.sum_x = np.bincount(labels, weights=p.areas * p.xy[:, 0], minlength=k).tolist()
        self.sum_y = np.bincount(labels, weights=p.areas * p.xy[:, 1], minlength=k).tolist()
        squares = p.areas * (p.xy**2).sum(axis=1) + p.moments
        self.sum_sq = np.bincount(labels, weights=squares, minlength=k).tolist()
        internal = labels[p.edge_a] == labels[p.edge_b]
        inner = np.bincount(labels[p.edge_a[internal]], weights=p.edge_length[internal], minlength=k)
        self.perimeter = (np.bincount(labels, weights=p.perimeters, minlength=k) - 2.0 * inner).tolist()
        self.shape_of = [self._part_shape(part) for part in range(k)]
        # Neighbours in another sector, per unit; a sector's border units are those with any.
        foreign = np.bincount(np.concatenate([p.edge_a[~internal], p.edge_b[~internal]]), minlength=p.size)
        self.foreign: list[int] = foreign.tolist()
        self.border: list[set] = [set() for _ in range(k)]
        for u in np.flatnonzero(foreign).tolist():
            self.border[self.label[u]].add(u)

    # -- scores ---------------------------------------------------------------

    def _excess(self, part: int, load: float) -> float:
        return max(0.0, abs(load - self.target[part]) - self.slack[part])

    def _squared(self, part: int, load: float) -> float:
        return ((load - self.target[part]) / self.target[part]) ** 2

    @staticmethod
    def _shape(area: float, perimeter: float, sx: float, sy: float, sq: float) -> float:
        """Weighted Polsby-Popper plus normalised moment of inertia (each 1 for a disk)."""
        if area <= 0:
            return 0.0
        inertia = sq - (sx * sx + sy * sy) / area
        roundness = area * area / (2.0 * math.pi * inertia) if inertia > 0 else 1.0
        return _PP_WEIGHT * 4.0 * math.pi * area / (perimeter * perimeter) + _ROUNDNESS_WEIGHT * roundness

    def _part_shape(self, part: int) -> float:
        return self._shape(
            self.sum_area[part], self.perimeter[part], self.sum_x[part], self.sum_y[part], self.sum_sq[part]
        )

    def shape_score(self) -> float:
        """Sum of the sectors' shape scores (each 1 for a disk): higher is more compact."""
        return sum(self.shape_of)

    def _shared_lengths(self, u: int, source: int, dest: int) -> tuple[float, float]:
        """Boundary ``u`` shares with sector ``source`` and with sector ``dest``."""
        label = self.label
        with_source = with_dest = 0.0
        for v, length in zip(self.p.neighbours[u], self.p.shared[u], strict=False):
            part = label[v]
            if part == source:
                with_source += length
            elif part == dest:
                with_dest += length
        return with_source, with_dest

    def _shape_gain(self, u: int, source: int, dest: int) -> float:
        """Change of the shape score of both sectors when ``u`` moves."""
        a, x, y = self.area[u], self.x[u], self.y[u]
        sq = a * (x * x + y * y) + self.own[u]
        perimeter_u = self.unit_perimeter[u]
        with_source, with_dest = self._shared_lengths(u, source, dest)
        new = self._shape(
            self.sum_area[source] - a,
            self.perimeter[source] - perimeter_u + 2.0 * with_source,
            self.sum_x[source] - a * x,
            self.sum_y[source] - a * y,
            self.sum_sq[source] - sq,
        ) + self._shape(
            self.sum_area[dest] + a,
            self.perimeter[dest] + perimeter_u - 2.0 * with_dest,
            self.sum_x[dest] + a * x,
            self.sum_y[dest] + a * y,
            self.sum_sq[dest] + sq,
        )
        return new - self.shape_of[source] - self.shape_of[dest]

    def _boundary_moves(self) -> BoundaryMoves:
        """Every move of a unit to a neighbouring sector, scored at once with arrays
        (the formulas of :meth:`_shape_gain`, :meth:`_stay_cost` and :meth:`_excess`)."""
        p, k = self.p, self.k
        label = np.array(self.label)
        a, b, length = p.edge_a, p.edge_b, p.edge_length
        cross = label[a] != label[b]
        inner = ~cross
        with_source = np.bincount(a[inner], weights=length[inner], minlength=p.size) + np.bincount(
            b[inner], weights=length[inner], minlength=p.size
        )
        unit = np.concatenate([a[cross], b[cross]])
        other = np.concatenate([b[cross], a[cross]])
        key, position = np.unique(unit * k + label[other], return_inverse=True)
        with_dest = np.bincount(position, weights=np.concatenate([length[cross], length[cross]]))
        unit, dest = key // k, key % k
        source = label[unit]
        area, x, y = p.areas[unit], p.xy[unit, 0], p.xy[unit, 1]
        sq = area * (x * x + y * y) + p.moments[unit]
        sums = [
            np.array(values)
            for values in (self.sum_area, self.perimeter, self.sum_x, self.sum_y, self.sum_sq)
        ]
        sum_area, perimeter, sum_x, sum_y, sum_sq = sums
        shape_of = np.array(self.shape_of)
        gain = (
            _shapes(
                sum_area[source] - area,
                perimeter[source] - p.perimeters[unit] + 2.0 * with_source[unit],
                sum_x[source] - area * x,
                sum_y[source] - area * y,
                sum_sq[source] - sq,
            )
            + _shapes(
                sum_area[dest] + area,
                perimeter[dest] + p.perimeters[unit] - 2.0 * with_dest,
                sum_x[dest] + area * x,
                sum_y[dest] + area * y,
                sum_sq[dest] + sq,
            )
            - shape_of[source]
            - shape_of[dest]
        )
        stay = np.zeros(len(unit), dtype=np.int64)
        if self.existing is not None:
            home = np.array(self.existing)[unit]
            stay = (home == source).astype(np.int64) - (home == dest)
        return BoundaryMoves(
            unit,
            source,
            dest,
            p.weights[unit],
            gain,
            stay,
            np.array(self.load),
            np.array(self.target),
            np.array(self.slack),
            np.bincount(label, minlength=k),
        )

    def _compacting_units(self, within_tolerance: bool) -> list[int]:
        """Units that may have a compacting move, ascending: a move to a neighbouring
        sector that raises the shape score (or brings the unit home) and does not take
        it out of its existing sector, keeping both sectors within their tolerance
        (``within_tolerance``) or not.

        The moves are scored with arrays (:meth:`_boundary_moves`), and the
        tests leave a margin far above rounding, so a unit with such a move is
        never missed (a few extra are checked exactly by the caller).
        """
        moves = self._boundary_moves()
        unit, source, dest, weight, stay = moves.unit, moves.source, moves.dest, moves.weight, moves.stay
        excess = moves.excess
        margin = 1e-6 * moves.target[source]
        keeps = (excess(source, -weight) <= excess(source, 0.0) + margin) & (
            excess(dest, weight) <= excess(dest, 0.0) + margin
        )
        breaks = (excess(source, -weight) > excess(source, 0.0) - margin) | (
            excess(dest, weight) > excess(dest, 0.0) - margin
        )
        wanted = (stay <= 0) & (keeps if within_tolerance else breaks) & ((moves.gain > 0.5e-9) | (stay < 0))
        return np.unique(unit[wanted]).tolist()

    def _stay_cost(self, u: int, source: int, dest: int) -> int:
        """+1 when a move takes ``u`` out of its existing sector, -1 back into it."""
        if self.existing is None:
            return 0
        home = self.existing[u]
        return (home == source) - (home == dest)

    # -- moves ----------------------------------------------------------------

    def _move(self, u: int, dest: int) -> None:
        label, foreign, border = self.label, self.foreign, self.border
        source = label[u]
        a, x, y, w = self.area[u], self.x[u], self.y[u], self.w[u]
        sq = a * (x * x + y * y) + self.own[u]
        with_source, with_dest = self._shared_lengths(u, source, dest)
        self.perimeter[source] += 2.0 * with_source - self.unit_perimeter[u]
        self.perimeter[dest] += self.unit_perimeter[u] - 2.0 * with_dest
        for part, sign in ((source, -1.0), (dest, 1.0)):
            self.load[part] += sign * w
            self.sum_area[part] += sign * a
            self.sum_x[part] += sign * a * x
            self.sum_y[part] += sign * a * y
            self.sum_sq[part] += sign * sq
            self.shape_of[part] = self._part_shape(part)
        self.members[source].discard(u)
        self.members[dest].add(u)
        label[u] = dest
        border[source].discard(u)
        count = 0
        for v in self.p.neighbours[u]:
            part = label[v]
            if part == source:
                foreign[v] += 1
                border[source].add(v)
                count += 1
            elif part == dest:
                foreign[v] -= 1
                if foreign[v] == 0:
                    border[dest].discard(v)
            else:
                count += 1
        foreign[u] = count
        if count:
            border[dest].add(u)

    def _can_leave(self, u: int) -> bool:
        """Whether the sector of ``u`` stays connected (and non-empty) without it.

        Breadth-first searches grow from each same-sector neighbour of ``u`` in
        turn and merge when they meet: success once all have merged, failure as
        soon as one search runs out of units (that piece would be cut off). Both
        outcomes are usually decided within a few rings around ``u``.
        """
        label, neighbours = self.label, self.p.neighbours
        part = label[u]
        seeds = [v for v in neighbours[u] if label[v] == part]
        if len(seeds) <= 1:
            return len(seeds) == 1
        owner = {u: -1}  # unit -> the search that reached it first
        frontier: list[list[int]] = []
        for index, v in enumerate(seeds):
            owner[v] = index
            frontier.append([v])
        searches = UnionFind(len(seeds))
        while True:
            for index in range(len(seeds)):
                if searches.find(index) != index:
                    continue
                grown = self._grow_search(index, part, frontier, owner, searches)
                if searches.count == 1:
                    return True
                if not grown:
                    return False
                frontier[index] = grown

    def _grow_search(
        self, index: int, part: int, frontier: list[list[int]], owner: dict[int, int], searches: UnionFind
    ) -> list[int]:
        """One ring of search ``index`` of :meth:`_can_leave` within sector ``part``: the units it
        reaches first, the frontiers of the searches it meets taken over. Stops early once all
        searches have merged (``searches.count == 1``)."""
        label, neighbours = self.label, self.p.neighbours
        find = searches.find
        grown: list[int] = []
        for s in frontier[index]:
            for v in neighbours[s]:
                if label[v] != part:
                    continue
                other = owner.get(v)
                if other is None:
                    owner[v] = index
                    grown.append(v)
                elif other >= 0:
                    other_root = find(other)
                    if other_root != index:
                        searches.attach(other_root, index)
                        grown.extend(frontier[other_root])
                        frontier[other_root] = []
                        if searches.count == 1:
                            return grown
        return grown

    def _boundary(self, part: int | None = None) -> list[int]:
        """Units with a neighbour in another sector (of ``part`` only, if given), ascending."""
        if part is not None:
            return sorted(self.border[part])
        return sorted(u for units in self.border for u in units)

    def _neighbour_parts(self, u: int) -> list[int]:
        label = self.label
        own = label[u]
        parts: list[int] = []
        for v in self.p.neighbours[u]:
            part = label[v]
            if part != own and part not in parts:
                parts.append(part)
        return parts

    def total_excess(self) -> float:
        """Workload outside the tolerance, summed over all sectors."""
        return sum(self._excess(part, self.load[part]) for part in range(self.k))

    def _moves_touching(self, parts: list[int]) -> list[tuple[int, int, int]]:
        """Every single move (unit, source, destination) out of or into ``parts``."""
        label = self.label
        moves = set()
        for part in parts:
            for u in self._boundary(part):
                for v in self.p.neighbours[u]:
                    other = label[v]
                    if other != part:
                        moves.add((u, part, other))
                        moves.add((v, other, part))
        return sorted(moves)

    def _keeps_tolerance(self, source: int, dest: int, w: float) -> bool:
        """Whether moving workload ``w`` from ``source`` to ``dest`` takes neither further out."""
        # :meth:`_excess` written out: compaction asks this for every candidate move.
        target, slack, load = self.target[source], self.slack[source], self.load[source]
        if max(0.0, abs(load - w - target) - slack) > max(0.0, abs(load - target) - slack):
            return False
        target, slack, load = self.target[dest], self.slack[dest], self.load[dest]
        return max(0.0, abs(load + w - target) - slack) <= max(0.0, abs(load - target) - slack)

    def _keeps_other(self, part: int, delta: float) -> bool:
        """Whether adding ``delta`` to the workload of ``part`` takes it no further out."""
        return self._excess(part, self.load[part] + delta) <= self._excess(part, self.load[part])

    def _shuffled(self, units: list[int]) -> list[int]:
        """``units`` in a random order drawn from the plan's generator."""
        return [units[i] for i in self.rng.permutation(len(units))]
