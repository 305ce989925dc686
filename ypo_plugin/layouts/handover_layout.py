"""The handover report: a print layout with one atlas page per sector.

Each page shows the sector on a map (its partners and events on it), its key
figures, manning and officer, the neighbouring sectors (the sectors'
``neighbour_list``, worked out when the workspace is made), the partners, the
open challenges and the latest log entries. Partners and log are read live
through the project's relations, so the layout saved in ``workspace.qgz`` and
the PDF of Export handover report show the log as it is when printed.

Its words come from the texts table (core.texts) through layout variables
(``@ypo_t_<key>``) and the tables' headings: :func:`apply_texts` puts them in
the languages of a report (Danish and English in the saved workspace). The
scale bar and the north arrow sit below the map, never over a label.
"""

from qgis.core import (
    QgsExpressionContextUtils,
    QgsFillSymbol,
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLabel,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsMapLayerStyle,
    QgsPalLayerSettings,
    QgsPathResolver,
    QgsPrintLayout,
    QgsRuleBasedRenderer,
    QgsScaleBarSettings,
    QgsSymbolLayerUtils,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..core.sector_log import (
    EVENTS_TABLE,
    LOG_STATUSES,
    LOG_TABLE,
    OPEN_STATUSES,
    PARTNER_KINDS,
    PARTNERS_TABLE,
    SECTORS_TABLE,
    TARGET_GROUPS,
)
from ..core.texts import DEFAULT_TEXTS
from ..inputs.public_texts import layout_variables
from ..qgis_compat import set_label_font
from ..workspace.sector_workspace import NEIGHBOUR_LIST, RELATION_IDS
from .print_layouts import HANDOVER_LAYOUT_NAME

MM = QgsUnitTypes.LayoutUnit.LayoutMillimeters
TABLE_ROWS = 6  # rows per table: one page per sector
# Key figures shown when the sectors have the field: (field, text key, decimals).
KEY_FIGURES = (
    ("population", "population", 0),
    ("area_km2", "area_km2", 2),
    ("crimes_total", "crimes", 0),
    ("crimes_violence", "violence", 0),
    ("crimes_burglary", "burglary", 0),
    ("crimes_theft", "theft", 0),
    ("crimes_drugs", "drugs", 0),
    ("crimes_vandalism", "vandalism", 0),
    ("crimes_harassment", "harassment", 0),
    ("crimes_per_1000", "crimes_per_1000", 1),
    ("exposed_share", "exposed_share", 2),
    ("need_score", "need_score", 2),
    ("factor", "factor", 0),
    ("officers_required", "officers_required", 0),
    ("officers_allocated", "officers_allocated", 0),
)
CRIME_TYPE_FIGURES = {"violence", "burglary", "theft", "drugs", "vandalism", "harassment"}
# The map, and below it the scale bar and the north arrow (mm).
MAP_BOX = (10.0, 26.0, 110.0, 76.0)
SCALE_BAR_AT = (10.0, 103.0)
SCALE_BAR_WIDTH = (20.0, 60.0)  # the bar's least and largest width
NORTH_ARROW_BOX = (112.0, 103.0, 8.0, 9.0)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _variable(key: str) -> str:
    return f"[% @ypo_t_{key} %]"


def key_figures_text(field_names) -> str:
    """Label text (with [% %] expressions) of the key figures the sectors have, the officer and
    the emergency number."""
    lines = [_variable("key_figures_manning")]
    for name, key, decimals in KEY_FIGURES:
        if name in field_names:
            indent = "  " if key in CRIME_TYPE_FIGURES else ""
            lines.append(
                f"{indent}{_variable(key)}: [% coalesce(format_number(\"{name}\", {decimals}), '–') %]"
            )
    if len(lines) == 1:
        lines.append(f"({_variable('no_key_figures')})")
    lines += [
        "",
        _variable("officer"),
        '[% coalesce("officer_name", @ypo_t_officer_tba) %]',
        f"{_variable('phone_short')}: [% coalesce(\"officer_phone\", '–') %]",
        f"{_variable('email')}: [% coalesce(\"officer_email\", '–') %]",
        "",
        "[% @ypo_lines_emergency %]",  # a line per language: the column is narrow
    ]
    return "\n".join(lines)


def _choice(field: str, choices, texts) -> str:
    """An expression showing a choice field's label in ``texts``' languages (a choice the
    workspace's users added themselves: its own label)."""
    pairs = ", ".join(f"{_quote(code)}, {_quote(texts.choice(label))}" for code, label in choices)
    return f'coalesce(map_get(map({pairs}), "{field}"), represent_value("{field}"))'


def _sections(texts):
    """The report's tables: (heading key, relation id, columns [(heading key, expression, width)],
    sort (expression, descending?), filter, height mm)."""
    log = RELATION_IDS[LOG_TABLE]
    open_statuses = ", ".join(_quote(status) for status in OPEN_STATUSES)
    date = ("date", "format_date(\"entry_date\", 'yyyy-MM-dd')")
    status = ("status", _choice("status", LOG_STATUSES, texts))
    return (
        (
            "partners",
            RELATION_IDS[PARTNERS_TABLE],
            [
                ("name", '"name"', 50),
                ("kind", _choice("kind", PARTNER_KINDS, texts), 45),
                ("contact", '"contact"', 80),
            ],
            ('"name"', False),
            None,
            30,
        ),
        (
            "open_challenges",
            log,
            [
                (*date, 18),
                ("target_group", _choice("target_group", TARGET_GROUPS, texts), 32),
                ("party", '"party_of_interest"', 28),
                ("challenge", '"entry"', 55),
                ("follow_up", "format_date(\"follow_up_date\", 'yyyy-MM-dd')", 19),
                (*status, 18),
            ],
            ('"entry_date"', True),  # newest first
            f'"status" IN ({open_statuses})',
            48,
        ),
        (
            "latest_log",
            log,
            [
                (*date, 18),
                ("author", '"author"', 25),
                ("challenge", '"entry"', 52),
                ("action_taken", '"action_taken"', 57),
                (*status, 18),
            ],
            ('"entry_date"', True),  # newest first
            None,
            48,
        ),
    )


def _columns(texts, columns) -> list:
    result = []
    for key, expression, width in columns:
        column = QgsLayoutTableColumn(texts(key))
        column.setAttribute(expression)
        column.setWidth(width)
        result.append(column)
    return result


def apply_texts(layout, texts) -> None:
    """Put the report's words in ``texts``' languages (with its emergency number): the layout
    variables its labels read, the tables' headings and choice labels, the empty-table message."""
    for name, value in layout_variables(texts).items():
        QgsExpressionContextUtils.setLayoutVariable(layout, name, value)
    sections = {
        (relation, feature_filter or ""): columns
        for _, relation, columns, _, feature_filter, _ in _sections(texts)
    }
    for frame in layout.multiFrames():
        if isinstance(frame, QgsLayoutItemAttributeTable):
            key = (frame.relationId(), frame.featureFilter() if frame.filterFeatures() else "")
            if key in sections:
                frame.setColumns(_columns(texts, sections[key]))
                frame.refreshAttributes()  # at once: QGIS 3.22 must not measure old rows in new columns
            frame.setEmptyTableMessage(texts("none"))


def _label(layout, text, x, y, width, height, size=9, bold=False, colour=None) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    layout.addLayoutItem(label)
    label.setText(text)
    set_label_font(
        label, QFont("Sans Serif", size, QFont.Weight.Bold if bold else QFont.Weight.Normal), colour
    )
    label.attemptMove(QgsLayoutPoint(x, y, MM))
    label.attemptResize(QgsLayoutSize(width, height, MM))
    return label


def _table(
    layout, relation_id, columns, sort_by, y, height, feature_filter=None
) -> QgsLayoutItemAttributeTable:
    """A table of the atlas sector's related rows (``columns``: QgsLayoutTableColumn) sorted by
    ``sort_by`` = (expression, descending?), at most TABLE_ROWS."""
    table = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(table)
    table.setSource(QgsLayoutItemAttributeTable.ContentSource.RelationChildren)
    table.setRelationId(relation_id)
    table.setColumns(columns)
    sort = QgsLayoutTableColumn()
    sort.setAttribute(sort_by[0])
    sort.setSortOrder(Qt.SortOrder.DescendingOrder if sort_by[1] else Qt.SortOrder.AscendingOrder)
    table.setSortColumns([sort])
    if feature_filter:
        table.setFilterFeatures(True)
        table.setFeatureFilter(feature_filter)
    table.setMaximumNumberOfFeatures(TABLE_ROWS)
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    table.setEmptyTableBehavior(QgsLayoutTable.EmptyTableMode.ShowMessage)
    table.setEmptyTableMessage(DEFAULT_TEXTS("none"))
    for setter, size, bold in ((table.setHeaderTextFormat, 8, True), (table.setContentTextFormat, 8, False)):
        text_format = QgsTextFormat()
        text_format.setFont(QFont("Sans Serif", size, QFont.Weight.Bold if bold else QFont.Weight.Normal))
        text_format.setSize(size)
        setter(text_format)
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)  # rows that do not fit are left out
    frame = QgsLayoutFrame(layout, table)
    frame.attemptMove(QgsLayoutPoint(10, y, MM))
    frame.attemptResize(QgsLayoutSize(190, height, MM))
    table.addFrame(frame)
    return table


