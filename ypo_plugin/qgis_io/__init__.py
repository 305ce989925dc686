"""The one converter between QGIS layers and the core.

QGIS features become GeoDataFrames and arrays (geometry through WKB, vectorised
by shapely); frames and computed columns become QGIS features in sinks,
memory layers and GeoPackages. Algorithms, the GUI and the workspace all use it.

- :mod:`.values` — the one value coercion both ways (QGIS attribute ⇄ Python/numpy value).
- :mod:`.read` — feature sources into GeoDataFrames, geometry arrays or a :class:`~.read.FeatureTable`
  (a source read once: its features to copy and its frames to compute on).
- :mod:`.points` — point layers (incidents) read fast into coordinates and columns; coordinate transforms.
- :mod:`.arrow` — the bulk path for point layers through GDAL's Arrow stream, and WKB point decoding.
- :mod:`.write` — frames and copied source features into sinks and memory layers (one loop adds them).
- :mod:`.geopackage` — GeoPackage layers written through QGIS, reproducible files, CRS of a frame.
"""
