"""The crime grid's entry point: :func:`compute_crime_grid`, its input, settings and result,
and the accounting that leaves no incident out (package docstring)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..counting import OUTSIDE
from ..crime_types import (
    CrimeTypeMap,
    IncidentSource,
    ParsedDateTimes,
    Period,
    dates_in_period,
    without_location_warnings,
)
from ..defaults import DEFAULT_CELL_SIZE, DEFAULT_MAX_CELLS
from ..errors import About, InputError
from ..lazy import lazy_module
from ..messages import tr
from ..progress import (
    CancelCheck,
    ProgressCallback,
    never_cancelled,
    no_progress,
    raise_if_cancelled,
    scaled,
)
from ..sectors import OVERLAP_CELLS, checked_sectors, effective_sectors, overlap_warnings
from .cells import build_cells, check_cell_count
from .lattice import Lattice
from .locate import NO_CELL, locate_incidents
from .tables import add_change, cell_counts, place_table, sector_counts, time_table
from .time_bands import BAND_UNKNOWN, time_parts

gpd = lazy_module("geopandas")
pd = lazy_module("pandas")


@dataclass(frozen=True)
class CrimeGridInput:
    """Incidents: N×2 coordinates in the sectors' metric CRS (NaN without location),
    raw crime-type values, raw dates or date-times (text, datetimes or datetime64;
    see :mod:`.incident_dates`), optional scene (place) values and optional
    times of day (which then replace the dates' own times)."""

    xy: np.ndarray
    types: Sequence[Any]
    datetimes: Sequence[Any]
    places: Sequence[Any] | None = None
    times: Sequence[Any] | None = None


@dataclass(frozen=True)
class CrimeGridSettings:
    """Parameters of :func:`compute_crime_grid` (defaults as in ``ypo:crimegrid``)."""

    cell_size: float = DEFAULT_CELL_SIZE
    grid_type: str = "square"
    crime_type_map: CrimeTypeMap = field(default_factory=CrimeTypeMap.default)
    period: Period = field(default_factory=Period)
    compare: Period | None = None
    date_format: str | None = None
    max_cells: int = DEFAULT_MAX_CELLS
    incident_source: IncidentSource = IncidentSource()


@dataclass
class CrimeGridResult:
    """The cells and tables, and the totals that make every incident accountable.

    ``cells``: GeoDataFrame with :data:`CELL_FIELDS` (+ :data:`COMPARE_FIELDS`)
    and the cell geometry. ``sectors``: per-sector totals (:data:`SECTOR_FIELDS`
    + comparison). ``time_table``: every sector × weekday (1–7) × hour (0–23).
    ``places``: every sector × place found in the period (None = no place).
    ``crimes_without_time``: incidents in the cells without a time of day
    (``band_unknown``). ``dates`` and ``in_period``: every input incident's parsed
    date-time and whether it lies in the period.
    """

    cells: gpd.GeoDataFrame
    sectors: pd.DataFrame
    time_table: pd.DataFrame
    places: pd.DataFrame
    crimes_input: int
    crimes_in_period: int
    crimes_outside: int
    crimes_without_location: int
    crimes_undated: int
    compare_in_period: int | None
    compare_outside: int | None
    unknown_crime_types: dict[str, int]
    invalid_dates: dict[str, int]
    warnings: list[str]
    crimes_without_time: int = 0
    dates: ParsedDateTimes | None = None
    in_period: np.ndarray | None = None


def compute_crime_grid(
    sector_ids: Sequence[Any],
    sector_geometries: np.ndarray,
    crimes: CrimeGridInput,
    settings: CrimeGridSettings | None = None,
    crs: Any = None,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> CrimeGridResult:
    """Grid cells clipped to the sectors, with crime counts (see the package docstring).

    Sector geometries and incident coordinates must be in the same metric CRS;
    ``crs`` is only attached to the output cells.
    """
    settings = settings or CrimeGridSettings()
    lattice = Lattice(settings.grid_type, float(settings.cell_size))
    ids, geometries = checked_sectors(sector_ids, sector_geometries)
    warnings: list[str] = []
    effective, overlaps = effective_sectors(geometries, ids)
    warnings += overlap_warnings(overlaps, OVERLAP_CELLS)
    check_cell_count(effective, lattice, settings.max_cells)

    xy = np.asarray(crimes.xy, dtype=float).reshape(-1, 2)
    n = len(xy)
    parsed, in_period = dates_in_period(crimes, settings, warnings)
    types = np.asarray(crimes.types, dtype=object)
    if len(parsed.values) != n or len(types) != n:
        raise InputError(tr("The incidents need one crime type and one date-time each."), about=About.CRIMES)
    in_compare = (
        settings.compare.contains(parsed.values) if settings.compare is not None else np.zeros(n, dtype=bool)
    )

    cells = build_cells(effective, lattice, settings.max_cells, scaled(progress, 0, 40), is_cancelled)
    # Locate only the incidents that count in either period.
    sector, cell = _locate_wanted(
        xy, in_period | in_compare, effective, cells, scaled(progress, 40, 85), is_cancelled
    )
    raise_if_cancelled(is_cancelled)
    progress(90.0)

    classified = settings.crime_type_map.classify(types[in_period])
    type_code = np.full(n, -1, dtype=np.int64)
    type_code[in_period] = classified.codes
    times = time_parts(parsed.values, parsed.timed)

    period_cell = np.where(in_period, cell, NO_CELL)
    n_cells = len(cells)
    table = cell_counts(period_cell, type_code, times, n_cells)
    without_location = int((in_period & ~np.isfinite(xy).all(axis=1)).sum())
    crimes_in_period = int(in_period.sum())
    crimes_outside = crimes_in_period - int((period_cell >= 0).sum())
    undated = int((in_period & np.isnat(parsed.values) & (period_cell >= 0)).sum())
    without_time = int(table[BAND_UNKNOWN].sum()) - undated
    warnings += without_location_warnings(without_location)
    warnings += _time_warnings(undated, without_time)
    warnings += classified.warnings()

    period_sector = np.where(period_cell >= 0, sector, OUTSIDE)
    sector_table = sector_counts(ids, cells.sector, period_sector, type_code, times)

    compare_in_period = compare_outside = None
    if settings.compare is not None:
        compare_cell = np.where(in_compare, cell, NO_CELL)
        compare_in_period = int(in_compare.sum())
        compare_outside = compare_in_period - int((compare_cell >= 0).sum())
        per_cell = np.bincount(compare_cell[compare_cell >= 0], minlength=n_cells)
        add_change(table, per_cell)
        compare_sector = np.where(compare_cell >= 0, sector, OUTSIDE)
        add_change(sector_table, np.bincount(compare_sector[compare_sector >= 0], minlength=len(ids)))

    table.insert(0, "sector_id", ids[cells.sector] if n_cells else np.array([], dtype=object))
    table.insert(1, "cell_id", np.arange(1, n_cells + 1, dtype=np.int64))
    cell_frame = gpd.GeoDataFrame(table, geometry=cells.geometry, crs=crs)
    progress(100.0)
    return CrimeGridResult(
        cells=cell_frame,
        sectors=sector_table,
        time_table=time_table(ids, period_sector, times),
        places=place_table(ids, period_sector, crimes.places, n),
        crimes_input=n,
        crimes_in_period=crimes_in_period,
        crimes_outside=crimes_outside,
        crimes_without_location=without_location,
        crimes_undated=undated,
        compare_in_period=compare_in_period,
        compare_outside=compare_outside,
        unknown_crime_types=classified.unknown,
        invalid_dates=parsed.invalid,
        warnings=warnings,
        crimes_without_time=without_time,
        dates=parsed,
        in_period=in_period,
    )


def _locate_wanted(xy, wanted, sectors, cells, progress, is_cancelled) -> tuple[np.ndarray, np.ndarray]:
    """:func:`.locate.locate_incidents` of the ``wanted`` incidents; −1, −1 for the others."""
    if wanted.all():
        return locate_incidents(xy, sectors, cells, progress, is_cancelled)
    wanted = np.flatnonzero(wanted)
    sector = np.full(len(xy), OUTSIDE, dtype=np.int64)
    cell = np.full(len(xy), NO_CELL, dtype=np.int64)
    sector[wanted], cell[wanted] = locate_incidents(xy[wanted], sectors, cells, progress, is_cancelled)
    return sector, cell


def _time_warnings(undated: int, without_time: int) -> list[str]:
    """What the log says of counted incidents without a valid date, and without a time of day."""
    warnings = []
    if undated:
        warnings.append(
            tr(
                "CRIMES: {count} incidents have no valid date-time; they count in crimes_total "
                "and {band_unknown} but in no time band, weekday/weekend or time-table row.",
                count=undated,
                band_unknown=BAND_UNKNOWN,
            )
        )
    if without_time:
        warnings.append(
            tr(
                "CRIMES: {count} incidents have a date but no time of day; they count in "
                "{band_unknown}, in no time band and in no hour of the time table. Give TIME_FIELD "
                "if the time is in a field of its own.",
                count=without_time,
                band_unknown=BAND_UNKNOWN,
            )
        )
    return warnings
