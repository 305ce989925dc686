"""Map tool: click a base unit, or drag a rectangle over units, to move them to the target sector."""

from qgis.core import Qgis, QgsGeometry, QgsPointXY, QgsRectangle, QgsWkbTypes
from qgis.gui import QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from ..i18n import tr
from .unit_mover import MoveError

# A press and release closer than this (pixels) is a click, not a drag.
DRAG_THRESHOLD_PX = 4
# A click this close (pixels) to a unit picks it when it is inside none.
CLICK_TOLERANCE_PX = 3


class PaintUnitsTool(QgsMapTool):
    """Moves the units clicked or dragged over to :attr:`UnitMover.target` (one undo step each)."""

    def __init__(self, canvas, mover):
        super().__init__(canvas)
        self.mover = mover
        self.setCursor(Qt.CursorShape.CrossCursor)
        self._start = None
        self._dragging = False
        self._band = None

    # --- public, also for tests and scripts (coordinates in the canvas CRS) -----------------

    def move_units_in_rectangle(self, rectangle: QgsRectangle, target=None) -> int:
        """Move every unit intersecting ``rectangle`` to ``target`` (default: the mover's)."""
        layer = self.mover.units_layer
        if layer is None:
            return self._fail(tr("Choose the base units layer first."))
        try:
            units = self.mover.units_in_rectangle(self.toLayerCoordinates(layer, rectangle))
            return self._move(units, target)
        except MoveError as error:
            return self._fail(str(error))

    def move_units_at_point(self, point: QgsPointXY, target=None) -> int:
        """Move the unit under ``point`` to ``target`` (default: the mover's)."""
        layer = self.mover.units_layer
        if layer is None:
            return self._fail(tr("Choose the base units layer first."))
        try:
            at = self.toLayerCoordinates(layer, point)
            tolerance = CLICK_TOLERANCE_PX * self.canvas().mapUnitsPerPixel()
            corner = self.toLayerCoordinates(layer, QgsPointXY(point.x() + tolerance, point.y()))
            units = self.mover.units_at_point(at, abs(corner.x() - at.x()) or tolerance)
            return self._move(units, target)
        except MoveError as error:
            return self._fail(str(error))

    # --- mouse -----------------------------------------------------------------------------

    def canvasPressEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton:
            self._start = event.pos()
            self._dragging = False

    def canvasMoveEvent(self, event):
        if self._start is None:
            return
        if not self._dragging and (event.pos() - self._start).manhattanLength() >= DRAG_THRESHOLD_PX:
            self._dragging = True
        if self._dragging:
            self._show_band(self._rectangle(event.pos()))

    def canvasReleaseEvent(self, event):
        if self._start is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if self._dragging:
            rectangle = self._rectangle(event.pos())
            self._reset()
            self.move_units_in_rectangle(rectangle)
        else:
            self._reset()
            self.move_units_at_point(self.toMapCoordinates(event.pos()))

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Escape:
            self._reset()

    def deactivate(self):
        self._reset()
        super().deactivate()

    # --- helpers ---------------------------------------------------------------------------

    def _move(self, units, target) -> int:
        if not units:
            self.messageEmitted.emit(tr("No base unit there."), Qgis.MessageLevel.Info)
            return 0
        moved = self.mover.move(units, target)
        if moved == 0:
            self.messageEmitted.emit(
                tr("These units are in the target sector already."), Qgis.MessageLevel.Info
            )
        return moved

    def _fail(self, message: str) -> int:
        self.messageEmitted.emit(message, Qgis.MessageLevel.Warning)
        return 0

    def _rectangle(self, end) -> QgsRectangle:
        a = self.toMapCoordinates(self._start)
        b = self.toMapCoordinates(end)
        return QgsRectangle(a, b)

    def _show_band(self, rectangle: QgsRectangle) -> None:
        if self._band is None:
            self._band = QgsRubberBand(self.canvas(), QgsWkbTypes.GeometryType.PolygonGeometry)
            self._band.setColor(QColor(255, 140, 0, 60))
            self._band.setStrokeColor(QColor(255, 140, 0))
            self._band.setWidth(1)
        self._band.setToGeometry(QgsGeometry.fromRect(rectangle), None)

    def _reset(self) -> None:
        self._start = None
        self._dragging = False
        if self._band is not None:
            self._band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
            self.canvas().scene().removeItem(self._band)
            self._band = None
