"""ypo:evaluateinitiative on five 1 km sectors in a row, counted by hand."""

import math
import subprocess

import geopandas as gpd
import pandas as pd
import pytest
from qgis.core import QgsProcessingException

from ..layers import box, memory_layer, point, save_layers
from ..sample_initiative import PLACEBO, START, counts, displacement_quotient, rate_ratio

# S1 … S5 along x; S1 and S2 are the initiative's target; a 500 m ring reaches x = 2500 (half of S3).
SECTORS = [
    (box(1000 * i, 0, 1000 * (i + 1), 1000), f"S{i + 1}", "N" if i < 3 else "S", i < 2) for i in range(5)
]
INCIDENTS = [
    # x, y, type, date: before = 2026-01-01 … 2026-02-28 (59 days), after = 2026-03-01 … 2026-03-31 (31)
    (500, 500, "burglary", "2026-01-10"),
    (1500, 500, "burglary", "2026-02-10"),
    (1600, 500, "Indbrud", "2026-02-11"),
    (700, 200, "burglary", "2026-03-05"),
    (1500, 500, "theft", "2026-03-05"),  # another type
    (2200, 500, "burglary", "2026-01-20"),  # ring
    (2300, 500, "burglary", "2026-03-20"),  # ring
    (2400, 600, "burglary", "2026-03-21"),  # ring
    (2800, 500, "burglary", "2026-03-22"),  # S3 beyond the ring: neither ring nor comparison
    (3500, 500, "burglary", "2026-01-01"),  # comparison S4, the first day of the data
    (4500, 500, "burglary", "2026-02-02"),  # comparison S5
    (4200, 500, "burglary", "2026-03-31"),  # comparison S5
    (4300, 500, "burglary", "2026-04-01"),  # after the after window: the data runs to here
]


@pytest.fixture()
def layers():
    sectors = memory_layer(
        "Polygon", ["sector_id:string", "district:string", "target:boolean"], SECTORS, name="sectors"
    )
    crimes = memory_layer(
        "Point",
        ["crime_type:string", "occurred:string"],
        [(point(x, y), kind, date) for x, y, kind, date in INCIDENTS],
        name="crimes",
    )
    return sectors, crimes


def parameters(layers, **extra):
    sectors, crimes = layers
    return {
        "SECTORS": sectors,
        "CRIMES": crimes,
        "CRIME_TYPES": ["burglary"],
        "START": "2026-03-01",
        "BEFORE_DAYS": 59,
        "AFTER_DAYS": 31,
        **extra,
    }


def test_counts_and_figures(run_algorithm, layers):
    results, _ = run_algorithm("ypo:evaluateinitiative", parameters(layers, TARGET_IDS="S1, S2"))
    counted = {
        name: results[name] for name in ("T_BEFORE", "T_AFTER", "B_BEFORE", "B_AFTER", "C_BEFORE", "C_AFTER")
    }
    assert counted == {"T_BEFORE": 3, "T_AFTER": 1, "B_BEFORE": 1, "B_AFTER": 2, "C_BEFORE": 2, "C_AFTER": 1}
    assert results["RR"] == pytest.approx((1 / 3) / (1 / 2))
    standard_error = math.sqrt(1 / 1 + 1 / 3 + 1 / 1 + 1 / 2)
    assert results["RR_LOW"] == pytest.approx(math.exp(math.log(2 / 3) - 1.96 * standard_error))
    # (2/1 − 1/2) / (1/1 − 3/2) = 1.5 / −0.5 = −3: more moved than the target gained
    assert results["WDQ"] == pytest.approx(-3.0)
    assert results["READING"].startswith("Displacement exceeds the effect")


def test_a_target_field_names_the_same_sectors(run_algorithm, layers):
    by_field, _ = run_algorithm("ypo:evaluateinitiative", parameters(layers, TARGET_FIELD="target"))
    by_ids, _ = run_algorithm("ypo:evaluateinitiative", parameters(layers, TARGET_IDS="S1,S2"))
    assert by_field == by_ids


