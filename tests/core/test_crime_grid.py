"""Crime grid core: cells clipped to sectors and incidents counted, with answers worked out by hand."""

import math
from pathlib import Path

import numpy as np
import pytest
import shapely
from shapely import box

from ypo_plugin.core.counting import assign_points
from ypo_plugin.core.crime_grid import (
    CELL_FIELDS,
    COMPARE_FIELDS,
    TIME_BANDS,
    CrimeGridInput,
    CrimeGridSettings,
    Lattice,
    assign_cells,
    build_cells,
    compute_crime_grid,
    locate_incidents,
    time_parts,
)
from ypo_plugin.core.crime_types import CRIME_TYPE_FIELDS, CrimeTypeMap, Period
from ypo_plugin.core.errors import InputError
from ypo_plugin.core.progress import Cancelled

# 2026-01-01 is a Thursday: 5 Jan Monday, 9 Jan Friday, 10 Jan Saturday, 11 Jan Sunday.
MONDAY = "2026-01-05T12:00"

# Two sectors cut by the line x = 150 in the middle of a 100 m lattice cell:
#   A = [0, 150] × [0, 100]:   cell 1 = [0, 100] (whole),   cell 2 = [100, 150] (cut)
#   B = [150, 300] × [0, 100]: cell 3 = [150, 200] (cut),   cell 4 = [200, 300] (whole)
A, B = box(0, 0, 150, 100), box(150, 0, 300, 100)


def grid(ids, sectors, xy, types=None, times=None, places=None, **settings):
    xy = np.array(xy, dtype=float).reshape(-1, 2)
    types = ["theft"] * len(xy) if types is None else types
    times = [MONDAY] * len(xy) if times is None else times
    settings.setdefault("cell_size", 100.0)
    return compute_crime_grid(
        ids, np.array(sectors), CrimeGridInput(xy, types, times, places), CrimeGridSettings(**settings)
    )


def counted_in(ids, sectors, point, **settings):
    """(sector_id, cell_id) of the one cell counting a single incident at ``point``; None outside."""
    result = grid(ids, sectors, [point], **settings)
    hit = result.cells[result.cells.crimes_total > 0]
    assert result.cells.crimes_total.sum() + result.crimes_outside == 1
    if len(hit) == 0:
        return None
    assert len(hit) == 1 and hit.crimes_total.iloc[0] == 1
    return hit.sector_id.iloc[0], int(hit.cell_id.iloc[0])


# --- cells ------------------------------------------------------------------


def test_square_cells_cut_at_the_sector_line_by_hand():
    result = grid(["A", "B"], [A, B], [])
    cells = result.cells
    assert list(cells.columns) == [*CELL_FIELDS, "geometry"]
    assert cells.sector_id.tolist() == ["A", "A", "B", "B"]
    assert cells.cell_id.tolist() == [1, 2, 3, 4]
    assert shapely.area(cells.geometry.values).tolist() == [10000.0, 5000.0, 5000.0, 10000.0]
    assert shapely.equals(cells.geometry[1], box(100, 0, 150, 100))
    assert shapely.equals(cells.geometry[2], box(150, 0, 200, 100))
    assert result.sectors.cells.tolist() == [2, 2]
    # Empty cells are kept, with zeros.
    assert (cells[list(CELL_FIELDS[2:])] == 0).all().all()


def test_cell_ids_in_reading_order_north_to_south_west_to_east():
    result = grid(["S"], [box(0, 0, 200, 200)], [])
    corners = [tuple(shapely.bounds(g)[:2]) for g in result.cells.geometry]
    assert corners == [(0, 100), (100, 100), (0, 0), (100, 0)]


def test_lattice_is_anchored_at_the_origin():
    result = grid(["S"], [box(30, 30, 130, 80)], [])
    assert [tuple(shapely.bounds(g)) for g in result.cells.geometry] == [
        (30, 30, 100, 80),
        (100, 30, 130, 80),
    ]


