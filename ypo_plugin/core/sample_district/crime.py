"""A year of simulated crime: special places and incidents by type, place and time.

Incidents of the six crime types (:data:`~ypo_plugin.core.crime_types.CRIME_TYPES`) happen
mostly where people live (more in exposed housing areas, some where
visitors are: parks and industry) and partly around special places that
attract them (stations, nightlife streets, shopping centres, a stadium).
Each type has its own mix of scenes, its own hour-of-day and day-of-week
profile and its own season (violence peaks in summer, burglary in the dark
months). A small share is gang-related, most of it in and near the exposed
housing areas.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon

from ..crime_types import CRIME_TYPES
from .population import LandUse
from .streets import Blocks

CRIME_PLACES = (
    "street",
    "residence",
    "shop",
    "restaurant_bar",
    "public_transport",
    "park",
    "school",
    "other",
)
YEAR_START = np.datetime64("2025-10-01T00:00", "m")
YEAR_END = np.datetime64("2026-10-01T00:00", "m")

STATION_NAMES = ("Grøndal St.", "Fuglebakken St.", "Bispebjerg St.", "Nørrebro St.", "Flintholm St.")
NIGHTLIFE_NAMES = ("Falkoner Allé", "Frederikssundsvej", "Nørrebrogade")
SHOPPING_NAMES = ("Bellahøj Centret", "Brønshøj Torv Centret")
STADIUM_NAME = "Bellahøj Stadion"

# Crime: counts per type and where and when incidents happen.
CRIMES_PER_RESIDENT = 0.084  # per year
CRIME_SHARE = dict(violence=0.12, burglary=0.10, theft=0.34, drugs=0.09, vandalism=0.17, harassment=0.18)
EXPOSED_CRIME_FACTOR = dict(violence=4.0, burglary=1.5, theft=2.0, drugs=5.0, vandalism=3.0, harassment=2.5)
# Visitors per m² of parks and industry, as residents weigh for crime elsewhere.
VISITOR_DENSITY = {"park": 0.003, "industry": 0.002}
# Share of each type that happens around special places, and how strongly each kind attracts it.
HOTSPOT_SHARE = dict(violence=0.35, burglary=0.0, theft=0.30, drugs=0.30, vandalism=0.15, harassment=0.15)
HOTSPOT_ATTRACTION = {
    "violence": dict(nightlife=5.0, station=2.0, stadium=2.0, shopping=0.5),
    "burglary": dict(nightlife=0.0, station=0.0, stadium=0.0, shopping=1.0),
    "theft": dict(nightlife=2.0, station=3.0, stadium=0.5, shopping=4.0),
    "drugs": dict(nightlife=3.0, station=3.0, stadium=0.0, shopping=0.5),
    "vandalism": dict(nightlife=2.0, station=3.0, stadium=1.0, shopping=1.0),
    "harassment": dict(nightlife=3.0, station=2.0, stadium=1.0, shopping=1.0),
}
HOTSPOT_SPREAD_M = dict(nightlife=120.0, station=100.0, stadium=150.0, shopping=80.0)
# Probabilities over CRIME_PLACES.
PLACE_SHARE = {
    "violence": (0.40, 0.25, 0.05, 0.12, 0.05, 0.05, 0.03, 0.05),
    "burglary": (0.00, 0.80, 0.10, 0.02, 0.00, 0.00, 0.03, 0.05),
    "theft": (0.35, 0.10, 0.30, 0.08, 0.07, 0.03, 0.02, 0.05),
    "drugs": (0.55, 0.15, 0.02, 0.08, 0.08, 0.07, 0.02, 0.03),
    "vandalism": (0.45, 0.20, 0.08, 0.02, 0.07, 0.06, 0.05, 0.07),
    "harassment": (0.30, 0.35, 0.05, 0.05, 0.08, 0.04, 0.08, 0.05),
}
HOTSPOT_PLACE_SHARE = {
    "nightlife": (0.40, 0.00, 0.00, 0.55, 0.00, 0.00, 0.00, 0.05),
    "station": (0.35, 0.00, 0.05, 0.00, 0.60, 0.00, 0.00, 0.00),
    "stadium": (0.60, 0.00, 0.00, 0.00, 0.00, 0.00, 0.00, 0.40),
    "shopping": (0.20, 0.00, 0.75, 0.00, 0.00, 0.00, 0.00, 0.05),
}
# Hour-of-day profiles as bumps (peak hour, width in hours, weight) on a 24-hour circle.
HOUR_BUMPS = {
    "violence": ((1.0, 2.5, 1.0), (22.0, 2.0, 0.7), (15.0, 3.0, 0.25)),
    "burglary": ((12.0, 3.5, 1.0), (19.0, 2.0, 0.35)),
    "theft": ((16.0, 3.0, 1.0), (11.0, 2.0, 0.4), (23.0, 2.0, 0.3)),
    "drugs": ((22.0, 3.0, 1.0), (2.0, 2.0, 0.5), (16.0, 2.5, 0.4)),
    "vandalism": ((1.0, 2.5, 1.0), (21.0, 2.0, 0.7)),
    "harassment": ((18.0, 3.5, 1.0), (13.0, 3.0, 0.4), (23.0, 2.0, 0.4)),
}
HOUR_FLOOR = 0.05
# Day-of-week weights, Monday first, for the evening an incident belongs to.
DAY_WEIGHTS = {
    "violence": (0.8, 0.8, 0.9, 1.0, 1.5, 1.8, 1.1),
    "burglary": (1.1, 1.1, 1.1, 1.1, 1.1, 0.8, 0.7),
    "theft": (1.0, 1.0, 1.0, 1.0, 1.2, 1.3, 0.8),
    "drugs": (0.9, 0.9, 1.0, 1.0, 1.3, 1.4, 0.9),
    "vandalism": (0.9, 0.9, 0.9, 1.0, 1.3, 1.5, 1.0),
    "harassment": (1.0, 1.0, 1.0, 1.0, 1.1, 1.1, 0.9),
}
EVENING_ENDS_HOUR = 6  # incidents before 06:00 belong to the previous evening
# Season: the day's weight is 1 + amplitude × cos(2π (day of year − peak day) / 365.25).
SEASON = {
    "violence": (0.25, 196),  # mid-July
    "burglary": (0.30, 15),  # mid-January: long dark evenings
    "theft": (0.15, 227),
    "drugs": (0.10, 196),
    "vandalism": (0.20, 180),
    "harassment": (0.10, 196),
}
# Gang-related share of each type, and how many times likelier within GANG_NEAR_M of an
# exposed housing area (where the groups have their base).
GANG_SHARE = dict(violence=0.03, burglary=0.0, theft=0.004, drugs=0.06, vandalism=0.01, harassment=0.015)
GANG_NEAR_FACTOR = 6.0
GANG_NEAR_M = 300.0


@dataclass(frozen=True)
class SpecialPlaces:
    """Places that draw crime (stations, nightlife streets, shopping centres, the stadium):
    name, kind and position of each."""

    name: list[str]
    kind: list[str]
    xy: np.ndarray


def draw_special_places(
    rng: np.random.Generator,
    blocks: Blocks,
    use: np.ndarray,
    land: LandUse,
    barrier_lines: list[LineString],
) -> SpecialPlaces:
    """Stations along the railway, nightlife streets in the inner city,
    shopping centres near stations and a stadium in the largest park."""
    railway = barrier_lines[0]
    station_count = int(np.clip(round(railway.length / 1300.0), 2, len(STATION_NAMES)))
    fractions = (np.arange(station_count) + 0.5 + rng.uniform(-0.2, 0.2, station_count)) / station_count
    stations = shapely.get_coordinates(shapely.line_interpolate_point(railway, fractions, normalized=True))

    centre = blocks.centre
    housing = np.isin(use, ("dense_residential", "residential"))
    inner_city = housing & (land.urbanity >= np.quantile(land.urbanity[housing], 0.85))
    nightlife = centre[_spread_choice(rng, centre, inner_city, rng.integers(2, 4), 700.0)]

    station_distance = np.hypot(*(centre[:, None, :] - stations[None, :, :]).transpose(2, 0, 1)).min(axis=1)
    near_station = housing & (station_distance > 150.0) & (station_distance < 600.0)
    shopping = centre[_spread_choice(rng, centre, near_station | (housing & ~near_station.any()), 2, 1000.0)]

    groups = [
        (STATION_NAMES, "station", stations),
        (NIGHTLIFE_NAMES, "nightlife", nightlife),
        (SHOPPING_NAMES, "shopping", shopping),
        ((STADIUM_NAME,), "stadium", land.stadium[None, :]),
    ]
    return SpecialPlaces(
        [name for names, _, xy in groups for name in names[: len(xy)]],
        [kind for _, kind, xy in groups for _ in xy],
        np.vstack([xy for _, _, xy in groups]),
    )


def _spread_choice(
    rng: np.random.Generator, xy: np.ndarray, candidate: np.ndarray, count: int, min_distance: float
) -> np.ndarray:
    """Up to ``count`` random candidates at least ``min_distance`` apart."""
    chosen: list[int] = []
    for index in rng.permutation(np.flatnonzero(candidate)):
        if all(np.hypot(*(xy[index] - xy[other])) >= min_distance for other in chosen):
            chosen.append(int(index))
            if len(chosen) == count:
                break
    return np.array(chosen, dtype=int)


@dataclass(frozen=True)
class Crimes:
    """Simulated incidents, one entry each: crime type, time of occurrence, kind of place,
    position and whether it is gang-related."""

    crime_type: np.ndarray
    occurred: np.ndarray
    place: np.ndarray
    xy: np.ndarray
    gang_related: np.ndarray


def draw_crimes(
    rng: np.random.Generator,
    blocks: Blocks,
    population: np.ndarray,
    use: np.ndarray,
    in_exposed: np.ndarray,
    places: SpecialPlaces,
    total_population: int,
    exposed_area: Polygon,
) -> Crimes:
    """Incidents over one year, sorted by time: most where people live
    (more in exposed areas), some around special places; some gang-related,
    mostly near ``exposed_area`` (the union of the exposed housing areas)."""
    counts = rng.multinomial(
        rng.poisson(CRIMES_PER_RESIDENT * total_population), [CRIME_SHARE[name] for name in CRIME_TYPES]
    )
    visitors = blocks.area * np.array([VISITOR_DENSITY.get(value, 0.0) for value in use])
    area = shapely.coverage_union_all(blocks.geometry)
    shapely.prepare(area)
    parts = []
    for crime_type, count in zip(CRIME_TYPES, counts, strict=True):
        hotspot_count = rng.binomial(count, HOTSPOT_SHARE[crime_type])
        weights = population * np.where(in_exposed, EXPOSED_CRIME_FACTOR[crime_type], 1.0) + visitors
        xy, place = _background_incidents(rng, blocks, weights, use, crime_type, count - hotspot_count)
        hot_xy, hot_place = _hotspot_incidents(rng, area, places, crime_type, hotspot_count)
        parts.append(
            Crimes(
                np.full(count, crime_type, dtype=object),
                _occurred(rng, crime_type, count),
                np.concatenate([place, hot_place]),
                np.vstack([xy, hot_xy]),
                np.zeros(count, dtype=bool),
            )
        )
    order = np.argsort(np.concatenate([part.occurred for part in parts]), kind="stable")
    crime_type = np.concatenate([part.crime_type for part in parts])[order]
    xy = np.vstack([part.xy for part in parts])[order]
    return Crimes(
        crime_type,
        np.concatenate([part.occurred for part in parts])[order],
        np.concatenate([part.place for part in parts])[order],
        xy,
        _gang_related(rng, crime_type, xy, exposed_area),
    )


def _gang_related(
    rng: np.random.Generator, crime_type: np.ndarray, xy: np.ndarray, exposed_area
) -> np.ndarray:
    """Each incident gang-related with its type's share, ``GANG_NEAR_FACTOR`` times likelier near
    an exposed housing area."""
    share = np.array([GANG_SHARE[name] for name in crime_type], dtype=float)
    if not exposed_area.is_empty:
        near = shapely.dwithin(exposed_area, shapely.points(xy), GANG_NEAR_M)
        share = np.where(near, share * GANG_NEAR_FACTOR, share)
    return rng.random(len(crime_type)) < share


def _background_incidents(
    rng: np.random.Generator,
    blocks: Blocks,
    weights: np.ndarray,
    use: np.ndarray,
    crime_type: str,
    count: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Incidents in blocks drawn by weight, at a random point of the block."""
    if count == 0:
        return np.zeros((0, 2)), np.zeros(0, dtype=object)
    unit = rng.choice(blocks.count, size=count, p=weights / weights.sum())
    xy = random_points_in(rng, blocks.geometry[unit])
    place = _draw_places(rng, PLACE_SHARE[crime_type], count)
    # Parks and industry have no homes: incidents there happen in the park or elsewhere.
    in_park = use[unit] == "park"
    place[in_park] = "other" if crime_type == "burglary" else "park"
    place[(use[unit] == "industry") & (place == "residence")] = "other"
    return xy, place


