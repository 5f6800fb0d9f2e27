# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Thông tư 24: Báo cáo tự đánh giá, the unit's self-assessment report."""

from odoo import api, models

from . import blocks as B


class ReportTt24SelfReport(models.AbstractModel):
    _name = "report.learning_unit.report_tt24_self_report"
    _inherit = "report.learning_unit.abstract_tt24"
    _description = "Learning Unit Report: Báo cáo tự đánh giá"

    @api.model
    def _lu_document(self, assessment, unit):
        data = self._lu_data()
        year, name, team = unit["year"], unit["name"], unit["team"]
        blocks = [
            self._tt24_header(unit, "BC", assessment.submitted_date),
            *B.title("BÁO CÁO", f"Tự đánh giá “Đơn vị học tập” năm {year}"),
            B.para("I. ĐẶC ĐIỂM TÌNH HÌNH", b=True),
            B.para(
                f"{name}; tổng số thành viên: {assessment.member_count}. Thời gian "
                f"đánh giá: từ ngày 01/01/{year} đến ngày 31/12/{year}.",
                indent=True,
            ),
            *B.text_lines(assessment.self_note),
            B.para("II. TỔ ĐÁNH GIÁ", b=True),
        ]
        if team and team.member_ids:
            blocks.append(
                B.para(
                    "Tổ đánh giá được thành lập theo "
                    + (team.founding_reference or "quyết định của Thủ trưởng đơn vị")
                    + ", gồm:",
                    indent=True,
                )
            )
            for member in team.member_ids:
                title = f", {member.job_title}" if member.job_title else ""
                blocks.append(
                    B.para(
                        f"- {member.name}{title}: {member._lu_role_words()};",
                        indent=True,
                    )
                )
        else:
            blocks.append(
                B.para("Tổ đánh giá do Thủ trưởng đơn vị thành lập.", indent=True)
            )
        blocks.append(B.para("III. KẾT QUẢ TỰ ĐÁNH GIÁ", b=True))
        for line in unit["lines"]:
            label = line.criterion_id.label or line.criterion_code or ""
            if line.kind == "group":
                blocks.append(B.para(f"{label}. {line.criterion_id.name}", b=True))
                continue
            blocks.append(
                B.para(
                    [
                        B.run(f"{label}. ", b=True),
                        line.criterion_id.name or "",
                        " – ",
                        B.run(data._line_result(line, "self"), b=True),
                    ],
                    indent=True,
                )
            )
            if line.score_note:
                blocks.append(B.para(B.run(line.score_note, i=True), indent=True))
        blocks += [
            B.para("IV. KẾT LUẬN VÀ ĐỀ NGHỊ", b=True),
            B.para(
                f"Kết quả tự đánh giá: {data._result_words(assessment, 'self')}. "
                f"{assessment.result_note or ''}",
                indent=True,
            ),
            B.para(
                f"{name} đề nghị {unit['reviewing_name'] or 'cấp có thẩm quyền'} "
                f"đánh giá, công nhận “Đơn vị học tập” năm {year}./.",
                indent=True,
            ),
            self._head_signature(assessment, unit),
        ]
        return self._doc(
            f"Báo cáo tự đánh giá - {name} - {year}",
            blocks,
            "o_lu_tt24_self_report",
            assessment,
            draft=self._lu_unit_draft(assessment),
        )
