"""ypo:createsectorworkspace and ypo:exporthandoverreport — the workspace opened in QGIS: layers,
relations and forms; log entries added through the layer reach the handover report; nothing of
the log, partners or events reaches a public export."""

import re
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorRelation,
    QgsEditFormConfig,
    QgsFeature,
    QgsFieldConstraints,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate

from tests.algorithms.publication_data import (
    PUBLIC_FIELD_NAMES,
    assert_no_112,
    assert_no_danish,
    assert_nothing_internal,
    pdf_info,
    pdf_pages,
    pdf_text,
    small_sectors,
    write_gpkg,
)
from tests.layers import box, memory_layer, point

HANDOVER = "Overdragelsesrapport / Handover report"
STATUS_MAP = [
    {"Åben / Open": "open"},
    {"I gang / In progress": "in_progress"},
    {"Afsluttet / Closed": "closed"},
]
SECRETS = ["SECRET-LOG", "SECRET-PARTNER", "SECRET-EVENT", "Informant Olsen"]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def create(run_algorithm, folder, sectors, **parameters):
    results, _ = run_algorithm(
        "ypo:createsectorworkspace", {"SECTORS": sectors, "OUTPUT_FOLDER": str(folder), **parameters}
    )
    return results


def open_workspace(folder) -> QgsProject:
    project = QgsProject()
    assert project.read(str(Path(folder) / "workspace.qgz"))
    return project


def table(project, name) -> QgsVectorLayer:
    """The layer of table ``name`` (keep ``project`` referenced while using it: it owns the layer)."""
    (layer,) = [
        layer for layer in project.mapLayers().values() if layer.source().endswith(f"layername={name}")
    ]
    return layer


def add_rows(layer, rows):
    """Add rows ({field: value}, optional geometry under 'geometry') through the layer's edit buffer."""
    assert layer.startEditing()
    for values in rows:
        feature = QgsFeature(layer.fields())
        for name, value in values.items():
            if name == "geometry":
                feature.setGeometry(value)
            else:
                feature[name] = value
        assert layer.addFeature(feature)
    assert layer.commitChanges(), layer.commitErrors()


def report(run_algorithm, folder, path, **parameters):
    results, _ = run_algorithm(
        "ypo:exporthandoverreport",
        {"WORKSPACE": str(Path(folder) / "workspace.qgz"), "OUTPUT": str(path), "DPI": 60, **parameters},
    )
    return results


def page_text(path, page) -> str:
    import subprocess
    import unicodedata

    text = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return flat(unicodedata.normalize("NFKC", text))


def section(text, heading, next_heading=None) -> str:
    start = text.index(heading) + len(heading)
    return text[start : text.index(next_heading, start) if next_heading else None]


@pytest.fixture(scope="module")
def workspace(run_algorithm, tmp_path_factory):
    """A workspace of the three small sectors (S1 | S2 | S3, S3 in another district), with log
    entries, a partner and an event added through the layers as an officer would."""
    folder = tmp_path_factory.mktemp("workspace")
    results = create(run_algorithm, folder, small_sectors())
    project = open_workspace(folder)
    add_rows(
        table(project, "sector_log"),
        [
            {
                "entry_date": QDate(2026, 3, 2),
                "author": "Karen Blix",
                "target_group": "young_people_at_risk",
                "party_of_interest": "Youth club Rødkilde",
                "entry": "Gatherings at the underpass SECRET-LOG",
                "action_taken": "Walk with SSP on Fridays",
                "status": "open",
                "follow_up_date": QDate(2026, 4, 1),
                "sector_id": "S2",
            },
            {
                "entry_date": QDate(2026, 2, 1),
                "author": "Karen Blix",
                "target_group": "business_owners",
                "party_of_interest": "Grocer on Frederikssundsvej",
                "entry": "Shoplifting wave",
                "action_taken": "Informant Olsen contacted; resolved",
                "status": "closed",
                "sector_id": "S2",
            },
            {
                "entry_date": QDate(2026, 3, 5),
                "author": "Bo Berg",
                "target_group": "elderly",
                "entry": "Doorstep fraud in sector one",
                "status": "in_progress",
                "sector_id": "S1",
            },
        ],
    )
    add_rows(
        table(project, "partners"),
        [
            {
                "name": "SSP Bellahøj SECRET-PARTNER",
                "kind": "ssp",
                "contact": "ssp@example.org",
                "sector_id": "S2",
                "geometry": point(1500, 500),
            }
        ],
    )
    add_rows(
        table(project, "events"),
        [{"event_date": QDate(2026, 6, 1), "title": "Street party SECRET-EVENT", "sector_id": "S2"}],
    )
    return folder, results