def _hotspot_incidents(
    rng: np.random.Generator, area: Polygon, places: SpecialPlaces, crime_type: str, count: int
) -> tuple[np.ndarray, np.ndarray]:
    """Incidents scattered around special places that attract this crime type."""
    attraction = np.array([HOTSPOT_ATTRACTION[crime_type][kind] for kind in places.kind])
    if count == 0 or attraction.sum() == 0:
        return np.zeros((0, 2)), np.zeros(0, dtype=object)
    source = rng.choice(len(places.kind), size=count, p=attraction / attraction.sum())
    spread = np.array([HOTSPOT_SPREAD_M[places.kind[index]] for index in source])
    xy = np.empty((count, 2))
    pending = np.arange(count)
    while pending.size:
        offset = rng.normal(0.0, 1.0, (pending.size, 2)) * spread[pending, None]
        candidates = places.xy[source[pending]] + offset
        inside = shapely.contains_xy(area, *candidates.T)
        xy[pending[inside]] = candidates[inside]
        pending = pending[~inside]
    place = np.empty(count, dtype=object)
    for index, kind in enumerate(places.kind):
        at_source = np.flatnonzero(source == index)
        place[at_source] = _draw_places(rng, HOTSPOT_PLACE_SHARE[kind], at_source.size)
    return xy, place


