"""A generated sample police station area, to try the plugin without own data.

The area is modelled loosely on Copenhagen Police's Bellahøj station: three
local police districts made of street blocks with population, crime incidents
over one quarter, particularly exposed housing areas, barriers (a railway, a
motorway and a waterway) and special places. Everything is drawn from the
given random generator, so the same seed always gives the same area.

The street blocks are the faces of ONE noded line network (the Voronoi edges
of jittered street grids, the barriers and the outline). Neighbouring blocks
therefore share exactly the same vertices: districts and exposed areas are
exact unions of blocks, and barriers run along block edges.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import shapely
from shapely.geometry import LineString, Polygon

from .errors import InputError
from .lazy import lazy_module
from .progress import (
    CancelCheck,
    ProgressCallback,
    never_cancelled,
    no_progress,
    raise_if_cancelled,
)

gpd = lazy_module("geopandas")
pd = lazy_module("pandas")
sparse = lazy_module("scipy.sparse")
csgraph = lazy_module("scipy.sparse.csgraph")
spatial = lazy_module("scipy.spatial")

SAMPLE_CRS = "EPSG:25832"

# Bellahøj, Copenhagen (lon 12.52, lat 55.70) in EPSG:25832, in whole metres.
STATION_CENTRE = (721_181.0, 6_178_307.0)

MIN_UNIT_COUNT = 50
MAX_UNIT_COUNT = 50_000

LAYER_NAMES = ("districts", "units", "crimes", "exposed_areas", "barriers", "special_places")
LAND_USES = ("dense_residential", "residential", "villa", "park", "industry")
CRIME_TYPES = ("violence", "burglary", "theft", "drugs", "vandalism", "harassment")
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
QUARTER_START = np.datetime64("2026-07-01T00:00", "m")
QUARTER_END = np.datetime64("2026-10-01T00:00", "m")


@dataclass(frozen=True)
class _DistrictSpec:
    name: str
    sector_count: int
    staff: int
    direction_deg: float  # where the district lies seen from the station, counter-clockwise from east


DISTRICTS = (
    _DistrictSpec("North East", 9, 18, 45.0),
    _DistrictSpec("North West", 5, 12, 155.0),
    _DistrictSpec("Frederiksberg", 5, 12, 270.0),
)


@dataclass(frozen=True)
class _BarrierSpec:
    name: str
    kind: str
    waves: tuple[tuple[float, float], ...]  # (amplitude, wavelength) as fractions of the area radius


BARRIERS = (
    _BarrierSpec("Ringbanen", "railway", ((0.08, 3.0),)),
    _BarrierSpec("Hillerødmotorvejen", "motorway", ((0.06, 4.0),)),
    _BarrierSpec("Grøndalsåen", "waterway", ((0.10, 2.0), (0.03, 0.6))),
)

STATION_NAMES = ("Grøndal St.", "Fuglebakken St.", "Bispebjerg St.", "Nørrebro St.", "Flintholm St.")
NIGHTLIFE_NAMES = ("Falkoner Allé", "Frederikssundsvej", "Nørrebrogade")
SHOPPING_NAMES = ("Bellahøj Centret", "Brønshøj Torv Centret")
STADIUM_NAME = "Bellahøj Stadion"
EXPOSED_AREA_NAMES = (
    "Tingbjerg",
    "Mjølnerparken",
    "Bispeparken",
    "Lundtoftegade",
    "Husumgård",
    "Degnegården",
)

# Geometry of the street blocks.
AREA_KM2_RANGE = (27.0, 33.0)
HOOD_SPACING_M = 900.0  # neighbourhoods: patches with one street grid orientation
GRID_JITTER = 0.1  # of the block spacing
SUBURB_BLOCK_SCALE = 1.4  # suburban blocks are up to (1 + this) times as long as inner-city ones
EDGE_BLOCKS = 5.0  # measured; see _spacing_scale
SLIVER_AREA_M2 = 300.0
SLIVER_WIDTH_M = 8.0  # mean width 2·area/perimeter, for long thin faces along barriers
ON_LINE_TOLERANCE_M = 1e-6  # noded intersection points lie this close to the original lines

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

# Crime: counts per type and where and when incidents happen.
CRIMES_PER_RESIDENT = 0.021  # per quarter
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


@dataclass(frozen=True)
class SampleDistrict:
    """The layers of a sample station area, all in ``SAMPLE_CRS``."""

    districts: gpd.GeoDataFrame
    units: gpd.GeoDataFrame
    crimes: gpd.GeoDataFrame
    exposed_areas: gpd.GeoDataFrame
    barriers: gpd.GeoDataFrame
    special_places: gpd.GeoDataFrame

    def layers(self) -> dict[str, gpd.GeoDataFrame]:
        """Layer name -> frame, in the order they are written."""
        return {name: getattr(self, name) for name in LAYER_NAMES}


def generate_sample_district(
    rng: np.random.Generator,
    unit_count: int = 3500,
    total_population: int = 380_000,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> SampleDistrict:
    """Generate a station area of about ``unit_count`` street blocks housing
    exactly ``total_population`` residents, with one quarter of crime."""
    _check_arguments(unit_count, total_population)
    outline = _station_outline(rng)
    urbanity = _UrbanityField.random(rng, outline)
    barrier_lines = _barrier_lines(rng, outline)
    progress(5)
    raise_if_cancelled(is_cancelled)

    seeds = _block_seeds(rng, outline, urbanity, unit_count)
    progress(15)
    raise_if_cancelled(is_cancelled)

    faces = _network_faces(seeds, outline, barrier_lines)
    progress(40)
    raise_if_cancelled(is_cancelled)

    blocks = _Blocks.from_faces(faces, _boundary_segments(faces, barrier_lines))
    barrier_geometry = blocks.segments.merged_barriers(len(barrier_lines))
    progress(60)
    raise_if_cancelled(is_cancelled)

    land = _land_use(rng, blocks, urbanity, outline, barrier_geometry)
    variation = rng.lognormal(0.0, 0.3, blocks.count)
    district = _assign_districts(rng, blocks, _residents(blocks, land.use, variation), outline)
    exposed = _exposed_areas(rng, blocks, district, land.use)
    in_exposed = np.zeros(blocks.count, dtype=bool)
    for area in exposed:
        in_exposed[area.units] = True
    use = np.where(in_exposed, "dense_residential", land.use).astype(object)
    residents = _residents(blocks, use, variation) * np.where(in_exposed, EXPOSED_DENSITY_FACTOR, 1.0)
    population = _apportion(total_population, residents)
    progress(75)
    raise_if_cancelled(is_cancelled)

    places = _special_places(rng, blocks, use, land, barrier_geometry)
    crimes = _crimes(rng, blocks, population, use, in_exposed, places, total_population)
    progress(95)
    raise_if_cancelled(is_cancelled)

    result = _assemble(blocks, district, use, population, exposed, barrier_geometry, places, crimes)
    progress(100)
    return result


def _check_arguments(unit_count: int, total_population: int) -> None:
    for name, value in (("unit_count", unit_count), ("total_population", total_population)):
        if not isinstance(value, int | np.integer) or isinstance(value, bool):
            raise InputError(f"{name} must be a whole number, got {value!r}")
    if not MIN_UNIT_COUNT <= unit_count <= MAX_UNIT_COUNT:
        raise InputError(
            f"unit_count must be between {MIN_UNIT_COUNT} and {MAX_UNIT_COUNT} street blocks, "
            f"got {unit_count}"
        )
    if total_population < 0:
        raise InputError(f"total_population must be 0 or more residents, got {total_population}")


# --- The area, its barriers and how urban each place is -------------------------------------


def _station_outline(rng: np.random.Generator) -> Polygon:
    """An irregular, star-shaped station area of 27–33 km² around Bellahøj."""
    angle = np.linspace(0.0, 2.0 * np.pi, 96, endpoint=False)
    radius = np.ones_like(angle)
    for harmonic in range(1, 8):
        amplitude, phase = rng.uniform(0.0, 0.25 / harmonic**0.8), rng.uniform(0.0, 2.0 * np.pi)
        radius += amplitude * np.cos(harmonic * angle + phase)
    # Small steps along the boundary, as station boundaries follow streets.
    radius *= 1.0 + rng.normal(0.0, 0.015, angle.size)
    radius = np.maximum(radius, 0.55)
    unit_shape = Polygon(np.column_stack([radius * np.cos(angle), radius * np.sin(angle)]))
    scale = np.sqrt(rng.uniform(*AREA_KM2_RANGE) * 1e6 / unit_shape.area)
    ring = np.array(STATION_CENTRE) + scale * np.asarray(unit_shape.exterior.coords)
    return Polygon(np.round(ring, 2))


def _area_radius(outline: Polygon) -> float:
    """Radius of the circle with the same area as the outline."""
    return float(np.sqrt(outline.area / np.pi))


def _centre(outline: Polygon) -> np.ndarray:
    return np.array(outline.centroid.coords[0])


def _direction(angle: np.ndarray | float) -> np.ndarray:
    return np.column_stack([np.cos(angle), np.sin(angle)]).squeeze()


@dataclass(frozen=True)
class _UrbanityField:
    """How urban a place is, 0 (suburb) … 1 (inner city): it falls off with the
    distance to the city centre south-east of the station, with smooth local bumps."""

    city_centre: np.ndarray
    falloff_m: float
    bump_centres: np.ndarray
    bump_sizes_m: np.ndarray
    bump_heights: np.ndarray

    @classmethod
    def random(cls, rng: np.random.Generator, outline: Polygon) -> _UrbanityField:
        centre, radius = _centre(outline), _area_radius(outline)
        bump_count = 12
        return cls(
            city_centre=centre + 1.2 * radius * _direction(np.radians(rng.uniform(-50.0, -30.0))),
            falloff_m=2.2 * radius,
            bump_centres=centre + rng.uniform(-1.3 * radius, 1.3 * radius, (bump_count, 2)),
            bump_sizes_m=rng.uniform(0.25 * radius, 0.5 * radius, bump_count),
            bump_heights=rng.uniform(-1.0, 1.0, bump_count),
        )

    def __call__(self, xy: np.ndarray) -> np.ndarray:
        distance = np.hypot(*(xy - self.city_centre).T)
        squared = ((xy[:, None, :] - self.bump_centres[None, :, :]) ** 2).sum(axis=2)
        bumps = (self.bump_heights * np.exp(-0.5 * squared / self.bump_sizes_m**2)).sum(axis=1)
        return np.clip(1.2 - distance / self.falloff_m + 0.2 * bumps, 0.0, 1.0)


def _barrier_lines(rng: np.random.Generator, outline: Polygon) -> list[LineString]:
    """Gently curved lines crossing the area near its centre, at about 60° to each other.

    The lines reach beyond the outline so they are noded with it; each enters
    and leaves the area exactly once, so its part inside is one LineString."""
    first_angle = rng.uniform(0.0, np.pi)
    lines = []
    for index, spec in enumerate(BARRIERS):
        angle = first_angle + index * np.pi / 3.0 + rng.uniform(-0.2, 0.2)
        while True:
            line = _curved_line(rng, outline, angle, spec.waves)
            if line.intersection(outline).geom_type == "LineString":
                lines.append(line)
                break
    return lines


def _curved_line(
    rng: np.random.Generator, outline: Polygon, angle: float, waves: tuple[tuple[float, float], ...]
) -> LineString:
    centre, radius = _centre(outline), _area_radius(outline)
    along = np.linspace(-2.2 * radius, 2.2 * radius, int(4.4 * radius / 25.0))
    across = np.full_like(along, rng.uniform(-0.15, 0.15) * radius)
    for amplitude, wavelength in waves:
        phase = rng.uniform(0.0, 2.0 * np.pi)
        across += amplitude * radius * np.sin(2.0 * np.pi * along / (wavelength * radius) + phase)
    points = centre + np.outer(along, _direction(angle)) + np.outer(across, _direction(angle + np.pi / 2))
    return LineString(np.round(points, 2))


# --- Street blocks ---------------------------------------------------------------------------


def _block_seeds(
    rng: np.random.Generator, outline: Polygon, urbanity: _UrbanityField, unit_count: int
) -> np.ndarray:
    """Seed points whose Voronoi cells look like city blocks.

    The area is divided into neighbourhoods; each has its own jittered,
    rotated, rectangular street grid, finer in the inner city than in the
    suburbs, scaled so that about ``unit_count`` points fall inside the area."""
    hoods = _jittered_lattice(rng, outline.buffer(HOOD_SPACING_M).bounds, HOOD_SPACING_M, 0.3)
    relative_spacing = 1.0 + SUBURB_BLOCK_SCALE * (1.0 - urbanity(hoods))
    spacing = _spacing_scale(outline, hoods, relative_spacing, unit_count) * relative_spacing
    angle = rng.uniform(0.0, np.pi / 2) + rng.normal(0.0, 0.3, len(hoods))
    aspect = rng.uniform(1.2, 2.2, len(hoods))
    points, hood = _hood_grids(rng, hoods, spacing, angle, aspect)

    margin = 2.0 * spacing.max() * np.sqrt(aspect.max())
    nearest_hood = spatial.cKDTree(hoods).query(points)[1]
    keep = (nearest_hood == hood) & shapely.contains_xy(outline.buffer(margin), *points.T)
    points, hood = points[keep], hood[keep]
    return _without_close_pairs(points, spacing[hood] / np.sqrt(aspect[hood]))


def _jittered_lattice(
    rng: np.random.Generator, bounds: tuple[float, float, float, float], spacing: float, jitter: float
) -> np.ndarray:
    xmin, ymin, xmax, ymax = bounds
    x, y = np.meshgrid(np.arange(xmin, xmax + spacing, spacing), np.arange(ymin, ymax + spacing, spacing))
    points = np.column_stack([x.ravel(), y.ravel()])
    return points + rng.uniform(-jitter, jitter, points.shape) * spacing


def _spacing_scale(
    outline: Polygon, hoods: np.ndarray, relative_spacing: np.ndarray, unit_count: int
) -> float:
    """Block spacing of the finest grid so that the area holds about ``unit_count`` blocks."""
    step = 50.0
    xmin, ymin, xmax, ymax = outline.bounds
    x, y = np.meshgrid(np.arange(xmin, xmax, step) + step / 2, np.arange(ymin, ymax, step) + step / 2)
    inside = shapely.contains_xy(outline, x.ravel(), y.ravel())
    samples = np.column_stack([x.ravel()[inside], y.ravel()[inside]])
    hood_area = np.bincount(spatial.cKDTree(hoods).query(samples)[1], minlength=len(hoods)) * step**2
    # Blocks cut by the outline and the barriers add about EDGE_BLOCKS·√n blocks to n seeds inside.
    seeds_inside = (np.sqrt(EDGE_BLOCKS**2 / 4.0 + unit_count) - EDGE_BLOCKS / 2.0) ** 2
    return float(np.sqrt((hood_area / relative_spacing**2).sum() / seeds_inside))


def _hood_grids(
    rng: np.random.Generator, hoods: np.ndarray, spacing: np.ndarray, angle: np.ndarray, aspect: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """A jittered rectangular grid around every neighbourhood centre, with its neighbourhood index."""
    reach = 1.5 * HOOD_SPACING_M
    points, labels = [], []
    for index, (centre, step, turn, ratio) in enumerate(zip(hoods, spacing, angle, aspect, strict=True)):
        step_x, step_y = step * np.sqrt(ratio), step / np.sqrt(ratio)
        across = np.arange(-np.ceil(reach / step_x), np.ceil(reach / step_x) + 1) * step_x
        along = np.arange(-np.ceil(reach / step_y), np.ceil(reach / step_y) + 1) * step_y
        x, y = np.meshgrid(across + rng.uniform(0, step_x), along + rng.uniform(0, step_y))
        local = np.column_stack([x.ravel(), y.ravel()])
        local += rng.uniform(-GRID_JITTER, GRID_JITTER, local.shape) * (step_x, step_y)
        rotation = np.array([[np.cos(turn), np.sin(turn)], [-np.sin(turn), np.cos(turn)]])
        points.append(centre + local @ rotation)
        labels.append(np.full(len(local), index))
    return np.concatenate(points), np.concatenate(labels)


def _without_close_pairs(points: np.ndarray, spacing: np.ndarray) -> np.ndarray:
    """Drop the later point of pairs much closer than their grids' spacing
    (where two neighbourhoods meet), which would give sliver blocks."""
    pairs = spatial.cKDTree(points).query_pairs(0.45 * spacing.max(), output_type="ndarray")
    gap = np.hypot(*(points[pairs[:, 0]] - points[pairs[:, 1]]).T)
    too_close = gap < 0.45 * np.minimum(spacing[pairs[:, 0]], spacing[pairs[:, 1]])
    keep = np.ones(len(points), dtype=bool)
    keep[pairs[too_close].max(axis=1)] = False
    return points[keep]


def _network_faces(seeds: np.ndarray, outline: Polygon, barrier_lines: list[LineString]) -> np.ndarray:
    """Faces inside the outline of the noded network of Voronoi edges, barriers and outline."""
    envelope = shapely.box(*shapely.bounds(shapely.union_all([outline, *barrier_lines])))
    edges = shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=envelope, only_edges=True)
    network = shapely.node(shapely.geometrycollections([edges, outline.exterior, *barrier_lines]))
    faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(network)))
    inside = shapely.contains_xy(outline, *shapely.get_coordinates(shapely.point_on_surface(faces)).T)
    return faces[inside]


@dataclass(frozen=True)
class _Segments:
    """The boundary segments of a set of polygons, each once, with the polygon
    on either side (``right`` is -1 on the area outline)."""

    start: np.ndarray
    end: np.ndarray
    left: np.ndarray
    right: np.ndarray
    barrier: np.ndarray  # index of the barrier the segment lies on, or -1

    @property
    def length(self) -> np.ndarray:
        return np.hypot(*(self.end - self.start).T)

    def regrouped(self, group: np.ndarray) -> _Segments:
        """The segments between groups of polygons (``group`` per polygon)."""
        left = group[self.left]
        right = np.where(self.right >= 0, group[np.maximum(self.right, 0)], -1)
        between = left != right
        return _Segments(
            self.start[between], self.end[between], left[between], right[between], self.barrier[between]
        )

    def shared_lengths(
        self, count: int, across_barriers: bool = True
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Pairs (a, b, shared boundary length) of neighbouring polygons, both ways round."""
        shared = self.right >= 0
        if not across_barriers:
            shared &= self.barrier < 0
        a, b, length = self.left[shared], self.right[shared], self.length[shared]
        key, inverse = np.unique(np.concatenate([a * count + b, b * count + a]), return_inverse=True)
        return key // count, key % count, np.bincount(inverse, np.concatenate([length, length]))

    def merged_barriers(self, barrier_count: int) -> list[LineString]:
        """Each barrier as the merged block edges it runs along, so it shares their vertices."""
        lines = []
        for index in range(barrier_count):
            on = self.barrier == index
            pieces = shapely.linestrings(np.stack([self.start[on], self.end[on]], axis=1))
            merged = shapely.line_merge(shapely.multilinestrings(pieces))
            if merged.geom_type != "LineString":
                raise RuntimeError(f"barrier {BARRIERS[index].name} did not merge into one line")
            lines.append(merged)
        return lines


