"""The city safety index: recorded crime and how safe citizens say they feel, per area.

Per area (the index areas, or the sectors):

- ``crimes_per_1000 = incidents × 1000 / population × 365.25 / period days`` (a yearly rate);
- ``crime_index = 100 × crimes_per_1000 / the same rate over all areas together``;
- ``unsafe_share = Σ weight of answers ≤ 2 / Σ weight of answers`` on the 1–5 scale of "How safe do
  you feel in your neighbourhood after dark?" (1 = very unsafe); answers outside 1–5, missing
  answers and answers without a usable weight are left out and counted as missing;
- ``insecurity_index = 100 × unsafe_share / the same share over all respondents``;
- ``safety_index = crime weight × crime_index + survey weight × insecurity_index``, the weights
  taken relative to their sum: 100 is the average of the areas, higher is less safe;
- ``rank`` 1 for the least safe area (equal indices share a rank), and ``needs_initiative`` when
  the safety index reaches the threshold.

An area with fewer respondents than the minimum is marked "too few responses" ("no survey
answers" when it has none): its survey share rests on too few people, so it gets no safety index,
rank or initiative mark (its crime index is still given), and a message names it. An area without
inhabitants has no rate and is marked so. When there is no incident (or no unsafe answer)
anywhere, every area equals the average: the index is 100 and a message says why. A survey
without a single usable answer in any area is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import InputError
from .lazy import lazy_module
from .messages import tr

pd = lazy_module("pandas")

DAYS_PER_YEAR = 365.25
UNSAFE_ANSWERS = (1, 2)
ANSWER_SCALE = (1, 2, 3, 4, 5)

STATUS_OK = "ok"
STATUS_TOO_FEW = "too few responses"
STATUS_NO_INHABITANTS = "no inhabitants"
STATUS_NO_ANSWERS = "no survey answers"


@dataclass(frozen=True)
class Survey:
    """Survey answers: the index of the area each respondent belongs to (−1: none), the answer on
    the 1–5 scale (NaN when missing) and the respondent's weight (None: every weight 1)."""

    area: np.ndarray
    answer: np.ndarray
    weight: np.ndarray | None = None


@dataclass(frozen=True)
class IndexSettings:
    """How the two parts are weighed and when an area needs an initiative."""

    crime_weight: float = 0.5
    survey_weight: float = 0.5
    threshold: float = 120.0
    min_responses: int = 30


DEFAULT_SETTINGS = IndexSettings()


def safety_index(
    area_ids: list,
    population: np.ndarray,
    incidents: np.ndarray,
    period_days: float,
    survey: Survey,
    settings: IndexSettings = DEFAULT_SETTINGS,
) -> tuple[pd.DataFrame, list[str]]:
    """The safety index table, one row per area in the given order, and messages for the user."""
    population = np.asarray(population, dtype=float)
    incidents = np.asarray(incidents, dtype=float)
    _check(area_ids, population, incidents, period_days, settings)
    messages: list[str] = []
    table = pd.DataFrame({"area_id": list(area_ids), "population": population, "incidents": incidents})
    _crime_part(table, period_days, messages)
    _survey_part(table, survey, messages)
    _combine(table, settings, messages)
    return table, messages


def with_change(current: pd.DataFrame, previous: pd.DataFrame) -> pd.DataFrame:
    """``current`` with ``safety_index_prev`` (the previous period's index of the same area id)
    and ``change`` (current minus previous; empty where either is)."""
    previous_index = previous.set_index("area_id")["safety_index"]
    result = current.copy()
    result["safety_index_prev"] = result["area_id"].map(previous_index).astype(float)
    result["change"] = result["safety_index"] - result["safety_index_prev"]
    return result


def _check(area_ids, population, incidents, period_days, settings: IndexSettings) -> None:
    if not len(area_ids) == len(population) == len(incidents):
        raise InputError(tr("Every area needs its population and its incident count."))
    if period_days <= 0:
        raise InputError(tr("The period must last at least a day."))
    if settings.crime_weight < 0 or settings.survey_weight < 0:
        raise InputError(tr("The crime and survey weights cannot be negative."))
    if settings.crime_weight + settings.survey_weight <= 0:
        raise InputError(tr("The crime weight or the survey weight must be above 0."))
    if settings.min_responses < 0:
        raise InputError(tr("The minimum number of responses cannot be negative."))
    if np.any(population < 0) or np.any(np.isnan(population)):
        raise InputError(tr("The population of an area cannot be negative or missing."))


