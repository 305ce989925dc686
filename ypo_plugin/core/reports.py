"""Readable summaries of results: the plain-text table for the log and the HTML page for the
results viewer of Compute sector manning, its totals, and the closing lines of a split.

The summaries are assembled from messages (:func:`.messages.tr`); ``translate`` (the QGIS layer's
``ypo_plugin.i18n.translated``) shows each in the user's language before they are joined."""

from __future__ import annotations

import html
import math
from collections.abc import Callable

from .messages import tr


def summary_rows(result):
    """The summary table's rows: sector id, population, crimes, need, factor, officers."""
    table = result.sectors
    for row in table.itertuples(index=False):
        need = "" if math.isnan(row.need_score) else f"{row.need_score:.1f}"
        yield (
            str(row.sector_id),
            f"{row.population:,.0f}",
            f"{row.area_km2:.2f}",
            f"{row.crimes_total:,}",
            f"{row.crimes_per_1000:.1f}" if not math.isnan(row.crimes_per_1000) else "",
            f"{row.exposed_share:.0%}",
            need,
            str(row.factor),
            str(row.officers_required),
            str(row.officers_allocated),
        )


def summary_header() -> tuple[str, ...]:
    """The summary table's column headings."""
    return (
        tr("sector"),
        tr("population"),
        tr("km²"),
        tr("crimes"),
        tr("per 1,000"),
        tr("exposed"),
        tr("need"),
        tr("factor"),
        tr("required"),
        tr("allocated"),
    )


def summary_text(result, totals, translate: Callable[[str], str] = str) -> str:
    """A plain-text table of the sectors and the totals, for the log."""
    header = tuple(translate(heading) for heading in summary_header())
    rows = [header, *summary_rows(result)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.rjust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    lines.append("")
    lines += [
        f"{name}: {value:,.0f}" if isinstance(value, float) else f"{name}: {value}"
        for name, value in totals.items()
    ]
    return "\n".join(lines)


def summary_html(result, totals, id_field, translate: Callable[[str], str] = str) -> str:
    """A readable HTML page of the sectors, totals and warnings, for the results viewer."""

    def escape(text: str) -> str:
        return html.escape(translate(text))

    title, totals_heading, warnings_heading = (
        escape(tr("Sector manning")),
        escape(tr("Totals")),
        escape(tr("Warnings")),
    )
    head = "".join(f"<th>{escape(h)}</th>" for h in summary_header())
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in summary_rows(result)
    )
    total_rows = "".join(
        f"<tr><th>{escape(name)}</th><td>{value:,.0f}</td></tr>" for name, value in totals.items()
    )
    warnings = "".join(f"<li>{escape(w)}</li>" for w in result.warnings)
    introduction = tr(
        "{count} sectors (id field {id_field}); factor 1 = 1 officer per 1,000 "
        "inhabitants … factor 5 = 1 per 5,000.",
        count=len(result.sectors),
        id_field=id_field,
    )
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>"
        "<style>body{font-family:sans-serif}table{border-collapse:collapse}"
        "td,th{border:1px solid #bbb;padding:2px 6px;text-align:right}</style></head><body>"
        f"<h1>{title}</h1><p>{escape(introduction)}</p>"
        f"<table><tr>{head}</tr>{body}</table><h2>{totals_heading}</h2><table>{total_rows}</table>"
        + (f"<h2>{warnings_heading}</h2><ul>{warnings}</ul>" if warnings else "")
        + "</body></html>"
    )


def manning_totals(result) -> dict:
    """The totals of a manning result, by the names Compute sector manning gives them as results
    (and the summaries show)."""
    return {
        "CRIMES_OUTSIDE": int(result.crimes_outside),
        "CRIMES_IN_PERIOD": int(result.crimes_in_period),
        "POPULATION_OUTSIDE": float(result.population_outside),
        "OFFICERS_REQUIRED_TOTAL": result.officers_required_total,
        "OFFICERS_ALLOCATED_TOTAL": result.officers_allocated_total,
    }


def split_summary(plan, noncontiguous: int) -> list[str]:
    """The closing lines of a split's log: its sectors, largest workload deviation, ``noncontiguous``
    sectors and run time, and (with an existing plan) the share of population keeping its sector."""
    split = plan.split
    lines = [
        tr(
            "{sectors} sectors; largest workload deviation {deviation:.2f}%; {noncontiguous} non-contiguous; "
            "split in {seconds:.1f} s.",
            sectors=len(plan.sectors),
            deviation=split.max_deviation_pct,
            noncontiguous=noncontiguous,
            seconds=split.seconds,
        )
    ]
    if split.kept_share is not None:
        lines.append(tr("{share:.1%} of the population keeps its sector.", share=split.kept_share))
    return lines
