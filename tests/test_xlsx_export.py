"""XLSX reports read back with openpyxl (issue 4): Phụ lục 2, district summary,
member evidence, and their download from the Print menu (OCA report_xlsx).

Each is rendered through its report action, as the Print menu downloads it:
the blocks of the same report model as its PDF, written by the XLSX renderer
(learning_unit/report/render_xlsx.py), numbers and dates as such.
"""

import datetime

from odoo.exceptions import AccessError

from .common import LearningUnitCase, LearningUnitHttpCase
from .report_helpers import (
    PLAN_NOTE,
    SEED_TABLE,
    ReportFixture,
    find_row,
    sheet_rows,
    sheet_values,
    workbook,
)

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PHU_LUC_2 = "learning_unit.action_report_phu_luc_2_xlsx"
SUMMARY = "learning_unit.action_report_district_summary_xlsx"
MEMBERS = "learning_unit.action_report_member_evidence_xlsx"


def number(text):
    """'28,5' -> 28.5, '30' -> 30: as the spreadsheet holds it."""
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value


class XlsxCase(ReportFixture, LearningUnitCase):
    def xlsx(self, xmlid, records, user=None):
        """The XLSX of the report ``xmlid`` of ``records``, as downloaded."""
        Report = self.env["ir.actions.report"]
        if user:
            Report = Report.with_user(user)
        content, kind = Report._render_xlsx(xmlid, records.ids, None)
        self.assertEqual(kind, "xlsx")
        return content

    # the three reports, as assertQueriesFlat calls them
    def phu_luc_2(self, assessments):
        return self.xlsx(PHU_LUC_2, assessments)

    def district_summary(self, assessments):
        return self.xlsx(SUMMARY, assessments)

    def member_evidence(self, assessments):
        return self.xlsx(MEMBERS, assessments)