def test_hexagon_size_is_the_flat_to_flat_width():
    lattice = Lattice("hexagon", 100.0)
    hexagon = lattice.polygons(np.array([0]), np.array([0]))[0]
    xmin, ymin, xmax, ymax = shapely.bounds(hexagon)
    assert (xmin, xmax) == (-50.0, 50.0)  # flat to flat
    assert ymax - ymin == pytest.approx(2 * 100 / math.sqrt(3))  # point to point = 2 × side
    assert hexagon.area == pytest.approx(math.sqrt(3) / 2 * 100**2)
    # Neighbours: (1, 0) east at 100 m, (0, 1) north-east at 100 m.
    centres = shapely.centroid(lattice.polygons(np.array([1, 0]), np.array([0, 1])))
    assert shapely.get_coordinates(centres) == pytest.approx(np.array([[100, 0], [50, 50 * math.sqrt(3)]]))


def test_hexagon_cell_of_points_by_hand():
    lattice = Lattice("hexagon", 100.0)
    row_step = 50 * math.sqrt(3)  # 86.60…
    xy = np.array(
        [
            [0, 0],  # centre of (0, 0)
            [50, 0],  # on the vertical edge between (0, 0) and (1, 0): east
            [49.9, 0],  # just west of it
            [50, row_step],  # centre of (0, 1) (odd rows shifted by 50)
            [-50, row_step],  # centre of (-1, 1)
            [0, row_step],  # vertical edge between (-1, 1) and (0, 1): east
            [0, 2 * row_step],  # centre of (0, 2)
            [-40, -row_step + 1],  # near the centre of (-1, -1) at (-50, -86.6): odd rows shift east
        ]
    )
    col, row = lattice.cell_of(xy)
    assert list(zip(col.tolist(), row.tolist(), strict=True)) == [
        (0, 0),
        (1, 0),
        (0, 0),
        (0, 1),
        (-1, 1),
        (0, 1),
        (0, 2),
        (-1, -1),
    ]


def test_square_cell_of_is_half_open_east_and_north():
    col, row = Lattice("square", 100.0).cell_of(np.array([[100, 50], [99.999, 50], [50, 100], [100, 100]]))
    assert list(zip(col.tolist(), row.tolist(), strict=True)) == [(1, 0), (0, 0), (0, 1), (1, 1)]


@pytest.mark.parametrize("kind", ["square", "hexagon"])
def test_cells_tile_each_sector_exactly(kind):
    # Odd shapes: a slanted edge, a hole, a sector in two parts, a sector line off the lattice.
    with_hole = shapely.Polygon(
        [(0, 0), (430, 0), (430, 310), (0, 310)], [[(120, 80), (260, 80), (260, 190), (120, 190)]]
    )
    slanted = shapely.Polygon([(430, 0), (900, 0), (700, 310), (430, 310)])
    two_parts = shapely.MultiPolygon([box(0, 310, 333.3, 520), box(500, 400, 610, 777)])
    sectors = np.array([with_hole, slanted, two_parts])
    cells = build_cells(sectors, Lattice(kind, 100.0))
    for k, sector in enumerate(sectors):
        mine = cells.geometry[cells.sector == k]
        assert shapely.area(mine).sum() == pytest.approx(sector.area, rel=1e-12)
        united = shapely.union_all(mine)
        assert united.area == pytest.approx(sector.area, rel=1e-9)  # no overlaps
        assert shapely.symmetric_difference(united, sector).area < 1e-6  # no gaps, nothing outside
    # Every cell lies in exactly one sector.
    for geometry, k in zip(cells.geometry, cells.sector, strict=True):
        assert shapely.difference(geometry, sectors[k]).area < 1e-9
        others = np.delete(sectors, k)
        with np.errstate(invalid="ignore"):  # GEOS 3.11 flags the empty intersection of disjoint shapes
            assert shapely.area(shapely.intersection(geometry, others)).sum() < 1e-9
    assert shapely.is_valid(cells.geometry).all()


