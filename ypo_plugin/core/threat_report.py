"""What the quarterly threat assessment's report says: the summary page's sections (significant
increases and decreases, gang-related incidents, exposed areas), each sector's figures in words,
and each sector's monthly series chart (matplotlib, Agg; deterministic SVG)."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np

from .crime_charts import file_stems
from .crime_types import CRIME_TYPES
from .progress import CancelCheck, never_cancelled, raise_if_cancelled
from .threat_assessment import DEFAULT_SETTINGS, STATION, ThreatResult, period_span

MAX_LISTED = 8
CHART_BOX_MM = (180.0, 80.0)
KIND_NAMES = {"sector": "Sector", "exposed_area": "Exposed area", STATION: "Station"}
_RC = {
    "svg.hashsalt": "ypo-sector-planning",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 8,
    "axes.titlesize": 9,
}
_METADATA = {"Date": None, "Creator": None}
BEFORE_COLOUR, NOW_COLOUR = "#9aa5b1", "#c0392b"


def change_text(row) -> str:
    """``+52 %``, or ``new`` when there were none before (the change has no per cent then)."""
    if math.isnan(row["change_pct"]):
        return "new" if row["incidents_now"] else "none in either period"
    return f"{row['change_pct']:+.0f} %"


def p_text(p_value: float) -> str:
    """``p = 0.012``, or ``p < 0.001``."""
    return "p < 0.001" if p_value < 0.001 else f"p = {p_value:.3f}"


def area_name(row) -> str:
    """``Sector NE-02``, ``Exposed area Tingbjerg`` or ``Station``."""
    kind = KIND_NAMES[row["area_kind"]]
    return kind if row["area_kind"] == STATION else f"{kind} {row['area_id']}"


def _area_line(row, gang_known: bool) -> str:
    line = (
        f"{area_name(row)}: {row['incidents_before']} → "
        f"{row['incidents_now']} ({change_text(row)}, {p_text(row['p_value'])})"
    )
    if gang_known:
        line += f"; gang-related {row['gang_before']} → {row['gang_now']}"
    return line


def _listed(lines: list[str], empty: str) -> list[str]:
    if not lines:
        return [empty]
    more = len(lines) - MAX_LISTED
    return lines[:MAX_LISTED] + ([f"… and {more} more (see the table)"] if more > 0 else [])


def summary_sections(result: ThreatResult, gang_known: bool) -> list[tuple[str, list[str]]]:
    """The summary page: (heading, lines) for the station, the significant increases and
    decreases (sectors and exposed areas, smallest p first), gang-related incidents and the
    exposed areas. Counts read "before → now"."""
    table = result.table
    station = table[table["area_kind"] == STATION].iloc[0]
    areas = table[table["area_kind"] != STATION].sort_values("p_value", kind="stable")
    significant = areas[areas["significant"]]
    rising = significant["incidents_now"] / result.quarter.days() > (
        significant["incidents_before"] / result.compare.days()
    )
    sections = [
        (
            "Station",
            [
                _area_line(station, gang_known),
                f"Population {station['population']:,.0f}; {result.outside} incidents of the two "
                "periods lie in no sector.",
            ],
        ),
        (
            "Significant increases (p < 0.05)",
            _listed([_area_line(row, gang_known) for _, row in significant[rising].iterrows()], "None."),
        ),
        (
            "Significant decreases (p < 0.05)",
            _listed([_area_line(row, gang_known) for _, row in significant[~rising].iterrows()], "None."),
        ),
    ]
    if gang_known:
        with_gang = areas[(areas["gang_now"] > 0) | (areas["gang_before"] > 0)]
        gang_lines = [f"Station: {station['gang_before']} → {station['gang_now']}"] + [
            f"{area_name(row)}: {row['gang_before']} → {row['gang_now']}"
            for _, row in with_gang.sort_values("gang_now", ascending=False, kind="stable").iterrows()
        ]
    else:
        gang_lines = ["Not assessed: no gang field was given (GANG_FIELD)."]
    sections.append(("Gang-related incidents", _listed(gang_lines, "None.")))
    exposed = table[table["area_kind"] == "exposed_area"]
    sections.append(
        (
            "Particularly exposed housing areas",
            _listed(
                [
                    _area_line(row, gang_known) + f"; population {row['population']:,.0f}"
                    for _, row in exposed.iterrows()
                ],
                "None given (EXPOSED_AREAS).",
            ),
        )
    )
    return sections


def sector_lines(row, gang_known: bool) -> list[str]:
    """One sector's figures in words, counts read "before → now"."""
    lines = [
        f"Population {row['population']:,.0f}",
        f"Incidents {row['incidents_before']} → {row['incidents_now']} ({change_text(row)}, "
        f"{p_text(row['p_value'])}" + (", significant)" if row["significant"] else ")"),
        "By type: "
        + ", ".join(f"{name} {row[f'{name}_before']} → {row[f'{name}_now']}" for name in CRIME_TYPES),
    ]
    if gang_known:
        lines.append(f"Gang-related {row['gang_before']} → {row['gang_now']}")
    lines.append(
        f"Busiest {DEFAULT_SETTINGS.cell_size:g} m cells of the quarter (x, y: incidents): "
        + (row["busiest_cells"] or "none")
    )
    return lines


def write_monthly_charts(
    result: ThreatResult, folder: str | Path, is_cancelled: CancelCheck = never_cancelled
) -> dict:
    """Each sector's incidents per month (comparison months grey, the quarter's red) as an SVG
    of :data:`CHART_BOX_MM` in ``folder``; ``{sector_id: path}``."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Unable to import Axes3D")
        import matplotlib
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
        from matplotlib.ticker import MaxNLocator
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    monthly = result.monthly
    months = [column for column in monthly.columns if column != "sector_id"]
    first_month = str(np.datetime64(result.quarter.start, "M"))
    colours = [NOW_COLOUR if month >= first_month else BEFORE_COLOUR for month in months]
    ids = list(monthly["sector_id"])
    written = {}
    with matplotlib.rc_context(_RC):
        for (_, row), sector_id, stem in zip(monthly.iterrows(), ids, file_stems(ids), strict=True):
            raise_if_cancelled(is_cancelled)
            counts = row[months].to_numpy(dtype=float)
            figure = Figure(figsize=(CHART_BOX_MM[0] / 25.4, CHART_BOX_MM[1] / 25.4))
            axes = figure.add_axes([0.07, 0.14, 0.9, 0.74])
            bars = axes.bar(range(len(months)), counts, color=colours, width=0.7)
            axes.bar_label(bars, labels=[f"{int(c)}" for c in counts], padding=2)
            axes.set_xticks(range(len(months)), months)
            axes.set_ylim(0, max(float(counts.max(initial=0)), 1.0) * 1.2)
            axes.set_ylabel("Incidents")
            axes.yaxis.set_major_locator(MaxNLocator(integer=True))
            axes.spines[["top", "right"]].set_visible(False)
            axes.set_title(
                f"Incidents per month: comparison {period_span(result.compare)} (grey), "
                f"quarter {period_span(result.quarter)} (red)",
                loc="left",
            )
            FigureCanvasAgg(figure)
            path = folder / f"{stem}_monthly.svg"
            figure.savefig(path, format="svg", metadata=_METADATA)
            written[sector_id] = str(path)
    return written
