"""The metric working CRS of an algorithm run.

Algorithms compute areas and distances in metres. Input in a projected metric
CRS is used as it is; geographic (or otherwise non-metric) input is projected
to the UTM zone of its centre. Outputs are written back in the user's CRS.
"""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsUnitTypes,
)

from .conversion import has_features
from .core.crs import utm_epsg

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def is_metric(crs: QgsCoordinateReferenceSystem) -> bool:
    return crs.isValid() and not crs.isGeographic() and crs.mapUnits() == QgsUnitTypes.DistanceMeters


def working_crs(source, layer_description: str, transform_context) -> QgsCoordinateReferenceSystem:
    """A metric CRS for computing on ``source`` (its own CRS when that is metric)."""
    crs = source.sourceCrs()
    if not crs.isValid():
        if not has_features(source):  # saved empty, GeoJSON and CSV keep no CRS: say empty
            raise QgsProcessingException(
                f"The layer '{layer_description}' ({source.sourceName()}) is empty: it has no features; "
                "give a layer with features."
            )
        raise QgsProcessingException(
            f"The layer '{layer_description}' has no valid coordinate reference system: "
            "set its CRS (Layer Properties ▸ Source) and run again."
        )
    if is_metric(crs):
        return crs
    centre = source.sourceExtent().center()
    centre = QgsCoordinateTransform(crs, WGS84, transform_context).transform(centre)
    return QgsCoordinateReferenceSystem(f"EPSG:{utm_epsg(centre.x(), centre.y())}")