def test_a_cell_cut_into_two_parts_of_one_sector_stays_one_cell():
    # A "U" open at the bottom: the lattice cell [0, 100]² holds its two legs.
    u_shape = shapely.union_all([box(0, 0, 30, 130), box(70, 0, 100, 130), box(0, 100, 100, 130)])
    result = grid(["U"], [u_shape], [[10, 10], [90, 10]])
    bottom = result.cells[result.cells.geometry.geom_type == "MultiPolygon"]
    assert len(bottom) == 1
    assert bottom.crimes_total.tolist() == [2]
    assert bottom.geometry.iloc[0].area == pytest.approx(2 * 30 * 100)


# --- incidents on edges and sector lines ------------------------------------


def test_incident_on_a_cell_edge_goes_east_or_north():
    assert counted_in(["A", "B"], [A, B], (100, 50)) == ("A", 2)  # edge x = 100: east cell
    assert counted_in(["A", "B"], [A, B], (200, 50)) == ("B", 4)
    two_rows = [box(0, 0, 100, 200)]  # cells: 1 = [0,100]×[100,200], 2 = [0,100]×[0,100]
    assert counted_in(["S"], two_rows, (50, 100)) == ("S", 1)  # edge y = 100: north cell


def test_incident_on_a_sector_line_counts_in_the_first_sector():
    # x = 150 is the line between A and B, inside lattice column 1: A's piece of it.
    assert counted_in(["A", "B"], [A, B], (150, 50)) == ("A", 2)
    assert counted_in(["B", "A"], [B, A], (150, 50)) == ("B", 1)


def test_sector_line_on_a_grid_line_falls_back_to_the_sectors_own_cell():
    # Sectors [0,200] and [200,300]; the line x = 200 is also a grid line. The half-open
    # rule names the cell east of it, which is not in the first sector: the point goes to
    # the first sector's cell [100, 200] (cell 2) instead.
    left, right = box(0, 0, 200, 100), box(200, 0, 300, 100)
    assert counted_in(["L", "R"], [left, right], (200, 50)) == ("L", 2)
    assert counted_in(["R", "L"], [right, left], (200, 50)) == ("R", 1)


def test_incident_on_the_outer_boundary_is_kept():
    # (50, 100) is on A's top edge: the lattice cell north of it is in no sector.
    assert counted_in(["A", "B"], [A, B], (50, 100)) == ("A", 1)
    assert counted_in(["A", "B"], [A, B], (300, 0)) == ("B", 4)  # B's outer corner
    assert counted_in(["A", "B"], [A, B], (300.001, 0)) is None


def test_hexagon_incident_on_a_vertical_edge_by_hand():
    # Hexagons of width 100 over [0, 300] × [0, 150]: (50, 0) is on the edge between the
    # cells centred at (0, 0) and (100, 0) and counts in the eastern one.
    result = grid(["S"], [box(0, 0, 300, 150)], [[50, 0]], grid_type="hexagon")
    hit = result.cells[result.cells.crimes_total == 1]
    assert len(hit) == 1
    assert shapely.get_coordinates(hit.geometry.iloc[0]).min(axis=0)[0] == pytest.approx(50.0)
    assert shapely.covers(hit.geometry.iloc[0], shapely.Point(100, 0))


