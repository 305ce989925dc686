"""ypo:exportsectormaps — publication-ready sector maps (PDF/PNG/SVG) for an internal or public audience."""

from __future__ import annotations

import datetime as _dt
import tempfile
from pathlib import Path

import numpy as np
import shapely
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsNullSymbolRenderer,
    QgsPalLayerSettings,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsProject,
    QgsProperty,
    QgsRectangle,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QMetaType
from qgis.PyQt.QtGui import QColor, QFont, QFontMetricsF

from ..conversion import source_to_frame
from ..core.crime_charts import file_stems
from ..core.crime_grid import CrimeGridInput, CrimeGridSettings, compute_crime_grid
from ..core.crime_types import CRIME_TYPES, OTHER
from ..core.errors import InputError
from ..core.lazy import lazy_module
from ..core.progress import Cancelled
from ..core.publication import PUBLIC_FIELDS, place_labels, public_frame
from ..core.publication_charts import write_page_charts
from ..core.sectors import touching_neighbour_texts
from ..crs import working_crs
from ..qgis_compat import label_placement, new_field
from ..resources import style_path
from . import print_layouts as layouts
from .base import YpoAlgorithm, enum_parameter
from .compute_manning import RESULT_FIELDS as MANNING_FIELDS
from .crime_grid import period_label
from .crime_input import CRIMES, CrimeParameters
from .print_layouts import DEFAULT_DPI
from .public_texts import HELP as TEXT_HELP
from .public_texts import add_text_parameters, layout_variables, read_texts

pd = lazy_module("pandas")

AUDIENCES = ("public", "internal")
FORMATS = ("pdf", "png", "svg")
PAPERS = ("A4", "A3")
# Figures shown on internal pages (read when the sectors have them; empty otherwise), typed as
# Compute sector manning writes them.
INTERNAL_NUMBERS = tuple(
    (name, dict(MANNING_FIELDS)[name])
    for name in (
        "population",
        "area_km2",
        "crimes_total",
        "crimes_per_1000",
        "need_score",
        "factor",
        "officers_required",
        "officers_allocated",
    )
)
# Map labels on the overview: font, size (pt) and halo (mm).
LABEL_FONT = "DejaVu Sans"
LABEL_SIZE = 7.0
LABEL_BUFFER_MM = 0.8
KEY_FIELD = "map_key"  # the sector's number in the overview's table, its label where no other fits
# Incidents are optional (internal maps only); their dates give the charts by hour and weekday.
CRIME_PARAMETERS = CrimeParameters(optional=True)


