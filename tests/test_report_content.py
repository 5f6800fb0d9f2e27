"""What the reports print, checked on their HTML line by line (issue 4).

The PDF tests (test_report_pdf.py) check that wkhtmltopdf prints the same
text; here the rendered HTML is compared cell by cell with the Phụ lục 2 table
of seed 001, which is faster and more precise.
"""

from lxml import html as lxml_html

from odoo import fields
from odoo.exceptions import AccessError

from .common import LearningUnitCase
from .report_helpers import PLAN_NOTE, SEED_TABLE, ReportFixture, normalize

PHU_LUC_2 = "learning_unit.action_report_phu_luc_2"
SUMMARY = "learning_unit.action_report_district_summary"
SUMMARY_PERIOD = "learning_unit.action_report_district_summary_period"


def vn_date(day):
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


class ReportHtmlCase(ReportFixture, LearningUnitCase):
    def render_html(self, report, records, user=None):
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user)
        content, kind = Report._render_qweb_html(report, records.ids)
        self.assertEqual(kind, "html")
        return lxml_html.fromstring(content)

    @staticmethod
    def cells(row):
        return tuple(normalize(cell.text_content()) for cell in row.xpath("./td"))

    def table(self, form):
        return form.xpath(".//table[contains(@class, 'o_lu_table')]")[0]


