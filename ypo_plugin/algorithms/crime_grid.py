"""ypo:crimegrid — grid cells inside every sector with crime by type, scene and time."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFolderDestination,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType

from ..core.defaults import DEFAULT_MAX_CELLS
from ..core.errors import About
from ..core.lazy import lazy_module
from ..i18n import tr, translated
from ..inputs.crime_input import CRIMES, CrimeParameters
from ..inputs.grid_input import CELL_SIZE, GRID_TYPE, add_grid_parameters, grid_settings
from ..inputs.sector_input import (
    SECTORS,
    add_sector_parameters,
    dissolve_by_id,
    read_sectors,
    sector_geometry_help,
    sector_id_field,
    sector_source,
    sector_working_crs,
)
from .base import YpoAlgorithm

crime_grid_logic = lazy_module("..core.crime_grid", __package__)
crime_types = lazy_module("..core.crime_types", __package__)
grid_report = lazy_module("..core.grid_report", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)
qgis_write = lazy_module("..qgis_io.write", __package__)

STYLE_NAME = "crime_grid"
# The grid needs every incident's date (time bands, weekdays) and reads its scene.
CRIME_PARAMETERS = CrimeParameters(place_field=True)


class CrimeGridAlgorithm(YpoAlgorithm):
    OUTPUT = "OUTPUT"
    OUTPUT_TIME_TABLE = "OUTPUT_TIME_TABLE"
    OUTPUT_PLACES = "OUTPUT_PLACES"
    CHART_FOLDER = "CHART_FOLDER"
    PARAMETER_ABOUT = {
        About.GRID_TYPE: GRID_TYPE,
        About.CELL_SIZE: CELL_SIZE,
        About.CRIMES: CRIMES,
        About.SECTORS: SECTORS,
    }
    CRIMES_OUTSIDE = "CRIMES_OUTSIDE"
    CRIMES_IN_PERIOD = "CRIMES_IN_PERIOD"
    COMPARE_IN_PERIOD = "COMPARE_IN_PERIOD"
    COMPARE_OUTSIDE = "COMPARE_OUTSIDE"
    CHARTS_WRITTEN = "CHARTS_WRITTEN"

    def name(self):
        return "crimegrid"

    def displayName(self):
        return tr("Crime grid")

    def shortHelpString(self):
        return tr(
            "Divides every sector into grid cells and counts the crime incidents in each cell by "
            "type, time band and weekday/weekend, for reviewing crime by type, scene and time; with "
            "tables per weekday and hour and per scene, optional charts per sector and an optional "
            "comparison period for the quarterly threat assessment. For internal use: the output holds "
            "crime data.\n\n"
            "Cells are clipped to the sectors: a grid cell crossing a sector line becomes one cell per "
            "sector, so every cell lies in exactly one sector and the cells tile each sector exactly "
            "(no gaps, no overlaps). Cells without crime are kept (a zero is information). The grid is "
            "anchored at the CRS origin, so the same cell size gives the same grid in every run.\n\n"
            "Every incident in the period is counted in exactly one cell, or in CRIMES_OUTSIDE: an "
            "incident on a sector line counts in the sector that comes first in the layer (as in "
            "Compute sector manning); within the sector, an incident on a cell edge counts in the cell "
            "east of a vertical edge and north of a horizontal or slanted one; on the sector's own "
            "boundary it counts in the first of the sector's cells that touches it.\n\n"
            "Any CRS: the work is done in the sectors' CRS when it is metric, else in the UTM zone of "
            "the sectors; incidents are reprojected to it. The cells are written in the sectors' CRS.\n\n"
            "Parameters:\n"
            "Sectors — the sector polygons. Features sharing an id are dissolved into one sector (with "
            "a warning); where sectors overlap, the overlap belongs to the sector that comes first. "
            "{sector_geometry_help}\n"
            "Sector id field — the sector's unique id (default sector_id), written to every cell.\n"
            "{crime_help}"
            "Cell size — in metres (default 250). For hexagons it is the flat-to-flat width, which is "
            "also the distance between neighbouring cell centres (a hexagon then has 0.87 × the area "
            "of a square of that size). A size that would make more than "
            "{max_cells:,} cells is refused.\n"
            "Grid type — square or hexagon.\n"
            "Comparison period start / Comparison period end (optional, both or neither) — a second "
            "period, e.g. the previous quarter: each cell then also gets compare_total, change "
            "(crimes_total − compare_total) and change_pct (empty when compare_total is 0), and "
            "the log lists the change per sector.\n"
            "Crime grid — the cells with sector_id, cell_id (1…N: sectors in order, then rows from "
            "north, west to east), crimes_total, crimes_violence, crimes_burglary, crimes_theft, "
            "crimes_drugs, crimes_vandalism, crimes_harassment, the time bands band_07_15 "
            "[07:00, 15:00), band_15_23 [15:00, 23:00) and band_23_07 [23:00, 07:00) — so 07:00 "
            "exactly is in band_07_15 and 23:00 exactly in band_23_07 — band_unknown (incidents "
            "without a time of day, or without a valid date; the four band fields sum to "
            "crimes_total), and weekday (Monday–Friday) and weekend (Saturday, Sunday) counts; "
            "loaded with a heat style on crimes_total.\n"
            "Crimes by weekday and hour — a table with sector_id, weekday (1 = Monday … 7 = Sunday), "
            "hour (0–23) and crimes, every combination included; it holds the incidents with a time "
            "of day (band_unknown counts the others).\n"
            "Crimes by place — a table with sector_id, place and crimes (place empty for incidents "
            "without one).\n"
            "Chart folder (optional) — per sector <sector_id>_hours.png/.svg (crimes by hour and "
            "weekday) and <sector_id>_types.png/.svg (crimes by type), ids made safe for file names.\n\n"
            "Results: CRIMES_IN_PERIOD (incidents in the period), CRIMES_OUTSIDE (of those, in no "
            "sector or without location; the sum of crimes_total plus CRIMES_OUTSIDE is "
            "CRIMES_IN_PERIOD), and with a comparison period COMPARE_IN_PERIOD and COMPARE_OUTSIDE.",
            sector_geometry_help=sector_geometry_help(),
            crime_help=CRIME_PARAMETERS.help(place_use=tr("counted per sector in the places table")),
            max_cells=DEFAULT_MAX_CELLS,
        )

    def initAlgorithm(self, config=None):
        add_sector_parameters(self)
        CRIME_PARAMETERS.add_to(self)
        add_grid_parameters(self)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Crime grid"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_TIME_TABLE,
                tr("Crimes by weekday and hour"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_PLACES,
                tr("Crimes by place"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(
                self.CHART_FOLDER, tr("Chart folder"), optional=True, createByDefault=False
            )
        )
        for name, description in (
            (self.CRIMES_IN_PERIOD, tr("Incidents in the period")),
            (self.CRIMES_OUTSIDE, tr("Incidents in the period outside every sector")),
            (self.COMPARE_IN_PERIOD, tr("Incidents in the comparison period")),
            (self.COMPARE_OUTSIDE, tr("Incidents in the comparison period outside every sector")),
            (self.CHARTS_WRITTEN, tr("Chart files written")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    # --- running -----------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(6, feedback)
        return self.run_core(self._run, parameters, context, feedback, steps)

    def _run(self, parameters, context, feedback, steps):
        transform_context = context.transformContext()
        sectors, id_field = sector_source(self, parameters, context)
        crimes = CRIME_PARAMETERS.layer(self, parameters, context)
        settings = crime_grid_logic.CrimeGridSettings(
            **grid_settings(self, parameters, context), **CRIME_PARAMETERS.settings(self, parameters, context)
        )
        crs = sector_working_crs(self, sectors, transform_context, feedback)

        steps.setCurrentStep(0)
        steps.setProgressText(tr("Reading the sectors…"))
        frame = read_sectors(qgis_read.read_features(sectors, steps), id_field, crs, transform_context, steps)
        by_id = dissolve_by_id(frame, id_field)
        for warning in by_id.warnings:
            feedback.pushWarning(translated(warning))
        ids, geometries = by_id.ids, by_id.geometries
        crime_grid_logic.check_cell_count(
            geometries, crime_grid_logic.Lattice(settings.grid_type, settings.cell_size), settings.max_cells
        )

        steps.setCurrentStep(1)
        steps.setProgressText(tr("Reading the crime incidents…"))
        points = crimes.read(self, crs, transform_context, steps, required=True)

        steps.setCurrentStep(2)
        steps.setProgressText(tr("Building the grid and counting…"))
        progress, is_cancelled = self.core_callbacks(steps)
        result = crime_grid_logic.compute_crime_grid(
            ids,
            geometries,
            crime_grid_logic.CrimeGridInput(
                points.xy, points.types, points.datetimes, points.places, points.times
            ),
            settings,
            progress=progress,
            is_cancelled=is_cancelled,
        )
        for warning in result.warnings:
            feedback.pushWarning(translated(warning))

        steps.setCurrentStep(3)
        steps.setProgressText(tr("Writing {count} cells…", count=len(result.cells)))
        sector_field = sector_id_field(sectors, id_field)
        compare = crime_grid_logic.COMPARE_FIELDS if "compare_total" in result.cells.columns else ()
        cell_fields = [
            (name, QMetaType.Type.Double if name == "change_pct" else QMetaType.Type.LongLong)
            for name in crime_grid_logic.CELL_FIELDS[1:] + compare
        ]
        dest_id = self.write_output(
            parameters,
            self.OUTPUT,
            context,
            result.cells,
            qgis_write.typed_fields(cell_fields, leading=[sector_field]),
            QgsWkbTypes.Type.MultiPolygon,
            sectors.sourceCrs(),
            steps,
            working_crs=crs,
            multi=True,
            style=(STYLE_NAME, tr("Crime grid")),
        )
        if dest_id is None:
            return {}
        results = {self.OUTPUT: dest_id}

        steps.setCurrentStep(4)
        steps.setProgressText(tr("Writing the tables…"))
        for name, frame, extra in (
            (
                self.OUTPUT_TIME_TABLE,
                result.time_table,
                (("weekday", QMetaType.Type.Int), ("hour", QMetaType.Type.Int)),
            ),
            (self.OUTPUT_PLACES, result.places, (("place", QMetaType.Type.QString),)),
        ):
            fields = qgis_write.typed_fields(
                [*extra, ("crimes", QMetaType.Type.LongLong)], leading=[sector_field]
            )
            no_crs = QgsCoordinateReferenceSystem()
            table_id = self.write_output(
                parameters,
                name,
                context,
                frame,
                fields,
                QgsWkbTypes.Type.NoGeometry,
                no_crs,
                steps,
                optional=True,
            )
            if table_id is not None:
                results[name] = table_id

        steps.setCurrentStep(5)
        charts = self._write_charts(parameters, context, result, settings, steps)
        if charts is not None:
            results[self.CHART_FOLDER], results[self.CHARTS_WRITTEN] = charts

        results[self.CRIMES_IN_PERIOD] = int(result.crimes_in_period)
        results[self.CRIMES_OUTSIDE] = int(result.crimes_outside)
        if settings.compare is not None:
            results[self.COMPARE_IN_PERIOD] = int(result.compare_in_period)
            results[self.COMPARE_OUTSIDE] = int(result.compare_outside)
        feedback.pushInfo(grid_report.summary_text(result, results, settings, translated))
        return results

    # --- output --------------------------------------------------------------

    def _write_charts(self, parameters, context, result, settings, feedback):
        """Charts into CHART_FOLDER: (folder, number of files), or None when no folder is given."""
        if not parameters.get(self.CHART_FOLDER):
            return None
        folder = self.parameterAsFileOutput(parameters, self.CHART_FOLDER, context)
        if not folder:
            return None
        from ..core.crime_charts import write_sector_charts  # matplotlib only when charts are asked for

        feedback.setProgressText(tr("Drawing the charts…"))
        progress, is_cancelled = self.core_callbacks(feedback)
        written = write_sector_charts(
            result,
            folder,
            crime_types.period_label(settings.period),
            crime_types.period_label(settings.compare) if settings.compare is not None else "",
            progress=progress,
            is_cancelled=is_cancelled,
        )
        return folder, sum(len(paths) for paths in written.values())
