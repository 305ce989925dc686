"""Business cards: positions, crop marks and QR contents, worked out by hand."""

from ypo_plugin.core.business_cards import (
    Card,
    card_position,
    cards_from_sectors,
    crop_marks,
    qr_text,
    sector_link,
    vcard,
)


def test_ten_cards_fill_the_middle_of_an_a4_sheet():
    # 2 × 85 = 170 mm of 210 (20 mm each side), 5 × 55 = 275 mm of 297 (11 mm top and bottom)
    assert card_position(0) == (20.0, 11.0)
    assert card_position(1) == (105.0, 11.0)
    assert card_position(9) == (105.0, 231.0)


def test_crop_marks_sit_in_the_margins_at_every_cut_line():
    marks = crop_marks()
    assert len(marks) == 2 * 3 + 2 * 6  # 3 vertical cut lines, 6 horizontal, each marked at both ends
    assert (20.0, 4.0, 20.0, 9.0) in marks  # above the left edge: 11 − 2 − 5 to 11 − 2
    assert (105.0, 288.0, 105.0, 293.0) in marks  # below the middle cut: 286 + 2 to + 5
    assert (13.0, 66.0, 18.0, 66.0) in marks  # left of the second row's top edge
    assert (192.0, 286.0, 197.0, 286.0) in marks  # right of the bottom edge
    for x1, y1, x2, y2 in marks:  # never on a card
        assert not (20 < (x1 + x2) / 2 < 190 and 11 < (y1 + y2) / 2 < 286)


CARD = Card("NE-02", "Nørrebro 2", "Anna Holm", "+45 1111 0001", "anna@politi.dk")


def test_vcard_by_hand():
    assert vcard(CARD, "Politiet", "Din nærpolitibetjent") == (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Holm;Anna;;;\r\nFN:Anna Holm\r\nORG:Politiet\r\n"
        "TITLE:Din nærpolitibetjent\r\nTEL;TYPE=WORK,VOICE:+45 1111 0001\r\n"
        "EMAIL;TYPE=INTERNET:anna@politi.dk\r\nEND:VCARD"
    )
    odd = Card("S1", "S1", "Bo; Berg, Jr.", None, None)
    assert "FN:Bo\\; Berg\\, Jr.\r\n" in vcard(odd, "Police", "Officer")
    assert "TEL" not in vcard(odd, "Police", "Officer")


def test_a_web_map_address_opens_the_sector():
    assert (
        sector_link("https://politi.example/sektorer.html", "NE-02")
        == "https://politi.example/sektorer.html#NE-02"
    )
    assert sector_link("https://x.example/#old", "Ø 1/2") == "https://x.example/#%C3%98%201%2F2"
    assert qr_text(CARD, "https://x.example/map.html", "Politiet", "x") == "https://x.example/map.html#NE-02"
    assert qr_text(CARD, None, "Politiet", "x").startswith("BEGIN:VCARD")


def test_sectors_without_an_officer_get_no_card():
    cards, without = cards_from_sectors(
        [
            {"sector_id": "S1", "sector_name": "One", "officer_name": "Anna Holm", "officer_phone": "1"},
            {"sector_id": "S2", "sector_name": None, "officer_name": None},
        ]
    )
    assert [card.officer_name for card in cards] == ["Anna Holm"] and without == ["S2"]
