"""Time the core's point-in-sector assignment (``ypo_plugin.core.counting``).

Cases: 1,000,000 incidents into 500 sectors and 100,000 into 19 sectors, the
sectors being Voronoi polygons of random seeds over a 10 km square. Prints one
table row per case and method:

- ``core assign_points``: what ``ypo:computemanning`` runs (coordinates in);
- ``shapely STRtree``: the obvious shapely 2 alternative, for reference
  (includes making shapely points);
- ``make shapely points``: converting the coordinate pairs into shapely
  points alone, measured separately.

Both methods must give identical per-sector counts; the script exits with an
error otherwise. ``make_case`` is importable so that a QGIS benchmark can run
``native:countpointsinpolygon`` on the very same data.

    python bench/bench_counting_core.py [--repeat 3] [--seed 1]
"""

import argparse
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
import shapely

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ypo_plugin.core.counting import OUTSIDE, assign_points, count_per_sector  # noqa: E402

CASES = ((1_000_000, 500), (100_000, 19))
SQUARE_M = 10_000.0


def make_case(n_points: int, n_sectors: int, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """Random incident coordinates (N×2) and ``n_sectors`` Voronoi polygons tiling the square."""
    rng = np.random.default_rng(seed)
    square = shapely.box(0, 0, SQUARE_M, SQUARE_M)
    seeds = shapely.multipoints(rng.uniform(0, SQUARE_M, (n_sectors, 2)))
    cells = shapely.get_parts(shapely.voronoi_polygons(seeds, extend_to=square))
    sectors = shapely.intersection(cells, square)
    return rng.uniform(0, SQUARE_M, (n_points, 2)), sectors


def strtree_assign(xy: np.ndarray, sectors: np.ndarray) -> np.ndarray:
    """Reference: lowest-index sector intersecting each point, with shapely's STRtree."""
    point_idx, sector_idx = shapely.STRtree(sectors).query(shapely.points(xy), predicate="intersects")
    result = np.full(len(xy), np.iinfo(np.int64).max)
    np.minimum.at(result, point_idx, sector_idx)
    return np.where(result == np.iinfo(np.int64).max, OUTSIDE, result)


def best_time(function: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Fastest of ``repeat`` runs in seconds, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    print(f"{'points':>10} {'sectors':>8}  {'method':<22} {'seconds':>8} {'points/s':>12}")
    for n_points, n_sectors in CASES:
        xy, sectors = make_case(n_points, n_sectors, args.seed)
        core_s, core = best_time(partial(assign_points, xy, sectors), args.repeat)
        tree_s, tree = best_time(partial(strtree_assign, xy, sectors), args.repeat)
        points_s, _ = best_time(partial(shapely.points, xy), args.repeat)
        if not np.array_equal(count_per_sector(core, n_sectors), count_per_sector(tree, n_sectors)):
            sys.exit(f"Counts differ between methods for {n_points} points into {n_sectors} sectors")
        for method, seconds in (
            ("core assign_points", core_s),
            ("shapely STRtree", tree_s),
            ("make shapely points", points_s),
        ):
            print(
                f"{n_points:>10,} {n_sectors:>8}  {method:<22} {seconds:>8.3f} {n_points / seconds:>12,.0f}"
            )


if __name__ == "__main__":
    main()
