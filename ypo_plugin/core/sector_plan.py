"""From base units to a sector plan: the pipeline behind ``ypo:splitsectors``.

It ties together unit repair, the district of each unit, the workload,
the adjacency graph and :func:`~.splitting.split_sectors`, and describes the
resulting sectors with the contract fields. Geometries are in a projected,
metric CRS.

Rules
    * *District of a unit*: the district containing the unit's representative
      point (GEOS point-on-surface, always inside the unit). A unit whose point
      lies in no district goes to the district it overlaps most, else to the
      nearest district; such units are reported.
    * *Target shares*: a district's target field holds one positive number per
      sector, separated by commas or semicolons ("1, 1, 1.5"); empty means
      equal shares.
    * *Existing plan*: a unit continues the existing sector containing its
      representative point (none: it has no current sector).
    * *Crimes*: counted in the unit that covers them (counting rule of
      :func:`~.counting.assign_points`); crimes in no unit are reported.
    * *Neighbours* of a sector: sectors sharing a stretch of boundary with it,
      across district lines and barriers too; island links made only to keep
      the graph connected do not make sectors neighbours.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import shapely

from .adjacency import build_adjacency
from .compactness import polsby_popper, reock
from .counting import assign_points
from .errors import InputError
from .geometry import intersection, repair_polygons
from .progress import CancelCheck, ProgressCallback, never_cancelled, no_progress, scaled
from .splitting import (
    SplitResult,
    compute_workload,
    describe_link,
    district_code,
    exposed_population,
    sector_neighbours,
    split_sectors,
)

SECTOR_FIELDS = (
    "sector_id",
    "sector_name",
    "district",
    "population",
    "crimes_total",
    "workload",
    "workload_dev_pct",
    "area_km2",
    "polsby_popper",
    "reock",
    "neighbours",
)


@dataclass(frozen=True)
class Districts:
    """Districts to nest sectors in: names, sector counts, optional target shares."""

    geoms: np.ndarray
    names: list[str]
    sector_counts: list[int]
    target_shares: list[list[float] | None]


@dataclass(frozen=True)
class WorkloadWeights:
    population: float = 1.0
    crime: float = 1.0
    exposed: float = 1.0


POPULATION_ONLY = WorkloadWeights(1.0, 0.0, 0.0)


@dataclass(frozen=True)
class SectorPlan:
    """A split: unit labels, the sector table (working-CRS geometry) and what was reported."""

    labels: np.ndarray
    sectors: pd.DataFrame
    sector_geoms: np.ndarray
    split: SplitResult
    notes: tuple[str, ...]
    warnings: tuple[str, ...]


def parse_target_shares(value, sector_count: int, district_name: str) -> list[float] | None:
    """Per-sector target shares from a district's target field (module rules)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value).strip() == "":
        return None
    parts = [part.strip() for part in str(value).replace(";", ",").split(",") if part.strip()]
    try:
        shares = [float(part) for part in parts]
    except ValueError:
        raise InputError(
            f"District {district_name}: the target field holds '{value}'; give {sector_count} positive "
            "numbers separated by commas, one share per sector (e.g. '1, 1, 1.5')."
        ) from None
    if len(shares) != sector_count or any(not (share > 0 and math.isfinite(share)) for share in shares):
        raise InputError(
            f"District {district_name}: the target field holds '{value}' but the district has "
            f"{sector_count} sectors; give {sector_count} positive numbers separated by commas."
        )
    return shares


def representative_xy(geoms: np.ndarray) -> np.ndarray:
    return shapely.get_coordinates(shapely.point_on_surface(geoms))


def units_in_districts(unit_geoms: np.ndarray, district_geoms: np.ndarray) -> tuple[np.ndarray, int]:
    """District index of each unit (module rules) and how many needed the fallback."""
    district_of = assign_points(representative_xy(unit_geoms), district_geoms)
    stray = np.flatnonzero(district_of < 0)
    if len(stray):
        tree = shapely.STRtree(district_geoms)
        for unit in stray:
            candidates = tree.query(unit_geoms[unit], predicate="intersects")
            if len(candidates):
                overlap = shapely.area(intersection(unit_geoms[unit], district_geoms[candidates]))
                district_of[unit] = candidates[int(np.argmax(overlap))]
            else:
                district_of[unit] = int(tree.query_nearest(unit_geoms[unit])[0])
    return district_of, len(stray)


def sector_codes(district_names: Sequence[str]) -> list[str]:
    """A distinct short code per district ("NE", "NW", "FR"); clashing codes get a number."""
    codes = [district_code(name) for name in district_names]
    seen: dict[str, int] = {}
    for code in codes:
        seen[code] = seen.get(code, 0) + 1
    counters: dict[str, int] = {}
    unique = []
    for code in codes:
        if seen[code] > 1:
            counters[code] = counters.get(code, 0) + 1
            code = f"{code}{counters[code]}"
        unique.append(code)
    return unique


def dissolve(geoms: np.ndarray, labels: np.ndarray, count: int) -> np.ndarray:
    """The union of the geometries of each label 0..count-1."""
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(count + 1))
    return np.array(
        [shapely.union_all(geoms[order[bounds[s] : bounds[s + 1]]]) for s in range(count)], dtype=object
    )


def plan_sectors(
    unit_geoms: Sequence,
    population: Sequence[float],
    districts: Districts | None,
    sector_count: int,
    crime_xy: np.ndarray | None = None,
    exposed_geoms: Sequence | None = None,
    barrier_geoms: Sequence | None = None,
    existing_geoms: Sequence | None = None,
    weights: WorkloadWeights = POPULATION_ONLY,
    tolerance_pct: float = 1.0,
    rng: np.random.Generator | None = None,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
    unit_names: Sequence | None = None,
) -> SectorPlan:
    """Split units into sectors (module rules) and describe them.

    ``population`` may hold NaN for a missing value: it counts as 0 and is
    reported. Without ``districts`` all units form one area of
    ``sector_count`` sectors, with ids "S-01", "S-02", … ``unit_names`` (e.g.
    feature ids) name units in the notes.
    """
    geoms = np.asarray(getattr(unit_geoms, "values", unit_geoms), dtype=object)
    if len(geoms) == 0:
        raise InputError("UNITS has no features; choose a layer with the base units (polygons).")
    notes: list[str] = []
    warnings: list[str] = []
    missing_geometry = np.flatnonzero(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if len(missing_geometry):
        raise InputError(
            f"UNITS has {len(missing_geometry)} features without a geometry (e.g. row "
            f"{int(missing_geometry[0]) + 1}); give every unit a polygon or remove it."
        )
    geoms, repaired = repair_polygons(geoms)
    if repaired.any():
        notes.append(f"{int(repaired.sum())} invalid unit geometries were repaired (make valid).")

    pop = np.asarray(population, dtype=float)
    if np.isnan(pop).any():
        warnings.append(
            f"{int(np.isnan(pop).sum())} units have no population value; they count as 0 inhabitants."
        )
        pop = np.nan_to_num(pop, nan=0.0)

    if districts is None:
        district_of = np.zeros(len(geoms), dtype=np.int64)
        names, counts, shares, codes = [""], [int(sector_count)], None, ["S"]
    else:
        if len(districts.geoms) == 0:
            raise InputError("DISTRICTS has no features; choose a district layer or leave it empty.")
        district_of, strays = units_in_districts(geoms, districts.geoms)
        if strays:
            warnings.append(
                f"{strays} units lie outside every district; each was given to the district it "
                "overlaps most (or the nearest one)."
            )
        names, counts, shares = districts.names, districts.sector_counts, districts.target_shares
        codes = sector_codes(names)
        empty = [names[d] for d in range(len(names)) if not (district_of == d).any()]
        if empty:
            raise InputError(
                f"District(s) {', '.join(empty)} contain no units; check that UNITS and DISTRICTS cover "
                "the same area, or remove those districts."
            )

    crimes = None
    if crime_xy is not None and len(crime_xy):
        unit_of_crime = assign_points(crime_xy, geoms)
        outside = int((unit_of_crime < 0).sum())
        if outside:
            notes.append(f"{outside} of {len(crime_xy)} crimes lie outside every unit and are not counted.")
        crimes = np.bincount(unit_of_crime[unit_of_crime >= 0], minlength=len(geoms)).astype(float)
    exposed = None
    if exposed_geoms is not None and len(exposed_geoms):
        exposed = exposed_population(geoms, pop, np.asarray(exposed_geoms, dtype=object))
    workload = compute_workload(pop, crimes, exposed, weights.population, weights.crime, weights.exposed)

    existing = None
    if existing_geoms is not None and len(existing_geoms):
        existing = assign_points(representative_xy(geoms), np.asarray(existing_geoms, dtype=object))

    adjacency = build_adjacency(
        geoms,
        barriers=None if barrier_geoms is None else np.asarray(barrier_geoms, dtype=object),
        layer_name="UNITS",
        progress=scaled(progress, 0, 20),
        is_cancelled=is_cancelled,
    )
    notes.extend(
        f"UNITS: {describe_link(link, unit_names)}, so that every unit can be reached."
        for link in adjacency.links
    )
    split = split_sectors(
        geoms,
        workload,
        adjacency,
        counts,
        districts=district_of,
        district_names=names,
        target_shares=shares,
        existing=existing,
        population=pop,
        tolerance_pct=tolerance_pct,
        rng=rng,
        progress=scaled(progress, 20, 90),
        is_cancelled=is_cancelled,
        unit_names=unit_names,
    )
    notes.extend(split.messages)

    count = len(split.target)
    labels = split.labels
    sector_geoms = dissolve(geoms, labels, count)
    ids = [
        f"{codes[d]}-{number:02d}"
        for d, number in zip(split.sector_district, split.sector_number, strict=True)
    ]
    sector_names = [
        f"{names[d]} {number}".strip() if names[d] else f"Sector {number}"
        for d, number in zip(split.sector_district, split.sector_number, strict=True)
    ]
    sector_population = np.bincount(labels, weights=pop, minlength=count)
    sector_crimes = (
        np.bincount(labels, weights=crimes, minlength=count) if crimes is not None else np.zeros(count)
    )
    sectors = pd.DataFrame(
        {
            "sector_id": ids,
            "sector_name": sector_names,
            "district": [names[d] or None for d in split.sector_district],
            "population": sector_population,
            "crimes_total": sector_crimes.astype(np.int64),
            "workload": split.workload,
            "workload_dev_pct": split.deviation_pct,
            "area_km2": shapely.area(sector_geoms) / 1e6,
            "polsby_popper": polsby_popper(sector_geoms),
            "reock": reock(sector_geoms),
            "neighbours": [
                ",".join(sorted(ids[n] for n in found))
                for found in sector_neighbours(split.adjacency, labels)
            ],
        }
    )
    progress(100.0)
    return SectorPlan(labels, sectors, sector_geoms, split, tuple(notes), tuple(warnings))
