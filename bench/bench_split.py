"""Benchmark of the sector splitter (ypo:splitsectors core) against its peers.

    python bench/bench_split.py [--runs N] [--only Chicago,sample,...] [--gerrychain-max-units N]

Instances: Chicago's 801 census tracts (2010 population) into 22 sectors (when
``../shared/data`` is present), the generated sample district into 9 + 5 + 5
sectors, synthetic cities of 2,000 and 10,000 units into 20 sectors (Voronoi
cells of points denser towards two centres, in a city with a bay cut out).

Every method gets the same adjacency (rook, shared boundary lengths, islands
linked to their nearest unit) and splits each district on its own (contiguity is judged on the adjacency
the method used: ours may add links inside a district, see the log). Seconds
are algorithm time only: the shared adjacency (printed per instance) and I/O
are excluded. Peers, each run once (seed 0):

* pymetis k-way, ``contiguous=True``, default imbalance (ufactor 30 = 3 %),
  vertex weights = workload, edge weights = shared boundary in metres;
* GerryChain ``recursive_tree_part`` with ε = 2 %;
* scikit-learn k-means on unit centroids weighted by workload.

Ours runs ``--runs`` seeds: worst deviation, mean compactness, slowest time,
and how many runs had every sector contiguous. The sample district comes
twice: with population as the workload, and with the demo's workload weights
(population 1, crime 0.5, exposed 0.2). With its barriers (railway, motorway,
waterway), ours and pymetis run once more on the adjacency with barriers
("+ barriers": pairs across a barrier cut, the fewest needed to stay connected
put back); their targets are checked against METIS on that same adjacency.
"re-plan": every workload drifts by a random ±10 % and ours re-splits with
its own seed-0 plan as the existing plan; the note gives the population share
that keeps its sector.
A missing peer library is reported in the table, not fatal.
"""

import argparse
import os
import random
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np
import shapely
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

from ypo_plugin.core.adjacency import Adjacency, build_adjacency, ensure_connected  # noqa: E402
from ypo_plugin.core.compactness import polsby_popper, reock  # noqa: E402
from ypo_plugin.core.splitting import compute_workload, exposed_population, split_sectors  # noqa: E402

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data")
CHICAGO_TRACTS = os.path.join(DATA, "chicago", "tracts_2010_pop.geojson")
TOLERANCE_PCT = 1.0
# Issue 3: algorithm seconds allowed per unit count.
TIME_BUDGETS = {2000: 2.0, 10000: 10.0}
OURS = "ypo splitsectors"
METIS = "pymetis contig"
BARRIERS = " + barriers"
# The demo's workload weights: population, crime, exposed population.
DEMO_WEIGHTS = (1.0, 0.5, 0.2)


@dataclass
class Instance:
    name: str
    geoms: np.ndarray
    workload: np.ndarray
    districts: np.ndarray  # district index per unit
    sector_counts: list[int]
    barriers: np.ndarray | None = None
    adjacency: Adjacency | None = None


@dataclass
class Row:
    instance: str
    method: str
    max_dev_pct: float = float("nan")
    contiguous: str = "-"
    mean_pp: float = float("nan")
    median_reock: float = float("nan")
    seconds: float = float("nan")
    note: str = ""
    all_contiguous: bool = False


# -- instances -------------------------------------------------------------------------------