class TestPhuLuc2Xlsx(XlsxCase):
    def test_one_sheet_per_unit_with_the_form_layout(self):
        # the agency acting for the district: the unit's superior line
        self.make_body(
            "Thủ Thừa", self.district, header_name="ỦY BAN NHÂN DÂN\nHUYỆN THỦ THỪA"
        )
        book = workbook(self.phu_luc_2(self.assessment | self.assessment2))
        self.assertEqual(
            book.sheetnames, ["Phòng Giáo dục và Đào tạo", "Trường THCS Nhị Thành"]
        )
        rows = sheet_values(book["Phòng Giáo dục và Đào tạo"])
        today = datetime.date.today()
        # not submitted yet: a draft
        self.assertEqual(rows.pop(0), ["DỰ THẢO"])
        # the header of Nghị định 30, as on paper
        self.assertEqual(
            rows[0],
            ["ỦY BAN NHÂN DÂN HUYỆN THỦ THỪA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        )
        self.assertEqual(
            rows[1], ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Độc lập - Tự do - Hạnh phúc"]
        )
        self.assertTrue(rows[2][1].startswith("Thủ Thừa, ngày "))
        self.assertTrue(rows[2][1].endswith(f"năm {today.year}"))
        self.assertEqual(
            [row[0] for row in rows[3:9]],
            [
                "PHỤ LỤC 2",
                PLAN_NOTE,
                "BÁO CÁO",
                "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI “ĐƠN VỊ HỌC TẬP” NĂM 2040",
                "I. Đơn vị: Phòng Giáo dục và Đào tạo",
                "II. Kết quả đánh giá, xếp loại",
            ],
        )
        self.assertEqual(
            rows[9], ["STT", "Nội dung tiêu chí", "Điểm số tối đa", "Điểm tự chấm"]
        )
        table = sheet_rows(book["Phòng Giáo dục và Đào tạo"])[12 : 12 + len(SEED_TABLE)]
        expected = [
            [label or None, text, number(maximum), number(score)]
            for label, text, maximum, score in SEED_TABLE[:-2]
        ] + [
            ["Tổng cộng số điểm tối đa", None, 100, 94.5],
            ["Xếp loại", None, None, "Tốt"],
        ]
        self.assertEqual(table, expected)
        # numbers are numbers, not text
        self.assertIsInstance(table[4][3], float)
        self.assertIsInstance(table[0][2], int)
        # the head of the unit signs, "Nơi nhận" beside
        signature = rows[10 + len(SEED_TABLE) :]
        self.assertEqual(
            signature,
            [
                ["Nơi nhận:", "THỦ TRƯỞNG ĐƠN VỊ"],
                ["- Cấp thẩm định;"],
                ["- Lưu: VT."],
                ["Nguyễn Văn An"],
            ],
        )
        # the unit that declared nothing scores 0: "Chưa đạt"
        rows2 = sheet_values(book["Trường THCS Nhị Thành"])
        self.assertEqual(find_row(rows2, ["Xếp loại"]), ["Xếp loại", "Chưa đạt"])
        self.assertEqual(
            find_row(rows2, ["Tổng cộng số điểm tối đa"]),
            ["Tổng cộng số điểm tối đa", 100, 0],
        )

    def test_review_column_when_review_scores_exist(self):
        self.review(self.assessment, {"1a": 0})
        self.assessment.action_confirm_review_scores()
        rows = sheet_values(workbook(self.phu_luc_2(self.assessment)).active)
        self.assertEqual(find_row(rows, ["STT"])[-1], "Điểm đoàn kiểm tra")
        self.assertEqual(
            find_row(rows, ["1"]),
            ["1", "Các điều kiện để xây dựng “Đơn vị học tập”", 30, 28, 18],
        )
        self.assertEqual(
            find_row(rows, ["Tổng cộng số điểm tối đa"]),
            ["Tổng cộng số điểm tối đa", 100, 94.5, 84.5],
        )
        self.assertEqual(find_row(rows, ["Xếp loại"]), ["Xếp loại", "Tốt", "Khá"])

    def test_sheet_names_are_valid_and_unique(self):
        period_2041 = self.make_period(2041)
        later = self.make_assessment(self.unit, period=period_2041, load=False)
        slashed = self.make_assessment(
            self.make_unit("Tổ Toán/Tin: khối [6-9] của trường THCS Nhị Thành", 1),
            load=False,
        )
        twin = self.make_assessment(
            self.make_unit("Tổ Toán?Tin: khối [6-9] của trường THCS Nhị Thành", 1),
            load=False,
        )
        book = workbook(self.phu_luc_2(self.assessment | later | slashed | twin))
        names = book.sheetnames
        self.assertEqual(len(set(names)), 4)
        self.assertTrue(all(len(name) <= 31 for name in names))
        self.assertTrue(all(not set(name) & set("[]:*?/\\") for name in names))
        self.assertIn("Phòng Giáo dục và Đào tạo 2040", names)
        self.assertIn("Phòng Giáo dục và Đào tạo 2041", names)
        # the same name shortened twice: report_xlsx's workbook numbers it
        twins = sorted(name for name in names if name.startswith("Tổ Toán Tin khối"))
        self.assertEqual(len(twins), 2)
        self.assertTrue(twins[0].endswith(" 2040"), twins)
        self.assertTrue(twins[1].endswith("~01"), twins)

    def test_access_rights_apply(self):
        with self.assertRaises(AccessError):
            self.xlsx(PHU_LUC_2, self.assessment, user=self.reviewer_b)
        content = self.xlsx(PHU_LUC_2, self.assessment_b, user=self.reviewer_b)
        self.assertTrue(content.startswith(b"PK"))


class TestDistrictSummaryXlsx(XlsxCase):
    def test_rows_per_unit_and_counts_per_rank(self):
        self.period.date_deadline_self = "2020-01-31"
        self.review(self.assessment, {"1a": 0})
        self.assessment.action_confirm_review_scores()
        content = self.district_summary(
            self.assessment | self.assessment2 | self.assessment_b
        )
        book = workbook(content)
        self.assertEqual(book.sheetnames, [self.period.name])
        rows = sheet_rows(book.active)
        self.assertEqual(rows[0][0], f"Learning unit results: {self.period.name}")
        self.assertIn("3 units, 1 submitted late, 2 not submitted", rows[1][0])
        self.assertEqual(
            rows[2],
            [
                "No.",
                "Unit",
                "Self Score",
                "Self Rank",
                "Review Score",
                "Review Rank",
                "Status",
                "Submission",
                "Submitted On",
            ],
        )
        data = rows[3:6]
        self.assertEqual(
            [row[:8] for row in data],
            [
                [1, "Trường THCS Bến Lức", 0, "Not achieved", None, None, "Draft", "Not submitted"],
                [2, "Phòng Giáo dục và Đào tạo", 94.5, "Good", 84.5, "Fair", "In Review", "Late"],
                [3, "Trường THCS Nhị Thành", 0, "Not achieved", None, None, "Draft", "Not submitted"],
            ],
        )  # fmt: skip
        self.assertIsInstance(data[1][8], datetime.datetime)
        self.assertEqual(len(data[0]), 8)  # not sent: no date
        # a list to sort and filter
        self.assertEqual(book.active.auto_filter.ref, "A3:I6")
        self.assertEqual(book.active.freeze_panes, "C4")
        counts = sheet_values(book.active)
        self.assertEqual(
            find_row(counts, ["Rank"]), ["Rank", "Self-assessment", "Review"]
        )
        self.assertEqual(find_row(counts, ["Good"]), ["Good", 1, 0])
        self.assertEqual(find_row(counts, ["Fair"]), ["Fair", 0, 1])
        self.assertEqual(find_row(counts, ["Not achieved"]), ["Not achieved", 2, 0])
        self.assertEqual(find_row(counts, ["No rank yet"]), ["No rank yet", 0, 2])
        self.assertEqual(find_row(counts, ["Total"]), ["Total", 3, 3])

    def test_reviewer_sees_only_the_units_in_scope(self):
        with self.assertRaises(AccessError):
            self.xlsx(SUMMARY, self.assessment | self.assessment_b, user=self.reviewer)
        content = self.xlsx(SUMMARY, self.assessment2, user=self.reviewer)
        self.assertEqual(
            sheet_rows(workbook(content).active)[3][1], "Trường THCS Nhị Thành"
        )

    def test_summary_reads_in_batch(self):
        """The benchmark exports 2,000 units: no query per unit."""
        self.assertQueriesFlat(
            self, ("district_summary", "phu_luc_2", "member_evidence"), extra=8
        )


class TestMemberEvidenceXlsx(XlsxCase):
    def test_titles_and_values(self):
        """The layout of the evidence import (test_xlsx_import.py reads it back)."""
        rows = sheet_rows(workbook(self.member_evidence(self.assessment)).active)
        titles, members = rows[0], rows[1:]
        self.assertEqual(
            titles[:8],
            [
                "CCCD",
                "Họ và tên",
                "Đơn vị",
                "Chức danh",
                "Kế hoạch tự học",
                "Kỷ luật lao động",
                "Hoàn thành bồi dưỡng",
                "Lao động tiên tiến",
            ],
        )
        self.assertEqual(len(titles), 17)  # and the eight competencies, the note
        self.assertEqual(titles[-1], "Ghi chú")
        self.assertEqual(len(members), 10)
        first, second = self.assessment.member_ids.sorted("id")[:2]
        by_cccd = {row[0]: row for row in members}
        first_row = by_cccd[first.employee_id.sudo().identification_id]
        self.assertEqual(first_row[1:3], [first.name, "Phòng Giáo dục và Đào tạo"])
        self.assertEqual(first_row[4:8], ["Chưa đạt", "Đạt", "Đạt", "Đạt"])
        second_row = by_cccd[second.employee_id.sudo().identification_id]
        self.assertEqual(second_row[4:8], ["Đạt", "Chưa đạt", "Đạt", "Đạt"])
        self.assertEqual(first_row[8:16], ["Đạt"] * 8)

    def test_a_member_exports_only_their_own_row(self):
        content = self.xlsx(MEMBERS, self.assessment, user=self.member_user)
        members = sheet_rows(workbook(content).active)[1:]
        self.assertEqual([row[1] for row in members], ["rp_member"])

    def test_the_citizen_id_to_whom_may_change_the_evidence(self):
        """The import's key, shown to the unit's officer, not to its reviewer."""
        content = self.xlsx(MEMBERS, self.assessment, user=self.officer)
        cccds = [row[0] for row in sheet_rows(workbook(content).active)[1:]]
        self.assertEqual(len(cccds), 10)
        self.assertTrue(all(cccds))
        content = self.xlsx(MEMBERS, self.assessment, user=self.reviewer)
        rows = sheet_rows(workbook(content).active)
        self.assertEqual(len(rows), 11)
        self.assertEqual({row[0] for row in rows[1:]}, {None})


class TestXlsxDownload(ReportFixture, LearningUnitHttpCase):
    """The XLSX reports are in the Print menu beside their PDF and downloaded
    by report_xlsx's routes, with the rights of the user."""

    def download(self, xmlid, records, login):
        report = self.env.ref(xmlid)
        self.assertEqual(report.report_type, "xlsx")
        if "phu_luc" not in xmlid:
            self.assertEqual(report.binding_model_id.model, records._name)
            self.assertEqual(report.binding_type, "report")
        else:
            # a form of Thông tư 22: a header button of its form, for points only
            self.assertFalse(report.binding_model_id)
        self.authenticate(login, login)
        ids = ",".join(map(str, records.ids))
        return self.url_open(f"/report/xlsx/{report.report_name}/{ids}", timeout=60)

    def test_every_xlsx_is_beside_its_pdf(self):
        pairs = [
            ("action_report_phu_luc_2", "action_report_phu_luc_2_xlsx"),
            ("action_report_district_summary", "action_report_district_summary_xlsx"),
            (
                "action_report_district_summary_period",
                "action_report_district_summary_period_xlsx",
            ),
            ("action_report_upward", "action_report_upward_xlsx"),
            ("action_report_province_rollup", "action_report_province_rollup_xlsx"),
        ]
        for pdf, xlsx in pairs:
            pdf = self.env.ref(f"learning_unit.{pdf}")
            xlsx = self.env.ref(f"learning_unit.{xlsx}")
            self.assertEqual(pdf.binding_model_id, xlsx.binding_model_id)
            self.assertEqual((pdf.report_type, xlsx.report_type), ("qweb-pdf", "xlsx"))
            # one document: the XLSX writes the blocks of the PDF's report model
            self.assertEqual(xlsx.report_file, pdf.report_name)
        self.assertFalse(
            self.env["ir.actions.server"].search(
                [("code", "ilike", "learning_unit/xlsx")]
            ),
            "the hand-made download actions are gone",
        )

    def test_phu_luc_2_download(self):
        response = self.download(
            "learning_unit.action_report_phu_luc_2_xlsx", self.assessment, "rp_officer"
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], XLSX_MIMETYPE)
        rows = sheet_values(workbook(response.content).active)
        self.assertIn(["I. Đơn vị: Phòng Giáo dục và Đào tạo"], rows)
        # a unit of another district: refused
        response = self.download(
            "learning_unit.action_report_phu_luc_2_xlsx",
            self.assessment_b,
            "rp_officer",
        )
        self.assertEqual(response.status_code, 403)

    def test_summary_of_a_period(self):
        response = self.download(
            "learning_unit.action_report_district_summary_period_xlsx",
            self.period,
            "rp_reviewer",
        )
        self.assertEqual(response.status_code, 200)
        rows = sheet_values(workbook(response.content).active)
        units = [row[1] for row in rows if isinstance(row[0], int)]
        # the reviewer's scope only: not the unit of the other district
        self.assertEqual(units, ["Phòng Giáo dục và Đào tạo", "Trường THCS Nhị Thành"])

    def test_member_evidence_download(self):
        response = self.download(
            "learning_unit.action_report_member_evidence_xlsx",
            self.assessment | self.assessment2,
            "rp_reviewer",
        )
        self.assertEqual(response.status_code, 200)
        rows = sheet_rows(workbook(response.content).active)
        self.assertEqual(len(rows) - 1, 14)  # 10 + 4 members
