"""ypo:safetyindex on four 1 km areas in a 2×2 square, every figure worked out by hand."""

import re
import subprocess

import pytest
from qgis.core import QgsProcessingException, QgsVectorFileWriter, QgsVectorLayer

from ypo_plugin.qgis_io.values import python_value

from ..conftest import Recorder
from ..layers import box, memory_layer, point

#  C | D      y 1000–2000
#  A | B      y 0–1000
AREAS = [
    (box(0, 0, 1000, 1000), "A"),
    (box(1000, 0, 2000, 1000), "B"),
    (box(0, 1000, 1000, 2000), "C"),
    (box(1000, 1000, 2000, 2000), "D"),
]
# A 1000 and B 2000 inhabitants; one unit across C and D with 1000, shared by area: 500 each.
POPULATION = [
    (box(0, 0, 1000, 1000), 1000),
    (box(1000, 0, 2000, 1000), 2000),
    (box(0, 1000, 2000, 2000), 1000),
]
CENTRE = {"A": (500, 500), "B": (1500, 500), "C": (500, 1500), "D": (1500, 1500)}
# The period 2026-01-01 … 2026-12-31 (365 days): A 4, B 2, C 4, D 0 incidents of the six types.
INCIDENTS = (
    [("A", "burglary", "2026-01-05")] * 3
    + [("A", "Indbrud", "2026-06-01")]  # Danish for burglary
    + [("B", "theft", "2026-03-03")] * 2
    + [("B", "fraud", "2026-03-04")]  # in no mapping: left out, said
    + [("C", "violence", "2026-05-05")] * 3
    + [("C", "violence", "2026-12-31T23:00:00")]  # the last day of the data
    # The previous period 2025-01-01 … 2025-12-31: two in each area.
    + [(area, "vandalism", "2025-12-31") for area in "ABCD"] * 2
)
# A: 1 2 4 5 (unsafe 2 of 4); B: 3 4 5 5 (0); C: 1 1 2 and one unanswered (3 of 3);
# D: 2 (weight 1) and 5 (weight 3): 1 of 4.
ANSWERS = [
    ("A", 1, 1.0),
    ("A", 2, 1.0),
    ("A", 4, 1.0),
    ("A", 5, 1.0),
    ("B", 3, 1.0),
    ("B", 4, 1.0),
    ("B", 5, 1.0),
    ("B", 5, 1.0),
    ("C", 1, 1.0),
    ("C", 1, 1.0),
    ("C", 2, 1.0),
    ("C", None, 1.0),
    ("D", 2, 1.0),
    ("D", 5, 3.0),
]
PREVIOUS_ANSWERS = [(area, answer, 1.0) for area in "ABCD" for answer in (1, 5)]

# By hand. Rates per 1000 a year (× 365.25/365, which the indices cancel): A 4, B 1, C 8, D 0;
# all areas 10 × 1000 / 4000 = 2.5 → crime index 160, 40, 320, 0.
# Unsafe weight 2 + 0 + 3 + 1 = 6 of 4 + 4 + 3 + 4 = 15 = 0.4 → insecurity 125, 0, 250, 62.5.
YEAR = 365.25 / 365
CRIMES_PER_1000 = [4 * YEAR, 1 * YEAR, 8 * YEAR, 0.0]
CRIME_INDEX = [160.0, 40.0, 320.0, 0.0]
UNSAFE_SHARE = [0.5, 0.0, 1.0, 0.25]
INSECURITY = [125.0, 0.0, 250.0, 62.5]
SAFETY = [142.5, 20.0, 285.0, 31.25]


def incidents_layer(crs="EPSG:25832"):
    rows = [(point(*CENTRE[area]), kind, date) for area, kind, date in INCIDENTS]
    rows.append((point(9000, 9000), "theft", "2026-02-02"))  # in no area
    return memory_layer("Point", ["crime_type:string", "occurred:string"], rows, crs, "crimes")