# --- the workspace as QGIS opens it ----------------------------------------------------------


def test_results_and_files(workspace):
    folder, results = workspace
    assert results["SECTOR_COUNT"] == 3
    assert results["GEOPACKAGE"] == str(folder / "workspace.gpkg")
    assert results["PROJECT"] == str(folder / "workspace.qgz")
    assert sorted(p.name for p in folder.iterdir()) == ["workspace.gpkg", "workspace.qgz"]


def test_project_has_every_table_as_a_layer(workspace):
    project = open_workspace(workspace[0])
    counts = {
        name: table(project, name).featureCount()
        for name in ("sectors", "sector_log", "partners", "events", "target_groups")
    }
    assert counts == {"sectors": 3, "sector_log": 3, "partners": 1, "events": 1, "target_groups": 7}
    assert all(layer.isValid() for layer in project.mapLayers().values())
    # Relative paths: the folder can be moved.
    assert "./workspace.gpkg" in _project_xml(workspace[0])


def _project_xml(folder) -> str:
    import zipfile

    with zipfile.ZipFile(folder / "workspace.qgz") as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".qgs")]
        return archive.read(name).decode("utf-8")


def test_relations_tie_the_tables_to_the_sectors(workspace):
    project = open_workspace(workspace[0])
    sectors = table(project, "sectors")
    relations = project.relationManager().relations()
    assert sorted(relations) == [
        "sector_log_target_groups",
        "sectors_events",
        "sectors_partners",
        "sectors_sector_log",
    ]
    for relation_id, child in (
        ("sectors_sector_log", "sector_log"),
        ("sectors_partners", "partners"),
        ("sectors_events", "events"),
    ):
        relation = relations[relation_id]
        assert relation.isValid()
        assert relation.referencedLayer().id() == sectors.id()
        assert relation.referencingLayer().id() == table(project, child).id()
        assert relation.fieldPairs() == {"sector_id": "sector_id"}
    s2 = next(sectors.getFeatures("\"sector_id\" = 'S2'"))
    log = relations["sectors_sector_log"].getRelatedFeatures(s2)
    assert sorted(f["entry"] for f in log) == [
        "Gatherings at the underpass SECRET-LOG",
        "Shoplifting wave",
    ]
    groups = relations["sector_log_target_groups"]
    assert groups.referencedLayer().id() == table(project, "target_groups").id()
    assert groups.fieldPairs() == {"target_group": "code"}


def test_sector_form_has_a_relation_editor_for_log_partners_and_events(workspace):
    # Opened as QGIS desktop opens a project: QGIS 3.22 resolves form relations in this one.
    project = QgsProject.instance()
    assert project.read(str(workspace[0] / "workspace.qgz"))
    try:
        sectors = table(project, "sectors")
        config = sectors.editFormConfig()
        assert config.layout() == QgsEditFormConfig.TabLayout
        tabs = config.tabs()
        assert [tab.name() for tab in tabs] == [
            "Sektor / Sector",
            "Sektorlog / Sector log",
            "Samarbejdspartnere / Partners",
            "Arrangementer / Events",
        ]
        assert isinstance(tabs[0], QgsAttributeEditorContainer)
        assert [child.name() for child in tabs[0].children()][:6] == PUBLIC_FIELD_NAMES
        editors = [child for tab in tabs[1:] for child in tab.children()]
        assert all(isinstance(editor, QgsAttributeEditorRelation) for editor in editors)
        assert [editor.relation().id() for editor in editors] == [
            "sectors_sector_log",
            "sectors_partners",
            "sectors_events",
        ]
        assert all(editor.relation().isValid() for editor in editors)
        s2 = next(sectors.getFeatures("\"sector_id\" = 'S2'"))
        assert len(list(editors[0].relation().getRelatedFeatures(s2))) == 2
        constraints = sectors.fields().field("sector_id").constraints().constraints()
        assert constraints & QgsFieldConstraints.ConstraintNotNull
        assert constraints & QgsFieldConstraints.ConstraintUnique
    finally:
        project.clear()


