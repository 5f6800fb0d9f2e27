"""Phụ lục 1, the unit's study promotion report: figures, lock and access."""

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import mute_logger

from .common import LearningUnitCase
from .report_helpers import OFFICER, ReportFixture

Report = "learning.unit.promotion.report"


class PromotionCase(ReportFixture, LearningUnitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.officer_b = cls.make_user("rp_officer_b", OFFICER, department=cls.unit_b)
        cls.report = (
            cls.env[Report]
            .with_user(cls.officer)
            .create(
                {
                    "assessment_id": cls.assessment.id,
                    "association_member_count_last_year": 38,
                    "association_member_count": 35,
                    "fee_payer_count": 30,
                    "party_member_count": 12,
                    "party_association_member_count": 10,
                    "income_total": 4000000,
                    "spending_total": 4500000,
                    "line_ids": [
                        (0, 0, {"kind": "scholarship", "donor": "A", "quantity": 3,
                                "amount": 1500000}),
                        (0, 0, {"kind": "scholarship", "donor": "B", "quantity": 2,
                                "amount": 1000000}),
                        (0, 0, {"kind": "gift", "donor": "C", "quantity": 20,
                                "amount": 2000000}),
                        (0, 0, {"kind": "other", "donor": "D", "quantity": 1,
                                "amount": 300000}),
                    ],
                }
            )
        )  # fmt: skip


class TestFigures(PromotionCase):
    def test_computed_figures(self):
        report = self.report
        self.assertEqual(report.currency_id, self.env.ref("base.VND"))
        self.assertEqual(report.fee_per_member, 12000)
        self.assertEqual(report.fee_total, 360000)
        self.assertEqual(report.association_member_change, -3)
        self.assertEqual(
            (report.scholarship_count, report.scholarship_amount), (5, 2500000)
        )
        self.assertEqual((report.gift_count, report.gift_amount), (20, 2000000))
        self.assertEqual(report.balance, -500000)
        self.assertEqual(report.name, self.assessment.name)
        self.assertEqual(report.company_id, self.assessment.company_id)
        report.with_user(self.officer).fee_per_member = 15000
        self.assertEqual(report.fee_total, 450000)

    def test_figures_are_checked(self):
        for vals in (
            {"staff_count": -1},
            {"income_total": -5},
            {"fee_payer_count": 36},  # more than the 35 members
            {"party_association_member_count": 13},  # more than the party members
        ):
            with self.assertRaises(ValidationError):
                self.report.with_user(self.officer).write(vals)
        with self.assertRaises(ValidationError):
            self.report.line_ids[0].with_user(self.officer).amount = -1

    @mute_logger("odoo.sql_db")
    def test_one_report_per_assessment(self):
        with self.assertRaises(IntegrityError):
            self.env[Report].create({"assessment_id": self.assessment.id})

    def test_opened_from_the_assessment(self):
        action = self.assessment2.with_user(self.reviewer)
        with self.assertRaises(UserError):
            action.action_open_promotion_report()  # none yet, cannot write one
        officer2 = self.make_user("rp_officer2", OFFICER, department=self.unit2)
        action = self.assessment2.with_user(officer2).action_open_promotion_report()
        self.assertEqual(action["res_model"], Report)
        self.assertNotIn("res_id", action)
        self.assertEqual(
            action["context"]["default_assessment_id"], self.assessment2.id
        )
        # the staff count follows the members (4), reloaded or not
        report2 = (
            self.env[Report]
            .with_user(officer2)
            .with_context(action["context"])
            .create({})
        )
        self.assertEqual(report2.staff_count, 4)
        action = self.assessment.with_user(self.reviewer).action_open_promotion_report()
        self.assertEqual(action["res_id"], self.report.id)
        self.assertEqual(self.assessment.promotion_report_count, 1)
        # next year, last year's association members are taken over
        period_2041 = self.make_period(2041)
        next_year = self.make_assessment(self.unit, period=period_2041, load=False)
        action = next_year.with_user(self.officer).action_open_promotion_report()
        self.assertEqual(
            action["context"]["default_association_member_count_last_year"], 35
        )


class TestLockAndAccess(PromotionCase):
    def test_locked_with_the_assessment(self):
        self.provide_dossier(self.assessment)
        self.assessment.action_submit()
        report = self.report.with_user(self.officer)
        with self.assertRaises(UserError):
            report.staff_count = 50
        with self.assertRaises(UserError):
            report.line_ids[0].amount = 1
        with self.assertRaises(UserError):
            report.write({"line_ids": [(0, 0, {"donor": "E", "amount": 1})]})
        with self.assertRaises(UserError):
            report.unlink()
        self.assertEqual(self.report.staff_count, self.assessment.member_count)
        self.assertEqual(len(self.report.line_ids), 4)

    def test_who_reads_and_who_writes(self):
        # the reviewing level and the unit's members read it, never write it
        for user in (self.reviewer, self.member_user):
            report = self.report.with_user(user)
            self.assertEqual(report.fee_total, 360000)
            self.assertEqual(len(report.line_ids), 4)
            with self.assertRaises(AccessError):
                report.staff_count = 1
            with self.assertRaises(AccessError):
                report.line_ids[0].amount = 1
        # other districts and units do not even see it
        for user in (self.reviewer_b, self.officer_b):
            with self.assertRaises(AccessError):
                self.report.with_user(user).fee_total  # noqa: B018
            self.assertFalse(self.env[Report].with_user(user).search([]))
        with self.assertRaises(AccessError):
            self.env[Report].with_user(self.officer_b).create(
                {"assessment_id": self.assessment.id}
            )
        # the unit officer writes and deletes it while the unit prepares
        self.report.with_user(self.officer).staff_count = 12
        self.assertEqual(self.report.staff_count, 12)
        self.report.line_ids[:1].with_user(self.officer).unlink()
        self.assertEqual(len(self.report.line_ids), 3)
        self.report.with_user(self.officer).unlink()
        self.assertFalse(self.report.exists())

    def test_report_cannot_move_to_another_assessment(self):
        with self.assertRaises(AccessError):
            self.report.with_user(self.officer).assessment_id = self.assessment2