def _crime_part(table: pd.DataFrame, period_days: float, messages: list[str]) -> None:
    population = table["population"].to_numpy()
    incidents = table["incidents"].to_numpy()
    to_yearly = 1000.0 * DAYS_PER_YEAR / period_days
    inhabited = population > 0
    rate = np.full(len(table), np.nan)
    rate[inhabited] = incidents[inhabited] * to_yearly / population[inhabited]
    overall = incidents.sum() * to_yearly / population.sum() if population.sum() > 0 else np.nan
    table["crimes_per_1000"] = rate
    if overall > 0:
        table["crime_index"] = 100.0 * rate / overall
    else:
        table["crime_index"] = np.where(inhabited, 100.0, np.nan)
        messages.append(
            tr("No incident in the period in any area: every area's crime index is 100 (the average).")
        )
    if not inhabited.all():
        names = ", ".join(str(area) for area in table.loc[~inhabited, "area_id"])
        messages.append(
            tr("Areas without inhabitants have no crime rate and no safety index: {areas}.", areas=names)
        )


def _survey_part(table: pd.DataFrame, survey: Survey, messages: list[str]) -> None:
    area = np.asarray(survey.area, dtype=np.int64)
    answer = np.asarray(survey.answer, dtype=float)
    weight = np.ones(len(answer)) if survey.weight is None else np.asarray(survey.weight, dtype=float)
    in_area = (area >= 0) & (area < len(table))
    valid = in_area & np.isin(answer, ANSWER_SCALE) & np.isfinite(weight) & (weight > 0)
    missing = in_area & ~valid
    count = len(table)
    table["respondents"] = np.bincount(area[valid], minlength=count)
    table["missing_answers"] = np.bincount(area[missing], minlength=count)
    weight_all = np.bincount(area[valid], weights=weight[valid], minlength=count)
    unsafe = valid & np.isin(answer, UNSAFE_ANSWERS)
    weight_unsafe = np.bincount(area[unsafe], weights=weight[unsafe], minlength=count)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(weight_all > 0, weight_unsafe / weight_all, np.nan)
    table["unsafe_share"] = share
    overall = weight_unsafe.sum() / weight_all.sum() if weight_all.sum() > 0 else np.nan
    if overall > 0:
        table["insecurity_index"] = 100.0 * share / overall
    else:
        table["insecurity_index"] = np.where(weight_all > 0, 100.0, np.nan)
        if weight_all.sum() > 0:
            messages.append(
                tr("No respondent feels unsafe (answer 1 or 2): every area's insecurity index is 100.")
            )
    if not valid.any():
        raise InputError(
            tr(
                "The survey has no usable answer (1–5 with a weight above 0) in any area: check the answer "
                "field, the weight field, and that the respondents lie in (or name) the areas."
            )
        )
    outside = int((~in_area).sum())
    if outside:
        messages.append(tr("{count} survey responses belong to no area and are left out.", count=outside))
    if missing.any():
        messages.append(
            tr(
                "{count} survey responses without a usable answer or weight are left out.",
                count=int(missing.sum()),
            )
        )


def _combine(table: pd.DataFrame, settings: IndexSettings, messages: list[str]) -> None:
    total = settings.crime_weight + settings.survey_weight
    index = (
        settings.crime_weight * table["crime_index"] + settings.survey_weight * table["insecurity_index"]
    ) / total
    enough = table["respondents"].to_numpy() >= settings.min_responses
    inhabited = table["population"].to_numpy() > 0
    rankable = enough & inhabited & index.notna().to_numpy()
    table["safety_index"] = index.where(rankable)
    table["rank"] = table["safety_index"].rank(method="min", ascending=False).astype("Int64")
    table["needs_initiative"] = rankable & (table["safety_index"].fillna(-np.inf) >= settings.threshold)
    respondents = table["respondents"].to_numpy()
    table["survey_status"] = np.select(
        [~inhabited, respondents == 0, ~enough],
        [STATUS_NO_INHABITANTS, STATUS_NO_ANSWERS, STATUS_TOO_FEW],
        default=STATUS_OK,
    )
    without = table.loc[inhabited & (respondents == 0), "area_id"]
    if len(without):
        messages.append(
            tr(
                "Areas without any survey answer (no safety index): {areas}.",
                areas=", ".join(str(a) for a in without),
            )
        )
    few = table[inhabited & (respondents > 0) & ~enough]
    if len(few):
        listed = ", ".join(f"{row.area_id} ({row.respondents})" for row in few.itertuples())
        messages.append(
            tr(
                "Areas with fewer than {min_responses} respondents are marked 'too few responses' "
                "and get no safety index, rank or initiative mark: {areas}.",
                min_responses=settings.min_responses,
                areas=listed,
            )
        )
