"""The generator: :func:`generate_sample_district` and its :class:`SampleDistrict`.

Draws the area (:mod:`.area`), the street blocks (:mod:`.streets`), land
use, districts, exposed areas and population (:mod:`.population`),
special places and a year of crime (:mod:`.crime`), the named streets and
addresses (:mod:`.addresses`), the safety-index areas, the planted
initiative (:mod:`.initiative`) and the citizens' survey (:mod:`.survey`),
in that order and from one random generator, and assembles the layers.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import LineString

from ..errors import InputError
from ..lazy import lazy_module
from ..messages import tr
from ..progress import (
    CancelCheck,
    ProgressCallback,
    never_cancelled,
    no_progress,
    raise_if_cancelled,
)
from .addresses import streets_and_addresses
from .area import BARRIERS, DISTRICTS, SAMPLE_CRS, UrbanityField, draw_barrier_lines, station_outline
from .crime import Crimes, SpecialPlaces, draw_crimes, draw_special_places
from .initiative import initiative_targets, plant_initiative
from .population import (
    EXPOSED_DENSITY_FACTOR,
    ExposedArea,
    apportion,
    assign_districts,
    draw_exposed_areas,
    expected_residents,
    plan_land_use,
)
from .streets import Blocks, block_seeds, boundary_segments, network_faces, union_groups
from .survey import sample_index_areas, sample_survey

gpd = lazy_module("geopandas")
pd = lazy_module("pandas")

MIN_UNIT_COUNT = 50
MAX_UNIT_COUNT = 50_000

LAYER_NAMES = (
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
)


@dataclass(frozen=True)
class SampleDistrict:
    """The layers of a sample station area, all in ``SAMPLE_CRS``."""

    districts: gpd.GeoDataFrame
    units: gpd.GeoDataFrame
    crimes: gpd.GeoDataFrame
    exposed_areas: gpd.GeoDataFrame
    barriers: gpd.GeoDataFrame
    special_places: gpd.GeoDataFrame
    streets: gpd.GeoDataFrame
    addresses: gpd.GeoDataFrame
    index_areas: gpd.GeoDataFrame
    survey: gpd.GeoDataFrame

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
    exactly ``total_population`` residents, with a year of crime, named streets and
    addresses, safety-index areas (two of them with the planted initiative) and a survey."""
    _check_arguments(unit_count, total_population)
    outline = station_outline(rng)
    urbanity = UrbanityField.random(rng, outline)
    barrier_lines = draw_barrier_lines(rng, outline)
    progress(5)
    raise_if_cancelled(is_cancelled)

    seeds = block_seeds(rng, outline, urbanity, unit_count)
    progress(15)
    raise_if_cancelled(is_cancelled)

    faces = network_faces(seeds, outline, barrier_lines)
    progress(40)
    raise_if_cancelled(is_cancelled)

    blocks = Blocks.from_faces(faces, boundary_segments(faces, barrier_lines))
    barrier_geometry = blocks.segments.merged_barriers(len(barrier_lines))
    progress(60)
    raise_if_cancelled(is_cancelled)

    land = plan_land_use(rng, blocks, urbanity, outline, barrier_geometry)
    variation = rng.lognormal(0.0, 0.3, blocks.count)
    district = assign_districts(rng, blocks, expected_residents(blocks, land.use, variation), outline)
    exposed = draw_exposed_areas(rng, blocks, district, land.use)
    in_exposed = np.zeros(blocks.count, dtype=bool)
    for area in exposed:
        in_exposed[area.units] = True
    use = np.where(in_exposed, "dense_residential", land.use).astype(object)
    residents = expected_residents(blocks, use, variation) * np.where(in_exposed, EXPOSED_DENSITY_FACTOR, 1.0)
    population = apportion(total_population, residents)
    progress(75)
    raise_if_cancelled(is_cancelled)

    places = draw_special_places(rng, blocks, use, land, barrier_geometry)
    exposed_area = shapely.coverage_union_all(blocks.geometry[in_exposed])
    crimes = draw_crimes(rng, blocks, population, use, in_exposed, places, total_population, exposed_area)
    progress(85)
    raise_if_cancelled(is_cancelled)

    result = _assemble(blocks, district, use, population, exposed, barrier_geometry, places)
    streets, addresses = streets_and_addresses(result.units, barrier_geometry, rng)
    progress(92)
    raise_if_cancelled(is_cancelled)

    index_areas = sample_index_areas(result.units, rng)
    targets = initiative_targets(index_areas.geometry.values, crimes)
    index_areas.insert(1, "initiative", targets)
    station = shapely.coverage_union_all(blocks.geometry)
    crime_frame = _crime_frame(plant_initiative(rng, crimes, index_areas.geometry.values[targets], station))
    survey = sample_survey(result.units, result.exposed_areas, crime_frame, rng)
    progress(100)
    return dataclasses.replace(
        result,
        crimes=crime_frame,
        streets=_frame(**streets),
        addresses=_frame(**addresses),
        index_areas=index_areas,
        survey=survey,
    )


def _check_arguments(unit_count: int, total_population: int) -> None:
    if not _is_whole_number(unit_count):
        raise InputError(
            tr("The number of base units must be a whole number, got {value!r}.", value=unit_count)
        )
    if not _is_whole_number(total_population):
        raise InputError(
            tr("The total population must be a whole number, got {value!r}.", value=total_population)
        )
    if not MIN_UNIT_COUNT <= unit_count <= MAX_UNIT_COUNT:
        raise InputError(
            tr(
                "The number of base units must be between {least} and {most} street blocks, got {count}.",
                least=MIN_UNIT_COUNT,
                most=MAX_UNIT_COUNT,
                count=unit_count,
            )
        )
    if total_population < 0:
        raise InputError(
            tr("The total population must be 0 or more residents, got {count}.", count=total_population)
        )


def _is_whole_number(value) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool)


def _assemble(
    blocks: Blocks,
    district: np.ndarray,
    use: np.ndarray,
    population: np.ndarray,
    exposed: list[ExposedArea],
    barrier_lines: list[LineString],
    places: SpecialPlaces,
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
        geometry=union_groups(blocks.geometry, district),
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
    # Crime, streets, addresses, index areas and survey follow on the assembled blocks (see
    # generate_sample_district).
    later = _frame(geometry=[])
    return SampleDistrict(
        districts, units, later, exposed_areas, barriers, special_places, later, later, later, later
    )


def _crime_frame(crimes: Crimes) -> gpd.GeoDataFrame:
    return _frame(
        crime_id=np.arange(1, len(crimes.crime_type) + 1, dtype=np.int64),
        crime_type=crimes.crime_type,
        occurred=crimes.occurred,
        place=crimes.place,
        gang_related=crimes.gang_related,
        geometry=shapely.points(crimes.xy.reshape(-1, 2)),
    )


def _reading_order(xy: np.ndarray, district: np.ndarray, band_m: float = 250.0) -> np.ndarray:
    """Blocks by district, then in rows from north to south, west to east."""
    row = np.floor((xy[:, 1].max() - xy[:, 1]) / band_m)
    return np.lexsort((xy[:, 0], row, district))


def _frame(geometry, **columns: np.ndarray) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        pd.DataFrame(columns), geometry=gpd.GeoSeries(list(geometry), crs=SAMPLE_CRS), crs=SAMPLE_CRS
    )
