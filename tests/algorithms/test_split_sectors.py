"""ypo:splitsectors on hand-made grids whose answers are known, on bad input,
and on the sample district through qgis_process."""

import time

import pytest
from qgis.core import QgsGeometry, QgsProcessingException, QgsProcessingOutputLayerDefinition, QgsVectorLayer

from ..conftest import Recorder
from ..layers import box, line, memory_layer

ALG = "ypo:splitsectors"


def grid_units(crs="EPSG:25832", population=lambda column, row: 100, columns=4, rows=2):
    """``columns`` × ``rows`` blocks of 500 m; unit_id = 10·row + column."""
    cells = [
        (box(500 * c, 500 * r, 500 * (c + 1), 500 * (r + 1)), 10 * r + c, population(c, r))
        for r in range(rows)
        for c in range(columns)
    ]
    return memory_layer("Polygon", ["unit_id:integer", "population:double"], cells, crs, "units")


def split(run_algorithm, units, feedback=None, **parameters):
    """Run the split; returns (results, sectors by id, sector id by unit_id)."""
    results, _ = run_algorithm(
        ALG,
        {
            "UNITS": units,
            "POPULATION_FIELD": "population",
            "OUTPUT_SECTORS": QgsProcessingOutputLayerDefinition("memory:sectors"),
            "OUTPUT_UNITS": QgsProcessingOutputLayerDefinition("memory:units"),
            **parameters,
        },
        feedback,
    )
    sectors_layer, units_layer = results["OUTPUT_SECTORS"], results["OUTPUT_UNITS"]  # memory layers
    sectors = {feature["sector_id"]: feature for feature in sectors_layer.getFeatures()}
    sector_of_unit = {feature["unit_id"]: feature["sector_id"] for feature in units_layer.getFeatures()}
    return results, sectors, sector_of_unit


def rows_of(sector_of_unit):
    """Units grouped by sector, as sorted unit id tuples."""
    groups = {}
    for unit, sector in sector_of_unit.items():
        groups.setdefault(sector, []).append(unit)
    return sorted(tuple(sorted(units)) for units in groups.values())


BOTTOM_ROW, TOP_ROW = (0, 1, 2, 3), (10, 11, 12, 13)
LEFT_HALF, RIGHT_HALF = (0, 1, 10, 11), (2, 3, 12, 13)


def test_eight_equal_blocks_into_two_balanced_compact_sectors(run_algorithm):
    results, sectors, sector_of_unit = split(run_algorithm, grid_units(), SECTOR_COUNT=2)
    # 8 × 100 inhabitants into 2 sectors: 400 each; the compact answer is two 1 km squares
    assert sorted(sectors) == ["S-01", "S-02"]
    assert [sectors[s]["population"] for s in sorted(sectors)] == [400, 400]
    assert [sectors[s]["workload_dev_pct"] for s in sorted(sectors)] == [0, 0]
    assert rows_of(sector_of_unit) == [LEFT_HALF, RIGHT_HALF]
    assert all(sectors[s]["area_km2"] == pytest.approx(1.0) for s in sectors)
    # a 1 km square: Polsby-Popper = 4π·1 / 4² = π/4; Reock = 1 / (π·(√2/2)²) = 2/π
    assert all(sectors[s]["polsby_popper"] == pytest.approx(3.14159265 / 4) for s in sectors)
    assert all(sectors[s]["reock"] == pytest.approx(2 / 3.14159265) for s in sectors)
    assert sectors["S-01"]["neighbours"] == "S-02" and sectors["S-02"]["neighbours"] == "S-01"
    assert sectors["S-01"].geometry().constGet().numGeometries() == 1  # one connected piece
    assert results["MAX_DEVIATION_PCT"] == 0 and results["NONCONTIGUOUS_COUNT"] == 0


def test_a_barrier_along_the_middle_makes_the_rows_the_sectors(run_algorithm):
    barriers = memory_layer("LineString", ["kind:string"], [(line((-100, 500), (2100, 500)), "railway")])
    _, sectors, sector_of_unit = split(run_algorithm, grid_units(), SECTOR_COUNT=2, BARRIERS=barriers)
    # squares would cross the railway; the rows do not, and are still balanced (400 each)
    assert rows_of(sector_of_unit) == [BOTTOM_ROW, TOP_ROW]
    assert [sectors[s]["population"] for s in sorted(sectors)] == [400, 400]


def test_an_existing_balanced_plan_is_kept(run_algorithm):
    existing = memory_layer(
        "Polygon", ["name:string"], [(box(0, 0, 2000, 500), "south"), (box(0, 500, 2000, 1000), "north")]
    )
    results, _, sector_of_unit = split(run_algorithm, grid_units(), SECTOR_COUNT=2, EXISTING_SECTORS=existing)
    # the rows are balanced already, so nobody needs to change sector (squares would be rounder)
    assert rows_of(sector_of_unit) == [BOTTOM_ROW, TOP_ROW]
    assert results["KEPT_POPULATION_SHARE"] == 1.0


