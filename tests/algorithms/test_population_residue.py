"""ypo:computemanning reports no population outside where the units exactly tile the sectors,
although areal weighting leaves a floating-point residue (issue: 'POPULATION_OUTSIDE: 1.69e-08'
printed as if it were a finding)."""

import shapely
from qgis.core import QgsVectorLayer

from ..conftest import Recorder
from ..core.test_population_outside import tiling_units, two_sectors
from ..layers import memory_layer


def test_no_population_outside_from_a_residue(run_algorithm, tmp_path):
    units, population = tiling_units(7)
    sectors = two_sectors()
    parameters = {
        "SECTORS": memory_layer(
            "Polygon",
            ["sector_id:string"],
            list(zip(shapely.to_wkt(sectors, rounding_precision=-1), ["W", "E"], strict=True)),
        ),
        "SECTOR_ID_FIELD": "sector_id",
        "POPULATION": memory_layer(
            "Polygon",
            ["population:double"],
            list(zip(shapely.to_wkt(units, rounding_precision=-1), population.tolist(), strict=True)),
        ),
        "POPULATION_FIELD": "population",
        "OUTPUT": str(tmp_path / "manning.gpkg"),
    }
    feedback = Recorder()
    results, _ = run_algorithm("ypo:computemanning", parameters, feedback)
    written = QgsVectorLayer(results["OUTPUT"], "manning", "ogr")
    in_sectors = sum(feature["population"] for feature in written.getFeatures())
    assert in_sectors != population.sum()  # the residue, in the written sectors
    assert abs(in_sectors - population.sum()) < 1e-7
    assert results["POPULATION_OUTSIDE"] == 0
    assert "POPULATION_OUTSIDE: 0" in "\n".join(feedback.infos).splitlines()
