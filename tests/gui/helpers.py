"""A small sector plan built from 200 m base units, for the dock and the unit-painting tool.

Units: a grid of 200 m × 200 m cells over x 0–2400, y 0–1000 (12 × 5 cells,
100 inhabitants each). Sectors A (x 0–1000) and B (x 1000–2000) are the
unions of their units; the column x 2000–2400 is in no sector yet (unit
sector "C").
"""

import time

from qgis.core import QgsFeature, QgsProject
from qgis.PyQt.QtCore import QCoreApplication

from tests.layers import X0, Y0, box, memory_layer, point

CELL = 200
UNIT_POPULATION = 100


def unit_sector(x: int) -> str:
    return "A" if x < 1000 else ("B" if x < 2000 else "C")


def units_layer(crs="EPSG:25832"):
    rows = []
    for x in range(0, 2400, CELL):
        for y in range(0, 1000, CELL):
            rows.append((box(x, y, x + CELL, y + CELL), f"u{x}_{y}", UNIT_POPULATION, unit_sector(x)))
    return memory_layer(
        "Polygon", ["unit_id:string", "population:integer", "sector_id:string"], rows, crs, name="units"
    )


def sectors_layer(crs="EPSG:25832", allocated=(10, 10)):
    rows = [
        (box(0, 0, 1000, 1000), "A", allocated[0]),
        (box(1000, 0, 2000, 1000), "B", allocated[1]),
    ]
    return memory_layer(
        "Polygon", ["sector_id:string", "officers_allocated:integer"], rows, crs, name="sectors"
    )


# Incidents: in A 10 violence + 20 theft (x 100–500), in B 12 burglary, in the free column 4 drugs.
CRIME_ROWS = (
    [(point(100 + 10 * i, 100), f"c{i}", "violence") for i in range(10)]
    + [(point(500, 100 + 10 * i), f"t{i}", "THEFT") for i in range(20)]
    + [(point(1500, 100 + 10 * i), f"b{i}", "indbrud") for i in range(12)]
    + [(point(2100, 500 + 10 * i), f"d{i}", "drugs") for i in range(4)]
)


def crimes_layer(crs="EPSG:25832"):
    return memory_layer("Point", ["crime_id:string", "crime_type:string"], CRIME_ROWS, crs, name="crimes")


def exposed_layer(crs="EPSG:25832"):
    # Covers the unit cell x 0–200, y 0–200 (one unit of A) entirely.
    return memory_layer("Polygon", ["name:string"], [(box(0, 0, 200, 200), "estate")], crs, name="exposed")


def set_plan_layers(dock, sectors, units, **choices):
    """Point ``dock`` at ``sectors`` and at ``units`` as both population and base units, by the
    field names these layers (and the benchmark's) use; ``choices`` are further
    ``set_layers`` arguments (crimes, exposed…)."""
    dock.set_layers(
        sectors=sectors,
        sector_id_field="sector_id",
        population=units,
        population_field="population",
        units=units,
        unit_sector_field="sector_id",
        **choices,
    )


def add_to_project(*layers):
    QgsProject.instance().addMapLayers(list(layers))
    return layers


def wait_for(condition, timeout=10.0):
    """Run the Qt event loop until ``condition()`` is true."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the event loop")
        QCoreApplication.processEvents()
        time.sleep(0.002)


def wait_for_update(dock, before: int):
    wait_for(lambda: dock.update_count > before)


def feature_by_id(layer, field, value) -> QgsFeature:
    for feature in layer.getFeatures():
        if feature[field] == value:
            return feature
    raise AssertionError(f"no feature with {field} = {value}")


def local(x, y):
    """Map coordinates (EPSG:25832) of a point given relative to the test origin."""
    return X0 + x, Y0 + y
