"""Validation of sector plans, with planted errors whose geometry and area are worked out by hand.

The plan: a 300 × 200 m district and three 100 m wide sectors A | B | C side by side.
"""

import time

import numpy as np
import pytest
import shapely
from shapely import box

from ypo_plugin.core.errors import InputError
from ypo_plugin.core.progress import Cancelled
from ypo_plugin.core.validation import ERROR_TYPES, validate_sectors

DISTRICT = box(0, 0, 300, 200)


def clean():
    return {"A": box(0, 0, 100, 200), "B": box(100, 0, 200, 200), "C": box(200, 0, 300, 200)}


def check(plan, **kwargs):
    return validate_sectors(list(plan), np.array(list(plan.values()), dtype=object), **kwargs)


def rows(result, error_type=None):
    frame = result.errors
    if error_type is not None:
        frame = frame[frame["error_type"] == error_type]
    return list(frame.itertuples(index=False))


def same_shape(actual, expected):
    """Topologically equal, whatever the vertex order or Polygon/MultiPolygon."""
    return (
        shapely.equals(actual, expected) and shapely.area(shapely.symmetric_difference(actual, expected)) == 0
    )


def only(result, error_type):
    assert result.counts == {t: (1 if t == error_type else 0) for t in ERROR_TYPES}, result.errors
    (row,) = rows(result)
    return row


# --- clean plans ---------------------------------------------------------------------------------


def test_clean_plan_reports_nothing():
    for kwargs in ({}, {"districts": [DISTRICT]}, {"districts": [DISTRICT], "min_area": 100}):
        result = check(clean(), **kwargs)
        assert result.total == 0
        assert list(result.errors.columns) == ["error_type", "sector_ids", "area_m2", "message", "geometry"]
        assert result.counts == dict.fromkeys(ERROR_TYPES, 0)
        assert result.warnings == []


def test_district_made_of_two_polygons_sharing_an_edge_is_one_district():
    result = check(clean(), districts=[box(0, 0, 150, 200), box(150, 0, 300, 200)])
    assert result.total == 0


# --- gaps ------------------------------------------------------------------------------------


def test_gap_inside_the_district_between_two_sectors():
    plan = clean()
    plan["B"] = box(100, 0, 190, 200)  # B stops 10 m short of C
    row = only(check(plan, districts=[DISTRICT]), "gap")
    assert row.sector_ids == "B,C"
    assert same_shape(row.geometry, box(190, 0, 200, 200))
    assert row.area_m2 == 10 * 200
    assert "2,000 m²" in row.message and "B, C" in row.message


def test_without_a_district_only_holes_enclosed_by_sectors_are_gaps():
    plan = clean()
    plan["B"] = box(100, 0, 190, 200)  # the strip reaches the plan's edge: not enclosed
    assert check(plan).total == 0
    # A 20 × 20 m hole on the A|B line, cut out of both.
    plan = clean()
    plan["A"] = box(0, 0, 100, 200).difference(box(90, 90, 100, 110))
    plan["B"] = box(100, 0, 200, 200).difference(box(100, 90, 110, 110))
    row = only(check(plan), "gap")
    assert row.sector_ids == "A,B"
    assert same_shape(row.geometry, box(90, 90, 110, 110))
    assert row.area_m2 == 400


def test_hole_with_an_island_sector_inside_is_a_ring_shaped_gap():
    plan = clean()
    plan["B"] = box(100, 0, 200, 200).difference(box(130, 80, 170, 120))  # a 40 × 40 hole
    plan["D"] = box(140, 90, 160, 110)  # a 20 × 20 island inside it
    result = check(plan)
    row = only(result, "gap")
    assert row.sector_ids == "B,D"
    assert same_shape(row.geometry, box(130, 80, 170, 120).difference(box(140, 90, 160, 110)))
    assert row.area_m2 == 1600 - 400


