# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Thông tư 24: Tờ trình đề nghị, the unit's proposal for recognition."""

from odoo import api, models

from .. import scoring
from ..vn_format import LEVEL_WORDS
from . import blocks as B


class ReportTt24Proposal(models.AbstractModel):
    _name = "report.learning_unit.report_tt24_proposal"
    _inherit = "report.learning_unit.abstract_tt24"
    _description = "Learning Unit Report: Tờ trình đề nghị"

    @api.model
    def _lu_document(self, assessment, unit):
        year, name = unit["year"], unit["name"]
        body = unit["reviewing_name"] or "cấp có thẩm quyền"
        level = LEVEL_WORDS.get(assessment.self_level or "", "")
        asked = (
            level
            if assessment.self_level in (scoring.LEVEL_1, scoring.LEVEL_2)
            else "mức độ ....."
        )
        rules = self.env["learning.unit.decision"]._lu_rules_citation(
            assessment.period_id.rules_id
        )
        blocks = [
            self._tt24_header(unit, "TTr", assessment.submitted_date),
            *B.title(
                "TỜ TRÌNH",
                f"Về việc đề nghị đánh giá, công nhận “Đơn vị học tập” năm {year}",
            ),
            B.center(f"Kính gửi: {body}.", space_before=4),
            B.para(f"Căn cứ {rules};", i=True, indent=True, space_before=6),
            B.para(
                f"Căn cứ kết quả tự đánh giá của Tổ đánh giá {name} năm {year},",
                i=True,
                indent=True,
            ),
            B.para(
                f"{name} kính trình {body} xem xét, đánh giá và công nhận {name} "
                f"đạt “Đơn vị học tập” {asked.lower()} năm {year}.",
                indent=True,
            ),
            B.para(
                f"Kết quả tự đánh giá: {assessment.result_note or ''}",
                indent=True,
            ),
            B.para("Hồ sơ kèm theo gồm:", indent=True),
            B.para("1. Báo cáo tự đánh giá “Đơn vị học tập”;", indent=True),
            B.para(
                "2. Bản tổng hợp kết quả đánh giá các tiêu chí, chỉ tiêu.",
                indent=True,
            ),
            B.para(f"Kính trình {body} xem xét, quyết định./.", indent=True),
            self._head_signature(assessment, unit, ["Như trên", "Lưu: VT"]),
        ]
        return self._doc(
            f"Tờ trình - {name} - {year}",
            blocks,
            "o_lu_tt24_proposal",
            assessment,
            draft=self._lu_unit_draft(assessment),
        )
