"""Small layers built in code for algorithm tests.

Geometries are given in EPSG:25832 near Bellahøj, relative to (X0, Y0), and
reprojected to the CRS a test asks for.
"""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProject,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

CRS = "EPSG:25832"
# Near Bellahøj, so that EPSG:4326 input is worked on in UTM zone 33 (another CRS).
X0, Y0 = 720_000.0, 6_178_000.0


def box(x0, y0, x1, y1, step=100):
    """A rectangle with a vertex every ``step`` m, so that neighbours share their vertices and stay
    exact neighbours when reprojected (straight lines are not straight in another CRS)."""
    ring = (
        [(x, y0) for x in range(x0, x1, step)]
        + [(x1, y) for y in range(y0, y1, step)]
        + [(x, y1) for x in range(x1, x0, -step)]
        + [(x0, y) for y in range(y1, y0 - 1, -step)]
    )
    return QgsGeometry.fromWkt("POLYGON((" + ",".join(f"{X0 + x} {Y0 + y}" for x, y in ring) + "))")


def point(x, y):
    return QgsGeometry.fromWkt(f"POINT({X0 + x} {Y0 + y})")


def line(*points):
    return QgsGeometry.fromWkt("LINESTRING(" + ",".join(f"{X0 + x} {Y0 + y}" for x, y in points) + ")")


def memory_layer(kind, fields, rows, crs=CRS, name="layer"):
    """A memory layer of (geometry or WKT, attributes…) rows, reprojected from EPSG:25832 to ``crs``."""
    layer = QgsVectorLayer(f"{kind}?crs={crs}&" + "&".join(f"field={f}" for f in fields), name, "memory")
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem(CRS), QgsCoordinateReferenceSystem(crs), QgsProject.instance()
    )
    features = []
    for geometry, *attributes in rows:
        feature = QgsFeature(layer.fields())
        if geometry is not None:
            geometry = QgsGeometry.fromWkt(geometry) if isinstance(geometry, str) else QgsGeometry(geometry)
            geometry.transform(transform)
            feature.setGeometry(geometry)
        feature.setAttributes(list(attributes))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def save_layers(layers, folder) -> dict:
    """Each layer of ``layers`` (name → layer) written to ``<folder>/<name>.gpkg``; name → path."""
    paths = {}
    for name, layer in layers.items():
        paths[name] = str(folder / f"{name.lower()}.gpkg")
        options = QgsVectorFileWriter.SaveVectorOptions()
        error = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, paths[name], layer.transformContext(), options
        )
        assert error[0] == QgsVectorFileWriter.WriterError.NoError, error
    return paths


class ProgressLog:
    """A feedback that keeps the progress it is given; cancelled once it was given ``cancel_after``."""

    def __init__(self, cancel_after=None):
        self.values = []
        self.cancel_after = cancel_after

    def isCanceled(self):
        return self.cancel_after is not None and len(self.values) >= self.cancel_after

    def setProgress(self, value):
        self.values.append(value)
