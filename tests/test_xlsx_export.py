"""XLSX exports read back with openpyxl (issue 4): Phụ lục 2, district summary,
member evidence, and their download from the Print menu (OCA report_xlsx)."""

import datetime

from odoo.exceptions import AccessError

from .common import LearningUnitCase, LearningUnitHttpCase
from .report_helpers import (
    PLAN_NOTE,
    SEED_TABLE,
    ReportFixture,
    find_row,
    sheet_rows,
    workbook,
)

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def number(text):
    """'28,5' -> 28.5, '30' -> 30: as the spreadsheet holds it."""
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value


class XlsxCase(ReportFixture, LearningUnitCase):
    @property
    def export(self):
        return self.env["learning.unit.xlsx.export"]


class TestPhuLuc2Xlsx(XlsxCase):
    def test_one_sheet_per_unit_with_the_form_layout(self):
        book = workbook(self.export.phu_luc_2(self.assessment | self.assessment2))
        self.assertEqual(
            book.sheetnames, ["Phòng Giáo dục và Đào tạo", "Trường THCS Nhị Thành"]
        )
        rows = sheet_rows(book["Phòng Giáo dục và Đào tạo"])
        self.assertEqual(
            [row[0] if row else None for row in rows[:8]],
            [
                "PHỤ LỤC 2",
                PLAN_NOTE,
                None,
                "BÁO CÁO",
                "KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI “ĐƠN VỊ HỌC TẬP” NĂM 2040",
                None,
                "I. Đơn vị: Phòng Giáo dục và Đào tạo",
                "II. Kết quả đánh giá, xếp loại",
            ],
        )
        self.assertEqual(
            rows[8], ["STT", "Nội dung tiêu chí", "Điểm số tối đa", "Điểm tự chấm"]
        )
        table = rows[9 : 9 + len(SEED_TABLE)]
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
        today = datetime.date.today()
        signature = [row[1] for row in rows[9 + len(SEED_TABLE) :] if len(row) > 1]
        self.assertEqual(len(signature), 3)
        self.assertTrue(signature[0].startswith("Thủ Thừa, ngày "))
        self.assertTrue(signature[0].endswith(f"năm {today.year}"))
        self.assertEqual(signature[1:], ["THỦ TRƯỞNG ĐƠN VỊ", "Nguyễn Văn An"])
        # the unit that declared nothing scores 0: "Chưa đạt"
        rows2 = sheet_rows(book["Trường THCS Nhị Thành"])
        self.assertEqual(
            find_row(rows2, ["Xếp loại"]), ["Xếp loại", None, None, "Chưa đạt"]
        )
        self.assertEqual(
            find_row(rows2, ["Tổng cộng số điểm tối đa"]),
            ["Tổng cộng số điểm tối đa", None, 100, 0],
        )

    def test_review_column_when_review_scores_exist(self):
        self.review(self.assessment, {"1a": 0})
        self.assessment.action_confirm_review_scores()
        book = workbook(self.export.phu_luc_2(self.assessment))
        rows = sheet_rows(book.active)
        self.assertEqual(rows[8][-1], "Điểm đoàn kiểm tra")
        self.assertEqual(
            rows[9], ["1", "Các điều kiện để xây dựng “Đơn vị học tập”", 30, 28, 18]
        )
        self.assertEqual(
            find_row(rows, ["Tổng cộng số điểm tối đa"]),
            ["Tổng cộng số điểm tối đa", None, 100, 94.5, 84.5],
        )
        self.assertEqual(
            find_row(rows, ["Xếp loại"]), ["Xếp loại", None, None, "Tốt", "Khá"]
        )

    def test_sheet_names_are_valid_and_unique(self):
        period_2041 = self.make_period(2041)
        later = self.make_assessment(self.unit, period=period_2041, load=False)
        slashed = self.make_assessment(
            self.make_unit("Tổ Toán/Tin: khối [6-9] của trường THCS Nhị Thành", 1),
            load=False,
        )
        book = workbook(self.export.phu_luc_2(self.assessment | later | slashed))
        names = book.sheetnames
        self.assertEqual(len(set(names)), 3)
        self.assertTrue(all(len(name) <= 31 for name in names))
        self.assertTrue(all(not set(name) & set("[]:*?/\\") for name in names))
        self.assertIn("Phòng Giáo dục và Đào tạo 2040", names)

    def test_access_rights_apply(self):
        export = self.export.with_user(self.reviewer_b)
        with self.assertRaises(AccessError):
            export.phu_luc_2(self.assessment)
        self.assertTrue(export.phu_luc_2(self.assessment_b).startswith(b"PK"))


