"""Choosing layers and fields in a dock by their names, and laying out a form row."""

from qgis.core import QgsVectorLayer, QgsWkbTypes
from qgis.gui import QgsFieldComboBox
from qgis.PyQt.QtWidgets import QHBoxLayout, QWidget

from ..qgis_compat import layer_filters

# Layers picked by name when a dock opens (first match wins).
LAYER_NAMES = {
    "sectors": ("sectors", "sector"),
    "units": ("units", "units with sector", "base units", "unit"),
    "population": ("units", "population", "unit"),
    "crimes": ("crimes", "incidents", "crime"),
    "exposed": ("exposed_areas", "exposed"),
}
FIELD_NAMES = {
    "sector_id": ("sector_id", "sector", "id"),
    "population": ("population", "pop", "inhabitants"),
    "crime_type": ("crime_type", "type", "offence", "primary_type"),
    "date": ("occurred", "date", "datetime"),
}


def layer_named(layers, role: str, filters, excluded=None):
    """The first of ``layers`` named as a layer of ``role`` (:data:`LAYER_NAMES`, in that order)
    that a combo with ``filters`` lists, other than ``excluded``; None without one."""
    for name in LAYER_NAMES[role]:
        for layer in layers:
            if layer.name().casefold() == name and accepts(filters, layer) and layer is not excluded:
                return layer
    return None


def accepts(filters, layer) -> bool:
    """Whether a layer combo with ``filters`` (polygon and/or point layers) lists ``layer``."""
    if not isinstance(layer, QgsVectorLayer):
        return False
    kind = layer.geometryType()
    return bool(
        (kind == QgsWkbTypes.GeometryType.PolygonGeometry and filters & layer_filters("PolygonLayer"))
        or (kind == QgsWkbTypes.GeometryType.PointGeometry and filters & layer_filters("PointLayer"))
    )


def pick_field(combo: QgsFieldComboBox, role: str) -> None:
    """Choose the first field named as a field of ``role`` (:data:`FIELD_NAMES`) when none is chosen."""
    layer = combo.layer()
    if layer is None or combo.currentField():
        return
    names = {name.casefold(): name for name in layer.fields().names()}
    for candidate in FIELD_NAMES[role]:
        if candidate in names:
            combo.setField(names[candidate])
            return


def form_row(*widgets) -> QWidget:
    """The widgets side by side, sharing a form row's width."""
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget, 1)
    return holder