def _widget(layer, name):
    setup = layer.editorWidgetSetup(layer.fields().lookupField(name))
    return setup.type(), setup.config()


def _required(layer) -> list[str]:
    return [
        field.name()
        for field in layer.fields()
        if field.constraints().constraintOrigin(QgsFieldConstraints.ConstraintNotNull)
        == QgsFieldConstraints.ConstraintOriginLayer
        and field.constraints().constraintStrength(QgsFieldConstraints.ConstraintNotNull)
        == QgsFieldConstraints.ConstraintStrengthHard
    ]


def assert_log_form(log):
    assert _widget(log, "entry_date") == (
        "DateTime",
        {
            "allow_null": True,
            "calendar_popup": True,
            "display_format": "yyyy-MM-dd",
            "field_format": "yyyy-MM-dd",
        },
    )
    assert _widget(log, "follow_up_date")[0] == "DateTime"
    assert _widget(log, "status") == ("ValueMap", {"map": STATUS_MAP})
    kind, config = _widget(log, "target_group")
    assert kind == "ValueMap"
    assert config["map"][0] == {"Unge i risikogruppen / Young people at risk": "young_people_at_risk"}
    assert len(config["map"]) == 7
    assert _widget(log, "sector_id") == (
        "ValueMap",
        {"map": [{"S1 Sector one": "S1"}, {"S2 Sector two": "S2"}, {"S3 Sector three": "S3"}]},
    )
    assert _widget(log, "entry") == ("TextEdit", {"IsMultiline": True})
    assert _widget(log, "fid") == ("Hidden", {})
    assert _required(log) == ["entry_date", "author", "entry", "status", "sector_id"]
    status = log.fields().lookupField("status")
    assert log.defaultValueDefinition(status).expression() == "'open'"
    assert (
        log.attributeAlias(log.fields().lookupField("party_of_interest")) == "Interessent / Party of interest"
    )


def assert_partner_form(partners):
    kind, config = _widget(partners, "kind")
    assert kind == "ValueMap"
    assert [list(entry.values())[0] for entry in config["map"]] == [
        "ssp",
        "housing_association",
        "club",
        "tradesperson",
        "school",
        "other",
    ]
    assert _required(partners) == ["name", "kind", "sector_id"]


def test_forms_in_the_project(workspace):
    project = open_workspace(workspace[0])
    assert_log_form(table(project, "sector_log"))
    assert_partner_form(table(project, "partners"))
    events = table(project, "events")
    assert _widget(events, "event_date")[0] == "DateTime"
    assert _required(events) == ["event_date", "title", "sector_id"]


def test_forms_are_the_default_styles_so_they_work_without_the_project(workspace):
    gpkg = workspace[0] / "workspace.gpkg"
    assert_log_form(QgsVectorLayer(f"{gpkg}|layername=sector_log", "log", "ogr"))
    assert_partner_form(QgsVectorLayer(f"{gpkg}|layername=partners", "partners", "ogr"))
    with closing(sqlite3.connect(gpkg)) as database:
        rows = database.execute("SELECT f_table_name, useAsDefault FROM layer_styles ORDER BY 1").fetchall()
    assert rows == [("events", 1), ("partners", 1), ("sector_log", 1), ("sectors", 1), ("target_groups", 1)]


