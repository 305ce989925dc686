"""ypo:threatassessment on two 1 km sectors, counted by hand; p-values against scipy's binomtest."""

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer
from scipy.stats import binomtest

from ..conftest import Recorder
from ..layers import X0, Y0, box, memory_layer, point, save_layers
from .publication_data import pdf_pages, pdf_text

SECTORS = [(box(0, 0, 1000, 1000), "S1"), (box(1000, 0, 2000, 1000), "S2")]
EXPOSED = [(box(0, 0, 500, 500), "Estate")]  # inside S1
POPULATION = [(point(250, 250), 400), (point(750, 750), 600), (point(1500, 500), 500)]
INCIDENTS = [
    # x, y, type, date, gang. The quarter 2026-07-01 … 09-30 (92 days), the one before 04-01 … 06-30 (91)
    (100, 100, "violence", "2026-07-05", "yes"),  # S1, Estate
    (200, 200, "drugs", "2026-08-10", "no"),  # S1, Estate
    (700, 700, "theft", "2026-09-30", ""),  # S1, the data's last day
    (800, 300, "Vold", "2026-09-01", "Ja"),  # S1 (Danish type and flag)
    (100, 300, "violence", "2026-05-01", "true"),  # S1, Estate, before
    (1500, 500, "burglary", "2026-07-20", "nej"),  # S2
    (1500, 100, "theft", "2026-04-01", "0"),  # S2, before
    (1600, 600, "theft", "2026-06-30", None),  # S2, before
    (1700, 700, "vandalism", "2026-05-15", "no"),  # S2, before
    (1800, 800, "theft", "2025-08-05", "no"),  # S2, a year before the quarter: the data's first day
    (5000, 5000, "theft", "2026-08-01", "yes"),  # in no sector
]
NOW, BEFORE = 92, 91
# by hand: (incidents now, before, gang now, before) per area
COUNTS = {"S1": (4, 1, 2, 1), "S2": (1, 3, 0, 0), "Estate": (2, 1, 1, 1), "station": (5, 4, 2, 1)}


@pytest.fixture()
def layers():
    return {
        "SECTORS": memory_layer("Polygon", ["sector_id:string"], SECTORS, name="sectors"),
        "EXPOSED_AREAS": memory_layer("Polygon", ["name:string"], EXPOSED, name="exposed"),
        "POPULATION": memory_layer("Point", ["population:integer"], POPULATION, name="population"),
        "CRIMES": memory_layer(
            "Point",
            ["crime_type:string", "occurred:string", "gang:string"],
            [(point(x, y), kind, day, gang) for x, y, kind, day, gang in INCIDENTS],
            name="crimes",
        ),
    }


def rows(path):
    layer = QgsVectorLayer(str(path), "table", "ogr")
    names = layer.fields().names()
    table = {
        feature["area_id"]: dict(zip(names, feature.attributes(), strict=True))
        for feature in layer.getFeatures()
    }
    del layer
    return table


def run(run_algorithm, layers, tmp_path, feedback=None, **extra):
    path = tmp_path / "threats.gpkg"
    parameters = {**layers, "GANG_FIELD": "gang", "OUTPUT": str(path), **extra}
    results, _ = run_algorithm("ypo:threatassessment", parameters, feedback)
    return results, rows(path)


def test_counts_changes_and_p_values_by_hand(run_algorithm, layers, tmp_path):
    results, table = run(run_algorithm, layers, tmp_path)
    # the default: the last full quarter in the data and the quarter before
    assert [results[name] for name in ("QUARTER_FIRST_DAY", "QUARTER_LAST_DAY")] == [
        "2026-07-01",
        "2026-09-30",
    ]
    assert [results[name] for name in ("COMPARE_FIRST_DAY", "COMPARE_LAST_DAY")] == [
        "2026-04-01",
        "2026-06-30",
    ]
    assert {area: row["area_kind"] for area, row in table.items()} == {
        "S1": "sector",
        "S2": "sector",
        "Estate": "exposed_area",
        "station": "station",
    }
    for area, (now, before, gang_now, gang_before) in COUNTS.items():
        row = table[area]
        assert (row["incidents_now"], row["incidents_before"]) == (now, before), area
        assert (row["gang_now"], row["gang_before"]) == (gang_now, gang_before), area
        assert row["change_pct"] == pytest.approx(
            100 * (now / NOW - before / BEFORE) / (before / BEFORE)
        ), area
        expected_p = binomtest(now, now + before, NOW / (NOW + BEFORE)).pvalue
        assert row["p_value"] == pytest.approx(expected_p), area
        assert row["significant"] == (expected_p < 0.05), area
    for name in ("incidents_now", "incidents_before", "gang_now", "gang_before", "population"):
        assert table["station"][name] == table["S1"][name] + table["S2"][name], name
    assert [table[area]["population"] for area in ("S1", "S2", "Estate")] == pytest.approx([1000, 500, 400])
    assert (table["S1"]["violence_now"], table["S1"]["drugs_now"], table["S1"]["theft_now"]) == (2, 1, 1)
    assert (table["S2"]["theft_before"], table["S2"]["vandalism_before"], table["S2"]["burglary_now"]) == (
        2,
        1,
        1,
    )
    x, y = int(X0), int(Y0)  # the cells' corners in the layer's metres
    assert table["S1"]["busiest_cells"] == f"{x}, {y}: 2; {x + 750}, {y + 250}: 1; {x + 500}, {y + 500}: 1"


