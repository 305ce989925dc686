"""The refiner: local search that balances and rounds off a district's sectors.

:class:`Refiner` works on a :class:`~.moves.MovablePlan`, so every move keeps
the donor sector connected. Its phases, in the order :func:`.split.split_sectors` runs them:

* :meth:`Refiner.balance` — boundary units move to a neighbouring sector
  while that lowers the total excess over the tolerance (least shape damage
  first; ties on excess broken by squared deviation, which lets surplus flow
  through full sectors). What single moves cannot fix, *ejection chains* do
  (:meth:`Refiner._eject`).
* :meth:`Refiner.compact` — moves that raise the shape score without leaving
  the tolerance, then pairs of moves where the second repairs the tolerance
  the first broke.
* :meth:`Refiner.improve` — perturb and repair: compacting with a relaxed
  tolerance, then balancing and compacting again; the best plan is kept.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np

from ..progress import CancelCheck, ProgressCallback, raise_if_cancelled
from .moves import MovablePlan

# Ejection chains: how many sectors deep and how many units tried per step.
_EJECTION_DEPTH = 4
_EJECTION_BRANCHING = 6
# Ejection steps one balancing pass may take in all (bounds hopeless cases;
# feasible ones need well under 200).
_EJECTION_TRIES = 600
_MAX_BALANCE_ROUNDS = 30
_MAX_COMPACT_SWEEPS = 60


class Refiner(MovablePlan):
    """Local search over a district's labels that keeps every sector connected."""

    def balance(self, is_cancelled: CancelCheck) -> None:
        """Greedy single moves, then ejection chains, until within tolerance,
        stuck or out of ejection budget.

        The greedy moves first aim at half the tolerance: sectors left right
        at its edge leave the chains no room to pass workload through.
        """
        tolerance = self.slack
        self.slack = [0.5 * slack for slack in tolerance]
        self._greedy_balance()
        self.slack = tolerance
        self.tries_left = _EJECTION_TRIES
        for _ in range(_MAX_BALANCE_ROUNDS):
            raise_if_cancelled(is_cancelled)
            moved = self._greedy_balance()
            if self.total_excess() <= 0:
                return
            fixed = False
            for part in sorted(range(self.k), key=lambda p: -self._excess(p, self.load[p])):
                if self._excess(part, self.load[part]) > 0 and self._eject(part):
                    fixed = True
            if self.total_excess() <= 0 or not (moved or fixed):
                return

    def _greedy_balance(self) -> bool:
        """Single moves lowering (excess, squared deviation) until none is left.

        Only moves out of or into a sector outside its tolerance count. Each
        scan ranks them: the least shape damage per unit of excess removed
        first; moves that only lower the squared deviation (passing surplus
        on through a full sector) after, best shape first. The ranked moves
        are then applied in order while they still improve.
        """
        any_move = False
        while True:
            out = [part for part in range(self.k) if self._excess(part, self.load[part]) > 0]
            if not out:
                return any_move
            moved = False
            for u, source, dest in self._ranked_balance_moves(out):
                # Earlier moves of this scan may have changed the unit's surroundings.
                if (
                    self.label[u] == source
                    and dest in self._neighbour_parts(u)
                    and self._balance_improvement(u, source, dest) is not None
                    and self._can_leave(u)
                ):
                    self._move(u, dest)
                    moved = any_move = True
            if not moved:
                return any_move

    def _ranked_balance_moves(self, out: list[int]) -> list[tuple[int, int, int]]:
        """Moves (unit, source, destination) touching the sectors ``out`` that
        lower (excess, squared deviation), best first: those removing excess
        by least shape damage per unit removed, then the others by shape.
        Scored with arrays (:meth:`_boundary_moves`), as :meth:`_balance_improvement` does."""
        moves = self._boundary_moves()
        touching = np.isin(moves.source, out) | np.isin(moves.dest, out)
        unit, source, dest = moves.unit[touching], moves.source[touching], moves.dest[touching]
        weight, gain, stay = moves.weight[touching], moves.gain[touching], moves.stay[touching]
        excess, squared = moves.excess, moves.squared
        removed = excess(source, 0.0) + excess(dest, 0.0) - excess(source, -weight) - excess(dest, weight)
        d_squared = (
            squared(source, -weight) + squared(dest, weight) - squared(source, 0.0) - squared(dest, 0.0)
        )
        lowers = (removed > 1e-9) | ((removed >= -1e-9) & (d_squared < -1e-12))
        valid = lowers & (weight > 0) & (moves.units_in[source] > 1)
        removes = removed > 1e-9
        with np.errstate(divide="ignore", invalid="ignore"):
            damage = np.where(removes, -gain * moves.target[source] / removed, -gain)
        order = np.lexsort((dest, source, unit, damage, stay, ~removes))
        order = order[valid[order]]
        return list(zip(unit[order].tolist(), source[order].tolist(), dest[order].tolist(), strict=True))

    def _balance_improvement(self, u: int, source: int, dest: int) -> tuple[float, int] | None:
        """(excess removed, stay cost) of a move lowering (excess, squared deviation), else None."""
        w = self.w[u]
        if w <= 0 or len(self.members[source]) == 1:
            return None
        load_s, load_d = self.load[source], self.load[dest]
        removed = (
            self._excess(source, load_s)
            + self._excess(dest, load_d)
            - self._excess(source, load_s - w)
            - self._excess(dest, load_d + w)
        )
        if removed < -1e-9:
            return None
        if removed <= 1e-9:
            d_squared = (
                self._squared(source, load_s - w)
                + self._squared(dest, load_d + w)
                - self._squared(source, load_s)
                - self._squared(dest, load_d)
            )
            if d_squared >= -1e-12:
                return None
            removed = 0.0
        return removed, self._stay_cost(u, source, dest)

    def _eject(self, part: int) -> bool:
        """Lower the total excess with a chain of moves starting at ``part``.

        Each step moves one unit out of the sector in focus (if over) or into
        it (if under), possibly overshooting so far that the focus stays out
        on the other side (a unit too heavy to fit is then traded for a
        lighter one); the sector at the other end of the move may go out of
        tolerance too. Sectors this chain pushed out come into focus first.
        Chains of up to ``_EJECTION_DEPTH`` moves are searched depth first,
        best candidates first (least total excess, then stability, then
        shape), ``_EJECTION_BRANCHING`` per step. A chain is
        kept when the total excess went down and no sector that was within
        tolerance is left outside; otherwise it is undone.
        """
        start = self.total_excess()
        was_out = [self._excess(q, self.load[q]) > 0 for q in range(self.k)]
        return self._eject_step(part, _EJECTION_DEPTH, set(), start, was_out)

    def _eject_step(self, focus: int, depth: int, moved: set, start: float, was_out: list[bool]) -> bool:
        """One step of an ejection chain at ``focus``, ``depth`` steps left (see :meth:`_eject`)."""
        if self.tries_left <= 0:
            return False
        self.tries_left -= 1
        ranked = self._ranked_ejections(focus, moved)
        for u, source, dest in ranked[:_EJECTION_BRANCHING]:
            if not self._can_leave(u):
                continue
            self._move(u, dest)
            out = [q for q in (source, dest) if self._excess(q, self.load[q]) > 0]
            if self.total_excess() < start - 1e-9 and not any(not was_out[q] for q in out):
                return True
            if depth > 1 and out:
                # Sectors pushed out by this chain come first.
                out.sort(key=lambda q: (was_out[q], -self._excess(q, self.load[q])))
                if self._eject_step(out[0], depth - 1, moved | {u}, start, was_out):
                    return True
            self._move(u, source)
        return False

    def _ranked_ejections(self, focus: int, moved: set) -> list[tuple[int, int, int]]:
        """Moves out of ``focus`` (if over its target) or into it (if under),
        of units not yet moved by the chain, best first: least total excess
        after the move, then stability, then shape."""
        excess = self._excess(focus, self.load[focus])
        giving = self.load[focus] > self.target[focus]
        ranked = []
        for u, source, dest in self._moves_touching([focus]):
            if u in moved or (source == focus) != giving or len(self.members[source]) == 1:
                continue
            w = self.w[u]
            after_focus = self._excess(focus, self.load[focus] + (-w if giving else w))
            other = dest if giving else source
            before_other = self._excess(other, self.load[other])
            after_other = self._excess(other, self.load[other] + (w if giving else -w))
            ranked.append(
                (
                    round(after_focus - excess + after_other - before_other, 6),
                    self._stay_cost(u, source, dest),
                    -self._shape_gain(u, source, dest),
                    u,
                    source,
                    dest,
                )
            )
        ranked.sort()
        return [(u, source, dest) for *_, u, source, dest in ranked]

    def improve(
        self, rounds: int, relaxed_slack: list[float], progress: ProgressCallback, is_cancelled: CancelCheck
    ) -> None:
        """Perturb and repair: compact with a relaxed tolerance, rebalance,
        compact strictly; keep the best plan within tolerance (or the least
        out of it). Lets coarse units trade places that single moves within
        the tolerance cannot."""
        best_labels = list(self.label)
        best_key = (round(self.total_excess(), 6), -self.shape_score())
        for done in range(rounds):
            progress(100.0 * done / rounds)
            raise_if_cancelled(is_cancelled)
            self.slack = relaxed_slack
            self.compact(is_cancelled)
            self.slack = list(self.strict_slack)
            self.balance(is_cancelled)
            self.compact(is_cancelled)
            key = (round(self.total_excess(), 6), -self.shape_score())
            if key < best_key:
                best_key, best_labels = key, list(self.label)
                continue
            self._reset(np.array(best_labels))
            if best_key[0] > 0:
                # Out of tolerance and this round did not help: more rounds
                # would only repeat a costly, hopeless balancing.
                return

    def compact(self, is_cancelled: CancelCheck) -> None:
        """Moves raising the shape score without taking a sector out of its
        tolerance (or further out) and, with an existing plan, without taking
        a unit out of its current sector. Single moves first; when none is
        left, pairs of moves where the second repairs the tolerance the
        first one broke."""
        for _ in range(_MAX_COMPACT_SWEEPS):
            raise_if_cancelled(is_cancelled)
            if self._compact_singles() == 0 and self._compact_pairs() == 0:
                return

    def _compact_singles(self) -> int:
        """One sweep of single compacting moves over the units that had one when
        it began (:meth:`_compacting_units`), in random order."""
        moved = 0
        for u in self._shuffled(self._compacting_units(within_tolerance=True)):
            source = self.label[u]
            if len(self.members[source]) == 1:
                continue
            parts = self._neighbour_parts(u)
            best_key, best_dest = None, -1
            for dest in parts:
                stay = self._stay_cost(u, source, dest)
                if stay > 0 or not self._keeps_tolerance(source, dest, self.w[u]):
                    continue
                gain = self._shape_gain(u, source, dest)
                if stay == 0 and gain <= 1e-9:
                    continue
                key = (stay, -gain)
                if best_key is None or key < best_key:
                    best_key, best_dest = key, dest
            if best_dest >= 0 and self._can_leave(u):
                self._move(u, best_dest)
                moved += 1
        return moved

    def _compact_pairs(self) -> int:
        """Moves raising the shape score that take one sector out of its
        tolerance, each kept only with a second move repairing it (:meth:`_repair`);
        over the units that had such a move when the sweep began, in random order."""
        moved = 0
        for u in self._shuffled(self._compacting_units(within_tolerance=False)):
            source = self.label[u]
            if len(self.members[source]) == 1:
                continue
            for dest in self._neighbour_parts(u):
                w = self.w[u]
                if self._stay_cost(u, source, dest) > 0 or self._keeps_tolerance(source, dest, w):
                    continue
                gain = self._shape_gain(u, source, dest)
                if gain <= 1e-9:
                    continue
                source_breaks = not self._keeps_other(source, -w)
                dest_breaks = not self._keeps_other(dest, w)
                if source_breaks and dest_breaks:
                    continue
                if not self._can_leave(u):
                    break
                self._move(u, dest)
                if self._repair(dest if dest_breaks else source, dest_breaks, u, gain):
                    moved += 1
                    break
                self._move(u, source)
        return moved

    def _repair(self, part: int, giving: bool, moved_unit: int, budget: float) -> bool:
        """Apply the best move that brings ``part`` back within tolerance,
        breaks no other sector and loses less shape than ``budget``."""
        best_key, best_move = None, None
        for v, source, dest in self._repairing_moves(part, giving, moved_unit):
            stay = self._stay_cost(v, source, dest)
            if stay > 0:
                continue
            key = (stay, -self._shape_gain(v, source, dest))
            if best_key is None or key < best_key:
                best_key, best_move = key, (v, source, dest)
        if best_move is None:
            return False
        v, source, dest = best_move
        if budget - best_key[1] <= 1e-9:
            return False
        if len(self.members[source]) == 1 or not self._can_leave(v):
            return False
        self._move(v, dest)
        return True

    def _repairing_moves(self, part: int, giving: bool, moved_unit: int) -> Iterator[tuple[int, int, int]]:
        """Moves (unit, source, destination) out of ``part`` (``giving``) or into
        it that bring it within tolerance and take no other sector further out;
        never of ``moved_unit``."""
        for s in self._boundary(part):
            for v in [s] if giving else self.p.neighbours[s]:
                if v == moved_unit:
                    continue
                w = self.w[v]
                if giving:
                    for dest in self._neighbour_parts(v):
                        if self._excess(part, self.load[part] - w) <= 0 and self._keeps_other(dest, w):
                            yield v, part, dest
                else:
                    source = self.label[v]
                    if (
                        source != part
                        and self._excess(part, self.load[part] + w) <= 0
                        and self._keeps_other(source, -w)
                    ):
                        yield v, source, part
