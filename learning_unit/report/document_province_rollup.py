# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The province roll-up: the units of every reviewing body of a period."""

from odoo import api, models

from ..models.learning_unit_body import signer_of
from . import blocks as B


class ReportProvinceRollup(models.AbstractModel):
    _name = "report.learning_unit.report_province_rollup"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Province Roll-up"
    _lu_model = "learning.unit.period"

    @api.model
    def _lu_forms(self, periods):
        return [(d["period"], d) for d in self._lu_data()._rollup_data(periods)]

    @api.model
    def _lu_document(self, period, data):
        year = period.year
        top = period.body_id
        while top.superior_id:
            top = top.superior_id
        keys = self._lu_data()._result_keys(data["scheme"])

        def cells(label, totals, bold=False):
            counts = [
                totals["units"],
                totals["on_time"],
                totals["late"],
                totals["not_filed"],
                *(count for _k, _l, count in totals["results"]),
                totals["recognised"],
            ]
            numbers = [B.cell(str(count), value=count) for count in counts]
            return [B.cell(label, b=bold), *numbers]

        rows = [
            B.row(
                [
                    B.cell(str(index), value=index),
                    *cells(line["body"].name, line["totals"]),
                ]
            )
            for index, line in enumerate(data["lines"], start=1)
        ]
        rows.append(
            B.row(
                [B.cell("Tổng cộng", colspan=2), *cells("", data["totals"])[1:]],
                group=True,
            )
        )
        width = 44 / (5 + len(keys))
        columns = [(6, "center"), (30, "left")] + [(width, "center")] * (5 + len(keys))
        head = [
            [
                "STT",
                "Cơ quan thẩm định",
                "Số đơn vị",
                "Đúng hạn",
                "Trễ hạn",
                "Không gửi",
                *(label for _k, label in keys),
                "Đã công nhận",
            ],
        ]
        blocks = [
            self._body_header(
                top,
                self._number_line("", "BC", top.short_name),
                self._place_date(top.place),
            ),
            *B.title(
                "BÁO CÁO TỔNG HỢP",
                f"Kết quả đánh giá, công nhận “Đơn vị học tập” năm {year}",
            ),
            B.para(
                f"Tổng số đơn vị: {data['totals']['units']}; đã công nhận: "
                f"{data['totals']['recognised']}; không gửi hồ sơ: "
                f"{data['totals']['not_filed']}.",
                indent=True,
            ),
            B.table(columns, head, rows, size=10),
            self._signature(
                signer_of(top),
                (top.recipients and top.recipients.splitlines()) or ["Lưu: VT"],
            ),
        ]
        return self._doc(
            f"Tổng hợp toàn tỉnh - {year}",
            blocks,
            "o_lu_rollup",
            period,
            sheet="Tổng hợp",
            sheet_suffix=f" {year}",
        )
