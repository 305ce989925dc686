"""Business cards of the sector officers: what each card says and where it sits on the sheet.

Cards are 85 × 55 mm, ten to an A4 sheet in two columns of five, butted together so that one
cut serves two cards; crop marks in the margins show every cut line. The QR code holds either
the officer's contact as a vCard 3.0, or — when the station publishes its web map — the map's
address with the sector as ``#sector-id``, which opens the page at that sector.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

CARD_MM = (85.0, 55.0)
PAGE_MM = (210.0, 297.0)
COLUMNS, ROWS = 2, 5
CARDS_PER_PAGE = COLUMNS * ROWS
CROP_MARK_MM = 5.0  # length of a crop mark
CROP_GAP_MM = 2.0  # between the card edge and its mark


@dataclass(frozen=True)
class Card:
    """One officer's card (public fields only)."""

    sector_id: str
    sector_name: str
    officer_name: str
    phone: str | None
    email: str | None


def sheet_origin() -> tuple[float, float]:
    """Top-left corner of the block of cards, centred on the page (mm)."""
    return (
        (PAGE_MM[0] - COLUMNS * CARD_MM[0]) / 2,
        (PAGE_MM[1] - ROWS * CARD_MM[1]) / 2,
    )


def card_position(index_on_page: int) -> tuple[float, float]:
    """Top-left corner (mm) of the card ``index_on_page`` (0–9, row by row)."""
    left, top = sheet_origin()
    row, column = divmod(index_on_page, COLUMNS)
    return left + column * CARD_MM[0], top + row * CARD_MM[1]


def crop_marks() -> list[tuple[float, float, float, float]]:
    """Lines (x1, y1, x2, y2 in mm) in the margins at every cut line of a full sheet."""
    left, top = sheet_origin()
    right, bottom = left + COLUMNS * CARD_MM[0], top + ROWS * CARD_MM[1]
    marks = []
    for column in range(COLUMNS + 1):
        x = left + column * CARD_MM[0]
        marks.append((x, top - CROP_GAP_MM - CROP_MARK_MM, x, top - CROP_GAP_MM))
        marks.append((x, bottom + CROP_GAP_MM, x, bottom + CROP_GAP_MM + CROP_MARK_MM))
    for row in range(ROWS + 1):
        y = top + row * CARD_MM[1]
        marks.append((left - CROP_GAP_MM - CROP_MARK_MM, y, left - CROP_GAP_MM, y))
        marks.append((right + CROP_GAP_MM, y, right + CROP_GAP_MM + CROP_MARK_MM, y))
    return marks


def cards_from_sectors(rows: list[dict]) -> tuple[list[Card], list[str]]:
    """A card per sector with an officer, in the given order; the sectors without one are named."""
    cards, without = [], []
    for row in rows:
        if not row.get("officer_name"):
            without.append(row["sector_id"])
            continue
        cards.append(
            Card(
                row["sector_id"],
                row.get("sector_name") or row["sector_id"],
                row["officer_name"],
                row.get("officer_phone"),
                row.get("officer_email"),
            )
        )
    return cards, without


def _vcard_text(value: str) -> str:
    """A vCard 3.0 text value: backslash, comma, semicolon and line breaks escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def vcard(card: Card, organisation: str, title: str) -> str:
    """The officer's contact as a vCard 3.0 (lines joined with CRLF, as the format wants)."""
    parts = card.officer_name.rsplit(" ", 1)
    family, given = (parts[1], parts[0]) if len(parts) == 2 else (parts[0], "")
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{_vcard_text(family)};{_vcard_text(given)};;;",
        f"FN:{_vcard_text(card.officer_name)}",
        f"ORG:{_vcard_text(organisation)}",
        f"TITLE:{_vcard_text(title)}",
    ]
    if card.phone:
        lines.append(f"TEL;TYPE=WORK,VOICE:{card.phone}")
    if card.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{card.email}")
    lines.append("END:VCARD")
    return "\r\n".join(lines)


def sector_link(web_map_url: str, sector_id: str) -> str:
    """The web map's address opening at ``sector_id``."""
    return f"{web_map_url.split('#', 1)[0]}#{quote(sector_id, safe='')}"


def qr_text(card: Card, web_map_url: str | None, organisation: str, title: str) -> str:
    """What a card's QR code holds: the link to the sector on the public web map when
    ``web_map_url`` is given, otherwise the officer's vCard."""
    return sector_link(web_map_url, card.sector_id) if web_map_url else vcard(card, organisation, title)
