"""The handover report: a print layout with one atlas page per sector.

Each page shows the sector on a map (its partners and events on it), its key
figures, manning and officer, the neighbouring sectors (the sectors'
``neighbour_list``, worked out when the workspace is made), the partners, the
open challenges and the latest log entries. Partners and log are read live
through the project's relations, so the layout saved in ``workspace.qgz`` and
the PDF of Export handover report show the log as it is when printed.
"""

from qgis.core import (
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
    QgsPathResolver,
    QgsPrintLayout,
    QgsRuleBasedRenderer,
    QgsSymbolLayerUtils,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from ..core.sector_log import EVENTS_TABLE, LOG_TABLE, OPEN_STATUSES, PARTNERS_TABLE, SECTORS_TABLE
from .sector_workspace import NEIGHBOUR_LIST, RELATION_IDS

LAYOUT_NAME = "Overdragelsesrapport / Handover report"
TO_BE_ANNOUNCED = "Betjent følger / Officer to be announced"
MM = QgsUnitTypes.LayoutMillimeters
TABLE_ROWS = 6  # rows per table: one page per sector
# Key figures shown when the sectors have the field: (field, label, decimals).
KEY_FIGURES = (
    ("population", "Befolkning / Population", 0),
    ("area_km2", "Areal / Area (km²)", 2),
    ("crimes_total", "Forbrydelser / Crimes", 0),
    ("crimes_violence", "  vold / violence", 0),
    ("crimes_burglary", "  indbrud / burglary", 0),
    ("crimes_theft", "  tyveri / theft", 0),
    ("crimes_drugs", "  narko / drugs", 0),
    ("crimes_vandalism", "  hærværk / vandalism", 0),
    ("crimes_harassment", "  chikane / harassment", 0),
    ("crimes_per_1000", "Forbrydelser pr. 1.000 / Crimes per 1,000", 1),
    ("exposed_share", "Andel i udsatte områder / Exposed share", 2),
    ("need_score", "Behov / Need score", 2),
    ("factor", "Faktor / Factor", 0),
    ("officers_required", "Betjente krævet / Officers required", 0),
    ("officers_allocated", "Betjente tildelt / Officers allocated", 0),
)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def key_figures_text(field_names) -> str:
    """Label text (with [% %] expressions) of the key figures the sectors have, and the officer."""
    lines = ["Nøgletal og bemanding / Key figures and manning"]
    for name, label, decimals in KEY_FIGURES:
        if name in field_names:
            lines.append(f"{label}: [% coalesce(format_number(\"{name}\", {decimals}), '–') %]")
    if len(lines) == 1:
        lines.append("(ingen nøgletal / no key figures: run Compute sector manning on the sectors)")
    lines += [
        "",
        "Betjent / Officer",
        f'[% coalesce("officer_name", {_quote(TO_BE_ANNOUNCED)}) %]',
        "Tlf. / Phone: [% coalesce(\"officer_phone\", '–') %]",
        "E-mail: [% coalesce(\"officer_email\", '–') %]",
    ]
    return "\n".join(lines)


def _label(layout, text, x, y, width, height, size=9, bold=False) -> QgsLayoutItemLabel:
    label = QgsLayoutItemLabel(layout)
    layout.addLayoutItem(label)
    label.setText(text)
    label.setFont(QFont("Sans Serif", size, QFont.Bold if bold else QFont.Normal))
    label.attemptMove(QgsLayoutPoint(x, y, MM))
    label.attemptResize(QgsLayoutSize(width, height, MM))
    return label


def _table(
    layout, relation_id, columns, sort_by, y, height, feature_filter=None
) -> QgsLayoutItemAttributeTable:
    """A table of the atlas sector's related rows sorted by ``sort_by`` = (expression, descending?),
    at most TABLE_ROWS."""
    table = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(table)
    table.setSource(QgsLayoutItemAttributeTable.RelationChildren)
    table.setRelationId(relation_id)
    table_columns = []
    for heading, expression, width in columns:
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(expression)
        column.setWidth(width)
        table_columns.append(column)
    table.setColumns(table_columns)
    sort = QgsLayoutTableColumn()
    sort.setAttribute(sort_by[0])
    sort.setSortOrder(Qt.DescendingOrder if sort_by[1] else Qt.AscendingOrder)
    table.setSortColumns([sort])
    if feature_filter:
        table.setFilterFeatures(True)
        table.setFeatureFilter(feature_filter)
    table.setMaximumNumberOfFeatures(TABLE_ROWS)
    table.setWrapBehavior(QgsLayoutTable.WrapText)
    table.setEmptyTableBehavior(QgsLayoutTable.ShowMessage)
    table.setEmptyTableMessage("Ingen / None")
    for setter, size, bold in ((table.setHeaderTextFormat, 8, True), (table.setContentTextFormat, 8, False)):
        text_format = QgsTextFormat()
        text_format.setFont(QFont("Sans Serif", size, QFont.Bold if bold else QFont.Normal))
        text_format.setSize(size)
        setter(text_format)
    table.setResizeMode(QgsLayoutMultiFrame.UseExistingFrames)  # rows that do not fit are left out
    frame = QgsLayoutFrame(layout, table)
    frame.attemptMove(QgsLayoutPoint(10, y, MM))
    frame.attemptResize(QgsLayoutSize(190, height, MM))
    table.addFrame(frame)
    return table


def _highlight_style(sectors) -> str:
    """The sectors drawn with the atlas sector filled and the others as outlines (for the map only:
    the layer keeps its own style in the project)."""
    copy = sectors.clone()
    root = QgsRuleBasedRenderer.Rule(None)
    current = QgsFillSymbol.createSimple(
        {"color": "253,224,182,200", "outline_color": "#b2182b", "outline_width": "0.8"}
    )
    other = QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "#555555", "outline_width": "0.3"}
    )
    root.appendChild(
        QgsRuleBasedRenderer.Rule(current, 0, 0, "$id = @atlas_featureid", "Sektoren / The sector")
    )
    root.appendChild(QgsRuleBasedRenderer.Rule(other, 0, 0, "ELSE", "Andre sektorer / Other sectors"))
    copy.setRenderer(QgsRuleBasedRenderer(root))
    style = QgsMapLayerStyle()
    style.readFromLayer(copy)
    return style.xmlData()


