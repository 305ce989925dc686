"""Split base units into contiguous, compact, workload-balanced sectors.

Workload
    :func:`compute_workload` blends population, crimes and population in
    exposed housing areas into one number per unit, in "population
    equivalents" (see its docstring); with no crimes and no exposed areas the
    workload *is* the population.

Algorithm (per district, on the unit adjacency graph of that district)
    1. *Initial plan.* With an existing plan of the same sector count: its
       sectors. Otherwise a recursive bisection (straight cuts at the workload
       share, the shortest of several directions) gives starting centres for
       a balanced centroidal power diagram (Lloyd's method on the unit
       centroids, with per-sector offsets that balance workload): convex
       cells, so round sectors. Either way each sector then keeps its heaviest
       connected piece and stray pieces join a neighbour. When links (put back
       across barriers, or to islands) cut the district into pieces, the plan
       is made on the tree of pieces first (:func:`_piece_plan`): a piece
       lighter than a sector joins one through its link, the sector holding a
       link takes what the pieces behind it lack, and each piece is split on
       its own with those sectors grown from their link ends.
    2. *Balance.* Boundary units move to a neighbouring sector while that lowers
       the total excess over the tolerance (least shape damage first; ties on
       excess broken by squared deviation, which lets surplus flow through full
       sectors). What single moves cannot fix, *ejection chains* do: the sector
       in focus passes or takes a unit, possibly overshooting (a heavy unit in,
       a light one out), and any sector pushed out of tolerance is fixed next,
       a few moves deep.
    3. *Compactness.* Boundary units move when that raises the shape score
       (weighted Polsby-Popper from exact incremental perimeters, plus the
       normalised moment of inertia, a Reock-like roundness) without leaving
       the tolerance; when no single move is left, pairs of moves where the
       second repairs the tolerance the first broke.
    4. *Perturb and repair.* A few rounds of compacting with a relaxed
       tolerance, then balancing and compacting again; the best plan within
       tolerance is kept. This lets coarse units (each worth more than the
       tolerance) trade places.
    Every move keeps the donor sector connected (a local search around the
    moving unit, growing to the whole sector only when needed), so every sector
    stays contiguous by construction. With an existing plan, keeping units in
    their current sector ranks before compactness in every choice, and
    compactness moves never take a unit out of its current sector.

Determinism: all randomness comes from the ``numpy.random.Generator``; the same
seed and input give the same labels.

Impossible balance: units are indivisible, so a tolerance can be out of reach
(one unit heavier than a sector's upper bound, or just an unlucky mix). The
search stops after a bounded effort and the result reports the deviation
reached and why, instead of looping.
"""

from __future__ import annotations

import heapq
import math
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from .adjacency import LINK_BARRIER, Adjacency, Link, ensure_connected
from .errors import InputError
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

sparse = lazy_module("scipy.sparse")
csgraph = lazy_module("scipy.sparse.csgraph")

DEFAULT_TOLERANCE_PCT = 1.0

# Directions tried by each bisection of the initial plan.
_BISECTION_DIRECTIONS = 12
# Ejection chains: how many sectors deep and how many units tried per step.
_EJECTION_DEPTH = 4
_EJECTION_BRANCHING = 6
# Ejection steps one balancing pass may take in all (bounds hopeless cases;
# feasible ones need well under 200).
_EJECTION_TRIES = 600
_MAX_BALANCE_ROUNDS = 30
_MAX_COMPACT_SWEEPS = 60
# Lloyd iterations of the power diagram, offset steps per iteration, and the
# balance (fraction of target) at which the offsets stop moving.
_POWER_ITERATIONS = 15
_POWER_BALANCE_STEPS = 50
_POWER_BALANCE = 0.005
# Perturb-and-repair rounds: about _IMPROVE_WORK / units, within these bounds.
_IMPROVE_WORK = 20000
_MIN_IMPROVE_ROUNDS = 2
_MAX_IMPROVE_ROUNDS = 20
# Shape score of a sector: weights of Polsby-Popper and of the normalised moment of inertia.
# Piece plan: partial sectors lighter than this share of a target just join
# the sector holding their link; search steps of the packing of partials.
_FLOATING_SHARE = 0.1
_PACKING_BUDGET = 5000
_PP_WEIGHT = 2.0
_ROUNDNESS_WEIGHT = 1.0


def compute_workload(
    population: Sequence[float],
    crimes: Sequence[float] | None = None,
    exposed_population: Sequence[float] | None = None,
    population_weight: float = 1.0,
    crime_weight: float = 1.0,
    exposed_weight: float = 1.0,
    unit_names: Sequence | None = None,
) -> np.ndarray:
    """Workload of each unit, in population equivalents.

    ``workload_i = (wP·pop_i + wC·crime_i·P/C + wE·exposed_i·P/E) / (wP + wC' + wE')``

    where P, C, E are the totals of population, crimes and exposed population
    (population living in particularly exposed housing areas), and wC' / wE'
    are the weights of the terms present (a term without data, i.e. ``None`` or
    a zero total, is dropped). Each term is scaled to the population total and
    the weights are normalised, so the total workload equals the total
    population and a weight says how much that aspect matters relative to the
    others. With no crimes and no exposed areas the workload is the
    population. Raises :class:`InputError` for negative or missing values, naming the unit by
    ``unit_names`` (e.g. feature ids, "#12"; positions by default).
    """
    pop = _checked_values(population, "POPULATION_FIELD", "population", unit_names)
    terms = [(population_weight, pop)]
    for values, weight, what in (
        (crimes, crime_weight, "crime count"),
        (exposed_population, exposed_weight, "exposed population"),
    ):
        if values is None:
            continue
        values = _checked_values(values, what, what, unit_names)
        if len(values) != len(pop):
            raise InputError(f"The {what} has {len(values)} values for {len(pop)} units.")
        if values.sum() > 0:
            terms.append((weight, values * (pop.sum() / values.sum())))
    for weight, _ in terms:
        if weight < 0 or not math.isfinite(weight):
            raise InputError(f"Workload weights must be zero or positive, got {weight}.")
    total_weight = sum(weight for weight, _ in terms)
    if total_weight <= 0:
        raise InputError(
            "All workload weights are zero; give POPULATION_WEIGHT (or another weight) a positive value."
        )
    return sum(weight * values for weight, values in terms) / total_weight


def exposed_population(units: Sequence, population: Sequence[float], exposed_areas: Sequence) -> np.ndarray:
    """Population of each unit living in exposed areas: population × covered area share."""
    units = np.asarray(getattr(units, "values", units), dtype=object)
    areas = np.asarray(getattr(exposed_areas, "values", exposed_areas), dtype=object)
    pop = np.asarray(population, dtype=float)
    if len(areas) == 0:
        return np.zeros(len(units))
    covered = shapely.area(intersection(units, shapely.union_all(areas)))
    unit_area = shapely.area(units)
    share = np.divide(covered, unit_area, out=np.zeros(len(units)), where=unit_area > 0)
    return pop * np.clip(share, 0.0, 1.0)


