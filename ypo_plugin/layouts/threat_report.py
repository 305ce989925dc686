"""The quarterly threat assessment's PDF for the station management (A4 portrait, built in code):
a summary page, then a page per sector with its figures and monthly series chart."""

import math
import tempfile

from qgis.core import QgsLayoutItemPage, QgsPrintLayout, QgsProject

from ..core.progress import raise_if_cancelled
from ..core.threat_assessment import ThreatResult, period_span
from ..core.threat_report import CHART_BOX_MM, sector_lines, summary_sections, write_monthly_charts
from ..i18n import translated
from .page_items import add_label, add_picture
from .print_layouts import DEFAULT_DPI, PdfBook

TITLE = "Quarterly threat assessment"
MARGIN_MM = 15.0
WIDTH_MM = 180.0
LINE_MM = 4.3  # a 9 pt line
CHARACTERS_PER_LINE = 105  # of 9 pt text across WIDTH_MM, to foresee wrapped lines


def _page(project) -> QgsPrintLayout:
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Orientation.Portrait)
    return layout


def _heading(layout, title, result: ThreatResult) -> None:
    add_label(layout, title, (MARGIN_MM, MARGIN_MM), (WIDTH_MM, 10.0), 16, bold=True)
    add_label(
        layout,
        f"Quarter {period_span(result.quarter)}, compared with {period_span(result.compare)}. Counts read "
        "before → now; p is the exact conditional test of the change (significant below 0.05). "
        "INTERNAL.",
        (MARGIN_MM, MARGIN_MM + 11.0),
        (WIDTH_MM, 10.0),
        8.5,
    )


def _add_sections(layout, sections, top) -> None:
    """Each (heading, lines) section below the last, the heading in bold."""
    for heading, lines in sections:
        heading, lines = translated(heading), [translated(line) for line in lines]
        add_label(layout, heading, (MARGIN_MM, top), (WIDTH_MM, 6.0), 11, bold=True)
        top += 6.5
        rows = sum(max(1, math.ceil(len(line) / CHARACTERS_PER_LINE)) for line in lines)
        add_label(layout, "\n".join(lines), (MARGIN_MM, top), (WIDTH_MM, rows * LINE_MM + 1.0), 9)
        top += rows * LINE_MM + 4.0


def write_threat_report(path, result: ThreatResult, gang_known: bool, is_cancelled) -> None:
    """Write the report to ``path`` (PDF): 1 + one page per sector."""
    project = QgsProject()  # private: the user's project is left alone
    book = PdfBook(path, TITLE, DEFAULT_DPI)
    with tempfile.TemporaryDirectory() as folder:
        charts = write_monthly_charts(result, folder, is_cancelled)
        try:
            layout = _page(project)
            _heading(layout, TITLE, result)
            _add_sections(layout, summary_sections(result, gang_known), MARGIN_MM + 24.0)
            book.add_page(layout)
            sectors = result.table[result.table["area_kind"] == "sector"]
            for _, row in sectors.iterrows():
                raise_if_cancelled(is_cancelled)
                layout = _page(project)
                _heading(layout, f"Sector {row['area_id']}", result)
                add_label(
                    layout,
                    "\n".join(map(translated, sector_lines(row, gang_known))),
                    (MARGIN_MM, 42.0),
                    (WIDTH_MM, 45.0),
                    9.5,
                )
                add_picture(layout, charts[row["area_id"]], (MARGIN_MM, 92.0), CHART_BOX_MM)
                book.add_page(layout)
        finally:
            book.close()
