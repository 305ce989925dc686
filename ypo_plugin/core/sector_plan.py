"""From base units to a sector plan: the pipeline behind ``ypo:splitsectors``.

It ties together unit repair, the district of each unit, the workload,
the adjacency graph and :func:`~.splitting.split_sectors`, and describes the
resulting sectors with the contract fields. Geometries are in a projected,
metric CRS.

Rules
    * *District of a unit*: the district containing the unit's representative
      point (GEOS point-on-surface, always inside the unit). A unit straddling
      districts (more than noise of its area, :func:`.geometry.noise_area`, in
      each of two or more) goes to the one holding most of its area; it is
      reported when a second district holds at least 1 % of it
      (``STRADDLE_SHARE``) or the majority is not where its point lies. A unit
      whose point lies in no district is *outside*: it is left out of the plan
      (no sector, reported with its population), or, when asked, given to the
      district it overlaps most, else to the nearest district (reported).
    * *Multi-part sectors*: a sector is counted as drawn, by its polygon parts
      (:func:`.geometry.part_counts`, the rule of ``ypo:validatesectors``), and
      every sector in more than one part is reported with its cause: a unit
      that is itself in several parts, or units linked across a gap.
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

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
import shapely

from .adjacency import LINK_BARRIER, LINK_NEAREST, Link, build_adjacency
from .compactness import polsby_popper, reock
from .counting import assign_points
from .defaults import (
    SPLIT_TOLERANCE_PCT,
    WORKLOAD_CRIME_WEIGHT,
    WORKLOAD_EXPOSED_WEIGHT,
    WORKLOAD_POPULATION_WEIGHT,
)
from .errors import About, InputError
from .geometry import intersection, noise_area, part_counts, repair_polygons
from .lazy import lazy_module
from .messages import tr
from .progress import CancelCheck, ProgressCallback, never_cancelled, no_progress, scaled
from .sectors import attribute_text, dissolve, sector_codes
from .splitting import (
    SplitResult,
    compute_workload,
    exposed_population,
    sector_neighbours,
    split_sectors,
)

pd = lazy_module("pandas")

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
    """Weights of population, crime and exposed population in the workload (defaults as the
    algorithms' and the dock's)."""

    population: float = WORKLOAD_POPULATION_WEIGHT
    crime: float = WORKLOAD_CRIME_WEIGHT
    exposed: float = WORKLOAD_EXPOSED_WEIGHT


POPULATION_ONLY = WorkloadWeights(1.0, 0.0, 0.0)


# A unit is reported as straddling districts when a second district holds at least this share of
# its area (or when the district holding most of it is not the one holding its inner point).
STRADDLE_SHARE = 0.01


@dataclass(frozen=True)
class DistrictAssignment:
    """The district of each unit (-1: outside every district and left out) and what to report."""

    district_of: np.ndarray
    outside: np.ndarray  # positions of the units whose representative point is in no district
    straddling: tuple[str, ...]  # one note per unit straddling districts
    placed_outside: tuple[str, ...]  # one note per outside unit given to a district


@dataclass(frozen=True)
class MultipartSectors:
    """How many parts each sector is drawn in, and one warning per sector in more than one."""

    part_counts: np.ndarray
    messages: tuple[str, ...]

    @property
    def count(self) -> int:
        """Number of sectors drawn in more than one part."""
        return int((self.part_counts > 1).sum())


@dataclass(frozen=True)
class SectorPlan:
    """A split: unit labels (-1 for units left out), the sector table (working-CRS geometry) and
    what was reported. ``outside`` holds the positions of the units left out (outside every
    district) and ``outside_population`` their inhabitants."""

    labels: np.ndarray
    sectors: pd.DataFrame
    sector_geoms: np.ndarray
    split: SplitResult
    notes: tuple[str, ...]
    warnings: tuple[str, ...]
    multipart: MultipartSectors
    outside: np.ndarray
    outside_population: float
    links: tuple[Link, ...]


def parse_target_shares(value, sector_count: int, district_name: str) -> list[float] | None:
    """Per-sector target shares from a district's target field (module rules)."""
    if attribute_text(value) is None:
        return None
    parts = [part.strip() for part in str(value).replace(";", ",").split(",") if part.strip()]
    try:
        shares = [float(part) for part in parts]
    except ValueError:
        raise InputError(
            tr(
                "District {district}: the target field holds '{value}'; give {count} positive "
                "numbers separated by commas, one share per sector (e.g. '1, 1, 1.5').",
                district=district_name,
                value=value,
                count=sector_count,
            )
        ) from None
    if len(shares) != sector_count or any(not (share > 0 and math.isfinite(share)) for share in shares):
        raise InputError(
            tr(
                "District {district}: the target field holds '{value}' but the district has "
                "{count} sectors; give {count} positive numbers separated by commas.",
                district=district_name,
                value=value,
                count=sector_count,
            )
        )
    return shares


