"""The one converter between QGIS layers and the core.

QGIS features become GeoDataFrames (geometry through WKB, vectorised by
shapely) and GeoDataFrames become QGIS features for sinks and GeoPackage
layers. Algorithms and the GUI both use it.
"""

import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorFileWriter,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

_SHAPELY_TO_QGS_TYPE = {
    "Point": QgsWkbTypes.Point,
    "LineString": QgsWkbTypes.LineString,
    "Polygon": QgsWkbTypes.Polygon,
    "MultiPoint": QgsWkbTypes.MultiPoint,
    "MultiLineString": QgsWkbTypes.MultiLineString,
    "MultiPolygon": QgsWkbTypes.MultiPolygon,
}


def field_type_for(dtype) -> QVariant.Type:
    """The QGIS field type that holds a pandas column of ``dtype``."""
    if pd.api.types.is_bool_dtype(dtype):
        return QVariant.Bool
    if pd.api.types.is_integer_dtype(dtype):
        return QVariant.LongLong
    if pd.api.types.is_float_dtype(dtype):
        return QVariant.Double
    if pd.api.types.is_datetime64_any_dtype(dtype):
        return QVariant.DateTime
    return QVariant.String


def fields_for_frame(frame: gpd.GeoDataFrame) -> QgsFields:
    fields = QgsFields()
    for column in frame.columns:
        if column != frame.geometry.name:
            fields.append(QgsField(column, field_type_for(frame[column].dtype)))
    return fields


def wkb_type_for(geometries: gpd.GeoSeries) -> QgsWkbTypes.Type:
    """One layer geometry type for all rows: Multi when any row is Multi."""
    names = set(geometries.geom_type.dropna())
    if not names:
        return QgsWkbTypes.NoGeometry
    multi = {name if name.startswith("Multi") else "Multi" + name for name in names}
    if len(names) == 1:
        return _SHAPELY_TO_QGS_TYPE[names.pop()]
    if len(multi) == 1:
        return _SHAPELY_TO_QGS_TYPE[multi.pop()]
    raise ValueError(f"Cannot write mixed geometry types {sorted(names)} to one layer.")


