"""The demo district (the learning_unit_demo addon) and its users' round trip.

The demo plays three evaluation years through the workflow: 2023 under Thông
tư 22 (points), last year and this year under Thông tư 24 (levels).
"""

import re
from collections import Counter
from datetime import date

from odoo import fields
from odoo.addons.learning_unit_demo.generator import generate_district
from odoo.exceptions import AccessError, UserError

from .common import DEMO, LearningUnitDemoCase

RANKS = {"good", "fair", "average", "fail"}
TT24_EVIDENCE = ("discipline_ok", "training_done", "cdht_achieved")


class TestDemoData(LearningUnitDemoCase):
    # the district is learning_unit_demo's: --test-tags /learning_unit_demo
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.current = cls.demo("period_current")
        cls.last = cls.env.ref(DEMO + "period_last_year")
        cls.history = cls.env.ref(DEMO + "period_2023")
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
        # citizen IDs of the province (Long An: 080), 12 digits, unique
        ids = employees.mapped("identification_id")
        self.assertTrue(all(re.fullmatch(r"080\d{9}", cccd or "") for cccd in ids))
        self.assertEqual(len(set(ids)), len(employees))

    def test_units_wrote_their_study_promotion_report(self):
        for period in (self.history, self.last):
            reports = self.env["learning.unit.promotion.report"].search(
                [("period_id", "=", period.id)]
            )
            self.assertEqual(reports.department_id, self.units)
            for report in reports:
                self.assertEqual(report.fee_total, 12000 * report.fee_payer_count)
                self.assertEqual(
                    report.balance, report.income_total - report.spending_total
                )
                self.assertTrue(report.scholarship_count and report.gift_count)

    # -- the closed years ---------------------------------------------------
    def assert_closed_and_decided(self, period, decision_day):
        self.assertEqual(period.state, "closed")
        self.assertEqual(period.body_id, self.env.ref(DEMO + "body_ubnd_thu_thua"))
        assessments = self.assessments(period)
        self.assertEqual(len(assessments), 26)
        self.assertEqual(assessments.department_id, self.units)
        self.assertEqual(set(assessments.mapped("state")), {"recognised"})
        self.assertTrue(all(assessments.mapped("review_complete")))
        self.assertEqual(set(assessments.mapped("dossier_completeness")), {100.0})
        # one decision of the district recognised them all, on its day
        decision = period.decision_ids
        self.assertEqual(len(decision), 1)
        tag = "2023" if period == self.history else "last_year"
        self.assertEqual(decision, self.env.ref(DEMO + f"decision_{tag}"))
        self.assertEqual(decision.state, "issued")
        self.assertEqual(decision.date_issued, decision_day)
        self.assertEqual(decision.number_text, "01/QĐ-UBND")
        self.assertEqual(decision.issued_by, self.thamdinh)
        self.assertEqual(decision.line_ids.assessment_id, assessments)
        self.assertEqual(set(assessments.mapped("decision_id")), {decision})
        self.assertEqual(set(assessments.mapped("decision_number")), {"01/QĐ-UBND"})
        self.assertEqual(set(assessments.mapped("decision_date")), {decision_day})
        # the workflow's dates are that winter's, a few units sent late
        late = assessments.filtered("is_late")
        self.assertTrue(0 < len(late) < 26)
        deadline = period.date_deadline_self
        self.assertTrue(all(a.submitted_date > deadline for a in late))
        self.assertTrue(
            all(
                date(period.year, 12, 1) <= a.submitted_date < a.decision_date
                for a in assessments
            )
        )
        self.assertEqual(
            assessments.mapped("submitted_by"),
            self.env.ref("base.user_admin") | self.donvi,
        )
        self.assertEqual(set(assessments.mapped("reviewer_id")), {self.thamdinh})
        return assessments

    def test_2023_under_points_recognised_across_four_ranks(self):
        self.assertEqual(self.history.year, 2023)
        self.assertEqual(self.history.template_id, self.template)
        assessments = self.assert_closed_and_decided(self.history, date(2024, 3, 20))
        self.assertEqual(set(assessments.mapped("self_rank")), RANKS)
        self.assertEqual(set(assessments.mapped("review_rank")), RANKS)
        self.assertTrue(any(assessments.mapped("review_difference")))
        self.assertTrue(all(0 <= a.review_total <= 100 for a in assessments))
        # a title is held by every unit but those of rank "fail"
        titled = assessments.filtered(lambda a: a.review_rank != "fail")
        self.assertEqual(assessments.recognition_id.assessment_id, titled)

    def test_last_year_under_levels_level_2_waits_a_year(self):
        self.assertEqual(self.last.year, self.current.year - 1)
        self.assertEqual(
            self.last.template_id, self.env.ref("learning_unit.template_tt24_district")
        )
        assessments = self.assert_closed_and_decided(
            self.last, date(self.current.year, 2, 10)
        )
        self.assertFalse(any(assessments.mapped("self_rank")))
        levels = Counter(assessments.mapped("review_level"))
        self.assertTrue(levels["level_2"] and levels["level_1"] and levels["none"])
        # the reviewers lowered some indicators, with a note
        lowered = assessments.line_ids.filtered(
            lambda line: line.review_level and line.review_level != line.self_level
        )
        self.assertTrue(lowered and all(lowered.mapped("review_note")))
        # level 2 only a year after a level 1 decision: the first year under
        # Thông tư 24, every unit holds level 1 at most
        held = assessments.filtered(lambda a: a.review_level != "none")
        self.assertEqual(set(held.mapped("recognised_level")), {"level_1"})
        self.assertFalse(
            (assessments - held).recognition_id,
            "a unit that meets no level holds no title",
        )
        at_2 = held.filtered(lambda a: a.review_level == "level_2")
        self.assertTrue(at_2)
        for assessment in at_2:
            note = assessment.message_ids.filtered(
                lambda m: "Chưa được công nhận mức độ 2" in (m.body or "")
            )
            self.assertIn("Mức độ 1", note.body)
        self.assertEqual(
            set(held.recognition_id.mapped("valid_until")),
            {date(self.current.year + 3, 12, 31)},
        )

    # -- this year ------------------------------------------------------------
    def test_open_period_units_in_every_state(self):
        self.assertEqual(self.current.state, "open")
        self.assertEqual(self.current.year, fields.Date.today().year)
        self.assertEqual(self.current.scheme, "levels")
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
        self.assertTrue(any(not a.member_ids for a in drafts))
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
        self.assertTrue(
            submitted.message_ids.tracking_value_ids.filtered(
                lambda t: t.field_id.name == "state"
            )
        )
        # the early units are recognised by this year's first decision, at
        # level 1: last year's level 1 decision is less than a year old
        recognised = assessments.filtered(lambda a: a.state == "recognised")
        decision = recognised.decision_id
        self.assertEqual(len(decision), 1)
        self.assertEqual(decision.number_text, "02/QĐ-UBND")
        self.assertEqual(set(recognised.mapped("recognised_level")), {"level_1"})
        self.assertTrue(any(a.review_level == "level_2" for a in recognised))

    def test_generating_twice_changes_nothing(self):
        count = self.Assessment.search_count([])
        self.assertFalse(generate_district(self.env))
        self.assertEqual(self.Assessment.search_count([]), count)

    # -- the demo users -----------------------------------------------------
    def test_the_head_of_the_school_logs_in_as_thutruong(self):
        """The head of donvi's and thanhvien's school (its manager in HR) has the
        demo login thutruong: a member who approves her members' documents."""
        head = self.env.ref(DEMO + "user_thutruong")
        self.assertEqual(head.login, "thutruong")
        head.with_user(head)._check_credentials(
            {"type": "password", "password": "thutruong"}, {"interactive": True}
        )
        self.assertEqual((head.lang, head.tz), ("vi_VN", "Asia/Ho_Chi_Minh"))
        self.assertEqual(self.school.manager_id.user_id, head)
        self.assertEqual(self.env.ref(DEMO + "employee_thutruong"), head.employee_ids)
        self.assertTrue(head.has_group("learning_unit.group_member"))
        self.assertFalse(head.has_group("learning_unit.group_unit_officer"))
        draft = self.env.ref(DEMO + "assessment_thcs_nt_current")
        self.assertTrue(draft.with_user(head).lu_can_approve)
        # an existing demo database gets it once, on update
        self.assertFalse(self.env["res.users"]._lu_demo_ensure_head())
        self.assertEqual(
            self.env["res.users"].search_count([("login", "=", "thutruong")]), 1
        )

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

        periods = self.history | self.last | self.current
        demo_periods = [("period_id", "in", periods.ids)]
        mine = self.Assessment.with_user(self.donvi).search(demo_periods)
        self.assertEqual(mine.department_id, self.school)
        self.assertEqual(len(mine), 3)
        member = self.Assessment.with_user(self.thanhvien).search(demo_periods)
        self.assertEqual(member.department_id, self.school)
        reviewed = self.Assessment.with_user(self.thamdinh).search(demo_periods)
        self.assertEqual(reviewed, self.Assessment.search(demo_periods))
        # the officer's assessment of this year waits for them, in draft
        draft = mine.filtered(lambda a: a.period_id == self.current)
        self.assertEqual(draft, self.env.ref(DEMO + "assessment_thcs_nt_current"))
        self.assertEqual(draft.state, "draft")
        self.assertEqual(draft.user_id, self.donvi)
        # a member reads their own evidence but never records it
        own = draft.member_ids.filtered(lambda m: m.user_id == self.thanhvien)
        self.assertFalse(own.with_user(self.thanhvien).cdht_achieved)
        with self.assertRaises(AccessError):
            own.with_user(self.thanhvien).cdht_achieved = True
        self.assertFalse(own.cdht_achieved)

    # -- the round trip -----------------------------------------------------
    def officer_prepares_and_submits(self):
        draft = self.env.ref(DEMO + "assessment_thcs_nt_current")
        assessment = draft.with_user(self.donvi)
        self.assertEqual(assessment.self_level, "level_2")
        before = assessment.member_count
        assessment.action_load_members()
        # two teachers joined the school after the members were loaded: 33 of
        # 35 is under 95 % for 2.1 and 2.2, 32 of 35 for 3.1
        self.assertEqual(assessment.member_count, before + 2)
        self.assertEqual(assessment.self_level, "level_1")
        for code in ("2.1", "2.2", "3.1"):
            self.assertIn(code, assessment.result_note)
        newcomers = assessment.member_ids.filtered(
            lambda m: not any(m[name] for name in TT24_EVIDENCE)
        )
        self.assertEqual(len(newcomers), 2)
        newcomers.write(dict.fromkeys(TT24_EVIDENCE, True))
        self.assertEqual(assessment.self_level, "level_2")  # 34 of 35 for 3.1
        self.assertEqual(assessment.members_missing_evidence_count, 1)
        self.assertTrue(assessment.dossier_missing)
        items = (
            self.env["learning.unit.dossier.item"]
            .with_user(self.donvi)
            .search(
                [
                    ("assessment_id", "=", assessment.id),
                    ("mandatory", "=", True),
                    ("is_provided", "=", False),
                ]
            )
        )
        self.assertEqual(items.document_type_id.code, "tt24_self_report")
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
            self.line(review, "1.1").achieved = False
        self.line(review, "3.3").write(
            {"review_level": "level_2", "review_note": "Có biên bản chia sẻ."}
        )
        review.action_confirm_review_scores()
        review.action_mark_reviewed()
        self.assertEqual(review.state, "reviewed")
        self.assertEqual(review.review_level, "level_2")
        action = self.current.with_user(self.thamdinh).action_new_decision()
        decision = self.env["learning.unit.decision"].browse(action["res_id"])
        self.assertIn(assessment, decision.line_ids.assessment_id)
        decision.with_user(self.thamdinh).action_issue()
        self.assertEqual(review.state, "recognised")
        self.assertEqual(review.decision_id, decision)
        # level 2 waits a year after last year's level 1 decision
        self.assertEqual(review.recognised_level, "level_1")
        with self.assertRaises(UserError):
            assessment.with_user(self.donvi).self_note = "too late"

    def test_round_trip_return_with_reason(self):
        assessment = self.officer_prepares_and_submits()
        reason = "Thiếu minh chứng chia sẻ tri thức (chỉ tiêu 3.3)."
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
        self.line(mine, "3.3").achieved = True
        own = mine.member_ids.filtered(lambda m: m.user_id == self.thanhvien)
        own.cdht_achieved = True
        self.assertEqual(mine.members_missing_evidence_count, 0)
        mine.action_submit()
        self.assertEqual(mine.state, "submitted")
        self.assertEqual(mine.return_reason, reason)
