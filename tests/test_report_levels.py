"""The reviewer's summary of a Thông tư 24 period prints levels (issue 18).

It counts the units per level (mức độ 2, mức độ 1, not reached, not yet
evaluated), by self-assessment and by review, and lists each unit's own and
reviewed level: no point and no rank of Thông tư 22 anywhere, in the PDF, the
DOCX and the XLSX alike, printed from a period or from the assessments.
"""

import re

from .common import LearningUnitHttpCase
from .report_helpers import (
    REVIEWER,
    ReportFixture,
    docx_text,
    find_row,
    normalize,
    pdf_text,
    sheet_rows,
    sheet_values,
    workbook,
    xlsx_text,
)

TT24 = "learning_unit.template_tt24_district"
UNIT_INDICATORS = ("1.1", "1.2", "1.3", "1.4", "1.5", "3.2", "3.3")
SHARES = ("discipline_ok", "training_done", "cdht_achieved")
# what Thông tư 22 prints: points, ranks and their words
POINTS = re.compile(r"Điểm|Tổng điểm|\d\s*điểm|[Xx]ếp loại|\b(?:Tốt|Khá|Trung bình)\b")
LEVELS = ("Mức độ 2", "Mức độ 1", "Chưa đạt", "Chưa đánh giá")


class SummaryCase(ReportFixture, LearningUnitHttpCase):
    def print_all(self, xmlid, records, user):
        """The text of the PDF, the DOCX and the XLSX of the report ``xmlid``
        (the DOCX and XLSX actions are ``xmlid`` + ``_docx`` / ``_xlsx``) in
        Vietnamese, and the XLSX's rows."""
        Report = (
            self.env["ir.actions.report"]
            .with_user(user)
            .with_context(lang="vi_VN", force_report_rendering=True)
        )
        pdf, _kind = Report._render_qweb_pdf(xmlid, res_ids=records.ids)
        docx, _kind = Report._render_docx(f"{xmlid}_docx", records.ids)
        xlsx, _kind = Report._render_xlsx(f"{xmlid}_xlsx", records.ids, None)
        texts = {
            "PDF": normalize(pdf_text(pdf)),
            "DOCX": normalize(docx_text(docx)[1]),
            "XLSX": normalize(xlsx_text(xlsx)),
        }
        return texts, workbook(xlsx).active

    def assertLevelsOnly(self, texts):
        for kind, text in texts.items():
            self.assertFalse(POINTS.findall(text), f"{kind}: {text}")
            for words in ("Mức độ tự đánh giá", "Mức độ thẩm định", *LEVELS):
                self.assertIn(words, text, kind)


