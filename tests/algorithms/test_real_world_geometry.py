"""Real-world shapes of data through the algorithms: sectors valid in degrees but not in UTM,
multi-part units, units outside the districts, straddling units, float-noise overlaps.

Expected values are worked out by hand in the comments, and geometric facts the tests rely on
(validity in one CRS and not in another) are checked with shapely and pyproj, independently of
the plugin."""

import numpy as np
import pyproj
import pytest
import shapely
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from ..conftest import SHARED_DATA, Recorder
from ..core.test_geometry import NOTCH
from ..layers import X0, Y0, box, memory_layer

# --- layers in any CRS, from WKT as given ---------------------------------------------------


def wkt_layer(kind, fields, rows, crs, name="layer"):
    """A memory layer of (WKT, attributes…) rows, coordinates as given in ``crs``."""
    layer = QgsVectorLayer(f"{kind}?crs={crs}&" + "&".join(f"field={f}" for f in fields), name, "memory")
    features = []
    for wkt, *attributes in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(list(attributes))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def noon(day="2026-03-01"):
    return QDateTime(QDate.fromString(day, "yyyy-MM-dd"), QTime(12, 0))


def shapely_of(feature):
    return shapely.from_wkt(feature.geometry().asWkt(17))


# --- a sector valid in degrees, self-intersecting in UTM --------------------------------------

# The notched polygon of the core geometry tests: valid in degrees, self-intersecting in UTM 33N.
NOTCH_WKT = NOTCH.wkt
# East of it (touching along lon 12.6), an ordinary sector.
EAST_WKT = "POLYGON((12.6 55.6, 12.8 55.6, 12.8 55.7, 12.6 55.7, 12.6 55.6))"
TO_UTM = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:32633", always_xy=True)


def in_utm(geometry):
    return shapely.transform(geometry, lambda xy: np.column_stack(TO_UTM.transform(xy[:, 0], xy[:, 1])))


def notch_sectors():
    return wkt_layer(
        "Polygon", ["sector_id:string"], [(NOTCH_WKT, "Notch"), (EAST_WKT, "East")], "EPSG:4326", "sectors"
    )


# Population points: 100 and 200 in Notch (far from the notch at lon 12.299–12.301), 50 in East.
NOTCH_POPULATION = [("POINT(12.1 55.65)", 100), ("POINT(12.5 55.65)", 200), ("POINT(12.7 55.65)", 50)]
# Incidents: 4 in Notch, 1 in East, 1 east of both (outside).
NOTCH_CRIMES = [
    ("POINT(12.1 55.65)", "theft"),
    ("POINT(12.2 55.65)", "violence"),
    ("POINT(12.5 55.68)", "theft"),
    ("POINT(12.4 55.62)", "burglary"),
    ("POINT(12.7 55.65)", "theft"),
    ("POINT(13.0 55.65)", "theft"),
]


def notch_crimes():
    return wkt_layer(
        "Point",
        ["crime_type:string", "occurred:datetime"],
        [(wkt, kind, noon()) for wkt, kind in NOTCH_CRIMES],
        "EPSG:4326",
        "crimes",
    )


NOTCH_WARNING = (
    "SECTORS: sector 'Notch' (feature 1) is valid in EPSG:4326 but not once projected to EPSG:32633, "
    "the metric CRS it is computed in (Self-intersection at ("
)


def test_the_notch_is_valid_in_degrees_and_not_in_utm():
    notch = shapely.from_wkt(NOTCH_WKT)
    assert notch.is_valid
    assert shapely.is_valid_reason(in_utm(notch)).startswith("Self-intersection")
    assert shapely.from_wkt(EAST_WKT).is_valid and in_utm(shapely.from_wkt(EAST_WKT)).is_valid


def test_manning_repairs_a_sector_invalid_only_in_utm_and_says_so(run_algorithm, tmp_path):
    feedback = Recorder()
    results, _ = run_algorithm(
        "ypo:computemanning",
        {
            "SECTORS": notch_sectors(),
            "SECTOR_ID_FIELD": "sector_id",
            "POPULATION": wkt_layer(
                "Point", ["population:integer"], NOTCH_POPULATION, "EPSG:4326", "population"
            ),
            "POPULATION_FIELD": "population",
            "CRIMES": notch_crimes(),
            "CRIME_TYPE_FIELD": "crime_type",
            "DATE_FIELD": "occurred",
            "OUTPUT": str(tmp_path / "manning.gpkg"),
        },
        feedback,
    )
    warnings = [w for w in feedback.warnings if w.startswith("SECTORS: sector 'Notch'")]
    assert len(warnings) == 1 and warnings[0].startswith(NOTCH_WARNING)
    assert "it was repaired there (make valid" in warnings[0]
    assert not any("'East'" in w for w in feedback.warnings)
    layer = QgsVectorLayer(results["OUTPUT"], "manning", "ogr")
    rows = {f["sector_id"]: f for f in layer.getFeatures()}
    assert (rows["Notch"]["population"], rows["Notch"]["crimes_total"]) == (300, 4)
    assert (rows["East"]["population"], rows["East"]["crimes_total"]) == (50, 1)
    assert results["CRIMES_OUTSIDE"] == 1
    # written valid in degrees and in UTM, so the next step takes it as it is
    for feature in layer.getFeatures():
        geometry = shapely_of(feature)
        assert geometry.is_valid and in_utm(geometry).is_valid, feature["sector_id"]
    # the repair kept the shape: the area in degrees is the drawn one (extra vertices only)
    assert shapely_of(rows["Notch"]).area == pytest.approx(shapely.from_wkt(NOTCH_WKT).area, rel=1e-9)


