"""The one converter between QGIS layers and the core.

QGIS features become GeoDataFrames (geometry through WKB, vectorised by
shapely) and GeoDataFrames become QGIS features for sinks and GeoPackage
layers. Algorithms and the GUI both use it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProviderRegistry,
    QgsVectorFileWriter,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QMetaType, QTime

from .core.lazy import lazy_module
from .qgis_compat import new_field

gpd = lazy_module("geopandas")
pd = lazy_module("pandas")

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


def fields_for_frame(frame: gpd.GeoDataFrame) -> QgsFields:
    fields = QgsFields()
    for column in frame.columns:
        if column != frame.geometry.name:
            fields.append(new_field(column, field_type_for(frame[column].dtype)))
    return fields


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
    datetime_columns = {i for i in range(fields.count()) if fields.at(i).type() == QMetaType.Type.QDateTime}
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
        if not sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
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
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
        if new_file
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    )
    crs = qgs_crs(frame.crs)
    writer = QgsVectorFileWriter.create(
        path, fields, wkb_type_for(frame.geometry), crs, transform_context, options
    )
    if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
        raise QgsProcessingException(
            f"Could not create layer '{layer_name}' in {path}: {writer.errorMessage()}"
        )
    try:
        for feature in frame_features(frame, fields):
            if not writer.addFeature(feature, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(
                    f"Could not write to layer '{layer_name}' in {path}: {writer.errorMessage()}"
                )
    finally:
        del writer  # closes the layer and flushes it to disk
    return f"{path}|layername={layer_name}"


def _python_value(value):
    """A plain Python value from a QGIS attribute (NULL and invalid dates and times become None)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        return pd.Timestamp(value.toString("yyyy-MM-ddTHH:mm:ss.zzz"))
    if isinstance(value, QDate):
        return pd.Timestamp(value.toString("yyyy-MM-dd"))
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    return value


def has_features(source) -> bool:
    """Whether ``source`` has at least one feature (counted when its provider knows the count)."""
    count = source.featureCount()
    if count >= 0:
        return count > 0
    request = QgsFeatureRequest().setNoAttributes().setLimit(1)
    return next(iter(source.getFeatures(request)), None) is not None


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
    # feature ids as the index: a column could clash with a field of the same name
    frame.index = pd.Index(np.asarray(fids, dtype=np.int64), name="feature_id")
    geometry = shapely.from_wkb(np.asarray(wkbs, dtype=object)) if wkbs else []
    return gpd.GeoDataFrame(frame, geometry=geometry, crs=crs.authid() or crs.toWkt() or None)


# --- fast reading of point layers (incidents) -------------------------------


class PointTable:
    """Point coordinates and attribute columns read from a feature source.

    ``xy`` is N×2 (NaN where a feature has no geometry); ``columns`` maps each
    requested field name to an object array (text, numbers, None for NULL) or,
    for date/date-time fields, a ``datetime64`` array (NaT for NULL).
    ``method`` says how it was read: ``"gdal"`` or ``"features"``.
    ``multipart`` counts multi-part geometries, which are placed at one of
    their points (GEOS point-on-surface).
    """

    def __init__(self, xy: np.ndarray, columns: dict, method: str, multipart: int = 0):
        self.xy = xy
        self.columns = columns
        self.method = method
        self.multipart = multipart

    def __len__(self) -> int:
        return len(self.xy)


_DATE_TYPES = (QMetaType.Type.QDate, QMetaType.Type.QDateTime)


def read_points(
    source,
    field_names: Iterable[str] = (),
    target_crs: QgsCoordinateReferenceSystem | None = None,
    transform_context: QgsCoordinateTransformContext | None = None,
    feedback=None,
    layer=None,
) -> PointTable:
    """Read the points and ``field_names`` of ``source`` fast, transformed to ``target_crs``.

    When ``layer`` (the vector layer behind ``source``) is a whole, unfiltered
    OGR layer (GeoPackage, Shapefile, GeoJSON…: no subset string, no
    unsaved edits, only provider fields asked for) the columns are read in bulk
    through GDAL's Arrow stream, about 20× faster than feature iteration.
    Otherwise the features of ``source`` are iterated (selection, feature
    limits and any provider honoured). Either way coordinates are transformed
    in one call per layer, never one WKB per feature.
    """
    names = list(field_names)
    if not has_features(source):  # saved empty, a layer may have lost its fields: nothing to read
        return PointTable(np.empty((0, 2)), {name: _object_column([]) for name in names}, "features")
    table = None
    if layer is not None:
        try:
            table = _read_points_gdal(layer, source, names, feedback)
        except Exception:  # noqa: BLE001 - any failure of the fast path: use the general one
            table = None
    if table is None:
        table = _read_points_features(source, names, feedback)
    crs = source.sourceCrs()
    if target_crs is not None and target_crs.isValid() and crs.isValid() and target_crs != crs:
        table.xy = transform_xy(table.xy, crs, target_crs, transform_context)
    return table


