"""The demo district (loaded with demo data) and its users' round trip."""

from collections import Counter

from odoo.exceptions import AccessError, UserError

from .common import EVIDENCE, LearningUnitCase

DEMO = "learning_unit.demo_"
RANKS = {"good", "fair", "average", "fail"}


class TestDemoData(LearningUnitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.current = cls.env.ref(DEMO + "period_current", raise_if_not_found=False)
        if not cls.current:
            raise AssertionError(
                "The database has no demo data of learning_unit "
                "(install it with demo data, as 'make test' does)."
            )
        cls.last = cls.env.ref(DEMO + "period_last_year")
        cls.donvi = cls.env.ref(DEMO + "user_donvi")
        cls.thanhvien = cls.env.ref(DEMO + "user_thanhvien")
        cls.thamdinh = cls.env.ref(DEMO + "user_thamdinh")
        cls.school = cls.env.ref(DEMO + "employee_donvi").department_id
        cls.district = cls.school.parent_id
        cls.units = cls.env["hr.department"].search(
            [("parent_id", "=", cls.district.id)]
        )
        cls.Assessment = cls.env["learning.unit.assessment"]

    def assessments(self, period):
        return self.Assessment.search([("period_id", "=", period.id)])

    # -- the district -------------------------------------------------------
    def test_district_has_26_units_of_3_to_80_members(self):
        self.assertEqual(self.district.name, "Huyện Thủ Thừa")
        self.assertFalse(self.district.parent_id)
        self.assertEqual(self.district.company_id, self.env.ref("base.main_company"))
        self.assertEqual(len(self.units), 26)
        sizes = [
            self.env["hr.employee"].search_count(
                [("department_id", "child_of", unit.id)]
            )
            for unit in self.units
        ]
        self.assertEqual(min(sizes), 3)
        self.assertEqual(max(sizes), 80)
        self.assertGreater(len(set(sizes)), 20, "units of varied size")
        names = self.units.mapped("name")
        self.assertIn("Phòng Giáo dục và Đào tạo", names)
        self.assertTrue(any(name.startswith("Trường THCS") for name in names))
        self.assertTrue(any(name.startswith("UBND xã") for name in names))
        employees = self.env["hr.employee"].search(
            [("department_id", "child_of", self.district.id)]
        )
        self.assertTrue(all(employees.mapped("job_title")))
        self.assertEqual(len(set(employees.mapped("name"))), len(employees))
        self.assertTrue(all(unit.manager_id for unit in self.units))

    def test_units_wrote_their_study_promotion_report(self):
        reports = self.env["learning.unit.promotion.report"].search(
            [("period_id", "=", self.last.id)]
        )
        self.assertEqual(reports.department_id, self.units)
        for report in reports:
            self.assertEqual(report.fee_total, 12000 * report.fee_payer_count)
            self.assertEqual(
                report.balance, report.income_total - report.spending_total
            )
            self.assertTrue(report.scholarship_count and report.gift_count)

    def test_closed_period_all_recognised_across_four_ranks(self):
        self.assertEqual(self.last.state, "closed")
        self.assertEqual(self.last.year, self.current.year - 1)
        assessments = self.assessments(self.last)
        self.assertEqual(len(assessments), 26)
        self.assertEqual(assessments.department_id, self.units)
        self.assertEqual(set(assessments.mapped("state")), {"recognised"})
        self.assertTrue(all(assessments.mapped("decision_number")))
        self.assertTrue(all(assessments.mapped("decision_date")))
        self.assertTrue(all(assessments.mapped("review_complete")))
        self.assertEqual(set(assessments.mapped("self_rank")), RANKS)
        self.assertEqual(set(assessments.mapped("review_rank")), RANKS)
        self.assertTrue(any(assessments.mapped("review_difference")))
        self.assertEqual(set(assessments.mapped("dossier_completeness")), {100.0})
        # the workflow's dates are last winter's, a few units sent late
        late = assessments.filtered("is_late")
        self.assertTrue(0 < len(late) < 26)
        deadline = self.last.date_deadline_self
        self.assertTrue(all(a.submitted_date > deadline for a in late))
        self.assertTrue(
            all(a.submitted_date.year == self.current.year for a in assessments)
        )
        self.assertEqual(
            assessments.mapped("submitted_by"),
            self.env.ref("base.user_admin") | self.donvi,
        )
        self.assertEqual(set(assessments.mapped("reviewer_id")), {self.thamdinh})

    def test_open_period_units_in_every_state(self):
        self.assertEqual(self.current.state, "open")
        assessments = self.assessments(self.current)
        states = Counter(assessments.mapped("state"))
        self.assertEqual(
            set(states),
            {"draft", "submitted", "in_review", "reviewed", "recognised", "returned"},
        )
        self.assertGreaterEqual(states["draft"], 3)
        # a few units have not started yet
        self.assertLess(len(assessments), 26)
        drafts = assessments.filtered(lambda a: a.state == "draft")
        self.assertTrue(any(0 < a.dossier_completeness < 100 for a in drafts))
        self.assertTrue(any(a.members_missing_evidence_count for a in drafts))
        returned = assessments.filtered(lambda a: a.state == "returned")
        self.assertEqual(len(returned), 1)
        self.assertTrue(returned.return_reason)
        self.assertEqual(returned.return_count, 1)
        self.assertTrue(
            returned.message_ids.filtered(
                lambda m: returned.return_reason in (m.body or "")
            )
        )
        in_review = assessments.filtered(lambda a: a.state == "in_review")
        self.assertTrue(
            any(
                a.line_ids.filtered("review_set") and not a.review_complete
                for a in in_review
            )
        )
        submitted = assessments.filtered(lambda a: a.state == "submitted")
        self.assertTrue(
            all(
                a.activity_ids.filtered(lambda act: act.user_id == self.thamdinh)
                for a in submitted
            )
        )
        # the history of this year is tracked
        self.assertTrue(
            submitted.message_ids.tracking_value_ids.filtered(
                lambda t: t.field_id.name == "state"
            )
        )

    def test_generating_twice_changes_nothing(self):
        count = self.Assessment.search_count([])
        self.assertFalse(self.env["learning.unit.demo"]._generate_district())
        self.assertEqual(self.Assessment.search_count([]), count)

    # -- the demo users -----------------------------------------------------
    def test_demo_users_roles_and_scopes(self):
        for user in (self.donvi, self.thanhvien, self.thamdinh):
            self.assertEqual(user.lang, "vi_VN")
            self.assertEqual(user.tz, "Asia/Ho_Chi_Minh")
            # the password is the login
            user.with_user(user)._check_credentials(
                {"type": "password", "password": user.login}, {"interactive": True}
            )
        self.assertTrue(self.donvi.has_group("learning_unit.group_unit_officer"))
        self.assertFalse(self.donvi.has_group("learning_unit.group_district_reviewer"))
        self.assertTrue(self.thanhvien.has_group("learning_unit.group_member"))
        self.assertFalse(self.thanhvien.has_group("learning_unit.group_unit_officer"))
        self.assertTrue(
            self.thamdinh.has_group("learning_unit.group_district_reviewer")
        )
        self.assertFalse(self.thamdinh.has_group("learning_unit.group_unit_officer"))
        self.assertFalse(self.thamdinh.has_group("learning_unit.group_admin"))
        self.assertEqual(self.donvi.employee_ids.department_id, self.school)
        self.assertEqual(self.thanhvien.employee_ids.department_id, self.school)
        self.assertEqual(self.thamdinh.lu_review_department_ids, self.district)

        demo_periods = [("period_id", "in", (self.last | self.current).ids)]
        mine = self.Assessment.with_user(self.donvi).search(demo_periods)
        self.assertEqual(mine.department_id, self.school)
        self.assertEqual(len(mine), 2)
        member = self.Assessment.with_user(self.thanhvien).search(demo_periods)
        self.assertEqual(member.department_id, self.school)
        reviewed = self.Assessment.with_user(self.thamdinh).search(demo_periods)
        self.assertEqual(reviewed, self.Assessment.search(demo_periods))
        # the officer's assessment of this year waits for them, in draft
        draft = mine.filtered(lambda a: a.period_id == self.current)
        self.assertEqual(draft.state, "draft")
        self.assertEqual(draft.user_id, self.donvi)
        # the member completes their own evidence, not a colleague's
        own = draft.member_ids.filtered(lambda m: m.user_id == self.thanhvien)
        own.with_user(self.thanhvien).plan_approved = True
        self.assertTrue(own.plan_approved)
        other = draft.member_ids.filtered(lambda m: m.user_id != self.thanhvien)[:1]
        with self.assertRaises(AccessError):
            other.with_user(self.thanhvien).plan_approved = True

    # -- the round trip -----------------------------------------------------
    def officer_prepares_and_submits(self):
        draft = self.env.ref(DEMO + "assessment_thcs_nt_current")
        assessment = draft.with_user(self.donvi)
        before = assessment.member_count
        assessment.action_load_members()
        # two teachers joined the school after the members were loaded
        self.assertEqual(assessment.member_count, before + 2)
        missing = assessment.member_ids.filtered(lambda m: not m.evidence_complete)
        missing.write(
            dict(
                {field: True for field in EVIDENCE},
                competency_ids=[(6, 0, self.competencies.ids)],
            )
        )
        self.assertEqual(assessment.self_total, 99)  # 3c: shared with 4 units
        self.assertEqual(assessment.self_rank, "good")
        self.assertTrue(assessment.dossier_missing)
        items = (
            self.env["learning.unit.dossier.item"]
            .with_user(self.donvi)
            .search(
                [("assessment_id", "=", assessment.id), ("is_provided", "=", False)]
            )
        )
        items.write({"paper_copy": True})
        self.assertFalse(assessment.dossier_missing)
        self.assertEqual(assessment.dossier_completeness, 100)
        assessment.action_submit()
        self.assertEqual(assessment.state, "submitted")
        self.assertEqual(assessment.submitted_by, self.donvi)
        self.assertFalse(assessment.is_late)
        return draft

    def test_round_trip_prepare_submit_review_recognise(self):
        assessment = self.officer_prepares_and_submits()
        with self.assertRaises(AccessError):
            assessment.with_user(self.donvi).action_start_review()
        review = assessment.with_user(self.thamdinh)
        review.action_start_review()
        self.assertEqual(review.state, "in_review")
        self.assertEqual(review.reviewer_id, self.thamdinh)
        with self.assertRaises(AccessError):
            review.line_ids[0].achieved = False
        line_3c = self.line(review, "3c")
        line_3c.write({"review_score": 3, "review_note": "Minh chứng 3/4 đơn vị."})
        review.action_confirm_review_scores()
        review.action_mark_reviewed()
        self.assertEqual(review.state, "reviewed")
        self.assertEqual(review.review_total, 98)
        self.assertEqual(review.review_difference, -1)
        review.write({"decision_number": "99/QĐ-UBND", "decision_date": "2040-12-20"})
        review.action_recognise()
        self.assertEqual(review.state, "recognised")
        self.assertEqual(review.review_rank, "good")
        with self.assertRaises(UserError):
            assessment.with_user(self.donvi).self_note = "too late"

    def test_round_trip_return_with_reason(self):
        assessment = self.officer_prepares_and_submits()
        reason = "Thiếu biên bản chia sẻ tri thức (tiêu chí 3c)."
        wizard = (
            self.env["learning.unit.return.wizard"]
            .with_user(self.thamdinh)
            .create({"assessment_ids": [(6, 0, assessment.ids)], "reason": reason})
        )
        wizard.action_confirm()
        self.assertEqual(assessment.state, "returned")
        self.assertEqual(assessment.return_reason, reason)
        self.assertEqual(assessment.return_count, 1)
        # the officer can edit again and send it back
        mine = assessment.with_user(self.donvi)
        mine.self_note = "Đã bổ sung biên bản chia sẻ."
        self.line(mine, "3c").count_value = 5
        self.assertEqual(mine.self_total, 100)
        mine.member_ids[:1].training_done = True
        mine.action_submit()
        self.assertEqual(mine.state, "submitted")
        self.assertEqual(mine.return_reason, reason)