def test_every_incident_in_exactly_one_covering_cell_random_and_on_lines():
    rng = np.random.default_rng(3)
    sectors = np.array(
        [
            shapely.Polygon([(0, 0), (470, 0), (380, 520), (0, 400)]),
            shapely.Polygon([(470, 0), (1000, 0), (1000, 600), (380, 520)]),
            shapely.Polygon([(0, 400), (380, 520), (1000, 600), (1000, 1000), (0, 1000)]),
        ]
    )
    xy = np.vstack(
        [
            rng.uniform(-50, 1050, (4000, 2)),
            rng.integers(0, 11, (400, 2)) * 100.0,  # lattice corners and edges
            np.column_stack([np.full(50, 470.0) - np.linspace(0, 90, 50), np.linspace(0, 520, 50)]),
        ]
    )
    for kind in ("square", "hexagon"):
        result = grid(["a", "b", "c"], sectors, xy, grid_type=kind)
        assert result.cells.crimes_total.sum() + result.crimes_outside == len(xy)
        inside = shapely.covers(shapely.union_all(sectors), shapely.points(xy))
        assert result.crimes_outside == int((~inside).sum())
        cells = build_cells(sectors, Lattice(kind, 100.0))
        sector = assign_points(xy, sectors)
        cell = assign_cells(xy, sector, cells)
        # The fast path (no polygon test strictly inside whole cells) gives the same answer.
        fast_sector, fast_cell = locate_incidents(xy, sectors, cells)
        assert np.array_equal(fast_sector, sector) and np.array_equal(fast_cell, cell)
        assert ((cell >= 0) == inside).all()
        assigned = np.flatnonzero(cell >= 0)
        # Covered by its cell, or (points on a slanted sector line) within rounding of it.
        distance = shapely.distance(cells.geometry[cell[assigned]], shapely.points(xy[assigned]))
        assert distance.max() < 1e-9
        assert shapely.covers(cells.geometry[cell[assigned]], shapely.points(xy[assigned])).mean() > 0.99
        assert (cells.sector[cell[assigned]] == sector[assigned]).all()


def test_large_lattices_use_a_sorted_index_with_the_same_answer(monkeypatch):
    from ypo_plugin.core.crime_grid import locate

    rng = np.random.default_rng(5)
    sectors = np.array([A, B, box(300, 0, 420, 260)])
    xy = np.vstack([rng.uniform(-20, 440, (2000, 2)), rng.integers(0, 5, (200, 2)) * 100.0])
    for kind in ("square", "hexagon"):
        cells = build_cells(sectors, Lattice(kind, 100.0))
        dense = locate_incidents(xy, sectors, cells)
        monkeypatch.setattr(locate._KeyIndex, "DENSE_LIMIT", 0)
        sparse = locate_incidents(xy, sectors, cells)
        monkeypatch.undo()
        assert np.array_equal(dense[0], sparse[0]) and np.array_equal(dense[1], sparse[1])


def test_overlapping_sectors_the_overlap_belongs_to_the_first():
    first, second = box(0, 0, 200, 100), box(100, 0, 300, 100)
    result = grid(["first", "second"], [first, second], [[150, 50], [250, 50]])
    per_sector = result.cells.geometry.area.groupby(result.cells.sector_id).sum()
    assert per_sector.to_dict() == {"first": 20000.0, "second": 10000.0}
    assert result.sectors.crimes_total.tolist() == [1, 1]
    assert any("overlap" in w for w in result.warnings)


# --- time -------------------------------------------------------------------


def test_time_band_boundaries_by_hand():
    times = np.array(
        [
            "2026-01-05T07:00:00",  # band_07_15
            "2026-01-05T06:59:59",  # band_23_07
            "2026-01-05T23:00:00",  # band_23_07
            "2026-01-05T15:00:00",  # band_15_23
            "2026-01-05T14:59:59",  # band_07_15
            "2026-01-05T22:59:59",  # band_15_23
            "2026-01-05T00:00:00",  # band_23_07
            "NaT",
        ],
        dtype="datetime64[s]",
    )
    parts = time_parts(times)
    assert [TIME_BANDS[b] if b >= 0 else None for b in parts.band] == [
        "band_07_15",
        "band_23_07",
        "band_23_07",
        "band_15_23",
        "band_07_15",
        "band_15_23",
        "band_23_07",
        None,
    ]
    assert parts.hour.tolist() == [7, 6, 23, 15, 14, 22, 0, -1]


def test_weekday_and_weekend_by_calendar_date():
    times = np.array(
        ["2026-01-09T23:30", "2026-01-10T00:30", "2026-01-11T12:00", "2026-01-12T00:00", "1969-12-31T12:00"],
        dtype="datetime64[s]",
    )
    # Friday, Saturday, Sunday, Monday; 31 Dec 1969 was a Wednesday.
    assert time_parts(times).day.tolist() == [4, 5, 6, 0, 2]


