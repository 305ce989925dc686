"""ypo:createsectorworkspace with DATABASE: the sector workspace in a station's PostgreSQL/PostGIS
(a real server, tests/postgres_server.py), opened in QGIS as an officer would open it; the handover
report from it equals the GeoPackage workspace's with the same content."""

import subprocess
import sys
import textwrap
import time
import zipfile
from contextlib import closing

import pytest
from qgis.core import (
    QgsDataSourceUri,
    QgsFeature,
    QgsFieldConstraints,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)
from qgis.PyQt.QtCore import QDate

from tests.algorithms.publication_data import small_sectors
from tests.algorithms.test_create_sector_workspace import create, open_workspace

LOG_ROWS = [
    {
        "entry_date": QDate(2026, 3, 2),
        "target_group": "young_people_at_risk",
        "party_of_interest": "Youth club Rødkilde",
        "entry": "Gatherings at the underpass",
        "action_taken": "Walk with SSP on Fridays",
        "status": "open",
        "follow_up_date": QDate(2026, 4, 1),
        "sector_id": "S2",
    },
    {
        "entry_date": QDate(2026, 2, 1),
        "target_group": "business_owners",
        "entry": "Shoplifting wave",
        "status": "closed",
        "sector_id": "S2",
    },
    {"entry_date": QDate(2026, 3, 5), "entry": "Doorstep fraud", "status": "in_progress", "sector_id": "S1"},
]


def project_xml(folder) -> str:
    with zipfile.ZipFile(folder / "workspace.qgz") as archive:
        (name,) = [name for name in archive.namelist() if name.endswith(".qgs")]
        return archive.read(name).decode("utf-8")


def station_table(project, name) -> QgsVectorLayer:
    (layer,) = [
        layer
        for layer in project.mapLayers().values()
        if QgsDataSourceUri(layer.source()).table() == name and layer.providerType() == "postgres"
    ]
    return layer


def form_entry(layer: QgsVectorLayer, **values) -> QgsFeature:
    """A new feature as the form makes it: the database's defaults where no value is given."""
    attributes = {layer.fields().lookupField(name): value for name, value in values.items()}
    return QgsVectorLayerUtils.createFeature(layer, QgsGeometry(), attributes)


def as_login(layer: QgsVectorLayer, login: str) -> QgsVectorLayer:
    """The same table opened by another officer (its own login)."""
    uri = QgsDataSourceUri(layer.source())
    uri.setUsername(login)
    opened = QgsVectorLayer(uri.uri(False), layer.name(), "postgres")
    assert opened.isValid()
    return opened


@pytest.fixture(scope="module")
def station(run_algorithm, postgres_server, tmp_path_factory):
    """A station workspace of the three small sectors, officer_a assigned to S1."""
    database = postgres_server.create_database("station_workspace")
    folder = tmp_path_factory.mktemp("station")
    connection = postgres_server.conninfo(database)
    results = create(run_algorithm, folder, small_sectors(), DATABASE=connection)
    postgres_server.create_login("officer_a", "ypo_officer")
    with closing(postgres_server.connect(database)) as db, db.cursor() as cursor:
        cursor.execute("INSERT INTO ypo.officer_sectors VALUES ('officer_a', 'S1')")
    return folder, results, postgres_server, database


def count(station, sql):
    _, _, server, database = station
    with closing(server.connect(database)) as db, db.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchone()[0]


def test_the_project_points_at_the_station_database(station):
    folder, results, server, database = station
    assert results["SECTOR_COUNT"] == 3
    assert results["GEOPACKAGE"] is None
    assert results["STATION_SCRIPT"] == str(folder / "station.sql")
    assert sorted(path.name for path in folder.iterdir()) == ["station.sql", "workspace.qgz"]
    project = open_workspace(folder)
    layers = {QgsDataSourceUri(layer.source()).table(): layer for layer in project.mapLayers().values()}
    assert sorted(layers) == ["events", "partners", "sector_log", "sectors", "target_groups"]
    for layer in layers.values():
        assert layer.isValid() and layer.providerType() == "postgres"
        uri = QgsDataSourceUri(layer.source())
        assert (uri.schema(), uri.database(), uri.password()) == ("ypo", database, "")
    assert layers["sectors"].featureCount() == 3
    assert layers["target_groups"].featureCount() == 7
    assert sorted(project.relationManager().relations()) == [
        "sector_log_target_groups",
        "sectors_events",
        "sectors_partners",
        "sectors_sector_log",
    ]
    assert all(relation.isValid() for relation in project.relationManager().relations().values())
    assert "password" not in project_xml(folder)
    assert "CREATE POLICY" in (folder / "station.sql").read_text()


