# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Apply the current rule set to the drafts of a period, saying what changes.

Submitted, reviewed and recognised assessments keep the rules they were
scored with. The preview is the real re-basing, run and rolled back.
"""

import contextlib

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..states import EDITABLE_STATES


class _Preview(Exception):
    """Rolls the preview back."""


class LearningUnitRebaseWizard(models.TransientModel):
    _name = "learning.unit.rebase.wizard"
    _inherit = ["learning.unit.value.mixin"]
    _description = "Apply the Current Rule Set to the Drafts of a Period"

    period_id = fields.Many2one("learning.unit.period", required=True)
    template_id = fields.Many2one(related="period_id.template_id")
    assessment_ids = fields.Many2many(
        "learning.unit.assessment",
        compute="_compute_assessment_ids",
        string="Drafts",
    )
    changes = fields.Text(compute="_compute_changes", string="What Changes")

    @api.depends("period_id")
    def _compute_assessment_ids(self):
        for wizard in self:
            wizard.assessment_ids = wizard.period_id.assessment_ids.filtered(
                lambda a: a.state in EDITABLE_STATES
            )

    @api.depends("period_id", "assessment_ids")
    def _compute_changes(self):
        for wizard in self:
            wizard.changes = wizard._preview()

    def _preview(self):
        self.ensure_one()
        drafts = self.assessment_ids
        before = {a.id: a._lu_result_text() for a in drafts}
        after = {}
        # the real re-basing, rolled back by the exception leaving the savepoint
        with contextlib.suppress(_Preview), self.env.cr.savepoint():
            self.period_id._lu_rebase_drafts()
            self.env.flush_all()
            after = {a.id: a._lu_result_text() for a in drafts}
            raise _Preview
        self.env.invalidate_all()
        lines = [
            self.env._(
                "%(count)s draft(s) of %(period)s move to the rules of %(template)s "
                "as they are today; the other assessments keep their rules.",
                count=len(drafts),
                period=self.period_id.display_name,
                template=self.template_id.display_name,
            )
        ]
        for assessment in drafts:
            old, new = before[assessment.id], after.get(assessment.id, "")
            if old != new:
                lines.append(f"{assessment.department_id.name}: {old} → {new}")
        if len(lines) == 1:
            lines.append(self.env._("No result changes."))
        return "\n".join(lines)

    def action_confirm(self):
        self.ensure_one()
        if not self.period_id.rules_outdated:
            raise UserError(self.env._("The period already uses the current rules."))
        self.period_id._lu_rebase_drafts()
        return {"type": "ir.actions.act_window_close"}
