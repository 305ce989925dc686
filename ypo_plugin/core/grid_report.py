"""The crime grid's summary for the log: per-sector totals and change, and the accounting of
every incident."""

from __future__ import annotations

import math

from .crime_types import period_label


def summary_text(result, totals, settings) -> str:
    """Per-sector totals (and change) and the accounting of every incident, for the log."""
    table = result.sectors
    compare = "compare_total" in table.columns
    header = ["sector", "cells", "crimes"] + (["compared", "change", "change %"] if compare else [])
    rows = [header]
    for row in table.itertuples(index=False):
        line = [str(row.sector_id), f"{row.cells:,}", f"{row.crimes_total:,}"]
        if compare:
            pct = "" if math.isnan(row.change_pct) else f"{row.change_pct:+.0f}"
            line += [f"{row.compare_total:,}", f"{row.change:+,}", pct]
        rows.append(line)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell.rjust(width) for cell, width in zip(r, widths, strict=True)) for r in rows]
    lines.append("")
    lines.append(f"Period: {period_label(settings.period)}")
    if compare:
        lines.append(f"Comparison period: {period_label(settings.compare)}")
    lines.append(f"Incidents read: {result.crimes_input:,}")
    lines.append(f"In the cells without a time of day (band_unknown): {int(table.band_unknown.sum()):,}")
    for name in ("CRIMES_IN_PERIOD", "CRIMES_OUTSIDE", "COMPARE_IN_PERIOD", "COMPARE_OUTSIDE"):
        if name in totals:
            lines.append(f"{name}: {totals[name]:,}")
    lines.append(
        f"Cells: {len(result.cells):,} (in the cells: {int(result.cells.crimes_total.sum()):,} crimes)"
    )
    return "\n".join(lines)
