"""Sector manning with answers worked out by hand (see each test's comment)."""

import numpy as np
import pytest
import shapely
from shapely import box

from ypo_plugin.core.crime_types import CRIME_TYPE_FIELDS, Period
from ypo_plugin.core.errors import InputError
from ypo_plugin.core.manning import (
    OUTPUT_FIELDS,
    CrimeInput,
    ManningSettings,
    PopulationInput,
    SectorInput,
    apply_factor_override,
    compute_manning,
    factors,
    factors_by_quintiles,
    factors_by_thresholds,
    need_scores,
    officers_required,
    parse_type_weights,
)
from ypo_plugin.core.population import areal_population
from ypo_plugin.core.sectors import effective_sectors
from ypo_plugin.core.staffing import allocate_officers, allocate_officers_by_district

NAN = float("nan")


def sectors_in_a_row(*ids, size=1000.0):
    """Square sectors of ``size`` side by side along x: [0, size], [size, 2·size], …"""
    return SectorInput(list(ids), np.array([box(i * size, 0, (i + 1) * size, size) for i in range(len(ids))]))


def points(*xy):
    return shapely.points(np.array(xy, dtype=float))


# --- factor table -------------------------------------------------------------


def test_factor_thresholds_table():
    # Default thresholds 200 / 120 / 70 / 35: a need equal to a threshold gets the lower factor.
    need = [250, 200, 199.9, 120, 70, 69, 35, 34.9, 0, NAN]
    assert factors_by_thresholds(need).tolist() == [1, 1, 2, 2, 3, 4, 4, 5, 5, 5]
    assert factors_by_thresholds([5, 4, 1], thresholds=(4, 3, 2, 1)).tolist() == [1, 1, 4]


def test_factor_quintiles():
    # k = sectors with strictly lower need, factor = 5 - floor(5k / n).
    assert factors_by_quintiles([10, 20, 30, 40, 50]).tolist() == [5, 4, 3, 2, 1]
    assert factors_by_quintiles([50, 40, 30, 20, 10, 60, 70, 80, 90, 100]).tolist() == [
        3,
        4,
        4,
        5,
        5,
        3,
        2,
        2,
        1,
        1,
    ]
    # Ties: k = 0, 0, 0, 3, 4 -> 5, 5, 5, 5 - 3, 5 - 4.
    assert factors_by_quintiles([1, 1, 1, 2, 3]).tolist() == [5, 5, 5, 2, 1]
    # No need (no population): factor 5, and not part of n. n = 2: k = 0 -> 5, k = 1 -> 5 - 2 = 3.
    assert factors_by_quintiles([NAN, 1, 2]).tolist() == [5, 5, 3]
    assert factors([10, 20, 30, 40, 50], "quintiles").tolist() == [5, 4, 3, 2, 1]


def test_unknown_factor_method():
    with pytest.raises(InputError, match="Factor method 'median'"):
        factors([1.0], "median")


def test_factor_override():
    computed = np.array([5, 5, 5, 5, 5])
    override = [None, 3, "", NAN, 1.0]
    assert apply_factor_override(computed, override, list("ABCDE")).tolist() == [5, 3, 5, 5, 1]
    for bad in (7, 0, 2.5, "high"):
        with pytest.raises(InputError, match=f"Sector 'B': factor override value '{bad}'"):
            apply_factor_override(computed[:2], [None, bad], ["A", "B"])


# --- need score ---------------------------------------------------------------


def test_need_score_formula():
    # 2 violence (weight 3) + 4 theft (weight 1) = 10 weighted crimes in 2,000 inhabitants
    # = 5 per 1,000 per year; exposed share 0.5 with weight 1 -> 5 × 1.5 = 7.5.
    crimes = np.array([[2, 0, 4, 0, 0, 0], [2, 0, 4, 0, 0, 0], [9, 9, 9, 9, 9, 9]])
    need = need_scores(crimes, np.array([2000.0, 2000.0, 0.0]), np.array([0.5, 0.0, 0.0]))
    assert need[:2].tolist() == pytest.approx([7.5, 5.0])
    assert np.isnan(need[2])
    # Half a year of data doubles the yearly rate.
    assert need_scores(crimes[:1], np.array([2000.0]), np.array([0.0]), period_days=365.25 / 2)[
        0
    ] == pytest.approx(10)
    weights = parse_type_weights("violence=1; theft = 0")
    assert need_scores(crimes[:1], np.array([2000.0]), np.array([0.0]), type_weights=weights)[
        0
    ] == pytest.approx(1)