def describe_link(link: Link, unit_names: Sequence | None = None) -> str:
    """ "units 12 and 15 linked across a barrier", naming units by ``unit_names`` when given."""
    first, second = (link.i, link.j) if unit_names is None else (unit_names[link.i], unit_names[link.j])
    how = (
        "across a barrier"
        if link.reason == LINK_BARRIER
        else f"as nearest neighbours ({link.distance:.0f} m apart)"
    )
    return f"units {first} and {second} linked {how}"


def district_code(name: str) -> str:
    """Short code of a district name: initials of its words ("North East" → "NE"),
    or the first two letters of a single word ("Frederiksberg" → "FR")."""
    words = [word for word in str(name).replace("-", " ").split() if word]
    if not words:
        return "S"
    if len(words) == 1:
        return words[0][:2].upper()
    return "".join(word[0] for word in words).upper()


def sector_code(district_name: str, number: int) -> str:
    """Suggested ``sector_id``: district code and two-digit number ("NE-01")."""
    return f"{district_code(district_name)}-{number:02d}"


def sector_neighbours(adjacency: Adjacency, labels: np.ndarray) -> list[list[int]]:
    """Per sector, the sorted sectors sharing a boundary with it (also across
    districts and barriers; island links do not count)."""
    labels = np.asarray(labels, dtype=np.int64)
    pairs = np.vstack([adjacency.edges[adjacency.lengths > 0], adjacency.cut])
    a, b = labels[pairs[:, 0]], labels[pairs[:, 1]]
    neighbours: list[set[int]] = [set() for _ in range(int(labels.max()) + 1)]
    for x, y in zip(a[a != b].tolist(), b[a != b].tolist(), strict=True):
        neighbours[x].add(y)
        neighbours[y].add(x)
    return [sorted(found) for found in neighbours]


@dataclass(frozen=True)
class SplitResult:
    """Outcome of :func:`split_sectors`.

    Sectors are numbered 0..K-1 district by district; inside a district they
    are ordered north to south (then west to east) by area centroid, and
    ``sector_number`` is that 1-based rank (for ids such as "NE-01").
    ``matched_existing`` is, per sector, the existing-plan label it continues
    (largest shared workload) or -1. ``kept_share`` is the share of population
    (of workload when no population was given) whose sector continues their
    existing one; ``None`` without an existing plan. ``adjacency`` is the graph
    actually used, including links added to make each district connected.
    """

    labels: np.ndarray
    sector_district: np.ndarray
    sector_number: np.ndarray
    workload: np.ndarray
    target: np.ndarray
    contiguous: np.ndarray
    matched_existing: np.ndarray
    kept_share: float | None
    tolerance_pct: float
    messages: tuple[str, ...]
    seconds: float
    adjacency: Adjacency

    @property
    def deviation_pct(self) -> np.ndarray:
        """Workload deviation of each sector from its target, in percent."""
        return 100.0 * (self.workload - self.target) / self.target

    @property
    def max_deviation_pct(self) -> float:
        return float(np.abs(self.deviation_pct).max())

    @property
    def noncontiguous_count(self) -> int:
        return int((~self.contiguous).sum())

    @property
    def within_tolerance(self) -> bool:
        return self.max_deviation_pct <= self.tolerance_pct + 1e-9


def split_sectors(
    geoms: Sequence,
    workload: Sequence[float],
    adjacency: Adjacency,
    sector_counts: int | Sequence[int],
    districts: Sequence[int] | None = None,
    district_names: Sequence[str] | None = None,
    target_shares: Sequence[Sequence[float] | None] | None = None,
    existing: Sequence[int] | None = None,
    population: Sequence[float] | None = None,
    tolerance_pct: float = DEFAULT_TOLERANCE_PCT,
    rng: np.random.Generator | None = None,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
    unit_names: Sequence | None = None,
) -> SplitResult:
    """Split units into contiguous, compact, balanced sectors, nested per district.

    ``geoms``: unit polygons in a projected CRS (same order as ``adjacency``).
    ``districts``: district index 0..D-1 of each unit (``None``: one district);
    ``sector_counts``: sectors per district (an int when there is one).
    ``target_shares``: per district, the workload share of each of its sectors
    (normalised; ``None`` or a ``None`` entry: equal shares).
    ``existing``: the current sector label of each unit (any integers, -1 for
    none); labels are matched to new sectors by shared workload.
    ``tolerance_pct``: allowed deviation of a sector's workload from its target.
    ``unit_names``: how messages name units (e.g. feature ids); positions by default.
    Raises :class:`InputError` for inconsistent input (see messages).
    """
    started = time.perf_counter()
    rng = rng if rng is not None else np.random.default_rng(0)
    geoms = np.asarray(getattr(geoms, "values", geoms), dtype=object)
    n = len(geoms)
    weights = _checked_values(workload, "workload", "workload", unit_names)
    if len(weights) != n or adjacency.n != n:
        raise InputError(
            f"{n} units, {len(weights)} workloads and an adjacency of {adjacency.n} units do not match."
        )
    if n == 0:
        raise InputError("UNITS has no features; choose a layer with polygons.")
    if not tolerance_pct > 0:
        raise InputError(f"TOLERANCE must be positive, got {tolerance_pct}.")
    district_of = np.zeros(n, dtype=np.int64) if districts is None else np.asarray(districts, dtype=np.int64)
    counts = [int(sector_counts)] if np.isscalar(sector_counts) else [int(c) for c in sector_counts]
    names = list(district_names) if district_names is not None else [f"{d + 1}" for d in range(len(counts))]
    if len(district_of) != n or district_of.min() < 0 or district_of.max() >= len(counts):
        raise InputError("Every unit needs a district index between 0 and the number of districts - 1.")
    existing_of = None if existing is None else np.asarray(existing, dtype=np.int64)
    pop = weights if population is None else np.asarray(population, dtype=float)

    centroids = shapely.get_coordinates(shapely.centroid(geoms))
    areas = shapely.area(geoms)
    perimeters = shapely.length(geoms)
    labels = np.full(n, -1, dtype=np.int64)
    sector_district: list[int] = []
    sector_targets: list[float] = []
    matched: list[int] = []
    kept_units = np.zeros(n, dtype=bool)
    messages: list[str] = []

    for d, k in enumerate(counts):
        raise_if_cancelled(is_cancelled)
        members = np.flatnonzero(district_of == d)
        name = names[d]
        _check_district(name, members, k, weights)
        before = len(adjacency.links)
        adjacency = ensure_connected(adjacency, geoms, members)
        for link in adjacency.links[before:]:
            messages.append(
                f"District {name}: {describe_link(link, unit_names)} so that the district is connected."
            )
        shares = None if target_shares is None else target_shares[d]
        shares = np.full(k, 1.0 / k) if shares is None else np.asarray(shares, dtype=float)
        if len(shares) != k or (shares <= 0).any() or not np.isfinite(shares).all():
            raise InputError(
                f"District {name}: {k} sectors need {k} positive target shares, got {list(shares)}."
            )
        targets = weights[members].sum() * shares / shares.sum()
        problem = _Problem(adjacency, members, weights, centroids, areas, perimeters, targets, tolerance_pct)
        local_existing = None if existing_of is None else existing_of[members]
        local_labels, local_matched, notes = _split_district(
            problem,
            local_existing,
            rng,
            scaled(progress, 100.0 * d / len(counts), 100.0 * (d + 1) / len(counts)),
            is_cancelled,
            [members[u] if unit_names is None else unit_names[members[u]] for u in range(len(members))],
        )
        # Without districts (one unnamed district) a note is a sentence of its own.
        messages.extend(f"District {name}: {note}" if name else note[0].upper() + note[1:] for note in notes)
        offset = len(sector_targets)
        order = _reading_order(local_labels, k, centroids[members], areas[members])
        rank = np.empty(k, dtype=np.int64)
        rank[order] = np.arange(k)
        labels[members] = offset + rank[local_labels]
        sector_district.extend([d] * k)
        sector_targets.extend(targets[order].tolist())
        matched.extend(np.asarray(local_matched)[order].tolist())
        if local_existing is not None:
            kept_units[members] = (local_existing >= 0) & (
                np.asarray(local_matched)[local_labels] == local_existing
            )

    total = len(sector_targets)
    sector_workload = np.bincount(labels, weights=weights, minlength=total)
    contiguous = _contiguity(adjacency, labels, total)
    targets_array = np.array(sector_targets)
    deviation = 100.0 * np.abs(sector_workload - targets_array) / targets_array
    if deviation.max() > tolerance_pct + 1e-9:
        messages.append(
            f"Tolerance of {tolerance_pct:g}% not reached: largest deviation {deviation.max():.2f}% "
            f"({int((deviation > tolerance_pct + 1e-9).sum())} of {total} sectors outside)."
        )
    kept_share = None
    if existing_of is not None:
        kept_share = float(pop[kept_units].sum() / pop.sum()) if pop.sum() > 0 else 0.0
    sector_number = np.zeros(total, dtype=np.int64)
    for d in range(len(counts)):
        in_district = np.flatnonzero(np.array(sector_district) == d)
        sector_number[in_district] = np.arange(1, len(in_district) + 1)
    progress(100.0)
    return SplitResult(
        labels=labels,
        sector_district=np.array(sector_district, dtype=np.int64),
        sector_number=sector_number,
        workload=sector_workload,
        target=targets_array,
        contiguous=contiguous,
        matched_existing=np.array(matched, dtype=np.int64),
        kept_share=kept_share,
        tolerance_pct=float(tolerance_pct),
        messages=tuple(messages),
        seconds=time.perf_counter() - started,
        adjacency=adjacency,
    )


