"""ypo:crimegrid through Processing and qgis_process, with counts worked out by hand and
checked with QGIS's own geometry engine."""

import sqlite3
from contextlib import closing

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingUtils,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QVariant

CRIME_TYPES = ("violence", "burglary", "theft", "drugs", "vandalism", "harassment")
BANDS = ("band_07_15", "band_15_23", "band_23_07")


# --- layers -----------------------------------------------------------------


def sector_layer(sectors, crs="EPSG:25832", id_type="string"):
    """Memory polygons from {id: QgsRectangle or wkt}."""
    layer = QgsVectorLayer(f"Polygon?crs={crs}&field=sector_id:{id_type}", "sectors", "memory")
    features = []
    for sector_id, shape in sectors.items():
        feature = QgsFeature(layer.fields())
        geometry = (
            QgsGeometry.fromRect(shape) if isinstance(shape, QgsRectangle) else QgsGeometry.fromWkt(shape)
        )
        feature.setGeometry(geometry)
        feature.setAttributes([sector_id])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def crime_layer(incidents, crs="EPSG:25832", date_type="datetime"):
    """Memory points from (x, y, crime_type, 'yyyy-MM-ddTHH:mm:ss', place); x None = no geometry."""
    layer = QgsVectorLayer(
        f"Point?crs={crs}&field=crime_type:string&field=occurred:{date_type}&field=place:string",
        "crimes",
        "memory",
    )
    features = []
    for x, y, crime_type, occurred, place in incidents:
        feature = QgsFeature(layer.fields())
        if x is not None:
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        if date_type == "datetime":
            day, time = occurred.split("T")
            value = QDateTime(QDate.fromString(day, "yyyy-MM-dd"), QTime.fromString(time, "HH:mm:ss"))
        else:
            value = occurred
        feature.setAttributes([crime_type, value, place])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def output_layer(results, name, context):
    value = results[name]
    layer = (
        value if isinstance(value, QgsVectorLayer) else QgsProcessingUtils.mapLayerFromString(value, context)
    )
    assert layer is not None and layer.isValid(), name
    return layer


def is_null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def rows(layer, *fields):
    return [tuple(f[name] for name in fields) for f in layer.getFeatures()]


# Sectors A = [0,150]×[0,100] and B = [150,300]×[0,100], 100 m cells:
# cell 1 = A [0,100], cell 2 = A [100,150], cell 3 = B [150,200], cell 4 = B [200,300].
TWO_SECTORS = {"A": QgsRectangle(0, 0, 150, 100), "B": QgsRectangle(150, 0, 300, 100)}

# 2026-01-05 is a Monday, 2026-01-10 a Saturday.
HAND_INCIDENTS = [
    (50, 50, "violence", "2026-01-05T07:00:00", "street"),  # cell 1, band_07_15, weekday
    (20, 20, "vold", "2026-01-05T06:59:59", "street"),  # cell 1, band_23_07 (Danish name)
    (100, 50, "theft", "2026-01-10T23:00:00", "shop"),  # cell edge x=100 → cell 2; band_23_07; weekend
    (150, 50, "drugs", "2026-01-10T15:00:00", "street"),  # sector line → A, cell 2; band_15_23; weekend
    (250, 50, "fraud", "2026-01-06T12:00:00", "residence"),  # cell 4; untyped
    (400, 50, "theft", "2026-01-06T12:00:00", "street"),  # outside every sector
    (None, None, "theft", "2026-01-06T12:00:00", "street"),  # no location
    (60, 60, "theft", "2026-02-06T12:00:00", "street"),  # after the period
]


def run_grid(run_algorithm, sectors, crimes, **extra):
    parameters = {
        "SECTORS": sectors,
        "SECTOR_ID_FIELD": "sector_id",
        "CRIMES": crimes,
        "CRIME_TYPE_FIELD": "crime_type",
        "DATE_FIELD": "occurred",
        "CELL_SIZE": 100,
        "OUTPUT": "TEMPORARY_OUTPUT",
        "OUTPUT_TIME_TABLE": "TEMPORARY_OUTPUT",
        "OUTPUT_PLACES": "TEMPORARY_OUTPUT",
    }
    parameters.update(extra)
    return run_algorithm("ypo:crimegrid", parameters)


