# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A unit listed in the annex of a recognition decision, with its result.

The result (rank with points, or level) follows the review while the decision
is a draft and is kept as it was once the decision is issued.

Whoever may read a line reads its result: the units listed by an issued
decision read (and print) the whole decision, the other units' results of
its annex included, as they receive it on paper.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..states import DRAFT_STATES
from ..vn_format import LEVEL_WORDS, RANK_WORDS, vn_number
from .learning_unit_criterion import LEVEL_SELECTION

LINE_FIELDS = frozenset({"note", "sequence"})


class LearningUnitDecisionLine(models.Model):
    _name = "learning.unit.decision.line"
    _description = "Learning Unit Recognition Decision Line"
    _inherit = ["learning.unit.lock.mixin"]
    _order = "decision_id, sequence, id"

    _lu_write_access = {"reviewer": LINE_FIELDS}
    _lu_create_fields = {"reviewer": LINE_FIELDS | {"decision_id", "assessment_id"}}

    decision_id = fields.Many2one(
        "learning.unit.decision", required=True, ondelete="cascade", index=True
    )
    decision_state = fields.Selection(related="decision_id.state")
    sequence = fields.Integer(default=10)
    assessment_id = fields.Many2one(
        "learning.unit.assessment",
        required=True,
        ondelete="restrict",
        index=True,
    )
    department_id = fields.Many2one(
        related="assessment_id.department_id", store=True, string="Unit"
    )
    company_id = fields.Many2one(related="decision_id.company_id", store=True)
    scheme = fields.Selection(related="assessment_id.scheme")
    # read from the assessment: its review no longer changes once recognised
    # (not stored: changing an assessment never searches the decisions); as
    # the system, since the readers of a decision need not read every unit
    review_total = fields.Float(
        compute="_compute_result", compute_sudo=True, string="Review Score"
    )
    review_rank = fields.Char(
        compute="_compute_result", compute_sudo=True, string="Rank"
    )
    review_level = fields.Selection(
        LEVEL_SELECTION, compute="_compute_result", compute_sudo=True, string="Level"
    )
    # the level the decision grants: the reviewed level, lowered to level 1
    # while the unit waits for level 2 (Thông tư 24, Điều 10); as of today
    # while the decision is a draft, of its date once issued, then frozen: the
    # register (learning.unit.recognition) holds it, every document prints it
    granted_level = fields.Selection(
        LEVEL_SELECTION,
        compute="_compute_granted_level",
        compute_sudo=True,
        store=True,
        string="Recognised Level",
    )
    granted_frozen = fields.Boolean(readonly=True, copy=False)
    granted_note = fields.Char(
        string="Why",
        compute="_compute_granted_note",
        help="Why the level recognised is not the reviewed level.",
    )
    result_text = fields.Char(
        string="Result",
        compute="_compute_result",
        compute_sudo=True,
        help="As the annex prints it.",
    )
    note = fields.Char()

    _sql_constraints = [
        (
            "decision_assessment_unique",
            "UNIQUE(decision_id, assessment_id)",
            "A unit is listed once in a decision.",
        ),
    ]

    @api.depends(
        "assessment_id.review_level",
        "assessment_id.review_complete",
        "assessment_id.scheme",
        "decision_id.date_issued",
    )
    def _compute_granted_level(self):
        Recognition = self.env["learning.unit.recognition"]
        for line in self:
            if line.granted_frozen:
                continue  # as issued: the stored value stays
            assessment = line.assessment_id
            if assessment.scheme != "levels" or not assessment.review_complete:
                line.granted_level = False
                continue
            line.granted_level = Recognition._lu_granted(
                assessment, line.decision_id.date_issued
            )[0]

    @api.depends("granted_level", "review_level")
    @api.depends_context("lang")
    def _compute_granted_note(self):
        for line in self:
            line.granted_note = (
                self.env._(
                    "Reviewed at level 2; level 2 is recognised only %(years)s "
                    "year(s) after a level 1 decision.",
                    years=line.assessment_id.template_id.level_2_wait_years,
                )
                if line.granted_level and line.granted_level != line.review_level
                else False
            )

    def _lu_freeze(self):
        """The levels granted, as the decision issued on its date grants them."""
        self.flush_recordset(["granted_level"])
        self.sudo().write({"granted_frozen": True})

    @api.depends(
        "assessment_id.review_total",
        "assessment_id.review_rank",
        "assessment_id.review_level",
        "assessment_id.review_complete",
        "assessment_id.scheme",
        "granted_level",
    )
    def _compute_result(self):
        for line in self:
            assessment = line.assessment_id
            complete = assessment.review_complete
            if assessment.scheme == "levels":
                level = assessment.review_level if complete else False
                line.review_level = level
                line.review_total = 0.0
                line.review_rank = False
                line.result_text = LEVEL_WORDS.get(line.granted_level or "", "")
            else:
                rank = assessment.review_rank if complete else False
                line.review_level = False
                line.review_total = assessment.review_total if complete else 0.0
                line.review_rank = RANK_WORDS.get(rank or "", "")
                line.result_text = (
                    f"{RANK_WORDS[rank]} ({vn_number(assessment.review_total)} điểm)"
                    if rank
                    else ""
                )

    def _lu_is_locked(self):
        return self.decision_id.state not in DRAFT_STATES

    def _lu_locked_error(self, record):
        return UserError(
            self.env._(
                "The units of %(decision)s can no longer be changed.",
                decision=record.decision_id.display_name,
            )
        )

    def _lu_check_lines(self):
        """Each unit belongs to the decision's period and scope."""
        for line in self:
            decision = line.decision_id
            assessment = line.assessment_id
            if assessment.period_id != decision.period_id:
                raise ValidationError(
                    self.env._(
                        "%(unit)s is not an assessment of %(period)s.",
                        unit=assessment.name,
                        period=decision.period_id.display_name,
                    )
                )
            scope = decision.department_id
            path = (assessment.department_id.parent_path or "").split("/")
            if scope and str(scope.id) not in path:
                raise ValidationError(
                    self.env._(
                        "%(unit)s is not in the scope of %(decision)s.",
                        unit=assessment.name,
                        decision=decision.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        if lines.decision_id.filtered(lambda d: d.state != "draft"):
            raise UserError(self.env._("Units are added to a draft decision only."))
        if lines.decision_id.filtered(lambda d: d.decision_type == "revocation"):
            raise UserError(self.env._("A revocation lists no unit."))
        # the user must be able to read the units listed
        lines.assessment_id.check_access("read")
        lines._lu_check_lines()
        return lines

    @api.ondelete(at_uninstall=False)
    def _unlink_only_in_drafts(self):
        if any(line.decision_id.state != "draft" for line in self):
            raise UserError(
                self.env._("The units of an issued decision can no longer change.")
            )
