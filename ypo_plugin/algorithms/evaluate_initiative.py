"""ypo:evaluateinitiative — did an initiative in some sectors change crime there, and did it move?"""

from __future__ import annotations

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDistance,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.defaults import CRIME_TYPES
from ..core.errors import InputError
from ..core.lazy import lazy_module
from ..i18n import tr, translated
from ..inputs.crime_input import CrimeParameters, datetime_text
from ..inputs.parameters import enum_parameter, pdf_report_parameter
from ..inputs.sector_input import (
    SECTORS,
    add_sector_parameters,
    dissolve_by_id,
    read_sectors,
    sector_source,
    sector_working_crs,
)
from .base import YpoAlgorithm

np = lazy_module("numpy")
crime_types = lazy_module("..core.crime_types", __package__)
initiative = lazy_module("..core.initiative", __package__)
sector_logic = lazy_module("..core.sectors", __package__)
threat_assessment = lazy_module("..core.threat_assessment", __package__)
initiative_report = lazy_module("..layouts.initiative_report", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)

CRIME_PARAMETERS = CrimeParameters(period=False)
COMPARISONS = ("all_sectors", "same_district")


def figures() -> tuple:
    """The counts: (result name, attribute of the core's counts, what it says)."""
    return (
        ("T_BEFORE", "target_before", tr("Target, before")),
        ("T_AFTER", "target_after", tr("Target, after")),
        ("B_BEFORE", "buffer_before", tr("Buffer ring, before")),
        ("B_AFTER", "buffer_after", tr("Buffer ring, after")),
        ("C_BEFORE", "comparison_before", tr("Comparison, before")),
        ("C_AFTER", "comparison_after", tr("Comparison, after")),
    )


def ratios() -> tuple:
    """The ratios: (result name, attribute of the core's figures, what it says)."""
    return (
        ("RR", "rate_ratio", tr("Rate ratio")),
        ("RR_LOW", "rate_ratio_low", tr("Rate ratio, 95 % interval low")),
        ("RR_HIGH", "rate_ratio_high", tr("Rate ratio, 95 % interval high")),
        ("P_VALUE", "p_value", tr("p-value of the rate ratio")),
        ("WDQ", "wdq", tr("Weighted displacement quotient")),
    )


