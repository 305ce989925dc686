"""Population in sectors: areal weighting of population units, for Compute sector manning and
the live "Sector statistics" dock alike.

Rules
    A polygon unit's population is shared by area (mass-preserving):
    ``pop(unit ∩ sector) = pop(unit) × area(unit ∩ sector) / area(unit)``; the
    part in no sector is outside. Point units (and units of zero area) count
    wholly in the sector at their location. Sectors must be disjoint (the
    effective sectors of :func:`.sectors.effective_sectors`).
Population outside
    Less than 0.01 inhabitant outside every sector (``POPULATION_TOLERANCE``) is
    reported as 0: areal weighting leaves floating-point residues (about 1e-8
    inhabitants where the units tile the sectors exactly), not a finding.
Exposed share
    Share of the sector's population living inside the (united) exposed
    housing areas, found the same way as the population. A sector without
    population uses the share of its area instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely

from .counting import assign_points, coordinates_of, count_per_sector
from .errors import About, InputError
from .geometry import intersection, made_valid
from .lazy import lazy_module
from .messages import tr
from .progress import raise_if_cancelled

pd = lazy_module("pandas")


POPULATION_TOLERANCE = 0.01
"""Inhabitants outside every sector below this are a floating-point residue, reported as 0."""


def population_outside(total: float, per_sector: np.ndarray) -> float:
    """Inhabitants of ``total`` in no sector; 0 below ``POPULATION_TOLERANCE`` (a residue)."""
    outside = total - float(np.sum(per_sector))
    return 0.0 if abs(outside) < POPULATION_TOLERANCE else outside


def checked_population_values(values: Sequence[Any]) -> tuple[np.ndarray, int]:
    """The units' populations as numbers ≥ 0, an empty value counting as 0, and how many were
    empty."""
    try:
        numbers = pd.to_numeric(pd.Series(list(values), dtype=object), errors="raise").to_numpy(dtype=float)
    except (ValueError, TypeError) as error:
        raise InputError(
            tr("The population field must be numeric ({error}); choose a number field.", error=error),
            about=About.POPULATION_FIELD,
        ) from None
    nulls = np.isnan(numbers)
    negative = np.flatnonzero(numbers < 0)
    if len(negative):
        raise InputError(
            tr(
                "Population unit {unit} has a negative population ({value:g}); population must be 0 or more.",
                unit=int(negative[0]),
                value=float(numbers[negative[0]]),
            ),
            about=About.POPULATION_FIELD,
        )
    return np.where(nulls, 0.0, numbers), int(nulls.sum())


def unit_kinds(geometries: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Masks: units shared by area, units counted at a point, units without geometry."""
    missing = shapely.is_missing(geometries) | shapely.is_empty(geometries)
    areas = np.where(missing, 0.0, shapely.area(geometries))
    areal = areas > 0
    return areal, ~areal & ~missing, missing


