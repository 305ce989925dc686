"""The allow-list, neighbours and page charts (pure core, no QGIS)."""

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import box

from ypo_plugin.core.crime_grid import CrimeGridInput, compute_crime_grid
from ypo_plugin.core.errors import InputError
from ypo_plugin.core.publication import (
    PUBLIC_FIELDS,
    neighbour_lists,
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


def test_neighbours_share_a_boundary_not_a_corner():
    geometries = np.array([box(0, 0, 10, 10), box(10, 0, 20, 10), box(20, 10, 30, 20)], dtype=object)
    assert neighbour_lists(["A", "B", "C"], ["a", "b", "c"], geometries) == ["B b", "A a", "–"]


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
    first = {k: (open(h, "rb").read(), open(t, "rb").read()) for k, (h, t) in written.items()}
    again = write_page_charts(result, tmp_path / "again")
    assert first == {k: (open(h, "rb").read(), open(t, "rb").read()) for k, (h, t) in again.items()}