class ExportSectorMapsAlgorithm(YpoAlgorithm):
    SECTORS = "SECTORS"
    GRID = "GRID"
    AUDIENCE = "AUDIENCE"
    FORMAT = "FORMAT"
    ATLAS = "ATLAS"
    TITLE = "TITLE"
    PAPER = "PAPER"
    DPI = "DPI"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    FILES = "FILES"
    FILE_COUNT = "FILE_COUNT"
    PAGE_COUNT = "PAGE_COUNT"

    def name(self):
        return "exportsectormaps"

    def displayName(self):  # noqa: N802 - name fixed by QGIS
        return self.tr("Export sector maps")

    def shortHelpString(self):  # noqa: N802 - name fixed by QGIS
        return self.tr(
            "Writes publication-ready sector maps from the print-layout templates in the plugin's "
            "styles folder: an overview page and, with Atlas, one page per sector after it. Texts are "
            "in Danish and English or in one of them (Language); north arrow, scale bar, date and "
            "sources on every page.\n\n"
            "The overview lists every sector in a table, continued on further pages when the plan is "
            "long. On its map every sector is labelled: with its name and figures where they fit, "
            "else with its id or name, else with its number in the table (column 'Nr. / No.').\n\n"
            "Internal maps (marked 'INTERNT · INTERNAL'): the overview shows the sectors coloured by "
            "manning factor with name, population and officers, the districts, the crime grid when "
            "given, a legend and a sector table; each sector page shows the sector with its grid cells "
            "and incidents, crimes by hour and weekday and by type (from Crime incidents), key figures "
            "(population, area, crimes, need, factor, officers) and the neighbouring sectors.\n\n"
            "Public maps contain only sector_id, sector_name, district, officer_name, officer_phone, "
            "officer_email and the boundaries: an allow-list. No other field of the layer, no crime "
            "incidents and no grid ever reach a public page, and the files carry no metadata but the "
            "title. The overview lists every sector's officer with phone and e-mail; each sector page "
            "shows the sector and a contact card with the emergency number. A missing officer is shown "
            "as 'Officer to be announced'.\n\n"
            "Parameters:\n"
            "Sectors — the sector polygons with sector_id (required, unique), sector_name, district, "
            "the officer fields and, for internal maps, the fields of Compute sector manning. Any CRS; "
            "maps are drawn in the sectors' CRS when it is metric, else in its UTM zone.\n"
            "The crime incidents are for internal maps only: drawn and counted on the sector pages; "
            "the period is printed on the pages (without one, the dates of the data).\n"
            + CRIME_PARAMETERS.help(date_use="it gives the charts by hour and weekday")
            + "Crime grid (optional, internal only) — cells from Crime grid, drawn as a heat map; "
            "without it, a 250 m grid is computed from the incidents.\n"
            "Audience — public (default) or internal.\n"
            "Format — pdf (one file: overview and sector pages), png or svg (one file per page).\n"
            "Atlas — one page per sector after the overview (default yes).\n"
            "Title — printed on the pages (a default for each audience).\n"
            "Paper — A4 or A3 landscape.\n"
            + TEXT_HELP
            + f"DPI — resolution of PNG pages and of raster parts of PDF/SVG (default {DEFAULT_DPI}).\n"
            "Output folder — where the files are written: <audience>_sector_maps.pdf, or "
            "<audience>_overview.<format> (and _2, _3… for the table's further pages) and "
            "<audience>_sector_<sector_id>.<format>.\n\n"
            "Results: FILES (the files written, separated by ';'), FILE_COUNT and PAGE_COUNT."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - name fixed by QGIS
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SECTORS, self.tr("Sectors"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        CRIME_PARAMETERS.add_to(self)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.GRID, self.tr("Crime grid"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True
            )
        )
        for name, description, options, default in (
            (self.AUDIENCE, "Audience", AUDIENCES, "public"),
            (self.FORMAT, "Format", FORMATS, "pdf"),
        ):
            self.addParameter(enum_parameter(name, self.tr(description), options, default))
        self.addParameter(QgsProcessingParameterBoolean(self.ATLAS, self.tr("Atlas"), True))
        self.addParameter(QgsProcessingParameterString(self.TITLE, self.tr("Title"), optional=True))
        self.addParameter(enum_parameter(self.PAPER, self.tr("Paper"), PAPERS, "A4"))
        add_text_parameters(self)
        layouts.add_dpi_parameter(self, self.DPI, max_dpi=1200)
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Output folder"))
        )
        self.addOutput(QgsProcessingOutputString(self.FILES, self.tr("Files written")))
        self.addOutput(QgsProcessingOutputNumber(self.FILE_COUNT, self.tr("Number of files")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGE_COUNT, self.tr("Number of pages")))

    # --- running -----------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - name fixed by QGIS
        self._temporary = None
        try:
            return self._run(parameters, context, feedback)
        except Cancelled:
            return {}
        except InputError as error:
            raise self.processing_error(error) from None
        finally:
            if self._temporary is not None:
                self._temporary.cleanup()
                self._temporary = None

    def _chart_dir(self) -> str:
        """A temporary folder for the charts of this run, removed when it ends."""
        if self._temporary is None:
            self._temporary = tempfile.TemporaryDirectory(prefix="ypo_charts_")
        return self._temporary.name

    def _run(self, parameters, context, feedback):
        audience = self.enum_value(parameters, self.AUDIENCE, context)
        fmt = self.enum_value(parameters, self.FORMAT, context)
        paper = self.enum_value(parameters, self.PAPER, context)
        atlas = self.parameterAsBoolean(parameters, self.ATLAS, context)
        dpi = self.parameterAsInt(parameters, self.DPI, context) or DEFAULT_DPI
        texts = read_texts(self, parameters, context)
        title = (self.parameterAsString(parameters, self.TITLE, context) or "").strip() or texts(
            f"title_{audience}"
        )
        folder = Path(self.parameterAsFileOutput(parameters, self.OUTPUT_FOLDER, context))
        folder.mkdir(parents=True, exist_ok=True)

        sectors = self.parameterAsSource(parameters, self.SECTORS, context)
        if sectors is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SECTORS))
        crs = working_crs(sectors, "Sectors", context.transformContext())
        project = QgsProject()  # private: nothing of the user's project reaches the files
        project.setCrs(crs)
        project.setTitle(title)

        feedback.setProgressText(self.tr("Reading the sectors…"))
        sectors_name = texts("layer_sectors")
        if audience == "public":
            for name in (CRIMES, self.GRID):
                if parameters.get(name):
                    feedback.pushWarning(f"{name} is never drawn on public maps; it is ignored.")
            frame = self._public_sectors(sectors, crs, context, feedback, texts)
            frame[KEY_FIELD] = np.arange(1, len(frame) + 1)
            fields = _text_fields(PUBLIC_FIELDS) + [(KEY_FIELD, QMetaType.Type.Int)]
            sector_layer = _memory_layer(frame, "MultiPolygon", crs, sectors_name, fields)
            sector_layer.loadNamedStyle(str(style_path("sectors_public")))
            page_layer = _memory_layer(frame, "MultiPolygon", crs, sectors_name, fields)
            page_layer.loadNamedStyle(str(style_path("sectors_public")))
            _set_label_expression(
                page_layer,
                "\"sector_name\" || '\\n' || coalesce(\"officer_name\", "
                f"{_quoted(texts('officer_tba'))}) || coalesce('\\n' || \"officer_phone\", '')",
            )
            extra_layers, legend_layers, atlas_legend = [], [], []
            period_text = ""
            sources = texts("public_sources")
        else:
            frame = self._internal_sectors(sectors, crs, context, feedback, texts)
            frame[KEY_FIELD] = np.arange(1, len(frame) + 1)
            charts, incidents, grid, period_text = self._crime_layers(
                parameters, context, frame, crs, feedback, texts
            )
            frame["chart_hours"] = [charts.get(i, ("", ""))[0] for i in frame["sector_id"]]
            frame["chart_types"] = [charts.get(i, ("", ""))[1] for i in frame["sector_id"]]
            fields = _internal_fields()
            sector_layer = _memory_layer(frame, "MultiPolygon", crs, sectors_name, fields)
            sector_layer.loadNamedStyle(str(style_path("sectors_internal")))
            _name_factor_classes(sector_layer, texts)
            page_layer = _memory_layer(frame, "MultiPolygon", crs, sectors_name, fields)
            page_layer.loadNamedStyle(str(style_path("sectors_outline")))
            extra_layers = [layer for layer in (incidents, grid) if layer is not None]
            legend_layers = [sector_layer]
            atlas_legend = extra_layers
            sources = "; ".join(
                f"{label}: {source}"
                for label, source in (
                    (texts("sources_sectors"), sectors.sourceName()),
                    (texts("sources_incidents"), self._source_name(parameters, CRIMES, context)),
                    (texts("sources_grid"), self._source_name(parameters, self.GRID, context)),
                )
                if source
            )
        if feedback.isCanceled():
            return {}
        sector_layer.setLabelsEnabled(False)  # the overview's labels are placed below: none is lost
        district_outlines = _district_frame(frame)
        districts = _district_layer(district_outlines, crs, texts("layer_districts"))  # sector pages

        officers = ""
        if "officers_allocated" in frame.columns:
            total = pd.to_numeric(frame["officers_allocated"], errors="coerce").sum(min_count=1)
            officers = "–" if pd.isna(total) else f"{int(total)}"
        variables = {
            **layout_variables(texts),
            "ypo_title": title,
            "ypo_period": period_text or "–",
            "ypo_date": _dt.date.today().isoformat(),
            "ypo_sources": sources,
            "ypo_sector_count": str(len(frame)),
            "ypo_officer_total": officers or "–",
        }
        data_extent = sector_layer.extent()
        data_extent.scale(1.04)

        overview = layouts.load_layout(project, f"overview_{audience}", paper, variables)
        table = layouts.set_table(overview, sector_layer, overview_columns(audience, texts))
        if table is not None:
            layouts.continue_table(overview, table, f"{title} ({texts('continued')})")
        extent, units_per_mm = layouts.map_extent_clear_of(overview, data_extent)
        labels = _overview_labels(frame, district_outlines, audience, texts, units_per_mm, crs)
        overview_districts = _district_layer(district_outlines, crs, texts("layer_districts"))
        overview_districts.setLabelsEnabled(False)  # named by the label layer, clear of the sectors' labels
        for layer in [sector_layer, page_layer, districts, overview_districts, labels, *extra_layers]:
            if project.mapLayer(layer.id()) is None:
                project.addMapLayer(layer, False)
        overview_layers = [labels, overview_districts, sector_layer]  # the grid: on the sector pages only
        layouts.set_map(overview, overview_layers, extent, crs)
        layouts.set_legend(
            overview, legend_layers + [overview_districts] if legend_layers else [], texts("legend")
        )

        pages = None
        if atlas:
            pages = layouts.load_layout(project, f"atlas_{audience}", paper, variables)
            atlas_layers = [districts, page_layer, *extra_layers]
            layouts.set_map(pages, atlas_layers, data_extent, crs)
            layouts.set_legend(pages, atlas_legend, texts("legend"))
            map_item = layouts.item(pages, "map")
            map_item.setAtlasDriven(True)
            pages.atlas().setCoverageLayer(page_layer)
            pages.atlas().setPageNameExpression('"sector_id"')
            pages.atlas().setEnabled(True)

        return self._export(overview, pages, audience, fmt, dpi, title, folder, frame, feedback)

    # --- reading ---------------------------------------------------------------

    def _read_sectors(self, sectors, wanted, crs, context, feedback, texts):
        """The sectors with those of the ``wanted`` fields they have, as read and as
        :func:`public_frame` makes them, and the names of those fields."""
        names = [name for name in wanted if sectors.fields().lookupField(name) >= 0]
        source_frame = source_to_frame(sectors, names, crs, context.transformContext(), feedback)
        if source_frame.empty:
            raise QgsProcessingException(
                f"SECTORS ({sectors.sourceName()}) has no features; give the sector polygons."
            )
        frame = public_frame(source_frame, f"SECTORS ({sectors.sourceName()})")
        _warn_about_officers(frame, names, feedback, texts)
        return source_frame, frame, names

    def _public_sectors(self, sectors, crs, context, feedback, texts):
        return self._read_sectors(sectors, PUBLIC_FIELDS, crs, context, feedback, texts)[1]

    def _internal_sectors(self, sectors, crs, context, feedback, texts):
        wanted = list(PUBLIC_FIELDS) + [name for name, _ in INTERNAL_NUMBERS]
        source_frame, frame, names = self._read_sectors(sectors, wanted, crs, context, feedback, texts)
        by_id = source_frame.assign(_key=[str(v).strip() for v in source_frame["sector_id"]]).set_index(
            "_key"
        )
        for name, _ in INTERNAL_NUMBERS:
            values = by_id[name] if name in by_id.columns else pd.Series(np.nan, index=by_id.index)
            frame[name] = pd.to_numeric(values.reindex(frame["sector_id"]).to_numpy(), errors="coerce")
        if "area_km2" not in names:
            frame["area_km2"] = shapely.area(frame.geometry.values.to_numpy()) / 1e6
        missing = [name for name, _ in INTERNAL_NUMBERS if name not in names and name != "area_km2"]
        if missing:
            feedback.pushWarning(
                f"SECTORS has no field {', '.join(missing)}: shown as '–'. Run Compute sector manning "
                "on the sectors for the full key figures."
            )
        frame["neighbour_list"] = touching_neighbour_texts(
            list(frame["sector_id"]), list(frame["sector_name"]), frame.geometry.values.to_numpy()
        )
        return frame

    def _source_name(self, parameters, name, context):
        if not parameters.get(name):
            return ""
        source = self.parameterAsSource(parameters, name, context)
        return source.sourceName() if source is not None else ""

    def _crime_layers(self, parameters, context, frame, crs, feedback, texts):
        """Charts per sector {id: (hours, types)}, the incident and grid layers and the period text."""
        transform_context = context.transformContext()
        grid = None
        grid_source = (
            self.parameterAsSource(parameters, self.GRID, context) if parameters.get(self.GRID) else None
        )
        if grid_source is not None:
            request = QgsFeatureRequest().setDestinationCrs(crs, transform_context)
            grid = grid_source.materialize(request, feedback)
            grid.setName(texts("layer_grid"))
            _load_grid_style(grid, texts)
            grid.setOpacity(0.7)
            if grid.fields().lookupField("crimes_total") < 0:
                raise QgsProcessingException(
                    f"GRID ({grid_source.sourceName()}) has no field 'crimes_total'; give the cells written "
                    "by Crime grid."
                )
        crimes = CRIME_PARAMETERS.layer(self, parameters, context)
        settings = CrimeGridSettings(**CRIME_PARAMETERS.settings(self, parameters, context))
        period = settings.period
        if crimes is None:
            return {}, None, grid, period_label(period) if not period.is_open else ""
        feedback.setProgressText(self.tr("Reading the crime incidents…"))
        points = crimes.read(self, crs, transform_context, feedback)
        feedback.setProgressText(self.tr("Counting crime by sector, hour and type…"))
        progress, is_cancelled = self.core_callbacks(feedback)
        result = compute_crime_grid(
            list(frame["sector_id"]),
            frame.geometry.values.to_numpy(),
            CrimeGridInput(points.xy, points.types, points.datetimes, times=points.times),
            settings,
            progress=lambda p: progress(0.3 * p),
            is_cancelled=is_cancelled,
        )
        for warning in result.warnings:
            feedback.pushWarning(warning)
        parsed, in_period = result.dates.values, result.in_period
        if period.is_open:
            dated = parsed[~np.isnat(parsed)]
            text = (
                f"{pd.Timestamp(dated.min()):%Y-%m-%d} – {pd.Timestamp(dated.max()):%Y-%m-%d}"
                if len(dated)
                else ""
            )
        else:
            text = period_label(period)
        if grid is None:
            grid = _memory_layer(
                result.cells.drop(
                    columns=[
                        c for c in result.cells.columns if c not in ("cell_id", "crimes_total", "geometry")
                    ]
                ),
                "MultiPolygon",
                crs,
                texts("layer_grid"),
                [("cell_id", QMetaType.Type.LongLong), ("crimes_total", QMetaType.Type.LongLong)],
            )
            _load_grid_style(grid, texts)
        grid.setOpacity(0.7)  # incidents and sector lines stay visible through the heat
        codes = settings.crime_type_map.classify(np.asarray(points.types, dtype=object)[in_period]).codes
        categories = np.array(list(CRIME_TYPES) + [OTHER], dtype=object)[
            np.where(codes >= 0, codes, len(CRIME_TYPES))
        ]
        incidents = _point_layer(points.xy[in_period], categories, crs, texts("layer_incidents"))
        incidents.loadNamedStyle(str(style_path("incidents")))
        _name_categories(incidents, lambda value: texts(str(value)))
        feedback.setProgressText(self.tr("Drawing the charts…"))
        charts = write_page_charts(result, self._chart_dir(), is_cancelled=is_cancelled, texts=texts)
        return charts, incidents, grid, text

    # --- writing ---------------------------------------------------------------

    def _export(self, overview, pages, audience, fmt, dpi, title, folder, frame, feedback):
        files = []
        book = (
            layouts.PdfBook(str(folder / f"{audience}_sector_maps.pdf"), title, dpi) if fmt == "pdf" else None
        )

        overview_pages = overview.pageCollection().pageCount()
        total = overview_pages + (len(frame) if pages is not None else 0)

        def write(layout, stem):
            if book is not None:
                book.add_page(layout)
                return
            path = str(folder / f"{stem}.{fmt}")
            files.extend((layouts.export_image if fmt == "png" else layouts.export_svg)(layout, path, dpi))

        feedback.setProgressText(self.tr("Writing {} pages…").format(total))
        try:
            write(overview, f"{audience}_overview")
            feedback.setProgress(40 + 60 * overview_pages / total)
            if pages is not None:
                atlas = pages.atlas()
                if not atlas.beginRender():
                    raise QgsProcessingException("The sector pages could not be prepared (atlas error).")
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
                        for picture, field in ((hours, "chart_hours"), (types, "chart_types")):
                            path = feature[field] if feature.fields().lookupField(field) >= 0 else None
                            picture.setVisibility(bool(path))
                            if path:
                                picture.setPicturePath(path)
                    write(pages, f"{audience}_sector_{stems[sector_id]}")
                    feedback.setProgress(40 + 60 * (overview_pages + number + 1) / total)
                atlas.endRender()
        finally:
            if book is not None:
                book.close()
        if book is not None:
            files.append(book.path)
        if feedback.isCanceled():
            return {}
        feedback.pushInfo(f"Wrote {len(files)} files ({total} pages) to {folder}.")
        return {
            self.OUTPUT_FOLDER: str(folder),
            self.FILES: ";".join(files),
            self.FILE_COUNT: len(files),
            self.PAGE_COUNT: total,
        }


