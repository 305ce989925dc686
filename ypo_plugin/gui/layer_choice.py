"""Choosing layers and fields in a dock by their names or the plugin's field conventions, and
laying out a form row."""

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
# Layers recognised by the fields the plugin writes and reads when no name matches (a workspace's
# "Sektorer / Sectors", a manning output): fields every such layer has, fields it must not have.
LAYER_FIELDS = {
    "sectors": ({"sector_id"}, {"unit_id"}),
    "units": ({"unit_id", "sector_id"}, set()),
    "population": ({"population"}, {"sector_id"}),
    "crimes": ({"crime_type"}, set()),
    "exposed": None,
}
FIELD_NAMES = {
    "sector_id": ("sector_id", "sector", "id"),
    "population": ("population", "pop", "inhabitants"),
    "crime_type": ("crime_type", "type", "offence", "primary_type"),
    "date": ("occurred", "date", "datetime"),
}


def layer_for_role(layers, role: str, filters, excluded=None):
    """The first of ``layers`` named as a layer of ``role`` (:data:`LAYER_NAMES`, in that order),
    else the first with the role's fields (:data:`LAYER_FIELDS`), that a combo with ``filters``
    lists, other than ``excluded``; None without one."""
    candidates = [layer for layer in layers if accepts(filters, layer) and layer is not excluded]
    for name in LAYER_NAMES[role]:
        for layer in candidates:
            if layer.name().casefold() == name:
                return layer
    if LAYER_FIELDS[role] is None:
        return None
    required, absent = LAYER_FIELDS[role]
    for layer in candidates:
        names = {name.casefold() for name in layer.fields().names()}
        if required <= names and not absent & names:
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
    """Choose the first field of the combo's (newly set) layer named as a field of ``role``
    (:data:`FIELD_NAMES`); without one, the combo keeps its choice. The combo's own choice is
    no reason to keep it: on a new layer it takes the first field (a GeoPackage's fid)."""
    layer = combo.layer()
    if layer is None:
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
