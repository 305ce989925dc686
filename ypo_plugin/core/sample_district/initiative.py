"""The planted initiative: two index areas where crime fell after a start date, part of it
moved next door.

A planner starts an initiative (say bicycle patrols) on ``INITIATIVE_START`` in the two index
areas with the most incidents over the year before. From that day each incident in the two
areas is prevented with probability ``PREVENTED_SHARE``; of the prevented ones a share
``DISPLACED_SHARE`` happens instead in the ring up to ``RING_M`` around them (same type and
time, on the street, at a random point of the ring inside the station). Evaluate an
initiative should find it: a rate ratio below 1 whose interval excludes 1, and a negative
weighted displacement quotient (displacement); from a start date a quarter earlier it should
find nothing.
"""

from __future__ import annotations

import numpy as np
import shapely

from .crime import Crimes, random_points_in

INITIATIVE_START = np.datetime64("2026-04-01T00:00")
TARGET_COUNT = 2
PREVENTED_SHARE = 0.35
DISPLACED_SHARE = 0.3
RING_M = 500.0


def initiative_targets(area_geometries: np.ndarray, crimes: Crimes) -> np.ndarray:
    """Which areas get the initiative: the ``TARGET_COUNT`` with most incidents before the start
    (ties to the first in order)."""
    before = crimes.occurred < INITIATIVE_START
    counts = np.array(
        [shapely.contains_xy(area, *crimes.xy[before].T).sum() for area in area_geometries], dtype=int
    )
    chosen = np.zeros(len(area_geometries), dtype=bool)
    chosen[np.argsort(-counts, kind="stable")[:TARGET_COUNT]] = True
    return chosen


def plant_initiative(rng: np.random.Generator, crimes: Crimes, targets: np.ndarray, station_area) -> Crimes:
    """``crimes`` with the initiative's effect in the ``targets`` (polygons) from the start date."""
    target = shapely.union_all(targets)
    count = len(crimes.crime_type)
    affected = (crimes.occurred >= INITIATIVE_START) & shapely.contains_xy(target, *crimes.xy.T)
    prevented = affected & (rng.random(count) < PREVENTED_SHARE)
    displaced = prevented & (rng.random(count) < DISPLACED_SHARE)
    ring = shapely.intersection(shapely.buffer(target, RING_M).difference(target), station_area)
    xy = crimes.xy.copy()
    xy[displaced] = random_points_in(rng, np.full(int(displaced.sum()), ring, dtype=object))
    place = crimes.place.copy()
    place[displaced] = "street"
    kept = ~prevented | displaced
    return Crimes(
        crimes.crime_type[kept], crimes.occurred[kept], place[kept], xy[kept], crimes.gang_related[kept]
    )
