"""Print layouts from the QPT templates in ``styles/``, and their export.

Templates (made in QGIS's layout designer or in code) are
``styles/layout_<kind>_<paper>.qpt`` with kind ``overview_internal``,
``overview_public``, ``atlas_internal`` or ``atlas_public`` and paper ``A4`` or
``A3``. Items are found by their id (``map``, ``legend``, ``table``,
``chart_hours``…); texts read the layout variables ``@ypo_title``,
``@ypo_period``, ``@ypo_date``, ``@ypo_sources``, ``@ypo_sector_count`` and
``@ypo_officer_total``, the texts ``@ypo_t_<key>`` / ``@ypo_lines_<key>`` (see
:mod:`..inputs.public_texts`), and atlas pages the fields of the sector. A table too long for its
frame continues on further pages (:func:`continue_table`).
"""

from pathlib import Path

from qgis.core import (
    Qgis,
    QgsExpressionContextUtils,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutPoint,
    QgsLayoutRenderContext,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProcessingParameterNumber,
    QgsReadWriteContext,
    QgsRectangle,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QMarginsF, QSizeF
from qgis.PyQt.QtGui import QPageSize, QPainter, QPdfWriter
from qgis.PyQt.QtXml import QDomDocument

from ..i18n import tr
from ..resources import styles_dir

CREATOR = "YPO sector planning"
DEFAULT_DPI = 150
HANDOVER_LAYOUT_NAME = "Overdragelsesrapport / Handover report"  # how Export handover report finds it


def add_dpi_parameter(algorithm, name: str, max_dpi: int) -> None:
    """The DPI parameter of an export: resolution of its raster parts, 50 to ``max_dpi``."""
    algorithm.addParameter(
        QgsProcessingParameterNumber(
            name,
            tr("DPI"),
            QgsProcessingParameterNumber.Type.Integer,
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
            tr("The layout template {path} is missing or unreadable; reinstall the plugin.", path=path)
        )
    layout = QgsPrintLayout(project)
    _, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise QgsProcessingException(
            tr("The layout template {path} could not be loaded; reinstall the plugin.", path=path)
        )
    layout.setName(f"{kind} {paper}")
    for name, value in variables.items():
        QgsExpressionContextUtils.setLayoutVariable(layout, name, value)
    return layout


def item(layout, item_id: str, required: bool = True):
    found = layout.itemById(item_id)
    if found is None and required:
        raise QgsProcessingException(
            tr(
                "The layout '{layout}' has no item with id '{item}'; the template is damaged, reinstall "
                "the plugin.",
                layout=layout.name(),
                item=item_id,
            )
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


def map_extent_clear_of(layout, extent, item_ids=("scale_bar", "north_arrow")) -> tuple:
    """``(extent, map units per mm)`` for the item ``map``: ``extent`` (the data) as large as
    it fits above the band at the map's bottom that the ``item_ids`` cover, so that they never
    hide a sector or its label."""
    map_item = item(layout, "map")
    left, top = map_item.positionWithUnits().x(), map_item.positionWithUnits().y()
    width, height = map_item.sizeWithUnits().width(), map_item.sizeWithUnits().height()
    band = 0.0
    for item_id in item_ids:
        found = item(layout, item_id, required=False)
        if found is None:
            continue
        x, y = found.positionWithUnits().x(), found.positionWithUnits().y()
        if left <= x <= left + width and top <= y <= top + height:
            band = max(band, top + height - y + 1.0)
    band = min(band, height / 2)
    per_mm = max(extent.width() / width, extent.height() / (height - band), 1e-9)
    centre_x, centre_y = extent.center().x(), extent.center().y()
    y_max = centre_y + (height - band) * per_mm / 2
    fitted = QgsRectangle(
        centre_x - width * per_mm / 2, y_max - height * per_mm, centre_x + width * per_mm / 2, y_max
    )
    return fitted, per_mm


def set_legend(layout, layers, title: str = "") -> None:
    legend = item(layout, "legend", required=False)
    if not isinstance(legend, QgsLayoutItemLegend):
        return
    legend.setTitle(title)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        root.addLayer(layer)
    legend.adjustBoxSize()
    legend.refresh()


def set_table(layout, layer, columns) -> QgsLayoutItemAttributeTable | None:
    """Point the attribute table at ``layer`` with ``columns`` [(heading, expression, width mm
    or 0 for the text's width)]; its header is repeated in every frame."""
    for frame in layout.multiFrames():
        if isinstance(frame, QgsLayoutItemAttributeTable):
            frame.setVectorLayer(layer)
            table_columns = []
            for heading, expression, width in columns:
                column = QgsLayoutTableColumn(heading)
                column.setAttribute(expression)
                column.setWidth(width)
                table_columns.append(column)
            frame.setMaximumNumberOfFeatures(max(layer.featureCount(), 1))
            frame.setColumns(table_columns)
            # Contents for the new columns before anything else measures them (QGIS 3.22 reads
            # the old rows with the new columns otherwise, and crashes).
            frame.refreshAttributes()
            frame.setHeaderMode(QgsLayoutTable.HeaderMode.AllFrames)
            frame.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
            frame.refreshAttributes()
            return frame
    return None


COLUMN_GAP_MM = 4.0
PAGE_MARGIN_MM = 5.0  # the least space between a table and the page's right edge
MIN_MAP_SHARE = 0.75  # a table beside the map may narrow it to this share of its width


def continue_table(layout, table, title: str, copied=("marking_box", "marking", "footer")) -> int:
    """Add pages with more frames of ``table`` until every row is shown; the number of pages added.

    A table too wide for its place beside the map narrows the map (down to
    :data:`MIN_MAP_SHARE` of its width) or, if that is not enough, starts on the next page.
    A continuation page is titled ``title``, has the page's ``copied`` items (when the template
    has them), and holds the table in as many columns as fit between the left edge of the map
    and the right edge of the footer, from the map's top to its bottom. Call it before the map's
    extent is set: it may change the map's width.
    """
    first = table.frame(0)
    map_item = item(layout, "map")
    footer = item(layout, "footer")
    units = map_item.positionWithUnits().units()
    left = map_item.positionWithUnits().x()
    top = map_item.positionWithUnits().y()
    height = map_item.sizeWithUnits().height()
    right = footer.positionWithUnits().x() + footer.sizeWithUnits().width()
    width = max(table.totalSize().width(), first.rect().width(), 1.0)
    columns = max(1, int((right - left + COLUMN_GAP_MM) // (width + COLUMN_GAP_MM)))
    added = 0
    page_width = layout.pageCollection().page(0).sizeWithUnits().width()
    overflow = first.positionWithUnits().x() + width - (page_width - PAGE_MARGIN_MM)
    map_width = map_item.sizeWithUnits().width()
    if 0 < overflow <= (1 - MIN_MAP_SHARE) * map_width:
        map_item.attemptResize(QgsLayoutSize(map_width - overflow, height, units))
        position = first.positionWithUnits()
        first.attemptMove(QgsLayoutPoint(position.x() - overflow, position.y(), units))
    elif overflow > 0:
        # Too wide beside the map: the table starts on the next page.
        _add_table_page(layout, title, copied)
        first.attemptResize(QgsLayoutSize(width, height, units))
        first.attemptMove(QgsLayoutPoint(left, top, units), True, False, 1)
        _add_frames(layout, table, 1, columns - 1, width, (left, top, height, units))
        added = 1
    # Every page shows at least one row: at most one page per row (a guard, never reached).
    while not _all_rows_shown(table) and added <= table.vectorLayer().featureCount():
        number = _add_table_page(layout, title, copied)
        _add_frames(layout, table, number, columns, width, (left, top, height, units))
        added += 1
    _remove_unused_frames(layout, table)
    return added


def _add_table_page(layout, title, copied) -> int:
    """A new page after the others with ``title`` and copies of the ``copied`` items; its number."""
    page = QgsLayoutItemPage(layout)
    page.setPageSize(layout.pageCollection().page(0).pageSize())
    layout.pageCollection().addPage(page)
    number = layout.pageCollection().pageCount() - 1
    _page_title(layout, title, number)
    for item_id in copied:
        original = item(layout, item_id, required=False)
        if original is not None:
            _copy_to_page(layout, original, number)
    return number


def _add_frames(layout, table, page, count, width, area) -> None:
    """``count`` frames of ``table`` side by side on ``page``, after the frames already there."""
    left, top, height, units = area
    first_column = sum(
        1 for found in layout.pageCollection().itemsOnPage(page) if isinstance(found, QgsLayoutFrame)
    )
    for column in range(first_column, first_column + count):
        frame = QgsLayoutFrame(layout, table)
        frame.attemptResize(QgsLayoutSize(width, height, units))
        frame.attemptMove(
            QgsLayoutPoint(left + column * (width + COLUMN_GAP_MM), top, units), True, False, page
        )
        table.addFrame(frame)


def _all_rows_shown(table) -> bool:
    # With UseExistingFrames, the table's height is the frames' heights up to the frame that
    # shows its last row: less than all frames' heights when the last frame has room to spare.
    frames = sum(table.frame(i).rect().height() for i in range(table.frameCount()))
    return table.totalSize().height() < frames - 0.01


def _remove_unused_frames(layout, table) -> None:
    """Drop the frames after the one showing the last row, and pages left without a frame."""
    needed, start = table.totalSize().height(), 0.0
    unused = []
    for index in range(table.frameCount()):
        if start >= needed - 0.01:
            unused.append(table.frame(index))
        start += table.frame(index).rect().height()
    for frame in unused:
        layout.removeLayoutItem(frame)
    pages = layout.pageCollection()
    for number in range(pages.pageCount() - 1, 0, -1):
        if not any(isinstance(found, QgsLayoutFrame) for found in pages.itemsOnPage(number)):
            for found in pages.itemsOnPage(number):
                layout.removeLayoutItem(found)
            pages.deletePage(number)
        else:
            break


def _page_title(layout, title: str, page: int) -> None:
    original = item(layout, "title")
    label = _copy_to_page(layout, original, page)
    label.setText(title)


def _copy_to_page(layout, original, page: int):
    """A copy of ``original`` at the same place on ``page``."""
    document = QDomDocument()
    parent = document.createElement("copy")
    original.writeXml(parent, document, QgsReadWriteContext())
    element = parent.firstChildElement()
    element.removeAttribute("uuid")
    element.removeAttribute("templateUuid")
    copy = type(original)(layout)
    copy.readXml(element, document, QgsReadWriteContext())
    copy.setId(f"{original.id()}_{page + 1}")
    layout.addLayoutItem(copy)
    position = original.positionWithUnits()
    copy.attemptMove(position, True, False, page)
    return copy


def prepare_for_export(layout, dpi: int) -> None:
    context = layout.renderContext()
    context.setDpi(dpi)
    context.setFlag(QgsLayoutRenderContext.Flag.FlagAntialiasing, True)
    context.setFlag(QgsLayoutRenderContext.Flag.FlagForceVectorOutput, True)
    context.setTextRenderFormat(Qgis.TextRenderFormat.AlwaysText)


def page_size_mm(layout) -> QSizeF:
    size = layout.pageCollection().page(0).pageSize()
    converted = (
        layout.renderContext().measurementConverter().convert(size, QgsUnitTypes.LayoutUnit.LayoutMillimeters)
    )
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
        page_size = QPageSize(size, QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch)
        if self.writer is None:
            self.writer = QPdfWriter(self.path)
            self.writer.setResolution(self.dpi)
            self.writer.setTitle(self.title)
            self.writer.setCreator(CREATOR)
            self.writer.setPageSize(page_size)
            self.writer.setPageMargins(QMarginsF(0, 0, 0, 0))
            self.painter = QPainter()
            if not self.painter.begin(self.writer):
                raise QgsProcessingException(
                    tr("Could not write {path}: is the folder writable?", path=self.path)
                )
        else:
            self.writer.setPageSize(page_size)
            self.writer.newPage()
        prepare_for_export(layout, self.dpi)
        exporter = QgsLayoutExporter(layout)
        for page in range(layout.pageCollection().pageCount()):
            if page:
                self.writer.newPage()
            exporter.renderPage(self.painter, page)

    def close(self) -> None:
        if self.painter is not None:
            self.painter.end()
        self.painter = None
        self.writer = None


def page_paths(layout, path: str) -> list[str]:
    """The files QGIS writes for the pages of ``layout`` exported to ``path``: ``x.png``,
    ``x_2.png``…"""
    stem, dot, extension = path.rpartition(".")
    return [
        path if page == 0 else f"{stem}_{page + 1}{dot}{extension}"
        for page in range(layout.pageCollection().pageCount())
    ]


def export_image(layout, path: str, dpi: int) -> list[str]:
    """PNG of every page of the layout (see :func:`page_paths`), without metadata or world file."""
    prepare_for_export(layout, dpi)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = dpi
    settings.exportMetadata = False
    settings.generateWorldFile = False
    return _export_pages(layout, path, settings, "exportToImage")


def export_svg(layout, path: str, dpi: int) -> list[str]:
    """SVG of every page of the layout (see :func:`page_paths`), text as text, without metadata."""
    prepare_for_export(layout, dpi)
    settings = QgsLayoutExporter.SvgExportSettings()
    settings.dpi = dpi
    settings.exportMetadata = False
    settings.forceVectorOutput = True
    settings.exportAsLayers = False
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    return _export_pages(layout, path, settings, "exportToSvg")


def _export_pages(layout, path: str, settings, method: str) -> list[str]:
    """Every page of the layout written to ``path`` by the exporter's ``method`` with ``settings``;
    the files written (see :func:`page_paths`). A QGIS export error raises QgsProcessingException."""
    settings.pages = list(range(layout.pageCollection().pageCount()))
    result = getattr(QgsLayoutExporter(layout), method)(path, settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise QgsProcessingException(
            tr("Could not write {path} (QGIS layout export error {result}).", path=path, result=result)
        )
    return page_paths(layout, path)
