"""Starting plans: recursive bisection rounded off by a power diagram.

:func:`rounded_plan` cuts the district in two along a straight line at the
workload share (the shortest cut of several directions), recursively, then
uses those sectors as the start of a balanced centroidal power diagram
(Lloyd's method on the unit centroids, with per-sector offsets that balance
workload): convex cells, so round sectors, made contiguous on the graph.

A large district (:func:`.coarsen.coarsen` gives it coarser graphs) is cut on
its coarsest graph; the power diagram runs on the coarsest graph with enough
nodes per sector to draw round cells (:data:`_POWER_NODES_PER_SECTOR`), then
a few iterations on the units themselves, carrying the offsets over, smooth
the cells' edges at the units' own scale. Same plan, a fraction of the work.
"""

from __future__ import annotations

import math

import numpy as np

from ..lazy import lazy_module
from .coarsen import coarsen
from .graph import DistrictGraph, contiguous_start

sparse = lazy_module("scipy.sparse")
csgraph = lazy_module("scipy.sparse.csgraph")
spatial = lazy_module("scipy.spatial")

# Directions tried by each bisection of the initial plan.
_BISECTION_DIRECTIONS = 12
# Lloyd iterations of the power diagram, offset steps per iteration, and the
# balance (fraction of target) at which the offsets stop moving.
_POWER_ITERATIONS = 15
_POWER_BALANCE_STEPS = 50
_POWER_BALANCE = 0.005
# Centres each unit may join in the power diagram: its nearest ones. With more
# sectors than this, the n × k distance matrix would dominate the whole split.
_POWER_CANDIDATES = 12
# Large districts: the power diagram's graph has at least this many nodes per
# sector; the iterations then run on the units.
_POWER_NODES_PER_SECTOR = 80
_UNIT_POWER_ITERATIONS = 3


def rounded_plan(problem: DistrictGraph, rng: np.random.Generator) -> np.ndarray:
    """Recursive bisection, rounded off by a centroidal power diagram when
    that leaves no sector empty (on coarser graphs first for a large district)."""
    levels = coarsen(problem, rng)
    graphs = [problem] + [graph for graph, _ in levels]
    labels = recursive_bisection(graphs[-1], rng)
    enough = _POWER_NODES_PER_SECTOR * len(problem.targets)
    level = max([index for index, graph in enumerate(graphs) if graph.size >= enough], default=0)
    labels = _projected(labels, levels, len(levels), level)
    alpha = np.zeros(len(problem.targets))
    cells = power_diagram(graphs[level], labels, _POWER_ITERATIONS, alpha)
    if cells is not None and level > 0:
        cells = power_diagram(problem, _projected(cells, levels, level, 0), _UNIT_POWER_ITERATIONS, alpha)
    if cells is None:
        return _projected(labels, levels, level, 0)
    return contiguous_start(problem, cells)


def _projected(labels: np.ndarray, levels: list, coarse: int, fine: int) -> np.ndarray:
    """Labels of the nodes of graph ``coarse`` (0: the units, i: ``levels[i - 1]``)
    as labels of the nodes of the finer graph ``fine``."""
    for index in range(coarse, fine, -1):
        labels = labels[levels[index - 1][1]]
    return labels


