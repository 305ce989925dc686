"""The quarterly threat assessment's periods, flags and per-area figures, worked out by hand."""

import warnings

import numpy as np
import pytest

from ypo_plugin.core.crime_types import CrimeTypeMap, Period
from ypo_plugin.core.errors import InputError
from ypo_plugin.core.threat_assessment import (
    area_changes,
    busiest_cells,
    comparison_period,
    last_full_quarter,
    monthly_series,
    quarter_containing,
    yes_no_flags,
)


def day(text):
    return np.datetime64(text, "s")


def period(start, end):
    return Period(day(start), day(end))


def test_the_quarter_holding_a_day():
    assert quarter_containing(np.datetime64("2026-08-15")) == period("2026-07-01", "2026-10-01")
    assert quarter_containing(np.datetime64("2026-12-31")) == period("2026-10-01", "2027-01-01")


def test_the_last_full_quarter_in_the_data():
    dates = np.array(["2026-01-05T10:00", "2026-09-30T23:10"], dtype="datetime64[s]")
    assert last_full_quarter(dates) == period("2026-07-01", "2026-10-01")
    ends_early = np.array(["2026-01-05", "2026-09-29"], dtype="datetime64[s]")
    assert last_full_quarter(ends_early) == period("2026-04-01", "2026-07-01")


def test_data_shorter_than_a_quarter_asks_for_the_period():
    with pytest.raises(InputError, match="do not cover a whole calendar quarter"):
        last_full_quarter(np.array(["2026-04-02", "2026-09-29"], dtype="datetime64[s]"))


def test_comparison_periods():
    third = period("2026-07-01", "2026-10-01")
    assert comparison_period(third) == period("2026-04-01", "2026-07-01")
    assert comparison_period(third, year_before=True) == period("2025-07-01", "2025-10-01")
    assert comparison_period(period("2026-01-01", "2026-04-01")) == period("2025-10-01", "2026-01-01")


def test_yes_no_flags_read_booleans_numbers_and_words():
    values = [True, 0, "Ja", " yes ", None, "nej", 2.0, ""]
    assert yes_no_flags(values, "gang flag").tolist() == [True, False, True, True, False, False, True, False]
    with pytest.raises(
        InputError, match="The gang flag holds values that are neither yes nor no \\(maybe\\)"
    ):
        yes_no_flags(["yes", "maybe"], "gang flag")


def test_area_changes_by_hand():
    membership = np.array([0, 0, 0, 0, 1, 1, -1])
    in_now = np.array([True, True, True, False, False, False, True])
    in_before = ~in_now
    types = (
        CrimeTypeMap.default()
        .classify(["violence", "violence", "theft", "burglary", "drugs", "shoplifting", "theft"])
        .codes
    )
    gang = np.array([True, False, False, True, False, False, True])
    table = area_changes(
        "sector", ["S1", "S2"], np.array([100, 200]), membership, types, gang, in_now, in_before, (90, 90)
    )
    assert table["incidents_now"].tolist() == [3, 0]
    assert table["incidents_before"].tolist() == [1, 2]
    assert table["violence_now"].tolist() == [2, 0]
    assert table["theft_now"].tolist() == [1, 0]
    assert table["burglary_before"].tolist() == [1, 0]
    assert table["drugs_before"].tolist() == [0, 1]  # shoplifting is no crime type of the six: totals only
    assert table["gang_now"].tolist() == [1, 0]
    assert table["gang_before"].tolist() == [1, 0]
    assert table["change_pct"].tolist() == pytest.approx([200.0, -100.0])
    # S1: 3 of 4 with p = 1/2 → 10/16; S2: 0 of 2 → P(0) + P(2) = 1/2
    assert table["p_value"].tolist() == pytest.approx([0.625, 0.5])
    assert table["significant"].tolist() == [False, False]


def test_change_is_empty_without_incidents_before_and_uses_daily_rates():
    membership = np.array([0, 0, 1])
    in_now = np.array([True, True, True])
    table = area_changes(
        "sector",
        ["a", "b"],
        np.array([1, 1]),
        membership,
        np.full(3, -1),
        np.zeros(3, bool),
        in_now,
        ~in_now,
        (92, 91),
    )
    assert np.isnan(table["change_pct"]).all()
    membership = np.array([0, 0])
    in_now = np.array([True, False])
    table = area_changes(
        "sector",
        ["a"],
        np.array([1]),
        membership,
        np.full(2, -1),
        np.zeros(2, bool),
        in_now,
        ~in_now,
        (92, 46),
    )
    assert table["change_pct"].tolist() == pytest.approx([100 * (1 / 92 - 1 / 46) / (1 / 46)])  # −50 %


def test_busiest_cells_most_first():
    xy = np.array([[10, 10], [20, 20], [260, 10], [600, 600]])
    assert busiest_cells(xy, np.array([0, 0, 0, -1]), 2, 250.0) == ["0, 0: 2; 250, 0: 1", ""]


def test_monthly_series_within_the_quarter():
    dates = np.array(
        ["2026-07-03", "2026-07-30", "2026-09-01", "2026-08-10", "2026-10-01"], dtype="datetime64[s]"
    )
    series = monthly_series(np.array([0, 0, 0, 1, 0]), dates, 2, period("2026-07-01", "2026-10-01"))
    assert series.columns.tolist() == ["2026-07", "2026-08", "2026-09"]
    assert series.to_numpy().tolist() == [[2, 0, 1], [0, 1, 0]]


