"""Starting plan of a district that links cut into pieces.

Links (put back across a barrier, or joining an island) are the only way a
sector can reach from one *piece* (a connected part of the district without
its links) into another. A plain starting plan ignores that and leaves
sectors split across a link in ways the refiner cannot repair, so
:func:`piece_plan` plans the pieces first:

1. :func:`_piece_tree` — the pieces and the tree the links join them into
   (the links were added by Kruskal), rooted at the heaviest piece.
2. :func:`_allocate_slots` — from the leaves to the root, in target units:
   the subtree behind a link weighs ``S``; its ``floor(S)`` whole sectors
   stay inside and the sector holding the link takes the remainder
   ``frac(S)`` behind the link plus ``1 - frac(S)`` in front of it (a
   remainder within half the tolerance of a whole number is spread over the
   subtree's sectors instead). In each piece these partial sectors are
   packed (:func:`_pack_partials`) into its whole sectors and the one leaving
   through its own parent link; a partial lighter than ``_FLOATING_SHARE``
   just joins whichever sector ends up holding the link's end.
3. :func:`_label_pieces` — from the root to the leaves: sector numbers, and
   each piece split on its own into the shares it holds
   (:func:`anchored_plan`, sectors grown from their link ends).
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, field

import numpy as np

from ..lazy import lazy_module
from .graph import DistrictGraph, contiguous_start, fill_unassigned, keep_one_piece
from .seeding import rounded_plan

sparse = lazy_module("scipy.sparse")
csgraph = lazy_module("scipy.sparse.csgraph")

# Partial sectors lighter than this share of a target just join the sector
# holding their link; search steps of the packing of partials.
_FLOATING_SHARE = 0.1
_PACKING_BUDGET = 5000


@dataclass(frozen=True)
class _PieceTree:
    """The pieces of a district and the tree its links join them into."""

    piece: np.ndarray  # piece of each unit
    weight: np.ndarray  # workload of each piece, in targets
    order: list[int]  # breadth first from the root, the heaviest piece
    parent: np.ndarray  # parent piece, -1 at the root
    up_anchor: np.ndarray  # end of the parent link in the piece
    down_anchor: np.ndarray  # end of the parent link in the parent piece


@dataclass
class _Slots:
    """The sector shares ("slots") pieces hold, numbered over all pieces."""

    of_piece: list[list[int]]
    share: list[float] = field(default_factory=list)  # in targets, after the partials packed in
    anchors: list[list[int]] = field(default_factory=list)  # units the slot's sector must hold
    whole: list[bool] = field(default_factory=list)  # a new sector, not a partial from the parent side
    packed_into: dict[int, int] = field(default_factory=dict)  # leaving slot -> parent piece's slot

    def add(
        self,
        piece: int,
        caps: list[float],
        items: list[tuple[float, int, int]],
        bins: list[int],
        whole: int,
        leaving_anchor: int,
    ) -> None:
        """One slot of ``piece`` per capacity in ``caps``: the first ``whole`` are
        new sectors, a last one leaves through the parent link at
        ``leaving_anchor``; each holds the partials ``items`` packed into it."""
        for index, cap in enumerate(caps):
            slot = len(self.share)
            held = [i for i, b in enumerate(bins) if b == index]
            self.share.append(max(cap - sum(items[i][0] for i in held), 0.0))
            anchors = [items[i][1] for i in held] + ([leaving_anchor] if index == whole else [])
            self.anchors.append(sorted(set(anchors)))
            self.whole.append(index < whole)
            self.of_piece[piece].append(slot)
            for i in held:
                self.packed_into[items[i][2]] = slot


def piece_plan(problem: DistrictGraph, rng: np.random.Generator) -> np.ndarray | None:
    """Initial plan of a district that links cut into pieces (module steps).

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
    tree = _piece_tree(problem, unit)
    if tree is None:
        return None
    slots = _allocate_slots(problem, tree, k)
    if slots is None or _only_floating_pieces(tree, slots):
        return None
    labels = _label_pieces(problem, tree, slots, unit, rng)
    return None if labels is None else contiguous_start(problem, labels)


