"""ypo:validatesectors on small memory layers with planted errors worked out by hand, in a
projected and a geographic CRS, and on the sample district through qgis_process.

The plan (EPSG:25832, offsets from X0, Y0): a 300 × 200 m district and sectors A | B | C of
100 × 200 m side by side.
"""

import pytest
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ypo_plugin.resources import style_path

from ..layers import CRS, X0, Y0, memory_layer

ALG = "ypo:validatesectors"
COUNTS = ("GAPS", "OVERLAPS", "OUTSIDE", "NONCONTIGUOUS", "SLIVERS", "UNDERMANNED")


def ring(x0, y0, x1, y1):
    """A rectangle's ring with a vertex every 10 m, so neighbours share their vertices and stay exact
    neighbours when reprojected (straight lines are not straight in another CRS)."""
    points = (
        [(x, y0) for x in range(x0, x1, 10)]
        + [(x1, y) for y in range(y0, y1, 10)]
        + [(x, y1) for x in range(x1, x0, -10)]
        + [(x0, y) for y in range(y1, y0 - 1, -10)]
    )
    return "(" + ",".join(f"{X0 + x} {Y0 + y}" for x, y in points) + ")"


def box(x0, y0, x1, y1):
    return f"POLYGON({ring(x0, y0, x1, y1)})"


def boxes(*rectangles):
    return "MULTIPOLYGON(" + ",".join(f"({ring(*r)})" for r in rectangles) + ")"


def clean_rows():
    return {"A": box(0, 0, 100, 200), "B": box(100, 0, 200, 200), "C": box(200, 0, 300, 200)}


def planted_rows():
    """B reaches into A (overlap 100..110 × 0..200) and stops at 180, short of C; a small sector D
    (180..200 × 0..10) sits at the foot of the strip left (gap 180..200 × 10..200); C has a stray
    part 310..330 × 50..70 outside the district."""
    return {
        "A": box(0, 0, 110, 200),
        "B": box(100, 0, 180, 200),
        "C": boxes((200, 0, 300, 200), (310, 50, 330, 70)),
        "D": box(180, 0, 200, 10),
    }


def sectors_layer(rows, crs=CRS, officers=None, multi=False):
    fields = ["sector_id:string"] + (
        ["officers_required:integer", "officers_allocated:integer"] if officers else []
    )
    data = [(wkt, sector_id, *((officers or {}).get(sector_id, ()))) for sector_id, wkt in rows.items()]
    return memory_layer("MultiPolygon" if multi else "Polygon", fields, data, crs, "sectors")


def district_layer(crs=CRS):
    return memory_layer(
        "Polygon", ["district:string"], [(box(0, 0, 300, 200), "North West")], crs, "district"
    )


def run(run_algorithm, tmp_path, sectors, **extra):
    parameters = {"SECTORS": sectors, "SECTOR_ID_FIELD": "sector_id", "OUTPUT": str(tmp_path / "errors.gpkg")}
    parameters.update(extra)
    results, _ = run_algorithm(ALG, parameters)
    layer = QgsVectorLayer(results["OUTPUT"], "errors", "ogr")
    assert layer.isValid()
    return results, layer


def errors_of(layer, crs=CRS):
    """(error_type, sector_ids) → (area_m2, geometry in EPSG:25832 as shapely, message)."""
    transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    found = {}
    for feature in layer.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(transform)
        key = (feature["error_type"], feature["sector_ids"])
        assert key not in found, key
        found[key] = (feature["area_m2"], shapely.from_wkt(geometry.asWkt()), feature["message"])
    return found


def shape(wkt):
    return shapely.from_wkt(wkt)


def assert_same_shape(actual, expected_wkt, tolerance=1e-6):
    """Equal up to ``tolerance`` m² of symmetric difference."""
    assert shapely.area(shapely.symmetric_difference(actual, shape(expected_wkt))) < tolerance


# --- hand-worked answers --------------------------------------------------------------------------


def test_clean_plan_reports_nothing(run_algorithm, tmp_path):
    results, layer = run(
        run_algorithm, tmp_path, sectors_layer(clean_rows()), DISTRICT=district_layer(), MIN_AREA=100
    )
    assert layer.featureCount() == 0
    assert [results[name] for name in COUNTS] == [0] * 6
    assert results["ERRORS_TOTAL"] == 0
    assert layer.fields().names()[1:] == ["error_type", "sector_ids", "area_m2", "message"]  # after fid


