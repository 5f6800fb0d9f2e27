# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LearningUnitDocumentReturnWizard(models.TransientModel):
    _name = "learning.unit.document.return.wizard"
    _inherit = ["learning.unit.value.mixin"]
    _description = "Return a Member's Document"

    document_ids = fields.Many2many(
        "learning.unit.dossier.item",
        "learning_unit_document_return_wizard_item_rel",
        "wizard_id",
        "item_id",
        required=True,
    )
    reason = fields.Text(
        required=True,
        help="What the member must change; they are notified and it is kept on "
        "the document.",
    )

    def action_confirm(self):
        self.ensure_one()
        self.document_ids.write(
            {"document_state": "returned", "return_reason": self.reason}
        )
        return {"type": "ir.actions.act_window_close"}
