"""The sector vocabulary every part of the plugin shares.

What a sector *is* to the plugin is decided here once:

* checked sectors: unique ids, every geometry a valid polygon (:func:`checked_sectors`);
* effective sectors: where sectors overlap, every place belongs to the **lowest-index
  sector** covering it (input order), so nothing is counted twice
  (:func:`effective_sectors`, memoised for the live dock by :class:`MeetingPairs`);
* a sector id as text (:func:`attribute_text`): 3, 3.0 and " 3 " are one id;
* the polygon of a sector made of several pieces (:func:`dissolve`, :func:`dissolve_by_id`);
* the exposed housing areas as one area (:func:`united_areas`);
* touching neighbours and how they are written (:func:`neighbour_texts`);
* district codes (:func:`sector_codes`) and the district of a sector (:func:`district_of_sectors`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import shapely

from .errors import About, InputError
from .geometry import (
    find_overlaps,
    format_area,
    interiors_meet,
    intersecting_pairs,
    named_pair,
    natural_rank,
    repair_polygons,
    touching_neighbours,
    union_of_polygons,
)
from .lazy import lazy_module
from .messages import tr
from .splitting import district_code

pd = lazy_module("pandas")

_POLYGON_TYPES = (3, 6)


# --- ids ---------------------------------------------------------------------------------------


def attribute_text(value: Any) -> str | None:
    """An attribute as the plugin compares and shows it: trimmed text, a whole number without
    ".0" (12.0 → "12", so 3, 3.0 and "3" from different layers are one sector id); None when
    missing (None, NaN, a QGIS NULL) or blank. Sector ids, names, districts and the officer's
    contact details are all read this way."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            value = int(value)
    text = str(value).strip()
    return text or None


# --- checked and effective sectors ---------------------------------------------------------------


@dataclass(frozen=True)
class Overlap:
    """Two sectors whose interiors overlap; the overlap counts in ``first`` (the earlier one).
    ``named`` is the pair in the order every algorithm names it (natural id order)."""

    first: Any
    second: Any
    area_km2: float
    named: tuple = ()


