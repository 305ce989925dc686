"""The allow-list, neighbours and page charts (pure core, no QGIS)."""

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Point, box

from ypo_plugin.core.crime_grid import CrimeGridInput, compute_crime_grid
from ypo_plugin.core.errors import InputError
from ypo_plugin.core.publication import (
    PUBLIC_FIELDS,
    label_anchor,
    place_labels,
    public_frame,
    web_map_data,
    web_map_html,
)
from ypo_plugin.core.publication_charts import hour_matrix, type_counts, write_page_charts


def frame(**extra):
    data = {
        "sector_id": ["S10", "S2", "S1"],
        "sector_name": ["Ten", None, "One"],
        "officer_phone": [" +45 1 ", "", None],
        "secret": ["x", "y", "z"],
        **extra,
    }
    return gpd.GeoDataFrame(
        data, geometry=[box(2, 0, 3, 1), box(1, 0, 2, 1), box(0, 0, 1, 1)], crs="EPSG:25832"
    )


def test_public_frame_is_the_allow_list_in_natural_order():
    public = public_frame(frame())
    assert list(public.columns) == [*PUBLIC_FIELDS, "geometry"]
    assert list(public["sector_id"]) == ["S1", "S2", "S10"]
    assert list(public["sector_name"]) == ["One", "S2", "Ten"]  # a missing name is the id
    assert list(public["officer_phone"]) == [None, None, "+45 1"]  # blank is missing, text trimmed
    assert public["officer_name"].isna().all()


def test_public_frame_refuses_duplicates_and_missing_ids():
    with pytest.raises(InputError, match="sector_id S1 occurs more than once"):
        public_frame(frame(sector_id=["S1", "S1", "S2"]))
    with pytest.raises(InputError, match="no field 'sector_id'"):
        public_frame(frame().drop(columns="sector_id"))


def test_web_map_data_and_page():
    public = public_frame(frame()).to_crs("EPSG:4326")
    data = web_map_data(public, "T")
    assert [set(s) for s in data["sectors"]] == [set(PUBLIC_FIELDS) | {"polygons", "label"}] * 3
    html = web_map_html(data)
    assert "secret" not in html and html == web_map_html(data)


def test_page_chart_counts_by_hand(tmp_path):
    sectors = np.array([box(0, 0, 10, 10), box(10, 0, 20, 10)], dtype=object)
    crimes = CrimeGridInput(
        np.array([[1, 1], [2, 2], [3, 3], [15, 5]], dtype=float),
        ["violence", "vold", "theft", "drugs"],
        ["2026-03-02T08:00", "2026-03-02T09:30", "2026-03-08T23:00", "2026-03-04T12:00"],
    )
    result = compute_crime_grid(["A", "B"], sectors, crimes)
    matrix = hour_matrix(result, "A")
    assert matrix.sum() == 3 and matrix[0, 8] == 1 and matrix[0, 9] == 1 and matrix[6, 23] == 1
    assert list(type_counts(result, "A")) == [2, 0, 1, 0, 0, 0, 0]
    assert list(type_counts(result, "B")) == [0, 0, 0, 1, 0, 0, 0]
    written = write_page_charts(result, tmp_path)
    first = {k: (Path(h).read_bytes(), Path(t).read_bytes()) for k, (h, t) in written.items()}
    again = write_page_charts(result, tmp_path / "again")
    assert first == {k: (Path(h).read_bytes(), Path(t).read_bytes()) for k, (h, t) in again.items()}


# --- labels of the overview map ---------------------------------------------------------


def test_label_anchor_is_the_centre_of_the_largest_inscribed_circle():
    # An L: the 10 × 10 square and a 10 × 2 arm; the label goes in the middle of the square.
    from shapely.geometry import Polygon

    ell = Polygon([(0, 0), (20, 0), (20, 2), (10, 2), (10, 10), (0, 10)])
    anchor = label_anchor(ell)
    assert anchor.distance(Point(5, 5)) < 0.1
    # A 30 × 10 rectangle: every point of the segment x = -15…5, y = 5 holds a circle of radius 5;
    # the label goes in the middle of them, the rectangle's centre.
    assert label_anchor(box(-20, 0, 10, 10)).distance(Point(-5, 5)) < 0.1
    assert label_anchor(None) is None


