# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .learning_unit_template import SCHEMES


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

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "The document type code must be unique."),
    ]

    def _applies_to(self, scheme):
        self.ensure_one()
        return not self.scheme or self.scheme == scheme