def checked_sectors(
    sector_ids: Sequence[Any], sector_geometries: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Sector ids and (multi)polygons as object arrays, refused unless ids are unique and
    every geometry is a valid polygon."""
    ids = np.asarray(list(sector_ids), dtype=object)
    geometries = np.asarray(sector_geometries, dtype=object)
    if len(geometries) == 0:
        raise InputError(
            tr("The sectors layer has no features; give a polygon layer with at least one sector."),
            about=About.SECTORS,
        )
    if len(ids) != len(geometries):
        raise InputError(tr("The sectors need one sector id per geometry."), about=About.SECTORS)
    if pd.isna(pd.Series(ids, dtype=object)).any():
        raise InputError(tr("Some sectors have no sector id; give every sector an id."), about=About.SECTORS)
    duplicated = pd.Series(ids, dtype=object).duplicated().to_numpy()
    if duplicated.any():
        raise InputError(
            tr(
                "Sector id '{sector}' is used more than once; "
                "sector ids must be unique (dissolve multi-part sectors by their id first).",
                sector=ids[duplicated][0],
            ),
            about=About.SECTORS,
        )
    missing = shapely.is_missing(geometries) | shapely.is_empty(geometries)
    if missing.any():
        raise InputError(
            tr("Sector '{sector}' has no geometry.", sector=ids[missing][0]), about=About.SECTORS
        )
    not_polygon = ~np.isin(shapely.get_type_id(geometries), _POLYGON_TYPES)
    if not_polygon.any():
        raise InputError(
            tr("Sector '{sector}' is not a polygon.", sector=ids[not_polygon][0]), about=About.SECTORS
        )
    invalid = ~shapely.is_valid(geometries)
    if invalid.any():
        raise InputError(
            tr(
                "Sector '{sector}' has an invalid geometry (run 'Fix geometries' first).",
                sector=ids[invalid][0],
            ),
            about=About.SECTORS,
        )
    return ids, geometries


def without_earlier(geometries: np.ndarray, earlier: np.ndarray, later: np.ndarray) -> np.ndarray:
    """The lowest-index rule: ``effective[j] = sector[j] − ∪{sector[i] : (i, j) a pair, i < j}``
    for the pairs ``earlier[k] < later[k]`` whose interiors meet; other sectors unchanged."""
    effective = geometries.copy()
    for j in np.unique(later):
        effective[j] = shapely.difference(geometries[j], shapely.union_all(geometries[earlier[later == j]]))
    return effective


def effective_sectors(
    geometries: np.ndarray, ids: Sequence[Any] | None = None
) -> tuple[np.ndarray, list[Overlap]]:
    """Sectors made disjoint by the lowest-index rule, and the overlaps to report.

    Sectors that only touch are left as they are, so a clean partition is
    returned unchanged. The pairs and which of them are more than
    floating-point noise come from :func:`.geometry.find_overlaps`, as in every
    algorithm.
    """
    geometries = np.asarray(geometries, dtype=object)
    ids = list(range(len(geometries))) if ids is None else list(ids)
    found = find_overlaps(geometries)
    effective = without_earlier(geometries, found.earlier, found.later)
    rank = natural_rank(ids)
    overlaps = [
        Overlap(ids[i], ids[j], float(area) / 1e6, tuple(ids[k] for k in named_pair(rank, i, j)))
        for i, j, area in zip(
            found.earlier[found.reported],
            found.later[found.reported],
            found.areas[found.reported],
            strict=True,
        )
    ]
    return effective, overlaps


class MeetingPairs:
    """A memo of :func:`effective_sectors` for geometries edited again and again (the live dock):
    which pairs of sectors overlap is remembered by their geometries, so after an edit only the
    pairs with a changed sector are tested again. Gives the same effective sectors (no overlap
    report)."""

    def __init__(self, limit: int = 10_000):
        self._meet: dict[tuple[bytes, bytes], bool] = {}
        self._limit = limit

    def effective(self, geometries: np.ndarray) -> np.ndarray:
        """The effective sectors of ``geometries`` (valid polygons or None), by the lowest-index rule."""
        geometries = np.asarray(geometries, dtype=object)
        if len(geometries) == 0:
            return geometries
        earlier, later = intersecting_pairs(geometries)
        wkbs = shapely.to_wkb(geometries)
        keys = [(wkbs[i], wkbs[j]) for i, j in zip(earlier, later, strict=True)]
        unknown = [k for k, key in enumerate(keys) if key not in self._meet]
        if unknown:
            found = interiors_meet(geometries[earlier[unknown]], geometries[later[unknown]])
            if len(self._meet) > self._limit:
                self._meet.clear()
            for k, value in zip(unknown, found, strict=True):
                self._meet[keys[k]] = bool(value)
        meet = np.array([self._meet[key] for key in keys], dtype=bool)
        return without_earlier(geometries, earlier[meet], later[meet])


OVERLAP_COUNTED, OVERLAP_CELLS, OVERLAP_AREAS = "counted", "cells", "areas"
"""How :func:`overlap_warnings` reads an overlap: counted in one sector, its grid cells belonging
to one sector, or counted in one (safety) area."""


def overlap_warnings(overlaps: Sequence[Overlap], reading: str = OVERLAP_COUNTED) -> list[str]:
    """One warning per overlap: "Sectors 'A' and 'B' overlap by 12 m²; the overlap is counted in
    'A' only" (``OVERLAP_CELLS``: "… belongs to 'A' only"; ``OVERLAP_AREAS``: "Areas 'A' and 'B'
    … counts in 'A' only")."""
    warnings = []
    for o in overlaps:
        values = {
            "first": o.named[0],
            "second": o.named[1],
            "area": format_area(o.area_km2 * 1e6),
            "owner": o.first,
        }
        if reading == OVERLAP_CELLS:
            warning = tr(
                "Sectors '{first}' and '{second}' overlap by {area}; the overlap belongs to '{owner}' only.",
                **values,
            )
        elif reading == OVERLAP_AREAS:
            warning = tr(
                "Areas '{first}' and '{second}' overlap by {area}; the overlap counts in '{owner}' only.",
                **values,
            )
        else:
            warning = tr(
                "Sectors '{first}' and '{second}' overlap by {area}; the overlap is counted in "
                "'{owner}' only.",
                **values,
            )
        warnings.append(warning)
    return warnings


# --- one polygon per sector ------------------------------------------------------------------------


def dissolve(geoms: np.ndarray, labels: np.ndarray, count: int) -> np.ndarray:
    """The union of the geometries of each label 0..count-1 (other labels, e.g. -1, in none);
    a coverage union where the members are a clean coverage (:func:`.geometry.union_of_polygons`)."""
    geoms = np.asarray(geoms, dtype=object)
    labels = np.asarray(labels)
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(count + 1))
    return np.array(
        [union_of_polygons(geoms[order[bounds[s] : bounds[s + 1]]]) for s in range(count)], dtype=object
    )


@dataclass(frozen=True)
class SectorsById:
    """One entry per sector id, in the order the ids first occur.

    ``geometries`` is an object array: an id given in one feature keeps that feature's geometry,
    an id given in several has the union of their (repaired) parts. ``members`` are the
    positions of each id's features, ``repaired`` those of them that had to be repaired first.
    """

    geometries: np.ndarray
    members: list[np.ndarray]
    repaired: list[np.ndarray]


