"""The sector maps' pages: the layers they draw (sectors, districts, incidents, grid, streets, the
overview's placed labels), the overview and atlas layouts composed from them, and the pages
written as PDF, PNG or SVG."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from qgis.core import (
    QgsFeatureRequest,
    QgsNullSymbolRenderer,
    QgsPalLayerSettings,
    QgsProcessingException,
    QgsProperty,
    QgsRenderContext,
    QgsSimpleFillSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QMetaType, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF

from ..core.crime_charts import file_stems
from ..core.crime_types import CRIME_TYPES, OTHER
from ..core.lazy import lazy_module
from ..core.publication import PUBLIC_FIELDS, place_labels
from ..core.streets import finest_page_scale
from ..i18n import tr
from ..inputs.public_texts import layout_variables
from ..qgis_compat import label_placement
from ..qgis_io.read import read_geometries
from ..qgis_io.write import memory_layer, typed_fields
from ..resources import style_path
from . import print_layouts as layouts
from .page_items import streets_layers

gpd = lazy_module("geopandas")
pd = lazy_module("pandas")

# Map labels on the overview: font, size (pt) and halo (mm).
LABEL_FONT = "DejaVu Sans"
LABEL_SIZE = 7.0
LABEL_BUFFER_MM = 0.8
KEY_FIELD = "map_key"  # the sector's number in the overview's table, its label where no other fits


def text_fields(names):
    return [(name, QMetaType.Type.QString) for name in names]


def quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def overview_columns(audience, texts, key=True):
    """(heading, expression, width mm or 0) of the overview's sector table; the first is the
    sector's number (the map's key) unless ``key`` is false."""
    heading = texts
    keys = [(heading("key_number"), f'"{KEY_FIELD}"', 0)] if key else []
    if audience == "public":
        return [
            *keys,
            (heading("sector"), '"sector_name"', 0),
            (heading("officer"), f'coalesce("officer_name", {quoted(texts("officer_tba_short"))})', 0),
            (heading("phone"), "coalesce(\"officer_phone\", '–')", 0),
            (heading("email"), "coalesce(\"officer_email\", '–')", 0),
        ]
    return [
        *keys,
        (heading("sector"), '"sector_id"', 0),
        (heading("name"), '"sector_name"', 0),
        (heading("population_short"), "coalesce(format_number(\"population\", 0), '–')", 0),
        (heading("factor"), "coalesce(to_string(\"factor\"), '–')", 0),
        (heading("officers_short"), 'coalesce("officers_allocated", "officers_required", \'–\')', 0),
    ]


def _label_candidates(frame, audience, texts) -> list[list[str]]:
    """Per sector the labels to try on the overview, longest first; the last is its number."""
    candidates = []
    for row in frame.itertuples(index=False):
        if audience == "public":
            officer = row.officer_name or texts("officer_tba")
            full = "\n".join(v for v in (row.sector_name, officer, row.officer_phone) if v)
            short = row.sector_name
        else:
            population = "–" if pd.isna(row.population) else f"{row.population:,.0f}"
            officers = next(
                (f"{int(v)}" for v in (row.officers_allocated, row.officers_required) if not pd.isna(v)), "–"
            )
            full = (
                f"{row.sector_name}\n{population} {texts('inhabitants_abbr')}\n"
                f"{officers} {texts('officers_abbr')}"
            )
            short = row.sector_id
        candidates.append(list(dict.fromkeys([full, short, str(getattr(row, KEY_FIELD))])))
    return candidates


def _text_size_mm(text: str, size: float = LABEL_SIZE, bold: bool = False) -> tuple[float, float]:
    """Width and height (mm) of a map label of ``text`` at ``size`` pt, halo included."""
    if not text:
        return 0.0, 0.0
    font = QFont(LABEL_FONT)
    font.setPixelSize(1000)  # measured large, then scaled to the size: independent of screen DPI
    font.setBold(bold)
    metrics = QFontMetricsF(font)
    lines = text.split("\n")
    scale = size * 25.4 / 72 / 1000
    width = max(metrics.horizontalAdvance(line) for line in lines) * scale
    return width + 2 * LABEL_BUFFER_MM, len(lines) * metrics.lineSpacing() * scale + 2 * LABEL_BUFFER_MM


# The overview's labels: (size pt, bold, colour) of a sector's label, its number and a district.
LABEL_STYLES = {
    "sector": (LABEL_SIZE, False, "#1a1a1a"),
    "key": (LABEL_SIZE, True, "#1a1a1a"),
    "district": (10.0, True, "#1f3a93"),
}


def overview_labels(frame, districts, audience, texts, units_per_mm, crs) -> QgsVectorLayer:
    """A layer of the overview's label boxes, each with its text (drawn whatever its neighbours).

    Every sector gets the longest of its candidates that fits (see
    core.publication.place_labels), else its number from the table: none is lost. District names
    are placed after, where they hide no sector label, and left out where they would.
    """
    candidates = _label_candidates(frame, audience, texts)
    sizes = [
        [_text_size_mm(text, bold=index == len(texts_) - 1) for index, text in enumerate(texts_)]
        for texts_ in candidates
    ]
    boxes: list = []
    placed = place_labels(list(frame.geometry.values), sizes, units_per_mm, placed=boxes)
    district_size, district_bold, _ = LABEL_STYLES["district"]
    # A district's name: at its centre, else a little above or below it, else left out.
    district_candidates, district_sizes = [], []
    for name in districts["district"]:
        width, height = _text_size_mm(name, district_size, district_bold)
        shifts = (0.0, 1.2 * height, -1.2 * height, 2.4 * height, -2.4 * height)
        district_candidates.append([name] * len(shifts) + [""])
        district_sizes.append([(width, height, 0.0, dy) for dy in shifts] + [(0.0, 0.0)])
    placed_districts = place_labels(
        list(districts.geometry.values), district_sizes, units_per_mm, inside_share=0.0, placed=boxes
    )
    rows = [
        (point, texts_[index], sizes_[index], "key" if index == len(texts_) - 1 else "sector")
        for (point, index), texts_, sizes_ in zip(placed, candidates, sizes, strict=True)
    ] + [
        (point, texts_[index], sizes_[index], "district")
        for (point, index), texts_, sizes_ in zip(
            placed_districts, district_candidates, district_sizes, strict=True
        )
    ]
    labels, kinds, rectangles = [], [], []
    for point, text, (width, height, *_), kind in rows:
        if point is None or not text:
            continue
        half_width, half_height = width * units_per_mm / 2, height * units_per_mm / 2
        xmin, ymin, xmax, ymax = (
            point.x - half_width,
            point.y - half_height,
            point.x + half_width,
            point.y + half_height,
        )
        labels.append(text)
        kinds.append(kind)
        # the ring QgsGeometry.fromRect draws
        rectangles.append(
            shapely.Polygon([(xmin, ymin), (xmax, ymin), (xmax, ymax), (xmin, ymax), (xmin, ymin)])
        )
    label_frame = gpd.GeoDataFrame({"label": labels, "kind": kinds}, geometry=rectangles)
    label_fields = typed_fields([("label", QMetaType.Type.QString), ("kind", QMetaType.Type.QString)])
    layer = memory_layer(label_frame, "Polygon", crs, "labels", label_fields)
    settings = QgsPalLayerSettings()
    settings.fieldName = "label"
    settings.placement = label_placement("OverPoint")
    settings.multilineAlign = QgsPalLayerSettings.MultiLineAlign.MultiCenter
    settings.displayAll = True  # placed above so that none hides another: draw every one
    text_format = QgsTextFormat()
    text_format.setFont(QFont(LABEL_FONT))
    text_format.setSize(LABEL_SIZE)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(LABEL_BUFFER_MM)
    buffer.setColor(QColor(255, 255, 255))
    text_format.setBuffer(buffer)
    settings.setFormat(text_format)
    properties = settings.dataDefinedProperties()
    for key, position in (
        (QgsPalLayerSettings.Property.Size, 0),
        (QgsPalLayerSettings.Property.Bold, 1),
        (QgsPalLayerSettings.Property.Color, 2),
    ):
        cases = " ".join(
            f"WHEN \"kind\" = '{kind}' THEN {quoted(str(style[position]))}"
            for kind, style in LABEL_STYLES.items()
        )
        properties.setProperty(key, QgsProperty.fromExpression(f"CASE {cases} END"))
    settings.setDataDefinedProperties(properties)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    layer.setRenderer(QgsNullSymbolRenderer())  # the label alone, not its box
    return layer


def set_label_expression(layer, expression: str) -> None:
    """Label ``layer`` with ``expression``, keeping the rest of its style's label settings."""
    settings = QgsPalLayerSettings(layer.labeling().settings())
    settings.fieldName = expression
    settings.isExpression = True
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))


