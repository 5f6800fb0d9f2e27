# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The report upward (Báo cáo kết quả) of a reviewing body: every unit of its scope."""

from odoo import api, models

from . import blocks as B
from .report_data import TIMING_WORDS


class ReportUpward(models.AbstractModel):
    _name = "report.learning_unit.report_upward"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Báo cáo kết quả"
    _lu_model = "learning.unit.upward.report"

    @api.model
    def _lu_forms(self, reports):
        return [(d["report"], d) for d in self._lu_data()._upward_data(reports)]

    @api.model
    def _lu_document(self, report, data):
        body = report.body_id
        year = report.year
        totals = data["totals"]
        units = totals["units"]

        def count_row(label, count, **kwargs):
            share = 100 * count / units if units else 0
            return B.row(
                [
                    B.cell(label),
                    B.cell(f"{count:02d}", value=count),
                    B.number(share, 1),
                ],
                **kwargs,
            )

        result_rows = [
            count_row(label, count) for _key, label, count in totals["results"]
        ]
        result_rows += [
            count_row("Chưa có kết quả thẩm định", totals["no_result"]),
            count_row("Tổng cộng", units, group=True),
        ]
        unit_rows = [
            B.row(
                [
                    B.cell(str(index), value=index),
                    B.cell(row["unit"]),
                    B.cell(
                        row["self"] or ("Không gửi hồ sơ" if not row["filed"] else "")
                    ),
                    B.cell(row["review"]),
                    B.cell(TIMING_WORDS[row["timing"]]),
                    B.cell(row["decision"] or "Chưa công nhận"),
                ]
            )
            for index, row in enumerate(data["rows"], start=1)
        ]
        blocks = [
            self._official_header(report),
            *B.title("BÁO CÁO", report.summary or ""),
            *B.text_lines(report.introduction),
            B.para("I. KẾT QUẢ CHUNG", b=True),
            B.para(
                f"Tổng số đơn vị: {units:02d}; đã gửi hồ sơ: {totals['filed']:02d} "
                f"(đúng hạn: {totals['on_time']:02d}, "
                f"trễ hạn: {totals['late']:02d}); "
                f"không gửi hồ sơ: {totals['not_filed']:02d}; đã công nhận: "
                f"{totals['recognised']:02d}.",
                indent=True,
            ),
            B.table(
                [(52, "left"), (24, "center"), (24, "center")],
                [["Kết quả", "Số đơn vị", "Tỷ lệ (%)"]],
                result_rows,
            ),
            B.para("II. DANH SÁCH CÁC ĐƠN VỊ", b=True),
            B.table(
                [
                    (6, "center"),
                    (30, "left"),
                    (16, "center"),
                    (16, "center"),
                    (11, "center"),
                    (21, "center"),
                ],
                [
                    [
                        "STT",
                        "Đơn vị",
                        "Tự đánh giá",
                        "Thẩm định",
                        "Hồ sơ",
                        "Công nhận",
                    ]
                ],
                unit_rows,
                size=11,
                listing=True,
            ),
            B.para(
                f"Trên đây là báo cáo kết quả đánh giá, công nhận “Đơn vị học tập” "
                f"năm {year} của {body.name}./.",
                indent=True,
            ),
            self._official_signature(report),
        ]
        return self._official_doc(
            "Báo cáo",
            report,
            blocks,
            "o_lu_upward",
            sheet=report.number_text or body.short_name or "BC",
            sheet_suffix=f" {year}",
        )
