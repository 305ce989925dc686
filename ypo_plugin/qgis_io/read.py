"""Feature sources into GeoDataFrames and geometry arrays.

:func:`source_to_frame` reads the fields asked for (once per use);
:func:`read_features` reads a source once, all fields, for an algorithm that
both computes on it and copies its features to an output (a
:class:`FeatureTable` gives both); :func:`read_geometries` is the light read the
GUI does after every edit.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
)

from ..core.lazy import lazy_module
from ..i18n import tr
from .values import python_column

gpd = lazy_module("geopandas")
pd = lazy_module("pandas")

# Progress is reported (and cancelling checked) every this many features.
_PROGRESS_EVERY = 10000


def has_features(source) -> bool:
    """Whether ``source`` has at least one feature (counted when its provider knows the count)."""
    count = source.featureCount()
    if count >= 0:
        return count > 0
    request = QgsFeatureRequest().setNoAttributes().setLimit(1)
    return next(iter(source.getFeatures(request)), None) is not None


def field_index(fields: QgsFields, name: str) -> int:
    """The index of the field ``name``; refused when the layer has none."""
    index = fields.lookupField(name)
    if index < 0:
        raise QgsProcessingException(tr("The layer has no field '{field}'.", field=name))
    return index


def source_to_frame(
    source,
    field_names: Iterable[str] | None = None,
    target_crs: QgsCoordinateReferenceSystem | None = None,
    transform_context: QgsCoordinateTransformContext | None = None,
    feedback=None,
) -> gpd.GeoDataFrame:
    """Read a feature source into a GeoDataFrame indexed by feature id.

    Only ``field_names`` are read (all fields when None); geometries are
    transformed to ``target_crs`` when given.
    """
    source_fields = source.fields()
    names = list(field_names) if field_names is not None else source_fields.names()
    indices = [source_fields.lookupField(name) for name in names]
    request = QgsFeatureRequest().setSubsetOfAttributes(indices)
    crs = source.sourceCrs()
    if target_crs is not None and target_crs.isValid() and target_crs != crs:
        request.setDestinationCrs(target_crs, transform_context or QgsCoordinateTransformContext())
        crs = target_crs
    features = _features(source, request, feedback)
    return _frame(features, names, indices, crs)


class FeatureTable:
    """A feature source read once: its features (own CRS, every field) and frames of them.

    ``features`` are the source's features in its order, to be copied to an
    output; :meth:`frame` gives the GeoDataFrame :func:`source_to_frame` would
    read, without reading the source again.
    """

    def __init__(self, source, features: list):
        self.source = source
        self.features = features

    def __len__(self) -> int:
        return len(self.features)

    def fields(self) -> QgsFields:
        return self.source.fields()

    def sourceCrs(self) -> QgsCoordinateReferenceSystem:
        return self.source.sourceCrs()

    def sourceName(self) -> str:
        return self.source.sourceName()

    def frame(
        self,
        field_names: Iterable[str] = (),
        target_crs: QgsCoordinateReferenceSystem | None = None,
        transform_context: QgsCoordinateTransformContext | None = None,
    ) -> gpd.GeoDataFrame:
        """``field_names`` and the geometries, transformed to ``target_crs`` when given (as
        QGIS transforms features it reads), indexed by feature id."""
        names = list(field_names)
        indices = [self.source.fields().lookupField(name) for name in names]
        crs = self.source.sourceCrs()
        geometries = None
        if target_crs is not None and target_crs.isValid() and target_crs != crs:
            transform = QgsCoordinateTransform(
                crs, target_crs, transform_context or QgsCoordinateTransformContext()
            )
            geometries = [_transformed(feature.geometry(), transform) for feature in self.features]
            crs = target_crs
        return _frame(self.features, names, indices, crs, geometries)


def read_features(source, feedback=None) -> FeatureTable:
    """Every feature of ``source`` with every field, read once (see :class:`FeatureTable`)."""
    return FeatureTable(source, _features(source, QgsFeatureRequest(), feedback))


def read_geometries(
    source,
    field_names: Iterable[str] = (),
    target_crs: QgsCoordinateReferenceSystem | None = None,
    transform_context: QgsCoordinateTransformContext | None = None,
    feature_ids: Iterable[int] | None = None,
) -> tuple[np.ndarray, np.ndarray, dict]:
    """Feature ids, shapely geometries (None when missing) and ``field_names`` columns of ``source``.

    Like :func:`source_to_frame` without building a GeoDataFrame (no CRS
    parsing), for small layers read again after every edit (the GUI); only the
    features ``feature_ids`` when given. A vector layer given as ``source``
    includes its edit buffer.
    """
    fields = source.fields()
    names = list(field_names)
    indices = [field_index(fields, name) for name in names]
    request = QgsFeatureRequest().setSubsetOfAttributes(indices)
    if feature_ids is not None:
        request.setFilterFids(list(feature_ids))
    crs = source.sourceCrs()
    if target_crs is not None and target_crs.isValid() and target_crs != crs:
        request.setDestinationCrs(target_crs, transform_context or QgsCoordinateTransformContext())
    features = list(source.getFeatures(request))
    geometries = _shapely_geometries([feature.geometry() for feature in features])
    return _ids(features), geometries, _columns(features, names, indices)


def read_columns(source, field_names: Iterable[str]) -> tuple[np.ndarray, dict]:
    """Feature ids and ``field_names`` columns of ``source``, without geometries (the GUI's look-up
    of which features a change touches; a vector layer includes its edit buffer)."""
    fields = source.fields()
    names = list(field_names)
    indices = [field_index(fields, name) for name in names]
    request = QgsFeatureRequest().setSubsetOfAttributes(indices)
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    features = list(source.getFeatures(request))
    return _ids(features), _columns(features, names, indices)


def _features(source, request: QgsFeatureRequest, feedback) -> list:
    """The features of ``source`` for ``request``, with progress; those read so far when cancelled."""
    total = max(source.featureCount(), 1)
    iterator = iter(source.getFeatures(request))
    features = []
    # read in batches: the loop over a batch runs inside list(), not per feature in Python
    while batch := list(itertools.islice(iterator, _PROGRESS_EVERY)):
        if feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * len(features) / total)
        features.extend(batch)
    return features


def _transformed(geometry: QgsGeometry, transform: QgsCoordinateTransform) -> QgsGeometry:
    """``geometry`` transformed as a feature request does: a missing one stays missing, one that
    cannot be transformed is dropped."""
    if geometry.isNull():
        return geometry
    try:
        geometry.transform(transform)
    except QgsCsException:
        return QgsGeometry()
    return geometry


def _ids(features: list) -> np.ndarray:
    return np.asarray([feature.id() for feature in features], dtype=np.int64)


def _columns(features: list, names: list[str], indices: list[int]) -> dict[str, list]:
    """The attributes at ``indices`` of ``features`` as Python values, column ``names``."""
    # one attribute per call: a frame takes few of a layer's fields
    return {
        name: python_column([feature.attribute(index) for feature in features])
        for name, index in zip(names, indices, strict=True)
    }


def _shapely_geometries(geometries: list) -> np.ndarray:
    """Shapely geometries of QgsGeometries, None for a missing one (its WKB is empty)."""
    wkbs = np.asarray([bytes(geometry.asWkb()) for geometry in geometries], dtype=object)
    wkbs[wkbs == b""] = None
    return shapely.from_wkb(wkbs)


def _frame(features: list, names: list[str], indices: list[int], crs, geometries=None) -> gpd.GeoDataFrame:
    """A GeoDataFrame of ``features``: the attributes at ``indices`` as columns ``names``, indexed by
    feature id; their geometries or ``geometries`` (QgsGeometry per feature) in their place."""
    # feature ids as the index: a column could clash with a field of the same name
    index = pd.Index(_ids(features), name="feature_id")
    frame = pd.DataFrame(_columns(features, names, indices), index=index, columns=names)
    if geometries is None:
        geometries = [feature.geometry() for feature in features]
    return gpd.GeoDataFrame(
        frame, geometry=_shapely_geometries(geometries), crs=crs.authid() or crs.toWkt() or None
    )
