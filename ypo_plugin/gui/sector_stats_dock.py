"""The "Sector statistics" dock: live per-sector statistics while sectors are edited.

The dock reads the chosen layers through :mod:`ypo_plugin.qgis_io` (a
layer's own features, so its edit buffer is included) and lets
:func:`ypo_plugin.core.sector_stats.sector_statistics` compute everything.
It listens to the sectors layer's edit signals and undo stack (and to the
input layers), and recomputes once the edits pause for
:data:`DEBOUNCE_MS`. Population units, incidents and exposed areas are read
and prepared once and kept until those layers change; the core's
:class:`~ypo_plugin.core.sector_stats.StatsCache` reuses the work for sectors
that did not change.
"""

from __future__ import annotations

import math
import time

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFieldProxyModel,
    QgsProcessingException,
    QgsProject,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget, QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import stats_table
from ..core.defaults import REVIEW_TOLERANCE_PCT
from ..core.errors import InputError
from ..core.lazy import lazy_module
from ..i18n import tr, translated
from ..qgis_compat import layer_filters, null_rectangle
from .dock_choices import store_choices, stored_choices
from .layer_choice import form_row, layer_for_role, pick_field
from .stats_inputs import PreparedInputs
from .unit_mover import UnitMover

sector_stats = lazy_module("..core.sector_stats", __package__)
sector_logic = lazy_module("..core.sectors", __package__)
crs_choice = lazy_module("..crs", __package__)
qgis_read = lazy_module("..qgis_io.read", __package__)
qgis_write = lazy_module("..qgis_io.write", __package__)

DEBOUNCE_MS = 20
ALLOCATED_FIELD = "officers_allocated"

COLUMN_INDEX = {key: i for i, (key, _, _) in enumerate(stats_table.COLUMNS)}
FLAGS_COLUMN = COLUMN_INDEX["flags"]

STATUS_COLOURS = {
    stats_table.GOOD: QColor(200, 235, 200),
    stats_table.WARN: QColor(255, 225, 160),
    stats_table.BAD: QColor(245, 180, 180),
}


def problem_label(code: str) -> str:
    """A sector's flag or problem type (the validation's ``error_type``, which scripts read in
    English) in the user's language."""
    labels = {
        "gap": tr("gap", "sector problem"),
        "overlap": tr("overlap", "sector problem"),
        "outside": tr("outside", "sector problem"),
        "noncontiguous": tr("noncontiguous", "sector problem"),
        "sliver": tr("sliver", "sector problem"),
        "undermanned": tr("undermanned", "sector problem"),
        "invalid": tr("invalid", "sector problem"),
        "empty": tr("empty", "sector problem"),
        "no id": tr("no id", "sector problem"),
        "duplicate id": tr("duplicate id", "sector problem"),
        "workload": tr("workload", "sector problem"),
    }
    return labels.get(code, code)