class TestPhuLuc2Html(ReportHtmlCase):
    def test_table_matches_the_seed_form_line_by_line(self):
        root = self.render_html(PHU_LUC_2, self.assessment)
        (form,) = root.xpath("//div[contains(@class, 'o_lu_phu_luc_2')]")
        paragraphs = [normalize(p.text_content()) for p in form.xpath("./p")]
        self.assertEqual(
            paragraphs,
            [
                "DỰ THẢO",  # not submitted yet
                "PHỤ LỤC 2",
                PLAN_NOTE,
                "BÁO CÁO",
                "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI “ĐƠN VỊ HỌC TẬP” NĂM 2040",
                "I. Đơn vị: Phòng Giáo dục và Đào tạo",
                "II. Kết quả đánh giá, xếp loại",
            ],
        )
        table = self.table(form)
        headers = [normalize(th.text_content()) for th in table.xpath(".//thead//th")]
        self.assertEqual(
            headers, ["STT", "Nội dung tiêu chí", "Điểm số tối đa", "Điểm tự chấm"]
        )
        rows = [self.cells(tr) for tr in table.xpath("./tbody/tr")]
        self.assertEqual(rows, SEED_TABLE)
        # the hints are in italics, the groups in bold
        hints = [normalize(i.text_content()) for i in table.xpath(".//i")]
        self.assertEqual(len(hints), 17)
        self.assertIn("Giảm 5% trừ 0,5 điểm", hints)
        groups = table.xpath("./tbody/tr[contains(@class, 'o_lu_group')]/@data-code")
        self.assertEqual(groups, ["1", "2", "3", "3a"])
        # Nghị định 30: the unit and its superior, the national motto, the
        # place and date in the header; the head signs, "Nơi nhận" beside
        header = normalize(form.xpath(".//table[@class='o_lu_head']")[0].text_content())
        today = fields.Date.context_today(self.assessment)
        self.assertEqual(
            header,
            # no agency acts for the district: no superior line, never the
            # name of the parent department (a place)
            "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO CỘNG HÒA XÃ HỘI CHỦ NGHĨA "
            "VIỆT NAM Độc lập - Tự do - Hạnh phúc Số: /BC "
            f"Thủ Thừa, {vn_date(today)}",
        )
        signature = normalize(
            form.xpath(".//table[@class='o_lu_sign']")[0].text_content()
        )
        self.assertEqual(
            signature,
            "Nơi nhận: - Cấp thẩm định;- Lưu: VT. THỦ TRƯỞNG ĐƠN VỊ Nguyễn Văn An",
        )

    def test_report_date_is_the_submission_date_and_city_may_be_missing(self):
        self.company.city = False
        self.provide_dossier(self.assessment)
        self.assessment.action_submit()
        self.assessment.sudo().submitted_date = "2041-01-05"
        root = self.render_html(PHU_LUC_2, self.assessment)
        header = normalize(root.xpath("//table[@class='o_lu_head']")[0].text_content())
        self.assertTrue(header.endswith("...., ngày 05 tháng 01 năm 2041"), header)

    def test_every_rank_in_words(self):
        def ranks(assessments):
            root = self.render_html(PHU_LUC_2, assessments)
            forms = root.xpath("//div[contains(@class, 'o_lu_phu_luc_2')]")
            return [
                self.cells(self.table(f).xpath("./tbody/tr")[-1])[-1] for f in forms
            ]

        self.assertEqual(ranks(self.assessment | self.assessment2), ["Tốt", "Chưa đạt"])
        self.assessment.member_ids.write({"plan_approved": False})  # 2a: 0
        self.line(self.assessment, "1a").achieved = False  # 94,5 - 9 - 10 = 75,5
        self.assertEqual(ranks(self.assessment), ["Khá"])
        self.line(self.assessment, "1b").achieved = False  # 65,5
        self.assertEqual(ranks(self.assessment), ["Trung bình"])

    def test_review_column_appears_with_the_first_review_score(self):
        self.review(self.assessment)
        # in review but no score confirmed yet: no column
        root = self.render_html(PHU_LUC_2, self.assessment)
        self.assertNotIn("Điểm đoàn kiểm tra", root.text_content())
        self.line(self.assessment, "1a").review_score = 0
        root = self.render_html(PHU_LUC_2, self.assessment)
        table = self.table(root)
        headers = [normalize(th.text_content()) for th in table.xpath(".//thead//th")]
        self.assertEqual(headers[-1], "Điểm đoàn kiểm tra")
        rows = [self.cells(tr) for tr in table.xpath("./tbody/tr")]
        self.assertEqual(rows[1][-2:], ("10", "0"))  # 1a: self 10, review 0
        self.assertEqual(rows[0][-1], "")  # group 1: 1b and 1c not reviewed yet
        self.assertEqual(rows[2][-1], "")
        self.assertEqual(rows[-2][-2:], ("94,5", ""))  # no review total yet
        self.assertEqual(rows[-1][-2:], ("Tốt", ""))
        # every score confirmed: totals and rank of the review
        self.assessment.action_confirm_review_scores()
        root = self.render_html(PHU_LUC_2, self.assessment)
        rows = [self.cells(tr) for tr in self.table(root).xpath("./tbody/tr")]
        self.assertEqual(rows[0][-2:], ("28", "18"))
        self.assertEqual(rows[-2], ("Tổng cộng số điểm tối đa", "100", "94,5", "84,5"))
        self.assertEqual(rows[-1], ("Xếp loại", "", "Tốt", "Khá"))

    def test_two_assessments_one_form_each(self):
        self.review(self.assessment, {"1a": 5})
        root = self.render_html(PHU_LUC_2, self.assessment | self.assessment2)
        forms = root.xpath("//div[contains(@class, 'o_lu_phu_luc_2')]")
        self.assertEqual(len(forms), 2)
        units = [
            normalize(
                f.xpath("./p[starts-with(normalize-space(), 'I.')]")[0].text_content()
            )
            for f in forms
        ]
        self.assertEqual(
            units,
            [
                "I. Đơn vị: Phòng Giáo dục và Đào tạo",
                "I. Đơn vị: Trường THCS Nhị Thành",
            ],
        )
        # the review column only on the form of the unit under review
        self.assertIn("Điểm đoàn kiểm tra", forms[0].text_content())
        self.assertNotIn("Điểm đoàn kiểm tra", forms[1].text_content())
        rows = [self.cells(tr) for tr in self.table(forms[1]).xpath("./tbody/tr")]
        # nothing declared: 0 points
        self.assertEqual(rows[-2], ("Tổng cộng số điểm tối đa", "100", "0"))
        self.assertEqual(rows[-1], ("Xếp loại", "", "Chưa đạt"))

    def test_access_rights_apply(self):
        self.render_html(PHU_LUC_2, self.assessment, user=self.reviewer)
        self.render_html(PHU_LUC_2, self.assessment, user=self.member_user)
        with self.assertRaises(AccessError):
            self.render_html(PHU_LUC_2, self.assessment, user=self.reviewer_b)

    def test_print_menu_binding_and_paper(self):
        # the forms of Thông tư 22 are printed from their form's buttons,
        # shown for points only: a Print-menu binding cannot be hidden per record
        for xmlid, model in (
            (PHU_LUC_2, False),
            (SUMMARY, "learning.unit.assessment"),
            (SUMMARY_PERIOD, "learning.unit.period"),
            ("learning_unit.action_report_phu_luc_1", False),
        ):
            report = self.env.ref(xmlid)
            self.assertEqual(report.binding_model_id.model, model)
            self.assertEqual(report.binding_type, "report")
            self.assertEqual(report.report_type, "qweb-pdf")
            self.assertEqual(report.paperformat_id.format, "A4")
            self.assertEqual(report.paperformat_id.orientation, "Portrait")
        self.assertEqual(
            self.env.ref(PHU_LUC_2).report_name, "learning_unit.report_phu_luc_2"
        )


