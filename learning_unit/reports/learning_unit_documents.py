# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every printed document, built once as blocks (see document_blocks.py).

The official documents are Vietnamese whatever the reader's language: their
literal labels are written here as the forms print them. Each builder reads
its records in batch, with the rights of the current user.
"""

from odoo import api, fields, models

from .. import scoring
from ..vn_format import (
    LEVEL_WORDS,
    RANK_WORDS,
    vn_amount,
    vn_date_phrase,
    vn_number,
)
from . import document_blocks as B

LEVEL_ORDER = (scoring.LEVEL_2, scoring.LEVEL_1, scoring.LEVEL_NONE)
TIMING_WORDS = {"not_submitted": "Chưa gửi", "on_time": "Đúng hạn", "late": "Trễ hạn"}


class LearningUnitDocuments(models.AbstractModel):
    _name = "learning.unit.documents"
    _description = "Learning Unit Printed Documents"

    # ------------------------------------------------------------------
    # common parts
    # ------------------------------------------------------------------
    @api.model
    def _place_date(self, place, day, year=None):
        place = (place or "").strip() or "...."
        return f"{place}, {vn_date_phrase(day, year)}"

    @api.model
    def _number_line(self, number_text, code, symbol=""):
        if number_text:
            return f"Số: {number_text}"
        blank = "\u00a0" * 8
        return f"Số:{blank}/{code}-{symbol}" if symbol else f"Số:{blank}/{code}"

    @api.model
    def _body_header(self, body, number_line, place_date):
        superior, own = body._lu_header() if body else ("", "")
        return B.header(superior, own, number_line, place_date)

    @api.model
    def _signature(self, signer, recipients, place_date=""):
        lines = B.signer_lines(signer)
        return B.signature(
            [B.signer(lines, signer.get("name"), place_date)],
            B.recipient_lines(recipients) if recipients is not None else None,
        )

    @api.model
    def _unit_bodies(self, departments):
        """``{department id: body}`` of the units that have a body record."""
        if not departments:
            return {}
        bodies = self.env["learning.unit.body"].search(
            [("department_id", "in", departments.ids), ("kind", "=", "unit")]
        )
        return {body.department_id.id: body for body in bodies}

    @api.model
    def _unit_context(self, assessments):
        """What the unit's documents print of each assessment's unit."""
        departments = assessments.department_id
        departments.fetch(["name", "parent_id"])
        departments.parent_id.fetch(["name"])
        bodies = self._unit_bodies(departments)
        periods = assessments.period_id
        periods.fetch(["body_id", "plan_number", "plan_date", "plan_body_id", "year"])
        assessments.company_id.sudo().fetch(["city"])
        result = {}
        for assessment in assessments:
            department = assessment.department_id
            body = bodies.get(department.id)
            period = assessment.period_id
            reviewing = period.body_id
            if body:
                superior, own = body._lu_header()
            else:
                superior = (department.parent_id.name or "").upper()
                own = (department.name or "").upper()
            place = (
                body.place
                if body
                else reviewing.place or assessment.company_id.sudo().city
            )
            result[assessment.id] = {
                "superior": superior,
                "issuer": own,
                "symbol": body.short_name if body else "",
                "place": place,
                "reviewing": reviewing,
                "reviewing_name": reviewing.name or "",
                "plan": period._lu_plan_citation(blank=True),
            }
        return result

    @api.model
    def _result_words(self, assessment, which):
        """The rank or level in words, empty while unknown."""
        if assessment.scheme == "levels":
            level = (
                assessment.self_level if which == "self" else assessment.review_level
            )
            if which == "review" and not assessment.review_complete:
                return ""
            return LEVEL_WORDS.get(level or "", "")
        if which == "review":
            if not assessment.review_complete:
                return ""
            return (
                f"{vn_number(assessment.review_total)} điểm – "
                f"{RANK_WORDS.get(assessment.review_rank, '')}"
            )
        if not assessment.self_rank:
            return ""
        return (
            f"{vn_number(assessment.self_total)} điểm – "
            f"{RANK_WORDS.get(assessment.self_rank, '')}"
        )

    # ------------------------------------------------------------------
    # Phụ lục 2 (Thông tư 22): the unit's self-assessment report
    # ------------------------------------------------------------------
    @api.model
    def phu_luc_2(self, assessments):
        forms = self.env["learning.unit.report.data"]._phu_luc_2(assessments)
        context = self._unit_context(assessments)
        documents = []
        for form in forms:
            assessment = form["assessment"]
            unit = context[assessment.id]
            year = form["year"]
            day = self.env["learning.unit.report.data"]._report_date(assessment)
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
                    B.cell(vn_number(line["max"])),
                    B.cell(vn_number(line["self"])),
                ]
                if show_review:
                    cells.append(B.cell(vn_number(line["review"])))
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
                B.cell(vn_number(form["max_total"])),
                B.cell(vn_number(form["self_total"])),
            ]
            rank = [
                B.cell("Xếp loại", colspan=2),
                B.cell(""),
                B.cell(form["self_rank"]),
            ]
            if show_review:
                total.append(B.cell(vn_number(form["review_total"])))
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
                    self._place_date(unit["place"], day),
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
                self._signature(
                    {"title": "THỦ TRƯỞNG ĐƠN VỊ", "name": form["head_name"]},
                    [unit["reviewing_name"] or "Cấp thẩm định", "Lưu: VT"],
                ),
            ]
            documents.append(
                self._doc(
                    f"Phụ lục 2 - {form['unit']} - {year}",
                    blocks,
                    "o_lu_phu_luc_2",
                    assessment,
                )
            )
        return documents

    @api.model
    def _doc(self, name, blocks, cls, record):
        doc = B.document(name, blocks, cls)
        doc.update(model=record._name if record else None, res_id=record.id or None)
        return doc

    # ------------------------------------------------------------------
    # Phụ lục 1: the study promotion report of the unit's association
    # ------------------------------------------------------------------
    @api.model
    def phu_luc_1(self, reports):
        reports.check_access("read")
        reports.fetch(
            [
                "assessment_id",
                "year",
                "department_id",
                "currency_id",
                "staff_count",
                "advantages",
                "difficulties",
                "association_member_count_last_year",
                "association_member_count",
                "association_member_change",
                "association_member_change_reason",
                "fee_payer_count",
                "fee_total",
                "fee_per_member",
                "party_member_count",
                "party_association_member_count",
                "promotion_activities",
                "school_support",
                "gift_count",
                "gift_amount",
                "scholarship_count",
                "scholarship_amount",
                "income_total",
                "spending_total",
                "balance",
                "registration_note",
                "implementation_note",
                "strengths",
                "weaknesses",
                "weakness_causes",
                "lessons_learned",
                "recommendations",
                "chairman_name",
            ]
        )
        reports.line_ids.fetch(["kind", "donor", "quantity", "amount", "note"])
        context = self._unit_context(reports.assessment_id)
        documents = []
        for o in reports:
            unit = context[o.assessment_id.id]
            year = o.year
            currency = o.currency_id

            def amount(value, currency=currency):
                return vn_amount(value, currency)

            def p(text, **kw):
                return B.para(text, **kw)

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
                    self._place_date(unit["place"], None, year + 1),
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
            documents.append(
                self._doc(
                    f"Phụ lục 1 - {o.department_id.name} - {year}",
                    blocks,
                    "o_lu_phu_luc_1",
                    o,
                )
            )
        return documents

    # ------------------------------------------------------------------
    # district summary (an internal list, in the reader's language)
    # ------------------------------------------------------------------
    @api.model
    def _summary_headers(self):
        """The columns of the district summary (the XLSX adds the date sent)."""
        return [
            self.env._("No."),
            self.env._("Unit"),
            self.env._("Self Score"),
            self.env._("Self Rank"),
            self.env._("Review Score"),
            self.env._("Review Rank"),
            self.env._("Status"),
            self.env._("Submission"),
        ]

    @api.model
    def district_summary(self, assessments, periods=None):
        sections = self.env["learning.unit.report.data"]._district_summary(
            assessments, periods=periods
        )
        documents = []
        for section in sections:
            period = section["period"]
            body = period.body_id
            rows = [
                B.row(
                    [
                        B.cell(str(index)),
                        B.cell(row["unit"]),
                        B.cell(vn_number(row["self_total"])),
                        B.cell(row["self_rank_label"]),
                        B.cell(vn_number(row["review_total"])),
                        B.cell(row["review_rank_label"]),
                        B.cell(row["state_label"]),
                        B.cell(row["timing_label"]),
                    ]
                )
                for index, row in enumerate(section["rows"], start=1)
            ]
            if not rows:
                rows = [
                    B.row(
                        [
                            B.cell(
                                B.run(
                                    self.env._("No assessment in this period."), i=True
                                ),
                                align="center",
                                colspan=8,
                            )
                        ]
                    )
                ]
            counts = [
                B.row(
                    [
                        B.cell(c["label"]),
                        B.cell(str(c["self"])),
                        B.cell(str(c["review"])),
                    ]
                )
                for c in section["counts"]
            ]
            counts.append(
                B.row(
                    [
                        B.cell(self.env._("Total")),
                        B.cell(str(section["unit_count"])),
                        B.cell(str(section["unit_count"])),
                    ],
                    b=True,
                    cls="o_lu_group",
                )
            )
            blocks = []
            if body:
                blocks.append(
                    self._body_header(
                        body,
                        "",
                        self._place_date(body.place, fields.Date.context_today(self)),
                    )
                )
            blocks += [
                B.center(section["title"], b=True, size=14, space_before=6),
                B.center(B.run(section["subtitle"], i=True)),
                B.table(
                    [
                        (5, "center"),
                        (31, "left"),
                        (9, "center"),
                        (11, "left"),
                        (9, "center"),
                        (11, "left"),
                        (12, "left"),
                        (12, "left"),
                    ],  # fmt: skip
                    [self._summary_headers()],
                    rows,
                    size=10,
                ),
                B.para(self.env._("Units per rank"), b=True, space_before=6),
                B.table(
                    [(44, "left"), (28, "center"), (28, "center")],
                    [
                        [
                            self.env._("Rank"),
                            self.env._("Self-assessment"),
                            self.env._("Review"),
                        ]
                    ],
                    counts,
                    size=12,
                ),
            ]
            documents.append(
                self._doc(section["title"], blocks, "o_lu_summary", period)
            )
        return documents
