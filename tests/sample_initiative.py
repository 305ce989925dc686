"""An independent count of the sample district's planted initiative (geopandas, not the plugin's
evaluation): the incidents of the target index areas, the 500 m ring around them and the areas
clear of the ring, 90 days before and from a start date, with the rate ratio and the weighted
displacement quotient worked out from the counts by their textbook formulas."""

import math

import geopandas as gpd
import pandas as pd
import shapely

START = pd.Timestamp("2026-04-01")
PLACEBO = pd.Timestamp("2026-01-01")
WINDOW = pd.Timedelta(days=90)
RING_M = 500.0


def counts(index_areas, crimes, start):
    """Incidents in the target, the ring and the comparison areas (index areas clear of the
    ring), in the 90 days before and from ``start``."""
    areas = index_areas
    target = shapely.union_all(areas.geometry[areas["initiative"].astype(bool)].values)
    # 8 segments per quarter circle (shapely's function default; the method's is 16), as the
    # plugin draws it: the ring's outer edge is within 2.4 m of the true 500 m.
    buffered = shapely.buffer(target, RING_M, quad_segs=8)
    ring = buffered.difference(target)
    comparison = shapely.union_all(areas.geometry[~areas.intersects(buffered)].values)
    when = crimes["occurred"]
    found = {}
    for name, window in (
        ("before", (when >= start - WINDOW) & (when < start)),
        ("after", (when >= start) & (when < start + WINDOW)),
    ):
        points = gpd.GeoSeries(crimes.geometry[window].values)
        for area_name, area in (("T", target), ("B", ring), ("C", comparison)):
            found[f"{area_name}_{name}"] = int(points.within(area).sum())
    return found


def rate_ratio(found):
    ratio = (found["T_after"] / found["T_before"]) / (found["C_after"] / found["C_before"])
    spread = 1.96 * math.sqrt(sum(1 / found[key] for key in ("T_after", "T_before", "C_after", "C_before")))
    return ratio, ratio * math.exp(-spread), ratio * math.exp(spread)


def displacement_quotient(found):
    """The WDQ, or None when crime in the target did not fall relative to the comparison: there is
    then no effect whose displacement could be measured (Bowers & Johnson 2003)."""
    buffer_change = found["B_after"] / found["C_after"] - found["B_before"] / found["C_before"]
    target_change = found["T_after"] / found["C_after"] - found["T_before"] / found["C_before"]
    return buffer_change / target_change if target_change < 0 else None
