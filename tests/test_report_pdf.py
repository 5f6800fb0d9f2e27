"""The PDF reports, printed by wkhtmltopdf from a real database (issue 4).

Each test renders a real PDF (``force_report_rendering``: in test mode Odoo
would otherwise return HTML; HttpCase because wkhtmltopdf fetches the CSS from
the server) and reads its text back: labels, scores and rank must be there with
their Vietnamese diacritics, never as mojibake.

Set ``LU_REPORT_DUMP_DIR`` to keep a copy of each PDF (docs/reports/ holds PNG
renderings of their first pages made that way).
"""

import os

from odoo import fields

from .common import LearningUnitHttpCase
from .report_helpers import (
    MOJIBAKE,
    PLAN_NOTE,
    ReportFixture,
    normalize,
    pdf_page_texts,
    pdf_pages,
    pdf_text,
)

PHU_LUC_2 = "learning_unit.action_report_phu_luc_2"
SUMMARY = "learning_unit.action_report_district_summary"
SUMMARY_PERIOD = "learning_unit.action_report_district_summary_period"
PHU_LUC_1 = "learning_unit.action_report_phu_luc_1"

A4_POINTS = (595.0, 842.0)


class TestReportPdf(ReportFixture, LearningUnitHttpCase):
    def render(self, report, records, user=None, dump=None):
        Report = self.env["ir.actions.report"].with_context(force_report_rendering=True)
        if user:
            Report = Report.with_user(user)
        content, kind = Report._render_qweb_pdf(report, res_ids=records.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(content.startswith(b"%PDF-"), content[:200])
        for page in pdf_pages(content):
            width, height = float(page.mediabox.width), float(page.mediabox.height)
            self.assertAlmostEqual(width, A4_POINTS[0], delta=3)
            self.assertAlmostEqual(height, A4_POINTS[1], delta=3)
        directory = os.environ.get("LU_REPORT_DUMP_DIR")
        if directory and dump:
            with open(os.path.join(directory, dump), "wb") as file:
                file.write(content)
        return content

    def text(self, content):
        text = normalize(pdf_text(content))
        self.assertIn("điểm", text)
        for garbage in MOJIBAKE:
            self.assertNotIn(garbage, text)
        return text

    def assertInOrder(self, text, parts):
        position = 0
        for part in parts:
            found = text.find(part, position)
            self.assertGreaterEqual(found, 0, f"{part!r} missing after {position}")
            position = found + len(part)

    def test_phu_luc_2_prints_the_form(self):
        content = self.render(PHU_LUC_2, self.assessment, dump="phu_luc_2.pdf")
        text = self.text(content)
        today = fields.Date.context_today(self.assessment)
        month = f"{today.month:02d}" if today.month < 3 else str(today.month)
        self.assertInOrder(
            text,
            [
                "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO",
                "Độc lập - Tự do - Hạnh phúc",
                f"Thủ Thừa, ngày {today.day:02d} tháng {month} năm {today.year}",
                "PHỤ LỤC 2",
                PLAN_NOTE,
                "BÁO CÁO",
                "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI “ĐƠN VỊ HỌC TẬP” NĂM 2040",
                "I. Đơn vị: Phòng Giáo dục và Đào tạo",
                "II. Kết quả đánh giá, xếp loại",
                "STT",
                "Nội dung tiêu chí",
                "Các điều kiện để xây dựng “Đơn vị học tập”",
                "(Không có chấm 0 điểm)",
                "(Thiếu 01 nguồn lực trừ 2 điểm)",
                "Về kết quả học tập của thành viên",
                "(Giảm 5% trừ 0,5 điểm)",
                "“Lao động tiên tiến”",
                "Công dân học tập",
                "Hiểu rõ, trân trọng sự đa dạng văn hóa",
                "(Chia sẻ với 01 đơn vị khác chấm đạt 01 điểm)",
                "Tổng cộng số điểm tối đa",
                "Xếp loại",
                "Nơi nhận:",
                "THỦ TRƯỞNG ĐƠN VỊ",
                "Nguyễn Văn An",
            ],
        )
        # the column titles wrap in their narrow columns: "Điểm số" / "tối đa"
        for label in ("Điểm số", "tối đa", "Điểm tự", "chấm", "94,5", "28,5", "4,5"):
            self.assertIn(label, text)
        self.assertIn("Tốt", text)
        self.assertNotIn("Điểm đoàn kiểm tra", text)

    def test_two_units_and_the_review_column(self):
        self.review(self.assessment, {"1a": 0, "1b": 0})
        self.assessment.action_confirm_review_scores()  # 74,5: Khá
        content = self.render(
            PHU_LUC_2, self.assessment | self.assessment2, dump="phu_luc_2_review.pdf"
        )
        text = self.text(content)
        self.assertInOrder(
            text,
            [
                "I. Đơn vị: Phòng Giáo dục và Đào tạo",
                "Điểm đoàn kiểm tra",
                "94,5",
                "74,5",
                "Tốt",
                "Khá",
                "I. Đơn vị: Trường THCS Nhị Thành",
                "Chưa đạt",
            ],
        )
        # the review column is printed only on the pages of the reviewed unit
        pages = [normalize(page) for page in pdf_page_texts(content)]
        second = [p for p in pages if "Trường THCS Nhị Thành" in p]
        self.assertTrue(second)
        self.assertTrue(all("Điểm đoàn kiểm tra" not in page for page in second))

    def test_pages_numbered_from_the_second_of_each_document(self):
        """Nghị định 30: no number on a document's first page, then 2, 3…"""
        content = self.render(PHU_LUC_2, self.assessment | self.assessment2)
        pages = pdf_page_texts(content)
        self.assertGreater(len(pages), 2)
        number = 0
        firsts = 0
        for page in pages:
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page:
                number, firsts = 1, firsts + 1
                self.assertFalse(lines[0].isdigit(), lines[:2])
            else:
                number += 1
                self.assertEqual(lines[0], str(number), lines[:2])
        self.assertEqual(firsts, 2, "each unit's report starts on its own page 1")

    def test_district_summary_of_the_period(self):
        self.review(self.assessment, {"1a": 0})
        self.assessment.action_confirm_review_scores()  # 84,5: Fair
        content = self.render(
            SUMMARY_PERIOD, self.period, user=self.reviewer, dump="district_summary.pdf"
        )
        # layout mode: one line per table row
        text = normalize(pdf_text(content, layout=True))
        for garbage in MOJIBAKE:
            self.assertNotIn(garbage, text)
        self.assertInOrder(
            text,
            [
                f"Learning unit results: {self.period.name}",
                "2 units, 0 submitted late, 1 not submitted.",
                "1 Phòng Giáo dục và Đào tạo 94,5 Good 84,5 Fair In Review On time",
                "2 Trường THCS Nhị Thành 0",
                "Units per rank",
                "Good 1 0",
                "Fair 0 1",
                "Not achieved 1 0",
                "No rank yet 0 1",
                "Total 2 2",
            ],
        )
        # the reviewer's scope only
        self.assertNotIn("Bến Lức", text)

    def test_district_summary_of_selected_assessments(self):
        content = self.render(SUMMARY, self.assessment | self.assessment_b)
        text = normalize(pdf_text(content))
        self.assertIn("Trường THCS Bến Lức", text)
        self.assertIn("Phòng Giáo dục và Đào tạo", text)
        self.assertNotIn("Trường THCS Nhị Thành", text)

    def test_phu_luc_1(self):
        report = self.env["learning.unit.promotion.report"].create(
            {
                "assessment_id": self.assessment.id,
                "staff_count": 42,
                "association_member_count_last_year": 38,
                "association_member_count": 40,
                "association_member_change_reason": "Tuyển dụng mới",
                "fee_payer_count": 40,
                "party_member_count": 20,
                "party_association_member_count": 18,
                "income_total": 5480000,
                "spending_total": 5000000,
                "chairman_name": "Trần Thị Bình",
                "strengths": "Cán bộ tích cực tự học.",
                "line_ids": [
                    (0, 0, {"kind": "scholarship", "donor": "Công ty Điện lực",
                            "quantity": 5, "amount": 2500000}),
                    (0, 0, {"kind": "gift", "donor": "Hội Cựu giáo chức",
                            "quantity": 10, "amount": 1000000}),
                ],
            }
        )  # fmt: skip
        content = self.render(PHU_LUC_1, report, dump="phu_luc_1.pdf")
        text = normalize(pdf_text(content))
        for garbage in MOJIBAKE:
            self.assertNotIn(garbage, text)
        self.assertInOrder(
            text,
            [
                "PHỤ LỤC 1",
                "Báo cáo tổng kết công tác Khuyến học Ban khuyến học cơ quan",
                "Năm 2040",
                "I.ĐẶC ĐIỂM TÌNH HÌNH",
                "Tổng số CB CC-VC – người lao động trong cơ quan: 42",
                "II.KẾT QUẢ THỰC HIỆN CÔNG TÁC KHUYẾN HỌC, KHUYẾN TÀI, XÂY DỰNG XÃ "
                "HỘI HỌC TẬP NĂM 2040",
                "Tổng số hội viên năm 2039: 38",
                "Tổng số hội viên năm 2040: 40",
                "tăng 2, nguyên nhân: Tuyển dụng mới",
                "Tổng số hội viên đóng hội phí: 40, thành tiền: 480.000đ",
                "(Hội phí: 12.000đ/1 hội viên/ năm)",
                "Tổng số Đảng viên: 20",
                "Tổng số hội viên là Đảng viên: 18",
                "Bao nhiêu suất quà: 10, thành tiền 1.000.000đ",
                "Bao nhiêu suất học bổng: 5, thành tiền 2.500.000đ",
                "Công ty Điện lực",
                "Tổng thu: (tiền mặt và hiện vật quy thành tiền) 5.480.000đ",
                "Tồn quỹ: 480.000đ",
                "III.ĐÁNH GIÁ CHUNG",
                "Cán bộ tích cực tự học.",
                "IV. KIẾN NGHỊ, ĐỀ XUẤT.",
                "CHỦ TỊCH",
                "Trần Thị Bình",
            ],
        )