def expected_planted():
    """(type, ids) → (area m², geometry WKT), worked out by hand from planted_rows()."""
    return {
        ("gap", "B,C,D"): (20 * 190, box(180, 10, 200, 200)),
        ("overlap", "A,B"): (10 * 200, box(100, 0, 110, 200)),
        ("outside", "C"): (20 * 20, box(310, 50, 330, 70)),
        ("noncontiguous", "C"): (20 * 20, box(310, 50, 330, 70)),
        ("sliver", "D"): (20 * 10, box(180, 0, 200, 10)),
    }


def test_planted_errors_are_found_with_their_sectors_and_geometries(run_algorithm, tmp_path):
    results, layer = run(
        run_algorithm,
        tmp_path,
        sectors_layer(planted_rows(), multi=True),
        DISTRICT=district_layer(),
        MIN_AREA=250,
    )
    found = errors_of(layer)
    expected = expected_planted()
    assert set(found) == set(expected)
    for key, (area, wkt) in expected.items():
        assert found[key][0] == pytest.approx(area, rel=1e-9), key
        assert_same_shape(found[key][1], wkt)
    assert found[("overlap", "A,B")][2] == "Sectors A and B overlap by 2,000 m²."
    assert found[("sliver", "D")][2] == "Sector D covers only 200 m², less than the minimum area 250 m²."
    assert [results[name] for name in COUNTS] == [1, 1, 1, 1, 1, 0]
    assert results["ERRORS_TOTAL"] == 5
    assert layer.crs().authid() == CRS
    assert layer.wkbType() == QgsWkbTypes.MultiPolygon


def test_without_district_or_minimum_area_only_overlaps_and_split_sectors(run_algorithm, tmp_path):
    results, layer = run(run_algorithm, tmp_path, sectors_layer(planted_rows(), multi=True))
    assert set(errors_of(layer)) == {("overlap", "A,B"), ("noncontiguous", "C")}
    assert [results[name] for name in COUNTS] == [0, 1, 0, 1, 0, 0]


def test_geographic_input_gives_the_same_errors(run_algorithm, tmp_path):
    (tmp_path / "g").mkdir()
    (tmp_path / "m").mkdir()
    for folder, sector_crs, district_crs in (("g", "EPSG:4326", "EPSG:4326"), ("m", "EPSG:4326", CRS)):
        results, layer = run(
            run_algorithm,
            tmp_path / folder,
            sectors_layer(planted_rows(), crs=sector_crs, multi=True),
            DISTRICT=district_layer(district_crs),
            MIN_AREA=250,
        )
        assert layer.crs().authid() == "EPSG:4326"  # written in the sectors' CRS
        found = errors_of(layer)
        expected = expected_planted()
        assert set(found) == set(expected)
        for key, (area, wkt) in expected.items():
            # True areas, worked out in UTM zone 33 instead of 32: scale differs by < 0.1 %.
            assert found[key][0] == pytest.approx(area, rel=2e-3), key
            assert_same_shape(found[key][1], wkt, tolerance=0.01)
        assert results["ERRORS_TOTAL"] == 5


def test_undermanned_when_officer_fields_are_present(run_algorithm, tmp_path):
    officers = {"A": (3, 3), "B": (3, 2), "C": (1, 1)}  # B: 2 < 3 required; C: 1 < the minimum 2
    results, layer = run(run_algorithm, tmp_path, sectors_layer(clean_rows(), officers=officers))
    found = errors_of(layer)
    assert set(found) == {("undermanned", "B"), ("undermanned", "C")}
    area, geometry, message = found[("undermanned", "B")]
    assert area == pytest.approx(20000, rel=1e-9)
    assert_same_shape(geometry, box(100, 0, 200, 200))
    assert message == "Sector B has 2 officers allocated but requires 3 officers."
    assert results["UNDERMANNED"] == 2
    # Another minimum per sector.
    (tmp_path / "m").mkdir()
    results, _ = run(
        run_algorithm, tmp_path / "m", sectors_layer(clean_rows(), officers=officers), MIN_OFFICERS=1
    )
    assert results["UNDERMANNED"] == 1


def test_output_is_styled_by_error_type(run_algorithm, tmp_path):
    _, layer = run(run_algorithm, tmp_path, sectors_layer(planted_rows(), multi=True))
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "error_type"
    assert {c.value() for c in renderer.categories()} == {
        "gap",
        "overlap",
        "outside",
        "noncontiguous",
        "sliver",
        "undermanned",
    }
    assert style_path("validation_errors").is_file()


