"""The station's sector log in a real PostgreSQL/PostGIS (tests/postgres_server.py): the script the
plugin writes (core/station_database.station_sql) run as it is, then every role tried through its
own login. What may be read and written is decided by the database, whatever the client sends."""

import datetime as dt
from contextlib import closing

import pytest

from ypo_plugin.core.station_database import PUBLIC_VIEW, station_sql

psycopg2 = pytest.importorskip("psycopg2")
from psycopg2 import errors  # noqa: E402 - only once psycopg2 is known to be there

SECTOR_COLUMNS = [
    ("sector_id", "text"),
    ("sector_name", "text"),
    ("district", "text"),
    ("officer_name", "text"),
    ("officer_phone", "text"),
    ("officer_email", "text"),
    ("neighbour_list", "text"),
    ("population", "real"),
]
SECTORS = [
    ("S1", "One", "North", "Bo Berg", "+45 1111", "bo@example.org", 1000.0),
    ("S2", "Two", "North", "Karen Blix", "+45 2222", "karen@example.org", 2000.0),
]
# login: (group role, sectors assigned)
LOGINS = {
    "officer_a": ("ypo_officer", ["S1"]),
    "officer_a2": ("ypo_officer", ["S1"]),
    "officer_b": ("ypo_officer", ["S2"]),
    "reader_r": ("ypo_reader", []),
    "citizen": ("ypo_public", []),
    "manager_m": ("ypo_manager", []),
}


@pytest.fixture(scope="module")
def station(postgres_server):
    """A station database set up by the plugin's script, with two sectors and a login per role."""
    database = postgres_server.create_database("station_roles")
    with closing(postgres_server.connect(database)) as connection, connection.cursor() as cursor:
        cursor.execute(station_sql(SECTOR_COLUMNS, 25832))
        for sector_id, name, district, officer, phone, email, population in SECTORS:
            cursor.execute(
                "INSERT INTO ypo.sectors (sector_id, sector_name, district, officer_name, officer_phone, "
                "officer_email, population, geom) VALUES (%s, %s, %s, %s, %s, %s, %s, "
                "ST_Multi(ST_MakeEnvelope(0, 0, 1000, 1000, 25832)))",
                (sector_id, name, district, officer, phone, email, population),
            )
    for login, (group, sectors) in LOGINS.items():
        postgres_server.create_login(login, group)
        with closing(postgres_server.connect(database)) as connection, connection.cursor() as cursor:
            for sector_id in sectors:
                cursor.execute("INSERT INTO ypo.officer_sectors VALUES (%s, %s)", (login, sector_id))
    return postgres_server, database


def run(station, login, sql, values=()):
    """Run ``sql`` as ``login`` in its own transaction; the rows it returns (or None)."""
    server, database = station
    connection = server.connect(database, login)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, values)
            return cursor.fetchall() if cursor.description else None
    finally:
        connection.close()


def log_texts(station, login="postgres"):
    return sorted(row[0] for row in run(station, login, "SELECT entry FROM ypo.sector_log"))


def add_entry(station, login, sector_id, entry, **columns):
    names = ["sector_id", "entry", *columns]
    placeholders = ", ".join(["%s"] * len(names))
    return run(
        station,
        login,
        f"INSERT INTO ypo.sector_log ({', '.join(names)}) VALUES ({placeholders}) RETURNING fid",
        (sector_id, entry, *columns.values()),
    )[0][0]


def test_an_officer_writes_the_log_of_its_own_sector_with_only_sector_and_entry(station):
    fid = add_entry(station, "officer_a", "S1", "Own sector entry")
    ((author, status, entry_date, restricted),) = run(
        station,
        "postgres",
        "SELECT author, status, entry_date, restricted FROM ypo.sector_log WHERE fid = %s",
        (fid,),
    )
    assert (author, status, restricted) == ("officer_a", "open", False)
    assert entry_date == run(station, "postgres", "SELECT CURRENT_DATE")[0][0]


def test_an_officer_cannot_insert_into_a_sector_it_is_not_assigned_to(station):
    before = log_texts(station)
    for table, columns, values in (
        ("sector_log", "sector_id, entry", "'S2', 'Not my sector'"),
        ("partners", "sector_id, name, kind", "'S2', 'Not my partner', 'ssp'"),
        ("events", "sector_id, title", "'S2', 'Not my event'"),
    ):
        with pytest.raises(errors.InsufficientPrivilege) as refused:
            run(station, "officer_a", f"INSERT INTO ypo.{table} ({columns}) VALUES ({values})")
        assert "officer_a is not assigned to the sector" in str(refused.value)
        assert "(sector S2)" in str(refused.value)
    assert log_texts(station) == before  # nothing half-written
    assert run(station, "postgres", "SELECT count(*) FROM ypo.partners WHERE sector_id = 'S2'") == [(0,)]