def survey_layer(answers=ANSWERS, crs="EPSG:25832"):
    """Respondents as points a few metres apart in their area, with the area id too."""
    rows = [
        (point(CENTRE[area][0] + 10 * n, CENTRE[area][1]), area, answer, weight)
        for n, (area, answer, weight) in enumerate(answers)
    ]
    fields = ["area:string", "answer:integer", "weight:double"]
    return memory_layer("Point", fields, rows, crs, "survey")


def survey_table(answers=ANSWERS):
    layer = QgsVectorLayer(
        "None?field=area:string&field=answer:integer&field=weight:double", "table", "memory"
    )
    layer.dataProvider().addFeatures([_feature(layer, row) for row in answers])
    return layer


def _feature(layer, attributes):
    from qgis.core import QgsFeature

    feature = QgsFeature(layer.fields())
    feature.setAttributes(list(attributes))
    return feature


def parameters(crs="EPSG:25832", **extra):
    return {
        "AREAS": memory_layer("Polygon", ["area_id:string"], AREAS, crs, "areas"),
        "POPULATION": memory_layer("Polygon", ["population:integer"], POPULATION, crs, "population"),
        "CRIMES": incidents_layer(crs),
        "PERIOD_START": "2026-01-01",
        "PERIOD_END": "2026-12-31",
        "SURVEY": survey_layer(crs=crs),
        "WEIGHT_FIELD": "weight",
        "MIN_RESPONSES": 2,
        "OUTPUT": "memory:",
        **extra,
    }


def run(run_algorithm, **extra):
    feedback = Recorder()
    results, context = run_algorithm("ypo:safetyindex", parameters(**extra), feedback)
    layer = results["OUTPUT"]
    rows = {feature["area_id"]: feature for feature in layer.getFeatures()}
    return results, [rows[area] for area in "ABCD"], feedback, layer


def column(rows, name):
    """The values of field ``name``, NULL as None."""
    return [python_value(row[name]) for row in rows]


def test_every_formula_by_hand(run_algorithm):
    results, rows, feedback, _ = run(run_algorithm)
    assert column(rows, "population") == pytest.approx([1000, 2000, 500, 500])
    assert column(rows, "incidents") == [4, 2, 4, 0]
    assert column(rows, "crimes_per_1000") == pytest.approx(CRIMES_PER_1000)
    assert column(rows, "crime_index") == pytest.approx(CRIME_INDEX)
    assert column(rows, "respondents") == [4, 4, 3, 2]
    assert column(rows, "missing_answers") == [0, 0, 1, 0]
    assert column(rows, "unsafe_share") == pytest.approx(UNSAFE_SHARE)
    assert column(rows, "insecurity_index") == pytest.approx(INSECURITY)
    assert column(rows, "safety_index") == pytest.approx(SAFETY)
    assert column(rows, "rank") == [2, 4, 1, 3]
    assert column(rows, "needs_initiative") == [True, False, True, False]
    assert column(rows, "survey_status") == ["ok"] * 4
    assert results["PERIOD"] == "2026-01-01 – 2026-12-31"
    assert results["INITIATIVE_COUNT"] == 2
    said = " ".join(feedback.warnings)
    assert "'fraud' (1)" in said and "1 survey responses without a usable answer" in said


def test_an_area_drawn_in_two_features_counts_as_one(run_algorithm):
    halves = [(box(0, 0, 500, 1000), "A"), (box(500, 0, 1000, 1000), "A"), *AREAS[1:]]
    areas = memory_layer("Polygon", ["area_id:string"], halves, name="areas")
    _, rows, feedback, layer = run(run_algorithm, AREAS=areas)
    assert layer.featureCount() == 4
    assert column(rows, "safety_index") == pytest.approx(SAFETY)
    assert "Area id 'A' occurs in 2 features; they count as one area." in feedback.warnings


def test_the_default_period_is_the_last_365_days_of_the_data(run_algorithm):
    results, rows, _, _ = run(run_algorithm, PERIOD_START=None, PERIOD_END=None)
    assert results["PERIOD"] == "2026-01-01 – 2026-12-31"
    assert column(rows, "incidents") == [4, 2, 4, 0]


