"""ypo:exportsectormaps — internal and public map sets; nothing internal in any public file."""

import re
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException

from tests.algorithms.publication_data import (
    ENGLISH_WORDS,
    assert_no_112,
    assert_no_danish,
    assert_nothing_internal,
    grid_sectors,
    image_spread,
    pdf_info,
    pdf_pages,
    pdf_text,
    planted_sample,
    png_chunks,
    small_crimes,
    small_sectors,
    svg_texts,
    words_absent,
    write_gpkg,
)
from tests.layers import box, memory_layer

ALLOWED_PNG_CHUNKS = {b"IHDR", b"pHYs", b"IDAT", b"IEND", b"sRGB", b"gAMA", b"PLTE", b"tRNS"}


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def export(run_algorithm, folder, sectors, **parameters):
    parameters = {"SECTORS": sectors, "OUTPUT_FOLDER": str(folder), "DPI": 60, **parameters}
    results, _ = run_algorithm("ypo:exportsectormaps", parameters)
    files = results["FILES"].split(";")
    assert all(Path(f).is_file() for f in files)
    assert sorted(str(p) for p in Path(folder).iterdir()) == sorted(files)  # nothing else written
    return results, files


@pytest.fixture(scope="module")
def sample(run_algorithm, tmp_path_factory):
    return planted_sample(run_algorithm, tmp_path_factory.mktemp("publication") / "sample")


# --- small layers: exact content ------------------------------------------------------


def test_public_pdf_has_the_contacts_and_nothing_else(run_algorithm, tmp_path):
    results, files = export(
        run_algorithm, tmp_path, small_sectors(), AUDIENCE="public", FORMAT="pdf", TITLE="Test map"
    )
    assert files == [str(tmp_path / "public_sector_maps.pdf")]
    assert results["PAGE_COUNT"] == 4 and results["FILE_COUNT"] == 1
    assert pdf_pages(files[0]) == 4  # the overview and one page per sector
    text = flat(pdf_text(files[0]))
    for expected in (
        "Test map",
        "Anna Holm",
        "+45 1111 0001",
        "anna@politi.dk",
        "Bo Berg",
        "bo@politi.dk",
        "Sector three",
        "Betjent følger",  # S3 has no officer yet
        "Officer to be announced",
        "Sektor / Sector: S2 · Sector two",
        "In an emergency call 112",
    ):
        assert expected in text, expected
    assert_nothing_internal(text, "public PDF", extra=["4001", "Neighbouring"])
    info = pdf_info(files[0])
    assert "Title:           Test map" in info
    assert "Creator:         YPO sector planning" in info
    assert "Author" not in info and "Keywords" not in info and "Subject" not in info


def test_public_pngs_have_no_metadata_and_are_not_blank(run_algorithm, tmp_path):
    results, files = export(
        run_algorithm, tmp_path, small_sectors(), AUDIENCE="public", FORMAT="png", PAPER="A3"
    )
    names = sorted(Path(f).name for f in files)
    assert names == [
        "public_overview.png",
        "public_sector_S1.png",
        "public_sector_S2.png",
        "public_sector_S3.png",
    ]
    for path in files:
        chunks = png_chunks(path)
        assert {kind for kind, _ in chunks} <= ALLOWED_PNG_CHUNKS, path  # no tEXt, iTXt, zTXt, eXIf
        assert image_spread(path) > 10, path
        data = Path(path).read_bytes()
        assert_nothing_internal(data.decode("latin-1"), path)
    from qgis.PyQt.QtGui import QImage

    image = QImage(files[0])
    # A3 landscape at 60 dpi: 420 mm × 297 mm (992 × 701.6 pixels)
    assert abs(image.width() - 420 / 25.4 * 60) < 1 and abs(image.height() - 297 / 25.4 * 60) < 1


def test_public_svgs_hold_the_contacts_as_text_and_nothing_internal(run_algorithm, tmp_path):
    _, files = export(run_algorithm, tmp_path, small_sectors(), AUDIENCE="public", FORMAT="svg", ATLAS=False)
    assert [Path(f).name for f in files] == ["public_overview.svg"]
    svg = Path(files[0]).read_text(encoding="utf-8")
    assert "Anna Holm" in svg and "anna@politi.dk" in svg and "Sector two" in svg
    assert_nothing_internal(svg, "public SVG")


