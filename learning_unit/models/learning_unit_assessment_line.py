# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One criterion of an assessment: the unit's inputs, its score or level, the
review. Group criteria have a line too: it sums (or levels) its children, so
the form shows the rule set's own sections without knowing them."""

import math
from collections import defaultdict
from fractions import Fraction

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .. import scoring
from ..evidence import EVIDENCE_FIELDS, EVIDENCE_KINDS
from ..states import EDITABLE_STATES
from .learning_unit_criterion import LEVEL_SELECTION
from .learning_unit_template import SCORE_DIGITS

INPUT_FIELDS = frozenset({"achieved", "missing_count", "count_value", "answered"})
REVIEW_FIELDS = frozenset({"review_score", "review_set", "review_note", "review_level"})
PHRASES = {kind.field: kind.phrase for kind in EVIDENCE_KINDS}
TRACKING_KEY = "learning_unit.score_tracking"

# Everything a leaf line's result is computed from.
RESULT_DEPENDS = (
    "achieved",
    "answered",
    "missing_count",
    "count_value",
    "member_count",
    "met_count",
    "criterion_id.kind",
    "criterion_id.method",
    "criterion_id.max_score",
    "criterion_id.step_percent",
    "criterion_id.step_mode",
    "criterion_id.deduction",
    "criterion_id.max_missing",
    "criterion_id.points_per_unit",
    "criterion_id.rounding",
    "criterion_id.member_field",
    "criterion_id.threshold_level_1",
    "criterion_id.threshold_level_2",
    "criterion_id.min_level",
    "assessment_id.scheme",
)


