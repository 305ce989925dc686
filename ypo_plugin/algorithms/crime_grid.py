"""ypo:crimegrid — grid cells inside every sector with crime by type, scene and time."""

import math

import numpy as np
import pandas as pd
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..conversion import read_points, source_to_frame
from ..core.crime_grid import (
    CELL_FIELDS,
    COMPARE_FIELDS,
    DEFAULT_CELL_SIZE,
    DEFAULT_MAX_CELLS,
    GRID_TYPES,
    CrimeGridInput,
    CrimeGridSettings,
    Lattice,
    check_cell_count,
    compute_crime_grid,
)
from ..core.crime_types import CrimeTypeMap, Period
from ..core.errors import InputError
from ..core.progress import Cancelled
from ..crs import working_crs
from .base import YpoAlgorithm
from .styling import load_on_completion, store_default_style

STYLE_NAME = "crime_grid"
MIN_CELL_SIZE = 1.0


class CrimeGridAlgorithm(YpoAlgorithm):
    SECTORS = "SECTORS"
    SECTOR_ID_FIELD = "SECTOR_ID_FIELD"
    CRIMES = "CRIMES"
    CRIME_TYPE_FIELD = "CRIME_TYPE_FIELD"
    CRIME_TYPE_MAP = "CRIME_TYPE_MAP"
    DATE_FIELD = "DATE_FIELD"
    DATE_FORMAT = "DATE_FORMAT"
    PLACE_FIELD = "PLACE_FIELD"
    PERIOD_START = "PERIOD_START"
    PERIOD_END = "PERIOD_END"
    CELL_SIZE = "CELL_SIZE"
    GRID_TYPE = "GRID_TYPE"
    COMPARE_START = "COMPARE_START"
    COMPARE_END = "COMPARE_END"
    OUTPUT = "OUTPUT"
    OUTPUT_TIME_TABLE = "OUTPUT_TIME_TABLE"
    OUTPUT_PLACES = "OUTPUT_PLACES"
    CHART_FOLDER = "CHART_FOLDER"
    CRIMES_OUTSIDE = "CRIMES_OUTSIDE"
    CRIMES_IN_PERIOD = "CRIMES_IN_PERIOD"
    COMPARE_IN_PERIOD = "COMPARE_IN_PERIOD"
    COMPARE_OUTSIDE = "COMPARE_OUTSIDE"
    CHARTS_WRITTEN = "CHARTS_WRITTEN"

    def name(self):
        return "crimegrid"

    def displayName(self):  # noqa: N802 - name fixed by QGIS
        return self.tr("Crime grid")

    def shortHelpString(self):  # noqa: N802 - name fixed by QGIS
        return self.tr(
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
            "a warning); where sectors overlap, the overlap belongs to the sector that comes first.\n"
            "Sector id field — the sector's unique id (default sector_id), written to every cell.\n"
            "Crime incidents — the incident points.\n"
            "Crime type field — the incident's type, mapped to violence, burglary, theft, drugs, "
            "vandalism or harassment by the same mapping as Compute sector manning (English and "
            "Danish names by default). Others count in crimes_total only and are listed in the log.\n"
            "Crime type mapping (optional) — extra 'source = type' entries separated by ';' or new "
            "lines (type 'other' counts in crimes_total only), or the path of a mapping file.\n"
            "Date field — the incident's date-time (a date/time field or ISO 8601 text), read as the "
            "local wall-clock time.\n"
            "Date format (advanced, optional) — a strptime format for dates that are not ISO 8601, "
            "e.g. %m/%d/%Y %I:%M:%S %p.\n"
            "Place (scene) field (optional) — where the incident happened (street, residence, shop…), "
            "counted per sector in the places table.\n"
            "Period start / Period end (optional) — only incidents in [start, end) count; an end "
            "given as a date alone includes that day. Incidents without a valid date are left out "
            "of a bounded period and reported.\n"
            "Cell size — in metres (default 250). For hexagons it is the flat-to-flat width, which is "
            "also the distance between neighbouring cell centres (a hexagon then has 0.87 × the area "
            "of a square of that size). A size that would make more than "
            f"{DEFAULT_MAX_CELLS:,} cells is refused.\n"
            "Grid type — square or hexagon.\n"
            "Comparison period start / Comparison period end (optional, both or neither) — a second "
            "period, e.g. the previous quarter: each cell then also gets compare_total, change "
            "(crimes_total − compare_total) and change_pct (empty when compare_total is 0), and "
            "the log lists the change per sector.\n"
            "Crime grid — the cells with sector_id, cell_id (1…N: sectors in order, then rows from "
            "north, west to east), crimes_total, crimes_violence, crimes_burglary, crimes_theft, "
            "crimes_drugs, crimes_vandalism, crimes_harassment, the time bands band_07_15 "
            "[07:00, 15:00), band_15_23 [15:00, 23:00) and band_23_07 [23:00, 07:00) — so 07:00 "
            "exactly is in band_07_15 and 23:00 exactly in band_23_07 — and weekday (Monday–Friday) "
            "and weekend (Saturday, Sunday) counts; loaded with a heat style on crimes_total.\n"
            "Crimes by weekday and hour — a table with sector_id, weekday (1 = Monday … 7 = Sunday), "
            "hour (0–23) and crimes, every combination included.\n"
            "Crimes by place — a table with sector_id, place and crimes (place empty for incidents "
            "without one).\n"
            "Chart folder (optional) — per sector <sector_id>_hours.png/.svg (crimes by hour and "
            "weekday) and <sector_id>_types.png/.svg (crimes by type), ids made safe for file names.\n\n"
            "Results: CRIMES_IN_PERIOD (incidents in the period), CRIMES_OUTSIDE (of those, in no "
            "sector or without location; the sum of crimes_total plus CRIMES_OUTSIDE is "
            "CRIMES_IN_PERIOD), and with a comparison period COMPARE_IN_PERIOD and COMPARE_OUTSIDE."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - name fixed by QGIS
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SECTORS, self.tr("Sectors"), [QgsProcessing.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SECTOR_ID_FIELD, self.tr("Sector id field"), "sector_id", self.SECTORS
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CRIMES, self.tr("Crime incidents"), [QgsProcessing.TypeVectorPoint]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CRIME_TYPE_FIELD, self.tr("Crime type field"), "crime_type", self.CRIMES
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.CRIME_TYPE_MAP, self.tr("Crime type mapping"), multiLine=True, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(self.DATE_FIELD, self.tr("Date field"), "occurred", self.CRIMES)
        )
        self._advanced(QgsProcessingParameterString(self.DATE_FORMAT, self.tr("Date format"), optional=True))
        self.addParameter(
            QgsProcessingParameterField(
                self.PLACE_FIELD,
                self.tr("Place (scene) field"),
                parentLayerParameterName=self.CRIMES,
                optional=True,
            )
        )
        for name, description in ((self.PERIOD_START, "Period start"), (self.PERIOD_END, "Period end")):
            self.addParameter(
                QgsProcessingParameterDateTime(
                    name, self.tr(description), QgsProcessingParameterDateTime.DateTime, optional=True
                )
            )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CELL_SIZE,
                self.tr("Cell size"),
                QgsProcessingParameterNumber.Double,
                DEFAULT_CELL_SIZE,
                minValue=MIN_CELL_SIZE,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.GRID_TYPE,
                self.tr("Grid type"),
                options=list(GRID_TYPES),
                defaultValue=GRID_TYPES[0],
                usesStaticStrings=True,
            )
        )
        for name, description in (
            (self.COMPARE_START, "Comparison period start"),
            (self.COMPARE_END, "Comparison period end"),
        ):
            self.addParameter(
                QgsProcessingParameterDateTime(
                    name, self.tr(description), QgsProcessingParameterDateTime.DateTime, optional=True
                )
            )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Crime grid"), QgsProcessing.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_TIME_TABLE,
                self.tr("Crimes by weekday and hour"),
                QgsProcessing.TypeVector,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_PLACES, self.tr("Crimes by place"), QgsProcessing.TypeVector, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(
                self.CHART_FOLDER, self.tr("Chart folder"), optional=True, createByDefault=False
            )
        )
        for name, description in (
            (self.CRIMES_IN_PERIOD, "Incidents in the period"),
            (self.CRIMES_OUTSIDE, "Incidents in the period outside every sector"),
            (self.COMPARE_IN_PERIOD, "Incidents in the comparison period"),
            (self.COMPARE_OUTSIDE, "Incidents in the comparison period outside every sector"),
            (self.CHARTS_WRITTEN, "Chart files written"),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(description)))

    def _advanced(self, parameter):
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(parameter)

    # --- running -----------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - name fixed by QGIS
        steps = QgsProcessingMultiStepFeedback(6, feedback)
        try:
            return self._run(parameters, context, feedback, steps)
        except Cancelled:
            return {}
        except InputError as error:
            raise self.processing_error(error) from None

    def _run(self, parameters, context, feedback, steps):
        transform_context = context.transformContext()
        sectors = self.parameterAsSource(parameters, self.SECTORS, context)
        if sectors is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SECTORS))
        crimes = self.parameterAsSource(parameters, self.CRIMES, context)
        if crimes is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.CRIMES))
        id_field = self._field(parameters, self.SECTOR_ID_FIELD, context, sectors, "Sectors", True)
        type_field = self._field(parameters, self.CRIME_TYPE_FIELD, context, crimes, "Crime incidents", True)
        date_field = self._field(parameters, self.DATE_FIELD, context, crimes, "Crime incidents", True)
        place_field = self._field(parameters, self.PLACE_FIELD, context, crimes, "Crime incidents")
        settings = self._settings(parameters, context)
        crs = working_crs(sectors, self.tr("Sectors"), transform_context)
        if crs != sectors.sourceCrs():
            feedback.pushInfo(
                self.tr("Computing in {} (the sectors' CRS {} is not metric).").format(
                    crs.authid(), sectors.sourceCrs().authid()
                )
            )

        steps.setCurrentStep(0)
        steps.setProgressText(self.tr("Reading the sectors…"))
        ids, geometries = self._read_sectors(sectors, id_field, crs, transform_context, steps, feedback)
        check_cell_count(geometries, Lattice(settings.grid_type, settings.cell_size), settings.max_cells)

        steps.setCurrentStep(1)
        steps.setProgressText(self.tr("Reading the crime incidents…"))
        if crimes.featureCount() == 0:
            raise QgsProcessingException(
                f"CRIMES ({crimes.sourceName()}) has no features; give a point layer of crime incidents."
            )
        names = list(dict.fromkeys([type_field, date_field] + ([place_field] if place_field else [])))
        table = read_points(
            crimes, names, crs, transform_context, steps, self._whole_layer(parameters, context)
        )
        if feedback.isCanceled():
            return {}
        feedback.pushInfo(self.tr("Read {} incidents ({} reader).").format(len(table), table.method))
        if table.multipart:
            feedback.pushWarning(
                self.tr("CRIMES: {} multi-part incidents are counted at one of their points.").format(
                    table.multipart
                )
            )

        steps.setCurrentStep(2)
        steps.setProgressText(self.tr("Building the grid and counting…"))
        progress, is_cancelled = self.core_callbacks(steps)
        result = compute_crime_grid(
            ids,
            geometries,
            CrimeGridInput(
                table.xy,
                table.columns[type_field],
                table.columns[date_field],
                table.columns[place_field] if place_field else None,
            ),
            settings,
            progress=progress,
            is_cancelled=is_cancelled,
        )
        for warning in result.warnings:
            feedback.pushWarning(warning)

        steps.setCurrentStep(3)
        steps.setProgressText(self.tr("Writing {} cells…").format(len(result.cells)))
        id_qgs_field = QgsField(sectors.fields().field(id_field))
        dest_id = self._write_cells(
            parameters, context, result, id_qgs_field, sectors.sourceCrs(), crs, steps
        )
        if dest_id is None:
            return {}
        results = {self.OUTPUT: dest_id}

        steps.setCurrentStep(4)
        steps.setProgressText(self.tr("Writing the tables…"))
        for name, frame, extra in (
            (self.OUTPUT_TIME_TABLE, result.time_table, (("weekday", QVariant.Int), ("hour", QVariant.Int))),
            (self.OUTPUT_PLACES, result.places, (("place", QVariant.String),)),
        ):
            table_id = self._write_table(parameters, name, context, frame, id_qgs_field, extra, steps)
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
        feedback.pushInfo(summary_text(result, results, settings))
        return results

    # --- parameters ----------------------------------------------------------

    def _field(self, parameters, name, context, source, layer_description, required=False):
        """The chosen field of ``source`` (None when optional and empty), checked to exist."""
        field_name = self.parameterAsString(parameters, name, context)
        if not field_name:
            if required:
                raise QgsProcessingException(f"Choose {name}: a field of the layer '{layer_description}'.")
            return None
        if source.fields().lookupField(field_name) < 0:
            raise QgsProcessingException(
                f"{name}: the layer '{layer_description}' ({source.sourceName()}) has no field "
                f"'{field_name}'; choose one of {', '.join(source.fields().names())}."
            )
        return field_name

    def _settings(self, parameters, context) -> CrimeGridSettings:
        compare_start = self._datetime_text(parameters, self.COMPARE_START, context)
        compare_end = self._datetime_text(parameters, self.COMPARE_END, context)
        compare = None
        if compare_start or compare_end:
            if not (compare_start and compare_end):
                raise QgsProcessingException(
                    "Give both COMPARE_START and COMPARE_END for a comparison period (or neither)."
                )
            compare = Period.parse(compare_start, compare_end, "COMPARE_START", "COMPARE_END")
        return CrimeGridSettings(
            cell_size=self.parameterAsDouble(parameters, self.CELL_SIZE, context),
            grid_type=self.parameterAsEnumString(parameters, self.GRID_TYPE, context) or GRID_TYPES[0],
            crime_type_map=CrimeTypeMap.from_parameter(
                self.parameterAsString(parameters, self.CRIME_TYPE_MAP, context)
            ),
            period=Period.parse(
                self._datetime_text(parameters, self.PERIOD_START, context),
                self._datetime_text(parameters, self.PERIOD_END, context),
            ),
            compare=compare,
            date_format=self.parameterAsString(parameters, self.DATE_FORMAT, context) or None,
        )

    def _datetime_text(self, parameters, name, context):
        """ISO text of a date-time parameter (text is passed on as written), or None."""
        value = parameters.get(name)
        if value is None or isinstance(value, str):
            return value or None
        if isinstance(value, QDate):
            return value.toString("yyyy-MM-dd") if value.isValid() else None
        if not isinstance(value, QDateTime):
            value = self.parameterAsDateTime(parameters, name, context)
        return value.toString("yyyy-MM-ddTHH:mm:ss") if value.isValid() else None

    def _whole_layer(self, parameters, context):
        """The vector layer behind CRIMES when all of its features are used (for fast reading)."""
        value = parameters.get(self.CRIMES)
        if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
            value.selectedFeaturesOnly or value.featureLimit != -1
        ):
            return None
        return self.parameterAsVectorLayer(parameters, self.CRIMES, context)

    # --- layers --------------------------------------------------------------

    def _read_sectors(self, source, id_field, crs, transform_context, steps, feedback):
        """Sector ids and geometries in the working CRS; features sharing an id dissolved."""
        frame = source_to_frame(source, [id_field], crs, transform_context, steps)
        if frame.empty:
            raise QgsProcessingException(
                f"SECTORS ({source.sourceName()}) has no features; give a polygon layer with at least one "
                "sector."
            )
        missing = frame[id_field].isna()
        if missing.any():
            raise QgsProcessingException(
                f"SECTORS: feature {frame.index[np.asarray(missing)][0]} has no {id_field} value; give every "
                f"sector an id (SECTOR_ID_FIELD = {id_field})."
            )
        ids, geometries = [], []
        for sector_id, group in frame.groupby(id_field, sort=False):
            parts = group.geometry.values.to_numpy()
            if len(group) > 1:
                feedback.pushWarning(
                    f"SECTORS: sector id '{sector_id}' occurs in {len(group)} features; they are dissolved "
                    "into one multi-part sector."
                )
                valid = parts[~(shapely.is_missing(parts) | shapely.is_empty(parts))]
                parts = [shapely.union_all(valid) if len(valid) else None]
            ids.append(group[id_field].iloc[0])
            geometries.append(parts[0])
        geometry_array = np.empty(len(geometries), dtype=object)
        geometry_array[:] = geometries
        return ids, geometry_array

    # --- output --------------------------------------------------------------

    def _write_cells(self, parameters, context, result, id_field, output_crs, crs, feedback):
        cells = result.cells
        fields = QgsFields()
        sector_field = QgsField(id_field)
        sector_field.setName("sector_id")
        fields.append(sector_field)
        compare = "compare_total" in cells.columns
        for name in CELL_FIELDS[1:] + (COMPARE_FIELDS if compare else ()):
            fields.append(QgsField(name, QVariant.Double if name == "change_pct" else QVariant.LongLong))
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon, output_crs
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        transform = None
        if output_crs.isValid() and output_crs != crs:
            transform = QgsCoordinateTransform(crs, output_crs, context.transformContext())
        geometries = cells.geometry.values.to_numpy()
        single = shapely.get_type_id(geometries) == 3
        if single.any():
            geometries = geometries.copy()
            geometries[single] = shapely.multipolygons(geometries[single][:, None])
        wkbs = shapely.to_wkb(geometries, output_dimension=2)
        names = fields.names()
        columns = [cells[name].tolist() for name in names]
        total = max(len(cells), 1)
        for row, wkb in enumerate(wkbs):
            if feedback.isCanceled():
                return None
            geometry = QgsGeometry()
            geometry.fromWkb(wkb)
            if transform is not None:
                geometry.transform(transform)
            feature = QgsFeature(fields)
            feature.setGeometry(geometry)
            feature.setAttributes([_plain(column[row]) for column in columns])
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(f"Could not write cell {row + 1}: {sink.lastError()}")
            if row % 1000 == 0:
                feedback.setProgress(100.0 * row / total)
        del sink  # flushed and closed, so its default style can be stored
        if dest_id.split("|")[0].lower().endswith(".gpkg"):
            store_default_style(dest_id, STYLE_NAME)
        if context.willLoadLayerOnCompletion(dest_id):
            details = context.layerToLoadOnCompletionDetails(dest_id)
            load_on_completion(context, dest_id, details.name or "Crime grid", STYLE_NAME, self.OUTPUT)
        return dest_id

    def _write_table(self, parameters, name, context, frame: pd.DataFrame, id_field, extra, feedback):
        """A table without geometry; None when the output is skipped."""
        fields = QgsFields()
        sector_field = QgsField(id_field)
        sector_field.setName("sector_id")
        fields.append(sector_field)
        for field_name, field_type in extra:
            fields.append(QgsField(field_name, field_type))
        fields.append(QgsField("crimes", QVariant.LongLong))
        sink, dest_id = self.parameterAsSink(
            parameters, name, context, fields, QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem()
        )
        if sink is None:
            if parameters.get(name):
                raise QgsProcessingException(self.invalidSinkError(parameters, name))
            return None
        columns = [frame[field_name].tolist() for field_name in fields.names()]
        for row in range(len(frame)):
            if feedback.isCanceled():
                return None
            feature = QgsFeature(fields)
            feature.setAttributes([_plain(column[row]) for column in columns])
            if not sink.addFeature(feature, QgsFeatureSink.FastInsert):
                raise QgsProcessingException(f"Could not write to {name}: {sink.lastError()}")
        return dest_id

    def _write_charts(self, parameters, context, result, settings, feedback):
        """Charts into CHART_FOLDER: (folder, number of files), or None when no folder is given."""
        if not parameters.get(self.CHART_FOLDER):
            return None
        folder = self.parameterAsFileOutput(parameters, self.CHART_FOLDER, context)
        if not folder:
            return None
        from ..core.crime_charts import write_sector_charts  # matplotlib only when charts are asked for

        feedback.setProgressText(self.tr("Drawing the charts…"))
        progress, is_cancelled = self.core_callbacks(feedback)
        written = write_sector_charts(
            result,
            folder,
            period_label(settings.period),
            period_label(settings.compare) if settings.compare is not None else "",
            progress=progress,
            is_cancelled=is_cancelled,
        )
        return folder, sum(len(paths) for paths in written.values())