def name_categories(layer, name_of) -> None:
    """Legend texts of a categorized style, from the category values."""
    renderer = layer.renderer()
    for index, category in enumerate(renderer.categories()):
        renderer.updateCategoryLabel(index, name_of(category.value()))


def name_factor_classes(layer, texts) -> None:
    def name(value):
        factor = int(value)
        key = {1: "factor_high", 5: "factor_low"}.get(factor, "factor_class")
        return texts(key, factor=factor, per=factor * 1000)

    name_categories(layer, name)


def load_grid_style(layer, texts) -> None:
    layer.loadNamedStyle(str(style_path("crime_grid")))
    renderer = layer.renderer()
    ranges = renderer.ranges()
    if ranges:
        last = len(ranges) - 1
        renderer.updateRangeLabel(last, texts("more_than", count=int(ranges[last].lowerValue())))


def grid_layer(source, crs, transform_context, texts, feedback) -> QgsVectorLayer:
    """The cells of ``source`` (written by Crime grid) in ``crs``, drawn as a heat map; refused
    without a ``crimes_total`` field."""
    request = QgsFeatureRequest().setDestinationCrs(crs, transform_context)
    grid = source.materialize(request, feedback)
    grid.setName(texts("layer_grid"))
    load_grid_style(grid, texts)
    grid.setOpacity(0.7)
    if grid.fields().lookupField("crimes_total") < 0:
        raise QgsProcessingException(
            tr(
                "GRID ({layer}) has no field 'crimes_total'; give the cells written by Crime grid.",
                layer=source.sourceName(),
            )
        )
    return grid


