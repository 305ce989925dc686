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
    python3 bench/bench_counting.py --scale [--sizes 1000000,10000000]

``--scale``: whole ``qgis_process`` runs, 1,000,000 and 10,000,000 incidents (with a type
and a date) into the 500 sectors: ``ypo:computemanning`` (its crimes_total per sector) against
``native:countpointsinpolygon`` (NUMPOINTS), wall-clock and CPU seconds beyond
``qgis_process``'s start-up (the same runs on 1,000 incidents) and peak resident memory
of each process; the counts must be identical. The incidents are written in chunks of a
million (plain WKB points, no shapely objects), so the bench itself stays small too.
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
sys.path.insert(0, str(ROOT / "bench"))

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


SCALE_SECTORS = 500
SCALE_CHUNK = 1_000_000
CRIME_TYPES = np.array(["violence", "burglary", "theft", "drugs", "vandalism", "harassment"])
# Issue 18: incidents -> (seconds beyond start-up, peak GB) for ypo:computemanning.
SCALE_TARGETS = {10_000_000: (30.0, 2.0)}


def write_incidents_in_chunks(path: str, n_points: int, seed: int) -> np.ndarray:
    """``n_points`` random incidents (crime_type, occurred) written a million at a time
    as plain WKB points; returns their coordinates."""
    import pyogrio.raw

    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, SQUARE_M, (n_points, 2))
    wkb_point = np.dtype([("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])
    for start in range(0, n_points, SCALE_CHUNK):
        chunk = xy[start : start + SCALE_CHUNK]
        wkb = np.zeros(len(chunk), dtype=wkb_point)
        wkb["order"], wkb["type"], wkb["x"], wkb["y"] = 1, 1, chunk[:, 0], chunk[:, 1]
        geometry = np.array([row.tobytes() for row in wkb], dtype=object)
        occurred = np.datetime64("2026-07-01T00:00:00") + rng.integers(0, 92 * 86400, len(chunk)).astype(
            "timedelta64[s]"
        )
        pyogrio.raw.write(
            path,
            geometry,
            [CRIME_TYPES[rng.integers(0, len(CRIME_TYPES), len(chunk))].astype(object), occurred],
            ["crime_type", "occurred"],
            layer="incidents",
            driver="GPKG",
            geometry_type="Point",
            crs=CRS,
            append=start > 0,
        )
    return xy


def write_scale_sectors(path: str, seed: int) -> np.ndarray:
    """The 500 Voronoi sectors with ``sector_id`` (S-001…) and ``idx``."""
    import geopandas as gpd

    _, sectors = make_case(0, SCALE_SECTORS, seed)
    ids = [f"S-{i + 1:03d}" for i in range(len(sectors))]
    frame = gpd.GeoDataFrame(
        {"sector_id": ids, "idx": np.arange(len(sectors))}, geometry=list(sectors), crs=CRS
    )
    frame.to_file(path, layer="sectors", driver="GPKG", engine="pyogrio")
    return sectors


def scale_counts(folder: str, incidents: str, sectors: str, tag: str) -> dict[str, tuple]:
    """Per method: (wall s, CPU s), peak GB and per-sector counts of one whole qgis_process run."""
    import pyogrio
    from bench_scale import QGIS_PROCESS, run_measured

    manning_out = os.path.join(folder, f"manning_{tag}.gpkg")
    native_out = os.path.join(folder, f"native_{tag}.gpkg")
    runs = {
        "ypo:computemanning": (
            ["ypo:computemanning", f"SECTORS={sectors}", f"CRIMES={incidents}", f"OUTPUT={manning_out}"],
            manning_out,
            "crimes_total",
        ),
        "native:countpointsinpolygon": (
            [
                "native:countpointsinpolygon",
                f"POLYGONS={sectors}",
                f"POINTS={incidents}",
                "FIELD=NUMPOINTS",
                f"OUTPUT={native_out}",
            ],
            native_out,
            "NUMPOINTS",
        ),
    }
    found = {}
    for method, (arguments, out, field) in runs.items():
        seconds, peak, _ = run_measured([str(QGIS_PROCESS), "run", arguments[0], "--", *arguments[1:]])
        frame = pyogrio.read_dataframe(out, layer=Path(out).stem, columns=["idx", field], read_geometry=False)
        counts = np.zeros(SCALE_SECTORS, dtype=np.int64)
        counts[frame["idx"].to_numpy()] = frame[field].to_numpy()
        found[method] = (np.array(seconds), peak, counts)
    return found


def scale_main(sizes: list[int], seed: int) -> None:
    """The ``--scale`` table (module docstring)."""
    header = f"{'incidents':>11} {'sectors':>8}  {'method':<28} {'wall s':>7} {'CPU s':>7} {'peak GB':>8}"
    lines, checks = [header, "-" * len(header)], []
    with tempfile.TemporaryDirectory() as folder:
        sectors_path = os.path.join(folder, "sectors.gpkg")
        sectors = write_scale_sectors(sectors_path, seed)
        sectors_uri = f"{sectors_path}|layername=sectors"
        start_up = None
        for n_points in [1_000, *sizes]:
            path = os.path.join(folder, f"incidents_{n_points}.gpkg")
            xy = write_incidents_in_chunks(path, n_points, seed)
            found = scale_counts(folder, f"{path}|layername=incidents", sectors_uri, str(n_points))
            expected = count_per_sector(assign_points(xy, sectors), SCALE_SECTORS)
            del xy
            for method, (_, _, counts) in found.items():
                if not np.array_equal(counts, expected):
                    sys.exit(f"{method}: counts differ from the core's for {n_points:,} incidents")
            if start_up is None:
                start_up = {method: seconds for method, (seconds, _, _) in found.items()}
                lines.append(
                    "start-up (1,000 incidents): "
                    + ", ".join(f"{m} {s[0]:.1f} s (CPU {s[1]:.1f} s)" for m, s in start_up.items())
                )
                os.remove(path)
                continue
            for method, (seconds, peak, _) in found.items():
                wall, cpu = seconds - start_up[method]
                lines.append(
                    f"{n_points:>11,} {SCALE_SECTORS:>8}  {method:<28} {wall:>7.1f} {cpu:>7.1f} {peak:>8.2f}"
                )
                print(lines[-1], flush=True)
                target = SCALE_TARGETS.get(n_points)
                if target is not None and method.startswith("ypo"):
                    checks.append(
                        f"  {n_points:,}: {'met' if wall <= target[0] else 'MISSED'} {wall:.1f} s beyond "
                        f"start-up <= {target[0]:g} s; {'met' if peak <= target[1] else 'MISSED'} peak "
                        f"{peak:.2f} GB <= {target[1]:g} GB; counts identical to the native algorithm"
                    )
            os.remove(path)
    print("\n".join(lines))
    print("Counts identical for ypo:computemanning, native:countpointsinpolygon and the core.")
    if checks:
        print("Targets (issue 18):\n" + "\n".join(checks))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--small", action="store_true", help="100,000 and 10,000 points (a quick check)")
    parser.add_argument("--scale", action="store_true", help="whole qgis_process runs (see the docstring)")
    parser.add_argument("--sizes", default="1000000,10000000", help="incident counts of --scale")
    args = parser.parse_args()
    if args.scale:
        scale_main([int(size) for size in args.sizes.split(",") if size], args.seed)
        return
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
