"""Bad input sent through JSON-RPC as the web client would send it.

Every numeric or date value a user can write, and a many2one, receives values
JSON can carry but the field cannot hold: integers beyond 32 bits, 10**400,
NaN, ±Infinity, text, lists, a fraction for a count, impossible dates. Each
must be refused with an Odoo error (UserError, ValidationError or
AccessError) whose message is in Vietnamese for a vi_VN user, never a
traceback of psycopg2, ValueError, TypeError, OverflowError..., and the record
read back as superuser must be unchanged. Each test lists every value that is
not refused that way, with what happened instead.
"""

from .attack_io import (
    BAD_DATES,
    BAD_INTEGERS,
    BAD_MANY2ONE,
    BAD_NUMBERS,
    HUGE,
    INF,
    INT32_OVER,
    INT32_UNDER,
    NAN,
    NINF,
    JsonRpcAttackMixin,
    show,
)
from .common import LearningUnitHttpCase

OFFICER = "learning_unit.group_unit_officer"
REVIEWER = "learning_unit.group_district_reviewer"
ADMIN = "learning_unit.group_admin"

# Amounts of money (đồng): two billion is a real budget, a negative or
# non-finite amount is not.
BAD_AMOUNTS = (INT32_UNDER, HUGE, NAN, INF, NINF, "abc", [1, 2])

PROMOTION_COUNTS = (
    "staff_count",
    "association_member_count_last_year",
    "association_member_count",
    "fee_payer_count",
    "party_member_count",
    "party_association_member_count",
)
PROMOTION_AMOUNTS = ("fee_per_member", "income_total", "spending_total")


