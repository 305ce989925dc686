"""The few QGIS calls whose form changed between QGIS 3.22 (the oldest the plugin
supports) and QGIS 3.44/4: the rest of the plugin calls these and never checks a
version itself. Each takes the current form where this QGIS has it (QGIS 4 has
only that) and the old one otherwise.
"""

from qgis.core import Qgis, QgsField, QgsMapLayer, QgsRectangle
from qgis.PyQt.QtCore import QMetaType

# QgsField takes a QMetaType.Type from QGIS 3.38 on (the QVariant.Type form is deprecated there and
# gone in QGIS 4); older QGIS takes the QVariant.Type of the same number, which it accepts as a plain int.
_FIELDS_TAKE_METATYPES = Qgis.versionInt() >= 33800


def new_field(name: str, field_type: QMetaType.Type, length: int = 0) -> QgsField:
    """A QgsField of ``field_type`` (a ``QMetaType.Type``, e.g. ``QMetaType.Type.QString``)."""
    return QgsField(name, field_type if _FIELDS_TAKE_METATYPES else int(field_type), len=length)


def save_default_style(layer: QgsMapLayer, name: str, description: str) -> str:
    """Store ``layer``'s style in its data source as the default style; the error text, "" if none."""
    if hasattr(layer, "saveStyleToDatabaseV2"):
        _, error = layer.saveStyleToDatabaseV2(name, description, True, "")
        return error
    return layer.saveStyleToDatabase(name, description, True, "")


def null_rectangle() -> QgsRectangle:
    """An empty rectangle that any extent combined with it replaces."""
    rectangle = QgsRectangle()
    if hasattr(rectangle, "setNull"):
        rectangle.setNull()
    else:
        rectangle.setMinimal()
    return rectangle


def layer_filters(*names: str):
    """The layer filters ``names`` (``"PolygonLayer"``, ``"PointLayer"`` …) for a QgsMapLayerComboBox:
    ``Qgis.LayerFilters`` where QGIS has them (3.34 on), else the proxy model's old flags. (Or-ing
    two bare filter values gives a number, which only the deprecated form of setFilters takes.)"""
    if hasattr(Qgis, "LayerFilters"):
        flags, values = Qgis.LayerFilters, Qgis.LayerFilter
    else:
        from qgis.core import QgsMapLayerProxyModel

        flags, values = QgsMapLayerProxyModel.Filters, QgsMapLayerProxyModel
    combined = flags(getattr(values, names[0]))
    for name in names[1:]:
        combined |= getattr(values, name)
    return combined


def set_label_font(label, font, colour=None) -> None:
    """Give a layout label ``font`` (size in points) and ``colour`` (black when None): through a
    text format where QGIS labels take one (3.24 on; setFont and setFontColor are deprecated in
    3.44), else directly."""
    if hasattr(label, "setTextFormat"):
        from qgis.core import QgsTextFormat

        text_format = QgsTextFormat()  # sizes in points, as a font's
        text_format.setFont(font)
        text_format.setSize(font.pointSizeF())
        if colour is not None:
            text_format.setColor(colour)
        label.setTextFormat(text_format)
        return
    label.setFont(font)
    if colour is not None:
        label.setFontColor(colour)


def label_placement(name: str):
    """The label placement ``name`` (``"OverPoint"``, ``"AroundPoint"`` …) for
    ``QgsPalLayerSettings.placement``: ``Qgis.LabelPlacement`` where QGIS has it (3.26 on), else
    QgsPalLayerSettings' own. (From 3.26 ``QgsPalLayerSettings.OverPoint`` names the predefined
    point position of that name, which 3.44 refuses as a placement.)"""
    if hasattr(Qgis, "LabelPlacement"):
        return getattr(Qgis.LabelPlacement, name)
    from qgis.core import QgsPalLayerSettings

    return getattr(QgsPalLayerSettings, name)
