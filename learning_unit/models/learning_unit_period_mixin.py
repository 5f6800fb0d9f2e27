# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class LearningUnitPeriodMixin(models.AbstractModel):
    """A record of one period (its year and its company are the period's) and
    of a scope: the department whose units it speaks of."""

    _name = "learning.unit.period.mixin"
    _description = "Learning Unit Record of a Period and a Scope"

    # no check_company: the record's company is the period's (related), so a
    # company domain on the period would offer, on a new record, only the
    # periods without a company, that is none
    period_id = fields.Many2one(
        "learning.unit.period",
        required=True,
        ondelete="restrict",
        index=True,
    )
    year = fields.Integer(related="period_id.year", store=True)
    company_id = fields.Many2one(
        related="period_id.company_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        "hr.department", string="Scope", required=True, ondelete="restrict", index=True
    )