def synthetic_city(unit_count: int, seed: int) -> Instance:
    """Voronoi cells of points denser towards two centres, in a non-convex city;
    population follows density with noise, 5 % of cells (parks) have none."""
    rng = np.random.default_rng(seed)
    radius = 10_000.0
    city = shapely.union_all(
        [shapely.Point(0, 0).buffer(radius), shapely.Point(0.9 * radius, 0.4 * radius).buffer(0.6 * radius)]
    ).difference(shapely.Point(0.2 * radius, -1.05 * radius).buffer(0.45 * radius))
    centres = np.array([[-0.2 * radius, 0.1 * radius], [0.9 * radius, 0.5 * radius]])

    def density(xy: np.ndarray) -> np.ndarray:
        distance = np.min(np.linalg.norm(xy[:, None, :] - centres[None], axis=2), axis=1)
        return 0.15 + np.exp(-((distance / (0.4 * radius)) ** 2))

    minx, miny, maxx, maxy = city.bounds
    batches, found = [], 0
    while found < unit_count:
        candidates = rng.uniform([minx, miny], [maxx, maxy], size=(unit_count * 4, 2))
        candidates = candidates[rng.uniform(size=len(candidates)) < density(candidates) / 1.15]
        candidates = candidates[shapely.contains_xy(city, candidates[:, 0], candidates[:, 1])]
        batches.append(candidates)
        found += len(candidates)
    points = np.vstack(batches)[:unit_count]
    cells = np.asarray(
        shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(points), extend_to=city))
    )
    # QGIS's GEOS (3.11) cannot order the cells like their seeds: match each seed to its cell
    seed_index, cell_index = shapely.STRtree(cells).query(shapely.points(points), predicate="within")
    cells = cells[cell_index[np.argsort(seed_index)]]
    geoms = shapely.make_valid(shapely.intersection(cells, city))
    geoms = np.array([_largest_polygon(g) for g in geoms], dtype=object)
    population = shapely.area(geoms) * density(points) * 0.02 * rng.lognormal(0.0, 0.5, len(geoms))
    population[rng.uniform(size=len(geoms)) < 0.05] = 0.0
    return Instance(
        f"synthetic {unit_count}", geoms, np.round(population), np.zeros(len(geoms), dtype=np.int64), [20]
    )


def _largest_polygon(geom):
    parts = shapely.get_parts(geom)
    parts = parts[shapely.get_type_id(parts) == shapely.GeometryType.POLYGON]
    return parts[np.argmax(shapely.area(parts))]


def chicago() -> Instance | None:
    if not os.path.exists(CHICAGO_TRACTS):
        return None
    import geopandas as gpd

    tracts = gpd.read_file(CHICAGO_TRACTS).to_crs(26916)
    population = tracts["pop2010"].to_numpy(float)
    return Instance(
        "Chicago tracts 801", tracts.geometry.values, population, np.zeros(len(tracts), dtype=np.int64), [22]
    )


_SAMPLE = []


def _sample():
    if not _SAMPLE:
        from ypo_plugin.core.sample_district import generate_sample_district

        _SAMPLE.append(generate_sample_district(np.random.default_rng(7)))
    return _SAMPLE[0]


def sample_district(weights: tuple[float, float, float] | None = None) -> Instance | None:
    """The generated sample district (seed 7); workload = population, or with
    ``weights`` the demo's blend of population, crimes and exposed population."""
    try:
        sample = _sample()
    except ImportError:
        return None
    units, districts = sample.units, sample.districts
    names = list(districts["district"])
    district_index = units["district"].map({name: i for i, name in enumerate(names)}).to_numpy(np.int64)
    geoms = np.asarray(units.geometry.values, dtype=object)
    population = units["population"].to_numpy(float)
    name = f"sample district {len(units)}"
    workload = population
    if weights is not None:
        from ypo_plugin.core.counting import assign_points

        crime_xy = np.column_stack([sample.crimes.geometry.x, sample.crimes.geometry.y])
        unit_of_crime = assign_points(crime_xy, geoms)
        crimes = np.bincount(unit_of_crime[unit_of_crime >= 0], minlength=len(geoms)).astype(float)
        exposed = exposed_population(geoms, population, np.asarray(sample.exposed_areas.geometry.values))
        workload = compute_workload(population, crimes, exposed, *weights)
        name = f"sample {len(units)} w{'/'.join(f'{w:g}' for w in weights)}"
    return Instance(
        name,
        geoms,
        workload,
        district_index,
        [int(c) for c in districts["sector_count"]],
        barriers=sample.barriers.geometry.values,
    )


def barrier_adjacency(instance: Instance) -> Adjacency:
    """Adjacency with the instance's barriers, made connected inside every
    district (the links ours would add itself), so that peers get them too."""
    adjacency = build_adjacency(instance.geoms, barriers=instance.barriers)
    for d in range(len(instance.sector_counts)):
        adjacency = ensure_connected(adjacency, instance.geoms, np.flatnonzero(instance.districts == d))
    return adjacency