def test_public_maps_never_draw_crimes_or_grid(run_algorithm, tmp_path):
    from qgis.core import QgsProcessingFeedback

    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, warning):
            warnings.append(warning)

    results, _ = run_algorithm(
        "ypo:exportsectormaps",
        {
            "SECTORS": small_sectors(),
            "CRIMES": small_crimes(),
            "AUDIENCE": "public",
            "FORMAT": "svg",
            "OUTPUT_FOLDER": str(tmp_path),
            "DPI": 60,
        },
        Feedback(),
    )
    assert any("CRIMES is never drawn on public maps" in w for w in warnings)
    for path in results["FILES"].split(";"):
        svg = Path(path).read_text(encoding="utf-8")
        assert "Hændelser" not in svg and "Incidents" not in svg and "Violence" not in svg


def test_missing_officer_fields_are_announced(run_algorithm, tmp_path):
    _, files = export(
        run_algorithm, tmp_path, small_sectors(officers=False), AUDIENCE="public", FORMAT="pdf", ATLAS=False
    )
    text = flat(pdf_text(files[0]))
    assert text.count("Betjent følger / To be announced") == 3  # one table row per sector
    assert text.count("Betjent følger / Officer to be announced") == 3  # one map label per sector
    assert "Sector one" in text


def test_internal_pdf_key_figures_neighbours_and_period(run_algorithm, tmp_path):
    results, files = export(
        run_algorithm,
        tmp_path,
        small_sectors(),
        CRIMES=small_crimes(),
        AUDIENCE="internal",
        FORMAT="pdf",
        TITLE="Briefing",
    )
    assert pdf_pages(files[0]) == 4
    pages = [flat(page) for page in pdf_text(files[0]).split("\f")]
    overview, s1, s2, s3 = pages[:4]
    assert "INTERNT · INTERNAL" in overview
    assert "Periode / Period: 2026-03-02 – 2026-03-04" in overview  # the dates of the data
    assert "3 sektorer / sectors" in overview and "12 betjente / officers" in overview  # 3 + 4 + 5
    assert "Sector one (S1) – West" in s1
    assert "Forbrydelser / Crimes: 100" in s1  # the layer's crimes_total
    assert "Areal / Area: 1.00 km2" in s1  # computed: 1 km × 1 km (km² unfolded to km2)
    assert "Befolkning / Population: 4,001" in s1 and "Behov / Need score: 0.12" in s1
    assert "Nabosektorer / Neighbouring sectors: S2 Sector two" in s1
    assert "Nabosektorer / Neighbouring sectors: S1 Sector one, S3 Sector three" in s2
    assert "Nabosektorer / Neighbouring sectors: S2 Sector two" in s3
    assert "Vold / Violence" in s1  # the incidents' legend
    assert "Side / Page 2" in s1 and "Side / Page 4" in s3


def test_internal_sector_page_legend_stays_on_the_page(run_algorithm, tmp_path):
    # The legend sits right of the map in three columns: with the grid's heading on one line the
    # last column ran past the page edge and its widest class label was cut ("mere end 100 /").
    _, files = export(
        run_algorithm, tmp_path, small_sectors(), CRIMES=small_crimes(), AUDIENCE="internal", FORMAT="pdf"
    )
    sector_page = flat(pdf_text(files[0]).split("\f")[1])
    assert "Forbrydelser pr. celle" in sector_page and "Crimes per grid cell" in sector_page
    assert "mere end 100 / more than 100" in sector_page


@pytest.mark.parametrize("kind", ["overview_internal", "overview_public", "atlas_internal", "atlas_public"])
@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_scale_bar_and_north_arrow_leave_the_map_frame_whole(kind, paper):
    # Their white boxes sit on the map: flush with its bottom edge they hid the frame line there.
    from qgis.core import QgsProject

    from ypo_plugin.layouts import print_layouts

    layout = print_layouts.load_layout(QgsProject.instance(), kind, paper, {})
    map_item = print_layouts.item(layout, "map")
    stroke = map_item.frameStrokeWidth().length()
    assert stroke > 0
    left, top = map_item.positionWithUnits().x(), map_item.positionWithUnits().y()
    right = left + map_item.sizeWithUnits().width()
    bottom = top + map_item.sizeWithUnits().height()
    for item_id in ("scale_bar", "north_arrow"):
        found = print_layouts.item(layout, item_id)
        x, y = found.positionWithUnits().x(), found.positionWithUnits().y()
        width, height = found.sizeWithUnits().width(), found.sizeWithUnits().height()
        assert left + stroke <= x and x + width <= right - stroke, item_id
        assert top + stroke <= y and y + height <= bottom - stroke, item_id


