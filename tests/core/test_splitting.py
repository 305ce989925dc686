"""Splitting units into sectors: count, contiguity, balance, conservation,
nesting, barriers, stability with an existing plan, determinism, bad input."""

import numpy as np
import pytest
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from shapely import LineString, box

from ypo_plugin.core.adjacency import build_adjacency
from ypo_plugin.core.errors import InputError
from ypo_plugin.core.progress import Cancelled
from ypo_plugin.core.sector_plan import Districts, plan_sectors
from ypo_plugin.core.splitting import (
    compute_workload,
    district_code,
    exposed_population,
    refine,
    sector_neighbours,
    seeding,
    split_sectors,
)
from ypo_plugin.core.splitting.graph import DistrictGraph


def grid(columns, rows):
    """Unit boxes, row by row from the south-west corner: index = row * columns + column."""
    return np.array([box(c, r, c + 1, r + 1) for r in range(rows) for c in range(columns)])


def split(units, workload, sectors, seed=0, **options):
    adjacency = options.pop("adjacency", None) or build_adjacency(units)
    return split_sectors(units, workload, adjacency, sectors, rng=np.random.default_rng(seed), **options)


def sector_sets(labels):
    return {frozenset(np.flatnonzero(labels == s).tolist()) for s in np.unique(labels)}


def voronoi_city(count, seed):
    rng = np.random.default_rng(seed)
    points = rng.uniform(0, 1000, size=(count, 2))
    cells = shapely.voronoi_polygons(shapely.multipoints(points), extend_to=box(0, 0, 1000, 1000))
    units = shapely.intersection(np.asarray(shapely.get_parts(cells)), box(0, 0, 1000, 1000))
    population = np.round(rng.lognormal(6.0, 0.4, count))
    return units, population


@pytest.mark.parametrize("sectors", [2, 4])
def test_equal_grid_splits_exactly(sectors):
    result = split(grid(4, 4), np.ones(16), sectors)
    assert len(np.unique(result.labels)) == sectors
    assert result.contiguous.all()
    np.testing.assert_allclose(result.workload, 16 / sectors)
    np.testing.assert_allclose(result.deviation_pct, 0.0)
    assert result.within_tolerance and result.messages == ()


def test_four_by_four_into_four_gives_the_quadrants():
    # The most compact split of a 4×4 grid into 4 equal sectors: 2×2 squares.
    result = split(grid(4, 4), np.ones(16), 4)
    quadrants = {
        frozenset(r * 4 + c for r in rows for c in cols)
        for rows in ((0, 1), (2, 3))
        for cols in ((0, 1), (2, 3))
    }
    assert sector_sets(result.labels) == quadrants


def test_balances_unequal_population_and_conserves_it():
    # The left column weighs 3 per unit: 12 units of 1 + 4 units of 3 = 24,
    # so two sectors of 12 each.
    population = np.ones(16)
    population[[0, 4, 8, 12]] = 3.0
    result = split(grid(4, 4), population, 2)
    np.testing.assert_allclose(result.workload, [12.0, 12.0])
    assert result.workload.sum() == pytest.approx(population.sum())
    assert result.contiguous.all()


def test_given_target_shares():
    result = split(grid(4, 4), np.ones(16), 2, target_shares=[[1.0, 3.0]])
    assert sorted(result.workload.tolist()) == [4.0, 12.0]
    assert sorted(result.target.tolist()) == [4.0, 12.0]


def test_nested_districts_keep_their_sectors_inside():
    units = grid(6, 4)
    district = np.array([0 if box.bounds[0] < 3 else 1 for box in units])
    result = split(units, np.ones(24), [2, 3], districts=district, district_names=["West", "East"])
    assert result.sector_district.tolist() == [0, 0, 1, 1, 1]
    assert result.sector_number.tolist() == [1, 2, 1, 2, 3]
    for sector, owner in enumerate(result.sector_district):
        assert (district[result.labels == sector] == owner).all()
    np.testing.assert_allclose(result.workload, [6, 6, 4, 4, 4])
    assert result.contiguous.all()


