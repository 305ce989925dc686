"""Feature sources into frames: every field type, NULLs, the CRS, and a source read once."""

import datetime

import numpy as np
import pandas as pd
import pytest
import shapely
from osgeo import ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from tests.layers import ProgressLog
from ypo_plugin.qgis_io.read import read_columns, read_features, read_geometries, source_to_frame

TYPES = ("s:string", "i:integer", "big:int8", "d:double", "b:boolean", "day:date", "t:time", "dt:datetime")
NAMES = ["s", "i", "big", "d", "b", "day", "t", "dt"]


def typed_memory_layer():
    """Two points: one with a value of every type, one with NULL everywhere and no geometry."""
    uri = "Point?crs=EPSG:25832&" + "&".join(f"field={t}" for t in TYPES)
    layer = QgsVectorLayer(uri, "typed", "memory")
    full = QgsFeature(layer.fields())
    full.setGeometry(QgsGeometry.fromWkt("POINT(720000 6178000)"))
    full.setAttributes(
        [
            "Nørrebro",
            3,
            2**40,
            1.5,
            True,
            QDate(2026, 7, 1),
            QTime(23, 5, 7),
            QDateTime(QDate(2026, 7, 1), QTime(7, 0, 0)),
        ]
    )
    empty = QgsFeature(layer.fields())
    empty.setAttributes([None] * len(TYPES))
    assert layer.dataProvider().addFeatures([full, empty])
    return layer


def check_typed_frame(frame):
    first, second = frame.iloc[0], frame.iloc[1]
    assert first["s"] == "Nørrebro"
    assert first["i"] == 3
    assert first["big"] == 1_099_511_627_776
    assert first["d"] == 1.5
    assert first["b"] is True
    assert first["day"] == pd.Timestamp("2026-07-01")
    assert first["t"] == datetime.time(23, 5, 7)
    assert first["dt"] == pd.Timestamp("2026-07-01T07:00:00")
    assert first.geometry.equals(shapely.Point(720000, 6178000))
    assert second["s"] is None and second["b"] is None and second["t"] is None
    assert np.isnan(second["i"]) and np.isnan(second["big"]) and np.isnan(second["d"])
    assert second["day"] is pd.NaT and second["dt"] is pd.NaT
    assert second.geometry is None


def test_memory_layer_every_type_and_null():
    frame = source_to_frame(typed_memory_layer())
    assert list(frame.columns) == [*NAMES, "geometry"]
    assert frame.index.tolist() == [1, 2] and frame.index.name == "feature_id"
    assert frame.crs.to_epsg() == 25832
    check_typed_frame(frame)


@pytest.fixture
def typed_geopackage(tmp_path):
    """The same two rows in a GeoPackage written with OGR (not with the converter)."""
    path = str(tmp_path / "typed.gpkg")
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    layer = dataset.CreateLayer("typed", srs, ogr.wkbPoint)
    for name, kind, subtype in (
        ("s", ogr.OFTString, None),
        ("i", ogr.OFTInteger, None),
        ("big", ogr.OFTInteger64, None),
        ("d", ogr.OFTReal, None),
        ("b", ogr.OFTInteger, ogr.OFSTBoolean),
        ("day", ogr.OFTDate, None),
        ("t", ogr.OFTString, None),
        ("dt", ogr.OFTDateTime, None),
    ):
        definition = ogr.FieldDefn(name, kind)
        if subtype is not None:
            definition.SetSubType(subtype)
        layer.CreateField(definition)
    full = ogr.Feature(layer.GetLayerDefn())
    for name, value in (("s", "Nørrebro"), ("i", 3), ("big", 2**40), ("d", 1.5), ("b", 1), ("t", "23:05:07")):
        full.SetField(name, value)
    full.SetField("day", 2026, 7, 1, 0, 0, 0, 0)
    full.SetField("dt", 2026, 7, 1, 7, 0, 0, 0)
    full.SetGeometry(ogr.CreateGeometryFromWkt("POINT (720000 6178000)"))
    layer.CreateFeature(full)
    layer.CreateFeature(ogr.Feature(layer.GetLayerDefn()))
    dataset = None
    return path


