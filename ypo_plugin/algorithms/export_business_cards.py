"""ypo:exportbusinesscards — print-ready business cards of the sector officers, ten to an A4 sheet."""

import math

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
)
from qgis.PyQt.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QPageSize, QPainter, QPdfWriter, QPen

from ..core.business_cards import (
    CARD_MM,
    CARDS_PER_PAGE,
    PAGE_MM,
    Card,
    card_position,
    cards_from_sectors,
    crop_marks,
    qr_text,
)
from ..i18n import tr
from ..inputs.public_texts import add_text_parameters, read_texts, text_help
from ..inputs.qr_input import add_web_map_url_parameter, qr_code, read_web_map_url, require_qr_package
from ..layouts.print_layouts import CREATOR
from .base import YpoAlgorithm
from .export_public_web_map import read_public_sectors

RESOLUTION_DPI = 600
FONT_FAMILY = "DejaVu Sans"
BLUE, RED, INK = QColor(31, 58, 147), QColor(192, 0, 0), QColor(26, 26, 26)
MARGIN_MM = 5.0
QR_MM = 21.0


class ExportBusinessCardsAlgorithm(YpoAlgorithm):
    SECTORS = "SECTORS"
    OUTPUT = "OUTPUT"
    CARD_COUNT = "CARD_COUNT"
    PAGE_COUNT = "PAGE_COUNT"

    def name(self):
        return "exportbusinesscards"

    def displayName(self):
        return tr("Business cards")

    def shortHelpString(self):
        return tr(
            "Writes the sector officers' business cards as a print-ready PDF: 85 × 55 mm cards, ten to "
            "an A4 sheet (two columns of five, butted together) with crop marks in the margins at every "
            "cut line. Each card: 'Your local police officer', the officer's name, the sector, phone, "
            "e-mail, what to call in an emergency, and a QR code — the officer's contact as a vCard, "
            "or, with a web map address, the web map opened at the sector (address#sector-id). One "
            "card per sector with an officer_name, in sector id order; sectors without one are named "
            "in the log.\n\n"
            "Only the public fields are read (sector_id, sector_name, district and the officer "
            "fields); the PDF holds nothing else.\n\n"
            "Parameters:\n"
            "Sectors — the sectors with sector_id and the officer fields (officer_name, officer_phone, "
            "officer_email). Any CRS.\n"
            "Web map address (optional) — the address where the station publishes its web map "
            "(Export public web map), e.g. https://politi.example/sektorer.html.\n"
            "{text_help}"
            "Business cards — the PDF file to write.\n\n"
            "Results: CARD_COUNT and PAGE_COUNT.",
            text_help=text_help(),
        )

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SECTORS, tr("Sectors"), [QgsProcessing.SourceType.TypeVectorPolygon]
            )
        )
        add_web_map_url_parameter(self)
        add_text_parameters(self)
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, tr("Business cards"), tr("PDF files (*.pdf)"))
        )
        self.addOutput(QgsProcessingOutputNumber(self.CARD_COUNT, tr("Cards")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGE_COUNT, tr("Pages")))

    def processAlgorithm(self, parameters, context, feedback):
        require_qr_package(tr("Business cards"))
        texts = read_texts(self, parameters, context)
        url = read_web_map_url(self, parameters, context)
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        _, frame = read_public_sectors(self, parameters, context, feedback, texts=texts)
        cards, without = cards_from_sectors(frame.drop(columns=frame.geometry.name).to_dict("records"))
        if without:
            feedback.pushWarning(
                tr("No card for the sectors without an officer_name: {sectors}.", sectors=", ".join(without))
            )
        if not cards:
            raise QgsProcessingException(
                tr("SECTORS: no sector has an officer_name; add the officers' names before printing cards.")
            )
        pages = _write_cards(path, cards, texts, url, feedback)
        if pages is None:
            return {}
        feedback.pushInfo(
            tr("Wrote {path}: {cards} cards on {pages} pages.", path=path, cards=len(cards), pages=pages)
        )
        return {self.OUTPUT: path, self.CARD_COUNT: len(cards), self.PAGE_COUNT: pages}


def _write_cards(path, cards: list[Card], texts, url, feedback) -> int | None:
    writer = QPdfWriter(path)
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageSize(
        QPageSize(QSizeF(*PAGE_MM), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch)
    )
    writer.setPageMargins(QMarginsF(0, 0, 0, 0))
    writer.setTitle(texts("business_cards"))
    writer.setCreator(CREATOR)
    painter = QPainter()
    if not painter.begin(writer):
        raise QgsProcessingException(tr("Could not write {path}: is the folder writable?", path=path))
    pages = math.ceil(len(cards) / CARDS_PER_PAGE)
    try:
        for number, card in enumerate(cards):
            if feedback.isCanceled():
                return None
            if number and number % CARDS_PER_PAGE == 0:
                writer.newPage()
            if number % CARDS_PER_PAGE == 0:
                _draw_crop_marks(painter)
            _draw_card(painter, card, card_position(number % CARDS_PER_PAGE), texts, url)
            feedback.setProgress(100.0 * (number + 1) / len(cards))
    finally:
        painter.end()
    return pages


def _mm(value: float) -> float:
    return value * RESOLUTION_DPI / 25.4


def _draw_crop_marks(painter: QPainter) -> None:
    painter.setPen(QPen(QColor(0, 0, 0), _mm(0.1)))
    for x1, y1, x2, y2 in crop_marks():
        painter.drawLine(QPointF(_mm(x1), _mm(y1)), QPointF(_mm(x2), _mm(y2)))


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _text(painter, text, left, top, width, height, points, bold=False, colour=INK) -> None:
    painter.setFont(_font(points, bold))
    painter.setPen(colour)
    flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)
    painter.drawText(QRectF(_mm(left), _mm(top), _mm(width), _mm(height)), flags, text)


def _draw_card(painter: QPainter, card: Card, corner: tuple[float, float], texts, url) -> None:
    left, top = corner[0] + MARGIN_MM, corner[1] + MARGIN_MM
    inner = CARD_MM[0] - 2 * MARGIN_MM
    text_width = inner - QR_MM - 2.0
    _text(painter, texts("your_officer"), left, top, inner, 5, 6.5, True, BLUE)
    _text(painter, card.officer_name, left, top + 6, text_width, 7, 11, True)
    _text(painter, f"{texts('sector')}: {card.sector_name}", left, top + 14, text_width, 8, 7)
    contact = f"{texts('phone_short')}: {card.phone or '–'}\n{texts('email')}: {card.email or '–'}"
    _text(painter, contact, left, top + 22, text_width, 12, 7)
    _text(painter, texts("emergency"), left, top + 37, inner, 8, 6.5, True, RED)
    qr = qr_code(qr_text(card, url, texts("police"), texts("your_officer")))
    _draw_qr(painter, qr.matrix, left + inner - QR_MM, top + 8, QR_MM)


def _draw_qr(painter: QPainter, matrix, left: float, top: float, size: float) -> None:
    module = size / len(matrix)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0))
    for row, line in enumerate(matrix):
        column = 0
        while column < len(line):  # one rectangle per run of dark modules
            if not line[column]:
                column += 1
                continue
            start = column
            while column < len(line) and line[column]:
                column += 1
            painter.drawRect(
                QRectF(
                    _mm(left + start * module),
                    _mm(top + row * module),
                    _mm((column - start) * module),
                    _mm(module),
                )
            )