def representative_xy(geoms: np.ndarray) -> np.ndarray:
    """A point inside each geometry (shapely's ``point_on_surface``), as an ``(n, 2)`` array."""
    return shapely.get_coordinates(shapely.point_on_surface(geoms))


def units_in_districts(
    unit_geoms: np.ndarray,
    district_geoms: np.ndarray,
    district_names: Sequence[str],
    unit_names: Sequence,
    assign_outside: bool = False,
) -> DistrictAssignment:
    """District of each unit (module rules): by its representative point, a straddling unit by the
    largest share of its area; outside units are -1 unless ``assign_outside``."""
    district_of = assign_points(representative_xy(unit_geoms), district_geoms)
    tree = shapely.STRtree(district_geoms)
    unit_index, district_index = tree.query(unit_geoms, predicate="intersects")
    candidates: dict[int, list[int]] = {}
    for unit, district in zip(unit_index.tolist(), district_index.tolist(), strict=True):
        candidates.setdefault(unit, []).append(district)
    unit_areas = shapely.area(unit_geoms)
    straddling = []
    for unit, found in candidates.items():
        if len(found) < 2 or district_of[unit] < 0:
            continue
        shares = shapely.area(intersection(unit_geoms[unit], district_geoms[found]))
        holding = [k for k in range(len(found)) if shares[k] > noise_area(unit_areas[unit])]
        if len(holding) < 2:
            continue
        ranked = sorted(holding, key=lambda k: -shares[k])
        best = found[ranked[0]]
        # A sliver across a district line (boundaries drawn apart) is not worth a line in the log.
        if shares[ranked[1]] >= STRADDLE_SHARE * unit_areas[unit] or best != district_of[unit]:
            parts = [f"{district_names[found[k]]} ({shares[k] / unit_areas[unit]:.0%})" for k in ranked]
            values = {"unit": unit_names[unit], "best": district_names[best]}
            if len(parts) == 2:
                straddling.append(
                    tr(
                        "Unit {unit} straddles districts {first} and {second}; it goes to {best}, "
                        "which holds most of its area.",
                        first=parts[0],
                        second=parts[1],
                        **values,
                    )
                )
            else:
                straddling.append(
                    tr(
                        "Unit {unit} straddles districts {districts}; it goes to {best}, which holds most of "
                        "its area.",
                        districts=", ".join(parts),
                        **values,
                    )
                )
        district_of[unit] = best
    outside = np.flatnonzero(district_of < 0)
    placed = []
    if assign_outside:
        for unit in outside:
            found = candidates.get(int(unit), [])
            if found:
                overlap = shapely.area(intersection(unit_geoms[unit], district_geoms[found]))
                district_of[unit] = found[int(np.argmax(overlap))]
                placed.append(
                    tr(
                        "Unit {unit} lies outside every district; it was given to {district}, the "
                        "district it "
                        "overlaps most.",
                        unit=unit_names[unit],
                        district=district_names[district_of[unit]],
                    )
                )
            else:
                district_of[unit] = int(tree.query_nearest(unit_geoms[unit])[0])
                placed.append(
                    tr(
                        "Unit {unit} lies outside every district; it was given to {district}, the nearest "
                        "district.",
                        unit=unit_names[unit],
                        district=district_names[district_of[unit]],
                    )
                )
    return DistrictAssignment(district_of, outside, tuple(straddling), tuple(placed))