def _highlight_style(sectors) -> str:
    """The sectors drawn with the atlas sector filled and the others as outlines, labelled with
    their ids (for the map only: the layer keeps its own style in the project)."""
    copy = sectors.clone()
    labels = QgsPalLayerSettings(copy.labeling().settings()) if copy.labeling() else QgsPalLayerSettings()
    labels.fieldName = "sector_id"
    labels.isExpression = False
    copy.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    copy.setLabelsEnabled(True)
    root = QgsRuleBasedRenderer.Rule(None)
    current = QgsFillSymbol.createSimple(
        {"color": "253,224,182,200", "outline_color": "#b2182b", "outline_width": "0.8"}
    )
    other = QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "#555555", "outline_width": "0.3"}
    )
    root.appendChild(
        QgsRuleBasedRenderer.Rule(current, 0, 0, "$id = @atlas_featureid", DEFAULT_TEXTS("the_sector"))
    )
    root.appendChild(QgsRuleBasedRenderer.Rule(other, 0, 0, "ELSE", DEFAULT_TEXTS("other_sectors")))
    copy.setRenderer(QgsRuleBasedRenderer(root))
    style = QgsMapLayerStyle()
    style.readFromLayer(copy)
    return style.xmlData()


def build_handover_layout(project, layers: dict) -> QgsPrintLayout:
    """The handover layout over the workspace's ``layers`` (keyed by table name), added to ``project``."""
    sectors = layers[SECTORS_TABLE]
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(HANDOVER_LAYOUT_NAME)
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)

    _label(
        layout,
        f'{_variable("sector_handover")}: [% "sector_id" %] [% "sector_name" %]',
        10,
        8,
        190,
        9,
        15,
        True,
    )
    _label(
        layout,
        f"{_variable('district')}: [% coalesce(\"district\", '–') %] · {_variable('printed')} "
        f"[% format_date(now(), 'yyyy-MM-dd') %] · {_variable('internal')}",
        10,
        18,
        190,
        6,
        9,
    )

    map_item = QgsLayoutItemMap(layout)
    layout.addLayoutItem(map_item)
    map_item.setLayers([layers[PARTNERS_TABLE], layers[EVENTS_TABLE], sectors])  # first on top
    map_item.setKeepLayerSet(True)
    map_item.setLayerStyleOverrides({sectors.id(): _highlight_style(sectors)})
    map_item.setKeepLayerStyles(True)
    map_item.setFrameEnabled(True)
    # QGIS 3.22: resize, move, zoom, then CRS, or the map keeps an empty extent.
    map_x, map_y, map_width, map_height = MAP_BOX
    map_item.attemptResize(QgsLayoutSize(map_width, map_height, MM))
    map_item.attemptMove(QgsLayoutPoint(map_x, map_y, MM))
    extent = sectors.extent()
    if not extent.isEmpty():
        map_item.zoomToExtent(extent)
    map_item.setCrs(project.crs())
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    map_item.setAtlasMargin(0.35)

    # Below the map, not on it: they never cover a sector's label.
    scale_bar = QgsLayoutItemScaleBar(layout)
    layout.addLayoutItem(scale_bar)
    scale_bar.setId("scale_bar")
    scale_bar.setStyle("Single Box")
    scale_bar.setLinkedMap(map_item)
    scale_bar.applyDefaultSize(QgsUnitTypes.DistanceUnit.DistanceMeters)
    scale_bar.setNumberOfSegmentsLeft(0)
    scale_bar.setNumberOfSegments(2)
    scale_bar.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth)
    scale_bar.setMinimumBarWidth(SCALE_BAR_WIDTH[0])
    scale_bar.setMaximumBarWidth(SCALE_BAR_WIDTH[1])
    scale_bar.setHeight(2)
    scale_text = QgsTextFormat()
    scale_text.setFont(QFont("Sans Serif", 8))
    scale_text.setSize(8)
    scale_bar.setTextFormat(scale_text)
    scale_bar.refreshItemSize()  # the size of the smaller text, not of the default
    scale_bar.attemptMove(QgsLayoutPoint(*SCALE_BAR_AT, MM))
    north = QgsLayoutItemPicture(layout)
    layout.addLayoutItem(north)
    north.setId("north_arrow")
    north.setPicturePath(
        QgsSymbolLayerUtils.svgSymbolNameToPath("arrows/NorthArrow_02.svg", QgsPathResolver())
    )
    arrow_x, arrow_y, arrow_width, arrow_height = NORTH_ARROW_BOX
    north.attemptMove(QgsLayoutPoint(arrow_x, arrow_y, MM))
    north.attemptResize(QgsLayoutSize(arrow_width, arrow_height, MM))

    _label(layout, key_figures_text(sectors.fields().names()), 125, 26, 75, 88, 8)
    _label(
        layout,
        f"{_variable('neighbours')}: [% coalesce(\"{NEIGHBOUR_LIST}\", '–') %]",
        10,
        117,
        190,
        10,
        8,
    )

    y = 129
    for heading, relation_id, columns, sort_by, feature_filter, height in _sections(DEFAULT_TEXTS):
        _label(layout, _variable(heading), 10, y, 190, 6, 10, True)
        _table(layout, relation_id, _columns(DEFAULT_TEXTS, columns), sort_by, y + 6, height, feature_filter)
        y += height + 9
    _label(
        layout,
        f"{_variable('page')} [% @atlas_featurenumber %] {_variable('of')} [% @atlas_totalfeatures %] · "
        f"{_variable('log_is_internal')}",
        10,
        287,
        190,
        6,
        7,
        colour=QColor("#555555"),
    )

    atlas = layout.atlas()
    atlas.setCoverageLayer(sectors)
    atlas.setPageNameExpression('"sector_id"')
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"sector_id"')
    atlas.setEnabled(True)
    apply_texts(layout, DEFAULT_TEXTS)
    project.layoutManager().addLayout(layout)
    return layout
