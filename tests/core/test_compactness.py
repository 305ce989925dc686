"""Compactness scores, checked against values worked out by hand."""

import math

import numpy as np
import pytest
from shapely import Point, box

from ypo_plugin.core.compactness import polsby_popper, reock


def test_square():
    # PP = 4π·1 / 4² = π/4; Reock = 1 / (π·(√2/2)²) = 2/π.
    assert polsby_popper([box(0, 0, 1, 1)])[0] == pytest.approx(math.pi / 4)
    assert reock([box(0, 0, 1, 1)])[0] == pytest.approx(2 / math.pi)


def test_two_by_one_rectangle():
    # PP = 4π·2 / 6² = 2π/9; Reock = 2 / (π·(√5/2)²) = 8 / (5π).
    rectangle = box(0, 0, 2, 1)
    assert polsby_popper([rectangle])[0] == pytest.approx(2 * math.pi / 9)
    assert reock([rectangle])[0] == pytest.approx(8 / (5 * math.pi))


def test_disk_scores_about_one_and_scale_does_not_matter():
    disk = Point(0, 0).buffer(1000.0, quad_segs=256)
    assert polsby_popper([disk])[0] == pytest.approx(1.0, abs=1e-4)
    assert reock([disk])[0] == pytest.approx(1.0, abs=1e-4)
    assert polsby_popper([box(0, 0, 500, 500)])[0] == pytest.approx(math.pi / 4)


def test_missing_and_empty_geometries_score_nan():
    scores = polsby_popper([None, box(0, 0, 0, 0), box(0, 0, 1, 1)])
    assert np.isnan(scores[:2]).all() and scores[2] == pytest.approx(math.pi / 4)
    assert np.isnan(reock([None]))[0]
