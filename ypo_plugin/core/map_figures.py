"""What the sector maps print besides the sectors' own fields: key figures joined to the
sectors by id, and the span of the incident dates."""

from __future__ import annotations

import numpy as np

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