def test_any_crs_gives_the_same_index(run_algorithm):
    _, rows, _, layer = run(run_algorithm, crs="EPSG:4326")
    assert layer.crs().authid() == "EPSG:4326"
    # areal weighting in the UTM zone: the unit over C and D splits in half up to projection noise
    assert column(rows, "population") == pytest.approx([1000, 2000, 500, 500], rel=1e-3)
    assert column(rows, "safety_index") == pytest.approx(SAFETY, rel=1e-3)


def test_a_tie_at_the_threshold_needs_an_initiative(run_algorithm):
    # crime alone: A's index is exactly 160 (4 / 2.5 × 100)
    _, rows, _, _ = run(run_algorithm, CRIME_WEIGHT=1, SURVEY_WEIGHT=0, THRESHOLD=160)
    assert column(rows, "safety_index") == pytest.approx(CRIME_INDEX)
    assert column(rows, "needs_initiative") == [True, False, True, False]
    _, rows, _, _ = run(run_algorithm, CRIME_WEIGHT=1, SURVEY_WEIGHT=0, THRESHOLD=160.001)
    assert column(rows, "needs_initiative") == [False, False, True, False]


def test_without_weights_every_answer_counts_once(run_algorithm):
    _, rows, _, _ = run(run_algorithm, WEIGHT_FIELD=None)
    # D: 1 of 2 unsafe; all: 6 of 13 → insecurity 100 × 0.5 / (6/13)
    assert column(rows, "unsafe_share") == pytest.approx([0.5, 0.0, 1.0, 0.5])
    assert rows[3]["insecurity_index"] == pytest.approx(100 * 0.5 * 13 / 6)


def test_too_few_responses_and_an_area_without_answers(run_algorithm):
    _, rows, feedback, _ = run(run_algorithm, MIN_RESPONSES=4)
    assert column(rows, "survey_status") == ["ok", "ok", "too few responses", "too few responses"]
    assert column(rows, "safety_index")[2:] == [None, None] and column(rows, "rank") == [1, 2, None, None]
    assert column(rows, "crime_index")[2] == pytest.approx(320.0)  # still given
    assert column(rows, "needs_initiative") == [True, False, False, False]
    assert any("fewer than 4 respondents" in w and "C (3), D (2)" in w for w in feedback.warnings)
    survey = survey_layer([row for row in ANSWERS if row[0] != "D"])
    _, rows, feedback, _ = run(run_algorithm, SURVEY=survey)
    assert rows[3]["survey_status"] == "no survey answers" and column(rows, "safety_index")[3] is None
    assert "Areas without any survey answer (no safety index): D." in feedback.warnings


def test_a_survey_table_gives_what_the_points_give(run_algorithm):
    _, by_points, _, _ = run(run_algorithm)
    _, by_table, _, _ = run(run_algorithm, SURVEY=survey_table(), SURVEY_AREA_FIELD="area")
    for name in ("respondents", "unsafe_share", "safety_index", "rank"):
        assert column(by_table, name) == column(by_points, name)


def test_change_against_the_previous_period(run_algorithm):
    _, rows, _, _ = run(run_algorithm, PREVIOUS_SURVEY=survey_layer(PREVIOUS_ANSWERS))
    # 2025: two incidents in each area → rates 2, 1, 4, 4 per 1000, all 2 → crime 100, 50, 200, 200;
    # every area half unsafe → insecurity 100 each; previous index 100, 75, 150, 150.
    assert column(rows, "safety_index_prev") == pytest.approx([100, 75, 150, 150])
    assert column(rows, "change") == pytest.approx([42.5, -55, 135, -118.75])
    explicit = {"PREVIOUS_PERIOD_START": "2025-07-01", "PREVIOUS_PERIOD_END": "2025-12-31"}
    _, same, _, _ = run(run_algorithm, PREVIOUS_SURVEY=survey_layer(PREVIOUS_ANSWERS), **explicit)
    assert column(same, "safety_index_prev") == pytest.approx([100, 75, 150, 150])