def test_internal_period_is_printed(run_algorithm, tmp_path):
    _, files = export(
        run_algorithm,
        tmp_path,
        small_sectors(),
        CRIMES=small_crimes(),
        PERIOD_START="2026-03-03",
        PERIOD_END="2026-03-04",
        AUDIENCE="internal",
        FORMAT="pdf",
        ATLAS=False,
    )
    assert "Periode / Period: 2026-03-03 – 2026-03-04" in flat(pdf_text(files[0]))


# --- bad input ---------------------------------------------------------------------------


def test_sectors_without_sector_id_is_a_clear_error(run_algorithm, tmp_path):
    layer = memory_layer("Polygon", ["name:string"], [(box(0, 0, 100, 100), "x")])
    with pytest.raises(QgsProcessingException, match="no field 'sector_id'.*rename"):
        run_algorithm("ypo:exportsectormaps", {"SECTORS": layer, "OUTPUT_FOLDER": str(tmp_path)})


def test_duplicate_sector_ids_are_a_clear_error(run_algorithm, tmp_path):
    layer = memory_layer(
        "Polygon", ["sector_id:string"], [(box(0, 0, 100, 100), "A"), (box(100, 0, 200, 100), "A")]
    )
    with pytest.raises(QgsProcessingException, match="sector_id A occurs more than once.*dissolve"):
        run_algorithm("ypo:exportsectormaps", {"SECTORS": layer, "OUTPUT_FOLDER": str(tmp_path)})


def test_wrong_date_field_names_the_layer_and_the_choices(run_algorithm, tmp_path):
    with pytest.raises(
        QgsProcessingException, match="DATE_FIELD.*Crime incidents.*'when'.*crime_type, occurred"
    ):
        run_algorithm(
            "ypo:exportsectormaps",
            {
                "SECTORS": small_sectors(),
                "CRIMES": small_crimes(),
                "DATE_FIELD": "when",
                "AUDIENCE": "internal",
                "OUTPUT_FOLDER": str(tmp_path),
            },
        )


# --- the sample district with planted internal fields --------------------------------------------


def test_sample_public_atlas_has_every_sector_and_nothing_internal(run_algorithm, sample, tmp_path):
    _, files = export(run_algorithm, tmp_path, sample["sectors"], AUDIENCE="public", FORMAT="pdf")
    assert pdf_pages(files[0]) == sample["count"] + 1 == 20
    text = pdf_text(files[0])
    assert_nothing_internal(text, "public PDF")
    for page in text.split("\f")[1:20]:
        assert re.search(r"Officer (NE|NW|FR)-\d\d", page) and "@politi.dk" in page
    svg_dir = tmp_path / "svg"
    _, svgs = export(run_algorithm, svg_dir, sample["sectors"], AUDIENCE="public", FORMAT="svg", ATLAS=False)
    assert_nothing_internal(Path(svgs[0]).read_text(encoding="utf-8"), "public SVG")


def test_sample_internal_atlas_with_crimes(run_algorithm, sample, tmp_path):
    _, files = export(
        run_algorithm, tmp_path, sample["sectors"], CRIMES=sample["crimes"], AUDIENCE="internal", FORMAT="png"
    )
    assert len(files) == sample["count"] + 1
    assert image_spread(files[0]) > 10 and image_spread(files[1]) > 10


def test_through_qgis_process(qgis_process, sample, tmp_path):
    result = qgis_process.run(
        "ypo:exportsectormaps",
        SECTORS=sample["sectors"],
        AUDIENCE="public",
        FORMAT="png",
        ATLAS="false",
        PAPER="A4",
        DPI=50,
        OUTPUT_FOLDER=str(tmp_path),
    )
    files = result["results"]["FILES"].split(";")
    assert [Path(f).name for f in files] == ["public_overview.png"]
    assert image_spread(files[0]) > 10
    assert int(result["results"]["PAGE_COUNT"]) == 1


def test_a_sample_gpkg_through_the_small_layers(run_algorithm, tmp_path):
    """The same export from a GeoPackage file as from the memory layer."""
    uri = write_gpkg(small_sectors(), tmp_path / "small.gpkg")
    _, files = export(run_algorithm, tmp_path / "out", uri, AUDIENCE="public", FORMAT="pdf", ATLAS=False)
    assert "Anna Holm" in pdf_text(files[0])


# --- long plans ------------------------------------------------------------------------------------


