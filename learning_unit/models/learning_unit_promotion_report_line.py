# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..states import EDITABLE_STATES

LINE_FIELDS = frozenset({"sequence", "kind", "donor", "quantity", "amount", "note"})


class LearningUnitPromotionReportLine(models.Model):
    _name = "learning.unit.promotion.report.line"
    _inherit = ["learning.unit.lock.mixin"]
    _description = "Study Promotion Report: Gift or Scholarship"

    _lu_write_access = {"officer": (LINE_FIELDS, EDITABLE_STATES)}
    _lu_create_fields = {"officer": LINE_FIELDS | {"report_id"}}
    _order = "report_id, sequence, id"

    report_id = fields.Many2one(
        "learning.unit.promotion.report",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [
            ("gift", "Gift"),
            ("scholarship", "Scholarship"),
            ("other", "Other Support"),
        ],
        required=True,
        default="scholarship",
    )
    donor = fields.Char(
        required=True,
        help="The sponsor (mạnh thường quân) who gave it.",
    )
    quantity = fields.Integer(default=1, help="Number of gifts or scholarships.")
    amount = fields.Monetary(help="Value in money, in-kind gifts included.")
    currency_id = fields.Many2one(related="report_id.currency_id")
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)
    note = fields.Char()

    @api.constrains("quantity", "amount")
    def _check_values(self):
        for line in self:
            if line.quantity < 0 or line.amount < 0:
                raise ValidationError(
                    self.env._(
                        "%(donor)s: the number and the amount cannot be negative.",
                        donor=line.donor,
                    )
                )

    def _lu_state(self):
        return self.report_id.assessment_id.state

    def _lu_locked_error(self, record):
        assessment = record.report_id.assessment_id
        return assessment._lu_locked_error(assessment)

    @api.model
    def _lu_complete_create(self, vals_list):
        ids = [vals["report_id"] for vals in vals_list if vals.get("report_id")]
        Report = self.env["learning.unit.promotion.report"]
        Report._lu_check_new(Report.browse(ids))
        return vals_list

    @api.ondelete(at_uninstall=False)
    def _unlink_while_preparing(self):
        self.report_id._lu_check_preparing(self.report_id.assessment_id)
