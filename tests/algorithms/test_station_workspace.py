"""ypo:createsectorworkspace with DATABASE: the sector workspace in a station's PostgreSQL/PostGIS
(a real server, tests/postgres_server.py), opened in QGIS as an officer would open it; the handover
report from it equals the GeoPackage workspace's with the same content."""

import re
import subprocess
import sys
import textwrap
import zipfile
from contextlib import closing
from pathlib import Path

import pytest
from qgis.core import (
    QgsDataSourceUri,
    QgsFeature,
    QgsFieldConstraints,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QDate

from tests.algorithms.publication_data import assert_nothing_internal, pdf_text, small_sectors, write_gpkg
from tests.algorithms.test_create_sector_workspace import create, open_workspace
from tests.layers import point

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
    from pathlib import Path
    from qgis.core import QgsApplication, QgsGeometry, QgsVectorLayer, QgsVectorLayerUtils
    app = QgsApplication([], False)
    app.initQgis()
    source, name, folder, count = sys.argv[1], sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
    layer = QgsVectorLayer(source, "log", "postgres")
    assert layer.isValid()
    (folder / f"{name}.ready").touch()
    while len(list(folder.glob("*.ready"))) < 2:  # both have QGIS and the layer: go together
        time.sleep(0.01)
    for number in range(count):
        layer.startEditing()
        fields = layer.fields()
        values = {fields.lookupField("sector_id"): "S1", fields.lookupField("entry"): f"{name} {number}"}
        layer.addFeature(QgsVectorLayerUtils.createFeature(layer, QgsGeometry(), values))
        if not layer.commitChanges():
            sys.exit("; ".join(layer.commitErrors()))
        time.sleep(0.05)  # an officer's pace, fast: the two processes' commits interleave
    app.exitQgis()
    """
)


def test_two_qgis_processes_add_entries_to_one_sector_at_once_and_none_is_lost(station, tmp_path):
    project = open_workspace(station[0])
    source = as_login(station_table(project, "sector_log"), "officer_a").source()
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    writers = [
        subprocess.Popen(
            [sys.executable, str(script), source, name, str(tmp_path), "25"],
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
    # They overlapped: each began before the other ended.
    assert count(
        station,
        "SELECT (SELECT min(written_at) FROM ypo.sector_log WHERE entry LIKE 'second %') "
        "< (SELECT max(written_at) FROM ypo.sector_log WHERE entry LIKE 'first %') AND "
        "(SELECT min(written_at) FROM ypo.sector_log WHERE entry LIKE 'first %') "
        "< (SELECT max(written_at) FROM ypo.sector_log WHERE entry LIKE 'second %')",
    )


def test_a_password_or_a_connection_without_a_database_is_refused(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"DATABASE: the connection holds a password"):
        create(run_algorithm, tmp_path / "a", small_sectors(), DATABASE="dbname=x host=h password=secret")
    with pytest.raises(QgsProcessingException, match=r"DATABASE: 'host=h' names no database"):
        create(run_algorithm, tmp_path / "b", small_sectors(), DATABASE="host=h")
    assert not (tmp_path / "a" / "workspace.qgz").exists()


def test_an_existing_station_is_only_replaced_when_asked(run_algorithm, postgres_server, tmp_path):
    database = postgres_server.create_database("station_replace")
    connection = postgres_server.conninfo(database)
    create(run_algorithm, tmp_path / "first", small_sectors(), DATABASE=connection)

    def entries():
        with closing(postgres_server.connect(database)) as db, db.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM ypo.sector_log")
            return cursor.fetchone()[0]

    with closing(postgres_server.connect(database)) as db, db.cursor() as cursor:
        cursor.execute("INSERT INTO ypo.sector_log (sector_id, entry) VALUES ('S1', 'Keep me')")
    with pytest.raises(QgsProcessingException, match=r"already holds a station \(schema ypo\)"):
        create(run_algorithm, tmp_path / "second", small_sectors(), DATABASE=connection)
    assert entries() == 1
    assert not (tmp_path / "second" / "workspace.qgz").exists()
    create(run_algorithm, tmp_path / "second", small_sectors(), DATABASE=connection, REPLACE=True)
    assert entries() == 0


# --- the handover report and the public exports read the station database too ---------------------

PARTNER = {"name": "SSP Bellahøj", "kind": "ssp", "contact": "ssp@example.org", "sector_id": "S2"}
EVENT = {"event_date": QDate(2026, 6, 1), "title": "Street party", "sector_id": "S2"}


def add_features(layer, rows, geometry=None):
    """Add rows as the form does (the table's defaults where no value is given)."""
    assert layer.startEditing()
    for values in rows:
        attributes = {layer.fields().lookupField(name): value for name, value in values.items()}
        assert layer.addFeature(
            QgsVectorLayerUtils.createFeature(layer, geometry or QgsGeometry(), attributes)
        )
    assert layer.commitChanges(), layer.commitErrors()


def pdf_pages_as_pictures(path, folder) -> list[bytes]:
    subprocess.run(["pdftoppm", "-r", "50", "-gray", str(path), str(folder / "page")], check=True)
    return [page.read_bytes() for page in sorted(folder.glob("page*.pgm"))]


def test_the_handover_report_from_the_station_equals_the_geopackages(
    run_algorithm, postgres_server, tmp_path
):
    database = postgres_server.create_database("station_handover")
    reports = {}
    for target, parameters in (
        ("geopackage", {}),
        ("station", {"DATABASE": postgres_server.conninfo(database)}),
    ):
        folder = tmp_path / target
        create(run_algorithm, folder, small_sectors(), **parameters)
        project = open_workspace(folder)
        layers = {name: table_layer(project, name) for name in ("sector_log", "partners", "events")}
        # The station signs entries with the login (postgres here); the GeoPackage takes the form's author.
        log_rows = [dict(row, author="postgres") for row in LOG_ROWS] if target == "geopackage" else LOG_ROWS
        add_features(layers["sector_log"], log_rows)
        add_features(layers["partners"], [PARTNER], point(1500, 500))
        add_features(layers["events"], [EVENT], point(1600, 400))
        del project, layers
        path = folder / "handover.pdf"
        run_algorithm(
            "ypo:exporthandoverreport",
            {"WORKSPACE": str(folder / "workspace.qgz"), "OUTPUT": str(path), "DPI": 60},
        )
        pages = tmp_path / f"{target}-pages"
        pages.mkdir()
        reports[target] = (pdf_text(path), pdf_pages_as_pictures(path, pages))
    text, pictures = reports["station"]
    assert "Gatherings at the underpass" in text and "SSP Bellahøj" in text and "Doorstep fraud" in text
    assert len(pictures) == 3
    assert reports["station"] == reports["geopackage"]


def table_layer(project, name) -> QgsVectorLayer:
    (layer,) = [
        layer
        for layer in project.mapLayers().values()
        if QgsDataSourceUri(layer.source()).table() == name or layer.source().endswith(f"layername={name}")
    ]
    return layer


def test_through_qgis_process_a_station_its_handover_report_and_the_public_web_map(
    qgis_process, postgres_server, tmp_path
):
    database = postgres_server.create_database("station_cli")
    sectors = write_gpkg(small_sectors(), tmp_path / "sectors.gpkg")
    created = qgis_process.run(
        "ypo:createsectorworkspace",
        SECTORS=sectors,
        OUTPUT_FOLDER=tmp_path / "ws",
        DATABASE=postgres_server.conninfo(database),
    )["results"]
    assert created["SECTOR_COUNT"] == 3
    assert created["STATION_SCRIPT"] == str(tmp_path / "ws" / "station.sql")
    assert not created.get("GEOPACKAGE")
    exported = qgis_process.run(
        "ypo:exporthandoverreport", WORKSPACE=created["PROJECT"], SECTOR_ID="S3", OUTPUT=tmp_path / "s3.pdf"
    )
    assert exported["results"]["PAGE_COUNT"] == 1
    assert "Nabosektorer / Neighbouring sectors: S2 Sector two (West)" in re.sub(
        r"\s+", " ", pdf_text(tmp_path / "s3.pdf")
    )
    # The public web map from the public view, read as a citizen's login.
    postgres_server.create_login("citizen_cli", "ypo_public")
    view = (
        f"postgres://{postgres_server.conninfo(database, 'citizen_cli')} key='sector_id' "
        'table="ypo"."public_sectors" (geom)'
    )
    web = qgis_process.run("ypo:exportpublicwebmap", SECTORS=view, OUTPUT=tmp_path / "index.html")
    assert int(web["results"]["SECTOR_COUNT"]) == 3
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "Bo Berg" in html
    assert_nothing_internal(html, "web map from the public view")
    # The sectors table itself is closed to the citizen.
    table = view.replace("public_sectors", "sectors").replace("key='sector_id'", "key='fid'")
    refused = qgis_process(
        "--json",
        "run",
        "ypo:exportpublicwebmap",
        "--",
        f"SECTORS={table}",
        f"OUTPUT={tmp_path / 'x.html'}",
        check=False,
    )
    assert refused.returncode != 0
    assert not (tmp_path / "x.html").exists()
    # A password is refused before anything is written.
    failed = qgis_process(
        "--json",
        "run",
        "ypo:createsectorworkspace",
        "--",
        f"SECTORS={sectors}",
        f"OUTPUT_FOLDER={tmp_path / 'pw'}",
        "DATABASE=dbname=x host=h password=secret",
        check=False,
    )
    assert failed.returncode != 0
    assert "DATABASE: the connection holds a password" in failed.stdout + failed.stderr


def test_the_sector_statistics_dock_reads_the_station(station, qgis_new_project, qgis_canvas):
    from ypo_plugin.gui.sector_stats_dock import COLUMN_INDEX, SectorStatsDock

    project = QgsProject.instance()
    assert project.read(str(station[0] / "workspace.qgz"))
    dock = SectorStatsDock(qgis_canvas)
    try:
        sectors = dock.sectors_combo.currentLayer()
        assert (
            sectors.providerType() == "postgres" and QgsDataSourceUri(sectors.source()).table() == "sectors"
        )
        dock.refresh()
        rows = {
            dock.table.item(row, COLUMN_INDEX["sector_id"]).text(): {
                key: dock.table.item(row, column).text() for key, column in COLUMN_INDEX.items()
            }
            for row in range(dock.table.rowCount())
        }
        # small_sectors: officers_allocated 2 + the sector's number; squares: Polsby-Popper π/4 = 0.79.
        assert {
            sector: (row["officers_allocated"], row["polsby_popper"]) for sector, row in rows.items()
        } == {
            "S1": ("3", "0.79"),
            "S2": ("4", "0.79"),
            "S3": ("5", "0.79"),
        }
    finally:
        dock.cleanup()
        # Deleted now, not later: no event loop runs here, and a dock left alive answers the next
        # tests' project changes from a project that is gone.
        sip.delete(dock)
        project.clear()


def project_as_login(folder, login, tmp_path) -> Path:
    """A copy of the workspace project that signs in as ``login`` (what each officer's own service
    file or QGIS authentication does)."""
    copy = tmp_path / f"{login}.qgz"
    with zipfile.ZipFile(folder / "workspace.qgz") as source, zipfile.ZipFile(copy, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith(".qgs"):
                assert b"user='postgres'" in data  # every layer's source (and the layouts' layers)
                data = data.replace(b"user='postgres'", f"user='{login}'".encode())
            target.writestr(info, data)
    return copy


def test_the_handover_report_holds_what_the_login_may_read(run_algorithm, station, postgres_server, tmp_path):
    folder, _, server, database = station
    server.create_login("officer_c", "ypo_officer")  # assigned to no sector of this station
    with closing(server.connect(database, "officer_a")) as db, db.cursor() as cursor:
        cursor.execute(
            # Dated last, so that it heads the latest entries (the sector has many of today).
            "INSERT INTO ypo.sector_log (sector_id, entry, restricted, entry_date) "
            "VALUES ('S1', 'RESTRICTED-HANDOVER', true, '2099-01-01')"
        )
    texts = {}
    for login in ("officer_a", "officer_c"):
        project = project_as_login(folder, login, tmp_path)
        path = tmp_path / f"{login}.pdf"
        run_algorithm(
            "ypo:exporthandoverreport",
            {"WORKSPACE": str(project), "SECTOR_ID": "S1", "OUTPUT": str(path), "DPI": 60},
        )
        texts[login] = re.sub(r"\s+", " ", pdf_text(path))
    assert "RESTRICTED-HANDOVER" in texts["officer_a"]
    assert "RESTRICTED-HANDOVER" not in texts["officer_c"]
    assert "Sector handover: S1 Sector one" in texts["officer_c"]


def test_a_connection_saved_in_qgis_is_taken_by_its_name(run_algorithm, postgres_server, tmp_path):
    from qgis.core import QgsProviderRegistry

    postgres = QgsProviderRegistry.instance().providerMetadata("postgres")
    database = postgres_server.create_database("station_saved")
    saved = {
        "YPO test station": postgres_server.conninfo(database),
        "YPO with password": postgres_server.conninfo(database) + " password=secret",
    }
    for name, uri in saved.items():
        kept = {"saveUsername": True, "savePassword": True}  # as the connection dialog's ticks
        postgres.saveConnection(postgres.createConnection(uri, kept), name)
    try:
        results = create(run_algorithm, tmp_path / "ws", small_sectors(), DATABASE="YPO test station")
        assert results["SECTOR_COUNT"] == 3
        project = open_workspace(tmp_path / "ws")  # owns the layers
        sources = [QgsDataSourceUri(layer.source()) for layer in project.mapLayers().values()]
        assert {(uri.database(), uri.password()) for uri in sources} == {(database, "")}
        with pytest.raises(QgsProcessingException, match=r"DATABASE: the connection holds a password"):
            create(run_algorithm, tmp_path / "pw", small_sectors(), DATABASE="YPO with password")
        with pytest.raises(
            QgsProcessingException,
            match=r"'Bellahoj' is neither a connection string .* nor a PostgreSQL connection saved in QGIS "
            r"\(saved: YPO test station, YPO with password\)",
        ):
            create(run_algorithm, tmp_path / "none", small_sectors(), DATABASE="Bellahoj")
        with pytest.raises(
            QgsProcessingException, match=r"DATABASE: the station could not be set up in .*nobody"
        ):
            create(
                run_algorithm,
                tmp_path / "x",
                small_sectors(),
                DATABASE=postgres_server.conninfo(database, "nobody"),
            )
    finally:
        for name in saved:
            postgres.deleteConnection(name)