def _boundary_segments(polygons: np.ndarray, barrier_lines: list[LineString]) -> _Segments:
    """The unique segments of the polygons' rings; neighbours of a noded coverage
    have identical segments, which makes this exact."""
    rings, ring_polygon = shapely.get_rings(polygons, return_index=True)
    coords, ring = shapely.get_coordinates(rings, return_index=True)
    same_ring = ring[1:] == ring[:-1]
    start, end = coords[:-1][same_ring], coords[1:][same_ring]
    polygon = ring_polygon[ring[:-1][same_ring]]
    # Orient every segment the same way so both its polygons give the same key.
    flip = (start[:, 0] > end[:, 0]) | ((start[:, 0] == end[:, 0]) & (start[:, 1] > end[:, 1]))
    low = np.where(flip[:, None], end, start)
    high = np.where(flip[:, None], start, end)
    keys, inverse, counts = np.unique(np.hstack([low, high]), axis=0, return_inverse=True, return_counts=True)
    if counts.max() > 2:
        raise RuntimeError("the block network is not properly noded")
    order = np.argsort(inverse.ravel(), kind="stable")
    first = np.cumsum(counts) - counts
    left = polygon[order[first]]
    right = np.full(len(keys), -1)
    right[counts == 2] = polygon[order[first[counts == 2] + 1]]
    start, end = keys[:, :2], keys[:, 2:]
    return _Segments(start, end, left, right, _barrier_of_segments(start, end, barrier_lines))