def districts_layer(west_targets=None):
    return memory_layer(
        "Polygon",
        ["district:string", "sector_count:integer", "targets:string"],
        [(box(0, 0, 1000, 1000), "West", 2, west_targets), (box(1000, 0, 2000, 1000), "East", 1, None)],
        name="districts",
    )


def test_sectors_nest_in_districts_with_their_names_and_ids(run_algorithm):
    _, sectors, sector_of_unit = split(run_algorithm, grid_units(), DISTRICTS=districts_layer())
    # West (4 blocks, 400 people) into 2 sectors of 200; East (400 people) is one sector
    assert sorted(sectors) == ["EA-01", "WE-01", "WE-02"]
    assert {s: (sectors[s]["district"], sectors[s]["population"]) for s in sectors} == {
        "EA-01": ("East", 400),
        "WE-01": ("West", 200),
        "WE-02": ("West", 200),
    }
    assert sectors["WE-01"]["sector_name"] == "West 1"
    assert {sector_of_unit[unit] for unit in RIGHT_HALF} == {"EA-01"}
    # sectors touching across the district line are neighbours
    assert "EA-01" in sectors["WE-01"]["neighbours"] or "EA-01" in sectors["WE-02"]["neighbours"]


def test_target_shares_give_unequal_sectors(run_algorithm):
    _, sectors, _ = split(
        run_algorithm, grid_units(), DISTRICTS=districts_layer("1, 3"), TARGET_FIELD="targets"
    )
    # West's 400 inhabitants shared 1 : 3
    assert sorted(sectors[s]["population"] for s in ("WE-01", "WE-02")) == [100, 300]


def test_population_is_conserved_and_every_unit_is_assigned(run_algorithm):
    units = grid_units(population=lambda c, r: 10 * (c + 1) + r)
    _, sectors, sector_of_unit = split(run_algorithm, units, SECTOR_COUNT=2, TOLERANCE=50)
    # Σ (10(c+1) + r) over c = 0..3, r = 0..1 = 2·10·(1+2+3+4) + 4·1 = 204
    assert sum(feature["population"] for feature in sectors.values()) == 204
    assert sorted(sector_of_unit) == [0, 1, 2, 3, 10, 11, 12, 13]
    assert set(sector_of_unit.values()) == set(sectors)


def test_same_seed_same_plan(run_algorithm):
    units = grid_units(columns=6, rows=4, population=lambda c, r: 50 + 7 * ((3 * c + 5 * r) % 11))
    plans = [split(run_algorithm, units, SECTOR_COUNT=3, SEED=5, TOLERANCE=5)[2] for _ in range(2)]
    assert plans[0] == plans[1]


def test_geographic_input_is_split_in_metres_and_written_in_degrees(run_algorithm):
    units = grid_units(crs="EPSG:4326")
    results, sectors, sector_of_unit = split(run_algorithm, units, SECTOR_COUNT=2)
    assert rows_of(sector_of_unit) == [LEFT_HALF, RIGHT_HALF]
    assert all(sectors[s]["area_km2"] == pytest.approx(1.0, rel=1e-3) for s in sectors)
    extent = sectors["S-01"].geometry().boundingBox()
    assert 12 < extent.xMinimum() < 13 and 55 < extent.yMinimum() < 56  # still degrees


def test_units_outside_every_district_are_placed_and_reported(run_algorithm):
    districts = memory_layer(
        "Polygon", ["district:string", "sector_count:integer"], [(box(0, 0, 1500, 1000), "Only", 2)]
    )
    feedback = Recorder()
    _, sectors, sector_of_unit = split(
        run_algorithm, grid_units(), feedback, DISTRICTS=districts, ASSIGN_OUTSIDE_TO_NEAREST=True
    )
    assert len(sector_of_unit) == 8  # the two blocks east of x = 1500 are not lost
    assert sum(feature["population"] for feature in sectors.values()) == 800
    assert any("2 units lie outside every district" in warning for warning in feedback.warnings)


def test_missing_population_counts_as_zero_and_is_reported(run_algorithm):
    units = grid_units(population=lambda c, r: None if (c, r) == (0, 0) else 100)
    feedback = Recorder()
    _, sectors, _ = split(run_algorithm, units, feedback, SECTOR_COUNT=1)
    assert sectors["S-01"]["population"] == 700
    assert any("1 units have no population value" in warning for warning in feedback.warnings)


@pytest.mark.parametrize(
    "units, parameters, message",
    [
        (lambda: grid_units(), {"SECTOR_COUNT": 9}, "9 sectors"),
        (lambda: grid_units(population=lambda c, r: -5), {"SECTOR_COUNT": 2}, "negative"),
        (lambda: memory_layer("Polygon", ["population:double"], [], name="units"), {}, "no features"),
        (lambda: grid_units(), {"POPULATION_FIELD": "unit_idx"}, "no field 'unit_idx'"),
    ],
)
def test_bad_input_is_a_clear_error(run_algorithm, units, parameters, message):
    with pytest.raises(QgsProcessingException, match=message):
        split(run_algorithm, units(), **parameters)


