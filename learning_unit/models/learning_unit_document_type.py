# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..evidence import EVIDENCE_KINDS
from ..states import EDITABLE_STATES
from .learning_unit_template import SCHEMES

MEMBER_FORMS = [
    ("plan", "Self-study plan: what, how, when"),
    ("statement", "Statement of the member"),
    ("certificate", "Certificate or proof: what, when, the file"),
]


class LearningUnitDocumentType(models.Model):
    _name = "learning.unit.document.type"
    _inherit = ["learning.unit.value.mixin"]
    _description = "Learning Unit Dossier Document Type"
    _order = "sequence, id"

    name = fields.Char(required=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    scope = fields.Selection(
        [("unit", "One per unit"), ("member", "One per member")],
        required=True,
        default="unit",
    )
    scheme = fields.Selection(
        SCHEMES,
        help="The rule sets whose dossier holds this document (empty: all).",
    )
    mandatory = fields.Boolean(
        default=True, help="Submission is refused while this document is missing."
    )
    description = fields.Text()
    # --- a member's document (learning_unit_dossier_item.py) ----------------
    member_form = fields.Selection(
        MEMBER_FORMS,
        string="Filed by the Member",
        help="How a member files this document in their learning record. Empty: "
        "a file or a paper copy, as for the unit's documents.",
    )
    approval_required = fields.Boolean(
        string="Approved by the Head",
        help="The head of the unit (or the officer the head delegates) approves "
        "it; it counts once approved.",
    )
    evidence_field = fields.Selection(
        [(kind.field, kind.label) for kind in EVIDENCE_KINDS],
        string="Approval Records",
        help="The member evidence the approval of this document records.",
    )
    member_template = fields.Text(
        string="Wording Offered",
        help="The text a member's statement starts from (they may change it).",
    )

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "The document type code must be unique."),
    ]

    @api.constrains("evidence_field", "approval_required", "scope")
    def _check_evidence_field(self):
        for doc_type in self:
            if doc_type.evidence_field and not (
                doc_type.approval_required and doc_type.scope == "member"
            ):
                raise ValidationError(
                    self.env._(
                        "%(document)s: only a member's document the head approves "
                        "records evidence.",
                        document=doc_type.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        doc_types = super().create(vals_list)
        doc_types.filtered(lambda t: t.scope == "member")._lu_add_to_open_dossiers()
        return doc_types

    def _lu_add_to_open_dossiers(self):
        """Give these members' document types to the members of the dossiers
        still prepared: a type shipped by an update reaches the round under
        way (the dossiers of closed, submitted or reviewed ones stay as sent)."""
        members = self.env["learning.unit.member"].search(
            [
                ("assessment_id.state", "in", list(EDITABLE_STATES)),
                ("period_id.state", "!=", "closed"),
            ]
        )
        if not members:
            return
        Item = self.env["learning.unit.dossier.item"]
        known = {
            (member.id, doc_type.id)
            for member, doc_type in Item._read_group(
                [
                    ("member_id", "in", members.ids),
                    ("document_type_id", "in", self.ids),
                ],
                ["member_id", "document_type_id"],
            )
        }
        Item.create(
            [
                {
                    "assessment_id": member.assessment_id.id,
                    "member_id": member.id,
                    "document_type_id": doc_type.id,
                }
                for member in members
                for doc_type in self
                if doc_type._applies_to(member.assessment_id.scheme)
                and (member.id, doc_type.id) not in known
            ]
        )

    def _applies_to(self, scheme):
        self.ensure_one()
        return not self.scheme or self.scheme == scheme
