"""Benchmark of ``ypo:crimegrid`` against the QGIS pipeline a user would build.

    python3 bench/bench_crime_grid.py [--incidents 1000000] [--repeat 3] [--seed 1] [--keep DIR]

Case (issue 5): 1,000,000 incidents over a 10 km × 10 km station area (100 km²)
split into 20 sectors (Voronoi cells of random seeds), 250 m square cells.
Incidents are clustered around 40 hotspots (60 %) or spread evenly (40 %);
about 3 % fall just outside the area. Coordinates are random doubles, so no
incident lies exactly on a cell edge: there the methods differ by design
(``native:countpointsinpolygon`` tests GEOS *contains* and counts such an
incident in no cell; ours counts it in exactly one, see the tests). Both
methods read the same GeoPackage (written once, not timed) and write their
cells to a GeoPackage.

- ``ypo:crimegrid``: the whole algorithm through Processing (reading, grid,
  clipping, counting by type / time band / weekday, writing the cells).
- QGIS pipeline: ``native:creategrid`` (rectangles, 250 m, on the same
  lattice: extent snapped to multiples of 250 m) → ``native:intersection``
  with the sectors (keeps sector_id) → ``native:countpointsinpolygon``; it
  counts totals only. Intermediate layers are temporary (memory).

Each is run ``--repeat`` times, interleaved so that both see the same machine
load; the fastest run of each is shown. The script exits with an error unless
both give identical totals per sector; it also reports whether every
(sector, cell) count matches.
"""

import argparse
import math
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append("/usr/share/qgis/python/plugins")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from osgeo import gdal, ogr, osr  # noqa: E402
from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

SIDE_M = 10_000.0
ORIGIN = (720_000.0, 6_170_000.0)  # EPSG:25832, around Copenhagen
CRS = "EPSG:25832"
SECTORS = 20
CELL_M = 250.0
CRIME_TYPES = ("violence", "burglary", "theft", "drugs", "vandalism", "harassment", "fraud")
PLACES = ("street", "residence", "shop", "park", "transport", "other")


# --- the data ---------------------------------------------------------------


def make_case(folder: Path, n_incidents: int, seed: int) -> Path:
    """A GeoPackage with layers ``sectors`` (sector_id) and ``crimes`` (crime_type, occurred, place)."""
    path = folder / f"bench_crime_grid_{n_incidents}_{seed}.gpkg"
    if path.exists():
        return path  # a kept folder (--keep): the same data as last time
    rng = np.random.default_rng(seed)
    x0, y0 = ORIGIN
    square = shapely.box(x0, y0, x0 + SIDE_M, y0 + SIDE_M)
    seeds = shapely.multipoints(rng.uniform(0, SIDE_M, (SECTORS, 2)) + [x0, y0])
    cells = shapely.get_parts(shapely.voronoi_polygons(seeds, extend_to=square))
    sectors = shapely.intersection(cells, square)

    hot = rng.uniform(0, SIDE_M, (40, 2))
    clustered = int(0.6 * n_incidents)
    xy = np.vstack(
        [
            hot[rng.integers(0, len(hot), clustered)] + rng.normal(0, 300, (clustered, 2)),
            rng.uniform(-0.005 * SIDE_M, 1.005 * SIDE_M, (n_incidents - clustered, 2)),
        ]
    )
    xy = np.clip(xy, -0.01 * SIDE_M, 1.01 * SIDE_M) + [x0, y0]
    occurred = np.datetime64("2026-07-01T00:00:00") + rng.integers(0, 92 * 86400, n_incidents).astype(
        "timedelta64[s]"
    )

    gdal.UseExceptions()
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("sectors", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("sector_id", ogr.OFTString))
    for i, sector in enumerate(sectors):
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetField("sector_id", f"S{i + 1:02d}")
        feature.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(sector)))
        layer.CreateFeature(feature)
    dataset = None

    csv = folder / "crimes.csv"
    pd.DataFrame(
        {
            "x": xy[:, 0],
            "y": xy[:, 1],
            "crime_type": np.array(CRIME_TYPES)[rng.integers(0, len(CRIME_TYPES), n_incidents)],
            "occurred": pd.Series(occurred).dt.strftime("%Y-%m-%dT%H:%M:%S"),
            "place": np.array(PLACES)[rng.integers(0, len(PLACES), n_incidents)],
        }
    ).to_csv(csv, index=False)  # full precision: no incident exactly on a line
    source = gdal.OpenEx(
        str(csv),
        gdal.OF_VECTOR,
        open_options=[
            "X_POSSIBLE_NAMES=x",
            "Y_POSSIBLE_NAMES=y",
            "AUTODETECT_TYPE=YES",
            "KEEP_GEOM_COLUMNS=NO",
        ],
    )
    gdal.VectorTranslate(
        str(path),
        source,
        options=gdal.VectorTranslateOptions(
            format="GPKG",
            accessMode="update",
            layerName="crimes",
            srcSRS=CRS,
            dstSRS=CRS,
            geometryType="POINT",
            options=["-gt", "100000"],
        ),
    )
    source = None
    csv.unlink()
    return path