def _draw_places(rng: np.random.Generator, share: tuple[float, ...], count: int) -> np.ndarray:
    return np.array(CRIME_PLACES, dtype=object)[rng.choice(len(CRIME_PLACES), size=count, p=share)]


def random_points_in(rng: np.random.Generator, polygons: np.ndarray) -> np.ndarray:
    """One uniformly random point strictly inside each polygon (rejection sampling)."""
    bounds = shapely.bounds(polygons).reshape(-1, 4)
    xy = np.empty((len(polygons), 2))
    pending = np.arange(len(polygons))
    while pending.size:
        box = bounds[pending]
        candidates = rng.uniform(box[:, :2], box[:, 2:])
        inside = shapely.contains_xy(polygons[pending], *candidates.T)
        xy[pending[inside]] = candidates[inside]
        pending = pending[~inside]
    return xy


def _occurred(rng: np.random.Generator, crime_type: str, count: int) -> np.ndarray:
    """Times in whole minutes over the year, by the type's season and its hour-of-day and
    day-of-week profile."""
    day = np.arange(YEAR_START.astype("datetime64[D]"), YEAR_END.astype("datetime64[D]"))
    weekday = (day - np.datetime64("1970-01-05")).astype(int) % 7  # 1970-01-05 was a Monday
    day_of_year = (day - day.astype("datetime64[Y]")).astype(int) + 1
    amplitude, peak = SEASON[crime_type]
    season = 1.0 + amplitude * np.cos(2.0 * np.pi * (day_of_year - peak) / 365.25)
    hour = np.arange(24)
    evening = (weekday[:, None] - (hour[None, :] < EVENING_ENDS_HOUR)) % 7
    weight = (
        season[:, None]
        * np.asarray(DAY_WEIGHTS[crime_type])[evening]
        * _hour_profile(HOUR_BUMPS[crime_type])[None, :]
    )
    slot = rng.choice(weight.size, size=count, p=weight.ravel() / weight.sum())
    minutes = slot * 60 + rng.integers(0, 60, count)
    return (YEAR_START + minutes.astype("timedelta64[m]")).astype("datetime64[ns]")


def _hour_profile(bumps: tuple[tuple[float, float, float], ...]) -> np.ndarray:
    hour = np.arange(24) + 0.5
    profile = np.full(24, HOUR_FLOOR)
    for peak, width, weight in bumps:
        gap = np.abs((hour - peak + 12.0) % 24.0 - 12.0)
        profile += weight * np.exp(-0.5 * (gap / width) ** 2)
    return profile
