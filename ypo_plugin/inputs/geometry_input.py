"""Layers taken for their geometries alone (exposed housing areas, barriers, existing sectors)."""

from __future__ import annotations

from ..core.lazy import lazy_module

np = lazy_module("numpy")
qgis_read = lazy_module("..qgis_io.read", __package__)


def read_geometries(algorithm, parameters, name, context, crs) -> np.ndarray | None:
    """The geometries of the optional layer parameter ``name`` in ``crs`` (those missing or empty
    left out), or None when it is not given."""
    source = algorithm.parameterAsSource(parameters, name, context)
    if source is None:
        return None
    geoms = qgis_read.source_to_frame(source, [], crs, context.transformContext()).geometry.values
    return geoms[~(geoms.isna() | geoms.is_empty)].to_numpy()
