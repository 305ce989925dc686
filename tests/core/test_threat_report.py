"""The threat assessment report's words, worked out by hand on two sectors."""

import numpy as np
import pytest
from scipy.stats import binomtest

from ypo_plugin.core.threat_assessment import assess_threats
from ypo_plugin.core.threat_report import sector_lines, summary_sections, write_monthly_charts

from .test_threat_assessment import two_sectors

# S1: six incidents in the quarter (2026-07-01 … 09-30), none before; S2: five before, one now
INCIDENTS = [(100, 100, f"2026-0{7 + i % 3}-1{i}") for i in range(6)] + [
    (1500, 500, f"2026-0{4 + i % 3}-0{i + 1}") for i in range(5)
] + [(1500, 500, "2026-09-30")]  # fmt: skip


@pytest.fixture(scope="module")
def result():
    data = two_sectors(INCIDENTS)
    return assess_threats(data)


def test_the_summary_lists_significant_rises_and_falls(result):
    sections = dict(summary_sections(result, gang_known=False))
    rise = binomtest(6, 6, 92 / 183).pvalue  # 0.0158
    fall = binomtest(1, 6, 92 / 183).pvalue  # 0.2
    assert rise < 0.05 < fall
    assert sections["Significant increases (p < 0.05)"] == [f"Sector S1: 0 → 6 (new, p = {rise:.3f})"]
    assert sections["Significant decreases (p < 0.05)"] == ["None."]
    station_p = binomtest(7, 12, 92 / 183).pvalue
    change = 100 * (7 / 92 - 5 / 91) / (5 / 91)  # +38 %
    assert sections["Station"][0] == f"Station: 5 → 7 (+{change:.0f} %, p = {station_p:.3f})"
    assert sections["Gang-related incidents"] == ["Not assessed: no gang field was given (GANG_FIELD)."]
    assert sections["Particularly exposed housing areas"] == ["None given (EXPOSED_AREAS)."]


def test_a_sector_in_words(result):
    row = result.table.set_index("area_id").loc["S2"].to_dict() | {"area_id": "S2"}
    lines = sector_lines(row, gang_known=True)
    assert lines[1].startswith("Incidents 5 → 1 (-80 %")  # (1/92 − 5/91) / (5/91) = −80.2 %
    assert "theft 5 → 1" in lines[2]
    assert lines[3] == "Gang-related 0 → 0"


def test_monthly_charts_one_per_sector(result, tmp_path):
    charts = write_monthly_charts(result, tmp_path)
    assert list(charts) == ["S1", "S2"]
    assert all(path.endswith("_monthly.svg") for path in charts.values())
    assert np.array_equal(result.monthly.iloc[:, 1:].sum(axis=1).to_numpy(), [6, 6])
