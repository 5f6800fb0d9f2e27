# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LearningUnitReturnWizard(models.TransientModel):
    _name = "learning.unit.return.wizard"
    _inherit = ["learning.unit.value.mixin"]
    _description = "Return an Assessment to its Unit"

    assessment_ids = fields.Many2many("learning.unit.assessment", required=True)
    reason = fields.Text(
        required=True,
        help="What the unit must correct; kept on the assessment and its history.",
    )

    def action_confirm(self):
        self.ensure_one()
        self.assessment_ids._return_to_unit(self.reason)
        return {"type": "ir.actions.act_window_close"}
