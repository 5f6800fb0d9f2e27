# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo's history: decisions of past years, issued on their day."""

from odoo import fields, models

# the day a decision of the demo's past years was issued (generator.py)
ISSUED_ON = "learning_unit_demo_issued_on"


class LearningUnitDecision(models.Model):
    _inherit = "learning.unit.decision"

    def _lu_number_values(self, day=None):
        """Number and date on the day the context gives, for the system only.

        The generator enters the decisions of the district's past years as the
        system; everyone else, this addon installed or not, issues today (a
        context key is the caller's to send, the superuser is not).
        """
        issued_on = self.env.context.get(ISSUED_ON)
        if issued_on and day is None and self.env.su:
            day = fields.Date.to_date(issued_on)
        return super()._lu_number_values(day)