def test_cell_counts_by_type_band_and_day_by_hand():
    # All in A's whole cell 1 ([0,100]²) except one in B's cell 4.
    xy = [[10, 10], [20, 20], [30, 30], [40, 40], [50, 50], [250, 50]]
    types = ["violence", "theft", "THEFT", "fraud", "drugs", "burglary"]
    times = [
        "2026-01-09T07:00:00",  # Friday, band_07_15, weekday
        "2026-01-10T06:59:59",  # Saturday, band_23_07, weekend
        "2026-01-10T23:00:00",  # Saturday, band_23_07, weekend
        "2026-01-11T15:00:00",  # Sunday, band_15_23, weekend
        "2026-01-12T14:59:59",  # Monday, band_07_15, weekday
        "2026-01-12T23:00:00",  # Monday, band_23_07, weekday
    ]
    result = grid(["A", "B"], [A, B], xy, types, times)
    first = result.cells.iloc[0]
    assert first.crimes_total == 5
    assert [first[f] for f in CRIME_TYPE_FIELDS] == [1, 0, 2, 1, 0, 0]  # 'fraud' is untyped
    assert [first[b] for b in TIME_BANDS] == [2, 1, 2]
    assert (first.weekday, first.weekend) == (2, 3)
    last = result.cells.iloc[3]
    assert (last.crimes_total, last.crimes_burglary, last.band_23_07, last.weekday) == (1, 1, 1, 1)
    assert result.unknown_crime_types == {"fraud": 1}
    # Time table: every sector × 7 days × 24 hours, weekday 1 = Monday.
    table = result.time_table
    assert len(table) == 2 * 7 * 24
    hits = table[table.crimes > 0]
    assert list(hits.itertuples(index=False, name=None)) == [
        ("A", 1, 14, 1),
        ("A", 5, 7, 1),
        ("A", 6, 6, 1),
        ("A", 6, 23, 1),
        ("A", 7, 15, 1),
        ("B", 1, 23, 1),
    ]


def test_period_and_outside_are_counted():
    xy = [[10, 10], [10, 10], [400, 400], [np.nan, np.nan], [20, 20]]
    times = ["2026-01-05", "2026-02-05", "2026-01-06", "2026-01-07", "not a date"]
    result = grid(["A", "B"], [A, B], xy, times=times, period=Period.parse("2026-01-01", "2026-01-31"))
    assert result.crimes_in_period == 3
    assert result.crimes_outside == 2  # one outside the sectors, one without location
    assert result.crimes_without_location == 1
    assert result.cells.crimes_total.sum() == 1
    assert result.invalid_dates == {"not a date": 1}


def test_undated_incidents_count_in_the_total_of_an_open_period():
    result = grid(["A", "B"], [A, B], [[10, 10], [20, 20]], times=["2026-01-05T08:00", None])
    first = result.cells.iloc[0]
    assert (first.crimes_total, first.band_07_15, first.weekday + first.weekend) == (2, 1, 1)
    assert result.crimes_undated == 1
    assert result.time_table.crimes.sum() == 1


def test_places_per_sector_by_hand():
    xy = [[10, 10], [20, 20], [30, 30], [250, 50], [260, 50]]
    places = ["street", "shop", "street", " ", None]
    result = grid(["A", "B"], [A, B], xy, places=places)
    assert list(result.places.itertuples(index=False, name=None)) == [
        ("A", "shop", 1),
        ("A", "street", 2),
        ("A", None, 0),
        ("B", "shop", 0),
        ("B", "street", 0),
        ("B", None, 2),
    ]


