"""Sector leaflets: an A5 page per sector (built in code, an atlas over the sectors) — the sector's
map with its streets, the officer's contact, what the local police officer offers, when to call
the emergency number, and the QR code of the business cards."""

import tempfile
from pathlib import Path

from qgis.core import (
    QgsExpression,
    QgsExpressionContextUtils,
    QgsFillSymbol,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutObject,
    QgsPrintLayout,
    QgsProcessingException,
    QgsProject,
    QgsProperty,
    QgsRuleBasedRenderer,
)
from qgis.PyQt.QtCore import QMetaType

from ..core.business_cards import Card, qr_text
from ..core.streets import finest_page_scale
from ..i18n import tr
from ..inputs.qr_input import qr_code
from .page_items import add_label, add_map, add_picture, fill_layer, streets_layers
from .print_layouts import DEFAULT_DPI, PdfBook

PAGE_MM = (148.0, 210.0)  # A5
MARGIN_MM = 10.0
MAP_MM = (128.0, 88.0)
MAP_MARGIN = 0.15  # around the page's sector, a share of its size
QR_MM = 26.0
SECTOR_FIELDS = [
    ("sector_id", QMetaType.Type.QString),
    ("sector_name", QMetaType.Type.QString),
    ("officer_name", QMetaType.Type.QString),
    ("officer_phone", QMetaType.Type.QString),
    ("officer_email", QMetaType.Type.QString),
    ("qr_path", QMetaType.Type.QString),
]


def write_leaflets(path, frame, streets, texts, offer, web_map_url, crs, feedback) -> int | None:
    """One A5 page per sector of ``frame`` (public fields, in ``crs``) to the PDF ``path``; the
    number of pages, or None when cancelled. ``streets`` is the ``(names, lines)`` of the streets in
    ``crs``, or None."""
    with tempfile.TemporaryDirectory() as folder:
        frame = frame.copy()
        frame["qr_path"] = [
            _qr_svg(Path(folder) / f"qr_{number}.svg", row, texts, web_map_url)
            for number, row in enumerate(frame.to_dict("records"))
        ]
        project = QgsProject()  # private: nothing of the user's project reaches the file
        project.setCrs(crs)
        sectors = fill_layer(
            frame, crs, texts("layer_sectors"), "255,236,153,150", "0,0,0,255", 0.9, SECTOR_FIELDS
        )
        _highlight_the_page_sector(sectors)
        layers = [sectors]
        if streets is not None:
            scale = finest_page_scale(frame.geometry.bounds.to_numpy(), MAP_MM, MAP_MARGIN)
            layers.extend(streets_layers(streets, scale, crs, texts("streets")))
        for layer in layers:
            project.addMapLayer(layer, False)
        layout = _layout(project, sectors, layers, texts, offer)
        return _export(layout, path, texts, feedback)


def _highlight_the_page_sector(layer) -> None:
    """The page's sector filled and outlined strongly; its neighbours only outlined."""
    own = layer.renderer().symbol().clone()
    neighbour = QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "31,58,147,255", "outline_width": "0.4"}
    )
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(own, filterExp="$id = @atlas_featureid"))
    root.appendChild(QgsRuleBasedRenderer.Rule(neighbour, elseRule=True))
    layer.setRenderer(QgsRuleBasedRenderer(root))


def _qr_svg(target: Path, row: dict, texts, web_map_url) -> str:
    officer = row["officer_name"] or texts("officer_tba")
    card = Card(row["sector_id"], row["sector_name"], officer, row["officer_phone"], row["officer_email"])
    text = qr_text(card, web_map_url, texts("police"), texts("your_officer"))
    qr_code(text).save(str(target), border=0)
    return str(target)


def _layout(project, sectors, layers, texts, offer) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A5", QgsLayoutItemPage.Orientation.Portrait)
    width = PAGE_MM[0] - 2 * MARGIN_MM
    add_label(layout, texts("your_officer"), (MARGIN_MM, 8.0), (width, 6.0), 9, bold=True)
    add_label(layout, '[% "sector_name" %]', (MARGIN_MM, 14.0), (width, 9.0), 16, bold=True)
    map_item = add_map(layout, layers, sectors.extent(), (MARGIN_MM, 25.0), MAP_MM)
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Auto)
    map_item.setAtlasMargin(MAP_MARGIN)
    contact = (
        f'[% coalesce("officer_name", {QgsExpression.quotedString(texts("officer_tba"))}) %]\n'
        f"{texts('phone_short')}: [% coalesce(\"officer_phone\", '–') %]\n"
        f"{texts('email')}: [% coalesce(\"officer_email\", '–') %]"
    )
    top = 25.0 + MAP_MM[1] + 5.0
    add_label(layout, contact, (MARGIN_MM, top), (width - QR_MM - 4, 18.0), 10, bold=True)
    picture = add_picture(layout, "", (PAGE_MM[0] - MARGIN_MM - QR_MM, top), (QR_MM, QR_MM))
    picture.dataDefinedProperties().setProperty(
        QgsLayoutObject.DataDefinedProperty.PictureSource, QgsProperty.fromField("qr_path")
    )
    add_label(layout, offer, (MARGIN_MM, top + QR_MM + 3), (width, 42.0), 8.5)
    add_label(
        layout, texts("leaflet_when_emergency"), (MARGIN_MM, PAGE_MM[1] - 27.0), (width, 19.0), 8.5, True
    )
    atlas = layout.atlas()
    atlas.setCoverageLayer(sectors)
    atlas.setPageNameExpression('"sector_id"')
    atlas.setEnabled(True)
    QgsExpressionContextUtils.setLayoutVariable(layout, "ypo_title", texts("sector_leaflets"))
    return layout


def _export(layout, path, texts, feedback) -> int | None:
    atlas = layout.atlas()
    if not atlas.beginRender():
        raise QgsProcessingException(tr("The sector leaflets could not be prepared (atlas error)."))
    book = PdfBook(path, texts("sector_leaflets"), DEFAULT_DPI)
    try:
        for number in range(atlas.count()):
            if feedback.isCanceled():
                return None
            atlas.seekTo(number)
            book.add_page(layout)
            feedback.setProgress(100.0 * (number + 1) / atlas.count())
    finally:
        atlas.endRender()
        book.close()
    return atlas.count()
