# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Phụ lục 2 (Thông tư 22): the unit's self-assessment report, one per unit."""

from odoo import api, models

from .. import scoring
from ..vn_format import RANK_WORDS
from . import blocks as B


class ReportPhuLuc2(models.AbstractModel):
    _name = "report.learning_unit.report_phu_luc_2"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Phụ lục 2"
    _lu_model = "learning.unit.assessment"
    _lu_points_form = "Phụ lục 2"

    @api.model
    def _lu_forms(self, assessments):
        """``[(assessment, unit)]``: the unit's context and ``lines``; the
        review column once the reviewing level confirmed a result, its totals
        and rank once the review is complete."""
        data = self._lu_data()
        lines = data._criteria_lines(assessments)
        context = data._unit_context(assessments)
        years = len(assessments.period_id) > 1
        return [
            (a, dict(context[a.id], lines=lines[a.id], years=years))
            for a in assessments
        ]

    @api.model
    def _lu_document(self, assessment, unit):
        year = assessment.year
        name = assessment.department_id.name or ""
        lines = unit["lines"]
        complete = assessment.review_complete
        show_review = complete or any(line.review_set for line in lines)
        review = self._lu_data()._review_results(lines)
        columns = [(9, "center"), (58, "left"), (11, "center"), (11, "center")]
        head = ["STT", "Nội dung tiêu chí", "Điểm số tối đa", "Điểm tự chấm"]
        if show_review:
            columns = [(8, "center"), (50, "left")] + [(14, "center")] * 3
            head.append("Điểm đoàn kiểm tra")
        rows = []
        for line in lines:
            criterion = line.criterion_id
            text = [criterion.name or ""]
            if criterion.hint:
                text += [" (", B.run(criterion.hint, i=True), ")"]
            cells = [
                B.cell(criterion.label or ""),
                B.cell(text),
                B.number(scoring.exact(criterion.max_score)),
                B.number(scoring.exact(line.subtotal)),
            ]
            if show_review:
                cells.append(B.number(review[line.id]))
            group = line.kind == "group"
            rows.append(
                B.row(
                    cells,
                    group=group,
                    code=criterion.code,
                )
            )
        total = [
            B.cell("Tổng cộng số điểm tối đa", colspan=2),
            B.number(scoring.exact(assessment.max_total)),
            B.number(scoring.exact(assessment.self_total)),
        ]
        rank = [
            B.cell("Xếp loại", colspan=2),
            B.cell(""),
            B.cell(RANK_WORDS.get(assessment.self_rank, "")),
        ]
        if show_review:
            total.append(
                B.number(scoring.exact(assessment.review_total) if complete else None)
            )
            rank.append(
                B.cell(RANK_WORDS.get(assessment.review_rank, "") if complete else "")
            )
        rows += [
            B.row(total, group=True),
            B.row(rank, group=True),
        ]
        blocks = [
            B.header(
                unit["superior"],
                unit["issuer"],
                self._number_line("", "BC", unit["symbol"]),
                # the day of its submission, else today
                self._place_date(unit["place"], assessment.submitted_date),
            ),
            B.center("PHỤ LỤC 2", b=True, space_before=6),
            B.center(f"(Kèm theo {unit['plan']})", i=True),
            B.center("BÁO CÁO", b=True, size=14, space_before=6),
            B.center(
                f"KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI “ĐƠN VỊ HỌC TẬP” NĂM {year}",
                b=True,
                size=14,
            ),
            B.para([B.run("I. Đơn vị: ", b=True), name], space_before=6),
            B.para("II. Kết quả đánh giá, xếp loại", b=True),
            B.table(columns, [head], rows),
            self._head_signature(assessment, unit),
        ]
        return self._doc(
            f"Phụ lục 2 - {name} - {year}",
            blocks,
            "o_lu_phu_luc_2",
            assessment,
            sheet=name,
            sheet_suffix=f" {year}" if unit["years"] else "",
            draft=self._lu_unit_draft(assessment),
        )
