"""Staff: sharing a number of officers over the sectors (one budget, or one per district).

Method of :func:`allocate_officers`: minimum-constrained proportional shares, rounded by the
largest-remainder (Hamilton) method, summing exactly to the budget. Without a budget every
sector is allocated what it requires.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from .defaults import MIN_OFFICERS
from .errors import About, InputError
from .lazy import lazy_module
from .messages import tr

pd = lazy_module("pandas")


DISTRICT_SHARE_WARNING = 0.99
"""A sector lying less than this share inside the district it is staffed from is reported."""


def allocate_officers(
    required: np.ndarray,
    budget: int,
    min_officers: int = MIN_OFFICERS,
    district: Any = None,
    about: About = About.STAFF,
) -> np.ndarray:
    """Share ``budget`` officers over sectors: at least ``min_officers`` each, the sum exactly ``budget``.

    Method (minimum-constrained proportional shares, Hamilton rounding), in
    exact integer arithmetic:

    1. Every sector's quota is ``q_i = B · r_i / Σ r`` (r = officers_required;
       equal shares if all r are 0), B the budget still to share.
    2. Sectors with ``q_i < min_officers`` are fixed at the minimum, B is
       reduced by their officers and step 1 is repeated for the others.
    3. The others get ``⌊q_i⌋`` and the officers left over go one each to the
       largest remainders ``q_i − ⌊q_i⌋`` (ties: larger requirement, then input order).

    When the budget equals Σ r and every r ≥ the minimum, allocation = requirement.
    ``district`` names the budget's district in messages (None: the staff of all sectors), ``about``
    is the errors' ``about``.
    """
    required = np.asarray(required, dtype=np.int64)
    n = len(required)
    budget = _checked_budget(budget, district, about)
    if budget < min_officers * n:
        values = {"budget": budget, "sectors": n, "minimum": min_officers, "total": min_officers * n}
        if district is None:
            message = tr(
                "Staff {budget} is too small for {sectors} sectors: every sector needs at least the "
                "minimum of {minimum} officers ({total} in all). "
                "Raise the staff or lower the minimum officers per sector.",
                **values,
            )
        else:
            message = tr(
                "District '{district}': staff {budget} is too small for {sectors} sectors: every "
                "sector needs "
                "at least the minimum of {minimum} officers ({total} in all). "
                "Raise the staff or lower the minimum officers per sector.",
                district=district,
                **values,
            )
        raise InputError(message, about=about)
    weights = required if required.sum() > 0 else np.ones(n, dtype=np.int64)
    fixed = np.zeros(n, dtype=bool)
    while True:
        free = ~fixed
        remaining = budget - min_officers * int(fixed.sum())
        total_weight = int(weights[free].sum())
        if total_weight == 0:
            break
        below = free & (remaining * weights < min_officers * total_weight)
        if not below.any():
            break
        fixed |= below
    allocated = np.full(n, min_officers, dtype=np.int64)
    if total_weight:
        numerators = remaining * weights[free]
        allocated[free] = numerators // total_weight
        left_over = remaining - int(allocated[free].sum())
        remainders = numerators % total_weight
        free_idx = np.flatnonzero(free)
        order = np.lexsort((free_idx, -weights[free], -remainders))
        allocated[free_idx[order[:left_over]]] += 1
    return allocated


def allocate_officers_by_district(
    required: np.ndarray,
    districts: Sequence[Any],
    budgets: Mapping[Any, int],
    min_officers: int = MIN_OFFICERS,
    sector_ids: Sequence[Any] | None = None,
) -> np.ndarray:
    """:func:`allocate_officers` separately within each district, with that district's budget."""
    required = np.asarray(required, dtype=np.int64)
    districts = np.asarray(list(districts), dtype=object)
    sector_ids = (
        np.arange(len(required)) if sector_ids is None else np.asarray(list(sector_ids), dtype=object)
    )
    allocated = np.zeros(len(required), dtype=np.int64)
    for district in pd.unique(districts):
        members = districts == district
        if district not in budgets:
            raise InputError(
                tr(
                    "Sector '{sector}' is in district '{district}', which has no staff "
                    "among the districts with staff; add the district's staff or correct the sector's "
                    "district.",
                    sector=sector_ids[members][0],
                    district=district,
                ),
                about=About.DISTRICT_STAFF,
            )
        allocated[members] = allocate_officers(
            required[members],
            budgets[district],
            min_officers,
            district=district,
            about=About.DISTRICT_STAFF,
        )
    return allocated


