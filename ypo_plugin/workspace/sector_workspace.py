"""The sector workspace in QGIS: its GeoPackage tables, their attribute forms,
the relations between them and the project that ties them together.

The tables are described in :mod:`ypo_plugin.core.sector_log`; here they
become GeoPackage layers (written through QGIS, so QGIS's GDAL reads them
without warnings), QGIS forms (value maps, date pickers, required fields,
default values) saved as each layer's default style, and a project with the
relations, the sector form's relation editors and the print layouts.
"""

import html
import re
import zipfile
from pathlib import Path

from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorField,
    QgsAttributeEditorHtmlElement,
    QgsAttributeEditorRelation,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsDefaultValue,
    QgsEditFormConfig,
    QgsEditorWidgetSetup,
    QgsField,
    QgsFieldConstraints,
    QgsFields,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsProcessingException,
    QgsProject,
    QgsReferencedRectangle,
    QgsRelation,
    QgsRelationContext,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMetaType

from ..core.lazy import lazy_module
from ..core.publication import PUBLIC_FIELDS
from ..core.sector_log import (
    FREE_TEXT_WARNING,
    LOG,
    LOG_DATABASE_COLUMNS,
    PARTNER_KINDS,
    PARTNERS,
    SECTOR_TABLES,
    SECTORS_TABLE,
    TARGET_GROUP_TABLE,
    TARGET_GROUPS,
    TARGET_GROUPS_TABLE,
    WRITTEN_AT,
    Table,
)
from ..i18n import tr, translated
from ..qgis_compat import new_field, save_default_style
from ..qgis_io.geopackage import geopackage_writer
from ..qgis_io.write import copy_features, typed_fields, write_frame
from ..resources import style_path

pd = lazy_module("pandas")

STYLE_NAME = "YPO sector workspace"
# The neighbouring sectors as text ('id name (district), …'), worked out when the workspace is made
# (the name the internal sector map pages read too).
NEIGHBOUR_LIST = "neighbour_list"
# Relation ids (kept in the project; the handover layout's tables name them).
RELATION_IDS = {table.name: f"{SECTORS_TABLE}_{table.name}" for table in SECTOR_TABLES}
TARGET_GROUP_RELATION = f"{LOG.name}_{TARGET_GROUPS_TABLE}"
_QT_TYPES = {"text": QMetaType.Type.QString, "date": QMetaType.Type.QDate, "integer": QMetaType.Type.LongLong}
_SYMBOL_STYLE = (
    QgsMapLayer.StyleCategory.Symbology
    | QgsMapLayer.StyleCategory.Symbology3D
    | QgsMapLayer.StyleCategory.Labeling
    | QgsMapLayer.StyleCategory.Rendering
)
EVENT_COLOUR = "#6a3d9a"
KIND_COLOURS = ("#e31a1c", "#1f78b4", "#33a02c", "#ff7f00", "#b15928", "#777777")


# --- writing the GeoPackage ------------------------------------------------------------


def layer_titles() -> dict[str, str]:
    """The workspace layers' titles in the user's language, by table name."""
    return {
        SECTORS_TABLE: tr("Sektorer / Sectors"),
        **{table.name: translated(table.title) for table in (*SECTOR_TABLES, TARGET_GROUP_TABLE)},
    }


def _writable_hint() -> str:
    """Ends the error when a table cannot be created."""
    return tr(". Check that OUTPUT_FOLDER is writable and has free space.")


def _table_in(table: str, path) -> str:
    """A workspace table named in an error."""
    return tr("table '{table}' in {path}", table=table, path=path)


def sector_fields(source_fields: QgsFields, id_field: str) -> tuple[QgsFields, list[str], list[str]]:
    """The workspace's sector fields: ``sector_id`` (text), the public fields, ``neighbour_list`` and every
    other field of the source. Returns the fields, the source field (or None) each one is copied from, and
    the public fields that were added empty."""
    fields = QgsFields()
    copied_from = []
    added = []
    fields.append(new_field("sector_id", QMetaType.Type.QString))
    copied_from.append(id_field)
    for name in PUBLIC_FIELDS[1:]:
        index = source_fields.lookupField(name)
        fields.append(new_field(name, QMetaType.Type.QString))
        copied_from.append(name if index >= 0 else None)
        if index < 0:
            added.append(name)
    fields.append(new_field(NEIGHBOUR_LIST, QMetaType.Type.QString))
    copied_from.append(None)
    for field in source_fields:
        name = field.name()
        # fid is the GeoPackage's own key; the fields above are written from the sector's values.
        if name == id_field or name.lower() == "fid" or fields.lookupField(name) >= 0:
            continue
        fields.append(QgsField(field))
        copied_from.append(name)
    return fields, copied_from, added