# --- helpers --------------------------------------------------------------------


def _warn_about_officers(frame, names, feedback, texts):
    missing = [name for name in PUBLIC_FIELDS[3:] if name not in names]
    if missing:
        feedback.pushWarning(
            f"SECTORS has no field {', '.join(missing)}: shown as '{texts('officer_tba')}' or '–'. Add "
            "the officers' contact details (e.g. with the Field calculator) before publishing."
        )
    elif frame["officer_name"].isna().any():
        feedback.pushWarning(
            f"{int(frame['officer_name'].isna().sum())} sectors have no officer_name: shown as "
            f"'{texts('officer_tba')}'."
        )


def _text_fields(names):
    return [(name, QMetaType.Type.QString) for name in names]


def _internal_fields():
    return (
        _text_fields(PUBLIC_FIELDS)
        + list(INTERNAL_NUMBERS)
        + _text_fields(("neighbour_list", "chart_hours", "chart_types"))
        + [(KEY_FIELD, QMetaType.Type.Int)]
    )


def _quoted(text: str) -> str:
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
            (heading("officer"), f'coalesce("officer_name", {_quoted(texts("officer_tba_short"))})', 0),
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


def _overview_labels(frame, districts, audience, texts, units_per_mm, crs) -> QgsVectorLayer:
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
    layer = QgsVectorLayer(
        f"Polygon?crs={crs.authid()}&field=label:string&field=kind:string", "labels", "memory"
    )
    if not crs.authid():
        layer.setCrs(crs)
    rows = [
        (point, texts_[index], sizes_[index], "key" if index == len(texts_) - 1 else "sector")
        for (point, index), texts_, sizes_ in zip(placed, candidates, sizes, strict=True)
    ] + [
        (point, texts_[index], sizes_[index], "district")
        for (point, index), texts_, sizes_ in zip(
            placed_districts, district_candidates, district_sizes, strict=True
        )
    ]
    features = []
    for point, text, (width, height, *_), kind in rows:
        if point is None or not text:
            continue
        half_width, half_height = width * units_per_mm / 2, height * units_per_mm / 2
        feature = QgsFeature(layer.fields())
        feature.setGeometry(
            QgsGeometry.fromRect(
                QgsRectangle(
                    point.x - half_width, point.y - half_height, point.x + half_width, point.y + half_height
                )
            )
        )
        feature.setAttributes([text, kind])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
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
            f"WHEN \"kind\" = '{kind}' THEN {_quoted(str(style[position]))}"
            for kind, style in LABEL_STYLES.items()
        )
        properties.setProperty(key, QgsProperty.fromExpression(f"CASE {cases} END"))
    settings.setDataDefinedProperties(properties)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    layer.setRenderer(QgsNullSymbolRenderer())  # the label alone, not its box
    return layer