def test_the_forms_are_the_geopackage_workspaces_with_the_database_setting_author_and_time(station):
    project = open_workspace(station[0])
    log = station_table(project, "sector_log")
    partners = station_table(project, "partners")
    assert partners.editorWidgetSetup(partners.fields().lookupField("kind")).type() == "ValueMap"
    # Required: by the form, and by the database (NOT NULL) anyway.
    not_null = QgsFieldConstraints.Constraint.ConstraintNotNull
    assert [
        name
        for name in ("name", "kind", "contact", "sector_id")
        if partners.fields().field(name).constraints().constraints() & not_null
    ] == ["name", "kind", "sector_id"]
    config = log.editFormConfig()
    fields = log.fields()
    assert [
        name for name in ("author", "written_at", "entry") if config.readOnly(fields.lookupField(name))
    ] == [
        "author",
        "written_at",
    ]
    assert log.attributeAlias(fields.lookupField("restricted")) == "Fortrolig / Restricted"
    assert log.editorWidgetSetup(fields.lookupField("status")).type() == "ValueMap"
    # The warning stands right above the first free-text field.
    elements = config.invisibleRootContainer().children()
    names = [element.name() for element in elements]
    assert "No source information here" in project_xml(station[0])  # the element's text, as saved
    assert names[names.index("source_information_warning") + 1] == "entry"


def test_an_officers_refused_write_is_a_clear_message_and_nothing_is_written(station):
    project = open_workspace(station[0])
    log = as_login(station_table(project, "sector_log"), "officer_a")
    before = count(station, "SELECT count(*) FROM ypo.sector_log")
    assert log.startEditing()
    for sector_id in ("S1", "S2"):
        assert log.addFeature(form_entry(log, sector_id=sector_id, entry=f"Written by A in {sector_id}"))
    assert not log.commitChanges()
    errors = " ".join(log.commitErrors())
    assert (
        "Refused: officer_a is not assigned to the sector, so it may not write its sector_log (sector S2)"
        in errors
    )
    log.rollBack()
    assert count(station, "SELECT count(*) FROM ypo.sector_log") == before  # not even S1's entry


def test_an_officer_adds_an_entry_through_qgis_and_the_database_signs_it(station):
    project = open_workspace(station[0])
    log = as_login(station_table(project, "sector_log"), "officer_a")
    assert log.startEditing()
    log.addFeature(form_entry(log, sector_id="S1", entry="Signed by the database", author="Someone Else"))
    assert log.commitChanges(), log.commitErrors()
    assert (
        count(station, "SELECT author FROM ypo.sector_log WHERE entry = 'Signed by the database'")
        == "officer_a"
    )
    assert count(
        station,
        "SELECT now() - written_at < interval '1 minute' FROM ypo.sector_log "
        "WHERE entry = 'Signed by the database'",
    )


WRITER = textwrap.dedent(
    """
    import sys, time
    from qgis.core import QgsApplication, QgsGeometry, QgsVectorLayer, QgsVectorLayerUtils
    app = QgsApplication([], False)
    app.initQgis()
    source, name, start, count = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
    layer = QgsVectorLayer(source, "log", "postgres")
    assert layer.isValid()
    time.sleep(max(0.0, start - time.time()))
    for number in range(count):
        layer.startEditing()
        fields = layer.fields()
        values = {fields.lookupField("sector_id"): "S1", fields.lookupField("entry"): f"{name} {number}"}
        layer.addFeature(QgsVectorLayerUtils.createFeature(layer, QgsGeometry(), values))
        if not layer.commitChanges():
            sys.exit("; ".join(layer.commitErrors()))
    print("done")
    app.exitQgis()
    """
)


def test_two_qgis_processes_add_entries_to_one_sector_at_once_and_none_is_lost(station, tmp_path):
    project = open_workspace(station[0])
    source = as_login(station_table(project, "sector_log"), "officer_a").source()
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    start = time.time() + 8  # both processes have started QGIS by then
    writers = [
        subprocess.Popen(
            [sys.executable, str(script), source, name, str(start), "25"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("first", "second")
    ]
    outputs = [writer.communicate(timeout=300) for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0], outputs
    for name in ("first", "second"):
        assert count(station, f"SELECT count(*) FROM ypo.sector_log WHERE entry LIKE '{name} %'") == 25
    # They overlapped: neither was done before the other began.
    assert count(
        station,
        "SELECT (SELECT min(written_at) FROM ypo.sector_log WHERE entry LIKE 'second %') "
        "< (SELECT max(written_at) FROM ypo.sector_log WHERE entry LIKE 'first %') AND "
        "(SELECT min(written_at) FROM ypo.sector_log WHERE entry LIKE 'first %') "
        "< (SELECT max(written_at) FROM ypo.sector_log WHERE entry LIKE 'second %')",
    )


def test_a_password_or_a_connection_without_a_database_is_refused(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"DATABASE: the connection string holds a password"):
        create(run_algorithm, tmp_path / "a", small_sectors(), DATABASE="dbname=x host=h password=secret")
    with pytest.raises(QgsProcessingException, match=r"DATABASE: 'host=h' names no database"):
        create(run_algorithm, tmp_path / "b", small_sectors(), DATABASE="host=h")
    assert not (tmp_path / "a" / "workspace.qgz").exists()


def test_an_existing_station_is_only_replaced_when_asked(run_algorithm, station, tmp_path):
    _, _, server, database = station
    with pytest.raises(QgsProcessingException, match=r"already holds a station \(schema ypo\)"):
        create(run_algorithm, tmp_path, small_sectors(), DATABASE=server.conninfo(database))
    assert count(station, "SELECT count(*) FROM ypo.sector_log") > 0
