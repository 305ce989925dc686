"""Statistics of the threat assessment and the initiative evaluation, on small hand-worked cases."""

import math

import pytest

from ypo_plugin.core.errors import InputError
from ypo_plugin.core.evaluation import InitiativeCounts, change_p_value, initiative_figures


def test_exact_change_test_on_four_incidents_in_equal_periods():
    # n = 4, p = 1/2: P = 1, 4, 6, 4, 1 (/16); counts no more likely than 3 (4/16) are 0, 1, 3, 4.
    assert change_p_value(3, 1, 90, 90) == pytest.approx(10 / 16)


def test_exact_change_test_in_the_tail_and_at_the_mode():
    assert change_p_value(5, 0, 30, 30) == pytest.approx(2 / 32)  # only 0 and 5 are that unlikely
    assert change_p_value(1, 1, 30, 30) == pytest.approx(1.0)  # the most likely split


def test_exact_change_test_with_periods_of_other_lengths():
    # p = 1/(1+3) = 1/4, n = 2: P = 9/16, 6/16, 1/16; two now is the least likely count.
    assert change_p_value(2, 0, 1, 3) == pytest.approx(1 / 16)


def test_no_incidents_in_either_period_is_no_evidence_of_change():
    assert change_p_value(0, 0, 91, 92) == 1.0


def test_a_period_without_days_is_refused_in_words():
    with pytest.raises(InputError, match="at least a day"):
        change_p_value(1, 1, 0, 90)


def counts(tb, ta, bb, ba, cb, ca):
    return InitiativeCounts(tb, ta, bb, ba, cb, ca)


def test_rate_ratio_interval_and_p_value_worked_by_hand():
    figures = initiative_figures(counts(100, 50, 80, 60, 1000, 1000))
    # RR = (50/100)/(1000/1000) = 0.5; SE = √(1/50 + 1/100 + 1/1000 + 1/1000) = √0.032 = 0.178885…
    assert figures.rate_ratio == pytest.approx(0.5)
    standard_error = math.sqrt(0.032)
    assert figures.rate_ratio_low == pytest.approx(math.exp(math.log(0.5) - 1.96 * standard_error))
    assert figures.rate_ratio_high == pytest.approx(math.exp(math.log(0.5) + 1.96 * standard_error))
    assert figures.rate_ratio_low == pytest.approx(0.35213, abs=1e-5)
    assert figures.rate_ratio_high == pytest.approx(0.70997, abs=1e-5)
    # z = ln 0.5 / 0.178885 = −3.87484; two-sided normal tail 1.0671e-4
    assert figures.p_value == pytest.approx(1.0671e-4, rel=1e-3)


def test_wdq_reads_diffusion_when_the_ring_fell_too():
    figures = initiative_figures(counts(100, 50, 80, 60, 1000, 1000))
    # (60/1000 − 80/1000) / (50/1000 − 100/1000) = −0.02 / −0.05 = 0.4
    assert figures.wdq == pytest.approx(0.4)
    assert figures.reading.startswith("Diffusion of benefits")


def test_wdq_reads_displacement_when_the_ring_rose():
    figures = initiative_figures(counts(100, 50, 80, 100, 1000, 1000))
    assert figures.wdq == pytest.approx(-0.4)  # +0.02 / −0.05
    assert figures.reading.startswith("Displacement: part")
    more = initiative_figures(counts(100, 50, 80, 140, 1000, 1000))
    assert more.wdq == pytest.approx(-1.2)  # +0.06 / −0.05
    assert more.reading.startswith("Displacement exceeds")


def test_the_wdq_is_not_read_when_the_target_did_not_improve():
    figures = initiative_figures(counts(100, 100, 80, 60, 1000, 1000))
    assert figures.wdq is None
    assert "no effect" in figures.reading
    assert figures.rate_ratio == pytest.approx(1.0)


def test_zero_counts_leave_the_figures_empty_and_say_why():
    figures = initiative_figures(counts(0, 5, 3, 4, 200, 180))
    assert (figures.rate_ratio, figures.rate_ratio_low, figures.rate_ratio_high, figures.p_value) == (
        None,
    ) * 4
    assert any("target before" in note for note in figures.notes)
    no_comparison = initiative_figures(counts(10, 5, 3, 4, 0, 0))
    assert no_comparison.rate_ratio is None and no_comparison.wdq is None
    assert any("comparison before and comparison after" in note for note in no_comparison.notes)


def test_negative_counts_are_refused_in_words():
    with pytest.raises(InputError, match="buffer after count cannot be negative"):
        initiative_figures(counts(1, 1, 1, -1, 1, 1))


@pytest.mark.parametrize(
    "now, before, days_now, days_before", [(0, 7, 91, 92), (40, 25, 92, 91), (310, 250, 90, 365)]
)
def test_exact_change_test_agrees_with_scipys_binomial_test(now, before, days_now, days_before):
    from scipy.stats import binomtest

    expected = binomtest(now, now + before, days_now / (days_now + days_before)).pvalue
    assert change_p_value(now, before, days_now, days_before) == pytest.approx(expected, rel=1e-9, abs=1e-15)
