"""Per-sector crime charts (matplotlib, Agg: no display needed) for reports.

For every sector two charts, each as PNG and SVG, in one folder:

- ``<stem>_hours.png/.svg``: crimes by hour of day (columns 0–23) and weekday
  (rows Monday–Sunday), a heat map with the time-band boundaries 07:00, 15:00
  and 23:00 marked;
- ``<stem>_types.png/.svg``: crimes by type (the six YPO types and "other or
  unknown"), beside the comparison period when there is one.

``<stem>`` is the sector id made safe for file names (:func:`file_stem`).
Files are deterministic: the same counts give the same bytes (fixed SVG hash
salt, no dates in the metadata).
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .crime_grid import BAND_UNKNOWN, WEEKDAY_NAMES, CrimeGridResult
from .crime_types import CRIME_TYPE_FIELDS, CRIME_TYPES
from .errors import InputError
from .lazy import lazy_module
from .messages import tr
from .progress import CancelCheck, ProgressCallback, never_cancelled, no_progress, raise_if_cancelled

pd = lazy_module("pandas")

FORMATS: tuple[str, ...] = ("png", "svg")
CHART_KINDS: tuple[str, ...] = ("hours", "types")
DPI = 120

CHART_STYLE = {"svg.hashsalt": "ypo-sector-planning", "svg.fonttype": "path", "font.family": "DejaVu Sans"}
"""What every chart of the plugin shares: the map font, and SVGs alike byte for byte from run to run."""
SVG_METADATA = {"Date": None, "Creator": None}
"""No date or software version in an SVG: the same data give the same file."""
_RC = {**CHART_STYLE, "font.size": 9, "axes.titlesize": 11}
_METADATA = {"png": {"Software": None}, "svg": SVG_METADATA}
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}
_TRANSLITERATION = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "ß": "ss"}
)


def file_stem(sector_id: Any) -> str:
    """A file-name-safe, ASCII version of a sector id: ``Nørrebro 1/2`` → ``Noerrebro_1_2``."""
    text = unicodedata.normalize("NFKD", str(sector_id).translate(_TRANSLITERATION))
    text = text.encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._")
    if not text:
        text = "sector"
    if text.split(".")[0].lower() in _RESERVED:
        text = f"{text}_"
    return text[:100]


def file_stems(sector_ids: Sequence[Any]) -> list[str]:
    """:func:`file_stem` of each id, made unique in input order (``a``, ``a-2``, ``a-3`` …)."""
    stems, taken = [], set()
    for sector_id in sector_ids:
        stem = base = file_stem(sector_id)
        number = 1
        while stem.lower() in taken:
            number += 1
            stem = f"{base}-{number}"
        taken.add(stem.lower())
        stems.append(stem)
    return stems


def write_sector_charts(
    result: CrimeGridResult,
    folder: str | Path,
    period_label: str = "",
    compare_label: str = "",
    sector_ids: Sequence[Any] | None = None,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> dict[Any, list[str]]:
    """Write the charts of every sector (or of ``sector_ids``) into ``folder``; return their paths.

    ``period_label``/``compare_label`` are shown under the titles (e.g.
    ``2026-07-01 – 2026-09-30``).
    """
    figure_class, canvas_class, matplotlib, ticker = _matplotlib()
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    all_ids = list(result.sectors["sector_id"])
    stems = dict(zip(all_ids, file_stems(all_ids), strict=True))
    wanted = all_ids if sector_ids is None else [s for s in all_ids if s in set(sector_ids)]
    hours = _hour_matrices(result.time_table, all_ids)
    sectors = result.sectors.set_index("sector_id")
    has_compare = "compare_total" in sectors.columns
    written: dict[Any, list[str]] = {}
    with matplotlib.rc_context(_RC):
        for number, sector_id in enumerate(wanted):
            raise_if_cancelled(is_cancelled)
            row = sectors.loc[sector_id]
            paths = []
            figure = _hours_figure(
                figure_class, ticker, sector_id, hours[sector_id], int(row[BAND_UNKNOWN]), period_label
            )
            paths += _save(figure, canvas_class, folder / f"{stems[sector_id]}_hours")
            type_counts = _type_counts(row)
            compare_total = int(row["compare_total"]) if has_compare else None
            figure = _types_figure(
                figure_class, sector_id, type_counts, period_label, compare_total, compare_label
            )
            paths += _save(figure, canvas_class, folder / f"{stems[sector_id]}_types")
            written[sector_id] = paths
            progress(100.0 * (number + 1) / max(len(wanted), 1))
    progress(100.0)
    return written


def _matplotlib():
    try:
        with warnings.catch_warnings():
            # A second (system) matplotlib's mpl_toolkits may be on the path: 3D is not needed.
            warnings.filterwarnings("ignore", message="Unable to import Axes3D")
            import matplotlib
            from matplotlib import ticker
            from matplotlib.backends.backend_agg import FigureCanvasAgg
            from matplotlib.figure import Figure
    except ImportError:
        raise InputError(
            tr(
                "CHART_FOLDER needs the Python package matplotlib (3.5 or newer), which is not installed: "
                "install it into QGIS's Python (python3 -m pip install matplotlib) or leave "
                "CHART_FOLDER empty."
            )
        ) from None
    return Figure, FigureCanvasAgg, matplotlib, ticker


def _hour_matrices(time_table: pd.DataFrame, sector_ids: list[Any]) -> dict[Any, np.ndarray]:
    """7 × 24 counts (Monday first, hour 0 first) per sector."""
    matrices = {sector_id: np.zeros((7, 24), dtype=np.int64) for sector_id in sector_ids}
    for sector_id, rows in time_table.groupby("sector_id", sort=False):
        matrix = matrices[sector_id]
        np.add.at(
            matrix, (rows["weekday"].to_numpy() - 1, rows["hour"].to_numpy()), rows["crimes"].to_numpy()
        )
    return matrices


def _type_counts(row: pd.Series) -> np.ndarray:
    typed = np.array([row[name] for name in CRIME_TYPE_FIELDS], dtype=float)
    return np.append(typed, float(row["crimes_total"]) - typed.sum())


def _title(figure, text: str, subtitle: str) -> None:
    figure.suptitle(text, fontsize=12, fontweight="bold", x=0.02, ha="left")
    if subtitle:
        figure.text(0.02, 0.915, subtitle, fontsize=9, color="#444444", ha="left", va="top", linespacing=1.4)


def _hours_figure(figure_class, ticker, sector_id: Any, matrix: np.ndarray, untimed: int, period_label: str):
    figure = figure_class(figsize=(10, 4.2), dpi=DPI)
    axes = figure.add_axes([0.1, 0.14, 0.78, 0.66])
    image = axes.imshow(matrix, cmap="YlOrRd", aspect="auto", vmin=0, vmax=max(int(matrix.max()), 1))
    axes.set_xticks(range(24), [f"{h:02d}" for h in range(24)])
    axes.set_yticks(range(7), list(WEEKDAY_NAMES))
    axes.set_xlabel("Hour of day")
    for hour in (7, 15, 23):
        axes.axvline(hour - 0.5, color="#1f3a93", linewidth=1.2)
    if matrix.max() <= 99:
        for (day, hour), value in np.ndenumerate(matrix):
            if value:
                shade = "white" if value > 0.6 * matrix.max() else "black"
                axes.text(hour, day, str(value), ha="center", va="center", fontsize=6.5, color=shade)
    colourbar = figure.colorbar(image, cax=figure.add_axes([0.9, 0.14, 0.02, 0.66]))
    colourbar.set_label("Crimes")
    colourbar.locator = ticker.MaxNLocator(integer=True)
    colourbar.update_ticks()
    subtitle = f"{int(matrix.sum())} crimes with a time" + (f", {period_label}" if period_label else "")
    if untimed:
        subtitle += f"; {untimed} without a time of day (not shown)"
    subtitle += " · lines: time bands 07–15, 15–23, 23–07"
    _title(figure, f"Sector {sector_id}: crimes by hour and weekday", subtitle)
    return figure


def _types_figure(
    figure_class,
    sector_id: Any,
    counts: np.ndarray,
    period_label: str,
    compare_total: int | None,
    compare_label: str,
):
    labels = [name.capitalize() for name in CRIME_TYPES] + ["Other or unknown"]
    figure = figure_class(figsize=(7, 4.4), dpi=DPI)
    axes = figure.add_axes([0.24, 0.11, 0.7, 0.66])
    positions = np.arange(len(labels))[::-1]
    bars = axes.barh(positions, counts, color="#c0392b", height=0.7)
    axes.bar_label(bars, labels=[f"{int(c)}" for c in counts], padding=3, fontsize=8)
    axes.set_yticks(positions, labels)
    axes.set_xlabel("Crimes")
    axes.set_xlim(0, max(float(counts.max()), 1.0) * 1.15)
    axes.spines[["top", "right"]].set_visible(False)
    subtitle = f"{int(counts.sum())} crimes" + (f", {period_label}" if period_label else "")
    if compare_total is not None:
        total = compare_total
        change = int(counts.sum()) - total
        percent = f" ({100.0 * change / total:+.0f} %)" if total else ""
        subtitle += f"\ncomparison {compare_label or 'period'}: {total} crimes, change {change:+d}{percent}"
    _title(figure, f"Sector {sector_id}: crimes by type", subtitle)
    return figure


def _save(figure, canvas_class, stem: Path) -> list[str]:
    canvas_class(figure)
    paths = []
    for fmt in FORMATS:
        path = stem.with_name(f"{stem.name}.{fmt}")
        figure.savefig(path, format=fmt, metadata=_METADATA[fmt])
        paths.append(str(path))
    return paths