def test_sectors_are_numbered_north_to_south():
    result = split(grid(1, 4), np.ones(4), 2)
    # Sector 0 is the northern one: units 2 and 3 (rows 2 and 3).
    assert result.labels.tolist() == [1, 1, 0, 0]


def test_barrier_is_respected():
    units = grid(4, 4)
    adjacency = build_adjacency(units, barriers=[LineString([(2, -1), (2, 5)])])
    # Equal halves either side of the line; a north/south split would need the
    # single link kept across the line in both halves, so it is impossible.
    for seed in range(3):
        result = split(units, np.ones(16), 2, seed=seed, adjacency=adjacency)
        assert sector_sets(result.labels) == {
            frozenset(r * 4 + c for r in range(4) for c in (0, 1)),
            frozenset(r * 4 + c for r in range(4) for c in (2, 3)),
        }


def test_piece_of_0_8_targets_behind_a_barrier_takes_the_rest_through_its_link():
    # 5 × 4 grid, barrier at x = 2: the western piece (columns 0-1, 8 units of
    # 1) is 0.8 of a target of 10 and joins the east through one link, in the
    # middle of the barrier: units 6-7 (rows 1 and 2 tie, the first wins).
    # Unit 7 weighs 2 and the north-east corner (19) 0, so the only balanced
    # plan is the western piece plus unit 7 against the other eleven units.
    units = grid(5, 4)
    adjacency = build_adjacency(units, barriers=[LineString([(2, -1), (2, 5)])])
    assert [(link.i, link.j) for link in adjacency.links] == [(6, 7)]
    workload = np.ones(20)
    workload[7], workload[19] = 2.0, 0.0
    west = frozenset(r * 5 + c for r in range(4) for c in (0, 1))
    for seed in range(3):
        result = split(units, workload, 2, seed=seed, adjacency=adjacency)
        assert result.contiguous.all() and result.within_tolerance
        np.testing.assert_allclose(result.workload, [10.0, 10.0])
        assert sector_sets(result.labels) == {west | {7}, frozenset(range(20)) - west - {7}}


def test_sector_reaches_through_a_small_middle_piece():
    # 10 × 3 grid, barriers at x = 2 and x = 3: pieces of 0.6 (columns 0-1),
    # 0.3 (column 2) and 2.1 targets (columns 3-9) in a chain, linked in the
    # middle row (11-12 and 12-13). The sector holding the western piece must
    # cross the middle one and take exactly one unit behind it: unit 13.
    units = grid(10, 3)
    barriers = [LineString([(2, -1), (2, 4)]), LineString([(3, -1), (3, 4)])]
    adjacency = build_adjacency(units, barriers=barriers)
    assert sorted((link.i, link.j) for link in adjacency.links) == [(11, 12), (12, 13)]
    for seed in range(3):
        result = split(units, np.ones(30), 3, seed=seed, adjacency=adjacency)
        assert result.contiguous.all() and result.within_tolerance
        np.testing.assert_allclose(result.workload, [10.0, 10.0, 10.0])
        west = frozenset(r * 10 + c for r in range(3) for c in (0, 1, 2)) | {13}
        assert west in sector_sets(result.labels)


CROSS = [((0, 380), (1000, 300)), ((620, 0), (700, 1000))]
FRAME = [((0, 150), (1000, 170)), ((150, 0), (170, 1000)), ((0, 900), (1000, 850))]


@pytest.mark.parametrize(
    "city, lines, sectors, seed",
    [
        (0, CROSS, 7, 0),
        (0, CROSS, 7, 1),
        (1, CROSS, 7, 0),
        (3, FRAME, 5, 0),
        (3, FRAME, 5, 1),
        (0, FRAME, 5, 0),
    ],
    ids=["cross-0-0", "cross-0-1", "cross-1-0", "frame-3-0", "frame-3-1", "frame-0-0"],
)
def test_random_city_with_barriers_contiguous_and_within_tolerance(city, lines, sectors, seed):
    # Barriers through a Voronoi city cut it into pieces that are not whole
    # multiples of a sector (the "frame" leaves thin strips along three sides).
    units, population = voronoi_city(400, city)
    adjacency = build_adjacency(units, barriers=[LineString(line) for line in lines])
    assert any(link.reason == "barrier" for link in adjacency.links)
    result = split(units, population, sectors, seed=seed, adjacency=adjacency)
    assert result.noncontiguous_count == 0
    assert result.max_deviation_pct <= 1.0
    assert result.workload.sum() == pytest.approx(population.sum())
    again = split(units, population, sectors, seed=seed, adjacency=adjacency)
    assert np.array_equal(result.labels, again.labels)


