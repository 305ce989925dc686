"""Frames and copied features into sinks, memory layers and GeoPackages, and read back."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFields,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QMetaType, QTime

from tests.layers import ProgressLog
from ypo_plugin.qgis_io.geopackage import write_geopackage_layer
from ypo_plugin.qgis_io.read import read_features, source_to_frame
from ypo_plugin.qgis_io.write import (
    add_features,
    copy_features,
    fields_for_frame,
    memory_layer,
    typed_fields,
    write_frame,
)

SQUARE = shapely.box(720_000, 6_178_000, 720_100, 6_178_100)
TWO_SQUARES = shapely.MultiPolygon([SQUARE, shapely.box(720_200, 6_178_000, 720_300, 6_178_100)])


def sample_frame():
    return gpd.GeoDataFrame(
        {
            "name": ["NE-01", None],
            "count": np.array([3, 2**40], dtype=np.int64),
            "share": [0.25, np.nan],
            "flag": [True, False],
            "when": pd.to_datetime(["2026-07-01T07:00:00", None]),
        },
        geometry=[SQUARE, TWO_SQUARES],
        crs="EPSG:25832",
    )


def test_fields_for_frame():
    fields = fields_for_frame(sample_frame())
    assert [(f.name(), f.type()) for f in fields] == [
        ("name", QMetaType.Type.QString),
        ("count", QMetaType.Type.LongLong),
        ("share", QMetaType.Type.Double),
        ("flag", QMetaType.Type.Bool),
        ("when", QMetaType.Type.QDateTime),
    ]


def test_geopackage_round_trip(tmp_path):
    path = str(tmp_path / "out.gpkg")
    uri = write_geopackage_layer(
        sample_frame(), path, "sectors", QgsProject.instance().transformContext(), True
    )
    assert uri == f"{path}|layername=sectors"
    layer = QgsVectorLayer(uri, "sectors", "ogr")
    assert layer.isValid()
    assert layer.crs().authid() == "EPSG:25832"
    assert layer.wkbType() == QgsWkbTypes.Type.MultiPolygon
    frame = source_to_frame(layer, ["name", "count", "share", "flag", "when"])
    assert frame["name"].tolist() == ["NE-01", None]
    assert frame["count"].tolist() == [3, 1_099_511_627_776]
    assert frame["share"].iloc[0] == 0.25 and np.isnan(frame["share"].iloc[1])
    assert frame["flag"].tolist() == [True, False]
    assert frame["when"].iloc[0] == pd.Timestamp("2026-07-01T07:00:00")
    assert frame["when"].iloc[1] is pd.NaT
    # a single polygon in a multi-polygon layer comes back as a multi-polygon of one part
    assert frame.geometry.iloc[0].equals(shapely.MultiPolygon([SQUARE]))
    assert frame.geometry.iloc[1].equals(TWO_SQUARES)
    # a second layer is added to the same file
    write_geopackage_layer(
        sample_frame().iloc[:1], path, "more", QgsProject.instance().transformContext(), False
    )
    assert QgsVectorLayer(uri, "sectors", "ogr").featureCount() == 2
    assert QgsVectorLayer(f"{path}|layername=more", "more", "ogr").featureCount() == 1


def test_write_frame_transforms_and_makes_multi_part():
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "out", "memory")
    fields = typed_fields([("name", QMetaType.Type.QString), ("count", QMetaType.Type.Int)])
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    frame = sample_frame()[["name", "count", "geometry"]].iloc[:1]
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:25832"),
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsProject.instance(),
    )
    assert write_frame(frame, layer.dataProvider(), layer.fields(), "out", transform=transform, multi=True)
    feature = next(layer.getFeatures())
    assert feature.attributes() == ["NE-01", 3]
    assert feature.geometry().wkbType() == QgsWkbTypes.Type.MultiPolygon
    x = feature.geometry().boundingBox().xMinimum()
    assert 12.4 < x < 12.6  # degrees east, not metres


def test_write_frame_without_geometry():
    layer = QgsVectorLayer("None", "table", "memory")
    fields = typed_fields([("sector_id", QMetaType.Type.QString), ("crimes", QMetaType.Type.LongLong)])
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    table = pd.DataFrame({"sector_id": ["A", "B"], "crimes": np.array([4, 0])})
    assert write_frame(table, layer.dataProvider(), layer.fields(), "table")
    assert [f.attributes() for f in layer.getFeatures()] == [["A", 4], ["B", 0]]


def copy_source_and_output():
    """A memory layer of two rows of the sample frame, its features read, and an empty output."""
    source = memory_layer(
        sample_frame()[["name", "count", "geometry"]],
        "MultiPolygon",
        QgsCoordinateReferenceSystem("EPSG:25832"),
        "source",
        typed_fields([("name", QMetaType.Type.QString), ("count", QMetaType.Type.LongLong)]),
    )
    return source, read_features(source), QgsVectorLayer("MultiPolygon?crs=EPSG:25832", "out", "memory")


def test_copy_features_with_computed_columns():
    source, table, out = copy_source_and_output()
    fields = QgsFields(source.fields())
    fields.append(typed_fields([("sector_id", QMetaType.Type.QString)]).at(0))
    out.dataProvider().addAttributes(fields.toList())
    out.updateFields()
    written = copy_features(
        table.features,
        out.dataProvider(),
        out.fields(),
        [0, 1, -1],
        {"sector_id": ["S1", np.nan], "count": [np.int64(7), 8.0]},
        "out",
        geometries=[None, shapely_geometry(SQUARE)],
        multi=True,
    )
    assert written
    features = list(out.getFeatures())
    assert [f.attributes() for f in features] == [["NE-01", 7, "S1"], [None, 8, None]]
    assert features[0].geometry().equals(table.features[0].geometry())
    assert (
        features[1].geometry().asWkt()
        == "MultiPolygon (((720100 6178000, 720100 6178100, 720000 6178100, 720000 6178000, 720100 6178000)))"
    )


def test_copy_features_whole_keeps_attributes_in_place_and_fills_the_rest():
    source, table, out = copy_source_and_output()
    fields = typed_fields(
        [("note", QMetaType.Type.QString), ("sector_id", QMetaType.Type.QString)],
        leading=[source.fields().at(0)],
    )
    out.dataProvider().addAttributes(fields.toList())
    out.updateFields()
    # name kept in place, count left out (note, in its place, is NULL), sector_id computed; the second
    # geometry replaced
    assert copy_features(
        table.features,
        out.dataProvider(),
        out.fields(),
        [0, -1, -1],
        {"sector_id": ["S1", None]},
        "out",
        geometries=[
            None,
            shapely_geometry(shapely.MultiPolygon([shapely.box(720_200, 6_178_000, 720_300, 6_178_100)])),
        ],
    )
    features = list(out.getFeatures())
    assert [f.attributes() for f in features] == [["NE-01", None, "S1"], [None, None, None]]
    assert [f.geometry().asWkt() for f in features] == [
        "MultiPolygon (((720100 6178000, 720100 6178100, 720000 6178100, 720000 6178000, 720100 6178000)))",
        "MultiPolygon (((720300 6178000, 720300 6178100, 720200 6178100, 720200 6178000, 720300 6178000)))",
    ]
    # the features read are unchanged
    assert [f.attributes() for f in table.features] == [["NE-01", 3], [None, 2**40]]
    assert table.features[0].fields().names() == ["name", "count"]


def shapely_geometry(geometry):
    from ypo_plugin.qgis_io.write import qgs_geometry

    return qgs_geometry(geometry)


def test_memory_layer_keeps_rows_with_empty_geometries_without_one():
    frame = gpd.GeoDataFrame({"n": [1, 2]}, geometry=[SQUARE, shapely.Polygon()], crs="EPSG:25832")
    layer = memory_layer(
        frame,
        "MultiPolygon",
        QgsCoordinateReferenceSystem("EPSG:25832"),
        "m",
        typed_fields([("n", QMetaType.Type.Int)]),
    )
    features = list(layer.getFeatures())
    assert [f.attributes() for f in features] == [[1], [2]]
    assert features[0].geometry().wkbType() == QgsWkbTypes.Type.MultiPolygon
    assert features[1].geometry().isNull()
    assert layer.extent().toString(0) == "720000,6178000 : 720100,6178100"


class RefusingSink:
    def addFeature(self, feature, flags):
        return False

    def addFeatures(self, features, flags):
        return False

    def lastError(self):
        return "disk full"


class SinkRefusingOne:
    """Refuses the feature whose attribute is ``refused``; adds those before it in the same call
    (as a file writer does) and keeps every feature it was given."""

    def __init__(self, refused):
        self.refused = refused
        self.added = []
        self.calls = 0

    def addFeature(self, feature, flags):
        return self.addFeatures([feature], flags)

    def addFeatures(self, features, flags):
        self.calls += 1
        for feature in features:
            if feature.attribute(0) == self.refused:
                return False
            self.added.append(feature.attribute(0))
        return True

    def lastError(self):
        return f"value {self.refused} refused"


def test_features_are_added_in_batches_and_a_refused_one_is_named():
    frame = pd.DataFrame({"a": np.arange(2500)})
    fields = typed_fields([("a", QMetaType.Type.Int)])
    sink = SinkRefusingOne(refused=-1)
    assert write_frame(frame, sink, fields, "t")
    assert sink.added == list(range(2500))
    assert sink.calls == 3  # 1000 + 1000 + 500
    sink = SinkRefusingOne(refused=1234)
    # feature 1235 (value 1234) is in the second batch (1001-2000), which is added again one at a time
    with pytest.raises(
        QgsProcessingException, match=r"^Could not write feature 1235 to t: value 1234 refused$"
    ):
        write_frame(frame, sink, fields, "t")
    assert sink.added == list(range(1234)) + list(range(1000, 1234))


def test_a_feature_a_layer_refuses_is_named():
    """A data provider answers addFeatures with (added, features): a refusal is still seen."""
    layer = QgsVectorLayer("None?field=a:integer", "t", "memory")
    values = list(range(1500))
    values[1200] = "twelve hundred"
    with pytest.raises(
        QgsProcessingException,
        # after the colon QGIS's own words (Value "twelve hundred" is not a number, on QGIS 3.22)
        match=r'^Could not write feature 1201 to t: Could not store attribute "a"',
    ):
        write_frame(pd.DataFrame({"a": values}), layer.dataProvider(), layer.fields(), "t")


def test_a_batch_refused_only_as_a_whole_names_its_features():
    class RefusingBatches(RefusingSink):
        def addFeature(self, feature, flags):
            return True

    frame = pd.DataFrame({"a": np.arange(1500)})
    with pytest.raises(QgsProcessingException, match=r"^Could not write features 1 to 1000 to t: disk full$"):
        write_frame(frame, RefusingBatches(), typed_fields([("a", QMetaType.Type.Int)]), "t")


def test_progress_before_each_batch_and_cancel_between_batches():
    frame = pd.DataFrame({"a": np.arange(2500)})
    fields = typed_fields([("a", QMetaType.Type.Int)])
    progress = ProgressLog()
    assert write_frame(frame, SinkRefusingOne(-1), fields, "t", progress)
    assert progress.values == [0.0, 40.0, 80.0]
    sink = SinkRefusingOne(-1)
    assert write_frame(frame, sink, fields, "t", ProgressLog(cancel_after=2)) is False
    assert sink.added == list(range(2000))


def test_a_refused_feature_is_an_error_naming_the_output():
    frame = pd.DataFrame({"a": [1]})
    fields = typed_fields([("a", QMetaType.Type.Int)])
    with pytest.raises(
        QgsProcessingException, match=r"Could not write feature 1 to table 'log' in x\.gpkg: disk full"
    ):
        write_frame(frame, RefusingSink(), fields, "table 'log' in x.gpkg")


def test_cancelled_writing_stops():
    class Cancelled:
        def isCanceled(self):
            return True

    assert add_features(RefusingSink(), iter([object()]), "nothing", Cancelled()) is False


def test_datetime_attributes_are_written_as_qdatetime():
    layer = QgsVectorLayer("None", "t", "memory")
    fields = typed_fields([("when", QMetaType.Type.QDateTime)])
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    write_frame(
        pd.DataFrame({"when": pd.to_datetime(["2026-07-01T07:00:00.5", None])}),
        layer.dataProvider(),
        layer.fields(),
        "t",
    )
    values = [f.attribute(0) for f in layer.getFeatures()]
    assert values[0] == QDateTime(QDate(2026, 7, 1), QTime(7, 0, 0, 500))
    assert values[1] is None or values[1].isNull()
