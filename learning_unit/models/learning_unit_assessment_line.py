# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""One criterion of an assessment: the unit's inputs, its score or level, the
review. Group criteria have a line too: it sums (or levels) its children, so
the form shows the rule set's own sections without knowing them."""

from collections import defaultdict
from fractions import Fraction

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .. import explain, scoring
from ..evidence import EVIDENCE_FIELDS
from ..states import EDITABLE_STATES
from .learning_unit_criterion import LEVEL_SELECTION
from .learning_unit_template import SCORE_DIGITS

INPUT_FIELDS = frozenset({"achieved", "missing_count", "count_value", "answered"})
REVIEW_FIELDS = frozenset({"review_score", "review_set", "review_note", "review_level"})
TRACKING_KEY = "learning_unit.score_tracking"
# the results the chatter notes, and whether the review result is confirmed
TRACKED = ("self_score", "self_level", "review_score", "review_level", "review_set")

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
    criterion_code = fields.Char(related="criterion_id.code", store=True, index=True)
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

    @api.model
    def _lu_stats(self, assessments):
        """Per assessment: exact sums, counts and levels of its scored lines.

        Saved assessments are read with one grouped query; a form's unsaved
        assessment from its lines in memory.
        """
        zero = scoring.exact(0)
        stats = defaultdict(
            lambda: {
                "self": zero,
                "review": zero,
                "count": 0,
                "confirmed": 0,
                "self_levels": [],
                "review_levels": [],
            }
        )
        saved = assessments.browse(i for i in assessments._ids if i)
        # called by a stored compute: as the system already
        rows = (
            self._read_group(
                [("assessment_id", "in", saved.ids), ("kind", "=", "criterion")],
                [
                    "assessment_id",
                    "review_set",
                    "min_level",
                    "self_level",
                    "review_level",
                ],
                ["__count", "self_score:sum", "review_score:sum"],
            )
            if saved
            else []
        )
        # a form's unsaved assessment: its lines in memory, in the same shape
        rows += [
            (
                assessment,
                line.review_set,
                line.min_level,
                line.self_level,
                line.review_level,
                1,
                line.self_score,
                line.review_score,
            )
            for assessment in assessments - saved
            for line in assessment.line_ids
            if line.kind == "criterion"
        ]
        for assessment, confirmed, min_level, own, review, count, score, other in rows:
            stat = stats[assessment.id]
            stat["self"] += scoring.exact(score)
            stat["count"] += count
            stat["self_levels"].append((min_level, own))
            if confirmed:
                stat["confirmed"] += count
                stat["review"] += scoring.exact(other)
                stat["review_levels"].append((min_level, review))
        return stats

    @api.model
    def _lu_create_lines(self, assessments, criteria=None):
        """One line per criterion of each assessment's rules (groups included), in
        batch.

        ``criteria`` (of one rule set) limits the lines to create. The lines
        are made with this model's rights (the system's: the rules give them).
        """
        assessments = assessments.with_env(self.env)
        todo = {
            assessment: (
                criteria
                if criteria is not None
                else assessment.template_id.criterion_ids
            )
            for assessment in assessments
        }
        # line of each (assessment, criterion), to link children to their group
        lines = {
            (line.assessment_id.id, line.criterion_id.id): line.id
            for line in assessments.line_ids
        }
        depth = {
            criterion.id: (criterion.parent_path or "").count("/")
            for batch in todo.values()
            for criterion in batch
        }
        for level in sorted(set(depth.values())):
            keys = [
                (assessment.id, criterion)
                for assessment, batch in todo.items()
                for criterion in batch
                if depth[criterion.id] == level
                and (assessment.id, criterion.id) not in lines
            ]
            created = self.create(
                [
                    {
                        "assessment_id": assessment_id,
                        "criterion_id": criterion.id,
                        "parent_line_id": lines.get(
                            (assessment_id, criterion.parent_id.id), False
                        ),
                    }
                    for assessment_id, criterion in keys
                ]
            )
            lines.update(
                {
                    (assessment_id, criterion.id): line.id
                    for (assessment_id, criterion), line in zip(
                        keys, created, strict=True
                    )
                }
            )
        # read again in the order of the rules, not of creation
        assessments.invalidate_recordset(["line_ids"])

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
            line.score_note = explain.line_note(line, result) if result else False

    @api.depends("self_score", "review_score", "review_set")
    def _compute_review_difference(self):
        for line in self:
            line.review_difference = (
                float(scoring.exact(line.review_score) - scoring.exact(line.self_score))
                if line.review_set
                else 0.0
            )

    def _start_review(self):
        """The review results start as the unit's, not yet confirmed, without
        the notes of an earlier review (the return message keeps them)."""
        by_values = defaultdict(list)
        for line in self:
            by_values[(line.self_score, line.self_level or False)].append(line.id)
        for (score, level), ids in by_values.items():
            self.browse(ids).write(
                {
                    "review_score": score,
                    "review_level": level,
                    "review_set": False,
                    "review_note": False,
                }
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
                        max=explain.points(self.env, line.criterion_id.max_score),
                        score=explain.points(self.env, score),
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
        author = self.env.user.partner_id.id
        for line in self.filtered("id"):
            tracked.setdefault(line.id, ([line[name] for name in TRACKED], author))

    def _lu_result_text(self, value):
        """A result of this line as the chatter writes it: points or a level."""
        if self.assessment_id.scheme != "levels":
            return explain.points(self.env, value)
        levels = self._fields["self_level"]._description_selection(self.env)
        return dict(levels).get(value, "-")

    def _lu_post_score_changes(self):
        tracked = self.env.cr.precommit.data.pop(TRACKING_KEY, {})
        lines = self.browse(tracked).exists()
        changes = defaultdict(list)
        authors = {}
        for line in lines.filtered(lambda line: line.kind == "criterion"):
            old, authors[line.assessment_id] = tracked[line.id]
            old = dict(zip(TRACKED, old, strict=True))
            env, text = line.env, line._lu_result_text
            levels = line.assessment_id.scheme == "levels"
            own, review = (
                ("self_level", "review_level")
                if levels
                else ("self_score", "review_score")
            )
            args = {"code": line.criterion_code, "old": text(old[own])}
            args["new"] = text(line[own])
            if line[own] != old[own]:
                changes[line.assessment_id].append(
                    env._("%(code)s self result: %(old)s → %(new)s", **args)
                    if levels
                    else env._("%(code)s self score: %(old)s → %(new)s", **args)
                )
            if line.review_set and (
                not old["review_set"] or line[review] != old[review]
            ):
                args["old"] = text(old[review]) if old["review_set"] else "-"
                args["new"] = text(line[review])
                args["note"] = f" ({line.review_note})" if line.review_note else ""
                changes[line.assessment_id].append(
                    env._("%(code)s review result: %(old)s → %(new)s%(note)s", **args)
                    if levels
                    else env._(
                        "%(code)s review score: %(old)s → %(new)s%(note)s", **args
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
