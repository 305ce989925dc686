"""ypo:safetyindex — the city safety index per area, from recorded crime and a citizens' survey."""

from qgis.core import (
    QgsField,
    QgsProcessing,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType

from ..core.errors import About
from ..core.lazy import lazy_module
from ..i18n import tr, translated
from ..inputs.crime_input import CrimeParameters, datetime_text
from ..inputs.parameters import advanced, pdf_report_parameter
from ..inputs.population_input import ABOUT as POPULATION_ABOUT
from ..inputs.population_input import add_population_parameters, read_population
from ..inputs.survey_input import (
    AREAS,
    PREVIOUS_SURVEY,
    SURVEY,
    add_area_parameters,
    add_previous_survey_parameter,
    add_survey_parameters,
    read_areas,
    read_survey,
)
from .base import YpoAlgorithm

qgis_write = lazy_module("..qgis_io.write", __package__)
gpd = lazy_module("geopandas")

STYLE_NAME = "safety_index"
CRIME_PARAMETERS = CrimeParameters()
# Output fields after area_id, with their QGIS types; the last two only with a previous survey.
RESULT_FIELDS = (
    ("population", QMetaType.Type.Double),
    ("incidents", QMetaType.Type.LongLong),
    ("crimes_per_1000", QMetaType.Type.Double),
    ("crime_index", QMetaType.Type.Double),
    ("respondents", QMetaType.Type.LongLong),
    ("missing_answers", QMetaType.Type.LongLong),
    ("unsafe_share", QMetaType.Type.Double),
    ("insecurity_index", QMetaType.Type.Double),
    ("safety_index", QMetaType.Type.Double),
    ("rank", QMetaType.Type.LongLong),
    ("needs_initiative", QMetaType.Type.Bool),
    ("survey_status", QMetaType.Type.QString),
)
CHANGE_FIELDS = (("safety_index_prev", QMetaType.Type.Double), ("change", QMetaType.Type.Double))


def index_numbers() -> tuple:
    """(parameter, description, default) of the index's weights and threshold."""
    return (
        ("CRIME_WEIGHT", tr("Crime weight"), 0.5),
        ("SURVEY_WEIGHT", tr("Survey weight"), 0.5),
        ("THRESHOLD", tr("Initiative threshold"), 120.0),
    )


class SafetyIndexAlgorithm(YpoAlgorithm):
    MIN_RESPONSES = "MIN_RESPONSES"
    PREVIOUS_PERIOD_START = "PREVIOUS_PERIOD_START"
    PREVIOUS_PERIOD_END = "PREVIOUS_PERIOD_END"
    OUTPUT = "OUTPUT"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    PERIOD = "PERIOD"
    INITIATIVE_COUNT = "INITIATIVE_COUNT"
    PARAMETER_ABOUT = {About.SECTORS: AREAS, **POPULATION_ABOUT}

    def name(self):
        return "safetyindex"

    def displayName(self):
        return tr("Safety index")

    def shortHelpString(self):
        return tr(
            "The city safety index: per area (the index areas, or the sectors), recorded crime and how "
            "safe citizens say they feel, to find where initiatives are needed and follow how they work.\n\n"
            "Per area:\n"
            "crimes_per_1000 = incidents × 1000 / population × 365.25 / period days (a yearly rate; "
            "incidents of the six crime types in the period; population by areal weighting as in "
            "Compute sector manning)\n"
            "crime_index = 100 × crimes_per_1000 / the same rate over all areas together\n"
            "unsafe_share = Σ weight of answers 1 or 2 / Σ weight of answers, on the 1–5 scale of "
            "'How safe do you feel in your neighbourhood after dark?' (1 = very unsafe); missing "
            "answers, answers outside 1–5 and weights not above 0 are left out and counted in "
            "missing_answers\n"
            "insecurity_index = 100 × unsafe_share / the same share over all respondents\n"
            "safety_index = (crime weight × crime_index + survey weight × insecurity_index) / (crime "
            "weight + survey weight): 100 is the average of the areas, higher is less safe\n"
            "rank: 1 = least safe (equal indices share a rank); needs_initiative: safety_index ≥ the "
            "threshold and respondents ≥ the minimum.\n"
            "survey_status: ok; too few responses or no survey answers (fewer respondents than the "
            "minimum: the area gets no safety index, rank or initiative mark, never one on crime "
            "alone; its crime index is still given); no inhabitants (no rate).\n"
            "With a previous survey: safety_index_prev (the same index over the previous period) and "
            "change = safety_index − safety_index_prev, in index points. Each period is measured "
            "against its own average, so the change shows how an area moved relative to the others.\n\n"
            "Parameters:\n"
            "Areas, Area id field — the index areas (any CRS; default field area_id). Features sharing "
            "an id count as one area; where areas overlap, the overlap counts in the first.\n"
            "Population, Population field — polygons whose inhabitants are shared out by area, or "
            "points counted where they are (default field population).\n"
            "{crime_help}"
            "By default the period is one year: the last 365 days of the data, ending with the day "
            "of the last incident (the days the data cover when that is less, with a warning); one end "
            "given alone: the 365 days from or up to it.\n"
            "Survey — the respondents: points (each counts in the area it lies in) or a table.\n"
            "Survey area field (optional) — the area id of each respondent (needed for a table; when "
            "given it is used instead of the points). An id that names no area stops the run.\n"
            "Answer field — the answer 1–5 (default answer).\n"
            "Weight field (optional) — each respondent's survey weight; without it every answer "
            "weighs 1.\n"
            "Crime weight, Survey weight (advanced) — how the two parts are weighed (0.5 each).\n"
            "Initiative threshold — the safety index from which an area needs an initiative (120).\n"
            "Minimum respondents — fewer, and the area is marked too few responses (30).\n"
            "Previous survey (optional) — the survey of the previous period, with the same fields: "
            "gives safety_index_prev and change. Its crime comes from the same incidents:\n"
            "Previous period start, Previous period end (optional) — by default the same number of "
            "days just before the period. The population is the same for both periods.\n"
            "Safety index — the areas with area_id, population, incidents, the fields above, "
            "respondents and missing_answers; loaded styled by the index (100 = average).\n"
            "Report (optional) — a one-page PDF: the map coloured by safety index and the areas "
            "ranked.\n\n"
            "Results: PERIOD (the period counted), INITIATIVE_COUNT (areas that need an initiative).",
            crime_help=CRIME_PARAMETERS.help(tr("which period an incident falls in")),
        )

    def initAlgorithm(self, config=None):
        add_area_parameters(self)
        add_population_parameters(self, optional=False)
        CRIME_PARAMETERS.add_to(self)
        add_survey_parameters(self)
        for name, description, default in index_numbers():
            number = QgsProcessingParameterNumber(
                name, description, QgsProcessingParameterNumber.Type.Double, default, minValue=0
            )
            self.addParameter(advanced(number) if name != "THRESHOLD" else number)
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_RESPONSES,
                tr("Minimum respondents"),
                QgsProcessingParameterNumber.Type.Integer,
                30,
                minValue=0,
            )
        )
        add_previous_survey_parameter(self)
        for name, description in (
            (self.PREVIOUS_PERIOD_START, tr("Previous period start")),
            (self.PREVIOUS_PERIOD_END, tr("Previous period end")),
        ):
            self.addParameter(
                QgsProcessingParameterDateTime(
                    name, description, QgsProcessingParameterDateTime.Type.DateTime, optional=True
                )
            )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Safety index"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(pdf_report_parameter(self.OUTPUT_REPORT, tr("Report")))
        self.addOutput(QgsProcessingOutputString(self.PERIOD, tr("Period counted")))
        self.addOutput(QgsProcessingOutputNumber(self.INITIATIVE_COUNT, tr("Areas needing an initiative")))

    def processAlgorithm(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(5, feedback)
        return self.run_core(self._run, parameters, context, feedback, steps)

    def _run(self, parameters, context, feedback, steps):
        from ..core.crime_types import Period, period_label
        from ..core.safety_areas import SafetyInput, SafetySettings, measure_safety
        from ..core.safety_index import IndexSettings

        transform_context = context.transformContext()
        steps.setProgressText(tr("Reading the areas and the population…"))
        crs, areas, id_field, area_ids, geometries = read_areas(self, parameters, context, steps)
        population = read_population(self, parameters, context, crs, steps)
        steps.setCurrentStep(1)
        steps.setProgressText(tr("Reading the crime incidents…"))
        crimes = CRIME_PARAMETERS.layer(self, parameters, context)
        points = crimes.read(self, crs, transform_context, steps, required=True)
        steps.setCurrentStep(2)
        steps.setProgressText(tr("Reading the survey…"))
        survey = read_survey(self, parameters, SURVEY, context, crs, steps)
        previous_survey = read_survey(self, parameters, PREVIOUS_SURVEY, context, crs, steps)
        reading = CRIME_PARAMETERS.settings(self, parameters, context)
        previous_period = Period.parse(
            datetime_text(self, parameters, self.PREVIOUS_PERIOD_START, context),
            datetime_text(self, parameters, self.PREVIOUS_PERIOD_END, context),
            self.PREVIOUS_PERIOD_START,
            self.PREVIOUS_PERIOD_END,
        )
        index = IndexSettings(
            *(self.parameterAsDouble(parameters, name, context) for name, _, _ in index_numbers()),
            self.parameterAsInt(parameters, self.MIN_RESPONSES, context),
        )
        steps.setCurrentStep(3)
        steps.setProgressText(tr("Computing the safety index…"))
        progress, is_cancelled = self.core_callbacks(steps)
        result = measure_safety(
            SafetyInput(
                area_ids,
                geometries,
                population,
                points.xy,
                points.types,
                points.datetimes,
                survey,
                points.times,
                previous_survey,
            ),
            SafetySettings(previous_period=previous_period, index=index, **reading),
            progress,
            is_cancelled,
        )
        for warning in result.warnings:
            feedback.pushWarning(translated(warning))
        steps.setCurrentStep(4)
        steps.setProgressText(tr("Writing the areas…"))
        names = RESULT_FIELDS + (CHANGE_FIELDS if previous_survey is not None else ())
        area_id_field = QgsField(areas.fields().field(id_field))
        area_id_field.setName("area_id")
        fields = qgis_write.typed_fields(names, leading=[area_id_field])
        frame = _output_frame(result, [name for name, _ in names])
        dest_id = self.write_output(
            parameters,
            self.OUTPUT,
            context,
            frame,
            fields,
            QgsWkbTypes.Type.MultiPolygon,
            areas.sourceCrs(),
            steps,
            working_crs=crs,
            multi=True,
            style=(STYLE_NAME, tr("Safety index")),
        )
        if dest_id is None:
            return {}
        label = period_label(result.period)
        results = {
            self.OUTPUT: dest_id,
            self.PERIOD: label,
            self.INITIATIVE_COUNT: int(result.table["needs_initiative"].sum()),
        }
        feedback.pushInfo(
            tr(
                "Period {period}: {areas} areas, {initiatives} need an initiative.",
                period=label,
                areas=len(frame),
                initiatives=results[self.INITIATIVE_COUNT],
            )
        )
        report = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report:
            from ..layouts.safety_report import write_safety_report

            steps.setProgressText(tr("Writing the report…"))
            write_safety_report(report, result, index, crs)
            results[self.OUTPUT_REPORT] = report
        return results


def _output_frame(result, names):
    frame = result.table[["area_id", *names]].copy()
    frame["rank"] = frame["rank"].astype(object).where(frame["rank"].notna(), None)
    return gpd.GeoDataFrame(frame, geometry=list(result.geometries))
