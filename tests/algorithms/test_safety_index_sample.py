"""ypo:safetyindex on the sample district against a second computation by other means: counts by
spatial join, population by polygon overlay, shares and indices in plain pandas (not the plugin's
core)."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from ypo_plugin.qgis_io.values import python_value

SIX_TYPES = ["violence", "burglary", "theft", "drugs", "vandalism", "harassment"]
MIN_RESPONSES = 30


@pytest.fixture(scope="module")
def sample(run_algorithm, tmp_path_factory):
    """The sample district's GeoPackage, with its index areas and survey."""
    path = str(tmp_path_factory.mktemp("safety") / "sample.gpkg")
    small = {"SEED": 1, "UNIT_COUNT": 900, "TOTAL_POPULATION": 120_000}
    run_algorithm("ypo:createsampledistrict", {**small, "OUTPUT": path})
    return path


def by_hand(path) -> pd.DataFrame:
    """The safety index computed with geopandas and pandas alone."""
    areas = gpd.read_file(path, layer="index_areas")[["area_id", "geometry"]]
    units = gpd.read_file(path, layer="units")[["population", "geometry"]]
    crimes = gpd.read_file(path, layer="crimes")
    survey = gpd.read_file(path, layer="survey")
    # the default period: the 365 days up to the last incident's day, or the days the data cover
    occurred = pd.to_datetime(crimes["occurred"])
    end = occurred.max().normalize() + pd.Timedelta(days=1)
    start = max(end - pd.Timedelta(days=365), occurred.min().normalize())
    days = (end - start).days
    counted = crimes[(occurred >= start) & (occurred < end) & crimes["crime_type"].isin(SIX_TYPES)]
    incidents = gpd.sjoin(counted, areas, predicate="within").groupby("area_id").size()
    units["unit_area"] = units.geometry.area
    pieces = gpd.overlay(units, areas, how="intersection", keep_geom_type=True)
    pieces["people"] = pieces["population"] * pieces.geometry.area / pieces["unit_area"]
    population = pieces.groupby("area_id")["people"].sum()
    table = pd.DataFrame(index=areas["area_id"])
    table["population"] = population.reindex(table.index, fill_value=0.0)
    table["incidents"] = incidents.reindex(table.index, fill_value=0)
    table["crimes_per_1000"] = table["incidents"] * 1000 / table["population"] * 365.25 / days
    overall_rate = table["incidents"].sum() * 1000 / table["population"].sum() * 365.25 / days
    table["crime_index"] = 100 * table["crimes_per_1000"] / overall_rate
    homes = gpd.sjoin(survey, areas, predicate="within")
    homes = homes[homes["answer"].isin([1, 2, 3, 4, 5]) & (homes["weight"] > 0)]
    homes["unsafe_weight"] = np.where(homes["answer"] <= 2, homes["weight"], 0.0)
    grouped = homes.groupby("area_id")
    table["respondents"] = grouped.size().reindex(table.index, fill_value=0)
    weight = grouped["weight"].sum().reindex(table.index, fill_value=0.0)
    unsafe = grouped["unsafe_weight"].sum().reindex(table.index, fill_value=0.0)
    table["unsafe_share"] = unsafe / weight
    table["insecurity_index"] = 100 * table["unsafe_share"] / (unsafe.sum() / weight.sum())
    index = 0.5 * table["crime_index"] + 0.5 * table["insecurity_index"]
    table["safety_index"] = index.where(table["respondents"] >= MIN_RESPONSES)
    table["rank"] = table["safety_index"].rank(method="min", ascending=False)
    table["needs_initiative"] = table["safety_index"] >= 120
    table.attrs["period"] = f"{start:%Y-%m-%d} – {end - pd.Timedelta(days=1):%Y-%m-%d}"
    return table


def test_the_sample_district_agrees_with_a_second_computation(run_algorithm, sample):
    results, _ = run_algorithm(
        "ypo:safetyindex",
        {
            "AREAS": f"{sample}|layername=index_areas",
            "POPULATION": f"{sample}|layername=units",
            "CRIMES": f"{sample}|layername=crimes",
            "SURVEY": f"{sample}|layername=survey",
            "WEIGHT_FIELD": "weight",
            "OUTPUT": "memory:",
        },
    )
    expected = by_hand(sample)
    layer = results["OUTPUT"]
    names = layer.fields().names()
    got = pd.DataFrame(
        [{name: python_value(feature[name]) for name in names} for feature in layer.getFeatures()]
    ).set_index("area_id")
    got = got.loc[expected.index]
    assert results["PERIOD"] == expected.attrs["period"]
    assert got["incidents"].tolist() == expected["incidents"].tolist()
    assert got["respondents"].tolist() == expected["respondents"].tolist()
    for name in ("population", "crimes_per_1000", "crime_index", "unsafe_share", "insecurity_index"):
        assert got[name].to_numpy(float) == pytest.approx(expected[name].to_numpy(float), rel=1e-9), name
    assert got["safety_index"].to_numpy(float) == pytest.approx(
        expected["safety_index"].to_numpy(float), rel=1e-9, nan_ok=True
    )
    assert got["rank"].fillna(0).tolist() == expected["rank"].fillna(0).tolist()
    assert got["needs_initiative"].tolist() == expected["needs_initiative"].tolist()
    assert results["INITIATIVE_COUNT"] == int(expected["needs_initiative"].sum()) > 0
