"""ypo:threatassessment — the quarterly threat assessment: what changed in each sector, exposed
housing area and the station, whether it is more than chance, and gang-related incidents."""

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsWkbTypes,
)

from ..core.defaults import BUSIEST_CELLS, DEFAULT_CELL_SIZE, SIGNIFICANCE_LEVEL
from ..core.lazy import lazy_module
from ..core.progress import Cancelled
from ..i18n import tr, translated
from ..inputs.crime_input import CrimeParameters
from ..inputs.parameters import pdf_report_parameter
from ..inputs.population_input import ABOUT as POPULATION_ABOUT
from ..inputs.population_input import add_population_parameters, read_population
from ..inputs.sector_input import (
    add_sector_parameters,
    dissolve_by_id,
    read_sectors,
    sector_source,
    sector_working_crs,
)
from ..inputs.threat_input import (
    GANG_FIELD,
    add_gang_and_exposed_parameters,
    add_period_parameters,
    gang_help,
    periods_help,
    read_exposed_areas,
    read_periods,
)
from .base import YpoAlgorithm

np = lazy_module("numpy")
incident_dates = lazy_module("..core.incident_dates", __package__)
sector_logic = lazy_module("..core.sectors", __package__)
threat_assessment = lazy_module("..core.threat_assessment", __package__)
threat_report = lazy_module("..layouts.threat_report", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)
qgis_write = lazy_module("..qgis_io.write", __package__)

CRIME_PARAMETERS = CrimeParameters(period=False)


def period_results() -> tuple:
    """Result name, what it says: the periods as their first and last day (ISO dates), so that a
    model's next step can count the same quarter."""
    return (
        ("QUARTER_FIRST_DAY", tr("First day of the quarter")),
        ("QUARTER_LAST_DAY", tr("Last day of the quarter")),
        ("COMPARE_FIRST_DAY", tr("First day of the comparison period")),
        ("COMPARE_LAST_DAY", tr("Last day of the comparison period")),
    )


