"""Population outside every sector: a floating-point residue of the areal weighting is 0, not a
finding (POPULATION_TOLERANCE, 0.01 inhabitant); a real part outside is reported as it is."""

import math

import numpy as np
import pytest
import shapely

from ypo_plugin.core.manning import PopulationInput, SectorInput, compute_manning
from ypo_plugin.core.population import POPULATION_TOLERANCE, population_outside, prepare_population
from ypo_plugin.core.sector_stats import sector_statistics

X0, Y0 = 720_000.0, 6_178_000.0  # UTM-sized coordinates, as real data has


def tiling_units(seed):
    """40 Voronoi cells that exactly tile a 3 km square, with 100–4999 inhabitants each."""
    rng = np.random.default_rng(seed)
    square = shapely.box(X0, Y0, X0 + 3000, Y0 + 3000)
    points = shapely.multipoints(np.round(rng.uniform(0, 3000, (40, 2)), 1) + [X0, Y0])
    cells = shapely.intersection(
        shapely.get_parts(shapely.voronoi_polygons(points, extend_to=square)), square
    )
    return cells, rng.integers(100, 5000, len(cells)).astype(float)


def two_sectors():
    """The same square cut in two by a slanted line, which crosses units."""
    west = shapely.Polygon([(X0, Y0), (X0 + 1300, Y0), (X0 + 1700, Y0 + 3000), (X0, Y0 + 3000)])
    east = shapely.Polygon([(X0 + 1300, Y0), (X0 + 3000, Y0), (X0 + 3000, Y0 + 3000), (X0 + 1700, Y0 + 3000)])
    return np.array([west, east])


def test_the_tolerance_is_a_hundredth_of_an_inhabitant():
    assert POPULATION_TOLERANCE == 0.01
    assert population_outside(1000.0, np.array([600.0, 400.0 - 1.69e-08])) == 0
    assert math.copysign(1, population_outside(1000.0, np.array([600.0, 400.0 + 1e-9]))) == 1  # never -0
    assert population_outside(1000.0, np.array([600.0, 399.5])) == 0.5
    assert population_outside(1000.0, np.array([600.0, 399.98])) == pytest.approx(0.02)


@pytest.mark.parametrize("seed", [1, 3, 7])
def test_units_tiling_the_sectors_leave_no_population_outside(seed):
    units, population = tiling_units(seed)
    sectors = two_sectors()
    assert shapely.union_all(units).symmetric_difference(shapely.union_all(sectors)).area < 1e-6
    result = compute_manning(SectorInput(["W", "E"], sectors), PopulationInput(units, population))
    # The residue is there: the sectors' populations do not add up to the input exactly …
    residue = population.sum() - result.sectors.population.sum()
    assert residue != 0 and abs(residue) < 1e-7
    # … but nothing is outside: every unit lies in the two sectors.
    assert result.population_outside == 0
    statistics = sector_statistics(["W", "E"], sectors, prepare_population(units, population))
    assert statistics.population_outside == 0


def test_a_real_part_outside_is_kept_exactly():
    units, population = tiling_units(1)
    sectors = two_sectors()
    outside_unit = shapely.box(X0 + 5000, Y0, X0 + 5100, Y0 + 100)  # 0.25 inhabitant, wholly outside
    result = compute_manning(
        SectorInput(["W", "E"], sectors),
        PopulationInput(np.append(units, outside_unit), np.append(population, 0.25)),
    )
    assert result.population_outside == pytest.approx(0.25, abs=1e-7)