def _qt_value(value):
    """A Python/Qt value QGIS can store, from a numpy/pandas scalar."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return QDateTime(
            QDate(value.year, value.month, value.day),
            QTime(value.hour, value.minute, value.second, value.microsecond // 1000),
        )
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and np.isnan(value):
        return None
    return value


def frame_features(frame: gpd.GeoDataFrame, fields: QgsFields) -> Iterator[QgsFeature]:
    """QGIS features for the rows of ``frame``, attributes in ``fields`` order."""
    wkbs = shapely.to_wkb(frame.geometry.values, output_dimension=2)
    columns = [frame[fields.at(i).name()].tolist() for i in range(fields.count())]
    datetime_columns = {i for i in range(fields.count()) if fields.at(i).type() == QVariant.DateTime}
    for row, wkb in enumerate(wkbs):
        feature = QgsFeature(fields)
        if wkb is not None:
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            feature.setGeometry(geometry)
        attributes = []
        for i, column in enumerate(columns):
            value = column[row]
            if i in datetime_columns and value is not None and not isinstance(value, pd.Timestamp):
                value = pd.Timestamp(value)
            attributes.append(_qt_value(value))
        feature.setAttributes(attributes)
        yield feature


def write_frame_to_sink(frame: gpd.GeoDataFrame, sink, fields: QgsFields, feedback=None) -> None:
    """Add every row of ``frame`` to a Processing sink."""
    for feature in frame_features(frame, fields):
        if feedback is not None and feedback.isCanceled():
            return
        if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
            raise QgsProcessingException(f"Could not write a feature: {sink.lastError()}")


@contextmanager
def reproducible_geopackage(path: str, timestamp: str):
    """Write a GeoPackage whose bytes depend on its content only.

    GDAL stamps metadata with the current time unless OGR_CURRENT_DATE is set,
    and QGIS stamps saved styles with it: both get ``timestamp`` instead.
    """
    previous = os.environ.get("OGR_CURRENT_DATE")
    os.environ["OGR_CURRENT_DATE"] = timestamp
    try:
        yield
    finally:
        if previous is None:
            del os.environ["OGR_CURRENT_DATE"]
        else:
            os.environ["OGR_CURRENT_DATE"] = previous
    # QGIS's own connection API would leave the file open in WAL mode.
    with closing(sqlite3.connect(path)) as database, database:
        styles_table = database.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'layer_styles'"
        ).fetchone()
        if styles_table:
            database.execute("UPDATE layer_styles SET update_time = ?", (timestamp,))


def qgs_crs(crs) -> QgsCoordinateReferenceSystem:
    """The QGIS CRS of a pyproj CRS (by authority code when it has one)."""
    if crs is None:
        return QgsCoordinateReferenceSystem()
    authority = crs.to_authority()
    if authority:
        return QgsCoordinateReferenceSystem(":".join(authority))
    return QgsCoordinateReferenceSystem.fromWkt(crs.to_wkt())


def write_geopackage_layer(
    frame: gpd.GeoDataFrame,
    path: str,
    layer_name: str,
    transform_context: QgsCoordinateTransformContext,
    new_file: bool,
) -> str:
    """Write ``frame`` as layer ``layer_name`` of the GeoPackage ``path``; return its URI.

    ``new_file`` replaces any existing file; otherwise the layer is added to it.
    """
    fields = fields_for_frame(frame)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer_name
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = (
        QgsVectorFileWriter.CreateOrOverwriteFile if new_file else QgsVectorFileWriter.CreateOrOverwriteLayer
    )
    crs = qgs_crs(frame.crs)
    writer = QgsVectorFileWriter.create(
        path, fields, wkb_type_for(frame.geometry), crs, transform_context, options
    )
    if writer.hasError() != QgsVectorFileWriter.NoError:
        raise QgsProcessingException(
            f"Could not create layer '{layer_name}' in {path}: {writer.errorMessage()}"
        )
    try:
        for feature in frame_features(frame, fields):
            if not writer.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(
                    f"Could not write to layer '{layer_name}' in {path}: {writer.errorMessage()}"
                )
    finally:
        del writer  # closes the layer and flushes it to disk
    return f"{path}|layername={layer_name}"


def _python_value(value):
    """A plain Python value from a QGIS attribute (NULL becomes None)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        return pd.Timestamp(value.toString("yyyy-MM-ddTHH:mm:ss.zzz"))
    if isinstance(value, QDate):
        return pd.Timestamp(value.toString("yyyy-MM-dd"))
    return value


def source_to_frame(
    source,
    field_names: Iterable[str] | None = None,
    target_crs: QgsCoordinateReferenceSystem | None = None,
    transform_context: QgsCoordinateTransformContext | None = None,
    feedback=None,
) -> gpd.GeoDataFrame:
    """Read a feature source into a GeoDataFrame (column ``fid`` keeps the feature ids).

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
    total = max(source.featureCount(), 1)
    fids, wkbs, rows = [], [], []
    for count, feature in enumerate(source.getFeatures(request)):
        if feedback is not None:
            if feedback.isCanceled():
                break
            if count % 10000 == 0:
                feedback.setProgress(100.0 * count / total)
        fids.append(feature.id())
        geometry = feature.geometry()
        wkbs.append(bytes(geometry.asWkb()) if not geometry.isNull() else None)
        attributes = feature.attributes()
        rows.append([_python_value(attributes[i]) for i in indices])
    frame = pd.DataFrame(rows, columns=names)
    frame.insert(0, "fid", np.asarray(fids, dtype=np.int64))
    geometry = shapely.from_wkb(np.asarray(wkbs, dtype=object)) if wkbs else []
    return gpd.GeoDataFrame(frame, geometry=geometry, crs=crs.authid() or crs.toWkt() or None)