def district_frame(frame):
    """District outlines dissolved from the sectors (the district name is public)."""
    rows = frame[frame["district"].notna()]
    districts, geometries = [], []
    for district, group in rows.groupby("district", sort=True):
        districts.append(district)
        geometries.append(shapely.union_all(shapely.make_valid(group.geometry.values.to_numpy())))
    return gpd.GeoDataFrame({"district": districts}, geometry=geometries, crs=frame.crs)


def district_layer(outlines, crs, name) -> QgsVectorLayer:
    """The districts (see :func:`district_frame`) in their style."""
    layer = memory_layer(
        outlines, "MultiPolygon", crs, name, typed_fields([("district", QMetaType.Type.QString)])
    )
    layer.loadNamedStyle(str(style_path("districts")))
    return layer


def point_layer(xy, categories, crs, name) -> QgsVectorLayer:
    """The incidents with a location, as points with their crime type."""
    located = np.isfinite(xy).all(axis=1) if len(xy) else np.zeros(0, dtype=bool)
    frame = gpd.GeoDataFrame(
        {"crime_type": [str(category) for category in np.asarray(categories, dtype=object)[located]]},
        geometry=shapely.points(np.asarray(xy, dtype=float).reshape(-1, 2)[located]),
    )
    return memory_layer(frame, "Point", crs, name, typed_fields([("crime_type", QMetaType.Type.QString)]))


@dataclass
class MapLayers:
    """The layers of one run's maps: the sectors on the overview and on the sector pages, what else
    the pages draw (incidents, grid) and which layers the legends list."""

    sectors: QgsVectorLayer
    pages: QgsVectorLayer
    extra: list = field(default_factory=list)
    legend: list = field(default_factory=list)
    atlas_legend: list = field(default_factory=list)


def sector_fields(figures=None) -> list:
    """The fields [(name, type)] of the sectors' map layers: the public fields and the sector's number
    in the table; for internal maps (``figures``, the key figures [(name, type)]) also the figures,
    the neighbours and the chart files."""
    if figures is None:
        return text_fields(PUBLIC_FIELDS) + [(KEY_FIELD, QMetaType.Type.Int)]
    return (
        text_fields(PUBLIC_FIELDS)
        + list(figures)
        + text_fields(("neighbour_list", "chart_hours", "chart_types"))
        + [(KEY_FIELD, QMetaType.Type.Int)]
    )


def sector_layers(frame, audience, crs, name, fields, texts) -> MapLayers:
    """The sectors styled for ``audience``: once for the overview, once for the sector pages."""
    sectors = memory_layer(frame, "MultiPolygon", crs, name, typed_fields(fields))
    pages = memory_layer(frame, "MultiPolygon", crs, name, typed_fields(fields))
    if audience == "public":
        sectors.loadNamedStyle(str(style_path("sectors_public")))
        pages.loadNamedStyle(str(style_path("sectors_public")))
        set_label_expression(
            pages,
            "\"sector_name\" || '\\n' || coalesce(\"officer_name\", "
            f"{quoted(texts('officer_tba'))}) || coalesce('\\n' || \"officer_phone\", '')",
        )
        return MapLayers(sectors, pages)
    sectors.loadNamedStyle(str(style_path("sectors_internal")))
    name_factor_classes(sectors, texts)
    pages.loadNamedStyle(str(style_path("sectors_outline")))
    return MapLayers(sectors, pages, legend=[sectors])


