"""A member files their plan, the officer the head delegates approves it, in a
real browser (headless Chromium, Odoo tours of learning_unit_member_tour.js).

The tours need Chromium, websocket-client and Odoo's HTTP server (see
tests/test_tour.py); they build their own unit, not the demo data. The
browser shares the test's cursor: it sees the records made here.
"""

from .common import LearningUnitTourCase

MEMBER = "learning_unit.group_member"
OFFICER = "learning_unit.group_unit_officer"


class TestMemberTour(LearningUnitTourCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.make_unit("Trường Hồ Sơ Tour", 7)
        cls.member = cls.make_user(
            "tour_member", MEMBER, department=cls.unit, lang="vi_VN"
        )
        cls.head = cls.make_user("tour_head", MEMBER, department=cls.unit)
        cls.unit.manager_id = cls.head.employee_ids
        cls.officer = cls.make_user(
            "tour_officer", OFFICER, department=cls.unit, lang="en_US"
        )
        cls.assessment = cls.make_assessment(cls.unit)
        cls.assessment.plan_approver_id = cls.officer  # the head delegates
        cls.own = cls.assessment.member_ids.filtered(lambda m: m.user_id == cls.member)
        (cls.assessment.member_ids - cls.own).write({"plan_approved": True})
        cls.plan = cls.own.dossier_item_ids.filtered(
            lambda i: i.document_type_id.code == "self_study_plan"
        )

    def score_2a(self):
        line = self.assessment.line_ids.filtered(lambda ln: ln.criterion_code == "2a")
        return line.self_score

    def test_member_files_and_submits_a_plan(self):
        self.assertCanRunTour()
        self.start_tour(
            "/odoo", "learning_unit_member_tour", login=self.member.login, timeout=180
        )
        self.plan.invalidate_recordset()
        self.assertEqual(self.plan.document_state, "submitted")
        self.assertEqual(self.plan.submitted_by, self.member)
        self.assertIn("Tiếng Anh giao tiếp", self.plan.learn_what)
        self.assertEqual(self.plan.learn_when, "Tháng 3 đến tháng 6")
        self.assertFalse(self.own.plan_approved)

    def test_officer_approves_the_plan(self):
        self.assertCanRunTour()
        self.plan.with_user(self.member).write(
            {
                "learn_what": "Tin học văn phòng nâng cao",
                "learn_how": "Lớp của huyện",
                "learn_when": "Quý 2",
            }
        )
        self.plan.with_user(self.member).action_submit()
        self.assertEqual(self.score_2a(), 9)
        self.start_tour(
            "/odoo",
            "learning_unit_plan_approval_tour",
            login=self.officer.login,
            timeout=180,
        )
        self.assessment.invalidate_recordset()
        self.plan.invalidate_recordset()
        self.assertEqual(self.plan.document_state, "approved")
        self.assertEqual(self.plan.approved_by, self.officer)
        self.assertTrue(self.own.plan_approved)
        self.assertEqual(self.own.evidence_source_ids.source, "plan")
        self.assertEqual(self.score_2a(), 10)
