"""What the sector maps print besides the sectors' own fields: key figures joined to the
sectors by id, and the period of the incidents."""

from __future__ import annotations

import numpy as np

from .crime_types import Period, period_label
from .lazy import lazy_module

pd = lazy_module("pandas")


def join_figures(frame, source_frame, names) -> None:
    """Add the numeric columns ``names`` of ``source_frame`` to ``frame``, matched by ``sector_id``
    (ids compared as trimmed text); NaN where a sector or a column has none."""
    by_id = source_frame.assign(_key=[str(v).strip() for v in source_frame["sector_id"]]).set_index("_key")
    for name in names:
        values = by_id[name] if name in by_id.columns else pd.Series(np.nan, index=by_id.index)
        frame[name] = pd.to_numeric(values.reindex(frame["sector_id"]).to_numpy(), errors="coerce")


def dates_span_text(datetimes: np.ndarray) -> str:
    """``2026-07-01 – 2026-09-30``: the first and last date among ``datetimes`` (NaT left out);
    empty when none has a date."""
    dated = datetimes[~np.isnat(datetimes)]
    if not len(dated):
        return ""
    return f"{pd.Timestamp(dated.min()):%Y-%m-%d} – {pd.Timestamp(dated.max()):%Y-%m-%d}"


def period_on_pages(period: Period, datetimes: np.ndarray | None = None) -> str:
    """The period printed on internal pages: its label when it is bounded, else the span of the
    incidents' ``datetimes`` (:func:`dates_span_text`; empty without incidents)."""
    if not period.is_open:
        return period_label(period)
    return dates_span_text(datetimes) if datetimes is not None else ""
