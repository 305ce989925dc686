"""The station's sector log in PostgreSQL/PostGIS: the SQL that sets it up.

One script (``station_sql``) makes the group roles, the schema ``ypo`` with the tables of
:mod:`.sector_log`, the public view, the grants and the row-level security. The database, not
the forms, decides who may read and write what:

* ``ypo_manager`` reads and writes everything and keeps ``officer_sectors`` (login → sector);
* ``ypo_officer`` reads the station's sectors, partners, events and unrestricted log entries, and
  inserts and updates log entries, partners and events of the sectors it is assigned to (and reads
  their restricted entries);
* ``ypo_reader`` reads the unrestricted log, partners and events and writes nothing;
* ``ypo_public`` reads the view ``public_sectors`` only (id, name, district, officer, boundary).

A log entry's ``author`` and ``written_at`` are set by a trigger from the session's role and the
transaction's time, whatever the client sends; an update keeps them.
"""

from collections.abc import Sequence

from .publication import PUBLIC_FIELDS
from .sector_log import (
    LOG,
    LOG_DATABASE_COLUMNS,
    SECTOR_TABLES,
    SECTORS_TABLE,
    TARGET_GROUP_TABLE,
    TARGET_GROUPS,
    TARGET_GROUPS_TABLE,
    Column,
    Table,
)

SCHEMA = "ypo"
OFFICER_SECTORS_TABLE = "officer_sectors"
PUBLIC_VIEW = "public_sectors"
GEOMETRY_COLUMN = "geom"
KEY_COLUMN = "fid"
MANAGER, OFFICER, READER, PUBLIC = "ypo_manager", "ypo_officer", "ypo_reader", "ypo_public"
ROLES = (MANAGER, OFFICER, READER, PUBLIC)
REFUSAL = "Refused: % is not assigned to the sector, so it may not write its % (sector %)."
REFUSAL_HINT = "The station management assigns officers to sectors in ypo.officer_sectors."
SQL_TYPES = {
    "text": "text",
    "date": "date",
    "integer": "bigint",
    "real": "double precision",
    "boolean": "boolean",
    "timestamp": "timestamptz",
}


def identifier(name: str) -> str:
    """``name`` as a quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """``text`` as an SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def qualified(table: str) -> str:
    """``table`` of the schema ``ypo``, quoted."""
    return f"{SCHEMA}.{identifier(table)}"


def _roles_sql() -> str:
    created = "\n".join(
        f"    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {literal(role)}) THEN\n"
        f"        CREATE ROLE {role} NOLOGIN;\n"
        "    END IF;"
        for role in ROLES
    )
    return f"DO $roles$\nBEGIN\n{created}\nEND\n$roles$;"


def _column_sql(column: Column) -> str:
    parts = [identifier(column.name), SQL_TYPES[column.kind]]
    if column.sql_default:
        parts.append(f"DEFAULT {column.sql_default}")
    if column.required or column.sql_default:
        parts.append("NOT NULL")
    if column.name == "sector_id":
        parts.append(f"REFERENCES {qualified(SECTORS_TABLE)} (sector_id) ON UPDATE CASCADE")
    elif column.name == "target_group":
        parts.append(f"REFERENCES {qualified(TARGET_GROUPS_TABLE)} (code) ON UPDATE CASCADE")
    elif column.choices:
        codes = ", ".join(literal(code) for code, _ in column.choices)
        parts.append(f"CHECK ({identifier(column.name)} IN ({codes}))")
    return " ".join(parts)


def _table_sql(table: Table, srid: int, extra: Sequence[Column] = (), key: str = "") -> str:
    """``table`` with ``extra`` columns; ``key`` names a unique column other tables refer to."""
    columns = [f"{KEY_COLUMN} bigserial PRIMARY KEY"]
    columns += [
        _column_sql(column) + (" UNIQUE" if column.name == key else "") for column in (*table.columns, *extra)
    ]
    if table.geometry:
        columns.append(f"{GEOMETRY_COLUMN} geometry({table.geometry}, {srid})")
    body = ",\n    ".join(columns)
    return f"CREATE TABLE {qualified(table.name)} (\n    {body}\n);"