def test_sectors_keep_their_fields_and_gain_the_public_ones(run_algorithm, tmp_path):
    create(run_algorithm, tmp_path, small_sectors(officers=False, planted=False))
    sectors = QgsVectorLayer(f"{tmp_path / 'workspace.gpkg'}|layername=sectors", "s", "ogr")
    assert sectors.fields().names() == [
        "fid",
        *PUBLIC_FIELD_NAMES,
        "neighbour_list",
        "crimes_total",
        "population",
        "officers_allocated",
        "factor",
    ]
    rows = {f["sector_id"]: f for f in sectors.getFeatures()}
    assert [rows["S1"][n] for n in ("sector_name", "district", "population", "crimes_total")] == [
        "Sector one",
        "West",
        4001.0,
        100,
    ]
    assert all(rows[i]["officer_name"] is None or rows[i]["officer_name"].isNull() for i in rows)
    # Touching sectors are neighbours, also across the district line between S2 (West) and S3 (East).
    assert {i: rows[i]["neighbour_list"] for i in rows} == {
        "S1": "S2 Sector two (West)",
        "S2": "S1 Sector one (West), S3 Sector three (East)",
        "S3": "S2 Sector two (West)",
    }


def test_another_id_field_and_a_neighbours_field(run_algorithm, tmp_path):
    layer = memory_layer(
        "Polygon",
        ["beat:integer", "district:string", "neighbours:string"],
        [
            (box(0, 0, 1000, 1000), 11, "A", "12,13"),
            (box(5000, 0, 6000, 1000), 12, "B", "11"),
            (box(9000, 0, 9500, 500), 13, None, "11"),
        ],
    )
    create(run_algorithm, tmp_path, layer, SECTOR_ID_FIELD="beat")
    sectors = QgsVectorLayer(f"{tmp_path / 'workspace.gpkg'}|layername=sectors", "s", "ogr")
    rows = {f["sector_id"]: f for f in sectors.getFeatures()}
    assert sorted(rows) == ["11", "12", "13"]
    assert rows["12"]["sector_name"] == "12"  # no name field: the id
    assert "beat" not in sectors.fields().names()
    # The neighbours field is used as it is, although these sectors do not touch.
    assert {i: rows[i]["neighbour_list"] for i in rows} == {
        "11": "12 (B), 13",
        "12": "11 (A)",
        "13": "11 (A)",
    }


# --- the handover report ------------------------------------------------------------------------


def test_log_entries_added_through_the_layer_are_in_the_sectors_report(run_algorithm, workspace, tmp_path):
    folder, _ = workspace
    path = tmp_path / "s2.pdf"
    results = report(run_algorithm, folder, path, SECTOR_ID="S2")
    assert results == {"OUTPUT": str(path), "PAGE_COUNT": 1}
    assert pdf_pages(path) == 1
    text = flat(pdf_text(path))
    assert "Sektoroverdragelse / Sector handover: S2 Sector two" in text
    assert "Distrikt / District: West" in text
    for expected in (
        "Befolkning / Population: 4,002",
        "Forbrydelser / Crimes: 200",
        "Faktor / Factor: 2",
        "Betjente tildelt / Officers allocated: 4",
        "Bo Berg",
        "Tlf. / Phone: +45 1111 0002",
        "E-mail: bo@politi.dk",
        "Nabosektorer / Neighbouring sectors: S1 Sector one (West), S3 Sector three (East)",
    ):
        assert expected in text, expected
    partners = section(text, "Samarbejdspartnere / Partners", "Åbne udfordringer")
    assert "SSP Bellahøj SECRET-PARTNER" in partners and "ssp@example.org" in partners
    open_challenges = section(text, "Åbne udfordringer / Open challenges", "Seneste logindførsler")
    # (Cells wrap: words of one cell are checked apart.)
    assert "Gatherings at the underpass" in open_challenges and "SECRET-LOG" in open_challenges
    assert "2026-03-02" in open_challenges and "2026-04-01" in open_challenges
    assert "Youth club Rødkilde" in open_challenges
    assert "Unge i risikogruppen" in open_challenges  # the target group's label, not its code
    assert "Shoplifting" not in open_challenges  # closed
    latest = section(text, "Seneste logindførsler / Latest log entries", "Side / Page")
    # Newest first, the closed entry too; nothing of sector one.
    assert latest.index("2026-03-02") < latest.index("2026-02-01")
    assert "Shoplifting wave" in latest and "Afsluttet" in latest
    assert "Doorstep fraud" not in text