class ThreatAssessmentAlgorithm(YpoAlgorithm):
    OUTPUT = "OUTPUT"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    PARAMETER_ABOUT = {**POPULATION_ABOUT}

    def name(self):
        return "threatassessment"

    def displayName(self):
        return tr("Quarterly threat assessment")

    def shortHelpString(self):
        return tr(
            "The quarterly threat assessment for the station management: per sector, per "
            "particularly exposed housing area and for the station, the incidents of a quarter "
            "against a comparison period, by crime type, whether the change is more than chance, "
            "gang-related incidents and the busiest places.\n\n"
            "Per area: population (population polygons shared out by area, or points); incidents "
            "by type now (<type>_now) and before (<type>_before) and in all (incidents_now, "
            "incidents_before; other and unknown types count there only); change_pct = 100 × "
            "(now / days now − before / days before) / (before / days before), the change of the "
            "daily rate (empty when there were none before); p_value: the exact conditional test — "
            "given the n = now + before incidents of both periods, 'now' is binomial(n, p) with "
            "p = days now / (days now + days before) when the daily rate did not change; the "
            "two-sided p-value sums the probabilities of all counts no likelier than the one seen "
            "(as scipy.stats.binomtest); significant = p_value < {significance_level:g}; "
            "gang_now, gang_before: gang-related incidents; busiest_cells: the {busiest_cells} "
            "{cell_size:g} m cells with most incidents in the quarter ('x, y: n', "
            "x and y the cell's lower-left corner in the "
            "working CRS's metres). An incident counts in the first sector (and the first exposed "
            "area) that holds it; the station row holds every incident in a sector.\n\n"
            "Parameters:\n"
            "Sectors, Sector id field — the sectors (any CRS; counted in metres).\n"
            "{crime_help}{periods_help}{gang_help}"
            "Particularly exposed housing areas (optional), Exposed area name field (default name; "
            "empty: the feature id) — each area gets a row of its own.\n"
            "Population (optional), Population field — population polygons or points.\n"
            "Threat assessment — the table (no geometry: its areas overlap, the station holding "
            "every sector): one row per sector, exposed area and the station; area_kind = sector, "
            "exposed_area or station; area_id = the sector id, the area's name, or 'station'. Join "
            "it to the sectors on area_id = sector_id for a map.\n"
            "Report (optional) — a PDF for the station management: a summary page (the station, "
            "significant increases and decreases, gang-related incidents, exposed areas), then a page "
            "per sector with its figures and its incidents per month over both periods.\n"
            "A quarter without incidents is said in the log (every count 0), as is a comparison "
            "period without incidents or beginning before the data.",
            significance_level=SIGNIFICANCE_LEVEL,
            busiest_cells=BUSIEST_CELLS,
            cell_size=DEFAULT_CELL_SIZE,
            crime_help=CRIME_PARAMETERS.help(tr("which period an incident falls in")),
            periods_help=periods_help(),
            gang_help=gang_help(),
        )

    def initAlgorithm(self, config=None):
        add_sector_parameters(self)
        CRIME_PARAMETERS.add_to(self)
        add_period_parameters(self)
        add_gang_and_exposed_parameters(self)
        add_population_parameters(self)
        self.addParameter(
            # Optional (made by default), so that a model may leave it out and keep only the report.
            QgsProcessingParameterFeatureSink(
                self.OUTPUT,
                tr("Threat assessment"),
                QgsProcessing.SourceType.TypeVector,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(pdf_report_parameter(self.OUTPUT_REPORT, tr("Report")))
        for name, description in period_results():
            self.addOutput(QgsProcessingOutputString(name, description))

    def processAlgorithm(self, parameters, context, feedback):
        return self.run_core(self._run, parameters, context, feedback)

    def _run(self, parameters, context, feedback):
        transform_context = context.transformContext()
        sectors, id_field = sector_source(self, parameters, context)
        crimes = CRIME_PARAMETERS.layer(self, parameters, context)
        gang_field = self.checked_field(parameters, GANG_FIELD, context, crimes.source, tr("Crime incidents"))
        settings = read_periods(self, parameters, context)
        reading = CRIME_PARAMETERS.settings(self, parameters, context)
        crs = sector_working_crs(self, sectors, transform_context, feedback)
        by_id = dissolve_by_id(
            read_sectors(
                qgis_read.read_features(sectors, feedback), id_field, crs, transform_context, feedback
            ),
            id_field,
        )
        for warning in by_id.warnings:
            feedback.pushWarning(translated(warning))
        exposed_names, exposed_geometries = read_exposed_areas(self, parameters, context, crs, feedback)
        population = read_population(self, parameters, context, crs, feedback)
        feedback.setProgress(20)
        feedback.setProgressText(tr("Reading the crime incidents…"))
        points = crimes.read(self, crs, transform_context, feedback, True, [gang_field] if gang_field else [])
        parsed = incident_dates.parse_datetimes(
            points.datetimes, reading["date_format"], points.times, reading["incident_source"]
        )
        undated = int(np.isnat(parsed.values).sum())
        for warning in parsed.warnings:
            feedback.pushWarning(translated(warning))
        if undated:
            feedback.pushWarning(
                tr("{count} incidents without a date count in neither period.", count=undated)
            )
        gang = (
            threat_assessment.yes_no_flags(points.others[gang_field], f"GANG_FIELD '{gang_field}'")
            if gang_field
            else np.zeros(len(points.xy), dtype=bool)
        )
        feedback.setProgress(50)
        self._check_cancelled(feedback)
        data = threat_assessment.ThreatInput(
            by_id.ids,
            by_id.geometries,
            exposed_names,
            exposed_geometries,
            points.xy,
            points.types,
            parsed.values,
            gang,
            population,
        )
        result = threat_assessment.assess_threats(
            data, threat_assessment.ThreatSettings(crime_type_map=reading["crime_type_map"], **settings)
        )
        for warning in result.warnings:
            feedback.pushWarning(translated(warning))
        feedback.pushInfo(
            tr(
                "Quarter {quarter}, compared with {compare}.",
                quarter=threat_assessment.period_span(result.quarter),
                compare=threat_assessment.period_span(result.compare),
            )
        )
        feedback.setProgress(70)
        table = result.table.assign(
            area_id=[sector_logic.attribute_text(value) for value in result.table["area_id"]]
        )
        output = self.write_output(
            parameters,
            self.OUTPUT,
            context,
            table,
            qgis_write.fields_for_frame(table),
            QgsWkbTypes.Type.NoGeometry,
            sectors.sourceCrs(),
            feedback,
            optional=True,
        )
        self._check_cancelled(feedback)
        results = {self.OUTPUT: output}
        for (name, _), day in zip(period_results(), _first_and_last_days(result), strict=True):
            results[name] = day
        report = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report:
            feedback.setProgressText(tr("Writing the report…"))
            threat_report.write_threat_report(report, result, bool(gang_field), feedback.isCanceled)
            results[self.OUTPUT_REPORT] = report
        feedback.setProgress(100)
        return results

    @staticmethod
    def _check_cancelled(feedback):
        if feedback.isCanceled():
            raise Cancelled()


def _first_and_last_days(result) -> list[str]:
    return [
        str(day)
        for period in (result.quarter, result.compare)
        for day in (np.datetime64(period.start, "D"), np.datetime64(period.end, "D") - 1)
    ]
