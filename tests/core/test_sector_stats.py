"""Live sector statistics agree with compute_manning, also when computed incrementally."""

import numpy as np
import pytest
import shapely

from ypo_plugin.core.crime_types import CRIME_TYPE_FIELDS, CRIME_TYPES
from ypo_plugin.core.manning import CrimeInput, PopulationInput, SectorInput, compute_manning
from ypo_plugin.core.population import prepare_population
from ypo_plugin.core.sector_stats import StatsCache, StatsSettings, prepare_crimes, sector_statistics
from ypo_plugin.core.sectors import united_areas


def grid_units(n=20, size=100.0, seed=0):
    rng = np.random.default_rng(seed)
    cells = [
        shapely.box(i * size, j * size, (i + 1) * size, (j + 1) * size) for i in range(n) for j in range(n)
    ]
    return np.array(cells, dtype=object), rng.integers(0, 200, len(cells)).astype(float)


def incidents(count=5000, extent=2000.0, seed=1):
    rng = np.random.default_rng(seed)
    xy = rng.uniform(-100, extent + 100, (count, 2))
    xy[:50] = np.round(xy[:50] / 100) * 100  # some exactly on unit and sector edges
    types = rng.choice([*CRIME_TYPES, "unknown thing", None], count)
    return xy, types


def plan():
    """Four sectors with an overlap (sector 1 reaches into sector 0) and a wiggly edge."""
    return np.array(
        [
            shapely.box(0, 0, 1000, 1000),
            shapely.Polygon([(900, 0), (2000, 0), (2000, 1000), (1000, 1000), (950, 500)]),
            shapely.box(0, 1000, 1000, 2000),
            shapely.box(1000, 1000, 2000, 2000).difference(shapely.box(1400, 1400, 1500, 1500)),
        ],
        dtype=object,
    )


def test_statistics_match_compute_manning():
    units, population = grid_units()
    xy, types = incidents()
    exposed_areas = np.array(
        [shapely.box(150, 150, 650, 420), shapely.box(1200, 1200, 1700, 1300)], dtype=object
    )
    sectors = plan()
    ids = ["S1", "S2", "S3", "S4"]
    exposed = united_areas(exposed_areas)
    stats = sector_statistics(
        ids, sectors, prepare_population(units, population, exposed), prepare_crimes(xy, types)
    ).table.set_index("sector_id")
    manning = compute_manning(
        SectorInput(ids, sectors), PopulationInput(units, population), CrimeInput(xy, types), exposed_areas
    ).sectors.set_index("sector_id")
    for column in ("population", "exposed_share", "need_score", "area_km2"):
        np.testing.assert_allclose(stats[column], manning[column], rtol=1e-9, atol=1e-9)
    for column in ("crimes_total", *CRIME_TYPE_FIELDS, "factor", "officers_required"):
        np.testing.assert_array_equal(stats[column].to_numpy(int), manning[column].to_numpy(int))
    assert "overlap" in stats.loc["S1", "flags"] and "overlap" in stats.loc["S2", "flags"]
    assert "gap" in stats.loc["S4", "flags"]  # the hole inside S4


def test_incremental_updates_equal_a_fresh_computation():
    units, population = grid_units(seed=3)
    xy, types = incidents(seed=4)
    prepared_population = prepare_population(units, population)
    crimes = prepare_crimes(xy, types)
    rng = np.random.default_rng(5)
    cache = StatsCache()
    sectors = plan()
    ids = ["a", "b", "c", "d"]
    sector_statistics(ids, sectors, prepared_population, crimes, cache=cache)
    for step in range(12):
        k = int(rng.integers(0, len(sectors)))
        coords = shapely.get_coordinates(sectors[k])
        coords[int(rng.integers(0, len(coords) - 1))] += rng.normal(0, 80, 2)
        moved = shapely.set_coordinates(sectors[k], coords)
        sectors = sectors.copy()
        sectors[k] = moved if moved.is_valid else sectors[k]
        if step == 8:  # a sector is added, then one deleted
            sectors, ids = np.append(sectors, shapely.box(2000, 0, 2100, 2000)), [*ids, "e"]
        if step == 10:
            sectors, ids = sectors[1:], ids[1:]
        incremental = sector_statistics(ids, sectors, prepared_population, crimes, cache=cache)
        fresh = sector_statistics(ids, sectors, prepared_population, crimes)
        for column in (
            "population",
            "crimes_total",
            *CRIME_TYPE_FIELDS,
            "workload_dev_pct",
            "officers_required",
        ):
            np.testing.assert_allclose(incremental.table[column], fresh.table[column], rtol=1e-12)
        assert list(incremental.table["flags"]) == list(fresh.table["flags"])
        if step not in (8, 10):
            assert cache.reassigned < len(crimes.xy)  # only the incidents near the changed sector


def test_flags_for_broken_sectors_and_the_workload_tolerance():
    units, population = grid_units(n=4)
    split = shapely.MultiPolygon([shapely.box(0, 0, 100, 100), shapely.box(300, 300, 400, 400)])
    bow_tie = shapely.Polygon([(0, 200), (100, 300), (100, 200), (0, 300)])
    sectors = np.array([split, None, bow_tie, shapely.box(200, 0, 300, 100), shapely.box(100, 0, 200, 100)])
    ids = ["A", "B", "C", None, "A"]
    stats = sector_statistics(
        ids,
        sectors,
        prepare_population(units, population),
        officers_allocated=[5, None, 0, 2, 2],
        settings=StatsSettings(tolerance_pct=5),
    ).table
    flags = list(stats["flags"])
    assert "noncontiguous" in flags[0] and "duplicate id" in flags[0]
    assert "empty" in flags[1] and np.isnan(stats["population"][1])
    assert "invalid" in flags[2]
    assert "undermanned" in flags[2]  # 0 allocated, at least 2 needed
    assert "no id" in flags[3]
    assert any("workload" in f for f in flags)
    usable = ~np.isnan(stats["workload"].to_numpy())
    assert stats["workload_dev_pct"][usable].mean() == pytest.approx(0, abs=1e-9)


def test_crime_period_and_point_population():
    xy = np.array([[50.0, 50.0], [60, 60], [150, 50], [np.nan, np.nan]])
    crimes = prepare_crimes(
        xy, ["theft", "vold", "theft", "theft"], ["2024-01-01", "2024-01-10", "x", "2024-01-05"]
    )
    assert crimes.period_days == 10
    assert crimes.without_location == 1
    points = np.array([shapely.Point(10, 10), shapely.Point(150, 10)], dtype=object)
    stats = sector_statistics(
        ["L", "R"],
        [shapely.box(0, 0, 100, 100), shapely.box(100, 0, 200, 100)],
        prepare_population(points, [1000, 3000]),
        crimes,
    ).table.set_index("sector_id")
    assert stats.loc["L", "population"] == 1000 and stats.loc["R", "population"] == 3000
    assert stats.loc["L", "crimes_violence"] == 1 and stats.loc["R", "crimes_theft"] == 1
