import numpy as np
import pyproj
import pytest
import shapely
from shapely import box

from ypo_plugin.core.errors import InputError
from ypo_plugin.core.geometry import (
    as_multipolygons,
    find_overlaps,
    named_pair,
    natural_rank,
    noise_area,
    part_counts,
    repair_after_projection,
    repair_polygons,
    touching_neighbours,
    valid_in_both,
)


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


# --- floating-point noise, overlaps and parts ----------------------------------------------


def test_noise_is_one_square_metre_or_a_billionth_of_the_area():
    # 1 km² → 1e-3 m² < 1 m²; 10,000 km² = 1e10 m² → 10 m²
    assert noise_area([1e6, 1e10]).tolist() == [1.0, 10.0]


def test_overlaps_are_found_once_per_pair_and_noise_is_not_reported():
    geometries = [
        box(0, 0, 100, 100),  # 0
        box(90, 0, 190, 100),  # 1: 10 × 100 = 1000 m² into 0
        box(190 - 1e-6, 0, 290, 100),  # 2: 1e-6 × 100 = 1e-4 m² into 1, noise
        box(0, 100, 100, 200),  # 3: touches 0 along an edge only
    ]
    found = find_overlaps(geometries)
    assert list(zip(found.earlier.tolist(), found.later.tolist(), strict=True)) == [(0, 1), (1, 2)]
    assert found.areas[0] == pytest.approx(1000)
    assert found.areas[1] == pytest.approx(1e-4, rel=1e-3)
    assert found.reported.tolist() == [True, False]


def test_pairs_are_named_in_natural_id_order():
    rank = natural_rank(["B", 10, "A", 9])
    assert rank.tolist() == [3, 1, 2, 0]  # 9, 10, A, B
    assert named_pair(rank, 0, 2) == (2, 0)  # B and A → A, B
    assert named_pair(rank, 1, 3) == (3, 1)  # 10 and 9 → 9, 10


def test_parts_below_the_noise_do_not_count():
    two = shapely.MultiPolygon([box(0, 0, 100, 100), box(600, 0, 700, 100)])
    crumb = shapely.MultiPolygon([box(0, 0, 100, 100), box(200, 0, 200.5, 1)])  # 0.5 m² part
    assert part_counts([two, crumb, box(0, 0, 1, 1)]).tolist() == [2, 1, 1]


# --- valid in two CRSs ----------------------------------------------------------------------

# A 37 km × 11 km polygon near Copenhagen with a notch from the top down to 11 m (1e-4°) above its
# bottom edge. In degrees the notch stays inside; in UTM 33N the bottom edge (a chord) lies up to
# about 0.3 km above the parallel it follows, so the notch crosses it.
NOTCH = shapely.Polygon(
    [
        (12.0, 55.6),
        (12.6, 55.6),
        (12.6, 55.7),
        (12.301, 55.7),
        (12.301, 55.6001),
        (12.299, 55.6001),
        (12.299, 55.7),
        (12.0, 55.7),
    ]
)
TO_UTM = pyproj.Transformer.from_crs(4326, 32633, always_xy=True)
FROM_UTM = pyproj.Transformer.from_crs(32633, 4326, always_xy=True)


def _forward(xy):
    return np.column_stack(TO_UTM.transform(xy[:, 0], xy[:, 1]))


def _backward(xy):
    return np.column_stack(FROM_UTM.transform(xy[:, 0], xy[:, 1]))


def test_the_notch_is_valid_in_degrees_and_self_intersects_in_utm():
    assert NOTCH.is_valid
    assert shapely.is_valid_reason(shapely.transform(NOTCH, _forward)).startswith("Self-intersection")


def test_a_polygon_invalid_only_once_projected_is_made_valid_in_both():
    fixed, changed = valid_in_both([NOTCH, box(12, 55, 12.1, 55.1)], _forward, _backward)
    assert changed.tolist() == [True, False]
    assert fixed[0].is_valid and shapely.transform(fixed[0], _forward).is_valid
    assert fixed[1].equals(box(12, 55, 12.1, 55.1))
    # extra vertices along the edges: the same shape in degrees, now following the parallels in UTM
    assert fixed[0].area == pytest.approx(NOTCH.area, rel=1e-9)


def test_repair_after_projection_names_the_feature_and_the_reason():
    projected = shapely.transform(NOTCH, _forward)
    repaired, warnings = repair_after_projection(
        ["SECTORS: sector 'N' (feature 1)", "SECTORS: sector 'S' (feature 2)"],
        [True, True],
        np.array([projected, box(0, 0, 1, 1)], dtype=object),
        "EPSG:4326",
        "EPSG:32633",
    )
    assert repaired[0].is_valid and repaired[1].equals(box(0, 0, 1, 1))
    assert len(warnings) == 1
    assert warnings[0].startswith(
        "SECTORS: sector 'N' (feature 1) is valid in EPSG:4326 but not once projected to EPSG:32633, the "
        "metric CRS it is computed in (Self-intersection at ("
    )
    assert "it was repaired there (make valid" in warnings[0]


def test_a_geometry_invalid_in_its_own_crs_is_left_to_the_caller():
    bow_tie = shapely.Polygon([(0, 0), (2, 2), (2, 0), (0, 2)])
    repaired, warnings = repair_after_projection(["x"], [False], [bow_tie], "A", "B")
    assert repaired[0] is bow_tie and warnings == []


def test_a_geometry_with_no_area_left_is_refused():
    spike = shapely.Polygon([(0, 0), (2, 0), (1, 0), (0, 0)])  # collapses to a line
    with pytest.raises(InputError, match="sector 'Z'.*cannot be repaired: no area is left"):
        repair_after_projection(["sector 'Z'"], [True], [spike], "EPSG:4326", "EPSG:32633")