def test_part_of_the_district_covered_by_no_sector_at_all():
    plan = clean()
    del plan["C"]
    row = only(check(plan, districts=[DISTRICT]), "gap")
    assert row.sector_ids == "B"
    assert same_shape(row.geometry, box(200, 0, 300, 200)) and row.area_m2 == 20000
    # A second district nobody covers: a gap next to no sector.
    result = check(clean(), districts=[DISTRICT, box(500, 0, 600, 100)])
    row = only(result, "gap")
    assert row.sector_ids == "" and row.area_m2 == 10000
    assert "next to none" in row.message


def test_gaps_are_separate_pieces():
    plan = clean()
    plan["A"] = box(0, 0, 95, 200)  # 5 × 200 = 1000 m²
    plan["C"] = box(200, 0, 300, 190)  # 100 × 10 = 1000 m² at the top of C
    result = check(plan, districts=[DISTRICT])
    gaps = rows(result, "gap")
    assert [g.sector_ids for g in gaps] == ["A,B", "B,C"]  # the top strip of C touches B at x = 200
    assert same_shape(gaps[0].geometry, box(95, 0, 100, 200))
    assert same_shape(gaps[1].geometry, box(200, 190, 300, 200))
    assert [g.area_m2 for g in gaps] == [1000, 1000]


# --- overlaps ----------------------------------------------------------------------------------


def test_overlap_between_two_sectors():
    plan = clean()
    plan["B"] = box(90, 0, 200, 200)  # B reaches 10 m into A
    row = only(check(plan, districts=[DISTRICT]), "overlap")
    assert row.sector_ids == "A,B"
    assert same_shape(row.geometry, box(90, 0, 100, 200))
    assert row.area_m2 == 2000
    assert row.message == "Sectors A and B overlap by 2,000 m²."


def test_three_sectors_over_one_spot_give_three_pairs():
    plan = clean()
    plan["D"] = box(80, 50, 220, 60)  # across all three: 20 m in A, 100 m in B, 20 m in C
    result = check(plan, districts=[DISTRICT])
    overlaps = rows(result, "overlap")
    assert [(o.sector_ids, o.area_m2) for o in overlaps] == [("A,D", 200), ("B,D", 1000), ("C,D", 200)]
    assert same_shape(overlaps[1].geometry, box(100, 50, 200, 60))
    assert result.total == 3


def test_a_sector_inside_another_overlaps_it_whole():
    plan = clean()
    plan["D"] = box(20, 20, 40, 40)
    row = only(check(plan), "overlap")
    assert row.sector_ids == "A,D" and same_shape(row.geometry, plan["D"]) and row.area_m2 == 400


def test_thin_overlaps_and_gaps_stay_overlaps_and_gaps_whatever_the_minimum_area():
    plan = clean()
    # 1 cm into A, 1 cm short of C: 2 m² each, above the 1 m² noise tolerance
    plan["B"] = box(99.99, 0, 199.99, 200)
    result = check(plan, districts=[DISTRICT], min_area=1000)
    assert result.counts["overlap"] == 1 and result.counts["gap"] == 1 and result.total == 2
    overlap, gap = rows(result, "overlap")[0], rows(result, "gap")[0]
    assert overlap.area_m2 == pytest.approx(2.0, rel=1e-6)
    assert gap.area_m2 == pytest.approx(2.0, rel=1e-6)
    assert (overlap.sector_ids, gap.sector_ids) == ("A,B", "B,C")


def test_floating_point_noise_below_the_tolerance_is_ignored():
    plan = clean()
    plan["B"] = box(100 - 1e-5, 0, 200 - 1e-5, 200)  # 0.002 m² overlap and gap
    assert check(plan, districts=[DISTRICT]).total == 0
    assert check(plan, districts=[DISTRICT], tolerance=0.001).total == 2


def test_shared_corner_is_no_overlap():
    plan = {"A": box(0, 0, 10, 10), "B": box(10, 10, 20, 20)}
    assert check(plan).total == 0


# --- outside the district ----------------------------------------------------------------------------