def _set_label_expression(layer, expression: str) -> None:
    """Label ``layer`` with ``expression``, keeping the rest of its style's label settings."""
    settings = QgsPalLayerSettings(layer.labeling().settings())
    settings.fieldName = expression
    settings.isExpression = True
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))


def _name_categories(layer, name_of) -> None:
    """Legend texts of a categorized style, from the category values."""
    renderer = layer.renderer()
    for index, category in enumerate(renderer.categories()):
        renderer.updateCategoryLabel(index, name_of(category.value()))


def _name_factor_classes(layer, texts) -> None:
    def name(value):
        factor = int(value)
        key = {1: "factor_high", 5: "factor_low"}.get(factor, "factor_class")
        return texts(key, factor=factor, per=factor * 1000)

    _name_categories(layer, name)


def _load_grid_style(layer, texts) -> None:
    layer.loadNamedStyle(str(style_path("crime_grid")))
    renderer = layer.renderer()
    ranges = renderer.ranges()
    if ranges:
        last = len(ranges) - 1
        renderer.updateRangeLabel(last, texts("more_than", count=int(ranges[last].lowerValue())))


def _plain(value):
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None
    return value


def _memory_layer(frame, geometry_type, crs, name, fields) -> QgsVectorLayer:
    """A memory layer of ``frame`` with exactly ``fields`` [(name, type)], rows in frame order."""
    layer = QgsVectorLayer(f"{geometry_type}?crs={crs.authid() or 'EPSG:4326'}", name, "memory")
    if not crs.authid():
        layer.setCrs(crs)
    qgs_fields = QgsFields()
    for field_name, field_type in fields:
        qgs_fields.append(new_field(field_name, field_type))
    layer.dataProvider().addAttributes(qgs_fields.toList())
    layer.updateFields()
    columns = [frame[field_name].tolist() for field_name, _ in fields]
    features = []
    for row, geometry in enumerate(frame.geometry.values):
        feature = QgsFeature(layer.fields())
        if geometry is not None and not geometry.is_empty:
            qgs_geometry = QgsGeometry()
            qgs_geometry.fromWkb(shapely.to_wkb(geometry, output_dimension=2))
            qgs_geometry.convertToMultiType()
            feature.setGeometry(qgs_geometry)
        feature.setAttributes([_plain(column[row]) for column in columns])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def _district_frame(frame):
    """District outlines dissolved from the sectors (the district name is public)."""
    rows = frame[frame["district"].notna()]
    districts, geometries = [], []
    for district, group in rows.groupby("district", sort=True):
        districts.append(district)
        geometries.append(shapely.union_all(shapely.make_valid(group.geometry.values.to_numpy())))
    import geopandas as gpd

    return gpd.GeoDataFrame({"district": districts}, geometry=geometries, crs=frame.crs)


def _district_layer(outlines, crs, name) -> QgsVectorLayer:
    """The districts (see :func:`_district_frame`) in their style."""
    layer = _memory_layer(outlines, "MultiPolygon", crs, name, [("district", QMetaType.Type.QString)])
    layer.loadNamedStyle(str(style_path("districts")))
    return layer


def _point_layer(xy, categories, crs, name) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Point?crs={crs.authid()}&field=crime_type:string", name, "memory")
    if not crs.authid():
        layer.setCrs(crs)
    features = []
    for (x, y), category in zip(xy, categories, strict=True):
        if not (np.isfinite(x) and np.isfinite(y)):
            continue
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
        feature.setAttributes([str(category)])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer
