"""ypo:exportsectormaps — publication-ready sector maps (PDF/PNG/SVG) for an internal or public audience."""

from __future__ import annotations

import tempfile
from pathlib import Path

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsProject,
)

from ..core.lazy import lazy_module
from ..i18n import tr, translated
from ..inputs import street_input
from ..inputs.crime_input import CRIMES, CrimeParameters
from ..inputs.parameters import enum_parameter
from ..inputs.public_texts import add_text_parameters, read_texts, text_help
from ..inputs.sector_input import read_internal_map_sectors, read_public_map_sectors
from ..layouts import print_layouts as layouts
from ..layouts.print_layouts import DEFAULT_DPI
from .base import YpoAlgorithm
from .compute_manning import RESULT_FIELDS as MANNING_FIELDS

np = lazy_module("numpy")
crime_grid_logic = lazy_module("..core.crime_grid", __package__)
map_figures = lazy_module("..core.map_figures", __package__)
publication_charts = lazy_module("..core.publication_charts", __package__)
crs_choice = lazy_module("..crs", __package__)
sector_maps = lazy_module("..layouts.sector_maps", __package__)

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

    def displayName(self):
        return tr("Export sector maps")

    def shortHelpString(self):
        return tr(
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
            "{crime_help}"
            "Crime grid (optional, internal only) — cells from Crime grid, drawn as a heat map; "
            "without it, a 250 m grid is computed from the incidents.\n"
            "{street_help}"
            "Streets are public: drawn on internal and public maps alike, under the sectors' labels.\n"
            "Audience — public (default) or internal.\n"
            "Format — pdf (one file: overview and sector pages), png or svg (one file per page).\n"
            "Atlas — one page per sector after the overview (default yes).\n"
            "Title — printed on the pages (a default for each audience).\n"
            "Paper — A4 or A3 landscape.\n"
            "{text_help}"
            "DPI — resolution of PNG pages and of raster parts of PDF/SVG (default {dpi}).\n"
            "Output folder — where the files are written: <audience>_sector_maps.pdf, or "
            "<audience>_overview.<format> (and _2, _3… for the table's further pages) and "
            "<audience>_sector_<sector_id>.<format>.\n\n"
            "Results: FILES (the files written, separated by ';'), FILE_COUNT and PAGE_COUNT.",
            crime_help=CRIME_PARAMETERS.help(date_use=tr("it gives the charts by hour and weekday")),
            street_help=street_input.street_help(),
            text_help=text_help(),
            dpi=DEFAULT_DPI,
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SECTORS, tr("Sectors"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        CRIME_PARAMETERS.add_to(self)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.GRID, tr("Crime grid"), [QgsProcessing.SourceType.TypeVectorPolygon], optional=True
            )
        )
        street_input.add_street_parameters(self)
        self.addParameter(enum_parameter(self.AUDIENCE, tr("Audience"), AUDIENCES, "public"))
        self.addParameter(enum_parameter(self.FORMAT, tr("Format"), FORMATS, "pdf"))
        self.addParameter(QgsProcessingParameterBoolean(self.ATLAS, tr("Atlas"), True))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Title"), optional=True))
        self.addParameter(enum_parameter(self.PAPER, tr("Paper"), PAPERS, "A4"))
        add_text_parameters(self)
        layouts.add_dpi_parameter(self, self.DPI, max_dpi=1200)
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")))
        self.addOutput(QgsProcessingOutputString(self.FILES, tr("Files written")))
        self.addOutput(QgsProcessingOutputNumber(self.FILE_COUNT, tr("Number of files")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGE_COUNT, tr("Number of pages")))

    # --- running -----------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):
        # The charts of the internal pages are drawn to files, removed when the run ends.
        with tempfile.TemporaryDirectory(prefix="ypo_charts_") as chart_dir:
            return self.run_core(self._run, parameters, context, feedback, chart_dir)

    def _run(self, parameters, context, feedback, chart_dir):
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
        transform_context = context.transformContext()
        crs = crs_choice.working_crs(sectors, tr("Sectors"), transform_context)
        project = QgsProject()  # private: nothing of the user's project reaches the files
        project.setCrs(crs)
        project.setTitle(title)

        feedback.setProgressText(tr("Reading the sectors…"))
        sectors_name = texts("layer_sectors")
        if audience == "public":
            for name in (CRIMES, self.GRID):
                if parameters.get(name):
                    feedback.pushWarning(
                        tr("{parameter} is never drawn on public maps; it is ignored.", parameter=name)
                    )
            frame = read_public_map_sectors(sectors, crs, transform_context, feedback, texts)
            frame[sector_maps.KEY_FIELD] = np.arange(1, len(frame) + 1)
            layers = sector_maps.sector_layers(
                frame, audience, crs, sectors_name, sector_maps.sector_fields(), texts
            )
            period_text = ""
            sources = texts("public_sources")
        else:
            frame = read_internal_map_sectors(
                sectors, INTERNAL_NUMBERS, crs, transform_context, feedback, texts
            )
            frame[sector_maps.KEY_FIELD] = np.arange(1, len(frame) + 1)
            charts, incidents, grid, period_text = self._crime_layers(
                parameters, context, frame, crs, feedback, texts, chart_dir
            )
            frame["chart_hours"] = [charts.get(i, ("", ""))[0] for i in frame["sector_id"]]
            frame["chart_types"] = [charts.get(i, ("", ""))[1] for i in frame["sector_id"]]
            fields = sector_maps.sector_fields(INTERNAL_NUMBERS)
            layers = sector_maps.sector_layers(frame, audience, crs, sectors_name, fields, texts)
            layers.extra = [layer for layer in (incidents, grid) if layer is not None]
            layers.atlas_legend = layers.extra
            sources = "; ".join(
                f"{label}: {source}"
                for label, source in (
                    (texts("sources_sectors"), sectors.sourceName()),
                    (texts("sources_incidents"), self._source_name(parameters, CRIMES, context)),
                    (texts("sources_grid"), self._source_name(parameters, self.GRID, context)),
                )
                if source
            )
        streets = street_input.read_streets(self, parameters, context, crs, feedback)
        if feedback.isCanceled():
            return {}

        variables = sector_maps.page_variables(frame, texts, title, period_text, sources)
        overview, pages = sector_maps.compose_maps(
            project, frame, layers, variables, audience, paper, atlas, title, texts, crs, streets
        )
        written = sector_maps.export_maps(overview, pages, audience, fmt, dpi, title, folder, frame, feedback)
        if written is None:
            return {}
        files, total = written
        feedback.pushInfo(
            tr(
                "Wrote {files} files ({pages} pages) to {folder}.",
                files=len(files),
                pages=total,
                folder=folder,
            )
        )
        return {
            self.OUTPUT_FOLDER: str(folder),
            self.FILES: ";".join(files),
            self.FILE_COUNT: len(files),
            self.PAGE_COUNT: total,
        }

    # --- reading ---------------------------------------------------------------

    def _source_name(self, parameters, name, context):
        source = self.optional_source(parameters, name, context)
        return source.sourceName() if source is not None else ""

    def _crime_layers(self, parameters, context, frame, crs, feedback, texts, chart_dir):
        """Charts per sector {id: (hours, types)} (files in ``chart_dir``), the incident and grid layers
        and the period text."""
        transform_context = context.transformContext()
        grid = None
        grid_source = (
            self.parameterAsSource(parameters, self.GRID, context) if parameters.get(self.GRID) else None
        )
        if grid_source is not None:
            grid = sector_maps.grid_layer(grid_source, crs, transform_context, texts, feedback)
        crimes = CRIME_PARAMETERS.layer(self, parameters, context)
        settings = crime_grid_logic.CrimeGridSettings(**CRIME_PARAMETERS.settings(self, parameters, context))
        period = settings.period
        if crimes is None:
            return {}, None, grid, map_figures.period_on_pages(period)
        feedback.setProgressText(tr("Reading the crime incidents…"))
        points = crimes.read(self, crs, transform_context, feedback)
        feedback.setProgressText(tr("Counting crime by sector, hour and type…"))
        progress, is_cancelled = self.core_callbacks(feedback)
        result = crime_grid_logic.compute_crime_grid(
            list(frame["sector_id"]),
            frame.geometry.values.to_numpy(),
            crime_grid_logic.CrimeGridInput(points.xy, points.types, points.datetimes, times=points.times),
            settings,
            progress=lambda p: progress(0.3 * p),
            is_cancelled=is_cancelled,
        )
        for warning in result.warnings:
            feedback.pushWarning(translated(warning))
        text = map_figures.period_on_pages(period, result.dates.values)
        incidents, grid = sector_maps.crime_layers(result, points, settings, crs, texts, grid)
        feedback.setProgressText(tr("Drawing the charts…"))
        charts = publication_charts.write_page_charts(
            result, chart_dir, is_cancelled=is_cancelled, texts=texts
        )
        return charts, incidents, grid, text