def multipart_sectors(
    sector_geoms: np.ndarray,
    sector_ids: Sequence[str],
    labels: np.ndarray,
    unit_geoms: np.ndarray,
    unit_names: Sequence,
    links: Sequence[Link],
) -> MultipartSectors:
    """The parts each sector is drawn in (metric CRS), and per sector in more than one part a
    warning for each cause: units that are themselves in several parts, or units linked across
    a gap (``links``, by unit position). ``labels`` are the sector of each unit of
    ``unit_geoms`` (-1: none)."""
    counts = part_counts(sector_geoms)
    messages = []
    for sector in np.flatnonzero(counts > 1):
        members = np.flatnonzero(labels == sector)
        drawn = {"sector": sector_ids[sector], "parts": int(counts[sector])}
        causes = []
        unit_parts = part_counts(unit_geoms[members])
        for unit, parts in zip(members[unit_parts > 1], unit_parts[unit_parts > 1], strict=True):
            causes.append(
                tr(
                    "Sector {sector} is drawn in {parts} parts: unit {unit} is itself made of {unit_parts} "
                    "separate parts, so the sector holding it cannot be one piece unless other units "
                    "join them.",
                    unit=unit_names[unit],
                    unit_parts=int(parts),
                    **drawn,
                )
            )
        in_sector = set(members.tolist())
        for link in links:
            if link.i not in in_sector or link.j not in in_sector or link.reason != LINK_NEAREST:
                continue
            units = {"first": unit_names[link.i], "second": unit_names[link.j]}
            if link.distance > 0:
                causes.append(
                    tr(
                        "Sector {sector} is drawn in {parts} parts: units {first} and {second} linked as "
                        "nearest neighbours ({distance:.0f} m apart) to keep its district connected.",
                        distance=link.distance,
                        **units,
                        **drawn,
                    )
                )
            else:
                causes.append(
                    tr(
                        "Sector {sector} is drawn in {parts} parts: units {first} and {second} meet only "
                        "at a "
                        "corner.",
                        **units,
                        **drawn,
                    )
                )
        if not causes:
            causes.append(
                tr(
                    "Sector {sector} is drawn in {parts} parts: its units meet only at a corner or "
                    "across a gap.",
                    **drawn,
                )
            )
        messages += causes
    return MultipartSectors(counts, tuple(messages))


def _link_note(link: Link, unit_names: Sequence) -> str:
    """Why a link between two units was added so that every unit can be reached."""
    units = {"first": unit_names[link.i], "second": unit_names[link.j]}
    if link.reason == LINK_BARRIER:
        return tr(
            "UNITS: units {first} and {second} linked across a barrier, so that every unit can be reached.",
            **units,
        )
    return tr(
        "UNITS: units {first} and {second} linked as nearest neighbours ({distance:.0f} m apart), so that "
        "every unit can be reached.",
        distance=link.distance,
        **units,
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
    tolerance_pct: float = SPLIT_TOLERANCE_PCT,
    rng: np.random.Generator | None = None,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
    unit_names: Sequence | None = None,
    assign_outside: bool = False,
) -> SectorPlan:
    """Split units into sectors (module rules) and describe them.

    ``population`` may hold NaN for a missing value: it counts as 0 and is
    reported. Without ``districts`` all units form one area of
    ``sector_count`` sectors, with ids "S-01", "S-02", … ``unit_names`` (e.g.
    feature ids, "#12") name units in the messages (default: "#" and the
    position). Units outside every district are left out unless
    ``assign_outside``.
    """
    names = list(unit_names) if unit_names is not None else [f"#{k}" for k in range(len(unit_geoms))]
    notes: list[str] = []
    warnings: list[str] = []
    geoms = _unit_polygons(unit_geoms, names, notes)
    pop = _unit_population(population, warnings)
    if districts is None:
        district_of = np.zeros(len(geoms), dtype=np.int64)
        district_names, counts, shares, codes = [""], [int(sector_count)], None, ["S"]
    else:
        district_of = _district_of_units(geoms, pop, districts, names, assign_outside, notes, warnings)
        district_names, counts, shares = districts.names, districts.sector_counts, districts.target_shares
        codes = sector_codes(district_names)
    inside = district_of >= 0
    kept = np.flatnonzero(inside)
    kept_geoms, kept_pop, kept_names = geoms[kept], pop[kept], [names[k] for k in kept]
    crimes = _crimes_per_kept_unit(crime_xy, geoms, inside, kept, notes)
    exposed = None
    if exposed_geoms is not None and len(exposed_geoms):
        exposed = exposed_population(kept_geoms, kept_pop, np.asarray(exposed_geoms, dtype=object))
    workload = compute_workload(
        kept_pop, crimes, exposed, weights.population, weights.crime, weights.exposed, kept_names
    )

    existing = None
    if existing_geoms is not None and len(existing_geoms):
        existing = assign_points(representative_xy(kept_geoms), np.asarray(existing_geoms, dtype=object))

    adjacency = build_adjacency(
        kept_geoms,
        barriers=None if barrier_geoms is None else np.asarray(barrier_geoms, dtype=object),
        layer_name="UNITS",
        progress=scaled(progress, 0, 20),
        is_cancelled=is_cancelled,
    )
    notes.extend(_link_note(link, kept_names) for link in adjacency.links)
    split = split_sectors(
        kept_geoms,
        workload,
        adjacency,
        counts,
        districts=district_of[kept],
        district_names=district_names,
        target_shares=shares,
        existing=existing,
        population=kept_pop,
        tolerance_pct=tolerance_pct,
        rng=rng,
        progress=scaled(progress, 20, 90),
        is_cancelled=is_cancelled,
        unit_names=kept_names,
    )
    notes.extend(split.messages)

    count = len(split.target)
    kept_labels = split.labels
    labels = np.full(len(geoms), -1, dtype=np.int64)
    labels[kept] = kept_labels
    sector_geoms = dissolve(kept_geoms, kept_labels, count)
    ids = [
        f"{codes[d]}-{number:02d}"
        for d, number in zip(split.sector_district, split.sector_number, strict=True)
    ]
    sectors = _sector_table(split, ids, district_names, sector_geoms, kept_pop, crimes)
    # The links of the split, by position among all units.
    links = tuple(replace(link, i=int(kept[link.i]), j=int(kept[link.j])) for link in split.adjacency.links)
    multipart = multipart_sectors(sector_geoms, ids, labels, geoms, names, links)
    progress(100.0)
    outside = np.flatnonzero(~inside)
    return SectorPlan(
        labels,
        sectors,
        sector_geoms,
        split,
        tuple(notes),
        tuple(warnings),
        multipart,
        outside,
        float(pop[outside].sum()),
        links,
    )


