"""ypo:computemanning on small layers with answers worked out by hand, on the
sample district through qgis_process, and on Chicago's real data (checked
against QGIS's own geometry engine as a second method)."""

import csv
import datetime as dt
import math
import sqlite3
from contextlib import closing

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from ..conftest import ROOT, SHARED_DATA, Recorder
from ..layers import CRS, box, memory_layer, point

ALG = "ypo:computemanning"
YEAR = 365.25 / 365.0  # the period 2026-01-01 … 2026-12-31 has 365 days; rates are per 365.25

CHICAGO = SHARED_DATA / "chicago"
CHICAGO_CRIMES = CHICAGO / "crimes_2018-01-01_to_2018-01-26.csv"
CHICAGO_MAP = ROOT / "ypo_plugin" / "resources" / "crime_type_maps" / "chicago_primary_type.txt"


# --- building layers ------------------------------------------------------------


def sectors_layer(crs=CRS, extra=()):
    """A | B side by side (1 km² each), C above both (2 km²); ``override`` is empty."""
    rows = [
        (box(0, 0, 1000, 1000), "A", None),
        (box(1000, 0, 2000, 1000), "B", None),
        (box(0, 1000, 2000, 2000), "C", None),
        *extra,
    ]
    return memory_layer("Polygon", ["sector_id:string", "override:integer"], rows, crs, "sectors")


def population_layer(crs=CRS):
    rows = [
        (box(500, 0, 1500, 1000), 3000),  # across the A|B line: 1500 + 1500
        (box(0, 0, 500, 1000), 1000),  # A
        (box(0, 1000, 2000, 2000), 12000),  # C
        (box(1500, 500, 2500, 1000), 1000),  # half in B (500), half outside (500)
    ]
    return memory_layer("Polygon", ["population:integer"], rows, crs, "population")


def when(day="2026-03-01"):
    date = QDate.fromString(day, "yyyy-MM-dd")
    return QDateTime(date, QTime(10, 0))


def crimes_layer(crs=CRS, on_line=True):
    rows = [
        (point(100, 100), "vold", when()),  # A, Danish violence
        (point(200, 100), "VOLD", when()),  # A
        (point(300, 100), "Assault", when()),  # A, English violence
        (point(400, 100), "indbrud", when()),  # A, burglary
        (point(500, 100), "hærværk", when()),  # A, vandalism
        (point(600, 100), "vold", when("2025-12-31")),  # A, before the period
        (point(1100, 100), "theft", when()),  # B
        (point(1200, 100), "narkotika", when()),  # B, drugs
        (point(1300, 100), "fly tipping", when()),  # B, unknown type
        (point(100, 1500), "chikane", when()),  # C, harassment
        (point(3000, 500), "theft", when()),  # outside every sector
    ]
    if on_line:
        rows.append((point(1000, 500), "theft", when()))  # on the A|B line: the first sector, A
    return memory_layer("Point", ["crime_type:string", "occurred:datetime"], rows, crs, "crimes")


def base_parameters(tmp_path, crs=CRS, population_crs=None, crimes_crs=None, on_line=True, **extra):
    return {
        "SECTORS": sectors_layer(crs),
        "SECTOR_ID_FIELD": "sector_id",
        "POPULATION": population_layer(population_crs or crs),
        "POPULATION_FIELD": "population",
        "CRIMES": crimes_layer(crimes_crs or crs, on_line),
        "CRIME_TYPE_FIELD": "crime_type",
        "DATE_FIELD": "occurred",
        "PERIOD_START": "2026-01-01",
        "PERIOD_END": "2026-12-31",
        "FACTOR_THRESHOLDS": "5; 1; 0.5; 0.1",
        "OUTPUT": str(tmp_path / "manning.gpkg"),
        **extra,
    }


def run(run_algorithm, parameters):
    feedback = Recorder()
    results, context = run_algorithm(ALG, parameters, feedback)
    layer = QgsVectorLayer(results["OUTPUT"], "manning", "ogr")
    assert layer.isValid()
    rows = {f["sector_id"]: f for f in layer.getFeatures()}
    return results, rows, layer, feedback, context


# --- hand-worked answers -------------------------------------------------------------


def test_population_crime_need_factor_and_officers_by_hand(run_algorithm, tmp_path):
    results, rows, layer, feedback, _ = run(run_algorithm, base_parameters(tmp_path))
    assert set(rows) == {"A", "B", "C"}
    a, b, c = rows["A"], rows["B"], rows["C"]
    # Areal interpolation: A = 1000 + 3000/2, B = 3000/2 + 1000/2, C = 12000; 500 outside.
    assert a["population"] == pytest.approx(2500, rel=1e-12)
    assert b["population"] == pytest.approx(2000, rel=1e-12)
    assert c["population"] == pytest.approx(12000, rel=1e-12)
    assert results["POPULATION_OUTSIDE"] == pytest.approx(500, rel=1e-12)
    assert (a["area_km2"], b["area_km2"], c["area_km2"]) == pytest.approx((1, 1, 2))
    # Crimes: the one on the A|B line counts in A; one before the period; one outside.
    assert [
        a[f"crimes_{t}"] for t in ("violence", "burglary", "theft", "drugs", "vandalism", "harassment")
    ] == [
        3,
        1,
        1,
        0,
        1,
        0,
    ]
    assert (a["crimes_total"], b["crimes_total"], c["crimes_total"]) == (6, 3, 1)
    assert (b["crimes_theft"], b["crimes_drugs"], c["crimes_harassment"]) == (1, 1, 1)
    assert results["CRIMES_OUTSIDE"] == 1
    assert results["CRIMES_IN_PERIOD"] == 11
    assert a["crimes_per_1000"] == pytest.approx(6 * 1000 / 2500)
    # need = Σ weight × count × 1000 / population × 365.25 / 365 (weights 3, 2, 1, 1.5, 1, 1.5).
    assert a["need_score"] == pytest.approx((3 * 3 + 2 + 1 + 1) * 1000 / 2500 * YEAR)  # 5.21 ≥ 5
    assert b["need_score"] == pytest.approx((1 + 1.5) * 1000 / 2000 * YEAR)  # 1.25 ≥ 1
    assert c["need_score"] == pytest.approx(1.5 * 1000 / 12000 * YEAR)  # 0.125 ≥ 0.1
    assert (a["factor"], b["factor"], c["factor"]) == (1, 2, 4)
    # max(2, ceil(2500/1000)) = 3, max(2, ceil(2000/2000)) = 2, ceil(12000/4000) = 3
    assert (a["officers_required"], b["officers_required"], c["officers_required"]) == (3, 2, 3)
    assert [r["officers_allocated"] for r in (a, b, c)] == [3, 2, 3]
    assert results["OFFICERS_REQUIRED_TOTAL"] == results["OFFICERS_ALLOCATED_TOTAL"] == 8
    # Unknown types are reported with their counts; the input fields are kept.
    assert any("'fly tipping' (1)" in w for w in feedback.warnings)
    assert "override" in layer.fields().names()
    assert layer.crs().authid() == CRS


def test_exposed_areas_raise_the_need(run_algorithm, tmp_path):
    exposed = memory_layer("Polygon", ["name:string"], [(box(0, 0, 500, 1000), "Blok")])
    _, rows, *_ = run(run_algorithm, base_parameters(tmp_path, EXPOSED_AREAS=exposed, EXPOSED_WEIGHT=1.0))
    # 1000 of A's 2500 inhabitants live in the exposed area.
    assert rows["A"]["exposed_share"] == pytest.approx(0.4)
    assert rows["A"]["need_score"] == pytest.approx(13 * 1000 / 2500 * YEAR * 1.4)
    assert rows["B"]["exposed_share"] == 0


def test_quintiles(run_algorithm, tmp_path):
    _, rows, *_ = run(run_algorithm, base_parameters(tmp_path, FACTOR_METHOD="quintiles"))
    # n = 3; k lower needs: A 2 → 5 − ⌊10/3⌋ = 2, B 1 → 5 − ⌊5/3⌋ = 4, C 0 → 5
    assert [rows[s]["factor"] for s in "ABC"] == [2, 4, 5]
    # max(2, ceil(2500/2000)), max(2, ceil(2000/4000)), ceil(12000/5000)
    assert [rows[s]["officers_required"] for s in "ABC"] == [2, 2, 3]


def test_factor_override_field(run_algorithm, tmp_path):
    parameters = base_parameters(tmp_path, FACTOR_FIELD="override")
    layer = parameters["SECTORS"]
    layer.dataProvider().changeAttributeValues({3: {1: 1}})  # C: factor 1
    _, rows, *_ = run(run_algorithm, parameters)
    assert rows["C"]["factor"] == 1
    assert rows["C"]["officers_required"] == 12  # ceil(12000 / 1000)
    assert rows["A"]["factor"] == 1 and rows["B"]["factor"] == 2


def test_factor_override_out_of_range_is_a_clear_error(run_algorithm, tmp_path):
    parameters = base_parameters(tmp_path, FACTOR_FIELD="override")
    parameters["SECTORS"].dataProvider().changeAttributeValues({2: {1: 7}})
    with pytest.raises(QgsProcessingException, match=r"FACTOR_FIELD: Sector 'B'.*factor override value '7'"):
        run_algorithm(ALG, parameters)


@pytest.mark.parametrize(
    ("staff", "expected"),
    [
        # quotas 11·(3, 2, 3)/8 = 4.125, 2.75, 4.125 → 4, 2, 4 and the one left to B
        (11, [4, 3, 4]),
        # 7·(3, 2, 3)/8: B's 1.75 < 2 → B = 2; 5 for A, C: 2.5 each → 2, 2 and the one left to A
        (7, [3, 2, 2]),
        (8, [3, 2, 3]),
    ],
)
def test_staff_apportionment_sums_exactly(run_algorithm, tmp_path, staff, expected):
    results, rows, *_ = run(run_algorithm, base_parameters(tmp_path, STAFF=staff))
    assert [rows[s]["officers_allocated"] for s in "ABC"] == expected
    assert results["OFFICERS_ALLOCATED_TOTAL"] == staff


def test_staff_below_the_minimum_is_a_clear_error(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"STAFF: Staff 5 is too small for 3 sectors"):
        run_algorithm(ALG, base_parameters(tmp_path, STAFF=5))


def test_district_staff_by_location(run_algorithm, tmp_path):
    districts = memory_layer(
        "Polygon",
        ["district:string", "staff:integer"],
        [(box(0, 0, 2000, 1000), "South", 9), (box(0, 1000, 2000, 2000), "North", 4)],
    )
    results, rows, layer, *_ = run(run_algorithm, base_parameters(tmp_path, DISTRICTS=districts))
    assert [rows[s]["district"] for s in "ABC"] == ["South", "South", "North"]
    # South: 9·(3, 2)/5 = 5.4, 3.6 → 5, 3 and the one left to B (remainder .6); North: 4 to C.
    assert [rows[s]["officers_allocated"] for s in "ABC"] == [5, 4, 4]
    assert results["OFFICERS_ALLOCATED_TOTAL"] == 13


def test_duplicate_sector_ids_are_dissolved(run_algorithm, tmp_path):
    parameters = base_parameters(tmp_path)
    parameters["SECTORS"] = sectors_layer(extra=[(box(2000, 0, 2500, 1000), "B", None)])
    results, rows, layer, feedback, _ = run(run_algorithm, parameters)
    assert layer.featureCount() == 3
    assert rows["B"]["area_km2"] == pytest.approx(1.5)
    assert rows["B"]["population"] == pytest.approx(2500)  # the half outside is now in B
    assert results["POPULATION_OUTSIDE"] == pytest.approx(0, abs=1e-9)
    assert any("'B' occurs in 2 features" in w for w in feedback.warnings)


def test_overlapping_sectors_count_once_in_the_first(run_algorithm, tmp_path):
    parameters = base_parameters(tmp_path)
    parameters["SECTORS"] = sectors_layer(extra=[(box(0, 0, 1000, 200), "D", None)])  # inside A
    results, rows, _, feedback, _ = run(run_algorithm, parameters)
    assert rows["D"]["crimes_total"] == 0 and rows["D"]["population"] == 0
    assert rows["A"]["crimes_total"] == 6
    assert any("overlap" in w and "'A'" in w and "'D'" in w for w in feedback.warnings)


# --- CRS ------------------------------------------------------------------------------


def comparable(rows):
    fields = ("population", "crimes_total", "need_score", "factor", "officers_required", "officers_allocated")
    return {s: [rows[s][f] for f in fields] for s in rows}


def assert_same_numbers(rows, expected):
    for sector, values in expected.items():
        assert rows[sector]["population"] == pytest.approx(values[0], rel=1e-4), sector
        assert rows[sector]["crimes_total"] == values[1], sector
        assert rows[sector]["need_score"] == pytest.approx(values[2], rel=1e-4), sector
        assert [rows[sector][f] for f in ("factor", "officers_required", "officers_allocated")] == values[3:]


def test_geographic_input_gives_the_projected_numbers(run_algorithm, tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "g").mkdir()
    _, projected, *_ = run(run_algorithm, base_parameters(tmp_path / "p", on_line=False))
    results, geographic, layer, feedback, _ = run(
        run_algorithm, base_parameters(tmp_path / "g", crs="EPSG:4326", on_line=False)
    )
    assert_same_numbers(geographic, comparable(projected))
    assert results["POPULATION_OUTSIDE"] == pytest.approx(500, rel=1e-4)
    # Areas are true areas (worked out in UTM), the output keeps the input CRS and geometries.
    assert geographic["A"]["area_km2"] == pytest.approx(1.0, rel=2e-3)
    assert layer.crs().authid() == "EPSG:4326"
    source = {f["sector_id"]: f.geometry() for f in sectors_layer("EPSG:4326").getFeatures()}
    for sector, feature in geographic.items():
        assert feature.geometry().equals(source[sector])


def test_mismatched_crs_between_layers(run_algorithm, tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "m").mkdir()
    _, projected, *_ = run(run_algorithm, base_parameters(tmp_path / "p", on_line=False))
    _, mixed, layer, *_ = run(
        run_algorithm,
        base_parameters(
            tmp_path / "m", crs="EPSG:3857", population_crs="EPSG:4326", crimes_crs=CRS, on_line=False
        ),
    )
    assert_same_numbers(mixed, comparable(projected))
    assert layer.crs().authid() == "EPSG:3857"


# --- bad input ----------------------------------------------------------------------------


def test_empty_sector_layer_is_a_clear_error(run_algorithm, tmp_path):
    parameters = base_parameters(tmp_path)
    parameters["SECTORS"] = memory_layer("Polygon", ["sector_id:string"], [])
    with pytest.raises(QgsProcessingException, match="has no features"):
        run_algorithm(ALG, parameters)


def test_empty_crime_layer_counts_nothing(run_algorithm, tmp_path):
    parameters = base_parameters(tmp_path)
    parameters["CRIMES"] = memory_layer("Point", ["crime_type:string", "occurred:datetime"], [])
    results, rows, *_ = run(run_algorithm, parameters)
    assert [rows[s]["crimes_total"] for s in "ABC"] == [0, 0, 0]
    assert results["CRIMES_OUTSIDE"] == 0 and results["CRIMES_IN_PERIOD"] == 0
    assert rows["A"]["population"] == pytest.approx(2500)


def test_non_numeric_population_field_is_a_clear_error(run_algorithm, tmp_path):
    population = memory_layer("Polygon", ["inhabitants:string"], [(box(0, 0, 500, 500), "many")])
    parameters = base_parameters(tmp_path, POPULATION=population, POPULATION_FIELD="inhabitants")
    with pytest.raises(QgsProcessingException, match=r"POPULATION_FIELD.*'inhabitants'.*'many'"):
        run_algorithm(ALG, parameters)


def test_missing_field_names_the_layer_and_the_choices(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"CRIME_TYPE_FIELD.*no field 'kind'.*crime_type"):
        run_algorithm(ALG, base_parameters(tmp_path, CRIME_TYPE_FIELD="kind"))


def test_unparseable_dates_are_reported(run_algorithm, tmp_path):
    # 1 unreadable date in 100 (the most allowed, 1 %; more stops the run, see
    # test_more_than_one_percent_unreadable_dates_stop_the_run): the other 98 lie outside every sector.
    outside = [(point(5000, 5000), "vold", "2026-03-02")] * 98
    crimes = memory_layer(
        "Point",
        ["crime_type:string", "occurred:string"],
        [(point(100, 100), "vold", "2026-03-01"), (point(200, 100), "vold", "yesterday"), *outside],
    )
    results, rows, _, feedback, _ = run(run_algorithm, base_parameters(tmp_path, CRIMES=crimes))
    assert rows["A"]["crimes_total"] == 1
    assert results["CRIMES_IN_PERIOD"] == 1 + 98
    assert results["CRIMES_OUTSIDE"] == 98
    assert any("'yesterday' (1)" in w for w in feedback.warnings)


def test_an_empty_crime_layer_is_reported_and_the_run_succeeds_with_zero_crime(run_algorithm, tmp_path):
    empty = memory_layer("Point", ["crime_type:string", "occurred:datetime"], [], CRS, "no_crimes")
    html = tmp_path / "summary.html"
    results, rows, _, feedback, _ = run(
        run_algorithm, base_parameters(tmp_path, CRIMES=empty, OUTPUT_HTML=str(html))
    )
    assert (results["CRIMES_IN_PERIOD"], results["CRIMES_OUTSIDE"]) == (0, 0)
    assert {s: (r["crimes_total"], r["need_score"]) for s, r in rows.items()} == {
        "A": (0, 0),
        "B": (0, 0),
        "C": (0, 0),
    }
    # Need 0 is below the lowest threshold (0.1): factor 5, officers max(2, ceil(population / 5000)).
    assert {s: (r["factor"], r["officers_required"]) for s, r in rows.items()} == {
        "A": (5, 2),  # 2,500 inhabitants
        "B": (5, 2),  # 2,000
        "C": (5, 3),  # 12,000
    }
    message = "CRIMES (no_crimes) has no incidents: every sector has 0 crime"
    assert sum(message in w for w in feedback.warnings) == 1
    assert message in html.read_text(encoding="utf-8")


def test_period_end_before_start_is_a_clear_error(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match="PERIOD_START .* must be before PERIOD_END"):
        run_algorithm(ALG, base_parameters(tmp_path, PERIOD_START="2026-12-31", PERIOD_END="2026-01-01"))


# --- outputs: style, summary, fast reader ---------------------------------------------------


def test_output_is_styled_by_factor_and_summarised(run_algorithm, tmp_path):
    output = QgsProcessingOutputLayerDefinition(str(tmp_path / "manning.gpkg"), QgsProject.instance())
    html = tmp_path / "summary.html"
    results, context = run_algorithm(ALG, base_parameters(tmp_path, OUTPUT=output, OUTPUT_HTML=str(html)))
    with closing(sqlite3.connect(tmp_path / "manning.gpkg")) as db:
        assert db.execute("SELECT styleName FROM layer_styles WHERE useAsDefault").fetchall() == [
            ("manning",)
        ]
    layer = QgsVectorLayer(results["OUTPUT"], "manning", "ogr")
    assert layer.renderer().type() == "categorizedSymbol"
    assert layer.renderer().classAttribute() == "factor"
    assert [str(c.value()) for c in layer.renderer().categories()] == ["1", "2", "3", "4", "5"]
    assert layer.labelsEnabled()
    details = context.layersToLoadOnCompletion()
    assert any(d.postProcessor() is not None for d in details.values())
    text = html.read_text(encoding="utf-8")
    assert "<table>" in text and "CRIMES_OUTSIDE" in text and "fly tipping" in text


def test_fast_and_general_point_readers_agree(qgis_app, tmp_path):
    from ypo_plugin.qgis_io.points import read_points

    crimes = crimes_layer()
    path = str(tmp_path / "crimes.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        crimes, path, QgsProject.instance().transformContext(), options
    )
    assert error[0] == QgsVectorFileWriter.NoError
    layer = QgsVectorLayer(path, "crimes", "ogr")
    target = QgsCoordinateReferenceSystem("EPSG:4326")
    context = QgsProject.instance().transformContext()
    fast = read_points(layer, ["crime_type", "occurred"], target, context, layer=layer)
    general = read_points(layer, ["crime_type", "occurred"], target, context)
    assert (fast.method, general.method) == ("gdal", "features")
    assert fast.xy == pytest.approx(general.xy, abs=1e-12)
    assert list(fast.columns["crime_type"]) == list(general.columns["crime_type"])
    assert list(fast.columns["occurred"]) == list(general.columns["occurred"])
    assert general.columns["crime_type"][7] == "narkotika"
    assert str(general.columns["occurred"][5]) == "2025-12-31T10:00:00"


# --- the sample district through qgis_process ------------------------------------------------