def _barrier_of_segments(start: np.ndarray, end: np.ndarray, barrier_lines: list[LineString]) -> np.ndarray:
    """Index of the barrier each segment lies on (all of it, not just an end), or -1."""
    barrier = np.full(len(start), -1)
    tree = shapely.STRtree(shapely.points((start + end) / 2))
    for index, line in enumerate(barrier_lines):
        # Querying with the line's short pieces keeps the candidates few.
        coords = shapely.get_coordinates(line)
        pieces = shapely.linestrings(np.stack([coords[:-1], coords[1:]], axis=1))
        near = np.unique(tree.query(pieces, predicate="dwithin", distance=ON_LINE_TOLERANCE_M)[1])
        shapely.prepare(line)
        on_line = shapely.dwithin(line, shapely.points(start[near]), ON_LINE_TOLERANCE_M) & shapely.dwithin(
            line, shapely.points(end[near]), ON_LINE_TOLERANCE_M
        )
        barrier[near[on_line & (barrier[near] < 0)]] = index
    return barrier


@dataclass(frozen=True)
class _Blocks:
    """The street blocks: network faces with slivers merged into a neighbour."""

    geometry: np.ndarray
    segments: _Segments

    @classmethod
    def from_faces(cls, faces: np.ndarray, segments: _Segments) -> _Blocks:
        group = _sliver_groups(shapely.area(faces), segments)
        return cls(_union_groups(faces, group), segments.regrouped(group))

    @property
    def count(self) -> int:
        return len(self.geometry)

    @cached_property
    def area(self) -> np.ndarray:
        return shapely.area(self.geometry)

    @cached_property
    def centre(self) -> np.ndarray:
        """A point inside each block."""
        return shapely.get_coordinates(shapely.point_on_surface(self.geometry))


def _sliver_groups(area: np.ndarray, segments: _Segments) -> np.ndarray:
    """Group every sliver (a face smaller than SLIVER_AREA_M2 or thinner than
    SLIVER_WIDTH_M) with the neighbour it shares the longest edge with, never
    across a barrier; returns a group per face, numbered 0..n-1."""
    parent = np.arange(len(area))
    while True:
        group = _roots(parent)
        group_area = np.bincount(group, area, minlength=len(area))
        grouped = segments.regrouped(group)
        group_perimeter = np.bincount(
            np.concatenate([grouped.left, grouped.right[grouped.right >= 0]]),
            np.concatenate([grouped.length, grouped.length[grouped.right >= 0]]),
            minlength=len(area),
        )
        a, b, length = grouped.shared_lengths(len(area), across_barriers=False)
        small = (group_area[a] < SLIVER_AREA_M2) | (2.0 * group_area[a] < SLIVER_WIDTH_M * group_perimeter[a])
        a, b, length = a[small], b[small], length[small]
        if a.size == 0:
            return np.unique(group, return_inverse=True)[1]
        order = np.lexsort((b, -length, a))
        first = np.unique(a[order], return_index=True)[1]
        for sliver, neighbour in zip(a[order][first], b[order][first], strict=True):
            parent[_root(parent, sliver)] = _root(parent, neighbour)