class TestDistrictSummaryXlsx(XlsxCase):
    def test_rows_per_unit_and_counts_per_rank(self):
        self.period.date_deadline_self = "2020-01-31"
        self.review(self.assessment, {"1a": 0})
        self.assessment.action_confirm_review_scores()
        content = self.export.district_summary(
            self.assessment | self.assessment2 | self.assessment_b
        )
        book = workbook(content)
        self.assertEqual(book.sheetnames, [self.period.name])
        rows = sheet_rows(book.active)
        self.assertEqual(rows[0][0], f"Learning unit results: {self.period.name}")
        self.assertIn("3 units, 1 submitted late, 2 not submitted", rows[1][0])
        self.assertEqual(
            rows[3],
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
        data = rows[4:7]
        self.assertEqual(
            [row[:8] for row in data],
            [
                [1, "Trường THCS Bến Lức", 0, "Not achieved", None, None, "Draft", "Not submitted"],
                [2, "Phòng Giáo dục và Đào tạo", 94.5, "Good", 84.5, "Fair", "In Review", "Late"],
                [3, "Trường THCS Nhị Thành", 0, "Not achieved", None, None, "Draft", "Not submitted"],
            ],
        )  # fmt: skip
        self.assertIsInstance(data[1][8], datetime.datetime)
        self.assertEqual(
            find_row(rows, [None, "Rank"])[1:4], ["Rank", "Self-assessment", "Review"]
        )
        self.assertEqual(find_row(rows, [None, "Good"]), [None, "Good", 1, 0])
        self.assertEqual(find_row(rows, [None, "Fair"]), [None, "Fair", 0, 1])
        self.assertEqual(
            find_row(rows, [None, "Not achieved"]), [None, "Not achieved", 2, 0]
        )
        self.assertEqual(
            find_row(rows, [None, "No rank yet"]), [None, "No rank yet", 0, 2]
        )
        self.assertEqual(find_row(rows, [None, "Total"]), [None, "Total", 3, 3])

    def test_reviewer_sees_only_the_units_in_scope(self):
        export = self.export.with_user(self.reviewer)
        with self.assertRaises(AccessError):
            export.district_summary(self.assessment | self.assessment_b)
        rows = sheet_rows(workbook(export.district_summary(self.assessment2)).active)
        self.assertEqual(rows[4][1], "Trường THCS Nhị Thành")

    def test_summary_reads_in_batch(self):
        """The benchmark exports 2,000 units: no query per unit."""
        self.assertQueriesFlat(
            self.export, ("district_summary", "phu_luc_2", "member_evidence"), extra=8
        )


class TestMemberEvidenceXlsx(XlsxCase):
    def test_keys_titles_and_values(self):
        book = workbook(self.export.member_evidence(self.assessment))
        sheet = book.active
        self.assertTrue(sheet.row_dimensions[1].hidden)
        rows = sheet_rows(sheet)
        keys, titles, members = rows[0], rows[1], rows[2:]
        self.assertEqual(
            keys[:9],
            [
                "id",
                "assessment",
                "department",
                "employee",
                "job_title",
                "plan_approved",
                "discipline_ok",
                "training_done",
                "advanced_worker",
            ],
        )
        self.assertEqual(keys[9:17], [f"competency_3a{i}" for i in range(1, 9)])
        self.assertEqual(keys[-1], "note")
        self.assertEqual(titles[0], "Member ID")
        self.assertEqual(titles[5], "Self-study Plan")
        self.assertTrue(titles[9])  # the competency, as the member form names it
        self.assertEqual(len(members), 10)
        by_id = {row[0]: row for row in members}
        first, second = self.assessment.member_ids.sorted("id")[:2]
        self.assertEqual(by_id[first.id][3], first.name)
        self.assertEqual(by_id[first.id][5:9], [0, 1, 1, 1])  # no approved plan
        self.assertEqual(by_id[second.id][5:9], [1, 0, 1, 1])  # discipline
        self.assertEqual(by_id[first.id][9:17], [1] * 8)
        self.assertEqual(by_id[first.id][1], self.assessment.name)

    def test_a_member_exports_only_their_own_row(self):
        book = workbook(
            self.export.with_user(self.member_user).member_evidence(self.assessment)
        )
        members = sheet_rows(book.active)[2:]
        self.assertEqual([row[3] for row in members], ["rp_member"])


class TestXlsxDownload(ReportFixture, LearningUnitHttpCase):
    """The XLSX reports are in the Print menu beside their PDF and downloaded
    by report_xlsx's routes, with the rights of the user."""

    def download(self, xmlid, records, login):
        report = self.env.ref(xmlid)
        self.assertEqual(report.report_type, "xlsx")
        self.assertEqual(report.binding_model_id.model, records._name)
        self.assertEqual(report.binding_type, "report")
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
        rows = sheet_rows(workbook(response.content).active)
        self.assertEqual(rows[6][0], "I. Đơn vị: Phòng Giáo dục và Đào tạo")
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
        rows = sheet_rows(workbook(response.content).active)
        units = [row[1] for row in rows[4:] if row and isinstance(row[0], int)]
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
        self.assertEqual(len(rows) - 2, 14)  # 10 + 4 members