# --- hand-counted cases -----------------------------------------------------


def test_hand_counted_cells(run_algorithm):
    results, context = run_grid(
        run_algorithm,
        sector_layer(TWO_SECTORS),
        crime_layer(HAND_INCIDENTS),
        PLACE_FIELD="place",
        PERIOD_START="2026-01-01",
        PERIOD_END="2026-01-31",
    )
    assert results["CRIMES_IN_PERIOD"] == 7
    assert results["CRIMES_OUTSIDE"] == 2  # (400, 50) and the one without a location
    cells = output_layer(results, "OUTPUT", context)
    assert cells.crs().authid() == "EPSG:25832"
    names = ["sector_id", "cell_id", "crimes_total", *(f"crimes_{t}" for t in CRIME_TYPES), *BANDS]
    names += ["band_unknown", "weekday", "weekend"]
    assert cells.fields().names()[: len(names)] == names
    assert rows(cells, *names) == [
        # id, cell, total, violence, burglary, theft, drugs, vandalism, harass., 07-15, 15-23, 23-07,
        # unknown, wd, we
        ("A", 1, 2, 2, 0, 0, 0, 0, 0, 1, 0, 1, 0, 2, 0),
        ("A", 2, 2, 0, 0, 1, 1, 0, 0, 0, 1, 1, 0, 0, 2),
        ("B", 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        ("B", 4, 1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0),
    ]
    areas = [round(f.geometry().area(), 6) for f in cells.getFeatures()]
    assert areas == [10000.0, 5000.0, 5000.0, 10000.0]

    time_table = output_layer(results, "OUTPUT_TIME_TABLE", context)
    assert time_table.featureCount() == 2 * 7 * 24
    assert sorted(r for r in rows(time_table, "sector_id", "weekday", "hour", "crimes") if r[3]) == [
        ("A", 1, 6, 1),
        ("A", 1, 7, 1),
        ("A", 6, 15, 1),
        ("A", 6, 23, 1),
        ("B", 2, 12, 1),
    ]
    places = output_layer(results, "OUTPUT_PLACES", context)
    assert rows(places, "sector_id", "place", "crimes") == [
        ("A", "residence", 0),
        ("A", "shop", 1),
        ("A", "street", 3),
        ("B", "residence", 1),
        ("B", "shop", 0),
        ("B", "street", 0),
    ]


def test_hexagon_grid_by_hand(run_algorithm):
    # Hexagons 100 m flat to flat over [0,300]×[0,150]; (50, 0) is on the vertical edge between
    # the cells centred at (0, 0) and (100, 0) and counts in the eastern one.
    incidents = [
        (50, 0, "theft", "2026-01-05T12:00:00", None),
        (110, 10, "theft", "2026-01-05T12:00:00", None),
    ]
    results, context = run_grid(
        run_algorithm,
        sector_layer({"S": QgsRectangle(0, 0, 300, 150)}),
        crime_layer(incidents),
        GRID_TYPE="hexagon",
    )
    cells = output_layer(results, "OUTPUT", context)
    total_area = sum(f.geometry().area() for f in cells.getFeatures())
    assert total_area == pytest.approx(300 * 150, rel=1e-12)
    hit = [f for f in cells.getFeatures() if f["crimes_total"]]
    assert len(hit) == 1 and hit[0]["crimes_total"] == 2
    assert hit[0].geometry().contains(QgsGeometry.fromPointXY(QgsPointXY(100, 10)))  # centre (100, 0)


def test_comparison_period_per_cell(run_algorithm):
    incidents = [
        (50, 50, "theft", "2026-04-05T12:00:00", None),
        (60, 50, "theft", "2026-04-06T12:00:00", None),
        (70, 50, "theft", "2026-01-06T12:00:00", None),
        (250, 50, "theft", "2026-01-07T12:00:00", None),
    ]
    results, context = run_grid(
        run_algorithm,
        sector_layer(TWO_SECTORS),
        crime_layer(incidents),
        PERIOD_START="2026-04-01",
        PERIOD_END="2026-06-30",
        COMPARE_START="2026-01-01",
        COMPARE_END="2026-03-31",
    )
    cells = output_layer(results, "OUTPUT", context)
    got = rows(cells, "cell_id", "crimes_total", "compare_total", "change", "change_pct")
    assert got[0] == (1, 2, 1, 1, 100.0)
    assert got[1][:4] == (2, 0, 0, 0) and is_null(got[1][4])  # no comparison crimes: no percentage
    assert got[3][:5] == (4, 0, 1, -1, -100.0)
    assert (results["COMPARE_IN_PERIOD"], results["COMPARE_OUTSIDE"]) == (2, 0)


def test_text_dates_and_integer_sector_ids(run_algorithm):
    sectors = sector_layer({7: TWO_SECTORS["A"], 9: TWO_SECTORS["B"]}, id_type="integer")
    incidents = [(50, 50, "theft", "2026-01-05T07:00:00+01:00", None), (250, 50, "theft", "2026-01-05", None)]
    results, context = run_grid(run_algorithm, sectors, crime_layer(incidents, date_type="string"))
    cells = output_layer(results, "OUTPUT", context)
    assert cells.fields().field("sector_id").type() in (QVariant.Int, QVariant.LongLong)
    assert rows(cells, "sector_id", "crimes_total", "band_07_15", "band_23_07", "band_unknown") == [
        (7, 1, 1, 0, 0),
        (7, 0, 0, 0, 0),
        (9, 0, 0, 0, 0),
        (9, 1, 0, 0, 1),  # a date alone has no time of day: band_unknown, not band_23_07 (issue 11)
    ]


# --- CRS --------------------------------------------------------------------


def _transformed_rectangle(rectangle, source, target):
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem(source), QgsCoordinateReferenceSystem(target), QgsProject.instance()
    )
    geometry = QgsGeometry.fromRect(rectangle)
    geometry.transform(transform)
    return geometry.asWkt()