class AttackInputCase(JsonRpcAttackMixin, LearningUnitHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district = cls.make_unit("Huyện Kiểm Thử", 0)
        cls.unit = cls.make_unit("Trường Kiểm Thử", 5, parent=cls.district)
        cls.officer = cls.make_user(
            "atk_officer", OFFICER, department=cls.unit, lang="vi_VN"
        )
        cls.reviewer = cls.make_user(
            "atk_reviewer", REVIEWER, review=cls.district, lang="vi_VN"
        )
        cls.admin = cls.make_user("atk_admin", ADMIN, lang="vi_VN")
        # a draft the officer prepares (period 2040 of the fixture)
        cls.assessment = cls.make_assessment(cls.unit)
        cls.assessment.user_id = cls.officer
        cls.line(cls.assessment, "1c").missing_count = 1
        cls.line(cls.assessment, "3c").count_value = 2
        cls.report = cls.env["learning.unit.promotion.report"].create(
            {
                "assessment_id": cls.assessment.id,
                "staff_count": 6,
                "association_member_count_last_year": 5,
                "association_member_count": 6,
                "fee_payer_count": 6,
                "party_member_count": 3,
                "party_association_member_count": 3,
                "income_total": 1_500_000,
                "spending_total": 1_000_000,
            }
        )
        # the same unit in review the year after
        cls.period_review = cls.make_period(2041)
        cls.in_review = cls.make_assessment(cls.unit, period=cls.period_review)
        cls.provide_dossier(cls.in_review)
        cls.in_review.action_submit()
        cls.in_review.action_start_review()
        cls.in_review.reviewer_id = cls.reviewer
        cls.in_review.decision_date = "2042-03-15"
        cls.line(cls.in_review, "1a").review_score = 5
        # a period nobody uses yet
        cls.free_period = cls.make_period(2044)
        cls.criterion = cls.template.criterion_ids.filtered(lambda c: c.code == "2a")


class TestLineInputs(AttackInputCase):
    def test_missing_count(self):
        line = self.line(self.assessment, "1c")
        self.assert_all_refused(
            "atk_officer",
            line,
            "missing_count",
            BAD_INTEGERS,
            watched=["missing_count", "self_score"],
        )

    def test_count_value(self):
        line = self.line(self.assessment, "3c")
        self.assert_all_refused(
            "atk_officer",
            line,
            "count_value",
            BAD_INTEGERS,
            watched=["count_value", "self_score"],
        )

    def test_counts_through_the_assessment_form(self):
        """The form sends the lines as one2many commands of the assessment."""
        problems = []
        for code, field_name in (("1c", "missing_count"), ("3c", "count_value")):
            line = self.line(self.assessment, code)
            for value in (INT32_OVER, HUGE, NAN, "abc", 3.7):
                problem = self.attack_write(
                    "atk_officer",
                    self.assessment,
                    {"line_ids": [[1, line.id, {field_name: value}]]},
                    watched=["self_total"],
                    also=[(line, [field_name, "self_score"])],
                )
                if problem:
                    problems.append(
                        f"line {code} {field_name}={show(value)} → {problem}"
                    )
        self.assert_no_problems(problems)

    def test_review_score(self):
        line = self.line(self.in_review, "1a")
        self.assert_all_refused(
            "atk_reviewer",
            line,
            "review_score",
            BAD_NUMBERS,
            watched=["review_score", "review_set"],
        )


class TestPromotionReportInputs(AttackInputCase):
    def test_counts(self):
        problems = []
        for field_name in PROMOTION_COUNTS:
            problems += self.refusal_problems(
                "atk_officer", self.report, field_name, BAD_INTEGERS
            )
        self.assert_no_problems(problems)

    def test_amounts(self):
        problems = []
        for field_name in PROMOTION_AMOUNTS:
            problems += self.refusal_problems(
                "atk_officer",
                self.report,
                field_name,
                BAD_AMOUNTS,
                watched=[field_name, "fee_total", "balance"],
            )
        self.assert_no_problems(problems)


class TestCriterionInputs(AttackInputCase):
    """The admin edits the scoring table; a criterion of a 100-point table."""

    def _check(self, field_name):
        self.assert_all_refused(
            "atk_admin",
            self.criterion,
            field_name,
            BAD_NUMBERS,
            watched=["max_score", "deduction", "step_percent"],
        )

    def test_max_score(self):
        self._check("max_score")

    def test_deduction(self):
        self._check("deduction")

    def test_step_percent(self):
        self._check("step_percent")


class TestPeriodInputs(AttackInputCase):
    def test_year_bad_values(self):
        self.assert_all_refused(
            "atk_admin",
            self.free_period,
            "year",
            BAD_INTEGERS,
            watched=["year", "name", "date_deadline_self", "date_deadline_report"],
        )

    def test_year_out_of_range_names_the_range(self):
        self.assert_all_refused(
            "atk_admin",
            self.free_period,
            "year",
            (0, 1899, 99999, 2101, 1999),
            watched=["year", "name"],
            must_mention=("2000", "2100"),
        )

    def test_year_of_a_period_with_assessments_is_locked(self):
        self.assertTrue(self.period.assessment_ids)
        problem = self.attack_write(
            "atk_admin", self.period, {"year": 2043}, watched=["year", "name"]
        )
        if problem:
            self.fail(f"year 2040 → 2043 with assessments: {problem}")
        # the year of an unused period still changes
        status, body = self.rpc(
            "atk_admin",
            "learning.unit.period",
            "write",
            [self.free_period.ids, {"year": 2045}],
        )
        self.assertEqual(status, 200)
        self.assertNotIn("error", body, body.get("error"))

    def test_deadlines(self):
        problems = []
        for field_name in ("date_deadline_self", "date_deadline_report"):
            problems += self.refusal_problems(
                "atk_admin",
                self.free_period,
                field_name,
                BAD_DATES,
                watched=["date_deadline_self", "date_deadline_report"],
            )
        self.assert_no_problems(problems)


class TestAssessmentInputs(AttackInputCase):
    def test_decision_date(self):
        self.assert_all_refused(
            "atk_reviewer", self.in_review, "decision_date", BAD_DATES
        )

    def test_many2one_from_text_is_refused_not_cleared(self):
        problems = []
        for login, record, field_name in (
            ("atk_officer", self.assessment, "user_id"),
            ("atk_reviewer", self.in_review, "reviewer_id"),
        ):
            self.assertTrue(record[field_name])
            problems += self.refusal_problems(login, record, field_name, BAD_MANY2ONE)
        self.assert_no_problems(problems)

    def test_a_valid_write_still_works(self):
        """The attack helper itself: a good value is accepted and stored."""
        line = self.line(self.assessment, "3c")
        status, body = self.rpc(
            "atk_officer",
            line._name,
            "write",
            [line.ids, {"count_value": 4}],
        )
        self.assertEqual(status, 200)
        self.assertNotIn("error", body, body.get("error"))
        self.env.invalidate_all()
        self.assertEqual(line.count_value, 4)
        self.assertEqual(line.self_score, 4)
        # and a refusal the current code already gives is recognised as clean
        problem = self.attack_write(
            "atk_officer", line, {"count_value": -1}, watched=["count_value"]
        )
        self.assertIsNone(problem)
