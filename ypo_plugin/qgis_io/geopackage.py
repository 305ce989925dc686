"""GeoPackage layers written through QGIS (so QGIS's own GDAL reads them without warnings),
files whose bytes depend on their content only, and the QGIS CRS of a frame."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing, contextmanager

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsProcessingException,
    QgsVectorFileWriter,
)

from ..core.lazy import lazy_module
from ..i18n import tr
from .write import fields_for_frame, wkb_type_for, write_frame

gpd = lazy_module("geopandas")


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


def geopackage_writer(
    path: str,
    layer_name: str,
    fields,
    wkb_type,
    crs: QgsCoordinateReferenceSystem,
    transform_context: QgsCoordinateTransformContext,
    new_file: bool,
    hint: str = "",
) -> QgsVectorFileWriter:
    """A writer of the layer ``layer_name`` in the GeoPackage ``path`` (delete it to close the layer).

    ``new_file`` replaces any existing file; otherwise the layer is added to it.
    ``hint`` ends the error when the layer cannot be created.
    """
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer_name
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
        if new_file
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    )
    writer = QgsVectorFileWriter.create(path, fields, wkb_type, crs, transform_context, options)
    if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
        raise QgsProcessingException(
            tr(
                "Could not create layer '{layer}' in {path}: {error}{hint}",
                layer=layer_name,
                path=path,
                error=writer.errorMessage(),
                hint=hint,
            )
        )
    return writer


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
    wkb_type, crs = wkb_type_for(frame.geometry), qgs_crs(frame.crs)
    writer = geopackage_writer(path, layer_name, fields, wkb_type, crs, transform_context, new_file)
    try:
        write_frame(frame, writer, fields, tr("layer '{layer}' in {path}", layer=layer_name, path=path))
    finally:
        del writer  # closes the layer and flushes it to disk
    return f"{path}|layername={layer_name}"
