"""The unit graph of one district, and labels kept contiguous on it.

:class:`DistrictGraph` is what every later step of the split works on: the
district's units renumbered 0..m-1, their neighbour lists with shared
boundary lengths, workloads, centred centroids, areas, perimeters, the
sector targets and the tolerance as an absolute slack per sector.
:func:`contiguous_start` turns fragmented or partial labels into a valid plan
(every sector one connected piece, every unit labelled).
"""

from __future__ import annotations

import functools

import numpy as np

from ..adjacency import Adjacency
from ..lazy import lazy_module

sparse = lazy_module("scipy.sparse")
csgraph = lazy_module("scipy.sparse.csgraph")


class DistrictGraph:
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
        self._set_graph(_length_matrix(self.edge_a, self.edge_b, self.edge_length, m))
        self.weights = weights[members]
        # Centred coordinates keep the moment-of-inertia sums precise.
        self.xy = centroids[members] - centroids[members].mean(axis=0)
        self.areas = areas[members]
        # Polar moment of each unit about its own centroid, as if it were a square of its area.
        self.moments = self.areas**2 / 6.0
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

    def _set_graph(self, graph: sparse.csr_matrix) -> None:
        """The sparse matrix of shared lengths (neighbour lists are read from it when asked)."""
        graph.sort_indices()
        self.graph = graph

    @functools.cached_property
    def neighbours(self) -> list[list[int]]:
        """Neighbours of each node, ascending."""
        graph = self.graph
        return [graph.indices[graph.indptr[u] : graph.indptr[u + 1]].tolist() for u in range(self.size)]

    @functools.cached_property
    def shared(self) -> list[list[float]]:
        """Shared boundary length with each of :attr:`neighbours`."""
        graph = self.graph
        return [graph.data[graph.indptr[u] : graph.indptr[u + 1]].tolist() for u in range(self.size)]

    def subset(self, nodes: np.ndarray, targets: np.ndarray) -> DistrictGraph:
        """The same district restricted to ``nodes`` (local indices), with other targets."""
        sub = object.__new__(DistrictGraph)
        nodes = np.asarray(nodes, dtype=np.int64)
        local = np.full(self.size, -1, dtype=np.int64)
        local[nodes] = np.arange(len(nodes))
        a, b = local[self.edge_a], local[self.edge_b]
        inside = (a >= 0) & (b >= 0)
        sub.size = len(nodes)
        sub.edge_a, sub.edge_b, sub.edge_length = a[inside], b[inside], self.edge_length[inside]
        sub.is_link = self.is_link[inside]
        sub._set_graph(self.graph[nodes][:, nodes].tocsr())
        sub.weights = self.weights[nodes]
        sub.xy = self.xy[nodes]
        sub.areas = self.areas[nodes]
        sub.moments = self.moments[nodes]
        sub.perimeters = self.perimeters[nodes]
        sub.targets = np.asarray(targets, dtype=float)
        sub.slack = sub.targets * (self.slack[0] / self.targets[0])
        return sub

    def contract(self, group: np.ndarray) -> DistrictGraph:
        """The district with each group of nodes (``group``: 0..c-1 per node, each
        group connected) as one node: summed workload, area, perimeter less the
        boundaries inside, area centroid and polar moment about it; the shared
        lengths between groups summed. An edge between groups is a link only when
        all the edges it stands for are."""
        coarse = object.__new__(DistrictGraph)
        c = int(group.max()) + 1
        coarse.size = c
        a, b = group[self.edge_a], group[self.edge_b]
        between = a != b
        low, high = np.minimum(a, b)[between], np.maximum(a, b)[between]
        key, position = np.unique(low * c + high, return_inverse=True)
        coarse.edge_a, coarse.edge_b = key // c, key % c
        coarse.edge_length = np.bincount(position, weights=self.edge_length[between], minlength=len(key))
        plain = np.bincount(position, weights=~self.is_link[between], minlength=len(key))
        coarse.is_link = plain == 0
        coarse._set_graph(_length_matrix(coarse.edge_a, coarse.edge_b, coarse.edge_length, c))
        coarse.weights = np.bincount(group, weights=self.weights, minlength=c)
        coarse.areas = np.bincount(group, weights=self.areas, minlength=c)
        # Area centroids (plain means for groups without area).
        mass = np.where(coarse.areas[group] > 0, self.areas, 1.0)
        total = np.bincount(group, weights=mass, minlength=c)
        coarse.xy = np.column_stack(
            [np.bincount(group, weights=mass * self.xy[:, i], minlength=c) / total for i in range(2)]
        )
        offset = ((self.xy - coarse.xy[group]) ** 2).sum(axis=1)
        coarse.moments = np.bincount(group, weights=self.moments + self.areas * offset, minlength=c)
        inside = np.bincount(a[~between], weights=self.edge_length[~between], minlength=c)
        coarse.perimeters = np.bincount(group, weights=self.perimeters, minlength=c) - 2.0 * inside
        coarse.targets = self.targets
        coarse.slack = self.slack
        return coarse

    def parts_of(self, nodes: np.ndarray) -> np.ndarray:
        """Connected-part label of each of ``nodes`` in the graph they induce."""
        return csgraph.connected_components(self.graph[nodes][:, nodes], directed=False)[1]


def _length_matrix(a: np.ndarray, b: np.ndarray, lengths: np.ndarray, size: int) -> sparse.csr_matrix:
    """Symmetric sparse matrix of the shared ``lengths`` of the edges ``a``–``b``."""
    return sparse.coo_matrix(
        (np.concatenate([lengths, lengths]), (np.concatenate([a, b]), np.concatenate([b, a]))),
        shape=(size, size),
    ).tocsr()


def contiguous_start(problem: DistrictGraph, labels: np.ndarray) -> np.ndarray:
    """A valid start from labels that may be fragmented or partial (-1):
    each sector keeps its heaviest connected piece; other pieces and
    unlabelled units join a neighbouring sector."""
    labels = labels.copy()
    for part in range(len(problem.targets)):
        keep_one_piece(problem, labels, part)
    fill_unassigned(problem, labels)
    return labels


def keep_one_piece(problem: DistrictGraph, labels: np.ndarray, part: int, anchor: int | None = None) -> None:
    """Unlabel every unit of sector ``part`` outside its piece holding ``anchor``
    (without an anchor: its heaviest connected piece)."""
    inside = np.flatnonzero(labels == part)
    if len(inside) == 0:
        return
    piece = problem.parts_of(inside)
    if anchor is not None:
        keep = piece[int(np.searchsorted(inside, anchor))]
    else:
        keep = int(np.argmax(np.bincount(piece, weights=problem.weights[inside] + 1e-9)))
    labels[inside[piece != keep]] = -1


def fill_unassigned(problem: DistrictGraph, labels: np.ndarray) -> None:
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


def contiguity(adjacency: Adjacency, labels: np.ndarray, k: int) -> np.ndarray:
    """Whether each sector is one connected piece of the adjacency graph."""
    same = labels[adjacency.edges[:, 0]] == labels[adjacency.edges[:, 1]]
    edges = adjacency.edges[same]
    graph = sparse.coo_matrix(
        (np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(adjacency.n, adjacency.n)
    )
    _, component = csgraph.connected_components(graph, directed=False)
    pieces = np.array([len(np.unique(component[labels == s])) for s in range(k)])
    return pieces == 1


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
