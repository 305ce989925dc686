"""Small geometry helpers shared by the core."""

from collections.abc import Sequence

import numpy as np
import shapely


def repair_polygons(geoms: Sequence) -> tuple[np.ndarray, np.ndarray]:
    """Valid polygonal geometries, and a mask of those that had to be repaired.

    Invalid polygons are made valid (GEOS ``make_valid``, structure method) and
    only their polygonal parts are kept, so a bow-tie becomes two triangles and
    a collapsed spike disappears instead of failing later.
    """
    geoms = np.asarray(getattr(geoms, "values", geoms), dtype=object)
    invalid = ~shapely.is_valid(geoms) & ~shapely.is_missing(geoms)
    repaired = geoms.copy()
    for index in np.flatnonzero(invalid):
        fixed = shapely.make_valid(geoms[index], method="structure", keep_collapsed=False)
        parts = shapely.get_parts(fixed)
        polygons = parts[np.isin(shapely.get_type_id(parts), (3, 6))]
        repaired[index] = shapely.union_all(polygons) if len(polygons) else shapely.Polygon()
    return repaired, invalid


def as_multipolygons(geoms: Sequence) -> np.ndarray:
    """Every (multi)polygon as a MultiPolygon, so one layer type holds them all."""
    geoms = np.asarray(getattr(geoms, "values", geoms), dtype=object)
    return np.array(
        [geom if geom.geom_type == "MultiPolygon" else shapely.MultiPolygon([geom]) for geom in geoms],
        dtype=object,
    )


def intersection(a, b):
    """``shapely.intersection`` without the spurious floating-point warning that
    GEOS 3.11 (QGIS's) leaves on empty overlaps; the geometries are right."""
    with np.errstate(invalid="ignore"):
        return shapely.intersection(a, b)


def touching_neighbours(geometries, min_shared: float = 1.0) -> list[list[int]]:
    """Per sector, the positions (ascending) of the sectors sharing at least ``min_shared`` (CRS
    units) of boundary with it: a shared corner does not make neighbours. A missing or empty
    geometry has none."""
    geometries = np.asarray(geometries, dtype=object)
    valid = ~(shapely.is_missing(geometries) | shapely.is_empty(geometries))
    usable = np.where(valid, geometries, None)
    tree = shapely.STRtree(usable)
    boundaries = shapely.boundary(usable)
    result = []
    for i in range(len(geometries)):
        found = []
        if valid[i]:
            for j in sorted(int(j) for j in tree.query(geometries[i], predicate="intersects")):
                shared = shapely.length(intersection(boundaries[i], boundaries[j]))
                if j != i and shared >= min_shared:
                    found.append(j)
        result.append(found)
    return result
