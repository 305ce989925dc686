"""Write the Processing models shipped in processing/ ("Full sector plan", "Quarterly review").

    python3 tools/make_models.py            # (re)write processing/*.model3
    python3 tools/make_models.py --check    # exit 1 when a shipped model differs from what this writes

The models are built with PyQGIS from the algorithms of this checkout, so they stay in step
with the algorithms' parameters; the files are deterministic (same input, same bytes). The
provider gives each model the id ``ypo:<file stem>`` (``ypo:fullsectorplan``,
``ypo:quarterlyreview``). Model inputs use the algorithms' parameter names; model outputs are
``<step>:<output>`` (e.g. ``split:sectors``), as QGIS names every model output.
"""

import argparse
import difflib
import os
import pprint
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qgis.core import (  # noqa: E402 - the platform must be set before Qt starts
    QgsApplication,
    QgsProcessing,
    QgsProcessingModelAlgorithm,
    QgsProcessingModelChildAlgorithm,
    QgsProcessingModelChildDependency,
    QgsProcessingModelChildParameterSource,
    QgsProcessingModelOutput,
    QgsProcessingModelParameter,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QPointF, QSizeF  # noqa: E402

from ypo_plugin.core.defaults import SLIVER_AREA_M2, SPLIT_TOLERANCE_PCT  # noqa: E402

MODELS_DIR = ROOT / "processing"
GROUP = "Models"
CREATOR = "YPO sector planning"

INPUT_X, STEP_X, OUTPUT_X = 120.0, 560.0, 960.0
INPUT_STEP_Y, STEP_STEP_Y = 55.0, 170.0
BOX = QSizeF(200.0, 50.0)


def model_input(name):
    return QgsProcessingModelChildParameterSource.fromModelParameter(name)


def step_output(child_id, output):
    return QgsProcessingModelChildParameterSource.fromChildOutput(child_id, output)


def static(value):
    return QgsProcessingModelChildParameterSource.fromStaticValue(value)


@dataclass
class Output:
    """A model output: the step's destination parameter ``child_output`` as ``<step>:<name>``."""

    name: str
    child_output: str
    description: str
    help: str
    mandatory: bool = True


@dataclass
class Step:
    child_id: str
    algorithm_id: str
    description: str
    sources: dict
    outputs: list = field(default_factory=list)
    after: list = field(default_factory=list)


class ModelBuilder:
    """A model assembled input by input and step by step, with its help."""

    def __init__(self, name, short_description, description):
        self.model = QgsProcessingModelAlgorithm(name, GROUP, GROUP)
        self.help = {
            "ALG_DESC": description,
            "SHORT_DESCRIPTION": short_description,
            "ALG_CREATOR": CREATOR,
            "ALG_HELP_CREATOR": CREATOR,
        }
        self.inputs = 0
        self.steps = 0

    def add_input(self, definition, help_text, advanced=False):
        if advanced:
            definition.setFlags(definition.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        component = QgsProcessingModelParameter(definition.name())
        component.setDescription(definition.name())
        component.setPosition(QPointF(INPUT_X, 60.0 + self.inputs * INPUT_STEP_Y))
        component.setSize(BOX)
        self.model.addModelParameter(definition, component)
        self.help[definition.name()] = help_text
        self.inputs += 1

    def add_step(self, step: Step):
        child = QgsProcessingModelChildAlgorithm()
        child.setAlgorithmId(step.algorithm_id)  # and attaches the algorithm from the registry
        if child.algorithm() is None:
            raise SystemExit(f"Algorithm {step.algorithm_id} is not available: is the plugin loadable?")
        child.setChildId(step.child_id)
        child.setDescription(step.description)
        y = 80.0 + self.steps * STEP_STEP_Y
        child.setPosition(QPointF(STEP_X, y))
        child.setSize(BOX)
        for name in sorted(step.sources):
            if child.algorithm().parameterDefinition(name) is None:
                raise SystemExit(f"{step.algorithm_id} has no parameter {name}.")
            sources = step.sources[name]
            child.addParameterSources(name, sources if isinstance(sources, list) else [sources])
        outputs = {}
        for index, out in enumerate(step.outputs):
            if child.algorithm().parameterDefinition(out.child_output) is None:
                raise SystemExit(f"{step.algorithm_id} has no output {out.child_output}.")
            output = QgsProcessingModelOutput(out.name, out.description)
            output.setChildId(step.child_id)
            output.setChildOutputName(out.child_output)
            output.setMandatory(out.mandatory)
            output.setPosition(QPointF(OUTPUT_X, y - 40.0 + index * 35.0))
            output.setSize(BOX)
            outputs[out.name] = output
            self.help[f"{step.child_id}:{out.name}"] = out.help
        child.setModelOutputs(outputs)
        child.setDependencies([QgsProcessingModelChildDependency(child_id) for child_id in step.after])
        self.model.addChildAlgorithm(child)
        self.steps += 1

    def finish(self):
        self.model.setHelpContent(self.help)
        return self.model


# --- shared inputs -------------------------------------------------------------


def vector_input(builder, name, description, types, help_text, optional=False):
    builder.add_input(
        QgsProcessingParameterFeatureSource(name, description, types, optional=optional), help_text
    )


def field_input(builder, name, description, parent, default, help_text, numeric=False):
    # Optional with a default: qgis_process (3.22) refuses a left-out mandatory field parameter
    # even when it has a default; the algorithms check the field themselves.
    data_type = QgsProcessingParameterField.Numeric if numeric else QgsProcessingParameterField.Any
    builder.add_input(
        QgsProcessingParameterField(name, description, default, parent, data_type, optional=True), help_text
    )


def date_input(builder, name, description, help_text, optional):
    # Dates (not date-times): an end date includes its whole day in every algorithm.
    builder.add_input(
        QgsProcessingParameterDateTime(
            name, description, QgsProcessingParameterDateTime.Date, optional=optional
        ),
        help_text,
    )


def crime_inputs(builder, with_place=True):
    vector_input(
        builder,
        "CRIMES",
        "Crime incidents",
        [QgsProcessing.TypeVectorPoint],
        "The crime incident points: they count in the sectors' crime, the grid and the maps.",
    )
    field_input(
        builder,
        "CRIME_TYPE_FIELD",
        "Crime type field",
        "CRIMES",
        "crime_type",
        "The incident's type (violence, burglary, theft, drugs, vandalism, harassment; English and "
        "Danish names are recognised). Default crime_type.",
    )
    builder.add_input(
        QgsProcessingParameterString("CRIME_TYPE_MAP", "Crime type mapping", multiLine=True, optional=True),
        "Optional: extra 'source = type' entries for the crime type field, separated by ';' or new "
        "lines (e.g. 'BATTERY=violence; NARCOTICS=drugs; DECEPTIVE PRACTICE=other'), or the path of a "
        "mapping file; types in no mapping count in crimes_total only.",
    )
    field_input(
        builder,
        "DATE_FIELD",
        "Date field",
        "CRIMES",
        "occurred",
        "The incident's date or date-time: a date/time field, ISO 8601 text, or MM/DD/YYYY, "
        "DD/MM/YYYY, DD-MM-YYYY or DD.MM.YYYY text, optionally with a time hh:mm[:ss] (24-hour or "
        "AM/PM); day or month first is decided from the data. Default occurred.",
    )
    field_input(
        builder,
        "TIME_FIELD",
        "Time of day field",
        "CRIMES",
        None,
        "Optional: the incident's time of day when it is in a field of its own (text hh:mm[:ss], a "
        "time field, or minutes since midnight or HHMM numbers); it replaces any time in the date "
        "field. Incidents without a time of day count in band_unknown, in no time band.",
    )
    builder.add_input(
        QgsProcessingParameterString("DATE_FORMAT", "Date format", optional=True),
        "Optional: a strptime format for dates in another form, or to settle an ambiguous "
        "day/month order, e.g. %d/%m/%Y %H:%M or %m/%d/%Y %I:%M:%S %p.",
        advanced=True,
    )
    if not with_place:
        return
    field_input(
        builder,
        "PLACE_FIELD",
        "Place (scene) field",
        "CRIMES",
        None,
        "Optional: where the incident happened (street, residence, shop…); gives the grid's table of "
        "crimes by place.",
    )


def streets_input(builder):
    vector_input(
        builder,
        "STREETS",
        "Streets",
        [QgsProcessing.TypeVectorLine],
        "Optional: street lines, drawn lightly under the sectors on the maps, the longest named "
        "(their field 'name').",
        optional=True,
    )


def exposed_input(builder):
    vector_input(
        builder,
        "EXPOSED_AREAS",
        "Particularly exposed housing areas",
        [QgsProcessing.TypeVectorPolygon],
        "Optional: polygons of particularly exposed housing areas; they raise a sector's workload "
        "and need.",
        optional=True,
    )


def title_input(builder):
    builder.add_input(
        QgsProcessingParameterString("TITLE", "Map title", optional=True),
        "Optional: the title printed on the internal maps.",
    )


def threat_inputs(builder):
    """The gang field of the incidents and the exposed areas' name field."""
    field_input(
        builder,
        "GANG_FIELD",
        "Gang field",
        "CRIMES",
        None,
        "Optional: a yes/no field of the incidents marking gang-related ones (a boolean, a number, 0 = "
        "no, or yes/no, true/false, ja/nej, 1/0 text); gives the gang-related counts now and before.",
    )
    field_input(
        builder,
        "EXPOSED_NAME_FIELD",
        "Exposed area name field",
        "EXPOSED_AREAS",
        "name",
        "The exposed housing areas' name, shown in the threat assessment. Default name.",
    )


def threat_sources():
    """The threat assessment step's inputs beside the incidents': sectors, population, gang field,
    exposed areas and the comparison period."""
    sources = {
        name: model_input(name)
        for name in (
            "SECTORS",
            "SECTOR_ID_FIELD",
            "POPULATION",
            "POPULATION_FIELD",
            "GANG_FIELD",
            "EXPOSED_AREAS",
            "EXPOSED_NAME_FIELD",
            "COMPARE_START",
            "COMPARE_END",
        )
    }
    return {**crime_sources(), **sources}


def threat_outputs(mandatory):
    """The threat assessment's table and report: mandatory in a model of their own, optional where
    they join another model's outputs (so that its existing calls keep working)."""

    def explained(text):
        return text[0].upper() + text[1:] if mandatory else f"Optional: {text}"

    return [
        Output(
            "table",
            "OUTPUT",
            "Threat assessment",
            explained(
                "a table (no geometry) with one row per sector, exposed area and the station (area_kind, "
                "area_id): population, incidents by type now and before, change_pct, p_value, "
                "significant, gang_now, gang_before and the busiest 250 m cells."
            ),
            mandatory=mandatory,
        ),
        Output(
            "report",
            "OUTPUT_REPORT",
            "Threat assessment report",
            explained(
                "the PDF for the station management: a summary page (significant increases and "
                "decreases, gang-related incidents, exposed areas), then a page per sector with its "
                "monthly series."
            ),
            mandatory=mandatory,
        ),
    ]


def crime_sources(with_place=False):
    sources = {
        "CRIMES": model_input("CRIMES"),
        "CRIME_TYPE_FIELD": model_input("CRIME_TYPE_FIELD"),
        "CRIME_TYPE_MAP": model_input("CRIME_TYPE_MAP"),
        "DATE_FIELD": model_input("DATE_FIELD"),
        "TIME_FIELD": model_input("TIME_FIELD"),
        "DATE_FORMAT": model_input("DATE_FORMAT"),
        "PERIOD_START": model_input("PERIOD_START"),
        "PERIOD_END": model_input("PERIOD_END"),
    }
    if with_place:
        sources["PLACE_FIELD"] = model_input("PLACE_FIELD")
    return sources


GRID_OUTPUTS = [
    Output(
        "cells",
        "OUTPUT",
        "Crime grid",
        "Grid cells inside the sectors with crime counts by type and time band.",
    ),
    Output(
        "time_table",
        "OUTPUT_TIME_TABLE",
        "Crimes by weekday and hour",
        "Optional: a table of crimes per sector by weekday and hour.",
        mandatory=False,
    ),
    Output(
        "places",
        "OUTPUT_PLACES",
        "Crimes by place",
        "Optional: a table of crimes per sector by place (needs the place field).",
        mandatory=False,
    ),
    Output(
        "charts",
        "CHART_FOLDER",
        "Chart folder",
        "Optional: a folder for charts of crime by hour and by type per sector (skipped when left "
        "out; drawing them takes a few seconds).",
        mandatory=False,
    ),
]


def manning_outputs(sectors_help):
    return [
        Output("sectors", "OUTPUT", "Sector manning", sectors_help),
        Output(
            "summary",
            "OUTPUT_HTML",
            "Manning summary (HTML)",
            "Optional: a readable HTML summary of the manning.",
            mandatory=False,
        ),
    ]


def maps_step(sectors_source, period_help):
    return Step(
        "maps",
        "ypo:exportsectormaps",
        "Internal sector maps",
        {
            "SECTORS": sectors_source,
            **crime_sources(),
            "GRID": step_output("grid", "OUTPUT"),
            "AUDIENCE": static("internal"),
            "FORMAT": static("pdf"),
            "TITLE": model_input("TITLE"),
            "STREETS": model_input("STREETS"),
        },
        [
            Output(
                "folder",
                "OUTPUT_FOLDER",
                "Internal maps folder",
                "The folder for the internal atlas (PDF: an overview and one page per sector, marked "
                f"INTERNAL, with the crime grid {period_help}).",
            )
        ],
    )


# --- the models ------------------------------------------------------------------


def full_sector_plan():
    builder = ModelBuilder(
        "Full sector plan",
        "Split districts into sectors, man them, grid their crime, validate the plan and print internal "
        "maps, in one run.",
        "The whole YPO planning chain in one run: Split into sectors → Compute sector manning (on the "
        "new sectors) → Crime grid → Validate sectors → Export sector maps (internal atlas, PDF).\n\n"
        "Use it on the sample district (Create sample district) or on your own base units, districts, "
        "crime incidents and exposed housing areas. Outputs: the sectors and the units with their "
        "sector, the sector manning (and an HTML summary), the crime grid, the validation errors and "
        "the internal maps. The new sectors have no officers yet: add officer_name, officer_phone and "
        "officer_email (e.g. with the Field calculator) before publishing public maps.\n\n"
        "Batch mode: run the model over several districts layers, periods or seeds, one row each, "
        "each row with its own output files and folder.",
    )
    b = builder
    vector_input(
        b,
        "UNITS",
        "Base units",
        [QgsProcessing.TypeVectorPolygon],
        "Polygons the sectors are built from (blocks, census tracts) with their population.",
    )
    field_input(
        b,
        "POPULATION_FIELD",
        "Population field",
        "UNITS",
        "population",
        "The base units' population. Default population.",
        numeric=True,
    )
    vector_input(
        b,
        "DISTRICTS",
        "Districts",
        [QgsProcessing.TypeVectorPolygon],
        "The local police districts: their name, number of sectors and staff.",
    )
    field_input(b, "DISTRICT_NAME_FIELD", "District name field", "DISTRICTS", "district", "Default district.")
    field_input(
        b,
        "SECTORS_FIELD",
        "Sectors per district field",
        "DISTRICTS",
        "sector_count",
        "How many sectors each district is split into. Default sector_count.",
    )
    field_input(
        b,
        "DISTRICT_STAFF_FIELD",
        "District staff field",
        "DISTRICTS",
        "staff",
        "The officers each district has, shared out over its sectors by need. Default staff.",
        numeric=True,
    )
    crime_inputs(b)
    exposed_input(b)
    vector_input(
        b,
        "BARRIERS",
        "Barriers",
        [QgsProcessing.TypeVectorLine],
        "Optional: lines no sector should cross (railways, motorways, water).",
        optional=True,
    )
    streets_input(b)
    date_input(
        b,
        "PERIOD_START",
        "Period start",
        "Optional: only crime from this date counts in the manning, the grid and the maps.",
        optional=True,
    )
    date_input(
        b,
        "PERIOD_END",
        "Period end",
        "Optional: only crime up to this date (the whole day included) counts.",
        optional=True,
    )
    b.add_input(
        QgsProcessingParameterNumber(
            "TOLERANCE",
            "Tolerance (%)",
            QgsProcessingParameterNumber.Double,
            SPLIT_TOLERANCE_PCT,
            minValue=0.01,
            maxValue=100.0,
        ),
        "How far (in %) a sector's workload may deviate from its district's mean. "
        f"Default {SPLIT_TOLERANCE_PCT:g}.",
    )
    b.add_input(
        QgsProcessingParameterNumber("SEED", "Seed", QgsProcessingParameterNumber.Integer, 1, minValue=0),
        "The random seed of the split: the same inputs and seed give the same sectors.",
        advanced=True,
    )
    b.add_input(
        QgsProcessingParameterNumber(
            "MIN_AREA",
            "Minimum sector area (m²)",
            QgsProcessingParameterNumber.Double,
            SLIVER_AREA_M2,
            optional=True,
            minValue=0.0,
        ),
        "Validation reports a sector (or a part of one) smaller than this as a sliver. "
        f"Default {SLIVER_AREA_M2:,.0f}.",
    )
    b.add_input(
        QgsProcessingParameterBoolean("FAIL_ON_ERROR", "Stop on validation errors", False),
        "When checked, the run stops after the validation if the plan has errors (no maps are "
        "printed); the errors layer is written first.",
    )
    title_input(b)

    b.add_step(
        Step(
            "split",
            "ypo:splitsectors",
            "Split into sectors",
            {
                "UNITS": model_input("UNITS"),
                "POPULATION_FIELD": model_input("POPULATION_FIELD"),
                "DISTRICTS": model_input("DISTRICTS"),
                "DISTRICT_NAME_FIELD": model_input("DISTRICT_NAME_FIELD"),
                "SECTORS_FIELD": model_input("SECTORS_FIELD"),
                "CRIMES": model_input("CRIMES"),
                "EXPOSED_AREAS": model_input("EXPOSED_AREAS"),
                "BARRIERS": model_input("BARRIERS"),
                "TOLERANCE": model_input("TOLERANCE"),
                "SEED": model_input("SEED"),
            },
            [
                Output("sectors", "OUTPUT_SECTORS", "Sectors", "The new sectors (polygons, one per sector)."),
                Output("units", "OUTPUT_UNITS", "Units with sector", "The base units with their sector_id."),
            ],
        )
    )
    b.add_step(
        Step(
            "manning",
            "ypo:computemanning",
            "Compute sector manning",
            {
                "SECTORS": step_output("split", "OUTPUT_SECTORS"),
                "SECTOR_ID_FIELD": static("sector_id"),
                "POPULATION": model_input("UNITS"),
                "POPULATION_FIELD": model_input("POPULATION_FIELD"),
                **crime_sources(),
                "EXPOSED_AREAS": model_input("EXPOSED_AREAS"),
                "DISTRICTS": model_input("DISTRICTS"),
                "DISTRICT_FIELD": model_input("DISTRICT_NAME_FIELD"),
                "DISTRICT_STAFF_FIELD": model_input("DISTRICT_STAFF_FIELD"),
            },
            manning_outputs(
                "The sectors with population, crime by type, need, factor, officers required and "
                "allocated."
            ),
        )
    )
    b.add_step(
        Step(
            "grid",
            "ypo:crimegrid",
            "Crime grid",
            {
                "SECTORS": step_output("split", "OUTPUT_SECTORS"),
                "SECTOR_ID_FIELD": static("sector_id"),
                **crime_sources(with_place=True),
            },
            GRID_OUTPUTS,
        )
    )
    b.add_step(
        Step(
            "validate",
            "ypo:validatesectors",
            "Validate sectors",
            {
                "SECTORS": step_output("manning", "OUTPUT"),
                "SECTOR_ID_FIELD": static("sector_id"),
                "DISTRICT": model_input("DISTRICTS"),
                "MIN_AREA": model_input("MIN_AREA"),
                "FAIL_ON_ERROR": model_input("FAIL_ON_ERROR"),
            },
            [
                Output(
                    "errors",
                    "OUTPUT",
                    "Validation errors",
                    "Gaps, overlaps, parts outside the district, non-contiguous sectors, slivers and "
                    "under-manned sectors (error_type, sector_ids and the problem geometry).",
                )
            ],
        )
    )
    maps = maps_step(step_output("manning", "OUTPUT"), "of the period")
    maps.after = ["validate"]  # FAIL_ON_ERROR stops the run before the maps
    b.add_step(maps)
    return builder.finish()


def quarterly_review():
    builder = ModelBuilder(
        "Quarterly review",
        "Manning and crime grid of existing sectors for a period compared with the previous one, with "
        "internal maps and the gang-related counts of the threat assessment.",
        "The periodic review of an existing sector plan: Compute sector manning for the period, Crime "
        "grid for the period compared with the previous period (counts and change per cell and time "
        "band), Export sector maps (internal atlas, PDF) for the period, and the Quarterly threat "
        "assessment of the period against the previous one (per sector, exposed area and the station: "
        "change, its p-value and, with a gang field, the gang-related incidents; table and PDF "
        "optional).\n\n"
        "Batch mode: run the model over several periods (one row per quarter or month, each with its "
        "previous period) or several districts' sectors, each row with its own output files and "
        "folder.",
    )
    b = builder
    vector_input(
        b,
        "SECTORS",
        "Sectors",
        [QgsProcessing.TypeVectorPolygon],
        "The sector plan to review (e.g. the sectors of Full sector plan, with their officers).",
    )
    field_input(b, "SECTOR_ID_FIELD", "Sector id field", "SECTORS", "sector_id", "Default sector_id.")
    vector_input(
        b,
        "POPULATION",
        "Population",
        [QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorPoint],
        "Polygons or points with population (e.g. the base units).",
    )
    field_input(
        b,
        "POPULATION_FIELD",
        "Population field",
        "POPULATION",
        "population",
        "Default population.",
        numeric=True,
    )
    crime_inputs(b)
    exposed_input(b)
    streets_input(b)
    threat_inputs(b)
    vector_input(
        b,
        "DISTRICTS",
        "Districts with staff",
        [QgsProcessing.TypeVectorPolygon],
        "Optional: the districts with their staff, shared out over their sectors by need.",
        optional=True,
    )
    field_input(b, "DISTRICT_FIELD", "District name field", "DISTRICTS", "district", "Default district.")
    field_input(
        b,
        "DISTRICT_STAFF_FIELD",
        "District staff field",
        "DISTRICTS",
        "staff",
        "The officers each district has. Default staff.",
        numeric=True,
    )
    date_input(b, "PERIOD_START", "Period start", "The first day of the period under review.", False)
    date_input(
        b,
        "PERIOD_END",
        "Period end",
        "The last day of the period under review (the whole day counts).",
        False,
    )
    date_input(
        b,
        "COMPARE_START",
        "Previous period start",
        "The first day of the period the grid compares with (e.g. the previous quarter).",
        False,
    )
    date_input(
        b,
        "COMPARE_END",
        "Previous period end",
        "The last day of the previous period (the whole day counts).",
        False,
    )
    title_input(b)

    b.add_step(
        Step(
            "manning",
            "ypo:computemanning",
            "Compute sector manning for the period",
            {
                "SECTORS": model_input("SECTORS"),
                "SECTOR_ID_FIELD": model_input("SECTOR_ID_FIELD"),
                "POPULATION": model_input("POPULATION"),
                "POPULATION_FIELD": model_input("POPULATION_FIELD"),
                **crime_sources(),
                "EXPOSED_AREAS": model_input("EXPOSED_AREAS"),
                "DISTRICTS": model_input("DISTRICTS"),
                "DISTRICT_FIELD": model_input("DISTRICT_FIELD"),
                "DISTRICT_STAFF_FIELD": model_input("DISTRICT_STAFF_FIELD"),
            },
            manning_outputs(
                "The sectors with the period's population, crime by type, need, factor and officers."
            ),
        )
    )
    b.add_step(
        Step(
            "grid",
            "ypo:crimegrid",
            "Crime grid, period against the previous one",
            {
                "SECTORS": model_input("SECTORS"),
                "SECTOR_ID_FIELD": model_input("SECTOR_ID_FIELD"),
                **crime_sources(with_place=True),
                "COMPARE_START": model_input("COMPARE_START"),
                "COMPARE_END": model_input("COMPARE_END"),
            },
            GRID_OUTPUTS,
        )
    )
    b.add_step(maps_step(step_output("manning", "OUTPUT"), "of the period"))
    b.add_step(
        Step("threat", "ypo:threatassessment", "Threat assessment", threat_sources(), threat_outputs(False))
    )
    return builder.finish()


def quarterly_threat_assessment():
    builder = ModelBuilder(
        "Quarterly threat assessment",
        "The quarterly threat assessment (change by sector, exposed area and station, its significance, "
        "gang-related incidents, a PDF for the station management) and the crime grid of the same "
        "quarter against the same comparison period.",
        "Quarterly threat assessment → Crime grid: the assessment finds the quarter (by default the "
        "last full quarter in the data) and its comparison period (the quarter before, or the "
        "period given, e.g. the same quarter a year earlier), and the crime grid counts the same two "
        "periods cell by cell and time band by time band (crimes_total, compare_total, change).\n\n"
        "Batch mode: run the model over several quarters (one row per quarter, each with its own "
        "output files), e.g. the four quarters of a year.",
    )
    b = builder
    vector_input(
        b,
        "SECTORS",
        "Sectors",
        [QgsProcessing.TypeVectorPolygon],
        "The sector plan (e.g. the sectors of Full sector plan).",
    )
    field_input(b, "SECTOR_ID_FIELD", "Sector id field", "SECTORS", "sector_id", "Default sector_id.")
    crime_inputs(b, with_place=False)
    exposed_input(b)
    threat_inputs(b)
    vector_input(
        b,
        "POPULATION",
        "Population",
        [QgsProcessing.TypeVectorPolygon, QgsProcessing.TypeVectorPoint],
        "Optional: polygons or points with population (e.g. the base units).",
        optional=True,
    )
    field_input(
        b, "POPULATION_FIELD", "Population field", "POPULATION", "population", "Default population.", True
    )
    date_input(
        b,
        "PERIOD_START",
        "Quarter start",
        "Optional: the first day of the quarter; empty: the last full quarter in the data.",
        True,
    )
    date_input(
        b, "PERIOD_END", "Quarter end", "Optional: the quarter's last day (the whole day counts).", True
    )
    date_input(
        b,
        "COMPARE_START",
        "Comparison start",
        "Optional: the first day of the period compared with (e.g. the same quarter a year "
        "earlier); empty: the quarter before.",
        True,
    )
    date_input(b, "COMPARE_END", "Comparison end", "Optional: its last day (the whole day counts).", True)
    b.add_step(
        Step(
            "threat",
            "ypo:threatassessment",
            "Quarterly threat assessment",
            threat_sources(),
            threat_outputs(True),
        )
    )
    period_days = {
        "PERIOD_START": "QUARTER_FIRST_DAY",
        "PERIOD_END": "QUARTER_LAST_DAY",
        "COMPARE_START": "COMPARE_FIRST_DAY",
        "COMPARE_END": "COMPARE_LAST_DAY",
    }
    b.add_step(
        Step(
            "grid",
            "ypo:crimegrid",
            "Crime grid of the same quarter and comparison period",
            {
                "SECTORS": model_input("SECTORS"),
                "SECTOR_ID_FIELD": model_input("SECTOR_ID_FIELD"),
                **crime_sources(),
                **{name: step_output("threat", day) for name, day in period_days.items()},
            },
            GRID_OUTPUTS[:1],
        )
    )
    return builder.finish()


MODELS = {
    "fullsectorplan": full_sector_plan,
    "quarterlyreview": quarterly_review,
    "quarterlythreatassessment": quarterly_threat_assessment,
}


def register_provider():
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing  # QGIS's own processing plugin
    from ypo_plugin.provider import YpoProvider

    Processing.initialize()
    provider = YpoProvider()
    if not QgsApplication.processingRegistry().addProvider(provider):
        raise SystemExit("The YPO provider could not be loaded (see make setup).")
    return provider


ATTRIBUTE_ORDER = {"type": 0, "name": 1, "value": 2}


def canonical_xml(path: Path) -> None:
    """Rewrite the model file with its attributes in a fixed order: Qt writes them in hash order,
    which changes from run to run."""
    tree = ET.parse(path)
    for element in tree.iter():
        attributes = sorted(
            element.attrib.items(), key=lambda item: (ATTRIBUTE_ORDER.get(item[0], 9), item[0])
        )
        element.attrib.clear()
        element.attrib.update(attributes)
    ET.indent(tree, "  ")
    text = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(f"<!DOCTYPE model>\n{text}\n", encoding="utf-8")


def write_models(folder: Path) -> list[Path]:
    written = []
    for stem, build in MODELS.items():
        path = folder / f"{stem}.model3"
        if not build().toFile(str(path)):
            raise SystemExit(f"Could not write {path}.")
        canonical_xml(path)
        written.append(path)
    return written


# What a QGIS version derives or stamps when it writes a model, not what the model says: the output
# parameters it lists (3.44 names them after the output, 3.22 "<step>:<output>", and each keeps the
# names of the file it read) and its format version.
DERIVED_KEYS = ("parameterDefinitions", "internal_version", "outputOrder", "outputGroup")


def model_content(path: Path) -> str:
    """The model file at ``path`` as this QGIS reads it, without what QGIS derives (DERIVED_KEYS)."""
    model = QgsProcessingModelAlgorithm()
    if not model.fromFile(str(path)):
        raise SystemExit(f"Could not read {path}.")
    content = {key: value for key, value in model.toVariant().items() if key not in DERIVED_KEYS}
    return pprint.pformat(content, width=110) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with processing/, write nothing")
    args = parser.parse_args()
    app = QgsApplication([], False)
    app.initQgis()
    status = 0
    try:
        provider = register_provider()  # noqa: F841 - kept alive while the models are built
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                for path in write_models(Path(tmp)):
                    shipped = MODELS_DIR / path.name
                    new = path.read_text(encoding="utf-8")
                    old = shipped.read_text(encoding="utf-8") if shipped.exists() else ""
                    if new != old and shipped.exists():
                        # Written by another QGIS version (the shipped files come from 3.22):
                        # compare what both models say, as this QGIS reads them.
                        new, old = model_content(path), model_content(shipped)
                    if new != old:
                        status = 1
                        sys.stdout.writelines(
                            difflib.unified_diff(
                                old.splitlines(True), new.splitlines(True), str(shipped), "generated"
                            )
                        )
        else:
            for path in write_models(MODELS_DIR):
                print(f"Wrote {path.relative_to(ROOT)}")
    finally:
        app.exitQgis()
    return status


if __name__ == "__main__":
    sys.exit(main())