# -- methods ---------------------------------------------------------------------------------


def run_ours(
    instance: Instance, seed: int, adjacency: Adjacency, existing: np.ndarray | None = None
) -> tuple[np.ndarray, Adjacency]:
    """Labels, and the adjacency used (with any links added per district)."""
    result = split_sectors(
        instance.geoms,
        instance.workload,
        adjacency,
        instance.sector_counts,
        districts=instance.districts,
        existing=existing,
        tolerance_pct=TOLERANCE_PCT,
        rng=np.random.default_rng(seed),
    )
    if existing is not None:
        KEPT[instance.name] = result.kept_share
    return result.labels, result.adjacency


# Kept population share of the last re-plan per instance (read back for the table note).
KEPT: dict[str, float] = {}


def drifted(instance: Instance) -> Instance:
    """The same units with every workload changed by a random ±10 % (lognormal σ 0.1)."""
    noise = np.random.default_rng(99).lognormal(0.0, 0.1, len(instance.workload))
    return replace(instance, workload=np.round(instance.workload * noise))


def _per_district(instance: Instance, split: Callable[[np.ndarray, int], np.ndarray]) -> np.ndarray:
    labels = np.zeros(len(instance.geoms), dtype=np.int64)
    offset = 0
    for d, k in enumerate(instance.sector_counts):
        members = np.flatnonzero(instance.districts == d)
        labels[members] = offset + split(members, k)
        offset += k
    return labels


def _local_edges(instance: Instance, members: np.ndarray):
    local = np.full(len(instance.geoms), -1)
    local[members] = np.arange(len(members))
    a, b = local[instance.adjacency.edges[:, 0]], local[instance.adjacency.edges[:, 1]]
    inside = (a >= 0) & (b >= 0)
    return a[inside], b[inside], instance.adjacency.lengths[inside]


def run_metis(instance: Instance, seed: int) -> np.ndarray:
    import pymetis

    def split(members: np.ndarray, k: int) -> np.ndarray:
        a, b, length = _local_edges(instance, members)
        rows, cols = np.concatenate([a, b]), np.concatenate([b, a])
        edge_weights = np.maximum(1, np.round(np.concatenate([length, length]))).astype(np.int64)
        order = np.lexsort((cols, rows))
        starts = np.concatenate([[0], np.cumsum(np.bincount(rows, minlength=len(members)))])
        _, parts = pymetis.part_graph(
            k,
            pymetis.CSRAdjacency(starts.tolist(), cols[order].tolist()),
            vweights=np.maximum(1, np.round(instance.workload[members])).astype(np.int64).tolist(),
            eweights=edge_weights[order].tolist(),
            options=pymetis.Options(seed=seed, contig=1),
        )
        return np.asarray(parts, dtype=np.int64)

    return _per_district(instance, split)


def run_gerrychain(instance: Instance, seed: int) -> np.ndarray:
    import networkx as nx
    from gerrychain import Graph
    from gerrychain.tree import recursive_tree_part

    def split(members: np.ndarray, k: int) -> np.ndarray:
        a, b, _ = _local_edges(instance, members)
        graph = nx.Graph()
        for node, pop in enumerate(instance.workload[members]):
            graph.add_node(node, pop=float(pop))
        graph.add_edges_from(zip(a.tolist(), b.tolist(), strict=True))
        random.seed(seed)
        assignment = recursive_tree_part(
            Graph.from_networkx(graph), range(k), instance.workload[members].sum() / k, "pop", 0.02
        )
        return np.array([assignment[node] for node in range(len(members))], dtype=np.int64)

    return _per_district(instance, split)


def run_kmeans(instance: Instance, seed: int) -> np.ndarray:
    from sklearn.cluster import KMeans

    xy = shapely.get_coordinates(shapely.centroid(instance.geoms))

    def split(members: np.ndarray, k: int) -> np.ndarray:
        model = KMeans(n_clusters=k, n_init=4, random_state=seed)
        return model.fit_predict(xy[members], sample_weight=instance.workload[members]).astype(np.int64)

    return _per_district(instance, split)