def write_sectors(
    path, sectors, id_field, computed, transform_context, feedback, geometries=None
) -> list[str]:
    """Write ``sectors`` (a FeatureTable: the sector layer read once) as table ``sectors`` of a new
    GeoPackage. ``computed`` gives by feature id the checked ``sector_id`` and the ``neighbour_list``
    text; ``geometries`` by feature id a geometry written instead of the feature's own (a repaired
    one). Returns the public fields that were added empty."""
    fields, copied_from, added = sector_fields(sectors.fields(), id_field)
    wkb_type = QgsWkbTypes.multiType(sectors.source.wkbType())
    writer = geopackage_writer(
        path, SECTORS_TABLE, fields, wkb_type, sectors.sourceCrs(), transform_context, True, _writable_hint()
    )
    try:
        copy_sectors(
            writer,
            fields,
            copied_from,
            sectors,
            computed,
            f"table '{SECTORS_TABLE}' in {path}",
            feedback,
            geometries,
        )
    finally:
        del writer  # closes the table
    return added


def copy_sectors(
    sink, fields, copied_from, sectors, computed, destination, feedback, geometries=None
) -> None:
    """Copy ``sectors`` to ``sink`` (a table with ``fields`` of :func:`sector_fields`), with the
    ``computed`` ids and neighbour lists, every sector named, ``geometries`` replacing their own."""
    indices = [sectors.fields().lookupField(name) if name else -1 for name in copied_from]
    name_index = indices[fields.lookupField("sector_name")]
    ids, neighbour_lists, names = [], [], []
    for feature in sectors.features:
        sector_id, neighbour_list = computed[feature.id()]
        name = feature.attribute(name_index) if name_index >= 0 else None
        ids.append(sector_id)
        neighbour_lists.append(neighbour_list)
        # every sector has a name to show on forms and reports
        names.append(sector_id if name in (None, "") or _is_null(name) else name)
    copy_features(
        sectors.features,
        sink,
        fields,
        indices,
        {"sector_id": ids, NEIGHBOUR_LIST: neighbour_lists, "sector_name": names},
        destination,
        feedback,
        geometries=[(geometries or {}).get(feature.id()) for feature in sectors.features],
        multi=True,
    )


def _is_null(value) -> bool:
    return hasattr(value, "isNull") and value.isNull()


def write_table(path, table: Table, crs, transform_context, rows=()) -> None:
    """Add ``table`` (with ``rows`` of attribute values) to the GeoPackage ``path``."""
    fields = typed_fields((column.name, _QT_TYPES[column.kind]) for column in table.columns)
    wkb_type = QgsWkbTypes.Type.Point if table.geometry == "Point" else QgsWkbTypes.Type.NoGeometry
    crs = crs if table.geometry else QgsCoordinateReferenceSystem()
    writer = geopackage_writer(
        path, table.name, fields, wkb_type, crs, transform_context, False, _writable_hint()
    )
    try:
        frame = pd.DataFrame(list(rows), columns=fields.names())
        write_frame(frame, writer, fields, _table_in(table.name, path))
    finally:
        del writer


def write_workspace_tables(path, crs, transform_context) -> None:
    """The empty log, partner and event tables and the filled target-group lookup table."""
    for table in SECTOR_TABLES:
        write_table(path, table, crs, transform_context)
    # The labels are stored as the plain bilingual text in any language (the handover report reads
    # them); a label the core marked for translation is a str subclass the writer does not take.
    rows = [(code, str(label)) for code, label in TARGET_GROUPS]
    write_table(path, TARGET_GROUP_TABLE, crs, transform_context, rows)


