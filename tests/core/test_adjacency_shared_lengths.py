"""Shared boundary lengths from identical ring segments (adjacency module rules): hand-worked
cases with exact lengths, and the segment method against a plain per-pair intersection on a
jittered lattice and on a messy one."""

import sys
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely import MultiPolygon, Polygon, box

from ypo_plugin.core.adjacency import LINK_NEAREST, _matched_segments, build_adjacency

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bench_scale import lattice_city  # noqa: E402


def shared(geoms):
    """{(i, j): shared length} of the adjacency, links left out."""
    adjacency = build_adjacency(geoms)
    assert adjacency.links == ()
    return {
        tuple(edge): length for edge, length in zip(adjacency.edges.tolist(), adjacency.lengths, strict=True)
    }


def unsure_units(geoms):
    """Which units the segment matching leaves to the exact per-pair measure."""
    geoms = np.asarray(geoms, dtype=object)
    return np.flatnonzero(_matched_segments(geoms, shapely.STRtree(geoms))[3]).tolist()


def framed(units, hole):
    """``units`` inside a frame: a unit box(-1, -1, 9, 9) whose hole is the ring ``hole`` (the
    outline of the units with every vertex on it), so that only the frame has an outer edge."""
    return [*units, Polygon([(-1, -1), (9, -1), (9, 9), (-1, 9)], [hole])]


def grid(columns, rows):
    return [box(c, r, c + 1, r + 1) for r in range(rows) for c in range(columns)]


def reference_lengths(geoms):
    """Per intersecting pair (i < j), the mean length of one unit's boundary in or on the other,
    both ways, pair by pair; pairs above a millionth of the median perimeter."""
    geoms = list(geoms)
    minimum = 1e-6 * float(np.median([geom.length for geom in geoms]))
    tree = shapely.STRtree(geoms)
    result = {}
    for i, geom in enumerate(geoms):
        for j in tree.query(geom):
            j = int(j)
            if j <= i or not geom.intersects(geoms[j]):
                continue
            there = geom.boundary.intersection(geoms[j]).length
            back = geoms[j].boundary.intersection(geom).length
            if (there + back) / 2 > minimum:
                result[(i, j)] = (there + back) / 2
    return result


def assert_same_lengths(found, expected):
    assert found.keys() == expected.keys()
    for pair, length in expected.items():
        assert found[pair] == pytest.approx(length, rel=1e-9), pair


def test_two_by_two_grid_in_a_frame_is_matched_by_segments():
    # Only the frame (unit 4) has an outer edge; each square shares 1 with its two rook
    # neighbours, none with its diagonal one (a corner), and 2 with the frame.
    hole = [(0, 0), (1, 0), (2, 0), (2, 1), (2, 2), (1, 2), (0, 2), (0, 1)]
    units = framed(grid(2, 2), hole)
    assert unsure_units(units) == [4]
    assert shared(units) == {
        (0, 1): 1.0,
        (0, 2): 1.0,
        (1, 3): 1.0,
        (2, 3): 1.0,
        (0, 4): 2.0,
        (1, 4): 2.0,
        (2, 4): 2.0,
        (3, 4): 2.0,
    }


def test_l_shape_and_the_square_in_its_notch():
    ell = Polygon([(0, 0), (2, 0), (2, 1), (1, 1), (1, 2), (0, 2)])
    square = box(1, 1, 2, 2)
    hole = [(0, 0), (2, 0), (2, 1), (2, 2), (1, 2), (0, 2)]
    units = framed([ell, square], hole)
    assert unsure_units(units) == [2]
    # The notch's two edges (1 + 1); the L's outer edges 2 + 1 + 1 + 2; the square's 1 + 1.
    assert shared(units) == {(0, 1): 2.0, (0, 2): 6.0, (1, 2): 2.0}
    # Without the frame both have outer edges and are measured pair by pair: the same 2.
    assert shared([ell, square]) == {(0, 1): 2.0}


