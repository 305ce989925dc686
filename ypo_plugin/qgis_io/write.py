"""Frames and copied source features into sinks and memory layers.

:func:`add_features` is the one loop that adds features to a sink (a
Processing sink, a file writer or a layer's data provider): it stops when
cancelled and turns a refused feature into an error naming the output.
:func:`write_frame` writes the rows of a (Geo)DataFrame; :func:`copy_features`
writes features read from a source with some columns computed;
:func:`memory_layer` holds a frame in a temporary layer (map pages).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType

from ..core.lazy import lazy_module
from ..i18n import tr
from ..qgis_compat import new_field
from .values import qt_column

gpd = lazy_module("geopandas")
pd = lazy_module("pandas")

# The id of a feature not yet added (sinks give added features their own).
_NEW_FEATURE_ID = QgsFeature().id()
# Features are added this many at a time (progress and cancel between batches).
_BATCH = 1000

_SHAPELY_TO_QGS_TYPE = {
    "Point": QgsWkbTypes.Type.Point,
    "LineString": QgsWkbTypes.Type.LineString,
    "Polygon": QgsWkbTypes.Type.Polygon,
    "MultiPoint": QgsWkbTypes.Type.MultiPoint,
    "MultiLineString": QgsWkbTypes.Type.MultiLineString,
    "MultiPolygon": QgsWkbTypes.Type.MultiPolygon,
}


def field_type_for(dtype) -> QMetaType.Type:
    """The QGIS field type that holds a pandas column of ``dtype``."""
    if pd.api.types.is_bool_dtype(dtype):
        return QMetaType.Type.Bool
    if pd.api.types.is_integer_dtype(dtype):
        return QMetaType.Type.LongLong
    if pd.api.types.is_float_dtype(dtype):
        return QMetaType.Type.Double
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return QMetaType.Type.QDateTime
    return QMetaType.Type.QString


def fields_for_frame(frame: pd.DataFrame) -> QgsFields:
    """One field per column of ``frame`` but its geometry (a GeoDataFrame's), typed by
    :func:`field_type_for`."""
    geometry = frame.geometry.name if isinstance(frame, gpd.GeoDataFrame) else None
    fields = QgsFields()
    for column in frame.columns:
        if column != geometry:
            fields.append(new_field(column, field_type_for(frame[column].dtype)))
    return fields


def typed_fields(fields: Iterable[tuple[str, QMetaType.Type]], leading: Iterable[QgsField] = ()) -> QgsFields:
    """QgsFields of (name, type) pairs, after the ``leading`` fields (e.g. a copy of a source's id field)."""
    result = QgsFields()
    for field in leading:
        result.append(field)
    for name, field_type in fields:
        result.append(new_field(name, field_type))
    return result


def wkb_type_for(geometries: gpd.GeoSeries) -> QgsWkbTypes.Type:
    """One layer geometry type for all rows: Multi when any row is Multi."""
    names = set(geometries.geom_type.dropna())
    if not names:
        return QgsWkbTypes.Type.NoGeometry
    multi = {name if name.startswith("Multi") else "Multi" + name for name in names}
    if len(names) == 1:
        return _SHAPELY_TO_QGS_TYPE[names.pop()]
    if len(multi) == 1:
        return _SHAPELY_TO_QGS_TYPE[multi.pop()]
    raise ValueError(tr("Cannot write mixed geometry types {types} to one layer.", types=sorted(names)))


def qgs_geometry(geometry) -> QgsGeometry:
    """The QGIS geometry of a shapely geometry (an empty, null QgsGeometry for None)."""
    result = QgsGeometry()
    if geometry is not None and not shapely.is_missing(geometry):
        result.fromWkb(shapely.to_wkb(geometry, output_dimension=2))
    return result


def frame_features(
    frame: pd.DataFrame,
    fields: QgsFields,
    transform: QgsCoordinateTransform | None = None,
    multi: bool = False,
) -> Iterator[QgsFeature]:
    """QGIS features for the rows of ``frame``, attributes in ``fields`` order.

    Geometries (none for a plain DataFrame) are transformed with ``transform``
    when given and made multi-part when ``multi``.
    """
    if isinstance(frame, gpd.GeoDataFrame):
        wkbs = shapely.to_wkb(frame.geometry.values, output_dimension=2)
    else:
        wkbs = [None] * len(frame)
    columns = []
    for index in range(fields.count()):
        field_type = fields.at(index).type()
        column = frame[fields.at(index).name()].tolist()
        if field_type == QMetaType.Type.QDateTime:
            column = [None if value is None else pd.Timestamp(value) for value in column]
        columns.append(qt_column(column, field_type))
    rows = zip(*columns, strict=True) if columns else [()] * len(frame)
    changed = transform is not None or multi
    for row, (wkb, attributes) in enumerate(zip(wkbs, rows, strict=True)):
        feature = QgsFeature(fields)
        if wkb is not None:
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            feature.setGeometry(_output_geometry(geometry, transform, multi, row) if changed else geometry)
        feature.setAttributes(list(attributes))
        yield feature


def add_features(sink, features: Iterable[QgsFeature], destination: str, feedback=None, total=0) -> bool:
    """Add ``features`` to ``sink`` (``destination`` names it in errors); False when cancelled.

    They are added in batches (one call into QGIS per batch); cancelling is checked and progress
    reported before each.
    """
    features = iter(features)
    first = 0
    while batch := list(itertools.islice(features, _BATCH)):
        if feedback is not None:
            if feedback.isCanceled():
                return False
            if total:
                feedback.setProgress(100.0 * first / total)
        added = sink.addFeatures(batch, QgsFeatureSink.Flag.FastInsert)
        # a layer's data provider answers (added, features), other sinks whether they added them
        if not (added[0] if isinstance(added, tuple) else added):
            _refused(sink, batch, first, destination)
        first += len(batch)
    return True


def _refused(sink, batch: list, first: int, destination: str):
    """Raise the error for a ``batch`` (from feature number ``first`` + 1) that ``sink`` refused,
    naming the feature it refuses when they are added again one at a time (the run fails, so
    features it may hold twice do not matter)."""
    for row, feature in enumerate(batch, start=first):
        if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(
                tr(
                    "Could not write feature {number} to {destination}: {error}",
                    number=row + 1,
                    destination=destination,
                    error=sink.lastError(),
                )
            )
    raise QgsProcessingException(
        tr(
            "Could not write features {first} to {last} to {destination}: {error}",
            first=first + 1,
            last=first + len(batch),
            destination=destination,
            error=sink.lastError(),
        )
    )


def write_frame(
    frame: pd.DataFrame,
    sink,
    fields: QgsFields,
    destination: str,
    feedback=None,
    transform: QgsCoordinateTransform | None = None,
    multi: bool = False,
) -> bool:
    """Add every row of ``frame`` to ``sink`` (see :func:`frame_features`); False when cancelled."""
    features = frame_features(frame, fields, transform, multi)
    return add_features(sink, features, destination, feedback, len(frame))


def copy_features(
    features: Sequence[QgsFeature],
    sink,
    fields: QgsFields,
    copied_from: Sequence[int],
    computed: dict,
    destination: str,
    feedback=None,
    geometries: Sequence | None = None,
    multi: bool = False,
) -> bool:
    """Copy ``features`` (read from a source) to ``sink`` with ``fields``; False when cancelled.

    Output field k takes the feature's attribute ``copied_from[k]`` (NULL for
    -1); ``computed`` maps field names to one value per feature that replaces
    it. ``geometries`` (QgsGeometry or None per feature) replace the features'
    own; ``multi`` makes them multi-part.
    """
    indices = [fields.lookupField(name) for name in computed]
    columns = [
        (index, qt_column(list(values), fields.at(index).type()))
        for index, values in zip(indices, computed.values(), strict=True)
    ]
    # Attributes that keep their places (the first ``kept``; after them only NULLs and computed
    # ones) let a feature be copied whole: QGIS shares its attributes and geometry with the copy,
    # none of them goes through Python.
    kept = next((k for k, index in enumerate(copied_from) if index != k), len(copied_from))
    whole = not multi and all(index == -1 for index in copied_from[kept:])
    nulls = [k for k in range(kept, len(copied_from)) if k not in indices]

    def copied_whole(feature, geometry):
        output = QgsFeature(feature)
        output.setId(_NEW_FEATURE_ID)
        output.setFields(fields, initAttributes=False)
        output.resizeAttributes(fields.count())
        for index in nulls:
            output.setAttribute(index, None)
        if geometry is not None:
            output.setGeometry(geometry)
        return output

    def rebuilt(feature, geometry, row):
        attributes = feature.attributes()
        output = QgsFeature(fields)
        output.setAttributes([attributes[index] if index >= 0 else None for index in copied_from])
        if geometry is None:
            geometry = feature.geometry()
        if multi:
            geometry = _output_geometry(QgsGeometry(geometry), None, multi, row)
        output.setGeometry(geometry)
        return output

    def outputs():
        for row, feature in enumerate(features):
            geometry = None if geometries is None else geometries[row]
            output = copied_whole(feature, geometry) if whole else rebuilt(feature, geometry, row)
            for index, column in columns:
                output.setAttribute(index, column[row])
            yield output

    return add_features(sink, outputs(), destination, feedback, len(features))


def memory_layer(frame, geometry_type: str, crs, name: str, fields: QgsFields) -> QgsVectorLayer:
    """A memory layer (``geometry_type`` e.g. ``"MultiPolygon"``) holding the rows of ``frame`` with
    exactly ``fields``, in frame order; a row with a missing or empty geometry has none."""
    layer = QgsVectorLayer(f"{geometry_type}?crs={crs.authid() or 'EPSG:4326'}", name, "memory")
    if not crs.authid():
        layer.setCrs(crs)
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    if isinstance(frame, gpd.GeoDataFrame):
        geometries = frame.geometry.values.to_numpy()
        empty = ~shapely.is_missing(geometries) & shapely.is_empty(geometries)
        if empty.any():
            kept = gpd.GeoSeries(np.where(empty, None, geometries), index=frame.index, crs=frame.crs)
            frame = frame.set_geometry(kept)
    multi = QgsWkbTypes.isMultiType(layer.wkbType())
    add_features(layer.dataProvider(), frame_features(frame, layer.fields(), multi=multi), name)
    layer.updateExtents()
    return layer


def _output_geometry(geometry: QgsGeometry, transform, multi: bool, row: int) -> QgsGeometry:
    if transform is not None:
        try:
            geometry.transform(transform)
        except QgsCsException as error:
            raise QgsProcessingException(
                tr(
                    "Feature {number} cannot be transformed to {crs}: {error}",
                    number=row + 1,
                    crs=transform.destinationCrs().authid(),
                    error=error,
                )
            ) from None
    if multi:
        geometry.convertToMultiType()
    return geometry