class LearningUnitAssessmentLine(models.Model):
    _name = "learning.unit.assessment.line"
    _inherit = ["learning.unit.lock.mixin"]
    _description = "Learning Unit Assessment Line"
    _order = "assessment_id, sequence, id"

    _lu_write_access = {
        "officer": (INPUT_FIELDS, EDITABLE_STATES),
        "reviewer": (REVIEW_FIELDS, ("in_review",)),
    }

    assessment_id = fields.Many2one(
        "learning.unit.assessment", required=True, ondelete="cascade", index=True
    )
    criterion_id = fields.Many2one(
        "learning.unit.criterion", required=True, ondelete="restrict", index=True
    )
    parent_line_id = fields.Many2one(
        "learning.unit.assessment.line",
        string="Group Line",
        ondelete="cascade",
        index=True,
    )
    child_line_ids = fields.One2many("learning.unit.assessment.line", "parent_line_id")
    criterion_code = fields.Char(
        related="criterion_id.code", store=True, string="Code", index=True
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    kind = fields.Selection(related="criterion_id.kind", store=True)
    min_level = fields.Selection(related="criterion_id.min_level", store=True)
    name = fields.Text(related="criterion_id.name", string="Criterion Text")
    label = fields.Char(related="criterion_id.label")
    hint = fields.Char(related="criterion_id.hint")
    method = fields.Selection(related="criterion_id.method")
    max_score = fields.Float(related="criterion_id.max_score", string="Maximum")
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, index=True
    )
    state = fields.Selection(related="assessment_id.state")
    # --- inputs of the unit ------------------------------------------------
    achieved = fields.Boolean(help="The unit meets this criterion.")
    missing_count = fields.Integer(
        string="Missing Resources",
        help="How many of the resources (finance, facilities, equipment, other "
        "conditions) the unit did not invest in.",
    )
    answered = fields.Boolean(
        string="Declared",
        help="The unit has declared its missing resources (0 is an answer).",
    )
    count_value = fields.Integer(
        string="Count",
        help="For knowledge sharing: how many other units the unit shared with.",
    )
    # --- derived from the members ------------------------------------------
    member_count = fields.Integer(
        related="assessment_id.member_count", string="Members"
    )
    met_count = fields.Integer(
        # not stored: counted for a whole batch of lines in one query when read
        compute="_compute_met_count",
        string="Members Meeting It",
    )
    # --- results -----------------------------------------------------------
    self_score = fields.Float(
        digits=SCORE_DIGITS,
        compute="_compute_self_result",
        store=True,
    )
    self_level = fields.Selection(
        LEVEL_SELECTION,
        compute="_compute_self_result",
        store=True,
    )
    subtotal = fields.Float(
        digits=SCORE_DIGITS,
        compute="_compute_subtotal",
        help="A group's total of its scored criteria (a criterion's own score).",
    )
    subtotal_level = fields.Selection(
        LEVEL_SELECTION,
        compute="_compute_subtotal",
        help="The level a group's indicators reach (an indicator's own level).",
    )
    score_note = fields.Text(compute="_compute_score_note", string="How It Was Judged")
    review_score = fields.Float(digits=SCORE_DIGITS)
    review_level = fields.Selection(LEVEL_SELECTION)
    review_set = fields.Boolean(
        string="Review Confirmed",
        help="The reviewing level confirmed this review result.",
    )
    review_note = fields.Char()
    review_difference = fields.Float(
        string="Difference", digits=SCORE_DIGITS, compute="_compute_review_difference"
    )

    _sql_constraints = [
        (
            "assessment_criterion_unique",
            "UNIQUE(assessment_id, criterion_id)",
            "A criterion appears once per assessment.",
        ),
    ]

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends(
        "criterion_id.member_field",
        "assessment_id.member_ids",
        *(f"assessment_id.member_ids.{name}" for name in EVIDENCE_FIELDS),
    )
    def _compute_met_count(self):
        saved = self.browse(i for i in self._ids if i)  # a form's new lines are not
        stats = self._member_stats(saved.assessment_id)
        for line in self:
            field = line.criterion_id.member_field
            if line.id:
                counts = stats[line.assessment_id.id]
            else:
                members = line.assessment_id.member_ids
                counts = {field: len(members.filtered(field))} if field else {}
            line.met_count = counts.get(field, 0) if field else 0

    @api.model
    def _member_stats(self, assessments):
        """``{assessment id: {evidence field: members having it}}``, one query;
        ``"_total"`` counts all the members.

        The counts do not depend on who asks: scores count every member,
        whatever the reader may see.
        """
        stats = defaultdict(lambda: dict.fromkeys(("_total", *EVIDENCE_FIELDS), 0))
        if not assessments:
            return stats
        Member = self.env["learning.unit.member"]
        Member.flush_model(["assessment_id", *EVIDENCE_FIELDS])
        rows = self.env.execute_query(
            SQL(
                "SELECT assessment_id, COUNT(*), %(counts)s FROM %(table)s"
                " WHERE assessment_id = ANY(%(ids)s) GROUP BY assessment_id",
                counts=SQL(", ").join(
                    SQL("COUNT(*) FILTER (WHERE %s)", SQL.identifier(name))
                    for name in EVIDENCE_FIELDS
                ),
                table=SQL.identifier(Member._table),
                ids=list(assessments.ids),
            )
        )
        for assessment_id, *counts in rows:
            stats[assessment_id] = dict(
                zip(("_total", *EVIDENCE_FIELDS), counts, strict=True)
            )
        return stats

    @api.depends(*RESULT_DEPENDS)
    def _compute_self_result(self):
        # members are counted once per assessment, not once per line, and the
        # lines of a province repeat the same few inputs: judge each once
        saved = self.browse(i for i in self._ids if i)
        stats = self._member_stats(saved.assessment_id)
        results = {}
        for line in self:
            if line.kind == "group":
                # a group's result is its subtotal, computed when read
                line.self_score, line.self_level = 0.0, False
                continue
            inputs = line._inputs(stats if line.id else None)
            key = (line.criterion_id, line.assessment_id.scheme, *inputs.values())
            if key not in results:
                results[key] = line._judge(inputs)
            line.self_score, line.self_level = results[key]

    @api.depends(
        "self_score",
        "self_level",
        "assessment_id.line_ids.self_score",
        "assessment_id.line_ids.self_level",
    )
    def _compute_subtotal(self):
        groups = self.filtered(lambda line: line.kind == "group")
        for line in self - groups:
            line.subtotal, line.subtotal_level = line.self_score, line.self_level
        # the scored lines under each group, from the criteria's tree
        leaves = defaultdict(list)
        for line in groups.assessment_id.line_ids:
            if line.kind == "criterion":
                for ancestor in (line.criterion_id.parent_path or "").split("/")[:-2]:
                    leaves[line.assessment_id.id, int(ancestor)].append(line)
        for line in groups:
            below = leaves[line.assessment_id.id, line.criterion_id.id]
            line.subtotal = float(
                sum((scoring.exact(c.self_score) for c in below), Fraction(0))
            )
            line.subtotal_level = (
                scoring.level_of((c.min_level, c.self_level) for c in below)[0]
                if line.assessment_id.scheme == "levels"
                else False
            )

    def _inputs(self, stats=None):
        """The inputs the rules judge; ``stats`` (of :meth:`_member_stats`)
        spares counting the members again for every line of a batch."""
        if stats is None:
            member_count, met_count = self.member_count, self.met_count
        else:
            counts = stats[self.assessment_id.id]
            field = self.criterion_id.member_field
            member_count = counts["_total"]
            met_count = counts[field] if field else 0
        return {
            "achieved": self.achieved,
            "answered": self.answered,
            "missing_count": self.missing_count,
            "count_value": self.count_value,
            "member_count": member_count,
            "met_count": met_count,
        }

    def _judge(self, inputs=None):
        """``(score, level)`` of a leaf line; invalid inputs judge nothing."""
        result = self._result(inputs)
        if result is None:
            return 0.0, False
        if isinstance(result, scoring.LevelResult):
            return 0.0, result.level
        return float(result.score), False

    def _result(self, inputs=None):
        """The exact ScoreResult (points) or LevelResult (levels), or None."""
        self.ensure_one()
        criterion = self.criterion_id
        if not criterion or criterion.kind != "criterion":
            return None
        inputs = inputs or self._inputs()
        try:
            if self.assessment_id.scheme == "levels":
                return criterion._level(inputs)
            return criterion._score(inputs)
        except ValueError:
            # out-of-range inputs are refused by _check_inputs
            return None

    @api.depends(*RESULT_DEPENDS)
    @api.depends_context("lang")
    def _compute_score_note(self):
        for line in self:
            result = line._result()
            line.score_note = line._explain(result) if result else False

    @api.depends("self_score", "review_score", "review_set")
    def _compute_review_difference(self):
        for line in self:
            line.review_difference = (
                float(scoring.exact(line.review_score) - scoring.exact(line.self_score))
                if line.review_set
                else 0.0
            )

    def _start_review(self):
        """The review results start as the unit's, not yet confirmed."""
        by_values = defaultdict(list)
        for line in self:
            by_values[(line.self_score, line.self_level or False)].append(line.id)
        for (score, level), ids in by_values.items():
            self.browse(ids).write(
                {"review_score": score, "review_level": level, "review_set": False}
            )

    # ------------------------------------------------------------------
    # explanations
    # ------------------------------------------------------------------
    @api.model
    def _fmt(self, value, min_decimals=0):
        """Format an exact number the way the user's language writes it."""
        lang = self.env["res.lang"]._get_data(code=self.env.lang or "en_US")
        decimal_point = lang.decimal_point or "."
        value = scoring.exact(value)
        rounded = Fraction(math.floor(value * 100 + Fraction(1, 2)), 100)
        text = f"{float(rounded):.2f}".rstrip("0")
        integer, _sep, decimals = text.partition(".")
        decimals = decimals.ljust(min_decimals, "0")
        return integer + (decimal_point + decimals if decimals else "")

    def _points(self, value):
        return self._fmt(value, min_decimals=1)

    def _phrase(self):
        phrase = PHRASES.get(self.criterion_id.member_field)
        return phrase._translate(self.env.lang) if phrase else ""

    def _explain(self, result):
        """A sentence saying how the result was obtained, in the user's language."""
        self.ensure_one()
        if isinstance(result, scoring.LevelResult):
            return self._explain_level(result)
        values = result.values
        criterion = self.criterion_id
        score = self._fmt(result.score)
        maximum = self._fmt(criterion.max_score)
        reason = result.reason
        if reason == "achieved":
            return self.env._("Achieved: full %(max)s points.", max=maximum)
        if reason == "not_achieved":
            return self.env._("Not achieved: 0 points.")
        if reason == "not_declared":
            return self.env._(
                "Missing resources not declared yet: 0 points until the unit says "
                "how many are missing."
            )
        if reason == "resources_complete":
            return self.env._("No resource missing: full %(max)s points.", max=maximum)
        if reason == "resources_missing":
            return self.env._(
                "%(missing)s of %(n)s resources missing → %(deducted)s points "
                "deducted, %(score)s/%(max)s points left.",
                missing=values["missing"],
                n=values["max_missing"],
                deducted=self._points(values["deducted"]),
                score=score,
                max=maximum,
            )
        if reason == "no_members":
            return self.env._("No members loaded yet: 0 points.")
        if reason in ("share_full", "share_below_step", "share_deducted"):
            params = {
                "met": values["met"],
                "total": values["total"],
                "percent": self._fmt(values["percent"]),
                "evidence": self._phrase(),
                "short": self._fmt(values["shortfall"]),
                "steps": values["steps"],
                "step": self._fmt(values["step_percent"]),
                "deducted": self._points(values["deducted"]),
                "score": score,
                "max": maximum,
            }
            if reason == "share_full":
                return self.env._(
                    "%(met)s/%(total)s members (100%%) %(evidence)s: full "
                    "%(max)s points.",
                    **params,
                )
            if reason == "share_below_step":
                return self.env._(
                    "%(met)s/%(total)s members (%(percent)s%%) %(evidence)s: "
                    "%(short)s%% short, less than one %(step)s%% step → no "
                    "deduction, %(score)s/%(max)s points.",
                    **params,
                )
            return self.env._(
                "%(met)s/%(total)s members (%(percent)s%%) %(evidence)s: "
                "%(short)s%% short → %(steps)s × %(step)s%% → %(deducted)s "
                "points deducted, %(score)s/%(max)s points left.",
                **params,
            )
        if reason == "all_members":
            return self.env._(
                "All %(total)s members have this competency: full %(max)s points.",
                total=values["total"],
                max=maximum,
            )
        if reason == "members_missing":
            return self.env._(
                "%(met)s/%(total)s members have this competency, %(missing)s "
                "lack it → 0 points (every member must have it).",
                met=values["met"],
                missing=values["missing"],
                total=values["total"],
            )
        if reason == "count_zero":
            return self.env._("Shared with no other unit: 0 points.")
        if reason == "count":
            return self.env._(
                "Shared with %(count)s other unit(s): %(score)s/%(max)s points.",
                count=values["count"],
                score=score,
                max=maximum,
            )
        if reason == "count_capped":
            return self.env._(
                "Shared with %(count)s other units: capped at %(max)s points.",
                count=values["count"],
                max=maximum,
            )
        return self.env._("No scoring method: 0 points.")

    def _explain_level(self, result):
        values = result.values
        if result.reason == "achieved":
            return self.env._("Met.")
        if result.reason == "not_achieved":
            return self.env._("Not met.")
        if result.reason == "no_members":
            return self.env._("No members loaded yet: not met.")
        params = {
            "met": values["met"],
            "total": values["total"],
            "percent": self._fmt(values["percent"]),
            "evidence": self._phrase(),
            "t1": self._fmt(values["threshold_1"]),
            "t2": self._fmt(values["threshold_2"]),
            "missing_1": values["missing_1"],
            "missing_2": values["missing_2"],
        }
        if result.level == scoring.LEVEL_2:
            return self.env._(
                "%(met)s/%(total)s members (%(percent)s%%) %(evidence)s: level 2 "
                "reached (≥ %(t2)s%%).",
                **params,
            )
        if result.level == scoring.LEVEL_1:
            return self.env._(
                "%(met)s/%(total)s members (%(percent)s%%) %(evidence)s: level 1 "
                "reached (≥ %(t1)s%%), not level 2 (≥ %(t2)s%%, %(missing_2)s "
                "members missing).",
                **params,
            )
        return self.env._(
            "%(met)s/%(total)s members (%(percent)s%%) %(evidence)s: level 1 not "
            "reached (≥ %(t1)s%%, %(missing_1)s members missing).",
            **params,
        )

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("missing_count", "count_value", "criterion_id")
    def _check_inputs(self):
        for line in self:
            if line.missing_count < 0 or line.count_value < 0:
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s: counts cannot be negative.",
                        code=line.criterion_code,
                    )
                )
            if line.count_value > 1000:
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s: at most 1000 can be counted.",
                        code=line.criterion_code,
                    )
                )
            limit = line.criterion_id.max_missing
            if line.criterion_id.method == "missing_resources" and (
                line.missing_count > limit
            ):
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s: at most %(limit)s resources can be "
                        "missing, not %(count)s.",
                        code=line.criterion_code,
                        limit=limit,
                        count=line.missing_count,
                    )
                )

    @api.constrains("review_score", "criterion_id")
    def _check_review_score(self):
        for line in self:
            score = scoring.exact(line.review_score)
            if score < 0 or score > scoring.exact(line.criterion_id.max_score):
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s: the review score must be between 0 "
                        "and %(max)s, not %(score)s.",
                        code=line.criterion_code,
                        max=line._points(line.criterion_id.max_score),
                        score=line._points(score),
                    )
                )

    @api.constrains("criterion_id", "assessment_id")
    def _check_criterion_of_the_rules(self):
        for line in self:
            if line.criterion_id.template_id != line.assessment_id.template_id:
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s is not one of the rules of %(unit)s.",
                        code=line.criterion_code,
                        unit=line.assessment_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    def _lu_state(self):
        return self.assessment_id.state

    def _lu_locked_error(self, record):
        assessment = record.assessment_id
        if assessment.state not in EDITABLE_STATES and "reviewer" in self._lu_roles():
            return UserError(
                self.env._(
                    "Review results of %(unit)s can only be entered while it is in "
                    "review.",
                    unit=assessment.name,
                )
            )
        return assessment._lu_locked_error(assessment)

    def _lu_check_write(self, vals):
        self.assessment_id._lu_lock()
        return super()._lu_check_write(vals)

    def _lu_complete_write(self, vals):
        if (INPUT_FIELDS - {"answered"}) & set(vals):
            vals.setdefault("answered", True)
        if ({"review_score", "review_level"} & set(vals)) and "review_set" not in vals:
            vals["review_set"] = True
        return vals

    def write(self, vals):
        self._lu_track_scores()
        return super().write(vals)

    @api.onchange("achieved", "missing_count", "count_value")
    def _onchange_inputs(self):
        self.answered = True

    @api.onchange("review_score", "review_level")
    def _onchange_review(self):
        self.review_set = True

    @api.ondelete(at_uninstall=False)
    def _unlink_with_assessment_only(self):
        if not self.env.su:
            raise ValidationError(
                self.env._("Criteria lines are deleted with their assessment.")
            )

    # ------------------------------------------------------------------
    # audit trail: one note per assessment and transaction
    # ------------------------------------------------------------------
    def _lu_track_scores(self):
        """Remember the results of these lines, to post what changed at commit."""
        if self.env.context.get("tracking_disable"):
            return
        data = self.env.cr.precommit.data
        tracked = data.get(TRACKING_KEY)
        if tracked is None:
            tracked = data[TRACKING_KEY] = {}
            env = self.env
            self.env.cr.precommit.add(lambda: env[self._name]._lu_post_score_changes())
        for line in self.filtered("id"):
            tracked.setdefault(
                line.id,
                (
                    line.self_score,
                    line.self_level,
                    line.review_score,
                    line.review_level,
                    line.review_set,
                    self.env.user.partner_id.id,
                ),
            )

    def _lu_post_score_changes(self):
        tracked = self.env.cr.precommit.data.pop(TRACKING_KEY, {})
        lines = self.browse(tracked).exists()
        changes = defaultdict(list)
        authors = {}
        for line in lines.filtered(lambda line: line.kind == "criterion"):
            old_self, old_level, old_review, old_review_level, old_set, author = (
                tracked[line.id]
            )
            assessment = line.assessment_id
            authors[assessment] = author
            points = assessment.scheme != "levels"
            levels = dict(line._fields["self_level"]._description_selection(line.env))
            if points and line.self_score != old_self:
                changes[assessment].append(
                    line.env._(
                        "%(code)s self score: %(old)s → %(new)s",
                        code=line.criterion_code,
                        old=line._points(old_self),
                        new=line._points(line.self_score),
                    )
                )
            if not points and line.self_level != old_level:
                changes[assessment].append(
                    line.env._(
                        "%(code)s self result: %(old)s → %(new)s",
                        code=line.criterion_code,
                        old=levels.get(old_level, "-"),
                        new=levels.get(line.self_level, "-"),
                    )
                )
            changed = (
                line.review_score != old_review
                if points
                else line.review_level != old_review_level
            )
            if line.review_set and (not old_set or changed):
                old = (
                    (
                        line._points(old_review)
                        if points
                        else levels.get(old_review_level, "-")
                    )
                    if old_set
                    else "-"
                )
                new = (
                    line._points(line.review_score)
                    if points
                    else levels.get(line.review_level, "-")
                )
                note = f" ({line.review_note})" if line.review_note else ""
                changes[assessment].append(
                    line.env._(
                        "%(code)s review score: %(old)s → %(new)s%(note)s",
                        code=line.criterion_code,
                        old=old,
                        new=new,
                        note=note,
                    )
                    if points
                    else line.env._(
                        "%(code)s review result: %(old)s → %(new)s%(note)s",
                        code=line.criterion_code,
                        old=old,
                        new=new,
                        note=note,
                    )
                )
        by_author = defaultdict(dict)
        for assessment, messages in changes.items():
            by_author[authors[assessment]][assessment.id] = Markup("<br/>").join(
                messages
            )
        Assessment = self.env["learning.unit.assessment"].sudo()
        for author, bodies in by_author.items():
            # one INSERT for all the units, not one message per unit
            Assessment.browse(bodies)._message_log_batch(
                bodies=bodies, author_id=author
            )
