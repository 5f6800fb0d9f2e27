# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Apply the current rule set to the drafts of a period, saying what changes.

Submitted, reviewed and recognised assessments keep the rules they were
scored with. The preview is the real re-basing, run and rolled back. Only an
administrator re-bases: the wizard's access rights say so.
"""

import contextlib

from odoo import api, fields, models
from odoo.exceptions import UserError

from .. import explain
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
            wizard.assessment_ids = wizard._lu_drafts()

    def _lu_drafts(self):
        """The assessments the re-basing moves: the period's drafts and returned
        ones, as stored records (the form's preview runs on a new wizard, whose
        computed Many2many holds new-record copies that nothing can re-base)."""
        self.ensure_one()
        return self.period_id._origin.assessment_ids.filtered(
            lambda a: a.state in EDITABLE_STATES
        )

    @api.depends("period_id", "assessment_ids")
    def _compute_changes(self):
        for wizard in self:
            wizard.changes = wizard._preview()

    def _preview(self):
        self.ensure_one()
        drafts = self._lu_drafts()
        before = {a.id: explain.result_words(a) for a in drafts}
        after = {}
        # the real re-basing, rolled back by the exception leaving the savepoint
        with contextlib.suppress(_Preview), self.env.cr.savepoint():
            self._lu_rebase()
            self.env.flush_all()
            after = {a.id: explain.result_words(a) for a in drafts}
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
        self._lu_rebase()
        return {"type": "ir.actions.act_window_close"}

    def _lu_rebase(self):
        """Take a new copy of the rule set and move the drafts onto it.

        The lines follow their criterion code; the structure follows the rules,
        on behalf of the system.
        """
        self.ensure_one()
        drafts = self._lu_drafts()
        rules = self.period_id._origin.template_id._snapshot()
        self.period_id._origin.write({"rules_id": rules.id})
        drafts._lu_lock()
        by_code = {c.code: c for c in rules.criterion_ids}
        for assessment in drafts:
            lines = assessment.line_ids
            kept = lines.filtered(lambda line: line.criterion_code in by_code)
            (lines - kept).sudo().unlink()
            assessment.sudo().template_id = rules
            for line in kept.sudo():
                line.criterion_id = by_code[line.criterion_code]
            for line in kept.sudo():
                parent = line.criterion_id.parent_id
                line.parent_line_id = kept.filtered(
                    lambda other, p=parent: other.criterion_id == p
                )
            missing = rules.criterion_ids - kept.criterion_id
            self.env["learning.unit.assessment.line"].sudo()._lu_create_lines(
                assessment, missing
            )
            assessment.message_post(
                body=self.env._(
                    "Moved to the rules of %(rules)s by %(user)s.",
                    rules=rules.display_name,
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
