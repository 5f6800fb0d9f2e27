# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The rules of a "Đơn vị học tập" evaluation, for both regimes.

Thông tư 22/2020 scores a 100-point table (Phụ lục 2) and ranks the total;
Thông tư 24/2023 checks indicators met or not and gives "mức độ 1" or "mức
độ 2" (see the levels section at the end of this module).

Pure Python, no ORM: every rule takes plain numbers and returns a
``ScoreResult`` whose ``score`` is an exact :class:`~fractions.Fraction`
(never a float) and whose ``reason`` and ``values`` let the caller explain the
score in words, in the user's language.

The rules and their parameters:

* ``achieved``: full points when achieved, else 0 (1a, 1b, 3b).
* ``missing_resources``: ``deduction`` per missing resource (1c: 2 points per
  missing resource among financial, facilities, equipment, other conditions).
* ``member_share``: ``deduction`` per ``step_percent`` by which the share of
  members meeting the criterion falls short of 100 % (2a-2d). Only completed
  steps count (``completed``) unless the criterion says ``started``.
* ``all_members``: full points only when every member has the competency (3a1-3a8).
* ``count``: ``points_per_unit`` per counted item (3c: one point per other unit
  the unit shared knowledge with), capped at the maximum.

Every score is clamped to ``[0, max_score]`` and rounded half-up to a multiple
of the criterion's ``rounding``.
"""

import functools
import math
from dataclasses import dataclass, field
from fractions import Fraction

RANK_GOOD = "good"
RANK_FAIR = "fair"
RANK_AVERAGE = "average"
RANK_FAIL = "fail"

STEP_COMPLETED = "completed"
STEP_STARTED = "started"


def exact(value):
    """Return ``value`` as an exact Fraction.

    Floats (as read from the database) are converted through their shortest
    decimal representation, so ``8.5`` is 17/2 and ``0.1`` is 1/10, not the
    binary approximation.
    """
    if isinstance(value, Fraction):
        return value
    if value is None or value is False:
        return Fraction(0)
    if isinstance(value, float):
        return _exact_float(value)
    return Fraction(value)


@functools.lru_cache(maxsize=4096)
def _exact_float(value):
    """``exact`` of a float, cached: scores take few distinct values."""
    return Fraction(repr(value))


@dataclass(frozen=True)
class ScoreResult:
    """An exact score and why it was given."""

    score: Fraction
    reason: str
    values: dict = field(default_factory=dict)


def _finish(score, max_score, rounding):
    score = min(max(score, Fraction(0)), exact(max_score))
    rounding = exact(rounding)
    if rounding > 0:
        score = math.floor(score / rounding + Fraction(1, 2)) * rounding
    return Fraction(score)


def score_achieved(max_score, achieved, rounding=0):
    """Full points when the unit achieved the criterion, else zero."""
    max_score = exact(max_score)
    if achieved:
        return ScoreResult(_finish(max_score, max_score, rounding), "achieved")
    return ScoreResult(Fraction(0), "not_achieved")


def score_missing_resources(max_score, missing, deduction, max_missing, rounding=0):
    """``max_score`` minus ``deduction`` per missing resource, never below 0."""
    if missing < 0 or missing > max_missing:
        raise ValueError(f"missing resources must be between 0 and {max_missing}")
    deducted = missing * exact(deduction)
    score = _finish(exact(max_score) - deducted, max_score, rounding)
    reason = "resources_complete" if not missing else "resources_missing"
    return ScoreResult(
        score,
        reason,
        {"missing": missing, "max_missing": max_missing, "deducted": deducted},
    )


def shortfall_steps(met, total, step_percent, step_mode=STEP_COMPLETED):
    """Number of ``step_percent`` steps by which ``met/total`` falls short of 100 %."""
    step = exact(step_percent)
    if step <= 0:
        raise ValueError("the step must be a positive percentage")
    shortfall = Fraction(100 * (total - met), total)
    steps = shortfall / step
    if step_mode == STEP_STARTED:
        return shortfall, math.ceil(steps)
    return shortfall, math.floor(steps)


def score_member_share(
    max_score,
    met,
    total,
    step_percent,
    deduction,
    step_mode=STEP_COMPLETED,
    rounding=0,
):
    """Deduct ``deduction`` per step by which the share of members falls short."""
    if met < 0 or total < 0 or met > total:
        raise ValueError("met must be between 0 and the number of members")
    if not total:
        return ScoreResult(Fraction(0), "no_members")
    shortfall, steps = shortfall_steps(met, total, step_percent, step_mode)
    deducted = steps * exact(deduction)
    score = _finish(exact(max_score) - deducted, max_score, rounding)
    values = {
        "met": met,
        "total": total,
        "percent": Fraction(100 * met, total),
        "shortfall": shortfall,
        "steps": steps,
        "step_percent": exact(step_percent),
        "deducted": deducted,
    }
    if met == total:
        reason = "share_full"
    elif not steps:
        reason = "share_below_step"
    else:
        reason = "share_deducted"
    return ScoreResult(score, reason, values)


def score_all_members(max_score, met, total, rounding=0):
    """Full points only when every member meets the criterion."""
    if met < 0 or total < 0 or met > total:
        raise ValueError("met must be between 0 and the number of members")
    if not total:
        return ScoreResult(Fraction(0), "no_members")
    values = {"met": met, "total": total, "missing": total - met}
    if met == total:
        return ScoreResult(
            _finish(exact(max_score), max_score, rounding), "all_members", values
        )
    return ScoreResult(Fraction(0), "members_missing", values)


def score_count(max_score, count, points_per_unit, rounding=0):
    """``points_per_unit`` per counted item, capped at ``max_score``."""
    if count < 0:
        raise ValueError("the count cannot be negative")
    earned = count * exact(points_per_unit)
    score = _finish(earned, max_score, rounding)
    if not count:
        reason = "count_zero"
    elif earned > exact(max_score):
        reason = "count_capped"
    else:
        reason = "count"
    return ScoreResult(score, reason, {"count": count, "earned": earned})


def rank(total, good, fair, average):
    """Rank code for an exact ``total`` given the minimum of each rank.

    With the Thông tư 22 thresholds: 85 is good, 84.5 is fair.
    """
    total = exact(total)
    if total >= exact(good):
        return RANK_GOOD
    if total >= exact(fair):
        return RANK_FAIR
    if total >= exact(average):
        return RANK_AVERAGE
    return RANK_FAIL


# ----------------------------------------------------------------------
# Levels (Thông tư 24/2023): indicators met or not, "mức độ 1" or "mức độ 2"
# ----------------------------------------------------------------------
LEVEL_NONE = "none"
LEVEL_1 = "level_1"
LEVEL_2 = "level_2"
LEVELS = (LEVEL_NONE, LEVEL_1, LEVEL_2)  # in increasing order


def level_rank(level):
    """0, 1 or 2: the position of ``level`` in :data:`LEVELS` (empty is none)."""
    return LEVELS.index(level or LEVEL_NONE)


def members_needed(total, threshold_percent):
    """Smallest number of members out of ``total`` that reaches the threshold.

    In integers: ``n × 100 ≥ threshold × total``; 90 % of 40 is 36, of 39 it is
    36 too (35 × 100 < 90 × 39).
    """
    threshold = exact(threshold_percent)
    return math.ceil(threshold * total / 100)


@dataclass(frozen=True)
class LevelResult:
    """The highest level an indicator (or a set of them) meets, and why."""

    level: str
    reason: str
    values: dict = field(default_factory=dict)


def level_achieved(achieved):
    """A unit-judged indicator: met (at every level it is required) or not."""
    if achieved:
        return LevelResult(LEVEL_2, "achieved")
    return LevelResult(LEVEL_NONE, "not_achieved")


def level_member_share(met, total, threshold_1, threshold_2):
    """The level a share of members meets: ``met × 100 ≥ threshold × total``.

    36 of 40 is exactly 90 % and meets a 90 % bar; 35 of 39 does not.
    ``values`` says how many members are missing for the next level.
    """
    if met < 0 or total < 0 or met > total:
        raise ValueError("met must be between 0 and the number of members")
    if not total:
        return LevelResult(LEVEL_NONE, "no_members")
    need_1 = members_needed(total, threshold_1)
    need_2 = members_needed(total, threshold_2)
    if met >= need_2:
        level = LEVEL_2
    elif met >= need_1:
        level = LEVEL_1
    else:
        level = LEVEL_NONE
    values = {
        "met": met,
        "total": total,
        "percent": Fraction(100 * met, total),
        "threshold_1": exact(threshold_1),
        "threshold_2": exact(threshold_2),
        "missing_1": max(need_1 - met, 0),
        "missing_2": max(need_2 - met, 0),
    }
    return LevelResult(level, "share", values)


def level_of(indicators):
    """The highest level L such that every indicator required at L meets L.

    ``indicators`` is an iterable of ``(min_level, met_level)``: an indicator
    with ``min_level`` level 2 is only required for level 2. Returns the level
    and, for the next level up, the indicators (their positions) that stop it.
    """
    indicators = list(indicators)
    if not indicators:
        return LEVEL_NONE, []
    reached = LEVEL_NONE
    blocking = []
    for level in (LEVEL_1, LEVEL_2):
        rank_ = level_rank(level)
        missing = [
            index
            for index, (min_level, met) in enumerate(indicators)
            if level_rank(min_level or LEVEL_1) <= rank_ and level_rank(met) < rank_
        ]
        if missing:
            blocking = missing
            break
        reached = level
        blocking = []
    return reached, blocking