def test_the_report_has_one_page_per_sector(run_algorithm, workspace, tmp_path):
    path = tmp_path / "all.pdf"
    assert report(run_algorithm, workspace[0], path)["PAGE_COUNT"] == 3
    assert pdf_pages(path) == 3
    for page, (sector, name) in enumerate((("S1", "one"), ("S2", "two"), ("S3", "three")), start=1):
        text = page_text(path, page)
        assert f"Sector handover: {sector} Sector {name}" in text
        assert f"Side / Page {page} af / of 3" in text
    s1 = page_text(path, 1)
    assert "Doorstep fraud in sector one" in section(s1, "Open challenges", "Seneste")  # in progress is open
    assert "SECRET" not in s1
    s3 = page_text(path, 3)
    assert "Betjent følger / Officer to be announced" in s3
    assert section(s3, "Samarbejdspartnere / Partners", "Åbne").strip().endswith("Ingen / None")


def test_report_errors_name_the_parameter_and_what_to_do(run_algorithm, workspace, tmp_path):
    with pytest.raises(
        QgsProcessingException, match=r"SECTOR_ID: the workspace has no sector 'S9'; choose one of S1, S2, S3"
    ):
        report(run_algorithm, workspace[0], tmp_path / "x.pdf", SECTOR_ID="S9")
    other = QgsProject()
    other.write(str(tmp_path / "workspace.qgz"))
    with pytest.raises(
        QgsProcessingException, match=r"WORKSPACE: .* has no usable layout .*Create sector workspace"
    ):
        report(run_algorithm, tmp_path, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


# --- publication --------------------------------------------------------------------------------


def test_public_exports_never_include_the_log_partners_or_events(run_algorithm, workspace, tmp_path):
    folder, _ = workspace
    sectors = f"{folder / 'workspace.gpkg'}|layername=sectors"
    results, _ = run_algorithm(
        "ypo:exportsectormaps",
        {
            "SECTORS": sectors,
            "AUDIENCE": "public",
            "FORMAT": "pdf",
            "OUTPUT_FOLDER": str(tmp_path),
            "DPI": 60,
        },
    )
    text = flat(pdf_text(results["FILES"]))
    assert "Bo Berg" in text  # the public contact is there…
    assert_nothing_internal(text, "public PDF", extra=SECRETS + ["Sektorlog", "Partners", "neighbour_list"])
    results, _ = run_algorithm(
        "ypo:exportpublicwebmap", {"SECTORS": sectors, "OUTPUT": str(tmp_path / "map.html")}
    )
    html = Path(results["OUTPUT"]).read_text(encoding="utf-8")
    assert "bo@politi.dk" in html
    for secret in SECRETS + ["Karen Blix", "Youth club", "neighbour_list", "S1 Sector one (West)"]:
        assert secret not in html, secret


def test_the_projects_public_layouts_draw_only_public_styles(workspace):
    project = open_workspace(workspace[0])
    names = sorted(layout.name() for layout in project.layoutManager().printLayouts())
    assert names == sorted([HANDOVER, "overview_public A4", "atlas_public A4"])
    sectors = table(project, "sectors")
    for name in ("overview_public A4", "atlas_public A4"):
        map_item = project.layoutManager().layoutByName(name).itemById("map")
        assert map_item.keepLayerStyles()
        style = map_item.layerStyleOverrides()[sectors.id()]
        assert 'attr="factor"' not in style  # not the manning colours of the workspace's sectors


# --- bad input, cancelling and qgis_process -----------------------------------------------------


def test_bad_input_is_refused_with_what_to_do(run_algorithm, tmp_path):
    with pytest.raises(
        QgsProcessingException, match=r"SECTOR_ID_FIELD: .* has no field 'beat'; choose one of"
    ):
        create(run_algorithm, tmp_path / "a", small_sectors(), SECTOR_ID_FIELD="beat")
    empty = memory_layer("Polygon", ["sector_id:string"], [])
    with pytest.raises(QgsProcessingException, match=r"SECTORS \(.*\) has no features; give a polygon layer"):
        create(run_algorithm, tmp_path / "b", empty)
    twice = memory_layer(
        "Polygon", ["sector_id:string"], [(box(0, 0, 100, 100), "S1"), (box(100, 0, 200, 100), "S1")]
    )
    with pytest.raises(QgsProcessingException, match=r"sector_id S1 occurs more than once; .*dissolve"):
        create(run_algorithm, tmp_path / "c", twice)
    no_id = memory_layer("Polygon", ["sector_id:string"], [(box(0, 0, 100, 100), None)])
    with pytest.raises(QgsProcessingException, match=r"has no sector_id value; give every sector an id"):
        create(run_algorithm, tmp_path / "d", no_id)
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    with pytest.raises(
        QgsProcessingException, match=r"OUTPUT_FOLDER: cannot create .*a_file/ws .*choose a folder"
    ):
        create(run_algorithm, blocker / "ws", small_sectors())
    assert not any((tmp_path / name).exists() for name in "abcd")


def test_an_existing_workspace_is_only_replaced_when_asked(run_algorithm, workspace, tmp_path):
    folder = tmp_path / "ws"
    create(run_algorithm, folder, small_sectors())
    project = open_workspace(folder)
    add_rows(table(project, "sector_log"), [{"entry": "Keep me", "author": "A", "sector_id": "S1"}])
    del project
    with pytest.raises(QgsProcessingException, match=r"already holds a workspace .*set REPLACE"):
        create(run_algorithm, folder, small_sectors())
    project = open_workspace(folder)
    assert [f["entry"] for f in table(project, "sector_log").getFeatures()] == ["Keep me"]
    del project  # the GeoPackage is closed before it is replaced
    create(run_algorithm, folder, small_sectors(), REPLACE=True)
    project = open_workspace(folder)
    assert table(project, "sector_log").featureCount() == 0


def test_cancelled_run_writes_no_project(run_algorithm, tmp_path):
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    results, _ = run_algorithm(
        "ypo:createsectorworkspace", {"SECTORS": small_sectors(), "OUTPUT_FOLDER": str(tmp_path)}, feedback
    )
    assert "PROJECT" not in results
    assert not (tmp_path / "workspace.qgz").exists()


def test_progress_is_reported(run_algorithm, tmp_path):
    seen = []

    class Progress(QgsProcessingFeedback):
        def setProgress(self, progress):
            seen.append(progress)
            super().setProgress(progress)

    run_algorithm(
        "ypo:createsectorworkspace", {"SECTORS": small_sectors(), "OUTPUT_FOLDER": str(tmp_path)}, Progress()
    )
    assert seen == sorted(seen) and seen[-1] == 100


def test_through_qgis_process(qgis_process, tmp_path):
    sectors = write_gpkg(small_sectors(), tmp_path / "sectors.gpkg")
    created = qgis_process.run("ypo:createsectorworkspace", SECTORS=sectors, OUTPUT_FOLDER=tmp_path / "ws")
    assert created["results"]["SECTOR_COUNT"] == 3
    assert Path(created["results"]["PROJECT"]).is_file()
    exported = qgis_process.run(
        "ypo:exporthandoverreport",
        WORKSPACE=created["results"]["PROJECT"],
        SECTOR_ID="S3",
        OUTPUT=tmp_path / "s3.pdf",
    )
    assert exported["results"]["PAGE_COUNT"] == 1
    text = flat(pdf_text(tmp_path / "s3.pdf"))
    assert "Sector handover: S3 Sector three" in text
    assert "Nabosektorer / Neighbouring sectors: S2 Sector two (West)" in text
    failed = qgis_process(
        "--json",
        "run",
        "ypo:exporthandoverreport",
        "--",
        f"WORKSPACE={created['results']['PROJECT']}",
        "SECTOR_ID=S7",
        f"OUTPUT={tmp_path / 'x.pdf'}",
        check=False,
    )
    assert failed.returncode != 0
    assert "SECTOR_ID: the workspace has no sector 'S7'" in failed.stdout + failed.stderr


# --- the handover report's map, and any country ------------------------------------------------


def test_the_scale_bar_and_north_arrow_never_cover_the_map_or_a_label(workspace):
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemMap, QgsLayoutItemPicture, QgsLayoutItemScaleBar

    project = open_workspace(workspace[0])
    layout = project.layoutManager().layoutByName(HANDOVER)
    items = layout.items()
    (map_item,) = [i for i in items if isinstance(i, QgsLayoutItemMap)]
    (scale_bar,) = [i for i in items if isinstance(i, QgsLayoutItemScaleBar)]
    (north,) = [i for i in items if isinstance(i, QgsLayoutItemPicture)]
    labels = [i for i in items if isinstance(i, QgsLayoutItemLabel)]
    page = layout.pageCollection().page(0).sceneBoundingRect()
    atlas = layout.atlas()
    assert atlas.beginRender() and atlas.count() == 3
    try:
        for number in range(atlas.count()):
            atlas.seekTo(number)
            layout.refresh()
            for item in (scale_bar, north):
                rect = item.sceneBoundingRect()
                assert rect.width() > 0 and page.contains(rect)
                assert not rect.intersects(map_item.sceneBoundingRect()), (number, item.id())
                assert not any(rect.intersects(label.sceneBoundingRect()) for label in labels), (
                    number,
                    item.id(),
                )
            assert not scale_bar.sceneBoundingRect().intersects(north.sceneBoundingRect())
    finally:
        atlas.endRender()


def test_handover_report_in_english_with_911(run_algorithm, workspace, tmp_path):
    folder, _ = workspace
    path = tmp_path / "s1.pdf"
    report(run_algorithm, folder, path, SECTOR_ID="S1", LANGUAGE="en", EMERGENCY_NUMBER="911")
    text = flat(pdf_text(path))
    for expected in (
        "Sector handover: S1 Sector one",
        "District: West · printed",
        "INTERNAL",
        "Key figures and manning",
        "Population: 4,001",
        "Officers allocated: 3",
        "Anna Holm",
        "Phone: +45 1111 0001",
        "In an emergency call 911.",
        "Neighbouring sectors: S2 Sector two (West)",
        "Page 1 of 1",
        "The sector log, partners and events are internal and never published.",
    ):
        assert expected in text, expected
    assert section(text, "Partners", "Open challenges").strip().endswith("None")
    challenges = section(text, "Open challenges", "Latest log entries")
    assert "Doorstep fraud in sector one" in challenges
    assert "The elderly" in challenges and "In progress" in challenges  # the choices' English labels
    assert "Title:           Handover report" in pdf_info(path)
    assert_no_danish(text, "English handover report")
    assert_no_112(text, "English handover report")


def test_handover_report_defaults_to_danish_and_english_with_112(run_algorithm, workspace, tmp_path):
    path = tmp_path / "s3.pdf"
    report(run_algorithm, workspace[0], path, SECTOR_ID="S3")
    text = flat(pdf_text(path))
    assert "Ved akut behov ring 112. In an emergency call 112." in text
    assert "Betjent / Officer" in text and "Side / Page 1 af / of 1" in text
    with pytest.raises(QgsProcessingException, match="EMERGENCY_NUMBER '9-1-1!' is not a number to call"):
        report(run_algorithm, workspace[0], tmp_path / "x.pdf", EMERGENCY_NUMBER="9-1-1!")
    assert not (tmp_path / "x.pdf").exists()


def test_the_project_opens_on_the_sectors(workspace):
    # Saved without a map canvas, the project still opens showing every sector with a 5 % margin,
    # in the sectors' CRS (QGIS desktop opened it at 1:1 on a white map before).
    project = open_workspace(workspace[0])
    sectors = table(project, "sectors")
    view = project.viewSettings().defaultViewExtent()
    extent = sectors.extent()
    margin = 0.05 * max(extent.width(), extent.height())
    assert view.crs() == sectors.crs()
    assert (view.xMinimum(), view.yMinimum(), view.xMaximum(), view.yMaximum()) == pytest.approx(
        (
            extent.xMinimum() - margin,
            extent.yMinimum() - margin,
            extent.xMaximum() + margin,
            extent.yMaximum() + margin,
        )
    )
    # The sectors first in the layer tree, above the tables without geometry.
    assert project.layerTreeRoot().findLayers()[0].layer() is sectors
