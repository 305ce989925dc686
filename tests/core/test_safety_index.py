"""The safety index on a 2×2 areas case worked out by hand, and its edge cases."""

import math

import numpy as np
import pandas as pd
import pytest

from ypo_plugin.core.errors import InputError
from ypo_plugin.core.safety_index import IndexSettings, Survey, safety_index, with_change

# Four areas; a period of 365.25 days, so a yearly rate per 1000 is incidents × 1000 / population.
AREAS = ["A", "B", "C", "D"]
POPULATION = [1000, 2000, 500, 500]
INCIDENTS = [10, 10, 10, 0]
YEAR = 365.25
NAN = math.nan
# A: 1 2 4 5 (share 2/4); B: 3 4 5 5 (0); C: 1 1 2 and a missing one (3/3);
# D: 2 (weight 1) and 5 (weight 3): 1/4
SURVEY = Survey(
    area=np.array([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3]),
    answer=np.array([1, 2, 4, 5, 3, 4, 5, 5, 1, 1, 2, NAN, 2, 5]),
    weight=np.array([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 3]),
)


TWO_RESPONSES = IndexSettings(min_responses=2)


def index(settings=TWO_RESPONSES, survey=SURVEY, incidents=INCIDENTS, population=POPULATION):
    return safety_index(AREAS, np.array(population), np.array(incidents), YEAR, survey, settings)


def test_crime_part_by_hand():
    table, _ = index()
    # rates 10, 5, 20, 0 per 1000; all areas together 30 × 1000 / 4000 = 7.5
    assert table["crimes_per_1000"].tolist() == pytest.approx([10, 5, 20, 0])
    assert table["crime_index"].tolist() == pytest.approx([400 / 3, 200 / 3, 800 / 3, 0])


def test_survey_part_by_hand():
    table, messages = index()
    assert table["respondents"].tolist() == [4, 4, 3, 2]
    assert table["missing_answers"].tolist() == [0, 0, 1, 0]
    assert table["unsafe_share"].tolist() == pytest.approx([0.5, 0, 1, 0.25])
    # all respondents: unsafe weight 2 + 0 + 3 + 1 = 6 of 4 + 4 + 3 + 4 = 15, a share of 0.4
    assert table["insecurity_index"].tolist() == pytest.approx([125, 0, 250, 62.5])
    assert "1 survey responses without a usable answer or weight are left out." in messages


def test_index_rank_and_initiative_by_hand():
    table, _ = index()
    assert table["safety_index"].tolist() == pytest.approx(
        [(400 / 3 + 125) / 2, 100 / 3, (800 / 3 + 250) / 2, 31.25]
    )
    assert table["rank"].tolist() == [2, 3, 1, 4]
    assert table["needs_initiative"].tolist() == [True, False, True, False]
    assert set(table["survey_status"]) == {"ok"}


def test_weights_count_relative_to_their_sum():
    halves, _ = index(IndexSettings(crime_weight=0.5, survey_weight=0.5, min_responses=2))
    ones, _ = index(IndexSettings(crime_weight=1, survey_weight=1, min_responses=2))
    assert ones["safety_index"].tolist() == pytest.approx(halves["safety_index"].tolist())
    crime_only, _ = index(IndexSettings(crime_weight=1, survey_weight=0, min_responses=2))
    assert crime_only["safety_index"].tolist() == pytest.approx([400 / 3, 200 / 3, 800 / 3, 0])


def test_too_few_responses_are_marked_and_never_ranked():
    table, _ = index(IndexSettings(min_responses=4))
    c = table.iloc[2]
    assert c["survey_status"] == "too few responses"
    assert pd.isna(c["safety_index"]) and pd.isna(c["rank"]) and not c["needs_initiative"]
    assert c["crime_index"] == pytest.approx(800 / 3)  # still given
    # D has 2 respondents too; A and B are ranked among themselves
    assert table["rank"].tolist()[:2] == [1, 2]
    assert table["survey_status"].tolist() == ["ok", "ok", "too few responses", "too few responses"]


def test_ties_at_the_threshold_need_an_initiative_and_share_a_rank():
    survey = Survey(area=np.array([0, 0, 1, 1]), answer=np.array([1, 5, 1, 5]))
    table, _ = safety_index(
        ["X", "Y"], np.array([100, 100]), np.array([3, 3]), YEAR, survey, IndexSettings(100, 0, 100.0, 2)
    )
    assert table["safety_index"].tolist() == pytest.approx([100, 100])
    assert table["rank"].tolist() == [1, 1]
    assert table["needs_initiative"].tolist() == [True, True]


def test_no_incidents_anywhere_makes_every_crime_index_the_average():
    table, messages = index(incidents=[0, 0, 0, 0])
    assert table["crime_index"].tolist() == [100, 100, 100, 100]
    assert any("No incident in the period" in message for message in messages)


def test_an_area_without_inhabitants_has_no_rate_and_says_so():
    table, messages = index(population=[1000, 2000, 0, 500])
    assert math.isnan(table["crimes_per_1000"][2]) and pd.isna(table["safety_index"][2])
    assert table["survey_status"][2] == "no inhabitants"
    assert "Areas without inhabitants have no crime rate and no safety index: C." in messages


def test_answers_outside_every_area_and_the_scale_are_left_out_and_counted():
    survey = Survey(area=np.array([0, -1, 1, 1]), answer=np.array([1, 1, 7, 2]))
    table, messages = safety_index(
        ["X", "Y"], np.array([10, 10]), np.array([1, 1]), YEAR, survey, IndexSettings(min_responses=1)
    )
    assert table["respondents"].tolist() == [1, 1]
    assert table["missing_answers"].tolist() == [0, 1]
    assert "1 survey responses belong to no area and are left out." in messages


def test_change_against_a_previous_period():
    current, _ = index()
    previous = pd.DataFrame({"area_id": ["A", "B", "C"], "safety_index": [100.0, 50.0, 300.0]})
    changed = with_change(current, previous)
    assert changed["safety_index_prev"].tolist()[:3] == [100, 50, 300]
    assert changed["change"].tolist()[:3] == pytest.approx(
        [(400 / 3 + 125) / 2 - 100, 100 / 3 - 50, (800 / 3 + 250) / 2 - 300]
    )
    assert math.isnan(changed["change"][3])


def test_bad_settings_are_refused_in_words():
    with pytest.raises(InputError, match="must last at least a day"):
        safety_index(AREAS, np.array(POPULATION), np.array(INCIDENTS), 0, SURVEY)
    with pytest.raises(InputError, match="cannot be negative"):
        index(IndexSettings(crime_weight=-1))
