"""Point-in-sector assignment: lowest-index sector covering a point wins."""

import numpy as np
import pytest
import shapely
from shapely import box

from ypo_plugin.core.counting import (
    OUTSIDE,
    assign_points,
    coordinates_of,
    count_per_sector,
    count_per_sector_and_category,
)
from ypo_plugin.core.progress import Cancelled

LEFT, RIGHT = box(0, 0, 10, 10), box(10, 0, 20, 10)


def test_point_on_shared_edge_counts_once_in_lowest_index():
    xy = np.array([[10.0, 5.0]])
    assert assign_points(xy, np.array([LEFT, RIGHT])).tolist() == [0]
    assert assign_points(xy, np.array([RIGHT, LEFT])).tolist() == [0]


def test_interior_boundary_outside_and_missing_points():
    xy = np.array([[5, 5], [15, 5], [0, 0], [20, 10], [25, 5], [np.nan, np.nan], [10, 10]], dtype=float)
    assert assign_points(xy, np.array([LEFT, RIGHT])).tolist() == [0, 1, 0, 1, OUTSIDE, OUTSIDE, 0]


def test_overlapping_sectors_lowest_index_wins():
    big, small = box(0, 0, 10, 10), box(4, 4, 6, 6)
    xy = np.array([[5.0, 5.0], [1.0, 1.0]])
    assert assign_points(xy, np.array([big, small])).tolist() == [0, 0]
    assert assign_points(xy, np.array([small, big])).tolist() == [0, 1]


def test_holes_multipolygons_and_missing_polygons():
    with_hole = shapely.Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(4, 4), (6, 4), (6, 6), (4, 6)]])
    multi = shapely.MultiPolygon([box(20, 0, 22, 2), box(30, 0, 32, 2)])
    polygons = np.array([None, with_hole, shapely.Polygon(), multi], dtype=object)
    xy = np.array([[5, 5], [4, 5], [1, 1], [31, 1], [25, 1]], dtype=float)
    # (5, 5) is in the hole; (4, 5) on the hole's edge is covered by the polygon.
    assert assign_points(xy, polygons).tolist() == [OUTSIDE, 1, 1, 3, OUTSIDE]


def test_matches_brute_force_covers_on_random_points():
    rng = np.random.default_rng(7)
    polygons = np.array(
        [box(x, y, x + 10, y + 10) for x in range(0, 50, 10) for y in range(0, 50, 10)]
        + [shapely.Point(25, 25).buffer(12), shapely.Polygon([(0, 0), (50, 0), (25, 40)])]
    )
    # Random points plus points exactly on grid lines and corners.
    xy = np.vstack([rng.uniform(-5, 55, (3000, 2)), rng.integers(0, 6, (300, 2)) * 10.0])
    covers = shapely.covers(polygons[None, :], shapely.points(xy)[:, None])
    expected = np.where(covers.any(axis=1), covers.argmax(axis=1), OUTSIDE)
    assert np.array_equal(assign_points(xy, polygons), expected)


def test_no_points_or_no_polygons():
    assert assign_points(np.empty((0, 2)), np.array([LEFT])).tolist() == []
    assert assign_points(np.array([[1.0, 1.0]]), np.array([], dtype=object)).tolist() == [OUTSIDE]


def test_progress_reaches_100_and_cancel_stops():
    reported = []
    assign_points(np.array([[1.0, 1.0]]), np.array([LEFT, RIGHT]), progress=reported.append)
    assert reported[-1] == 100.0
    with pytest.raises(Cancelled):
        assign_points(np.array([[1.0, 1.0]]), np.array([LEFT]), is_cancelled=lambda: True)


def test_coordinates_of_points_with_missing():
    xy = coordinates_of(np.array([shapely.Point(1, 2), None, shapely.Point()], dtype=object))
    assert xy[0].tolist() == [1.0, 2.0]
    assert np.isnan(xy[1:]).all()


def test_counts_per_sector_and_category():
    sector = np.array([0, 1, 1, OUTSIDE, 2, 1])
    category = np.array([0, 2, 2, 1, -1, 0])
    assert count_per_sector(sector, 4).tolist() == [1, 3, 1, 0]
    assert count_per_sector(sector, 4, weights=np.array([1, 2, 3, 4, 5, 6.0])).tolist() == [1, 11, 5, 0]
    assert count_per_sector_and_category(sector, category, 3, 3).tolist() == [[1, 0, 0], [1, 0, 2], [0, 0, 0]]