def test_an_officer_cannot_update_an_entry_of_another_sector_nor_move_one(station):
    theirs = add_entry(station, "officer_b", "S2", "Entry of sector two")
    mine = add_entry(station, "officer_a", "S1", "Entry of sector one")
    for sql, fid in (
        ("UPDATE ypo.sector_log SET entry = 'changed' WHERE fid = %s", theirs),
        ("UPDATE ypo.sector_log SET sector_id = 'S1' WHERE fid = %s", theirs),  # taking it over
        ("UPDATE ypo.sector_log SET sector_id = 'S2' WHERE fid = %s", mine),  # giving it away
    ):
        with pytest.raises(errors.InsufficientPrivilege, match="officer_a is not assigned"):
            run(station, "officer_a", sql, (fid,))
    rows = run(
        station,
        "postgres",
        "SELECT fid, sector_id, entry FROM ypo.sector_log WHERE fid IN %s",
        ((theirs, mine),),
    )
    assert sorted(rows) == sorted(
        [(theirs, "S2", "Entry of sector two"), (mine, "S1", "Entry of sector one")]
    )
    # Its own entry it may update.
    run(station, "officer_a", "UPDATE ypo.sector_log SET status = 'closed' WHERE fid = %s", (mine,))
    assert run(station, "postgres", "SELECT status FROM ypo.sector_log WHERE fid = %s", (mine,)) == [
        ("closed",)
    ]


def test_author_and_time_are_set_by_the_database_not_the_client(station):
    before = run(station, "postgres", "SELECT now()")[0][0]
    fid = add_entry(
        station,
        "officer_a",
        "S1",
        "Claims to be someone else",
        author="Karen Blix",
        written_at=dt.datetime(2000, 1, 1),
    )
    after = run(station, "postgres", "SELECT now()")[0][0]
    ((author, written_at),) = run(
        station, "postgres", "SELECT author, written_at FROM ypo.sector_log WHERE fid = %s", (fid,)
    )
    assert author == "officer_a"
    assert before <= written_at <= after
    # An update keeps who wrote the entry and when, whatever it sends.
    run(
        station,
        "officer_a2",
        "UPDATE ypo.sector_log SET author = 'x', written_at = now() - interval '1 year', status = 'closed' "
        "WHERE fid = %s",
        (fid,),
    )
    assert run(
        station, "postgres", "SELECT author, written_at FROM ypo.sector_log WHERE fid = %s", (fid,)
    ) == [(author, written_at)]


def test_restricted_entries_are_read_by_managers_and_the_sectors_own_officers_only(station):
    add_entry(station, "officer_a", "S1", "RESTRICTED-S1", restricted=True)
    add_entry(station, "officer_a", "S1", "Open entry S1")
    seen = {login: "RESTRICTED-S1" in log_texts(station, login) for login in LOGINS if login != "citizen"}
    assert seen == {
        "officer_a": True,
        "officer_a2": True,  # the sector's other officer
        "officer_b": False,
        "reader_r": False,
        "manager_m": True,
    }
    assert "Open entry S1" in log_texts(station, "officer_b")
    assert "Open entry S1" in log_texts(station, "reader_r")
    # Not even by asking for it.
    assert run(station, "officer_b", "SELECT count(*) FROM ypo.sector_log WHERE restricted") == [(0,)]


def test_the_public_reads_the_public_view_only(station):
    for table in ("sector_log", "partners", "events", "sectors", "officer_sectors"):
        with pytest.raises(errors.InsufficientPrivilege):
            run(station, "citizen", f"SELECT * FROM ypo.{table}")
    server, database = station
    connection = server.connect(database, "citizen")
    try:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT * FROM ypo.{PUBLIC_VIEW} ORDER BY sector_id")
            columns = [column.name for column in cursor.description]
            rows = [row[:-1] for row in cursor.fetchall()]
    finally:
        connection.close()
    # The list: sector id, name, district, officer name, phone, e-mail (and the boundary).
    assert columns == "sector_id sector_name district officer_name officer_phone officer_email geom".split()
    assert rows == [sector[:6] for sector in SECTORS]


def test_a_reader_writes_nothing_and_an_officer_deletes_nothing(station):
    with pytest.raises(errors.InsufficientPrivilege):
        add_entry(station, "reader_r", "S1", "Reader writes")
    fid = add_entry(station, "officer_a", "S1", "Stays")
    with pytest.raises(errors.InsufficientPrivilege):
        run(station, "officer_a", "DELETE FROM ypo.sector_log WHERE fid = %s", (fid,))
    with pytest.raises(errors.InsufficientPrivilege):
        run(station, "officer_a", "INSERT INTO ypo.officer_sectors VALUES ('officer_a', 'S2')")
    assert "Reader writes" not in log_texts(station)


def test_managers_write_everything_and_assign_officers(station):
    add_entry(station, "manager_m", "S2", "Manager's entry", restricted=True)
    run(station, "manager_m", "INSERT INTO ypo.officer_sectors VALUES ('officer_b', 'S1')")
    assert "Manager's entry" in log_texts(station, "officer_b")
    run(
        station, "manager_m", "DELETE FROM ypo.officer_sectors WHERE login = 'officer_b' AND sector_id = 'S1'"
    )


def test_codes_are_checked_by_the_database(station):
    with pytest.raises(errors.CheckViolation):
        add_entry(station, "officer_a", "S1", "Bad status", status="maybe")
    with pytest.raises(errors.ForeignKeyViolation):
        add_entry(station, "manager_m", "S9", "No such sector")
    with pytest.raises(errors.ForeignKeyViolation):
        add_entry(station, "officer_a", "S1", "No such group", target_group="aliens")