def power_diagram(
    problem: DistrictGraph, labels: np.ndarray, iterations: int, alpha: np.ndarray
) -> np.ndarray | None:
    """Balanced centroidal power diagram of the unit centroids (Lloyd's method).

    Each unit goes to the sector minimising ``|x - c|² - α``: the centres
    ``c`` move to their sector's area centroid, the offsets ``α`` shift
    workload until sectors are near their targets. The cells are convex, so
    the sectors come out round; they may fall apart where the district is
    not convex (repaired by the caller). ``iterations`` of Lloyd's method,
    from the offsets ``alpha`` (updated in place, so a finer graph can go on
    from them). ``None`` if a sector ends up empty.
    """
    k = len(problem.targets)
    xy, weights, areas, targets = problem.xy, problem.weights, problem.areas, problem.targets
    if k == 1:
        return labels
    labels = labels.copy()
    # Offsets are in squared metres: scale steps by a typical sector's squared radius.
    scale = areas.sum() / k / math.pi
    for _ in range(iterations):
        area = np.bincount(labels, weights=areas, minlength=k)
        if (area <= 0).any():
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
        candidates, distance = _nearest_centres(xy, centres)
        # A unit's choice can only change once the offsets moved apart by more
        # than its margin (second best minus best): each step re-scores only the
        # units whose margin, plus the drift when it was taken, is within the
        # drift since (``settled``). Same labels as re-scoring all, far less work.
        settled = np.full(len(xy), -np.inf)
        drift = 0.0
        for _ in range(_POWER_BALANCE_STEPS):
            active = np.flatnonzero(settled <= drift + 1e-9 * scale)
            labels[active], margin = _power_choice(candidates[active], distance[active], alpha)
            settled[active] = margin + drift
            deviation = np.bincount(labels, weights=weights, minlength=k) / targets - 1.0
            if np.abs(deviation).max() < _POWER_BALANCE:
                break
            step = 0.5 * scale * deviation
            alpha -= step
            drift += float(step.max() - step.min())
    if (np.bincount(labels, minlength=k) == 0).any():
        return None
    return labels


def _power_choice(
    candidates: np.ndarray, distance: np.ndarray, alpha: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each unit's sector (least ``distance - alpha`` among its ``candidates``)
    and its margin over the runner-up."""
    score = distance - alpha[candidates]
    rows = np.arange(len(score))
    best = np.argmin(score, axis=1)
    lowest = score[rows, best]
    score[rows, best] = np.inf
    return candidates[rows, best], score.min(axis=1) - lowest


def _nearest_centres(xy: np.ndarray, centres: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per unit, the sectors it may join (``_POWER_CANDIDATES`` nearest centres,
    all of them when there are few) and its squared distance to each."""
    k = len(centres)
    if k <= _POWER_CANDIDATES:
        candidates = np.broadcast_to(np.arange(k), (len(xy), k))
        return candidates, ((xy[:, None, :] - centres[None, :, :]) ** 2).sum(axis=2)
    distance, candidates = spatial.cKDTree(centres).query(xy, k=_POWER_CANDIDATES)
    return candidates, distance**2


def recursive_bisection(problem: DistrictGraph, rng: np.random.Generator) -> np.ndarray:
    """Sectors from straight cuts at the workload share, halving the sector
    count each time; tiny cases no cut fits are peeled (:func:`_peel_leaves`)."""
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
    problem: DistrictGraph,
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
            first = _make_sides_connected(first, sub.row, sub.col, weights)
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
    first: np.ndarray, rows: np.ndarray, columns: np.ndarray, weights: np.ndarray
) -> np.ndarray:
    """Hand every piece cut off from the main part of its side to the other side.

    ``rows`` → ``columns`` are the graph's edges in both directions, sorted by
    row (from a CSR matrix), so the graph of same-side edges is put together
    as CSR directly, and, being symmetric, its strong components are its
    pieces (weak ones would need its transpose): the bisection asks this
    dozens of times per cut."""
    first = first.copy()
    n = len(first)
    for side in (True, False):
        same = first[rows] == first[columns]
        indptr = np.concatenate([[0], np.cumsum(np.bincount(rows[same], minlength=n))])
        graph = sparse.csr_matrix((np.ones(int(same.sum())), columns[same], indptr), shape=(n, n))
        _, piece = csgraph.connected_components(graph, directed=True, connection="strong")
        on_side = first == side
        if not on_side.any():
            continue
        piece_weight = np.bincount(piece[on_side], weights=weights[on_side] + 1e-9, minlength=piece.max() + 1)
        main = int(np.argmax(piece_weight))
        first[on_side & (piece != main)] = not side
    return first


def _peel_leaves(problem: DistrictGraph, nodes: np.ndarray, parts: list[int]) -> np.ndarray:
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
