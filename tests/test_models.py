"""The shipped Processing models: listed by the provider, explained, reproducible from
tools/make_models.py, and run through qgis_process on the sample district."""

import csv
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, time, timedelta

import pytest
from qgis.core import QgsApplication, QgsProcessingModelAlgorithm, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from tests.algorithms.publication_data import pdf_pages, pdf_text
from tests.conftest import ROOT
from ypo_plugin.algorithms.model_texts import MODEL_TEXTS
from ypo_plugin.provider import load_models

CRIME_TYPES = ("violence", "burglary", "theft", "drugs", "vandalism", "harassment")

FULL_PLAN = "ypo:fullsectorplan"
QUARTERLY_REVIEW = "ypo:quarterlyreview"
THREAT_MODEL = "ypo:quarterlythreatassessment"
MODELS = (FULL_PLAN, QUARTERLY_REVIEW, THREAT_MODEL)
SAMPLE_SECTORS = 19  # 9 + 5 + 5
SAMPLE_POPULATION = 380_000
SAMPLE_STAFF = 42  # 18 + 12 + 12


def read(path, fields):
    """The ``fields`` of every feature of the layer at ``path`` (a GeoPackage source)."""
    layer = QgsVectorLayer(str(path), "layer", "ogr")
    assert layer.isValid(), path
    rows = [{name: feature[name] for name in fields} for feature in layer.getFeatures()]
    del layer
    return rows


def sample_layer(sample, name):
    return f"{sample}|layername={name}"


