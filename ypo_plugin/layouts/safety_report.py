"""The one-page report of Safety index: the map of the areas coloured by their index beside the
areas ranked, least safe first (A4 landscape, built in code)."""

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLegend,
    QgsLayoutItemPage,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsProject,
    QgsTextFormat,
)
from qgis.PyQt.QtCore import QMetaType
from qgis.PyQt.QtGui import QFont

from ..core.crime_types import period_label
from ..core.lazy import lazy_module
from ..core.safety_areas import SafetyResult, ranked_rows, report_notes
from ..core.safety_index import IndexSettings
from ..i18n import translated
from ..qgis_io.write import fields_for_frame, memory_layer, typed_fields
from ..resources import style_path
from .page_items import FONT_FAMILY, MM, add_label, add_map
from .print_layouts import DEFAULT_DPI, PdfBook

gpd = lazy_module("geopandas")

TITLE = "Safety index"
MARGIN_MM = 12.0
MAP_SIZE_MM = (155.0, 140.0)
LEGEND_TOP_MM = 173.0
TABLE_POSITION_MM = (172.0, 30.0)
TABLE_SIZE_MM = (116.0, 156.0)
MAX_ROWS = 35  # what the table's frame holds at its font size


def write_safety_report(path, result: SafetyResult, settings: IndexSettings, crs):
    """Write the report page to ``path`` (PDF); the areas are in ``crs``."""
    project = QgsProject()  # private: the user's project is left alone
    project.setCrs(crs)
    areas = result.table.copy()
    areas["geometry"] = list(result.geometries)
    frame = gpd.GeoDataFrame(areas[["area_id", "safety_index", "needs_initiative", "geometry"]])
    layer = memory_layer(frame, "MultiPolygon", crs, TITLE, fields_for_frame(frame))
    layer.loadNamedStyle(str(style_path("safety_index")))
    project.addMapLayer(layer, False)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)
    add_label(layout, TITLE, (MARGIN_MM, MARGIN_MM), (270.0, 9.0), 16, bold=True)
    notes = [
        translated(note) for note in report_notes(result, settings, period_label(result.period), MAX_ROWS)
    ]
    add_label(layout, notes[0], (MARGIN_MM, 21.0), (270.0, 8.0), 8.5)
    extent = layer.extent()
    map_item = add_map(
        layout, [layer], extent.buffered(extent.width() * 0.03), (MARGIN_MM, 30.0), MAP_SIZE_MM
    )
    _add_legend(layout, map_item, layer)
    rows = ranked_rows(result.table, MAX_ROWS)
    headings = list(rows.columns)
    table_layer = memory_layer(
        rows, "None", crs, "ranked", typed_fields((h, QMetaType.Type.QString) for h in headings)
    )
    project.addMapLayer(table_layer, False)
    _add_table(layout, table_layer, headings)
    add_label(layout, "\n".join(notes[1:]), (TABLE_POSITION_MM[0], 188.0), (TABLE_SIZE_MM[0], 20.0), 7.5)
    book = PdfBook(path, TITLE, DEFAULT_DPI)
    try:
        book.add_page(layout)
    finally:
        book.close()


def _add_legend(layout, map_item, layer) -> None:
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    legend.model().rootGroup().clear()
    legend.model().rootGroup().addLayer(layer)
    legend.setTitle("")
    QgsLegendRenderer.setNodeLegendStyle(
        legend.model().rootGroup().children()[0], QgsLegendStyle.Style.Hidden
    )
    legend.setColumnCount(2)
    legend.setSplitLayer(True)
    layout.addLayoutItem(legend)
    legend.attemptMove(QgsLayoutPoint(MARGIN_MM, LEGEND_TOP_MM, MM))


def _add_table(layout, layer, headings) -> None:
    table = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(table)
    table.setVectorLayer(layer)
    columns = []
    for heading in headings:
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(f'"{heading}"')
        columns.append(column)
    table.setColumns(columns)
    table.refreshAttributes()
    table.setMaximumNumberOfFeatures(MAX_ROWS)
    for setter, size, bold in (
        (table.setHeaderTextFormat, 7, True),
        (table.setContentTextFormat, 6.5, False),
    ):
        text_format = QgsTextFormat()
        text_format.setFont(QFont(FONT_FAMILY, 7, QFont.Weight.Bold if bold else QFont.Weight.Normal))
        text_format.setSize(size)
        setter(text_format)
    table.setCellMargin(0.8)
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.TruncateText)
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptResize(QgsLayoutSize(*TABLE_SIZE_MM, MM))
    frame.attemptMove(QgsLayoutPoint(*TABLE_POSITION_MM, MM))
    table.addFrame(frame)
    table.refreshAttributes()
