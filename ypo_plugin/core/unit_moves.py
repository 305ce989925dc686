"""Moving base units between sectors: which units move, and the sector polygons that follow.

Rule: a sector's polygon is the union of the base units carrying its id (the
same dissolve as ``ypo:splitsectors``); a sector left without units has no
geometry (None). Sector ids are compared as :func:`.sectors.attribute_text`, so 3,
3.0 and "3" from different layers are one sector.
"""

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import shapely

from .sectors import attribute_text, dissolve


def units_to_move(current: Sequence[Any], target: Any) -> np.ndarray:
    """Positions of the units whose sector is not already ``target``."""
    current = list(current)
    target = attribute_text(target)
    return np.array([k for k, value in enumerate(current) if attribute_text(value) != target], dtype=np.int64)


def sectors_touched(current: Iterable[Any], target: Any) -> list[Any]:
    """The sectors whose polygons change when units with ``current`` sectors move to ``target``."""
    touched = []
    for value in [*current, target]:
        if value is None or attribute_text(value) in {attribute_text(t) for t in touched}:
            continue
        touched.append(value)
    return touched


def sector_polygons(unit_geoms: Sequence, unit_sectors: Sequence[Any], sector_ids: Iterable[Any]) -> dict:
    """Sector id → union of the units with that id (None when it has none) for each of ``sector_ids``.

    Invalid units are made valid first (GEOS make-valid) and only the polygonal part of the
    union is kept.
    """
    geoms = np.asarray(getattr(unit_geoms, "values", unit_geoms), dtype=object).reshape(-1)
    sector_ids = list(sector_ids)
    keys = [attribute_text(sector_id) for sector_id in sector_ids]
    position = {key: k for k, key in reversed(list(enumerate(keys)))}
    labels = np.array([position.get(attribute_text(value), -1) for value in unit_sectors], dtype=np.int64)
    usable = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    labels[~usable] = -1
    members = np.where(usable, geoms, None)
    members[usable] = np.where(
        shapely.is_valid(geoms[usable]), geoms[usable], shapely.make_valid(geoms[usable])
    )
    dissolved = dissolve(members, labels, len(sector_ids))
    result = {}
    for sector_id, key in zip(sector_ids, keys, strict=True):
        united = dissolved[position[key]]
        polygons = [p for p in shapely.get_parts(united) if p.geom_type in ("Polygon", "MultiPolygon")]
        united = polygons[0] if len(polygons) == 1 else shapely.union_all(polygons)
        result[sector_id] = united if not united.is_empty else None
    return result