def transform_xy(
    xy: np.ndarray,
    source_crs: QgsCoordinateReferenceSystem,
    target_crs: QgsCoordinateReferenceSystem,
    transform_context: QgsCoordinateTransformContext | None = None,
) -> np.ndarray:
    """N×2 coordinates transformed with QGIS (one multipoint, one call); NaN stays NaN."""
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    finite = np.isfinite(xy).all(axis=1)
    result = np.full_like(xy, np.nan)
    if not finite.any():
        return result
    geometry = QgsGeometry()
    geometry.fromWkb(_multipoint_wkb(xy[finite]))
    transform = QgsCoordinateTransform(
        source_crs, target_crs, transform_context or QgsCoordinateTransformContext()
    )
    try:
        geometry.transform(transform)
    except QgsCsException as error:
        raise QgsProcessingException(
            f"Points cannot be transformed from {source_crs.authid()} to {target_crs.authid()} "
            f"({error}); check the layer's CRS."
        ) from None
    result[finite] = _multipoint_xy(bytes(geometry.asWkb()))
    return result


# Little-endian 2D WKB point: byte order, type, x, y (21 bytes).
_WKB_POINT = np.dtype([("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])
_WKB_HEADER = np.dtype([("order", "u1"), ("type", "<u4"), ("count", "<u4")])


def _multipoint_wkb(xy: np.ndarray) -> bytes:
    """WKB of a 2D multipoint, built with numpy (no shapely point objects)."""
    header = np.array([(1, 4, len(xy))], dtype=_WKB_HEADER)
    points = np.empty(len(xy), dtype=_WKB_POINT)
    points["order"], points["type"], points["x"], points["y"] = 1, 1, xy[:, 0], xy[:, 1]
    return header.tobytes() + points.tobytes()


def _multipoint_xy(wkb: bytes) -> np.ndarray:
    """N×2 coordinates of a multipoint's WKB (numpy for the plain 2D little-endian case)."""
    header = np.frombuffer(wkb, dtype=_WKB_HEADER, count=1)[0]
    count = int(header["count"])
    if header["order"] == 1 and header["type"] == 4 and len(wkb) == _WKB_HEADER.itemsize + 21 * count:
        points = np.frombuffer(wkb, dtype=_WKB_POINT, offset=_WKB_HEADER.itemsize)
        if (points["order"] == 1).all() and (points["type"] == 1).all():
            return np.column_stack([points["x"], points["y"]])
    return shapely.get_coordinates(shapely.from_wkb(wkb))


def _read_points_features(source, names: list[str], feedback) -> PointTable:
    """The general reader: one pass over the features, point x/y and the fields asked for."""
    fields = source.fields()
    indices = [_field_index(fields, name) for name in names]
    is_date = [fields.at(i).type() in _DATE_TYPES for i in indices]
    request = QgsFeatureRequest().setSubsetOfAttributes(indices)
    total = max(source.featureCount(), 1)
    xs, ys = [], []
    columns = [[] for _ in indices]
    multipart = 0
    nan = float("nan")
    for count, feature in enumerate(source.getFeatures(request)):
        if count % 50000 == 0 and feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * count / total)
        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            xs.append(nan)
            ys.append(nan)
        else:
            if (
                geometry.isMultipart()
                or QgsWkbTypes.geometryType(geometry.wkbType()) != QgsWkbTypes.GeometryType.PointGeometry
            ):
                multipart += 1
                geometry = geometry.pointOnSurface()
            point = geometry.asPoint()
            xs.append(point.x())
            ys.append(point.y())
        for column, index in zip(columns, indices, strict=True):
            column.append(feature.attribute(index))
    result = {}
    for name, column, date in zip(names, columns, is_date, strict=True):
        result[name] = _date_column(column) if date else _object_column(column)
    xy = np.column_stack([np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)]).reshape(-1, 2)
    return PointTable(xy, result, "features", multipart)


def _field_index(fields: QgsFields, name: str) -> int:
    index = fields.lookupField(name)
    if index < 0:
        raise QgsProcessingException(f"The layer has no field '{name}'.")
    return index


def _object_column(values: list) -> np.ndarray:
    column = np.empty(len(values), dtype=object)
    column[:] = [_python_value(v) for v in values]
    return column


def _date_column(values: list) -> np.ndarray:
    """datetime64[s] of QDateTime/QDate values (wall-clock time as stored); NaT for NULL."""
    texts = []
    for value in values:
        if isinstance(value, QDateTime) and value.isValid():
            texts.append(value.toString("yyyy-MM-ddTHH:mm:ss"))
        elif isinstance(value, QDate) and value.isValid():
            texts.append(value.toString("yyyy-MM-dd"))
        elif isinstance(value, str):
            texts.append(value)
        else:
            texts.append(None)
    return pd.to_datetime(pd.Series(texts, dtype=object), format="ISO8601", errors="coerce").to_numpy(
        dtype="datetime64[s]"
    )


def _read_points_gdal(layer, source, names: list[str], feedback) -> PointTable | None:
    """Bulk read through GDAL's Arrow stream (GDAL ≥ 3.6), or None when it does not apply."""
    if layer.providerType() != "ogr" or layer.subsetString() or layer.isModified():
        return None
    fields = layer.fields()
    for name in names:
        index = fields.lookupField(name)
        if index < 0 or fields.fieldOrigin(index) != QgsFields.FieldOrigin.OriginProvider:
            return None
    from osgeo import gdal, ogr

    if not hasattr(ogr.Layer, "GetArrowStreamAsNumPy"):
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    dataset = gdal.OpenEx(parts.get("path", ""), gdal.OF_VECTOR | gdal.OF_READONLY)
    if dataset is None:
        return None
    if parts.get("layerName"):
        ogr_layer = dataset.GetLayerByName(parts["layerName"])
    else:
        ogr_layer = dataset.GetLayer(int(parts.get("layerId") or 0))
    if ogr_layer is None or ogr_layer.GetFeatureCount() != source.featureCount():
        return None
    definition = ogr_layer.GetLayerDefn()
    ogr_names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    fid_name = ogr_layer.GetFIDColumn()
    if any(name not in ogr_names and name != fid_name for name in names):
        return None
    ogr_layer.SetIgnoredFields([name for name in ogr_names if name not in names])
    geometry_name = ogr_layer.GetGeometryColumn() or "wkb_geometry"

    batches = {name: [] for name in names}
    wkbs = []
    read = 0
    total = max(source.featureCount(), 1)
    for batch in ogr_layer.GetArrowStreamAsNumPy(options=["MAX_FEATURES_IN_BATCH=100000"]):
        if feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * read / total)
        wkbs.append(batch[geometry_name])
        for name in names:
            batches[name].append(_arrow_column(batch[name]))
        read += len(wkbs[-1])
    xy, multipart = _wkb_point_coordinates(wkbs)
    columns = {
        name: np.concatenate(parts_) if parts_ else np.empty(0, dtype=object)
        for name, parts_ in batches.items()
    }
    return PointTable(xy, columns, "gdal", multipart)