def test_geographic_input_is_gridded_in_metres_and_written_back_in_degrees(run_algorithm):
    # Sectors 2 km × 1 km drawn in UTM 32N near Copenhagen, stored in WGS 84.
    x0, y0 = 720_000.0, 6_175_000.0
    utm = {
        "West": QgsRectangle(x0, y0, x0 + 1000, y0 + 1000),
        "East": QgsRectangle(x0 + 1000, y0, x0 + 2000, y0 + 1000),
    }
    wgs84 = {k: _transformed_rectangle(r, "EPSG:25832", "EPSG:4326") for k, r in utm.items()}
    to_wgs84 = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:25832"),
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsProject.instance(),
    )
    points = [(x0 + 125, y0 + 125), (x0 + 500, y0 + 600), (x0 + 1600, y0 + 400), (x0 + 5000, y0 + 400)]
    incidents = []
    for x, y in points:
        p = to_wgs84.transform(QgsPointXY(x, y))
        incidents.append((p.x(), p.y(), "theft", "2026-01-05T12:00:00", None))
    results, context = run_grid(
        run_algorithm, sector_layer(wgs84, "EPSG:4326"), crime_layer(incidents, "EPSG:4326"), CELL_SIZE=250
    )
    cells = output_layer(results, "OUTPUT", context)
    assert cells.crs().authid() == "EPSG:4326"
    assert results["CRIMES_OUTSIDE"] == 1
    per_sector = {}
    for f in cells.getFeatures():
        per_sector[f["sector_id"]] = per_sector.get(f["sector_id"], 0) + f["crimes_total"]
    assert per_sector == {"West": 2, "East": 1}
    # Cells are about 250 m × 250 m on the ground (computed in UTM 32N, the zone of the area).
    area = QgsDistanceArea()
    area.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance().transformContext())
    area.setEllipsoid("EPSG:7030")
    largest = max(area.measureArea(f.geometry()) for f in cells.getFeatures())
    assert largest == pytest.approx(62_500, rel=0.01)
    assert sum(area.measureArea(f.geometry()) for f in cells.getFeatures()) == pytest.approx(
        2_000_000, rel=0.01
    )


def test_crimes_in_another_crs_than_the_sectors(run_algorithm):
    to_wgs84 = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:25832"),
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsProject.instance(),
    )
    incidents = []
    for x, y, *rest in HAND_INCIDENTS:
        if x is None or x in (100, 150):  # points exactly on lines do not survive a round trip
            continue
        p = to_wgs84.transform(QgsPointXY(x, y))
        incidents.append((p.x(), p.y(), *rest))
    results, context = run_grid(
        run_algorithm, sector_layer(TWO_SECTORS), crime_layer(incidents, "EPSG:4326"), PERIOD_END="2026-01-31"
    )
    cells = output_layer(results, "OUTPUT", context)
    assert rows(cells, "cell_id", "crimes_total") == [(1, 2), (2, 0), (3, 0), (4, 1)]
    assert results["CRIMES_OUTSIDE"] == 1


