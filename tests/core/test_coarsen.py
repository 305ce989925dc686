"""Coarser graphs of a large district (splitting.coarsen) and the split that starts on them."""

import numpy as np
import pytest
import shapely
from scipy.sparse.csgraph import connected_components
from shapely import LineString, box

from ypo_plugin.core.adjacency import build_adjacency
from ypo_plugin.core.splitting import coarsen, seeding, split_sectors
from ypo_plugin.core.splitting.graph import DistrictGraph


def grid(columns, rows):
    """Unit boxes, row by row from the south-west corner: index = row * columns + column."""
    return np.array([box(c, r, c + 1, r + 1) for r in range(rows) for c in range(columns)])


def district(units, workload, sectors, barriers=None):
    adjacency = build_adjacency(units, barriers=barriers)
    return adjacency, DistrictGraph(
        adjacency,
        np.arange(len(units)),
        np.asarray(workload, dtype=float),
        shapely.get_coordinates(shapely.centroid(units)),
        shapely.area(units),
        shapely.length(units),
        np.full(sectors, float(np.sum(workload)) / sectors),
        1.0,
    )


def test_contracted_dominoes_have_the_sums_of_their_squares():
    # 4 × 2 grid of unit squares, contracted into four horizontal dominoes 2 × 1:
    # area 2, perimeter 6, polar moment 2 · (4 + 1) / 12 = 5/6, centre the middle
    # of the domino; dominoes side by side share 1, one above the other 2.
    _, problem = district(grid(4, 2), np.arange(1.0, 9.0), 2)
    group = np.array([0, 0, 1, 1, 2, 2, 3, 3])
    coarse = problem.contract(group)
    assert coarse.size == 4
    np.testing.assert_allclose(coarse.weights, [1 + 2, 3 + 4, 5 + 6, 7 + 8])
    np.testing.assert_allclose(coarse.areas, 2.0)
    np.testing.assert_allclose(coarse.perimeters, 6.0)
    np.testing.assert_allclose(coarse.moments, 5.0 / 6.0)
    # Centred coordinates: the grid's centre (2, 1) is the origin.
    np.testing.assert_allclose(coarse.xy, [[-1.0, -0.5], [1.0, -0.5], [-1.0, 0.5], [1.0, 0.5]])
    edges = {
        (int(a), int(b)): float(length)
        for a, b, length in zip(*map(list, (coarse.edge_a, coarse.edge_b, coarse.edge_length)), strict=False)
    }
    assert edges == {(0, 1): 1.0, (0, 2): 2.0, (1, 3): 2.0, (2, 3): 1.0}
    assert coarse.neighbours == [[1, 2], [0, 3], [0, 3], [1, 2]]


def test_contracted_perimeter_and_area_are_those_of_the_union():
    units = np.asarray(
        shapely.get_parts(
            shapely.voronoi_polygons(
                shapely.multipoints(np.random.default_rng(3).uniform(0, 100, (300, 2))),
                extend_to=box(0, 0, 100, 100),
            )
        )
    )
    units = shapely.intersection(units, box(0, 0, 100, 100))
    _, problem = district(units, np.ones(len(units)), 3)
    group = coarsen._matching(problem, np.inf, np.random.default_rng(0))
    coarse = problem.contract(group)
    for node in range(coarse.size):
        union = shapely.union_all(units[group == node])
        assert coarse.areas[node] == pytest.approx(union.area, rel=1e-9)
        assert coarse.perimeters[node] == pytest.approx(union.length, rel=1e-9)
        assert len(np.unique(connected_components(problem.graph[group == node][:, group == node])[1])) == 1
    assert coarse.size < 0.7 * problem.size


def test_coarsening_stops_at_links_and_at_a_share_of_a_sector():
    # 100 × 60 grid, a barrier down x = 50: the only edges across are put back
    # as a link, which no coarse node may swallow; no node is heavier than
    # 1/12 of a sector's target; coarsening stops at 24 nodes per sector.
    units = grid(100, 60)
    workload = np.random.default_rng(1).integers(1, 20, len(units)).astype(float)
    adjacency, problem = district(units, workload, 10, barriers=[LineString([(50, -1), (50, 61)])])
    assert len(adjacency.links) == 1
    levels = coarsen.coarsen(problem, np.random.default_rng(0))
    assert levels
    target = workload.sum() / 10
    group = np.arange(problem.size)
    for graph, step in levels:
        group = step[group]
        assert graph.weights.max() <= target / 12
        assert graph.is_link.sum() == 1
    link = adjacency.links[0]
    assert group[link.i] != group[link.j]
    west = shapely.get_coordinates(shapely.centroid(units))[:, 0] < 50
    assert not np.intersect1d(group[west], group[~west]).size
    sizes = [problem.size] + [graph.size for graph, _ in levels]
    assert sizes[-1] <= 4000 < sizes[-2]


def test_small_districts_are_not_coarsened():
    _, problem = district(grid(60, 60), np.ones(3600), 4)
    assert coarsen.coarsen(problem, np.random.default_rng(0)) == []


@pytest.mark.parametrize("barrier", [False, True])
def test_large_district_split_keeps_every_guarantee(barrier):
    # 6,000 units into 12 sectors: the plan starts on coarser graphs.
    rng = np.random.default_rng(2)
    units = grid(100, 60)
    workload = np.round(rng.lognormal(3.0, 0.5, len(units)))
    barriers = [LineString([(37, -1), (37, 61)])] if barrier else None
    adjacency = build_adjacency(units, barriers=barriers)
    _, problem = district(units, workload, 12, barriers=barriers)
    assert coarsen.coarsen(problem, np.random.default_rng(0))

    def run():
        return split_sectors(units, workload, adjacency, 12, rng=np.random.default_rng(7))

    result = run()
    assert result.contiguous.all()
    assert result.within_tolerance
    np.testing.assert_allclose(result.workload.sum(), workload.sum())
    assert np.array_equal(result.labels, run().labels)
    if barrier:
        # Only the link crosses the barrier: a sector on both sides holds its two ends.
        west = shapely.get_coordinates(shapely.centroid(units))[:, 0] < 37
        both = set(result.labels[west]) & set(result.labels[~west])
        link = adjacency.links[0]
        assert both <= {result.labels[link.i]}
        assert result.labels[link.i] == result.labels[link.j] or not both


def test_large_district_plan_is_as_round_as_the_plan_on_units():
    # The starting plan via coarser graphs against the same steps on the units
    # alone (coarsening switched off): the mean shape score stays within 2 %.
    rng = np.random.default_rng(4)
    units = grid(100, 60)
    workload = np.round(rng.lognormal(3.0, 0.5, len(units)))
    _, problem = district(units, workload, 12)
    via_levels = seeding.rounded_plan(problem, np.random.default_rng(0))
    original = coarsen._COARSE_MIN_NODES
    try:
        coarsen._COARSE_MIN_NODES = 10**9
        on_units = seeding.rounded_plan(problem, np.random.default_rng(0))
    finally:
        coarsen._COARSE_MIN_NODES = original

    def mean_polsby_popper(labels):
        polygons = [shapely.union_all(units[labels == s]) for s in range(12)]
        return np.mean([4 * np.pi * p.area / p.length**2 for p in polygons])

    assert mean_polsby_popper(via_levels) >= 0.98 * mean_polsby_popper(on_units)