def _root(parent: np.ndarray, node: int) -> int:
    while parent[node] != node:
        node = parent[node]
    return node


def _roots(parent: np.ndarray) -> np.ndarray:
    roots = parent.copy()
    while True:
        next_roots = parent[roots]
        if np.array_equal(next_roots, roots):
            return roots
        roots = next_roots


def _union_groups(polygons: np.ndarray, group: np.ndarray) -> np.ndarray:
    """The union of each group's polygons; exact, as the polygons share their edges' vertices."""
    order = np.argsort(group, kind="stable")
    bounds = np.flatnonzero(np.diff(group[order])) + 1
    unions = [
        polygons[members[0]] if members.size == 1 else shapely.coverage_union_all(polygons[members])
        for members in np.split(order, bounds)
    ]
    return np.array(unions, dtype=object)


# --- Land use, districts, exposed areas and population ---------------------------------------


@dataclass(frozen=True)
class _LandUse:
    use: np.ndarray  # LAND_USES value per block
    urbanity: np.ndarray  # per block
    stadium: np.ndarray  # xy of the stadium, in the largest park


def _land_use(
    rng: np.random.Generator,
    blocks: _Blocks,
    urbanity: _UrbanityField,
    outline: Polygon,
    barrier_lines: list[LineString],
) -> _LandUse:
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
    return _LandUse(use, urban, park_sites[np.argmax(park_radius)])


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


