"""The sector workspace in a station's PostgreSQL/PostGIS database: the script of
:mod:`ypo_plugin.core.station_database` run through QGIS's own connection, the sectors copied
in, and the tables opened as QGIS layers for the project. The connection is a libpq connection
string (``service=NAME`` or ``dbname=… host=…``); a password never goes into it, so never into the
project: officers sign in through their service file, password file or QGIS authentication."""

from pathlib import Path

from qgis.core import (
    QgsDataSourceUri,
    QgsException,
    QgsProcessingException,
    QgsProviderConnectionException,
    QgsProviderRegistry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QMetaType

from ..core.sector_log import EVENTS, PARTNERS, SECTORS_TABLE
from ..core.station_database import GEOMETRY_COLUMN, KEY_COLUMN, SCHEMA, station_sql
from ..i18n import tr
from .sector_workspace import WORKSPACE_TABLES, copy_sectors, open_layers, sector_fields

_KINDS = {
    QMetaType.Type.Int: "integer",
    QMetaType.Type.LongLong: "integer",
    QMetaType.Type.Double: "real",
    QMetaType.Type.Bool: "boolean",
    QMetaType.Type.QDate: "date",
    QMetaType.Type.QDateTime: "timestamp",
}
_GEOMETRY_TABLES = (SECTORS_TABLE, PARTNERS.name, EVENTS.name)


def database_uri(connection: str) -> QgsDataSourceUri:
    """The connection string (or the name of a PostgreSQL connection saved in QGIS) as a data source,
    refused when it has a password or names no database."""
    postgres = QgsProviderRegistry.instance().providerMetadata("postgres")
    if "=" not in connection:
        saved = postgres.connections().get(connection)
        if saved is None:
            names = ", ".join(sorted(postgres.connections())) or "none"
            raise QgsProcessingException(
                tr(
                    "DATABASE: '{connection}' is neither a connection string (service=NAME or dbname=… "
                    "host=…) nor a PostgreSQL connection saved in QGIS (saved: {names}).",
                    connection=connection,
                    names=names,
                )
            )
        connection = saved.uri()
    uri = QgsDataSourceUri(connection)
    if uri.password():
        raise QgsProcessingException(
            tr(
                "DATABASE: the connection holds a password, which would be written into the project. "
                "Leave it out: put it in the password file (~/.pgpass) of a pg_service.conf service, "
                "or use a QGIS authentication configuration (authcfg=…)."
            )
        )
    if not (uri.service() or uri.database()):
        raise QgsProcessingException(
            tr(
                "DATABASE: '{connection}' names no database; give service=NAME (a pg_service.conf service) "
                "or dbname=… host=….",
                connection=connection,
            )
        )
    return uri


def table_source(connection: str, table: str) -> str:
    """The QGIS data source of ``table`` in the station's schema."""
    uri = database_uri(connection)
    uri.setDataSource(SCHEMA, table, GEOMETRY_COLUMN if table in _GEOMETRY_TABLES else "", "", KEY_COLUMN)
    return uri.uri(False)


def load_station_layers(connection: str) -> dict[str, QgsVectorLayer]:
    """The station database's workspace tables as layers, keyed by table name."""
    sources = {name: table_source(connection, name) for name in WORKSPACE_TABLES}
    return open_layers(sources, "postgres", tr("the station database ({connection})", connection=connection))


def create_station(
    connection, sectors, id_field, computed, replace, script_path: Path, feedback, geometries=None
) -> tuple[dict[str, QgsVectorLayer], list[str]]:
    """Set up the station's schema (the script is also written to ``script_path``), copy the
    ``sectors`` in (see sector_workspace.write_sectors for ``computed`` and ``geometries``) and
    open the tables. Returns the layers and the public fields that were added empty."""
    uri = database_uri(connection)
    fields, copied_from, added = sector_fields(sectors.fields(), id_field)
    kinds = [(field.name(), _KINDS.get(field.type(), "text")) for field in fields]
    script = station_sql(kinds, sectors.sourceCrs().postgisSrid(), replace)
    script_path.write_text(script, encoding="utf-8")
    try:
        database = (
            QgsProviderRegistry.instance().providerMetadata("postgres").createConnection(uri.uri(False), {})
        )
        if SCHEMA in database.schemas() and not replace:
            raise QgsProcessingException(
                tr(
                    "DATABASE: {connection} already holds a station (schema {schema}); its sector log would "
                    "be lost. Set REPLACE (Replace an existing workspace) to overwrite it.",
                    connection=connection,
                    schema=SCHEMA,
                )
            )
        database.executeSql(script)
    # A failed connection too, not only a failed statement (on QGIS 3.44 the connection's exception
    # is no QgsException).
    except (QgsException, QgsProviderConnectionException) as error:
        raise QgsProcessingException(
            tr(
                "DATABASE: the station could not be set up in {connection} ({problem}). Check the "
                "connection, that PostGIS is installed and that you may create roles, or have an "
                "administrator run {script} there.",
                connection=connection,
                problem=str(error).strip(),
                script=script_path,
            )
        ) from None
    layers = load_station_layers(connection)
    target = layers[SECTORS_TABLE]
    # The database's fields: its key first (numbered by the database), then the sector fields.
    sources = {name: source for name, source in zip(fields.names(), copied_from, strict=True)}
    copy_sectors(
        target.dataProvider(),
        target.fields(),
        [sources.get(name) for name in target.fields().names()],
        sectors,
        computed,
        f"table {SCHEMA}.{SECTORS_TABLE} of {connection}",
        feedback,
        geometries,
    )
    target.updateExtents()
    return layers, added