def test_parse_type_weights():
    weights = parse_type_weights("Violence=4\ndrugs=0.5;")
    assert weights["violence"] == 4 and weights["drugs"] == 0.5 and weights["theft"] == 1.0
    for bad in ("violense=2", "theft", "theft=-1", "theft=many"):
        with pytest.raises(InputError, match="Type weight"):
            parse_type_weights(bad)


# --- officers required --------------------------------------------------------


def test_officers_required_minimum_and_ceiling():
    population = [0, 1000, 2001, 5000, 10001, 12000, 4500, 2000.0000000001]
    factor = [1, 1, 1, 1, 2, 5, 3, 1]
    # max(2, ceil(p / (f · 1000))): 0 -> 2; 1 -> 2; 2.001 -> 3; 5 -> 5; 5.0005 -> 6; 2.4 -> 3; 1.5 -> 2;
    # 2.0000000000001 is floating-point noise -> 2.
    assert officers_required(population, factor).tolist() == [2, 2, 3, 5, 6, 3, 2, 2]
    assert officers_required([0, 7000], [1, 1], min_officers=3).tolist() == [3, 7]


# --- apportionment ------------------------------------------------------------


def test_allocation_equals_requirement_when_budget_matches():
    assert allocate_officers([2, 2, 10], 14).tolist() == [2, 2, 10]


def test_allocation_largest_remainder():
    # Quotas 20·[2, 2, 10]/14 = 2.857, 2.857, 14.286 -> floors 2, 2, 14 (18); 2 left over go to the
    # largest remainders 12/14, 12/14 (not 4/14).
    assert allocate_officers([2, 2, 10], 20).tolist() == [3, 3, 14]
    # Quotas 10·[3, 5, 7]/15 = 2, 3.33, 4.67 -> 2, 3, 4 (9); 1 left over -> remainder 10/15.
    assert allocate_officers([3, 5, 7], 10).tolist() == [2, 3, 5]


def test_allocation_fixes_sectors_below_minimum_then_shares_the_rest():
    # Quotas 9·[2, 3, 20]/25 = 0.72, 1.08, 7.2: the first two are fixed at 2; 5 left, quota 5.
    assert allocate_officers([2, 3, 20], 9).tolist() == [2, 2, 5]
    # Budget = minimum × sectors: everyone gets the minimum.
    assert allocate_officers([2, 2, 10], 6).tolist() == [2, 2, 2]


def test_allocation_tie_breaks():
    # Equal remainders and weights: input order.
    assert allocate_officers([4, 4], 9).tolist() == [5, 4]
    # Quotas 2·[1, 3]/4 = 0.5, 1.5: equal remainders, the larger requirement wins.
    assert allocate_officers([1, 3], 2, min_officers=0).tolist() == [0, 2]
    # All requirements 0: equal shares.
    assert allocate_officers([0, 0, 0], 4, min_officers=0).tolist() == [2, 1, 1]


def test_allocation_budget_too_small_or_not_whole():
    with pytest.raises(InputError, match="Staff 5 is too small for 3 sectors"):
        allocate_officers([2, 2, 10], 5)
    with pytest.raises(InputError, match="Staff '12.5'"):
        allocate_officers([2, 2], 12.5)


def test_allocation_per_district():
    # NE: quotas 5·[2, 3]/5 = 2, 3. NW: 7·[4, 2]/6 = 4.67, 2.33 -> 4, 2 and the left-over one to 4.67.
    allocated = allocate_officers_by_district([2, 3, 4, 2], ["NE", "NE", "NW", "NW"], {"NE": 5, "NW": 7})
    assert allocated.tolist() == [2, 3, 5, 2]
    with pytest.raises(InputError, match="Sector 'c' is in district 'FB'"):
        allocate_officers_by_district([2, 2, 2], ["NE", "NE", "FB"], {"NE": 4}, sector_ids=["a", "b", "c"])
    with pytest.raises(InputError, match="District 'NE': staff 3 is too small for 2 sectors"):
        allocate_officers_by_district([2, 2], ["NE", "NE"], {"NE": 3})


# --- areal interpolation and overlaps ----------------------------------------


