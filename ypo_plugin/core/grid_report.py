"""The crime grid's summary for the log: per-sector totals and change, and the accounting of
every incident."""

from __future__ import annotations

import math
from collections.abc import Callable

from .crime_types import period_label
from .messages import tr


def summary_text(result, totals, settings, translate: Callable[[str], str] = str) -> str:
    """Per-sector totals (and change) and the accounting of every incident, for the log; ``translate``
    shows each message in the user's language (the QGIS layer's ``ypo_plugin.i18n.translated``)."""
    table = result.sectors
    compare = "compare_total" in table.columns
    header = [tr("sector"), tr("cells"), tr("crimes")]
    if compare:
        header += [tr("compared"), tr("change"), tr("change %")]
    header = [translate(heading) for heading in header]
    rows = [header]
    for row in table.itertuples(index=False):
        line = [str(row.sector_id), f"{row.cells:,}", f"{row.crimes_total:,}"]
        if compare:
            pct = "" if math.isnan(row.change_pct) else f"{row.change_pct:+.0f}"
            line += [f"{row.compare_total:,}", f"{row.change:+,}", pct]
        rows.append(line)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell.rjust(width) for cell, width in zip(r, widths, strict=True)) for r in rows]
    notes = [tr("Period: {period}", period=period_label(settings.period))]
    if compare:
        notes.append(tr("Comparison period: {period}", period=period_label(settings.compare)))
    notes.append(tr("Incidents read: {count:,}", count=result.crimes_input))
    notes.append(
        tr(
            "In the cells without a time of day (band_unknown): {count:,}",
            count=int(table.band_unknown.sum()),
        )
    )
    lines.append("")
    lines += [translate(note) for note in notes]
    for name in ("CRIMES_IN_PERIOD", "CRIMES_OUTSIDE", "COMPARE_IN_PERIOD", "COMPARE_OUTSIDE"):
        if name in totals:
            lines.append(f"{name}: {totals[name]:,}")
    lines.append(
        translate(
            tr(
                "Cells: {cells:,} (in the cells: {crimes:,} crimes)",
                cells=len(result.cells),
                crimes=int(result.cells.crimes_total.sum()),
            )
        )
    )
    return "\n".join(lines)
