import shapely
from shapely import box

from ypo_plugin.core.geometry import as_multipolygons, repair_polygons, touching_neighbours


def test_bow_tie_is_repaired_into_its_two_triangles():
    bow_tie = shapely.Polygon([(0, 0), (2, 2), (2, 0), (0, 2)])  # crosses itself at (1, 1)
    repaired, was_invalid = repair_polygons([bow_tie, box(0, 0, 1, 1)])
    assert was_invalid.tolist() == [True, False]
    # two triangles with base 2 and height 1: area 2 × (2 × 1 / 2) = 2
    assert repaired[0].area == 2.0
    assert repaired[0].is_valid
    assert repaired[1].equals(box(0, 0, 1, 1))


def test_as_multipolygons_wraps_single_polygons():
    multi = shapely.MultiPolygon([box(0, 0, 1, 1), box(2, 0, 3, 1)])
    wrapped = as_multipolygons([box(0, 0, 1, 1), multi])
    assert [geom.geom_type for geom in wrapped] == ["MultiPolygon", "MultiPolygon"]
    assert wrapped[1] is multi


def test_sectors_sharing_a_boundary_are_neighbours_corners_are_not():
    # A | B on top; C under A; D diagonally below B's right end.
    geometries = [
        shapely.box(0, 1, 1, 2),  # A
        shapely.box(1, 1, 3, 2),  # B
        shapely.box(0, 0, 1, 1),  # C: shares A's bottom edge, touches B at the corner (1, 1)
        shapely.box(3, 0, 4, 1),  # D: touches B at the corner (3, 1) only
        None,
    ]
    assert touching_neighbours(geometries, min_shared=0.5) == [[1, 2], [0], [0], [], []]