def _checked_values(
    values: Sequence[float], field: str, what: str, unit_names: Sequence | None = None
) -> np.ndarray:
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise InputError(f"{field}: every {what} must be a number; fill the missing values first.") from None
    if array.ndim != 1:
        raise InputError(f"{field}: expected one {what} per unit.")

    def name(k: int):
        return k if unit_names is None else unit_names[k]

    missing = ~np.isfinite(array)
    if missing.any():
        raise InputError(
            f"{field}: unit {name(int(np.flatnonzero(missing)[0]))} has no {what} ({int(missing.sum())} in "
            "all); fill the missing values (e.g. with 0) first."
        )
    negative = array < 0
    if negative.any():
        first = int(np.flatnonzero(negative)[0])
        raise InputError(
            f"{field}: unit {name(first)} has a negative {what} ({array[first]:g}; {int(negative.sum())} in "
            "all); correct those values."
        )
    return array


def _check_district(name: str, members: np.ndarray, k: int, weights: np.ndarray) -> None:
    if k < 1:
        raise InputError(f"District {name}: SECTORS_FIELD is {k}; every district needs at least one sector.")
    if len(members) < k:
        raise InputError(
            f"District {name} has {len(members)} units but asks for {k} sectors; "
            "lower its sector count or use smaller units."
        )
    if weights[members].sum() <= 0:
        raise InputError(f"District {name} has no workload (population 0); its sectors cannot be balanced.")


def _reading_order(labels: np.ndarray, k: int, centroids: np.ndarray, areas: np.ndarray) -> np.ndarray:
    """Sectors sorted north to south, then west to east, by area centroid."""
    area = np.bincount(labels, weights=areas, minlength=k)
    cx = np.bincount(labels, weights=areas * centroids[:, 0], minlength=k) / area
    cy = np.bincount(labels, weights=areas * centroids[:, 1], minlength=k) / area
    return np.lexsort((cx, -cy))


