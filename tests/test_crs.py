"""Working CRS: metric input is kept, geographic input goes to its UTM zone."""

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorLayer,
)

from ypo_plugin.crs import working_crs


def polygon_layer(crs: str, wkt: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"Polygon?crs={crs}" if crs else "Polygon", "sectors", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(wkt))
    layer.dataProvider().addFeatures([feature])
    layer.updateExtents()
    return layer


def test_metric_crs_is_kept(qgis_app):
    layer = polygon_layer(
        "EPSG:25832", "POLYGON((720000 6176000, 721000 6176000, 721000 6177000, 720000 6176000))"
    )
    assert working_crs(layer, "sectors", QgsCoordinateTransformContext()).authid() == "EPSG:25832"


def test_geographic_crs_goes_to_the_utm_zone_of_the_centre(qgis_app):
    layer = polygon_layer("EPSG:4326", "POLYGON((-87.7 41.8, -87.6 41.8, -87.6 41.9, -87.7 41.8))")
    assert working_crs(layer, "sectors", QgsCoordinateTransformContext()).authid() == "EPSG:32616"


def test_missing_crs_names_the_layer(qgis_app):
    layer = polygon_layer("", "POLYGON((0 0, 1 0, 1 1, 0 0))")
    layer.setCrs(QgsCoordinateReferenceSystem())  # QGIS may have given it a default CRS
    with pytest.raises(QgsProcessingException, match="'Sectors'.*set its CRS"):
        working_crs(layer, "Sectors", QgsCoordinateTransformContext())


def test_an_empty_geographic_layer_is_called_empty(qgis_app):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4269", "sectors", "memory")  # no extent to find a zone in
    with pytest.raises(QgsProcessingException, match="'Sectors' \\(sectors\\) is empty: it has no features"):
        working_crs(layer, "Sectors", QgsCoordinateTransformContext())


def test_a_geographic_layer_without_geometries_says_so(qgis_app):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4269", "sectors", "memory")
    layer.dataProvider().addFeatures([QgsFeature()])
    layer.updateExtents()
    with pytest.raises(QgsProcessingException, match="'Sectors' \\(sectors\\) has no geometries"):
        working_crs(layer, "Sectors", QgsCoordinateTransformContext())
