"""Adjacency of base units: rook neighbours, shared lengths, barriers, islands."""

import geopandas as gpd
import numpy as np
import pytest
from shapely import LineString, Polygon, box

from ypo_plugin.core.adjacency import LINK_BARRIER, LINK_NEAREST, build_adjacency, ensure_connected
from ypo_plugin.core.errors import InputError


def grid(columns, rows, size=1.0):
    """Unit boxes, row by row from the south-west corner: index = row * columns + column."""
    return np.array(
        [box(c * size, r * size, (c + 1) * size, (r + 1) * size) for r in range(rows) for c in range(columns)]
    )


def edge_set(adjacency):
    return {tuple(edge) for edge in adjacency.edges.tolist()}


def test_rook_neighbours_of_a_grid_with_shared_lengths():
    adjacency = build_adjacency(grid(3, 3, size=2.0))
    # 3 rows × 2 horizontal pairs + 3 columns × 2 vertical pairs.
    assert len(adjacency.edges) == 12
    assert (0, 1) in edge_set(adjacency) and (0, 3) in edge_set(adjacency)
    # Diagonal boxes touch at a corner only: not neighbours.
    assert (0, 4) not in edge_set(adjacency)
    np.testing.assert_allclose(adjacency.lengths, 2.0)
    assert adjacency.links == ()


def test_neighbour_lists_and_matrix_agree():
    adjacency = build_adjacency(grid(2, 2))
    assert adjacency.neighbours() == [[1, 2], [0, 3], [0, 3], [1, 2]]
    assert adjacency.matrix()[0, 1] == pytest.approx(1.0)


def test_partial_shared_edge_length():
    # A 1×1 box next to the upper half of a 1×2 box shares a length of 1.
    adjacency = build_adjacency([box(0, 0, 1, 2), box(1, 1, 2, 2)])
    assert edge_set(adjacency) == {(0, 1)}
    assert adjacency.lengths[0] == pytest.approx(1.0)


def test_barrier_down_the_middle_separates_neighbours_but_keeps_one_link():
    units = grid(4, 4)
    adjacency = build_adjacency(units, barriers=[LineString([(2, -1), (2, 5)])])
    crossing = {(r * 4 + 1, r * 4 + 2) for r in range(4)}
    # The four pairs across the line are cut; one is put back so that the
    # graph stays connected: the one in the middle of the stretch the two
    # sides share (rows 1 and 2 tie; the first in order wins).
    assert len(adjacency.edges) == 24 - 4 + 1
    assert edge_set(adjacency) & crossing == {(5, 6)}
    assert [(link.i, link.j, link.reason) for link in adjacency.links] == [(5, 6, LINK_BARRIER)]
    assert {tuple(edge) for edge in adjacency.cut.tolist()} == crossing - {(5, 6)}


def test_groups_are_joined_along_their_longest_barrier_stretches():
    # 6 × 6 grid; a barrier at x = 3 and, west of it, one at y = 4: groups
    # A (west, rows 0-3), B (west, rows 4-5) and C (east). A and C face each
    # other along 4 units, A and B along 3, B and C along 2: the two links
    # join A-C and A-B, each in the middle of its stretch (rows 1 and 2 tie
    # for A-C: the first wins; column 1 for A-B).
    units = grid(6, 6)
    barriers = [LineString([(3, -1), (3, 7)]), LineString([(-1, 4), (3, 4)])]
    adjacency = build_adjacency(units, barriers=barriers)
    assert [(link.i, link.j, link.reason) for link in adjacency.links] == [
        (8, 9, LINK_BARRIER),
        (19, 25, LINK_BARRIER),
    ]
    assert adjacency.components().max() == 0


def test_barrier_that_does_not_disconnect_just_cuts():
    adjacency = build_adjacency(grid(4, 4), barriers=[LineString([(2, 0), (2, 2)])])
    # Only the two lower rows are separated; the upper rows still connect.
    assert len(adjacency.edges) == 22
    assert (1, 2) not in edge_set(adjacency) and (5, 6) not in edge_set(adjacency)
    assert (9, 10) in edge_set(adjacency)
    assert adjacency.links == ()


def test_barrier_crossing_a_unit_only_separates_its_far_side():
    # A line through the middle of column 1: column 0 stays with column 1
    # (their path does not reach the line), column 2 is cut off from column 1.
    adjacency = build_adjacency(grid(3, 1), barriers=[LineString([(1.7, -1), (1.7, 2)])])
    assert edge_set(adjacency) == {(0, 1), (1, 2)}
    assert [link.reason for link in adjacency.links] == [LINK_BARRIER]
    assert len(adjacency.cut) == 0


def test_island_is_linked_to_its_nearest_unit():
    units = np.append(grid(2, 2), box(6, 0, 7, 1))
    adjacency = build_adjacency(units)
    assert len(adjacency.links) == 1
    link = adjacency.links[0]
    # The box at x 6..7 is 4 away from unit 1 (x 1..2) and farther from all others.
    assert (link.i, link.j, link.reason) == (1, 4, LINK_NEAREST)
    assert link.distance == pytest.approx(4.0)
    assert (1, 4) in edge_set(adjacency)
    assert adjacency.components().max() == 0


def test_gap_tolerance_bridges_slivers():
    units = [box(0, 0, 1, 1), box(1.01, 0, 2, 1)]
    assert build_adjacency(units).links[0].reason == LINK_NEAREST
    bridged = build_adjacency(units, gap_tolerance=0.05)
    assert bridged.links == ()
    # The buffered neighbour also covers the first 0.04 of the top and bottom edges.
    assert bridged.lengths[0] == pytest.approx(1.08)


def test_ensure_connected_on_a_subset():
    # Units 0 and 2 only connect through unit 1; as a district of their own
    # they need a link.
    units = grid(3, 1)
    adjacency = build_adjacency(units)
    linked = ensure_connected(adjacency, units, members=np.array([0, 2]))
    assert linked.links[-1].i == 0 and linked.links[-1].j == 2
    assert linked.links[-1].distance == pytest.approx(1.0)
    assert ensure_connected(adjacency, units, members=np.array([0, 1])) is adjacency


def test_bad_input_is_reported():
    with pytest.raises(InputError, match="no features"):
        build_adjacency([])
    with pytest.raises(InputError, match="feature 1 has no geometry"):
        build_adjacency([box(0, 0, 1, 1), None])
    bowtie = Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])
    with pytest.raises(InputError, match="feature 0 has an invalid geometry.*Fix geometries"):
        build_adjacency([bowtie])
    with pytest.raises(InputError, match="not a polygon"):
        build_adjacency([LineString([(0, 0), (1, 1)])])
    geographic = gpd.GeoSeries(list(grid(2, 1)), crs="EPSG:4326")
    with pytest.raises(InputError, match="geographic CRS"):
        build_adjacency(geographic)