def test_island_unit_joins_a_sector_through_its_link():
    units = np.append(grid(2, 2), box(6, 0, 7, 1))
    result = split(units, np.array([1.0, 1.0, 1.0, 1.0, 2.0]), 2)
    assert result.contiguous.all()
    np.testing.assert_allclose(sorted(result.workload), [3.0, 3.0])
    # The island is linked to unit 1 and must share its sector.
    assert result.labels[4] == result.labels[1]


def test_balanced_existing_plan_is_kept():
    # Existing plan: north and south halves, already balanced; the splitter
    # on its own would not necessarily choose it, but must keep it.
    existing = np.array([10] * 8 + [20] * 8)
    result = split(grid(4, 4), np.ones(16), 2, existing=existing)
    assert sector_sets(result.labels) == sector_sets(existing)
    assert result.kept_share == 1.0
    assert sorted(result.matched_existing.tolist()) == [10, 20]


def test_unbalanced_existing_plan_moves_as_few_units_as_needed():
    # Existing: 12 units vs 4. Balance needs 4 units to change sector, no more.
    existing = np.array([1 if column < 3 else 2 for row in range(4) for column in range(4)])
    result = split(grid(4, 4), np.ones(16), 2, existing=existing)
    np.testing.assert_allclose(result.workload, [8.0, 8.0])
    assert result.kept_share == pytest.approx(12 / 16)
    assert result.contiguous.all()


def test_existing_plan_with_another_sector_count_is_matched():
    # Four column sectors today, two tomorrow: each new sector continues one
    # old column, so at most 2 × 4 of the 16 units keep their sector.
    existing = np.array([column for row in range(4) for column in range(4)])
    result = split(grid(4, 4), np.ones(16), 2, existing=existing)
    continued = result.matched_existing.tolist()
    assert len(set(continued)) == 2 and set(continued) <= {0, 1, 2, 3}
    assert 0 < result.kept_share <= 0.5
    np.testing.assert_allclose(result.workload, [8.0, 8.0])


def test_same_seed_same_labels():
    units, population = voronoi_city(300, 3)
    adjacency = build_adjacency(units)
    first = split_sectors(units, population, adjacency, 7, rng=np.random.default_rng(11))
    second = split_sectors(units, population, adjacency, 7, rng=np.random.default_rng(11))
    assert np.array_equal(first.labels, second.labels)


@pytest.mark.parametrize("seed", range(3))
def test_random_city_contiguous_and_within_tolerance(seed):
    units, population = voronoi_city(400, seed)
    result = split(units, population, 9, seed=seed)
    assert len(np.unique(result.labels)) == 9
    assert result.noncontiguous_count == 0
    assert result.max_deviation_pct <= 1.0
    assert result.workload.sum() == pytest.approx(population.sum())


def test_many_sectors_contiguous_and_within_tolerance_checked_independently():
    # 30 sectors: more than the power diagram's nearest centres, so each unit chooses among a few.
    units, population = voronoi_city(1500, 5)
    adjacency = build_adjacency(units)
    result = split(units, population, 30, seed=2, adjacency=adjacency)
    labels = result.labels
    assert sorted(np.unique(labels).tolist()) == list(range(30))
    same = labels[adjacency.edges[:, 0]] == labels[adjacency.edges[:, 1]]
    inside = adjacency.edges[same]
    graph = coo_matrix((np.ones(len(inside)), (inside[:, 0], inside[:, 1])), shape=(len(units), len(units)))
    _, piece = connected_components(graph, directed=False)
    assert all(len(np.unique(piece[labels == s])) == 1 for s in range(30))
    share = population.sum() / 30
    deviation = [abs(population[labels == s].sum() - share) / share for s in range(30)]
    assert max(deviation) <= 0.01
    again = split(units, population, 30, seed=2, adjacency=adjacency)
    assert np.array_equal(labels, again.labels)