def test_areal_interpolation_across_a_sector_line():
    # Sectors A = [0, 100] × [0, 100], B = [100, 200] × [0, 100].
    # U1 = [60, 160] × [0, 50], 1000 inhabitants, area 5000: A gets 2000/5000 -> 400, B 3000/5000 -> 600.
    # U2 = [150, 250] × [50, 100], 300 inhabitants: B gets half -> 150, 150 outside.
    # A point of 50 on the shared line x = 100 -> A; a point of 20 far away -> outside.
    sectors = SectorInput(["A", "B"], np.array([box(0, 0, 100, 100), box(100, 0, 200, 100)]))
    units = np.concatenate([[box(60, 0, 160, 50), box(150, 50, 250, 100)], points((100, 75), (500, 500))])
    # Exposed areas overlap each other: their union [0, 90] × [0, 100] counts once.
    # A's exposed population: U1 ∩ A ∩ exposed = [60, 90] × [0, 50] -> 1000 × 1500/5000 = 300 of 450.
    exposed = np.array([box(0, 0, 80, 100), box(70, 0, 90, 100)])
    result = compute_manning(sectors, PopulationInput(units, [1000, 300, 50, 20]), exposed_areas=exposed)
    table = result.sectors.set_index("sector_id")
    assert table.population.tolist() == pytest.approx([450, 750])
    assert result.population_outside == pytest.approx(170)
    assert result.population_input == 1370
    assert table.exposed_share.tolist() == pytest.approx([2 / 3, 0])
    assert table.area_km2.tolist() == pytest.approx([0.01, 0.01])


def test_areal_population_function():
    per_sector, exposed = areal_population(
        np.array([box(0, 0, 4, 1)]),
        np.array([100.0]),
        np.array([box(0, 0, 1, 1), box(1, 0, 3, 1)]),
        box(0, 0, 2, 1),
    )
    assert per_sector.tolist() == pytest.approx([25, 50])
    assert exposed.tolist() == pytest.approx([25, 25])


def test_exposed_share_by_area_where_nobody_lives():
    sectors = sectors_in_a_row("A", size=100)
    result = compute_manning(sectors, exposed_areas=np.array([box(0, 0, 25, 100)]))
    assert result.sectors.exposed_share.tolist() == pytest.approx([0.25])


def test_overlapping_sectors_count_population_and_crime_once():
    # A = [0, 100]², B = [50, 150] × [0, 100]: the overlap [50, 100] × [0, 100] (5000 m²) belongs to A.
    # A unit [0, 150] × [0, 100] of 1500: A gets 10000/15000 -> 1000, B the rest 5000/15000 -> 500.
    sectors = SectorInput(["A", "B"], np.array([box(0, 0, 100, 100), box(50, 0, 150, 100)]))
    population = PopulationInput(np.array([box(0, 0, 150, 100)]), [1500])
    crimes = CrimeInput(np.array([[75, 50], [125, 50]]), ["vold", "vold"])
    result = compute_manning(sectors, population, crimes)
    assert result.sectors.population.tolist() == pytest.approx([1000, 500])
    assert result.sectors.crimes_total.tolist() == [1, 1]
    assert result.sectors.area_km2.tolist() == pytest.approx([0.01, 0.01])  # as drawn
    assert [(o.first, o.second, o.area_km2) for o in result.overlaps] == [("A", "B", pytest.approx(0.005))]
    assert any("overlap" in w for w in result.warnings)
    # The other order: B first owns the overlap.
    swapped = compute_manning(SectorInput(["B", "A"], sectors.geometries[::-1]), population, crimes)
    assert swapped.sectors.population.tolist() == pytest.approx([1000, 500])
    assert swapped.sectors.crimes_total.tolist() == [2, 0]


def test_touching_sectors_are_not_overlaps():
    geometries = np.array([box(0, 0, 1, 1), box(1, 0, 2, 1), box(0, 1, 2, 2)])
    effective, overlaps = effective_sectors(geometries)
    assert overlaps == []
    assert all(a.equals(b) for a, b in zip(effective, geometries, strict=True))


# --- crimes ------------------------------------------------------------------


def test_crimes_by_type_on_shared_edge_outside_and_unlocated():
    sectors = sectors_in_a_row("A", "B")
    xy = np.array([[500, 500], [1000, 500], [1500, 500], [1500, 600], [5000, 5000], [NAN, NAN]])
    crimes = CrimeInput(xy, ["vold", "Tyveri", "narkotika", "mystery", "vold", "chikane"])
    result = compute_manning(sectors, crimes=crimes)
    table = result.sectors.set_index("sector_id")
    assert table.crimes_total.tolist() == [2, 2]  # the edge incident counts once, in A
    assert table.crimes_violence.tolist() == [1, 0]
    assert table.crimes_theft.tolist() == [1, 0]
    assert table.crimes_drugs.tolist() == [0, 1]
    assert result.unknown_crime_types == {"mystery": 1}
    assert result.crimes_outside == 2 and result.crimes_without_location == 1
    assert result.crimes_in_period == table.crimes_total.sum() + result.crimes_outside


