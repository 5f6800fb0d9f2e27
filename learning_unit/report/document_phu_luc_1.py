# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Phụ lục 1: the study promotion report of the unit's association."""

from odoo import api, models

from ..vn_format import vn_amount, vn_number
from . import blocks as B


class ReportPhuLuc1(models.AbstractModel):
    _name = "report.learning_unit.report_phu_luc_1"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Phụ lục 1"
    _lu_model = "learning.unit.promotion.report"
    _lu_points_form = "Phụ lục 1"

    @api.model
    def _lu_forms(self, reports):
        reports.line_ids.fetch(["kind", "donor", "quantity", "amount", "note"])
        return self._lu_of_assessment(reports, self._lu_data()._unit_context)

    @api.model
    def _lu_document(self, o, unit):
        year = o.year
        currency = o.currency_id

        def amount(value):
            return vn_amount(value, currency)

        p = B.para

        def heading(text):
            return B.para(text, b=True, space_before=4)

        change = o.association_member_change
        if change > 0:
            change_text = f"tăng {vn_number(change)}"
        elif change < 0:
            change_text = f"giảm {vn_number(-change)}"
        else:
            change_text = "không tăng, giảm"
        if o.association_member_change_reason:
            change_text += f", nguyên nhân: {o.association_member_change_reason}"
        blocks = [
            B.header(
                (o.department_id.name or "").upper(),
                "BAN KHUYẾN HỌC",
                self._number_line("", "BC", "BKH"),
                self._place_date(unit["place"]),
            ),
            B.center("PHỤ LỤC 1", b=True, space_before=6),
            B.center(f"(Kèm theo {unit['plan']})", i=True),
            B.center(
                "Báo cáo tổng kết công tác Khuyến học Ban khuyến học cơ quan",
                b=True,
                size=14,
                space_before=6,
            ),
            B.center(f"Năm {year}", b=True, size=14),
            {"type": "rule"},
            heading("I.ĐẶC ĐIỂM TÌNH HÌNH"),
            heading("1.Tình hình chung của đơn vị"),
            p(
                "- Tổng số CB CC-VC – người lao động trong cơ quan: "
                f"{vn_number(o.staff_count)}"
            ),
            p([B.run("2.Thuận lợi: ", b=True), o.advantages or "..."]),
            p([B.run("3.Khó khăn: ", b=True), o.difficulties or "..."]),
            heading(
                "II.KẾT QUẢ THỰC HIỆN CÔNG TÁC KHUYẾN HỌC, KHUYẾN TÀI, XÂY DỰNG "
                f"XÃ HỘI HỌC TẬP NĂM {year}"
            ),
            heading("1.Công tác tổ chức Ban khuyến học cơ quan"),
            p(
                f"- Tổng số hội viên năm {year - 1}: "
                f"{vn_number(o.association_member_count_last_year)}"
            ),
            p(
                f"- Tổng số hội viên năm {year}: "
                f"{vn_number(o.association_member_count)} ({change_text})"
            ),
            p(
                f"- Tổng số hội viên đóng hội phí: {vn_number(o.fee_payer_count)}, "
                f"thành tiền: {amount(o.fee_total)}"
            ),
            p(f"(Hội phí: {amount(o.fee_per_member)}/1 hội viên/ năm)"),
            p(f"- Tổng số Đảng viên: {vn_number(o.party_member_count)}"),
            p(
                "- Tổng số hội viên là Đảng viên: "
                f"{vn_number(o.party_association_member_count)}"
            ),
            heading("1.Công tác khuyến học, khuyến tài"),
            p("-Những việc làm được:"),
            p(
                "+ Vận động mạnh thường quân, cấp phát học bổng; Tiếp sức mùa "
                f"thi... {o.promotion_activities or ''}".rstrip()
            ),
            p(f"+ Hỗ trợ cơ sở vật chất trường học: {o.school_support or '...'}"),
            p(
                f"+ Bao nhiêu suất quà: {vn_number(o.gift_count)}, thành tiền "
                f"{amount(o.gift_amount)}"
            ),
            p(
                f"+ Bao nhiêu suất học bổng: {vn_number(o.scholarship_count)}, "
                f"thành tiền {amount(o.scholarship_amount)}"
            ),
            p("(Báo cáo cụ thể tên mạnh thường quân ủng hộ, thành tiền)"),
        ]
        if o.line_ids:
            kinds = {"gift": "Quà", "scholarship": "Học bổng"}
            blocks.append(
                B.table(
                    [
                        (7, "center"),
                        (45, "left"),
                        (16, "left"),
                        (12, "center"),
                        (20, "right"),
                    ],  # fmt: skip
                    [
                        [
                            "STT",
                            "Mạnh thường quân",
                            "Hình thức",
                            "Số suất",
                            "Thành tiền",
                        ]
                    ],
                    [
                        B.row(
                            [
                                B.cell(str(index)),
                                B.cell(
                                    [line.donor or ""]
                                    + (
                                        [" (", B.run(line.note, i=True), ")"]
                                        if line.note
                                        else []
                                    )
                                ),
                                B.cell(kinds.get(line.kind, "Hỗ trợ khác")),
                                B.cell(vn_number(line.quantity)),
                                B.cell(amount(line.amount)),
                            ]
                        )
                        for index, line in enumerate(o.line_ids, start=1)
                    ],
                )
            )
        blocks += [
            p(
                "- Tổng thu: (tiền mặt và hiện vật quy thành tiền) "
                f"{amount(o.income_total)}"
            ),
            p(
                "- Tổng chi:(tiền mặt và hiện vật quy thành tiền) "
                f"{amount(o.spending_total)}"
            ),
            p(
                f"- Tồn quỹ: {amount(o.balance)} (tiền mặt và hiện vật quy thành "
                "tiền)"
            ),
            heading("2.Công tác xây dựng Đơn vị học tập của cơ quan"),
            p(f"- Công tác đăng ký: {o.registration_note or '...'}"),
            p(f"- Tổ chức thực hiện: {o.implementation_note or '...'}"),
            heading("III.ĐÁNH GIÁ CHUNG"),
            heading("1.Mặt mạnh"),
            *(B.text_lines(o.strengths) or [p("...")]),
            heading("2.Mặt hạn chế"),
            *(B.text_lines(o.weaknesses) or [p("...")]),
            heading("3. Nguyên nhân hạn chế"),
            *(B.text_lines(o.weakness_causes) or [p("...")]),
            heading("4. Bài học kinh nghiệm."),
            *(B.text_lines(o.lessons_learned) or [p("...")]),
            heading("IV. KIẾN NGHỊ, ĐỀ XUẤT."),
            *(B.text_lines(o.recommendations) or [p("...")]),
            self._signature(
                {"title": "CHỦ TỊCH", "name": o.chairman_name or ""},
                ["Ban Khuyến học cơ quan Huyện", "Lưu"],
            ),
        ]
        return self._doc(
            f"Phụ lục 1 - {o.department_id.name} - {year}",
            blocks,
            "o_lu_phu_luc_1",
            o,
            draft=self._lu_unit_draft(o.assessment_id),
        )
