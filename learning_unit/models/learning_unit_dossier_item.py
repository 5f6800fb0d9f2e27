# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError

from .learning_unit_assessment import GROUP_MEMBER, GROUP_OFFICER, lu_has_role


class LearningUnitDossierItem(models.Model):
    _name = "learning.unit.dossier.item"
    _description = "Learning Unit Dossier Item"
    _order = "assessment_id, member_id, sequence, id"

    _evidence_fields = frozenset({"attachment_ids", "paper_copy", "note"})

    assessment_id = fields.Many2one(
        "learning.unit.assessment",
        required=True,
        ondelete="cascade",
        index=True,
    )
    member_id = fields.Many2one(
        "learning.unit.member",
        ondelete="cascade",
        index=True,
        help="Empty for a document of the whole unit.",
    )
    user_id = fields.Many2one(related="member_id.user_id", store=True, index=True)
    document_type_id = fields.Many2one(
        "learning.unit.document.type",
        required=True,
        ondelete="restrict",
        index=True,
    )
    name = fields.Char(related="document_type_id.name")
    sequence = fields.Integer(related="document_type_id.sequence", store=True)
    mandatory = fields.Boolean(
        related="document_type_id.mandatory", store=True, index=True
    )
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, index=True
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "learning_unit_dossier_item_attachment_rel",
        "item_id",
        "attachment_id",
        string="Files",
    )
    paper_copy = fields.Boolean(
        help="The signed paper document is kept by the unit for the reviewers.",
    )
    note = fields.Char()
    is_provided = fields.Boolean(
        string="Provided",
        compute="_compute_is_provided",
        store=True,
        index=True,
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

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            raise AccessError(
                self.env._(
                    "Dossier items are created with the assessment and its members."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            if set(vals) - self._evidence_fields:
                raise AccessError(
                    self.env._(
                        "Only the files and notes of a dossier item " "can be changed."
                    )
                )
            if not lu_has_role(self.env, GROUP_OFFICER):
                if not self.env.user.has_group(GROUP_MEMBER) or self.filtered(
                    lambda i: i.user_id != self.env.user
                ):
                    raise AccessError(
                        self.env._("You can only provide your own documents.")
                    )
            self.assessment_id._check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_with_assessment_only(self):
        if not self.env.su:
            raise AccessError(
                self.env._("Dossier items are removed with their assessment.")
            )
