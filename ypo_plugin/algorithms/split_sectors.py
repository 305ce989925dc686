"""ypo:splitsectors — split districts into balanced, contiguous, compact sectors."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..core.defaults import SPLIT_TOLERANCE_PCT
from ..core.lazy import lazy_module
from ..core.reports import split_summary
from ..i18n import tr, translated
from ..inputs.crime_input import read_crime_points
from ..inputs.district_input import ABOUT as DISTRICT_ABOUT
from ..inputs.district_input import add_district_parameters, read_districts
from ..inputs.geometry_input import read_geometries
from ..inputs.parameters import advanced
from ..inputs.unit_input import ABOUT as UNIT_ABOUT
from ..inputs.unit_input import (
    POPULATION_FIELD,
    add_unit_parameters,
    layer_description,
    read_units,
    sectors_as_written,
    unit_source,
    units_with_sector,
)
from ..inputs.workload_input import EXPOSED_AREAS, add_workload_parameters, read_weights
from .base import YpoAlgorithm

np = lazy_module("numpy")
sector_plan = lazy_module("..core.sector_plan", __package__)
splitting = lazy_module("..core.splitting", __package__)
crs_choice = lazy_module("..crs", __package__)
qgis_write = lazy_module("..qgis_io.write", __package__)

STYLE_NAME = "sectors"


class SplitSectorsAlgorithm(YpoAlgorithm):
    SECTOR_COUNT = "SECTOR_COUNT"
    BARRIERS = "BARRIERS"
    EXISTING_SECTORS = "EXISTING_SECTORS"
    TOLERANCE = "TOLERANCE"
    SEED = "SEED"
    ASSIGN_OUTSIDE_TO_NEAREST = "ASSIGN_OUTSIDE_TO_NEAREST"
    OUTPUT_SECTORS = "OUTPUT_SECTORS"
    OUTPUT_UNITS = "OUTPUT_UNITS"
    OUTSIDE_UNITS = "OUTSIDE_UNITS"
    MAX_DEVIATION_PCT = "MAX_DEVIATION_PCT"
    NONCONTIGUOUS_COUNT = "NONCONTIGUOUS_COUNT"
    OUTSIDE_UNIT_COUNT = "OUTSIDE_UNIT_COUNT"
    OUTSIDE_POPULATION = "OUTSIDE_POPULATION"
    KEPT_POPULATION_SHARE = "KEPT_POPULATION_SHARE"
    RUN_SECONDS = "RUN_SECONDS"
    PARAMETER_ABOUT = {**UNIT_ABOUT, **DISTRICT_ABOUT}

    def name(self):
        return "splitsectors"

    def displayName(self):
        return tr("Split districts into sectors")

    def shortHelpString(self):
        return tr(
            "Builds a sector plan from base units (street blocks, statistical areas or grid cells): "
            "each sector is one connected piece, as compact as possible, with a fair share of the "
            "district's workload. Sectors nest in districts (e.g. 9 + 5 + 5), follow railways, "
            "motorways and water where possible, and can stay close to today's plan.\n\n"
            "Workload of a unit, in population equivalents: "
            "(wP·population + wC·crimes·P/C + wE·exposed population·P/E) / (wP + wC + wE), where P, C "
            "and E are the totals of population, crimes and population living in exposed housing "
            "areas; a term without data is left out. With no crimes and no exposed areas the workload "
            "is the population.\n\n"
            "Parameters:\n"
            "Base units — polygons that tile the area; every unit ends up in exactly one sector (with "
            "districts: every unit inside them).\n"
            "Population field — inhabitants per unit (empty values count as 0 and are reported).\n"
            "Districts (optional) — sectors are made inside each district; a unit belongs to the "
            "district holding its inner point (a point always inside the unit); a unit straddling "
            "districts goes to the one holding most of its area (listed in the log when another "
            "district holds 1% of it or more). Units whose "
            "inner point lies in no district are left out of the plan and reported: their number and "
            "population in the results, their feature ids in the log, themselves in the optional "
            "Units outside the districts layer.\n"
            "District name field — names sectors ('North East 1') and ids ('NE-01').\n"
            "Sectors per district field — how many sectors each district gets.\n"
            "Target shares field (optional) — per district, one share per sector separated by commas "
            "('1, 1, 1.5') for unequal sectors; empty means equal.\n"
            "Number of sectors — used when no districts are given.\n"
            "Crime incidents (optional) — points counted per unit for the workload.\n"
            "Exposed housing areas (optional) — polygons; population inside them adds workload.\n"
            "Population weight, Crime weight, Exposed areas weight — wP, wC, wE above.\n"
            "Barriers (optional) — lines (railways, motorways, water): units on opposite sides are "
            "not neighbours unless a link is needed to keep a district connected (reported).\n"
            "Existing sectors (optional) — today's plan: units keep their sector where balance allows; "
            "the share of population that keeps its sector is reported.\n"
            "Tolerance (%) — allowed deviation of a sector's workload from its target. Units are "
            "indivisible, so a tolerance can be out of reach; the log then says how close it got.\n"
            "Seed — the same input and seed give the same plan.\n"
            "Assign units outside the districts to the nearest district (advanced, default off) — give "
            "each unit "
            "outside every district to the district it overlaps most, else the nearest one, instead "
            "of leaving it out (each is listed in the log).\n\n"
            "Outputs: Sectors (dissolved polygons with sector_id, sector_name, district, population, "
            "crimes_total, workload, workload_dev_pct, area_km2, polsby_popper, reock, neighbours — "
            "adjacent sectors, also across district lines) and Units with sector (every input unit "
            "with all its fields plus sector_id; units left out are not in it) and, optionally, Units "
            "outside the districts (the units left out, with all their fields). Results give the "
            "largest deviation, the number of non-contiguous sectors (sectors drawn in more than one "
            "part, counted as Validate sectors counts them; each is named in the log with its cause, "
            "such as a unit that is itself in two parts or an island linked across water), the kept "
            "population share, the number and population of units left outside the districts "
            "(OUTSIDE_UNIT_COUNT, OUTSIDE_POPULATION) and the run time. Computation is in metres "
            "(geographic data is projected to its UTM zone); outputs keep the units' CRS, and every "
            "sector written is a valid polygon both there and in the UTM zone later steps compute in."
        )

    def initAlgorithm(self, config=None):
        add_unit_parameters(self)
        add_district_parameters(self)
        integer, double = QgsProcessingParameterNumber.Type.Integer, QgsProcessingParameterNumber.Type.Double
        self.addParameter(
            QgsProcessingParameterNumber(self.SECTOR_COUNT, tr("Number of sectors"), integer, 5, minValue=1)
        )
        add_workload_parameters(self)
        polygons = QgsProcessing.SourceType.TypeVectorPolygon
        for name, description, source_type in (
            (self.BARRIERS, tr("Barriers"), QgsProcessing.SourceType.TypeVectorLine),
            (self.EXISTING_SECTORS, tr("Existing sectors"), polygons),
        ):
            self.addParameter(
                QgsProcessingParameterFeatureSource(name, description, [source_type], optional=True)
            )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TOLERANCE,
                tr("Tolerance (%)"),
                double,
                SPLIT_TOLERANCE_PCT,
                minValue=0.01,
                maxValue=100.0,
            )
        )
        self.addParameter(
            advanced(QgsProcessingParameterNumber(self.SEED, tr("Seed"), integer, 1, minValue=0))
        )
        assign_outside = tr("Assign units outside the districts to the nearest district")
        self.addParameter(
            advanced(QgsProcessingParameterBoolean(self.ASSIGN_OUTSIDE_TO_NEAREST, assign_outside, False))
        )
        for name, description, optional in (
            (self.OUTPUT_SECTORS, tr("Sectors"), False),
            (self.OUTPUT_UNITS, tr("Units with sector"), False),
            (self.OUTSIDE_UNITS, tr("Units outside the districts"), True),
        ):
            self.addParameter(
                QgsProcessingParameterFeatureSink(
                    name, description, polygons, optional=optional, createByDefault=not optional
                )
            )
        for name, description in (
            (self.MAX_DEVIATION_PCT, tr("Largest workload deviation (%)")),
            (self.NONCONTIGUOUS_COUNT, tr("Non-contiguous sectors")),
            (self.OUTSIDE_UNIT_COUNT, tr("Units outside the districts")),
            (self.OUTSIDE_POPULATION, tr("Population of the units outside the districts")),
            (self.KEPT_POPULATION_SHARE, tr("Share of population keeping its sector")),
            (self.RUN_SECONDS, tr("Run time of the split (s)")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def processAlgorithm(self, parameters, context, feedback):
        return self.run_core(self._run, parameters, context, feedback)

    def processing_error(self, error):
        if isinstance(error, splitting.UnitValueError) and error.what == "population":
            # name the parameter the user chose the field in
            return QgsProcessingException(
                tr("{parameter}: {message}", parameter=POPULATION_FIELD, message=translated(error.detail))
            )
        return super().processing_error(error)

    def _run(self, parameters, context, feedback):
        source, population_field = unit_source(self, parameters, context)
        transform_context = context.transformContext()
        crs = crs_choice.working_crs(source, layer_description(), transform_context)
        steps = QgsProcessingMultiStepFeedback(4, feedback)

        steps.setProgressText(tr("Reading the layers…"))
        units = read_units(source, population_field, crs, transform_context, steps)
        districts = read_districts(self, parameters, context, crs)
        crime_xy = read_crime_points(self, parameters, context, crs, steps)
        exposed, barriers, existing = (
            read_geometries(self, parameters, name, context, crs)
            for name in (EXPOSED_AREAS, self.BARRIERS, self.EXISTING_SECTORS)
        )

        steps.setCurrentStep(1)
        steps.setProgressText(tr("Splitting into sectors…"))
        progress, is_cancelled = self.core_callbacks(steps)
        plan = sector_plan.plan_sectors(
            units.frame.geometry.values,
            units.population,
            districts,
            self.parameterAsInt(parameters, self.SECTOR_COUNT, context),
            crime_xy=crime_xy,
            exposed_geoms=exposed,
            barrier_geoms=barriers,
            existing_geoms=existing,
            weights=read_weights(self, parameters, context),
            tolerance_pct=self.parameterAsDouble(parameters, self.TOLERANCE, context),
            rng=np.random.default_rng(self.parameterAsInt(parameters, self.SEED, context)),
            progress=progress,
            is_cancelled=is_cancelled,
            unit_names=units.names,
            assign_outside=self.parameterAsBoolean(parameters, self.ASSIGN_OUTSIDE_TO_NEAREST, context),
        )
        for note in plan.notes:
            feedback.pushInfo(translated(note))
        for warning in plan.warnings:
            feedback.pushWarning(translated(warning))

        steps.setCurrentStep(2)
        steps.setProgressText(tr("Writing the sectors…"))
        sectors, multipart = sectors_as_written(self, units, plan, crs, transform_context, feedback)
        for message in multipart.messages:
            feedback.pushWarning(translated(message))
        sectors_id = self.write_output(
            parameters,
            self.OUTPUT_SECTORS,
            context,
            sectors,
            qgis_write.fields_for_frame(sectors),
            QgsWkbTypes.Type.MultiPolygon,
            units.table.sourceCrs(),
            steps,
            style=(STYLE_NAME, tr("Sectors")),
        )
        steps.setCurrentStep(3)
        steps.setProgressText(tr("Writing the units…"))
        units_id, outside_id = self._write_units(parameters, context, units.table, plan, steps)

        for line in split_summary(plan, multipart.count):
            feedback.pushInfo(translated(line))
        split = plan.split
        results = {
            self.OUTPUT_SECTORS: sectors_id,
            self.OUTPUT_UNITS: units_id,
            self.MAX_DEVIATION_PCT: split.max_deviation_pct,
            self.NONCONTIGUOUS_COUNT: multipart.count,
            self.KEPT_POPULATION_SHARE: split.kept_share,
            self.RUN_SECONDS: split.seconds,
            self.OUTSIDE_UNIT_COUNT: len(plan.outside),
            self.OUTSIDE_POPULATION: plan.outside_population,
        }
        if outside_id is not None:
            results[self.OUTSIDE_UNITS] = outside_id
        return results

    def _write_units(self, parameters, context, units, plan, feedback):
        """Units with their sector (sector_id) and, when asked, the units left out; returns both ids."""
        inside, outside = units_with_sector(self, units, plan, feedback)
        wkb_type, crs = units.source.wkbType(), units.sourceCrs()
        style = ("sector_units", tr("Units with sector"))
        units_id = self.copy_output(
            parameters, self.OUTPUT_UNITS, context, inside, wkb_type, crs, feedback, style=style
        )
        outside_id = None
        if outside[0]:
            outside_id = self.copy_output(
                parameters, self.OUTSIDE_UNITS, context, outside, wkb_type, crs, feedback, optional=True
            )
        return units_id, outside_id
