"""The reviewing level's round in a real browser (headless Chromium, Odoo tours
of learning_unit_reviewer_tour.js), in Vietnamese.

The reviewer starts the review, changes two review scores with notes and saves
the form (the lines travel as x2many commands through web_save, the path that
once failed with an access error), returns the assessment with a reason; the
officer prints Phụ lục 2 and submits it again; the reviewer reviews it again,
finishes, issues the recognition decision and prints the district summary. Each tour is followed by what the database holds.
"""

from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tools import config

from . import system_tools
from .common import LearningUnitTourCase

OFFICER = "learning_unit.group_unit_officer"
REVIEWER = "learning_unit.group_district_reviewer"

UNIT = "Trường THCS Thẩm Định Tour"
# what the tours type (learning_unit_reviewer_tour.js)
FIRST = {
    "3c": (3, "Chỉ có biên bản chia sẻ với 03 đơn vị"),
    "1c": (6, "Thiếu 02 nguồn lực: phòng đọc và kinh phí"),
}
REASON = "Bổ sung biên bản chia sẻ tri thức với các đơn vị khác (tiêu chí 3c)."
SECOND = {
    "3c": (4, "Có biên bản chia sẻ với 04 đơn vị"),
    "1c": (8, "Thiếu 01 nguồn lực: kinh phí"),
}


class TestReviewerTour(LearningUnitTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district = cls.make_unit("Huyện Thẩm Định Tour", 0)
        cls.unit = cls.make_unit(UNIT, 4, parent=cls.district)
        cls.officer = cls.make_user(
            "tour_donvi_td", OFFICER, department=cls.unit, lang="vi_VN"
        )
        cls.reviewer = cls.make_user(
            "tour_thamdinh", REVIEWER, review=cls.district, lang="vi_VN"
        )
        cls.body = cls.make_body(
            "Thẩm Định", cls.district, name="Ủy ban nhân dân huyện Thẩm Định Tour"
        )
        cls.period.body_id = cls.body
        cls.assessment = cls.make_assessment(cls.unit)
        cls.make_full_score(cls.assessment)
        cls.provide_dossier(cls.assessment)
        cls.assessment.with_user(cls.officer).action_submit()

    def tour(self, name, user):
        # as under Odoo's own test runner, reports render as HTML (no
        # wkhtmltopdf calling back into the test server)
        with (
            patch.dict(config.options, test_enable=True),
            system_tools.printed_reports(self.env) as printed,
        ):
            self.start_tour("/odoo", name, login=user.login, timeout=240)
        self.env.invalidate_all()
        return [name for name, _ids in printed]

    def assertReview(self, typed, confirmed):
        for code, (score, note) in typed.items():
            line = self.line(self.assessment, code)
            self.assertEqual(line.review_score, score, code)
            self.assertEqual(line.review_note, note, code)
            self.assertEqual(line.review_set, confirmed, code)

    def test_reviewer_reviews_returns_and_recognises(self):
        self.assertCanRunTour()
        a = self.assessment
        self.assertEqual((a.state, a.self_total, a.member_count), ("submitted", 100, 5))
        # the reviewer writes review results only, never the unit's own inputs
        with self.assertRaises(AccessError):
            self.line(a, "1a").with_user(self.reviewer).achieved = False
        self.assertTrue(self.line(a, "1a").achieved)

        self.tour("learning_unit_reviewer_tour", self.reviewer)
        # the saved results are kept; returning unconfirms them (the tour saw
        # them confirmed after the save: 3 of 17), the review starts over
        self.assertReview(FIRST, confirmed=False)
        self.assertEqual(self.line(a, "1a").review_score, 10)
        self.assertEqual(a.review_confirmed_count, 0)
        self.assertEqual(a.reviewer_id, self.reviewer)
        self.assertEqual(a.state, "returned")
        self.assertEqual(a.return_count, 1)
        self.assertEqual(a.return_reason, REASON)

        printed = self.tour("learning_unit_reviewer_resubmit_tour", self.officer)
        self.assertEqual(printed, ["learning_unit.report_phu_luc_2"])
        self.assertEqual(a.state, "submitted")
        self.assertEqual(a.submitted_by, self.officer)

        printed = self.tour("learning_unit_reviewer_recognition_tour", self.reviewer)
        self.assertEqual(printed, ["learning_unit.report_district_summary_period"])
        self.assertReview(SECOND, confirmed=True)
        self.assertEqual(a.review_confirmed_count, a.criterion_count)
        self.assertEqual(a.review_total, 97)  # 100 - 1 (3c) - 2 (1c)
        self.assertEqual(a.review_difference, -3)
        self.assertEqual(a.review_rank, "good")
        self.assertEqual(a.return_count, 1)
        self.assertEqual(a.return_reason, REASON)
        self.assertEqual(a.state, "recognised")
        decision = a.decision_id
        self.assertEqual(decision.state, "issued")
        self.assertEqual(decision.issued_by, self.reviewer)
        self.assertEqual(decision.body_id, self.body)
        self.assertEqual(decision.number_text, "01/QĐ-UBND")
        self.assertEqual(a.decision_number, "01/QĐ-UBND")
        self.assertEqual(a.decision_date, decision.date_issued)