def test_geopackage_every_type_and_null(typed_geopackage):
    layer = QgsVectorLayer(f"{typed_geopackage}|layername=typed", "typed", "ogr")
    assert layer.isValid()
    frame = source_to_frame(layer, NAMES)
    assert frame.crs.to_epsg() == 25832
    assert frame.index.tolist() == [1, 2]
    # a GeoPackage has no time type: the time is text
    frame["t"] = [datetime.time.fromisoformat(t) if t else None for t in frame["t"]]
    check_typed_frame(frame)


def test_only_the_fields_asked_for_and_transformed():
    layer = typed_memory_layer()
    frame = source_to_frame(
        layer, ["i"], QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance().transformContext()
    )
    assert list(frame.columns) == ["i", "geometry"]
    assert frame.crs.to_epsg() == 4326
    x, y = frame.geometry.iloc[0].x, frame.geometry.iloc[0].y
    # 720000 E 6178000 N in UTM 32N is about 12.52 E 55.70 N (Copenhagen)
    assert 12.4 < x < 12.6 and 55.6 < y < 55.8


def test_feature_table_gives_the_frames_source_to_frame_reads():
    layer = typed_memory_layer()
    table = read_features(layer)
    assert len(table) == 2 and [f.id() for f in table.features] == [1, 2]
    assert table.sourceName() == layer.sourceName()
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    context = QgsProject.instance().transformContext()
    for names, crs in ((["s", "d"], None), (["i"], wgs84), ([], wgs84)):
        once = table.frame(names, crs, context)
        again = source_to_frame(layer, names, crs, context)
        pd.testing.assert_frame_equal(once.drop(columns="geometry"), again.drop(columns="geometry"))
        assert once.crs == again.crs
        assert shapely.to_wkb(once.geometry.values).tolist() == shapely.to_wkb(again.geometry.values).tolist()
    # the features themselves keep the layer's CRS
    assert table.features[0].geometry().asWkt() == "Point (720000 6178000)"


def test_read_columns_and_geometries_of_some_features():
    layer = typed_memory_layer()
    fids, columns = read_columns(layer, ["s", "i"])
    assert fids.tolist() == [1, 2]
    assert columns == {"s": ["Nørrebro", None], "i": [3, None]}
    fids, geometries, columns = read_geometries(layer, ["s"], feature_ids=[1])
    assert fids.tolist() == [1]
    assert geometries[0].equals(shapely.Point(720000, 6178000))
    assert columns == {"s": ["Nørrebro"]}


def test_feature_table_frame_transformed_keeps_a_missing_geometry_missing():
    layer = typed_memory_layer()
    table = read_features(layer)
    frame = table.frame(
        ["s"], QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance().transformContext()
    )
    assert frame["s"].tolist() == ["Nørrebro", None]
    assert 12.4 < frame.geometry.iloc[0].x < 12.6
    assert frame.geometry.iloc[1] is None
    # reading did not change the features
    assert table.features[0].geometry().asWkt() == "Point (720000 6178000)"


def test_reading_reports_progress_every_10000_features_and_stops_when_cancelled():
    layer = QgsVectorLayer("Point?crs=EPSG:25832&field=n:integer", "points", "memory")
    features = []
    for n in range(25_000):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([n])
        feature.setGeometry(QgsGeometry.fromWkt(f"POINT({n} 0)"))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    progress = ProgressLog()
    table = read_features(layer, progress)
    assert len(table) == 25_000 and progress.values == [0.0, 40.0, 80.0]
    assert table.frame(["n"])["n"].tolist() == list(range(25_000))
    # cancelled after two reports: the two batches read before
    assert len(read_features(layer, ProgressLog(cancel_after=2))) == 20_000
