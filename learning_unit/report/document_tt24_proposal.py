# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Thông tư 24: Tờ trình đề nghị, the unit's proposal for recognition."""

from odoo import api, models

from .. import scoring
from ..vn_format import LEVEL_WORDS, vn_date
from . import blocks as B


class ReportTt24Proposal(models.AbstractModel):
    _name = "report.learning_unit.report_tt24_proposal"
    _inherit = "report.learning_unit.abstract_tt24"
    _description = "Learning Unit Report: Tờ trình đề nghị"

    @api.model
    def _lu_forms(self, assessments):
        """The unit's context and, when it asks for level 2, from which day
        level 2 can be granted (``level_2_wait``)."""
        forms = super()._lu_forms(assessments)
        waits = self.env["learning.unit.recognition"]._level_2_waits(
            assessments, self._lu_today()
        )
        for assessment, unit in forms:
            unit["level_2_wait"] = waits.get(assessment.id)
        return forms

    @api.model
    def _level_2_wait_lines(self, assessment, unit):
        """Level 2 asked while the unit's level 1 decision is under the wait
        (12 months), or while it holds none: say from which day it can be
        granted, until the request is decided."""
        if (
            assessment.self_level != scoring.LEVEL_2
            or assessment.state == "recognised"  # decided: as the form's note
            or not unit.get("level_2_wait")
        ):
            return []
        first, day = unit["level_2_wait"]
        months = 12 * assessment.template_id.level_2_wait_years
        if not first:
            text = (
                f"{unit['name']} chưa có quyết định công nhận mức độ 1: mức độ 2 "
                f"chỉ được xét công nhận sau {months} tháng kể từ ngày có quyết "
                "định công nhận mức độ 1."
            )
        elif day > self._lu_today():
            level = LEVEL_WORDS.get(first.level, "").lower()
            text = (
                f"{unit['name']} đã có Quyết định số {first.decision_number} ngày "
                f"{vn_date(first.decision_date)} công nhận {level}; mức độ 2 được "
                f"xét công nhận từ ngày {vn_date(day)} (sau {months} tháng kể từ "
                f"ngày quyết định công nhận mức độ 1)."
            )
        else:
            return []
        return [B.para(B.run(text, i=True), indent=True)]

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
            *self._level_2_wait_lines(assessment, unit),
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