def test_unit_in_the_hole_of_another():
    # A 1 × 1 square in the hole of a 3 × 3 square, that one in the frame's hole: the hole's
    # ring runs the other way round from the square's exterior, so they match.
    ring = Polygon([(0, 0), (3, 0), (3, 3), (0, 3)], [[(1, 1), (1, 2), (2, 2), (2, 1)]])
    units = framed([ring, box(1, 1, 2, 2)], [(0, 0), (3, 0), (3, 3), (0, 3)])
    assert unsure_units(units) == [2]
    assert shared(units) == {(0, 1): 4.0, (0, 2): 12.0}


def test_multipart_unit_on_both_sides_of_another():
    two_parts = MultiPolygon([box(0, 0, 1, 1), box(2, 0, 3, 1)])
    hole = [(0, 0), (1, 0), (2, 0), (3, 0), (3, 1), (2, 1), (1, 1), (0, 1)]
    units = framed([two_parts, box(1, 0, 2, 1)], hole)
    assert unsure_units(units) == [2]
    # The middle square touches each part along 1; each part has 3 outer edges, the middle
    # square 2.
    assert shared(units) == {(0, 1): 2.0, (0, 2): 6.0, (1, 2): 2.0}


def test_units_touching_at_a_corner_only_are_not_neighbours():
    adjacency = build_adjacency([box(0, 0, 1, 1), box(1, 1, 2, 2)])
    assert [(link.i, link.j, link.reason, link.distance) for link in adjacency.links] == [
        (0, 1, LINK_NEAREST, 0.0)
    ]
    assert adjacency.lengths.tolist() == [0.0]


def test_t_junction_is_measured_exactly():
    # The tall box has no vertex at (1, 1) where its two neighbours meet: no segment is
    # identical, and each side still shares 1.
    units = [box(0, 0, 1, 2), box(1, 0, 2, 1), box(1, 1, 2, 2)]
    assert unsure_units(units) == [0, 1, 2]
    assert shared(units) == {(0, 1): 1.0, (0, 2): 1.0, (1, 2): 1.0}


def test_slight_overlap_next_to_a_fully_matched_unit():
    # A 0.2 × 0.3 box over the edge y = 1 between squares 1 and 4 of a 3 × 3 grid, mostly in
    # square 1. Square 4 (the centre) has every edge matched, yet the box lies in it: its
    # boundary in the box is 0.2, the box's boundary in it 0.2 + 0.1 + 0.1; mean 0.3. Square 1:
    # 0.2 in the box, the box's 0.2 + 0.2 + 0.2 in it; mean 0.4.
    units = [*grid(3, 3), box(1.4, 0.8, 1.6, 1.1)]
    assert 4 not in unsure_units(units)
    lengths = shared(units)
    assert lengths[(4, 9)] == pytest.approx(0.3)
    assert lengths[(1, 9)] == pytest.approx(0.4)
    assert lengths[(1, 4)] == 1.0


def test_duplicate_polygons():
    # Two copies of the same square lie on the same side of each edge: not a match. Each
    # copy's whole boundary (4) lies on the other; both share 1 with the square east of them.
    units = [box(0, 0, 1, 1), box(0, 0, 1, 1), box(1, 0, 2, 1)]
    assert shared(units) == {(0, 1): 4.0, (0, 2): 1.0, (1, 2): 1.0}
    framed_copies = framed([box(0, 0, 1, 1), box(0, 0, 1, 1)], [(0, 0), (1, 0), (1, 1), (0, 1)])
    assert unsure_units(framed_copies) == [0, 1, 2]


def test_two_tessellations_laid_over_each_other():
    # West and east halves of a 2 × 2 square over its south and north halves, every vertex on
    # every ring: each segment occurs exactly twice, but west and south lie on the same side
    # of their common segments (they overlap), so all four are measured pair by pair. West and
    # south: 3 of the west's boundary (south, west and the middle x = 1 up to y = 1) lies in the
    # south half and 3 of the south's in the west half.
    west = Polygon([(0, 0), (1, 0), (1, 1), (1, 2), (0, 2), (0, 1)])
    east = Polygon([(1, 0), (2, 0), (2, 1), (2, 2), (1, 2), (1, 1)])
    south = Polygon([(0, 0), (1, 0), (2, 0), (2, 1), (1, 1), (0, 1)])
    north = Polygon([(0, 1), (1, 1), (2, 1), (2, 2), (1, 2), (0, 2)])
    units = [west, east, south, north]
    assert unsure_units(units) == [0, 1, 2, 3]
    assert shared(units) == {(0, 1): 2.0, (0, 2): 3.0, (0, 3): 3.0, (1, 2): 3.0, (1, 3): 3.0, (2, 3): 2.0}


