"""Workload of base units: population, crimes and exposed population blended into one number.

:func:`compute_workload` gives each unit a workload in "population
equivalents" (see its docstring); with no crimes and no exposed areas the
workload *is* the population. :func:`checked_values` is the check every
per-unit number of the split goes through; it raises :class:`UnitValueError`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
import shapely

from ..errors import InputError
from ..geometry import intersection
from ..messages import tr

TERM_NAMES = {"crime count": tr("crime count"), "exposed population": tr("exposed population")}
"""The workload's terms beside the population, as a message names them."""


def compute_workload(
    population: Sequence[float],
    crimes: Sequence[float] | None = None,
    exposed_population: Sequence[float] | None = None,
    population_weight: float = 1.0,
    crime_weight: float = 1.0,
    exposed_weight: float = 1.0,
    unit_names: Sequence | None = None,
) -> np.ndarray:
    """Workload of each unit, in population equivalents.

    ``workload_i = (wP·pop_i + wC·crime_i·P/C + wE·exposed_i·P/E) / (wP + wC' + wE')``

    where P, C, E are the totals of population, crimes and exposed population
    (population living in particularly exposed housing areas), and wC' / wE'
    are the weights of the terms present (a term without data, i.e. ``None`` or
    a zero total, is dropped). Each term is scaled to the population total and
    the weights are normalised, so the total workload equals the total
    population and a weight says how much that aspect matters relative to the
    others. With no crimes and no exposed areas the workload is the
    population. Raises :class:`InputError` for negative or missing values, naming the unit by
    ``unit_names`` (e.g. feature ids, "#12"; positions by default).
    """
    pop = checked_values(population, "population", unit_names)
    terms = [(population_weight, pop)]
    for values, weight, what in (
        (crimes, crime_weight, "crime count"),
        (exposed_population, exposed_weight, "exposed population"),
    ):
        if values is None:
            continue
        values = checked_values(values, what, unit_names)
        if len(values) != len(pop):
            raise InputError(
                tr(
                    "The {what} has {count} values for {units} units.",
                    what=TERM_NAMES[what],
                    count=len(values),
                    units=len(pop),
                )
            )
        if values.sum() > 0:
            terms.append((weight, values * (pop.sum() / values.sum())))
    for weight, _ in terms:
        if weight < 0 or not math.isfinite(weight):
            raise InputError(tr("Workload weights must be zero or positive, got {weight}.", weight=weight))
    total_weight = sum(weight for weight, _ in terms)
    if total_weight <= 0:
        raise InputError(
            tr(
                "All workload weights are zero; "
                "give the population weight (or another weight) a positive value."
            )
        )
    return sum(weight * values for weight, values in terms) / total_weight


def exposed_population(units: Sequence, population: Sequence[float], exposed_areas: Sequence) -> np.ndarray:
    """Population of each unit living in exposed areas: population × covered area share."""
    units = np.asarray(getattr(units, "values", units), dtype=object)
    areas = np.asarray(getattr(exposed_areas, "values", exposed_areas), dtype=object)
    pop = np.asarray(population, dtype=float)
    if len(areas) == 0:
        return np.zeros(len(units))
    covered = shapely.area(intersection(units, shapely.union_all(areas)))
    unit_area = shapely.area(units)
    share = np.divide(covered, unit_area, out=np.zeros(len(units)), where=unit_area > 0)
    return pop * np.clip(share, 0.0, 1.0)


class UnitValueError(InputError):
    """A per-unit number is not a number, missing or negative.

    ``what`` names the number ("population", "workload", …) and ``detail`` is
    the message without that subject, for a caller that names the field the
    number came from instead.
    """

    def __init__(self, what: str, detail: str):
        super().__init__(f"{what.capitalize()}: {detail}")
        self.what = what
        self.detail = detail


def checked_values(values: Sequence[float], what: str, unit_names: Sequence | None = None) -> np.ndarray:
    """``values`` as a float array, one finite number ≥ 0 per unit; :class:`UnitValueError`
    otherwise, naming ``what`` they are and the first unit at fault (by ``unit_names``)."""
    try:
        array = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise UnitValueError(what, f"every {what} must be a number; fill the missing values first.") from None
    if array.ndim != 1:
        raise UnitValueError(what, f"expected one {what} per unit.")

    def name(k: int):
        return k if unit_names is None else unit_names[k]

    missing = ~np.isfinite(array)
    if missing.any():
        raise UnitValueError(
            what,
            f"unit {name(int(np.flatnonzero(missing)[0]))} has no {what} ({int(missing.sum())} in all); "
            "fill the missing values (e.g. with 0) first.",
        )
    negative = array < 0
    if negative.any():
        first = int(np.flatnonzero(negative)[0])
        raise UnitValueError(
            what,
            f"unit {name(first)} has a negative {what} ({array[first]:g}; {int(negative.sum())} in all); "
            "correct those values.",
        )
    return array
