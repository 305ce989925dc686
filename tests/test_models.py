"""The shipped Processing models: listed by the provider, explained, reproducible from
tools/make_models.py, and run through qgis_process on the sample district."""

import csv
import subprocess
import sys
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, time, timedelta

import pytest
from qgis.core import QgsApplication, QgsVectorLayer

from tests.conftest import ROOT

CRIME_TYPES = ("violence", "burglary", "theft", "drugs", "vandalism", "harassment")

FULL_PLAN = "ypo:fullsectorplan"
QUARTERLY_REVIEW = "ypo:quarterlyreview"
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


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


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


def test_the_provider_lists_both_models(ypo_provider):
    models = {algorithm.id(): algorithm for algorithm in ypo_provider.algorithms()}
    assert models[FULL_PLAN].displayName() == "Full sector plan"
    assert models[QUARTERLY_REVIEW].displayName() == "Quarterly review"
    for model_id in (FULL_PLAN, QUARTERLY_REVIEW):
        model = models[model_id]
        assert model.group() == "Models"
        assert model.create().id() == model_id  # the instance the toolbox and batch runs use
        help_content = model.helpContent()
        assert help_content["ALG_DESC"] and help_content["SHORT_DESCRIPTION"]
        assert "batch" in help_content["ALG_DESC"].lower()
        for definition in model.parameterDefinitions():  # every input and output explained
            assert help_content.get(definition.name()), (model_id, definition.name())


def test_the_outputs_are_named_by_step(ypo_provider):
    outputs = {
        model_id: {output.name() for output in ypo_provider.algorithm(model_id[4:]).outputDefinitions()}
        for model_id in (FULL_PLAN, QUARTERLY_REVIEW)
    }
    assert {
        "split:sectors",
        "split:units",
        "manning:sectors",
        "grid:cells",
        "validate:errors",
        "maps:folder",
    } <= outputs[FULL_PLAN]
    assert {"manning:sectors", "grid:cells", "maps:folder"} <= outputs[QUARTERLY_REVIEW]


def test_the_shipped_models_are_what_the_generator_writes():
    check = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_models.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert check.returncode == 0, f"run tools/make_models.py:\n{check.stdout}\n{check.stderr}"


# --- run through qgis_process ---------------------------------------------------------


def test_full_sector_plan_on_the_sample_district(full_plan):
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


def test_quarterly_review_in_a_batch_of_two_periods(qgis_process, sample, full_plan, tmp_path):
    sectors = full_plan[1] / "sectors.gpkg"

    def run_row(index):
        (start, end), (previous_start, previous_end) = REVIEW_ROWS[index]
        out = tmp_path / f"row{index}"
        out.mkdir()  # GeoPackages are written into an existing folder
        results = qgis_process.run(
            QUARTERLY_REVIEW,
            SECTORS=sectors,
            POPULATION=sample_layer(sample, "units"),
            CRIMES=sample_layer(sample, "crimes"),
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
    for model_id in (FULL_PLAN, QUARTERLY_REVIEW):
        model = ypo_provider.algorithm(model_id[4:])
        readers = []
        for child in model.childAlgorithms().values():
            algorithm = registry.algorithmById(child.algorithmId())
            if algorithm.parameterDefinition("DATE_FIELD") is not None:  # reads the incidents' dates
                readers.append(child.childId())
                for name in ("CRIMES", "CRIME_TYPE_FIELD", "DATE_FIELD", *INCIDENT_INPUTS):
                    sources = child.parameterSources()[name]
                    assert [source.parameterName() for source in sources] == [name], (model_id, name)
        assert sorted(readers) == ["grid", "manning", "maps"], model_id


def test_the_models_help_lists_the_incident_inputs(qgis_process):
    for model_id in (FULL_PLAN, QUARTERLY_REVIEW):
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
