# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""How a result came, in the reader's words: one place for the sentences.

Every score explains itself: a criterion's line (:func:`line_note`), the
result of an assessment (:func:`result_note`, :func:`result_words`) and its
groups of criteria (:func:`group_summary`). The functions read the records
they are given and write with their environment's language; the rules
themselves are ``scoring.py``'s.
"""

import math
from collections import defaultdict
from fractions import Fraction

from markupsafe import Markup

from . import scoring
from .evidence import EVIDENCE_KINDS

PHRASES = {kind.field: kind.phrase for kind in EVIDENCE_KINDS}


def number(env, value, min_decimals=0):
    """An exact number the way the user's language writes it (2 decimals)."""
    lang = env["res.lang"]._get_data(code=env.lang or "en_US")
    decimal_point = lang.decimal_point or "."
    value = scoring.exact(value)
    rounded = Fraction(math.floor(value * 100 + Fraction(1, 2)), 100)
    text = f"{float(rounded):.2f}".rstrip("0")
    integer, _sep, decimals = text.partition(".")
    decimals = decimals.ljust(min_decimals, "0")
    return integer + (decimal_point + decimals if decimals else "")


def points(env, value):
    return number(env, value, min_decimals=1)


def _selection(record, field):
    return dict(record._fields[field]._description_selection(record.env))


# ----------------------------------------------------------------------
# an assessment
# ----------------------------------------------------------------------
def result_note(assessment, which):
    """The result in one sentence, naming what is missing for more."""
    env = assessment.env
    template = assessment.template_id
    if not template:
        return False
    lines = assessment.line_ids.filtered(lambda line: line.kind == "criterion")
    if template.scheme == "levels":
        field = "self_level" if which == "self" else "review_level"
        level = assessment[field] or scoring.LEVEL_NONE
        indicators = [(line.min_level, line[field]) for line in lines]
        _reached, blocking = scoring.level_of(indicators)
        reached_text = (
            env._("Level %(level)s reached.", level=scoring.level_rank(level))
            if level != scoring.LEVEL_NONE
            else env._("Level 1 not reached.")
        )
        if level == scoring.LEVEL_2 or not lines:
            return reached_text
        next_level = scoring.LEVELS[scoring.level_rank(level) + 1]
        missing = ", ".join(lines[i].criterion_code for i in blocking)
        return env._(
            "%(reached)s For level %(next)s: %(missing)s not met.",
            reached=reached_text,
            next=scoring.level_rank(next_level),
            missing=missing,
        )
    total = scoring.exact(
        assessment.self_total if which == "self" else assessment.review_total
    )
    rank = assessment.self_rank if which == "self" else assessment.review_rank
    ranks = _selection(assessment, "self_rank")
    thresholds = [
        (scoring.RANK_GOOD, template.threshold_good),
        (scoring.RANK_FAIR, template.threshold_fair),
        (scoring.RANK_AVERAGE, template.threshold_average),
    ]
    text = env._(
        "%(total)s/%(max)s points: %(rank)s.",
        total=number(env, total),
        max=number(env, template.max_total),
        rank=ranks.get(rank, ""),
    )
    better = [
        (code, minimum)
        for code, minimum in thresholds
        if scoring.exact(minimum) > total
    ]
    if better:
        code, minimum = better[-1]
        text += " " + env._(
            "%(points)s more points for %(rank)s (from %(minimum)s).",
            points=number(env, scoring.exact(minimum) - total),
            rank=ranks[code],
            minimum=number(env, minimum),
        )
    return text


def result_words(assessment):
    """The result in a few words: "86 (Tốt)" or "Level 1"."""
    assessment.ensure_one()
    if assessment.scheme == "levels":
        return _selection(assessment, "self_level").get(
            assessment.self_level or "none", ""
        )
    ranks = _selection(assessment, "self_rank")
    total = number(assessment.env, assessment.self_total)
    return f"{total} ({ranks.get(assessment.self_rank, '')})"


def group_summary(assessment):
    """The result of each group of criteria, as an HTML table (or False)."""
    env = assessment.env
    levels = _selection(assessment, "self_level")
    lines = assessment.line_ids.sorted(
        lambda line: (line.sequence, line.criterion_id.id)
    )
    by_parent = defaultdict(list)
    for line in lines:
        by_parent[line.criterion_id.parent_id.id].append(line)

    def leaves(criterion):
        found = []
        for child in by_parent.get(criterion.id, []):
            if child.kind == "group":
                found += leaves(child.criterion_id)
            else:
                found.append(child)
        return found

    rows = []
    for line in lines.filtered(lambda line: line.kind == "group"):
        criterion = line.criterion_id
        scored = leaves(criterion)
        if assessment.scheme == "levels":
            level = scoring.level_of((c.min_level, c.self_level) for c in scored)
            result = levels[level[0]]
        else:
            total = sum((scoring.exact(c.self_score) for c in scored), Fraction(0))
            result = f"{number(env, total)} / {number(env, criterion.max_score)}"
        depth = (criterion.parent_path or "").count("/") - 1
        rows.append(
            Markup(
                '<tr><td style="padding-left: %sem">%s</td><td>%s</td>'
                '<td class="text-end fw-bold text-nowrap">%s</td></tr>'
            )
            % (depth * 1.5, criterion.label or "", criterion.name, result)
        )
    if not rows:
        return False
    return Markup(
        '<table class="table table-sm mb-2"><tbody>%s</tbody></table>'
    ) % Markup("").join(rows)


