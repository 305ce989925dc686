"""ypo:computemanning — population, crime by type, need, factor 1–5 and officers per sector."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType

from ..core.defaults import CRIME_TYPE_FIELDS
from ..core.errors import About
from ..core.lazy import lazy_module
from ..core.reports import manning_totals, summary_html, summary_text
from ..i18n import tr, translated
from ..inputs.crime_input import DATE_FIELD, CrimeParameters
from ..inputs.geometry_input import read_geometries
from ..inputs.need_input import ABOUT as NEED_ABOUT
from ..inputs.need_input import EXPOSED_AREAS, add_need_parameters, read_need_settings
from ..inputs.population_input import ABOUT as POPULATION_ABOUT
from ..inputs.population_input import add_population_parameters, read_population
from ..inputs.sector_input import (
    SECTORS,
    SectorTable,
    add_sector_parameters,
    sector_geometry_help,
    sector_source,
    sector_working_crs,
)
from ..inputs.staff_input import ABOUT as STAFF_ABOUT
from ..inputs.staff_input import add_staff_parameters, read_staff, read_staff_districts
from .base import YpoAlgorithm

crime_types = lazy_module("..core.crime_types", __package__)
manning = lazy_module("..core.manning", __package__)

STYLE_NAME = "manning"
# Crime is optional; dates are needed only for a period or yearly rates.
CRIME_PARAMETERS = CrimeParameters(optional=True, date_required=False, date_default=None)

# Output fields added after the input sector's own fields, with their QGIS types.
RESULT_FIELDS = (
    ("population", QMetaType.Type.Double),
    ("area_km2", QMetaType.Type.Double),
    ("crimes_total", QMetaType.Type.LongLong),
    *((name, QMetaType.Type.LongLong) for name in CRIME_TYPE_FIELDS),
    ("crimes_per_1000", QMetaType.Type.Double),
    ("exposed_share", QMetaType.Type.Double),
    ("need_score", QMetaType.Type.Double),
    ("factor", QMetaType.Type.Int),
    ("officers_required", QMetaType.Type.Int),
    ("officers_allocated", QMetaType.Type.Int),
)


def total_outputs() -> tuple:
    """The totals given as results (named as core.reports.manning_totals names them), with their
    descriptions."""
    return (
        ("CRIMES_OUTSIDE", tr("Incidents in the period outside every sector")),
        ("CRIMES_IN_PERIOD", tr("Incidents in the period")),
        ("POPULATION_OUTSIDE", tr("Population outside every sector")),
        ("OFFICERS_REQUIRED_TOTAL", tr("Officers required in all")),
        ("OFFICERS_ALLOCATED_TOTAL", tr("Officers allocated in all")),
    )


class ComputeManningAlgorithm(YpoAlgorithm):
    FACTOR_FIELD = "FACTOR_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_HTML = "OUTPUT_HTML"
    PARAMETER_ABOUT = {
        About.SECTORS: SECTORS,
        About.DATE_FIELD: DATE_FIELD,
        About.FACTOR_OVERRIDE: FACTOR_FIELD,
        **POPULATION_ABOUT,
        **NEED_ABOUT,
        **STAFF_ABOUT,
    }

    def name(self):
        return "computemanning"

    def displayName(self):
        return tr("Compute sector manning")

    def shortHelpString(self):
        return tr(
            "Computes, for every sector, its population, crime by type, a need score, the manning "
            "factor 1–5 (factor 1 = one officer per 1,000 inhabitants, high need … factor 5 = one per "
            "5,000, low need) and the officers it requires and is allocated:\n"
            "officers_required = max(MIN_OFFICERS, ceil(population / (factor × 1000))).\n\n"
            "Any CRS: the work is done in the sectors' CRS when it is metric, else in the UTM zone "
            "of the sectors; the other layers are reprojected to it. The output keeps the sectors' "
            "CRS and geometries.\n\n"
            "Parameters:\n"
            "Sectors — the sector polygons (generated or drawn by hand). Sectors that share an id are "
            "dissolved into one multi-part sector (attributes of the first kept), with a warning. "
            "Where sectors overlap, the overlap counts in the sector that comes first (input "
            "order), so nothing is counted twice; overlaps are reported. {sector_geometry_help}\n"
            "Sector id field — the unique sector id (default sector_id).\n"
            "Factor override field (optional) — a field on the sectors whose value 1–5 replaces the "
            "computed factor; empty values keep the computed one.\n"
            "Population (optional) — polygons (e.g. census tracts, blocks) whose population is shared "
            "out by area, so a unit across a sector line is split in proportion to the area on each "
            "side (nothing is lost or counted twice), or points counted where they are. Without it "
            "every sector has population 0 and gets the minimum.\n"
            "Population field — the number of inhabitants of each unit (numeric).\n"
            "{crime_help}"
            "Particularly exposed housing areas (optional) — polygons; exposed_share is the share of "
            "the sector's population living in them (of its area where nobody lives).\n"
            "Factor method — thresholds: factor 1 when need ≥ 200, 2 when ≥ 120, 3 when ≥ 70, 4 when "
            "≥ 35, else 5; quintiles: the fifth of sectors with the highest need gets factor 1, the "
            "next fifth 2, and so on (ties share a factor). Sectors without population get factor 5.\n"
            "Factor thresholds (advanced) — the four need scores where factor 1, 2, 3 and 4 start.\n"
            "Crime type weights (advanced) — weight of each type in the need score.\n"
            "Exposed area weight (advanced) — how much exposed housing raises the need.\n"
            "need_score = Σ weight × crimes of the type per 1,000 inhabitants per year × "
            "(1 + exposed area weight × exposed_share); the year is the period, else the span of "
            "the incident dates.\n"
            "Minimum officers per sector — default 2.\n"
            "Staff to allocate (optional) — a total number of officers shared out over all sectors.\n"
            "Districts with staff (optional) — district polygons with a staff number each: every "
            "district's staff is shared out over its sectors. A sector belongs to the district that "
            "covers the largest part of its area (a sector partly outside it is reported). Give "
            "either this or the staff to allocate.\n"
            "District name field / District staff field — the district's name (default district) and "
            "its number of officers (default staff).\n"
            "Allocation: each sector gets at least the minimum and otherwise a share of the staff "
            "proportional to its officers_required, rounded by the largest-remainder method, so the "
            "allocation sums exactly to the staff. Without staff, officers_allocated = "
            "officers_required.\n"
            "Sector manning — the sectors with every input field plus sector_id, district (when "
            "districts are given), population, area_km2, crimes_total, crimes_<type>, "
            "crimes_per_1000, exposed_share, need_score, factor, officers_required and "
            "officers_allocated; loaded styled by factor.\n"
            "Summary (HTML) (optional) — a table of the sectors and totals for the results viewer.\n\n"
            "Results: CRIMES_OUTSIDE (incidents in the period in no sector, including those without "
            "a location), CRIMES_IN_PERIOD, POPULATION_OUTSIDE, OFFICERS_REQUIRED_TOTAL, "
            "OFFICERS_ALLOCATED_TOTAL.",
            sector_geometry_help=sector_geometry_help(),
            crime_help=CRIME_PARAMETERS.help(
                date_use=tr("needed for a period, and used to turn counts into yearly rates")
            ),
        )

    def initAlgorithm(self, config=None):
        add_sector_parameters(self)
        self.addParameter(
            QgsProcessingParameterField(
                self.FACTOR_FIELD,
                tr("Factor override field"),
                parentLayerParameterName=SECTORS,
                optional=True,
            )
        )
        add_population_parameters(self)
        CRIME_PARAMETERS.add_to(self)
        add_need_parameters(self)
        add_staff_parameters(self)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Sector manning"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, tr("Summary (HTML)"), tr("HTML files (*.html)"), optional=True
            )
        )
        for name, description in total_outputs():
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def processAlgorithm(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(6, feedback)
        return self.run_core(self._run, parameters, context, feedback, steps)

    def _run(self, parameters, context, feedback, steps):
        transform_context = context.transformContext()
        sectors, id_field = sector_source(self, parameters, context)
        factor_field = self.checked_field(parameters, self.FACTOR_FIELD, context, sectors, tr("Sectors"))
        crs = sector_working_crs(self, sectors, transform_context, feedback)
        settings = {
            **CRIME_PARAMETERS.settings(self, parameters, context),
            **read_need_settings(self, parameters, context),
            **read_staff(self, parameters, context),
        }

        steps.setCurrentStep(0)
        steps.setProgressText(tr("Reading the sectors…"))
        sector_table = SectorTable.read(sectors, id_field, factor_field, crs, transform_context, steps)
        for warning in sector_table.warnings:
            feedback.pushWarning(translated(warning))

        steps.setCurrentStep(1)
        steps.setProgressText(tr("Reading the population…"))
        population = read_population(self, parameters, context, crs, steps)

        steps.setCurrentStep(2)
        steps.setProgressText(tr("Reading the crime incidents…"))
        crimes = self._crimes(parameters, context, crs, steps)
        exposed = read_geometries(self, parameters, EXPOSED_AREAS, context, crs)
        if feedback.isCanceled():
            return {}
        districts, settings["district_staff"] = read_staff_districts(
            self, parameters, context, crs, sector_table, feedback
        )

        steps.setCurrentStep(3)
        steps.setProgressText(tr("Computing the manning…"))
        progress, is_cancelled = self.core_callbacks(steps)
        result = manning.compute_manning(
            manning.SectorInput(
                sector_table.ids, sector_table.geometries, sector_table.factor_override, districts
            ),
            population,
            crimes,
            exposed,
            manning.ManningSettings(**settings),
            progress,
            is_cancelled,
        )
        for warning in result.warnings:
            feedback.pushWarning(translated(warning))

        steps.setCurrentStep(4)
        steps.setProgressText(tr("Writing the sectors…"))
        dest_id = self._write(parameters, context, sectors, sector_table, districts, result, steps)
        if dest_id is None:
            return {}

        steps.setCurrentStep(5)
        totals = manning_totals(result)
        feedback.pushInfo(summary_text(result, totals, translated))
        results = {self.OUTPUT: dest_id, **totals}
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            with open(html_path, "w", encoding="utf-8") as handle:
                handle.write(summary_html(result, totals, sector_table.id_field, translated))
            results[self.OUTPUT_HTML] = html_path
        return results

    def _crimes(self, parameters, context, crs, feedback):
        crimes = CRIME_PARAMETERS.layer(self, parameters, context)
        if crimes is None:
            return None
        points = crimes.read(self, crs, context.transformContext(), feedback)
        return manning.CrimeInput(points.xy, points.types, points.datetimes, points.times)

    def _write(self, parameters, context, sectors, sector_table, districts, result, feedback):
        computed = [(name, field_type, result.sectors[name].tolist()) for name, field_type in RESULT_FIELDS]
        copied = sector_table.with_results(sectors.fields(), computed, districts, feedback)
        wkb_type = sectors.wkbType()
        if sector_table.multipart:
            wkb_type = QgsWkbTypes.multiType(wkb_type)
        return self.copy_output(
            parameters,
            self.OUTPUT,
            context,
            copied,
            wkb_type,
            sectors.sourceCrs(),
            feedback,
            geometries=sector_table.geometries_to_write,
            multi=wkb_type != sectors.wkbType(),
            style=(STYLE_NAME, tr("Sector manning")),
        )
