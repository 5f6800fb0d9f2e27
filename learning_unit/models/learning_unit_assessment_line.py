# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math
from collections import defaultdict
from contextlib import contextmanager
from fractions import Fraction

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL

from .. import scoring
from .learning_unit_assessment import (
    GROUP_OFFICER,
    GROUP_REVIEWER,
    lu_has_role,
)
from .learning_unit_criterion import COMPETENCY_FIELDS, EVIDENCE_FIELDS
from .learning_unit_template import SCORE_DIGITS

# The member Booleans the lines count: evidence of 2a-2d, competencies of 3a.
COUNTED_FIELDS = (*EVIDENCE_FIELDS, *COMPETENCY_FIELDS.values())

# Everything a line's self score is computed from.
SCORE_DEPENDS = (
    "achieved",
    "missing_count",
    "count_value",
    "member_count",
    "met_count",
    "criterion_id.method",
    "criterion_id.max_score",
    "criterion_id.step_percent",
    "criterion_id.step_mode",
    "criterion_id.deduction",
    "criterion_id.max_missing",
    "criterion_id.points_per_unit",
    "criterion_id.rounding",
    "criterion_id.member_field",
)


class LearningUnitAssessmentLine(models.Model):
    _name = "learning.unit.assessment.line"
    _description = "Learning Unit Assessment Line"
    _order = "assessment_id, sequence, id"

    _input_fields = frozenset({"achieved", "missing_count", "count_value"})
    _review_fields = frozenset({"review_score", "review_set", "review_note"})

    assessment_id = fields.Many2one(
        "learning.unit.assessment",
        required=True,
        ondelete="cascade",
        index=True,
    )
    criterion_id = fields.Many2one(
        "learning.unit.criterion",
        required=True,
        ondelete="restrict",
        index=True,
        domain="[('kind', '=', 'criterion')]",
    )
    criterion_code = fields.Char(
        related="criterion_id.code", store=True, string="Code", index=True
    )
    sequence = fields.Integer(related="criterion_id.sequence", store=True)
    name = fields.Text(related="criterion_id.name", string="Criterion Text")
    label = fields.Char(related="criterion_id.label")
    hint = fields.Char(related="criterion_id.hint")
    method = fields.Selection(related="criterion_id.method")
    group_code = fields.Char(
        related="criterion_id.group_id.code",
        store=True,
        string="Group",
        index=True,
        # known before the INSERT: the domains of the per-group line fields of
        # the assessment are then checked from the cache
        precompute=True,
    )
    max_score = fields.Float(related="criterion_id.max_score", string="Maximum")
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, index=True
    )
    state = fields.Selection(related="assessment_id.state")
    # --- inputs of the unit ------------------------------------------------
    achieved = fields.Boolean(
        help="The unit meets this criterion (full points), else 0."
    )
    missing_count = fields.Integer(
        string="Missing Resources",
        help="How many of the resources (finance, facilities, equipment, "
        "other conditions) the unit did not invest in.",
    )
    count_value = fields.Integer(
        string="Count",
        help="For knowledge sharing: how many other units the unit shared with.",
    )
    # --- derived from the members ------------------------------------------
    member_count = fields.Integer(
        related="assessment_id.member_count",
        string="Members",
    )
    met_count = fields.Integer(
        # not stored: counted for a whole batch of lines in one query when read
        compute="_compute_member_counts",
        string="Members Meeting It",
    )
    # --- scores --------------------------------------------------------------
    self_score = fields.Float(
        digits=SCORE_DIGITS,
        compute="_compute_self_score",
        store=True,
    )
    score_note = fields.Text(
        compute="_compute_score_note",
        string="How It Was Scored",
    )
    review_score = fields.Float(digits=SCORE_DIGITS)
    review_set = fields.Boolean(
        string="Review Confirmed",
        help="The reviewing level confirmed this review score.",
    )
    review_note = fields.Char()
    review_difference = fields.Float(
        string="Difference",
        digits=SCORE_DIGITS,
        compute="_compute_review_difference",
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
        "criterion_id.method",
        "criterion_id.member_field",
        "criterion_id.competency_id",
        "assessment_id.member_ids",
        "assessment_id.member_ids.plan_approved",
        "assessment_id.member_ids.discipline_ok",
        "assessment_id.member_ids.training_done",
        "assessment_id.member_ids.advanced_worker",
        *(f"assessment_id.member_ids.{fname}" for fname in COMPETENCY_FIELDS.values()),
    )
    def _compute_member_counts(self):
        saved = self.browse(i for i in self._ids if i)  # a form's new lines are not
        stats = self._member_stats(saved.assessment_id)
        counted = {
            criterion.id: criterion._counted_member_field()
            for criterion in self.criterion_id
        }
        for line in self:
            if line.id:
                counts = stats[line.assessment_id.id]
            else:
                counts = self._member_stats_in_memory(line.assessment_id.member_ids)
            field = counted.get(line.criterion_id.id)
            line.met_count = counts.get(field, 0) if field else 0

    @api.model
    def _member_stats(self, assessments):
        """Member counts of many assessments in one grouped query.

        Returns ``{assessment_id: {<evidence field>: n}}`` where the
        evidence fields are the four of 2a-2d and the eight competencies of 3a.
        The counts do not depend on who asks: scores count every member,
        whatever the reader may see.
        """
        stats = defaultdict(lambda: dict.fromkeys(COUNTED_FIELDS, 0))
        if not assessments:
            return stats
        Member = self.env["learning.unit.member"]
        Member.flush_model(["assessment_id", *COUNTED_FIELDS])
        rows = self.env.execute_query(
            SQL(
                "SELECT assessment_id, %(counts)s FROM %(table)s"
                " WHERE assessment_id = ANY(%(ids)s) GROUP BY assessment_id",
                counts=SQL(", ").join(
                    SQL("COUNT(*) FILTER (WHERE %s)", SQL.identifier(fname))
                    for fname in COUNTED_FIELDS
                ),
                table=SQL.identifier(Member._table),
                ids=list(assessments.ids),
            )
        )
        for assessment_id, *counts in rows:
            stats[assessment_id] = dict(zip(COUNTED_FIELDS, counts, strict=True))
        return stats

    @api.model
    def _member_stats_in_memory(self, members):
        """Same counts as :meth:`_member_stats` for unsaved members (forms)."""
        return {fname: len(members.filtered(fname)) for fname in COUNTED_FIELDS}

    @api.depends(*SCORE_DEPENDS)
    def _compute_self_score(self):
        # the lines of a province repeat the same few inputs: score each once
        scores = {}
        for line in self:
            key = (
                line.criterion_id,
                line.achieved,
                line.missing_count,
                line.count_value,
                line.member_count,
                line.met_count,
            )
            if key not in scores:
                result = line._score_result()
                scores[key] = float(result.score) if result else 0.0
            line.self_score = scores[key]

    @api.depends(*SCORE_DEPENDS)
    @api.depends_context("lang")
    def _compute_score_note(self):
        for line in self:
            result = line._score_result()
            line.score_note = line._explain(result) if result else False

    def _score_result(self):
        """The exact :class:`scoring.ScoreResult` of this line, or None if invalid."""
        self.ensure_one()
        if not self.criterion_id:
            return None
        try:
            return self.criterion_id._score(
                {
                    "achieved": self.achieved,
                    "missing_count": self.missing_count,
                    "count_value": self.count_value,
                    "member_count": self.member_count,
                    "met_count": self.met_count,
                }
            )
        except ValueError:
            # out-of-range inputs are refused by _check_inputs
            return None

    @api.depends("self_score", "review_score", "review_set")
    def _compute_review_difference(self):
        for line in self:
            line.review_difference = (
                float(scoring.exact(line.review_score) - scoring.exact(line.self_score))
                if line.review_set
                else 0.0
            )

    # ------------------------------------------------------------------
    # explanations
    # ------------------------------------------------------------------
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

    def _evidence_phrase(self, member_field):
        """What the members of a "share of members" criterion do, as a phrase."""
        phrases = {
            "plan_approved": self.env._("have a self-study plan"),
            "discipline_ok": self.env._("observe labour discipline"),
            "training_done": self.env._("completed the mandatory training"),
            "advanced_worker": self.env._("hold the Advanced Worker title or higher"),
        }
        return phrases.get(member_field, "")

    def _explain(self, result):
        """A sentence saying how the score was obtained, in the user's language."""
        self.ensure_one()
        values = result.values
        criterion = self.criterion_id
        score = self._fmt(result.score)
        maximum = self._fmt(criterion.max_score)
        reason = result.reason
        if reason == "achieved":
            return self.env._("Achieved: full %(max)s points.", max=maximum)
        if reason == "not_achieved":
            return self.env._("Not achieved: 0 points.")
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
                "evidence": self._evidence_phrase(criterion.member_field),
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

    # ------------------------------------------------------------------
    # constraints and access
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

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "Criteria lines are created with the assessment, not by hand."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_can_write(set(vals))
        if "review_score" in vals and "review_set" not in vals:
            vals = dict(vals, review_set=True)
        with self._tracking_scores():
            return super().write(vals)

    def _check_can_write(self, field_names):
        assessments = self.assessment_id
        inputs = field_names & self._input_fields
        review = field_names & self._review_fields
        other = field_names - self._input_fields - self._review_fields
        if other:
            raise AccessError(
                self.env._(
                    "Only the criterion inputs and review scores of a line can "
                    "be changed."
                )
            )
        if inputs:
            if not lu_has_role(self.env, GROUP_OFFICER):
                raise AccessError(
                    self.env._("Only the unit officer can change the self-assessment.")
                )
            assessments._check_editable()
        if review:
            if not lu_has_role(self.env, GROUP_REVIEWER):
                raise AccessError(
                    self.env._("Only the reviewing level can record review scores.")
                )
            not_in_review = assessments.filtered(lambda a: a.state != "in_review")
            if not_in_review:
                raise UserError(
                    self.env._(
                        "Review scores of %(unit)s can only be entered while it "
                        "is in review.",
                        unit=not_in_review[0].name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_with_assessment_only(self):
        if not self.env.su:
            raise AccessError(
                self.env._("Criteria lines are deleted with their assessment.")
            )

    # ------------------------------------------------------------------
    # audit trail
    # ------------------------------------------------------------------
    @contextmanager
    def _tracking_scores(self):
        """Post on the assessment's chatter the line scores changed inside."""
        if self.env.context.get("tracking_disable"):
            yield
            return
        before = {
            line.id: (line.self_score, line.review_score, line.review_set)
            for line in self
        }
        yield
        self._post_score_changes(before)

    def _post_score_changes(self, before):
        """Post on the assessment's chatter every line score that changed."""
        changes = defaultdict(list)
        for line in self:
            old_self, old_review, old_set = before.get(line.id, (None, None, None))
            if old_self is not None and line.self_score != old_self:
                changes[line.assessment_id].append(
                    self.env._(
                        "%(code)s self score: %(old)s → %(new)s",
                        code=line.criterion_code,
                        old=line._points(old_self),
                        new=line._points(line.self_score),
                    )
                )
            if line.review_set and (not old_set or line.review_score != old_review):
                changes[line.assessment_id].append(
                    self.env._(
                        "%(code)s review score: %(old)s → %(new)s",
                        code=line.criterion_code,
                        old=line._points(old_review) if old_set else "-",
                        new=line._points(line.review_score),
                    )
                )
        if changes:
            # one INSERT for all the units, not one message_post() per unit
            assessments = self.env["learning.unit.assessment"].union(*changes)
            assessments.sudo()._message_log_batch(
                bodies={
                    assessment.id: Markup("<br/>").join(messages)
                    for assessment, messages in changes.items()
                },
                author_id=self.env.user.partner_id.id,
            )