# ----------------------------------------------------------------------
# a criterion's line
# ----------------------------------------------------------------------
def _phrase(line):
    phrase = PHRASES.get(line.criterion_id.member_field)
    return phrase._translate(line.env.lang) if phrase else ""


def line_note(line, result):
    """A sentence saying how the result was obtained, in the user's language."""
    line.ensure_one()
    env = line.env
    if isinstance(result, scoring.LevelResult):
        return _level_note(line, result)
    values = result.values
    criterion = line.criterion_id
    score = number(env, result.score)
    maximum = number(env, criterion.max_score)
    reason = result.reason
    if reason == "achieved":
        return env._("Achieved: full %(max)s points.", max=maximum)
    if reason == "not_achieved":
        return env._("Not achieved: 0 points.")
    if reason == "not_declared":
        return env._(
            "Missing resources not declared yet: 0 points until the unit says "
            "how many are missing."
        )
    if reason == "resources_complete":
        return env._("No resource missing: full %(max)s points.", max=maximum)
    if reason == "resources_missing":
        return env._(
            "%(missing)s of %(n)s resources missing → %(deducted)s points "
            "deducted, %(score)s/%(max)s points left.",
            missing=values["missing"],
            n=values["max_missing"],
            deducted=points(env, values["deducted"]),
            score=score,
            max=maximum,
        )
    if reason == "no_members":
        return env._("No members loaded yet: 0 points.")
    if reason in ("share_full", "share_below_step", "share_deducted"):
        params = {
            "met": values["met"],
            "total": values["total"],
            "percent": number(env, values["percent"]),
            "evidence": _phrase(line),
            "short": number(env, values["shortfall"]),
            "steps": values["steps"],
            "step": number(env, values["step_percent"]),
            "deducted": points(env, values["deducted"]),
            "score": score,
            "max": maximum,
        }
        if reason == "share_full":
            return env._(
                "%(met)s/%(total)s members (100%%) %(evidence)s: full "
                "%(max)s points.",
                **params,
            )
        if reason == "share_below_step":
            return env._(
                "%(met)s/%(total)s members (%(percent)s%%) %(evidence)s: "
                "%(short)s%% short, less than one %(step)s%% step → no "
                "deduction, %(score)s/%(max)s points.",
                **params,
            )
        return env._(
            "%(met)s/%(total)s members (%(percent)s%%) %(evidence)s: "
            "%(short)s%% short → %(steps)s × %(step)s%% → %(deducted)s "
            "points deducted, %(score)s/%(max)s points left.",
            **params,
        )
    if reason == "all_members":
        return env._(
            "All %(total)s members have this competency: full %(max)s points.",
            total=values["total"],
            max=maximum,
        )
    if reason == "members_missing":
        return env._(
            "%(met)s/%(total)s members have this competency, %(missing)s "
            "lack it → 0 points (every member must have it).",
            met=values["met"],
            missing=values["missing"],
            total=values["total"],
        )
    if reason == "count_zero":
        return env._("Shared with no other unit: 0 points.")
    if reason == "count":
        return env._(
            "Shared with %(count)s other unit(s): %(score)s/%(max)s points.",
            count=values["count"],
            score=score,
            max=maximum,
        )
    if reason == "count_capped":
        return env._(
            "Shared with %(count)s other units: capped at %(max)s points.",
            count=values["count"],
            max=maximum,
        )
    return env._("No scoring method: 0 points.")


def _level_note(line, result):
    env = line.env
    values = result.values
    if result.reason == "achieved":
        return env._("Met.")
    if result.reason == "not_achieved":
        return env._("Not met.")
    if result.reason == "no_members":
        return env._("No members loaded yet: not met.")
    params = {
        "met": values["met"],
        "total": values["total"],
        "percent": number(env, values["percent"]),
        "evidence": _phrase(line),
        "t1": number(env, values["threshold_1"]),
        "t2": number(env, values["threshold_2"]),
        "missing_1": values["missing_1"],
        "missing_2": values["missing_2"],
    }
    if result.level == scoring.LEVEL_2:
        return env._(
            "%(met)s/%(total)s members (%(percent)s%%) %(evidence)s: level 2 "
            "reached (≥ %(t2)s%%).",
            **params,
        )
    if result.level == scoring.LEVEL_1:
        return env._(
            "%(met)s/%(total)s members (%(percent)s%%) %(evidence)s: level 1 "
            "reached (≥ %(t1)s%%), not level 2 (≥ %(t2)s%%, %(missing_2)s "
            "members missing).",
            **params,
        )
    return env._(
        "%(met)s/%(total)s members (%(percent)s%%) %(evidence)s: level 1 not "
        "reached (≥ %(t1)s%%, %(missing_1)s members missing).",
        **params,
    )
