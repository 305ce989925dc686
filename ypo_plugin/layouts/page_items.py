"""Pages built in code (the initiative report, the sector leaflets): labels, maps and pictures placed
in millimetres, and simple styled layers (also the streets every printed map draws), with the QGIS
quirks of doing so handled in one place."""

from qgis.core import (
    QgsFillSymbol,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsNullSymbolRenderer,
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QMetaType, Qt
from qgis.PyQt.QtGui import QFont

from ..core.lazy import lazy_module
from ..core.streets import PAGE_SIMPLIFY_MM, lines_clear_of, page_streets
from ..qgis_compat import set_label_font
from ..qgis_io.write import memory_layer, typed_fields
from ..resources import style_path

gpd = lazy_module("geopandas")

MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
FONT_FAMILY = "DejaVu Sans"
# The height of a street's name on the paper: 6 pt letters with their 0.6 mm halo (map_streets.qml).
STREET_NAME_MM = 4.0


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


def streets_layers(streets, units_per_mm, crs, name, keep_clear=()) -> list:
    """The streets (``(names, lines)`` in ``crs``, as ``inputs.street_input.read_streets`` reads
    them) for a page at ``units_per_mm`` map units per millimetre of paper: one line per street,
    simplified to ``PAGE_SIMPLIFY_MM`` on the paper, drawn lightly, the main ones named
    (``styles/map_streets.qml``; their names give way to the sectors' labels).

    Names are written clear of ``keep_clear`` (polygons in ``crs``: labels QGIS draws whatever is
    under them) by a second layer above the lines: the names alone, on the parts of the streets
    farther than a name's height from them. The layers, first drawn on top.
    """
    names, lines, main = page_streets(*streets, PAGE_SIMPLIFY_MM * units_per_mm)
    drawn = _streets_layer(names, lines, main, crs, name)
    if not len(keep_clear):
        return [drawn]
    drawn.setLabelsEnabled(False)
    clear = lines_clear_of(lines, keep_clear, STREET_NAME_MM * units_per_mm)
    named = _streets_layer(names, clear, main, crs, name)
    named.setRenderer(QgsNullSymbolRenderer())
    return [named, drawn]


def _streets_layer(names, lines, main, crs, name):
    frame = gpd.GeoDataFrame({"name": names, "main": [int(flag) for flag in main]}, geometry=lines)
    fields = typed_fields([("name", QMetaType.Type.QString), ("main", QMetaType.Type.Int)])
    layer = memory_layer(frame, "MultiLineString", crs, name, fields)
    layer.loadNamedStyle(str(style_path("map_streets")))
    return layer