def map_labels(svg_path, table_heading):
    """(text, x, y) of the texts drawn on the overview's map: left of the table (its first heading),
    above the scale bar (its '0')."""
    texts = svg_texts(svg_path)
    table_x = min((x for text, x, _ in texts if text == table_heading), default=float("inf"))
    (scale_y,) = {round(y) for text, _, y in texts if text == "0"}
    title_y = max(
        y for text, _, y in texts if text.startswith(("Sektoroversigt", "Nærpoliti", "Periode", "Find"))
    )
    return [(text, x, y) for text, x, y in texts if x < table_x - 1 and title_y < y < scale_y - 3]


def assert_labels_on_the_grid(labels, names_of, columns, rows, spacing_mm):
    """Exactly one label per sector (one of ``names_of(n)``), placed as the sectors are: same
    column → same x, same row → same y, columns left to right, rows bottom to top."""
    at = {}
    for number in range(1, columns * rows + 1):
        found = [(x, y) for text, x, y in labels if text in names_of(number)]
        assert len(found) == 1, (number, found)
        at[number] = found[0]
    for number, (x, y) in at.items():
        row, column = divmod(number - 1, columns)
        if column:
            left_x, left_y = at[number - 1]
            assert abs(y - left_y) < spacing_mm / 3 and spacing_mm / 2 < x - left_x < 1.5 * spacing_mm
        if row:
            below_x, below_y = at[number - columns]
            assert abs(x - below_x) < spacing_mm / 2 and spacing_mm / 2 < below_y - y < 1.5 * spacing_mm


def test_a_60_sector_plan_lists_every_sector_in_the_overview_table(run_algorithm, tmp_path):
    _, files = export(run_algorithm, tmp_path, grid_sectors(), AUDIENCE="internal", FORMAT="pdf", ATLAS=False)
    pages = [flat(page) for page in pdf_text(files[0]).split("\f") if page.strip()]
    assert len(pages) >= 2  # the table goes on after the map's page…
    assert all("Sektoroversigt · Sector overview (fortsat / continued)" in page for page in pages[1:])
    text = " ".join(pages)
    for number in range(1, 61):  # …with every sector's row: number, id, name, population, factor, officers
        row = f"{number} S-{number:02d} Sector {number} 1,{number:03d} {1 + number % 5} 2"
        assert text.count(row) == 1, row
    assert "60 sektorer / sectors" in pages[0] and "120 betjente / officers" in pages[0]


def test_a_60_sector_plan_has_a_label_for_every_sector_on_the_overview_map(run_algorithm, tmp_path):
    _, files = export(run_algorithm, tmp_path, grid_sectors(), AUDIENCE="internal", FORMAT="svg", ATLAS=False)
    assert [Path(f).name for f in files] == ["internal_overview.svg", "internal_overview_2.svg"]
    labels = map_labels(files[0], "Nr. / No.")
    # 500 m sectors in a 3 km × 5 km plan on an A4 map of 184 × 170 mm (less the scale bar's band):
    # about 15 mm each. Each is named by its id, its name or its number in the table.
    assert_labels_on_the_grid(
        labels, lambda n: {f"S-{n:02d}", f"Sector {n}", str(n)}, columns=6, rows=10, spacing_mm=15
    )


def test_200_small_sectors_get_keyed_numbers_and_a_table_over_several_pages(run_algorithm, tmp_path):
    plan = grid_sectors(
        columns=10, rows=20, size=300, sector_id="LONG-SECTOR-ID-{:03d}", sector_name="Long sector name {}"
    )
    _, files = export(run_algorithm, tmp_path / "pdf", plan, AUDIENCE="public", FORMAT="pdf", ATLAS=False)
    text = flat(pdf_text(files[0]))
    for number in range(1, 201):
        assert text.count(f"{number} Long sector name {number} Officer {number} ") == 1, number
    assert pdf_pages(files[0]) >= 3
    _, svgs = export(run_algorithm, tmp_path / "svg", plan, AUDIENCE="public", FORMAT="svg", ATLAS=False)
    # 3 km × 6 km on the A4 map: sectors of about 7 mm, too small for their names: numbers.
    labels = map_labels(svgs[0], "Nr. / No.")
    assert_labels_on_the_grid(labels, lambda n: {str(n)}, columns=10, rows=20, spacing_mm=7)
    # Nothing else on the map but the districts' names where they hide no number.
    assert {text for text, _, _ in labels} - {str(n) for n in range(1, 201)} <= {"West", "East"}


# --- any country -------------------------------------------------------------------------------------