def test_the_whole_assessment_by_hand():
    import shapely
    from scipy.stats import binomtest

    from ypo_plugin.core.manning import PopulationInput
    from ypo_plugin.core.threat_assessment import ThreatInput, assess_threats

    incidents = [  # x, y, type, date, gang
        (100, 100, "violence", "2026-07-05", True),
        (200, 200, "drugs", "2026-08-10", False),
        (700, 700, "theft", "2026-09-30", False),
        (1500, 500, "burglary", "2026-07-20", False),
        (100, 300, "violence", "2026-05-01", True),
        (1500, 100, "theft", "2026-04-15", False),
        (1600, 600, "theft", "2026-06-30", False),
        (5000, 5000, "theft", "2026-08-01", False),  # in no sector
        (600, 600, "vandalism", "2026-01-02", False),  # before both periods
    ]
    data = ThreatInput(
        ["S1", "S2"],
        np.array([shapely.box(0, 0, 1000, 1000), shapely.box(1000, 0, 2000, 1000)]),
        ["Estate"],
        np.array([shapely.box(0, 0, 500, 500)]),
        np.array([(x, y) for x, y, *_ in incidents], dtype=float),
        np.array([kind for _, _, kind, *_ in incidents], dtype=object),
        np.array([date for *_, date, _ in incidents], dtype="datetime64[s]"),
        np.array([gang for *_, gang in incidents]),
        PopulationInput(
            np.array([shapely.box(0, 0, 1000, 1000), shapely.box(1000, 0, 2000, 1000)]), [1000, 500]
        ),
    )
    result = assess_threats(data)
    assert result.quarter == period("2026-07-01", "2026-10-01")  # the data ends on its last day
    assert result.compare == period("2026-04-01", "2026-07-01")
    table = result.table.set_index("area_id")
    assert table["area_kind"].tolist() == ["sector", "sector", "exposed_area", "station"]
    assert table["population"].tolist() == pytest.approx([1000, 500, 250, 1500])
    assert table["incidents_now"].tolist() == [3, 1, 2, 4]
    assert table["incidents_before"].tolist() == [1, 2, 1, 3]
    assert table["gang_now"].tolist() == [1, 0, 1, 1]
    assert table["gang_before"].tolist() == [1, 0, 1, 1]
    assert table.loc["S1", "violence_now"] == 1 and table.loc["S2", "theft_before"] == 2
    # daily rates over 92 and 91 days
    assert table.loc["S1", "change_pct"] == pytest.approx(100 * (3 / 92 - 1 / 91) / (1 / 91))
    share = 92 / (92 + 91)
    for area, now, before in (("S1", 3, 1), ("S2", 1, 2), ("Estate", 2, 1), ("station", 4, 3)):
        assert table.loc[area, "p_value"] == pytest.approx(binomtest(now, now + before, share).pvalue)
    assert table.loc["S1", "busiest_cells"] == "0, 0: 2; 500, 500: 1"
    assert result.outside == 1
    assert result.monthly.to_dict("list") == {
        "sector_id": ["S1", "S2"],
        "2026-04": [0, 1],
        "2026-05": [1, 0],
        "2026-06": [0, 1],
        "2026-07": [1, 1],
        "2026-08": [1, 0],
        "2026-09": [1, 0],
    }


def two_sectors(incidents):
    """ThreatInput of two 1 km sectors side by side and ``incidents`` (x, y, date)."""
    import shapely

    from ypo_plugin.core.threat_assessment import ThreatInput

    return ThreatInput(
        ["S1", "S2"],
        np.array([shapely.box(0, 0, 1000, 1000), shapely.box(1000, 0, 2000, 1000)]),
        [],
        np.array([]),
        np.array([(x, y) for x, y, _ in incidents], dtype=float),
        np.array(["theft"] * len(incidents), dtype=object),
        np.array([date for *_, date in incidents], dtype="datetime64[s]"),
        np.zeros(len(incidents), dtype=bool),
    )


def test_a_comparison_overlapping_the_quarter_is_refused():
    from ypo_plugin.core.threat_assessment import ThreatSettings, assess_threats

    data = two_sectors([(100, 100, "2026-07-05")])
    settings = ThreatSettings(period("2026-07-01", "2026-10-01"), period("2026-06-01", "2026-07-02"))
    with pytest.raises(InputError, match=r"2026-06-01 to 2026-07-01\) overlaps the quarter \(2026-07-01"):
        assess_threats(data, settings)


def test_a_year_earlier_shows_both_quarters_months_and_warns_without_data():
    from ypo_plugin.core.threat_assessment import ThreatSettings, assess_threats

    data = two_sectors([(100, 100, "2026-07-05"), (1100, 100, "2025-08-05"), (1200, 100, "2026-09-30")])
    result = assess_threats(data, ThreatSettings(year_before=True))
    assert result.compare == period("2025-07-01", "2025-10-01")
    assert result.monthly.columns.tolist()[1:] == [
        "2025-07", "2025-08", "2025-09", "2026-07", "2026-08", "2026-09"
    ]  # fmt: skip
    assert result.monthly.iloc[:, 1:].to_numpy().tolist() == [[0, 0, 0, 1, 0, 0], [0, 1, 0, 0, 0, 1]]
    assert any("begins before the first incident (2025-08-05)" in text for text in result.warnings)
    empty = assess_threats(
        data, ThreatSettings(period("2026-07-01", "2026-10-01"), period("2024-01-01", "2024-04-01"))
    )
    assert any("No incident in the comparison period 2024-01-01 to 2024-03-31" in w for w in empty.warnings)


def test_busiest_cells_leave_incidents_without_a_location_out_quietly():
    # A Chicago export has incidents without coordinates (NaN): in no area, and no warning about
    # casting NaN to a cell number.
    xy = np.array([[10.0, 10.0], [np.nan, np.nan], [260.0, 10.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert busiest_cells(xy, np.array([0, -1, 0]), 1, 250.0) == ["0, 0: 1; 250, 0: 1"]
