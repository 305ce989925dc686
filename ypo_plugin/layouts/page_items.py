"""Pages built in code (the initiative report, the sector leaflets): labels, maps and pictures placed
in millimetres, and simple styled layers, with the QGIS quirks of doing so handled in one place."""

from qgis.core import (
    QgsFillSymbol,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QFont

from ..core.lazy import lazy_module
from ..qgis_compat import set_label_font
from ..qgis_io.write import memory_layer, typed_fields

gpd = lazy_module("geopandas")

MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
FONT_FAMILY = "DejaVu Sans"


def place(item, position, size) -> None:
    """Size, then position (mm): a map moved while it has no size takes no extent (QGIS 3.22)."""
    item.attemptResize(QgsLayoutSize(*size, MM))
    item.attemptMove(QgsLayoutPoint(*position, MM))


def add_label(layout, text, position, size, points, bold=False, colour=None) -> QgsLayoutItemLabel:
    """A left-aligned label of ``text`` at ``position`` (mm), ``points`` in size."""
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    label.setHAlign(Qt.AlignmentFlag.AlignLeft)
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(points)
    font.setBold(bold)
    set_label_font(label, font, colour)
    layout.addLayoutItem(label)
    place(label, position, size)
    return label


def add_map(layout, layers, extent, position, size) -> QgsLayoutItemMap:
    """A framed map of ``layers`` (first drawn on top) zoomed to ``extent``, in the project's CRS
    (set the project's CRS first: a map without one takes no extent)."""
    map_item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(map_item)
    map_item.setLayers(list(layers))
    map_item.setKeepLayerSet(True)
    item_size = QgsLayoutSize(*size, MM)
    map_item.attemptResize(item_size)
    map_item.zoomToExtent(extent)
    map_item.attemptMove(QgsLayoutPoint(*position, MM))
    map_item.setFrameEnabled(True)
    return map_item


def add_picture(layout, path, position, size) -> QgsLayoutItemPicture:
    """An SVG or raster picture from ``path`` at ``position`` (mm)."""
    picture = QgsLayoutItemPicture(layout)
    picture.setPicturePath(str(path))
    layout.addLayoutItem(picture)
    place(picture, position, size)
    return picture


def fill_layer(geometries, crs, name, fill, outline, outline_mm=0.3, fields=None):
    """A memory layer of polygons (``fields`` [(name, type)] with their ``frame`` columns) drawn
    with one ``fill`` and ``outline`` colour ("r,g,b,a")."""
    frame = (
        geometries
        if isinstance(geometries, gpd.GeoDataFrame)
        else gpd.GeoDataFrame(geometry=list(geometries))
    )
    layer = memory_layer(frame, "MultiPolygon", crs, name, typed_fields(fields or []))
    symbol = QgsFillSymbol.createSimple(
        {"color": fill, "outline_color": outline, "outline_width": str(outline_mm)}
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer
