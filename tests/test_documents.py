"""The reviewing level's documents and the unit's dossier, on official paper.

A reviewer sets up an inspection team, writes the minutes of two units,
drafts and issues one decision recognising both (one number for the body
and the year, written on every assessment) and reports upward; the unit
prints its Thông tư 24 dossier. Every document is read back as PDF (fonts,
A4, margins, page numbers from page 2, the header and the signature) and as
DOCX (python-docx), holding the same text.

Set ``LU_REPORT_DUMP_DIR`` to keep a copy of each PDF and DOCX.
"""

import json
import os

from odoo import fields, http
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import LearningUnitHttpCase
from .report_helpers import (
    OFFICER,
    Nd30Mixin,
    ReportFixture,
    docx_text,
    find_row,
    normalize,
    sheet_values,
    workbook,
    xlsx_text,
)


def vn_date(day):
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


class DocumentCase(Nd30Mixin, ReportFixture, LearningUnitHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.body = cls.make_body(
            "Thủ Thừa",
            cls.district,
            header_name="ỦY BAN NHÂN DÂN\nHUYỆN THỦ THỪA",
            superior_id=cls.province.id,
            signer_prefix="KT.",
            signer_authority="CHỦ TỊCH",
            signer_title="PHÓ CHỦ TỊCH",
            signer_name="Phan Văn Tới",
            proposer="Trưởng phòng Giáo dục và Đào tạo",
            recipients="UBND tỉnh Long An (b/c)\nNhư Điều 3\nLưu: VT",
        )
        cls.other_body = cls.make_body("Bến Lức", cls.other_district)
        cls.period.body_id = cls.body
        # a unit that files nothing
        cls.silent = cls.make_unit("Trường Tiểu học Bình Thạnh", 2, parent=cls.district)
        cls.officer2 = cls.make_user("rp_officer2", OFFICER, department=cls.unit2)

    def reviewed(self, assessment, scores=None):
        self.review(assessment, scores)
        assessment.with_user(self.reviewer).action_confirm_review_scores()
        assessment.with_user(self.reviewer).action_mark_reviewed()

    def render(self, xmlid, records, user=None, dump=None):
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        if user:
            Report = Report.with_user(user)
        content, kind = Report._render_qweb_pdf(
            f"learning_unit.{xmlid}", res_ids=records.ids
        )
        self.assertEqual(kind, "pdf")
        self._dump(dump, content)
        return content

    def render_docx(self, xmlid, records, user=None, dump=None):
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user)
        content, kind = Report._render_docx(f"learning_unit.{xmlid}_docx", records.ids)
        self.assertEqual(kind, "docx")
        self._dump(dump and dump.replace(".pdf", ".docx"), content)
        return content

    def documents(self, xmlid, records):
        return self.env[f"report.learning_unit.{xmlid}"]._lu_print(records)

    def _dump(self, name, content):
        directory = os.environ.get("LU_REPORT_DUMP_DIR")
        if directory and name:
            with open(os.path.join(directory, name), "wb") as file:
                file.write(content)

    def check_both(self, report, xmlid, records, user=None, dump=None, min_pages=1):
        """PDF and DOCX of ``records``: the layout and the same text."""
        content = self.render(report, records, user=user, dump=dump)
        text = self.assertNd30Pdf(content, min_pages=min_pages)
        documents = self.documents(xmlid, records.with_user(user or self.env.user))
        self.assertSameText(content, documents)
        docx = self.render_docx(report, records, user=user, dump=dump)
        self.assertNd30Docx(docx, documents)
        return text

    def assertInOrder(self, text, parts):
        position = 0
        for part in parts:
            found = text.find(part, position)
            self.assertGreaterEqual(found, 0, f"{part!r} missing after {position}")
            position = found + len(part)


class TestRecognition(DocumentCase):
    """From the review to the decision, with the reviewer's own rights."""

    def setUp(self):
        super().setUp()
        self.reviewed(self.assessment, {"1a": 0})  # 84,5: Khá
        self.reviewed(self.assessment2)  # 0: Chưa đạt
        self.as_reviewer = self.period.with_user(self.reviewer)

    def team(self):
        team = (
            self.env["learning.unit.team"]
            .with_user(self.reviewer)
            .create(
                {
                    "name": "Đoàn kiểm tra số 1",
                    "period_id": self.period.id,
                    "department_id": self.district.id,
                    "body_id": self.body.id,
                    "date": "2041-01-20",
                    "location": "Phòng GD&ĐT huyện",
                    "founding_reference": "Quyết định số 05/QĐ-UBND ngày 10/01/2041",
                    "assessment_ids": [(6, 0, (self.assessment | self.assessment2).ids)],
                    "member_ids": [
                        (0, 0, {"name": "Lê Văn Bảy", "job_title": "Phó Trưởng phòng",
                                "organisation": "Phòng GD&ĐT", "role": "head"}),
                        (0, 0, {"name": "Trần Thị Tám", "organisation": "Phòng Nội vụ",
                                "role": "member"}),
                        (0, 0, {"name": "Võ Văn Chín", "organisation": "Phòng VH&TT",
                                "role": "member"}),
                        (0, 0, {"name": "Ngô Thị Mười", "organisation": "Hội Khuyến học",
                                "role": "secretary"}),
                    ],
                }
            )
        )  # fmt: skip
        team.action_new_minutes()
        return team

    def test_a_team_writes_the_minutes_of_two_units(self):
        team = self.team()
        minutes = team.minutes_ids.sorted(lambda m: m.department_id.name)
        self.assertEqual(minutes.assessment_id, self.assessment | self.assessment2)
        self.assertEqual(minutes[0].date, fields.Date.to_date("2041-01-20"))
        self.assertEqual(minutes[0].unit_representative, "Nguyễn Văn An")
        minutes[0].with_user(self.reviewer).write(
            {"findings": "Hồ sơ minh chứng đầy đủ.\nĐã cập nhật phần mềm."}
        )
        minutes.with_user(self.reviewer).action_sign()
        self.assertEqual(minutes[0].agreed_result, "84,5 điểm, xếp loại Khá")
        with self.assertRaises(UserError):
            minutes[0].with_user(self.reviewer).write({"findings": "Sửa lại."})
        # the unit reads its own minutes, not the other unit's
        mine = self.env["learning.unit.minutes"].with_user(self.officer).search([])
        self.assertEqual(mine, minutes[0])
        # another district's reviewer sees nothing
        self.assertFalse(
            self.env["learning.unit.team"].with_user(self.reviewer_b).search([])
        )
        text = self.check_both(
            "action_report_minutes", "report_minutes", minutes[0],
            user=self.reviewer, dump="minutes.pdf",
        )  # fmt: skip
        self.assertInOrder(
            text,
            [
                "ỦY BAN NHÂN DÂN HUYỆN THỦ THỪA",
                "ĐOÀN KIỂM TRA SỐ 1",
                "BIÊN BẢN KIỂM TRA",
                "Kết quả xây dựng “Đơn vị học tập” năm 2040",
                "tại Phòng Giáo dục và Đào tạo",
                "Hôm nay, vào lúc 08 giờ 00 ngày 20 tháng 01 năm 2041",
                "I. THÀNH PHẦN",
                "Lê Văn Bảy, Phó Trưởng phòng, Phòng GD&ĐT: Trưởng đoàn",
                "Hồ sơ minh chứng đầy đủ.",
                "III. KẾT QUẢ ĐÁNH GIÁ",
                "84,5 điểm, xếp loại Khá",
                "ĐẠI DIỆN ĐƠN VỊ",
            ],
        )
        # three signatures side by side
        for part in ("THƯ KÝ", "Ngô Thị Mười", "TRƯỞNG ĐOÀN", "Lê Văn Bảy"):
            self.assertIn(part, text.split("ĐẠI DIỆN ĐƠN VỊ")[-1])

    def test_one_decision_recognises_several_units(self):
        action = self.as_reviewer.action_new_decision()
        decision = self.env["learning.unit.decision"].browse(action["res_id"])
        self.assertEqual(decision.state, "draft")
        self.assertEqual(
            decision.line_ids.assessment_id, self.assessment | self.assessment2
        )
        self.assertEqual(
            sorted(decision.line_ids.mapped("result_text")),
            ["Chưa đạt (0 điểm)", "Khá (84,5 điểm)"],
        )
        self.assertEqual(decision.signer_name, "Phan Văn Tới")
        # another district's reviewer cannot read it, an officer cannot issue it
        with self.assertRaises(AccessError):
            decision.with_user(self.reviewer_b).read(["name"])
        with self.assertRaises(AccessError):
            decision.with_user(self.officer).action_issue()
        decision.with_user(self.reviewer).action_issue()
        year = fields.Date.context_today(decision).year
        self.assertEqual(decision.state, "issued")
        self.assertEqual(decision.number_text, "01/QĐ-UBND")
        self.assertEqual(decision.date_issued, fields.Date.context_today(decision))
        for assessment in self.assessment | self.assessment2:
            self.assertEqual(assessment.state, "recognised")
            self.assertEqual(assessment.decision_number, "01/QĐ-UBND")
            self.assertEqual(assessment.decision_id, decision)
        # the title it holds names the decision, not only its number
        self.assertEqual(self.assessment.recognition_id.decision_id, decision)
        # issued: no change, no deletion; the officer now reads it
        with self.assertRaises(UserError):
            decision.with_user(self.reviewer).write({"summary": "Khác"})
        with self.assertRaises(UserError):
            decision.with_user(self.reviewer).unlink()
        self.assertEqual(
            self.env["learning.unit.decision"].with_user(self.officer).search([]),
            decision,
        )
        # the next document of the body this year takes the next number
        report = self.env["learning.unit.upward.report"].browse(
            self.as_reviewer.action_new_upward_report()["res_id"]
        )
        report.with_user(self.reviewer).action_issue()
        self.assertEqual(report.number_text, "02/BC-UBND")
        register = self.env["learning.unit.number.register"].search(
            [("body_id", "=", self.body.id)]
        )
        self.assertEqual((register.year, register.last_number), (year, 2))
        # a later decision revokes it, with a reason
        revocation = self.env["learning.unit.decision"].browse(
            decision.with_user(self.reviewer).action_new_revocation()["res_id"]
        )
        with self.assertRaises(ValidationError):
            revocation.with_user(self.reviewer).action_issue()  # no reason
        revocation.with_user(
            self.reviewer
        ).revoke_reason = "Hồ sơ minh chứng không đúng."
        revocation.with_user(self.reviewer).action_issue()
        self.assertEqual(revocation.number_text, "03/QĐ-UBND")
        self.assertEqual(decision.state, "revoked")
        self.assertEqual(decision.revoked_by_id, revocation)
        self.assertFalse(self.assessment.decision_id)
        # the title it gave is no longer held; the assessment keeps its history
        self.assertEqual(self.assessment.recognition_id.state, "revoked")
        self.assertEqual(self.assessment.state, "recognised")
        # a decision is revoked only by issuing another one
        other = self.env["learning.unit.decision"].create(
            {"period_id": self.period.id, "body_id": self.body.id}
        )
        with self.assertRaises(UserError):
            other.with_user(self.reviewer).write({"state": "revoked"})
        with self.assertRaises(AccessError):
            revocation.with_user(self.reviewer).write({"state": "revoked"})

    def test_the_decision_and_its_annex_on_paper(self):
        decision = self.env["learning.unit.decision"].browse(
            self.as_reviewer.action_new_decision()["res_id"]
        )
        decision.with_user(self.reviewer).action_issue()
        today = decision.date_issued
        text = self.check_both(
            "action_report_decision", "report_decision", decision,
            user=self.reviewer, dump="decision.pdf", min_pages=2,
        )  # fmt: skip
        self.assertInOrder(
            text,
            [
                "ỦY BAN NHÂN DÂN",
                "HUYỆN THỦ THỪA",
                "Số: 01/QĐ-UBND",
                f"Thủ Thừa, {vn_date(today)}",
                "QUYẾT ĐỊNH",
                "Về việc công nhận “Đơn vị học tập” năm 2040",
                "ỦY BAN NHÂN DÂN HUYỆN THỦ THỪA",
                "Căn cứ Thông tư số 22/2020/TT-BGDĐT",
                "Căn cứ Kế hoạch số 206/KH-UBND ngày 28/9/2020 của Ủy ban nhân dân tỉnh Long An",
                "Xét đề nghị của Trưởng phòng Giáo dục và Đào tạo.",
                "QUYẾT ĐỊNH:",
                "Điều 1. Công nhận 01 đơn vị đạt “Đơn vị học tập” năm 2040",
                "Điều 2.",
                "Điều 3.",
                "Nơi nhận:",
                "- UBND tỉnh Long An (b/c);",
                "- Lưu: VT.",
                "KT. CHỦ TỊCH",
                "PHÓ CHỦ TỊCH",
                "Phan Văn Tới",
                "DANH SÁCH",
                f"(Kèm theo Quyết định số 01/QĐ-UBND ngày {today:%d/%m/%Y} của Ủy ban "
                "nhân dân huyện Thủ Thừa)",
                "Phòng Giáo dục và Đào tạo",
                "Khá (84,5 điểm)",
                "Trường THCS Nhị Thành",
                "Chưa đạt (0 điểm)",
                "Tổng cộng: 02 đơn vị (Khá: 01; Chưa đạt: 01).",
            ],
        )

    def test_the_report_upward_lists_every_unit(self):
        decision = self.env["learning.unit.decision"].browse(
            self.as_reviewer.action_new_decision()["res_id"]
        )
        decision.line_ids.filtered(
            lambda line: line.assessment_id == self.assessment2
        ).with_user(self.reviewer).unlink()
        decision.with_user(self.reviewer).action_issue()
        report = self.env["learning.unit.upward.report"].browse(
            self.as_reviewer.action_new_upward_report()["res_id"]
        )
        report.with_user(self.reviewer).write(
            {"recipients": "Bộ Giáo dục và Đào tạo\nUBND tỉnh Long An\nLưu: VT"}
        )
        data = (
            self.env["learning.unit.report.data"]
            .with_user(self.reviewer)
            ._upward_data(report)[0]
        )
        rows = {row["unit"]: row for row in data["rows"]}
        self.assertEqual(
            set(rows),
            {
                "Phòng Giáo dục và Đào tạo",
                "Trường THCS Nhị Thành",
                "Trường Tiểu học Bình Thạnh",
            },
        )
        self.assertEqual(rows["Trường Tiểu học Bình Thạnh"]["timing"], "not_submitted")
        self.assertFalse(rows["Trường Tiểu học Bình Thạnh"]["filed"])
        self.assertTrue(rows["Phòng Giáo dục và Đào tạo"]["recognised"])
        self.assertFalse(rows["Trường THCS Nhị Thành"]["recognised"])
        totals = data["totals"]
        self.assertEqual(
            (
                totals["units"],
                totals["filed"],
                totals["not_filed"],
                totals["recognised"],
            ),
            (3, 2, 1, 1),
        )
        self.assertEqual(
            [(label, count) for _key, label, count in totals["results"]],
            [("Tốt", 0), ("Khá", 1), ("Trung bình", 0), ("Chưa đạt", 1)],
        )
        report.with_user(self.reviewer).action_issue()
        text = self.check_both(
            "action_report_upward", "report_upward", report,
            user=self.reviewer, dump="upward_report.pdf",
        )  # fmt: skip
        self.assertInOrder(
            text,
            [
                "Số: 02/BC-UBND",
                "BÁO CÁO",
                "Kết quả đánh giá, công nhận “Đơn vị học tập” năm 2040",
                "I. KẾT QUẢ CHUNG",
                "Tổng số đơn vị: 03; đã gửi hồ sơ: 02",
                "không gửi hồ sơ: 01; đã công nhận: 01.",
                "II. DANH SÁCH CÁC ĐƠN VỊ",
                "Phòng Giáo dục và Đào tạo",
                "01/QĐ-UBND",
                "Trường THCS Nhị Thành",
                "Chưa công nhận",
                "Trường Tiểu học Bình Thạnh",
                "Không gửi hồ sơ",
                "- Bộ Giáo dục và Đào tạo;",
                "Phan Văn Tới",
            ],
        )
        # the same as XLSX, through the Print menu's report
        content, kind = (
            self.env["ir.actions.report"]
            .with_user(self.reviewer)
            ._render_xlsx("learning_unit.xlsx_upward_report", report.ids, None)
        )
        rows = sheet_values(workbook(content).active)
        units = [row[1] for row in rows if isinstance(row[0], int)]
        self.assertEqual(
            units,
            [
                "Phòng Giáo dục và Đào tạo",
                "Trường THCS Nhị Thành",
                "Trường Tiểu học Bình Thạnh",
            ],
        )
        self.assertIn(["Chưa có kết quả thẩm định", 1, 33.3], rows)
        self.assertIn(["Tổng cộng", 3, 100], rows)
        self.assertIn("không gửi hồ sơ: 01", xlsx_text(content))
        # the reviewer of the other district cannot print it
        with self.assertRaises(AccessError):
            self.env["ir.actions.report"].with_user(self.reviewer_b)._render_xlsx(
                "learning_unit.xlsx_upward_report", report.ids, None
            )

    def test_the_province_roll_up(self):
        self.env["learning.unit.upward.report"].create(
            [
                {"period_id": self.period.id, "body_id": self.body.id},
                {"period_id": self.period.id, "body_id": self.other_body.id},
            ]
        )
        data = self.env["learning.unit.report.data"]._rollup_data(self.period)[0]
        self.assertEqual(
            [(line["body"], line["totals"]["units"]) for line in data["lines"]],
            [(self.body, 3), (self.other_body, 1)],
        )
        self.assertEqual(data["totals"]["units"], 4)
        self.assertEqual(data["totals"]["not_filed"], 2)
        text = self.check_both(
            "action_report_province_rollup", "report_province_rollup", self.period,
            dump="province_rollup.pdf",
        )  # fmt: skip
        self.assertInOrder(
            text,
            [
                "BÁO CÁO TỔNG HỢP",
                "Ủy ban nhân dân huyện Thủ Thừa",
                "Ủy ban nhân dân huyện Bến Lức",
                "Tổng cộng",
            ],
        )
        content, _kind = self.env["ir.actions.report"]._render_xlsx(
            "learning_unit.xlsx_province_rollup", self.period.ids, None
        )
        rows = sheet_values(workbook(content).active)
        self.assertEqual(
            find_row(rows, [1])[:3], [1, "Ủy ban nhân dân huyện Thủ Thừa", 3]
        )
        self.assertEqual(find_row(rows, ["Tổng cộng"])[:2], ["Tổng cộng", 4])

    def test_report_upward_reads_in_batch(self):
        """The same number of queries for 3 units and for 3 + 12."""
        report = self.env["learning.unit.upward.report"].create(
            {"period_id": self.period.id, "body_id": self.body.id}
        )
        Document = self.env["report.learning_unit.report_upward"]

        def queries():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Document._lu_print(report)
            return self.env.cr.sql_log_count - before

        queries()
        few = queries()
        for i in range(6):
            self.make_assessment(
                self.make_unit(f"Đơn vị thêm {i}", 0, parent=self.district), load=False
            )
            self.make_unit(f"Đơn vị chưa gửi {i}", 0, parent=self.district)
        queries()
        self.assertEqual(queries(), few)


class TestUnitDossier(DocumentCase):
    """The unit's forms: Phụ lục 2, Phụ lục 1 and the Thông tư 24 dossier."""

    def test_phu_luc_2_on_official_paper(self):
        text = self.check_both(
            "action_report_phu_luc_2", "report_phu_luc_2", self.assessment,
            dump="phu_luc_2.pdf", min_pages=2,
        )  # fmt: skip
        self.assertInOrder(
            text,
            [
                "HUYỆN THỦ THỪA",
                "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
                "PHỤ LỤC 2",
                "(Kèm theo Kế hoạch số 206/KH-UBND ngày 28/9/2020 của Ủy ban nhân dân tỉnh Long An)",
                "Nơi nhận:",
                "- Ủy ban nhân dân huyện Thủ Thừa;",
                "THỦ TRƯỞNG ĐƠN VỊ",
                "Nguyễn Văn An",
            ],
        )

    def test_phu_luc_1_on_official_paper(self):
        report = self.env["learning.unit.promotion.report"].create(
            {"assessment_id": self.assessment.id, "chairman_name": "Trần Thị Bình"}
        )
        text = self.check_both(
            "action_report_phu_luc_1", "report_phu_luc_1", report, dump="phu_luc_1.pdf"
        )
        self.assertInOrder(
            text,
            [
                "PHỤ LỤC 1",
                "(Kèm theo Kế hoạch số 206/KH-UBND",
                "CHỦ TỊCH",
                "Trần Thị Bình",
            ],
        )

    def test_the_thong_tu_24_dossier(self):
        period = self.make_period(
            2041, template=self.env.ref("learning_unit.template_tt24_district")
        )
        period.body_id = self.body
        assessment = self.make_assessment(self.unit, period=period)
        assessment.head_name = "Nguyễn Văn An"
        team = (
            self.env["learning.unit.team"]
            .with_user(self.officer)
            .create(
                {
                    "name": "Tổ đánh giá",
                    "kind": "unit",
                    "period_id": period.id,
                    "department_id": self.unit.id,
                    "founding_reference": "Quyết định số 12/QĐ-PGDĐT ngày 02/01/2042",
                    "member_ids": [
                        (0, 0, {"name": "Nguyễn Văn An", "job_title": "Trưởng phòng", "role": "head"}),
                        (0, 0, {"name": "Lê Thị Hoa", "job_title": "Chuyên viên", "role": "secretary"}),
                    ],
                }
            )
        )  # fmt: skip
        self.assertEqual(team.head_id.name, "Nguyễn Văn An")
        # a unit's team is the unit's: the reviewer reads it, cannot change it
        with self.assertRaises(UserError):
            team.with_user(self.reviewer).write({"name": "Khác"})
        with self.assertRaises(AccessError):
            team.with_user(self.officer2).read(["name"])
        text = self.check_both(
            "action_report_tt24_proposal", "report_tt24_proposal", assessment,
            dump="tt24_proposal.pdf",
        )  # fmt: skip
        self.assertInOrder(
            text,
            [
                "TỜ TRÌNH",
                "Về việc đề nghị đánh giá, công nhận “Đơn vị học tập” năm 2041",
                "Kính gửi: Ủy ban nhân dân huyện Thủ Thừa.",
                "Căn cứ Thông tư số 24/2023/TT-BGDĐT ngày 11/12/2023",
                "Hồ sơ kèm theo gồm:",
                "THỦ TRƯỞNG ĐƠN VỊ",
                "Nguyễn Văn An",
            ],
        )
        text = self.check_both(
            "action_report_tt24_self_report", "report_tt24_self_report", assessment,
            dump="tt24_self_report.pdf",
        )  # fmt: skip
        self.assertInOrder(
            text,
            [
                "BÁO CÁO",
                "Tự đánh giá “Đơn vị học tập” năm 2041",
                "II. TỔ ĐÁNH GIÁ",
                "Quyết định số 12/QĐ-PGDĐT ngày 02/01/2042",
                "- Nguyễn Văn An, Trưởng phòng: Tổ trưởng;",
                "III. KẾT QUẢ TỰ ĐÁNH GIÁ",
                "Tiêu chí 1",
                "IV. KẾT LUẬN VÀ ĐỀ NGHỊ",
            ],
        )
        text = self.check_both(
            "action_report_tt24_summary", "report_tt24_summary", assessment,
            dump="tt24_summary.pdf",
        )  # fmt: skip
        self.assertInOrder(
            text,
            [
                "BẢN TỔNG HỢP",
                "KẾT QUẢ ĐÁNH GIÁ CÁC TIÊU CHÍ, CHỈ TIÊU",
                "Tiêu chí, chỉ tiêu",
                "Kết quả chung",
                "TỔ TRƯỞNG TỔ ĐÁNH GIÁ",
                "THỦ TRƯỞNG ĐƠN VỊ",
            ],
        )

    def test_docx_download_as_the_print_menu_posts_it(self):
        """The Print menu's handler (docx_handler.esm.js) POSTs the user's
        context with the CSRF token; a POST without the token is refused."""
        report = self.env.ref("learning_unit.action_report_phu_luc_2_docx")
        url = f"/report/docx/{report.report_name}/{self.assessment.id}"
        self.authenticate("rp_officer", "rp_officer")
        context = json.dumps({"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"})
        response = self.url_open(
            url,
            data={"context": context, "csrf_token": http.Request.csrf_token(self)},
            timeout=60,
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("wordprocessingml", response.headers["Content-Type"])
        _document, text = docx_text(response.content)
        self.assertIn("THỦ TRƯỞNG ĐƠN VỊ", text)
        refused = self.url_open(url, data={"context": context}, timeout=60)
        self.assertEqual(refused.status_code, 400)

    def test_docx_download_from_the_print_menu(self):
        report = self.env.ref("learning_unit.action_report_phu_luc_2_docx")
        self.assertEqual(report.report_type, "docx")
        # a form of Thông tư 22: the form's header button, not the Print menu
        self.assertFalse(report.binding_model_id)
        arch = self.env["learning.unit.assessment"].get_views([(False, "form")])
        self.assertIn(f'name="{report.id}"', arch["views"]["form"]["arch"])
        self.authenticate("rp_officer", "rp_officer")
        response = self.url_open(
            f"/report/docx/{report.report_name}/{self.assessment.id}", timeout=60
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("wordprocessingml", response.headers["Content-Type"])
        self.assertIn(".docx", response.headers["Content-Disposition"])
        _document, text = docx_text(response.content)
        self.assertIn("THỦ TRƯỞNG ĐƠN VỊ", text)
        self.assertIn("Nguyễn Văn An", normalize(text))