def test_non_numeric_population_field_is_refused(run_algorithm):
    units = memory_layer("Polygon", ["population:string"], [(box(0, 0, 500, 500), "many")], name="units")
    with pytest.raises(QgsProcessingException, match="not numeric"):
        split(run_algorithm, units, SECTOR_COUNT=1)


def test_sample_district_through_qgis_process(qgis_process, tmp_path):
    sample = tmp_path / "sample.gpkg"
    qgis_process.run("ypo:createsampledistrict", SEED=1, OUTPUT=sample)
    result = qgis_process.run(
        ALG,
        UNITS=f"{sample}|layername=units",
        DISTRICTS=f"{sample}|layername=districts",
        BARRIERS=f"{sample}|layername=barriers",
        OUTPUT_SECTORS=tmp_path / "sectors.gpkg",
        OUTPUT_UNITS=tmp_path / "units.gpkg",
    )["results"]
    sectors = QgsVectorLayer(str(tmp_path / "sectors.gpkg"), "sectors", "ogr")
    units = QgsVectorLayer(str(tmp_path / "units.gpkg"), "units", "ogr")
    by_district = {}
    for feature in sectors.getFeatures():
        by_district[feature["district"]] = by_district.get(feature["district"], 0) + 1
    assert by_district == {"North East": 9, "North West": 5, "Frederiksberg": 5}
    assert result["NONCONTIGUOUS_COUNT"] == 0
    assert sum(feature["population"] for feature in sectors.getFeatures()) == 380_000
    assert units.featureCount() == QgsVectorLayer(f"{sample}|layername=units", "u", "ogr").featureCount()
    assert all(feature["sector_id"] for feature in units.getFeatures())
    assert sectors.renderer().type() == "singleSymbol" and sectors.labelsEnabled()
    # both outputs carry their style: every sector and every block gets a fill colour from its id
    for layer in (sectors, units):
        symbol = layer.renderer().symbol().symbolLayer(0)
        assert (
            "sector_id"
            in symbol.dataDefinedProperties().property(symbol.PropertyFillColor).expressionString()
        )


def test_cancel_stops_the_split_promptly(run_algorithm):
    units = grid_units(columns=40, rows=30, population=lambda c, r: 50 + (7 * c + 3 * r) % 40)
    # The full run first: whatever the first run in a process pays once (imports, caches) must not
    # be counted against the cancelled one.
    started = time.perf_counter()
    split(run_algorithm, units, SECTOR_COUNT=12)
    full_seconds = time.perf_counter() - started
    feedback = Recorder()
    # cancel as soon as the split itself starts (reading the layers is the first 25 %)
    feedback.progressChanged.connect(lambda percent: feedback.cancel() if percent >= 26 else None)
    started = time.perf_counter()
    results, _ = run_algorithm(
        ALG,
        {
            "UNITS": units,
            "SECTOR_COUNT": 12,
            "OUTPUT_SECTORS": QgsProcessingOutputLayerDefinition("memory:sectors"),
            "OUTPUT_UNITS": QgsProcessingOutputLayerDefinition("memory:units"),
        },
        feedback,
    )
    cancelled_seconds = time.perf_counter() - started
    assert feedback.isCanceled()
    assert "OUTPUT_SECTORS" not in results  # nothing half-written is handed on
    assert cancelled_seconds < full_seconds / 2


def test_an_island_unit_is_linked_to_its_nearest_unit_and_reported(run_algorithm):
    cells = [(box(500 * c, 0, 500 * (c + 1), 500), c, 100) for c in range(4)]
    cells.append((box(2300, 0, 2800, 500), 9, 100))  # 300 m east of the last block, touching nothing
    units = memory_layer("Polygon", ["unit_id:integer", "population:double"], cells, name="units")
    feedback = Recorder()
    _, sectors, sector_of_unit = split(run_algorithm, units, feedback, SECTOR_COUNT=1)
    assert sector_of_unit == {0: "S-01", 1: "S-01", 2: "S-01", 3: "S-01", 9: "S-01"}
    # memory layer feature ids start at 1: the island is #5, its nearest unit #4, 300 m away
    assert "UNITS: units #4 and #5 linked as nearest neighbours (300 m apart)" in " ".join(feedback.infos)
    assert sectors["S-01"]["population"] == 500


def test_an_invalid_unit_is_repaired_and_reported(run_algorithm):
    bow_tie = QgsGeometry.fromWkt(
        "POLYGON((720000 6178000, 720500 6178500, 720500 6178000, 720000 6178500, 720000 6178000))"
    )
    cells = [(bow_tie, 0, 100), (box(500, 0, 1000, 500), 1, 100)]
    units = memory_layer("Polygon", ["unit_id:integer", "population:double"], cells, name="units")
    feedback = Recorder()
    _, sectors, sector_of_unit = split(run_algorithm, units, feedback, SECTOR_COUNT=1)
    assert sector_of_unit == {0: "S-01", 1: "S-01"}  # nothing lost
    assert sectors["S-01"]["population"] == 200
    assert "1 invalid unit geometries were repaired (make valid)." in feedback.infos
