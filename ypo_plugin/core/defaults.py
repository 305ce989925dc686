"""The defaults the algorithms, the "Sector statistics" dock and the shipped models share.

One value, one place: the Processing parameters take their defaults from here, the
dock computes with them, and ``tools/make_models.py`` writes them into the models.
"""

from collections.abc import Mapping

MIN_OFFICERS = 2
"""Officers every sector has at least."""

DEFAULT_TYPE_WEIGHTS: Mapping[str, float] = {
    "violence": 3.0,
    "burglary": 2.0,
    "theft": 1.0,
    "drugs": 1.5,
    "vandalism": 1.0,
    "harassment": 1.5,
}
"""Weight of each crime type in the need score."""

DEFAULT_EXPOSED_WEIGHT = 1.0
"""How much living in a particularly exposed housing area raises the need score."""

DEFAULT_THRESHOLDS: tuple[float, float, float, float] = (200.0, 120.0, 70.0, 35.0)
"""Weighted crimes per 1,000 inhabitants per year at which factor 1, 2, 3, 4 start."""

WORKLOAD_POPULATION_WEIGHT = 1.0
WORKLOAD_CRIME_WEIGHT = 0.5
WORKLOAD_EXPOSED_WEIGHT = 0.2
"""Weights of population, crime and exposed population in a sector's workload (the split
balances it, the dock shows its deviation)."""

SPLIT_TOLERANCE_PCT = 1.0
"""How far (in %) a sector's workload may deviate from its district's mean in a split."""

REVIEW_TOLERANCE_PCT = 10.0
"""Workload deviation (in %) from which the dock flags a sector while it is edited: wider
than the split's, since hand edits move whole units."""

SLIVER_AREA_M2 = 10_000.0
"""The shipped models' minimum sector area: a smaller sector or part is reported as a sliver."""