def page_variables(frame, texts, title, period_text, sources) -> dict[str, str]:
    """The layout variables every page prints: the texts, title, period, date, sources, the number
    of sectors and of officers allocated (when the sectors have them)."""
    officers = ""
    if "officers_allocated" in frame.columns:
        total = pd.to_numeric(frame["officers_allocated"], errors="coerce").sum(min_count=1)
        officers = "–" if pd.isna(total) else f"{int(total)}"
    return {
        **layout_variables(texts),
        "ypo_title": title,
        "ypo_period": period_text or "–",
        "ypo_date": _dt.date.today().isoformat(),
        "ypo_sources": sources,
        "ypo_sector_count": str(len(frame)),
        "ypo_officer_total": officers or "–",
    }


def outlines_of(layer, frame, crs) -> QgsVectorLayer:
    """The sectors of ``layer`` (made from ``frame``) drawn as ``layer`` draws them but without
    fill or labels: over the streets, which are drawn over the sectors' fill."""
    outlines = memory_layer(frame, "MultiPolygon", crs, layer.name(), layer.fields())  # the same ids
    renderer = layer.renderer().clone()
    for symbol in renderer.symbols(QgsRenderContext()):
        for symbol_layer in symbol.symbolLayers():
            if isinstance(symbol_layer, QgsSimpleFillSymbolLayer):
                symbol_layer.setBrushStyle(Qt.BrushStyle.NoBrush)
    outlines.setRenderer(renderer)
    outlines.setLabelsEnabled(False)
    return outlines


def with_streets(sectors, others, streets, frame, crs) -> list:
    """The layers of a map (first drawn on top): ``sectors`` over the ``others`` (incidents, grid)
    or, with ``streets`` (their layers), the sectors' fill at the bottom, the streets over it and
    under the others, and the sectors' outlines on top."""
    if not streets:
        return [sectors, *others]
    return [outlines_of(sectors, frame, crs), *others, *streets, sectors]


def compose_maps(
    project, frame, layers: MapLayers, variables, audience, paper, atlas, title, texts, crs, streets=None
):
    """The overview layout and, when ``atlas``, the sector pages' layout (else None); ``streets``
    (their ``(names, lines)`` in ``crs``) are drawn lightly under the sectors' outlines on every
    map, simplified to the overview's scale there and to the most zoomed-in sector page's on the
    sector pages."""
    layers.sectors.setLabelsEnabled(False)  # the overview's labels are placed below: none is lost
    district_outlines = district_frame(frame)
    districts = district_layer(district_outlines, crs, texts("layer_districts"))  # sector pages
    data_extent = layers.sectors.extent()
    data_extent.scale(1.04)

    overview = layouts.load_layout(project, f"overview_{audience}", paper, variables)
    table = layouts.set_table(overview, layers.sectors, overview_columns(audience, texts))
    if table is not None:
        layouts.continue_table(overview, table, f"{title} ({texts('continued')})")
    extent, units_per_mm = layouts.map_extent_clear_of(overview, data_extent)
    labels = overview_labels(frame, district_outlines, audience, texts, units_per_mm, crs)
    overview_districts = district_layer(district_outlines, crs, texts("layer_districts"))
    overview_districts.setLabelsEnabled(False)  # named by the label layer, clear of the sectors' labels
    overview_streets = []
    if streets is not None:  # named clear of the sectors' labels, which are drawn whatever is there
        keep_clear = read_geometries(labels)[1]
        overview_streets = streets_layers(streets, units_per_mm, crs, texts("streets"), keep_clear)
    overview_layers = [  # the grid: on the sector pages only
        labels,
        overview_districts,
        *with_streets(layers.sectors, [], overview_streets, frame, crs),
    ]
    _add_to(project, [*overview_layers, layers.pages, districts, *layers.extra])
    layouts.set_map(overview, overview_layers, extent, crs)
    layouts.set_legend(
        overview, layers.legend + [overview_districts] if layers.legend else [], texts("legend")
    )

    pages = None
    if atlas:
        pages = layouts.load_layout(project, f"atlas_{audience}", paper, variables)
        atlas_streets = []
        if streets is not None:
            map_item = layouts.item(pages, "map")
            size = map_item.sizeWithUnits()
            scale = finest_page_scale(
                frame.geometry.bounds.to_numpy(), (size.width(), size.height()), map_item.atlasMargin()
            )
            atlas_streets = streets_layers(streets, scale, crs, texts("streets"))
        atlas_layers = [districts, *with_streets(layers.pages, layers.extra, atlas_streets, frame, crs)]
        _add_to(project, atlas_layers)
        layouts.set_map(pages, atlas_layers, data_extent, crs)
        layouts.set_legend(pages, layers.atlas_legend, texts("legend"))
        map_item = layouts.item(pages, "map")
        map_item.setAtlasDriven(True)
        pages.atlas().setCoverageLayer(layers.pages)
        pages.atlas().setPageNameExpression('"sector_id"')
        pages.atlas().setEnabled(True)
    return overview, pages