def build_handover_layout(project, layers: dict) -> QgsPrintLayout:
    """The handover layout over the workspace's ``layers`` (keyed by table name), added to ``project``."""
    sectors = layers[SECTORS_TABLE]
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.setName(LAYOUT_NAME)
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Portrait)

    _label(
        layout,
        'Sektoroverdragelse / Sector handover: [% "sector_id" %] [% "sector_name" %]',
        10,
        8,
        190,
        9,
        15,
        True,
    )
    _label(
        layout,
        "Distrikt / District: [% coalesce(\"district\", '–') %] · udskrevet / printed "
        "[% format_date(now(), 'yyyy-MM-dd') %] · INTERNT · INTERNAL",
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
    map_item.attemptResize(QgsLayoutSize(110, 88, MM))
    map_item.attemptMove(QgsLayoutPoint(10, 26, MM))
    extent = sectors.extent()
    if not extent.isEmpty():
        map_item.zoomToExtent(extent)
    map_item.setCrs(project.crs())
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    map_item.setAtlasMargin(0.35)

    scale_bar = QgsLayoutItemScaleBar(layout)
    layout.addLayoutItem(scale_bar)
    scale_bar.setStyle("Single Box")
    scale_bar.setLinkedMap(map_item)
    scale_bar.applyDefaultSize(QgsUnitTypes.DistanceMeters)
    scale_bar.attemptMove(QgsLayoutPoint(12, 104, MM))
    north = QgsLayoutItemPicture(layout)
    layout.addLayoutItem(north)
    north.setPicturePath(
        QgsSymbolLayerUtils.svgSymbolNameToPath("arrows/NorthArrow_02.svg", QgsPathResolver())
    )
    north.attemptMove(QgsLayoutPoint(110, 28, MM))
    north.attemptResize(QgsLayoutSize(8, 8, MM))

    _label(layout, key_figures_text(sectors.fields().names()), 125, 26, 75, 88, 8)
    _label(
        layout,
        f"Nabosektorer / Neighbouring sectors: [% coalesce(\"{NEIGHBOUR_LIST}\", '–') %]",
        10,
        117,
        190,
        10,
        8,
    )

    log = RELATION_IDS[LOG_TABLE]
    open_statuses = ", ".join(_quote(status) for status in OPEN_STATUSES)
    sections = (
        (
            "Samarbejdspartnere / Partners",
            RELATION_IDS[PARTNERS_TABLE],
            [
                ("Navn / Name", '"name"', 50),
                ("Type / Kind", 'represent_value("kind")', 45),
                ("Kontakt / Contact", '"contact"', 80),
            ],
            ('"name"', False),
            None,
            30,
        ),
        (
            "Åbne udfordringer / Open challenges",
            log,
            [
                ("Dato / Date", "format_date(\"entry_date\", 'yyyy-MM-dd')", 18),
                ("Målgruppe / Target group", 'represent_value("target_group")', 32),
                ("Interessent / Party", '"party_of_interest"', 28),
                ("Udfordring / Challenge", '"challenge"', 55),
                ("Opfølgning / Follow-up", "format_date(\"follow_up_date\", 'yyyy-MM-dd')", 19),
                ("Status", 'represent_value("status")', 18),
            ],
            ('"entry_date"', True),  # newest first
            f'"status" IN ({open_statuses})',
            48,
        ),
        (
            "Seneste logindførsler / Latest log entries",
            log,
            [
                ("Dato / Date", "format_date(\"entry_date\", 'yyyy-MM-dd')", 18),
                ("Af / Author", '"author"', 25),
                ("Udfordring / Challenge", '"challenge"', 52),
                ("Handling / Action taken", '"action_taken"', 57),
                ("Status", 'represent_value("status")', 18),
            ],
            ('"entry_date"', True),  # newest first
            None,
            48,
        ),
    )
    y = 129
    for heading, relation_id, columns, sort_by, feature_filter, height in sections:
        _label(layout, heading, 10, y, 190, 6, 10, True)
        _table(layout, relation_id, columns, sort_by, y + 6, height, feature_filter)
        y += height + 9
    _label(
        layout,
        "Side / Page [% @atlas_featurenumber %] af / of [% @atlas_totalfeatures %] · Sektorloggen, "
        "partnere og arrangementer er interne og offentliggøres aldrig / The sector log, partners and "
        "events are internal and never published.",
        10,
        287,
        190,
        6,
        7,
    ).setFontColor(QColor("#555555"))

    atlas = layout.atlas()
    atlas.setCoverageLayer(sectors)
    atlas.setPageNameExpression('"sector_id"')
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"sector_id"')
    atlas.setEnabled(True)
    project.layoutManager().addLayout(layout)
    return layout
