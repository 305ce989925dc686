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

from .core import geometry
from .core.crs import utm_epsg
from .i18n import tr
from .qgis_io.points import transform_xy
from .qgis_io.read import has_features

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def is_metric(crs: QgsCoordinateReferenceSystem) -> bool:
    return (
        crs.isValid()
        and not crs.isGeographic()
        and crs.mapUnits() == QgsUnitTypes.DistanceUnit.DistanceMeters
    )


def working_crs(source, layer_description: str, transform_context) -> QgsCoordinateReferenceSystem:
    """A metric CRS for computing on ``source`` (its own CRS when that is metric)."""
    crs = source.sourceCrs()
    if is_metric(crs):
        return crs
    # Without features there is no extent to choose a zone from (QGIS 3.44 gives an empty layer a
    # null extent, centred on NaN), and saved empty, GeoJSON and CSV keep no CRS: say empty.
    if not has_features(source):
        raise QgsProcessingException(
            tr(
                "The layer '{layer}' ({source}) is empty: it has no features; give a layer with features.",
                layer=layer_description,
                source=source.sourceName(),
            )
        )
    if not crs.isValid():
        raise QgsProcessingException(
            tr(
                "The layer '{layer}' has no valid coordinate reference system: set its CRS (Layer "
                "Properties ▸ Source) and run again.",
                layer=layer_description,
            )
        )
    extent = source.sourceExtent()
    if extent.isNull():
        raise QgsProcessingException(
            tr(
                "The layer '{layer}' ({source}) has no geometries: none of its features has one; give a "
                "layer whose features have geometries.",
                layer=layer_description,
                source=source.sourceName(),
            )
        )
    return working_crs_of_extent(crs, extent, transform_context)


def working_crs_of_extent(crs, extent, transform_context) -> QgsCoordinateReferenceSystem:
    """The working CRS of data in ``crs`` covering ``extent`` (a QgsRectangle in ``crs``)."""
    if is_metric(crs):
        return crs
    centre = QgsCoordinateTransform(crs, WGS84, transform_context).transform(extent.center())
    return QgsCoordinateReferenceSystem(f"EPSG:{utm_epsg(centre.x(), centre.y())}")


def valid_in_both(geoms, own_crs, other_crs, transform_context):
    """Polygons in ``own_crs`` made valid there and once projected to ``other_crs`` (see
    :func:`.core.geometry.valid_in_both`); returns them and a mask of those changed."""
    if own_crs == other_crs:
        return geometry.repair_polygons(geoms)
    return geometry.valid_in_both(
        geoms,
        lambda xy: transform_xy(xy, own_crs, other_crs, transform_context),
        lambda xy: transform_xy(xy, other_crs, own_crs, transform_context),
    )
