"""SQL queries of scoring stay flat as units (K) and members (M) grow (issue 6).

Every test runs one operation on two provinces in miniature, K=2 units of M=5
members and K=6 units of M=40 members, under the same ``assertQueryCount``
bound, and checks that both counts are equal: the addon issues no query per
unit, per member or per line (N+1), only grouped reads and batched writes.

Odoo itself writes and inserts rows by chunks of 100 (``UPDATE_BATCH_SIZE`` and
``INSERT_BATCH_SIZE`` in ``odoo.models``): one more statement per 100 rows, a
property of the framework, not of the addon. The counts are measured with those
chunks raised above the sizes used here, so that they show the addon's own
queries; ``bench/bench.py`` measures the time at province scale.

Caches are warmed first (``odoo.tests.common.warmup``: the test runs once and is
rolled back, then runs again and counts) and every measure starts from an empty
record cache, with the records browsed by id as the web client's calls do.
"""

from contextlib import ExitStack, contextmanager
from unittest.mock import patch

from odoo import models as odoo_models
from odoo.tests.common import warmup

from .common import COMPETENCIES, EVIDENCE, LearningUnitCase
from .list_view import list_view_request

# (units K, members per unit M)
SMALL = (2, 5)
LARGE = (6, 40)
SIZES = (SMALL, LARGE)

# Stored computed fields holding the scores, as the benchmark recomputes them.
LINE_SCORE_FIELDS = ("self_score", "self_level")
ASSESSMENT_SCORE_FIELDS = (
    "member_count",
    "members_missing_evidence_count",
    "self_total",
    "self_rank",
    "self_level",
    "review_total",
    "review_rank",
    "review_level",
    "review_complete",
    "review_difference",
)


# Query bounds: the exact counts measured at both sizes (Odoo 18.0). Every
# change of evidence first updates the assessments' rows (one statement: the
# lock of learning_unit_assessment.py), and every search under the record
# rules reads the user's scope afresh (one statement, see hr_department.py).
# Every change of evidence logs its source (one INSERT for all the members,
# learning_unit_member.py); reading under the record rules also asks
# whether the user heads a unit (one statement, learning_unit_member_document.py).
# Loading members sets the first results: the decision lines listing the units
# are searched once (the level they grant is stored, decision_line.py).
RECOMPUTE_QUERIES = 9
EVIDENCE_QUERIES = 30
CHATTER_QUERIES = 23
LOAD_QUERIES = 28
CREATE_QUERIES = 26
CREATE_MEMBERS_QUERIES = 27
LIST_QUERIES = 10
GROUP_QUERIES = 6


def mark_to_recompute(records, field_names):
    """Mark the stored computed ``field_names`` of ``records`` for recomputation."""
    for name in field_names:
        records.env.add_to_compute(records._fields[name], records)


