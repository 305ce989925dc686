"""How the "Sector statistics" dock shows a sector's statistics: its columns, the text of a cell,
how good a cell is (``GOOD``, ``WARN``, ``BAD`` or none) and its tooltip.

Rules of the cell status
    Workload deviation: bad beyond the tolerance, a warning beyond three quarters of it.
    Officers allocated: bad when the sector is under-manned (the rule of
    :func:`.validation.undermanned`). Flags: bad with any flag but ``workload``, a warning with
    that one alone.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from .defaults import CRIME_TYPES
from .lazy import lazy_module
from .messages import tr
from .texts import ENGLISH

# The dock builds its table from COLUMNS when QGIS starts; the logic behind the cells loads
# with the first figures.
sector_stats = lazy_module(".sector_stats", __package__)
sectors = lazy_module(".sectors", __package__)
validation = lazy_module(".validation", __package__)

COLUMNS: tuple[tuple[str, str, int | None], ...] = (
    ("sector_id", tr("Sector"), None),
    ("population", tr("Population"), 0),
    ("crimes_total", tr("Crimes"), 0),
    *((f"crimes_{name}", ENGLISH[name], 0) for name in CRIME_TYPES),  # as printed on the maps
    ("workload_dev_pct", tr("Workload dev. %"), 1),
    ("factor", tr("Factor"), 0),
    ("officers_required", tr("Officers req."), 0),
    ("officers_allocated", tr("Officers alloc."), 0),
    ("polsby_popper", tr("Polsby-Popper"), 2),
    ("flags", tr("Flags"), None),
)
"""(column of the statistics table, header, decimals or None for text)"""

GOOD, WARN, BAD = "good", "warn", "bad"
WARN_SHARE = 0.75
"""A workload deviation beyond this share of the tolerance is a warning."""


def cell_text(value: Any, decimals: int | None) -> str:
    """A cell's text: numbers with thousands separators and ``decimals``, text and ids as
    :func:`.sectors.attribute_text`, flags joined by ', '; empty for a missing value."""
    if decimals is None:
        if isinstance(value, tuple):
            return ", ".join(value)
        text = sectors.attribute_text(value)
        return "" if text is None else text
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if decimals == 0:
        return f"{value:,.0f}"
    return f"{value:,.{decimals}f}"


def cell_status(key: str, record: Mapping[str, Any], tolerance_pct: float, min_officers: int) -> str | None:
    """``GOOD``, ``WARN`` or ``BAD`` for the cell ``key`` of a sector's ``record`` (module rules);
    None for a cell without a status or without the numbers to judge it."""
    if key == "workload_dev_pct":
        deviation = record[key]
        if deviation is None or math.isnan(deviation):
            return None
        if abs(deviation) > tolerance_pct:
            return BAD
        if abs(deviation) > WARN_SHARE * tolerance_pct:
            return WARN
        return GOOD
    if key == "officers_allocated":
        allocated, required = record[key], record["officers_required"]
        if allocated is None or math.isnan(allocated) or math.isnan(required):
            return None
        return BAD if validation.undermanned(allocated, required, min_officers) else GOOD
    if key == "flags":
        flags = set(record[key])
        if flags - {sector_stats.FLAG_WORKLOAD}:
            return BAD
        return WARN if flags else GOOD
    return None


def cell_tooltip(key: str, record: Mapping[str, Any], tolerance_pct: float) -> str:
    """What hovering over the cell ``key`` of a sector's ``record`` says."""
    if key == "workload_dev_pct":
        return f"Workload {record['workload']:,.0f} (tolerance ±{tolerance_pct:g} % of the mean)"
    if key == "flags" and record[key]:
        return "Click to zoom to the problems of this sector"
    if key == "polsby_popper":
        return "Compactness: 1 for a disk, π/4 for a square"
    return ""
