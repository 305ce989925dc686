"""The sample district's index areas and survey: coverage, determinism and the planted relations."""

import geopandas as gpd
import numpy as np
import pytest
import shapely

from ypo_plugin.core.sample_district import generate_sample_district
from ypo_plugin.core.sample_district.survey import sample_index_areas, sample_survey


@pytest.fixture(scope="module")
def district():
    return generate_sample_district(np.random.default_rng(11), unit_count=600, total_population=60_000)


@pytest.fixture(scope="module")
def survey(district):
    return sample_survey(
        district.units, district.exposed_areas, district.crimes, np.random.default_rng(3), 4000
    )


def test_index_areas_cover_the_blocks_exactly_once(district):
    areas = sample_index_areas(district.units, np.random.default_rng(5), 12)
    assert areas["area_id"].tolist() == [f"SI-{n:02d}" for n in range(1, 13)]
    assert areas.geometry.is_valid.all()
    assert areas.geometry.area.sum() == pytest.approx(district.units.geometry.area.sum(), rel=1e-9)
    union = shapely.union_all(areas.geometry.values)
    assert union.area == pytest.approx(district.units.geometry.area.sum(), rel=1e-9)  # no overlap
    centres = gpd.GeoDataFrame(district.units[["population"]], geometry=district.units.representative_point())
    joined = gpd.sjoin(centres, areas, predicate="within")
    assert len(joined) == len(district.units)
    assert joined["population"].sum() == 60_000


def test_the_same_seed_gives_the_same_survey(district, survey):
    again = sample_survey(
        district.units, district.exposed_areas, district.crimes, np.random.default_rng(3), 4000
    )
    assert again.equals(survey)
    other = sample_survey(
        district.units, district.exposed_areas, district.crimes, np.random.default_rng(4), 4000
    )
    assert not other.equals(survey)


def test_answers_weights_and_homes(district, survey):
    assert len(survey) == 4000 and survey["respondent_id"].tolist() == list(range(1, 4001))
    answered = survey["answer"].dropna()
    assert set(answered.unique()) <= {1, 2, 3, 4, 5}
    missing = survey["answer"].isna().sum()
    assert 40 <= missing <= 130  # 2 % of 4000 = 80, a binomial sd of about 9
    assert survey["weight"].between(0.6, 1.6).all()
    homes = gpd.sjoin(survey, district.units[["population", "geometry"]], predicate="within")
    assert len(homes) == 4000 and (homes["population"] > 0).all()


def test_feeling_unsafe_follows_exposed_areas_and_crime(district, survey):
    valid = survey[survey["answer"].notna()]
    unsafe = valid["answer"].astype(int) <= 2
    in_exposed = valid.geometry.intersects(shapely.union_all(district.exposed_areas.geometry.values))
    assert unsafe[in_exposed].mean() > unsafe[~in_exposed].mean() + 0.2
    # crime within 400 m by a second method: a spatial join on buffers
    rings = gpd.GeoDataFrame(geometry=valid.geometry.buffer(400), crs=valid.crs)
    nearby = gpd.sjoin(rings, district.crimes[["geometry"]], predicate="contains").groupby(level=0).size()
    nearby = nearby.reindex(valid.index, fill_value=0)
    low, high = nearby.quantile(0.25), nearby.quantile(0.75)
    assert unsafe[nearby >= high].mean() > unsafe[nearby <= low].mean() + 0.1
