"""Who lives where: land use, districts, exposed housing areas and residents per block.

Housing follows the urbanity of a block (dense housing in the inner city,
villas in the suburbs); industry lies along the railway and the motorway,
parks in a few blobs, along the waterway and scattered. Districts grow
from seeds in their directions until residents follow the sector counts.
Exposed housing areas are compact clusters of housing blocks, dense
estates. Residents are apportioned to blocks by area, land use and a
random variation, summing exactly to the total population.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon

from ..lazy import lazy_module
from .area import DISTRICTS, UrbanityField, area_centre, area_radius, unit_vector
from .streets import Blocks

sparse = lazy_module("scipy.sparse")
csgraph = lazy_module("scipy.sparse.csgraph")

LAND_USES = ("dense_residential", "residential", "villa", "park", "industry")
EXPOSED_AREA_NAMES = (
    "Tingbjerg",
    "Mjølnerparken",
    "Bispeparken",
    "Lundtoftegade",
    "Husumgård",
    "Degnegården",
)

# Shares of the area that are dense housing and ordinary housing; the rest is villas,
# before parks and industry take their part.
DENSE_AREA_SHARE = 0.35
RESIDENTIAL_AREA_SHARE = 0.40
# Residents per m² of block by land use, before random variation.
RESIDENT_DENSITY = {
    "dense_residential": 0.030,
    "residential": 0.012,
    "villa": 0.004,
    "park": 0.0,
    "industry": 0.0,
}
EXPOSED_DENSITY_FACTOR = 1.8  # exposed housing areas are dense estates


@dataclass(frozen=True)
class LandUse:
    """The land use of each street block, its urbanity and where the stadium stands."""

    use: np.ndarray  # LAND_USES value per block
    urbanity: np.ndarray  # per block
    stadium: np.ndarray  # xy of the stadium, in the largest park


def plan_land_use(
    rng: np.random.Generator,
    blocks: Blocks,
    urbanity: UrbanityField,
    outline: Polygon,
    barrier_lines: list[LineString],
) -> LandUse:
    """Housing by how urban a block is; industry along the railway and motorway;
    parks in a few blobs, along the waterway and as scattered pocket parks."""
    centre = blocks.centre
    urban = urbanity(centre)
    use = _housing_by_urbanity(urban, blocks.area)

    railway, motorway, waterway = barrier_lines
    for line in (railway, motorway):
        for _ in range(rng.integers(1, 3)):
            site = np.array(line.interpolate(rng.uniform(0.15, 0.85), normalized=True).coords[0])
            use[_within(centre, site, rng.uniform(180.0, 380.0))] = "industry"

    park_sites = _random_points_inside(rng, outline, rng.integers(4, 8))
    park_radius = rng.uniform(120.0, 380.0, len(park_sites))
    for site, radius in zip(park_sites, park_radius, strict=True):
        use[_within(centre, site, radius)] = "park"
    shapely.prepare(waterway)
    use[shapely.dwithin(waterway, shapely.points(centre), 70.0)] = "park"
    use[rng.random(blocks.count) < 0.03] = "park"
    return LandUse(use, urban, park_sites[np.argmax(park_radius)])


def _housing_by_urbanity(urban: np.ndarray, area: np.ndarray) -> np.ndarray:
    """The most urban blocks are dense housing, the least urban villas, by area shares."""
    order = np.argsort(-urban, kind="stable")
    share = np.empty_like(area)
    share[order] = np.cumsum(area[order]) / area.sum()
    use = np.full(len(area), "villa", dtype=object)
    use[share <= DENSE_AREA_SHARE + RESIDENTIAL_AREA_SHARE] = "residential"
    use[share <= DENSE_AREA_SHARE] = "dense_residential"
    return use


def _within(xy: np.ndarray, site: np.ndarray, radius: float) -> np.ndarray:
    return np.hypot(*(xy - site).T) < radius


def _random_points_inside(rng: np.random.Generator, polygon: Polygon, count: int) -> np.ndarray:
    xmin, ymin, xmax, ymax = polygon.bounds
    points = np.empty((0, 2))
    while len(points) < count:
        candidates = rng.uniform((xmin, ymin), (xmax, ymax), (count, 2))
        points = np.concatenate([points, candidates[shapely.contains_xy(polygon, *candidates.T)]])
    return points[:count]


def expected_residents(blocks: Blocks, use: np.ndarray, variation: np.ndarray) -> np.ndarray:
    """Expected residents per block: its area times a density by land use,
    times a random variation from block to block."""
    density = np.array([RESIDENT_DENSITY[value] for value in use])
    return blocks.area * density * variation


def apportion(total: int, weights: np.ndarray) -> np.ndarray:
    """Whole numbers proportional to ``weights`` summing exactly to ``total``
    (largest remainders)."""
    quota = total * weights / weights.sum()
    counts = np.floor(quota).astype(np.int64)
    remaining = int(total - counts.sum())
    counts[np.argsort(counts - quota, kind="stable")[:remaining]] += 1
    return counts


def assign_districts(
    rng: np.random.Generator, blocks: Blocks, residents: np.ndarray, outline: Polygon
) -> np.ndarray:
    """District index per block: the nearest of three district seeds, with
    additive weights tuned so that residents follow the sector counts, then
    made contiguous."""
    centre, radius = area_centre(outline), area_radius(outline)
    directions = np.radians([spec.direction_deg for spec in DISTRICTS])
    directions += rng.normal(0.0, 0.15, len(DISTRICTS))
    seeds = centre + 0.45 * radius * unit_vector(directions)
    distance = np.hypot(*(blocks.centre[:, None, :] - seeds[None, :, :]).transpose(2, 0, 1))
    sectors = np.array([spec.sector_count for spec in DISTRICTS], dtype=float)
    target = sectors / sectors.sum()
    head_start = np.zeros(len(DISTRICTS))
    for step in range(200):
        district = np.argmin(distance - head_start, axis=1)
        share = np.bincount(district, residents, minlength=len(DISTRICTS)) / residents.sum()
        head_start += 0.5 * radius * (target - share) / (1.0 + step / 20.0)
    return _contiguous(district, blocks)


def _contiguous(district: np.ndarray, blocks: Blocks) -> np.ndarray:
    """Hand every part of a district cut off from its largest part to the
    neighbouring district it shares the longest boundary with."""
    a, b, length = blocks.segments.shared_lengths(blocks.count)
    area = blocks.area
    while True:
        same = district[a] == district[b]
        graph = sparse.coo_matrix(
            (np.ones(same.sum()), (a[same], b[same])), shape=(blocks.count, blocks.count)
        )
        part_count, part = csgraph.connected_components(graph, directed=False)
        part_district = np.empty(part_count, dtype=int)
        part_district[part] = district
        part_area = np.bincount(part, area, minlength=part_count)
        main = np.zeros(part_count, dtype=bool)
        for index in range(len(DISTRICTS)):
            parts = np.flatnonzero(part_district == index)
            if parts.size:
                main[parts[np.argmax(part_area[parts])]] = True
        if main.all():
            return district
        border = ~main[part[a]] & (district[a] != district[b])
        key, inverse = np.unique(part[a[border]] * len(DISTRICTS) + district[b[border]], return_inverse=True)
        shared = np.bincount(inverse, length[border])
        stray_part, neighbour = key // len(DISTRICTS), key % len(DISTRICTS)
        order = np.lexsort((neighbour, -shared, stray_part))
        best = order[np.unique(stray_part[order], return_index=True)[1]]
        part_district[stray_part[best]] = neighbour[best]
        district = part_district[part]


@dataclass(frozen=True)
class ExposedArea:
    """An exposed housing area: its name, the index of its district and the indices of its blocks."""

    name: str
    district: int
    units: np.ndarray


def draw_exposed_areas(
    rng: np.random.Generator, blocks: Blocks, district: np.ndarray, use: np.ndarray
) -> list[ExposedArea]:
    """3–6 housing estates of a few adjacent housing blocks, each inside one
    district, at least one per district when it has housing."""
    housing = np.isin(use, ("dense_residential", "residential", "villa"))
    a, b, _ = blocks.segments.shared_lengths(blocks.count, across_barriers=False)
    taken = np.zeros(blocks.count, dtype=bool)
    centres = blocks.centre
    areas = []
    for index in range(rng.integers(3, 7)):
        own = index if index < len(DISTRICTS) else rng.integers(len(DISTRICTS))
        candidate = housing & (district == own) & ~taken
        for other in areas:
            candidate &= ~_within(centres, centres[other.units].mean(axis=0), 800.0)
        if not candidate.any():
            continue
        start = rng.choice(np.flatnonzero(candidate))
        members = _grown_cluster(start, candidate, centres, a, b, rng.integers(4, 11))
        taken[members] = True
        areas.append(ExposedArea(EXPOSED_AREA_NAMES[len(areas)], own, members))
    return areas


def _grown_cluster(
    start: int, allowed: np.ndarray, centres: np.ndarray, a: np.ndarray, b: np.ndarray, size: int
) -> np.ndarray:
    """Up to ``size`` blocks grown from ``start`` over allowed neighbours, always
    adding the one nearest to the start, so the cluster stays compact."""
    inside = np.zeros(len(allowed), dtype=bool)
    inside[start] = True
    distance = np.hypot(*(centres - centres[start]).T)
    for _ in range(size - 1):
        frontier = np.unique(b[inside[a] & ~inside[b] & allowed[b]])
        if frontier.size == 0:
            break
        inside[frontier[np.argmin(distance[frontier])]] = True
    return np.flatnonzero(inside)