@pytest.fixture(scope="module")
def sample(qgis_process, tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "sample_district.gpkg"
    qgis_process.run("ypo:createsampledistrict", SEED=1, OUTPUT=path)
    return path


@pytest.fixture(scope="module")
def full_plan(qgis_process, sample, tmp_path_factory):
    """Full sector plan on the sample district: (its results, its output folder)."""
    out = tmp_path_factory.mktemp("full_plan")
    results = qgis_process.run(
        FULL_PLAN,
        UNITS=sample_layer(sample, "units"),
        DISTRICTS=sample_layer(sample, "districts"),
        CRIMES=sample_layer(sample, "crimes"),
        EXPOSED_AREAS=sample_layer(sample, "exposed_areas"),
        BARRIERS=sample_layer(sample, "barriers"),
        STREETS=sample_layer(sample, "streets"),
        **{
            "split:sectors": out / "sectors.gpkg",
            "split:units": out / "sector_units.gpkg",
            "manning:sectors": out / "manning.gpkg",
            "manning:summary": out / "manning.html",
            "grid:cells": out / "crime_grid.gpkg",
            "validate:errors": out / "validation.gpkg",
            "maps:folder": out / "maps",
        },
    )
    return results["results"], out


# --- listed and explained ---------------------------------------------------------


def test_the_provider_lists_the_models(ypo_provider):
    models = {algorithm.id(): algorithm for algorithm in ypo_provider.algorithms()}
    assert models[FULL_PLAN].displayName() == "Full sector plan"
    assert models[QUARTERLY_REVIEW].displayName() == "Quarterly review"
    assert models[THREAT_MODEL].displayName() == "Quarterly threat assessment"
    for model_id in MODELS:
        model = models[model_id]
        assert model.group() == "Models"
        assert model.create().id() == model_id  # the instance the toolbox and batch runs use
        help_content = model.helpContent()
        assert help_content["ALG_DESC"] and help_content["SHORT_DESCRIPTION"]
        assert "batch" in help_content["ALG_DESC"].lower()
        for definition in model.parameterDefinitions():  # every input and output explained
            assert help_content.get(definition.name()), (model_id, definition.name())


def shipped_models():
    """The models as their files say (English, whatever the language)."""
    models = []
    for path in sorted((ROOT / "processing").glob("*.model3")):
        model = QgsProcessingModelAlgorithm()
        assert model.fromFile(str(path)), path
        models.append(model)
    return models


def test_every_text_of_the_models_is_marked_for_translation():
    for model in shipped_models():
        steps = model.childAlgorithms().values()
        texts = {
            model.displayName(),
            model.group(),
            *(definition.description() for definition in model.parameterDefinitions()),
            *(step.description() for step in steps),
            *(output.description() for step in steps for output in step.modelOutputs().values()),
            *(text for key, text in model.helpContent().items() if not key.endswith("CREATOR")),
        }
        assert texts <= MODEL_TEXTS, (model.displayName(), sorted(texts - MODEL_TEXTS))


class DanishStandIn(QTranslator):
    """A few Danish texts, as a compiled translation would give them."""

    TEXTS = {
        "Full sector plan": "Fuld sektorplan",
        "Models": "Modeller",
        "Base units": "Grundenheder",
        "Sectors": "Sektorer",
        "Split into sectors": "Opdel i sektorer",
        "Default district.": "Standard district.",
    }

    def translate(self, context, text, disambiguation=None, n=-1):
        return self.TEXTS.get(text) if context == "@default" else None  # None: not translated

    def isEmpty(self):
        return False


def test_the_models_show_their_texts_in_the_users_language(ypo_provider):  # its steps are found
    translator = DanishStandIn()
    assert QCoreApplication.installTranslator(translator)
    try:
        plan = next(model for model in load_models() if model.name() == "fullsectorplan")
        for model in (plan, plan.create()):  # the provider's and the instance a dialog runs
            assert (model.displayName(), model.group()) == ("Fuld sektorplan", "Modeller")
            assert model.parameterDefinition("UNITS").description() == "Grundenheder"
            assert model.parameterDefinition("split:sectors").description() == "Sektorer"
            assert model.outputDefinition("split:sectors").description() == "Sektorer"
            assert model.childAlgorithm("split").description() == "Opdel i sektorer"
            assert model.helpContent()["DISTRICT_NAME_FIELD"] == "Standard district."
            assert model.parameterDefinition("DISTRICTS").description() == "Districts"  # no translation given
            assert model.name() == "fullsectorplan" and model.parameterDefinition("UNITS").name() == "UNITS"
    finally:
        QCoreApplication.removeTranslator(translator)
    assert plan.displayName() == "Full sector plan"


def test_the_outputs_are_named_by_step(ypo_provider):
    outputs = {
        model_id: {output.name() for output in ypo_provider.algorithm(model_id[4:]).outputDefinitions()}
        for model_id in MODELS
    }
    assert {
        "split:sectors",
        "split:units",
        "manning:sectors",
        "grid:cells",
        "validate:errors",
        "maps:folder",
    } <= outputs[FULL_PLAN]
    assert {"manning:sectors", "grid:cells", "maps:folder", "threat:table"} <= outputs[QUARTERLY_REVIEW]
    assert {"threat:table", "threat:report", "grid:cells"} <= outputs[THREAT_MODEL]


def test_the_shipped_models_are_what_the_generator_writes():
    check = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_models.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0, f"run tools/make_models.py:\n{check.stdout}\n{check.stderr}"


# --- run through qgis_process ---------------------------------------------------------


def test_full_sector_plan_on_the_sample_district(sample, full_plan):
    results, out = full_plan
    assert results["split:sectors"] == str(out / "sectors.gpkg")
    sectors = read(out / "sectors.gpkg", ["sector_id"])
    assert len({row["sector_id"] for row in sectors}) == SAMPLE_SECTORS

    units = read(out / "sector_units.gpkg", ["sector_id"])
    assert {row["sector_id"] for row in units} == {row["sector_id"] for row in sectors}

    manning = read(out / "manning.gpkg", ["sector_id", "population", "factor", "officers_allocated"])
    assert len(manning) == SAMPLE_SECTORS
    assert sum(row["population"] for row in manning) == pytest.approx(SAMPLE_POPULATION)
    assert all(1 <= row["factor"] <= 5 for row in manning)
    assert sum(row["officers_allocated"] for row in manning) == SAMPLE_STAFF  # the district staff field
    assert (out / "manning.html").stat().st_size > 0

    cells = read(out / "crime_grid.gpkg", ["sector_id", "crimes_total"])
    assert cells and {row["sector_id"] for row in cells} <= {row["sector_id"] for row in sectors}

    errors = read(out / "validation.gpkg", ["error_type"])
    # Built from whole units, the plan has no gaps, overlaps or strays; the sample's staff is short.
    assert not {row["error_type"] for row in errors} & {"gap", "overlap", "outside"}
    assert "undermanned" in {row["error_type"] for row in errors}

    pdfs = sorted((out / "maps").glob("*.pdf"))
    assert len(pdfs) == 1 and pdf_pages(pdfs[0]) == 1 + SAMPLE_SECTORS  # overview + one per sector
    # The streets given to the model reach the maps: the longest streets' names are printed (the
    # Quarterly review, run without them, prints none).
    assert any(name in pdf_text(pdfs[0]) for name in longest_street_names(sample))


def longest_street_names(sample) -> list[str]:
    """The names of the sample's 20 longest streets (all lines of a name together), measured here."""
    import geopandas as gpd

    streets = gpd.read_file(sample, layer="streets")
    return list(streets.geometry.length.groupby(streets["name"]).sum().nlargest(20).index)


def crimes_between(sample, start: date, end: date) -> int:
    """The sample's incidents from ``start`` to ``end`` (that day included), counted here."""
    low = datetime.combine(start, time())
    high = datetime.combine(end + timedelta(days=1), time())
    count = 0
    for row in read(sample_layer(sample, "crimes"), ["occurred"]):
        value = row["occurred"]
        occurred = value.toPyDateTime() if hasattr(value, "toPyDateTime") else datetime.fromisoformat(value)
        count += low <= occurred < high
    return count


REVIEW_ROWS = [  # a batch of two: (period, previous period)
    ((date(2026, 9, 1), date(2026, 9, 30)), (date(2026, 8, 1), date(2026, 8, 31))),
    ((date(2026, 8, 1), date(2026, 8, 31)), (date(2026, 7, 1), date(2026, 7, 31))),
]


def test_quarterly_review_in_a_batch_of_two_periods(qgis_process, sample, full_plan, gang_crimes, tmp_path):
    sectors = full_plan[1] / "sectors.gpkg"

    def run_row(index):
        (start, end), (previous_start, previous_end) = REVIEW_ROWS[index]
        out = tmp_path / f"row{index}"
        out.mkdir()  # GeoPackages are written into an existing folder
        results = qgis_process.run(
            QUARTERLY_REVIEW,
            SECTORS=sectors,
            POPULATION=sample_layer(sample, "units"),
            CRIMES=gang_crimes[0],
            GANG_FIELD=GANG,
            EXPOSED_AREAS=sample_layer(sample, "exposed_areas"),
            DISTRICTS=sample_layer(sample, "districts"),
            PERIOD_START=start.isoformat(),
            PERIOD_END=end.isoformat(),
            COMPARE_START=previous_start.isoformat(),
            COMPARE_END=previous_end.isoformat(),
            **{
                "manning:sectors": out / "manning.gpkg",
                "grid:cells": out / "crime_grid.gpkg",
                "maps:folder": out / "maps",
                "threat:table": out / "threats.gpkg",
            },
        )
        return results["results"], out

    with ThreadPoolExecutor(max_workers=len(REVIEW_ROWS)) as pool:  # rows run side by side
        rows = list(pool.map(run_row, range(len(REVIEW_ROWS))))

    period_counts = []
    for ((start, end), (previous_start, previous_end)), (results, out) in zip(REVIEW_ROWS, rows, strict=True):
        assert results["manning:sectors"] == str(out / "manning.gpkg")
        expected = crimes_between(sample, start, end)
        manning = read(out / "manning.gpkg", ["population", "crimes_total"])
        assert len(manning) == SAMPLE_SECTORS
        assert sum(row["population"] for row in manning) == pytest.approx(SAMPLE_POPULATION)
        assert sum(row["crimes_total"] for row in manning) == expected

        cells = read(out / "crime_grid.gpkg", ["crimes_total", "compare_total"])
        assert sum(row["crimes_total"] for row in cells) == expected
        assert sum(row["compare_total"] for row in cells) == crimes_between(
            sample, previous_start, previous_end
        )

        pdfs = sorted((out / "maps").glob("*.pdf"))
        assert len(pdfs) == 1 and pdf_pages(pdfs[0]) == 1 + SAMPLE_SECTORS
        assert not any(name in pdf_text(pdfs[0]) for name in longest_street_names(sample))

        station = threat_rows(out / "threats.gpkg")["station"]  # the gang-related counts
        crimes = gang_crimes[1]
        in_period = (crimes["occurred"] >= str(start)) & (crimes["occurred"] < str(end + timedelta(days=1)))
        in_previous = (crimes["occurred"] >= str(previous_start)) & (
            crimes["occurred"] < str(previous_end + timedelta(days=1))
        )
        gang = crimes[GANG].astype(str).str.lower().isin({"yes", "true", "1", "ja"})
        assert station["incidents_now"] == expected
        assert (station["gang_now"], station["gang_before"]) == (
            (in_period & gang).sum(),
            (in_previous & gang).sum(),
        )
        period_counts.append(expected)
    assert period_counts[0] != period_counts[1] and min(period_counts) > 0


def test_fail_on_error_stops_the_full_plan_before_the_maps(qgis_process, sample, tmp_path):
    # The sample's staff is short of the officers required: validation finds under-manned sectors.
    outputs = {
        "split:sectors": tmp_path / "sectors.gpkg",
        "split:units": tmp_path / "sector_units.gpkg",
        "manning:sectors": tmp_path / "manning.gpkg",
        "grid:cells": tmp_path / "crime_grid.gpkg",
        "validate:errors": tmp_path / "validation.gpkg",
        "maps:folder": tmp_path / "maps",
    }
    inputs = {
        "UNITS": sample_layer(sample, "units"),
        "DISTRICTS": sample_layer(sample, "districts"),
        "CRIMES": sample_layer(sample, "crimes"),
        "FAIL_ON_ERROR": "true",
    }
    arguments = [f"{name}={value}" for name, value in {**inputs, **outputs}.items()]
    result = qgis_process("run", FULL_PLAN, "--", *arguments, check=False)
    assert result.returncode != 0
    assert "FAIL_ON_ERROR" in result.stdout + result.stderr
    assert read(tmp_path / "validation.gpkg", ["error_type"])  # the errors are written first
    assert not (tmp_path / "maps").exists()


# --- reading incidents: type mapping, date format and time field reach every step ----------------

INCIDENT_INPUTS = ("CRIME_TYPE_MAP", "DATE_FORMAT", "TIME_FIELD")


def test_the_models_pass_the_incident_inputs_to_every_step_that_reads_incidents(ypo_provider):
    registry = QgsApplication.processingRegistry()
    readers_of = {
        FULL_PLAN: ["grid", "manning", "maps"],
        QUARTERLY_REVIEW: ["grid", "manning", "maps", "threat"],
        THREAT_MODEL: ["grid", "threat"],
    }
    for model_id in MODELS:
        model = ypo_provider.algorithm(model_id[4:])
        readers = []
        for child in model.childAlgorithms().values():
            algorithm = registry.algorithmById(child.algorithmId())
            if algorithm.parameterDefinition("DATE_FIELD") is not None:  # reads the incidents' dates
                readers.append(child.childId())
                for name in ("CRIMES", "CRIME_TYPE_FIELD", "DATE_FIELD", *INCIDENT_INPUTS):
                    sources = child.parameterSources()[name]
                    assert [source.parameterName() for source in sources] == [name], (model_id, name)
        assert sorted(readers) == readers_of[model_id], model_id


def test_the_models_help_lists_the_incident_inputs(qgis_process):
    for model_id in MODELS:
        text = qgis_process("help", model_id).stdout
        for name in INCIDENT_INPUTS:
            assert f"\n{name}: " in text, (model_id, name)
        assert "band_unknown" in text  # what an incident without a time of day becomes


def test_quarterly_review_on_an_export_with_codes_and_separate_date_and_time(
    qgis_process, sample, full_plan, tmp_path
):
    """The sample's incidents rewritten as a foreign export: type codes, '05 Sep 2026' dates (read
    only with DATE_FORMAT: without it a step would stop on unreadable dates) and hh:mm times in a
    column of their own."""
    layer = QgsVectorLayer(sample_layer(sample, "crimes"), "crimes", "ogr")
    export = tmp_path / "export.csv"
    period, previous = REVIEW_ROWS[0]
    types, bands = Counter(), Counter()
    with open(export, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["x", "y", "offence", "day", "clock"])
        for feature in layer.getFeatures():
            point = feature.geometry().asPoint()
            occurred = feature["occurred"].toPyDateTime()
            code = f"CODE {feature['crime_type'].upper()}"
            writer.writerow([point.x(), point.y(), code, occurred.strftime("%d %b %Y"), f"{occurred:%H:%M}"])
            if period[0] <= occurred.date() <= period[1]:
                types[feature["crime_type"]] += 1
                hour = occurred.hour
                bands[
                    "band_07_15" if 7 <= hour < 15 else "band_15_23" if 15 <= hour < 23 else "band_23_07"
                ] += 1
    crs = layer.crs().authid()
    del layer
    type_map = "; ".join(f"CODE {name.upper()}={name}" for name in CRIME_TYPES)
    out = tmp_path / "review"
    out.mkdir()
    results = qgis_process.run(
        QUARTERLY_REVIEW,
        SECTORS=full_plan[1] / "sectors.gpkg",
        POPULATION=sample_layer(sample, "units"),
        CRIMES=f"delimitedtext://file://{export}?delimiter=,&xField=x&yField=y&crs={crs}&detectTypes=no",
        CRIME_TYPE_FIELD="offence",
        CRIME_TYPE_MAP=type_map,
        DATE_FIELD="day",
        DATE_FORMAT="%d %b %Y",
        TIME_FIELD="clock",
        PERIOD_START=period[0].isoformat(),
        PERIOD_END=period[1].isoformat(),
        COMPARE_START=previous[0].isoformat(),
        COMPARE_END=previous[1].isoformat(),
        **{
            "manning:sectors": out / "manning.gpkg",
            "grid:cells": out / "grid.gpkg",
            "maps:folder": out / "maps",
        },
    )["results"]
    assert results["manning:sectors"] == str(out / "manning.gpkg")
    type_fields = [f"crimes_{name}" for name in CRIME_TYPES]
    for path in (out / "manning.gpkg", out / "grid.gpkg"):  # both steps mapped the codes
        rows = read(path, type_fields)
        assert {name: sum(row[f"crimes_{name}"] for row in rows) for name in CRIME_TYPES} == {
            name: types[name] for name in CRIME_TYPES
        }, path.name
    cells = read(out / "grid.gpkg", [*bands, "band_unknown"])
    assert {name: sum(row[name] for row in cells) for name in bands} == dict(bands)  # the time field
    assert sum(row["band_unknown"] for row in cells) == 0
    assert len(sorted((out / "maps").glob("*.pdf"))) == 1


# --- the quarterly threat assessment, counted a second way ----------------------------------------

GANG = "gang_related"


@pytest.fixture(scope="module")
def gang_crimes(sample, tmp_path_factory):
    """The sample's incidents with a gang flag: the sample's own ``gang_related`` when it has one,
    else a deterministic one (every fifth incident, "yes"/"no"); (GeoPackage layer, frame)."""
    import geopandas as gpd

    crimes = gpd.read_file(sample, layer="crimes")
    if GANG not in crimes.columns:
        crimes[GANG] = ["yes" if number % 5 == 0 else "no" for number in crimes["crime_id"]]
        path = tmp_path_factory.mktemp("gang") / "crimes.gpkg"
        crimes.to_file(path, layer="crimes", driver="GPKG")
        layer = sample_layer(path, "crimes")
    else:
        layer = sample_layer(sample, "crimes")
    crimes["occurred"] = pd_datetimes(crimes["occurred"])
    return layer, crimes


def pd_datetimes(column):
    import pandas as pd

    return pd.to_datetime(column).dt.tz_localize(None) if hasattr(column, "dt") else pd.to_datetime(column)


def full_quarters(occurred) -> list[tuple[date, date]]:
    """The calendar quarters (first day, first day of the next) lying wholly within the days of
    ``occurred``, oldest first: worked out here, not by the plugin."""
    first, last = occurred.min().date(), occurred.max().date()
    quarters = []
    start = date(first.year, 3 * ((first.month - 1) // 3) + 1, 1)
    while start <= last:
        following = date(start.year + (start.month == 10), (start.month + 2) % 12 + 1, 1)
        if start >= first and following - timedelta(days=1) <= last:
            quarters.append((start, following))
        start = following
    return quarters


def expected_threats(sectors, exposed, crimes, quarter, compare):
    """Per area (sector ids, exposed names, "station"): incidents and gang-related incidents now and
    before, by a spatial join (geopandas) and scipy's binomial test."""
    import geopandas as gpd
    from scipy.stats import binomtest

    flags = crimes[GANG].astype(str).str.strip().str.lower().isin({"yes", "true", "1", "ja"})
    periods = {}
    for name, (start, end) in (("now", quarter), ("before", compare)):
        periods[name] = (crimes["occurred"] >= str(start)) & (crimes["occurred"] < str(end))
    located = gpd.GeoDataFrame({"gang": flags, **periods}, geometry=crimes.geometry, crs=crimes.crs)
    rows = {}
    for areas, key in ((sectors, "sector_id"), (exposed, "name")):
        joined = gpd.sjoin(located, areas[[key, "geometry"]].to_crs(crimes.crs), predicate="within")
        joined = joined[~joined.index.duplicated(keep="first")]  # an incident counts in one area
        for area_id in areas[key]:
            rows[str(area_id)] = joined[joined[key] == area_id]
        if key == "sector_id":
            rows["station"] = joined
    days_now, days_before = ((end - start).days for start, end in (quarter, compare))
    expected = {}
    for area_id, inside in rows.items():
        now, before = int(inside["now"].sum()), int(inside["before"].sum())
        p_value = (
            binomtest(now, now + before, days_now / (days_now + days_before)).pvalue if now + before else 1.0
        )
        gang_now = int((inside["now"] & inside["gang"]).sum())
        gang_before = int((inside["before"] & inside["gang"]).sum())
        expected[area_id] = (now, before, gang_now, gang_before, p_value)
    return expected


def threat_rows(path):
    names = [
        "area_kind",
        "area_id",
        "population",
        "incidents_now",
        "incidents_before",
        "gang_now",
        "gang_before",
    ]
    return {row["area_id"]: row for row in read(path, [*names, "p_value", "significant"])}


def assert_threats_match(table, expected):
    assert set(table) == set(expected)
    for area_id, (now, before, gang_now, gang_before, p_value) in expected.items():
        row = table[area_id]
        assert (row["incidents_now"], row["incidents_before"]) == (now, before), area_id
        assert (row["gang_now"], row["gang_before"]) == (gang_now, gang_before), area_id
        assert row["p_value"] == pytest.approx(p_value, rel=1e-9, abs=1e-15), area_id
        assert row["significant"] == (p_value < 0.05), area_id


def test_threat_model_in_the_modeler_against_a_second_count(
    ypo_provider, sample, full_plan, gang_crimes, tmp_path
):
    """processing.run of the model, as the Modeler runs it, on the sample district; the table
    checked against geopandas + scipy, the grid against the same quarter and comparison."""
    import geopandas as gpd
    from qgis import processing
    from qgis.core import QgsProcessingFeedback

    layer, crimes = gang_crimes
    sectors_path = full_plan[1] / "sectors.gpkg"
    results = processing.run(
        THREAT_MODEL,
        {
            "SECTORS": str(sectors_path),
            "CRIMES": layer,
            "GANG_FIELD": GANG,
            "EXPOSED_AREAS": sample_layer(sample, "exposed_areas"),
            "POPULATION": sample_layer(sample, "units"),
            "threat:table": str(tmp_path / "threats.gpkg"),
            "threat:report": str(tmp_path / "threats.pdf"),
            "grid:cells": str(tmp_path / "grid.gpkg"),
        },
        feedback=QgsProcessingFeedback(),
    )
    quarter = full_quarters(crimes["occurred"])[-1]  # the default: the last full quarter in the data
    previous = date(quarter[0].year - (quarter[0].month == 1), (quarter[0].month - 4) % 12 + 1, 1)
    compare = (previous, quarter[0])
    sectors = gpd.read_file(sectors_path, layer="sectors")
    exposed = gpd.read_file(sample, layer="exposed_areas")
    table = threat_rows(results["threat:table"])
    assert_threats_match(table, expected_threats(sectors, exposed, crimes, quarter, compare))
    assert table["station"]["population"] == pytest.approx(SAMPLE_POPULATION)
    assert sum(row["population"] for row in table.values() if row["area_kind"] == "sector") == pytest.approx(
        SAMPLE_POPULATION
    )
    assert pdf_pages(results["threat:report"]) == 1 + SAMPLE_SECTORS
    cells = read(results["grid:cells"], ["crimes_total", "compare_total"])
    assert sum(row["crimes_total"] for row in cells) == table["station"]["incidents_now"]
    assert sum(row["compare_total"] for row in cells) == table["station"]["incidents_before"]


def batch_rows(crimes) -> list[tuple[tuple[date, date], tuple[date, date]]]:
    """Rows of (period, comparison), as [first day, day after the last): the last two full quarters
    of the data, each against the quarter before; with only one, its last two months each against
    the month before."""
    quarters = full_quarters(crimes["occurred"])
    if len(quarters) >= 3:
        return [(quarters[-1], quarters[-2]), (quarters[-2], quarters[-3])]
    start = quarters[-1][0]
    months = [date(start.year, start.month + offset, 1) for offset in range(3)] + [quarters[-1][1]]
    return [
        ((months[2], months[3]), (months[1], months[2])),
        ((months[1], months[2]), (months[0], months[1])),
    ]


def test_threat_model_in_a_batch_of_quarters(qgis_process, sample, full_plan, gang_crimes, tmp_path):
    import geopandas as gpd

    layer, crimes = gang_crimes
    rows = batch_rows(crimes)
    sectors_path = full_plan[1] / "sectors.gpkg"

    def last_day(period):
        return (period[1] - timedelta(days=1)).isoformat()

    def run_row(index):
        (period, compare), out = rows[index], tmp_path / f"row{index}"
        out.mkdir()
        return qgis_process.run(
            THREAT_MODEL,
            SECTORS=sectors_path,
            CRIMES=layer,
            GANG_FIELD=GANG,
            EXPOSED_AREAS=sample_layer(sample, "exposed_areas"),
            PERIOD_START=period[0].isoformat(),
            PERIOD_END=last_day(period),
            COMPARE_START=compare[0].isoformat(),
            COMPARE_END=last_day(compare),
            **{
                "threat:table": out / "threats.gpkg",
                "threat:report": out / "threats.pdf",
                "grid:cells": out / "grid.gpkg",
            },
        )["results"]

    with ThreadPoolExecutor(max_workers=len(rows)) as pool:  # rows run side by side
        results = list(pool.map(run_row, range(len(rows))))
    sectors = gpd.read_file(sectors_path, layer="sectors")
    exposed = gpd.read_file(sample, layer="exposed_areas")
    station_counts = []
    for (period, compare), result in zip(rows, results, strict=True):
        table = threat_rows(result["threat:table"])
        assert_threats_match(table, expected_threats(sectors, exposed, crimes, period, compare))
        assert pdf_pages(result["threat:report"]) == 1 + SAMPLE_SECTORS
        cells = read(result["grid:cells"], ["crimes_total", "compare_total"])
        assert sum(row["compare_total"] for row in cells) == table["station"]["incidents_before"]
        station_counts.append(table["station"]["incidents_now"])
    assert min(station_counts) > 0 and station_counts[0] != station_counts[1]
