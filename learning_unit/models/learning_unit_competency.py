# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LearningUnitCompetency(models.Model):
    _name = "learning.unit.competency"
    _inherit = ["learning.unit.value.mixin"]
    _description = "Learning Citizen Competency"
    _order = "sequence, code"

    code = fields.Char(required=True)
    name = fields.Char(required=True)
    short_name = fields.Char(help="Short label used as a column title.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "The competency code must be unique."),
    ]

    def _compute_display_name(self):
        for competency in self:
            competency.display_name = f"{competency.code} - {competency.name}"