def test_period_filter_and_undated_incidents():
    sectors = sectors_in_a_row("A")
    xy = np.full((5, 2), 500.0)
    dates = ["2018-01-01T00:00", "2018-01-31T23:59", "2018-02-01", "not a date", None]
    settings = ManningSettings(period=Period.parse("2018-01-01", "2018-01-31"))
    result = compute_manning(sectors, crimes=CrimeInput(xy, ["vold"] * 5, dates), settings=settings)
    assert result.sectors.crimes_total.tolist() == [2]
    assert result.crimes_input == 5 and result.crimes_in_period == 2
    assert result.crimes_undated == 2
    assert result.invalid_dates == {"not a date": 1}
    assert result.period_days == 31


def test_period_needs_dates():
    with pytest.raises(InputError, match="date field"):
        compute_manning(
            sectors_in_a_row("A"),
            crimes=CrimeInput(np.zeros((1, 2)), ["vold"]),
            settings=ManningSettings(period=Period.parse("2018-01-01")),
        )


def test_period_length_from_incident_dates():
    crimes = CrimeInput(np.full((2, 2), 500.0), ["vold", "vold"], ["2018-01-01T08:00", "2018-01-26T23:00"])
    assert compute_manning(sectors_in_a_row("A"), crimes=crimes).period_days == 26


# --- whole computation -------------------------------------------------------


def station():
    """Three 1 km² sectors with point population 4000, 9000, 2500 and one year of crime:
    S1: 300 violence -> 900 weighted / 4 = 225 per 1,000 -> factor 1 -> ceil(4000/1000) = 4 officers;
    S2: 900 theft -> 100 -> factor 3 -> ceil(9000/3000) = 3;
    S3: 10 theft -> 4 -> factor 5 -> ceil(2500/5000) = 1 -> minimum 2.
    """
    sectors = sectors_in_a_row("S1", "S2", "S3")
    population = PopulationInput(points((500, 500), (1500, 500), (2500, 500)), [4000, 9000, 2500])
    xy = np.repeat([[100.0, 100.0], [1100.0, 100.0], [2100.0, 100.0]], [300, 900, 10], axis=0)
    types = ["Vold"] * 300 + ["tyveri"] * 910
    dates = ["2018-01-01"] * 1210
    settings = dict(period=Period.parse("2018-01-01T00:00", "2019-01-01T06:00"))  # 365.25 days
    return sectors, population, CrimeInput(xy, types, dates), settings


def test_station_factors_and_officers():
    sectors, population, crimes, settings = station()
    result = compute_manning(sectors, population, crimes, settings=ManningSettings(**settings))
    table = result.sectors
    assert list(table.columns) == list(OUTPUT_FIELDS)
    assert table.crimes_per_1000.tolist() == pytest.approx([75, 100, 4])
    assert table.need_score.tolist() == pytest.approx([225, 100, 4])
    assert table.factor.tolist() == [1, 3, 5]
    assert table.officers_required.tolist() == [4, 3, 2]
    assert table.officers_allocated.tolist() == [4, 3, 2]  # no budget: what is required
    assert result.officers_required_total == 9
    assert result.warnings == []


def test_station_with_staff_and_override():
    sectors, population, crimes, settings = station()
    # Quotas 12·[4, 3, 2]/9 = 5.33, 4, 2.67 -> 5, 4, 2 (11); the left-over one goes to 2.67.
    result = compute_manning(sectors, population, crimes, settings=ManningSettings(staff=12, **settings))
    assert result.sectors.officers_allocated.tolist() == [5, 4, 3]
    assert result.officers_allocated_total == 12
    # Override S3 to factor 1: ceil(2500/1000) = 3 officers.
    overridden = SectorInput(sectors.ids, sectors.geometries, factor_override=[None, None, 1])
    result = compute_manning(overridden, population, crimes, settings=ManningSettings(**settings))
    assert result.sectors.factor.tolist() == [1, 3, 1]
    assert result.sectors.officers_required.tolist() == [4, 3, 3]