PEERS: dict[str, Callable[[Instance, int], np.ndarray]] = {
    METIS: run_metis,
    "gerrychain tree 2%": run_gerrychain,
    "k-means weighted": run_kmeans,
}


# -- scoring ---------------------------------------------------------------------------------


def score(instance: Instance, labels: np.ndarray, adjacency: Adjacency) -> Row:
    """Max deviation from each district's equal share, contiguity on ``adjacency``,
    mean Polsby-Popper and median Reock of the dissolved sectors."""
    deviations = []
    for d, k in enumerate(instance.sector_counts):
        members = instance.districts == d
        target = instance.workload[members].sum() / k
        sectors = np.unique(labels[members])
        deviations += [100.0 * abs(instance.workload[labels == s].sum() - target) / target for s in sectors]
        deviations += [100.0] * (k - len(sectors))  # a sector that came out empty
    n = len(labels)
    same = labels[adjacency.edges[:, 0]] == labels[adjacency.edges[:, 1]]
    edges = adjacency.edges[same]
    _, piece = connected_components(
        coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(n, n))
    )
    sectors = np.unique(labels)
    contiguous = sum(len(np.unique(piece[labels == s])) == 1 for s in sectors)
    shapes = np.array([shapely.union_all(instance.geoms[labels == s], grid_size=0.01) for s in sectors])
    k_total = sum(instance.sector_counts)
    return Row(
        instance.name,
        "",
        max(deviations),
        f"{contiguous}/{k_total}",
        float(np.mean(polsby_popper(shapes))),
        float(np.median(reock(shapes))),
        all_contiguous=contiguous == k_total,
    )


def measure(
    instance: Instance, method: str, run: Callable[[int], tuple[np.ndarray, Adjacency]], runs: int
) -> Row:
    rows, seconds = [], []
    for seed in range(runs):
        started = time.perf_counter()
        try:
            labels, adjacency = run(seed)
        except ImportError as error:
            return Row(instance.name, method, note=f"not installed: {error.name}")
        except Exception as error:  # a peer failing is a result too
            return Row(instance.name, method, note=f"failed: {str(error)[:60]}")
        seconds.append(time.perf_counter() - started)
        rows.append(score(instance, labels, adjacency))
    all_ok = sum(row.all_contiguous for row in rows)
    return Row(
        instance.name,
        method,
        max(row.max_dev_pct for row in rows),
        rows[0].contiguous if runs == 1 else f"{all_ok}/{runs} runs",
        float(np.mean([row.mean_pp for row in rows])),
        float(np.mean([row.median_reock for row in rows])),
        max(seconds),
        f"{runs} seeds" if runs > 1 else "",
        all_ok == runs,
    )


def target_check(instance: Instance, rows: list[Row], suffix: str = "") -> list[str]:
    """Issue 3's targets for our row (``suffix``: the one on the adjacency
    with barriers, against METIS on it), with the margin by which each is met
    or missed."""
    ours = next((row for row in rows if row.method == OURS + suffix), None)
    if ours is None:
        return []
    metis = next((row for row in rows if row.method == METIS + suffix and not np.isnan(row.mean_pp)), None)
    lines = [
        _verdict(
            ours.max_dev_pct <= TOLERANCE_PCT, f"max deviation {ours.max_dev_pct:.3f}% <= {TOLERANCE_PCT}%"
        ),
        _verdict(ours.all_contiguous, f"every sector contiguous in every run ({ours.contiguous})"),
    ]
    if metis is not None:
        for label, mine, theirs in (
            ("mean Polsby-Popper", ours.mean_pp, metis.mean_pp),
            ("median Reock", ours.median_reock, metis.median_reock),
        ):
            lines.append(
                _verdict(
                    mine >= theirs,
                    f"{label} {mine:.3f} vs METIS {theirs:.3f} ({100 * (mine / theirs - 1):+.1f}%)",
                )
            )
    budget = TIME_BUDGETS.get(len(instance.geoms))
    if budget is not None:
        lines.append(_verdict(ours.seconds <= budget, f"{ours.seconds:.2f} s <= {budget:g} s"))
    return [f"  {instance.name}{suffix}: {line}" for line in lines]


