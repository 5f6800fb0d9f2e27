# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The report upward (báo cáo kết quả) of a reviewing body for a period.

It lists every unit of the body's scope, those that filed nothing included,
with the result, the timing of the filing and the recognition, and the
totals; it is numbered and dated when issued, like a decision. Its figures
are read at print time from the assessments (see learning.unit.report.data).
Its body and its scope obey the constraints of the official mixin on every
write, the issue included.
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..states import UPWARD_STATES
from .learning_unit_official_mixin import OFFICIAL_FIELDS

DRAFT_FIELDS = OFFICIAL_FIELDS | {"summary", "introduction", "department_id"}


class LearningUnitUpwardReport(models.Model):
    _name = "learning.unit.upward.report"
    _description = "Learning Unit Report Upward"
    _inherit = [
        "mail.thread",
        "learning.unit.official.mixin",
        "learning.unit.lock.mixin",
    ]
    _rec_names_search = ["number_text"]
    _order = "period_id desc, id desc"
    _check_company_auto = True

    _lu_doc_code = "BC"
    _lu_workflow_field = "state"
    _lu_write_access = {"reviewer": (DRAFT_FIELDS, ("draft",))}
    _lu_create_fields = {"reviewer": DRAFT_FIELDS | {"period_id"}}

    # in the reader's language ("Draft decision 2025" until numbered): not stored
    name = fields.Char(compute="_compute_name")
    period_id = fields.Many2one(
        "learning.unit.period",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
    )
    year = fields.Integer(related="period_id.year", store=True)
    company_id = fields.Many2one(
        related="period_id.company_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Scope",
        required=True,
        ondelete="restrict",
        index=True,
        check_company=True,
        domain="[('lu_can_review', '=', True)]",
        help="Every unit of this department is listed, filed or not.",
    )
    state = fields.Selection(
        UPWARD_STATES, default="draft", required=True, readonly=True, tracking=True
    )
    summary = fields.Char()
    introduction = fields.Text()

    @api.depends("number_text", "period_id.year", "body_id.name")
    @api.depends_context("lang")
    def _compute_name(self):
        for report in self:
            report.name = report.number_text or self.env._(
                "Draft report %(year)s", year=report.period_id.year or ""
            )

    @api.constrains("body_id", "department_id", "state")
    def _check_body(self):
        self._lu_check_body()

    @api.constrains("department_id")
    def _check_scope(self):
        self._lu_check_scope()

    @api.model
    def _lu_complete_create(self, vals_list):
        for vals in vals_list:
            period = self.env["learning.unit.period"].browse(vals.get("period_id"))
            body = self.env["learning.unit.body"].browse(vals.get("body_id"))
            year = period.year or ""
            plan = period._lu_plan_citation() if period else ""
            defaults = {
                "department_id": self._lu_default_scope(body).id,
                "summary": f"Kết quả đánh giá, công nhận “Đơn vị học tập” năm {year}",
                "introduction": (
                    f"Thực hiện {plan}, "
                    if plan
                    else "Thực hiện kế hoạch của cấp trên, "
                )
                + f"{body.name or ''} báo cáo kết quả đánh giá, công nhận “Đơn vị "
                f"học tập” năm {year} như sau:",
            }
            for key, value in defaults.items():
                vals.setdefault(key, value)
        return vals_list

    def _lu_state(self):
        return self.state

    def _lu_complete_write(self, vals):
        target = vals.get("state")
        if target:
            if target != "issued" or any(r.state != "draft" for r in self):
                raise UserError(self.env._("An issued report stays issued."))
            if "reviewer" not in self._lu_roles() and not self.env.su:
                raise UserError(self.env._("Only the reviewing level reports upward."))
            if len(self) != 1:
                raise UserError(self.env._("Issue one report at a time."))
            vals.update(self._lu_number_values())
        return vals

    def action_issue(self):
        """Number and date the report."""
        for report in self:
            report.write({"state": "issued"})
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(report.state != "draft" for report in self):
            raise UserError(self.env._("An issued report is never deleted."))
