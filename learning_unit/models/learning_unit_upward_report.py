# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The report upward (báo cáo kết quả) of a reviewing body for a period.

It lists every unit of the body's scope, those that filed nothing included,
with the result, the timing of the filing and the recognition, and the
totals; it is numbered and dated when issued, like a decision. Its figures
are read at print time from the assessments (see learning.unit.report.data).
Its body and its scope obey the constraints of the official mixin on every
write, the issue included (the workflow mixin runs ``_lu_transitions``).
"""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools.translate import LazyTranslate

from ..states import DRAFT_STATES, UPWARD_STATES
from .learning_unit_official_mixin import OFFICIAL_FIELDS
from .learning_unit_workflow_mixin import Transition

# the refusals of the workflow are declared with its table, before any
# environment exists: lazy translations, rendered in the user's language
# pylint: disable=prefer-env-translation
_lt = LazyTranslate(__name__)

DRAFT_FIELDS = OFFICIAL_FIELDS | {"summary", "introduction", "department_id"}


class LearningUnitUpwardReport(models.Model):
    _name = "learning.unit.upward.report"
    _description = "Learning Unit Report Upward"
    _inherit = [
        "mail.thread",
        "learning.unit.official.mixin",
        "learning.unit.workflow.mixin",
    ]
    _order = "period_id desc, id desc"
    _check_company_auto = True

    _lu_doc_code = "BC"
    _lu_transitions = {
        "issued": Transition(
            DRAFT_STATES,
            "reviewer",
            _lt("Only the reviewing level reports upward."),
            single=True,
        ),
    }
    _lu_state_flags = {"lu_editable": DRAFT_STATES}
    _lu_write_access = {"reviewer": DRAFT_FIELDS}
    _lu_create_fields = {"reviewer": DRAFT_FIELDS | {"period_id"}}

    # in the reader's language ("Draft decision 2025" until numbered): not stored
    name = fields.Char(compute="_compute_name")
    department_id = fields.Many2one(
        help="Every unit of this department is listed, filed or not."
    )
    state = fields.Selection(
        UPWARD_STATES, default="draft", required=True, readonly=True, tracking=True
    )
    lu_editable = fields.Boolean(string="Editable", compute="_compute_lu_state_flags")
    summary = fields.Char()
    introduction = fields.Text()

    @api.depends("number_text", "period_id.year", "body_id.name")
    @api.depends_context("lang")
    def _compute_name(self):
        for report in self:
            report.name = report.number_text or self.env._(
                "Draft report %(year)s", year=report.period_id.year or ""
            )

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

    def _lu_is_locked(self):
        return self.state not in DRAFT_STATES

    def _lu_values_issued(self, vals):
        return self._lu_number_values()

    def action_issue(self):
        """Number and date the report."""
        return self.write({"state": "issued"})

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(report.state != "draft" for report in self):
            raise UserError(self.env._("An issued report is never deleted."))
