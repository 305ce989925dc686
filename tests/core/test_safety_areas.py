"""The safety index's periods, respondents named by area id, and the report's ranked rows."""

import math

import numpy as np
import pandas as pd
import pytest

from ypo_plugin.core.crime_types import Period
from ypo_plugin.core.errors import InputError
from ypo_plugin.core.safety_areas import index_period, previous_period, ranked_rows, respondent_areas


def day(text):
    return np.datetime64(text, "s")


DATES = np.array(["2025-01-15T08:00", "2026-02-01T23:59", "NaT"], dtype="datetime64[s]")


def test_the_default_period_is_the_last_365_days_up_to_the_last_incident():
    period, warnings = index_period(Period(), DATES)
    assert (period.start, period.end) == (day("2025-02-02"), day("2026-02-02"))
    assert period.days() == 365 and warnings == []


def test_data_shorter_than_a_year_give_the_days_they_cover_with_a_warning():
    period, warnings = index_period(Period(), DATES[1:])
    assert (period.start, period.end) == (day("2026-02-01"), day("2026-02-02"))
    assert warnings == [
        "The incidents cover 1 days (2026-02-01 – 2026-02-01), less than a year: the period is those "
        "days (rates are still per year)."
    ]


def test_one_end_given_makes_a_year_from_or_up_to_it():
    from_start, _ = index_period(Period.parse("2026-01-01", None), DATES)
    assert (from_start.start, from_start.end) == (day("2026-01-01"), day("2027-01-01"))
    up_to_end, _ = index_period(Period.parse(None, "2025-12-31"), DATES)
    assert (up_to_end.start, up_to_end.end) == (day("2025-01-01"), day("2026-01-01"))
    given = Period.parse("2026-01-01", "2026-03-31")
    assert index_period(given, DATES) == (given, [])


def test_without_any_date_the_period_must_be_given():
    with pytest.raises(InputError, match="give PERIOD_START and PERIOD_END"):
        index_period(Period(), np.array(["NaT"], dtype="datetime64[s]"))


def test_the_previous_period_has_the_same_length_just_before():
    previous = previous_period(Period.parse("2026-01-01", "2026-03-31"))
    assert (previous.start, previous.end) == (day("2025-10-03"), day("2026-01-01"))


def test_respondents_named_by_area_id():
    assert respondent_areas(["A", 2], ["A", "2", 2.0, None, " "]).tolist() == [0, 1, 1, -1, -1]
    with pytest.raises(InputError, match=r"not in the areas layer: 'X' \(2 responses\), 'Y' \(1 responses\)"):
        respondent_areas(["A", "B"], ["X", "A", "Y", "X"])


def test_ranked_rows_put_the_least_safe_first_and_the_unranked_last():
    table = pd.DataFrame(
        {
            "area_id": ["A", "B", "C", "D"],
            "rank": pd.array([2, None, 1, 2], dtype="Int64"),
            "safety_index": [130.0, math.nan, 150.0, 130.0],
            "crime_index": [120.0, 90.0, 160.0, 100.0],
            "insecurity_index": [140.0, math.nan, 140.0, 160.0],
            "respondents": [40, 12, 50, 33],
            "needs_initiative": [True, False, True, True],
            "survey_status": ["ok", "too few responses", "ok", "ok"],
            "change": [5.0, math.nan, -2.25, 0.0],
        }
    )
    rows = ranked_rows(table, 3)
    assert rows["Area"].tolist() == ["C", "A", "D"]
    assert rows.iloc[0].tolist() == ["1", "C", "150.0", "160.0", "140.0", "50", "needs initiative", "-2.2"]
    assert ranked_rows(table, 10).iloc[3].tolist() == ["", "B", "", "90.0", "", "12", "too few responses", ""]
