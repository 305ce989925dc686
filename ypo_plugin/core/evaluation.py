"""Did the work help? The statistics of the quarterly threat assessment and of an initiative's
evaluation, on incident counts.

- **A change between two periods** (threat assessment): given ``n = now + before`` incidents
  over both periods, and no change in the underlying rate, the count ``now`` is binomial with
  ``p = days_now / (days_now + days_before)``. The two-sided p-value is the probability of
  every count no more likely than the one seen (the exact conditional test).
- **An initiative** (Bowers & Johnson 2003; Farrington's rate ratio): counts before (``_b``)
  and after (``_a``) the start in the target area ``T``, the buffer ring around it ``B``
  (where crime could be displaced to) and the comparison area ``C``:

  - rate ratio ``RR = (T_a / T_b) / (C_a / C_b)``: below 1 the target fell more (or rose less)
    than the comparison; 95 % interval ``exp(ln RR ± 1.96 · √(1/T_a + 1/T_b + 1/C_a + 1/C_b))``
    and the two-sided p-value of ``ln RR / SE`` against the normal distribution;
  - weighted displacement quotient ``WDQ = (B_a/C_a − B_b/C_b) / (T_a/C_a − T_b/C_b)``: the
    buffer's change relative to the comparison per unit of the target's change. Read only when
    the target improved (denominator below 0): above 0 crime fell in the buffer too (diffusion
    of benefits), below 0 it moved into the buffer (displacement), below −1 more moved than the
    target gained.

  A count of zero makes a ratio undefined: the figure is left empty (``None``) and a note says
  which count was zero, never a division error.
"""

import math
from dataclasses import dataclass, field

import numpy as np

from .errors import InputError
from .messages import tr

# Relative tolerance for "no more likely than the observed count" in the exact test: binomial
# probabilities computed in floating point differ in the last digits for equally likely counts.
_LIKELIHOOD_TOLERANCE = 1e-7

_Z_95 = 1.96  # the usual rounded normal quantile of a 95 % interval


def change_p_value(now: int, before: int, days_now: float, days_before: float) -> float:
    """Two-sided exact p-value that ``now`` incidents in ``days_now`` days and ``before`` in
    ``days_before`` days come from one unchanged daily rate (1.0 when there are none at all)."""
    if days_now <= 0 or days_before <= 0:
        raise InputError(tr("Both periods must last at least a day."))
    if now < 0 or before < 0:
        raise InputError(tr("Incident counts cannot be negative."))
    total = now + before
    if total == 0:
        return 1.0
    share = days_now / (days_now + days_before)
    likelihoods = _binomial_probabilities(total, share)
    observed = likelihoods[now]
    return float(min(1.0, likelihoods[likelihoods <= observed * (1 + _LIKELIHOOD_TOLERANCE)].sum()))


def _binomial_probabilities(total: int, share: float) -> np.ndarray:
    """P(X = k) for k = 0 … total, X binomial(total, share), through logarithms (no overflow)."""
    counts = np.arange(total + 1)
    if share <= 0 or share >= 1:
        return (counts == (total if share >= 1 else 0)).astype(float)
    log_choose = np.array(
        [math.lgamma(total + 1) - math.lgamma(k + 1) - math.lgamma(total - k + 1) for k in counts]
    )
    return np.exp(log_choose + counts * math.log(share) + (total - counts) * math.log1p(-share))


@dataclass(frozen=True)
class InitiativeCounts:
    """Incidents before and after the start in the target, the buffer ring and the comparison."""

    target_before: int
    target_after: int
    buffer_before: int
    buffer_after: int
    comparison_before: int
    comparison_after: int


@dataclass
class InitiativeFigures:
    """The rate ratio with its interval and p-value, the WDQ and its reading, in plain words."""

    rate_ratio: float | None = None
    rate_ratio_low: float | None = None
    rate_ratio_high: float | None = None
    p_value: float | None = None
    wdq: float | None = None
    reading: str = ""
    notes: list[str] = field(default_factory=list)


def initiative_figures(counts: InitiativeCounts) -> InitiativeFigures:
    """Rate ratio, its 95 % interval and p-value, and the WDQ (see the module docstring)."""
    _check_counts(counts)
    figures = InitiativeFigures()
    _rate_ratio(counts, figures)
    _displacement(counts, figures)
    return figures


def _check_counts(counts: InitiativeCounts) -> None:
    for name, value in vars(counts).items():
        if value < 0:
            raise InputError(
                tr("The {name} count cannot be negative ({value}).", name=name.replace("_", " "), value=value)
            )


def _zero_counts(counts: InitiativeCounts, names: tuple[str, ...]) -> list[str]:
    return [name.replace("_", " ") for name in names if getattr(counts, name) == 0]


def _rate_ratio(counts: InitiativeCounts, figures: InitiativeFigures) -> None:
    names = ("target_before", "target_after", "comparison_before", "comparison_after")
    zeros = _zero_counts(counts, names)
    if zeros:
        figures.notes.append(
            tr(
                "No incidents in the {periods} period: the rate ratio is undefined "
                "(choose longer periods or larger areas).",
                periods=", ".join(zeros),
            )
        )
        return
    log_ratio = math.log(counts.target_after / counts.target_before) - math.log(
        counts.comparison_after / counts.comparison_before
    )
    standard_error = math.sqrt(sum(1 / getattr(counts, name) for name in names))
    figures.rate_ratio = math.exp(log_ratio)
    figures.rate_ratio_low = math.exp(log_ratio - _Z_95 * standard_error)
    figures.rate_ratio_high = math.exp(log_ratio + _Z_95 * standard_error)
    figures.p_value = math.erfc(abs(log_ratio / standard_error) / math.sqrt(2))


def _displacement(counts: InitiativeCounts, figures: InitiativeFigures) -> None:
    zeros = _zero_counts(counts, ("comparison_before", "comparison_after"))
    if zeros:
        figures.notes.append(
            tr("No incidents in the {periods} period: the WDQ is undefined.", periods=" and ".join(zeros))
        )
        return
    buffer_change = (
        counts.buffer_after / counts.comparison_after - counts.buffer_before / counts.comparison_before
    )
    success = counts.target_after / counts.comparison_after - counts.target_before / counts.comparison_before
    if success >= 0:
        figures.reading = tr(
            "Crime in the target did not fall relative to the comparison area, so there is no effect "
            "whose displacement could be measured: the WDQ is not computed."
        )
        return
    figures.wdq = buffer_change / success
    figures.reading = _wdq_reading(figures.wdq)


def _wdq_reading(wdq: float) -> str:
    if wdq > 1:
        return tr("Diffusion of benefits: crime fell in the buffer ring even more than in the target.")
    if wdq > 0:
        return tr("Diffusion of benefits: crime also fell in the buffer ring around the target.")
    if wdq == 0:
        return tr("Neither displacement nor diffusion: the buffer ring changed like the comparison area.")
    if wdq >= -1:
        return tr("Displacement: part of the crime moved into the buffer ring, less than the target gained.")
    return tr(
        "Displacement exceeds the effect: more crime moved into the buffer ring than the target gained."
    )