def _wkb_point_coordinates(batches: list) -> tuple[np.ndarray, int]:
    """x, y of Arrow WKB geometry columns; plain 2D points are decoded with numpy."""
    parts, multipart = [], 0
    for array in batches:
        data = np.ma.getdata(array)
        if data.dtype.kind == "V" and data.dtype.itemsize == 21 and not np.ma.getmaskarray(array).any():
            points = data.view(_WKB_POINT)
            if (points["order"] == 1).all() and (points["type"] == 1).all():
                parts.append(np.column_stack([points["x"], points["y"]]))
                continue
        xy, other = _point_coordinates(shapely.from_wkb(_wkb_objects(array)))
        parts.append(xy)
        multipart += other
    # GDAL writes a point without coordinates as POINT EMPTY (NaN, NaN): it stays NaN.
    return (np.concatenate(parts) if parts else np.empty((0, 2))), multipart


def _wkb_objects(array) -> np.ndarray:
    """WKB values of an Arrow geometry column as an object array of bytes (None for null)."""
    mask = np.ma.getmaskarray(array)
    data = np.ma.getdata(array)
    result = np.empty(len(data), dtype=object)
    result[:] = [bytes(v) for v in data.tolist()] if data.dtype.kind == "V" else list(data)
    result[mask] = None
    return result


