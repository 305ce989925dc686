"""ypo:exportsectorleaflets — A5 pages read back: a page per sector, words, nothing internal, QR codes."""

import re

import pytest

from tests.algorithms.publication_data import (
    assert_nothing_internal,
    image_spread,
    pdf_info,
    pdf_pages,
    pdf_text,
    small_sectors,
)
from tests.algorithms.test_export_business_cards import decoded_qr_codes
from tests.layers import line, memory_layer

STREETS = [(line((0, 500), (3000, 500)), "Søndre Allé"), (line((1500, 0), (1500, 1000)), "Bygade")]


@pytest.fixture(scope="module")
def leaflets(run_algorithm, tmp_path_factory):
    folder = tmp_path_factory.mktemp("leaflets")
    streets = memory_layer("LineString", ["name:string"], STREETS, name="streets")
    results, _ = run_algorithm(
        "ypo:exportsectorleaflets",
        {
            "SECTORS": small_sectors(),
            "STREETS": streets,
            "WEB_MAP_URL": "https://politi.example/sektorer.html",
            "OUTPUT": str(folder / "leaflets.pdf"),
        },
    )
    return folder, folder / "leaflets.pdf", results


def test_one_a5_page_per_sector(leaflets):
    _, pdf, results = leaflets
    assert results["PAGE_COUNT"] == 3 and pdf_pages(pdf) == 3
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", pdf_info(pdf))
    assert (round(float(size.group(1))), round(float(size.group(2)))) == (420, 595)  # A5: 148 × 210 mm


def test_the_words_and_nothing_internal(leaflets):
    _, pdf, _ = leaflets
    text = " ".join(pdf_text(pdf).split())
    for words in (
        "Sector one",
        "Anna Holm",
        "+45 1111 0002",
        "bo@politi.dk",
        "Betjent følger",
        "Din nærpolitibetjent",
    ):
        assert words in text, words
    assert "Ring 112, når der er fare for liv" in text and "Ellers ring 114." in text
    assert "works with the sector's schools" in text  # the default offer, both languages
    assert_nothing_internal(text, "sector leaflets")
    assert_nothing_internal(pdf.read_bytes().decode("latin-1"), "sector leaflets' file")


def test_each_page_has_its_sectors_qr_code_and_a_map(leaflets):
    folder, pdf, _ = leaflets
    codes = decoded_qr_codes(pdf, folder)
    assert sorted(codes) == [f"https://politi.example/sektorer.html#S{n}" for n in (1, 2, 3)]
    assert all(image_spread(page) > 5 for page in sorted(folder.glob("page*.png")))


def test_an_own_offer_text_in_english(run_algorithm, tmp_path):
    results, _ = run_algorithm(
        "ypo:exportsectorleaflets",
        {
            "SECTORS": small_sectors(),
            "OFFER_TEXT": "Coffee with your officer every Tuesday at the library.",
            "LANGUAGE": "en",
            "EMERGENCY_NUMBER": "911",
            "GENERAL_NUMBER": "311",
            "OUTPUT": str(tmp_path / "en.pdf"),
        },
    )
    text = " ".join(pdf_text(tmp_path / "en.pdf").split())
    assert "Coffee with your officer every Tuesday at the library." in text
    assert "Call 911 when life, health or property is in danger right now. Otherwise call 311." in text
    assert "Betjent" not in text