def test_station_per_district_budgets():
    sectors, population, crimes, settings = station()
    with_districts = SectorInput(sectors.ids, sectors.geometries, districts=["NE", "NE", "NW"])
    budgets = {"NE": 8, "NW": 3, "FB": 12}
    result = compute_manning(
        with_districts, population, crimes, settings=ManningSettings(district_staff=budgets, **settings)
    )
    # NE: 8·[4, 3]/7 = 4.57, 3.43 -> 4, 3 and the left-over one to 0.57. NW: 3.
    assert result.sectors.officers_allocated.tolist() == [5, 3, 3]
    assert any("FB" in w for w in result.warnings)


def test_conservation_on_random_units_and_incidents():
    rng = np.random.default_rng(3)
    sectors = SectorInput(
        [f"s{i}" for i in range(6)],
        np.array([box(x, y, x + 1000, y + 1000) for x in (0, 1000, 2000) for y in (0, 1000)]),
    )
    corners = rng.uniform(-500, 3000, (200, 2))
    sizes = rng.uniform(10, 400, (200, 2))
    units = shapely.box(
        corners[:, 0], corners[:, 1], corners[:, 0] + sizes[:, 0], corners[:, 1] + sizes[:, 1]
    )
    values = rng.integers(0, 5000, 200).astype(float)
    xy = rng.uniform(-500, 3500, (5000, 2))
    types = rng.choice(["vold", "indbrud", "tyveri", "narko", "hærværk", "chikane", "other thing"], 5000)
    result = compute_manning(sectors, PopulationInput(units, values), CrimeInput(xy, types))
    table = result.sectors
    assert (table.population.sum() + result.population_outside) == pytest.approx(values.sum(), rel=1e-12)
    inside = sum(
        u.intersection(shapely.union_all(sectors.geometries)).area / u.area * v
        for u, v in zip(units, values, strict=True)
    )
    assert table.population.sum() == pytest.approx(inside, rel=1e-9)
    assert table.crimes_total.sum() + result.crimes_outside == 5000
    assert (table[list(CRIME_TYPE_FIELDS)].sum(axis=1) <= table.crimes_total).all()
    assert result.unknown_crime_types == {"other thing": int((types == "other thing").sum())}


# --- bad input ---------------------------------------------------------------


@pytest.mark.parametrize(
    "sectors, message",
    [
        (SectorInput([], np.array([], dtype=object)), "sectors layer has no features"),
        (SectorInput(["A", "A"], np.array([box(0, 0, 1, 1), box(1, 0, 2, 1)])), "'A' is used more than once"),
        (SectorInput(["A", None], np.array([box(0, 0, 1, 1), box(1, 0, 2, 1)])), "have no sector id"),
        (SectorInput(["A"], np.array([None], dtype=object)), "Sector 'A' has no geometry"),
        (SectorInput(["A"], points((1, 1))), "Sector 'A' is not a polygon"),
        (
            SectorInput(["A"], np.array([shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])])),
            "'A' has an invalid",
        ),
    ],
)
def test_bad_sectors(sectors, message):
    with pytest.raises(InputError, match=message):
        compute_manning(sectors)


def test_bad_population_values():
    sectors = sectors_in_a_row("A")
    with pytest.raises(InputError, match="population field must be numeric"):
        compute_manning(sectors, PopulationInput(points((1, 1)), ["many"]))
    with pytest.raises(InputError, match="unit 1 has a negative population"):
        compute_manning(sectors, PopulationInput(points((1, 1), (2, 2)), [5, -3]))
    result = compute_manning(sectors, PopulationInput(points((1, 1), (2, 2)), [5, None]))
    assert result.sectors.population.tolist() == [5]
    assert any("no population value" in w for w in result.warnings)


def test_population_without_geometry_is_outside_and_reported():
    units = np.array([shapely.Point(1, 1), None], dtype=object)
    result = compute_manning(sectors_in_a_row("A"), PopulationInput(units, [5, 7]))
    assert result.population_outside == 7 and result.population_without_location == 7


@pytest.mark.parametrize(
    "settings, message",
    [
        (ManningSettings(factor_method="median"), "Factor method"),
        (ManningSettings(thresholds=(100, 200, 50, 10)), "strictly decreasing"),
        (ManningSettings(min_officers=-1), "minimum officers per sector"),
        (ManningSettings(staff=1), "Staff 1 is too small"),
    ],
)
def test_bad_settings(settings, message):
    with pytest.raises(InputError, match=message):
        compute_manning(sectors_in_a_row("A"), settings=settings)