def _arrow_column(array) -> np.ndarray:
    """A numpy column of GDAL's Arrow stream as an object array (or datetime64 with NaT)."""
    mask = np.ma.getmaskarray(array)
    data = np.ma.getdata(array)
    if data.dtype.kind == "M":
        column = data.astype("datetime64[s]")
        column[mask] = np.datetime64("NaT")
        return column
    if data.dtype.kind == "S":
        # Decode each distinct value once: incident columns repeat a few values
        # many times, and decoding every one costs about 0.5 s per million.
        codes, distinct = pd.factorize(data)
        column = np.array([value.decode("utf-8") for value in distinct], dtype=object)[codes]
    elif data.dtype.kind == "O":
        column = np.array([v.decode("utf-8") if isinstance(v, bytes) else v for v in data], dtype=object)
    else:
        column = data.astype(object)
    column[mask] = None
    return column


def _point_coordinates(geometries: np.ndarray) -> tuple[np.ndarray, int]:
    """x, y of point geometries (NaN for none/empty); multi-part or other ones at a point on them."""
    geometries = np.asarray(geometries, dtype=object)
    missing = shapely.is_missing(geometries) | shapely.is_empty(geometries)
    other = ~missing & (shapely.get_type_id(geometries) != 0)
    if other.any():
        geometries = geometries.copy()
        geometries[other] = shapely.point_on_surface(geometries[other])
    usable = geometries.copy()
    usable[missing] = None
    xy = np.column_stack([shapely.get_x(usable), shapely.get_y(usable)]).reshape(-1, 2)
    return xy, int(other.sum())


# --- single geometries (GUI edits) ------------------------------------------


def qgs_geometry(geometry) -> QgsGeometry:
    """The QGIS geometry of a shapely geometry (an empty, null QgsGeometry for None)."""
    result = QgsGeometry()
    if geometry is not None and not shapely.is_missing(geometry):
        result.fromWkb(shapely.to_wkb(geometry, output_dimension=2))
    return result


def read_geometries(
    source,
    field_names: Iterable[str] = (),
    target_crs: QgsCoordinateReferenceSystem | None = None,
    transform_context: QgsCoordinateTransformContext | None = None,
) -> tuple[np.ndarray, np.ndarray, dict]:
    """Feature ids, shapely geometries (None when missing) and ``field_names`` columns of ``source``.

    Like :func:`source_to_frame` without building a GeoDataFrame (no CRS
    parsing), for small layers read again after every edit (the GUI). A
    vector layer given as ``source`` includes its edit buffer.
    """
    fields = source.fields()
    names = list(field_names)
    indices = [_field_index(fields, name) for name in names]
    request = QgsFeatureRequest().setSubsetOfAttributes(indices)
    crs = source.sourceCrs()
    if target_crs is not None and target_crs.isValid() and target_crs != crs:
        request.setDestinationCrs(target_crs, transform_context or QgsCoordinateTransformContext())
    fids, wkbs = [], []
    columns = [[] for _ in names]
    for feature in source.getFeatures(request):
        fids.append(feature.id())
        geometry = feature.geometry()
        wkbs.append(bytes(geometry.asWkb()) if not geometry.isNull() else None)
        attributes = feature.attributes()
        for column, index in zip(columns, indices, strict=True):
            column.append(_python_value(attributes[index]))
    geometries = shapely.from_wkb(np.asarray(wkbs, dtype=object)) if wkbs else np.empty(0, dtype=object)
    return np.asarray(fids, dtype=np.int64), geometries, dict(zip(names, columns, strict=True))
