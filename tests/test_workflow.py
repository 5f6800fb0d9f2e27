"""The review workflow: draft -> submitted -> in_review -> reviewed -> recognised,
and back to the unit with a reason; every transition and its refusal."""

from datetime import date, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import LearningUnitCase

OFFICER = "learning_unit.group_unit_officer"
REVIEWER = "learning_unit.group_district_reviewer"
ADMIN = "learning_unit.group_admin"


class WorkflowFixture(LearningUnitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district = cls.make_unit("Huyện Thủ Thừa", 0)
        cls.unit = cls.make_unit("Trường THCS Thủ Thừa", 9, parent=cls.district)
        cls.officer = cls.make_user("wf_officer", OFFICER, department=cls.unit)
        cls.reviewer = cls.make_user("wf_reviewer", REVIEWER, review=cls.district)
        cls.admin = cls.make_user("wf_admin", ADMIN)
        cls.assessment = cls.make_assessment(cls.unit)
        cls.make_full_score(cls.assessment)
        cls.as_officer = cls.assessment.with_user(cls.officer)
        cls.as_reviewer = cls.assessment.with_user(cls.reviewer)

    def submit(self):
        self.provide_dossier(self.assessment)
        self.as_officer.action_submit()

    def review(self):
        self.submit()
        self.as_reviewer.action_start_review()


class TestSubmission(WorkflowFixture):
    def test_submit_locks_and_records_who_and_when(self):
        self.submit()
        a = self.assessment
        self.assertEqual(a.state, "submitted")
        self.assertEqual(a.submitted_by, self.officer)
        self.assertTrue(a.submitted_on)
        self.assertEqual(a.submitted_date, fields.Date.context_today(a))
        self.assertFalse(a.is_late)
        with self.assertRaises(UserError):
            self.as_officer.write({"self_note": "thay đổi"})
        with self.assertRaises(UserError):
            self.line(a, "1a").with_user(self.officer).write({"achieved": False})
        with self.assertRaises(UserError):
            a.member_ids[0].with_user(self.officer).write({"plan_approved": False})
        with self.assertRaises(UserError):
            a.member_ids[0].with_user(self.officer).unlink()
        with self.assertRaises(UserError):
            a.with_user(self.officer).action_load_members()
        self.assertEqual(a.self_total, 100)

    def test_late_submission_is_marked(self):
        self.period.date_deadline_self = date.today() - timedelta(days=1)
        self.submit()
        self.assertTrue(self.assessment.is_late)

    def test_submit_refused_without_members(self):
        empty = self.make_assessment(self.make_unit("Tổ trống", 0, parent=self.unit))
        self.provide_dossier(empty)
        with self.assertRaises(ValidationError) as error:
            empty.with_user(self.officer).action_submit()
        self.assertIn("no members", str(error.exception))
        self.assertEqual(empty.state, "draft")

    def test_submit_refused_while_dossier_incomplete(self):
        items = self.env["learning.unit.dossier.item"].search(
            [("assessment_id", "=", self.assessment.id)]
        )
        self.assertEqual(len(items), 3 + 3 * 10)  # 3 unit documents, 3 per member
        self.assertEqual(self.assessment.dossier_completeness, 0)
        items.write({"paper_copy": True})
        plan = items.filtered(lambda i: i.document_type_id.code == "self_study_plan")
        plan[:2].paper_copy = False
        founding = items.filtered(
            lambda i: i.document_type_id.code == "founding_decision"
        )
        founding.paper_copy = False
        self.assertAlmostEqual(self.assessment.dossier_completeness, 100 * 30 / 33, 6)
        with self.assertRaises(ValidationError) as error:
            self.as_officer.action_submit()
        message = str(error.exception)
        self.assertIn("Quyết định thành lập Ban Khuyến học", message)
        self.assertIn("2 of 10 members", message)
        self.assertEqual(self.assessment.state, "draft")
        # an attachment provides a document as well as the paper copy
        attachment = self.env["ir.attachment"].create(
            {"name": "qd.pdf", "raw": b"%PDF"}
        )
        founding.attachment_ids = [(6, 0, attachment.ids)]
        plan[:2].paper_copy = True
        self.assertEqual(self.assessment.dossier_completeness, 100)
        self.as_officer.action_submit()
        self.assertEqual(self.assessment.state, "submitted")

    def test_only_the_unit_submits(self):
        self.provide_dossier(self.assessment)
        with self.assertRaises(AccessError):
            self.as_reviewer.action_submit()
        self.assertEqual(self.assessment.state, "draft")

    def test_cannot_submit_twice(self):
        self.submit()
        with self.assertRaises(UserError):
            self.as_officer.action_submit()

    def test_closed_period_refuses_submission_and_new_assessments(self):
        self.period.action_close()
        self.provide_dossier(self.assessment)
        with self.assertRaises(UserError):
            self.as_officer.action_submit()
        with self.assertRaises(UserError):
            self.env["learning.unit.assessment"].with_user(self.officer).create(
                {
                    "period_id": self.period.id,
                    "department_id": self.make_unit("Mới", 1, parent=self.unit).id,
                }
            )

    def test_crafted_workflow_writes_are_refused(self):
        for vals in (
            {"state": "recognised"},
            {"submitted_on": fields.Datetime.now()},
            {"return_reason": "x"},
        ):
            with self.assertRaises(AccessError):
                self.assessment.with_user(self.admin).write(vals)
        with self.assertRaises(AccessError):
            self.env["learning.unit.assessment"].with_user(self.admin).create(
                {
                    "period_id": self.period.id,
                    "department_id": self.make_unit("Khác", 1).id,
                    "state": "recognised",
                }
            )
        self.assertEqual(self.assessment.state, "draft")

    def test_reviewer_is_told_when_a_unit_submits(self):
        self.submit()
        activity = self.assessment.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("learning_unit.mail_activity_type_review")
        )
        self.assertEqual(activity.user_id, self.reviewer)

    def test_officer_is_reminded_before_the_deadline(self):
        self.assessment.user_id = self.officer
        self.period.date_deadline_self = date.today() + timedelta(days=7)
        other_period = self.make_period(2048)
        far = self.make_assessment(
            self.make_unit("Xa", 1, parent=self.unit), period=other_period
        )
        far.user_id = self.officer
        self.env["learning.unit.period"]._cron_remind_deadline()
        self.env["learning.unit.period"]._cron_remind_deadline()  # not twice
        submit_type = self.env.ref("learning_unit.mail_activity_type_submit")
        reminders = self.assessment.activity_ids.filtered(
            lambda a: a.activity_type_id == submit_type
        )
        self.assertEqual(len(reminders), 1)
        self.assertEqual(reminders.user_id, self.officer)
        self.assertEqual(reminders.date_deadline, self.period.date_deadline_self)
        self.assertFalse(far.activity_ids)
        # submitting closes the reminder
        self.submit()
        self.assertFalse(
            self.assessment.activity_ids.filtered(
                lambda a: a.activity_type_id == submit_type
            )
        )


