"""The one-page report of Evaluate an initiative: a map of the target, its buffer ring and the
comparison sectors beside the figures in plain words (A4 landscape, built in code)."""

from qgis.core import (
    QgsFeature,
    QgsFillSymbol,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QFont

from ..core.initiative import InitiativeResult, InitiativeSettings, report_lines
from ..qgis_compat import set_label_font
from ..qgis_io.write import qgs_geometry
from .print_layouts import DEFAULT_DPI, PdfBook

TITLE = "Evaluation of an initiative"
# name, fill colour, outline colour: drawn bottom to top
AREA_STYLES = (
    ("Other sectors", "255,255,255,0", "150,150,150,255"),
    ("Comparison area", "120,160,210,110", "60,100,160,255"),
    ("Buffer ring", "240,170,60,120", "200,120,20,255"),
    ("Target", "210,60,60,150", "150,20,20,255"),
)
MARGIN_MM = 12.0
MAP_SIZE_MM = (165.0, 170.0)


def write_initiative_report(
    path, result: InitiativeResult, sectors, target_ids, settings: InitiativeSettings, crs
):
    """Write the report page to ``path`` (PDF); the areas are in ``crs``."""
    project = QgsProject()  # private: the user's project is left alone
    project.setCrs(crs)  # the map's CRS from the start
    geometries = (
        list(sectors[~result.comparison]),
        list(sectors[result.comparison]),
        [result.ring],
        [result.target],
    )
    layers = [_area_layer(style, parts, crs) for style, parts in zip(AREA_STYLES, geometries, strict=True)]
    for layer in layers:
        project.addMapLayer(layer, False)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)
    _label(layout, TITLE, (MARGIN_MM, MARGIN_MM), (270.0, 10.0), 16, bold=True)
    map_item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(map_item)
    map_item.setLayers(list(reversed(layers)))
    map_item.setKeepLayerSet(True)
    extent = layers[0].extent()
    for layer in layers[1:]:
        extent.combineExtentWith(layer.extent())
    extent = extent.buffered(extent.width() * 0.03)
    # Sized before it is moved or zoomed: a map moved while it has no size takes no extent.
    map_item.attemptResize(QgsLayoutSize(*MAP_SIZE_MM, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    map_item.zoomToExtent(extent)
    map_item.attemptMove(QgsLayoutPoint(MARGIN_MM, 26.0, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    map_item.setFrameEnabled(True)
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    legend.model().rootGroup().clear()
    for layer in reversed(layers):
        legend.model().rootGroup().addLayer(layer)
    legend.attemptMove(QgsLayoutPoint(190.0, 150.0, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    layout.addLayoutItem(legend)
    text = "\n\n".join(report_lines(result, target_ids, settings))
    _label(layout, text, (190.0, 26.0), (95.0, 120.0), 10)
    book = PdfBook(path, TITLE, DEFAULT_DPI)
    try:
        book.add_page(layout)
    finally:
        book.close()


def _area_layer(style, geometries, crs) -> QgsVectorLayer:
    name, fill, outline = style
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid() or 'EPSG:4326'}", name, "memory")
    if not crs.authid():
        layer.setCrs(crs)
    features = []
    for geometry in geometries:
        if geometry is None or geometry.is_empty:
            continue
        feature = QgsFeature()
        feature.setGeometry(qgs_geometry(geometry))
        features.append(feature)
    added, _ = layer.dataProvider().addFeatures(features)
    if not added:
        raise QgsProcessingException(f"The report's layer '{name}' could not be built.")
    layer.updateExtents()
    symbol = QgsFillSymbol.createSimple({"color": fill, "outline_color": outline, "outline_width": "0.3"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def _label(layout, text, position, size, points, bold=False) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    label.setText(text)
    label.setHAlign(Qt.AlignmentFlag.AlignLeft)
    font = QFont()
    font.setPointSizeF(points)
    font.setBold(bold)
    set_label_font(label, font)
    label.attemptMove(QgsLayoutPoint(*position, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    label.attemptResize(QgsLayoutSize(*size, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    layout.addLayoutItem(label)
    return label