def _unit_polygons(unit_geoms: Sequence, names: list, notes: list[str]) -> np.ndarray:
    """The units' polygons, repaired where invalid (noted); raises :class:`InputError` when there
    are none, when one has no geometry or when one has no area left once made valid."""
    geoms = np.asarray(getattr(unit_geoms, "values", unit_geoms), dtype=object)
    if len(geoms) == 0:
        raise InputError(
            tr("The units layer has no features; choose a layer with the base units (polygons)."),
            about=About.UNITS,
        )
    missing_geometry = np.flatnonzero(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    if len(missing_geometry):
        raise InputError(
            tr(
                "The units layer has {count} features without a geometry (e.g. unit {unit}); give every unit "
                "a polygon or remove it.",
                count=len(missing_geometry),
                unit=names[int(missing_geometry[0])],
            ),
            about=About.UNITS,
        )
    geoms, repaired = repair_polygons(geoms)
    if repaired.any():
        notes.append(
            tr("{count} invalid unit geometries were repaired (make valid).", count=int(repaired.sum()))
        )
    collapsed = np.flatnonzero(shapely.is_empty(geoms))
    if len(collapsed):
        raise InputError(
            tr(
                "Unit {unit} has no area left once made valid ({count} such units); fix its geometry or "
                "remove it.",
                unit=names[int(collapsed[0])],
                count=len(collapsed),
            ),
            about=About.UNITS,
        )
    return geoms


def _unit_population(population: Sequence[float], warnings: list[str]) -> np.ndarray:
    """The units' population as floats, a missing value (NaN) counted as 0 and warned about."""
    pop = np.asarray(population, dtype=float)
    if np.isnan(pop).any():
        warnings.append(
            tr(
                "{count} units have no population value; they count as 0 inhabitants.",
                count=int(np.isnan(pop).sum()),
            )
        )
        pop = np.nan_to_num(pop, nan=0.0)
    return pop


def _district_of_units(
    geoms: np.ndarray,
    pop: np.ndarray,
    districts: Districts,
    names: list,
    assign_outside: bool,
    notes: list[str],
    warnings: list[str],
) -> np.ndarray:
    """The district of each unit (-1: left out), with notes and warnings on units straddling
    districts or lying outside them; raises :class:`InputError` for no districts or a district
    without units."""
    if len(districts.geoms) == 0:
        raise InputError(
            tr("The districts layer has no features; choose a district layer or leave it out."),
            about=About.DISTRICTS,
        )
    district_names = districts.names
    assignment = units_in_districts(geoms, districts.geoms, district_names, names, assign_outside)
    district_of = assignment.district_of
    notes.extend(assignment.straddling)
    if assignment.straddling:
        warnings.append(
            tr(
                "{count} units straddle districts; each goes to the district holding most of its area "
                "(listed in the log).",
                count=len(assignment.straddling),
            )
        )
    outside = assignment.outside
    if len(outside) and assign_outside:
        notes.extend(assignment.placed_outside)
        warnings.append(
            tr(
                "{count} units lie outside every district ({inhabitants:,.0f} inhabitants); "
                "each was given to the district it overlaps most, or the nearest one (listed in the log).",
                count=len(outside),
                inhabitants=pop[outside].sum(),
            )
        )
    elif len(outside):
        listed = ", ".join(str(names[k]) for k in outside)
        warnings.append(
            tr(
                "{count} units lie outside every district ({inhabitants:,.0f} inhabitants) "
                "and are left out of the plan (ASSIGN_OUTSIDE_TO_NEAREST gives them to the nearest "
                "district): units {units}.",
                count=len(outside),
                inhabitants=pop[outside].sum(),
                units=listed,
            )
        )
    empty = [district_names[d] for d in range(len(district_names)) if not (district_of == d).any()]
    if empty:
        raise InputError(
            tr(
                "District(s) {districts} contain no units; check that the units and the districts "
                "cover the same area, or remove those districts.",
                districts=", ".join(empty),
            ),
            about=About.DISTRICTS,
        )
    return district_of


def _crimes_per_kept_unit(
    crime_xy: np.ndarray | None, geoms: np.ndarray, inside: np.ndarray, kept: np.ndarray, notes: list[str]
) -> np.ndarray | None:
    """Crimes counted in each kept unit (None without crimes), noting those outside every unit
    and those in units left out."""
    if crime_xy is None or not len(crime_xy):
        return None
    unit_of_crime = assign_points(crime_xy, geoms)
    outside_units = int((unit_of_crime < 0).sum())
    if outside_units:
        notes.append(
            tr(
                "{count} of {total} crimes lie outside every unit and are not counted.",
                count=outside_units,
                total=len(crime_xy),
            )
        )
    in_left_out = int(((unit_of_crime >= 0) & ~inside[np.maximum(unit_of_crime, 0)]).sum())
    if in_left_out:
        notes.append(
            tr(
                "{count} of {total} crimes lie in units left out of the plan and are not counted.",
                count=in_left_out,
                total=len(crime_xy),
            )
        )
    return np.bincount(unit_of_crime[unit_of_crime >= 0], minlength=len(geoms)).astype(float)[kept]


def _sector_table(
    split: SplitResult,
    ids: list[str],
    district_names: Sequence[str],
    sector_geoms: np.ndarray,
    kept_pop: np.ndarray,
    crimes: np.ndarray | None,
) -> pd.DataFrame:
    """One row per sector of ``split``: ids, names, district, population, crimes, workload and its
    deviation, area, compactness and the ids of its neighbours."""
    count = len(split.target)
    kept_labels = split.labels
    sector_names = [
        f"{district_names[d]} {number}".strip() if district_names[d] else f"Sector {number}"
        for d, number in zip(split.sector_district, split.sector_number, strict=True)
    ]
    sector_population = np.bincount(kept_labels, weights=kept_pop, minlength=count)
    sector_crimes = (
        np.bincount(kept_labels, weights=crimes, minlength=count) if crimes is not None else np.zeros(count)
    )
    return pd.DataFrame(
        {
            "sector_id": ids,
            "sector_name": sector_names,
            "district": [district_names[d] or None for d in split.sector_district],
            "population": sector_population,
            "crimes_total": sector_crimes.astype(np.int64),
            "workload": split.workload,
            "workload_dev_pct": split.deviation_pct,
            "area_km2": shapely.area(sector_geoms) / 1e6,
            "polsby_popper": polsby_popper(sector_geoms),
            "reock": reock(sector_geoms),
            "neighbours": [
                ",".join(sorted(ids[n] for n in found))
                for found in sector_neighbours(split.adjacency, kept_labels)
            ],
        }
    )
