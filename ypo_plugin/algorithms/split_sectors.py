"""ypo:splitsectors — split districts into balanced, contiguous, compact sectors."""

from __future__ import annotations

import numpy as np
import shapely
from qgis.core import (
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType

from ..core.defaults import (
    SPLIT_TOLERANCE_PCT,
    WORKLOAD_CRIME_WEIGHT,
    WORKLOAD_EXPOSED_WEIGHT,
    WORKLOAD_POPULATION_WEIGHT,
)
from ..core.errors import About, InputError
from ..core.geometry import as_multipolygons, repair_polygons
from ..core.lazy import lazy_module
from ..core.progress import Cancelled
from ..core.sector_plan import (
    SECTOR_FIELDS,
    Districts,
    WorkloadWeights,
    multipart_sectors,
    parse_target_shares,
    plan_sectors,
)
from ..core.sectors import dissolve
from ..core.splitting import UnitValueError
from ..crs import valid_in_both, working_crs, working_crs_of_extent
from ..layouts.styling import style_sink_output
from ..qgis_compat import new_field
from ..qgis_io.points import read_points, transform_xy
from ..qgis_io.read import read_features, source_to_frame
from ..qgis_io.write import copy_features, fields_for_frame
from .base import YpoAlgorithm

gpd = lazy_module("geopandas")

STYLE_NAME = "sectors"


class SplitSectorsAlgorithm(YpoAlgorithm):
    UNITS = "UNITS"
    POPULATION_FIELD = "POPULATION_FIELD"
    DISTRICTS = "DISTRICTS"
    DISTRICT_NAME_FIELD = "DISTRICT_NAME_FIELD"
    SECTORS_FIELD = "SECTORS_FIELD"
    TARGET_FIELD = "TARGET_FIELD"
    SECTOR_COUNT = "SECTOR_COUNT"
    CRIMES = "CRIMES"
    EXPOSED_AREAS = "EXPOSED_AREAS"
    POPULATION_WEIGHT = "POPULATION_WEIGHT"
    CRIME_WEIGHT = "CRIME_WEIGHT"
    EXPOSED_WEIGHT = "EXPOSED_WEIGHT"
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
    PARAMETER_ABOUT = {About.UNITS: UNITS, About.DISTRICTS: DISTRICTS}
    RUN_SECONDS = "RUN_SECONDS"

    def name(self):
        return "splitsectors"

    def displayName(self):
        return self.tr("Split districts into sectors")

    def shortHelpString(self):
        return self.tr(
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
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.UNITS, self.tr("Base units"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.POPULATION_FIELD,
                self.tr("Population field"),
                defaultValue="population",
                parentLayerParameterName=self.UNITS,
                type=QgsProcessingParameterField.DataType.Numeric,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.DISTRICTS,
                self.tr("Districts"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        for name, description, default in (
            (self.DISTRICT_NAME_FIELD, "District name field", "district"),
            (self.SECTORS_FIELD, "Sectors per district field", "sector_count"),
        ):
            self.addParameter(
                QgsProcessingParameterField(
                    name,
                    self.tr(description),
                    defaultValue=default,
                    parentLayerParameterName=self.DISTRICTS,
                    optional=True,
                )
            )
        self.addParameter(
            QgsProcessingParameterField(
                self.TARGET_FIELD,
                self.tr("Target shares field"),
                parentLayerParameterName=self.DISTRICTS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SECTOR_COUNT,
                self.tr("Number of sectors"),
                QgsProcessingParameterNumber.Type.Integer,
                defaultValue=5,
                minValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.CRIMES,
                self.tr("Crime incidents"),
                [QgsProcessing.SourceType.TypeVectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.EXPOSED_AREAS,
                self.tr("Exposed housing areas"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        for name, description, default in (
            (self.POPULATION_WEIGHT, "Population weight", WORKLOAD_POPULATION_WEIGHT),
            (self.CRIME_WEIGHT, "Crime weight", WORKLOAD_CRIME_WEIGHT),
            (self.EXPOSED_WEIGHT, "Exposed areas weight", WORKLOAD_EXPOSED_WEIGHT),
        ):
            weight = QgsProcessingParameterNumber(
                name,
                self.tr(description),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=default,
                minValue=0,
            )
            weight.setFlags(weight.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(weight)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BARRIERS, self.tr("Barriers"), [QgsProcessing.SourceType.TypeVectorLine], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.EXISTING_SECTORS,
                self.tr("Existing sectors"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.TOLERANCE,
                self.tr("Tolerance (%)"),
                QgsProcessingParameterNumber.Type.Double,
                defaultValue=SPLIT_TOLERANCE_PCT,
                minValue=0.01,
                maxValue=100.0,
            )
        )
        seed = QgsProcessingParameterNumber(
            self.SEED, self.tr("Seed"), QgsProcessingParameterNumber.Type.Integer, defaultValue=1, minValue=0
        )
        seed.setFlags(seed.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(seed)
        assign_outside = QgsProcessingParameterBoolean(
            self.ASSIGN_OUTSIDE_TO_NEAREST,
            self.tr("Assign units outside the districts to the nearest district"),
            defaultValue=False,
        )
        assign_outside.setFlags(assign_outside.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(assign_outside)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_SECTORS, self.tr("Sectors"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_UNITS, self.tr("Units with sector"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTSIDE_UNITS,
                self.tr("Units outside the districts"),
                QgsProcessing.SourceType.TypeVectorPolygon,
                optional=True,
                createByDefault=False,
            )
        )
        for name, description in (
            (self.MAX_DEVIATION_PCT, "Largest workload deviation (%)"),
            (self.NONCONTIGUOUS_COUNT, "Non-contiguous sectors"),
            (self.OUTSIDE_UNIT_COUNT, "Units outside the districts"),
            (self.OUTSIDE_POPULATION, "Population of the units outside the districts"),
            (self.KEPT_POPULATION_SHARE, "Share of population keeping its sector"),
            (self.RUN_SECONDS, "Run time of the split (s)"),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(description)))

    def processAlgorithm(self, parameters, context, feedback):
        units = self.parameterAsSource(parameters, self.UNITS, context)
        if units is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.UNITS))
        population_field = self._numeric_field(
            parameters, self.POPULATION_FIELD, context, units, "Base units"
        )
        transform_context = context.transformContext()
        crs = working_crs(units, "Base units", transform_context)
        steps = QgsProcessingMultiStepFeedback(4, feedback)

        steps.setProgressText(self.tr("Reading the layers…"))
        unit_table = read_features(units, steps)
        if feedback.isCanceled():
            return {}
        unit_frame = unit_table.frame([population_field], crs, transform_context)
        if feedback.isCanceled():
            return {}
        districts = self._districts(parameters, context, crs)
        crime_xy = self._crime_points(parameters, context, crs, steps)
        exposed = self._geometries(parameters, self.EXPOSED_AREAS, context, crs)
        barriers = self._geometries(parameters, self.BARRIERS, context, crs)
        existing = self._geometries(parameters, self.EXISTING_SECTORS, context, crs)

        steps.setCurrentStep(1)
        steps.setProgressText(self.tr("Splitting into sectors…"))
        unit_names = [f"#{fid}" for fid in unit_frame.index]  # the feature ids QGIS shows
        progress, is_cancelled = self.core_callbacks(steps)
        try:
            plan = plan_sectors(
                unit_frame.geometry.values,
                unit_frame[population_field].astype(float).to_numpy(),
                districts,
                self.parameterAsInt(parameters, self.SECTOR_COUNT, context),
                crime_xy=crime_xy,
                exposed_geoms=exposed,
                barrier_geoms=barriers,
                existing_geoms=existing,
                weights=WorkloadWeights(
                    self.parameterAsDouble(parameters, self.POPULATION_WEIGHT, context),
                    self.parameterAsDouble(parameters, self.CRIME_WEIGHT, context),
                    self.parameterAsDouble(parameters, self.EXPOSED_WEIGHT, context),
                ),
                tolerance_pct=self.parameterAsDouble(parameters, self.TOLERANCE, context),
                rng=np.random.default_rng(self.parameterAsInt(parameters, self.SEED, context)),
                progress=progress,
                is_cancelled=is_cancelled,
                unit_names=unit_names,
                assign_outside=self.parameterAsBoolean(parameters, self.ASSIGN_OUTSIDE_TO_NEAREST, context),
            )
        except Cancelled:
            return {}
        except UnitValueError as error:
            if error.what == "population":  # name the parameter the user chose the field in
                raise QgsProcessingException(f"{self.POPULATION_FIELD}: {error.detail}") from None
            raise self.processing_error(error) from None
        except InputError as error:
            raise self.processing_error(error) from None
        for note in plan.notes:
            feedback.pushInfo(note)
        for warning in plan.warnings:
            feedback.pushWarning(warning)

        steps.setCurrentStep(2)
        steps.setProgressText(self.tr("Writing the sectors…"))
        user_crs_geoms, multipart = self._sectors_as_written(
            unit_table, unit_frame, unit_names, plan, crs, transform_context, feedback
        )
        for message in multipart.messages:
            feedback.pushWarning(message)
        sectors_id = self._write_sectors(parameters, context, units, plan, user_crs_geoms, steps)
        steps.setCurrentStep(3)
        steps.setProgressText(self.tr("Writing the units…"))
        sector_ids = plan.sectors["sector_id"].to_numpy()
        sector_of_unit = [str(sector_ids[label]) if label >= 0 else None for label in plan.labels.tolist()]
        units_id, outside_id = self._write_units(parameters, context, unit_table, sector_of_unit, steps)

        split = plan.split
        feedback.pushInfo(
            self.tr(
                "{} sectors; largest workload deviation {:.2f}%; {} non-contiguous; split in {:.1f} s."
            ).format(len(plan.sectors), split.max_deviation_pct, multipart.count, split.seconds)
        )
        if split.kept_share is not None:
            feedback.pushInfo(self.tr("{:.1%} of the population keeps its sector.").format(split.kept_share))
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

    def _sectors_as_written(self, units, unit_frame, unit_names, plan, crs, transform_context, feedback):
        """The sector polygons in the units' CRS and their parts as drawn.

        In a metric CRS these are the plan's own. Otherwise they are dissolved from the units as
        given, made valid there and in the working CRS later steps choose for them, and their
        parts are counted as those steps (and Validate sectors) will see them.
        """
        if units.sourceCrs() == crs:
            return plan.sector_geoms, plan.multipart
        source_crs = units.sourceCrs()
        original = repair_polygons(units.frame().geometry.values)[0]
        dissolved = dissolve(original, plan.labels, len(plan.sectors))
        later_crs = working_crs_of_extent(source_crs, _extent(dissolved), transform_context)
        geoms, changed = valid_in_both(dissolved, source_crs, later_crs, transform_context)
        if changed.any():
            feedback.pushInfo(
                self.tr("Sectors {} were repaired to be valid in {} and in {}.").format(
                    ", ".join(plan.sectors["sector_id"].to_numpy()[changed]),
                    source_crs.authid(),
                    later_crs.authid(),
                )
            )
        drawn = shapely.transform(
            geoms, lambda xy: transform_xy(xy, source_crs, later_crs, transform_context)
        )
        multipart = multipart_sectors(
            drawn,
            plan.sectors["sector_id"].tolist(),
            plan.labels,
            repair_polygons(unit_frame.geometry.values)[0],
            unit_names,
            plan.links,
        )
        return geoms, multipart

    def _numeric_field(self, parameters, name, context, source, layer_description):
        """A required field (see checked_field) that must hold numbers."""
        field_name = self.checked_field(parameters, name, context, source, layer_description, required=True)
        index = source.fields().lookupField(field_name)  # an empty layer may lack it (see checked_field)
        if index >= 0 and not source.fields().at(index).isNumeric():
            raise QgsProcessingException(
                self.tr("{}: the field '{}' of '{}' is not numeric; choose a field holding numbers.").format(
                    name, field_name, layer_description
                )
            )
        return field_name

    def _districts(self, parameters, context, crs):
        source = self.parameterAsSource(parameters, self.DISTRICTS, context)
        if source is None:
            return None
        name_field = self.checked_field(
            parameters, self.DISTRICT_NAME_FIELD, context, source, "Districts", required=True
        )
        count_field = self._numeric_field(parameters, self.SECTORS_FIELD, context, source, "Districts")
        target_field = self.checked_field(parameters, self.TARGET_FIELD, context, source, "Districts")
        fields = [name_field, count_field] + ([target_field] if target_field else [])
        frame = source_to_frame(source, fields, crs, context.transformContext())
        names = [
            str(name) if name is not None else f"District {row + 1}"
            for row, name in enumerate(frame[name_field])
        ]
        counts = []
        for name, count in zip(names, frame[count_field], strict=True):
            if count is None or not float(count).is_integer() or count < 1:
                raise QgsProcessingException(
                    self.tr(
                        "District {}: '{}' holds {}, not a whole number of sectors of at least 1."
                    ).format(name, count_field, count)
                )
            counts.append(int(count))
        try:
            shares = [
                parse_target_shares(
                    frame[target_field].iat[row] if target_field else None, counts[row], names[row]
                )
                for row in range(len(names))
            ]
        except InputError as error:
            raise self.processing_error(error) from None
        return Districts(frame.geometry.values, names, counts, shares)

    def _crime_points(self, parameters, context, crs, feedback):
        source = self.parameterAsSource(parameters, self.CRIMES, context)
        if source is None:
            return None
        layer = self.parameterAsVectorLayer(parameters, self.CRIMES, context)
        table = read_points(source, [], crs, context.transformContext(), feedback, layer=layer)
        located = ~np.isnan(table.xy).any(axis=1)
        if not located.all():
            feedback.pushWarning(
                self.tr("{} crime incidents have no location and are not counted.").format(
                    int((~located).sum())
                )
            )
        return table.xy[located]

    def _geometries(self, parameters, name, context, crs):
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            return None
        frame = source_to_frame(source, [], crs, context.transformContext())
        geoms = frame.geometry.values
        return geoms[~(geoms.isna() | geoms.is_empty)]

    def _write_sectors(self, parameters, context, units, plan, geoms, feedback):
        frame = plan.sectors.copy()
        frame["geometry"] = as_multipolygons(geoms)
        frame = gpd.GeoDataFrame(frame[list(SECTOR_FIELDS) + ["geometry"]], geometry="geometry")
        return self.write_output(
            parameters,
            self.OUTPUT_SECTORS,
            context,
            frame,
            fields_for_frame(frame),
            QgsWkbTypes.Type.MultiPolygon,
            units.sourceCrs(),
            feedback,
            style=(STYLE_NAME, "Sectors"),
        )

    def _write_units(self, parameters, context, units, sector_of_unit, feedback):
        """Units (a FeatureTable, in its order) with their sector (sector_id) and, when asked, the units
        left out; returns both ids."""
        fields = QgsFields(units.fields())
        copied_from = list(range(fields.count()))
        if fields.lookupField("sector_id") >= 0:
            feedback.pushWarning(self.tr("The units' own 'sector_id' field is replaced by the new plan."))
        else:
            fields.append(new_field("sector_id", QMetaType.Type.QString))
            copied_from.append(-1)
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT_UNITS, context, fields, units.source.wkbType(), units.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_UNITS))
        inside = [k for k, sector in enumerate(sector_of_unit) if sector is not None]
        copy_features(
            [units.features[k] for k in inside],
            sink,
            fields,
            copied_from,
            {"sector_id": [sector_of_unit[k] for k in inside]},
            self.tr("Units with sector"),
            feedback,
        )
        outside_id = None
        if len(inside) < len(sector_of_unit):
            outside_sink, outside_id = self.parameterAsSink(
                parameters,
                self.OUTSIDE_UNITS,
                context,
                units.fields(),
                units.source.wkbType(),
                units.sourceCrs(),
            )
            if outside_sink is not None:
                outside = [
                    feature
                    for feature, sector in zip(units.features, sector_of_unit, strict=True)
                    if sector is None
                ]
                copy_features(
                    outside,
                    outside_sink,
                    units.fields(),
                    list(range(units.fields().count())),
                    {},
                    self.tr("Units outside the districts"),
                    feedback,
                )
                del outside_sink
        del sink  # closed, so its default style can be stored
        style_sink_output(context, dest_id, "sector_units", "Units with sector", self.OUTPUT_UNITS)
        return dest_id, outside_id


def _extent(geoms) -> QgsRectangle:
    """The bounding rectangle of shapely geometries."""
    xmin, ymin, xmax, ymax = shapely.total_bounds(geoms)
    return QgsRectangle(xmin, ymin, xmax, ymax)