def test_sample_district_through_qgis_process(qgis_process, tmp_path):
    sample = tmp_path / "sample.gpkg"
    qgis_process.run("ypo:createsampledistrict", SEED=1, OUTPUT=sample)
    output = tmp_path / "manning.gpkg"
    result = qgis_process.run(
        ALG,
        SECTORS=f"{sample}|layername=districts",
        SECTOR_ID_FIELD="district",
        POPULATION=f"{sample}|layername=units",
        POPULATION_FIELD="population",
        CRIMES=f"{sample}|layername=crimes",
        CRIME_TYPE_FIELD="crime_type",
        DATE_FIELD="occurred",
        EXPOSED_AREAS=f"{sample}|layername=exposed_areas",
        FACTOR_METHOD="quintiles",
        DISTRICTS=f"{sample}|layername=districts",
        OUTPUT=output,
        OUTPUT_HTML=tmp_path / "manning.html",
    )["results"]
    layer = QgsVectorLayer(str(output), "manning", "ogr")
    rows = list(layer.getFeatures())
    crimes = QgsVectorLayer(f"{sample}|layername=crimes", "crimes", "ogr").featureCount()
    assert len(rows) == 3
    assert sum(r["population"] for r in rows) == pytest.approx(380_000, rel=1e-9)
    assert result["POPULATION_OUTSIDE"] == pytest.approx(0, abs=1e-6)
    assert sum(r["crimes_total"] for r in rows) + result["CRIMES_OUTSIDE"] == crimes
    assert result["CRIMES_IN_PERIOD"] == crimes
    assert result["OFFICERS_ALLOCATED_TOTAL"] == 18 + 12 + 12
    for r in rows:
        assert r["officers_required"] == max(2, math.ceil(round(r["population"] / (r["factor"] * 1000), 9)))


# --- Chicago: beats, census tracts, January 2018 incidents -----------------------------------


@pytest.mark.skipif(not CHICAGO_CRIMES.exists(), reason="needs ../shared/data/chicago")
def test_chicago_population_and_crimes_are_all_accounted_for(run_algorithm, tmp_path):
    beats = QgsVectorLayer(str(CHICAGO / "beats_2012.geojson"), "beats", "ogr")
    tracts = QgsVectorLayer(str(CHICAGO / "tracts_2010_pop.geojson"), "tracts", "ogr")
    uri = (
        f"file://{CHICAGO_CRIMES}?type=csv&delimiter=,&xField=Longitude&yField=Latitude"
        "&crs=EPSG:4326&detectTypes=yes&geomType=point"
    )
    crimes = QgsVectorLayer(uri, "crimes", "delimitedtext")
    assert beats.isValid() and tracts.isValid() and crimes.isValid()
    results, rows, layer, feedback, _ = run(
        run_algorithm,
        {
            "SECTORS": beats,
            "SECTOR_ID_FIELD": "beat_num",
            "POPULATION": tracts,
            "POPULATION_FIELD": "pop2010",
            "CRIMES": crimes,
            "CRIME_TYPE_FIELD": "Primary Type",
            "CRIME_TYPE_MAP": str(CHICAGO_MAP),
            "DATE_FIELD": "Date",
            "DATE_FORMAT": "%m/%d/%Y %I:%M:%S %p",
            "PERIOD_START": "2018-01-08",
            "PERIOD_END": "2018-01-14",
            "STAFF": 1000,
            "OUTPUT": str(tmp_path / "chicago.gpkg"),
        },
    )
    # Beat 3100 has three parts: dissolved into one sector.
    assert len(rows) == 275
    assert layer.crs().authid() == "EPSG:4326"
    population = sum(r["population"] for r in rows.values())
    # The census total is all accounted for: inside the beats or outside them.
    assert population + results["POPULATION_OUTSIDE"] == pytest.approx(2_695_598, rel=1e-9)
    # Second method: QGIS's own geometry engine, in the same UTM zone (16N): pop × area(tract ∩ beats) / area.
    utm = QgsCoordinateReferenceSystem("EPSG:32616")
    transform = QgsCoordinateTransform(beats.crs(), utm, QgsProject.instance())

    def projected(feature):
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(transform)
        return geometry

    covered = QgsGeometry.unaryUnion([projected(f) for f in beats.getFeatures()])
    expected = 0.0
    for tract in tracts.getFeatures():
        geometry = projected(tract)
        expected += tract["pop2010"] * geometry.intersection(covered).area() / geometry.area()
    assert population == pytest.approx(expected, rel=1e-6)
    # Incidents: every row dated 8–14 January is in a beat or counted outside.
    with open(CHICAGO_CRIMES, newline="", encoding="utf-8") as handle:
        dates = [dt.datetime.strptime(r["Date"], "%m/%d/%Y %I:%M:%S %p") for r in csv.DictReader(handle)]
    in_period = sum(dt.datetime(2018, 1, 8) <= d < dt.datetime(2018, 1, 15) for d in dates)
    assert results["CRIMES_IN_PERIOD"] == in_period
    assert sum(r["crimes_total"] for r in rows.values()) + results["CRIMES_OUTSIDE"] == in_period
    assert results["OFFICERS_ALLOCATED_TOTAL"] == 1000
    assert any("no location" in w for w in feedback.warnings)