def dissolve_by_id(ids: Sequence[Any], geometries: Sequence) -> SectorsById:
    """The sectors one per id (ids equal as values, e.g. 1 and 1.0; none missing).

    A union of invalid parts can fail (GEOS topology errors), so the parts of an id given in
    several features are repaired first (:func:`.geometry.repair_polygons`); missing and empty
    parts are left out.
    """
    geometries = np.asarray(getattr(geometries, "values", geometries), dtype=object).reshape(-1)
    codes, _ = pd.factorize(pd.Series(list(ids), dtype=object), sort=False)
    count = int(codes.max()) + 1 if len(codes) else 0
    result = np.empty(count, dtype=object)
    members, repaired = [], []
    for code in range(count):
        positions = np.flatnonzero(codes == code)
        parts = geometries[positions]
        fixed = np.empty(0, dtype=np.int64)
        if len(positions) > 1:
            present = ~(shapely.is_missing(parts) | shapely.is_empty(parts))
            valid, invalid = repair_polygons(parts[present])
            fixed = positions[present][invalid]
            parts = [dissolve(valid, np.zeros(len(valid), dtype=np.int64), 1)[0] if len(valid) else None]
        result[code] = parts[0]
        members.append(positions)
        repaired.append(fixed)
    return SectorsById(result, members, repaired)


def united_areas(polygons: Sequence | None) -> Any | None:
    """One prepared geometry of all ``polygons`` (e.g. the exposed housing areas, so overlapping
    areas count once), or None without any."""
    if polygons is None:
        return None
    polygons = np.asarray(getattr(polygons, "values", polygons), dtype=object)
    polygons = polygons[~(shapely.is_missing(polygons) | shapely.is_empty(polygons))]
    if len(polygons) == 0:
        return None
    united = shapely.union_all(shapely.make_valid(polygons, method="structure", keep_collapsed=False))
    shapely.prepare(united)
    return united


# --- neighbours ------------------------------------------------------------------------------------


def neighbour_texts(
    ids: Sequence[Any],
    names: Sequence[Any],
    neighbours: Sequence[Any],
    districts: Sequence[Any] | None = None,
) -> list[str]:
    """'id name (district)' of each sector's neighbours, joined by ', ' ('–' for none).

    The name is left out when empty or the id itself, the district when empty or not given.
    ``neighbours`` holds per sector either the positions of its neighbours (from
    :func:`.geometry.touching_neighbours`) or the text of a ``neighbours`` field: ids separated
    by commas, as Split sectors writes them (an id not among ``ids`` is shown as it is).
    """
    position = {sector_id: i for i, sector_id in enumerate(ids)}
    texts = []
    for found in neighbours:
        if found is None or isinstance(found, str):
            found = [part.strip() for part in (found or "").split(",") if part.strip()]
            found = [position.get(attribute_text(part), part) for part in found]
        parts = []
        for j in found:
            if isinstance(j, str):
                parts.append(j)
                continue
            name = f" {names[j]}" if names[j] and names[j] != ids[j] else ""
            district = f" ({districts[j]})" if districts is not None and districts[j] else ""
            parts.append(f"{ids[j]}{name}{district}")
        texts.append(", ".join(parts) if parts else "–")
    return texts


def touching_neighbour_texts(
    ids: Sequence[Any], names: Sequence[Any], geometries: np.ndarray, min_shared: float = 1.0
) -> list[str]:
    """Per sector, ``id name`` of the sectors sharing a boundary with it (at least
    ``min_shared`` long, in CRS units), in the input order (:func:`neighbour_texts`); empty
    for a sector without geometry."""
    geometries = np.asarray(geometries, dtype=object)
    no_geometry = shapely.is_missing(geometries) | shapely.is_empty(geometries)
    texts = neighbour_texts(ids, names, touching_neighbours(geometries, min_shared))
    return ["" if missing else text for missing, text in zip(no_geometry, texts, strict=True)]


# --- districts -------------------------------------------------------------------------------------


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


def district_of_sectors(sectors: np.ndarray, districts: np.ndarray, names: list) -> tuple[list, np.ndarray]:
    """Name of the district covering the largest part of each sector, and the share it covers.

    None (share 0) for a sector that overlaps no district.
    """
    n = len(sectors)
    best, best_area = [None] * n, np.zeros(n)
    usable = ~(shapely.is_missing(districts) | shapely.is_empty(districts))
    districts = np.where(usable, shapely.make_valid(districts), None)
    sector_idx, district_idx = shapely.STRtree(districts).query(sectors, predicate="intersects")
    areas = shapely.area(shapely.intersection(sectors[sector_idx], districts[district_idx]))
    for s, d, area in zip(sector_idx, district_idx, areas, strict=True):
        if area > best_area[s]:
            best[s], best_area[s] = names[d], area
    sector_areas = shapely.area(sectors)
    shares = np.divide(best_area, sector_areas, out=np.zeros(n), where=sector_areas > 0)
    return best, shares
