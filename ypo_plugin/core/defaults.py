"""The defaults the algorithms, the "Sector statistics" dock and the shipped models share,
and the names their parameter definitions show (crime types, grid types, factor methods).

One value, one place: the Processing parameters take their defaults from here, the
dock computes with them, and ``tools/make_models.py`` writes them into the models.
Nothing here needs numpy: loading the plugin and listing its algorithms reads this
module, not the logic that uses the values (issue 12: a light start).
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

CRIME_TYPES: tuple[str, ...] = (
    "violence",
    "burglary",
    "theft",
    "drugs",
    "vandalism",
    "harassment",
)
"""The six YPO crime types, in the order of the ``crimes_<type>`` output fields."""

CRIME_TYPE_FIELDS: tuple[str, ...] = tuple(f"crimes_{t}" for t in CRIME_TYPES)

FACTOR_METHODS = ("thresholds", "quintiles")
"""How manning turns a sector's need score into its factor."""

DEFAULT_THRESHOLDS_TEXT = "; ".join(f"{value:g}" for value in DEFAULT_THRESHOLDS)
"""The default thresholds as :func:`.manning.parse_thresholds` reads them."""

GRID_TYPES: tuple[str, ...] = ("square", "hexagon")
DEFAULT_CELL_SIZE = 250.0
"""Crime grid cells: their shape and size (m)."""

DEFAULT_MAX_CELLS = 1_000_000
"""The most cells a crime grid may have (a larger one would not fit in memory)."""

MAIN_STREETS = 20
"""How many of the longest streets public maps name."""

# Pieces of overlap, gap, outside or extra part up to this area are floating-point noise
# (digitising, dissolving, reprojection), never reported: 1 m², or a billionth of the area of
# the sector concerned (the larger one for a pair), whichever is larger.
MIN_REPORTED_AREA_M2 = 1.0
MIN_REPORTED_AREA_SHARE = 1e-9

YES_TEXTS = frozenset({"1", "true", "t", "yes", "y", "ja", "j", "x", "gang"})
NO_TEXTS = frozenset({"", "0", "false", "f", "no", "n", "nej"})
"""Texts of a yes/no field (a gang-related flag, an initiative's target), compared without case and
surrounding spaces."""

SIGNIFICANCE_LEVEL = 0.05
"""A change is significant when its p-value is below this."""

BUSIEST_CELLS = 5
"""How many of an area's busiest grid cells the threat assessment names."""