class TestReview(WorkflowFixture):
    def test_start_review_prefills_unconfirmed_scores(self):
        self.review()
        a = self.assessment
        self.assertEqual(a.state, "in_review")
        self.assertEqual(a.reviewer_id, self.reviewer)
        self.assertEqual(
            a.line_ids.mapped("review_score"), a.line_ids.mapped("self_score")
        )
        self.assertFalse(any(a.line_ids.mapped("review_set")))
        self.assertFalse(a.review_rank)

    def test_only_the_reviewing_level_reviews(self):
        self.submit()
        with self.assertRaises(AccessError):
            self.as_officer.action_start_review()
        self.as_reviewer.action_start_review()
        with self.assertRaises(AccessError):
            self.line(self.assessment, "1a").with_user(self.officer).write(
                {"review_score": 0}
            )
        with self.assertRaises(AccessError):
            self.as_officer.action_mark_reviewed()
        with self.assertRaises(AccessError):
            self.as_reviewer.write({"self_note": "reviewer edits the unit's text"})

    def test_review_score_bounds(self):
        self.review()
        line = self.line(self.assessment, "2b")  # max 5
        for bad in (-0.5, 5.5):
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                line.with_user(self.reviewer).write({"review_score": bad})
                self.env.flush_all()
        line.with_user(self.reviewer).write({"review_score": 5})
        line.with_user(self.reviewer).write({"review_score": 0})
        self.assertEqual(line.review_score, 0)
        self.assertTrue(line.review_set)

    def test_review_scores_only_while_in_review(self):
        self.submit()
        with self.assertRaises(UserError):
            self.line(self.assessment, "1a").with_user(self.reviewer).write(
                {"review_score": 1}
            )

    def test_finish_review_needs_every_score(self):
        self.review()
        lines = self.assessment.line_ids.with_user(self.reviewer)
        lines.filtered(lambda rec: rec.criterion_code == "3b").write(
            {"review_score": 0}
        )
        with self.assertRaises(ValidationError) as error:
            self.as_reviewer.action_mark_reviewed()
        self.assertIn("1a", str(error.exception))
        self.assertNotIn("3b", str(error.exception))
        self.as_reviewer.action_confirm_review_scores()
        self.assertTrue(self.assessment.review_complete)
        self.as_reviewer.action_mark_reviewed()
        a = self.assessment
        self.assertEqual(a.state, "reviewed")
        self.assertEqual(a.reviewed_by, self.reviewer)
        self.assertEqual(a.review_total, 90)
        self.assertEqual(a.review_rank, "good")
        self.assertEqual(a.review_difference, -10)
        self.assertEqual(a.self_total, 100)

    def test_recognise_needs_a_decision(self):
        self.review()
        self.as_reviewer.action_confirm_review_scores()
        self.as_reviewer.action_mark_reviewed()
        with self.assertRaises(ValidationError):
            self.as_reviewer.action_recognise()
        with self.assertRaises(AccessError):
            self.as_officer.write({"decision_number": "12/QĐ-UBND"})
        self.as_reviewer.write(
            {"decision_number": "12/QĐ-UBND", "decision_date": date(2021, 3, 15)}
        )
        with self.assertRaises(AccessError):
            self.as_officer.action_recognise()
        self.as_reviewer.action_recognise()
        self.assertEqual(self.assessment.state, "recognised")
        self.assertTrue(self.assessment.recognised_on)
        with self.assertRaises(UserError):
            self.as_reviewer.write({"decision_number": "13/QĐ-UBND"})
        with self.assertRaises(UserError):
            self.as_reviewer.action_recognise()

    def test_recognition_of_every_rank(self):
        """The decision records the rank, whatever it is, Chưa đạt included."""
        self.line(self.assessment, "1a").achieved = False
        self.review()
        lines = self.assessment.line_ids.with_user(self.reviewer)
        lines.write({"review_score": 0})
        self.as_reviewer.action_mark_reviewed()
        self.assertEqual(self.assessment.review_rank, "fail")
        self.as_reviewer.write(
            {"decision_number": "1/QĐ", "decision_date": date(2021, 3, 1)}
        )
        self.as_reviewer.action_recognise()
        self.assertEqual(self.assessment.state, "recognised")


