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
from fractions import Fraction

from markupsafe import Markup

from odoo.tools.translate import LazyTranslate

from . import scoring
from .evidence import EVIDENCE_KINDS

# the sentences are declared once, before any environment exists: lazy
# translations, rendered in the reader's language
# pylint: disable=prefer-env-translation
_lt = LazyTranslate(__name__)
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


def review_by_indicator(assessment):
    """The indicators whose review differs from the unit's result or carries a
    note, as an HTML list (or False): what a return tells the unit."""
    assessment.ensure_one()
    env = assessment.env
    levels = _selection(assessment, "self_level")
    items = []
    lines = assessment.line_ids.filtered(lambda line: line.kind == "criterion")
    for line in lines.sorted(lambda line: (line.sequence, line.criterion_id.id)):
        if assessment.scheme == "levels":
            own = levels.get(line.self_level or "none", "")
            review = levels.get(line.review_level or "none", "")
        else:
            own = number(env, line.self_score)
            review = number(env, line.review_score)
        if own == review and not line.review_note:
            continue
        code = line.criterion_code or line.label or ""
        if own != review:
            text = env._(
                "%(code)s: reviewed %(review)s (the unit's own: %(own)s)",
                code=code,
                review=review,
                own=own,
            )
        else:
            text = env._("%(code)s: reviewed %(review)s", code=code, review=review)
        if line.review_note:
            text = f"{text} – {line.review_note}"
        items.append(Markup("<li>%s</li>") % text)
    if not items:
        return False
    return Markup("<p>%s</p><ul>%s</ul>") % (
        env._("Review per indicator:"),
        Markup("").join(items),
    )


def group_summary(assessment):
    """The result of each group of criteria, as an HTML table (or False)."""
    env = assessment.env
    levels = _selection(assessment, "self_level")
    groups = assessment.line_ids.filtered(lambda line: line.kind == "group")
    rows = []
    for line in groups.sorted(lambda line: (line.sequence, line.criterion_id.id)):
        criterion = line.criterion_id
        if assessment.scheme == "levels":
            result = levels[line.subtotal_level]
        else:
            result = (
                f"{number(env, line.subtotal)} / {number(env, criterion.max_score)}"
            )
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
# a criterion's line: the sentence of each reason of scoring.py, filled in
# ----------------------------------------------------------------------
SCORE_NOTES = {
    "achieved": _lt("Achieved: full %(max)s points."),
    "not_achieved": _lt("Not achieved: 0 points."),
    "not_declared": _lt(
        "Missing resources not declared yet: 0 points until the unit says "
        "how many are missing."
    ),
    "resources_complete": _lt("No resource missing: full %(max)s points."),
    "resources_missing": _lt(
        "%(missing)s of %(n)s resources missing → %(deducted)s points "
        "deducted, %(score)s/%(max)s points left."
    ),
    "no_members": _lt("No members loaded yet: 0 points."),
    "share_full": _lt(
        "%(met)s/%(total)s members (100%%) %(evidence)s: full %(max)s points."
    ),
    "share_below_step": _lt(
        "%(met)s/%(total)s members (%(percent)s%%) %(evidence)s: "
        "%(short)s%% short, less than one %(step)s%% step → no "
        "deduction, %(score)s/%(max)s points."
    ),
    "share_deducted": _lt(
        "%(met)s/%(total)s members (%(percent)s%%) %(evidence)s: "
        "%(short)s%% short → %(steps)s × %(step)s%% → %(deducted)s "
        "points deducted, %(score)s/%(max)s points left."
    ),
    "all_members": _lt(
        "All %(total)s members have this competency: full %(max)s points."
    ),
    "members_missing": _lt(
        "%(met)s/%(total)s members have this competency, %(missing)s "
        "lack it → 0 points (every member must have it)."
    ),
    "count_zero": _lt("Shared with no other unit: 0 points."),
    "count": _lt("Shared with %(count)s other unit(s): %(score)s/%(max)s points."),
    "count_capped": _lt("Shared with %(count)s other units: capped at %(max)s points."),
}
NO_METHOD_NOTE = _lt("No scoring method: 0 points.")
# an indicator: by its reason, or by the level a share of members reaches
LEVEL_NOTES = {
    "achieved": _lt("Met."),
    "not_achieved": _lt("Not met."),
    "no_members": _lt("No members loaded yet: not met."),
    scoring.LEVEL_2: _lt(
        "%(met)s/%(total)s members (%(percent)s%%) %(evidence)s: level 2 "
        "reached (≥ %(t2)s%%)."
    ),
    scoring.LEVEL_1: _lt(
        "%(met)s/%(total)s members (%(percent)s%%) %(evidence)s: level 1 "
        "reached (≥ %(t1)s%%), not level 2 (≥ %(t2)s%%, %(missing_2)s "
        "members missing)."
    ),
    scoring.LEVEL_NONE: _lt(
        "%(met)s/%(total)s members (%(percent)s%%) %(evidence)s: level 1 not "
        "reached (≥ %(t1)s%%, %(missing_1)s members missing)."
    ),
}


def line_note(line, result):
    """A sentence saying how the result was obtained, in the user's language."""
    line.ensure_one()
    env, values = line.env, result.values
    if isinstance(result, scoring.LevelResult):
        note = LEVEL_NOTES[result.level if result.reason == "share" else result.reason]
    else:
        note = SCORE_NOTES.get(result.reason, NO_METHOD_NOTE)

    def shown(key, min_decimals=0):
        return number(env, values[key], min_decimals) if key in values else ""

    phrase = PHRASES.get(line.criterion_id.member_field)
    params = dict(
        values,
        score=number(env, getattr(result, "score", 0)),
        max=number(env, line.criterion_id.max_score),
        n=values.get("max_missing"),
        deducted=shown("deducted", min_decimals=1),
        percent=shown("percent"),
        short=shown("shortfall"),
        step=shown("step_percent"),
        t1=shown("threshold_1"),
        t2=shown("threshold_2"),
        evidence=phrase._translate(env.lang) if phrase else "",
    )
    return note._translate(env.lang or "en_US") % params