def _sectors_sql(sector_columns: Sequence[tuple[str, str]], srid: int) -> str:
    columns = [f"{KEY_COLUMN} bigserial PRIMARY KEY", "sector_id text NOT NULL UNIQUE"]
    columns += [
        f"{identifier(name)} {SQL_TYPES[kind]}" for name, kind in sector_columns if name != "sector_id"
    ]
    columns.append(f"{GEOMETRY_COLUMN} geometry(MultiPolygon, {srid})")
    body = ",\n    ".join(columns)
    return f"CREATE TABLE {qualified(SECTORS_TABLE)} (\n    {body}\n);"


def _target_groups_sql() -> str:
    rows = ",\n    ".join(f"({literal(code)}, {literal(label)})" for code, label in TARGET_GROUPS)
    return f"INSERT INTO {qualified(TARGET_GROUPS_TABLE)} (code, label) VALUES\n    {rows};"


def _security_sql() -> str:
    log, officer_sectors = qualified(LOG.name), qualified(OFFICER_SECTORS_TABLE)
    sector_tables = ", ".join(qualified(table.name) for table in SECTOR_TABLES)
    lookups = f"{qualified(SECTORS_TABLE)}, {qualified(TARGET_GROUPS_TABLE)}, {officer_sectors}"
    statements = [
        f"GRANT USAGE ON SCHEMA {SCHEMA} TO {', '.join(ROLES)};",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {SCHEMA} TO {MANAGER};",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA {SCHEMA} TO {MANAGER}, {OFFICER};",
        f"GRANT SELECT ON {lookups} TO {OFFICER}, {READER};",
        f"GRANT SELECT ON {sector_tables} TO {OFFICER}, {READER};",
        f"GRANT INSERT, UPDATE ON {sector_tables} TO {OFFICER};",
        f"GRANT SELECT ON {qualified(PUBLIC_VIEW)} TO {PUBLIC}, {OFFICER}, {READER};",
        # Whether the session's role is assigned to a sector: the policies below ask it.
        f"CREATE FUNCTION {SCHEMA}.assigned_to(sector text) RETURNS boolean\n"
        "LANGUAGE sql STABLE AS $$\n"
        f"    SELECT EXISTS (SELECT FROM {officer_sectors}\n"
        "                   WHERE login = current_user AND sector_id = sector)\n"
        "$$;",
        f"GRANT EXECUTE ON FUNCTION {SCHEMA}.assigned_to(text) TO {OFFICER}, {READER};",
        # An officer's write outside its sectors fails with a message the form can show as it is.
        f"CREATE FUNCTION {SCHEMA}.guard_sector() RETURNS trigger\n"
        "LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        f"    IF pg_has_role({literal(OFFICER)}, 'MEMBER')\n"
        f"       AND NOT pg_has_role({literal(MANAGER)}, 'MEMBER')\n"
        f"       AND (NOT {SCHEMA}.assigned_to(NEW.sector_id)\n"
        f"            OR (TG_OP = 'UPDATE' AND NOT {SCHEMA}.assigned_to(OLD.sector_id))) THEN\n"
        f"        RAISE EXCEPTION {literal(REFUSAL)},\n"
        "            current_user, TG_TABLE_NAME,\n"
        "            CASE WHEN TG_OP = 'UPDATE' THEN OLD.sector_id ELSE NEW.sector_id END\n"
        f"            USING ERRCODE = 'insufficient_privilege', HINT = {literal(REFUSAL_HINT)};\n"
        "    END IF;\n"
        "    RETURN NEW;\n"
        "END\n"
        "$$;",
    ]
    for table in SECTOR_TABLES:
        name = qualified(table.name)
        readable = "NOT restricted OR ypo.assigned_to(sector_id)" if table is LOG else "true"
        statements += [
            f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY;",
            f"CREATE POLICY managers ON {name} TO {MANAGER} USING (true) WITH CHECK (true);",
            f"CREATE POLICY station_reads ON {name} FOR SELECT TO {OFFICER}, {READER} USING ({readable});",
            f"CREATE POLICY officers_insert ON {name} FOR INSERT TO {OFFICER} "
            "WITH CHECK (ypo.assigned_to(sector_id));",
            # USING (true): an entry of another sector is refused (by the guard), not silently skipped.
            f"CREATE POLICY officers_update ON {name} FOR UPDATE TO {OFFICER} "
            "USING (true) WITH CHECK (ypo.assigned_to(sector_id));",
            f"CREATE TRIGGER guard_sector BEFORE INSERT OR UPDATE ON {name}\n"
            f"    FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.guard_sector();",
        ]
    statements += [
        # Set by the database, not the client: who wrote an entry and when; an update keeps both.
        f"CREATE FUNCTION {SCHEMA}.stamp_log_entry() RETURNS trigger\n"
        "LANGUAGE plpgsql AS $$\n"
        "BEGIN\n"
        "    IF TG_OP = 'INSERT' THEN\n"
        "        NEW.author := current_user;\n"
        "        NEW.written_at := now();\n"
        "    ELSE\n"
        "        NEW.author := OLD.author;\n"
        "        NEW.written_at := OLD.written_at;\n"
        "    END IF;\n"
        "    RETURN NEW;\n"
        "END\n"
        "$$;",
        f"CREATE TRIGGER stamp_log_entry BEFORE INSERT OR UPDATE ON {log}\n"
        f"    FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.stamp_log_entry();",
    ]
    return "\n".join(statements)


