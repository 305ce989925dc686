"""The "Sector statistics" dock: time from an edit to the table showing its result.

A synthetic station area in EPSG:25832: 3,600 base units (Voronoi cells of a
jittered 60 × 60 grid over 10 × 8 km, with population), 20 sectors (the units
dissolved in a 5 × 4 block pattern, so sector edges are as ragged as real
ones), 100,000 incidents of the six crime types over one year, 3 exposed
housing areas; all memory layers, like layers being edited. The dock (real
widget, real layer edit buffer and undo stack, signals, debounce timer and
table) is set up once; then every edit is timed from just before the edit
command until the dock's table is updated:

- ``vertex move``: a vertex of a random sector moved 40–150 m (one edit command);
- ``undo`` / ``redo`` of those moves through the layer's undo stack;
- ``attribute``: ``officers_allocated`` of a sector changed.

The table shows the median and maximum over the edits of each kind (target:
under 200 ms including the dock's 20 ms debounce), and the part spent
computing and filling the table.

    QT_QPA_PLATFORM=offscreen python3 bench/bench_dock.py [--edits 30] [--seed 1]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsGeometry, QgsProject  # noqa: E402
from qgis.PyQt import sip  # noqa: E402
from qgis.PyQt.QtCore import QCoreApplication, QDateTime  # noqa: E402

from tests.gui.helpers import set_plan_layers  # noqa: E402
from tests.layers import CRS, memory_layer  # noqa: E402

TARGET_MS = 200.0
X0, Y0 = 720_000.0, 6_170_000.0
WIDTH, HEIGHT = 10_000.0, 8_000.0
TYPES = ("violence", "burglary", "theft", "drugs", "vandalism", "harassment")


def synthetic_area(rng, incidents=100_000):
    n = 60
    gx, gy = np.meshgrid((np.arange(n) + 0.5) / n * WIDTH, (np.arange(n) + 0.5) / n * HEIGHT)
    seeds = np.column_stack([gx.ravel(), gy.ravel()]) + rng.normal(0, 40, (n * n, 2))
    frame = shapely.box(0, 0, WIDTH, HEIGHT)
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(seeds), extend_to=frame))
    cells = shapely.intersection(cells, frame)
    cells = cells[shapely.area(cells) > 0]
    centre = shapely.get_coordinates(shapely.centroid(cells))
    block = np.minimum((centre[:, 0] / WIDTH * 5).astype(int), 4) + 5 * np.minimum(
        (centre[:, 1] / HEIGHT * 4).astype(int), 3
    )
    population = rng.integers(20, 300, len(cells))
    sectors = [shapely.union_all(cells[block == b]) for b in range(20)]
    hot = rng.uniform((0, 0), (WIDTH, HEIGHT), (30, 2))
    xy = np.concatenate(
        [
            rng.uniform((0, 0), (WIDTH, HEIGHT), (incidents // 2, 2)),
            hot[rng.integers(0, 30, incidents - incidents // 2)]
            + rng.normal(0, 250, (incidents - incidents // 2, 2)),
        ]
    )
    xy = np.clip(xy, 1, (WIDTH - 1, HEIGHT - 1))
    exposed = [shapely.Point(rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT)).buffer(400) for _ in range(3)]
    return cells, population, block, sectors, xy, exposed


def shifted(geometries):
    return shapely.transform(np.asarray(geometries, dtype=object), lambda c: c + (X0, Y0))


def shapely_layer(kind, fields, name, geometries, rows):
    """A memory layer (the tests' builder) of shapely ``geometries`` with attribute ``rows``."""
    qgs_geometries = []
    for geometry in geometries:
        qgs_geometry = QgsGeometry()
        qgs_geometry.fromWkb(shapely.to_wkb(geometry))
        qgs_geometries.append(qgs_geometry)
    rows = [(geometry, *row) for geometry, row in zip(qgs_geometries, rows, strict=True)]
    return memory_layer(kind, fields, rows, CRS, name=name)


def build_layers(rng, incidents):
    cells, population, block, sectors, xy, exposed = synthetic_area(rng, incidents)
    units = shapely_layer(
        "Polygon",
        ["population:integer", "sector_id:string"],
        "units",
        shifted(cells),
        [(int(p), f"S{b + 1:02d}") for p, b in zip(population, block, strict=True)],
    )
    sector_layer = shapely_layer(
        "MultiPolygon",
        ["sector_id:string", "officers_allocated:integer"],
        "sectors",
        shifted([shapely.MultiPolygon(shapely.get_parts(s)) for s in sectors]),
        [(f"S{b + 1:02d}", 20) for b in range(20)],
    )
    start = QDateTime.fromString("2024-01-01T00:00:00", "yyyy-MM-ddTHH:mm:ss")
    seconds = rng.integers(0, 365 * 86400, len(xy))
    types = rng.choice(TYPES, len(xy))
    crimes = shapely_layer(
        "Point",
        ["crime_type:string", "occurred:datetime"],
        "crimes",
        shapely.points(xy + (X0, Y0)),
        [(str(t), start.addSecs(int(s))) for t, s in zip(types, seconds, strict=True)],
    )
    exposed_layer = shapely_layer(
        "Polygon", ["name:string"], "exposed_areas", shifted(exposed), [("a",), ("b",), ("c",)]
    )
    return units, sector_layer, crimes, exposed_layer


def wait_for_update(dock, before, timeout=30.0):
    deadline = time.perf_counter() + timeout
    while dock.update_count == before:
        QCoreApplication.processEvents()
        if time.perf_counter() > deadline:
            raise RuntimeError("the dock did not update")
    return time.perf_counter()


def timed(dock, action):
    before = dock.update_count
    started = time.perf_counter()
    action()
    finished = wait_for_update(dock, before)
    return 1000.0 * (finished - started), dock.last_compute_ms


def vertex_move(layer, rng):
    features = list(layer.getFeatures())
    feature = features[int(rng.integers(0, len(features)))]
    geometry = feature.geometry()
    count = sum(1 for _ in geometry.vertices())
    vertex = int(rng.integers(0, count))
    point = geometry.vertexAt(vertex)
    angle, distance = rng.uniform(0, 2 * np.pi), rng.uniform(40, 150)

    def edit():
        layer.beginEditCommand("move vertex")
        layer.moveVertex(
            point.x() + distance * np.cos(angle), point.y() + distance * np.sin(angle), feature.id(), vertex
        )
        layer.endEditCommand()

    return edit


def attribute_edit(layer, rng):
    features = list(layer.getFeatures())
    feature = features[int(rng.integers(0, len(features)))]
    index = layer.fields().lookupField("officers_allocated")

    def edit():
        layer.beginEditCommand("officers")
        layer.changeAttributeValue(feature.id(), index, int(rng.integers(2, 40)))
        layer.endEditCommand()

    return edit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--edits", type=int, default=30, help="vertex moves (undo/redo/attribute edits come on top)"
    )
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    app = QgsApplication([], True)
    app.initQgis()
    try:
        return measure(args)
    finally:
        QgsProject.instance().removeAllMapLayers()
        app.exitQgis()