def test_part_of_a_sector_outside_the_district():
    plan = clean()
    plan["C"] = box(200, 0, 320, 200)  # 20 m beyond the district's edge
    row = only(check(plan, districts=[DISTRICT]), "outside")
    assert row.sector_ids == "C"
    assert same_shape(row.geometry, box(300, 0, 320, 200))
    assert row.area_m2 == 4000
    assert row.message == "Sector C has 4,000 m² (16.7%) outside every district."
    # Without a district nothing is outside.
    assert check(plan).total == 0


def test_sector_across_two_districts_is_not_outside():
    result = check(clean(), districts=[box(0, 0, 150, 200), box(150, 0, 300, 200)])
    assert result.counts["outside"] == 0


def test_stray_part_outside_the_district_is_outside_and_noncontiguous():
    plan = clean()
    plan["C"] = shapely.union(box(200, 0, 300, 200), box(310, 50, 330, 70))
    result = check(plan, districts=[DISTRICT])
    assert result.counts == {**dict.fromkeys(ERROR_TYPES, 0), "outside": 1, "noncontiguous": 1}
    outside, split = rows(result)
    assert (outside.error_type, outside.sector_ids, outside.area_m2) == ("outside", "C", 400)
    assert (split.error_type, split.sector_ids, split.area_m2) == ("noncontiguous", "C", 400)
    assert same_shape(outside.geometry, box(310, 50, 330, 70))
    assert same_shape(split.geometry, box(310, 50, 330, 70))


# --- non-contiguous sectors ----------------------------------------------------------------------------


def test_split_sector_reports_each_part_apart_from_the_largest():
    plan = clean()
    # A keeps its strip and owns B's top-right corner 50 × 50 m too.
    plan["A"] = shapely.union(box(0, 0, 100, 200), box(150, 150, 200, 200))
    plan["B"] = box(100, 0, 200, 200).difference(box(150, 150, 200, 200))
    row = only(check(plan, districts=[DISTRICT]), "noncontiguous")
    assert row.sector_ids == "A"
    assert same_shape(row.geometry, box(150, 150, 200, 200))
    assert row.area_m2 == 2500
    assert row.message == (
        "Sector A is split into 2 parts: this part of 2,500 m² is apart from its main part (20,000 m²)."
    )


def test_three_parts_give_two_errors():
    plan = {"A": shapely.union_all([box(0, 0, 10, 10), box(20, 0, 25, 10), box(40, 0, 42, 10)])}
    result = check(plan)
    parts = rows(result, "noncontiguous")
    assert [p.area_m2 for p in parts] == [50, 20]  # the largest (100 m²) is the main part
    assert result.total == 2


def test_parts_meeting_at_a_point_are_separate():
    plan = {"A": shapely.MultiPolygon([box(0, 0, 10, 10), box(10, 10, 20, 20)])}
    row = only(check(plan), "noncontiguous")
    assert row.area_m2 == 100


def test_features_sharing_an_id_are_one_sector():
    ids = ["A", "A", "B"]
    touching = [box(0, 0, 10, 10), box(10, 0, 20, 10), box(20, 0, 30, 10)]
    result = validate_sectors(ids, touching)
    assert result.total == 0
    assert result.warnings == ["Sector ids used by several features, checked as one sector each: A."]
    apart = [box(0, 0, 10, 10), box(40, 0, 45, 10), box(10, 0, 30, 10)]
    row = only(validate_sectors(ids, apart), "noncontiguous")
    assert row.sector_ids == "A" and same_shape(row.geometry, box(40, 0, 45, 10))


def test_invalid_bow_tie_is_repaired_into_two_triangles():
    plan = clean()
    plan["D"] = shapely.from_wkt("POLYGON ((400 0, 410 10, 410 0, 400 10, 400 0))")
    result = check(plan)
    row = only(result, "noncontiguous")
    assert row.sector_ids == "D" and row.area_m2 == 25
    assert "D" in result.warnings[0] and "repaired" in result.warnings[0]


# --- slivers -------------------------------------------------------------------------------------


