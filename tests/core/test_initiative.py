"""The initiative's target, buffer ring, comparison area and windowed counts, on squares by hand."""

import numpy as np
import pytest
import shapely

from ypo_plugin.core.errors import InputError
from ypo_plugin.core.initiative import initiative_areas, initiative_counts, windows

# Five 1 km squares in a row: S0 [0, 1000], S1 [1000, 2000], … S4 [4000, 5000] (metres).
SECTORS = np.array([shapely.box(1000 * i, 0, 1000 * (i + 1), 1000) for i in range(5)])
TARGET = np.array([True, False, False, False, False])


def test_ring_and_comparison_by_hand():
    target, ring, comparison = initiative_areas(SECTORS, TARGET, 500)
    assert target.equals(SECTORS[0])
    # the ring reaches x = 1500: S1 touches it, S2 to S4 do not
    assert comparison.tolist() == [False, False, True, True, True]
    assert ring.area == pytest.approx(shapely.buffer(SECTORS[0], 500).area - 1_000_000)


def test_comparison_limited_to_the_target_districts():
    districts = np.array(["N", "N", "N", "S", "S"])
    _, _, comparison = initiative_areas(SECTORS, TARGET, 500, districts)
    assert comparison.tolist() == [False, False, True, False, False]


def test_no_sector_left_to_compare_with_is_said_in_words():
    with pytest.raises(InputError, match="No sector is left to compare with"):
        initiative_areas(SECTORS, TARGET, 5000)
    with pytest.raises(InputError, match="No sector is a target"):
        initiative_areas(SECTORS, np.zeros(5, bool), 500)


def test_windows_start_at_midnight():
    first, start, end = windows(np.datetime64("2026-03-01T15:30"), 90, 30)
    assert (str(first), str(start), str(end)) == (
        "2025-12-01T00:00:00",
        "2026-03-01T00:00:00",
        "2026-03-31T00:00:00",
    )


POINTS = {
    # x, y, date: target (S0), ring (x 1000–1500 inside S1), comparison (S2–S4), S1 beyond the ring, outside
    "target before": (500, 500, "2026-02-27"),
    "target after": (200, 200, "2026-03-01"),
    "target after 2": (900, 900, "2026-03-30T23:59"),
    "ring before": (1200, 500, "2026-01-10"),
    "ring after": (1400, 100, "2026-03-15"),
    "beyond the ring": (1800, 500, "2026-03-15"),
    "comparison before": (2500, 500, "2025-12-01"),
    "comparison before 2": (4500, 500, "2026-02-01"),
    "comparison after": (3500, 500, "2026-03-02"),
    "too early": (2500, 500, "2025-11-30T23:59"),
    "too late": (2500, 500, "2026-03-31"),
    "outside": (9000, 9000, "2026-03-02"),
}


def test_counts_by_area_and_window():
    xy = np.array([(x, y) for x, y, _ in POINTS.values()], dtype=float)
    dates = np.array([date for *_, date in POINTS.values()], dtype="datetime64[s]")
    target, ring, comparison = initiative_areas(SECTORS, TARGET, 500)
    counts = initiative_counts(
        xy, dates, windows(np.datetime64("2026-03-01"), 90, 30), target, ring, SECTORS[comparison]
    )
    assert vars(counts) == {
        "target_before": 1,
        "target_after": 2,
        "buffer_before": 1,
        "buffer_after": 1,
        "comparison_before": 2,
        "comparison_after": 1,
    }


def test_windows_beyond_the_data_are_refused_in_words():
    xy = np.array([[500, 500], [600, 600]], dtype=float)
    dates = np.array(["2026-01-01", "2026-03-31"], dtype="datetime64[s]")
    target, ring, comparison = initiative_areas(SECTORS, TARGET, 500)
    with pytest.raises(InputError, match="The incidents run from 2026-01-01 to 2026-03-31"):
        initiative_counts(
            xy, dates, windows(np.datetime64("2026-03-01"), 90, 30), target, ring, SECTORS[comparison]
        )
    counts = initiative_counts(
        xy, dates, windows(np.datetime64("2026-03-01"), 59, 31), target, ring, SECTORS[comparison]
    )
    assert (counts.target_before, counts.target_after) == (1, 1)


class Incidents:
    def __init__(self, rows):
        self.xy = np.array([(x, y) for x, y, *_ in rows], dtype=float)
        self.types = np.array([kind for *_, kind, _ in rows], dtype=object)
        self.datetimes = np.array([date for *_, date in rows], dtype=object)
        self.times = None


def test_evaluation_counts_only_the_chosen_types_and_reports_undated_incidents():
    from ypo_plugin.core.initiative import InitiativeSettings, evaluate_initiative

    incidents = Incidents(
        [
            (500, 500, "burglary", "2026-02-01"),
            (500, 500, "Indbrud", "2026-03-05"),  # Danish for burglary, mapped by default
            (500, 500, "theft", "2026-03-05"),
            (2500, 500, "burglary", "2026-01-15"),
            (2500, 500, "burglary", "2025-12-15"),  # before the 60-day window
            (2500, 500, "burglary", "2026-03-10"),
            (2600, 500, "burglary", ""),
            (1200, 500, "burglary", "2026-03-20"),
            (4500, 500, "burglary", "2026-03-30"),
        ]
    )
    settings = InitiativeSettings(np.datetime64("2026-03-01"), 60, 30, 500.0, crime_types=("burglary",))
    result = evaluate_initiative(SECTORS, TARGET, None, incidents, settings)
    assert vars(result.counts) == {
        "target_before": 1,
        "target_after": 1,
        "buffer_before": 0,
        "buffer_after": 1,
        "comparison_before": 1,
        "comparison_after": 2,
    }
    assert "1 incidents without a readable date are left out of both windows." in result.warnings
    assert result.figures.rate_ratio == pytest.approx((1 / 1) / (2 / 1))
    assert result.comparison.tolist() == [False, False, True, True, True]


def test_report_lines_say_the_figures_in_words():
    from ypo_plugin.core.evaluation import InitiativeCounts, initiative_figures
    from ypo_plugin.core.initiative import InitiativeResult, InitiativeSettings, report_lines

    counts = InitiativeCounts(100, 50, 80, 60, 1000, 1000)
    result = InitiativeResult(
        counts, initiative_figures(counts), None, None, np.array([False, True, True]), []
    )
    settings = InitiativeSettings(np.datetime64("2026-03-01"), 90, 30, 500.0, crime_types=("burglary",))
    lines = report_lines(result, ["NE-02", "NE-03"], settings)
    assert lines[0] == (
        "Initiative in NE-02, NE-03, started 2026-03-01. Counted: burglary; before = 2025-12-01 to "
        "2026-02-28 (90 days), after = 2026-03-01 to 2026-03-30 (30 days)."
    )
    assert lines[1] == (
        "Target: 100 incidents before, 50 after. Buffer ring (500 m): 80 before, 60 after. "
        "Comparison (2 sectors): 1000 before, 1000 after."
    )
    assert lines[2] == (
        "Rate ratio 0.50 (95 % interval 0.35 to 0.71, p = 0.000107): relative to the comparison area, "
        "crime in the target fell by 50 %, unlikely to be chance (p < 0.05)."
    )
    assert lines[3].startswith("Weighted displacement quotient 0.40. Diffusion of benefits")