# --- bad input --------------------------------------------------------------


def test_unknown_field_is_named(run_algorithm):
    with pytest.raises(
        QgsProcessingException, match="no field 'kind'.*choose one of crime_type, occurred, place"
    ):
        run_grid(
            run_algorithm, sector_layer(TWO_SECTORS), crime_layer(HAND_INCIDENTS), CRIME_TYPE_FIELD="kind"
        )


def test_empty_layers_are_refused(run_algorithm):
    with pytest.raises(QgsProcessingException, match="SECTORS .* has no features"):
        run_grid(run_algorithm, sector_layer({}), crime_layer(HAND_INCIDENTS))
    with pytest.raises(QgsProcessingException, match="CRIMES .* has no features"):
        run_grid(run_algorithm, sector_layer(TWO_SECTORS), crime_layer([]))


def test_cell_size_too_small_for_the_area(run_algorithm):
    # 20 km × 20 km in 4 m cells: 5,000² = 25,000,000 cells; 5× the size gives 1,000,000.
    big = {"Big": QgsRectangle(0, 0, 20_000, 20_000)}
    with pytest.raises(QgsProcessingException, match=r"about 25,000,000 grid cells .* at least 20 m"):
        run_grid(run_algorithm, sector_layer(big), crime_layer(HAND_INCIDENTS), CELL_SIZE=4)


def test_half_a_comparison_period_is_refused(run_algorithm):
    with pytest.raises(QgsProcessingException, match="both COMPARE_START and COMPARE_END"):
        run_grid(
            run_algorithm, sector_layer(TWO_SECTORS), crime_layer(HAND_INCIDENTS), COMPARE_START="2025-01-01"
        )


def test_invalid_sector_geometry_is_named(run_algorithm):
    bow_tie = {"Bow": "POLYGON((0 0, 100 100, 100 0, 0 100, 0 0))"}
    with pytest.raises(
        QgsProcessingException, match="SECTORS: Sector 'Bow' has an invalid geometry.*Fix geometries"
    ):
        run_grid(run_algorithm, sector_layer(bow_tie), crime_layer(HAND_INCIDENTS))


# --- the sample district ----------------------------------------------------


@pytest.fixture(scope="module")
def sample_path(run_algorithm, tmp_path_factory):
    path = tmp_path_factory.mktemp("grid") / "sample.gpkg"
    run_algorithm("ypo:createsampledistrict", {"SEED": 1, "OUTPUT": str(path)})
    return path


def crimes_between(path, start, end):
    """Incidents with start <= occurred < end, counted with QGIS."""
    layer = QgsVectorLayer(f"{path}|layername=crimes", "crimes", "ogr")
    start, end = (
        QDateTime.fromString(start, "yyyy-MM-ddTHH:mm:ss"),
        QDateTime.fromString(end, "yyyy-MM-ddTHH:mm:ss"),
    )
    return sum(1 for f in layer.getFeatures() if start <= f["occurred"] < end)