def _verdict(ok: bool, text: str) -> str:
    return f"{'met   ' if ok else 'MISSED'} {text}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="seeds for our method (peers run once)")
    parser.add_argument("--gerrychain-max-units", type=int, default=20000, help="skip GerryChain above")
    parser.add_argument("--only", default="", help="comma-separated instance name prefixes")
    args = parser.parse_args()

    makers = {
        "Chicago": chicago,
        "sample": sample_district,
        "sample weighted": lambda: sample_district(DEMO_WEIGHTS),
        "synthetic 2000": lambda: synthetic_city(2000, 1),
        "synthetic 10000": lambda: synthetic_city(10000, 2),
    }
    prefixes = [p.strip() for p in args.only.split(",")] if args.only else list(makers)
    rows: list[Row] = []
    checks: list[str] = []
    for key, make in makers.items():
        if not any(key.startswith(prefix) for prefix in prefixes):
            continue
        instance = make()
        if instance is None:
            print(f"# {key}: skipped (data or generator not available)")
            continue
        started = time.perf_counter()
        instance.adjacency = build_adjacency(instance.geoms)
        print(
            f"# {instance.name}: sectors {'+'.join(map(str, instance.sector_counts))}, adjacency "
            f"{time.perf_counter() - started:.2f} s, {len(instance.adjacency.links)} island links",
            flush=True,
        )
        plain = instance.adjacency
        instance_rows = [
            measure(instance, OURS, lambda seed, i=instance, a=plain: run_ours(i, seed, a), args.runs)
        ]
        plan, _ = run_ours(instance, 0, plain)
        moved = drifted(instance)
        replan = measure(
            moved, OURS + " re-plan", lambda seed, i=moved, a=plain, p=plan: run_ours(i, seed, a, p), 1
        )
        replan.note = f"workload drift ±10%, kept {KEPT.get(moved.name, float('nan')):.1%} of population"
        instance_rows.append(replan)
        for method, run in PEERS.items():
            if method.startswith("gerrychain") and len(instance.geoms) > args.gerrychain_max_units:
                continue
            instance_rows.append(
                measure(instance, method, lambda seed, i=instance, r=run: (r(i, seed), i.adjacency), 1)
            )
        if instance.barriers is not None:
            fenced = replace(instance, adjacency=barrier_adjacency(instance))
            barrier_links = sum(link.reason == "barrier" for link in fenced.adjacency.links)
            print(f"# {instance.name}{BARRIERS}: {barrier_links} links put back across barriers", flush=True)
            instance_rows.append(
                measure(
                    fenced,
                    OURS + BARRIERS,
                    lambda seed, i=fenced: run_ours(i, seed, i.adjacency),
                    args.runs,
                )
            )
            instance_rows.append(
                measure(fenced, METIS + BARRIERS, lambda seed, i=fenced: (run_metis(i, seed), i.adjacency), 1)
            )
        for row in instance_rows:
            print(_format(row), flush=True)
        rows += instance_rows
        checks += target_check(instance, instance_rows)
        checks += target_check(instance, instance_rows, BARRIERS)
    print()
    print(_header())
    for row in rows:
        print(_format(row))
    print("\nTargets (issue 3):")
    print("\n".join(checks))


def _header() -> str:
    return (
        f"{'instance':26} {'method':28} {'max dev %':>9} {'contiguous':>10} {'mean PP':>8} "
        f"{'med Reock':>9} {'seconds':>8}  note"
    )


def _format(row: Row) -> str:
    return (
        f"{row.instance:26} {row.method:28} {row.max_dev_pct:9.3f} {row.contiguous:>10} {row.mean_pp:8.3f} "
        f"{row.median_reock:9.3f} {row.seconds:8.2f}  {row.note}"
    )


if __name__ == "__main__":
    main()
