"""Validation of a sector plan: gaps, overlaps, parts outside the district,
non-contiguous sectors, slivers and under-manned sectors.

All areas are in square metres: the geometries must be in a metric CRS.

Rules (each error is one row of :attr:`ValidationResult.errors`):

``gap``
    Area inside the districts (the union of the district polygons) that no
    sector covers; without districts, the holes inside the union of the
    sectors (an area enclosed by sectors and covered by none). One error per
    connected piece; ``sector_ids`` are the sectors within 1 mm of the piece
    (empty when a whole district is uncovered).
``overlap``
    Area covered by two sectors: one error per pair of sectors whose
    intersection has area (a shared edge or corner is no overlap); the
    geometry is the whole intersection of the pair, which may be several
    pieces. Three sectors over one spot give three pairs.
``outside``
    The part of a sector outside every district polygon (only with
    districts): one error per sector. A sector crossing from one district
    into another is not outside.
``noncontiguous``
    A sector made of several polygons (parts meeting at a single point count
    as separate). Its largest part is the sector's main body; every other
    part is one error with that part as geometry.
``sliver`` (only with a minimum area)
    A sector whose whole area is below the minimum area (the whole sector is
    the error), or, for a larger sector, each of its parts below the minimum
    area (such a part is also reported as ``noncontiguous``). Thin gaps and
    overlaps stay ``gap`` and ``overlap`` whatever their size.
``undermanned`` (only when officer numbers are given)
    ``officers_allocated`` below ``max(officers_required, min_officers)``;
    an empty ``officers_allocated`` counts as 0, an empty
    ``officers_required`` as ``min_officers``. The geometry is the sector.

Features sharing a sector id are one sector (their union). Invalid geometries
are repaired (GEOS make-valid) and reported as warnings. Pieces of gaps,
overlaps, outside parts and extra parts no larger than ``tolerance`` (1 m² by
default) or a billionth of the area concerned (the sector's; the larger
sector's for an overlap; the plan's for a gap), whichever is larger, are
floating-point noise from digitising, dissolving and reprojection and are not
reported (:func:`.geometry.noise_area`, the rule every algorithm applies).
Overlapping pairs come from :func:`.geometry.find_overlaps`, so every
algorithm names the same pair, the earlier sector (input order) first.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import shapely

from .defaults import MIN_OFFICERS
from .errors import About, InputError
from .geometry import (
    MIN_REPORTED_AREA_M2,
    find_overlaps,
    format_area,
    named_pair,
    natural_rank,
    noise_area,
    polygon_parts,
    polygonal,
    significant_parts,
)
from .lazy import lazy_module
from .messages import tr
from .progress import CancelCheck, ProgressCallback, never_cancelled, no_progress, raise_if_cancelled
from .sectors import attribute_text

gpd = lazy_module("geopandas")
pd = lazy_module("pandas")

ERROR_TYPES = ("gap", "overlap", "outside", "noncontiguous", "sliver", "undermanned")
ERROR_COLUMNS = ("error_type", "sector_ids", "area_m2", "message")
# A sector this close (m) to a gap is one of the gap's neighbours.
NEIGHBOUR_DISTANCE = 0.001


@dataclass
class ValidationResult:
    """The errors found (one row each, see the module's rules), counts per type and warnings."""

    errors: gpd.GeoDataFrame
    counts: dict[str, int]
    warnings: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Number of errors found, of all types."""
        return len(self.errors)

    @property
    def noncontiguous_sectors(self) -> int:
        """Sectors drawn in more than one part (each has one ``noncontiguous`` row per extra part)."""
        return int(self.errors.loc[self.errors["error_type"] == "noncontiguous", "sector_ids"].nunique())


def validate_sectors(
    ids: Sequence,
    geometries,
    districts=None,
    min_area: float | None = None,
    officers_required=None,
    officers_allocated=None,
    min_officers: int = MIN_OFFICERS,
    tolerance: float = MIN_REPORTED_AREA_M2,
    crs=None,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> ValidationResult:
    """Check a sector plan; see the module documentation for the rules.

    ``ids`` and ``geometries`` (polygons in a metric CRS) have one entry per
    sector feature; ``districts`` are optional district polygons in the same
    CRS. ``officers_required`` / ``officers_allocated`` (one number per
    feature, NaN or None for empty) switch on the ``undermanned`` check; only
    ``officers_allocated`` is needed. ``crs`` is given to the errors frame.
    """
    if min_area is not None and (not math.isfinite(min_area) or min_area < 0):
        raise InputError(
            tr(
                "The minimum area {area} must be a number of square metres ≥ 0 (or left empty).",
                area=min_area,
            ),
            about=About.MIN_AREA,
        )
    if min_officers < 0:
        raise InputError(
            tr("The minimum officers per sector ({minimum}) must be 0 or more.", minimum=min_officers),
            about=About.MIN_OFFICERS,
        )
    warnings: list[str] = []
    sectors = _sectors(ids, geometries, officers_required, officers_allocated, warnings)
    raise_if_cancelled(is_cancelled)
    progress(5)

    district_union = None
    if districts is not None:
        district_union = _district_union(districts, warnings)
    raise_if_cancelled(is_cancelled)
    progress(10)

    geoms = sectors.geometry
    tree = shapely.STRtree(geoms)
    found: list[pd.DataFrame] = []
    covered = shapely.union_all(geoms)
    raise_if_cancelled(is_cancelled)
    progress(30)
    found.append(_overlaps(sectors, covered, tolerance))
    raise_if_cancelled(is_cancelled)
    progress(55)
    found.append(_gaps(sectors, tree, covered, district_union, tolerance))
    raise_if_cancelled(is_cancelled)
    progress(65)
    if district_union is not None:
        found.append(_outside(sectors, district_union, tolerance))
    raise_if_cancelled(is_cancelled)
    progress(80)
    found.append(_parts(sectors, min_area, tolerance))
    raise_if_cancelled(is_cancelled)
    progress(90)
    if sectors.allocated is not None:
        found.append(_undermanned(sectors, min_officers))
    progress(100)

    frame = pd.concat([f for f in found if len(f)] or [_empty_rows()], ignore_index=True)
    frame["order"] = frame["error_type"].map({name: i for i, name in enumerate(ERROR_TYPES)})
    frame = frame.sort_values(["order", "sort_key", "area_m2"], ascending=[True, True, False], kind="stable")
    frame = frame.drop(columns=["order", "sort_key"]).reset_index(drop=True)
    errors = gpd.GeoDataFrame(
        frame[list(ERROR_COLUMNS)], geometry=frame["geometry"].to_numpy(), crs=crs
    ).astype({"area_m2": float})
    counts = {name: int((errors["error_type"] == name).sum()) for name in ERROR_TYPES}
    return ValidationResult(errors, counts, warnings)


# --- input ---------------------------------------------------------------------------------


class _Sectors:
    """One row per sector id: the id, its label, its (valid, polygonal) geometry and officers."""

    def __init__(self, ids, labels, geometry, required, allocated):
        self.ids = ids
        self.labels = labels
        self.geometry = geometry
        self.required = required
        self.allocated = allocated
        self.areas = shapely.area(geometry)
        self.rank = natural_rank(ids)

    def __len__(self):
        return len(self.ids)


def _sectors(ids, geometries, officers_required, officers_allocated, warnings) -> _Sectors:
    ids = list(ids)
    geometries = np.asarray(geometries, dtype=object).reshape(-1)
    if len(ids) != len(geometries):
        raise InputError(
            tr(
                "{ids} sector ids were given for {geometries} sector geometries.",
                ids=len(ids),
                geometries=len(geometries),
            )
        )
    if not ids:
        raise InputError(
            tr("There are no sectors to validate; give a layer with at least one sector polygon.")
        )
    for position, sector_id in enumerate(ids):
        if attribute_text(sector_id) is None:
            raise InputError(
                tr(
                    "Sector feature {feature} has no sector id; give every sector an id.",
                    feature=position + 1,
                )
            )
    labels = [str(i) for i in ids]

    missing = shapely.is_missing(geometries) | shapely.is_empty(geometries)
    if missing.any():
        first = labels[int(np.flatnonzero(missing)[0])]
        raise InputError(
            tr(
                "Sector '{sector}' has no geometry; draw it or delete the feature ({count} sector features "
                "have none).",
                sector=first,
                count=int(missing.sum()),
            )
        )
    invalid = ~shapely.is_valid(geometries)
    if invalid.any():
        geometries = geometries.copy()
        geometries[invalid] = shapely.make_valid(geometries[invalid])
        warnings.append(
            tr(
                "Invalid sector geometries were repaired before the checks: {sectors}. Fix them in the layer "
                "(Vector ▸ Geometry Tools ▸ Check Validity).",
                sectors=", ".join(sorted({labels[i] for i in np.flatnonzero(invalid)})),
            )
        )
    geometries = polygonal(geometries)
    nonpolygonal = shapely.is_empty(geometries)
    if nonpolygonal.any():
        first = labels[int(np.flatnonzero(nonpolygonal)[0])]
        raise InputError(
            tr("Sector '{sector}' is not a polygon with an area; sectors must be polygons.", sector=first)
        )

    required = _numbers(officers_required, len(ids), "officers_required")
    allocated = _numbers(officers_allocated, len(ids), "officers_allocated")

    keys = pd.Series(labels)
    first_rows = ~keys.duplicated().to_numpy()
    if first_rows.all():
        return _Sectors(ids, labels, geometries, required, allocated)
    codes, uniques = pd.factorize(keys)
    merged = np.empty(len(uniques), dtype=object)
    for code in range(len(uniques)):
        members = geometries[codes == code]
        merged[code] = members[0] if len(members) == 1 else shapely.union_all(members)
    repeated = keys[keys.duplicated()].unique()
    warnings.append(
        tr(
            "Sector ids used by several features, checked as one sector each: {sectors}.",
            sectors=", ".join(repeated),
        )
    )
    first = np.flatnonzero(first_rows)
    return _Sectors(
        [ids[i] for i in first],
        [labels[i] for i in first],
        polygonal(merged),
        None if required is None else required[first],
        None if allocated is None else allocated[first],
    )


def _numbers(values, count, name):
    if values is None:
        return None
    numbers = pd.to_numeric(pd.Series(list(values), dtype=object), errors="coerce").to_numpy(dtype=float)
    if len(numbers) != count:
        raise InputError(
            tr(
                "{values} values of {field} were given for {count} sectors.",
                values=len(numbers),
                field=name,
                count=count,
            )
        )
    return numbers


def _district_union(districts, warnings):
    districts = np.asarray(districts, dtype=object).reshape(-1)
    usable = districts[~(shapely.is_missing(districts) | shapely.is_empty(districts))]
    if len(usable) == 0:
        raise InputError(
            tr("The districts have no polygons; give the district polygons or leave the districts out."),
            about=About.DISTRICTS,
        )
    invalid = ~shapely.is_valid(usable)
    if invalid.any():
        usable = usable.copy()
        usable[invalid] = shapely.make_valid(usable[invalid])
        warnings.append(
            tr(
                "{count} invalid district geometries were repaired before the checks.",
                count=int(invalid.sum()),
            )
        )
    union = shapely.union_all(polygonal(usable))
    if shapely.area(union) <= 0:
        raise InputError(
            tr("The districts have no polygon with an area; give the district polygons."),
            about=About.DISTRICTS,
        )
    shapely.prepare(union)
    return union


# --- the checks ------------------------------------------------------------------------------


def _overlaps(sectors: _Sectors, covered, tolerance) -> pd.DataFrame:
    # Area covered twice (or more) in all; it is at least the area of any one pair's overlap.
    if sectors.areas.sum() - shapely.area(covered) <= tolerance:
        return _empty_rows()
    found = find_overlaps(sectors.geometry, tolerance)
    rows = []
    for i, j, piece, area in zip(
        found.earlier[found.reported],
        found.later[found.reported],
        found.pieces[found.reported],
        found.areas[found.reported],
        strict=True,
    ):
        rows.append(
            _row(
                "overlap",
                sectors,
                [i, j],
                piece,
                area,
                _overlap_message(
                    *(sectors.labels[k] for k in named_pair(sectors.rank, i, j)), format_area(area)
                ),
            )
        )
    return pd.DataFrame(rows) if rows else _empty_rows()


def _overlap_message(first: str, second: str, area: str) -> str:
    return tr("Sectors {first} and {second} overlap by {area}.", first=first, second=second, area=area)


def _gap_message(area: str, in_district: bool, names: str) -> str:
    """The gap's message: where it lies (inside the district, or enclosed by sectors) and its
    neighbouring sectors (``names``, empty: none)."""
    if in_district and names:
        return tr(
            "Gap of {area} inside the district, not covered by any sector; next to sectors {names}.",
            area=area,
            names=names,
        )
    if in_district:
        return tr("Gap of {area} inside the district, not covered by any sector and next to none.", area=area)
    if names:
        return tr(
            "Gap of {area} enclosed by sectors, not covered by any sector; next to sectors {names}.",
            area=area,
            names=names,
        )
    return tr("Gap of {area} enclosed by sectors, not covered by any sector and next to none.", area=area)


def _gaps(sectors: _Sectors, tree, covered, district_union, tolerance) -> pd.DataFrame:
    if district_union is not None:
        uncovered = shapely.difference(district_union, covered)
    else:
        holes = _holes(covered)
        uncovered = shapely.difference(shapely.union_all(holes), covered) if len(holes) else None
    if uncovered is None:
        return _empty_rows()
    pieces, _ = polygon_parts(np.array([uncovered], dtype=object))
    areas = shapely.area(pieces)
    keep = areas > noise_area(shapely.area(covered), tolerance)
    pieces, areas = pieces[keep], areas[keep]
    if not len(pieces):
        return _empty_rows()
    piece_index, sector_index = tree.query(pieces, predicate="dwithin", distance=NEIGHBOUR_DISTANCE)
    neighbours = [[] for _ in pieces]
    for p, s in zip(piece_index, sector_index, strict=True):
        neighbours[p].append(s)
    rows = []
    for piece, area, members in zip(pieces, areas, neighbours, strict=True):
        members = sorted(members, key=lambda k: sectors.rank[k])
        names = ", ".join(sectors.labels[k] for k in members)
        message = _gap_message(format_area(area), district_union is not None, names)
        rows.append(_row("gap", sectors, members, piece, area, message))
    return pd.DataFrame(rows)


def _outside(sectors: _Sectors, district_union, tolerance) -> pd.DataFrame:
    inside = shapely.covers(district_union, sectors.geometry)
    candidates = np.flatnonzero(~inside)
    if not len(candidates):
        return _empty_rows()
    pieces = polygonal(shapely.difference(sectors.geometry[candidates], district_union))
    areas = shapely.area(pieces)
    rows = []
    for k, piece, area in zip(candidates, pieces, areas, strict=True):
        if area > noise_area(sectors.areas[k], tolerance):
            share = area / sectors.areas[k]
            rows.append(
                _row(
                    "outside",
                    sectors,
                    [k],
                    piece,
                    area,
                    tr(
                        "Sector {sector} has {area} ({share:.1%}) outside every district.",
                        sector=sectors.labels[k],
                        area=format_area(area),
                        share=share,
                    ),
                )
            )
    return pd.DataFrame(rows) if rows else _empty_rows()


def _parts(sectors: _Sectors, min_area, tolerance) -> pd.DataFrame:
    """Extra parts (noncontiguous) and slivers: small sectors or small parts."""
    parts, owner, areas, main, significant = significant_parts(sectors.geometry, tolerance)
    counts = np.bincount(owner[significant], minlength=len(sectors))
    main_area = np.zeros(len(sectors))
    main_area[owner[main]] = areas[main]
    rows = []
    for p in np.flatnonzero(significant & ~main):
        k = owner[p]
        rows.append(
            _row(
                "noncontiguous",
                sectors,
                [k],
                parts[p],
                areas[p],
                tr(
                    "Sector {sector} is split into {parts} parts: this part of {area} is apart from its main "
                    "part ({main_area}).",
                    sector=sectors.labels[k],
                    parts=int(counts[k]),
                    area=format_area(areas[p]),
                    main_area=format_area(main_area[k]),
                ),
            )
        )
    if min_area is not None and min_area > 0:
        small_sector = sectors.areas < min_area
        for k in np.flatnonzero(small_sector):
            rows.append(
                _row(
                    "sliver",
                    sectors,
                    [k],
                    sectors.geometry[k],
                    sectors.areas[k],
                    tr(
                        "Sector {sector} covers only {area}, less than the minimum area {min_area}.",
                        sector=sectors.labels[k],
                        area=format_area(sectors.areas[k]),
                        min_area=format_area(min_area),
                    ),
                )
            )
        for p in np.flatnonzero(significant & (areas < min_area) & ~small_sector[owner]):
            k = owner[p]
            rows.append(
                _row(
                    "sliver",
                    sectors,
                    [k],
                    parts[p],
                    areas[p],
                    tr(
                        "Sector {sector} has a part of only {area}, less than the minimum area {min_area}.",
                        sector=sectors.labels[k],
                        area=format_area(areas[p]),
                        min_area=format_area(min_area),
                    ),
                )
            )
    return pd.DataFrame(rows) if rows else _empty_rows()


def officers_needed(required, min_officers: int = MIN_OFFICERS) -> np.ndarray:
    """The officers a sector needs: ``max(officers_required, min_officers)``, an empty
    ``officers_required`` counting as 0 (so the minimum is needed)."""
    required = np.asarray(required, dtype=float)
    return np.fmax(np.nan_to_num(required, nan=0.0), float(min_officers))


def undermanned(allocated, required, min_officers: int = MIN_OFFICERS) -> np.ndarray:
    """The under-manned rule: ``officers_allocated < max(officers_required, min_officers)``, an
    empty allocation counting as 0 and an empty requirement as the minimum. ``required`` None:
    only the minimum is needed."""
    allocated = np.asarray(allocated, dtype=float)
    if required is None:
        required = np.full(allocated.shape, np.nan)
    return np.nan_to_num(allocated, nan=0.0) < officers_needed(required, min_officers)


def _undermanned(sectors: _Sectors, min_officers) -> pd.DataFrame:
    allocated = np.nan_to_num(sectors.allocated, nan=0.0)
    required = sectors.required if sectors.required is not None else np.full(len(sectors), np.nan)
    needed = officers_needed(required, min_officers)
    rows = []
    for k in np.flatnonzero(undermanned(sectors.allocated, sectors.required, min_officers)):
        requires = (
            sectors.required is not None
            and not np.isnan(sectors.required[k])
            and needed[k] == sectors.required[k]
        )
        message = _undermanned_message(
            sectors.labels[k], None if np.isnan(sectors.allocated[k]) else allocated[k], needed[k], requires
        )
        rows.append(_row("undermanned", sectors, [k], sectors.geometry[k], sectors.areas[k], message))
    return pd.DataFrame(rows) if rows else _empty_rows()


# --- helpers ---------------------------------------------------------------------------------


def _undermanned_message(sector: str, allocated, needed, requires: bool) -> str:
    """Why the sector is under-manned: its ``allocated`` officers (None: none allocated) against
    what it ``requires``, or else against the minimum."""
    values = {"sector": sector, "needed": officers_text(needed)}
    if allocated is None and requires:
        return tr("Sector {sector} has no officers allocated but requires {needed}.", **values)
    if allocated is None:
        return tr(
            "Sector {sector} has no officers allocated but needs at least the minimum of {needed}.", **values
        )
    if requires:
        return tr(
            "Sector {sector} has {allocated} allocated but requires {needed}.",
            allocated=officers_text(allocated),
            **values,
        )
    return tr(
        "Sector {sector} has {allocated} allocated but needs at least the minimum of {needed}.",
        allocated=officers_text(allocated),
        **values,
    )


def _row(error_type, sectors: _Sectors, members, geometry, area, message) -> dict:
    members = sorted(members, key=lambda k: sectors.rank[k])
    return {
        "error_type": error_type,
        "sector_ids": ",".join(sectors.labels[k] for k in members),
        "area_m2": float(area),
        "message": message,  # a Message: the dock shows it in the user's language
        "geometry": geometry,
        "sort_key": tuple(int(sectors.rank[k]) for k in members),
    }


def _empty_rows() -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=object) for name in (*ERROR_COLUMNS, "geometry", "sort_key")})


def _holes(geometry) -> np.ndarray:
    """The interior rings of a (multi)polygon as polygons."""
    parts, _ = polygon_parts(np.array([geometry], dtype=object))
    counts = shapely.get_num_interior_rings(parts)
    owner = np.repeat(np.arange(len(parts)), counts)
    ring = np.concatenate([np.arange(c) for c in counts]) if len(parts) else np.empty(0, dtype=int)
    return shapely.polygons(shapely.get_interior_ring(parts[owner], ring.astype(int)))


def officers_text(count: float) -> str:
    """A number of officers in words: 1 officer, 3 officers (a whole count without decimals)."""
    count = int(count) if float(count).is_integer() else count
    if count == 1:
        return tr("{count:g} officer", count=count)
    return tr("{count:g} officers", count=count)
