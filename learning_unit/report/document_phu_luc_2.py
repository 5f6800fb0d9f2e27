# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Phụ lục 2 (Thông tư 22): the unit's self-assessment report, one per unit."""

from odoo import api, models

from . import blocks as B


class ReportPhuLuc2(models.AbstractModel):
    _name = "report.learning_unit.report_phu_luc_2"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Phụ lục 2"
    _lu_model = "learning.unit.assessment"

    @api.model
    def _lu_forms(self, assessments):
        data = self._lu_data()
        context = data._unit_context(assessments)
        years = len(assessments.period_id) > 1
        return [
            (
                form["assessment"],
                dict(form, context=context[form["assessment"].id], years=years),
            )
            for form in data._phu_luc_2(assessments)
        ]

    @api.model
    def _lu_document(self, assessment, form):
        unit = form["context"]
        year = form["year"]
        show_review = form["show_review"]
        columns = [(9, "center"), (58, "left"), (11, "center"), (11, "center")]
        head = ["STT", "Nội dung tiêu chí", "Điểm số tối đa", "Điểm tự chấm"]
        if show_review:
            columns = [(8, "center"), (50, "left")] + [(14, "center")] * 3
            head.append("Điểm đoàn kiểm tra")
        rows = []
        for line in form["rows"]:
            text = [line["name"]]
            if line["hint"]:
                text += [" (", B.run(line["hint"], i=True), ")"]
            cells = [
                B.cell(line["label"]),
                B.cell(text),
                B.number(line["max"]),
                B.number(line["self"]),
            ]
            if show_review:
                cells.append(B.number(line["review"]))
            rows.append(
                B.row(
                    cells,
                    b=line["is_group"],
                    cls="o_lu_group" if line["is_group"] else None,
                    code=line["code"],
                )
            )
        total = [
            B.cell("Tổng cộng số điểm tối đa", colspan=2),
            B.number(form["max_total"]),
            B.number(form["self_total"]),
        ]
        rank = [
            B.cell("Xếp loại", colspan=2),
            B.cell(""),
            B.cell(form["self_rank"]),
        ]
        if show_review:
            total.append(B.number(form["review_total"]))
            rank.append(B.cell(form["review_rank"]))
        rows += [
            B.row(total, b=True, cls="o_lu_group"),
            B.row(rank, b=True, cls="o_lu_group"),
        ]
        blocks = [
            B.header(
                unit["superior"],
                unit["issuer"],
                self._number_line("", "BC", unit["symbol"]),
                self._place_date(
                    unit["place"], self._lu_data()._report_date(assessment)
                ),
            ),
            B.center("PHỤ LỤC 2", b=True, space_before=6),
            B.center(f"(Kèm theo {unit['plan']})", i=True),
            B.center("BÁO CÁO", b=True, size=14, space_before=6),
            B.center(
                f"KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI “ĐƠN VỊ HỌC TẬP” NĂM {year}",
                b=True,
                size=14,
            ),
            B.para([B.run("I. Đơn vị: ", b=True), form["unit"]], space_before=6),
            B.para("II. Kết quả đánh giá, xếp loại", b=True),
            B.table(columns, [head], rows),
            self._head_signature(assessment, self._to_reviewing(unit)),
        ]
        return self._doc(
            f"Phụ lục 2 - {form['unit']} - {year}",
            blocks,
            "o_lu_phu_luc_2",
            assessment,
            sheet=form["unit"],
            sheet_suffix=f" {year}" if form["years"] else "",
        )