def _residents(blocks: _Blocks, use: np.ndarray, variation: np.ndarray) -> np.ndarray:
    """Expected residents per block: its area times a density by land use,
    times a random variation from block to block."""
    density = np.array([RESIDENT_DENSITY[value] for value in use])
    return blocks.area * density * variation


def _apportion(total: int, weights: np.ndarray) -> np.ndarray:
    """Whole numbers proportional to ``weights`` summing exactly to ``total``
    (largest remainders)."""
    quota = total * weights / weights.sum()
    counts = np.floor(quota).astype(np.int64)
    remaining = int(total - counts.sum())
    counts[np.argsort(counts - quota, kind="stable")[:remaining]] += 1
    return counts


def _assign_districts(
    rng: np.random.Generator, blocks: _Blocks, residents: np.ndarray, outline: Polygon
) -> np.ndarray:
    """District index per block: the nearest of three district seeds, with
    additive weights tuned so that residents follow the sector counts, then
    made contiguous."""
    centre, radius = _centre(outline), _area_radius(outline)
    directions = np.radians([spec.direction_deg for spec in DISTRICTS])
    directions += rng.normal(0.0, 0.15, len(DISTRICTS))
    seeds = centre + 0.45 * radius * _direction(directions)
    distance = np.hypot(*(blocks.centre[:, None, :] - seeds[None, :, :]).transpose(2, 0, 1))
    sectors = np.array([spec.sector_count for spec in DISTRICTS], dtype=float)
    target = sectors / sectors.sum()
    head_start = np.zeros(len(DISTRICTS))
    for step in range(200):
        district = np.argmin(distance - head_start, axis=1)
        share = np.bincount(district, residents, minlength=len(DISTRICTS)) / residents.sum()
        head_start += 0.5 * radius * (target - share) / (1.0 + step / 20.0)
    return _contiguous(district, blocks)


