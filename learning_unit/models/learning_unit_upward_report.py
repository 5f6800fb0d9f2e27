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
from .learning_unit_official_mixin import OFFICIAL_FIELDS, reviewer_act
from .learning_unit_signed_scan_mixin import SIGNED_SCAN_FIELDS

# the refusals of the workflow are declared with its table, before any
# environment exists: lazy translations, rendered in the user's language
# pylint: disable=prefer-env-translation
_lt = LazyTranslate(__name__)

DRAFT_FIELDS = OFFICIAL_FIELDS | {"summary", "introduction", "department_id"}
# "Nơi nhận": who receives a copy to be informed, and the archive
REPORTED = "(b/c)"
ARCHIVE = "Lưu: VT"


class LearningUnitUpwardReport(models.Model):
    _name = "learning.unit.upward.report"
    _description = "Learning Unit Report Upward"
    _inherit = ["learning.unit.official.mixin"]
    _order = "period_id desc, id desc"

    _lu_doc_code = "BC"
    _lu_transitions = {
        "issued": reviewer_act(_lt("Only the reviewing level reports upward.")),
    }
    # the draft's fields while a draft, its signed copy once issued (the
    # rules let the reviewers of its scope write it in both states)
    _lu_write_access = {
        "reviewer": [(DRAFT_FIELDS, DRAFT_STATES), (SIGNED_SCAN_FIELDS, ("issued",))]
    }
    _lu_create_fields = {"reviewer": DRAFT_FIELDS | {"period_id"}}

    department_id = fields.Many2one(
        help="Every unit of this department is listed, filed or not."
    )
    state = fields.Selection(
        UPWARD_STATES, default="draft", required=True, readonly=True, tracking=True
    )
    summary = fields.Char()
    introduction = fields.Text()

    def _lu_draft_name(self):
        return self.env._("Draft report %(year)s", year=self.period_id.year or "")

    @api.model
    def _lu_default_texts(self, vals, period, body):
        year = period.year or ""
        plan = period._lu_plan_citation() if period else ""
        return {
            "summary": f"Kết quả đánh giá, công nhận “Đơn vị học tập” năm {year}",
            "introduction": (
                f"Thực hiện {plan}, " if plan else "Thực hiện kế hoạch của cấp trên, "
            )
            + f"{body.name or ''} báo cáo kết quả đánh giá, công nhận “Đơn vị "
            f"học tập” năm {year} như sau:",
        }

    def _lu_default_recipients(self, body):
        """A report goes to the bodies it reports to, then the archive: those
        of the body's recipients that receive "(b/c)" (để báo cáo), else its
        superior body; never the decision's "Như Điều 3"."""
        lines = [line.strip() for line in (body.recipients or "").splitlines()]
        upward = [
            line[: -len(REPORTED)].strip()
            for line in lines
            if line.lower().endswith(REPORTED)
        ]
        if not upward and body.superior_id:
            upward = [body.superior_id.name]
        return "\n".join([*upward, ARCHIVE]) if body else False

    def _lu_is_locked(self):
        return self.state not in DRAFT_STATES

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(report.state != "draft" for report in self):
            raise UserError(self.env._("An issued report is never deleted."))