def areal_population(
    units: np.ndarray, values: np.ndarray, sectors: np.ndarray, exposed: Any | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Population per sector by areal weighting, and the part of it inside ``exposed``.

    ``pop_s = Σ_u pop_u · area(u ∩ s) / area(u)``: mass-preserving, so each
    unit's population is either in a sector or outside all of them.
    ``sectors`` must be disjoint.
    """
    units = np.asarray(units, dtype=object)
    values = np.asarray(values, dtype=float)
    n = len(sectors)
    per_sector, exposed_pop = np.zeros(n), np.zeros(n)
    if len(units) == 0:
        return per_sector, exposed_pop
    unit_idx, sector_idx = shapely.STRtree(sectors).query(units, predicate="intersects")
    pieces = intersection(units[unit_idx], sectors[sector_idx])
    per_area = values[unit_idx] / shapely.area(units[unit_idx])
    per_sector += np.bincount(sector_idx, weights=per_area * shapely.area(pieces), minlength=n)
    if exposed is not None:
        exposed_area = shapely.area(intersection(pieces, exposed))
        exposed_pop += np.bincount(sector_idx, weights=per_area * exposed_area, minlength=n)
    return per_sector, exposed_pop


def exposed_share(
    population: np.ndarray, exposed_population: np.ndarray, sectors: np.ndarray, exposed: Any | None
) -> np.ndarray:
    """Exposed population / population; the exposed share of the area where no one lives."""
    if exposed is None:
        return np.zeros(len(sectors))
    areas = shapely.area(sectors)
    area_share = np.divide(
        shapely.area(intersection(sectors, exposed)),
        areas,
        out=np.zeros(len(sectors)),
        where=areas > 0,
    )
    inhabited = population > 0
    population_share = np.divide(exposed_population, population, out=np.zeros(len(sectors)), where=inhabited)
    return np.where(inhabited, population_share, area_share)


# --- the population of every sector (Compute sector manning) -----------------------------------


@dataclass(frozen=True)
class SectorPopulation:
    """Population per sector, the part of it in exposed areas, the input total and the
    inhabitants of units without a location."""

    per_sector: np.ndarray
    exposed: np.ndarray
    total: float
    without_location: float


def population_in_sectors(
    population, effective, exposed, warnings, progress, is_cancelled
) -> SectorPopulation:
    """The population of the (disjoint) ``effective`` sectors from a :class:`.manning.PopulationInput`
    (or None: no population)."""
    n = len(effective)
    if population is None:
        return SectorPopulation(np.zeros(n), np.zeros(n), 0.0, 0.0)
    values, empty = checked_population_values(population.values)
    if empty:
        warnings.append(tr("POPULATION: {count} units have no population value; counted as 0.", count=empty))
    geometries, repaired = made_valid(np.asarray(population.geometries, dtype=object))
    if repaired.any():
        warnings.append(
            tr(
                "POPULATION: {count} invalid geometries were repaired (make_valid).",
                count=int(repaired.sum()),
            )
        )
    areal, at_point, missing = unit_kinds(geometries)
    per_sector, exposed_pop = areal_population(geometries[areal], values[areal], effective, exposed)
    progress(60.0)
    raise_if_cancelled(is_cancelled)
    xy = coordinates_of(shapely.point_on_surface(geometries[at_point]))
    in_sector = assign_points(xy, effective, is_cancelled=is_cancelled)
    per_sector += count_per_sector(in_sector, n, values[at_point])
    if exposed is not None:
        in_exposed = shapely.intersects_xy(exposed, xy[:, 0], xy[:, 1])
        exposed_pop += count_per_sector(in_sector, n, values[at_point] * in_exposed)
    without_location = float(values[missing].sum())
    if missing.any():
        warnings.append(
            tr(
                "POPULATION: {count} units without geometry ({inhabitants:g} inhabitants) are counted as "
                "population outside the sectors.",
                count=int(missing.sum()),
                inhabitants=without_location,
            )
        )
    progress(100.0)
    return SectorPopulation(per_sector, exposed_pop, float(values.sum()), without_location)


# --- prepared once, for repeated areal weighting (the dock) --------------------------------------


@dataclass(frozen=True)
class PreparedPopulation:
    """Population units ready for repeated areal weighting.

    Polygon units (``areal_*``) are shared by area, point units (and units of
    zero area) count at ``point_xy``; ``*_exposed`` is the population living
    in the exposed areas (``pop · area(unit ∩ exposed) / area(unit)``).
    """

    areal_geoms: np.ndarray
    areal_values: np.ndarray
    areal_exposed: np.ndarray
    point_xy: np.ndarray
    point_values: np.ndarray
    point_exposed: np.ndarray
    total: float
    tree: Any
    exposed: Any
    warnings: tuple[str, ...] = ()


def prepare_population(
    geometries: Sequence, values: Sequence, exposed: Any | None = None
) -> PreparedPopulation:
    """Units and their population (numbers ≥ 0; empty counts as 0), checked and repaired as in
    :func:`population_in_sectors`.

    ``exposed`` is the geometry from :func:`.sectors.united_areas` (or None).
    """
    geometries = np.asarray(getattr(geometries, "values", geometries), dtype=object).reshape(-1)
    warnings = []
    numbers, empty = checked_population_values(values)
    if len(numbers) != len(geometries):
        raise InputError(
            tr(
                "{values} population values were given for {units} units.",
                values=len(numbers),
                units=len(geometries),
            )
        )
    if empty:
        warnings.append(tr("{count} units have no population value; counted as 0.", count=empty))
    geometries, repaired = made_valid(geometries)
    if repaired.any():
        warnings.append(tr("{count} invalid unit geometries were repaired.", count=int(repaired.sum())))
    areal, at_point, _ = unit_kinds(geometries)
    areal_geoms = geometries[areal]
    areal_values = numbers[areal]
    areal_exposed = np.zeros(len(areal_geoms))
    point_xy = coordinates_of(shapely.point_on_surface(geometries[at_point]))
    point_exposed = np.zeros(len(point_xy), dtype=bool)
    if exposed is not None:
        covered = shapely.area(intersection(areal_geoms, exposed))
        areal_exposed = areal_values * covered / shapely.area(areal_geoms)
        if len(point_xy):
            point_exposed = shapely.intersects_xy(exposed, point_xy[:, 0], point_xy[:, 1])
    return PreparedPopulation(
        areal_geoms=areal_geoms,
        areal_values=areal_values,
        areal_exposed=areal_exposed,
        point_xy=point_xy,
        point_values=numbers[at_point],
        point_exposed=point_exposed,
        total=float(numbers.sum()),
        tree=shapely.STRtree(areal_geoms),
        exposed=exposed,
        warnings=tuple(warnings),
    )


def areal_population_of(population: PreparedPopulation, sector) -> tuple[float, float]:
    """Areal population of one sector, as :func:`areal_population`.

    Units the sector covers count whole (no intersection needed); only the
    units on its boundary are intersected.
    """
    candidates = population.tree.query(sector, predicate="intersects")
    if len(candidates) == 0:
        return 0.0, 0.0
    shapely.prepare(sector)
    whole = shapely.covers(sector, population.areal_geoms[candidates])
    inside = candidates[whole]
    cut = candidates[~whole]
    total = float(population.areal_values[inside].sum())
    exposed = float(population.areal_exposed[inside].sum())
    if len(cut):
        cut_pop, cut_exposed = areal_population(
            population.areal_geoms[cut],
            population.areal_values[cut],
            np.array([sector], dtype=object),
            population.exposed,
        )
        total += float(cut_pop[0])
        exposed += float(cut_exposed[0])
    return total, exposed