def measure(args) -> int:
    """Print the table; the dock and layers are released when it returns, before QGIS exits."""
    from ypo_plugin.gui.sector_stats_dock import DEBOUNCE_MS, SectorStatsDock

    rng = np.random.default_rng(args.seed)
    started = time.perf_counter()
    units, sectors, crimes, exposed = build_layers(rng, args.incidents)
    QgsProject.instance().addMapLayers([units, sectors, crimes, exposed])
    build_s = time.perf_counter() - started

    dock = SectorStatsDock(None)
    set_plan_layers(
        dock,
        sectors,
        units,
        crimes=crimes,
        crime_type_field="crime_type",
        date_field="occurred",
        exposed=exposed,
    )
    dock.show()
    started = time.perf_counter()
    dock.refresh()
    first_ms = 1000.0 * (time.perf_counter() - started)
    assert dock.table.rowCount() == 20, dock.status_label.text()
    sectors.startEditing()

    results = {"vertex move": [], "undo": [], "redo": [], "attribute": []}
    for _ in range(args.edits):
        results["vertex move"].append(timed(dock, vertex_move(sectors, rng)))
    stack = sectors.undoStack()
    for _ in range(max(1, args.edits // 6)):
        results["undo"].append(timed(dock, stack.undo))
    for _ in range(max(1, args.edits // 6)):
        results["redo"].append(timed(dock, stack.redo))
    for _ in range(max(1, args.edits // 6)):
        results["attribute"].append(timed(dock, attribute_edit(sectors, rng)))
    sectors.rollBack()

    print(
        f"Sector statistics dock: {sectors.featureCount()} sectors, {units.featureCount():,} units, "
        f"{crimes.featureCount():,} incidents, 3 exposed areas (layers built in {build_s:.1f} s)"
    )
    print(f"First computation (reads and prepares units and incidents): {first_ms:.0f} ms")
    print(f"Edit to table updated, including the {DEBOUNCE_MS} ms debounce; target < {TARGET_MS:.0f} ms")
    print()
    header = f"{'edit':<14}{'n':>4}{'median ms':>12}{'max ms':>10}{'compute median':>16}{'compute max':>13}"
    print(header)
    print("-" * len(header))
    everything = []
    for kind, values in [*results.items(), ("all", [v for vs in results.values() for v in vs])]:
        total = [t for t, _ in values]
        compute = [c for _, c in values]
        if kind != "all":
            everything += total
        print(
            f"{kind:<14}{len(values):>4}{statistics.median(total):>12.1f}{max(total):>10.1f}"
            f"{statistics.median(compute):>16.1f}{max(compute):>13.1f}"
        )
    verdict = "within target" if max(everything) < TARGET_MS else "OVER TARGET"
    print(f"\nmax {max(everything):.1f} ms: {verdict}")
    dock.cleanup()
    sip.delete(dock)  # its layer connections would keep it alive past the application
    return 0


if __name__ == "__main__":
    sys.exit(main())