class SectorStatsDock(QgsDockWidget):
    """Per-sector population, crimes by type, workload, factor, officers, compactness and flags."""

    statisticsUpdated = pyqtSignal(float)  # noqa: N815 - Qt signal name; milliseconds spent

    def __init__(self, canvas=None, parent=None):
        super().__init__(parent)
        self.setObjectName("YpoSectorStatisticsDock")
        self.setWindowTitle(tr("Sector statistics"))
        self.canvas = canvas
        self.mover = UnitMover(self)
        self.statistics = None
        self.update_count = 0
        self.last_compute_ms = math.nan
        self._fids: list[int] = []
        self._crs = None
        self._inputs = PreparedInputs()
        self._cache = None  # made with the first figures (QGIS starts without the logic loaded)
        self._cache_inputs: tuple = (None, None)
        self._connections: list[tuple] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self._build()
        QgsProject.instance().layersAdded.connect(self._layers_added)
        QgsProject.instance().readProject.connect(self._project_read)
        QgsProject.instance().writeProject.connect(self._keep_choices)
        self.autodetect_layers()

    # --- widgets ---------------------------------------------------------------------------

    def _build(self):
        contents = QWidget()
        layout = QVBoxLayout(contents)
        layout.setContentsMargins(4, 4, 4, 4)

        self.layers_box = QgsCollapsibleGroupBox(tr("Layers"))
        form = QFormLayout(self.layers_box)
        self.sectors_combo = self._layer_combo(layer_filters("PolygonLayer"))
        self.id_field_combo = QgsFieldComboBox()
        form.addRow(tr("Sectors"), form_row(self.sectors_combo, self.id_field_combo))
        self.population_combo = self._layer_combo(layer_filters("PolygonLayer", "PointLayer"))
        self.population_field_combo = QgsFieldComboBox()
        self.population_field_combo.setFilters(QgsFieldProxyModel.Filter.Numeric)
        form.addRow(tr("Population"), form_row(self.population_combo, self.population_field_combo))
        self.crimes_combo = self._layer_combo(layer_filters("PointLayer"))
        self.crime_type_field_combo = QgsFieldComboBox()
        self.date_field_combo = QgsFieldComboBox()
        self.date_field_combo.setAllowEmptyFieldName(True)
        self.date_field_combo.setToolTip(tr("Incident date field: crime rates are per year over its span."))
        form.addRow(
            tr("Crimes"), form_row(self.crimes_combo, self.crime_type_field_combo, self.date_field_combo)
        )
        self.type_map_edit = QLineEdit()
        self.type_map_edit.setPlaceholderText(
            tr("default types; add e.g. BATTERY=violence; ASSAULT=violence")
        )
        form.addRow(tr("Crime type map"), self.type_map_edit)
        self.exposed_combo = self._layer_combo(layer_filters("PolygonLayer"))
        form.addRow(tr("Exposed areas"), self.exposed_combo)
        self.tolerance_spin = QDoubleSpinBox()
        self.tolerance_spin.setRange(0.0, 100.0)
        self.tolerance_spin.setDecimals(1)
        self.tolerance_spin.setSuffix(" %")
        self.tolerance_spin.setValue(REVIEW_TOLERANCE_PCT)
        self.tolerance_spin.setToolTip(tr("Allowed workload deviation from the mean"))
        form.addRow(tr("Tolerance"), self.tolerance_spin)
        layout.addWidget(self.layers_box)

        self.move_box = QgsCollapsibleGroupBox(tr("Move base units"))
        move_form = QFormLayout(self.move_box)
        self.units_combo = self._layer_combo(layer_filters("PolygonLayer"))
        self.unit_field_combo = QgsFieldComboBox()
        move_form.addRow(tr("Units"), form_row(self.units_combo, self.unit_field_combo))
        self.target_combo = QComboBox()
        self.target_combo.setToolTip(tr("The sector that clicked or dragged-over units move to"))
        self.paint_button = QToolButton()
        self.paint_button.setText(tr("Paint units"))
        move_form.addRow(tr("Target sector"), form_row(self.target_combo, self.paint_button))
        layout.addWidget(self.move_box)

        splitter = QSplitter(Qt.Orientation.Vertical)
        self.table = QTableWidget(0, len(stats_table.COLUMNS))
        self.table.setHorizontalHeaderLabels([translated(header) for _, header, _ in stats_table.COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.cellClicked.connect(self._sector_clicked)
        splitter.addWidget(self.table)
        self.problems_table = QTableWidget(0, 3)
        self.problems_table.setHorizontalHeaderLabels([tr("Problem"), tr("Sectors"), tr("Details")])
        self.problems_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.problems_table.verticalHeader().setVisible(False)
        self.problems_table.horizontalHeader().setStretchLastSection(True)
        self.problems_table.cellClicked.connect(self._problem_clicked)
        splitter.addWidget(self.problems_table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.setWidget(contents)

        self.sectors_combo.layerChanged.connect(self._sectors_layer_changed)
        self.id_field_combo.fieldChanged.connect(self._settings_changed)
        self.population_combo.layerChanged.connect(lambda layer: self._input_layer_changed("population"))
        self.population_field_combo.fieldChanged.connect(lambda _: self._invalidate("population"))
        self.crimes_combo.layerChanged.connect(lambda layer: self._input_layer_changed("crimes"))
        self.crime_type_field_combo.fieldChanged.connect(lambda _: self._invalidate("crimes"))
        self.date_field_combo.fieldChanged.connect(lambda _: self._invalidate("crimes"))
        self.type_map_edit.editingFinished.connect(lambda: self._invalidate("crimes"))
        self.exposed_combo.layerChanged.connect(lambda layer: self._input_layer_changed("exposed"))
        self.tolerance_spin.valueChanged.connect(lambda _: self.schedule())
        self.units_combo.layerChanged.connect(self._units_layer_changed)
        self.unit_field_combo.fieldChanged.connect(lambda _: self._configure_mover())
        self.target_combo.currentIndexChanged.connect(self._target_changed)
        self.mover.moved.connect(lambda *_: self.schedule())

    def _layer_combos(self) -> dict:
        return {
            "sectors": self.sectors_combo,
            "population": self.population_combo,
            "crimes": self.crimes_combo,
            "exposed": self.exposed_combo,
            "units": self.units_combo,
        }

    def _field_combos(self) -> dict:
        return {
            "sector_id_field": self.id_field_combo,
            "population_field": self.population_field_combo,
            "crime_type_field": self.crime_type_field_combo,
            "date_field": self.date_field_combo,
            "unit_field": self.unit_field_combo,
        }

    def _layer_combo(self, filters):
        combo = QgsMapLayerComboBox()
        combo.setFilters(filters)
        combo.setAllowEmptyLayer(True)
        combo.setLayer(None)
        return combo

    def set_paint_action(self, action) -> None:
        """Show the unit-painting tool's action on the dock's button."""
        self.paint_button.setDefaultAction(action)

    # --- configuration (also for tests and scripts) ----------------------------------------

    def set_layers(
        self,
        sectors=None,
        sector_id_field=None,
        population=None,
        population_field=None,
        crimes=None,
        crime_type_field=None,
        date_field=None,
        crime_type_map=None,
        exposed=None,
        units=None,
        unit_sector_field=None,
    ) -> None:
        """Choose the layers and fields; ``None`` leaves a choice as it is."""
        for combo, layer in (
            (self.sectors_combo, sectors),
            (self.population_combo, population),
            (self.crimes_combo, crimes),
            (self.exposed_combo, exposed),
            (self.units_combo, units),
        ):
            if layer is not None:
                combo.setLayer(layer)
        for combo, name in (
            (self.id_field_combo, sector_id_field),
            (self.population_field_combo, population_field),
            (self.crime_type_field_combo, crime_type_field),
            (self.date_field_combo, date_field),
            (self.unit_field_combo, unit_sector_field),
        ):
            if name is not None:
                combo.setField(name)
        if crime_type_map is not None:
            self.type_map_edit.setText(crime_type_map)
            self._invalidate("crimes")
        self._configure_mover()
        self.schedule()

    def autodetect_layers(self) -> None:
        """Choose layers by their names or fields for every choice still empty (the sample
        district, a workspace)."""
        layers = list(QgsProject.instance().mapLayers().values())
        for role, combo in self._layer_combos().items():
            if combo.currentLayer() is None:
                layer = layer_for_role(
                    layers, role, combo.filters(), excluded=self.sectors_combo.currentLayer()
                )
                if layer is not None:
                    combo.setLayer(layer)

    def _choices(self) -> dict[str, str]:
        choices = {
            role: combo.currentLayer().id() if combo.currentLayer() else ""
            for role, combo in self._layer_combos().items()
        }
        choices.update({key: combo.currentField() for key, combo in self._field_combos().items()})
        choices["crime_type_map"] = self.type_map_edit.text().strip()
        return choices

    def _keep_choices(self, *_) -> None:
        store_choices(QgsProject.instance(), self._choices())

    def _project_read(self, *_) -> None:
        """Restore the choices kept in the project just read (over what was picked on loading)."""
        project = QgsProject.instance()
        kept = stored_choices(project, self._choices())
        for role, combo in self._layer_combos().items():
            layer = project.mapLayer(kept[role]) if kept[role] else None
            if layer is not None:
                combo.setLayer(layer)
        for key, combo in self._field_combos().items():
            if kept[key]:
                combo.setField(kept[key])
        if kept["crime_type_map"]:
            self.type_map_edit.setText(kept["crime_type_map"])
            self._invalidate("crimes")

    def schedule(self) -> None:
        """Recompute once the edits pause (debounced)."""
        self._timer.start()

    # --- reacting to layers ----------------------------------------------------------------

    def _layers_added(self, _layers):
        self.autodetect_layers()

    def _sectors_layer_changed(self, layer):
        self.id_field_combo.setLayer(layer)
        pick_field(self.id_field_combo, "sector_id")
        self._reconnect()
        self._crs = None
        self._inputs.forget()
        self._cache = None
        self._configure_mover()
        self.schedule()

    def _units_layer_changed(self, layer):
        self.unit_field_combo.setLayer(layer)
        pick_field(self.unit_field_combo, "sector_id")
        self._configure_mover()

    def _input_layer_changed(self, role):
        if role == "population":
            self.population_field_combo.setLayer(self.population_combo.currentLayer())
            pick_field(self.population_field_combo, "population")
        elif role == "crimes":
            layer = self.crimes_combo.currentLayer()
            self.crime_type_field_combo.setLayer(layer)
            self.date_field_combo.setLayer(layer)
            pick_field(self.crime_type_field_combo, "crime_type")
            pick_field(self.date_field_combo, "date")
        self._reconnect()
        self._invalidate(role)

    def _settings_changed(self, *_):
        self._configure_mover()
        self.schedule()

    def _invalidate(self, role: str) -> None:
        """Forget a prepared input (its layer changed); the population depends on the exposed areas."""
        self._inputs.forget(role)
        self._cache = None
        self.schedule()

    def _reconnect(self):
        """Listen to the sectors layer's edits and undo stack, and to changes of the input layers."""
        for signal, slot in self._connections:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass  # the layer is gone already
        self._connections = []
        sectors = self.sectors_combo.currentLayer()
        if sectors is not None:
            for signal in (
                sectors.editingStarted,
                sectors.editingStopped,
                sectors.geometryChanged,
                sectors.attributeValueChanged,
                sectors.featureAdded,
                sectors.featuresDeleted,
                sectors.afterCommitChanges,
                sectors.afterRollBack,
                sectors.subsetStringChanged,
                sectors.undoStack().indexChanged,
            ):
                self._connect(signal, self._sectors_edited)
        for role, combo, fields in (
            ("population", self.population_combo, lambda: [self.population_field_combo.currentField()]),
            ("crimes", self.crimes_combo, self._crime_fields),
            ("exposed", self.exposed_combo, lambda: []),
        ):
            layer = combo.currentLayer()
            if layer is None or layer is sectors:
                continue

            def changed(*_, role=role):
                self._invalidate(role)

            for signal in (
                layer.geometryChanged,
                layer.featureAdded,
                layer.featuresDeleted,
                layer.afterRollBack,
                layer.subsetStringChanged,
            ):
                self._connect(signal, changed)

            def attribute_changed(_fid, index, _value, layer=layer, fields=fields, role=role):
                if layer.fields().at(index).name() in fields():
                    self._invalidate(role)

            self._connect(layer.attributeValueChanged, attribute_changed)

    def _connect(self, signal, slot):
        signal.connect(slot)
        self._connections.append((signal, slot))

    def _sectors_edited(self, *_):
        self.schedule()

    def _crime_fields(self):
        return [self.crime_type_field_combo.currentField(), self.date_field_combo.currentField()]

    def _configure_mover(self, *_):
        self.mover.configure(
            self.units_combo.currentLayer(),
            self.unit_field_combo.currentField(),
            self.sectors_combo.currentLayer(),
            self.id_field_combo.currentField(),
        )

    def _target_changed(self, _index):
        self.mover.target = self.target_combo.currentData()

    # --- computing -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Recompute the statistics now and show them."""
        self._timer.stop()
        started = time.perf_counter()
        sectors = self.sectors_combo.currentLayer()
        id_field = self.id_field_combo.currentField()
        if sectors is None or not id_field:
            self._show_status(tr("Choose the sectors layer and its id field."), error=False)
            self._clear()
            return
        try:
            crs = self._working_crs(sectors)
            population = self._inputs.population(
                self.population_combo.currentLayer(),
                self.population_field_combo.currentField(),
                self.exposed_combo.currentLayer(),
                crs,
            )
            crimes = self._inputs.crimes(
                self.crimes_combo.currentLayer(),
                self.crime_type_field_combo.currentField(),
                self.date_field_combo.currentField(),
                self.type_map_edit.text().strip(),
                crs,
            )
            kept_population, kept_crimes = self._cache_inputs
            if self._cache is None or kept_population is not population or kept_crimes is not crimes:
                # The cache is tied to one prepared population and one prepared set of incidents.
                self._cache = sector_stats.StatsCache()
                self._cache_inputs = (population, crimes)
            fields = [id_field]
            has_allocated = sectors.fields().lookupField(ALLOCATED_FIELD) >= 0 and id_field != ALLOCATED_FIELD
            if has_allocated:
                fields.append(ALLOCATED_FIELD)
            context = QgsProject.instance().transformContext()
            fids, geometries, columns = qgis_read.read_geometries(
                sectors, fields, target_crs=crs, transform_context=context
            )
            settings = sector_stats.StatsSettings(tolerance_pct=self.tolerance_spin.value())
            statistics = sector_stats.sector_statistics(
                columns[id_field],
                geometries,
                population,
                crimes,
                columns[ALLOCATED_FIELD] if has_allocated else None,
                settings,
                self._cache,
                crs=crs.authid() or None,
            )
        except (InputError, QgsProcessingException, ValueError) as error:
            # A core error keeps its message (args[0]) for translation; str() would lose it.
            message = error.args[0] if error.args and isinstance(error.args[0], str) else str(error)
            self._show_status(translated(message), error=True)
            return
        self._fids = [int(fid) for fid in fids]
        self.statistics = statistics
        self._fill(statistics, settings)
        self._fill_targets(statistics)
        elapsed = 1000.0 * (time.perf_counter() - started)
        self.last_compute_ms = elapsed
        self.update_count += 1
        notes = [tr("{count} sectors, updated in {elapsed:.0f} ms.", count=len(self._fids), elapsed=elapsed)]
        if statistics.population_outside > 0.5:
            notes.append(
                tr(
                    "Population outside every sector: {population:,.0f}.",
                    population=statistics.population_outside,
                )
            )
        if statistics.crimes_outside:
            notes.append(tr("Incidents outside every sector: {count:,}.", count=statistics.crimes_outside))
        notes += [translated(warning) for warning in statistics.warnings[:3]]
        self._show_status(" ".join(notes), error=False)
        self.statisticsUpdated.emit(elapsed)

    def _working_crs(self, sectors) -> QgsCoordinateReferenceSystem:
        if self._crs is None or not self._crs.isValid():
            self._crs = crs_choice.working_crs(
                sectors, sectors.name(), QgsProject.instance().transformContext()
            )
        return self._crs

    # --- showing ---------------------------------------------------------------------------

    def _clear(self):
        self.table.setRowCount(0)
        self.problems_table.setRowCount(0)
        self.statistics = None
        self._fids = []

    def _show_status(self, text: str, error: bool) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet("color: #b00000;" if error else "")

    def _fill(self, statistics, settings: sector_stats.StatsSettings) -> None:
        table = statistics.table
        widget = self.table
        widget.setUpdatesEnabled(False)
        try:
            widget.setRowCount(len(table))
            records = table.to_dict("records")
            for row, record in enumerate(records):
                for column, (key, _, decimals) in enumerate(stats_table.COLUMNS):
                    value = record[key]
                    item = widget.item(row, column)
                    if item is None:
                        item = QTableWidgetItem()
                        widget.setItem(row, column, item)
                    if key == "flags":
                        value = tuple(problem_label(flag) for flag in value)
                    item.setText(stats_table.cell_text(value, decimals))
                    item.setData(Qt.ItemDataRole.UserRole, self._fids[row])
                    if decimals is not None:
                        item.setTextAlignment(
                            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                        )
                    status = stats_table.cell_status(
                        key, record, settings.tolerance_pct, settings.min_officers
                    )
                    colour = STATUS_COLOURS.get(status, QColor(Qt.GlobalColor.transparent))
                    item.setBackground(QBrush(colour))
                    item.setToolTip(translated(stats_table.cell_tooltip(key, record, settings.tolerance_pct)))
            problems = statistics.problems
            self.problems_table.setRowCount(len(problems))
            for row, (error_type, sector_ids, message) in enumerate(
                zip(problems["error_type"], problems["sector_ids"], problems["message"], strict=True)
            ):
                for column, text in enumerate((problem_label(error_type), sector_ids, translated(message))):
                    item = QTableWidgetItem(str(text))
                    item.setData(Qt.ItemDataRole.UserRole, row)
                    self.problems_table.setItem(row, column, item)
        finally:
            widget.setUpdatesEnabled(True)

    def _fill_targets(self, statistics) -> None:
        ids = sorted({sector_logic.attribute_text(v) for v in statistics.table["sector_id"]} - {None})
        current = [self.target_combo.itemData(i) for i in range(self.target_combo.count())]
        if [str(v) for v in current] == ids:
            return
        chosen = self.target_combo.currentData()
        self.target_combo.blockSignals(True)
        self.target_combo.clear()
        for sector_id in ids:
            self.target_combo.addItem(sector_id, sector_id)
        index = self.target_combo.findData(chosen)
        self.target_combo.setCurrentIndex(max(index, 0) if ids else -1)
        self.target_combo.blockSignals(False)
        self._target_changed(self.target_combo.currentIndex())

    # --- zooming ---------------------------------------------------------------------------

    def _sector_clicked(self, row: int, column: int) -> None:
        if self.statistics is None or row >= len(self._fids):
            return
        if column == FLAGS_COLUMN:
            label = str(self.table.item(row, COLUMN_INDEX["sector_id"]).text())
            rows = [
                k
                for k, ids in enumerate(self.statistics.problems["sector_ids"])
                if label in str(ids).split(",")
            ]
            if rows:
                self.zoom_to_problems(rows)
                return
        self.zoom_to_sector(row)

    def _problem_clicked(self, row: int, _column: int) -> None:
        self.zoom_to_problems([row])

    def zoom_to_sector(self, row: int) -> None:
        """Zoom the map to the sector of table row ``row``."""
        sectors = self.sectors_combo.currentLayer()
        if sectors is None or self.canvas is None:
            return
        feature = sectors.getFeature(self._fids[row])
        geometry = feature.geometry()
        if geometry is None or geometry.isNull():
            return
        self._zoom_to(geometry, sectors.crs())

    def zoom_to_problems(self, rows) -> None:
        """Zoom the map to the problems (rows of the problems table)."""
        if self.canvas is None or self.statistics is None or self._crs is None:
            return
        geometries = [qgis_write.qgs_geometry(self.statistics.problems.geometry.iloc[k]) for k in rows]
        geometries = [g for g in geometries if not g.isNull()]
        if geometries:
            self._zoom_to(geometries, self._crs)

    def _zoom_to(self, geometries, crs) -> None:
        if not isinstance(geometries, list):
            geometries = [geometries]
        extent = null_rectangle()
        for geometry in geometries:
            extent.combineExtentWith(geometry.boundingBox())
        destination = self.canvas.mapSettings().destinationCrs()
        if crs.isValid() and destination.isValid() and crs != destination:
            transform = QgsCoordinateTransform(crs, destination, QgsProject.instance())
            extent = transform.transformBoundingBox(extent)
        if extent.width() == 0 and extent.height() == 0:
            extent.grow(50.0)
        extent.scale(1.3)
        self.canvas.setExtent(extent)
        self.canvas.refresh()
        self.canvas.flashGeometries(geometries, crs)

    def closeEvent(self, event):
        self._timer.stop()
        super().closeEvent(event)

    def cleanup(self) -> None:
        """Disconnect from the layers and the project (before the plugin unloads)."""
        self._timer.stop()
        self.sectors_combo.setLayer(None)
        self._reconnect()
        for signal, slot in (
            (QgsProject.instance().layersAdded, self._layers_added),
            (QgsProject.instance().readProject, self._project_read),
            (QgsProject.instance().writeProject, self._keep_choices),
        ):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