def test_comparison_period_change_per_cell_and_sector_by_hand():
    # Period January, comparison December. Cell 1: 2 now, 1 before (+1, +100 %).
    # Cell 2 ([100,150]): 1 now, 0 before (+1, no %). Cell 4: 0 now, 2 before (−2, −100 %).
    xy = [[10, 10], [20, 20], [30, 30], [120, 50], [250, 50], [260, 50], [5, 5]]
    times = ["2026-01-05", "2026-01-06", "2025-12-05", "2026-01-07", "2025-12-06", "2025-12-07", "2025-11-01"]
    result = grid(
        ["A", "B"],
        [A, B],
        xy,
        times=times,
        period=Period.parse("2026-01-01", "2026-01-31"),
        compare=Period.parse("2025-12-01", "2025-12-31"),
    )
    cells = result.cells
    assert list(cells.columns) == [*CELL_FIELDS, *COMPARE_FIELDS, "geometry"]
    assert cells.crimes_total.tolist() == [2, 1, 0, 0]
    assert cells.compare_total.tolist() == [1, 0, 0, 2]
    assert cells.change.tolist() == [1, 1, 0, -2]
    assert cells.change_pct.tolist()[0] == 100.0 and cells.change_pct.tolist()[3] == -100.0
    assert np.isnan(cells.change_pct.tolist()[1]) and np.isnan(cells.change_pct.tolist()[2])
    sectors = result.sectors
    assert sectors.crimes_total.tolist() == [3, 0]
    assert sectors.compare_total.tolist() == [1, 2]
    assert sectors.change.tolist() == [2, -2]
    assert sectors.change_pct.tolist() == [200.0, -100.0]
    assert (result.crimes_in_period, result.compare_in_period, result.compare_outside) == (3, 3, 0)


def test_crime_type_map_is_the_shared_one():
    result = grid(
        ["A", "B"],
        [A, B],
        [[10, 10]],
        types=["BATTERY"],
        crime_type_map=CrimeTypeMap.parse("BATTERY=violence"),
    )
    assert result.cells.crimes_violence.tolist() == [1, 0, 0, 0]


# --- bad input --------------------------------------------------------------


def test_too_many_cells_is_refused_with_the_count_and_what_to_do():
    with pytest.raises(InputError, match=r"about 100,000,000 grid cells.*cell size of at least 10 m"):
        grid(["S"], [box(0, 0, 10_000, 10_000)], [], cell_size=1.0)


def test_bad_sectors_are_named():
    with pytest.raises(InputError, match="'x' is used more than once"):
        grid(["x", "x"], [A, B], [])
    with pytest.raises(InputError, match="invalid geometry"):
        grid(["bow"], [shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])], [])
    with pytest.raises(InputError, match="no features"):
        grid([], [], [])
    with pytest.raises(InputError, match="Grid type 'triangle'"):
        grid(["A"], [A], [], grid_type="triangle")


def test_cancel_stops_the_computation():
    with pytest.raises(Cancelled):
        compute_crime_grid(
            ["A"],
            np.array([A]),
            CrimeGridInput(np.zeros((1, 2)), ["theft"], [MONDAY]),
            is_cancelled=lambda: True,
        )


# --- charts -----------------------------------------------------------------


def test_charts_per_sector_png_and_svg_deterministic(tmp_path):
    pytest.importorskip("matplotlib")
    from ypo_plugin.core.crime_charts import file_stems, write_sector_charts

    xy = [[10, 10], [20, 20], [250, 50]]
    times = ["2026-01-05T07:00", "2026-01-10T23:00", "2026-01-06T12:00"]
    result = grid(["Nørrebro 1/2", "B"], [A, B], xy, ["violence", "theft", "drugs"], times)
    first = write_sector_charts(result, tmp_path / "one", "January 2026")
    again = write_sector_charts(result, tmp_path / "two", "January 2026")
    names = sorted(Path(p).name for paths in first.values() for p in paths)
    assert names == sorted(
        f"{stem}_{kind}.{fmt}"
        for stem in ("Noerrebro_1_2", "B")
        for kind in ("hours", "types")
        for fmt in ("png", "svg")
    )
    for paths_one, paths_two in zip(first.values(), again.values(), strict=True):
        for one, two in zip(paths_one, paths_two, strict=True):
            assert Path(one).stat().st_size > 5000
            assert Path(one).read_bytes() == Path(two).read_bytes(), one  # no dates, fixed SVG ids
    svg = (tmp_path / "one" / "B_hours.svg").read_text()
    assert "<dc:date>" not in svg
    assert file_stems(["a/b", "a b", "CON", "", "../x"]) == ["a_b", "a_b-2", "CON_", "sector", "x"]
