"""ypo:validatesectors — gaps, overlaps, parts outside the district, split sectors, slivers and
under-manned sectors of a sector plan."""

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
from qgis.PyQt.QtCore import QMetaType

from ..core.defaults import MIN_OFFICERS, MIN_REPORTED_AREA_M2, MIN_REPORTED_AREA_SHARE
from ..core.errors import About
from ..core.lazy import lazy_module
from ..i18n import tr, translated
from ..inputs.parameters import advanced
from ..inputs.sector_input import add_sector_parameters, read_sectors, sector_source, sector_working_crs
from ..inputs.staff_input import min_officers_parameter
from .base import YpoAlgorithm

geometry_logic = lazy_module("..core.geometry", __package__)
validation = lazy_module("..core.validation", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)
qgis_write = lazy_module("..qgis_io.write", __package__)

# The fields of the error layer, with their QGIS types.
ERROR_FIELDS = (
    ("error_type", QMetaType.Type.QString),
    ("sector_ids", QMetaType.Type.QString),
    ("area_m2", QMetaType.Type.Double),
    ("message", QMetaType.Type.QString),
)
STYLE_NAME = "validation_errors"
# Fields of SECTORS that switch on the under-manning check (names of ypo:computemanning's output).
OFFICERS_ALLOCATED_FIELD = "officers_allocated"
OFFICERS_REQUIRED_FIELD = "officers_required"


