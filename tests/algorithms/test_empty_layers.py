"""An empty layer (no features) is called empty, whatever its format kept: a GeoPackage keeps
the fields and the CRS of an empty layer, a GeoJSON file neither. Where the algorithm needs the
layer's features it stops with a message naming the layer, never a CRS or missing-field
complaint; where empty is fine (incidents for manning and maps, population, exposed areas) the
run goes on, the same for both formats."""

import pytest
from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsVectorFileWriter,
    QgsWkbTypes,
)

from ..layers import box, memory_layer
from .test_compute_manning import crimes_layer, population_layer, sectors_layer

CRS = "EPSG:4269"  # geographic, as census data often is: the working CRS is chosen from the layer


def layers():
    districts = [(box(0, 0, 2000, 2000), "North", 2)]
    return {
        "SECTORS": sectors_layer(CRS),
        "UNITS": population_layer(CRS),
        "POPULATION": population_layer(CRS),
        "CRIMES": crimes_layer(CRS),
        "DISTRICTS": memory_layer("Polygon", ["district:string", "sectors:integer"], districts, CRS),
        "DISTRICT": memory_layer("Polygon", ["district:string", "sectors:integer"], districts, CRS),
        "EXPOSED_AREAS": memory_layer("Polygon", ["name:string"], [(box(0, 0, 500, 500), "Blok")], CRS),
    }


FIELDS = {
    "SECTOR_ID_FIELD": "sector_id",
    "POPULATION_FIELD": "population",
    "CRIME_TYPE_FIELD": "crime_type",
    "DATE_FIELD": "occurred",
}

# algorithm: (its layer inputs, its other parameters)
ALGORITHMS = {
    "ypo:computemanning": (
        ["SECTORS", "POPULATION", "CRIMES", "EXPOSED_AREAS"],
        lambda folder: {**FIELDS, "OUTPUT": str(folder / "manning.gpkg")},
    ),
    "ypo:crimegrid": (
        ["SECTORS", "CRIMES"],
        lambda folder: {**FIELDS, "OUTPUT": str(folder / "grid.gpkg")},
    ),
    "ypo:validatesectors": (
        ["SECTORS", "DISTRICT"],
        lambda folder: {"SECTOR_ID_FIELD": "sector_id", "OUTPUT": str(folder / "errors.gpkg")},
    ),
    "ypo:splitsectors": (
        ["UNITS", "DISTRICTS", "CRIMES", "EXPOSED_AREAS"],
        lambda folder: {
            "POPULATION_FIELD": "population",
            "DISTRICT_NAME_FIELD": "district",
            "SECTORS_FIELD": "sectors",
            "CRIME_TYPE_FIELD": "crime_type",
            "SECTOR_COUNT": 2,
            "OUTPUT_SECTORS": QgsProcessingOutputLayerDefinition("memory:sectors"),
            "OUTPUT_UNITS": QgsProcessingOutputLayerDefinition("memory:units"),
        },
    ),
    "ypo:exportsectormaps": (
        ["SECTORS", "CRIMES"],
        lambda folder: {
            **FIELDS,
            "AUDIENCE": "internal",
            "ATLAS": False,
            "DPI": 60,
            "OUTPUT_FOLDER": str(folder / "maps"),
        },
    ),
    "ypo:exportpublicwebmap": (["SECTORS"], lambda folder: {"OUTPUT": str(folder / "web.html")}),
    "ypo:createsectorworkspace": (
        ["SECTORS"],
        lambda folder: {"SECTOR_ID_FIELD": "sector_id", "OUTPUT_FOLDER": str(folder / "workspace")},
    ),
    "ypo:threatassessment": (
        ["SECTORS", "CRIMES", "POPULATION", "EXPOSED_AREAS"],
        lambda folder: {
            **FIELDS,
            "PERIOD_START": "2026-01-01",
            "PERIOD_END": "2026-03-31",
            "OUTPUT": str(folder / "threats.gpkg"),
        },
    ),
}

# Where an empty layer is allowed: the run goes on without its features.
EMPTY_ALLOWED = {
    ("ypo:computemanning", "POPULATION"),
    ("ypo:computemanning", "CRIMES"),
    ("ypo:computemanning", "EXPOSED_AREAS"),
    ("ypo:splitsectors", "CRIMES"),
    ("ypo:splitsectors", "EXPOSED_AREAS"),
    ("ypo:exportsectormaps", "CRIMES"),
    ("ypo:threatassessment", "POPULATION"),
    ("ypo:threatassessment", "EXPOSED_AREAS"),
}

CASES = [(algorithm_id, name) for algorithm_id, (names, _) in ALGORITHMS.items() for name in names]


def saved_empty(layer, name, folder, driver):
    """An empty copy of ``layer`` (its fields, geometry type and CRS) saved as ``driver``."""
    fields = [f"{field.name()}:{field.typeName()}" for field in layer.fields()]
    empty = memory_layer(QgsWkbTypes.displayString(layer.wkbType()), fields, [], CRS, name)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = driver
    options.layerName = name
    path = folder / f"{name}.{'geojson' if driver == 'GeoJSON' else 'gpkg'}"
    error = QgsVectorFileWriter.writeAsVectorFormatV3(empty, str(path), empty.transformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    return str(path)


@pytest.mark.parametrize("driver", ["GeoJSON", "GPKG"])
@pytest.mark.parametrize("algorithm_id, name", CASES)
def test_an_empty_layer_is_called_empty(run_algorithm, tmp_path, algorithm_id, name, driver):
    names, other_parameters = ALGORITHMS[algorithm_id]
    inputs = layers()
    parameters = {input_name: inputs[input_name] for input_name in names}
    parameters[name] = saved_empty(inputs[name], name, tmp_path, driver)
    parameters.update(other_parameters(tmp_path))
    if (algorithm_id, name) in EMPTY_ALLOWED:
        results, _ = run_algorithm(algorithm_id, parameters)
        assert results
        return
    with pytest.raises(QgsProcessingException) as raised:
        run_algorithm(algorithm_id, parameters)
    message = str(raised.value)
    assert name in message  # the parameter, or the layer by the name QGIS shows (the same here)
    assert "is empty: it has no features" in message or "has no features;" in message
    assert "coordinate reference system" not in message
    assert "no field" not in message
