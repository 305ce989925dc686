"""Tests of the generated sample station area (pure Python, no QGIS)."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from pyproj import Transformer

from ypo_plugin.core.crime_types import CRIME_TYPES
from ypo_plugin.core.errors import InputError
from ypo_plugin.core.progress import Cancelled
from ypo_plugin.core.sample_district import (
    CRIME_PLACES,
    LAND_USES,
    SAMPLE_CRS,
    STATION_CENTRE,
    generate_sample_district,
)

SEED = 7
TOLERANCE_M2 = 1e-6


@pytest.fixture(scope="module")
def sample():
    return generate_sample_district(np.random.default_rng(SEED))


@pytest.fixture(scope="module")
def small():
    return generate_sample_district(np.random.default_rng(SEED), unit_count=2000)


def test_layers_have_the_contract_names_columns_and_types(sample):
    layers = sample.layers()
    assert list(layers) == [
        "districts",
        "units",
        "crimes",
        "exposed_areas",
        "barriers",
        "special_places",
        "streets",
        "addresses",
        "index_areas",
        "survey",
    ]
    expected = {
        "districts": ["district", "sector_count", "staff", "geometry"],
        "units": ["unit_id", "district", "land_use", "population", "geometry"],
        "crimes": ["crime_id", "crime_type", "occurred", "place", "gang_related", "geometry"],
        "exposed_areas": ["name", "district", "geometry"],
        "barriers": ["name", "kind", "geometry"],
        "special_places": ["name", "kind", "geometry"],
        "streets": ["name", "kind", "geometry"],
        "addresses": ["street", "house_number", "postcode", "city", "unit_id", "geometry"],
        "index_areas": ["area_id", "initiative", "geometry"],
        "survey": ["respondent_id", "answer", "weight", "geometry"],
    }
    for name, frame in layers.items():
        assert list(frame.columns) == expected[name], name
        assert frame.crs == SAMPLE_CRS, name
        assert frame.geometry.is_valid.all(), name
    assert str(sample.crimes["occurred"].dtype) == "datetime64[ns]"
    for frame, column in [
        (sample.districts, "sector_count"),
        (sample.districts, "staff"),
        (sample.units, "unit_id"),
        (sample.units, "population"),
        (sample.crimes, "crime_id"),
    ]:
        assert pd.api.types.is_integer_dtype(frame[column]), column
    for frame, column in [
        (sample.units, "district"),
        (sample.units, "land_use"),
        (sample.crimes, "crime_type"),
        (sample.crimes, "place"),
    ]:
        assert frame[column].map(type).eq(str).all(), column


def test_station_centre_is_bellahoj_in_the_sample_crs():
    x, y = Transformer.from_crs("EPSG:4326", SAMPLE_CRS, always_xy=True).transform(12.52, 55.70)
    assert np.hypot(x - STATION_CENTRE[0], y - STATION_CENTRE[1]) < 1.0


def test_three_districts_with_their_sectors_and_staff(sample):
    districts = sample.districts.set_index("district")
    assert list(districts.index) == ["North East", "North West", "Frederiksberg"]
    assert list(districts["sector_count"]) == [9, 5, 5]
    assert list(districts["staff"]) == [18, 12, 12]
    assert (districts.geom_type == "Polygon").all()
    assert 25e6 < districts.area.sum() < 35e6


def test_district_population_follows_the_sector_counts(sample):
    population = sample.units.groupby("district")["population"].sum()
    sectors = sample.districts.set_index("district")["sector_count"]
    share = population / population.sum()
    assert np.allclose(share[sectors.index], sectors / sectors.sum(), atol=0.05)


def test_units_are_numbered_street_blocks(sample):
    units = sample.units
    assert 2000 <= len(units) <= 5000
    assert list(units["unit_id"]) == list(range(1, len(units) + 1))
    assert (units.geom_type == "Polygon").all()
    assert set(units["land_use"]) == set(LAND_USES)
    assert set(units["district"]) == set(sample.districts["district"])


def test_population_is_exact_and_parks_and_industry_are_empty(sample):
    units = sample.units
    assert units["population"].sum() == 380_000
    assert (units["population"] >= 0).all()
    assert (units.loc[units["land_use"].isin(["park", "industry"]), "population"] == 0).all()
    assert (units["land_use"] == "park").any()
    density = units["population"] / units.area
    assert (
        density[units["land_use"] == "dense_residential"].mean()
        > 2 * density[units["land_use"] == "villa"].mean()
    )


def test_units_tile_each_district_exactly(sample):
    for district, geometry in zip(sample.districts["district"], sample.districts.geometry, strict=False):
        units = sample.units.geometry[sample.units["district"] == district].values
        assert units.area.sum() == pytest.approx(geometry.area, rel=1e-9)
        assert shapely.symmetric_difference(shapely.union_all(units), geometry).area < TOLERANCE_M2


def test_units_do_not_overlap_and_each_has_a_neighbour(sample):
    geometry = sample.units.geometry.values
    left, right = shapely.STRtree(geometry).query(geometry, predicate="intersects")
    pair = left < right
    overlap = shapely.area(shapely.intersection(geometry[left[pair]], geometry[right[pair]]))
    assert overlap.max() < TOLERANCE_M2
    assert set(np.unique(left[left != right])) == set(range(len(geometry)))


def test_barriers_cross_the_area_along_unit_edges(sample):
    barriers = sample.barriers
    assert list(barriers["kind"]) == ["railway", "motorway", "waterway"]
    assert (barriers.geom_type == "LineString").all()
    area = shapely.union_all(sample.units.geometry.values)
    units = sample.units.geometry.values
    for line in barriers.geometry:
        assert line.length > 2000.0
        assert area.buffer(1e-6).covers(line)
        touched = units[shapely.STRtree(units).query(line)]
        # No barrier enters the interior of a unit: it only runs along unit edges.
        assert not shapely.relate_pattern(line, touched, "T********").any()
        districts = shapely.relate_pattern(line, sample.districts.geometry.values, "T********")
        assert districts.sum() >= 2


def test_exposed_areas_are_unions_of_units_inside_one_district(sample):
    exposed = sample.exposed_areas
    assert 3 <= len(exposed) <= 6
    assert exposed["name"].is_unique
    units = sample.units
    for name, district, geometry in zip(exposed["name"], exposed["district"], exposed.geometry, strict=False):
        assert geometry.geom_type == "Polygon", name
        inside = _units_covered_by(units, geometry)
        assert units.area[inside].sum() == pytest.approx(geometry.area, rel=1e-9), name
        assert set(units.loc[inside, "district"]) == {district}, name
        assert set(units.loc[inside, "land_use"]) == {"dense_residential"}, name


def test_special_places_lie_in_the_area(sample):
    places = sample.special_places
    kinds = places["kind"].value_counts()
    assert kinds["station"] >= 2
    assert 2 <= kinds["nightlife"] <= 3
    assert kinds["stadium"] == 1
    assert kinds["shopping"] >= 1
    assert places["name"].is_unique
    area = shapely.union_all(sample.units.geometry.values)
    assert area.covers(places.geometry.values).all()
    railway = sample.barriers.geometry[sample.barriers["kind"] == "railway"].iloc[0]
    stations = places.geometry[places["kind"] == "station"].values
    assert (shapely.distance(railway, stations) < 1e-6).all()


def test_crimes_lie_inside_units(sample):
    crimes = sample.crimes
    # 0.084 incidents per resident and year: 31,920 expected, less the few hundred the planted
    # initiative prevents (the draw is Poisson: ± 180 is one standard deviation)
    assert 0.95 * 31_920 <= len(crimes) <= 1.02 * 31_920
    assert list(crimes["crime_id"]) == list(range(1, len(crimes) + 1))
    points = crimes.geometry.values
    crime, _ = shapely.STRtree(sample.units.geometry.values).query(points, predicate="within")
    assert np.array_equal(np.unique(crime), np.arange(len(crimes)))


def test_crimes_have_the_six_types_and_plausible_places(sample):
    crimes = sample.crimes
    assert set(crimes["crime_type"]) == set(CRIME_TYPES)
    assert set(crimes["place"]) <= set(CRIME_PLACES)
    burglary = crimes[crimes["crime_type"] == "burglary"]
    assert (burglary["place"] == "residence").mean() > 0.6
    assert not (burglary["place"] == "restaurant_bar").mean() > 0.05


def test_crimes_happen_in_the_year_at_typical_hours(sample):
    occurred = sample.crimes["occurred"]
    assert occurred.min() >= pd.Timestamp("2025-10-01 00:00:00")
    assert occurred.max() <= pd.Timestamp("2026-09-30 23:59:59")
    assert occurred.dt.to_period("Q").nunique() == 4
    assert (occurred.dt.second == 0).all()
    assert occurred.is_monotonic_increasing
    hour = occurred.dt.hour
    night = (hour >= 22) | (hour < 6)
    crime_type = sample.crimes["crime_type"]
    night_share = night.groupby(crime_type).mean()
    assert night_share["violence"] > night_share["burglary"] + 0.2
    weekend_night = night & occurred.dt.dayofweek.isin([4, 5, 6])
    violence = crime_type == "violence"
    assert weekend_night[violence].mean() > weekend_night[crime_type == "theft"].mean()


def test_crimes_follow_the_seasons(sample):
    # Season weights 1 + a·cos(2π(day − peak)/365.25): violence (a = 0.25, mid-July) averages about
    # 1.22 in June–August and 0.78 in December–February, a ratio of 1.56; burglary (a = 0.30,
    # mid-January) the other way round, about 1.7.
    crimes = sample.crimes
    month = crimes["occurred"].dt.month
    summer, winter = month.isin([6, 7, 8]), month.isin([12, 1, 2])
    for crime_type, low, high in (("violence", 1.35, 1.8), ("burglary", 1 / 1.45, 1 / 2.1)):
        of_type = crimes["crime_type"] == crime_type
        ratio = (of_type & summer).sum() / (of_type & winter).sum()
        assert min(low, high) < ratio < max(low, high), crime_type


def test_gang_related_incidents_are_few_and_near_exposed_areas(sample):
    crimes = sample.crimes
    assert crimes["gang_related"].dtype == bool
    assert 0.01 < crimes["gang_related"].mean() < 0.06
    assert not crimes.loc[crimes["crime_type"] == "burglary", "gang_related"].any()
    exposed = shapely.union_all(sample.exposed_areas.geometry.values)
    near = shapely.dwithin(exposed, crimes.geometry.values, 300.0)
    share_near = crimes["gang_related"][near].mean()
    share_elsewhere = crimes["gang_related"][~near].mean()
    assert share_near > 3 * share_elsewhere  # six times likelier, for the same mix of types


def test_crimes_concentrate_in_exposed_areas(sample):
    units = sample.units
    exposed = shapely.union_all(sample.exposed_areas.geometry.values)
    in_exposed = _units_covered_by(units, exposed)
    crimes_inside = exposed.contains(sample.crimes.geometry.values).sum()
    rate_inside = crimes_inside / units["population"][in_exposed].sum()
    rate_overall = len(sample.crimes) / units["population"].sum()
    assert rate_inside > 1.5 * rate_overall


def test_addresses_follow_the_population_and_lie_in_their_block(sample):
    addresses, units = sample.addresses, sample.units
    inhabited = units[units["population"] > 0]
    expected = np.maximum(1, np.round(inhabited["population"] / 20)).sum()
    assert 0.97 * expected <= len(addresses) <= expected
    assert set(addresses["unit_id"]) <= set(inhabited["unit_id"])
    assert addresses["unit_id"].nunique() >= 0.97 * len(inhabited)
    # a second method: QGIS-free spatial join of the points on the blocks
    joined = gpd.sjoin(
        addresses, units[["unit_id", "geometry"]], predicate="within", lsuffix="a", rsuffix="u"
    )
    assert len(joined) == len(addresses) and (joined["unit_id_a"] == joined["unit_id_u"]).all()
    assert not addresses.duplicated(["street", "house_number", "postcode"]).any()
    assert addresses["house_number"].str.fullmatch(r"[1-9][0-9]*[A-Z]?").all()
    assert set(zip(addresses["postcode"], addresses["city"], strict=False)) == {
        ("2400", "København NV"),
        ("2700", "Brønshøj"),
        ("2000", "Frederiksberg"),
    }


def test_streets_are_named_the_longest_main_and_never_on_a_barrier(sample):
    streets = sample.streets
    assert streets["name"].is_unique and set(sample.addresses["street"]) <= set(streets["name"])
    assert (streets["kind"] == "main").sum() == 20
    lengths = streets.geometry.length
    assert lengths[streets["kind"] == "main"].min() >= lengths[streets["kind"] == "local"].max()
    assert lengths.min() >= 60
    assert streets["name"].str.contains("[æøåÆØÅ]").mean() > 0.3
    barriers = sample.barriers.geometry.union_all()
    middles = streets.geometry.interpolate(0.5, normalized=True)
    assert (middles.distance(barriers) > 0.5).all()


def _units_covered_by(units, geometry):
    inside = np.zeros(len(units), dtype=bool)
    inside[shapely.STRtree(units.geometry.values).query(geometry, predicate="covers")] = True
    return inside


def _assert_same(one, other):
    for name, frame in one.layers().items():
        other_frame = other.layers()[name]
        assert frame.drop(columns="geometry").equals(other_frame.drop(columns="geometry")), name
        assert list(frame.geometry.to_wkb()) == list(other_frame.geometry.to_wkb()), name


def test_same_seed_gives_identical_layers(small):
    _assert_same(small, generate_sample_district(np.random.default_rng(SEED), unit_count=2000))


def test_other_seed_gives_another_area(small):
    other = generate_sample_district(np.random.default_rng(SEED + 1), unit_count=2000)
    assert list(small.units.geometry.to_wkb()) != list(other.units.geometry.to_wkb())
    assert not small.crimes["occurred"].equals(other.crimes["occurred"])


@pytest.mark.parametrize("unit_count", [2000, 10_000])
def test_unit_count_sets_the_number_of_blocks(small, unit_count):
    sample = (
        small
        if unit_count == 2000
        else generate_sample_district(np.random.default_rng(3), unit_count=unit_count)
    )
    assert len(sample.units) == pytest.approx(unit_count, rel=0.1)
    assert sample.units["population"].sum() == 380_000
    assert (sample.districts.geom_type == "Polygon").all()
    assert sample.districts.area.sum() == pytest.approx(sample.units.area.sum(), rel=1e-9)


def test_tiny_area_without_residents_still_has_all_layers():
    sample = generate_sample_district(np.random.default_rng(1), unit_count=50, total_population=0)
    assert len(sample.districts) == 3
    assert sample.units["population"].sum() == 0
    assert len(sample.crimes) == 0
    assert str(sample.crimes["occurred"].dtype) == "datetime64[ns]"


@pytest.mark.parametrize(
    "arguments",
    [dict(unit_count=49), dict(unit_count=1_000_000), dict(total_population=-1), dict(unit_count=2.5)],
)
def test_nonsensical_arguments_are_rejected(arguments):
    with pytest.raises(InputError):
        generate_sample_district(np.random.default_rng(1), **arguments)


def test_progress_is_reported_up_to_100():
    reported = []
    generate_sample_district(np.random.default_rng(1), unit_count=50, progress=reported.append)
    assert reported == sorted(reported)
    assert reported[-1] == 100


def test_cancelling_stops_the_generation():
    with pytest.raises(Cancelled):
        generate_sample_district(np.random.default_rng(1), unit_count=50, is_cancelled=lambda: True)