def test_progress_and_cancel(run_algorithm):
    feedback = Recorder()
    progress = []
    feedback.progressChanged.connect(progress.append)
    run_algorithm("ypo:safetyindex", parameters(), feedback)
    assert progress and max(progress) == pytest.approx(100, abs=20)
    cancelled = Recorder()
    cancelled.progressChanged.connect(lambda percent: cancelled.cancel() if percent >= 30 else None)
    results, _ = run_algorithm("ypo:safetyindex", parameters(), cancelled)
    assert cancelled.isCanceled() and "OUTPUT" not in results


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"ANSWER_FIELD": "reply"}, "ANSWER_FIELD: the layer 'Survey' (survey) has no field 'reply'"),
        ({"SURVEY_AREA_FIELD": "area", "SURVEY": "table-E"}, "'E' (1 responses)"),
        ({"SURVEY": "table"}, "SURVEY (table) has no point geometries: choose SURVEY_AREA_FIELD"),
        ({"SURVEY": "no-answers"}, "The survey has no usable answer (1–5 with a weight above 0) in any area"),
        ({"PREVIOUS_PERIOD_START": "2025-01-01"}, "A previous period needs PREVIOUS_SURVEY"),
        ({"PREVIOUS_SURVEY": "no-answers"}, "PREVIOUS_SURVEY: The survey has no usable answer"),
        ({"AREA_ID_FIELD": "name"}, "AREA_ID_FIELD: the layer 'Areas' (areas) has no field 'name'"),
    ],
)
def test_bad_input_is_named(run_algorithm, extra, message):
    surveys = {
        "table-E": lambda: survey_table(ANSWERS + [("E", 1, 1.0)]),
        "table": survey_table,
        "no-answers": lambda: survey_layer([(area, None, 1.0) for area in "ABCD"]),
    }
    for name in ("SURVEY", "PREVIOUS_SURVEY"):
        if extra.get(name) in surveys:
            extra = {**extra, name: surveys[extra[name]]()}
    with pytest.raises(QgsProcessingException, match=message.replace("(", r"\(").replace(")", r"\)")):
        run(run_algorithm, **extra)


def test_layer_and_one_page_report_through_qgis_process(qgis_process, tmp_path):
    inputs = parameters()
    paths = {}
    for name in ("AREAS", "POPULATION", "CRIMES", "SURVEY"):
        paths[name] = str(tmp_path / f"{name.lower()}.gpkg")
        layer = inputs[name]
        error = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, paths[name], layer.transformContext(), QgsVectorFileWriter.SaveVectorOptions()
        )
        assert error[0] == QgsVectorFileWriter.WriterError.NoError
    output, report = tmp_path / "safety_index.gpkg", tmp_path / "safety_index.pdf"
    results = qgis_process.run(
        "ypo:safetyindex",
        **paths,
        WEIGHT_FIELD="weight",
        MIN_RESPONSES=2,
        OUTPUT=str(output),
        OUTPUT_REPORT=str(report),
    )["results"]
    assert results["INITIATIVE_COUNT"] == 2
    layer = QgsVectorLayer(str(output), "out", "ogr")
    assert layer.fields().names()[1:] == [
        "area_id",
        "population",
        "incidents",
        "crimes_per_1000",
        "crime_index",
        "respondents",
        "missing_answers",
        "unsafe_share",
        "insecurity_index",
        "safety_index",
        "rank",
        "needs_initiative",
        "survey_status",
    ]
    assert sorted(f["safety_index"] for f in layer.getFeatures()) == pytest.approx(sorted(SAFETY))
    info = subprocess.run(["pdfinfo", str(report)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)
    text = " ".join(
        subprocess.run(
            ["pdftotext", str(report), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert "Safety index" in text and "Needs an initiative: A, C." in text
    assert "Period 2026-01-01 – 2026-12-31." in text