# --- forms --------------------------------------------------------------------------------


def value_map(choices) -> QgsEditorWidgetSetup:
    # A list of one-entry maps keeps the drop-down in the given order; the codes are what is stored.
    return QgsEditorWidgetSetup("ValueMap", {"map": [{translated(label): code} for code, label in choices]})


DATE_PICKER = QgsEditorWidgetSetup(
    "DateTime",
    {
        "field_format": "yyyy-MM-dd",
        "display_format": "yyyy-MM-dd",
        "calendar_popup": True,
        "allow_null": True,
    },
)


def hide_feature_id(layer: QgsVectorLayer) -> None:
    """The GeoPackage's fid is its own key, nothing an officer types: hidden on the form."""
    index = layer.fields().lookupField("fid")
    if index >= 0:
        layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("Hidden", {}))


def configure_table_form(layer: QgsVectorLayer, table: Table, sector_choices, in_database=False) -> None:
    """Aliases, widgets, defaults and required fields of one workspace table's form; in the station
    database the log's author and time are the database's (shown, not edited) and it has the
    restricted flag."""
    hide_feature_id(layer)
    set_by_database = ("author",) if in_database and table is LOG else ()
    for column in table.columns:
        index = layer.fields().lookupField(column.name)
        layer.setFieldAlias(index, translated(column.alias))
        if column.name in set_by_database:
            _show_read_only(layer, index)
        else:
            _configure_field(layer, index, column, sector_choices)
    if set_by_database:
        for column in LOG_DATABASE_COLUMNS:
            index = layer.fields().lookupField(column.name)
            layer.setFieldAlias(index, translated(column.alias))
            if column is WRITTEN_AT:
                _show_read_only(layer, index)
    if table is LOG:
        _warn_above_free_text(layer, table)


def _configure_field(layer: QgsVectorLayer, index: int, column, sector_choices) -> None:
    if column.kind == "date":
        layer.setEditorWidgetSetup(index, DATE_PICKER)
    elif column.choices:
        layer.setEditorWidgetSetup(index, value_map(column.choices))
    elif column.name == "sector_id":
        layer.setEditorWidgetSetup(index, value_map(sector_choices))
    elif column.multiline:
        layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True}))
    if column.default:
        layer.setDefaultValueDefinition(index, QgsDefaultValue(column.default))
    if column.required:
        layer.setFieldConstraint(
            index,
            QgsFieldConstraints.Constraint.ConstraintNotNull,
            QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard,
        )


def _show_read_only(layer: QgsVectorLayer, index: int) -> None:
    config = layer.editFormConfig()
    config.setReadOnly(index, True)
    layer.setEditFormConfig(config)


def _warn_above_free_text(layer: QgsVectorLayer, table: Table) -> None:
    """The form's fields in their order, with the warning that source information does not belong in
    the log above the first free-text field."""
    config = layer.editFormConfig()
    config.setLayout(QgsEditFormConfig.EditorLayout.TabLayout)
    config.clearTabs()
    root = config.invisibleRootContainer()
    for index, field in enumerate(layer.fields()):
        if field.name() == "fid":
            continue
        if field.name() == next(column.name for column in table.columns if column.multiline):
            warning = QgsAttributeEditorHtmlElement("source_information_warning", root)
            warning.setHtmlCode(
                '<p style="color:#b00020;font-weight:bold">'
                + html.escape(translated(FREE_TEXT_WARNING))
                + "</p>"
            )
            root.addChildElement(warning)
        root.addChildElement(QgsAttributeEditorField(field.name(), index, root))
    layer.setEditFormConfig(config)


def configure_sector_form(layer: QgsVectorLayer) -> None:
    """The sector form: the id is required, the officer's contact fields come first."""
    hide_feature_id(layer)
    aliases = {
        "sector_id": tr("Sektor-id / Sector id"),
        "sector_name": tr("Sektornavn / Sector name"),
        "district": tr("Distrikt / District"),
        "officer_name": tr("Betjent / Officer"),
        "officer_phone": tr("Telefon / Phone"),
        "officer_email": tr("E-mail"),
    }
    for name, alias in aliases.items():
        layer.setFieldAlias(layer.fields().lookupField(name), alias)
    index = layer.fields().lookupField("sector_id")
    for constraint in (
        QgsFieldConstraints.Constraint.ConstraintNotNull,
        QgsFieldConstraints.Constraint.ConstraintUnique,
    ):
        layer.setFieldConstraint(
            index, constraint, QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard
        )
    layer.setDisplayExpression('"sector_id" || \' \' || "sector_name"')