def _piece_tree(problem: DistrictGraph, unit: float) -> _PieceTree | None:
    """The pieces and their tree, breadth first from the heaviest piece;
    ``None`` with one piece, or when the links do not join them all."""
    m = problem.size
    plain = ~problem.is_link
    graph = sparse.coo_matrix(
        (np.ones(int(plain.sum())), (problem.edge_a[plain], problem.edge_b[plain])), shape=(m, m)
    )
    count, piece = csgraph.connected_components(graph, directed=False)
    if count == 1:
        return None
    weight = np.bincount(piece, weights=problem.weights, minlength=count) / unit
    touching: list[list[tuple[int, int, int]]] = [[] for _ in range(count)]
    link_a, link_b = problem.edge_a[problem.is_link].tolist(), problem.edge_b[problem.is_link].tolist()
    for a, b in zip(link_a, link_b, strict=True):
        if piece[a] != piece[b]:
            touching[piece[a]].append((int(piece[b]), a, b))
            touching[piece[b]].append((int(piece[a]), b, a))
    root = int(np.argmax(weight))
    parent = np.full(count, -1)
    up_anchor = np.full(count, -1)
    down_anchor = np.full(count, -1)
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
    return _PieceTree(piece, weight, order, parent, up_anchor, down_anchor)


def _allocate_slots(problem: DistrictGraph, tree: _PieceTree, k: int) -> _Slots | None:
    """Leaves to root: the slots of each piece, and which partial goes where
    (module step 2). ``None`` when the pieces leave the root no sector or a
    partial fits no slot."""
    count = len(tree.weight)
    root = tree.order[0]
    tolerance = float(problem.slack[0] / problem.targets[0])
    incoming: list[list[tuple[float, int, int]]] = [[] for _ in range(count)]  # (share, anchor, slot)
    below = np.zeros(count, dtype=np.int64)  # whole sectors in each subtree
    slots = _Slots([[] for _ in range(count)])
    completed = 0
    for p in reversed(tree.order):
        total = tree.weight[p] + sum(share for share, _, _ in incoming[p])
        items = [item for item in incoming[p] if item[0] >= _FLOATING_SHARE]
        sectors_below = int(below[p])
        if p == root:
            whole, rest = k - completed, 0.0
            if whole < 1:
                return None
        else:
            whole, rest = _whole_sectors(total, sectors_below, tolerance)
        leaves = p != root and (rest > 0 or whole == 0)
        leaving_anchor = int(tree.up_anchor[p]) if leaves else -1
        capacity = (total - rest) / whole if whole else 0.0
        caps = [capacity] * whole + ([rest] if leaves else [])
        bins = _pack_partials(
            [(share, anchor) for share, anchor, _ in items],
            caps,
            whole if leaves else -1,
            leaving_anchor,
            problem.xy,
        )
        if bins is None:
            return None
        slots.add(p, caps, items, bins, whole, leaving_anchor)
        completed += whole
        if p != root:
            below[tree.parent[p]] += sectors_below + whole
            if leaves:
                incoming[tree.parent[p]].append((rest, int(tree.down_anchor[p]), slots.of_piece[p][-1]))
    return slots


def _whole_sectors(total: float, sectors_below: int, tolerance: float) -> tuple[int, float]:
    """Whole sectors a subtree of ``total`` targets keeps, and the remainder
    leaving through its link; a remainder the tolerance of the subtree's
    sectors can absorb (or fill up) is spread over them instead."""
    whole = int(math.floor(total + 1e-12))
    rest = total - whole
    if rest > 1.0 - 0.5 * tolerance * (sectors_below + whole + 1):
        whole, rest = whole + 1, 0.0
    elif whole >= 1 and rest < 0.5 * tolerance * (sectors_below + whole):
        rest = 0.0
    return whole, rest


def _only_floating_pieces(tree: _PieceTree, slots: _Slots) -> bool:
    """Whether only light pieces hang off the main one: they join whichever
    sector holds their link, as the plain plan makes them do anyway."""
    return (
        all(len(slots.of_piece[p]) == 1 and not slots.whole[slots.of_piece[p][0]] for p in tree.order[1:])
        and not slots.packed_into
    )


