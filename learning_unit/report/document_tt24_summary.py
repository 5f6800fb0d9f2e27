# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Thông tư 24: Bản tổng hợp kết quả đánh giá các tiêu chí, chỉ tiêu."""

from odoo import api, models

from ..vn_format import LEVEL_WORDS, vn_number
from . import blocks as B


class ReportTt24Summary(models.AbstractModel):
    _name = "report.learning_unit.report_tt24_summary"
    _inherit = "report.learning_unit.abstract_tt24"
    _description = "Learning Unit Report: Bản tổng hợp các tiêu chí, chỉ tiêu"

    @api.model
    def _lu_document(self, assessment, unit):
        data = self._lu_data()
        year, name, team = unit["year"], unit["name"], unit["team"]
        levels = assessment.scheme == "levels"
        rows = []
        for line in unit["lines"]:
            label = line.criterion_id.label or line.criterion_code or ""
            group = line.kind == "group"
            required = (
                LEVEL_WORDS.get(line.min_level or "", "")
                if levels and not group
                else ""
            )
            if not levels and not group:
                required = vn_number(line.criterion_id.max_score)
            rows.append(
                B.row(
                    [
                        B.cell(label),
                        B.cell(line.criterion_id.name or ""),
                        B.cell(required),
                        B.cell(data._line_result(line, "self")),
                        B.cell(B.run(line.score_note or "", i=True), align="left"),
                    ],
                    group=group,
                    code=line.criterion_code,
                )
            )
        rows.append(
            B.row(
                [
                    B.cell("Kết quả chung", colspan=3),
                    B.cell(data._result_words(assessment, "self")),
                    B.cell(B.run(assessment.result_note or "", i=True), align="left"),
                ],
                group=True,
            )
        )
        head = team and team.head_id
        signers = [
            B.signer(["TỔ TRƯỞNG TỔ ĐÁNH GIÁ"], head.name if head else ""),
            B.signer(
                ["THỦ TRƯỞNG ĐƠN VỊ"],
                assessment.head_name or "",
                self._place_date(unit["place"], assessment.submitted_date),
            ),
        ]
        blocks = [
            B.header(unit["superior"], unit["issuer"]),
            *B.title(
                "BẢN TỔNG HỢP",
                [
                    "KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHÍ, CHỈ TIÊU",
                    f"“ĐƠN VỊ HỌC TẬP” NĂM {year}",
                ],
            ),
            B.para([B.run("Đơn vị: ", b=True), name]),
            B.table(
                [
                    (8, "center"),
                    (44, "left"),
                    (13, "center"),
                    (13, "center"),
                    (22, "left"),
                ],
                [
                    [
                        "STT",
                        "Tiêu chí, chỉ tiêu",
                        "Mức yêu cầu" if levels else "Điểm tối đa",
                        "Kết quả tự đánh giá",
                        "Ghi chú",
                    ]
                ],
                rows,
                size=11,
            ),
            B.signature(signers, None),
        ]
        return self._doc(
            f"Bản tổng hợp - {name} - {year}",
            blocks,
            "o_lu_tt24_summary",
            assessment,
            draft=self._lu_unit_draft(assessment),
        )
