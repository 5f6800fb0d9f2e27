"""The pure scoring rules (learning_unit/scoring.py), exact at every boundary."""

from fractions import Fraction

import pytest

from odoo.addons.learning_unit import scoring


@pytest.mark.parametrize(
    "met,total,expected",
    [
        (40, 40, Fraction(10)),  # everyone: full points
        (39, 40, Fraction(10)),  # 2.5 % short: less than one completed step
        (38, 40, Fraction(19, 2)),  # exactly 5 %: one step
        (37, 40, Fraction(19, 2)),  # 7.5 %: still one completed step
        (36, 40, Fraction(9)),  # exactly 10 %: two steps, never 1.9999
        (20, 40, Fraction(5)),  # 50 %: ten steps
        (1, 40, Fraction(1, 2)),  # 97.5 %: nineteen steps
        (0, 40, Fraction(0)),  # 100 % short: twenty steps, floor at 0
        (19, 20, Fraction(19, 2)),  # exactly one 5 % step
        (2, 3, Fraction(7)),  # 33.33.. % short: six completed steps
    ],
)
def test_member_share_5_percent_steps(met, total, expected):
    result = scoring.score_member_share(10, met, total, 5, Fraction(1, 2))
    assert result.score == expected
    assert isinstance(result.score, Fraction)


@pytest.mark.parametrize(
    "met,total,expected",
    [
        (10, 10, Fraction(5)),
        (9, 10, Fraction(9, 2)),  # exactly 10 %
        (36, 40, Fraction(9, 2)),  # exactly 10 %
        (35, 40, Fraction(9, 2)),  # 12.5 %: one completed step
        (32, 40, Fraction(4)),  # exactly 20 %
        (0, 10, Fraction(0)),  # ten steps of 0.5 = 5: nothing left
        (0, 7, Fraction(0)),
    ],
)
def test_member_share_10_percent_steps(met, total, expected):
    assert scoring.score_member_share(5, met, total, 10, "0.5").score == expected


def test_member_share_started_steps_deduct_partial_steps():
    # 2.5 % short: no completed step, but one started step
    completed = scoring.score_member_share(10, 39, 40, 5, "0.5")
    started = scoring.score_member_share(10, 39, 40, 5, "0.5", scoring.STEP_STARTED)
    assert completed.score == 10
    assert started.score == Fraction(19, 2)
    # on an exact multiple both modes agree
    assert scoring.score_member_share(10, 36, 40, 5, "0.5", "started").score == 9


def test_member_share_without_members_scores_zero():
    result = scoring.score_member_share(10, 0, 0, 5, "0.5")
    assert result.score == 0
    assert result.reason == "no_members"


def test_member_share_explains_itself():
    result = scoring.score_member_share(10, 36, 40, 5, "0.5")
    assert result.reason == "share_deducted"
    assert result.values["percent"] == 90
    assert result.values["shortfall"] == 10
    assert result.values["steps"] == 2
    assert result.values["deducted"] == 1


@pytest.mark.parametrize("bad", [(-1, 10), (11, 10), (1, -1)])
def test_member_share_refuses_impossible_counts(bad):
    with pytest.raises(ValueError):
        scoring.score_member_share(10, *bad, 5, "0.5")


@pytest.mark.parametrize("missing,expected", [(0, 10), (1, 8), (2, 6), (3, 4), (4, 2)])
def test_missing_resources(missing, expected):
    result = scoring.score_missing_resources(10, missing, 2, 4)
    assert result.score == expected


@pytest.mark.parametrize("missing", [-1, 5])
def test_missing_resources_out_of_range(missing):
    with pytest.raises(ValueError):
        scoring.score_missing_resources(10, missing, 2, 4)


def test_missing_resources_never_below_zero():
    assert scoring.score_missing_resources(10, 4, 3, 4).score == 0


def test_achieved():
    assert scoring.score_achieved(10, True).score == 10
    assert scoring.score_achieved(10, False).score == 0


def test_all_members():
    assert scoring.score_all_members(3, 40, 40).score == 3
    assert scoring.score_all_members(4, 39, 40).score == 0
    assert scoring.score_all_members(4, 39, 40).values["missing"] == 1
    assert scoring.score_all_members(3, 0, 0).score == 0


@pytest.mark.parametrize(
    "count,expected", [(0, 0), (1, 1), (4, 4), (5, 5), (6, 5), (100, 5)]
)
def test_count_capped(count, expected):
    assert scoring.score_count(5, count, 1).score == expected


def test_count_refuses_negative():
    with pytest.raises(ValueError):
        scoring.score_count(5, -1, 1)


@pytest.mark.parametrize(
    "total,expected",
    [
        (100, "good"),
        (85, "good"),
        ("84.5", "fair"),
        ("84.99", "fair"),
        (70, "fair"),
        ("69.5", "average"),
        (50, "average"),
        ("49.5", "fail"),
        (0, "fail"),
    ],
)
def test_rank_boundaries(total, expected):
    assert scoring.rank(Fraction(total), 85, 70, 50) == expected


def test_exact_reads_database_floats_as_decimals():
    assert scoring.exact(0.1) == Fraction(1, 10)
    assert scoring.exact(84.5) == Fraction(169, 2)
    assert sum(scoring.exact(0.1) for _ in range(10)) == 1


def test_rounding_half_up_to_the_criterion_step():
    # 10 - 3 x 0.35 = 8.95 -> rounded to halves: 9.0
    result = scoring.score_member_share(10, 85, 100, 5, "0.35", rounding="0.5")
    assert result.score == 9
