"""The sample district's safety-index material: index areas and a citizens' survey.

Drawn by :func:`.generate.generate_sample_district` after the crime (the survey answers
depend on it) and written as the layers ``index_areas`` and ``survey``.

- **Index areas**: the station's street blocks grouped into about 35 compact neighbourhoods (a
  population-weighted k-means of the block centres, a fixed number of rounds from seeds drawn by
  the random generator), from a few thousand to some fifteen thousand residents each; each area
  is the union of whole blocks, so the areas cover the station exactly and never overlap.
- **Survey**: about 8,000 respondents drawn in proportion to the blocks' residents, each at a
  random point in their block, answering "How safe do you feel in your neighbourhood after
  dark?" on 1–5 (1 = very unsafe). Feeling unsafe grows with the recorded crime within 400 m of
  home and with living in an exposed housing area, plus personal variation; about 2 % leave the
  question unanswered; each respondent has a survey weight between 0.6 and 1.6 (as a
  post-stratified survey would).
"""

from __future__ import annotations

import numpy as np
import shapely

from ..errors import InputError
from ..lazy import lazy_module
from ..messages import tr
from .crime import random_points_in

gpd = lazy_module("geopandas")
pd = lazy_module("pandas")
spatial = lazy_module("scipy.spatial")

INDEX_AREA_COUNT = 35
SURVEY_SIZE = 8000
K_MEANS_ROUNDS = 20
NEIGHBOURHOOD_M = 400.0
MISSING_ANSWER_SHARE = 0.02
WEIGHT_RANGE = (0.6, 1.6)
CRIME_EFFECT = 0.8  # on the latent unease, per unit of log crime density relative to the median
EXPOSED_EFFECT = 0.9  # extra latent unease of living in an exposed housing area
# Latent unease above these cut points gives answers 4, 3, 2, 1 (below the first: 5, very safe).
ANSWER_CUTS = (-0.9, 0.0, 0.9, 1.8)


def sample_index_areas(units: gpd.GeoDataFrame, rng: np.random.Generator, count: int = INDEX_AREA_COUNT):
    """``count`` index areas (``area_id`` SI-01 …, ``geometry``) of whole blocks."""
    if count < 1 or count > len(units):
        raise InputError(
            tr("The index areas must number between 1 and the {count} blocks.", count=len(units))
        )
    centres = shapely.get_coordinates(units.geometry.centroid.values)
    population = units["population"].to_numpy(dtype=float) + 1.0  # empty blocks still pull a little
    membership = _weighted_k_means(centres, population, count, rng)
    geometries = [
        shapely.coverage_union_all(units.geometry.values[membership == area]) for area in range(count)
    ]
    order = np.lexsort(
        (
            [geometry.centroid.x for geometry in geometries],
            [-round(geometry.centroid.y, -3) for geometry in geometries],
        )
    )
    return gpd.GeoDataFrame(
        {"area_id": [f"SI-{rank + 1:02d}" for rank in range(count)]},
        geometry=[geometries[area] for area in order],
        crs=units.crs,
    )


def _weighted_k_means(points: np.ndarray, weights: np.ndarray, count: int, rng: np.random.Generator):
    seeds = rng.choice(len(points), size=count, replace=False, p=weights / weights.sum())
    centres = points[seeds].copy()
    for _ in range(K_MEANS_ROUNDS):
        _, membership = spatial.cKDTree(centres).query(points)
        for area in range(count):
            own = membership == area
            if own.any():
                centres[area] = np.average(points[own], axis=0, weights=weights[own])
    _, membership = spatial.cKDTree(centres).query(points)
    empty = np.setdiff1d(np.arange(count), membership)
    for area in empty:  # a centre that lost every block takes the block nearest to it
        nearest = int(np.argmin(np.linalg.norm(points - centres[area], axis=1)))
        membership[nearest] = area
    return membership


def sample_survey(
    units: gpd.GeoDataFrame,
    exposed_areas: gpd.GeoDataFrame,
    crimes: gpd.GeoDataFrame,
    rng: np.random.Generator,
    size: int = SURVEY_SIZE,
) -> gpd.GeoDataFrame:
    """``size`` respondents (``respondent_id``, ``answer`` 1–5 or empty, ``weight``, point); none
    where nobody lives."""
    population = units["population"].to_numpy(dtype=float)
    if population.sum() <= 0:
        size = 0
    homes = rng.choice(len(units), size=size, p=population / population.sum()) if size else np.zeros(0, int)
    xy = random_points_in(rng, units.geometry.values[homes]).reshape(-1, 2)
    unease = CRIME_EFFECT * _log_crime_density(xy, crimes) + rng.normal(0.0, 1.0, size)
    exposed = shapely.union_all(exposed_areas.geometry.values)
    unease += EXPOSED_EFFECT * shapely.intersects_xy(exposed, xy[:, 0], xy[:, 1])
    answer = 5 - np.searchsorted(ANSWER_CUTS, unease).astype(float)
    answer[rng.random(size) < MISSING_ANSWER_SHARE] = np.nan
    weight = np.round(rng.uniform(*WEIGHT_RANGE, size), 2)
    return gpd.GeoDataFrame(
        {
            "respondent_id": np.arange(1, size + 1, dtype=np.int64),
            "answer": pd.array(answer, dtype="Int64"),
            "weight": weight,
        },
        geometry=shapely.points(xy),
        crs=units.crs,
    )


def _log_crime_density(xy: np.ndarray, crimes: gpd.GeoDataFrame) -> np.ndarray:
    """log of the incidents within ``NEIGHBOURHOOD_M`` of each point, relative to the median."""
    crime_xy = shapely.get_coordinates(crimes.geometry.values)
    if not len(xy) or not len(crime_xy):
        return np.zeros(len(xy))
    nearby = np.array(
        [len(found) for found in spatial.cKDTree(crime_xy).query_ball_point(xy, NEIGHBOURHOOD_M)], float
    )
    return np.log1p(nearby) - np.log1p(np.median(nearby))
