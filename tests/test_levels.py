"""Thông tư 24/2023: indicators met or not, "mức độ 1" or "mức độ 2" (issue 10).

Members' shares meet a level when met × 100 ≥ threshold × members, in
integers; an indicator required from level 2 only does not stop level 1; the
assessment reaches the highest level every indicator required at it meets.
A recognition stays valid until 31/12 of its decision year + 3, and level 2
only follows a level 1 decision of at least a year before.
"""

from datetime import date

from odoo.tests import Form, freeze_time

from .common import LearningUnitCase

OFFICER = "learning_unit.group_unit_officer"
REVIEWER = "learning_unit.group_district_reviewer"
UNIT_INDICATORS = ("1.1", "1.2", "1.3", "1.4", "1.5", "3.2", "3.3")
SHARES = {"2.1": "discipline_ok", "2.2": "training_done", "3.1": "cdht_achieved"}


class LevelsCase(LearningUnitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tt24 = cls.env.ref("learning_unit.template_tt24_district")
        cls.period24 = cls.env["learning.unit.period"].create({"year": 2045})
        cls.district = cls.make_unit("Xã Mức Độ", 0)
        cls.unit = cls.make_unit("Trường Mức Độ", 39, parent=cls.district)
        # the officer is the 40th member
        cls.officer = cls.make_user("lv_officer", OFFICER, department=cls.unit)
        cls.reviewer = cls.make_user("lv_reviewer", REVIEWER, review=cls.district)
        cls.assessment = cls.make_assessment(cls.unit, period=cls.period24)

    def meet(self, assessment, shares=40, higher_title=True):
        """Every unit indicator met; ``shares`` members meeting 2.1, 2.2 and 3.1."""
        for code in UNIT_INDICATORS:
            self.line(assessment, code).achieved = True
        self.line(assessment, "3.4").achieved = higher_title
        members = assessment.member_ids.sorted("id")
        members.write(dict.fromkeys(SHARES.values(), False))
        members[:shares].write(dict.fromkeys(SHARES.values(), True))

    def recognise(self, assessment, decision_date, number):
        self.provide_dossier(assessment)
        assessment.with_user(self.officer).action_submit()
        as_reviewer = assessment.with_user(self.reviewer)
        as_reviewer.action_start_review()
        as_reviewer.action_confirm_review_scores()
        as_reviewer.action_mark_reviewed()
        as_reviewer.write({"decision_number": number, "decision_date": decision_date})
        as_reviewer.action_recognise()


class TestRuleSetByYear(LevelsCase):
    def test_the_year_chooses_the_regime(self):
        Period = self.env["learning.unit.period"]
        # the boundary years, in a company of their own (the demo agency has
        # its periods of 2023 and of the last two years)
        company = self.env["res.company"].create({"name": "Trường Ranh Giới"})
        for year, template in ((2023, self.template), (2024, self.tt24)):
            period = Period.with_company(company).create(
                {"year": year, "company_id": company.id}
            )
            self.assertEqual(period.template_id, template, year)
        self.assertEqual(self.period24.template_id, self.tt24)
        self.assertEqual(self.period24.rules_id.snapshot_of_id, self.tt24)
        self.assertEqual(self.assessment.scheme, "levels")
        # the user may choose another rule set
        other = Period.create({"year": 2046, "template_id": self.template.id})
        self.assertEqual(other.scheme, "points")

    def test_lines_follow_the_circular(self):
        codes = self.assessment.line_ids.mapped("criterion_code")
        self.assertEqual(
            codes,
            ["1", "1.1", "1.2", "1.3", "1.4", "1.5", "2", "2.1", "2.2"]
            + ["3", "3.1", "3.2", "3.3", "3.4"],
        )
        self.assertEqual(self.line(self.assessment, "3.4").min_level, "level_2")


class TestLevels(LevelsCase):
    def test_all_met_is_level_2(self):
        self.meet(self.assessment, shares=40)
        self.assertEqual(self.assessment.self_level, "level_2")
        self.assertEqual(self.assessment.self_total, 0)  # no points under TT 24
        self.assertFalse(self.assessment.self_rank)

    def test_member_share_boundaries(self):
        line = self.line(self.assessment, "3.1")
        for met, level in ((40, "level_2"), (38, "level_2"), (37, "level_1"),
                           (36, "level_1"), (35, "none"), (0, "none")):  # fmt: skip
            with self.subTest(met=met):
                self.meet(self.assessment, shares=met)
                self.assertEqual(line.self_level, level)
        # 38/40 is exactly 95 %, 36/40 exactly 90 %
        self.meet(self.assessment, shares=36)
        self.assertEqual(self.assessment.self_level, "level_1")
        note = line.with_context(lang="en_US").score_note
        self.assertIn("36/40 members (90%)", note)
        self.assertIn("level 1 reached", note)
        self.assertIn("2 members missing", note)  # 38 are needed for 95 %

    def test_level_2_only_indicator_missed_gives_level_1(self):
        self.meet(self.assessment, shares=40, higher_title=False)
        self.assertEqual(self.assessment.self_level, "level_1")
        note = self.assessment.with_context(lang="en_US").result_note
        self.assertIn("Level 1 reached", note)
        self.assertIn("3.4", note)

    def test_a_level_1_indicator_missed_gives_no_level(self):
        self.meet(self.assessment, shares=40)
        self.line(self.assessment, "1.4").achieved = False
        self.assertEqual(self.assessment.self_level, "none")
        self.assertEqual(self.line(self.assessment, "1").subtotal_level, "none")
        self.assertIn("1.4", self.assessment.with_context(lang="en_US").result_note)

    def test_no_members_reach_no_level(self):
        empty = self.make_assessment(
            self.make_unit("Tổ Trống", 0, parent=self.district), period=self.period24
        )
        for code in UNIT_INDICATORS + ("3.4",):
            self.line(empty, code).achieved = True
        self.assertEqual(empty.self_level, "none")

    def test_vietnamese_explanation(self):
        self.meet(self.assessment, shares=36)
        note = self.line(self.assessment, "3.1").with_context(lang="vi_VN").score_note
        self.assertIn("36/40", note)
        self.assertIn("Công dân học tập", note)
        self.assertIn("mức độ 1", note)
        self.assertIn("thiếu 2", note)

    def test_levels_update_in_the_form(self):
        self.meet(self.assessment, shares=38)
        with Form(self.assessment) as form:
            self.assertEqual(form.self_level, "level_2")
            with form.member_ids.edit(0) as member:
                member.cdht_achieved = False  # 37/40: 92.5 %
            self.assertEqual(form.self_level, "level_1")
        self.assertEqual(self.assessment.self_level, "level_1")


# the decisions of these tests are signed by the end of 2047 (a decision date
# still to come is refused)
AFTER_THE_DECISIONS = "2047-12-31"


class TestReviewAndRecognition(LevelsCase):
    @freeze_time(AFTER_THE_DECISIONS)
    def test_reviewer_round_trip(self):
        self.meet(self.assessment, shares=40)
        self.provide_dossier(self.assessment)
        self.assessment.with_user(self.officer).action_submit()
        as_reviewer = self.assessment.with_user(self.reviewer)
        as_reviewer.action_start_review()
        line = self.line(self.assessment, "3.1")
        self.assertEqual(line.review_level, "level_2")
        self.assertFalse(line.review_set)
        # the reviewer judges the Công dân học tập share lower, with a note
        as_reviewer.write(
            {
                "line_ids": [
                    (
                        1,
                        line.id,
                        {
                            "review_level": "level_1",
                            "review_note": "2 CDHT chưa xác minh",
                        },
                    )
                ]
            }
        )
        self.assertTrue(line.review_set)
        self.assertFalse(self.assessment.review_complete)
        as_reviewer.action_confirm_review_scores()
        self.assertEqual(self.assessment.review_level, "level_1")
        as_reviewer.action_mark_reviewed()
        as_reviewer.write(
            {"decision_number": "12/QĐ-UBND", "decision_date": "2046-02-10"}
        )
        as_reviewer.action_recognise()
        recognition = self.assessment.recognition_id
        self.assertEqual(recognition.level, "level_1")
        self.assertEqual(self.assessment.recognition_valid_until, date(2049, 12, 31))
        self.assertIn(recognition, self.unit.lu_recognition_ids)

    @freeze_time(AFTER_THE_DECISIONS)
    def test_level_2_waits_a_year_after_level_1(self):
        self.meet(self.assessment, shares=36)  # level 1
        self.recognise(self.assessment, "2046-02-10", "10/QĐ-UBND")
        self.assertEqual(self.assessment.recognised_level, "level_1")
        # the next year, level 2 is reached, decided less than a year later
        period = self.env["learning.unit.period"].create({"year": 2046})
        second = self.make_assessment(self.unit, period=period)
        self.meet(second, shares=40)
        self.assertEqual(second.self_level, "level_2")
        self.provide_dossier(second)
        second.with_user(self.officer).action_submit()
        as_reviewer = second.with_user(self.reviewer)
        as_reviewer.action_start_review()
        as_reviewer.write({"decision_date": "2047-02-05"})
        self.assertIn("not yet allowed", second.with_context(lang="en_US").level_2_note)
        as_reviewer.action_confirm_review_scores()
        as_reviewer.action_mark_reviewed()
        as_reviewer.write({"decision_number": "5/QĐ-UBND"})
        as_reviewer.action_recognise()
        self.assertEqual(second.review_level, "level_2")
        self.assertEqual(second.recognised_level, "level_1")
        self.assertIn("not yet allowed", second.message_ids[0].body)

    @freeze_time(AFTER_THE_DECISIONS)
    def test_level_2_a_year_after_level_1(self):
        self.meet(self.assessment, shares=36)
        self.recognise(self.assessment, "2046-02-10", "10/QĐ-UBND")
        period = self.env["learning.unit.period"].create({"year": 2046})
        second = self.make_assessment(self.unit, period=period)
        self.meet(second, shares=40)
        self.recognise(second, "2047-02-10", "6/QĐ-UBND")  # exactly a year later
        self.assertEqual(second.recognised_level, "level_2")
        self.assertEqual(second.recognition_valid_until, date(2050, 12, 31))

    @freeze_time(AFTER_THE_DECISIONS)
    def test_no_level_no_recognition(self):
        self.meet(self.assessment, shares=30)
        self.recognise(self.assessment, "2046-02-10", "11/QĐ-UBND")
        self.assertEqual(self.assessment.state, "recognised")
        self.assertFalse(self.assessment.recognition_id)

    def test_expiry_warning_ninety_days_before(self):
        Recognition = self.env["learning.unit.recognition"]
        recognition = Recognition.create(
            {
                "department_id": self.unit.id,
                "year": 2040,
                "scheme": "levels",
                "level": "level_1",
                "decision_number": "99/QĐ-UBND",
                "decision_date": "2041-02-10",
            }
        )
        self.assertEqual(recognition.valid_until, date(2044, 12, 31))
        self.assessment.user_id = self.officer
        Model = Recognition.with_context(tracking_disable=True)
        with self._freeze("2044-09-01"):  # 121 days before: nothing yet
            Model._cron_warn_expiry()
        self.assertFalse(recognition.activity_ids)
        with self._freeze("2044-10-05"):  # 87 days before
            Model._cron_warn_expiry()
            Model._cron_warn_expiry()  # once only
        self.assertEqual(recognition.activity_ids.user_id, self.officer)
        self.assertEqual(recognition.activity_ids.date_deadline, date(2044, 12, 31))

    def _freeze(self, day):
        from freezegun import freeze_time

        return freeze_time(day)


class TestFrozenLevels(LevelsCase):
    def test_threshold_edits_never_move_existing_results(self):
        self.meet(self.assessment, shares=36)
        self.assertEqual(self.assessment.self_level, "level_1")
        criterion = self.tt24.criterion_ids.filtered(lambda c: c.code == "3.1")
        criterion.threshold_level_1 = 95
        self.env.flush_all()
        self.assessment.invalidate_recordset()
        self.assertEqual(self.assessment.self_level, "level_1")
        self.assertEqual(
            self.line(self.assessment, "3.1").criterion_id.threshold_level_1, 90
        )
        # the drafts move to the edited rules only when the administrator says so
        self.assertTrue(self.period24.rules_outdated)
        wizard = self.env["learning.unit.rebase.wizard"].create(
            {"period_id": self.period24.id}
        )
        self.assertIn("Trường Mức Độ", wizard.changes)
        wizard.action_confirm()
        self.assertEqual(self.assessment.self_level, "none")
        self.assertEqual(
            self.line(self.assessment, "3.1").criterion_id.threshold_level_1, 95
        )
        self.assertFalse(self.period24.rules_outdated)
