"""The split, district by district: :func:`split_sectors` and its :class:`SplitResult`.

For each district: check it, make it connected (:func:`~..adjacency.ensure_connected`),
build its :class:`~.graph.DistrictGraph`, take a starting plan (the existing
plan's sectors, the piece plan of :mod:`.pieces` when links cut the district
into pieces, else the rounded plan of :mod:`.seeding`), then refine it
(:mod:`.refine`: balance, compact, perturb and repair) and number its
sectors in reading order.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import shapely

from ..adjacency import LINK_BARRIER, Adjacency, Link, ensure_connected
from ..errors import InputError
from ..messages import tr
from ..progress import (
    CancelCheck,
    ProgressCallback,
    never_cancelled,
    no_progress,
    raise_if_cancelled,
    scaled,
)
from .graph import DistrictGraph, contiguity, contiguous_start
from .pieces import piece_plan
from .refine import Refiner
from .seeding import rounded_plan
from .workload import checked_values

DEFAULT_TOLERANCE_PCT = 1.0

# Perturb-and-repair rounds: about _IMPROVE_WORK / units, within these bounds.
_IMPROVE_WORK = 20000
_MIN_IMPROVE_ROUNDS = 2
_MAX_IMPROVE_ROUNDS = 20


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
        """Largest absolute workload deviation of any sector from its target, in percent."""
        return float(np.abs(self.deviation_pct).max())

    @property
    def noncontiguous_count(self) -> int:
        """Number of sectors that are not contiguous."""
        return int((~self.contiguous).sum())

    @property
    def within_tolerance(self) -> bool:
        """True when every sector's workload deviation is within the tolerance."""
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
    weights = checked_values(workload, "workload", unit_names)
    if len(weights) != n or adjacency.n != n:
        raise InputError(
            tr(
                "{units} units, {workloads} workloads and an adjacency of {adjacency} units do not match.",
                units=n,
                workloads=len(weights),
                adjacency=adjacency.n,
            )
        )
    if n == 0:
        raise InputError(tr("The base units layer has no features; choose a layer with polygons."))
    if not tolerance_pct > 0:
        raise InputError(tr("The tolerance must be positive, got {tolerance}.", tolerance=tolerance_pct))
    district_of = np.zeros(n, dtype=np.int64) if districts is None else np.asarray(districts, dtype=np.int64)
    counts = [int(sector_counts)] if np.isscalar(sector_counts) else [int(c) for c in sector_counts]
    names = list(district_names) if district_names is not None else [f"{d + 1}" for d in range(len(counts))]
    if len(district_of) != n or district_of.min() < 0 or district_of.max() >= len(counts):
        raise InputError(tr("Every unit needs a district index between 0 and the number of districts - 1."))
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
        targets = _district_targets(name, k, shares, weights[members].sum())
        problem = DistrictGraph(
            adjacency, members, weights, centroids, areas, perimeters, targets, tolerance_pct
        )
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
    contiguous = contiguity(adjacency, labels, total)
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


def _check_district(name: str, members: np.ndarray, k: int, weights: np.ndarray) -> None:
    if k < 1:
        raise InputError(
            tr(
                "District {name}: its sector count is {count}; every district needs at least one sector.",
                name=name,
                count=k,
            )
        )
    if len(members) < k:
        raise InputError(
            tr(
                "District {name} has {units} units but asks for {count} sectors; "
                "lower its sector count or use smaller units.",
                name=name,
                units=len(members),
                count=k,
            )
        )
    if weights[members].sum() <= 0:
        raise InputError(
            tr("District {name} has no workload (population 0); its sectors cannot be balanced.", name=name)
        )


def _district_targets(name: str, k: int, shares: Sequence[float] | None, workload: float) -> np.ndarray:
    """Target of each of a district's ``k`` sectors: its ``workload`` split by
    ``shares`` (normalised; ``None``: equal shares)."""
    shares = np.full(k, 1.0 / k) if shares is None else np.asarray(shares, dtype=float)
    if len(shares) != k or (shares <= 0).any() or not np.isfinite(shares).all():
        raise InputError(
            tr(
                "District {name}: {count} sectors need {count} positive target shares, got {shares}.",
                name=name,
                count=k,
                shares=list(shares),
            )
        )
    return workload * shares / shares.sum()


def _reading_order(labels: np.ndarray, k: int, centroids: np.ndarray, areas: np.ndarray) -> np.ndarray:
    """Sectors sorted north to south, then west to east, by area centroid."""
    area = np.bincount(labels, weights=areas, minlength=k)
    cx = np.bincount(labels, weights=areas * centroids[:, 0], minlength=k) / area
    cy = np.bincount(labels, weights=areas * centroids[:, 1], minlength=k) / area
    return np.lexsort((cx, -cy))


def _split_district(
    problem: DistrictGraph,
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
            labels = contiguous_start(problem, np.where(existing >= 0, np.searchsorted(ids, existing), -1))
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
    refiner = Refiner(problem, labels, existing_parts, rng)
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


def _balance_note(problem: DistrictGraph, refiner: Refiner) -> str:
    deviation = 100.0 * (np.array(refiner.load) - problem.targets) / problem.targets
    outside = int((np.abs(deviation) > 100.0 * problem.slack / problem.targets + 1e-9).sum())
    worst = int(np.argmax(np.abs(deviation)))
    return (
        f"no plan within the tolerance found with whole units: {outside} sector(s) outside, "
        f"worst {deviation[worst]:+.2f}%. Raise the tolerance or use smaller units."
    )


def _initial_plan(problem: DistrictGraph, rng: np.random.Generator) -> np.ndarray:
    """The piece plan (:func:`.pieces.piece_plan`) when links cut the district
    into pieces, else recursive bisection rounded off by a power diagram."""
    pieces = piece_plan(problem, rng)
    if pieces is not None:
        return pieces
    return rounded_plan(problem, rng)


def _match_existing(problem: DistrictGraph, labels: np.ndarray, existing: np.ndarray, k: int) -> list[int]:
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
