"""Feature sources into GeoDataFrames and geometry arrays.

:func:`source_to_frame` reads the fields asked for (once per use);
:func:`read_features` reads a source once, all fields, for an algorithm that
both computes on it and copies its features to an output (a
:class:`FeatureTable` gives both); :func:`read_geometries` is the light read the
GUI does after every edit.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
)

from ..core.lazy import lazy_module
from ..i18n import tr
from .values import python_value

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
        features = self.features
        if target_crs is not None and target_crs.isValid() and target_crs != crs:
            transform = QgsCoordinateTransform(
                crs, target_crs, transform_context or QgsCoordinateTransformContext()
            )
            features = [_transformed(feature, transform) for feature in features]
            crs = target_crs
        return _frame(features, names, indices, crs)


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
    fids, wkbs = [], []
    columns = [[] for _ in names]
    for feature in source.getFeatures(request):
        fids.append(feature.id())
        wkbs.append(_wkb(feature.geometry()))
        attributes = feature.attributes()
        for column, index in zip(columns, indices, strict=True):
            column.append(python_value(attributes[index]))
    geometries = shapely.from_wkb(np.asarray(wkbs, dtype=object)) if wkbs else np.empty(0, dtype=object)
    return np.asarray(fids, dtype=np.int64), geometries, dict(zip(names, columns, strict=True))


def read_columns(source, field_names: Iterable[str]) -> tuple[np.ndarray, dict]:
    """Feature ids and ``field_names`` columns of ``source``, without geometries (the GUI's look-up
    of which features a change touches; a vector layer includes its edit buffer)."""
    fields = source.fields()
    names = list(field_names)
    indices = [field_index(fields, name) for name in names]
    request = QgsFeatureRequest().setSubsetOfAttributes(indices)
    request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
    fids, columns = [], [[] for _ in names]
    for feature in source.getFeatures(request):
        fids.append(feature.id())
        attributes = feature.attributes()
        for column, index in zip(columns, indices, strict=True):
            column.append(python_value(attributes[index]))
    return np.asarray(fids, dtype=np.int64), dict(zip(names, columns, strict=True))


def _features(source, request: QgsFeatureRequest, feedback) -> list:
    """The features of ``source`` for ``request``, with progress; those read so far when cancelled."""
    total = max(source.featureCount(), 1)
    features = []
    for count, feature in enumerate(source.getFeatures(request)):
        if feedback is not None:
            if feedback.isCanceled():
                break
            if count % _PROGRESS_EVERY == 0:
                feedback.setProgress(100.0 * count / total)
        features.append(feature)
    return features


def _transformed(feature, transform: QgsCoordinateTransform):
    """A copy of ``feature`` with its geometry transformed as a feature request does: a missing one
    stays missing, one that cannot be transformed is dropped."""
    geometry = feature.geometry()
    if geometry.isNull():
        return feature
    copy = QgsFeature(feature)
    try:
        geometry.transform(transform)
        copy.setGeometry(geometry)
    except QgsCsException:
        copy.clearGeometry()
    return copy


def _wkb(geometry: QgsGeometry):
    return bytes(geometry.asWkb()) if not geometry.isNull() else None


def _frame(features: list, names: list[str], indices: list[int], crs) -> gpd.GeoDataFrame:
    """A GeoDataFrame of ``features``: the attributes at ``indices`` as columns ``names``, indexed by
    feature id."""
    rows = []
    for feature in features:
        attributes = feature.attributes()
        rows.append([python_value(attributes[i]) for i in indices])
    frame = pd.DataFrame(rows, columns=names)
    # feature ids as the index: a column could clash with a field of the same name
    frame.index = pd.Index(np.asarray([f.id() for f in features], dtype=np.int64), name="feature_id")
    wkbs = [_wkb(feature.geometry()) for feature in features]
    geometry = shapely.from_wkb(np.asarray(wkbs, dtype=object)) if wkbs else []
    return gpd.GeoDataFrame(frame, geometry=geometry, crs=crs.authid() or crs.toWkt() or None)