class EvaluateInitiativeAlgorithm(YpoAlgorithm):
    TARGET_IDS = "TARGET_IDS"
    TARGET_FIELD = "TARGET_FIELD"
    CRIME_TYPES = "CRIME_TYPES"
    START = "START"
    BEFORE_DAYS = "BEFORE_DAYS"
    AFTER_DAYS = "AFTER_DAYS"
    BUFFER = "BUFFER"
    COMPARISON = "COMPARISON"
    DISTRICT_FIELD = "DISTRICT_FIELD"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    READING = "READING"

    def name(self):
        return "evaluateinitiative"

    def displayName(self):
        return tr("Evaluate an initiative")

    def shortHelpString(self):
        return tr(
            "Did an initiative (bicycle patrols, a burglary-prevention campaign…) started in some sectors "
            "change crime there more than elsewhere, and did crime move next door? Counts incidents "
            "before and after the start in the target sectors (T), in a buffer ring around them (B) "
            "and in a comparison area (C): every other sector not touching the ring, or only those "
            "of the target's districts.\n\n"
            "Windows: before = [START − BEFORE_DAYS days, START), after = [START, START + AFTER_DAYS "
            "days), START at 00:00; both must lie within the days the incidents cover.\n"
            "Rate ratio RR = (T_after / T_before) / (C_after / C_before): below 1 the target fell "
            "more than the comparison; 95 % interval exp(ln RR ± 1.96·√(1/T_a + 1/T_b + 1/C_a + "
            "1/C_b)) and the p-value of ln RR against the normal distribution.\n"
            "Weighted displacement quotient (Bowers & Johnson 2003) WDQ = (B_a/C_a − B_b/C_b) / "
            "(T_a/C_a − T_b/C_b), read only when the target improved: above 0 crime fell in the "
            "ring too (diffusion of benefits), below 0 it moved there (displacement), below −1 "
            "more moved than the target gained. A count of zero leaves a figure empty and says why.\n\n"
            "Parameters:\n"
            "Sectors, Sector id field — the sectors (any CRS; counted in metres).\n"
            "Target sector ids — comma-separated ids of the sectors of the initiative, or:\n"
            "Target field — a yes/no field marking them (true/false, yes/no, ja/nej, 1/0).\n"
            "Crime types (optional) — only these of the six types count; none chosen: every incident.\n"
            "{crime_help}"
            "Start — the day the initiative started.\n"
            "Days before / Days after — the windows' lengths (default 90 each).\n"
            "Buffer ring width — the ring around the target where displacement would show "
            "(default 500 m).\n"
            "Comparison — all_sectors (default) or same_district; District field — the sectors' "
            "district, for same_district (default district).\n"
            "Report (optional) — a one-page PDF: the map of target, ring and comparison, and the "
            "figures in plain words.\n\n"
            "Results: T_BEFORE, T_AFTER, B_BEFORE, B_AFTER, C_BEFORE, C_AFTER, RR, RR_LOW, RR_HIGH, "
            "P_VALUE, WDQ (empty when undefined) and READING.",
            crime_help=CRIME_PARAMETERS.help(tr("which window an incident falls in")),
        )

    def initAlgorithm(self, config=None):
        add_sector_parameters(self)
        self.addParameter(
            QgsProcessingParameterString(self.TARGET_IDS, tr("Target sector ids"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TARGET_FIELD, tr("Target field"), parentLayerParameterName=SECTORS, optional=True
            )
        )
        CRIME_PARAMETERS.add_to(self)
        types = enum_parameter(self.CRIME_TYPES, tr("Crime types"), CRIME_TYPES, optional=True)
        types.setAllowMultiple(True)
        self.addParameter(types)
        self.addParameter(
            QgsProcessingParameterDateTime(self.START, tr("Start"), QgsProcessingParameterDateTime.Type.Date)
        )
        for name, description in ((self.BEFORE_DAYS, tr("Days before")), (self.AFTER_DAYS, tr("Days after"))):
            self.addParameter(
                QgsProcessingParameterNumber(
                    name, description, QgsProcessingParameterNumber.Type.Integer, 90, minValue=1
                )
            )
        self.addParameter(
            QgsProcessingParameterDistance(self.BUFFER, tr("Buffer ring width"), 500.0, SECTORS, minValue=0)
        )
        self.addParameter(enum_parameter(self.COMPARISON, tr("Comparison"), COMPARISONS, COMPARISONS[0]))
        self.addParameter(
            QgsProcessingParameterField(
                self.DISTRICT_FIELD, tr("District field"), "district", SECTORS, optional=True
            )
        )
        self.addParameter(pdf_report_parameter(self.OUTPUT_REPORT, tr("Report")))
        for name, _, description in figures() + ratios():
            self.addOutput(QgsProcessingOutputNumber(name, description))
        self.addOutput(QgsProcessingOutputString(self.READING, tr("Reading")))

    def processAlgorithm(self, parameters, context, feedback):
        return self.run_core(self._run, parameters, context, feedback)

    def _run(self, parameters, context, feedback):
        transform_context = context.transformContext()
        sectors, id_field = sector_source(self, parameters, context)
        crimes = CRIME_PARAMETERS.layer(self, parameters, context)
        crs = sector_working_crs(self, sectors, transform_context, feedback)
        comparison = self.enum_value(parameters, self.COMPARISON, context)
        target_field = self.checked_field(parameters, self.TARGET_FIELD, context, sectors, tr("Sectors"))
        # Only a comparison within districts reads them: areas without a district field (index
        # areas, say) keep the default field name unchecked.
        district_field = (
            self.checked_field(
                parameters, self.DISTRICT_FIELD, context, sectors, tr("Sectors"), required=True
            )
            if comparison == "same_district"
            else None
        )
        fields = [name for name in (target_field, district_field) if name]
        table = qgis_read.read_features(sectors, feedback)
        by_id = dissolve_by_id(
            read_sectors(table, id_field, crs, transform_context, feedback, fields), id_field
        )
        for warning in by_id.warnings:
            feedback.pushWarning(translated(warning))
        is_target = self._targets(parameters, context, by_id, target_field)
        districts = (
            np.array([group[district_field].iloc[0] for group in by_id.groups], dtype=object)
            if district_field
            else None
        )
        feedback.setProgressText(tr("Reading the crime incidents…"))
        points = crimes.read(self, crs, transform_context, feedback)
        settings = initiative.InitiativeSettings(
            start=self._start(parameters, context),
            before_days=self.parameterAsInt(parameters, self.BEFORE_DAYS, context),
            after_days=self.parameterAsInt(parameters, self.AFTER_DAYS, context),
            buffer_width=self.parameterAsDouble(parameters, self.BUFFER, context),
            same_district=comparison == "same_district",
            crime_types=tuple(self.enum_values(parameters, self.CRIME_TYPES, context)),
            **self._reading(parameters, context),
        )
        result = initiative.evaluate_initiative(by_id.geometries, is_target, districts, points, settings)
        for warning in result.warnings:
            feedback.pushWarning(translated(warning))
        results = {name: getattr(result.counts, attribute) for name, attribute, _ in figures()}
        results.update({name: getattr(result.figures, attribute) for name, attribute, _ in ratios()})
        results[self.READING] = translated(result.figures.reading)
        feedback.pushInfo(_summary(results))
        report = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if report:
            feedback.setProgressText(tr("Writing the report…"))
            target_ids = [sector_id for sector_id, chosen in zip(by_id.ids, is_target, strict=True) if chosen]
            initiative_report.write_initiative_report(
                report, result, by_id.geometries, target_ids, settings, crs
            )
            results[self.OUTPUT_REPORT] = report
        return results

    def _targets(self, parameters, context, by_id, target_field) -> np.ndarray:
        text = self.parameterAsString(parameters, self.TARGET_IDS, context)
        wanted = [sector_logic.attribute_text(part) for part in text.split(",") if part.strip()]
        if bool(wanted) == bool(target_field):
            raise QgsProcessingException(
                tr(
                    "Name the initiative's sectors either in TARGET_IDS (comma-separated ids) or with "
                    "TARGET_FIELD (a yes/no field), not both and not neither."
                )
            )
        ids = [sector_logic.attribute_text(sector_id) for sector_id in by_id.ids]
        if target_field:
            values = [group[target_field] for group in by_id.groups]
            return np.array(
                [threat_assessment.yes_no_flags(list(value), tr("target field")).any() for value in values]
            )
        unknown = [sector_id for sector_id in wanted if sector_id not in ids]
        if unknown:
            shown = ", ".join(ids[:20]) + (" …" if len(ids) > 20 else "")
            raise QgsProcessingException(
                tr(
                    "TARGET_IDS: no sector {unknown} in SECTORS; the ids are {ids}.",
                    unknown=", ".join(unknown),
                    ids=shown,
                )
            )
        return np.isin(ids, wanted)

    def _reading(self, parameters, context) -> dict:
        """How the incidents' types and dates are read; the windows take the place of a period."""
        settings = CRIME_PARAMETERS.settings(self, parameters, context)
        del settings["period"]
        return settings

    def _start(self, parameters, context) -> np.datetime64:
        text = datetime_text(self, parameters, self.START, context)
        try:
            return np.datetime64(text[:10], "D")
        except (TypeError, ValueError):
            raise InputError(
                tr("START: '{text}' is not a date; give the day the initiative started.", text=text)
            ) from None


def _summary(results: dict) -> str:
    def shown(value):
        return "—" if value is None else (f"{value:.3g}" if isinstance(value, float) else str(value))

    lines = [f"{name}: {shown(results[name])}" for name, _, _ in figures() + ratios()]
    return "\n".join(lines + [results[EvaluateInitiativeAlgorithm.READING]])