def test_sample_district_through_qgis_process(qgis_process, sample_path, tmp_path):
    output = tmp_path / "crime_grid.gpkg"
    charts = tmp_path / "charts"
    result = qgis_process.run(
        "ypo:crimegrid",
        SECTORS=f"{sample_path}|layername=districts",
        SECTOR_ID_FIELD="district",
        CRIMES=f"{sample_path}|layername=crimes",
        CRIME_TYPE_FIELD="crime_type",
        DATE_FIELD="occurred",
        PLACE_FIELD="place",
        PERIOD_START="2026-08-01",
        PERIOD_END="2026-09-30",
        GRID_TYPE="hexagon",
        OUTPUT=output,
        OUTPUT_TIME_TABLE=tmp_path / "time.csv",
        OUTPUT_PLACES=tmp_path / "places.csv",
        CHART_FOLDER=charts,
    )["results"]
    in_period = crimes_between(sample_path, "2026-08-01T00:00:00", "2026-10-01T00:00:00")
    assert result["CRIMES_IN_PERIOD"] == in_period
    cells = QgsVectorLayer(str(output), "cells", "ogr")
    assert cells.featureCount() > 300
    assert sum(f["crimes_total"] for f in cells.getFeatures()) + result["CRIMES_OUTSIDE"] == in_period
    assert cells.renderer().type() == "graduatedSymbol"  # the stored default style
    with closing(sqlite3.connect(output)) as db:
        assert db.execute("SELECT count(*) FROM layer_styles WHERE useAsDefault").fetchone()[0] == 1

    # The cells tile every district exactly (QGIS's geometry engine).
    districts = QgsVectorLayer(f"{sample_path}|layername=districts", "districts", "ogr")
    for district in districts.getFeatures():
        mine = [f.geometry() for f in cells.getFeatures() if f["sector_id"] == district["district"]]
        assert sum(g.area() for g in mine) == pytest.approx(district.geometry().area(), rel=1e-9)
        assert QgsGeometry.unaryUnion(mine).symDifference(district.geometry()).area() < 1e-3

    time_lines = (tmp_path / "time.csv").read_text().splitlines()
    assert len(time_lines) == 1 + 3 * 7 * 24
    for district in ("North_East", "North_West", "Frederiksberg"):
        for kind in ("hours", "types"):
            for fmt in ("png", "svg"):
                chart = charts / f"{district}_{kind}.{fmt}"
                assert chart.stat().st_size > 5000, chart
    assert (charts / "North_East_hours.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in (charts / "North_East_hours.svg").read_bytes()[:1000]
    assert result["CHARTS_WRITTEN"] == 12


def test_a_second_run_into_the_same_geopackage_table_replaces_its_style(qgis_process, sample_path, tmp_path):
    # QGIS 3.22 asks in a message box before saving over a stored style of the same name: in
    # qgis_process nobody answers, and a second `make demo` hung there for good.
    output = tmp_path / "grid.gpkg"
    arguments = [
        f"SECTORS={sample_path}|layername=districts",
        "SECTOR_ID_FIELD=district",
        f"CRIMES={sample_path}|layername=crimes",
        "DATE_FIELD=occurred",
        "CELL_SIZE=1000",
        f"OUTPUT=ogr:dbname='{output}' table=\"cells\" (geom)",
    ]
    for _ in range(2):
        qgis_process("run", "ypo:crimegrid", "--", *arguments, timeout=180)
    with sqlite3.connect(output) as db:
        styles = db.execute("SELECT f_table_name, styleName, useAsDefault FROM layer_styles").fetchall()
    assert styles == [("cells", "crime_grid", 1)]


def test_fast_and_feature_by_feature_reading_agree(run_algorithm, sample_path):
    crimes = QgsVectorLayer(f"{sample_path}|layername=crimes", "crimes", "ogr")
    common = {"SECTORS": f"{sample_path}|layername=districts", "SECTOR_ID_FIELD": "district"}
    fast, fast_context = run_grid(run_algorithm, common["SECTORS"], crimes, **common, CELL_SIZE=500)
    # A feature limit rules out the bulk reader: every feature is read through QGIS.
    limited = QgsProcessingFeatureSourceDefinition(crimes.source(), False, crimes.featureCount())
    slow, slow_context = run_grid(run_algorithm, common["SECTORS"], limited, **common, CELL_SIZE=500)
    fields = [
        "sector_id",
        "cell_id",
        "crimes_total",
        *(f"crimes_{t}" for t in CRIME_TYPES),
        *BANDS,
        "weekend",
    ]
    assert rows(output_layer(fast, "OUTPUT", fast_context), *fields) == rows(
        output_layer(slow, "OUTPUT", slow_context), *fields
    )
    assert fast["CRIMES_IN_PERIOD"] == slow["CRIMES_IN_PERIOD"] == crimes.featureCount()


def test_help_explains_the_edge_and_band_rules(ypo_provider):
    algorithm = ypo_provider.algorithm("crimegrid")
    text = algorithm.shortHelpString()
    for phrase in ("07:00 exactly is in band_07_15", "23:00 exactly in band_23_07", "flat-to-flat width"):
        assert phrase in text
