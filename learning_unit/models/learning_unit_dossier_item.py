# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..states import EDITABLE_STATES

PROVIDE_FIELDS = frozenset({"attachment_ids", "paper_copy", "note"})


class LearningUnitDossierItem(models.Model):
    _name = "learning.unit.dossier.item"
    _inherit = ["learning.unit.lock.mixin"]
    _description = "Learning Unit Dossier Item"
    _order = "assessment_id, member_id, sequence, id"

    _lu_write_access = {
        "officer": (PROVIDE_FIELDS, EDITABLE_STATES),
        "member": (PROVIDE_FIELDS, EDITABLE_STATES),
    }

    assessment_id = fields.Many2one(
        "learning.unit.assessment", required=True, ondelete="cascade", index=True
    )
    member_id = fields.Many2one(
        "learning.unit.member",
        ondelete="cascade",
        index=True,
        help="Empty for a document of the whole unit.",
    )
    member_name = fields.Char(related="member_id.name", string="Member Name")
    user_id = fields.Many2one(related="member_id.user_id", store=True, index=True)
    document_type_id = fields.Many2one(
        "learning.unit.document.type", required=True, ondelete="restrict", index=True
    )
    name = fields.Char(related="document_type_id.name")
    description = fields.Text(related="document_type_id.description")
    sequence = fields.Integer(related="document_type_id.sequence", store=True)
    mandatory = fields.Boolean(
        related="document_type_id.mandatory", store=True, index=True
    )
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, index=True
    )
    state = fields.Selection(related="assessment_id.state")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "learning_unit_dossier_item_attachment_rel",
        "item_id",
        "attachment_id",
        string="Files",
    )
    paper_copy = fields.Boolean(
        help="The signed paper document is kept by the unit for the reviewers."
    )
    note = fields.Char()
    is_provided = fields.Boolean(
        string="Provided", compute="_compute_is_provided", store=True, index=True
    )

    _sql_constraints = [
        (
            "item_unique",
            "UNIQUE(assessment_id, member_id, document_type_id)",
            "A document appears once per unit or member.",
        ),
    ]

    @api.depends("attachment_ids", "paper_copy")
    def _compute_is_provided(self):
        for item in self:
            item.is_provided = bool(item.attachment_ids or item.paper_copy)

    def _compute_display_name(self):
        for item in self:
            name = item.document_type_id.name or ""
            item.display_name = (
                f"{item.member_id.name} - {name}" if item.member_id else name
            )

    def _lu_state(self):
        return self.assessment_id.state

    def _lu_locked_error(self, record):
        return record.assessment_id._lu_locked_error(record.assessment_id)

    def _lu_check_write(self, vals):
        self.assessment_id._lu_lock()
        return super()._lu_check_write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_with_assessment_only(self):
        if not self.env.su:
            raise ValidationError(
                self.env._("Dossier items are removed with their assessment.")
            )