def style_points(layer: QgsVectorLayer, table: Table) -> None:
    """Partners coloured by kind, events as one symbol."""
    if table is PARTNERS:
        categories = []
        for (code, label), colour in zip(PARTNER_KINDS, KIND_COLOURS, strict=True):
            symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "size": "3"})
            categories.append(QgsRendererCategory(code, symbol, translated(label)))
        layer.setRenderer(QgsCategorizedSymbolRenderer("kind", categories))
    else:
        symbol = QgsMarkerSymbol.createSimple({"name": "star", "color": EVENT_COLOUR, "size": "4"})
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def load_style_file(
    layer: QgsVectorLayer, style_name: str, categories=QgsMapLayer.StyleCategory.AllStyleCategories
):
    """Load ``styles/<style_name>.qml`` into ``layer``: (message, loaded)."""
    # loadFromLocalDb=True: otherwise a GeoPackage layer with a default style loads that one instead.
    return layer.loadNamedStyle(str(style_path(style_name)), True, categories)


def sector_style_name(layer: QgsVectorLayer) -> str:
    """Sectors with a manning factor are coloured by it; others drawn as outlines."""
    return "manning" if layer.fields().lookupField("factor") >= 0 else "sectors"


WORKSPACE_TABLES = (SECTORS_TABLE, *(table.name for table in SECTOR_TABLES), TARGET_GROUPS_TABLE)


def load_workspace_layers(path: str) -> dict[str, QgsVectorLayer]:
    """The workspace GeoPackage's tables as layers, keyed by table name."""
    layers = {}
    for name in WORKSPACE_TABLES:
        (layers[name],) = open_layers({name: f"{path}|layername={name}"}, "ogr", path).values()
        # GDAL 3.6 fails to compute an empty table's extent ("unable to open database file") once a
        # style was saved to the file through the same layer: compute it now, while it works.
        layers[name].extent()
    return layers


def open_layers(sources: dict[str, str], provider: str, where: str) -> dict[str, QgsVectorLayer]:
    """The layers of the workspace tables, by name, from their ``provider`` ``sources``."""
    layers, titles = {}, layer_titles()
    for name, source in sources.items():
        layer = QgsVectorLayer(source, titles[name], provider)
        if not layer.isValid():
            raise QgsProcessingException(
                tr(
                    "The table '{table}' of {path} could not be opened; run the algorithm again.",
                    table=name,
                    path=where,
                )
            )
        layers[name] = layer
    return layers


def style_and_configure(layers: dict[str, QgsVectorLayer], sector_choices, in_database=False) -> None:
    """Symbols and forms of every workspace layer. In a GeoPackage they are also saved as the layers'
    default styles, so that the forms work when a layer is added without the project; the station
    database keeps them in the project (nothing is written outside its schema)."""
    sectors = layers[SECTORS_TABLE]
    message, loaded = load_style_file(sectors, sector_style_name(sectors), _SYMBOL_STYLE)
    if not loaded:
        raise QgsProcessingException(
            tr("The sector style could not be loaded ({message}); reinstall the plugin.", message=message)
        )
    configure_sector_form(sectors)
    for table in SECTOR_TABLES:
        layer = layers[table.name]
        if table.geometry:
            style_points(layer, table)
        configure_table_form(layer, table, sector_choices, in_database)
    configure_table_form(layers[TARGET_GROUPS_TABLE], TARGET_GROUP_TABLE, sector_choices)
    if in_database:
        return
    for layer in layers.values():
        error = save_default_style(layer, STYLE_NAME, tr("Forms and symbols of the YPO sector workspace"))
        if error:
            raise QgsProcessingException(
                tr("Could not save the style of '{layer}': {error}", layer=layer.name(), error=error)
            )


# --- relations and the project ------------------------------------------------------------