def _contiguity(adjacency: Adjacency, labels: np.ndarray, k: int) -> np.ndarray:
    """Whether each sector is one connected piece of the adjacency graph."""
    same = labels[adjacency.edges[:, 0]] == labels[adjacency.edges[:, 1]]
    edges = adjacency.edges[same]
    graph = sparse.coo_matrix(
        (np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(adjacency.n, adjacency.n)
    )
    _, component = csgraph.connected_components(graph, directed=False)
    pieces = np.array([len(np.unique(component[labels == s])) for s in range(k)])
    return pieces == 1


class _Problem:
    """One district: local unit indices 0..m-1, neighbour lists and geometry."""

    def __init__(
        self,
        adjacency: Adjacency,
        members: np.ndarray,
        weights: np.ndarray,
        centroids: np.ndarray,
        areas: np.ndarray,
        perimeters: np.ndarray,
        targets: np.ndarray,
        tolerance_pct: float,
    ):
        m = len(members)
        local = np.full(adjacency.n, -1, dtype=np.int64)
        local[members] = np.arange(m)
        a, b = local[adjacency.edges[:, 0]], local[adjacency.edges[:, 1]]
        inside = (a >= 0) & (b >= 0)
        self.size = m
        self.edge_a, self.edge_b, self.edge_length = a[inside], b[inside], adjacency.lengths[inside]
        graph = sparse.coo_matrix(
            (
                np.concatenate([self.edge_length, self.edge_length]),
                (np.concatenate([self.edge_a, self.edge_b]), np.concatenate([self.edge_b, self.edge_a])),
            ),
            shape=(m, m),
        ).tocsr()
        graph.sort_indices()
        self.graph = graph
        self.neighbours = [graph.indices[graph.indptr[u] : graph.indptr[u + 1]].tolist() for u in range(m)]
        self.shared = [graph.data[graph.indptr[u] : graph.indptr[u + 1]].tolist() for u in range(m)]
        self.weights = weights[members]
        # Centred coordinates keep the moment-of-inertia sums precise.
        self.xy = centroids[members] - centroids[members].mean(axis=0)
        self.areas = areas[members]
        self.perimeters = perimeters[members]
        self.targets = np.asarray(targets, dtype=float)
        self.slack = self.targets * tolerance_pct / 100.0
        # Which local edges are links (re-added across a barrier, or island links).
        pairs = np.array(
            [(min(link.i, link.j), max(link.i, link.j)) for link in adjacency.links], dtype=np.int64
        )
        edge_keys = adjacency.edges[inside, 0] * adjacency.n + adjacency.edges[inside, 1]
        link_keys = pairs[:, 0] * adjacency.n + pairs[:, 1] if len(pairs) else np.empty(0, dtype=np.int64)
        self.is_link = np.isin(edge_keys, link_keys)

    def subset(self, nodes: np.ndarray, targets: np.ndarray) -> _Problem:
        """The same district restricted to ``nodes`` (local indices), with other targets."""
        sub = object.__new__(_Problem)
        nodes = np.asarray(nodes, dtype=np.int64)
        local = np.full(self.size, -1, dtype=np.int64)
        local[nodes] = np.arange(len(nodes))
        a, b = local[self.edge_a], local[self.edge_b]
        inside = (a >= 0) & (b >= 0)
        sub.size = len(nodes)
        sub.edge_a, sub.edge_b, sub.edge_length = a[inside], b[inside], self.edge_length[inside]
        sub.is_link = self.is_link[inside]
        graph = self.graph[nodes][:, nodes].tocsr()
        graph.sort_indices()
        sub.graph = graph
        sub.neighbours = [
            graph.indices[graph.indptr[u] : graph.indptr[u + 1]].tolist() for u in range(len(nodes))
        ]
        sub.shared = [graph.data[graph.indptr[u] : graph.indptr[u + 1]].tolist() for u in range(len(nodes))]
        sub.weights = self.weights[nodes]
        sub.xy = self.xy[nodes]
        sub.areas = self.areas[nodes]
        sub.perimeters = self.perimeters[nodes]
        sub.targets = np.asarray(targets, dtype=float)
        sub.slack = sub.targets * (self.slack[0] / self.targets[0])
        return sub


def _split_district(
    problem: _Problem,
    existing: np.ndarray | None,
    rng: np.random.Generator,
    progress: ProgressCallback,
    is_cancelled: CancelCheck,
    unit_names: Sequence,
) -> tuple[np.ndarray, list[int], list[str]]:
    """Labels 0..k-1 of the district's units, the existing label matched to
    each sector (-1 if none) and notes for the log (naming units by ``unit_names``)."""
    k = len(problem.targets)
    notes: list[str] = []
    heaviest = float(problem.weights.max())
    if heaviest > (problem.targets + problem.slack).max():
        notes.append(
            f"unit {unit_names[int(np.argmax(problem.weights))]}'s workload ({heaviest:.0f}) exceeds every "
            "sector's upper bound "
            f"(target + tolerance, at most {(problem.targets + problem.slack).max():.0f}); "
            "the tolerance cannot be met with whole units."
        )
    existing_parts = None
    if existing is not None:
        ids = np.unique(existing[existing >= 0])
        if len(ids) == k:
            labels = _contiguous_start(problem, np.where(existing >= 0, np.searchsorted(ids, existing), -1))
        else:
            labels = _initial_plan(problem, rng)
        matched = _match_existing(problem, labels, existing, k)
        lookup = {label: part for part, label in enumerate(matched) if label >= 0}
        existing_parts = [lookup.get(int(label), -1) for label in existing]
    else:
        labels = _initial_plan(problem, rng)
        matched = [-1] * k
    progress(20.0)
    raise_if_cancelled(is_cancelled)
    refiner = _Refiner(problem, labels, existing_parts, rng)
    refiner.balance(is_cancelled)
    progress(30.0)
    refiner.compact(is_cancelled)
    progress(40.0)
    rounds = int(np.clip(_IMPROVE_WORK // problem.size, _MIN_IMPROVE_ROUNDS, _MAX_IMPROVE_ROUNDS))
    relaxed = [slack + float(np.median(problem.weights)) for slack in refiner.strict_slack]
    refiner.improve(rounds, relaxed, scaled(progress, 40.0, 100.0), is_cancelled)
    if refiner.total_excess() > 0:
        notes.append(_balance_note(problem, refiner))
    progress(100.0)
    return np.array(refiner.label, dtype=np.int64), matched, notes


def _balance_note(problem: _Problem, refiner: _Refiner) -> str:
    deviation = 100.0 * (np.array(refiner.load) - problem.targets) / problem.targets
    outside = int((np.abs(deviation) > 100.0 * problem.slack / problem.targets + 1e-9).sum())
    worst = int(np.argmax(np.abs(deviation)))
    return (
        f"no plan within the tolerance found with whole units: {outside} sector(s) outside, "
        f"worst {deviation[worst]:+.2f}%. Raise TOLERANCE or use smaller units."
    )


def _initial_plan(problem: _Problem, rng: np.random.Generator) -> np.ndarray:
    """Recursive bisection, rounded off by a centroidal power diagram; when
    links split the district into pieces, the piece plan (:func:`_piece_plan`)."""
    pieces = _piece_plan(problem, rng)
    if pieces is not None:
        return pieces
    bisection = _recursive_bisection(problem, rng)
    cells = _power_diagram(problem, bisection)
    if cells is None:
        return bisection
    return _contiguous_start(problem, cells)


def _power_diagram(
    problem: _Problem, labels: np.ndarray, fixed: dict[int, np.ndarray] | None = None
) -> np.ndarray | None:
    """Balanced centroidal power diagram of the unit centroids (Lloyd's method).

    Each unit goes to the sector minimising ``|x - c|² - α``: the centres
    ``c`` move to their sector's area centroid, the offsets ``α`` shift
    workload until sectors are near their targets. The cells are convex, so
    the sectors come out round; they may fall apart where the district is
    not convex (repaired by the caller). ``fixed``: sectors whose centre
    stays at the given point (and may come out empty; the caller pins their
    units). ``None`` if another sector ends up empty.
    """
    k = len(problem.targets)
    xy, weights, areas, targets = problem.xy, problem.weights, problem.areas, problem.targets
    if k == 1:
        return labels
    fixed = fixed or {}
    free = np.ones(k, dtype=bool)
    free[list(fixed)] = False
    alpha = np.zeros(k)
    # Offsets are in squared metres: scale steps by a typical sector's squared radius.
    scale = areas.sum() / k / math.pi
    for _ in range(_POWER_ITERATIONS):
        area = np.bincount(labels, weights=areas, minlength=k)
        if (area[free] <= 0).any():
            return None
        centres = (
            np.column_stack(
                [
                    np.bincount(labels, weights=areas * xy[:, 0], minlength=k),
                    np.bincount(labels, weights=areas * xy[:, 1], minlength=k),
                ]
            )
            / np.maximum(area, 1e-300)[:, None]
        )
        for part, point in fixed.items():
            centres[part] = point
        distance = ((xy[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
        for _ in range(_POWER_BALANCE_STEPS):
            labels = np.argmin(distance - alpha, axis=1)
            deviation = np.bincount(labels, weights=weights, minlength=k) / targets - 1.0
            if np.abs(deviation).max() < _POWER_BALANCE:
                break
            if fixed:
                # Tiny pinned targets would otherwise make the offsets swing wildly.
                deviation = np.clip(deviation, -1.0, 1.0)
            alpha -= 0.5 * scale * deviation
    if (np.bincount(labels, minlength=k)[free] == 0).any():
        return None
    return labels


def _piece_plan(problem: _Problem, rng: np.random.Generator) -> np.ndarray | None:
    """Initial plan of a district that links (across barriers, to islands) cut into pieces.

    *Pieces* are the connected parts of the district without its links; the
    links join them into a tree (they were added by Kruskal). A sector can
    only reach from one piece into another through a link, so the pieces are
    planned first, from the leaves of the tree to its heaviest piece, in
    target units: the subtree behind a link weighs ``S``; its ``floor(S)``
    whole sectors stay inside and the sector holding the link takes the
    remainder ``frac(S)`` behind the link plus ``1 - frac(S)`` in front of it
    (a remainder within half the tolerance of a whole number is spread over
    the subtree's sectors instead). In each piece these partial sectors are
    packed (:func:`_pack_partials`) into its whole sectors and the one leaving
    through its own parent link; a partial lighter than ``_FLOATING_SHARE``
    just joins whichever sector ends up holding the link's end. Each piece is
    then split on its own into the shares it holds (:func:`_anchored_plan`).

    ``None`` (use the plain initial plan) without links, with unequal
    targets, when all pieces but the main one are light enough to float, or
    when the tree leaves no valid allocation.
    """
    k = len(problem.targets)
    if k == 1 or not problem.is_link.any():
        return None
    unit = float(problem.targets.mean())
    if not np.allclose(problem.targets, unit, rtol=1e-9, atol=0.0):
        return None
    m = problem.size
    plain = ~problem.is_link
    graph = sparse.coo_matrix(
        (np.ones(int(plain.sum())), (problem.edge_a[plain], problem.edge_b[plain])), shape=(m, m)
    )
    count, piece = csgraph.connected_components(graph, directed=False)
    if count == 1:
        return None
    weight = np.bincount(piece, weights=problem.weights, minlength=count) / unit
    # The piece tree, breadth first from the heaviest piece.
    touching: list[list[tuple[int, int, int]]] = [[] for _ in range(count)]
    link_a, link_b = problem.edge_a[problem.is_link].tolist(), problem.edge_b[problem.is_link].tolist()
    for a, b in zip(link_a, link_b, strict=True):
        if piece[a] != piece[b]:
            touching[piece[a]].append((int(piece[b]), a, b))
            touching[piece[b]].append((int(piece[a]), b, a))
    root = int(np.argmax(weight))
    parent = np.full(count, -1)
    up_anchor = np.full(count, -1)  # end of the parent link in the piece
    down_anchor = np.full(count, -1)  # end of the parent link in the parent piece
    order = [root]
    seen = np.zeros(count, dtype=bool)
    seen[root] = True
    for p in order:
        for q, own, other in sorted(touching[p]):
            if not seen[q]:
                seen[q] = True
                parent[q], up_anchor[q], down_anchor[q] = p, other, own
                order.append(q)
    if not seen.all():
        return None

    # Leaves to root: the slots (sector shares) of each piece.
    tolerance = float(problem.slack[0] / problem.targets[0])
    incoming: list[list[tuple[float, int, int]]] = [[] for _ in range(count)]  # (share, anchor, slot)
    below = np.zeros(count, dtype=np.int64)  # whole sectors in each subtree
    slots_of: list[list[int]] = [[] for _ in range(count)]
    slot_share: list[float] = []
    slot_anchors: list[list[int]] = []
    slot_whole: list[bool] = []  # a new sector, not the continuation of a partial from the parent side
    packed_into: dict[int, int] = {}  # leaving slot -> slot of the parent piece holding it
    completed = 0
    for p in reversed(order):
        total = weight[p] + sum(share for share, _, _ in incoming[p])
        items = [item for item in incoming[p] if item[0] >= _FLOATING_SHARE]
        sectors_below = int(below[p])
        if p == root:
            whole, rest = k - completed, 0.0
            if whole < 1:
                return None
        else:
            whole = int(math.floor(total + 1e-12))
            rest = total - whole
            if rest > 1.0 - 0.5 * tolerance * (sectors_below + whole + 1):
                whole, rest = whole + 1, 0.0
            elif whole >= 1 and rest < 0.5 * tolerance * (sectors_below + whole):
                rest = 0.0
        capacity = (total - rest) / whole if whole else 0.0
        leaves = p != root and (rest > 0 or whole == 0)
        caps = [capacity] * whole + ([rest] if leaves else [])
        bins = _pack_partials(
            [(share, anchor) for share, anchor, _ in items],
            caps,
            whole if leaves else -1,
            int(up_anchor[p]) if leaves else -1,
            problem.xy,
        )
        if bins is None:
            return None
        for index, cap in enumerate(caps):
            slot = len(slot_share)
            held = [i for i, b in enumerate(bins) if b == index]
            slot_share.append(max(cap - sum(items[i][0] for i in held), 0.0))
            anchors = [items[i][1] for i in held] + ([int(up_anchor[p])] if leaves and index == whole else [])
            slot_anchors.append(sorted(set(anchors)))
            slot_whole.append(index < whole)
            slots_of[p].append(slot)
            for i in held:
                packed_into[items[i][2]] = slot
        completed += whole
        if p != root:
            below[parent[p]] += sectors_below + whole
            if leaves:
                incoming[parent[p]].append((rest, int(down_anchor[p]), slots_of[p][-1]))

    if all(len(slots_of[p]) == 1 and not slot_whole[slots_of[p][0]] for p in order[1:]) and not packed_into:
        # Only light pieces hanging off the main one: they join whichever
        # sector holds their link, as the plain plan makes them do anyway.
        return None

    # Root to leaves: sector numbers, and each piece split into its slots.
    labels = np.full(m, -1, dtype=np.int64)
    sector_of_slot = np.full(len(slot_share), -1, dtype=np.int64)
    sectors = 0
    for p in order:
        for slot in slots_of[p]:
            if slot_whole[slot]:
                sector_of_slot[slot], sectors = sectors, sectors + 1
            elif slot in packed_into:
                sector_of_slot[slot] = sector_of_slot[packed_into[slot]]
            else:
                # A floating partial: the sector holding the link's end.
                sector_of_slot[slot] = labels[down_anchor[p]]
        nodes = np.flatnonzero(piece == p)
        slots = slots_of[p]
        if len(slots) == 1:
            labels[nodes] = sector_of_slot[slots[0]]
            continue
        if len(slots) > len(nodes):
            return None
        local = np.full(m, -1, dtype=np.int64)
        local[nodes] = np.arange(len(nodes))
        shares = np.maximum(np.array(slot_share)[slots], 1e-6) * unit
        anchors = [local[slot_anchors[s]].tolist() for s in slots]
        sub_labels = _anchored_plan(problem.subset(nodes, shares), anchors, rng)
        labels[nodes] = sector_of_slot[slots][sub_labels]
    if sectors != k or (labels < 0).any() or (np.bincount(labels, minlength=k) == 0).any():
        return None
    return _contiguous_start(problem, labels)


def _pack_partials(
    items: list[tuple[float, int]], caps: list[float], leaving: int, leaving_anchor: int, xy: np.ndarray
) -> list[int] | None:
    """Bin of each partial sector arriving in a piece (share, anchor unit).

    Bins are the piece's sectors with their capacities (``leaving``: the bin
    of the sector leaving through the parent link at ``leaving_anchor``, -1
    if none). Partials with the same anchor share a bin, and one anchored at
    ``leaving_anchor`` goes with the leaving sector. Among the packings that
    fit, the one keeping the anchors of a bin closest together; when none
    fits (the tolerance cannot be met), the least overfull. ``None`` if a
    partial has no bin at all.
    """
    if not items:
        return []
    if not caps:
        return None
    groups: dict[int, list[int]] = {}
    for index, (_, anchor) in enumerate(items):
        groups.setdefault(anchor, []).append(index)
    anchors = sorted(groups, key=lambda a: (-sum(items[i][0] for i in groups[a]), a))
    share = [sum(items[i][0] for i in groups[a]) for a in anchors]
    load = [0.0] * len(caps)
    held: list[list[int]] = [[] for _ in caps]
    if leaving >= 0:
        held[leaving].append(leaving_anchor)
    best: list = [None, None]  # (overflow, cost), assignment
    budget = [_PACKING_BUDGET]
    assignment = [-1] * len(anchors)

    def search(i: int, overflow: float, cost: float) -> None:
        if budget[0] <= 0:
            return
        budget[0] -= 1
        key = (round(overflow, 9), cost)
        if best[0] is not None and key >= best[0]:
            return
        if i == len(anchors):
            best[0], best[1] = key, list(assignment)
            return
        anchor = anchors[i]
        options = [leaving] if anchor == leaving_anchor and leaving >= 0 else range(len(caps))
        tried_empty = False
        ranked = []
        for b in options:
            if not held[b]:
                if tried_empty:
                    continue  # empty bins are interchangeable
                tried_empty = True
                extra_cost = 0.0
            else:
                extra_cost = min(float(np.hypot(*(xy[anchor] - xy[other]))) for other in held[b])
            extra_overflow = max(0.0, load[b] + share[i] - caps[b] - 1e-9)
            extra_overflow -= max(0.0, load[b] - caps[b] - 1e-9)
            ranked.append((extra_overflow, extra_cost, b))
        for extra_overflow, extra_cost, b in sorted(ranked):
            assignment[i] = b
            load[b] += share[i]
            held[b].append(anchor)
            search(i + 1, overflow + extra_overflow, cost + extra_cost)
            held[b].pop()
            load[b] -= share[i]
        assignment[i] = -1

    search(0, 0.0, 0.0)
    if best[1] is None:
        return None
    bin_of_anchor = dict(zip(anchors, best[1], strict=True))
    return [bin_of_anchor[anchor] for _, anchor in items]


def _anchored_plan(problem: _Problem, anchors: list[list[int]], rng: np.random.Generator) -> np.ndarray:
    """Labels of a connected piece split into its shares, each sector holding its anchor units.

    Anchored sectors are grown first, together, from their anchors outwards
    (:func:`_grow_from_anchors`, never taking another sector's anchor); the
    main part of what is left is split among the other sectors by bisection
    and power diagram, scaled to its workload.
    Anchors of one sector that the growth did not join are joined by a
    shortest path; every sector keeps the connected part holding its anchors
    (or its heaviest part) and stray units join a neighbour.
    """
    k = len(problem.targets)
    weights, targets = problem.weights, problem.targets
    labels = np.full(problem.size, -1, dtype=np.int64)
    owner = {u: part for part in range(k) for u in anchors[part]}
    for u, part in owner.items():
        labels[u] = part
    _grow_from_anchors(problem, labels, anchors, owner)
    free = [p for p in range(k) if not anchors[p]]
    rest = np.flatnonzero(labels < 0)
    if free and len(rest):
        _, parts = csgraph.connected_components(problem.graph[rest][:, rest], directed=False)
        main = rest[parts == int(np.argmax(np.bincount(parts, weights=weights[rest] + 1e-9)))]
        if len(main) >= len(free):
            shares = targets[free] * max(weights[main].sum(), 1e-12) / targets[free].sum()
            sub = problem.subset(main, shares)
            split = _recursive_bisection(sub, rng)
            cells = _power_diagram(sub, split)
            if cells is not None:
                split = _contiguous_start(sub, cells)
            labels[main] = np.array(free)[split]
    for part in range(k):
        if len(anchors[part]) > 1:
            _join_anchors(problem, labels, part, anchors[part], owner)
    for part in range(k):
        inside = np.flatnonzero(labels == part)
        if len(inside) == 0:
            continue
        _, piece = csgraph.connected_components(problem.graph[inside][:, inside], directed=False)
        if anchors[part]:
            keep = piece[int(np.searchsorted(inside, anchors[part][0]))]
        else:
            keep = int(np.argmax(np.bincount(piece, weights=weights[inside] + 1e-9)))
        labels[inside[piece != keep]] = -1
    _fill_unassigned(problem, labels)
    return labels


def _grow_from_anchors(problem: _Problem, labels: np.ndarray, anchors: list[list[int]], owner: dict) -> None:
    """Grow the anchored sectors together over unlabelled units, the one
    least filled first, each taking its unit nearest to its anchors, until
    each reaches its target (or would overshoot it by more than it lacks)."""
    xy, weights = problem.xy, problem.weights
    targets = problem.targets
    parts = [part for part in range(len(anchors)) if anchors[part]]
    load = {part: float(weights[anchors[part]].sum()) for part in parts}
    heaps: dict[int, list[tuple[float, int]]] = {part: [] for part in parts}

    def push_neighbours(part: int, u: int) -> None:
        for v in problem.neighbours[u]:
            if labels[v] < 0 and v not in owner:
                distance = min(float(((xy[v] - xy[a]) ** 2).sum()) for a in anchors[part])
                heapq.heappush(heaps[part], (distance, v))

    for part in parts:
        for a in anchors[part]:
            push_neighbours(part, a)
    active = [(load[part] / targets[part], part) for part in parts if load[part] < targets[part]]
    heapq.heapify(active)
    while active:
        _, part = heapq.heappop(active)
        heap = heaps[part]
        while heap and labels[heap[0][1]] >= 0:
            heapq.heappop(heap)
        if not heap:
            continue
        _, u = heapq.heappop(heap)
        w = float(weights[u])
        lacking = targets[part] - load[part]
        if w > lacking and w - lacking > lacking:
            continue
        labels[u] = part
        load[part] += w
        push_neighbours(part, u)
        if load[part] < targets[part]:
            heapq.heappush(active, (load[part] / targets[part], part))


def _join_anchors(problem: _Problem, labels: np.ndarray, part: int, anchors: list[int], owner: dict) -> None:
    """Give ``part`` the units on shortest paths from its first anchor to the
    others (when not already joined), avoiding units pinned to other sectors."""
    start = anchors[0]
    previous = {start: -1}
    queue = [start]
    for u in queue:
        for v in problem.neighbours[u]:
            if v not in previous and owner.get(v, part) == part:
                previous[v] = u
                queue.append(v)
    inside = np.flatnonzero(labels == part)
    _, piece = csgraph.connected_components(problem.graph[inside][:, inside], directed=False)
    home = piece[int(np.searchsorted(inside, start))]
    for target in anchors[1:]:
        if piece[int(np.searchsorted(inside, target))] == home:
            continue
        u = target
        while u in previous and u != -1:
            labels[u] = part
            u = previous[u]


def _contiguous_start(problem: _Problem, labels: np.ndarray) -> np.ndarray:
    """A valid start from labels that may be fragmented or partial (-1):
    each sector keeps its heaviest connected piece; other pieces and
    unlabelled units join a neighbouring sector."""
    labels = labels.copy()
    for part in range(len(problem.targets)):
        inside = np.flatnonzero(labels == part)
        if len(inside) == 0:
            continue
        _, piece = csgraph.connected_components(problem.graph[inside][:, inside], directed=False)
        piece_weight = np.bincount(piece, weights=problem.weights[inside] + 1e-9)
        labels[inside[piece != int(np.argmax(piece_weight))]] = -1
    _fill_unassigned(problem, labels)
    return labels


def _fill_unassigned(problem: _Problem, labels: np.ndarray) -> None:
    """Give every unlabelled unit the label of a labelled neighbour (breadth first)."""
    frontier = [u for u in range(problem.size) if labels[u] >= 0]
    while frontier:
        grown = []
        for u in frontier:
            for v in problem.neighbours[u]:
                if labels[v] < 0:
                    labels[v] = labels[u]
                    grown.append(v)
        frontier = grown


def _match_existing(problem: _Problem, labels: np.ndarray, existing: np.ndarray, k: int) -> list[int]:
    """Existing label continued by each sector: greedy on shared workload."""
    has = existing >= 0
    pairs: dict[tuple[int, int], float] = {}
    for part, label, weight in zip(
        labels[has].tolist(), existing[has].tolist(), problem.weights[has].tolist(), strict=False
    ):
        pairs[(part, label)] = pairs.get((part, label), 0.0) + weight + 1e-9
    matched = [-1] * k
    used = set()
    for (part, label), _ in sorted(pairs.items(), key=lambda item: (-item[1], item[0])):
        if matched[part] < 0 and label not in used:
            matched[part] = label
            used.add(label)
    return matched


def _recursive_bisection(problem: _Problem, rng: np.random.Generator) -> np.ndarray:
    labels = np.zeros(problem.size, dtype=np.int64)
    stack = [(np.arange(problem.size), list(range(len(problem.targets))))]
    while stack:
        nodes, parts = stack.pop()
        if len(parts) == 1:
            labels[nodes] = parts[0]
            continue
        half = len(parts) // 2
        share = problem.targets[parts[:half]].sum() / problem.targets[parts].sum()
        first = _bisect(problem, nodes, share, half, len(parts) - half, rng)
        if first is None:
            labels[nodes] = _peel_leaves(problem, nodes, parts)
            continue
        stack.append((nodes[first], parts[:half]))
        stack.append((nodes[~first], parts[half:]))
    return labels


def _bisect(
    problem: _Problem,
    nodes: np.ndarray,
    share: float,
    need_first: int,
    need_second: int,
    rng: np.random.Generator,
) -> np.ndarray | None:
    """Straight-line cut of ``nodes`` (connected) into two connected sides.

    Returns the mask of the first side (about ``share`` of the workload, at
    least ``need_first`` units; the other side at least ``need_second``), or
    ``None`` when no direction gives enough units on both sides.
    """
    sub = problem.graph[nodes][:, nodes].tocoo()
    upper = sub.row < sub.col
    edge_a, edge_b, edge_length = sub.row[upper], sub.col[upper], sub.data[upper]
    weights = problem.weights[nodes]
    xy = problem.xy[nodes]
    total = weights.sum()
    goal = share * total
    # Balance within a unit's workload is good enough here; the refiner polishes.
    balance_scale = max(float(np.median(weights)), 1e-12 * total)
    offset = rng.uniform(0.0, math.pi / _BISECTION_DIRECTIONS)
    best, best_key = None, None
    for angle in offset + math.pi * np.arange(_BISECTION_DIRECTIONS) / _BISECTION_DIRECTIONS:
        order = np.argsort(xy @ np.array([math.cos(angle), math.sin(angle)]), kind="stable")
        cumulative = np.cumsum(weights[order])
        aim = goal
        for _ in range(3):
            count = int(np.searchsorted(cumulative, aim))
            if count < len(order) and (count == 0 or cumulative[count] - aim < aim - cumulative[count - 1]):
                count += 1
            count = min(max(count, 1), len(order) - 1)
            first = np.zeros(len(nodes), dtype=bool)
            first[order[:count]] = True
            first = _make_sides_connected(first, edge_a, edge_b, weights)
            error = weights[first].sum() - goal
            if abs(error) <= balance_scale:
                break
            aim -= error
        if first.sum() < need_first or (~first).sum() < need_second:
            continue
        cut = edge_length[first[edge_a] != first[edge_b]].sum()
        key = (max(abs(error) / balance_scale, 1.0), cut)
        if best_key is None or key < best_key:
            best, best_key = first, key
    return best


def _make_sides_connected(
    first: np.ndarray, edge_a: np.ndarray, edge_b: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    """Hand every piece cut off from the main part of its side to the other side."""
    first = first.copy()
    for side in (True, False):
        same = first[edge_a] == first[edge_b]
        graph = sparse.coo_matrix(
            (np.ones(int(same.sum())), (edge_a[same], edge_b[same])), shape=(len(first), len(first))
        )
        _, piece = csgraph.connected_components(graph, directed=False)
        on_side = first == side
        if not on_side.any():
            continue
        piece_weight = np.bincount(piece[on_side], weights=weights[on_side] + 1e-9, minlength=piece.max() + 1)
        main = int(np.argmax(piece_weight))
        first[on_side & (piece != main)] = not side
    return first


def _peel_leaves(problem: _Problem, nodes: np.ndarray, parts: list[int]) -> np.ndarray:
    """A valid (unbalanced) split of tiny cases: single units peeled off the
    leaves of a spanning tree, the rest forming the last part."""
    inside = set(nodes.tolist())
    root = int(nodes[0])
    parent = {root: -1}
    order = [root]
    for u in order:
        for v in problem.neighbours[u]:
            if v in inside and v not in parent:
                parent[v] = u
                order.append(v)
    children = {u: 0 for u in order}
    for u in order[1:]:
        children[parent[u]] += 1
    labels = {u: parts[-1] for u in order}
    leaves = [u for u in reversed(order) if children[u] == 0 and u != root]
    for part in parts[:-1]:
        leaf = leaves.pop(0)
        labels[leaf] = part
        up = parent[leaf]
        children[up] -= 1
        if children[up] == 0 and up != root:
            leaves.append(up)
    return np.array([labels[int(u)] for u in nodes], dtype=np.int64)


class _Refiner:
    """Local search over a district's labels that keeps every sector connected."""

    def __init__(
        self, problem: _Problem, labels: np.ndarray, existing: list[int] | None, rng: np.random.Generator
    ):
        self.p = problem
        self.rng = rng
        self.existing = existing
        self.k = len(problem.targets)
        self.w = problem.weights.tolist()
        self.area = problem.areas.tolist()
        self.x = problem.xy[:, 0].tolist()
        self.y = problem.xy[:, 1].tolist()
        # Own polar moment of each unit, as if it were a square of its area.
        self.own = (problem.areas**2 / 6.0).tolist()
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
        squares = p.areas * (p.xy**2).sum(axis=1) + p.areas**2 / 6.0
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
        owner = {u: -1}
        root = list(range(len(seeds)))
        frontier: list[list[int]] = []
        for index, v in enumerate(seeds):
            owner[v] = index
            frontier.append([v])
        groups = len(seeds)

        def find(i: int) -> int:
            while root[i] != i:
                root[i] = root[root[i]]
                i = root[i]
            return i

        while True:
            for index in range(len(seeds)):
                if find(index) != index:
                    continue
                current = frontier[index]
                grown: list[int] = []
                for s in current:
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
                                root[other_root] = index
                                grown.extend(frontier[other_root])
                                frontier[other_root] = []
                                groups -= 1
                                if groups == 1:
                                    return True
                if not grown:
                    return False
                frontier[index] = grown

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

    # -- phases ---------------------------------------------------------------

    def total_excess(self) -> float:
        return sum(self._excess(part, self.load[part]) for part in range(self.k))

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
            ranked = []
            for u, source, dest in self._moves_touching(out):
                improvement = self._balance_improvement(u, source, dest)
                if improvement is None:
                    continue
                removed, stay = improvement
                gain = self._shape_gain(u, source, dest)
                if removed > 0:
                    ranked.append((0, stay, -gain * self.target[source] / removed, u, source, dest))
                else:
                    ranked.append((1, stay, -gain, u, source, dest))
            ranked.sort()
            moved = False
            for *_, u, source, dest in ranked:
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
        if self.tries_left <= 0:
            return False
        self.tries_left -= 1
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
        for *_, u, source, dest in ranked[:_EJECTION_BRANCHING]:
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

    def _keeps_tolerance(self, source: int, dest: int, w: float) -> bool:
        return self._excess(source, self.load[source] - w) <= self._excess(
            source, self.load[source]
        ) and self._excess(dest, self.load[dest] + w) <= self._excess(dest, self.load[dest])

    def _compact_singles(self) -> int:
        moved = 0
        for u in self._shuffled(self._boundary()):
            source = self.label[u]
            if len(self.members[source]) == 1:
                continue
            best_key, best_dest = None, -1
            for dest in self._neighbour_parts(u):
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
        moved = 0
        for u in self._shuffled(self._boundary()):
            source = self.label[u]
            if len(self.members[source]) == 1:
                continue
            for dest in self._neighbour_parts(u):
                if self._stay_cost(u, source, dest) > 0 or self._keeps_tolerance(source, dest, self.w[u]):
                    continue
                gain = self._shape_gain(u, source, dest)
                if gain <= 1e-9:
                    continue
                source_breaks = self._excess(source, self.load[source] - self.w[u]) > self._excess(
                    source, self.load[source]
                )
                dest_breaks = self._excess(dest, self.load[dest] + self.w[u]) > self._excess(
                    dest, self.load[dest]
                )
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
        for s in self._boundary(part):
            for v in [s] if giving else self.p.neighbours[s]:
                if v == moved_unit:
                    continue
                w = self.w[v]
                if giving:
                    for dest in self._neighbour_parts(v):
                        if self._excess(part, self.load[part] - w) <= 0 and self._keeps_other(dest, w):
                            best_key, best_move = self._better(best_key, best_move, v, part, dest)
                else:
                    source = self.label[v]
                    if (
                        source != part
                        and self._excess(part, self.load[part] + w) <= 0
                        and self._keeps_other(source, -w)
                    ):
                        best_key, best_move = self._better(best_key, best_move, v, source, part)
        if best_move is None:
            return False
        v, source, dest = best_move
        if budget - best_key[1] <= 1e-9:
            return False
        if len(self.members[source]) == 1 or not self._can_leave(v):
            return False
        self._move(v, dest)
        return True

    def _keeps_other(self, part: int, delta: float) -> bool:
        return self._excess(part, self.load[part] + delta) <= self._excess(part, self.load[part])

    def _better(self, best_key, best_move, v: int, source: int, dest: int):
        stay = self._stay_cost(v, source, dest)
        if stay > 0:
            return best_key, best_move
        key = (stay, -self._shape_gain(v, source, dest))
        if best_key is None or key < best_key:
            return key, (v, source, dest)
        return best_key, best_move

    def _shuffled(self, units: list[int]) -> list[int]:
        return [units[i] for i in self.rng.permutation(len(units))]