def _contiguous(district: np.ndarray, blocks: _Blocks) -> np.ndarray:
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
class _ExposedArea:
    name: str
    district: int
    units: np.ndarray


def _exposed_areas(
    rng: np.random.Generator, blocks: _Blocks, district: np.ndarray, use: np.ndarray
) -> list[_ExposedArea]:
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
        areas.append(_ExposedArea(EXPOSED_AREA_NAMES[len(areas)], own, members))
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


# --- Special places and crime ----------------------------------------------------------------


@dataclass(frozen=True)
class _SpecialPlaces:
    name: list[str]
    kind: list[str]
    xy: np.ndarray


def _special_places(
    rng: np.random.Generator,
    blocks: _Blocks,
    use: np.ndarray,
    land: _LandUse,
    barrier_lines: list[LineString],
) -> _SpecialPlaces:
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
    return _SpecialPlaces(
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
class _Crimes:
    crime_type: np.ndarray
    occurred: np.ndarray
    place: np.ndarray
    xy: np.ndarray


def _crimes(
    rng: np.random.Generator,
    blocks: _Blocks,
    population: np.ndarray,
    use: np.ndarray,
    in_exposed: np.ndarray,
    places: _SpecialPlaces,
    total_population: int,
) -> _Crimes:
    """Incidents over one quarter, sorted by time: most where people live
    (more in exposed areas), some around special places."""
    counts = rng.multinomial(rng.poisson(CRIMES_PER_RESIDENT * total_population), list(CRIME_SHARE.values()))
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
            _Crimes(
                np.full(count, crime_type, dtype=object),
                _occurred(rng, crime_type, count),
                np.concatenate([place, hot_place]),
                np.vstack([xy, hot_xy]),
            )
        )
    order = np.argsort(np.concatenate([part.occurred for part in parts]), kind="stable")
    return _Crimes(
        np.concatenate([part.crime_type for part in parts])[order],
        np.concatenate([part.occurred for part in parts])[order],
        np.concatenate([part.place for part in parts])[order],
        np.vstack([part.xy for part in parts])[order],
    )


