"""The level-2 wait shown from the start (issue 19, item 9).

Mức độ 2 is granted only from 12 months after the unit's mức độ 1 decision
(Thông tư 24; the rule set's ``level_2_wait_years``): the assessment's form,
the officer's kanban and the Tờ trình say from which day, while the unit
prepares its dossier, not only once the reviewer decides.
"""

from datetime import date

from odoo.tests import freeze_time

from .report_helpers import plain_text
from .test_levels import LevelsCase

PRINTING_DAY = "2046-12-08 03:00:00"


class TestLevel2Wait(LevelsCase):
    def level_1(self, decision_date, number="10/QĐ-UBND"):
        return self.env["learning.unit.recognition"].create(
            {
                "department_id": self.unit.id,
                "year": 2045,
                "scheme": "levels",
                "level": "level_1",
                "decision_number": number,
                "decision_date": decision_date,
            }
        )

    def next_round(self):
        period = self.env["learning.unit.period"].create({"year": 2046})
        return self.make_assessment(self.unit, period=period)

    def proposal_text(self, assessment):
        (document,) = self.env["report.learning_unit.report_tt24_proposal"]._lu_print(
            assessment
        )
        return " ".join(plain_text(document))

    @freeze_time(PRINTING_DAY)
    def test_the_day_level_2_can_be_granted(self):
        self.level_1("2046-02-10")
        assessment = self.next_round()
        self.assertEqual(assessment.state, "draft")
        self.assertEqual(assessment.level_2_from, date(2047, 2, 10))
        note = assessment.with_context(lang="en_US").level_2_wait_note
        self.assertIn("10/02/2047", note)
        self.assertIn("10/QĐ-UBND", note)
        self.assertIn(
            "10/02/2047", assessment.with_context(lang="vi_VN").level_2_wait_note
        )
        # the officer reads it as they see it
        as_officer = assessment.with_user(self.officer)
        self.assertEqual(as_officer.level_2_from, date(2047, 2, 10))
        # the Tờ trình asking for level 2 says it
        self.meet(assessment, shares=40)
        self.assertEqual(assessment.self_level, "level_2")
        text = self.proposal_text(assessment.with_user(self.officer))
        self.assertIn(
            "Quyết định số 10/QĐ-UBND ngày 10/02/2046 công nhận mức độ 1; "
            "mức độ 2 được xét công nhận từ ngày 10/02/2047",
            text,
        )

    @freeze_time(PRINTING_DAY)
    def test_no_level_1_yet(self):
        assessment = self.next_round()
        self.assertFalse(assessment.level_2_from)
        self.assertIn(
            "level 1 decision",
            assessment.with_context(lang="en_US").level_2_wait_note,
        )
        self.meet(assessment, shares=40)
        self.assertIn(
            "chưa có quyết định công nhận mức độ 1",
            self.proposal_text(assessment),
        )

    @freeze_time(PRINTING_DAY)
    def test_the_wait_is_over(self):
        self.level_1("2045-02-10")
        assessment = self.next_round()
        self.assertEqual(assessment.level_2_from, date(2046, 2, 10))
        self.assertFalse(assessment.level_2_wait_note)
        self.meet(assessment, shares=40)
        self.assertNotIn("mức độ 2 được xét", self.proposal_text(assessment))

    def test_the_kanban_and_the_form_show_it(self):
        Assessment = self.env["learning.unit.assessment"].with_user(self.officer)
        for view in ("kanban", "form"):
            arch = Assessment.get_views([(False, view)])["views"][view]["arch"]
            self.assertIn('name="level_2_wait_note"', arch, view)
            self.assertIn('name="level_2_from"', arch, view)

    @freeze_time(PRINTING_DAY)
    def test_once_decided_the_proposal_says_no_more(self):
        """Reprinted after its decision, the Tờ trình is the unit's request as
        it was: the wait is the form's note no more, nor the paper's."""
        self.level_1("2046-02-10")
        assessment = self.next_round()
        self.meet(assessment, shares=40)
        self.recognise(assessment, "2046-12-01", "7/QĐ-UBND")
        self.assertEqual(assessment.state, "recognised")
        self.assertFalse(assessment.level_2_wait_note)
        self.assertNotIn("mức độ 2 được xét", self.proposal_text(assessment))