def test_sliver_sector_below_the_minimum_area():
    plan = clean()
    plan["C"] = box(200, 0, 299.5, 200)
    plan["D"] = box(299.5, 0, 300, 200)  # 0.5 × 200 = 100 m²
    result = check(plan, districts=[DISTRICT], min_area=150)
    row = only(result, "sliver")
    assert row.sector_ids == "D"
    assert same_shape(row.geometry, plan["D"]) and row.area_m2 == 100
    assert row.message == "Sector D covers only 100 m², less than the minimum area 150 m²."
    # Without a minimum area, or with one below 100 m², it is no error.
    assert check(plan, districts=[DISTRICT]).total == 0
    assert check(plan, districts=[DISTRICT], min_area=100).total == 0


def test_small_stray_part_is_a_sliver_and_noncontiguous():
    plan = clean()
    plan["A"] = shapely.union(box(0, 0, 100, 200), box(150, 150, 155, 155))  # 25 m² in B
    plan["B"] = box(100, 0, 200, 200).difference(box(150, 150, 155, 155))
    result = check(plan, min_area=100)
    assert result.counts == {**dict.fromkeys(ERROR_TYPES, 0), "noncontiguous": 1, "sliver": 1}
    split, sliver = rows(result)
    assert split.error_type == "noncontiguous" and sliver.error_type == "sliver"
    for row in (split, sliver):
        assert row.sector_ids == "A" and row.area_m2 == 25
        assert same_shape(row.geometry, box(150, 150, 155, 155))
    assert sliver.message == "Sector A has a part of only 25 m², less than the minimum area 100 m²."


# --- under-manning -----------------------------------------------------------------------------------


def test_undermanned_against_required_and_minimum():
    # A: 3 of 3 required; B: 1 < max(2, 1); C: empty allocation = 0 < 2; D: 2 < 3 required.
    plan = {**clean(), "D": box(300, 0, 400, 200)}
    result = check(plan, officers_required=[3, 1, None, 3], officers_allocated=[3, 1, None, 2])
    under = rows(result, "undermanned")
    assert [u.sector_ids for u in under] == ["B", "C", "D"]
    assert [u.area_m2 for u in under] == [20000, 20000, 20000]
    assert same_shape(under[2].geometry, plan["D"])
    assert [u.message for u in under] == [
        "Sector B has 1 officer allocated but needs at least the minimum of 2 officers.",
        "Sector C has no officers allocated but needs at least the minimum of 2 officers.",
        "Sector D has 2 officers allocated but requires 3 officers.",
    ]
    assert result.total == 3


def test_undermanned_with_allocation_only_and_another_minimum():
    result = check(clean(), officers_allocated=[2, 1, 4])
    assert [u.sector_ids for u in rows(result, "undermanned")] == ["B"]
    result = check(clean(), officers_allocated=[2, 1, 4], min_officers=3)
    assert [u.sector_ids for u in rows(result, "undermanned")] == ["A", "B"]
    # No officer numbers: no check.
    assert check(clean(), officers_required=[9, 9, 9]).total == 0


# --- ids, order, input errors, cancelling, speed ------------------------------------------------------------


def test_numeric_ids_are_sorted_by_value():
    plan = {10: box(0, 0, 100, 100), 9: box(50, 0, 150, 100)}
    row = only(check(plan), "overlap")
    assert row.sector_ids == "9,10"
    assert row.message == "Sectors 9 and 10 overlap by 5,000 m²."


def test_errors_are_ordered_by_type_then_sector():
    plan = clean()
    plan["B"] = box(90, 0, 190, 200)
    plan["C"] = box(200, 0, 310, 200)
    result = check(plan, districts=[DISTRICT], officers_allocated=[0, 2, 2])
    assert [(r.error_type, r.sector_ids) for r in rows(result)] == [
        ("gap", "B,C"),
        ("overlap", "A,B"),
        ("outside", "C"),
        ("undermanned", "A"),
    ]


