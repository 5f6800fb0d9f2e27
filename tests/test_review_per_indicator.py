"""After a return the officer sees the review per indicator (issue 19, item 7).

The demo's Trường THCS Mỹ Lạc was returned with criterion 2.2 reviewed at
level 1 and a note. Its officer reads, on the assessment's lines, the
reviewer's result and note of each indicator; the return message lists them;
when the unit submits again, the new review starts clean (results as the
unit's, no note) and the earlier notes stay in the chatter.
"""

from lxml import etree

from .common import DEMO, LearningUnitDemoCase
from .report_helpers import OFFICER

NOTE_22 = "Một số thành viên chưa có giấy chứng nhận hoàn thành bồi dưỡng."


class _Parent:
    """``parent.<field>`` of a list column's expression, read on a record."""

    def __init__(self, record):
        self._record = record

    def __getattr__(self, name):
        return self._record[name]


class TestReviewPerIndicator(LearningUnitDemoCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.assessment = cls.demo("assessment_thcs_ml_current")
        cls.thamdinh = cls.env.ref(DEMO + "user_thamdinh")
        cls.officer = cls.make_user(
            "ml_officer", OFFICER, department=cls.assessment.department_id
        )

    def line(self, assessment, code):
        return assessment.line_ids.filtered(lambda line: line.criterion_code == code)

    def shown_columns(self, assessment):
        """The line columns the form shows for ``assessment`` to its user."""
        arch = assessment.get_views([(False, "form")])["views"]["form"]["arch"]
        columns = etree.fromstring(arch).xpath("//field[@name='line_ids']/list/field")
        parent = _Parent(assessment)
        return {
            node.get("name")
            for node in columns
            # the view's own expression, in a test
            if not eval(  # pylint: disable=eval-used
                node.get("column_invisible") or "False",
                {"__builtins__": {}},
                {"parent": parent, "True": True, "False": False},
            )
        }

    def test_the_officer_reads_the_review_of_each_indicator(self):
        mine = self.assessment.with_user(self.officer)
        self.assertEqual(mine.state, "returned")
        line = self.line(mine, "2.2")
        self.assertEqual((line.self_level, line.review_level), ("level_2", "level_1"))
        self.assertEqual(line.review_note, NOTE_22)
        self.assertTrue({"review_level", "review_note"} <= self.shown_columns(mine))

    def test_a_new_review_starts_clean_and_the_notes_stay_in_the_chatter(self):
        assessment = self.assessment
        assessment.action_submit()
        assessment.with_user(self.thamdinh).action_start_review()
        line = self.line(assessment, "2.2")
        self.assertEqual(line.review_level, line.self_level)
        self.assertFalse(line.review_note)
        self.assertFalse(line.review_set)
        bodies = "".join(assessment.message_ids.mapped("body"))
        self.assertIn(NOTE_22, bodies)
        # a note alone (the result kept) is listed in the return message
        reviewed = self.line(assessment, "3.2").with_user(self.thamdinh)
        reviewed.write({"review_set": True, "review_note": "Cần bổ sung minh chứng."})
        self.env["learning.unit.return.wizard"].with_user(self.thamdinh).create(
            {"assessment_ids": [(6, 0, assessment.ids)], "reason": "Bổ sung 3.2."}
        ).action_confirm()
        message = assessment.message_ids.filtered(
            lambda m: "Bổ sung 3.2." in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertIn("3.2", message.body)
        self.assertIn("Cần bổ sung minh chứng.", message.body)
        self.assertEqual(
            self.line(assessment.with_user(self.officer), "3.2").review_note,
            "Cần bổ sung minh chứng.",
        )