@pytest.mark.parametrize("existing", [False, True])
@pytest.mark.parametrize("within_tolerance", [True, False])
def test_compacting_sweeps_miss_no_move(existing, within_tolerance):
    # Every unit with a compacting move, found by scoring each move on its own,
    # is among the units a sweep checks (scored all at once with arrays).
    units, population = voronoi_city(600, 8)
    adjacency = build_adjacency(units)
    rng = np.random.default_rng(5)
    homes = None
    if existing:
        homes = split(units, population, 12, seed=3, adjacency=adjacency).labels.tolist()
    centroids = shapely.get_coordinates(shapely.centroid(units))
    problem = DistrictGraph(
        adjacency,
        np.arange(len(units)),
        population,
        centroids,
        shapely.area(units),
        shapely.length(units),
        np.full(12, population.sum() / 12),
        1.0,
    )
    # Straight cuts only: a rough start with moves of every kind open.
    plan = refine.Refiner(problem, seeding.recursive_bisection(problem, rng), homes, rng)
    expected = set()
    for u in plan._boundary():
        source = plan.label[u]
        for dest in plan._neighbour_parts(u):
            stay = plan._stay_cost(u, source, dest)
            keeps = plan._keeps_tolerance(source, dest, plan.w[u])
            gain = plan._shape_gain(u, source, dest)
            if stay <= 0 and keeps == within_tolerance and (gain > 1e-9 or (within_tolerance and stay < 0)):
                expected.add(u)
    checked = plan._compacting_units(within_tolerance)
    assert expected, "the rough plan leaves moves open"
    assert expected <= set(checked) <= set(plan._boundary())


@pytest.mark.parametrize("existing", [False, True])
def test_balancing_ranks_moves_as_scoring_each_alone_does(existing):
    # The array ranking of balancing moves against the scalar scores of each move:
    # the same moves, in the order of (removes excess, stay, shape damage).
    units, population = voronoi_city(600, 8)
    adjacency = build_adjacency(units)
    homes = split(units, population, 12, seed=3, adjacency=adjacency).labels.tolist() if existing else None
    problem = DistrictGraph(
        adjacency,
        np.arange(len(units)),
        population,
        shapely.get_coordinates(shapely.centroid(units)),
        shapely.area(units),
        shapely.length(units),
        np.full(12, population.sum() / 12),
        1.0,
    )
    rng = np.random.default_rng(5)
    plan = refine.Refiner(problem, seeding.recursive_bisection(problem, rng), homes, rng)
    out = [part for part in range(plan.k) if plan._excess(part, plan.load[part]) > 0]
    assert out, "straight cuts leave sectors out of tolerance"
    expected = {}
    for u, source, dest in plan._moves_touching(out):
        improvement = plan._balance_improvement(u, source, dest)
        if improvement is not None:
            removed, stay = improvement
            gain = plan._shape_gain(u, source, dest)
            damage = -gain * plan.target[source] / removed if removed > 0 else -gain
            expected[(u, source, dest)] = (0 if removed > 0 else 1, stay, damage)
    ranked = plan._ranked_balance_moves(out)
    assert set(ranked) == set(expected)
    keys = [expected[move] for move in ranked]
    for before, after in zip(keys, keys[1:], strict=False):
        assert before[:2] < after[:2] or (before[:2] == after[:2] and before[2] <= after[2] + 1e-9)


def test_as_many_sectors_as_units():
    result = split(grid(3, 1), np.ones(3), 3)
    assert sorted(result.labels.tolist()) == [0, 1, 2]
    assert result.contiguous.all()


