"""The crime grid's counts and tables: per cell by type, time band and weekday/weekend, per
sector, per sector × weekday × hour and per sector × place, and the change against a
comparison period."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..crime_types import CRIME_TYPE_FIELDS
from ..errors import About, InputError
from ..lazy import lazy_module
from ..messages import tr
from .time_bands import BAND_UNKNOWN, DAY_KINDS, TIME_BANDS, TimeParts

pd = lazy_module("pandas")

COMPARE_FIELDS: tuple[str, ...] = ("compare_total", "change", "change_pct")
CELL_FIELDS: tuple[str, ...] = (
    "sector_id",
    "cell_id",
    "crimes_total",
    *CRIME_TYPE_FIELDS,
    *TIME_BANDS,
    BAND_UNKNOWN,
    *DAY_KINDS,
)
"""Fields of the cell output; :data:`COMPARE_FIELDS` follow with a comparison period."""
SECTOR_FIELDS: tuple[str, ...] = ("sector_id", "cells", "crimes_total", *CRIME_TYPE_FIELDS, BAND_UNKNOWN)
TIME_TABLE_FIELDS: tuple[str, ...] = ("sector_id", "weekday", "hour", "crimes")
PLACE_FIELDS: tuple[str, ...] = ("sector_id", "place", "crimes")


def cell_counts(cell: np.ndarray, type_code: np.ndarray, times: TimeParts, n_cells: int) -> pd.DataFrame:
    """Per cell (``cell`` = each incident's cell index, −1: not counted): crimes_total, crimes by type,
    by time band, band_unknown and weekday/weekend."""
    inside = cell >= 0
    table = pd.DataFrame({"crimes_total": np.bincount(cell[inside], minlength=n_cells)})
    typed = inside & (type_code >= 0)
    per_type = np.bincount(cell[typed] * 6 + type_code[typed], minlength=n_cells * 6).reshape(n_cells, 6)
    for j, name in enumerate(CRIME_TYPE_FIELDS):
        table[name] = per_type[:, j]
    timed = inside & (times.band >= 0)
    per_band = np.bincount(cell[timed] * 3 + times.band[timed], minlength=n_cells * 3).reshape(n_cells, 3)
    for j, name in enumerate(TIME_BANDS):
        table[name] = per_band[:, j]
    table[BAND_UNKNOWN] = np.bincount(cell[inside & (times.band < 0)], minlength=n_cells)
    dated = inside & (times.day >= 0)
    weekend = (times.day[dated] >= 5).astype(np.int64)
    per_day_kind = np.bincount(cell[dated] * 2 + weekend, minlength=n_cells * 2).reshape(n_cells, 2)
    for j, name in enumerate(DAY_KINDS):
        table[name] = per_day_kind[:, j]
    return table.astype(np.int64)


def sector_counts(
    ids: np.ndarray, cell_sector: np.ndarray, sector: np.ndarray, type_code: np.ndarray, times: TimeParts
) -> pd.DataFrame:
    """Per sector: its number of cells (``cell_sector`` = each cell's sector), crimes_total, crimes by
    type and band_unknown of the incidents in ``sector`` (each incident's sector, −1: not counted)."""
    n = len(ids)
    table = pd.DataFrame({"sector_id": ids, "cells": np.bincount(cell_sector, minlength=n)})
    table["crimes_total"] = np.bincount(sector[sector >= 0], minlength=n)
    for j, name in enumerate(CRIME_TYPE_FIELDS):
        keep = (sector >= 0) & (type_code == j)
        table[name] = np.bincount(sector[keep], minlength=n)
    no_time = (sector >= 0) & (times.band < 0)
    table[BAND_UNKNOWN] = np.bincount(sector[no_time], minlength=n)
    return table


def add_change(table: pd.DataFrame, compare: np.ndarray) -> None:
    """``compare_total``, ``change`` and ``change_pct`` (NaN without comparison crimes)."""
    table["compare_total"] = compare.astype(np.int64)
    table["change"] = table["crimes_total"].to_numpy() - table["compare_total"].to_numpy()
    with np.errstate(divide="ignore", invalid="ignore"):
        table["change_pct"] = np.where(
            compare > 0, 100.0 * table["change"].to_numpy() / np.maximum(compare, 1), np.nan
        )


def time_table(ids: np.ndarray, sector: np.ndarray, times: TimeParts) -> pd.DataFrame:
    """Every sector × weekday (1 = Monday … 7 = Sunday) × hour, in that order."""
    n = len(ids)
    keep = (sector >= 0) & (times.hour >= 0)
    counts = np.bincount(
        (sector[keep] * 7 + times.day[keep]) * 24 + times.hour[keep], minlength=n * 7 * 24
    ).astype(np.int64)
    return pd.DataFrame(
        {
            "sector_id": np.repeat(ids, 7 * 24),
            "weekday": np.tile(np.repeat(np.arange(1, 8), 24), n).astype(np.int64),
            "hour": np.tile(np.arange(24), n * 7).astype(np.int64),
            "crimes": counts,
        }
    )


def place_table(ids: np.ndarray, sector: np.ndarray, places: Sequence[Any] | None, n: int) -> pd.DataFrame:
    """Every sector × place found among the counted incidents (alphabetical; no place, None, last).

    Places are compared as written (as text); empty text and nulls are "no place".
    """
    keep = sector >= 0
    if places is None:
        values = np.full(int(keep.sum()), None, dtype=object)
    else:
        values = np.asarray(places, dtype=object)
        if len(values) != n:
            raise InputError(tr("The incidents need one place value each."), about=About.CRIMES)
        values = values[keep]
    # Distinct values first (fast), then their names: a million incidents, a few dozen places.
    raw_codes, raw_distinct = pd.factorize(pd.Series(values, dtype=object), use_na_sentinel=True)
    raw_names = np.array([None if _blank(v) else str(v) for v in raw_distinct] + [None], dtype=object)
    names = sorted({name for name in raw_names if name is not None})
    code_of_name = {name: j for j, name in enumerate(names)}
    no_place = len(names)
    recode = np.array([code_of_name.get(name, no_place) for name in raw_names], dtype=np.int64)
    codes = recode[raw_codes]  # raw code -1 (null) picks the extra last slot: no place
    n_places = no_place + 1
    counts = np.bincount(sector[keep] * n_places + codes, minlength=len(ids) * n_places).astype(np.int64)
    table = pd.DataFrame(
        {
            "sector_id": np.repeat(ids, n_places),
            "place": np.tile(np.array(names + [None], dtype=object), len(ids)),
            "crimes": counts,
        }
    )
    if not (codes == no_place).any():  # every incident has a place: no "no place" rows
        table = table[table["place"].notna()]
    return table.reset_index(drop=True)


def _blank(value: Any) -> bool:
    """Null, NaN or empty text."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
