"""Compact crime charts sized for the internal sector pages, in the pages' languages.

Per sector ``<stem>_page_hours.svg`` (crimes by hour and weekday, heat map with
the time bands 07–15, 15–23, 23–07 marked) and ``<stem>_page_types.svg``
(crimes by type). Drawn at the size of their box on the A4 page, so their
text is 6.5–8 pt there (and larger on A3). Deterministic: the same counts give
the same bytes (fixed SVG hash salt, no dates in the metadata). The data are
those of :func:`.crime_grid.compute_crime_grid`.
"""

import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .crime_charts import CHART_STYLE, SVG_METADATA, file_stems
from .crime_grid import BAND_UNKNOWN, CrimeGridResult
from .crime_types import CRIME_TYPE_FIELDS, CRIME_TYPES, OTHER
from .progress import CancelCheck, never_cancelled, raise_if_cancelled
from .texts import DEFAULT_TEXTS, PublicTexts

HOURS_BOX_MM = (126.0, 53.0)
TYPES_BOX_MM = (80.0, 50.0)
_RC = {
    **CHART_STYLE,
    "font.size": 6.5,
    "axes.titlesize": 8,
    "axes.linewidth": 0.5,
    "xtick.major.width": 0.5,
    "ytick.major.width": 0.5,
}


def _inches(box_mm: tuple[float, float]) -> tuple[float, float]:
    return box_mm[0] / 25.4, box_mm[1] / 25.4


def hour_matrix(result: CrimeGridResult, sector_id: Any) -> np.ndarray:
    """7 × 24 crimes (Monday first, hour 0 first) of one sector."""
    matrix = np.zeros((7, 24), dtype=np.int64)
    rows = result.time_table[result.time_table["sector_id"] == sector_id]
    np.add.at(matrix, (rows["weekday"].to_numpy() - 1, rows["hour"].to_numpy()), rows["crimes"].to_numpy())
    return matrix


def without_time(result: CrimeGridResult, sector_id: Any) -> int:
    """Crimes of one sector without a time of day (in no hour of the chart)."""
    return int(result.sectors.loc[result.sectors["sector_id"] == sector_id, BAND_UNKNOWN].sum())


def type_counts(result: CrimeGridResult, sector_id: Any) -> np.ndarray:
    """Crimes of the six types and of other or unknown type, of one sector."""
    row = result.sectors[result.sectors["sector_id"] == sector_id].iloc[0]
    typed = np.array([int(row[name]) for name in CRIME_TYPE_FIELDS])
    return np.append(typed, int(row["crimes_total"]) - typed.sum())


def write_page_charts(
    result: CrimeGridResult,
    folder: str | Path,
    sector_ids: Sequence[Any] | None = None,
    is_cancelled: CancelCheck = never_cancelled,
    texts: PublicTexts = DEFAULT_TEXTS,
) -> dict[Any, tuple[str, str]]:
    """Write both charts of every sector into ``folder`` with ``texts``;
    ``{sector_id: (hours_svg, types_svg)}``."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Unable to import Axes3D")
        import matplotlib
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    ids = list(result.sectors["sector_id"]) if sector_ids is None else list(sector_ids)
    written = {}
    with matplotlib.rc_context(_RC):
        for sector_id, stem in zip(ids, file_stems(ids), strict=True):
            raise_if_cancelled(is_cancelled)
            hours = folder / f"{stem}_page_hours.svg"
            untimed = without_time(result, sector_id)
            figure = _hours_figure(Figure, hour_matrix(result, sector_id), texts, untimed)
            FigureCanvasAgg(figure)
            figure.savefig(hours, format="svg", metadata=SVG_METADATA)
            types = folder / f"{stem}_page_types.svg"
            figure = _types_figure(Figure, type_counts(result, sector_id), texts)
            FigureCanvasAgg(figure)
            figure.savefig(types, format="svg", metadata=SVG_METADATA)
            written[sector_id] = (str(hours), str(types))
    return written


def _hours_figure(figure_class, matrix: np.ndarray, texts: PublicTexts, untimed: int = 0):
    figure = figure_class(figsize=_inches(HOURS_BOX_MM))
    axes = figure.add_axes([0.085, 0.17, 0.82, 0.68])
    top = max(int(matrix.max()), 1)
    image = axes.imshow(matrix, cmap="YlOrRd", aspect="auto", vmin=0, vmax=top)
    axes.set_xticks(range(0, 24, 2), [f"{h:02d}" for h in range(0, 24, 2)])
    axes.set_yticks(range(7), [texts(f"weekday_{day}") for day in range(1, 8)])
    axes.set_xlabel(texts("hour"), labelpad=1)
    for hour in (7, 15, 23):
        axes.axvline(hour - 0.5, color="#1f3a93", linewidth=0.9)
    colourbar = figure.colorbar(image, cax=figure.add_axes([0.92, 0.17, 0.015, 0.68]))
    colourbar.ax.tick_params(labelsize=6)
    axes.set_title(
        f"{texts('crimes_by_hour')} ({int(matrix.sum())})",
        loc="left",
        pad=3,
    )
    if untimed:
        figure.text(0.99, 0.01, f"+{untimed} {texts('without_time')}", ha="right", va="bottom")
    return figure


def _types_figure(figure_class, counts: np.ndarray, texts: PublicTexts):
    figure = figure_class(figsize=_inches(TYPES_BOX_MM))
    axes = figure.add_axes([0.36, 0.08, 0.58, 0.78])
    names = [texts(name) for name in (*CRIME_TYPES, OTHER)]
    positions = np.arange(len(names))[::-1]
    bars = axes.barh(positions, counts, color="#c0392b", height=0.7)
    axes.bar_label(bars, labels=[str(int(c)) for c in counts], padding=2, fontsize=6.5)
    axes.set_yticks(positions, names)
    axes.set_xlim(0, max(float(counts.max()), 1.0) * 1.2)
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(f"{texts('by_type')} ({int(counts.sum())})", loc="left", pad=3)
    return figure
