"""What the quarterly threat assessment's report says: the summary page's sections (significant
increases and decreases, gang-related incidents, exposed areas), each sector's figures in words,
and each sector's monthly series chart (matplotlib, Agg; deterministic SVG)."""

from __future__ import annotations

import math
import warnings
from pathlib import Path

import numpy as np

from .crime_charts import CHART_STYLE, SVG_METADATA, file_stems
from .crime_types import CRIME_TYPES
from .messages import tr
from .progress import CancelCheck, never_cancelled, raise_if_cancelled
from .threat_assessment import DEFAULT_SETTINGS, STATION, ThreatResult, period_span

MAX_LISTED = 8
CHART_BOX_MM = (180.0, 80.0)
_RC = {**CHART_STYLE, "font.size": 8, "axes.titlesize": 9}
BEFORE_COLOUR, NOW_COLOUR = "#9aa5b1", "#c0392b"


def change_text(row) -> str:
    """``+52 %``, or ``new`` when there were none before (the change has no per cent then)."""
    if math.isnan(row["change_pct"]):
        return tr("new") if row["incidents_now"] else tr("none in either period")
    return f"{row['change_pct']:+.0f} %"


def p_text(p_value: float) -> str:
    """``p = 0.012``, or ``p < 0.001``."""
    if p_value < 0.001:
        return tr("p < {limit:.3f}", limit=0.001)
    return tr("p = {p:.3f}", p=p_value)


def area_name(row) -> str:
    """``Sector NE-02``, ``Exposed area Tingbjerg`` or ``Station``."""
    if row["area_kind"] == STATION:
        return tr("Station")
    if row["area_kind"] == "exposed_area":
        return tr("Exposed area {area}", area=row["area_id"])
    return tr("Sector {area}", area=row["area_id"])


def _area_line(row, gang_known: bool, population: bool = False) -> str:
    """An area's counts "before → now" (and its gang-related counts, and its ``population``)."""
    values = {
        "area": area_name(row),
        "before": row["incidents_before"],
        "now": row["incidents_now"],
        "change": change_text(row),
        "p": p_text(row["p_value"]),
    }
    gang = {"gang_before": row["gang_before"], "gang_now": row["gang_now"]} if gang_known else {}
    if gang_known and population:
        return tr(
            "{area}: {before} → {now} ({change}, {p}); gang-related {gang_before} → {gang_now}; "
            "population {population:,.0f}",
            population=row["population"],
            **values,
            **gang,
        )
    if gang_known:
        return tr(
            "{area}: {before} → {now} ({change}, {p}); gang-related {gang_before} → {gang_now}",
            **values,
            **gang,
        )
    if population:
        return tr(
            "{area}: {before} → {now} ({change}, {p}); population {population:,.0f}",
            population=row["population"],
            **values,
        )
    return tr("{area}: {before} → {now} ({change}, {p})", **values)


def _listed(lines: list[str], empty: str) -> list[str]:
    if not lines:
        return [empty]
    more = len(lines) - MAX_LISTED
    return lines[:MAX_LISTED] + ([tr("… and {count} more (see the table)", count=more)] if more > 0 else [])


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
            tr("Station"),
            [
                _area_line(station, gang_known),
                tr(
                    "Population {population:,.0f}; {outside} incidents of the two periods lie in no sector.",
                    population=station["population"],
                    outside=result.outside,
                ),
            ],
        ),
        (
            tr("Significant increases (p < 0.05)"),
            _listed([_area_line(row, gang_known) for _, row in significant[rising].iterrows()], tr("None.")),
        ),
        (
            tr("Significant decreases (p < 0.05)"),
            _listed([_area_line(row, gang_known) for _, row in significant[~rising].iterrows()], tr("None.")),
        ),
    ]
    if gang_known:
        with_gang = areas[(areas["gang_now"] > 0) | (areas["gang_before"] > 0)]
        gang_lines = [
            tr(
                "{area}: {before} → {now}",
                area=area_name(row),
                before=row["gang_before"],
                now=row["gang_now"],
            )
            for row in [
                station,
                *(
                    row
                    for _, row in with_gang.sort_values("gang_now", ascending=False, kind="stable").iterrows()
                ),
            ]
        ]
    else:
        gang_lines = [tr("Not assessed: no gang field was given (GANG_FIELD).")]
    sections.append((tr("Gang-related incidents"), _listed(gang_lines, tr("None."))))
    exposed = table[table["area_kind"] == "exposed_area"]
    sections.append(
        (
            tr("Particularly exposed housing areas"),
            _listed(
                [_area_line(row, gang_known, population=True) for _, row in exposed.iterrows()],
                tr("None given (EXPOSED_AREAS)."),
            ),
        )
    )
    return sections


def sector_lines(row, gang_known: bool) -> list[str]:
    """One sector's figures in words, counts read "before → now"."""
    counts = {
        "before": row["incidents_before"],
        "now": row["incidents_now"],
        "change": change_text(row),
        "p": p_text(row["p_value"]),
    }
    if row["significant"]:
        incidents = tr("Incidents {before} → {now} ({change}, {p}, significant)", **counts)
    else:
        incidents = tr("Incidents {before} → {now} ({change}, {p})", **counts)
    lines = [
        tr("Population {population:,.0f}", population=row["population"]),
        incidents,
        tr(
            "By type: {types}",
            types=", ".join(f"{name} {row[f'{name}_before']} → {row[f'{name}_now']}" for name in CRIME_TYPES),
        ),
    ]
    if gang_known:
        lines.append(tr("Gang-related {before} → {now}", before=row["gang_before"], now=row["gang_now"]))
    if row["busiest_cells"]:
        lines.append(
            tr(
                "Busiest {size:g} m cells of the quarter (x, y: incidents): {cells}",
                size=DEFAULT_SETTINGS.cell_size,
                cells=row["busiest_cells"],
            )
        )
    else:
        lines.append(
            tr(
                "Busiest {size:g} m cells of the quarter (x, y: incidents): none",
                size=DEFAULT_SETTINGS.cell_size,
            )
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
            figure.savefig(path, format="svg", metadata=SVG_METADATA)
            written[sector_id] = str(path)
    return written