def _label_pieces(
    problem: DistrictGraph, tree: _PieceTree, slots: _Slots, unit: float, rng: np.random.Generator
) -> np.ndarray | None:
    """Root to leaves: the sector of each slot, and each piece split into its
    slots. ``None`` when a piece holds more slots than units or a sector
    comes out missing or empty."""
    k = len(problem.targets)
    m = problem.size
    labels = np.full(m, -1, dtype=np.int64)
    sector_of_slot = np.full(len(slots.share), -1, dtype=np.int64)
    sectors = 0
    for p in tree.order:
        for slot in slots.of_piece[p]:
            if slots.whole[slot]:
                sector_of_slot[slot], sectors = sectors, sectors + 1
            elif slot in slots.packed_into:
                sector_of_slot[slot] = sector_of_slot[slots.packed_into[slot]]
            else:
                # A floating partial: the sector holding the link's end.
                sector_of_slot[slot] = labels[tree.down_anchor[p]]
        nodes = np.flatnonzero(tree.piece == p)
        piece_slots = slots.of_piece[p]
        if len(piece_slots) == 1:
            labels[nodes] = sector_of_slot[piece_slots[0]]
            continue
        if len(piece_slots) > len(nodes):
            return None
        local = np.full(m, -1, dtype=np.int64)
        local[nodes] = np.arange(len(nodes))
        shares = np.maximum(np.array(slots.share)[piece_slots], 1e-6) * unit
        anchors = [local[slots.anchors[s]].tolist() for s in piece_slots]
        sub_labels = anchored_plan(problem.subset(nodes, shares), anchors, rng)
        labels[nodes] = sector_of_slot[piece_slots][sub_labels]
    if sectors != k or (labels < 0).any() or (np.bincount(labels, minlength=k) == 0).any():
        return None
    return labels


def anchored_plan(problem: DistrictGraph, anchors: list[list[int]], rng: np.random.Generator) -> np.ndarray:
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
    labels = np.full(problem.size, -1, dtype=np.int64)
    owner = {u: part for part in range(k) for u in anchors[part]}
    for u, part in owner.items():
        labels[u] = part
    _grow_from_anchors(problem, labels, anchors, owner)
    _split_rest_among_free(problem, labels, [p for p in range(k) if not anchors[p]], rng)
    for part in range(k):
        if len(anchors[part]) > 1:
            _join_anchors(problem, labels, part, anchors[part], owner)
    for part in range(k):
        keep_one_piece(problem, labels, part, anchors[part][0] if anchors[part] else None)
    fill_unassigned(problem, labels)
    return labels


def _split_rest_among_free(
    problem: DistrictGraph, labels: np.ndarray, free: list[int], rng: np.random.Generator
) -> None:
    """Split the heaviest connected part of the unlabelled units among the
    sectors without anchors (``free``), their targets scaled to its workload."""
    rest = np.flatnonzero(labels < 0)
    if not free or not len(rest):
        return
    weights, targets = problem.weights, problem.targets
    parts = problem.parts_of(rest)
    main = rest[parts == int(np.argmax(np.bincount(parts, weights=weights[rest] + 1e-9)))]
    if len(main) < len(free):
        return
    shares = targets[free] * max(weights[main].sum(), 1e-12) / targets[free].sum()
    labels[main] = np.array(free)[rounded_plan(problem.subset(main, shares), rng)]


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
        for extra_overflow, extra_cost, b in _ranked_bins(anchor, share[i], options, held, load, caps, xy):
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


def _ranked_bins(
    anchor: int,
    share: float,
    options,
    held: list[list[int]],
    load: list[float],
    caps: list[float],
    xy: np.ndarray,
) -> list[tuple[float, float, int]]:
    """``(added overflow, added cost, bin)`` of putting a partial of ``share`` anchored at unit
    ``anchor`` into each bin of ``options``, best first. Only the first empty bin is offered:
    empty bins are interchangeable. The cost is the distance to the nearest anchor the bin holds."""
    tried_empty = False
    ranked = []
    for b in options:
        if not held[b]:
            if tried_empty:
                continue
            tried_empty = True
            extra_cost = 0.0
        else:
            extra_cost = min(float(np.hypot(*(xy[anchor] - xy[other]))) for other in held[b])
        extra_overflow = max(0.0, load[b] + share - caps[b] - 1e-9)
        extra_overflow -= max(0.0, load[b] - caps[b] - 1e-9)
        ranked.append((extra_overflow, extra_cost, b))
    return sorted(ranked)


def _grow_from_anchors(
    problem: DistrictGraph, labels: np.ndarray, anchors: list[list[int]], owner: dict
) -> None:
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


def _join_anchors(
    problem: DistrictGraph, labels: np.ndarray, part: int, anchors: list[int], owner: dict
) -> None:
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
    piece = problem.parts_of(inside)
    home = piece[int(np.searchsorted(inside, start))]
    for target in anchors[1:]:
        if piece[int(np.searchsorted(inside, target))] == home:
            continue
        u = target
        while u in previous and u != -1:
            labels[u] = part
            u = previous[u]