def test_same_district_leaves_only_the_districts_sectors(run_algorithm, layers):
    # district N holds S1–S3: S3 touches the ring, so no sector is left to compare with
    with pytest.raises(QgsProcessingException, match="No sector is left to compare with"):
        run_algorithm(
            "ypo:evaluateinitiative", parameters(layers, TARGET_FIELD="target", COMPARISON="same_district")
        )


def test_no_target_and_unknown_ids_are_refused(run_algorithm, layers):
    with pytest.raises(QgsProcessingException, match="either in TARGET_IDS"):
        run_algorithm("ypo:evaluateinitiative", parameters(layers))
    with pytest.raises(
        QgsProcessingException, match="no sector S9 in SECTORS; the ids are S1, S2, S3, S4, S5"
    ):
        run_algorithm("ypo:evaluateinitiative", parameters(layers, TARGET_IDS="S1,S9"))


def test_a_start_outside_the_data_is_refused(run_algorithm, layers):
    with pytest.raises(QgsProcessingException, match="The incidents run from 2026-01-01 to 2026-04-01"):
        run_algorithm("ypo:evaluateinitiative", parameters(layers, TARGET_IDS="S1", START="2026-03-20"))


def test_report_through_qgis_process(qgis_process, layers, tmp_path):
    sectors, crimes = layers
    paths = save_layers({"sectors": sectors, "crimes": crimes}, tmp_path)
    report = tmp_path / "initiative.pdf"
    results = qgis_process.run(
        "ypo:evaluateinitiative",
        SECTORS=paths["sectors"],
        CRIMES=paths["crimes"],
        TARGET_IDS="S1,S2",
        CRIME_TYPES="burglary",
        START="2026-03-01",
        BEFORE_DAYS=59,
        AFTER_DAYS=31,
        OUTPUT_REPORT=str(report),
    )["results"]
    assert (results["T_BEFORE"], results["T_AFTER"], results["WDQ"]) == (3, 1, pytest.approx(-3.0))
    text = subprocess.run(["pdftotext", str(report), "-"], capture_output=True, text=True, check=True).stdout
    assert "Evaluation of an initiative" in text
    assert "Target: 3 incidents before, 1 after." in " ".join(text.split())


@pytest.fixture(scope="module")
def sample_district(run_algorithm, tmp_path_factory):
    path = tmp_path_factory.mktemp("initiative") / "sample.gpkg"
    run_algorithm("ypo:createsampledistrict", {"SEED": 1, "OUTPUT": str(path)})
    return path


@pytest.mark.parametrize("start", [START, PLACEBO], ids=["planted", "placebo"])
def test_the_sample_districts_planted_initiative(run_algorithm, sample_district, start):
    """The algorithm's counts equal an independent geopandas count; the planted start gives a rate
    ratio whose interval excludes 1 and a negative quotient (displacement), a start a quarter
    earlier an interval around 1."""
    results, _ = run_algorithm(
        "ypo:evaluateinitiative",
        {
            "SECTORS": f"{sample_district}|layername=index_areas",
            "SECTOR_ID_FIELD": "area_id",
            "TARGET_FIELD": "initiative",
            "CRIMES": f"{sample_district}|layername=crimes",
            "START": start.strftime("%Y-%m-%d"),
        },
    )
    areas = gpd.read_file(sample_district, layer="index_areas")
    crimes = gpd.read_file(sample_district, layer="crimes")
    crimes["occurred"] = pd.to_datetime(crimes["occurred"])
    found = counts(areas, crimes, start)
    for key in ("T", "B", "C"):
        assert results[f"{key}_BEFORE"] == found[f"{key}_before"]
        assert results[f"{key}_AFTER"] == found[f"{key}_after"]
    ratio, low, high = rate_ratio(found)
    assert results["RR"] == pytest.approx(ratio, rel=1e-12)
    assert (results["RR_LOW"], results["RR_HIGH"]) == pytest.approx((low, high), rel=1e-12)
    expected_wdq = displacement_quotient(found)
    assert results["WDQ"] == (None if expected_wdq is None else pytest.approx(expected_wdq, rel=1e-12))
    if start == START:
        assert results["RR_HIGH"] < 1.0 and results["WDQ"] < 0.0
    else:
        assert results["RR_LOW"] < 1.0 < results["RR_HIGH"]