class TestPerformance(LearningUnitCase):
    """Query counts of scoring, member loading and list reads at two sizes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.province = cls.env["hr.department"].create({"name": "Tỉnh Bench"})
        cls.next_period = cls.make_period(2041)
        cls.empty_period = cls.make_period(2042)
        cls.districts = {}
        cls.loaded = {}
        cls.unloaded = {}
        for units, size in SIZES:
            district = cls.env["hr.department"].create(
                {"name": f"Huyện {units}x{size}", "parent_id": cls.province.id}
            )
            departments = cls.env["hr.department"].browse(
                [
                    cls.make_unit(f"ĐV {units}x{size} số {i}", size, parent=district).id
                    for i in range(units)
                ]
            )
            Assessment = cls.env["learning.unit.assessment"]
            cls.districts[units, size] = district
            cls.loaded[units, size] = Assessment.browse(
                [cls.make_assessment(d).id for d in departments]
            )
            cls.unloaded[units, size] = Assessment.browse(
                [
                    cls.make_assessment(d, period=cls.next_period, load=False).id
                    for d in departments
                ]
            )
            cls.give_full_evidence(cls.loaded[units, size].member_ids[::3])
        cls.reviewer = cls.make_user(
            "lu_perf_reviewer",
            "learning_unit.group_district_reviewer",
            review=cls.province,
        )
        cls.env.flush_all()

    def setUp(self):
        super().setUp()
        self.counts = {}

    # -- helpers ----------------------------------------------------------
    @contextmanager
    def assertFlatQueryCount(self, bound, name, size):
        """``assertQueryCount(bound)``, recording the exact count of ``size``.

        Starts from an empty record cache; Odoo's chunking of UPDATE and INSERT
        statements by 100 rows is raised out of the way (see the docstring of
        this module).
        """
        with ExitStack() as stack:
            for constant in ("UPDATE_BATCH_SIZE", "INSERT_BATCH_SIZE"):
                stack.enter_context(patch.object(odoo_models, constant, 10**6))
            stack.enter_context(self.assertQueryCount(bound))
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            yield
            self.env.flush_all()
            self.env.cr.flush()
            self.counts[name, size] = self.cr.sql_log_count - start

    def assertSameCounts(self, name):
        """Both sizes cost the same number of queries (checked when warm)."""
        if not self.warm:
            return
        small, large = self.counts[name, SMALL], self.counts[name, LARGE]
        self.assertEqual(
            small,
            large,
            f"{name}: {small} queries for K={SMALL[0]}, M={SMALL[1]} but {large} "
            f"for K={LARGE[0]}, M={LARGE[1]}",
        )

    def browse(self, model, records):
        """``records`` browsed anew by id, as an RPC call would."""
        return self.env[model].browse(records.ids)

    # -- scoring ----------------------------------------------------------
    @warmup
    def test_full_recompute(self):
        """Every line score and total of K assessments recomputed at once."""
        for size in SIZES:
            before = self.loaded[size].read(["self_total", "member_count"])
            with self.assertFlatQueryCount(RECOMPUTE_QUERIES, "recompute", size):
                assessments = self.browse("learning.unit.assessment", self.loaded[size])
                lines = assessments.line_ids
                mark_to_recompute(lines, LINE_SCORE_FIELDS)
                mark_to_recompute(assessments, ASSESSMENT_SCORE_FIELDS)
                self.env.flush_all()
            self.assertEqual(len(lines), size[0] * 21)  # 17 criteria and 4 groups
            self.assertEqual(assessments.read(["self_total", "member_count"]), before)
        self.assertSameCounts("recompute")

    @warmup
    def test_recompute_after_evidence_change(self):
        """The evidence of every member changes: counts, scores, totals follow."""
        expected = {SMALL: 49, LARGE: 51}  # 1c not declared: no points
        for size in SIZES:
            firsts = self.loaded[size].mapped(lambda a: a.member_ids[:1])
            with self.assertFlatQueryCount(EVIDENCE_QUERIES, "evidence", size):
                members = self.browse(
                    "learning.unit.member", self.loaded[size].member_ids
                )
                members.write({field: True for field in EVIDENCE})
                members.write(dict.fromkeys(COMPETENCIES, True))
                firsts = self.browse("learning.unit.member", firsts)
                firsts.write({"training_done": False, "competency_3a8": False})
            # 2c: one member short, 20% (4 steps) of 5 or 2.5% (none) of 40;
            # 3a8: one member lacks it, 0 of 4 points
            totals = self.loaded[size].mapped("self_total")
            self.assertEqual(totals, [expected[size]] * size[0])
            self.assertEqual(set(members.mapped("evidence_complete")), {True, False})
        self.assertSameCounts("evidence")

    @warmup
    def test_evidence_change_with_chatter(self):
        """The same with tracking on, as in the web client: one note per unit."""
        env = self.env(context=dict(self.env.context, tracking_disable=False))
        for size in SIZES:
            with self.assertFlatQueryCount(CHATTER_QUERIES, "chatter", size):
                members = env["learning.unit.member"].browse(
                    self.loaded[size].member_ids.ids
                )
                members.write({field: True for field in EVIDENCE})
            notes = self.loaded[size].message_ids.filtered(
                lambda m: "2a self score" in (m.body or "")
            )
            self.assertEqual(len(notes), size[0])
        self.assertSameCounts("chatter")

    # -- members and assessments ----------------------------------------
    @warmup
    def test_load_members(self):
        """Loading the members of K units from HR at once."""
        for size in SIZES:
            with self.assertFlatQueryCount(LOAD_QUERIES, "load", size):
                assessments = self.browse(
                    "learning.unit.assessment", self.unloaded[size]
                ).with_context(learning_unit_silent=True)
                assessments.action_load_members()
            self.assertEqual(len(assessments.member_ids), size[0] * size[1])
            self.assertEqual(set(assessments.mapped("member_count")), {size[1]})
        self.assertSameCounts("load")

    @warmup
    def test_create_members_with_their_evidence(self):
        """Members created with their evidence and competencies, as an import
        or a script sends them: one batch, whatever the number of members."""
        for size in SIZES:
            assessments = self.unloaded[size]
            employees = self.env["hr.employee"].search(
                [("department_id", "in", assessments.department_id.ids)]
            )
            unit_of = {a.department_id: a for a in assessments}
            with self.assertFlatQueryCount(CREATE_MEMBERS_QUERIES, "members", size):
                members = self.env["learning.unit.member"].create(
                    [
                        dict(
                            dict.fromkeys(EVIDENCE + COMPETENCIES[:-1], True),
                            assessment_id=unit_of[employee.department_id].id,
                            employee_id=employee.id,
                        )
                        for employee in employees
                    ]
                )
            self.assertEqual(len(members), size[0] * size[1])
            self.assertFalse(any(members.mapped("competency_3a8")))
            self.assertTrue(all(members.mapped("competency_3a1")))
            # every evidence recorded is in the log, with its source
            events = self.env["learning.unit.evidence.event"].search(
                [("member_id", "in", members.ids)]
            )
            self.assertEqual(len(events), len(members) * (len(EVIDENCE) + 7))
        self.assertSameCounts("members")

    @warmup
    def test_create_assessments(self):
        """Creating the assessments (and criteria lines) of K units at once."""
        for size in SIZES:
            with self.assertFlatQueryCount(CREATE_QUERIES, "create", size):
                assessments = self.env["learning.unit.assessment"].create(
                    [
                        {"period_id": self.empty_period.id, "department_id": d.id}
                        for d in self.loaded[size].department_id
                    ]
                )
            self.assertEqual(
                len(assessments.line_ids), size[0] * 21
            )  # 17 criteria and 4 groups
        self.assertSameCounts("create")

    # -- the reviewer's list ----------------------------------------------
    def reviewer_domain(self, size):
        return [
            ("department_id", "child_of", self.districts[size].id),
            ("period_id.state", "=", "open"),
            ("period_id", "=", self.period.id),
        ]

    @warmup
    def test_list_search_read(self):
        """A reviewer opens the assessments list (web_search_read)."""
        Assessment = self.env["learning.unit.assessment"].with_user(self.reviewer)
        for size in SIZES:
            specification, _aggregates = list_view_request(Assessment.env)
            with self.assertFlatQueryCount(LIST_QUERIES, "list", size):
                result = Assessment.web_search_read(
                    self.reviewer_domain(size),
                    specification,
                    limit=80,
                    count_limit=10001,
                )
            self.assertEqual(result["length"], size[0])
        self.assertSameCounts("list")

    @warmup
    def test_list_read_group(self):
        """A reviewer groups the list by state and by self rank."""
        Assessment = self.env["learning.unit.assessment"].with_user(self.reviewer)
        _specification, aggregates = list_view_request(Assessment.env)
        for size in SIZES:
            with self.assertFlatQueryCount(GROUP_QUERIES, "group", size):
                by_state = Assessment.web_read_group(
                    self.reviewer_domain(size), aggregates, ["state"]
                )
                by_rank = Assessment.read_group(
                    self.reviewer_domain(size), aggregates, ["self_rank"]
                )
            self.assertEqual(by_state["groups"][0]["state_count"], size[0])
            self.assertEqual(sum(g["self_rank_count"] for g in by_rank), size[0])
        self.assertSameCounts("group")