class TestDistrictSummaryHtml(ReportHtmlCase):
    def test_summary_of_a_period_in_the_reviewers_scope(self):
        self.review(self.assessment, {"1a": 0})
        self.assessment.action_confirm_review_scores()
        root = self.render_html(SUMMARY_PERIOD, self.period, user=self.reviewer)
        text = normalize(root.text_content())
        self.assertIn(f"Learning unit results: {self.period.name}", text)
        (table, counts) = root.xpath("//table[contains(@class, 'o_lu_table')]")
        rows = [self.cells(tr) for tr in table.xpath("./tbody/tr")]
        self.assertEqual(
            rows,
            [
                (
                    "1",
                    "Phòng Giáo dục và Đào tạo",
                    "94,5",
                    "Good",
                    "84,5",
                    "Fair",
                    "In Review",
                    "On time",
                ),
                (
                    "2",
                    "Trường THCS Nhị Thành",
                    "0",
                    "Not achieved",
                    "",
                    "",
                    "Draft",
                    "Not submitted",
                ),
            ],
        )
        counts = [self.cells(tr) for tr in counts.xpath("./tbody/tr")]
        self.assertEqual(
            counts,
            [
                ("Good", "1", "0"),
                ("Fair", "0", "1"),
                ("Average", "0", "0"),
                ("Not achieved", "1", "0"),
                ("No rank yet", "0", "1"),
                ("Total", "2", "2"),
            ],
        )

    def test_summary_of_selected_assessments(self):
        self.period.date_deadline_self = "2020-01-31"
        self.provide_dossier(self.assessment)
        self.assessment.action_submit()
        root = self.render_html(SUMMARY, self.assessment | self.assessment_b)
        (table, _counts) = root.xpath("//table[contains(@class, 'o_lu_table')]")
        rows = [self.cells(tr) for tr in table.xpath("./tbody/tr")]
        # sorted by the units' full names: Huyện Bến Lức / ... first
        self.assertEqual(
            [row[1] for row in rows],
            ["Trường THCS Bến Lức", "Phòng Giáo dục và Đào tạo"],
        )
        self.assertEqual(rows[0][-2:], ("Draft", "Not submitted"))
        self.assertEqual(rows[1][-2:], ("Submitted", "Late"))

    def test_one_section_per_period(self):
        period_2041 = self.make_period(2041)
        later = self.make_assessment(self.unit, period=period_2041, load=False)
        sections = self.env["learning.unit.report.data"]._district_summary(
            self.assessment | later
        )
        self.assertEqual([s["period"] for s in sections], [period_2041, self.period])
        root = self.render_html(SUMMARY_PERIOD, period_2041 | self.period)
        self.assertEqual(len(root.xpath("//div[contains(@class, 'o_lu_summary')]")), 2)

    def test_summary_reads_in_batch(self):
        """The number of queries does not grow with the number of units."""
        self.assertQueriesFlat(
            self.env["learning.unit.report.data"],
            ("_district_summary", "_criteria_lines"),
        )
        self.assertQueriesFlat(
            self.env["report.learning_unit.report_phu_luc_2"], ("_lu_print",)
        )
