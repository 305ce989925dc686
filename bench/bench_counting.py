"""Counting incidents into sectors: the core against QGIS's own algorithm, side by side.

Cases: 1,000,000 incidents into 500 sectors and 100,000 into 19 sectors, the
sectors being Voronoi polygons of random seeds over a 10 km square (EPSG:25832).
Both are written to one temporary GeoPackage (with its spatial index), and per
case the table shows:

- ``core assign_points``: what ``ypo:computemanning`` runs (coordinates in);
- ``native:countpointsinpolygon``: QGIS's algorithm on the GeoPackage layers;
- ``shapely STRtree``: the obvious shapely 2 alternative, for reference;
- ``read: GDAL arrow`` / ``read: features``: reading the incident layer into the
  core (coordinates + a type and a date column) with ``qgis_io.points.read_points``,
  fast path and general path, measured apart from the counting.

The per-sector counts of every counting method must be identical; the script
exits with an error otherwise. Speed-up is QGIS's time / the method's time.

    python3 bench/bench_counting.py [--repeat 3] [--seed 1] [--small]
"""

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ypo_plugin.core.counting import OUTSIDE, assign_points, count_per_sector  # noqa: E402

CASES = ((1_000_000, 500), (100_000, 19))
SQUARE_M = 10_000.0
CRS = "EPSG:25832"


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


def write_case(path: str, xy: np.ndarray, sectors: np.ndarray, seed: int) -> tuple[str, str]:
    """The incidents (with a type and a date) and the sectors (with ``idx``) as GeoPackage layers."""
    import geopandas as gpd
    import pandas as pd

    rng = np.random.default_rng(seed)
    types = np.array(["violence", "burglary", "theft", "drugs", "vandalism", "harassment"])
    points = gpd.GeoDataFrame(
        {
            "crime_type": types[rng.integers(0, len(types), len(xy))],
            "occurred": pd.Timestamp("2026-07-01")
            + pd.to_timedelta(rng.integers(0, 92 * 86400, len(xy)), "s"),
        },
        geometry=shapely.points(xy),
        crs=CRS,
    )
    polygons = gpd.GeoDataFrame({"idx": np.arange(len(sectors))}, geometry=list(sectors), crs=CRS)
    points.to_file(path, layer="incidents", driver="GPKG", engine="pyogrio")
    polygons.to_file(path, layer="sectors", driver="GPKG", engine="pyogrio")
    return f"{path}|layername=incidents", f"{path}|layername=sectors"


def qgis_counts(processing, points_uri: str, sectors_uri: str, n_sectors: int) -> np.ndarray:
    """Per-sector counts from native:countpointsinpolygon."""
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    context = QgsProcessingContext()
    result = processing.run(
        "native:countpointsinpolygon",
        {"POLYGONS": sectors_uri, "POINTS": points_uri, "FIELD": "NUMPOINTS", "OUTPUT": "TEMPORARY_OUTPUT"},
        context=context,
        feedback=QgsProcessingFeedback(),
    )
    layer = result["OUTPUT"]
    if isinstance(layer, str):
        layer = context.getMapLayer(layer)
    counts = np.zeros(n_sectors, dtype=np.int64)
    for feature in layer.getFeatures():
        counts[feature["idx"]] = feature["NUMPOINTS"]
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--small", action="store_true", help="100,000 and 10,000 points (a quick check)")
    args = parser.parse_args()
    cases = ((100_000, 500), (10_000, 19)) if args.small else CASES

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication, QgsCoordinateReferenceSystem, QgsProject, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    from qgis import processing

    from processing.core.Processing import Processing

    Processing.initialize()
    from ypo_plugin.qgis_io.points import read_points

    header = f"{'points':>10} {'sectors':>8}  {'method':<30} {'seconds':>8} {'points/s':>12} {'speed-up':>9}"
    print(header)
    print("-" * len(header))
    with tempfile.TemporaryDirectory() as folder:
        for n_points, n_sectors in cases:
            xy, sectors = make_case(n_points, n_sectors, args.seed)
            points_uri, sectors_uri = write_case(
                os.path.join(folder, f"case_{n_points}.gpkg"), xy, sectors, args.seed
            )
            layer = QgsVectorLayer(points_uri, "incidents", "ogr")
            target = QgsCoordinateReferenceSystem(CRS)
            context = QgsProject.instance().transformContext()
            names = ["crime_type", "occurred"]

            core_s, core = best_time(partial(assign_points, xy, sectors), args.repeat)
            tree_s, tree = best_time(partial(strtree_assign, xy, sectors), args.repeat)
            qgis_s, qgis = best_time(partial(qgis_counts, processing, points_uri, sectors_uri, n_sectors), 1)
            fast_s, fast = best_time(partial(read_points, layer, names, target, context, layer=layer), 1)
            general_s, general = best_time(partial(read_points, layer, names, target, context), 1)

            expected = count_per_sector(core, n_sectors)
            for method, counts in (("shapely STRtree", count_per_sector(tree, n_sectors)), ("QGIS", qgis)):
                if not np.array_equal(expected, counts):
                    sys.exit(f"Counts differ ({method}) for {n_points} points into {n_sectors} sectors")
            if fast.method != "gdal" or not np.array_equal(fast.xy, xy) or not np.array_equal(general.xy, xy):
                sys.exit(f"read_points did not return the written coordinates ({n_points} points)")
            for method, seconds in (
                ("core assign_points", core_s),
                ("native:countpointsinpolygon", qgis_s),
                ("shapely STRtree", tree_s),
                ("read: GDAL arrow (read_points)", fast_s),
                ("read: features (read_points)", general_s),
            ):
                print(
                    f"{n_points:>10,} {n_sectors:>8}  {method:<30} {seconds:>8.3f} "
                    f"{n_points / seconds:>12,.0f} {qgis_s / seconds:>8.1f}×",
                    flush=True,
                )
            del layer  # before the GeoPackage is removed and before QGIS exits
    print("\nCounts identical for core, QGIS and shapely. Reading = coordinates + crime_type + occurred.")
    app.exitQgis()


if __name__ == "__main__":
    main()
