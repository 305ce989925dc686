"""Coarser graphs of a large district, for its starting plan.

A district of many more units than its sectors need gets its starting plan
on coarser graphs (:func:`.seeding.rounded_plan`). :func:`coarsen` merges
neighbouring units in pairs, level after level (each level roughly halves the
graph), by *handshake matching*: every node proposes to the neighbour it would
form the roundest pair with (Polsby-Popper of the merged pair, from areas, perimeters and the shared
boundary) and mutual proposals merge, a few rounds per level. Pairs never
merge across a link (an edge put back across a barrier or to an island), nor
above a small share of a sector's target, so the coarse graph keeps the
district's pieces and every coarse node is a connected group of units light
enough to balance with. District lines are never crossed because each district
is split on its own graph. A plan of a coarse graph projected to the units
keeps every sector connected, since each coarse node is.
"""

from __future__ import annotations

import numpy as np

from .graph import DistrictGraph

# Coarsen while the graph has more than this many nodes per sector (and at least _COARSE_MIN_NODES).
_NODES_PER_SECTOR = 24
_COARSE_MIN_NODES = 4000
# A coarse node holds at most this share of its lightest sector's target.
_NODE_SHARE = 1.0 / 12.0
# Matching rounds per level; a level that merged less than this share of its nodes is the last.
_MATCHING_ROUNDS = 4
_LEAST_MERGED = 0.1


def coarsen(problem: DistrictGraph, rng: np.random.Generator) -> list[tuple[DistrictGraph, np.ndarray]]:
    """Coarser and coarser graphs of ``problem`` (module docstring), finest first,
    each with the node of it that every node of the level before belongs to;
    none for a district already small enough."""
    levels: list[tuple[DistrictGraph, np.ndarray]] = []
    graph = problem
    cap = _NODE_SHARE * float(problem.targets.min())
    stop = max(_COARSE_MIN_NODES, _NODES_PER_SECTOR * len(problem.targets))
    while graph.size > stop:
        group = _matching(graph, cap, rng)
        count = int(group.max()) + 1
        if graph.size - count < _LEAST_MERGED * graph.size:
            break
        graph = graph.contract(group)
        levels.append((graph, group))
    return levels


def _matching(graph: DistrictGraph, cap: float, rng: np.random.Generator) -> np.ndarray:
    """Group of each node after handshake matching (module docstring): 0..c-1."""
    n = graph.size
    a, b = graph.edge_a, graph.edge_b
    merged_perimeter = graph.perimeters[a] + graph.perimeters[b] - 2.0 * graph.edge_length
    merged_area = graph.areas[a] + graph.areas[b]
    roundness = merged_area / np.maximum(merged_perimeter, 1e-12) ** 2
    allowed = ~graph.is_link & (graph.weights[a] + graph.weights[b] <= cap)
    # Random tie-breaking among equally round pairs, from the split's generator.
    tie = rng.random(len(a))
    partner = np.full(n, -1, dtype=np.int64)
    for _ in range(_MATCHING_ROUNDS):
        open_edge = np.flatnonzero(allowed & (partner[a] < 0) & (partner[b] < 0))
        if len(open_edge) == 0:
            break
        source = np.concatenate([a[open_edge], b[open_edge]])
        target = np.concatenate([b[open_edge], a[open_edge]])
        score = np.concatenate([roundness[open_edge], roundness[open_edge]])
        ties = np.concatenate([tie[open_edge], tie[open_edge]])
        order = np.lexsort((ties, -score, source))
        first = np.ones(len(order), dtype=bool)
        first[1:] = source[order[1:]] != source[order[:-1]]
        choice = np.full(n, -1, dtype=np.int64)
        choice[source[order[first]]] = target[order[first]]
        proposing = np.flatnonzero(choice >= 0)
        mutual = proposing[choice[choice[proposing]] == proposing]
        partner[mutual] = choice[mutual]
    lead = np.flatnonzero((partner < 0) | (np.arange(n) < partner))
    group = np.full(n, -1, dtype=np.int64)
    group[lead] = np.arange(len(lead))
    followers = np.flatnonzero(group < 0)
    group[followers] = group[partner[followers]]
    return group