# --- the runs ---------------------------------------------------------------


def start_qgis():
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    from ypo_plugin.provider import YpoProvider

    provider = YpoProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider


def context():
    result = QgsProcessingContext()
    result.setProject(QgsProject.instance())
    return result


def run_ours(path: Path, out: Path, grid_type: str = "square") -> tuple[float, dict, dict]:
    """Seconds, per-sector totals and per-(sector, cell corner) counts of ypo:crimegrid."""
    from qgis import processing

    if out.exists():
        out.unlink()
    start = time.perf_counter()
    results = processing.run(
        "ypo:crimegrid",
        {
            "SECTORS": f"{path}|layername=sectors",
            "SECTOR_ID_FIELD": "sector_id",
            "CRIMES": f"{path}|layername=crimes",
            "CRIME_TYPE_FIELD": "crime_type",
            "DATE_FIELD": "occurred",
            "CELL_SIZE": CELL_M,
            "GRID_TYPE": grid_type,
            "OUTPUT": str(out),
        },
        context=context(),
        feedback=QgsProcessingFeedback(),
    )
    seconds = time.perf_counter() - start
    cells = QgsVectorLayer(str(out), "cells", "ogr")
    return seconds, *_counts(cells, "crimes_total"), results


def run_qgis_pipeline(path: Path, out: Path) -> tuple[float, dict, dict, dict]:
    """Seconds (total and per step), per-sector totals and per-cell counts of the native pipeline."""
    from qgis import processing

    if out.exists():
        out.unlink()
    sectors = QgsVectorLayer(f"{path}|layername=sectors", "sectors", "ogr")
    extent = sectors.extent()
    # Snap the extent to the 250 m lattice, so both methods use the very same cells.
    xmin = math.floor(extent.xMinimum() / CELL_M) * CELL_M
    ymin = math.floor(extent.yMinimum() / CELL_M) * CELL_M
    xmax = math.ceil(extent.xMaximum() / CELL_M) * CELL_M
    ymax = math.ceil(extent.yMaximum() / CELL_M) * CELL_M
    steps = {}
    start = time.perf_counter()
    grid = processing.run(
        "native:creategrid",
        {
            "TYPE": 2,  # rectangle (polygon)
            "EXTENT": f"{xmin},{xmax},{ymin},{ymax} [{CRS}]",
            "HSPACING": CELL_M,
            "VSPACING": CELL_M,
            "CRS": CRS,
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
        context=context(),
    )["OUTPUT"]
    steps["creategrid"] = time.perf_counter() - start
    mark = time.perf_counter()
    pieces = processing.run(
        "native:intersection",
        {
            "INPUT": grid,
            "OVERLAY": f"{path}|layername=sectors",
            "INPUT_FIELDS": ["id"],
            "OVERLAY_FIELDS": ["sector_id"],
            "OUTPUT": "TEMPORARY_OUTPUT",
        },
        context=context(),
    )["OUTPUT"]
    steps["intersection"] = time.perf_counter() - mark
    mark = time.perf_counter()
    processing.run(
        "native:countpointsinpolygon",
        {
            "POLYGONS": pieces,
            "POINTS": f"{path}|layername=crimes",
            "FIELD": "NUMPOINTS",
            "OUTPUT": str(out),
        },
        context=context(),
    )
    steps["countpointsinpolygon"] = time.perf_counter() - mark
    seconds = time.perf_counter() - start
    cells = QgsVectorLayer(str(out), "cells", "ogr")
    return seconds, *_counts(cells, "NUMPOINTS"), steps


def time_reading(path: Path) -> float:
    """Seconds to read the incidents as ypo:crimegrid does (qgis_io.points.read_points, fast path)."""
    from ypo_plugin.qgis_io.points import read_points

    layer = QgsVectorLayer(f"{path}|layername=crimes", "crimes", "ogr")
    start = time.perf_counter()
    table = read_points(layer, ["crime_type", "occurred"], layer=layer)
    seconds = time.perf_counter() - start
    assert table.method == "gdal", table.method
    return seconds


def _counts(cells: QgsVectorLayer, field: str) -> tuple[dict, dict]:
    """Totals per sector, and counts per (sector, lower-left corner of the lattice cell) (non-zero only)."""
    per_sector, per_cell = {}, {}
    for feature in cells.getFeatures():
        count = int(feature[field])
        sector = feature["sector_id"]
        per_sector[sector] = per_sector.get(sector, 0) + count
        if count:
            box = feature.geometry().boundingBox()
            corner = (
                math.floor(round(box.xMinimum(), 3) / CELL_M),
                math.floor(round(box.yMinimum(), 3) / CELL_M),
            )
            per_cell[(sector, corner)] = per_cell.get((sector, corner), 0) + count
    return per_sector, per_cell


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--keep",
        type=Path,
        help="folder for the data (reused next time) and outputs; default: a temporary one",
    )
    args = parser.parse_args()

    app, _provider = start_qgis()
    with tempfile.TemporaryDirectory() as temporary:
        folder = args.keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        path = make_case(folder, args.incidents, args.seed)
        print(
            f"Data: {args.incidents:,} incidents, {SECTORS} sectors over {SIDE_M / 1000:g} km × "
            f"{SIDE_M / 1000:g} km, {CELL_M:g} m cells (written in {time.perf_counter() - start:.1f} s)",
            flush=True,
        )
        # Interleaved, so that both see the same load on a busy machine; fastest run of each.
        ours_runs, hex_runs, qgis_runs = [], [], []
        for _ in range(args.repeat):
            ours_runs.append(run_ours(path, folder / "ours.gpkg"))
            qgis_runs.append(run_qgis_pipeline(path, folder / "qgis.gpkg"))
            hex_runs.append(run_ours(path, folder / "ours_hex.gpkg", "hexagon"))
        hex_s, hex_sector, _, _ = min(hex_runs, key=lambda run: run[0])
        read_s = min(time_reading(path) for _ in range(args.repeat))
        ours_s, ours_sector, ours_cell, results = min(ours_runs, key=lambda run: run[0])
        qgis_s, qgis_sector, qgis_cell, steps = min(qgis_runs, key=lambda run: run[0])

    rows = [
        ("ypo:crimegrid (square, all counts)", ours_s),
        ("ypo:crimegrid (hexagon, all counts)", hex_s),
        ("QGIS creategrid+intersection+countpoints", qgis_s),
    ]
    print(f"\n{'method':<44} {'seconds':>8} {'vs QGIS':>8}")
    for name, seconds in rows:
        print(f"{name:<44} {seconds:>8.2f} {qgis_s / seconds:>7.1f}×")
    print("  QGIS steps: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in steps.items()))
    print(f"  ypo: of which reading the incidents (qgis_io.points.read_points, GDAL Arrow) {read_s:.2f} s")
    counted = sum(ours_sector.values())
    print(
        f"Incidents: {results['CRIMES_IN_PERIOD']:,} in the period, {counted:,} in cells, "
        f"{results['CRIMES_OUTSIDE']:,} outside (ours); {sum(qgis_sector.values()):,} in cells (QGIS)"
    )
    same_sectors = ours_sector == qgis_sector == hex_sector
    same_cells = ours_cell == qgis_cell
    print(f"Totals per sector identical: {'yes' if same_sectors else 'NO'} ({len(ours_sector)} sectors)")
    print(
        f"Counts per cell identical:   {'yes' if same_cells else 'NO'} ({len(ours_cell):,} non-empty cells)"
    )
    print(f"Speed-up (square): {qgis_s / ours_s:.1f}× (required: at least 3×)")
    del app
    if not same_sectors:
        print("Per-sector totals differ between the methods", file=sys.stderr)
        return 1
    if results["CRIMES_IN_PERIOD"] != counted + results["CRIMES_OUTSIDE"]:
        print("Conservation failed: crimes_total + CRIMES_OUTSIDE != CRIMES_IN_PERIOD", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
