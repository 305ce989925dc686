"""Moving base units between sectors: which units move, and the sector polygons that follow.

Rule: a sector's polygon is the union of the base units carrying its id (the
same dissolve as ``ypo:splitsectors``); a sector left without units has no
geometry (None).
"""

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import shapely


def units_to_move(current: Sequence[Any], target: Any) -> np.ndarray:
    """Positions of the units whose sector is not already ``target``."""
    current = list(current)
    return np.array([k for k, value in enumerate(current) if _key(value) != _key(target)], dtype=np.int64)


def sectors_touched(current: Iterable[Any], target: Any) -> list[Any]:
    """The sectors whose polygons change when units with ``current`` sectors move to ``target``."""
    touched = []
    for value in [*current, target]:
        if value is None or _key(value) in {_key(t) for t in touched}:
            continue
        touched.append(value)
    return touched


def sector_polygons(unit_geoms: Sequence, unit_sectors: Sequence[Any], sector_ids: Iterable[Any]) -> dict:
    """Sector id → union of the units with that id (None when it has none) for each of ``sector_ids``."""
    geoms = np.asarray(getattr(unit_geoms, "values", unit_geoms), dtype=object).reshape(-1)
    keys = np.array([_key(value) for value in unit_sectors], dtype=object)
    usable = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    result = {}
    for sector_id in sector_ids:
        members = geoms[(keys == _key(sector_id)) & usable]
        if len(members) == 0:
            result[sector_id] = None
            continue
        members = np.where(shapely.is_valid(members), members, shapely.make_valid(members))
        united = shapely.union_all(members)
        polygons = [p for p in shapely.get_parts(united) if p.geom_type in ("Polygon", "MultiPolygon")]
        united = polygons[0] if len(polygons) == 1 else shapely.union_all(polygons)
        result[sector_id] = united if not united.is_empty else None
    return result


def _key(value: Any) -> Any:
    """Sector ids compared as text, so 3, 3.0 and '3' from different layers are one sector."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)