def test_crs_is_passed_to_the_errors():
    assert check(clean(), crs="EPSG:25832").errors.crs.to_epsg() == 25832


@pytest.mark.parametrize(
    ("ids", "geometries", "kwargs", "message"),
    [
        ([], [], {}, "no sectors"),
        (["A", None], [box(0, 0, 1, 1), box(1, 0, 2, 1)], {}, "feature 2 has no sector id"),
        (["A", "B"], [box(0, 0, 1, 1), None], {}, "Sector 'B' has no geometry"),
        (["A"], [shapely.LineString([(0, 0), (1, 1)])], {}, "Sector 'A' is not a polygon"),
        (["A"], [box(0, 0, 1, 1)], {"min_area": -1}, "minimum area -1"),
        (["A"], [box(0, 0, 1, 1)], {"districts": [shapely.Polygon()]}, "The districts have no polygons"),
        (["A"], [box(0, 0, 1, 1)], {"officers_allocated": [1, 2]}, "2 values of officers_allocated"),
    ],
)
def test_bad_input_is_a_clear_error(ids, geometries, kwargs, message):
    with pytest.raises(InputError, match=message):
        validate_sectors(ids, np.array(geometries, dtype=object), **kwargs)


def test_cancelling_stops_and_progress_reaches_100():
    with pytest.raises(Cancelled):
        check(clean(), is_cancelled=lambda: True)
    seen = []
    check(clean(), districts=[DISTRICT], progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 100


def test_a_thousand_sectors_with_one_planted_overlap_is_fast():
    # 40 × 25 sectors of 100 × 100 m, each with a vertex every metre; sector 0 reaches 1 m into sector 1.
    cells = [box(x * 100, y * 100, x * 100 + 100, y * 100 + 100) for y in range(25) for x in range(40)]
    cells[0] = box(0, 0, 101, 100)
    cells = shapely.segmentize(np.array(cells, dtype=object), 1.0)
    district = box(0, 0, 4000, 2500)
    start = time.perf_counter()
    result = validate_sectors(
        list(range(1000)), cells, districts=[district], min_area=100, officers_allocated=[2] * 1000
    )
    elapsed = time.perf_counter() - start
    row = only(result, "overlap")
    assert row.sector_ids == "0,1" and row.area_m2 == pytest.approx(100, rel=1e-9)
    assert elapsed < 10, elapsed


def test_outside_and_overlap_below_one_square_metre_are_noise_above_it_they_are_reported():
    plan = clean()
    plan["C"] = box(200, 0, 300 + 0.004, 200)  # 0.8 m² outside the district: noise
    plan["A"] = box(0, 0, 100 + 0.004, 200)  # 0.8 m² into B: noise
    assert check(plan, districts=[DISTRICT]).total == 0
    plan["C"] = box(200, 0, 300.006, 200)  # 1.2 m² outside
    plan["A"] = box(0, 0, 100.006, 200)  # 1.2 m² into B
    result = check(plan, districts=[DISTRICT])
    assert (result.counts["outside"], result.counts["overlap"], result.total) == (1, 1, 2)
    assert [row.message for row in rows(result)] == [
        "Sectors A and B overlap by 1.20 m².",
        "Sector C has 1.20 m² (0.0%) outside every district.",
    ]


def test_a_part_below_the_noise_is_not_an_extra_part():
    crumb = shapely.MultiPolygon([box(0, 0, 100, 100), box(200, 0, 200.5, 1)])  # 0.5 m² apart
    result = check({"A": crumb})
    assert result.total == 0 and result.noncontiguous_sectors == 0
    two = shapely.MultiPolygon([box(0, 0, 100, 100), box(200, 0, 202, 1)])  # 2 m² apart
    three = shapely.MultiPolygon(
        [box(0, 200, 2, 202), box(5, 200, 7, 202), box(9, 200, 11, 202)]
    )  # 4 m² each
    result = check({"A": two, "B": three})
    assert result.counts["noncontiguous"] == 3 and result.noncontiguous_sectors == 2
