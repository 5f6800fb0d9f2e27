"""Printed forms right for the day and the agency (issue 19, item 8).

* the date printed is the record's own (the decision's issue, the minutes'
  day, the submission) or the day of printing in Vietnam, never a year guessed
  from the period (printed in December 2026 for the 2026 round: "năm 2026");
* the superior line of a unit's forms is an agency (an issuing body), never the
  name of an HR parent department;
* each kind of document has its own recipients: the report upward does not
  copy the decision's "Như Điều 3";
* every document printed from a record not yet issued, signed or submitted
  says "DỰ THẢO" at its top, in the PDF and the DOCX.
"""

from freezegun import freeze_time

from .test_documents import DocumentCase

DRAFT = "DỰ THẢO"


def first_text(document):
    """The text of the first block of a document (blocks.py)."""
    block = document["blocks"][0]
    if block["type"] == "p":
        return "".join(run["text"] for run in block["runs"])
    return block["type"]


def header(document):
    return next(b for b in document["blocks"] if b["type"] == "header")


class PrintedFormsCase(DocumentCase):
    def setUp(self):
        super().setUp()
        self.as_reviewer = self.period.with_user(self.reviewer)

    def draft_decision(self):
        self.reviewed(self.assessment, {"1a": 0})
        return self.env["learning.unit.decision"].browse(
            self.as_reviewer.action_new_decision()["res_id"]
        )

    def minutes(self, day=False):
        team = (
            self.env["learning.unit.team"]
            .with_user(self.reviewer)
            .create(
                {
                    "name": "Đoàn kiểm tra số 1",
                    "period_id": self.period.id,
                    "department_id": self.district.id,
                    "body_id": self.body.id,
                    "date": day,
                    "assessment_ids": [(6, 0, self.assessment.ids)],
                    "member_ids": [
                        (0, 0, {"name": "Lê Văn Bảy", "role": "head"}),
                        (0, 0, {"name": "Ngô Thị Mười", "role": "secretary"}),
                    ],
                }
            )
        )
        team.action_new_minutes()
        return team.minutes_ids

    def tt24_assessment(self):
        period = self.make_period(
            2041, template=self.env.ref("learning_unit.template_tt24_district")
        )
        period.body_id = self.body
        assessment = self.make_assessment(self.unit, period=period)
        assessment.head_name = "Nguyễn Văn An"
        return assessment