def _relation(project, relation_id, name, parent, parent_field, child, child_field) -> QgsRelation:
    relation = QgsRelation(QgsRelationContext(project))  # the layers are looked up in ``project``
    relation.setId(relation_id)
    relation.setName(name)
    relation.setReferencedLayer(parent.id())
    relation.setReferencingLayer(child.id())
    relation.addFieldPair(child_field, parent_field)
    relation.setStrength(QgsRelation.RelationStrength.Association)  # deleting a sector never deletes its log
    return relation


def add_relations(project: QgsProject, layers: dict[str, QgsVectorLayer]) -> dict[str, QgsRelation]:
    """Sector → log, partners, events (by sector_id) and log → target group (by code)."""
    relations = {
        table.name: _relation(
            project,
            RELATION_IDS[table.name],
            translated(table.title),
            layers[SECTORS_TABLE],
            "sector_id",
            layers[table.name],
            "sector_id",
        )
        for table in SECTOR_TABLES
    }
    relations[TARGET_GROUPS_TABLE] = _relation(
        project,
        TARGET_GROUP_RELATION,
        translated(TARGET_GROUP_TABLE.title),
        layers[TARGET_GROUPS_TABLE],
        "code",
        layers[LOG.name],
        "target_group",
    )
    for relation in relations.values():
        if not relation.isValid():
            raise QgsProcessingException(
                tr(
                    "The relation '{relation}' is not valid; run the algorithm again.",
                    relation=relation.name(),
                )
            )
        project.relationManager().addRelation(relation)
    return relations


def add_relation_editors(sectors: QgsVectorLayer, relations: dict[str, QgsRelation]) -> None:
    """The sector form: a tab with the sector's fields and one tab each for its log, partners and events."""
    config = sectors.editFormConfig()
    config.setLayout(QgsEditFormConfig.EditorLayout.TabLayout)
    config.clearTabs()
    root = config.invisibleRootContainer()
    fields_tab = QgsAttributeEditorContainer(tr("Sektor / Sector"), root)
    for index, field in enumerate(sectors.fields()):
        if field.name().lower() != "fid":
            fields_tab.addChildElement(QgsAttributeEditorField(field.name(), index, fields_tab))
    config.addTab(fields_tab)
    for table in SECTOR_TABLES:
        tab = QgsAttributeEditorContainer(translated(table.title), root)
        tab.addChildElement(QgsAttributeEditorRelation(relations[table.name], tab))
        config.addTab(tab)
    sectors.setEditFormConfig(config)


def open_on(project: QgsProject, layer: QgsVectorLayer, margin: float = 0.05) -> None:
    """Have ``project`` open showing ``layer`` whole, with a margin, in the layer's CRS (a project
    written without a map canvas would otherwise open on an empty map at 1:1)."""
    extent = layer.extent()
    extent = extent.buffered(max(extent.width(), extent.height()) * margin)
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(extent, layer.crs()))


def save_project(project: QgsProject, path: Path) -> None:
    project.writeEntryBool("Paths", "/Absolute", False)  # the folder can be moved or shared
    if not project.write(str(path)):
        raise QgsProcessingException(
            tr("Could not write the project {path}: {error}", path=path, error=project.error())
        )
    _write_relation_editor_ids(path)


_RELATION_EDITOR = re.compile(r"<attributeEditorRelation\b[^>]*>")


def _write_relation_editor_ids(path: Path) -> None:
    """Put the relation ids of the sector form's relation editors into the written project.

    QGIS 3.22 resolves a form's relation editors in QgsProject.instance() only, so for the
    project made here (never the user's open project) it writes them with an empty relation;
    each editor is named by its relation's id, which is written back in its place.
    """

    def with_relation(match):
        tag = match.group(0)
        name = re.search(r'\bname="([^"]*)"', tag).group(1)
        return tag.replace(' relation=""', f' relation="{name}"')

    with zipfile.ZipFile(path) as archive:
        entries = [(info, archive.read(info.filename)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in entries:
            if info.filename.endswith(".qgs"):
                data = _RELATION_EDITOR.sub(with_relation, data.decode("utf-8")).encode("utf-8")
            archive.writestr(info, data)
