"""The bulk path for point layers: GDAL's Arrow stream (GDAL ≥ 3.6) read into numpy, and WKB
points decoded with numpy (no shapely object per point)."""

from __future__ import annotations

import numpy as np
import shapely
from qgis.core import QgsFields, QgsProviderRegistry
from qgis.PyQt.QtCore import QMetaType

from ..core.lazy import lazy_module

pd = lazy_module("pandas")

# Little-endian 2D WKB point: byte order, type, x, y (21 bytes).
_WKB_POINT = np.dtype([("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])
_WKB_HEADER = np.dtype([("order", "u1"), ("type", "<u4"), ("count", "<u4")])


def multipoint_wkb(xy: np.ndarray) -> bytes:
    """WKB of a 2D multipoint, built with numpy (no shapely point objects)."""
    header = np.array([(1, 4, len(xy))], dtype=_WKB_HEADER)
    points = np.empty(len(xy), dtype=_WKB_POINT)
    points["order"], points["type"], points["x"], points["y"] = 1, 1, xy[:, 0], xy[:, 1]
    return header.tobytes() + points.tobytes()


def multipoint_xy(wkb: bytes) -> np.ndarray:
    """N×2 coordinates of a multipoint's WKB (numpy for the plain 2D little-endian case)."""
    header = np.frombuffer(wkb, dtype=_WKB_HEADER, count=1)[0]
    count = int(header["count"])
    if header["order"] == 1 and header["type"] == 4 and len(wkb) == _WKB_HEADER.itemsize + 21 * count:
        points = np.frombuffer(wkb, dtype=_WKB_POINT, offset=_WKB_HEADER.itemsize)
        if (points["order"] == 1).all() and (points["type"] == 1).all():
            return np.column_stack([points["x"], points["y"]])
    return shapely.get_coordinates(shapely.from_wkb(wkb))


def read_points_gdal(layer, source, names: list[str], feedback) -> tuple[np.ndarray, dict, int] | None:
    """Points (N×2), the ``names`` columns and the number of multi-part geometries, read in bulk
    through GDAL's Arrow stream; None when that does not apply to ``layer``."""
    if not _plain_ogr_layer(layer, names):
        return None
    from osgeo import gdal, ogr

    if not hasattr(ogr.Layer, "GetArrowStreamAsNumPy"):
        return None
    if int(gdal.VersionInfo()) < 3_07_00_00 and _has_boolean_field(layer, names):
        # GDAL 3.6's numpy view of Arrow booleans is wrong (a GeoPackage's 923 true read as 218):
        # such columns take QGIS's own reader.
        return None
    opened = _open_ogr_layer(layer, source)
    if opened is None:
        return None
    _dataset, ogr_layer = opened  # the layer lives as long as its dataset is referenced
    definition = ogr_layer.GetLayerDefn()
    ogr_names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    fid_name = ogr_layer.GetFIDColumn()
    if any(name not in ogr_names and name != fid_name for name in names):
        return None
    ogr_layer.SetIgnoredFields([name for name in ogr_names if name not in names])
    xy, multipart, batches = _arrow_batches(ogr_layer, names, max(source.featureCount(), 1), feedback)
    columns = {
        name: np.concatenate(parts_) if parts_ else np.empty(0, dtype=object)
        for name, parts_ in batches.items()
    }
    return xy, columns, multipart


def _plain_ogr_layer(layer, names: list[str]) -> bool:
    """True for an OGR layer without a filter or unsaved edits whose ``names`` are all fields of
    the data source (not joined or virtual)."""
    if layer.providerType() != "ogr" or layer.subsetString() or layer.isModified():
        return False
    fields = layer.fields()
    for name in names:
        index = fields.lookupField(name)
        if index < 0 or fields.fieldOrigin(index) != QgsFields.FieldOrigin.OriginProvider:
            return False
    return True


def _has_boolean_field(layer, names: list[str]) -> bool:
    fields = layer.fields()
    indexes = (fields.lookupField(name) for name in names)
    return any(index >= 0 and fields.at(index).type() == QMetaType.Type.Bool for index in indexes)


def _open_ogr_layer(layer, source) -> tuple | None:
    """``(dataset, OGR layer)`` of ``layer``'s data source, read-only; None when it cannot be
    opened or does not hold as many features as ``source``."""
    from osgeo import gdal

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
    return dataset, ogr_layer


def _arrow_batches(
    ogr_layer, names: list[str], total: int, feedback
) -> tuple[np.ndarray, int, dict[str, list]]:
    """The x, y of the layer's points, how many were multi-part, and each of ``names``' value
    batches, read through the layer's Arrow stream batch by batch, reporting progress out of
    ``total`` features; stops early when cancelled. Each batch's WKB is decoded as it arrives
    and dropped: only the coordinates (16 bytes a point) are kept."""
    geometry_name = ogr_layer.GetGeometryColumn() or "wkb_geometry"
    batches = {name: [] for name in names}
    parts, multipart = [], 0
    read = 0
    for batch in ogr_layer.GetArrowStreamAsNumPy(options=["MAX_FEATURES_IN_BATCH=100000"]):
        if feedback is not None:
            if feedback.isCanceled():
                break
            feedback.setProgress(100.0 * read / total)
        xy, other = _wkb_point_coordinates(batch[geometry_name])
        parts.append(xy)
        multipart += other
        for name in names:
            batches[name].append(_arrow_column(batch[name]))
        read += len(xy)
    # GDAL writes a point without coordinates as POINT EMPTY (NaN, NaN): it stays NaN.
    return (np.concatenate(parts) if parts else np.empty((0, 2))), multipart, batches


def _wkb_point_coordinates(array) -> tuple[np.ndarray, int]:
    """x, y of one Arrow WKB geometry column, and how many were not plain points; plain 2D
    points are decoded with numpy."""
    data = np.ma.getdata(array)
    if data.dtype.kind == "V" and data.dtype.itemsize == 21 and not np.ma.getmaskarray(array).any():
        points = data.view(_WKB_POINT)
        if (points["order"] == 1).all() and (points["type"] == 1).all():
            return np.column_stack([points["x"], points["y"]]), 0
    return _point_coordinates(shapely.from_wkb(_wkb_objects(array)))


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