def test_crime_grid_repairs_a_sector_invalid_only_in_utm_and_says_so(run_algorithm):
    feedback = Recorder()
    results, _ = run_algorithm(
        "ypo:crimegrid",
        {
            "SECTORS": notch_sectors(),
            "SECTOR_ID_FIELD": "sector_id",
            "CRIMES": notch_crimes(),
            "CRIME_TYPE_FIELD": "crime_type",
            "DATE_FIELD": "occurred",
            "CELL_SIZE": 1000,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
        feedback,
    )
    assert sum(w.startswith(NOTCH_WARNING) for w in feedback.warnings) == 1
    cells = results["OUTPUT"]  # a temporary layer
    totals = {}
    for cell in cells.getFeatures():
        totals[cell["sector_id"]] = totals.get(cell["sector_id"], 0) + cell["crimes_total"]
    assert totals == {"Notch": 4, "East": 1}
    assert results["CRIMES_OUTSIDE"] == 1


# --- a unit in two parts ----------------------------------------------------------------------


def grid_with_two_part_unit(crs="EPSG:25832"):
    """4 × 2 blocks of 500 m (unit_id = 10·row + column, 100 inhabitants each); unit 13 (the
    8th feature, #8) also owns a second block 500 m east of the grid."""
    cells = []
    for r in range(2):
        for c in range(4):
            geometry = box(500 * c, 500 * r, 500 * (c + 1), 500 * (r + 1))
            if (r, c) == (1, 3):
                geometry = QgsGeometry.collectGeometry([geometry, box(2500, 500, 3000, 1000)])
            cells.append((geometry, 10 * r + c, 100))
    return memory_layer("MultiPolygon", ["unit_id:integer", "population:double"], cells, crs, "units")


def run_split(run_algorithm, units, feedback=None, **parameters):
    results, _ = run_algorithm(
        "ypo:splitsectors",
        {
            "UNITS": units,
            "POPULATION_FIELD": "population",
            "OUTPUT_SECTORS": QgsProcessingOutputLayerDefinition("memory:sectors"),
            "OUTPUT_UNITS": QgsProcessingOutputLayerDefinition("memory:units"),
            **parameters,
        },
        feedback,
    )
    return results


def sector_of_unit(results):
    return {f["unit_id"]: f["sector_id"] for f in results["OUTPUT_UNITS"].getFeatures()}


@pytest.mark.parametrize("crs", ["EPSG:25832", "EPSG:4269"])
def test_a_two_part_unit_makes_a_two_part_sector_named_with_its_cause(run_algorithm, crs):
    feedback = Recorder()
    results = run_split(run_algorithm, grid_with_two_part_unit(crs), feedback, SECTOR_COUNT=2)
    sector = sector_of_unit(results)[13]
    assert results["NONCONTIGUOUS_COUNT"] == 1
    assert (
        f"Sector {sector} is drawn in 2 parts: unit #8 is itself made of 2 separate parts, so the "
        "sector holding it cannot be one piece unless other units join them." in feedback.warnings
    )
    assert "2 sectors; largest workload deviation 0.00%; 1 non-contiguous;" in " ".join(feedback.infos)
    # the sector as written has the two parts; every sector is valid
    written = {f["sector_id"]: shapely_of(f) for f in results["OUTPUT_SECTORS"].getFeatures()}
    assert len(written[sector].geoms) == 2 and all(g.is_valid for g in written.values())

    # Validate sectors counts the same sectors in more than one part on the split's output.
    validation, _ = run_algorithm(
        "ypo:validatesectors",
        {"SECTORS": results["OUTPUT_SECTORS"], "OUTPUT": "TEMPORARY_OUTPUT"},
    )
    assert validation["NONCONTIGUOUS_SECTORS"] == results["NONCONTIGUOUS_COUNT"] == 1
    assert validation["NONCONTIGUOUS"] == 1  # one extra part
    assert validation["OVERLAPS"] == 0


def test_an_island_linked_across_a_gap_is_a_two_part_sector_with_that_cause(run_algorithm):
    cells = [(box(500 * c, 0, 500 * (c + 1), 500), c, 100) for c in range(4)]
    cells.append((box(2300, 0, 2800, 500), 9, 100))  # 300 m east of the last block (#4): #5
    units = memory_layer("Polygon", ["unit_id:integer", "population:double"], cells, name="units")
    feedback = Recorder()
    results = run_split(run_algorithm, units, feedback, SECTOR_COUNT=1)
    assert results["NONCONTIGUOUS_COUNT"] == 1
    assert (
        "Sector S-01 is drawn in 2 parts: units #4 and #5 linked as nearest neighbours (300 m apart) "
        "to keep its district connected." in feedback.warnings
    )


# --- units outside the districts, and a unit straddling two -----------------------------------


def local_wkt(*ring):
    """WKT of a polygon given in metres relative to the test origin (EPSG:25832)."""
    return "POLYGON((" + ",".join(f"{X0 + x} {Y0 + y}" for x, y in (*ring, ring[0])) + "))"


# West = [0,1000]×[0,1000], East = [1000,2000]×[0,1000], one sector each.
# A (#1) in West; B (#3) in East. S (#2): West's half [500,1000]×[0,1000] with a bite out of its
# middle ([500,900]×[450,550]) and a bar [1000,1500]×[450,550] into East: 460,000 m² in West and
# 50,000 m² in East (90 % / 10 %), while its inner point (on the line y = 500, the middle of the
# widest stretch [900, 1500]) lies in East at x = 1200. O1 (#4) lies 500 m east of East, O2 (#5)
# 100 m west of West: outside.
STRADDLER = local_wkt(
    (500, 0), (1000, 0), (1000, 450), (1500, 450), (1500, 550), (1000, 550), (1000, 1000), (500, 1000),
    (500, 550), (900, 550), (900, 450), (500, 450),
)  # fmt: skip
OUTSIDE_LAYOUT = [
    (box(0, 0, 500, 1000), "A", 100),
    (STRADDLER, "S", 200),
    (box(1500, 0, 2000, 1000), "B", 300),
    (box(2500, 0, 3000, 500), "O1", 40),
    (box(-600, 0, -100, 500), "O2", 5),
]
INPUT_POPULATION = 100 + 200 + 300 + 40 + 5


def outside_units():
    return memory_layer("Polygon", ["unit_id:string", "population:double"], OUTSIDE_LAYOUT, name="units")


def west_east():
    return memory_layer(
        "Polygon",
        ["district:string", "sector_count:integer"],
        [(box(0, 0, 1000, 1000), "West", 1), (box(1000, 0, 2000, 1000), "East", 1)],
        name="districts",
    )


def test_the_straddler_has_most_area_in_west_and_its_inner_point_in_east():
    straddler = shapely.from_wkt(STRADDLER)
    west = shapely.box(X0, Y0, X0 + 1000, Y0 + 1000)
    assert straddler.is_valid and straddler.area == 510_000
    assert straddler.intersection(west).area == 460_000
    point = shapely.point_on_surface(straddler)
    assert (point.x - X0, point.y - Y0) == (1200, 500)


def test_units_outside_are_left_out_and_reported_and_a_straddler_goes_to_its_majority(
    run_algorithm, tmp_path
):
    feedback = Recorder()
    outside_path = tmp_path / "outside.gpkg"
    results = run_split(
        run_algorithm, outside_units(), feedback, DISTRICTS=west_east(), OUTSIDE_UNITS=str(outside_path)
    )
    assert sector_of_unit(results) == {"A": "WE-01", "S": "WE-01", "B": "EA-01"}
    population = {f["sector_id"]: f["population"] for f in results["OUTPUT_SECTORS"].getFeatures()}
    assert population == {"WE-01": 300, "EA-01": 300}
    assert (results["OUTSIDE_UNIT_COUNT"], results["OUTSIDE_POPULATION"]) == (2, 45)
    assert sum(population.values()) + results["OUTSIDE_POPULATION"] == INPUT_POPULATION
    assert (
        "2 units lie outside every district (45 inhabitants) and are left out of the plan "
        "(ASSIGN_OUTSIDE_TO_NEAREST gives them to the nearest district): units #4, #5." in feedback.warnings
    )
    assert (
        "Unit #2 straddles districts West (90%) and East (10%); it goes to West, which holds most of "
        "its area." in feedback.infos
    )
    assert (
        "1 units straddle districts; each goes to the district holding most of its area (listed in "
        "the log)." in feedback.warnings
    )
    left_out = QgsVectorLayer(str(outside_path), "outside", "ogr")
    assert sorted((f["unit_id"], f["population"]) for f in left_out.getFeatures()) == [("O1", 40), ("O2", 5)]


def test_the_outside_layer_is_optional(run_algorithm):
    results = run_split(run_algorithm, outside_units(), DISTRICTS=west_east())
    assert "OUTSIDE_UNITS" not in results or not results["OUTSIDE_UNITS"]
    assert results["OUTSIDE_UNIT_COUNT"] == 2


def test_units_outside_can_be_given_to_the_nearest_district(run_algorithm):
    feedback = Recorder()
    results = run_split(
        run_algorithm, outside_units(), feedback, DISTRICTS=west_east(), ASSIGN_OUTSIDE_TO_NEAREST=True
    )
    assert sector_of_unit(results) == {"A": "WE-01", "S": "WE-01", "B": "EA-01", "O1": "EA-01", "O2": "WE-01"}
    population = {f["sector_id"]: f["population"] for f in results["OUTPUT_SECTORS"].getFeatures()}
    assert population == {"WE-01": 305, "EA-01": 340}
    assert (results["OUTSIDE_UNIT_COUNT"], results["OUTSIDE_POPULATION"]) == (0, 0)
    infos = set(feedback.infos)
    assert "Unit #4 lies outside every district; it was given to East, the nearest district." in infos
    assert "Unit #5 lies outside every district; it was given to West, the nearest district." in infos
    assert (
        "2 units lie outside every district (45 inhabitants); each was given to the district it overlaps "
        "most, or the nearest one (listed in the log)." in feedback.warnings
    )


def test_without_districts_no_unit_is_outside(run_algorithm):
    results = run_split(run_algorithm, outside_units(), SECTOR_COUNT=1)
    assert results["OUTSIDE_UNIT_COUNT"] == 0 and len(sector_of_unit(results)) == 5


# --- float noise and real overlaps: the same answer in every algorithm ------------------------

# Input order B, A, C. B reaches 1 m into A along 100 m (100 m² overlap, real); C reaches 1e-6 m
# into A along 100 m (1e-4 m², noise). Every algorithm names the real pair "A and B" (natural
# order) and counts the overlap in B (first in the layer); none reports C.
OVERLAP_PLAN = [
    (local_wkt((99, 0), (200, 0), (200, 100), (99, 100)), "B"),
    (local_wkt((0, 0), (100, 0), (100, 100), (0, 100)), "A"),
    (local_wkt((-100, 0), (1e-6, 0), (1e-6, 100), (-100, 100)), "C"),
]


def overlap_sectors():
    return memory_layer("Polygon", ["sector_id:string"], OVERLAP_PLAN, name="sectors")


def overlap_warnings(feedback):
    return [w for w in feedback.warnings if "overlap" in w]


def test_a_real_overlap_is_named_alike_everywhere_and_noise_nowhere(run_algorithm, tmp_path):
    crimes = memory_layer(
        "Point",
        ["crime_type:string", "occurred:datetime"],
        [(f"POINT({X0 + 99.5} {Y0 + 50})", "theft", noon())],  # in the overlap: counted in B
        name="crimes",
    )
    validation_feedback, manning_feedback, grid_feedback = Recorder(), Recorder(), Recorder()
    validation, _ = run_algorithm(
        "ypo:validatesectors",
        {"SECTORS": overlap_sectors(), "OUTPUT": "TEMPORARY_OUTPUT"},
        validation_feedback,
    )
    manning, _ = run_algorithm(
        "ypo:computemanning",
        {
            "SECTORS": overlap_sectors(),
            "CRIMES": crimes,
            "CRIME_TYPE_FIELD": "crime_type",
            "DATE_FIELD": "occurred",
            "OUTPUT": str(tmp_path / "manning.gpkg"),
        },
        manning_feedback,
    )
    grid, _ = run_algorithm(
        "ypo:crimegrid",
        {
            "SECTORS": overlap_sectors(),
            "CRIMES": crimes,
            "CRIME_TYPE_FIELD": "crime_type",
            "DATE_FIELD": "occurred",
            "CELL_SIZE": 100,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
        grid_feedback,
    )
    errors = [(f["error_type"], f["sector_ids"], f["message"]) for f in validation["OUTPUT"].getFeatures()]
    assert errors == [("overlap", "A,B", "Sectors A and B overlap by 100 m².")]
    assert overlap_warnings(manning_feedback) == [
        "Sectors 'A' and 'B' overlap by 100 m²; the overlap is counted in 'B' only."
    ]
    assert overlap_warnings(grid_feedback) == [
        "Sectors 'A' and 'B' overlap by 100 m²; the overlap belongs to 'B' only."
    ]
    rows = {f["sector_id"]: f["crimes_total"] for f in QgsVectorLayer(manning["OUTPUT"]).getFeatures()}
    assert rows == {"A": 0, "B": 1, "C": 0}
    assert {f["sector_id"] for f in grid["OUTPUT"].getFeatures() if f["crimes_total"]} == {"B"}


# --- the sample district: no noise reported ---------------------------------------------------


@pytest.fixture(scope="module")
def sample(run_algorithm, tmp_path_factory):
    path = tmp_path_factory.mktemp("sample") / "sample.gpkg"
    run_algorithm("ypo:createsampledistrict", {"SEED": 1, "OUTPUT": str(path)})
    return path


def in_crs(run_algorithm, source, crs, path):
    """``source`` reprojected to ``crs`` (QGIS's own algorithm), written to ``path``."""
    if crs == "EPSG:25832":  # the sample's own CRS
        return source
    run_algorithm("native:reprojectlayer", {"INPUT": source, "TARGET_CRS": crs, "OUTPUT": str(path)})
    return str(path)


@pytest.mark.parametrize("crs", ["EPSG:25832", "EPSG:4326"])
def test_split_then_every_step_reports_no_overlap_on_the_sample(run_algorithm, sample, tmp_path, crs):
    layer = f"{sample}|layername="
    split_feedback = Recorder()
    split, _ = run_algorithm(
        "ypo:splitsectors",
        {
            "UNITS": in_crs(run_algorithm, layer + "units", crs, tmp_path / "units.gpkg"),
            "DISTRICTS": in_crs(run_algorithm, layer + "districts", crs, tmp_path / "districts.gpkg"),
            "BARRIERS": layer + "barriers",
            "OUTPUT_SECTORS": str(tmp_path / "sectors.gpkg"),
            "OUTPUT_UNITS": "TEMPORARY_OUTPUT",
        },
        split_feedback,
    )
    sectors = split["OUTPUT_SECTORS"]
    crimes = {"CRIMES": layer + "crimes", "CRIME_TYPE_FIELD": "crime_type", "DATE_FIELD": "occurred"}
    feedbacks = {name: Recorder() for name in ("validate", "manning", "grid")}
    validation, _ = run_algorithm(
        "ypo:validatesectors",
        {"SECTORS": sectors, "DISTRICT": layer + "districts", "OUTPUT": "TEMPORARY_OUTPUT"},
        feedbacks["validate"],
    )
    run_algorithm(
        "ypo:computemanning",
        {"SECTORS": sectors, **crimes, "OUTPUT": str(tmp_path / "manning.gpkg")},
        feedbacks["manning"],
    )
    run_algorithm(
        "ypo:crimegrid", {"SECTORS": sectors, **crimes, "OUTPUT": "TEMPORARY_OUTPUT"}, feedbacks["grid"]
    )
    for name, feedback in feedbacks.items():
        assert not [w for w in feedback.warnings if "overlap" in w or "outside every" in w], name
    assert (validation["OVERLAPS"], validation["GAPS"], validation["OUTSIDE"]) == (0, 0, 0)
    assert validation["NONCONTIGUOUS_SECTORS"] == split["NONCONTIGUOUS_COUNT"] == 0
    assert split["OUTSIDE_UNIT_COUNT"] == 0


# --- the shipped Full sector plan model on EPSG:4269 input with a two-part unit -----------------


def write_geopackage(path, layers):
    """Write memory layers into one GeoPackage, one table each (name → layer)."""
    for position, (name, layer) in enumerate(layers.items()):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = name
        if position:
            options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
        error, message, *_ = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, str(path), QgsProject.instance().transformContext(), options
        )
        assert error == QgsVectorFileWriter.NoError, message


def model_input(path, crs="EPSG:4269"):
    """6 × 4 blocks of 500 m in two districts (West x < 1500, East x > 1500; 2 sectors and 10
    officers each), 100 + 10·column inhabitants a block; block (row 3, column 5) — unit_id 35, the
    24th feature — also owns a part 500 m east of the grid; one more unit (unit_id 99, 70
    inhabitants) lies 1 km west of everything. One theft in every block."""
    units, crimes = [], []
    for r in range(4):
        for c in range(6):
            geometry = box(500 * c, 500 * r, 500 * (c + 1), 500 * (r + 1))
            if (r, c) == (3, 5):
                geometry = QgsGeometry.collectGeometry([geometry, box(3500, 1500, 4000, 2000)])
            units.append((geometry, 10 * r + c, 100 + 10 * c))
            crimes.append((f"POINT({X0 + 500 * c + 250} {Y0 + 500 * r + 250})", "theft", noon()))
    units.append((box(-1500, 0, -1000, 500), 99, 70))
    districts = [
        (box(0, 0, 1500, 2000), "West", 2, 10),
        (box(1500, 0, 3000, 2000), "East", 2, 10),
    ]
    write_geopackage(
        path,
        {
            "units": memory_layer("MultiPolygon", ["unit_id:integer", "population:double"], units, crs),
            "districts": memory_layer(
                "Polygon", ["district:string", "sector_count:integer", "staff:integer"], districts, crs
            ),
            "crimes": memory_layer("Point", ["crime_type:string", "occurred:datetime"], crimes, crs),
        },
    )
    # Σ population in the grid: 4 rows × Σ_c (100 + 10c) = 4 × (600 + 150) = 3000; + 70 outside.
    return 3000, 70


def test_full_sector_plan_runs_to_the_end_on_epsg_4269_with_a_two_part_unit(qgis_process, tmp_path):
    source = tmp_path / "input.gpkg"
    inside, outside = model_input(source)
    out = tmp_path / "out"
    out.mkdir()
    result = qgis_process.run(
        "ypo:fullsectorplan",
        UNITS=f"{source}|layername=units",
        DISTRICTS=f"{source}|layername=districts",
        CRIMES=f"{source}|layername=crimes",
        MIN_AREA=10000,
        **{
            "split:sectors": out / "sectors.gpkg",
            "split:units": out / "sector_units.gpkg",
            "manning:sectors": out / "manning.gpkg",
            "grid:cells": out / "crime_grid.gpkg",
            "validate:errors": out / "validation.gpkg",
            "maps:folder": out / "maps",
        },
    )
    assert result["results"]["maps:folder"]  # the last step ran
    sectors = QgsVectorLayer(str(out / "sectors.gpkg"), "sectors", "ogr")
    assert sectors.crs().authid() == "EPSG:4269" and sectors.featureCount() == 4
    unit_sector = {
        f["unit_id"]: f["sector_id"]
        for f in QgsVectorLayer(str(out / "sector_units.gpkg"), "u", "ogr").getFeatures()
    }
    assert len(unit_sector) == 24 and 99 not in unit_sector  # the unit outside is left out
    two_part = unit_sector[35]
    manning = {f["sector_id"]: f for f in QgsVectorLayer(str(out / "manning.gpkg"), "m", "ogr").getFeatures()}
    assert sum(f["population"] for f in manning.values()) == pytest.approx(inside)
    assert sum(f["crimes_total"] for f in manning.values()) == 24
    for feature in manning.values():  # valid in degrees and in the working CRS (UTM 33N)
        geometry = shapely_of(feature)
        assert geometry.is_valid and in_utm(geometry).is_valid
    errors = [
        (f["error_type"], f["sector_ids"])
        for f in QgsVectorLayer(str(out / "validation.gpkg"), "v", "ogr").getFeatures()
    ]
    assert ("noncontiguous", two_part) in errors
    assert not {kind for kind, _ in errors} & {"overlap"}
    assert len(list((out / "maps").glob("*.pdf"))) == 1
    log = " ".join(" ".join(lines) for lines in result["log"].values())
    assert f"Sector {two_part} is drawn in 2 parts: unit #24 is itself made of 2 separate parts" in log
    assert f"1 units lie outside every district ({outside} inhabitants)" in log


# --- more causes and names --------------------------------------------------------------------


def test_units_meeting_only_at_a_corner_make_a_two_part_sector_with_that_cause(run_algorithm):
    cells = [(box(0, 0, 500, 500), 1, 100), (box(500, 500, 1000, 1000), 2, 100)]
    units = memory_layer("Polygon", ["unit_id:integer", "population:double"], cells, name="units")
    feedback = Recorder()
    results = run_split(run_algorithm, units, feedback, SECTOR_COUNT=1)
    assert results["NONCONTIGUOUS_COUNT"] == 1
    assert "Sector S-01 is drawn in 2 parts: units #1 and #2 meet only at a corner." in feedback.warnings
    validation, _ = run_algorithm(
        "ypo:validatesectors", {"SECTORS": results["OUTPUT_SECTORS"], "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    assert validation["NONCONTIGUOUS_SECTORS"] == 1


def test_a_negative_population_names_the_unit_by_its_feature_id(run_algorithm):
    cells = [(box(500 * c, 0, 500 * (c + 1), 500), c, -5 if c == 2 else 100) for c in range(4)]
    units = memory_layer("Polygon", ["unit_id:integer", "population:double"], cells, name="units")
    with pytest.raises(
        QgsProcessingException,
        match=r"POPULATION_FIELD: unit #3 has a negative population \(-5; 1 in all\); correct those values",
    ):
        run_split(run_algorithm, units, SECTOR_COUNT=1)


def test_a_split_sector_invalid_only_in_utm_is_written_valid_in_both(run_algorithm):
    # One unit, the notch: valid in degrees, and so is the sector dissolved from it; projected to
    # UTM both cross themselves. The unit is repaired for the split, the sector written valid in
    # both CRSs (extra vertices along its edges) and, drawn so, in one part.
    units = wkt_layer("Polygon", ["population:double"], [(NOTCH_WKT, 100)], "EPSG:4326", "units")
    feedback = Recorder()
    results = run_split(run_algorithm, units, feedback, SECTOR_COUNT=1)
    assert "1 invalid unit geometries were repaired (make valid)." in feedback.infos
    assert "Sectors S-01 were repaired to be valid in EPSG:4326 and in EPSG:32633." in feedback.infos
    (sector,) = [shapely_of(f) for f in results["OUTPUT_SECTORS"].getFeatures()]
    assert sector.is_valid and in_utm(sector).is_valid
    assert sector.area == pytest.approx(shapely.from_wkt(NOTCH_WKT).area, rel=1e-9)
    assert results["NONCONTIGUOUS_COUNT"] == 0


def test_crimes_in_units_left_out_are_reported(run_algorithm):
    crimes = memory_layer(
        "Point",
        ["kind:string"],
        [(f"POINT({X0 + 250} {Y0 + 250})", "in A"), (f"POINT({X0 + 2750} {Y0 + 250})", "in O1")],
        name="crimes",
    )
    feedback = Recorder()
    results = run_split(run_algorithm, outside_units(), feedback, DISTRICTS=west_east(), CRIMES=crimes)
    crimes_by_sector = {f["sector_id"]: f["crimes_total"] for f in results["OUTPUT_SECTORS"].getFeatures()}
    assert crimes_by_sector == {"WE-01": 1, "EA-01": 0}
    assert "1 of 2 crimes lie in units left out of the plan and are not counted." in feedback.infos


def test_a_unit_too_heavy_for_any_sector_is_named_by_its_feature_id(run_algorithm):
    # 100 + 1000 + 100 + 100 = 1300 into 2 sectors: targets 650, upper bound 656.5 < 1000 (unit #2)
    cells = [(box(500 * c, 0, 500 * (c + 1), 500), c, 1000 if c == 1 else 100) for c in range(4)]
    units = memory_layer("Polygon", ["unit_id:integer", "population:double"], cells, name="units")
    feedback = Recorder()
    run_split(run_algorithm, units, feedback, SECTOR_COUNT=2)
    assert (
        "Unit #2's workload (1000) exceeds every sector's upper bound (target + tolerance, at most 656); "
        "the tolerance cannot be met with whole units." in feedback.infos
    )


def test_features_sharing_an_id_are_dissolved_after_repairing_invalid_ones(run_algorithm, tmp_path):
    # Sector A: a square (#1) and, beside it, a bow-tie (#2) crossing itself at (150, 50): its two
    # triangles of 100 × 50 / 2 = 2,500 m² each. A = 10,000 + 5,000 m².
    bow_tie = local_wkt((100, 0), (200, 100), (200, 0), (100, 100))
    sectors = memory_layer(
        "Polygon", ["sector_id:string"], [(box(0, 0, 100, 100), "A"), (bow_tie, "A")], name="sectors"
    )
    feedback = Recorder()
    results, _ = run_algorithm(
        "ypo:computemanning", {"SECTORS": sectors, "OUTPUT": str(tmp_path / "m.gpkg")}, feedback
    )
    assert (
        "SECTORS: sector id 'A' occurs in 2 features; they are dissolved into one multi-part sector (the "
        "first feature's attributes are kept) (the invalid features 2 were repaired first)."
        in feedback.warnings
    )
    (row,) = QgsVectorLayer(results["OUTPUT"]).getFeatures()
    assert row["area_km2"] == pytest.approx(0.015)


def test_the_workspace_keeps_a_sector_invalid_only_in_utm_valid_in_both(run_algorithm, tmp_path):
    feedback = Recorder()
    results, _ = run_algorithm(
        "ypo:createsectorworkspace", {"SECTORS": notch_sectors(), "OUTPUT_FOLDER": str(tmp_path)}, feedback
    )
    assert sum(w.startswith(NOTCH_WARNING) for w in feedback.warnings) == 1
    layer = QgsVectorLayer(f"{results['GEOPACKAGE']}|layername=sectors", "sectors", "ogr")
    written = {f["sector_id"]: shapely_of(f) for f in layer.getFeatures()}
    assert set(written) == {"Notch", "East"}
    assert all(g.is_valid and in_utm(g).is_valid for g in written.values())
    assert written["Notch"].area == pytest.approx(shapely.from_wkt(NOTCH_WKT).area, rel=1e-9)
    assert written["East"].equals(shapely.from_wkt(EAST_WKT))


def test_a_sliver_across_a_district_line_goes_with_the_majority_unreported(run_algorithm):
    # X = [0, 1002] × [0, 1000]: 2,000 m² (0.2 %) of it lie in East; Y = [1002, 2000] × [0, 1000].
    units = memory_layer(
        "Polygon",
        ["unit_id:string", "population:double"],
        [
            (local_wkt((0, 0), (1002, 0), (1002, 1000), (0, 1000)), "X", 100),
            (local_wkt((1002, 0), (2000, 0), (2000, 1000), (1002, 1000)), "Y", 100),
        ],
        name="units",
    )
    feedback = Recorder()
    results = run_split(run_algorithm, units, feedback, DISTRICTS=west_east())
    assert sector_of_unit(results) == {"X": "WE-01", "Y": "EA-01"}
    assert not [m for m in feedback.infos + feedback.warnings if "straddle" in m]


# --- real data: Chicago's city-wide tracts with two of its police districts --------------------

CHICAGO = SHARED_DATA / "chicago"


@pytest.mark.skipif(not CHICAGO.exists(), reason="needs ../shared/data/chicago")
def test_chicago_tracts_outside_two_districts_are_left_out_and_accounted_for(run_algorithm):
    tracts = QgsVectorLayer(str(CHICAGO / "tracts_2010_pop.geojson"), "tracts", "ogr")
    source = QgsVectorLayer(str(CHICAGO / "police_districts_2012.geojson"), "districts", "ogr")
    rows = [(f.geometry(), f["DIST_LABEL"], 3) for f in source.getFeatures() if f["DIST_NUM"] in (1, 18)]
    districts = wkt_layer(
        "MultiPolygon",
        ["district:string", "sector_count:integer"],
        [(g.asWkt(17), label, count) for g, label, count in rows],
        "EPSG:4326",
    )
    # Independently: a tract is outside when its inner point (GEOS point-on-surface, in UTM 16N
    # where the split works) lies in neither district.
    to_utm = pyproj.Transformer.from_crs("EPSG:4326", "EPSG:32616", always_xy=True)

    def utm(geometry):
        return shapely.transform(
            shapely.from_wkt(geometry.asWkt(17)),
            lambda xy: np.column_stack(to_utm.transform(xy[:, 0], xy[:, 1])),
        )

    area = shapely.union_all([utm(g) for g, *_ in rows])
    expected_outside, outside_population, total = set(), 0, 0
    for tract in tracts.getFeatures():
        total += tract["pop2010"]
        if not area.contains(shapely.point_on_surface(shapely.make_valid(utm(tract.geometry())))):
            expected_outside.add(tract.id())
            outside_population += tract["pop2010"]
    assert total == 2_695_598 and 700 < len(expected_outside) < 801

    feedback = Recorder()
    results = run_split(
        run_algorithm, tracts, feedback, POPULATION_FIELD="pop2010", DISTRICTS=districts, TOLERANCE=10
    )
    assert results["OUTSIDE_UNIT_COUNT"] == len(expected_outside)
    assert results["OUTSIDE_POPULATION"] == outside_population
    sectors = list(results["OUTPUT_SECTORS"].getFeatures())
    assert len(sectors) == 6
    assert sum(f["population"] for f in sectors) + results["OUTSIDE_POPULATION"] == total
    (listed,) = [w for w in feedback.warnings if "lie outside every district" in w]
    named = {int(name) for name in listed.split("units #", 1)[1].rstrip(".").split(", #")}
    assert named == expected_outside
    # the sectors stay in the two districts (today's bug: 25–30 km² sectors swallowing the city)
    assert max(f["area_km2"] for f in sectors) < 15


def test_a_unit_outside_but_overlapping_a_district_is_given_to_it(run_algorithm):
    # P = [1900, 2600] × [0, 500]: its inner point (2250, 250) is east of East, 100 × 500 m inside it.
    units = memory_layer(
        "Polygon",
        ["unit_id:string", "population:double"],
        [
            (box(0, 0, 1000, 1000), "A", 10),
            (box(1000, 0, 1900, 1000), "B", 20),
            (box(1900, 0, 2600, 500), "P", 4),
        ],
        name="units",
    )
    feedback = Recorder()
    results = run_split(run_algorithm, units, feedback, DISTRICTS=west_east(), ASSIGN_OUTSIDE_TO_NEAREST=True)
    assert sector_of_unit(results)["P"] == "EA-01"
    assert "Unit #3 lies outside every district; it was given to East, the district it overlaps most." in (
        feedback.infos
    )


def test_a_unit_with_no_area_is_refused_by_its_feature_id(run_algorithm):
    flat = local_wkt((500, 0), (1000, 0), (700, 0))  # all on one line: no area
    cells = [(box(0, 0, 500, 500), 1, 100), (flat, 2, 100)]
    units = memory_layer("Polygon", ["unit_id:integer", "population:double"], cells, name="units")
    with pytest.raises(
        QgsProcessingException,
        match=r"UNITS: Unit #2 has no area left once made valid \(1 such units\); fix its geometry or remove",
    ):
        run_split(run_algorithm, units, SECTOR_COUNT=1)