# --- stopping a model, bad input ---------------------------------------------------------------


def test_fail_on_error_stops_with_the_counts(run_algorithm, tmp_path):
    with pytest.raises(
        QgsProcessingException, match=r"5 errors \(1 gap, 1 overlap, 1 outside, 1 noncontiguous, 1 sliver\)"
    ):
        run(
            run_algorithm,
            tmp_path,
            sectors_layer(planted_rows(), multi=True),
            DISTRICT=district_layer(),
            MIN_AREA=250,
            FAIL_ON_ERROR=True,
        )
    # A clean plan passes.
    results, _ = run(run_algorithm, tmp_path, sectors_layer(clean_rows()), FAIL_ON_ERROR=True)
    assert results["ERRORS_TOTAL"] == 0


def test_sector_id_field_defaults_to_sector_id(run_algorithm, tmp_path):
    results, _ = run_algorithm(
        ALG, {"SECTORS": sectors_layer(planted_rows(), multi=True), "OUTPUT": str(tmp_path / "e.gpkg")}
    )
    assert results["OVERLAPS"] == 1 and results["NONCONTIGUOUS"] == 1 and results["ERRORS_TOTAL"] == 2


def test_unknown_id_field_is_a_clear_error(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"SECTOR_ID_FIELD.*no field 'sector'.*sector_id"):
        run(run_algorithm, tmp_path, sectors_layer(clean_rows()), SECTOR_ID_FIELD="sector")


def test_sector_without_id_is_a_clear_error(run_algorithm, tmp_path):
    rows = clean_rows()
    sectors = memory_layer("Polygon", ["sector_id:string"], [(rows["A"], "A"), (rows["B"], None)])
    with pytest.raises(QgsProcessingException, match=r"feature 2 has no sector_id value"):
        run(run_algorithm, tmp_path, sectors)


def test_empty_sector_layer_is_a_clear_error(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match="has no features"):
        run(run_algorithm, tmp_path, memory_layer("Polygon", ["sector_id:string"], []))


def test_text_officer_field_is_a_clear_error(run_algorithm, tmp_path):
    rows = clean_rows()
    sectors = memory_layer(
        "Polygon", ["sector_id:string", "officers_allocated:string"], [(rows["A"], "A", "two")]
    )
    with pytest.raises(QgsProcessingException, match=r"'officers_allocated' must hold numbers"):
        run(run_algorithm, tmp_path, sectors)


# --- the sample district through qgis_process ----------------------------------------------------


@pytest.fixture(scope="module")
def sample(qgis_process, tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "sample.gpkg"
    qgis_process.run("ypo:createsampledistrict", SEED=1, OUTPUT=path)
    return path


def test_sample_districts_as_sectors_are_clean_through_qgis_process(qgis_process, sample, tmp_path):
    output = tmp_path / "errors.gpkg"
    results = qgis_process.run(
        ALG,
        SECTORS=f"{sample}|layername=districts",
        SECTOR_ID_FIELD="district",
        MIN_AREA=1000,
        FAIL_ON_ERROR="true",
        OUTPUT=output,
    )["results"]
    assert results["ERRORS_TOTAL"] == 0
    assert [results[name] for name in COUNTS] == [0] * 6
    assert QgsVectorLayer(str(output), "errors", "ogr").featureCount() == 0


def test_one_sample_district_as_sectors_leaves_the_others_as_gaps(qgis_process, sample, tmp_path):
    """Frederiksberg alone against all three districts: the gaps are the two other districts."""
    districts = QgsVectorLayer(f"{sample}|layername=districts", "districts", "ogr")
    areas = {f["district"]: f.geometry().area() for f in districts.getFeatures()}
    output = tmp_path / "errors.gpkg"
    results = qgis_process.run(
        ALG,
        SECTORS=f"{sample}|layername=districts|subset=\"district\" = 'Frederiksberg'",
        SECTOR_ID_FIELD="district",
        DISTRICT=f"{sample}|layername=districts",
        OUTPUT=output,
    )["results"]
    layer = QgsVectorLayer(str(output), "errors", "ogr")
    gaps = [f for f in layer.getFeatures() if f["error_type"] == "gap"]
    assert results["OUTSIDE"] == 0 and results["OVERLAPS"] == 0
    assert sum(f["area_m2"] for f in gaps) == pytest.approx(
        areas["North East"] + areas["North West"], rel=1e-9
    )