def test_impossible_tolerance_is_reported_not_looped():
    # Targets of 6: the unit of 10 alone overshoots whatever we do.
    result = split(grid(3, 1), np.array([10.0, 1.0, 1.0]), 2)
    assert not result.within_tolerance
    assert result.contiguous.all()
    assert any("exceeds every sector's upper bound" in message for message in result.messages)
    assert any("Tolerance of 1% not reached" in message for message in result.messages)


def test_too_many_sectors_is_an_input_error():
    with pytest.raises(InputError, match="District North has 4 units but asks for 5 sectors"):
        split(grid(2, 2), np.ones(4), 5, district_names=["North"])


def test_bad_workloads_are_input_errors():
    with pytest.raises(InputError, match="unit 1 has a negative"):
        split(grid(2, 1), np.array([1.0, -1.0]), 1)
    with pytest.raises(InputError, match="unit 0 has no"):
        split(grid(2, 1), np.array([np.nan, 1.0]), 1)
    with pytest.raises(InputError, match="no workload"):
        split(grid(2, 1), np.zeros(2), 1)
    with pytest.raises(InputError, match="at least one sector"):
        split(grid(2, 1), np.ones(2), 0)


def test_cancel_stops_the_split():
    with pytest.raises(Cancelled):
        split(grid(4, 4), np.ones(16), 2, is_cancelled=lambda: True)


def test_progress_reaches_100():
    reported = []
    split(grid(4, 4), np.ones(16), 2, progress=reported.append)
    assert reported[-1] == 100.0
    assert all(0.0 <= value <= 100.0 for value in reported)


def test_workload_is_population_without_other_data():
    population = np.array([100.0, 300.0])
    np.testing.assert_allclose(compute_workload(population), population)
    np.testing.assert_allclose(compute_workload(population, crimes=np.zeros(2)), population)


def test_workload_blends_scaled_terms():
    # P = 400, C = 4: crime term = crimes · 100 = [300, 100];
    # (1·[100, 300] + 1·[300, 100]) / 2 = [200, 200]; the total stays 400.
    workload = compute_workload(np.array([100.0, 300.0]), crimes=np.array([3.0, 1.0]))
    np.testing.assert_allclose(workload, [200.0, 200.0])
    # Exposed population [0, 300], E = 300: term [0, 400]; weights 2:1:1 → /4.
    workload = compute_workload(
        np.array([100.0, 300.0]),
        crimes=np.array([3.0, 1.0]),
        exposed_population=np.array([0.0, 300.0]),
        population_weight=2.0,
    )
    np.testing.assert_allclose(workload, [(200 + 300 + 0) / 4, (600 + 100 + 400) / 4])


def test_workload_rejects_negative_values():
    with pytest.raises(InputError, match="Population: unit 0 has a negative population"):
        compute_workload(np.array([-5.0, 1.0]))
    with pytest.raises(InputError, match="weights are zero"):
        compute_workload(np.ones(2), population_weight=0.0)


def test_exposed_population_is_population_times_covered_share():
    units = grid(2, 1)
    exposed = exposed_population(units, np.array([100.0, 80.0]), [box(0, 0, 0.5, 1)])
    np.testing.assert_allclose(exposed, [50.0, 0.0])


def test_sector_neighbours_count_shared_boundaries_only():
    # Units 0 | 1 | 2 in a row plus an island linked to unit 2; barrier between 0 and 1.
    units = np.append(grid(3, 1), box(6, 0, 7, 1))
    adjacency = build_adjacency(units, barriers=[LineString([(1, -1), (1, 2)])])
    labels = np.array([0, 1, 2, 3])
    # 0-1 still touch across the barrier; 2-3 is only an island link.
    assert sector_neighbours(adjacency, labels) == [[1], [0, 2], [1], []]


def test_sector_codes():
    assert district_code("North East") == "NE"
    assert district_code("Frederiksberg") == "FR"
    # Sector ids are the district code and the two-digit sector number, as the plan writes them.
    districts = Districts(np.array([box(0, 0, 3, 1)]), ["North West"], [3], [None])
    plan = plan_sectors(grid(3, 1), np.full(3, 100.0), districts, 3, rng=np.random.default_rng(0))
    assert plan.sectors["sector_id"].tolist()[2] == "NW-03"