class ValidateSectorsAlgorithm(YpoAlgorithm):
    DISTRICT = "DISTRICT"
    MIN_AREA = "MIN_AREA"
    MIN_OFFICERS = "MIN_OFFICERS"
    FAIL_ON_ERROR = "FAIL_ON_ERROR"
    OUTPUT = "OUTPUT"
    GAPS = "GAPS"
    OVERLAPS = "OVERLAPS"
    OUTSIDE = "OUTSIDE"
    NONCONTIGUOUS = "NONCONTIGUOUS"
    SLIVERS = "SLIVERS"
    UNDERMANNED = "UNDERMANNED"
    ERRORS_TOTAL = "ERRORS_TOTAL"
    NONCONTIGUOUS_SECTORS = "NONCONTIGUOUS_SECTORS"
    PARAMETER_ABOUT = {
        About.MIN_AREA: MIN_AREA,
        About.MIN_OFFICERS: MIN_OFFICERS,
        About.DISTRICTS: DISTRICT,
    }

    def count_outputs(self) -> dict:
        """Result name and description of each error type's count."""
        return {
            "gap": (self.GAPS, tr("Gaps")),
            "overlap": (self.OVERLAPS, tr("Overlaps")),
            "outside": (self.OUTSIDE, tr("Parts outside the district")),
            "noncontiguous": (self.NONCONTIGUOUS, tr("Extra parts of non-contiguous sectors")),
            "sliver": (self.SLIVERS, tr("Slivers")),
            "undermanned": (self.UNDERMANNED, tr("Under-manned sectors")),
        }

    def name(self):
        return "validatesectors"

    def displayName(self):
        return tr("Validate sectors")

    def shortHelpString(self):
        return tr(
            "Checks a sector plan (generated or redrawn by hand) and writes one feature per problem, "
            "with error_type, sector_ids (comma-separated, sorted), area_m2, a short message and the "
            "problem's geometry. A clean plan gives an empty layer.\n\n"
            "Error types:\n"
            "• gap — area inside the district that no sector covers (without a district: a hole "
            "enclosed by sectors); one feature per piece, sector_ids are the sectors next to it\n"
            "• overlap — area covered by two sectors; one feature per pair of sectors (sharing an "
            "edge is no overlap)\n"
            "• outside — the part of a sector outside every district polygon (needs a district)\n"
            "• noncontiguous — a sector made of several parts: its largest part is its main body and "
            "every other part is one feature\n"
            "• sliver — a sector smaller than the minimum area, or a part of a sector smaller than it "
            "(needs a minimum area)\n"
            "• undermanned — when SECTORS has an officers_allocated field (as written by Compute "
            "sector manning): officers_allocated below officers_required (when that field exists) "
            "or below the minimum officers per sector, whichever is larger; an empty "
            "officers_allocated counts as 0\n"
            "Thin gaps and overlaps are still gaps and overlaps. Pieces of gap, overlap, outside part "
            "or extra part of at most {min_area_m2:g} m², or {min_area_share:g} of "
            "the sector's area (the larger sector's for an overlap, the plan's for a gap) when that is "
            "larger, are floating-point noise and are not reported — the same tolerance as in every "
            "YPO algorithm, which all name an overlap by the same pair of sectors, in natural id "
            "order. Features sharing a sector id are "
            "checked as one sector; invalid geometries are repaired and reported in the log.\n\n"
            "Any CRS: areas are computed in the sectors' CRS when it is metric, else in the UTM zone "
            "of the sectors; the errors are written in the sectors' CRS.\n\n"
            "Parameters:\n"
            "Sectors — the sector polygons.\n"
            "Sector id field — the sector's id (default sector_id).\n"
            "District (optional) — the district polygons the sectors should fill exactly: finds gaps "
            "against them and parts outside them. Without it, only holes enclosed by sectors are gaps.\n"
            "Minimum sector area (optional) — in m²; sectors or sector parts smaller than it are "
            "slivers. Empty: no sliver check.\n"
            "Minimum officers per sector (advanced) — default {min_officers}, used by the "
            "under-manning check.\n"
            "Fail on errors — when checked and any error is found, the algorithm fails with the "
            "counts per type (after writing the errors), so a model stops there.\n"
            "Validation errors — the errors layer, loaded styled by error type.\n\n"
            "Results: GAPS, OVERLAPS, OUTSIDE, NONCONTIGUOUS, SLIVERS, UNDERMANNED (counts of features "
            "of each type), NONCONTIGUOUS_SECTORS (sectors drawn in more than one part, counted as "
            "the split counts them) and ERRORS_TOTAL.",
            min_area_m2=MIN_REPORTED_AREA_M2,
            min_area_share=MIN_REPORTED_AREA_SHARE,
            min_officers=MIN_OFFICERS,
        )

    def initAlgorithm(self, config=None):
        add_sector_parameters(self)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.DISTRICT,
                tr("District"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_AREA,
                tr("Minimum sector area (m²)"),
                QgsProcessingParameterNumber.Type.Double,
                optional=True,
                minValue=0.0,
            )
        )
        self.addParameter(advanced(min_officers_parameter(self)))
        self.addParameter(
            QgsProcessingParameterBoolean(self.FAIL_ON_ERROR, tr("Fail on errors"), defaultValue=False)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, tr("Validation errors"), QgsProcessing.SourceType.TypeVectorPolygon
            )
        )
        for output_name, description in self.count_outputs().values():
            self.addOutput(QgsProcessingOutputNumber(output_name, description))
        self.addOutput(QgsProcessingOutputNumber(self.ERRORS_TOTAL, tr("Errors in all")))
        self.addOutput(
            QgsProcessingOutputNumber(self.NONCONTIGUOUS_SECTORS, tr("Sectors in more than one part"))
        )

    # --- running -----------------------------------------------------------

    def processAlgorithm(self, parameters, context, feedback):
        steps = QgsProcessingMultiStepFeedback(4, feedback)
        return self.run_core(self._run, parameters, context, feedback, steps)

    def _run(self, parameters, context, feedback, steps):
        transform_context = context.transformContext()
        sectors, id_field = sector_source(self, parameters, context)
        min_area = None
        if parameters.get(self.MIN_AREA) not in (None, ""):
            min_area = self.parameterAsDouble(parameters, self.MIN_AREA, context)
        min_officers = self.parameterAsInt(parameters, self.MIN_OFFICERS, context)
        fail_on_error = self.parameterAsBoolean(parameters, self.FAIL_ON_ERROR, context)
        crs = sector_working_crs(self, sectors, transform_context, feedback)

        steps.setCurrentStep(0)
        steps.setProgressText(tr("Reading the sectors…"))
        officer_fields = self._officer_fields(sectors, feedback)
        frame = read_sectors(
            qgis_read.read_features(sectors, steps),
            id_field,
            crs,
            transform_context,
            steps,
            officer_fields.values(),
        )

        steps.setCurrentStep(1)
        districts = self._districts(parameters, context, crs, steps)

        steps.setCurrentStep(2)
        steps.setProgressText(tr("Checking the sectors…"))
        progress, is_cancelled = self.core_callbacks(steps)
        allocated_field = officer_fields.get(OFFICERS_ALLOCATED_FIELD)
        required_field = officer_fields.get(OFFICERS_REQUIRED_FIELD)
        result = validation.validate_sectors(
            frame[id_field].tolist(),
            frame.geometry.values.to_numpy(),
            districts=districts,
            min_area=min_area,
            officers_required=frame[required_field].tolist() if required_field else None,
            officers_allocated=frame[allocated_field].tolist() if allocated_field else None,
            min_officers=min_officers,
            progress=progress,
            is_cancelled=is_cancelled,
        )
        for warning in result.warnings:
            feedback.pushWarning(translated(warning))

        steps.setCurrentStep(3)
        steps.setProgressText(tr("Writing {count} errors…", count=result.total))
        dest_id = self._write(parameters, context, result.errors, crs, sectors.sourceCrs(), steps)
        if dest_id is None:
            return {}

        results = {
            self.OUTPUT: dest_id,
            self.ERRORS_TOTAL: result.total,
            self.NONCONTIGUOUS_SECTORS: result.noncontiguous_sectors,
        }
        count_outputs = self.count_outputs()
        for error_type in validation.ERROR_TYPES:
            results[count_outputs[error_type][0]] = result.counts[error_type]
        summary = counts_text(result.counts)
        if result.total:
            feedback.pushWarning(tr("{count} errors: {summary}.", count=result.total, summary=summary))
        else:
            feedback.pushInfo(tr("No errors: the sector plan is valid."))
        if fail_on_error and result.total:
            raise QgsProcessingException(
                tr(
                    "The sector plan has {count} errors ({summary}); FAIL_ON_ERROR is set, so the run "
                    "stops here. The errors were written to {output}: fix them and run again.",
                    count=result.total,
                    summary=summary,
                    output=dest_id,
                )
            )
        return results

    # --- parameters ----------------------------------------------------------

    def _officer_fields(self, sectors, feedback) -> dict:
        """The officer fields present on SECTORS: {'officers_allocated': name, 'officers_required': name}."""
        found = {}
        fields = sectors.fields()
        for wanted in (OFFICERS_ALLOCATED_FIELD, OFFICERS_REQUIRED_FIELD):
            index = fields.lookupField(wanted)
            if index < 0:
                continue
            field = fields.at(index)
            if not field.isNumeric():
                raise QgsProcessingException(
                    tr(
                        "Sectors: field '{field}' must hold numbers of officers (it is {type}); rename or "
                        "convert it.",
                        field=field.name(),
                        type=field.typeName(),
                    )
                )
            found[wanted] = field.name()
        if OFFICERS_ALLOCATED_FIELD not in found:
            feedback.pushInfo(
                tr(
                    "Sectors have no {field} field: under-manning is not checked.",
                    field=OFFICERS_ALLOCATED_FIELD,
                )
            )
        return found

    def _districts(self, parameters, context, crs, feedback):
        source = self.parameterAsSource(parameters, self.DISTRICT, context)
        if source is None:
            if parameters.get(self.DISTRICT):
                raise QgsProcessingException(self.invalidSourceError(parameters, self.DISTRICT))
            return None
        feedback.setProgressText(tr("Reading the district…"))
        frame = qgis_read.source_to_frame(source, [], crs, context.transformContext(), feedback)
        if frame.empty:
            raise QgsProcessingException(
                tr(
                    "District ({source}) has no features; give the district polygons or leave DISTRICT "
                    "empty.",
                    source=source.sourceName(),
                )
            )
        return frame.geometry.values.to_numpy()

    # --- output --------------------------------------------------------------

    def _write(self, parameters, context, errors, crs, output_crs, feedback):
        return self.write_output(
            parameters,
            self.OUTPUT,
            context,
            errors,
            qgis_write.typed_fields(ERROR_FIELDS),
            QgsWkbTypes.Type.MultiPolygon,
            output_crs,
            feedback,
            working_crs=crs,
            multi=True,
            style=(STYLE_NAME, tr("Validation errors")),
        )


def counts_text(counts: dict) -> str:
    """``2 gap, 1 overlap`` for the error types that occur."""
    return ", ".join(f"{count} {error_type}" for error_type, count in counts.items() if count)
