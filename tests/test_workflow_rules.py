"""What the record rules hold for the workflows, and how a refusal reads.

The kind of team each role sets up, and the records nobody changes once
signed, issued, recognised or sent (the minutes, a report upward, the units of
an issued decision, a recognition of the workflow, the dossier and the Phụ lục
1 of a unit under review) are said by the rules (security/*.xml), the
administrator included; the lock mixin words the refusal of a record the user
reads ("can no longer be changed").
"""

from odoo.exceptions import AccessError, UserError, ValidationError

from .common import LearningUnitCase

OFFICER = "learning_unit.group_unit_officer"
REVIEWER = "learning_unit.group_district_reviewer"
ADMIN = "learning_unit.group_admin"
LOCKED = "can no longer be changed"


class TestRulesHoldTheWorkflow(LearningUnitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district = cls.make_unit("Huyện Thủ Thừa", 0)
        cls.unit = cls.make_unit("Trường Tiểu học Tân Trụ", 3, parent=cls.district)
        cls.officer = cls.make_user("wr_officer", OFFICER, department=cls.unit)
        cls.reviewer = cls.make_user("wr_reviewer", REVIEWER, review=cls.district)
        cls.admin = cls.make_user("wr_admin", ADMIN)
        cls.body = cls.make_body("Thủ Thừa", cls.district)
        cls.period.body_id = cls.body
        # the unit's year, played by the system: sent, reviewed, inspected,
        # recognised by an issued decision and reported upward
        cls.assessment = cls.make_assessment(cls.unit)
        cls.report = cls.env["learning.unit.promotion.report"].create(
            {"assessment_id": cls.assessment.id}
        )
        cls.make_full_score(cls.assessment)
        cls.provide_dossier(cls.assessment)
        cls.assessment.action_submit()
        cls.assessment.action_start_review()
        cls.assessment.action_confirm_review_scores()
        cls.assessment.action_mark_reviewed()
        cls.team = cls.env["learning.unit.team"].create(
            {
                "name": "Đoàn kiểm tra",
                "period_id": cls.period.id,
                "department_id": cls.district.id,
                "assessment_ids": [(6, 0, cls.assessment.ids)],
            }
        )
        cls.minutes = cls.env["learning.unit.minutes"].create(
            {"team_id": cls.team.id, "assessment_id": cls.assessment.id}
        )
        cls.minutes.action_sign()
        cls.decision = cls.env["learning.unit.decision"].create(
            {
                "period_id": cls.period.id,
                "body_id": cls.body.id,
                "line_ids": [(0, 0, {"assessment_id": cls.assessment.id})],
            }
        )
        cls.decision.action_issue()
        cls.upward = cls.env["learning.unit.upward.report"].create(
            {"period_id": cls.period.id, "body_id": cls.body.id}
        )
        cls.upward.action_issue()

    def assertLocked(self, record, vals):
        with self.assertRaises(UserError) as error:
            record.write(vals)
        self.assertIn(LOCKED, str(error.exception))

    def test_the_year_played_through(self):
        self.assertEqual(self.assessment.state, "recognised")
        self.assertEqual(self.minutes.state, "signed")
        self.assertEqual(self.decision.state, "issued")
        self.assertEqual(self.upward.state, "issued")
        self.assertTrue(self.assessment.recognition_id)

    def test_each_role_sets_up_its_kind_of_team(self):
        Team = self.env["learning.unit.team"]
        values = {"name": "Tổ", "period_id": self.period.id}
        inspection = dict(values, kind="inspection", department_id=self.district.id)
        unit_team = dict(values, kind="unit", department_id=self.unit.id)
        with self.assertRaises(AccessError):
            Team.with_user(self.officer).create(inspection)
        with self.assertRaises(AccessError):
            Team.with_user(self.reviewer).create(unit_team)
        own = Team.with_user(self.officer).create(unit_team)
        Team.with_user(self.reviewer).create(inspection)
        Team.with_user(self.admin).create([inspection, unit_team])
        # the reviewer reads the unit's team, the officer the team inspecting
        # the unit: neither changes the other's
        with self.assertRaises(AccessError):
            own.with_user(self.reviewer).write({"name": "Khác"})
        with self.assertRaises(AccessError):
            self.team.with_user(self.officer).write({"name": "Khác"})
        with self.assertRaises(AccessError):
            own.member_ids.with_user(self.reviewer).create(
                {"team_id": own.id, "name": "Người ngoài"}
            )
        # nobody, the administrator included, lists units on a unit's team
        with self.assertRaises(ValidationError):
            own.with_user(self.admin).write(
                {"assessment_ids": [(6, 0, self.assessment.ids)]}
            )

    def test_signed_minutes_and_issued_report_are_locked_for_everyone(self):
        for user in (self.reviewer, self.admin):
            self.assertLocked(self.minutes.with_user(user), {"findings": "sửa"})
            self.assertLocked(self.upward.with_user(user), {"summary": "sửa"})
            self.assertLocked(self.decision.line_ids.with_user(user), {"note": "sửa"})

    def test_a_recognition_of_the_workflow_is_the_systems(self):
        recognition = self.assessment.recognition_id.with_user(self.admin)
        self.assertLocked(recognition, {"note": "sửa"})
        history = (
            self.env["learning.unit.recognition"]
            .with_user(self.admin)
            .create(
                {
                    "department_id": self.unit.id,
                    "year": 2038,
                    "scheme": "points",
                    "rank": "good",
                    "decision_number": "12/QĐ-UBND",
                    "decision_date": "2038-12-20",
                }
            )
        )
        history.write({"note": "Nhập từ hồ sơ giấy"})
        self.assertEqual(history.note, "Nhập từ hồ sơ giấy")

    def test_the_units_papers_are_locked_once_sent(self):
        item = self.assessment.dossier_item_ids[:1]
        for user in (self.officer, self.admin):
            self.assertLocked(item.with_user(user), {"paper_copy": False})
            self.assertLocked(self.report.with_user(user), {"staff_count": 1})

    def test_a_decision_is_revoked_by_an_issued_revocation_only(self):
        """The context naming the revoking decision is the caller's to send: a
        draft revocation does not revoke, however it is named."""
        revocation = self.env["learning.unit.decision"].browse(
            self.decision.with_user(self.reviewer).action_new_revocation()["res_id"]
        )
        forged = self.decision.with_user(self.reviewer).with_context(
            learning_unit_revoked_by=revocation.id
        )
        with self.assertRaises(AccessError):
            forged.write({"state": "revoked"})
        self.assertEqual(self.decision.state, "issued")
        self.assertEqual(self.assessment.recognition_id.state, "valid")
