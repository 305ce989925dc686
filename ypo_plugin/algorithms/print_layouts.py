"""Print layouts from the QPT templates in ``styles/``, and their export.

Templates (made in QGIS's layout designer or in code) are
``styles/layout_<kind>_<paper>.qpt`` with kind ``overview_internal``,
``overview_public``, ``atlas_internal`` or ``atlas_public`` and paper ``A4`` or
``A3``. Items are found by their id (``map``, ``legend``, ``table``,
``chart_hours``…); texts read the layout variables ``@ypo_title``,
``@ypo_period``, ``@ypo_date``, ``@ypo_sources``, ``@ypo_sector_count`` and
``@ypo_officer_total``, and atlas pages the fields of the sector.
"""

from pathlib import Path

from qgis.core import (
    QgsExpressionContextUtils,
    QgsLayoutExporter,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutRenderContext,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProcessingParameterNumber,
    QgsReadWriteContext,
    QgsRenderContext,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QMarginsF, QSizeF
from qgis.PyQt.QtGui import QPageSize, QPainter, QPdfWriter
from qgis.PyQt.QtXml import QDomDocument

from ..resources import styles_dir

CREATOR = "YPO sector planning"
DEFAULT_DPI = 150


def add_dpi_parameter(algorithm, name: str, max_dpi: int) -> None:
    """The DPI parameter of an export: resolution of its raster parts, 50 to ``max_dpi``."""
    algorithm.addParameter(
        QgsProcessingParameterNumber(
            name,
            algorithm.tr("DPI"),
            QgsProcessingParameterNumber.Integer,
            DEFAULT_DPI,
            minValue=50,
            maxValue=max_dpi,
        )
    )


def template_path(kind: str, paper: str) -> Path:
    return styles_dir() / f"layout_{kind}_{paper}.qpt"


def load_layout(project, kind: str, paper: str, variables: dict) -> QgsPrintLayout:
    """A print layout from ``styles/layout_<kind>_<paper>.qpt`` with the ``ypo_*`` variables set."""
    path = template_path(kind, paper)
    document = QDomDocument()
    if not path.is_file() or not document.setContent(path.read_text(encoding="utf-8")):
        raise QgsProcessingException(
            f"The layout template {path} is missing or unreadable; reinstall the plugin."
        )
    layout = QgsPrintLayout(project)
    _, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise QgsProcessingException(f"The layout template {path} could not be loaded; reinstall the plugin.")
    layout.setName(f"{kind} {paper}")
    for name, value in variables.items():
        QgsExpressionContextUtils.setLayoutVariable(layout, name, value)
    return layout


def item(layout, item_id: str, required: bool = True):
    found = layout.itemById(item_id)
    if found is None and required:
        raise QgsProcessingException(
            f"The layout '{layout.name()}' has no item with id '{item_id}'; the template is damaged, "
            "reinstall the plugin."
        )
    return found


def set_map(layout, layers, extent, crs) -> QgsLayoutItemMap:
    """Layers (first drawn on top), extent and CRS of the item ``map``.

    QGIS 3.22: zoom first, then set the CRS (the other order can leave the map empty).
    """
    map_item = item(layout, "map")
    map_item.setLayers(list(layers))
    map_item.setKeepLayerSet(True)
    map_item.zoomToExtent(extent)
    map_item.setCrs(crs)
    return map_item


def set_legend(layout, layers) -> None:
    legend = item(layout, "legend", required=False)
    if not isinstance(legend, QgsLayoutItemLegend):
        return
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        root.addLayer(layer)
    legend.adjustBoxSize()
    legend.refresh()


def set_table(layout, layer) -> None:
    """Point the attribute table at ``layer``, keeping the template's columns."""
    for frame in layout.multiFrames():
        if isinstance(frame, QgsLayoutItemAttributeTable):
            columns = frame.columns()
            frame.setVectorLayer(layer)  # resets the columns to all fields…
            frame.setColumns(columns)  # …so the template's are put back
            frame.refreshAttributes()


def prepare_for_export(layout, dpi: int) -> None:
    context = layout.renderContext()
    context.setDpi(dpi)
    context.setFlag(QgsLayoutRenderContext.FlagAntialiasing, True)
    context.setFlag(QgsLayoutRenderContext.FlagForceVectorOutput, True)
    context.setTextRenderFormat(QgsRenderContext.TextFormatAlwaysText)


def page_size_mm(layout) -> QSizeF:
    size = layout.pageCollection().page(0).pageSize()
    converted = layout.renderContext().measurementConverter().convert(size, QgsUnitTypes.LayoutMillimeters)
    return QSizeF(converted.width(), converted.height())


class PdfBook:
    """One PDF of pages from several layouts, with the metadata we set and no other.

    (QgsLayoutExporter writes one layout per PDF; a book of the overview and
    the atlas pages is drawn page by page with ``renderPage``.)
    """

    def __init__(self, path: str, title: str, dpi: int):
        self.path = path
        self.title = title
        self.dpi = dpi
        self.writer = None
        self.painter = None

    def add_page(self, layout) -> None:
        size = page_size_mm(layout)
        page_size = QPageSize(size, QPageSize.Millimeter, "", QPageSize.ExactMatch)
        if self.writer is None:
            self.writer = QPdfWriter(self.path)
            self.writer.setResolution(self.dpi)
            self.writer.setTitle(self.title)
            self.writer.setCreator(CREATOR)
            self.writer.setPageSize(page_size)
            self.writer.setPageMargins(QMarginsF(0, 0, 0, 0))
            self.painter = QPainter()
            if not self.painter.begin(self.writer):
                raise QgsProcessingException(f"Could not write {self.path}: is the folder writable?")
        else:
            self.writer.setPageSize(page_size)
            self.writer.newPage()
        prepare_for_export(layout, self.dpi)
        QgsLayoutExporter(layout).renderPage(self.painter, 0)

    def close(self) -> None:
        if self.painter is not None:
            self.painter.end()
        self.painter = None
        self.writer = None


def export_image(layout, path: str, dpi: int) -> None:
    """PNG of the layout's first page, without metadata or world file."""
    prepare_for_export(layout, dpi)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    settings.exportMetadata = False
    settings.generateWorldFile = False
    settings.pages = [0]
    result = QgsLayoutExporter(layout).exportToImage(path, settings)
    if result != QgsLayoutExporter.Success:
        raise QgsProcessingException(f"Could not write {path} (QGIS layout export error {result}).")


def export_svg(layout, path: str, dpi: int) -> None:
    """SVG of the layout's first page, text as text, without metadata."""
    prepare_for_export(layout, dpi)
    settings = QgsLayoutExporter.SvgExportSettings()
    settings.dpi = dpi
    settings.exportMetadata = False
    settings.forceVectorOutput = True
    settings.exportAsLayers = False
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    settings.pages = [0]
    result = QgsLayoutExporter(layout).exportToSvg(path, settings)
    if result != QgsLayoutExporter.Success:
        raise QgsProcessingException(f"Could not write {path} (QGIS layout export error {result}).")