def test_labels_that_fit_inside_and_clear_of_each_other_else_the_short_key():
    # Two 10 × 10 squares side by side, 1 map unit per mm. Candidate labels: (10.5 × 4 mm), then a key.
    squares = [box(0, 0, 10, 10), box(10, 0, 20, 10)]
    long_then_key = [[(10.5, 4.0), (3.0, 2.0)]] * 2
    # The first square's 10.5 mm label is 10/10.5 = 95 % inside it (≥ 90 %): drawn, reaching 10.25.
    # The second's would start at 9.75 and overlap it: the second square gets its key.
    placed = place_labels(squares, long_then_key, units_per_mm=1.0)
    assert [index for _, index in placed] == [0, 1]
    assert placed[0][0].distance(Point(5, 5)) < 0.1 and placed[1][0].distance(Point(15, 5)) < 0.1
    # 9.5 mm labels fit inside both squares and clear of each other.
    assert [i for _, i in place_labels(squares, [[(9.5, 4.0), (3.0, 2.0)]] * 2, 1.0)] == [0, 0]
    # 12 mm is only 10/12 = 83 % inside: keys for both. At 2 map units per mm, 4.5 mm labels are 9 units.
    assert [i for _, i in place_labels(squares, [[(12.0, 4.0), (3.0, 2.0)]] * 2, 1.0)] == [1, 1]
    assert [i for _, i in place_labels(squares, [[(4.5, 2.0), (1.0, 1.0)]] * 2, 2.0)] == [0, 0]
    assert [i for _, i in place_labels(squares, [[(6.0, 2.0), (1.0, 1.0)]] * 2, 2.0)] == [1, 1]


def test_larger_sectors_are_labelled_first_and_placed_boxes_are_kept_clear_of():
    small, large = box(10, 0, 20, 10), box(-20, 0, 10, 10)  # the large one (30 × 10) is labelled first
    # Its 31 mm label (at 1 unit/mm: 30/31 = 97 % inside) reaches x = 10.5, over the small square's.
    placed = place_labels([small, large], [[(10.5, 4.0), (3.0, 2.0)], [(31.0, 4.0), (3.0, 2.0)]], 1.0)
    assert [i for _, i in placed] == [1, 0]
    # A label placed before (e.g. a district's) is kept clear of too; a sector without geometry: no point.
    boxes = [box(0, 0, 20, 10)]
    placed = place_labels([box(0, 0, 10, 10), None], [[(4.0, 2.0), (1.0, 1.0)]] * 2, 1.0, placed=boxes)
    assert placed[0][1] == 1 and placed[1] == (None, 1)
    assert len(boxes) == 2  # the new label added


def test_web_map_in_english_with_another_emergency_number():
    from ypo_plugin.core.texts import PublicTexts

    public = public_frame(frame()).to_crs("EPSG:4326")
    data = web_map_data(public, "T", PublicTexts("en", "911"))
    assert data["languages"] == [{"code": "en", "name": "English"}]
    assert set(data["texts"]) == {"en"}
    assert data["texts"]["en"]["emergency"] == "In an emergency call 911."
    lat, lon = (float(v) for v in data["example"].split(", "))
    assert any(g.contains(Point(lon, lat)) for g in public.geometry)
    assert data["texts"]["en"]["bad_coordinates"] == f"Enter latitude and longitude, e.g. {data['example']}."
    html = web_map_html(data)
    assert '<html lang="en">' in html and f'placeholder="{data["example"]}"' in html
    both = web_map_data(public, "T", PublicTexts("en+da"))
    assert [entry["code"] for entry in both["languages"]] == ["en", "da"]
    assert both["texts"]["da"]["emergency"] == "Ved akut behov ring 112."


def test_a_label_may_be_tried_shifted_from_its_anchor():
    # The centre of the 10 × 10 square is taken (a sector's label there); its district's name is
    # tried there, then 3 mm higher: at 1 unit per mm its box 4 × 2 centred on (5, 8) is clear.
    taken = [box(3, 4, 7, 6)]
    square = box(0, 0, 10, 10)
    candidates = [[(4.0, 2.0, 0.0, 0.0), (4.0, 2.0, 0.0, 3.0), (0.0, 0.0)]]
    ((point, index),) = place_labels([square], candidates, 1.0, inside_share=0.0, placed=taken)
    assert index == 1 and point.distance(Point(5, 8)) < 0.1
    # With the shifted place taken too, nothing is drawn (the empty last candidate).
    ((_, index),) = place_labels([square], candidates, 1.0, inside_share=0.0, placed=[box(0, 3, 10, 10)])
    assert index == 2