def _background_incidents(
    rng: np.random.Generator,
    blocks: _Blocks,
    weights: np.ndarray,
    use: np.ndarray,
    crime_type: str,
    count: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Incidents in blocks drawn by weight, at a random point of the block."""
    if count == 0:
        return np.zeros((0, 2)), np.zeros(0, dtype=object)
    unit = rng.choice(blocks.count, size=count, p=weights / weights.sum())
    xy = _random_points_in(rng, blocks.geometry[unit])
    place = _draw_places(rng, PLACE_SHARE[crime_type], count)
    # Parks and industry have no homes: incidents there happen in the park or elsewhere.
    in_park = use[unit] == "park"
    place[in_park] = "other" if crime_type == "burglary" else "park"
    place[(use[unit] == "industry") & (place == "residence")] = "other"
    return xy, place


def _hotspot_incidents(
    rng: np.random.Generator, area: Polygon, places: _SpecialPlaces, crime_type: str, count: int
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


def _random_points_in(rng: np.random.Generator, polygons: np.ndarray) -> np.ndarray:
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
    """Times in whole minutes over the quarter, by the type's hour-of-day and
    day-of-week profile."""
    day = np.arange(QUARTER_START.astype("datetime64[D]"), QUARTER_END.astype("datetime64[D]"))
    weekday = (day - np.datetime64("1970-01-05")).astype(int) % 7  # 1970-01-05 was a Monday
    hour = np.arange(24)
    evening = (weekday[:, None] - (hour[None, :] < EVENING_ENDS_HOUR)) % 7
    weight = np.asarray(DAY_WEIGHTS[crime_type])[evening] * _hour_profile(HOUR_BUMPS[crime_type])[None, :]
    slot = rng.choice(weight.size, size=count, p=weight.ravel() / weight.sum())
    minutes = slot * 60 + rng.integers(0, 60, count)
    return (QUARTER_START + minutes.astype("timedelta64[m]")).astype("datetime64[ns]")


def _hour_profile(bumps: tuple[tuple[float, float, float], ...]) -> np.ndarray:
    hour = np.arange(24) + 0.5
    profile = np.full(24, HOUR_FLOOR)
    for peak, width, weight in bumps:
        gap = np.abs((hour - peak + 12.0) % 24.0 - 12.0)
        profile += weight * np.exp(-0.5 * (gap / width) ** 2)
    return profile


# --- Output frames ---------------------------------------------------------------------------


def _assemble(
    blocks: _Blocks,
    district: np.ndarray,
    use: np.ndarray,
    population: np.ndarray,
    exposed: list[_ExposedArea],
    barrier_lines: list[LineString],
    places: _SpecialPlaces,
    crimes: _Crimes,
) -> SampleDistrict:
    names = np.array([spec.name for spec in DISTRICTS], dtype=object)
    order = _reading_order(blocks.centre, district)
    units = _frame(
        unit_id=np.arange(1, blocks.count + 1, dtype=np.int64),
        district=names[district[order]],
        land_use=use[order],
        population=population[order].astype(np.int64),
        geometry=blocks.geometry[order],
    )
    districts = _frame(
        district=names,
        sector_count=np.array([spec.sector_count for spec in DISTRICTS], dtype=np.int64),
        staff=np.array([spec.staff for spec in DISTRICTS], dtype=np.int64),
        geometry=_union_groups(blocks.geometry, district),
    )
    exposed_areas = _frame(
        name=np.array([area.name for area in exposed], dtype=object),
        district=np.array([DISTRICTS[area.district].name for area in exposed], dtype=object),
        geometry=[shapely.coverage_union_all(blocks.geometry[area.units]) for area in exposed],
    )
    barriers = _frame(
        name=np.array([spec.name for spec in BARRIERS], dtype=object),
        kind=np.array([spec.kind for spec in BARRIERS], dtype=object),
        geometry=barrier_lines,
    )
    special_places = _frame(
        name=np.array(places.name, dtype=object),
        kind=np.array(places.kind, dtype=object),
        geometry=shapely.points(places.xy),
    )
    crime_frame = _frame(
        crime_id=np.arange(1, len(crimes.crime_type) + 1, dtype=np.int64),
        crime_type=crimes.crime_type,
        occurred=crimes.occurred,
        place=crimes.place,
        geometry=shapely.points(crimes.xy.reshape(-1, 2)),
    )
    return SampleDistrict(districts, units, crime_frame, exposed_areas, barriers, special_places)


def _reading_order(xy: np.ndarray, district: np.ndarray, band_m: float = 250.0) -> np.ndarray:
    """Blocks by district, then in rows from north to south, west to east."""
    row = np.floor((xy[:, 1].max() - xy[:, 1]) / band_m)
    return np.lexsort((xy[:, 0], row, district))


def _frame(geometry, **columns: np.ndarray) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        pd.DataFrame(columns), geometry=gpd.GeoSeries(list(geometry), crs=SAMPLE_CRS), crs=SAMPLE_CRS
    )
