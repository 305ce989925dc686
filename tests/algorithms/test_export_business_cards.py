"""ypo:exportbusinesscards — the PDF read back: pages, words, nothing internal, and every QR decoded."""

import re
import subprocess

import pytest
from qgis.core import QgsProcessingException

from tests.algorithms.publication_data import (
    assert_no_112,
    assert_nothing_internal,
    grid_sectors,
    pdf_pages,
    pdf_text,
    small_sectors,
    write_gpkg,
)


def decoded_qr_codes(pdf, folder) -> list[str]:
    """The text of every QR code on the PDF's pages, read by zbar from 300 dpi renderings."""
    subprocess.run(["pdftoppm", "-r", "300", "-png", str(pdf), str(folder / "page")], check=True)
    found = []
    for page in sorted(folder.glob("page*.png")):
        result = subprocess.run(
            ["zbarimg", "--quiet", "--xml", "-Sdisable", "-Sqrcode.enable", "--nodbus", str(page)],
            capture_output=True,
        )  # bytes: the vCards' CRLF line ends stay as they are
        found += [
            data.decode("utf-8")
            for data in re.findall(rb"<data><!\[CDATA\[(.*?)\]\]></data>", result.stdout, re.S)
        ]
    return found


def test_cards_of_three_sectors_with_vcards(run_algorithm, tmp_path):
    output = tmp_path / "cards.pdf"
    results, _ = run_algorithm("ypo:exportbusinesscards", {"SECTORS": small_sectors(), "OUTPUT": str(output)})
    assert (results["CARD_COUNT"], results["PAGE_COUNT"]) == (2, 1)  # S3 has no officer
    assert pdf_pages(output) == 1
    text = " ".join(pdf_text(output).split())
    for words in ("Anna Holm", "Bo Berg", "Sector one", "+45 1111 0001", "bo@politi.dk", "112"):
        assert words in text
    assert_nothing_internal(text, "business cards")
    assert_nothing_internal(output.read_bytes().decode("latin-1"), "business cards' file")
    codes = decoded_qr_codes(output, tmp_path)
    assert sorted(codes) == sorted(
        [
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Holm;Anna;;;\r\nFN:Anna Holm\r\nORG:Politiet / Police\r\n"
            "TITLE:Din nærpolitibetjent / Your local police officer\r\nTEL;TYPE=WORK,VOICE:+45 1111 0001\r\n"
            "EMAIL;TYPE=INTERNET:anna@politi.dk\r\nEND:VCARD",
            "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Berg;Bo;;;\r\nFN:Bo Berg\r\nORG:Politiet / Police\r\n"
            "TITLE:Din nærpolitibetjent / Your local police officer\r\nTEL;TYPE=WORK,VOICE:+45 1111 0002\r\n"
            "EMAIL;TYPE=INTERNET:bo@politi.dk\r\nEND:VCARD",
        ]
    )


def test_twelve_cards_on_two_sheets_with_web_map_links(qgis_process, tmp_path):
    sectors = write_gpkg(grid_sectors(columns=4, rows=3), tmp_path / "plan.gpkg")
    output = tmp_path / "cards.pdf"
    results = qgis_process.run(
        "ypo:exportbusinesscards",
        SECTORS=sectors,
        WEB_MAP_URL="https://politi.example/sektorer.html",
        LANGUAGE="en",
        EMERGENCY_NUMBER="911",
        OUTPUT=str(output),
    )["results"]
    assert (int(results["CARD_COUNT"]), int(results["PAGE_COUNT"])) == (12, 2)
    assert pdf_pages(output) == 2
    codes = decoded_qr_codes(output, tmp_path)
    assert sorted(codes) == sorted(f"https://politi.example/sektorer.html#S-{n:02d}" for n in range(1, 13))
    text = pdf_text(output)
    assert "In an emergency call 911." in " ".join(text.split())
    assert_no_112(text, "English business cards")


def test_a_web_map_address_must_be_one(run_algorithm, tmp_path):
    with pytest.raises(QgsProcessingException, match="WEB_MAP_URL 'politi.dk' is not a web address"):
        run_algorithm(
            "ypo:exportbusinesscards",
            {"SECTORS": small_sectors(), "WEB_MAP_URL": "politi.dk", "OUTPUT": str(tmp_path / "x.pdf")},
        )