def _add_to(project, layers) -> None:
    """Add the ``layers`` a map draws to the run's private ``project`` (each once)."""
    for layer in layers:
        if project.mapLayer(layer.id()) is None:
            project.addMapLayer(layer, False)


def export_maps(overview, pages, audience, fmt, dpi, title, folder: Path, frame, feedback):
    """Write the overview and the sector pages (one PDF book, or one file per page); returns the
    files and the number of pages, or None when cancelled."""
    files = []
    book = layouts.PdfBook(str(folder / f"{audience}_sector_maps.pdf"), title, dpi) if fmt == "pdf" else None

    overview_pages = overview.pageCollection().pageCount()
    total = overview_pages + (len(frame) if pages is not None else 0)

    def write(layout, stem):
        if book is not None:
            book.add_page(layout)
            return
        path = str(folder / f"{stem}.{fmt}")
        files.extend((layouts.export_image if fmt == "png" else layouts.export_svg)(layout, path, dpi))

    feedback.setProgressText(tr("Writing {count} pages…", count=total))
    try:
        write(overview, f"{audience}_overview")
        feedback.setProgress(40 + 60 * overview_pages / total)
        if pages is not None:
            _write_sector_pages(pages, frame, audience, write, feedback, overview_pages, total)
    finally:
        if book is not None:
            book.close()
    if book is not None:
        files.append(book.path)
    if feedback.isCanceled():
        return None
    return files, total


def _write_sector_pages(pages, frame, audience, write, feedback, pages_before, total):
    """Write one atlas page per sector through ``write`` until cancelled, each with its sector's
    charts; progress counts on from the ``pages_before`` pages written, out of ``total``."""
    atlas = pages.atlas()
    if not atlas.beginRender():
        raise QgsProcessingException(tr("The sector pages could not be prepared (atlas error)."))
    stems = dict(zip(frame["sector_id"], file_stems(list(frame["sector_id"])), strict=True))
    hours, types = (
        layouts.item(pages, "chart_hours", False),
        layouts.item(pages, "chart_types", False),
    )
    for number in range(atlas.count()):
        if feedback.isCanceled():
            break
        atlas.seekTo(number)
        feature = atlas.layout().reportContext().feature()
        sector_id = feature["sector_id"]
        if hours is not None and types is not None:
            _show_charts(feature, ((hours, "chart_hours"), (types, "chart_types")))
        write(pages, f"{audience}_sector_{stems[sector_id]}")
        feedback.setProgress(40 + 60 * (pages_before + number + 1) / total)
    atlas.endRender()


def _show_charts(feature, pictures):
    """Point each ``(picture, field name)`` of a sector page at the chart file the sector's feature
    names in that field; a picture without a file is hidden."""
    for picture, field_name in pictures:
        path = feature[field_name] if feature.fields().lookupField(field_name) >= 0 else None
        picture.setVisibility(bool(path))
        if path:
            picture.setPicturePath(path)


def crime_layers(result, points, settings, crs, texts, grid=None):
    """The incidents in the period (styled by crime type) and the grid (``grid``, else the cells of
    ``result``, a core crime grid) for the internal sector pages."""
    if grid is None:
        cells = result.cells[["cell_id", "crimes_total", "geometry"]]
        cell_fields = typed_fields(
            [("cell_id", QMetaType.Type.LongLong), ("crimes_total", QMetaType.Type.LongLong)]
        )
        grid = memory_layer(cells, "MultiPolygon", crs, texts("layer_grid"), cell_fields)
        load_grid_style(grid, texts)
    grid.setOpacity(0.7)  # incidents and sector lines stay visible through the heat
    in_period = result.in_period
    codes = settings.crime_type_map.classify(np.asarray(points.types, dtype=object)[in_period]).codes
    categories = np.array(list(CRIME_TYPES) + [OTHER], dtype=object)[
        np.where(codes >= 0, codes, len(CRIME_TYPES))
    ]
    incidents = point_layer(points.xy[in_period], categories, crs, texts("layer_incidents"))
    incidents.loadNamedStyle(str(style_path("incidents")))
    name_categories(incidents, lambda value: texts(str(value)))
    return incidents, grid