def allocate_staff(
    required: np.ndarray,
    ids: Sequence[Any],
    districts: Sequence[Any] | None,
    staff: int | None,
    district_staff: Mapping[Any, int] | None,
    min_officers: int,
    warnings: list[str],
) -> np.ndarray:
    """Per-district budgets, else one budget (``staff``), else what each sector requires."""
    if district_staff is not None and staff is not None:
        raise InputError(
            tr("Give either one staff to allocate or districts with staff (per district), not both."),
            about=About.STAFF,
        )
    if district_staff is not None:
        if districts is None:
            raise InputError(
                tr("Per-district staff needs the district of every sector."), about=About.DISTRICT_STAFF
            )
        unused = [d for d in district_staff if d not in set(districts)]
        if unused:
            warnings.append(
                tr(
                    "DISTRICTS {districts} have staff but no sectors; their staff is not allocated.",
                    districts=", ".join(map(str, unused)),
                )
            )
        return allocate_officers_by_district(required, districts, district_staff, min_officers, ids)
    if staff is not None:
        return allocate_officers(required, staff, min_officers)
    return np.asarray(required).copy()


def district_budgets(
    names: Sequence[Any], staff: Sequence[float], features: Sequence[Any], name_field: str = "name"
) -> dict:
    """District name → its staff (a whole number), refused when a district has no name, a staff
    that is not whole, or occurs twice. ``features`` and ``name_field`` name the districts'
    features and their name field in messages."""
    budgets = {}
    for name, feature, value in zip(names, features, staff, strict=True):
        if name is None:
            raise InputError(
                tr(
                    "District feature {feature} has no {field}; name every district.",
                    feature=feature,
                    field=name_field,
                ),
                about=About.DISTRICT_STAFF,
            )
        if not float(value).is_integer():
            raise InputError(
                tr(
                    "District '{district}' has staff {value:g}; staff must be a whole number.",
                    district=name,
                    value=value,
                ),
                about=About.DISTRICT_STAFF,
            )
        if name in budgets:
            raise InputError(
                tr(
                    "District '{district}' occurs more than once; dissolve the districts by {field} first "
                    "so each has one staff number.",
                    district=name,
                    field=name_field,
                ),
                about=About.DISTRICT_STAFF,
            )
        budgets[name] = int(value)
    return budgets


def staffed_from(sector_ids: Sequence[Any], districts: Sequence[Any], shares: Sequence[float]) -> list[str]:
    """Checks that every sector has a district to be staffed from (the one covering most of it,
    :func:`.sectors.district_of_sectors`); one warning per sector lying less than
    ``DISTRICT_SHARE_WARNING`` inside its district."""
    warnings = []
    for sector_id, name, share in zip(sector_ids, districts, shares, strict=True):
        if name is None:
            raise InputError(
                tr(
                    "Sector '{sector}' lies in none of the districts with staff; extend the districts or "
                    "leave the sector out.",
                    sector=sector_id,
                ),
                about=About.DISTRICT_STAFF,
            )
        if share < DISTRICT_SHARE_WARNING:
            warnings.append(
                tr(
                    "Sector '{sector}' lies only {share:.0%} inside district '{district}' "
                    "(the district covering most of it); it is staffed from that district.",
                    sector=sector_id,
                    share=share,
                    district=name,
                )
            )
    return warnings


def _checked_budget(budget: Any, district: Any, about: About) -> int:
    try:
        number = float(budget)
    except (TypeError, ValueError):
        number = math.nan
    if math.isnan(number) or not number.is_integer() or number < 0:
        if district is None:
            raise InputError(
                tr("Staff '{budget}' must be a whole number of officers ≥ 0.", budget=budget), about=about
            )
        raise InputError(
            tr(
                "District '{district}': staff '{budget}' must be a whole number of officers ≥ 0.",
                district=district,
                budget=budget,
            ),
            about=about,
        )
    return int(number)
