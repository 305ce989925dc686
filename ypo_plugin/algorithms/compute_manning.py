"""ypo:computemanning — population, crime by type, need, factor 1–5 and officers per sector."""

from __future__ import annotations

import math

import numpy as np
from qgis.core import (
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType

from ..core.crime_types import CRIME_TYPE_FIELDS
from ..core.defaults import DEFAULT_EXPOSED_WEIGHT, DEFAULT_TYPE_WEIGHTS, MIN_OFFICERS
from ..core.errors import About
from ..core.lazy import lazy_module
from ..core.manning import (
    DEFAULT_THRESHOLDS_TEXT,
    FACTOR_METHODS,
    CrimeInput,
    ManningSettings,
    PopulationInput,
    SectorInput,
    compute_manning,
    parse_thresholds,
    parse_type_weights,
)
from ..core.reports import summary_html, summary_text
from ..core.sectors import district_of_sectors
from ..core.staffing import district_budgets, staffed_from
from ..inputs.choices import enum_parameter
from ..inputs.crime_input import DATE_FIELD, CrimeParameters
from ..inputs.sector_input import (
    SECTOR_GEOMETRY_HELP,
    SECTORS,
    add_sector_parameters,
    dissolve_by_id,
    read_sectors,
    sector_source,
    sector_working_crs,
    valid_for_writing,
)
from ..layouts.styling import style_sink_output
from ..qgis_compat import new_field
from ..qgis_io.read import read_features, source_to_frame
from ..qgis_io.values import whole_as_int
from ..qgis_io.write import copy_features
from .base import YpoAlgorithm

pd = lazy_module("pandas")

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
DEFAULT_TYPE_WEIGHTS_TEXT = "; ".join(f"{name}={weight:g}" for name, weight in DEFAULT_TYPE_WEIGHTS.items())


class ComputeManningAlgorithm(YpoAlgorithm):
    FACTOR_FIELD = "FACTOR_FIELD"
    POPULATION = "POPULATION"
    POPULATION_FIELD = "POPULATION_FIELD"
    EXPOSED_AREAS = "EXPOSED_AREAS"
    FACTOR_METHOD = "FACTOR_METHOD"
    FACTOR_THRESHOLDS = "FACTOR_THRESHOLDS"
    TYPE_WEIGHTS = "TYPE_WEIGHTS"
    EXPOSED_WEIGHT = "EXPOSED_WEIGHT"
    MIN_OFFICERS = "MIN_OFFICERS"
    STAFF = "STAFF"
    DISTRICTS = "DISTRICTS"
    DISTRICT_FIELD = "DISTRICT_FIELD"
    DISTRICT_STAFF_FIELD = "DISTRICT_STAFF_FIELD"
    OUTPUT = "OUTPUT"
    OUTPUT_HTML = "OUTPUT_HTML"
    CRIMES_OUTSIDE = "CRIMES_OUTSIDE"
    CRIMES_IN_PERIOD = "CRIMES_IN_PERIOD"
    POPULATION_OUTSIDE = "POPULATION_OUTSIDE"
    OFFICERS_REQUIRED_TOTAL = "OFFICERS_REQUIRED_TOTAL"
    OFFICERS_ALLOCATED_TOTAL = "OFFICERS_ALLOCATED_TOTAL"
    PARAMETER_ABOUT = {
        About.SECTORS: SECTORS,
        About.POPULATION_FIELD: POPULATION_FIELD,
        About.DATE_FIELD: DATE_FIELD,
        About.FACTOR_METHOD: FACTOR_METHOD,
        About.FACTOR_OVERRIDE: FACTOR_FIELD,
        About.FACTOR_THRESHOLDS: FACTOR_THRESHOLDS,
        About.TYPE_WEIGHTS: TYPE_WEIGHTS,
        About.MIN_OFFICERS: MIN_OFFICERS,
        About.STAFF: STAFF,
        About.DISTRICT_STAFF: DISTRICTS,
    }

    def name(self):
        return "computemanning"

    def displayName(self):  # noqa: N802 - name fixed by QGIS
        return self.tr("Compute sector manning")

    def shortHelpString(self):  # noqa: N802 - name fixed by QGIS
        return self.tr(
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
            "order), so nothing is counted twice; overlaps are reported. " + SECTOR_GEOMETRY_HELP + "\n"
            "Sector id field — the unique sector id (default sector_id).\n"
            "Factor override field (optional) — a field on the sectors whose value 1–5 replaces the "
            "computed factor; empty values keep the computed one.\n"
            "Population (optional) — polygons (e.g. census tracts, blocks) whose population is shared "
            "out by area, so a unit across a sector line is split in proportion to the area on each "
            "side (nothing is lost or counted twice), or points counted where they are. Without it "
            "every sector has population 0 and gets the minimum.\n"
            "Population field — the number of inhabitants of each unit (numeric).\n"
            + CRIME_PARAMETERS.help(date_use="needed for a period, and used to turn counts into yearly rates")
            + "Particularly exposed housing areas (optional) — polygons; exposed_share is the share of "
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
            "OFFICERS_ALLOCATED_TOTAL."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - name fixed by QGIS
        add_sector_parameters(self)
        self.addParameter(
            QgsProcessingParameterField(
                self.FACTOR_FIELD,
                self.tr("Factor override field"),
                parentLayerParameterName=SECTORS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.POPULATION,
                self.tr("Population"),
                [QgsProcessing.SourceType.TypeVectorPolygon, QgsProcessing.SourceType.TypeVectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.POPULATION_FIELD,
                self.tr("Population field"),
                "population",
                self.POPULATION,
                QgsProcessingParameterField.DataType.Numeric,
                optional=True,
            )
        )
        CRIME_PARAMETERS.add_to(self)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.EXPOSED_AREAS,
                self.tr("Particularly exposed housing areas"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            enum_parameter(self.FACTOR_METHOD, self.tr("Factor method"), FACTOR_METHODS, FACTOR_METHODS[0])
        )
        self._advanced(
            QgsProcessingParameterString(
                self.FACTOR_THRESHOLDS, self.tr("Factor thresholds"), DEFAULT_THRESHOLDS_TEXT
            )
        )
        self._advanced(
            QgsProcessingParameterString(
                self.TYPE_WEIGHTS, self.tr("Crime type weights"), DEFAULT_TYPE_WEIGHTS_TEXT
            )
        )
        self._advanced(
            QgsProcessingParameterNumber(
                self.EXPOSED_WEIGHT,
                self.tr("Exposed area weight"),
                QgsProcessingParameterNumber.Type.Double,
                DEFAULT_EXPOSED_WEIGHT,
                minValue=0.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_OFFICERS,
                self.tr("Minimum officers per sector"),
                QgsProcessingParameterNumber.Type.Integer,
                MIN_OFFICERS,
                minValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.STAFF,
                self.tr("Staff to allocate"),
                QgsProcessingParameterNumber.Type.Integer,
                optional=True,
                minValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.DISTRICTS,
                self.tr("Districts with staff"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.DISTRICT_FIELD, self.tr("District name field"), "district", self.DISTRICTS, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.DISTRICT_STAFF_FIELD,
                self.tr("District staff field"),
                "staff",
                self.DISTRICTS,
                QgsProcessingParameterField.DataType.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Sector manning"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_HTML, self.tr("Summary (HTML)"), self.tr("HTML files (*.html)"), optional=True
            )
        )
        for name, description in (
            (self.CRIMES_OUTSIDE, "Incidents in the period outside every sector"),
            (self.CRIMES_IN_PERIOD, "Incidents in the period"),
            (self.POPULATION_OUTSIDE, "Population outside every sector"),
            (self.OFFICERS_REQUIRED_TOTAL, "Officers required in all"),
            (self.OFFICERS_ALLOCATED_TOTAL, "Officers allocated in all"),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, self.tr(description)))

    def _advanced(self, parameter):
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(parameter)

    # --- running -----------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - name fixed by QGIS
        steps = QgsProcessingMultiStepFeedback(6, feedback)
        return self.run_core(self._run, parameters, context, feedback, steps)

    def _run(self, parameters, context, feedback, steps):
        transform_context = context.transformContext()
        sectors, id_field = sector_source(self, parameters, context)
        factor_field = self.checked_field(parameters, self.FACTOR_FIELD, context, sectors, "Sectors")
        crs = sector_working_crs(self, sectors, transform_context, feedback)
        settings_kwargs = self._settings(parameters, context)

        steps.setCurrentStep(0)
        steps.setProgressText(self.tr("Reading the sectors…"))
        sector_table = _SectorTable.read(sectors, id_field, factor_field, crs, transform_context, steps)
        for warning in sector_table.warnings:
            feedback.pushWarning(warning)

        steps.setCurrentStep(1)
        steps.setProgressText(self.tr("Reading the population…"))
        population = self._population(parameters, context, crs, steps)

        steps.setCurrentStep(2)
        steps.setProgressText(self.tr("Reading the crime incidents…"))
        crimes = self._crimes(parameters, context, crs, steps)

        exposed = None
        exposed_source = self.parameterAsSource(parameters, self.EXPOSED_AREAS, context)
        if exposed_source is not None:
            exposed = source_to_frame(exposed_source, [], crs, transform_context).geometry.values.to_numpy()
        if feedback.isCanceled():
            return {}

        districts = self._districts(parameters, context, crs, sector_table, settings_kwargs, feedback)

        steps.setCurrentStep(3)
        steps.setProgressText(self.tr("Computing the manning…"))
        progress, is_cancelled = self.core_callbacks(steps)
        result = compute_manning(
            SectorInput(sector_table.ids, sector_table.geometries, sector_table.factor_override, districts),
            population,
            crimes,
            exposed,
            ManningSettings(**settings_kwargs),
            progress,
            is_cancelled,
        )
        for warning in result.warnings:
            feedback.pushWarning(warning)

        steps.setCurrentStep(4)
        steps.setProgressText(self.tr("Writing the sectors…"))
        dest_id = self._write(parameters, context, sectors, sector_table, districts, result, steps)
        if dest_id is None:
            return {}

        steps.setCurrentStep(5)
        totals = {
            self.CRIMES_OUTSIDE: int(result.crimes_outside),
            self.CRIMES_IN_PERIOD: int(result.crimes_in_period),
            self.POPULATION_OUTSIDE: float(result.population_outside),
            self.OFFICERS_REQUIRED_TOTAL: result.officers_required_total,
            self.OFFICERS_ALLOCATED_TOTAL: result.officers_allocated_total,
        }
        feedback.pushInfo(summary_text(result, totals))
        results = {self.OUTPUT: dest_id, **totals}
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            with open(html_path, "w", encoding="utf-8") as handle:
                handle.write(summary_html(result, totals, sector_table.id_field))
            results[self.OUTPUT_HTML] = html_path
        return results

    # --- parameters ----------------------------------------------------------

    def _settings(self, parameters, context) -> dict:
        staff = None
        if parameters.get(self.STAFF) not in (None, ""):
            staff = self.parameterAsInt(parameters, self.STAFF, context)
        return {
            **CRIME_PARAMETERS.settings(self, parameters, context),
            "type_weights": parse_type_weights(
                self.parameterAsString(parameters, self.TYPE_WEIGHTS, context)
            ),
            "exposed_weight": self.parameterAsDouble(parameters, self.EXPOSED_WEIGHT, context),
            "factor_method": self.enum_value(parameters, self.FACTOR_METHOD, context),
            "thresholds": parse_thresholds(
                self.parameterAsString(parameters, self.FACTOR_THRESHOLDS, context)
            ),
            "min_officers": self.parameterAsInt(parameters, self.MIN_OFFICERS, context),
            "staff": staff,
        }

    # --- layers --------------------------------------------------------------

    def _population(self, parameters, context, crs, feedback):
        source = self.parameterAsSource(parameters, self.POPULATION, context)
        if source is None:
            if parameters.get(self.POPULATION):
                raise QgsProcessingException(self.invalidSourceError(parameters, self.POPULATION))
            feedback.pushWarning(self.tr("No POPULATION layer: every sector has population 0."))
            return None
        field_name = self.checked_field(
            parameters, self.POPULATION_FIELD, context, source, "Population", True
        )
        frame = source_to_frame(source, [field_name], crs, context.transformContext(), feedback)
        values = numeric_values(frame[field_name], "POPULATION_FIELD", field_name, "Population")
        return PopulationInput(frame.geometry.values.to_numpy(), values)

    def _crimes(self, parameters, context, crs, feedback):
        crimes = CRIME_PARAMETERS.layer(self, parameters, context)
        if crimes is None:
            return None
        points = crimes.read(self, crs, context.transformContext(), feedback)
        return CrimeInput(points.xy, points.types, points.datetimes, points.times)

    def _districts(self, parameters, context, crs, sector_table, settings_kwargs, feedback):
        """District of every sector (by location), and each district's staff in ``settings_kwargs``."""
        source = self.parameterAsSource(parameters, self.DISTRICTS, context)
        if source is None:
            if parameters.get(self.DISTRICTS):
                raise QgsProcessingException(self.invalidSourceError(parameters, self.DISTRICTS))
            return None
        name_field = self.checked_field(parameters, self.DISTRICT_FIELD, context, source, "Districts", True)
        staff_field = self.checked_field(
            parameters, self.DISTRICT_STAFF_FIELD, context, source, "Districts", True
        )
        frame = source_to_frame(source, [name_field, staff_field], crs, context.transformContext())
        if frame.empty:
            raise QgsProcessingException("DISTRICTS has no features; give district polygons with staff.")
        staff = numeric_values(frame[staff_field], "DISTRICT_STAFF_FIELD", staff_field, "Districts")
        budgets = district_budgets(frame[name_field], staff, frame.index, name_field)
        settings_kwargs["district_staff"] = budgets
        names, shares = district_of_sectors(
            sector_table.geometries, frame.geometry.values.to_numpy(), list(budgets)
        )
        for warning in staffed_from(sector_table.ids, names, shares):
            feedback.pushWarning(warning)
        return names

    # --- output --------------------------------------------------------------

    def _write(self, parameters, context, sectors, sector_table, districts, result, feedback):
        input_fields = sectors.fields()
        written = {name for name, _ in RESULT_FIELDS}
        fields = QgsFields()
        kept = []
        for index in range(input_fields.count()):
            field = input_fields.at(index)
            if field.name().lower() in written:
                feedback.pushWarning(
                    f"SECTORS field '{field.name()}' is replaced by the computed {field.name().lower()}."
                )
                continue
            fields.append(field)
            kept.append(index)
        lower_names = {name.lower() for name in input_fields.names()}
        add_id = "sector_id" not in lower_names
        if add_id:
            id_field = QgsField(input_fields.field(sector_table.id_field))
            id_field.setName("sector_id")
            fields.append(id_field)
        add_district = districts is not None and "district" not in lower_names
        if add_district:
            fields.append(new_field("district", QMetaType.Type.QString))
        for name, field_type in RESULT_FIELDS:
            fields.append(new_field(name, field_type))

        wkb_type = sectors.wkbType()
        if sector_table.multipart:
            wkb_type = QgsWkbTypes.multiType(wkb_type)
        sink, dest_id = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, wkb_type, sectors.sourceCrs()
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        copied_from = kept + [-1] * (fields.count() - len(kept))
        computed = {name: result.sectors[name].tolist() for name, _ in RESULT_FIELDS}
        if add_id:
            computed["sector_id"] = sector_table.ids
        if add_district:
            computed["district"] = [None if district is None else str(district) for district in districts]
        written_all = copy_features(
            [features[0] for features in sector_table.features],
            sink,
            fields,
            copied_from,
            computed,
            self.tr("Sector manning"),
            feedback,
            geometries=sector_table.geometries_to_write,
            multi=wkb_type != sectors.wkbType(),
        )
        if not written_all:
            return None
        del sink  # flushed and closed, so its default style can be stored
        style_sink_output(context, dest_id, STYLE_NAME, "Sector manning", self.OUTPUT)
        return dest_id


class _SectorTable:
    """The sectors as the core needs them (working CRS, one row per id) and as they are written:
    each id's features and the geometry written for it (None: the feature's own)."""

    def __init__(self, id_field, by_id, factor_override, features, geometries_to_write, multipart):
        self.id_field = id_field
        self.ids = by_id.ids
        self.geometries = by_id.geometries
        self.factor_override = factor_override
        self.features = features
        self.geometries_to_write = geometries_to_write
        self.multipart = multipart  # written as multi-part (dissolved or repaired sectors)
        self.warnings = by_id.warnings

    @classmethod
    def read(cls, source, id_field, factor_field, crs, transform_context, feedback):
        table = read_features(source, feedback)
        other_fields = [factor_field] if factor_field else []
        frame = read_sectors(table, id_field, crs, transform_context, feedback, other_fields)
        by_id = dissolve_by_id(frame, id_field, " (the first feature's attributes are kept)")
        originals = {feature.id(): feature for feature in table.features}
        repaired = set(frame.attrs.get("repaired", ()))
        overrides, features, geometries = [], [], []
        for group in by_id.groups:
            group_features = [originals[fid] for fid in group.index]
            geometry = None
            if len(group_features) > 1:
                geometry = QgsGeometry.unaryUnion([f.geometry() for f in group_features])
            if repaired.intersection(group.index):
                own = group_features[0].geometry() if geometry is None else geometry
                geometry = valid_for_writing(own, source.sourceCrs(), crs, transform_context)
            features.append(group_features)
            geometries.append(geometry)
            if factor_field:
                values = [v for v in group[factor_field] if not _is_empty(v)]
                overrides.append(whole_as_int(values[0]) if values else None)
        return cls(
            id_field,
            by_id,
            overrides if factor_field else None,
            features,
            geometries,
            multipart=bool(by_id.warnings) or bool(repaired),
        )


# --- helpers (no Processing state) --------------------------------------------


def numeric_values(column: pd.Series, parameter: str, field: str, layer: str) -> np.ndarray:
    """Numbers of an attribute column indexed by feature id (None → NaN); the first non-number
    is named in the error."""
    numbers = pd.to_numeric(column, errors="coerce").to_numpy(dtype=float)
    bad = np.isnan(numbers) & ~column.isna().to_numpy()
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise QgsProcessingException(
            f"{parameter}: field '{field}' of the layer '{layer}' is not numeric — feature "
            f"{column.index[first]} has '{column.iloc[first]}'. Choose a field holding numbers."
        )
    return numbers


def _is_empty(value) -> bool:
    return (
        value is None
        or (isinstance(value, float) and math.isnan(value))
        or (isinstance(value, str) and not value.strip())
    )