class TestLevelsSummary(SummaryCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.period24 = cls.make_period(2041, template=cls.env.ref(TT24))
        cls.reviewer_vi = cls.make_user(
            "lv_summary_reviewer", REVIEWER, review=cls.district, lang="vi_VN"
        )
        # mức độ 2, reviewed; mức độ 1, not reviewed yet; nothing met
        cls.level_2 = cls.make_assessment(cls.unit, period=cls.period24)
        cls.meet(cls.level_2, title=True)
        cls.provide_dossier(cls.level_2)
        cls.level_2.action_submit()
        cls.level_2.action_start_review()
        cls.level_2.action_confirm_review_scores()
        cls.level_1 = cls.make_assessment(cls.unit2, period=cls.period24)
        cls.meet(cls.level_1, title=False)
        silent = cls.make_unit("Trường Tiểu học Bình Thạnh", 2, parent=cls.district)
        cls.none = cls.make_assessment(silent, period=cls.period24)

    @classmethod
    def meet(cls, assessment, title):
        """Every indicator met; the unit's higher title (3.4, level 2) or not."""
        for code in UNIT_INDICATORS:
            cls.line(assessment, code).achieved = True
        cls.line(assessment, "3.4").achieved = title
        assessment.member_ids.write(dict.fromkeys(SHARES, True))

    def test_levels_per_unit_and_units_per_level(self):
        self.assertEqual(
            (self.level_2.self_level, self.level_2.review_level),
            ("level_2", "level_2"),
        )
        self.assertEqual(self.level_1.self_level, "level_1")
        self.assertEqual(self.none.self_level, "none")
        texts, sheet = self.print_all(
            "learning_unit.action_report_district_summary_period",
            self.period24,
            self.reviewer_vi,
        )
        self.assertLevelsOnly(texts)
        self.assertEqual(
            find_row(sheet_rows(sheet), ["STT"]),
            ["STT", "Đơn vị", "Mức độ tự đánh giá", "Mức độ thẩm định",
             "Mức độ được công nhận", "Trạng thái", "Nộp báo cáo", "Thời điểm nộp"],
        )  # fmt: skip
        units = [
            row[:7] for row in sheet_rows(sheet) if row and isinstance(row[0], int)
        ]
        self.assertEqual(
            units,
            [
                [1, "Phòng Giáo dục và Đào tạo", "Mức độ 2", "Mức độ 2", None, "Đang thẩm định", "Đúng hạn"],
                [2, "Trường THCS Nhị Thành", "Mức độ 1", None, None, "Đang chuẩn bị", "Chưa nộp"],
                [3, "Trường Tiểu học Bình Thạnh", "Chưa đạt", None, None, "Đang chuẩn bị", "Chưa nộp"],
            ],
        )  # fmt: skip
        rows = sheet_values(sheet)
        self.assertIn(["Số đơn vị theo mức độ"], rows)
        self.assertEqual(
            find_row(rows, ["Mức độ"]),
            ["Mức độ", "Tự đánh giá", "Thẩm định", "Đã công nhận"],
        )
        self.assertEqual(find_row(rows, ["Mức độ 2"]), ["Mức độ 2", 1, 1, 0])
        self.assertEqual(find_row(rows, ["Mức độ 1"]), ["Mức độ 1", 1, 0, 0])
        self.assertEqual(find_row(rows, ["Chưa đạt"]), ["Chưa đạt", 1, 0, 0])
        self.assertEqual(find_row(rows, ["Chưa đánh giá"]), ["Chưa đánh giá", 0, 2, 3])
        self.assertEqual(find_row(rows, ["Tổng cộng"]), ["Tổng cộng", 3, 3, 3])

    def test_from_the_assessments_too(self):
        assessments = self.level_2 | self.level_1
        texts, sheet = self.print_all(
            "learning_unit.action_report_district_summary",
            assessments,
            self.reviewer_vi,
        )
        rows = sheet_values(sheet)
        self.assertFalse(POINTS.findall(texts["PDF"] + texts["DOCX"]))
        self.assertFalse(POINTS.findall(texts["XLSX"]))
        self.assertEqual(find_row(rows, ["Chưa đánh giá"]), ["Chưa đánh giá", 0, 1, 2])
        self.assertEqual(find_row(rows, ["Tổng cộng"]), ["Tổng cộng", 2, 2, 2])


class TestDemoSummary(SummaryCase):
    """The demo's current period, a Thông tư 24 period, as its reviewer sees it."""

    def test_the_demos_current_period(self):
        period = self.env.ref("learning_unit_demo.demo_period_current")
        reviewer = self.env.ref("learning_unit_demo.demo_user_thamdinh")
        self.assertEqual(period.rules_id.scheme, "levels")
        assessments = self.env["learning.unit.assessment"].search(
            [("period_id", "=", period.id)]
        )
        reviewed = assessments.filtered("review_complete")
        expected = {
            "Mức độ 2": ("level_2", "level_2"),
            "Mức độ 1": ("level_1", "level_1"),
            "Chưa đạt": ("none", "none"),
        }
        recognised = assessments.filtered(lambda a: a.state == "recognised")

        def held(assessment):
            return assessment.recognised_level or "none"

        texts, sheet = self.print_all(
            "learning_unit.action_report_district_summary_period", period, reviewer
        )
        rows = sheet_values(sheet)
        self.assertLevelsOnly(texts)
        for label, (own, review) in expected.items():
            self.assertEqual(
                find_row(rows, [label]),
                [
                    label,
                    len(assessments.filtered(lambda a, o=own: a.self_level == o)),
                    len(reviewed.filtered(lambda a, r=review: a.review_level == r)),
                    # the level the register holds (issue 19)
                    len(recognised.filtered(lambda a, r=review: held(a) == r)),
                ],
            )
        self.assertEqual(
            find_row(rows, ["Chưa đánh giá"]),
            [
                "Chưa đánh giá",
                len(assessments.filtered(lambda a: not a.self_level)),
                len(assessments - reviewed),
                len(assessments - recognised),
            ],
        )
        total = len(assessments)
        self.assertEqual(total, 24)
        self.assertEqual(
            find_row(rows, ["Tổng cộng"]), ["Tổng cộng", total, total, total]
        )
        # a row per unit with its own and its reviewed level
        units = [row for row in rows if isinstance(row[0], int)]
        self.assertEqual(len(units), total)