def test_the_same_quarter_a_year_earlier(run_algorithm, layers, tmp_path):
    feedback = Recorder()
    results, table = run(run_algorithm, layers, tmp_path, feedback, COMPARE_WITH="year_before")
    assert [results["COMPARE_FIRST_DAY"], results["COMPARE_LAST_DAY"]] == ["2025-07-01", "2025-09-30"]
    assert [table[area]["incidents_before"] for area in ("S1", "S2", "station")] == [0, 1, 1]
    assert table["S2"]["change_pct"] == pytest.approx(100 * (1 / 92 - 1 / 92) / (1 / 92))
    assert any("begins before the first incident (2025-08-05)" in text for text in feedback.warnings)


def test_given_periods_in_another_crs(run_algorithm, layers, tmp_path):
    wgs84 = {
        "SECTORS": memory_layer("Polygon", ["sector_id:string"], SECTORS, "EPSG:4326", "sectors"),
        "CRIMES": memory_layer(
            "Point",
            ["crime_type:string", "occurred:string", "gang:string"],
            [(point(x, y), kind, day, gang) for x, y, kind, day, gang in INCIDENTS],
            "EPSG:4326",
            "crimes",
        ),
    }
    _, table = run(
        run_algorithm,
        {**layers, **wgs84},
        tmp_path,
        PERIOD_START="2026-08-01",
        PERIOD_END="2026-09-30",
        COMPARE_START="2026-05-01",
        COMPARE_END="2026-06-30",
    )
    # S1: 08-10, 09-30, 09-01 against 05-01; S2: none against 05-15 and 06-30
    assert [(table[a]["incidents_now"], table[a]["incidents_before"]) for a in ("S1", "S2")] == [
        (3, 1),
        (0, 2),
    ]
    assert table["S1"]["p_value"] == pytest.approx(binomtest(3, 4, 61 / (61 + 61)).pvalue)


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"PERIOD_START": "2026-07-01"}, "Give both PERIOD_START and PERIOD_END, or neither"),
        (
            {"PERIOD_START": "2026-09-30", "PERIOD_END": "2026-07-01"},
            r"PERIOD_START \(2026-09-30\) must be before",
        ),
        (
            {"COMPARE_START": "2026-06-01", "COMPARE_END": "2026-07-15"},
            r"comparison period \(2026-06-01 to 2026-07-15\) overlaps the quarter \(2026-07-01 to 2026-09",
        ),
        ({"GANG_FIELD": "occurred"}, "GANG_FIELD 'occurred' holds values that are neither yes nor no"),
        ({"GANG_FIELD": "gangs"}, "GANG_FIELD: the layer 'Crime incidents' .* has no field 'gangs'"),
        (
            {"EXPOSED_NAME_FIELD": "title"},
            "EXPOSED_NAME_FIELD: the layer 'Particularly exposed housing areas'",
        ),
    ],
)
def test_bad_input_is_named(run_algorithm, layers, tmp_path, extra, message):
    with pytest.raises(QgsProcessingException, match=message):
        run(run_algorithm, layers, tmp_path, **extra)


def test_a_quarter_without_incidents_is_said(run_algorithm, layers, tmp_path):
    feedback = Recorder()
    _, table = run(
        run_algorithm, layers, tmp_path, feedback, PERIOD_START="2027-01-01", PERIOD_END="2027-03-31"
    )
    assert table["station"]["incidents_now"] == 0 and table["station"]["incidents_before"] == 0
    assert "No incident in the quarter 2027-01-01 to 2027-03-31: every count is 0." in feedback.warnings


def test_progress_and_cancel(run_algorithm, layers, tmp_path):
    feedback = QgsProcessingFeedback()
    seen = []
    feedback.progressChanged.connect(seen.append)
    run(run_algorithm, layers, tmp_path, feedback, OUTPUT_REPORT=str(tmp_path / "report.pdf"))
    assert seen[-1] == 100 and {20, 50, 70} <= set(seen)
    cancelled = QgsProcessingFeedback()
    cancelled.progressChanged.connect(lambda percent: cancelled.cancel() if percent >= 50 else None)
    report = tmp_path / "cancelled.pdf"
    results, _ = run_algorithm(
        "ypo:threatassessment",
        {**layers, "OUTPUT": str(tmp_path / "cancelled.gpkg"), "OUTPUT_REPORT": str(report)},
        cancelled,
    )
    assert "OUTPUT_REPORT" not in results and not report.exists()


def test_report_through_qgis_process(qgis_process, layers, tmp_path):
    paths = save_layers(layers, tmp_path)
    report = tmp_path / "threat_assessment.pdf"
    results = qgis_process.run(
        "ypo:threatassessment",
        **paths,
        GANG_FIELD="gang",
        OUTPUT=str(tmp_path / "threats.gpkg"),
        OUTPUT_REPORT=str(report),
    )["results"]
    assert results["QUARTER_FIRST_DAY"] == "2026-07-01"
    assert rows(tmp_path / "threats.gpkg")["station"]["incidents_now"] == 5
    assert pdf_pages(report) == 1 + len(SECTORS)
    text = " ".join(pdf_text(report).split())
    assert "Quarterly threat assessment" in text
    assert "Gang-related incidents Station: 1 → 2" in text
    assert "Sector S1" in text and "Sector S2" in text
    assert "Exposed area Estate: 1 → 2" in text
