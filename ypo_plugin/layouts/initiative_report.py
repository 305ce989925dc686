"""The one-page report of Evaluate an initiative: a map of the target, its buffer ring and the
comparison sectors beside the figures in plain words (A4 landscape, built in code)."""

from qgis.core import QgsLayoutItemLegend, QgsLayoutItemPage, QgsLayoutPoint, QgsPrintLayout, QgsProject

from ..core.initiative import InitiativeResult, InitiativeSettings, report_lines
from ..i18n import translated
from .page_items import MM, add_label, add_map, fill_layer
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
    layers = [
        fill_layer(
            [part for part in parts if part is not None and not part.is_empty], crs, name, fill, outline
        )
        for (name, fill, outline), parts in zip(AREA_STYLES, geometries, strict=True)
    ]
    for layer in layers:
        project.addMapLayer(layer, False)
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Landscape)
    add_label(layout, TITLE, (MARGIN_MM, MARGIN_MM), (270.0, 10.0), 16, bold=True)
    extent = layers[0].extent()
    for layer in layers[1:]:
        extent.combineExtentWith(layer.extent())
    map_item = add_map(
        layout, reversed(layers), extent.buffered(extent.width() * 0.03), (MARGIN_MM, 26.0), MAP_SIZE_MM
    )
    legend = QgsLayoutItemLegend(layout)
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    legend.model().rootGroup().clear()
    for layer in reversed(layers):
        legend.model().rootGroup().addLayer(layer)
    legend.attemptMove(QgsLayoutPoint(190.0, 150.0, MM))
    layout.addLayoutItem(legend)
    add_label(
        layout,
        "\n\n".join(map(translated, report_lines(result, target_ids, settings))),
        (190.0, 26.0),
        (95.0, 120.0),
        10,
    )
    book = PdfBook(path, TITLE, DEFAULT_DPI)
    try:
        book.add_page(layout)
    finally:
        book.close()