def station_sql(sector_columns: Sequence[tuple[str, str]], srid: int, replace: bool = False) -> str:
    """The script that sets up a station's sector log: roles (made when missing), schema ``ypo``
    (dropped first when ``replace``), tables, public view, grants, row-level security and the
    author trigger. ``sector_columns`` are the sectors' (name, kind) besides the geometry, kinds as
    in :data:`SQL_TYPES`; ``srid`` is the sectors' spatial reference. Run it as a role that may
    create roles (or after the roles exist) in a database with PostGIS."""
    public = ", ".join(identifier(name) for name in PUBLIC_FIELDS)
    log_comment = literal(
        "The sector log. Source information (criminal activities and groups) does not belong here."
    )
    parts = [
        "-- The YPO sector log of one station. Written by the YPO sector planning plugin.",
        "CREATE EXTENSION IF NOT EXISTS postgis;",
        _roles_sql(),
        f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE;" if replace else "",
        f"CREATE SCHEMA {SCHEMA};",
        _sectors_sql(sector_columns, srid),
        _table_sql(TARGET_GROUP_TABLE, srid, key="code"),
        _target_groups_sql(),
        *(_table_sql(table, srid, LOG_DATABASE_COLUMNS if table is LOG else ()) for table in SECTOR_TABLES),
        f"COMMENT ON TABLE {qualified(LOG.name)} IS {log_comment};",
        f"CREATE TABLE {qualified(OFFICER_SECTORS_TABLE)} (\n"
        "    login name NOT NULL,\n"
        f"    sector_id text NOT NULL REFERENCES {qualified(SECTORS_TABLE)} (sector_id)\n"
        "        ON UPDATE CASCADE ON DELETE CASCADE,\n"
        "    PRIMARY KEY (login, sector_id)\n"
        ");",
        f"CREATE VIEW {qualified(PUBLIC_VIEW)} AS\n"
        f"    SELECT {public}, {GEOMETRY_COLUMN} FROM {qualified(SECTORS_TABLE)};",
        _security_sql(),
    ]
    return "\n\n".join(part for part in parts if part) + "\n"
