"""Pure domain logic of the YPO sector planning plugin.

Nothing in this package imports qgis: functions take numpy arrays or
GeoDataFrames, a progress callback, a cancel check and a
``numpy.random.Generator`` and return results.
"""
