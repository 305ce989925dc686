"""Move base units to another sector through the layers' edit buffers.

One move = one edit command on the units layer (``sector_id`` of the moved
units) + one edit command on the sectors layer (the polygons of the sectors
that lost or gained units, rebuilt as the union of their units, see
:mod:`ypo_plugin.core.unit_moves`). The two commands are linked
(:class:`.linked_undo.LinkedUndo`), so one Undo on either layer takes back the
whole move and the sector polygons always match their units.
"""

from qgis.core import (
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..core.lazy import lazy_module
from ..i18n import tr
from .linked_undo import LinkedUndo, unique_command_text

sector_logic = lazy_module("..core.sectors", __package__)
unit_moves = lazy_module("..core.unit_moves", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)
qgis_write = lazy_module("..qgis_io.write", __package__)


class MoveError(Exception):
    """A move that cannot be made (message for the user)."""


class UnitMover(QObject):
    """Knows the units and sectors layers and moves units between sectors."""

    moved = pyqtSignal(int, object)  # number of units moved, target sector id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.units_layer = None
        self.unit_sector_field = ""
        self.sectors_layer = None
        self.sector_id_field = ""
        self.target = None
        self.linker = LinkedUndo(self)

    def configure(self, units_layer, unit_sector_field, sectors_layer, sector_id_field) -> None:
        self.units_layer = units_layer
        self.unit_sector_field = unit_sector_field or ""
        self.sectors_layer = sectors_layer
        self.sector_id_field = sector_id_field or ""

    # --- which units -----------------------------------------------------------------------

    def units_in_rectangle(self, rectangle: QgsRectangle) -> list[int]:
        """Ids of the units intersecting ``rectangle`` (in the units layer's CRS)."""
        layer = self._checked_units()
        request = QgsFeatureRequest().setFilterRect(rectangle).setFlags(QgsFeatureRequest.Flag.ExactIntersect)
        request.setNoAttributes()
        return [feature.id() for feature in layer.getFeatures(request)]

    def units_at_point(self, point: QgsPointXY, tolerance: float = 0.0) -> list[int]:
        """Ids of the units containing ``point`` (units layer CRS), else those within ``tolerance``."""
        layer = self._checked_units()
        box = QgsRectangle(
            point.x() - tolerance, point.y() - tolerance, point.x() + tolerance, point.y() + tolerance
        )
        request = QgsFeatureRequest().setFilterRect(box).setNoAttributes()
        at = QgsGeometry.fromPointXY(point)
        found = [(feature.id(), feature.geometry()) for feature in layer.getFeatures(request)]
        inside = [fid for fid, geometry in found if geometry.contains(at)]
        if inside or tolerance <= 0:
            return inside[:1]
        near = sorted(found, key=lambda item: item[1].distance(at))
        return [near[0][0]] if near else []

    # --- the move --------------------------------------------------------------------------

    def move(self, unit_ids, target=None) -> int:
        """Give the units ``unit_ids`` the sector ``target`` (default: :attr:`target`).

        Returns the number of units whose sector changed (0: nothing to do).
        Raises :class:`MoveError` when the layers are not set up for it.
        """
        target = self.target if target is None else target
        units = self._checked_units()
        sectors = self._checked_sectors()
        if target is None or str(target) == "":
            raise MoveError(tr("Choose the target sector first."))
        unit_index = units.fields().lookupField(self.unit_sector_field)
        sector_features = self._sector_features(sectors)
        if str(target) not in sector_features:
            raise MoveError(
                tr("Sector '{sector}' is not in the layer '{layer}'.", sector=target, layer=sectors.name())
            )

        request = QgsFeatureRequest().setFilterFids(list(unit_ids)).setSubsetOfAttributes([unit_index])
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        current = {feature.id(): feature.attribute(unit_index) for feature in units.getFeatures(request)}
        target_value = _typed(target, units.fields().at(unit_index))
        moving = {
            fid: value for fid, value in current.items() if sector_logic.attribute_text(value) != str(target)
        }
        if not moving:
            return 0
        for layer in (units, sectors):
            if not layer.isEditable() and not layer.startEditing():
                raise MoveError(tr("The layer '{layer}' cannot be edited.", layer=layer.name()))

        # The sector polygons after the move, from the units of the sectors it touches (edit buffer
        # included), united in the layer's order.
        fids, columns = qgis_read.read_columns(units, [self.unit_sector_field])
        labels = [sector_logic.attribute_text(value) for value in columns[self.unit_sector_field]]
        position = {fid: k for k, fid in enumerate(fids.tolist())}
        for fid in moving:
            labels[position[fid]] = str(target)
        touched = [
            t
            for t in unit_moves.sectors_touched(
                [sector_logic.attribute_text(v) for v in moving.values()], str(target)
            )
            if t is not None
        ]
        touched = [t for t in touched if t in sector_features]
        members = [k for k, label in enumerate(labels) if label in touched]
        member_fids, geometries, _ = qgis_read.read_geometries(
            units, (), sectors.crs(), feature_ids=fids[members]
        )
        geometry_of = dict(zip(member_fids.tolist(), geometries, strict=True))
        polygons = unit_moves.sector_polygons(
            [geometry_of.get(int(fids[k])) for k in members], [labels[k] for k in members], touched
        )

        if len(moving) == 1:
            text = tr("Move 1 unit to sector {sector}", sector=target)
        else:
            text = tr("Move {count} units to sector {sector}", count=len(moving), sector=target)
        text = unique_command_text(text)
        units.beginEditCommand(text)
        try:
            for fid, old in moving.items():
                units.changeAttributeValue(fid, unit_index, target_value, old)
        except Exception:
            units.destroyEditCommand()
            raise
        units.endEditCommand()
        sectors.beginEditCommand(text)
        try:
            for sector_id in touched:
                geometry = _layer_geometry(qgis_write.qgs_geometry(polygons[sector_id]), sectors)
                sectors.changeGeometry(sector_features[sector_id], geometry)
        except Exception:
            sectors.destroyEditCommand()
            raise
        sectors.endEditCommand()
        self.linker.link(text, [units, sectors])
        self.moved.emit(len(moving), target)
        return len(moving)

    # --- helpers ---------------------------------------------------------------------------

    def _checked_units(self):
        layer = self.units_layer
        if layer is None or not layer.isValid():
            raise MoveError(tr("Choose the base units layer first."))
        if layer.fields().lookupField(self.unit_sector_field) < 0:
            raise MoveError(
                tr(
                    "The units layer '{layer}' has no sector field '{field}'.",
                    layer=layer.name(),
                    field=self.unit_sector_field,
                )
            )
        return layer

    def _checked_sectors(self):
        layer = self.sectors_layer
        if layer is None or not layer.isValid():
            raise MoveError(tr("Choose the sectors layer first."))
        if layer.fields().lookupField(self.sector_id_field) < 0:
            raise MoveError(
                tr(
                    "The sectors layer '{layer}' has no id field '{field}'.",
                    layer=layer.name(),
                    field=self.sector_id_field,
                )
            )
        if layer is self.units_layer:
            raise MoveError(tr("The units layer and the sectors layer must be two different layers."))
        return layer

    def _sector_features(self, sectors) -> dict[str, int]:
        """Sector id (as text) → feature id of its first feature (edit buffer included)."""
        index = sectors.fields().lookupField(self.sector_id_field)
        request = (
            QgsFeatureRequest().setSubsetOfAttributes([index]).setFlags(QgsFeatureRequest.Flag.NoGeometry)
        )
        result = {}
        for feature in sectors.getFeatures(request):
            result.setdefault(sector_logic.attribute_text(feature.attribute(index)), feature.id())
        result.pop(None, None)
        return result


def _typed(target, field):
    """``target`` converted to the type of the units' sector field."""
    if field.isNumeric():
        try:
            number = float(str(target))
        except ValueError:
            raise MoveError(
                tr("Sector '{sector}' is not a number, but the units' sector field is.", sector=target)
            ) from None
        return int(number) if number.is_integer() else number
    return str(target)


def _layer_geometry(geometry: QgsGeometry, layer) -> QgsGeometry:
    """``geometry`` as single or multi polygon to suit the layer's geometry type."""
    if geometry.isNull():
        return geometry
    if QgsWkbTypes.isMultiType(layer.wkbType()):
        geometry.convertToMultiType()
    elif geometry.isMultipart() and geometry.constGet().numGeometries() == 1:
        geometry.convertToSingleType()
    return geometry