# --- helpers (no Processing state) --------------------------------------------


def _plain(value):
    """A value a QGIS attribute can hold: numpy scalars unwrapped, NaN as NULL."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def period_label(period: Period | None) -> str:
    """``2026-07-01 – 2026-09-30`` for [2026-07-01, 2026-10-01); ``all dates`` for an open period."""
    if period is None or period.is_open:
        return "all dates"

    def text(value, is_end):
        if value is None:
            return "…"
        stamp = pd.Timestamp(value)
        if stamp == stamp.normalize():
            return (stamp - pd.Timedelta(days=1) if is_end else stamp).strftime("%Y-%m-%d")
        return (stamp - pd.Timedelta(seconds=1) if is_end else stamp).strftime("%Y-%m-%d %H:%M")

    return f"{text(period.start, False)} – {text(period.end, True)}"


def summary_text(result, totals, settings) -> str:
    """Per-sector totals (and change) and the accounting of every incident, for the log."""
    table = result.sectors
    compare = "compare_total" in table.columns
    header = ["sector", "cells", "crimes"] + (["compared", "change", "change %"] if compare else [])
    rows = [header]
    for row in table.itertuples(index=False):
        line = [str(row.sector_id), f"{row.cells:,}", f"{row.crimes_total:,}"]
        if compare:
            pct = "" if math.isnan(row.change_pct) else f"{row.change_pct:+.0f}"
            line += [f"{row.compare_total:,}", f"{row.change:+,}", pct]
        rows.append(line)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell.rjust(width) for cell, width in zip(r, widths, strict=True)) for r in rows]
    lines.append("")
    lines.append(f"Period: {period_label(settings.period)}")
    if compare:
        lines.append(f"Comparison period: {period_label(settings.compare)}")
    lines.append(f"Incidents read: {result.crimes_input:,}")
    for name in ("CRIMES_IN_PERIOD", "CRIMES_OUTSIDE", "COMPARE_IN_PERIOD", "COMPARE_OUTSIDE"):
        if name in totals:
            lines.append(f"{name}: {totals[name]:,}")
    lines.append(
        f"Cells: {len(result.cells):,} (in the cells: {int(result.cells.crimes_total.sum()):,} crimes)"
    )
    return "\n".join(lines)