def test_in_english_with_911_no_danish_and_no_112(run_algorithm, tmp_path):
    settings = {"LANGUAGE": "en", "EMERGENCY_NUMBER": "911"}
    _, files = export(run_algorithm, tmp_path / "public", small_sectors(), AUDIENCE="public", **settings)
    text = flat(pdf_text(files[0]))
    assert text.count("In an emergency call 911.") == 4  # the overview and each sector's card
    assert "Your Police Officer – sectors and officers" in text and "Officer to be announced" in text
    assert "No. Sector Officer Phone E-mail" in text
    assert "Title:           Your Police Officer – sectors and officers" in pdf_info(files[0])
    assert_no_danish(text, "public PDF")
    assert_no_112(text, "public PDF")
    _, svgs = export(
        run_algorithm,
        tmp_path / "svg",
        small_sectors(),
        AUDIENCE="public",
        FORMAT="svg",
        ATLAS=False,
        **settings,
    )
    svg_text = " ".join(text for text, _, _ in svg_texts(svgs[0]))
    assert "In an emergency call 911." in svg_text
    assert_no_danish(svg_text, "public SVG")
    assert_no_112(Path(svgs[0]).read_text(encoding="utf-8"), "public SVG")
    _, internal = export(
        run_algorithm,
        tmp_path / "internal",
        small_sectors(),
        CRIMES=small_crimes(),
        AUDIENCE="internal",
        **settings,
    )
    text = flat(pdf_text(internal[0]))
    for expected in (
        "INTERNAL",
        "Period: 2026-03-02 – 2026-03-04",
        "Key figures",
        "Neighbouring sectors: S2",
    ):
        assert expected in text, expected
    assert "Violence" in text and "Factor 2 (1 per 2,000)" in text  # the legends
    assert_no_danish(text, "internal PDF")


def test_in_danish_no_english_and_english_first(run_algorithm, tmp_path):
    plan = grid_sectors(
        columns=2, rows=1, sector_name="Område {}", officer="Betjent nr. {}", districts=("Vest", "Øst")
    )
    _, files = export(run_algorithm, tmp_path / "da", plan, AUDIENCE="public", LANGUAGE="da")
    text = flat(pdf_text(files[0]))
    assert "Ved akut behov ring 112." in text and "Nærpoliti – sektorer og betjente" in text
    words_absent(text, ENGLISH_WORDS, "Danish PDF")
    _, files = export(run_algorithm, tmp_path / "en+da", small_sectors(), AUDIENCE="public", LANGUAGE="en+da")
    text = flat(pdf_text(files[0]))
    assert "In an emergency call 112. Ved akut behov ring 112." in text
    assert "Sector / Sektor" in text and "Officer to be announced / Betjent følger" in text


def test_a_wrong_emergency_number_is_a_clear_error(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match="EMERGENCY_NUMBER 'ring 112' is not a number to call"):
        run_algorithm(
            "ypo:exportsectormaps",
            {"SECTORS": small_sectors(), "EMERGENCY_NUMBER": "ring 112", "OUTPUT_FOLDER": str(tmp_path)},
        )
    assert not list(tmp_path.iterdir())


def test_in_english_through_qgis_process(qgis_process, sample, tmp_path):
    result = qgis_process.run(
        "ypo:exportsectormaps",
        SECTORS=sample["sectors"],
        AUDIENCE="public",
        FORMAT="svg",
        ATLAS="false",
        LANGUAGE="en",
        EMERGENCY_NUMBER="911",
        DPI=50,
        OUTPUT_FOLDER=str(tmp_path),
    )
    (path,) = result["results"]["FILES"].split(";")
    svg = Path(path).read_text(encoding="utf-8")
    assert "In an emergency call 911." in svg
    assert_no_112(svg, "SVG")
    assert_no_danish(" ".join(text for text, _, _ in svg_texts(path)), "SVG")


def test_missing_officers_are_named_in_the_outputs_language(run_algorithm, tmp_path):
    from qgis.core import QgsProcessingFeedback

    warnings = []

    class Feedback(QgsProcessingFeedback):
        def pushWarning(self, warning):
            warnings.append(warning)

    for layer, language in ((small_sectors(officers=False), "en"), (small_sectors(), "da")):
        run_algorithm(
            "ypo:exportsectormaps",
            {
                "SECTORS": layer,
                "LANGUAGE": language,
                "ATLAS": False,
                "OUTPUT_FOLDER": str(tmp_path / language),
            },
            Feedback(),
        )
    assert (
        "SECTORS has no field officer_name, officer_phone, officer_email: shown as 'Officer to be announced' "
        "or '–'. Add the officers' contact details (e.g. with the Field calculator) before publishing."
    ) in warnings
    assert "1 sectors have no officer_name: shown as 'Betjent følger'." in warnings  # S3