def test_two_grids_laid_over_each_other_half_a_unit_apart():
    # Each grid's centre square has all its edges matched within its own grid, yet the two
    # centres overlap: [1, 2]² and [1.5, 2.5]² each have 0.5 + 0.5 of boundary in the other.
    lower = grid(3, 3)
    upper = [shapely.affinity.translate(square, 0.5, 0.5) for square in lower]
    units = lower + upper
    assert {4, 13} <= set(unsure_units(units))
    lengths = shared(units)
    assert lengths[(4, 13)] == 1.0
    assert_same_lengths(lengths, reference_lengths(units))


def test_repeated_vertex_adds_no_segment():
    # The centre square of a 3 × 3 grid with its south-east corner written twice is still
    # fully matched.
    units = grid(3, 3)
    units[4] = Polygon([(1, 1), (2, 1), (2, 1), (2, 2), (1, 2)])
    assert 4 not in unsure_units(units)
    lengths = shared(units)
    assert [lengths[pair] for pair in [(1, 4), (3, 4), (4, 5), (4, 7)]] == [1.0, 1.0, 1.0, 1.0]


def test_jittered_lattice_matches_the_pairwise_intersections():
    units, _ = lattice_city(2000, 7)
    expected = reference_lengths(units)
    assert len(unsure_units(units)) < 300  # the outer edge and the bay
    assert_same_lengths(shared(units), expected)


def messy(units, rng):
    """The lattice with a vertex added in the middle of one edge of every fifth unit (its
    neighbour lacks it), every 37th unit grown by 1 % about its centre (slight overlaps) and
    one unit duplicated."""
    units = list(units)
    for k in range(0, len(units), 5):
        ring = shapely.get_coordinates(units[k].exterior)
        side = int(rng.integers(4))
        middle = 0.5 * (ring[side] + ring[side + 1])
        units[k] = Polygon(np.insert(ring, side + 1, middle, axis=0))
    for k in range(3, len(units), 37):
        units[k] = shapely.affinity.scale(units[k], 1.01, 1.01, origin="centroid")
    units.append(units[500])
    assert shapely.is_valid(units).all()
    return np.array(units, dtype=object)


def test_messy_lattice_matches_the_pairwise_intersections():
    units = messy(lattice_city(1500, 11)[0], np.random.default_rng(3))
    assert_same_lengths(shared(units), reference_lengths(units))


def test_barrier_path_runs_through_the_middle_of_a_matched_zigzag_edge():
    # West and east share a three-segment zigzag from (1, 0) to (1, 3); its length-weighted
    # centre, (1, 1.5), lies on the middle segment, so the path between the two units (from
    # (0.5, 1.5) to (1.5, 1.5)) runs through it: a short barrier across it there cuts the pair,
    # one across the first segment's midpoint (1.1, 0.5) does not.
    zigzag = [(1.2, 1), (0.8, 2)]
    west = Polygon([(0, 0), (1, 0), *zigzag, (1, 3), (0, 3)])
    east = Polygon([(1, 0), (2, 0), (2, 3), (1, 3), *zigzag[::-1]])
    units = framed([west, east], [(0, 0), (1, 0), (2, 0), (2, 3), (1, 3), (0, 3)])
    assert unsure_units(units) == [2]
    across_middle = build_adjacency(units, barriers=[shapely.LineString([(0.95, 1.4), (0.95, 1.6)])])
    assert across_middle.cut.tolist() == [[0, 1]]
    beside_first = build_adjacency(units, barriers=[shapely.LineString([(1.1, 0.4), (1.1, 0.6)])])
    assert beside_first.cut.tolist() == [] and [0, 1] in beside_first.edges.tolist()