class TestTheDayPrinted(PrintedFormsCase):
    """Printed on 8 December 2026 (Vietnam) for a round of 2040: today's date,
    whatever the round; the records' own dates when they have one."""

    def place_dates(self, xmlid, records):
        return [
            header(document)["place_date"]
            for document in self.documents(xmlid, records)
        ]

    def test_drafts_print_the_day_of_printing(self):
        decision = self.draft_decision()
        minutes = self.minutes()
        assessment = self.tt24_assessment()
        for day, frozen in (
            ("ngày 08 tháng 12 năm 2026", "2026-12-08 03:00:00"),
            ("ngày 10 tháng 01 năm 2027", "2027-01-10 03:00:00"),
            # 18:00 UTC on 31 December is already 1 January in Vietnam
            ("ngày 01 tháng 01 năm 2027", "2026-12-31 18:00:00"),
        ):
            with self.subTest(day=day), freeze_time(frozen):
                expected = [f"Thủ Thừa, {day}"]
                self.assertEqual(
                    self.place_dates("report_decision", decision), expected
                )
                self.assertEqual(self.place_dates("report_minutes", minutes), expected)
                for report in (
                    "report_tt24_proposal",
                    "report_tt24_self_report",
                ):
                    self.assertEqual(self.place_dates(report, assessment), expected)
                (summary,) = self.documents("report_tt24_summary", assessment)
                signature = next(
                    b for b in summary["blocks"] if b["type"] == "signature"
                )
                self.assertEqual(
                    [s["place_date"] for s in signature["signers"]],
                    ["", f"Thủ Thừa, {day}"],
                )
                # the minutes say the same day in their text
                (document,) = self.documents("report_minutes", minutes)
                text = " ".join(
                    "".join(r["text"] for r in b["runs"])
                    for b in document["blocks"]
                    if b["type"] == "p"
                )
                self.assertIn(f"vào lúc 08 giờ 00 {day}", text)
                self.assertNotIn("năm 2041", text)
        with freeze_time("2026-12-08 03:00:00"):
            (province,) = self.documents("report_province_rollup", self.period)
            self.assertEqual(
                header(province)["place_date"],
                "Long An, ngày 08 tháng 12 năm 2026",
            )

    def test_the_pdf_and_the_docx_print_the_day(self):
        decision = self.draft_decision()
        with freeze_time("2026-12-08 03:00:00"):
            text = self.check_both(
                "action_report_decision", "report_decision", decision,
                user=self.reviewer, min_pages=2,
            )  # fmt: skip
        self.assertIn("Thủ Thừa, ngày 08 tháng 12 năm 2026", text)
        self.assertIn("ngày 08/12/2026 của Ủy ban nhân dân huyện Thủ Thừa", text)
        self.assertNotIn("2041", text)
        self.assertNotIn("2027", text)

    def test_the_records_own_dates(self):
        decision = self.draft_decision()
        minutes = self.minutes("2041-01-20")
        with freeze_time("2041-02-03 03:00:00"):
            decision.with_user(self.reviewer).action_issue()
        with freeze_time("2041-06-01 03:00:00"):
            self.assertEqual(
                self.place_dates("report_decision", decision),
                ["Thủ Thừa, ngày 03 tháng 02 năm 2041"],
            )
            self.assertEqual(
                self.place_dates("report_minutes", minutes),
                ["Thủ Thừa, ngày 20 tháng 01 năm 2041"],
            )


class TestTheAgencies(PrintedFormsCase):
    def test_the_unit_forms_print_the_reviewing_agency_above_the_unit(self):
        """The unit has no body of its own: the body that acts for its
        district is its superior, not the district department's name."""
        assessment = self.tt24_assessment()
        for report in (
            "report_tt24_proposal",
            "report_tt24_self_report",
            "report_tt24_summary",
        ):
            (document,) = self.documents(report, assessment)
            self.assertEqual(
                header(document)["superior"],
                "ỦY BAN NHÂN DÂN HUYỆN THỦ THỪA",
                report,
            )
        (document,) = self.documents("report_phu_luc_2", self.assessment)
        self.assertEqual(header(document)["superior"], "ỦY BAN NHÂN DÂN HUYỆN THỦ THỪA")

    def test_a_unit_body_prints_its_superior_else_the_reviewing_agency(self):
        office = self.env["learning.unit.body"].create(
            {
                "name": "Phòng Giáo dục và Đào tạo huyện Thủ Thừa",
                "short_name": "PGDĐT",
                "kind": "district_office",
                "place": "Thủ Thừa",
                "department_id": self.district.id,
            }
        )
        own = self.env["learning.unit.body"].create(
            {
                "name": "Phòng Giáo dục và Đào tạo",
                "short_name": "PGD",
                "kind": "unit",
                "place": "Thủ Thừa",
                "department_id": self.unit.id,
            }
        )
        assessment = self.tt24_assessment()
        (document,) = self.documents("report_tt24_proposal", assessment)
        # two bodies act for the district: the period's reviewing body
        self.assertEqual(header(document)["superior"], "ỦY BAN NHÂN DÂN HUYỆN THỦ THỪA")
        self.assertEqual(
            header(document)["issuer_lines"], ["PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"]
        )
        own.superior_id = office
        (document,) = self.documents("report_tt24_proposal", assessment)
        self.assertEqual(
            header(document)["superior"], "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN THỦ THỪA"
        )

    def test_no_agency_no_place_name(self):
        """Without any body acting for the unit the line stays empty."""
        self.period.body_id = False
        self.body.department_id = self.other_district
        (document,) = self.documents("report_phu_luc_2", self.assessment)
        self.assertEqual(header(document)["superior"], "")