class TestReturn(WorkflowFixture):
    def test_return_with_reason_and_resubmit(self):
        self.review()
        self.line(self.assessment, "1a").with_user(self.reviewer).write(
            {"review_score": 0}
        )
        action = self.as_reviewer.action_return()
        self.assertEqual(action["res_model"], "learning.unit.return.wizard")
        wizard = (
            self.env["learning.unit.return.wizard"]
            .with_user(self.reviewer)
            .with_context(action["context"])
            .create({"reason": "Thiếu kế hoạch tự học của 2 thành viên"})
        )
        wizard.action_confirm()
        a = self.assessment
        self.assertEqual(a.state, "returned")
        self.assertEqual(a.return_reason, "Thiếu kế hoạch tự học của 2 thành viên")
        self.assertEqual(a.returned_by, self.reviewer)
        self.assertEqual(a.return_count, 1)
        self.assertFalse(any(a.line_ids.mapped("review_set")))
        # the unit corrects and submits again; the reason stays on record
        self.as_officer.write({"self_note": "Đã bổ sung"})
        self.line(a, "3c").with_user(self.officer).write({"count_value": 4})
        self.as_officer.action_submit()
        self.assertEqual(a.state, "submitted")
        self.assertEqual(a.return_reason, "Thiếu kế hoạch tự học của 2 thành viên")
        self.assertEqual(a.self_total, 99)
        # a returned, resubmitted assessment is not deleted by the unit
        self.env["learning.unit.assessment"].flush_model()

    def test_return_needs_a_reason_and_a_reviewer(self):
        self.submit()
        with self.assertRaises(ValidationError):
            self.as_reviewer._return_to_unit("   ")
        with self.assertRaises(AccessError):
            self.as_officer.action_return()
        with self.assertRaises(AccessError):
            self.as_officer._return_to_unit("tự trả về")
        self.assertEqual(self.assessment.state, "submitted")

    def test_cannot_return_a_draft_or_recognised_assessment(self):
        with self.assertRaises(UserError):
            self.as_reviewer._return_to_unit("chưa nộp")

    def test_returned_assessment_cannot_be_deleted_by_the_unit(self):
        self.submit()
        self.as_reviewer._return_to_unit("Bổ sung hồ sơ")
        with self.assertRaises(UserError):
            self.as_officer.unlink()


class TestAuditTrail(WorkflowFixture):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.assessment = cls.assessment.with_env(cls.env)
        cls.as_officer = cls.assessment.with_user(cls.officer)
        cls.as_reviewer = cls.assessment.with_user(cls.reviewer)

    def setUp(self):
        super().setUp()
        # the assessment was created in an earlier request: Odoo does not track
        # changes of records created in the current transaction
        self.env.flush_all()
        self.env.cr.precommit.clear()

    def _bodies(self):
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking is written when the transaction commits
        return " | ".join(self.assessment.message_ids.mapped("body"))

    def test_line_score_changes_are_posted(self):
        self.line(self.assessment, "3c").with_user(self.officer).write(
            {"count_value": 2}
        )
        self.assertIn("3c", self._bodies())
        self.assertIn("5.0 → 2.0", self._bodies())
        self.assessment.member_ids[:1].with_user(self.officer).write(
            {"training_done": False}
        )
        self.assertIn("2c", self._bodies())

    def test_state_totals_and_review_scores_are_tracked(self):
        self.review()
        self.line(self.assessment, "1b").with_user(self.reviewer).write(
            {"review_score": 5}
        )
        self.as_reviewer.action_confirm_review_scores()
        self.as_reviewer.action_mark_reviewed()
        self.env.flush_all()
        self.env.cr.precommit.run()
        tracked = self.assessment.message_ids.tracking_value_ids
        fields_tracked = set(tracked.field_id.mapped("name"))
        self.assertTrue(
            {"state", "review_total", "review_rank"} <= fields_tracked, fields_tracked
        )
        self.assertIn("1b review score", self._bodies())
        # messages are signed by who did it
        self.assertIn(self.reviewer.partner_id, self.assessment.message_ids.author_id)
