"""Compactness scores of polygons, vectorised over shapely arrays.

Both scores are 1 for a disk and tend to 0 for long or ragged shapes; both are
scale-free, so geometries must simply be in a projected (metric) CRS.
Missing or empty geometries score NaN.
"""

from collections.abc import Sequence

import numpy as np
import shapely


def polsby_popper(geoms: Sequence) -> np.ndarray:
    """4π·area / perimeter²: a square scores π/4, a disk 1 (penalises ragged edges)."""
    geoms = _array(geoms)
    perimeter = shapely.length(geoms)
    with np.errstate(divide="ignore", invalid="ignore"):
        score = 4.0 * np.pi * shapely.area(geoms) / perimeter**2
    return np.where(perimeter > 0, score, np.nan)


def reock(geoms: Sequence) -> np.ndarray:
    """Area / area of the minimum bounding circle: a square scores 2/π (penalises elongation)."""
    geoms = _array(geoms)
    radius = shapely.minimum_bounding_radius(geoms)
    with np.errstate(divide="ignore", invalid="ignore"):
        score = shapely.area(geoms) / (np.pi * radius**2)
    return np.where(radius > 0, score, np.nan)


def _array(geoms: Sequence) -> np.ndarray:
    return np.asarray(getattr(geoms, "values", geoms), dtype=object)