class TestRecipients(PrintedFormsCase):
    def test_each_document_its_recipients(self):
        decision = self.draft_decision()
        self.assertIn("Như Điều 3", decision.recipients)
        report = self.env["learning.unit.upward.report"].browse(
            self.as_reviewer.action_new_upward_report()["res_id"]
        )
        # a report goes to the bodies it reports to, and the archive
        self.assertEqual(report.recipients, "UBND tỉnh Long An\nLưu: VT")
        (document,) = self.documents("report_upward", report)
        signature = next(b for b in document["blocks"] if b["type"] == "signature")
        self.assertEqual(
            signature["recipients"], ["- UBND tỉnh Long An;", "- Lưu: VT."]
        )

    def test_a_body_reporting_to_nobody_named_reports_to_its_superior(self):
        self.body.recipients = "Như Điều 3\nLưu: VT"
        report = self.env["learning.unit.upward.report"].browse(
            self.as_reviewer.action_new_upward_report()["res_id"]
        )
        self.assertEqual(report.recipients, "Ủy ban nhân dân tỉnh Long An\nLưu: VT")


class TestDraftMark(PrintedFormsCase):
    def test_a_draft_decision_says_so_until_issued(self):
        decision = self.draft_decision()
        (document,) = self.documents("report_decision", decision)
        self.assertEqual(first_text(document), DRAFT)
        text = self.check_both(
            "action_report_decision", "report_decision", decision,
            user=self.reviewer, min_pages=2,
        )  # fmt: skip
        self.assertTrue(text.startswith(DRAFT), text[:80])
        decision.with_user(self.reviewer).action_issue()
        (document,) = self.documents("report_decision", decision)
        self.assertEqual(first_text(document), "header")
        text = self.check_both(
            "action_report_decision", "report_decision", decision,
            user=self.reviewer, min_pages=2,
        )  # fmt: skip
        self.assertNotIn(DRAFT, text)

    def test_draft_minutes_and_report_upward(self):
        self.review(self.assessment)
        minutes = self.minutes("2041-01-20")
        (document,) = self.documents("report_minutes", minutes)
        self.assertEqual(first_text(document), DRAFT)
        text = self.check_both(
            "action_report_minutes", "report_minutes", minutes, user=self.reviewer
        )
        self.assertTrue(text.startswith(DRAFT), text[:80])
        self.assessment.with_user(self.reviewer).action_confirm_review_scores()
        minutes.with_user(self.reviewer).action_sign()
        (document,) = self.documents("report_minutes", minutes)
        self.assertEqual(first_text(document), "header")
        report = self.env["learning.unit.upward.report"].browse(
            self.as_reviewer.action_new_upward_report()["res_id"]
        )
        (document,) = self.documents("report_upward", report)
        self.assertEqual(first_text(document), DRAFT)
        report.with_user(self.reviewer).action_issue()
        (document,) = self.documents("report_upward", report)
        self.assertEqual(first_text(document), "header")

    def test_the_unit_forms_before_submission(self):
        assessment = self.tt24_assessment()
        reports = (
            "report_tt24_proposal",
            "report_tt24_self_report",
            "report_tt24_summary",
        )
        for report in reports:
            (document,) = self.documents(report, assessment)
            self.assertEqual(first_text(document), DRAFT, report)
        text = self.check_both(
            "action_report_tt24_proposal", "report_tt24_proposal", assessment
        )
        self.assertTrue(text.startswith(DRAFT), text[:80])
        (document,) = self.documents("report_phu_luc_2", self.assessment)
        self.assertEqual(first_text(document), DRAFT)
        self.provide_dossier(self.assessment)
        self.assessment.action_submit()
        (document,) = self.documents("report_phu_luc_2", self.assessment)
        self.assertEqual(first_text(document), "header")
