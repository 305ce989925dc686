"""ypo:exportsectormaps — internal and public map sets; nothing internal in any public file."""

import re
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException

from tests.algorithms.publication_data import (
    assert_nothing_internal,
    image_spread,
    pdf_info,
    pdf_pages,
    pdf_text,
    planted_sample,
    png_chunks,
    small_crimes,
    small_sectors,
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
        def pushWarning(self, warning):  # noqa: N802
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
