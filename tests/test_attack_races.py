"""Races between real transactions.

pytest-odoo runs a TransactionCase in one transaction rolled back at the end:
two "users" inside it would share one snapshot and could never race. These
tests therefore commit their fixture from cursors of their own, run the
competing operations in threads, each with its own cursor and transaction
(REPEATABLE READ, as Odoo's), commit them, check what was committed with a
fresh cursor, and delete everything they committed.

Each operation runs inside ``odoo.service.model.retrying``, as an RPC call
would: a serialization failure is retried from the start, as the server
does.

Not covered: many workers writing through XML-RPC against a real server. An
HttpCase serves every request on the test's own cursor, under a lock, so its
requests can never race; this needs a separate server process.
"""

import math
import threading
from fractions import Fraction

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.service.model import retrying
from odoo.tests import new_test_user

from .attack_io import CommittedFixture, real_env, run_threads
from .common import COMPETENCIES, EVIDENCE, LearningUnitCase

OFFICER = "learning_unit.group_unit_officer"
MEMBERS = 33  # 32 employees + the officer
MISSING = 3  # members without a self-study plan before each round
ROUNDS = 8
BARRIER_TIMEOUT = 30


def expected_2a(missing, total):
    """Criterion 2a of TT22: 10 points, −0,5 per completed 5 % step short of 100 %."""
    if not total:
        return Fraction(0)
    steps = math.floor(Fraction(100 * missing, total) / 5)
    return max(Fraction(0), Fraction(10) - Fraction(1, 2) * steps)


class RaceCase(CommittedFixture, LearningUnitCase):
    """A unit of 33 members, committed, in a period of its own."""

    tag_prefix = "LU race"

    @classmethod
    def _build(cls, env, period, department):
        employees = env["hr.employee"].create(
            [
                {"name": f"{cls.tag} NV{i:02d}", "department_id": department.id}
                for i in range(MEMBERS - 1)
            ]
        )
        login = f"lu_race_{period.year}"
        officer = new_test_user(
            env,
            login=login,
            groups=f"base.group_user,{OFFICER}",
            name=f"{cls.tag} officer",
            lang="vi_VN",
        )
        cls.created["users"] = officer.ids
        officer_employee = env["hr.employee"].create(
            {
                "name": f"{cls.tag} officer",
                "department_id": department.id,
                "user_id": officer.id,
            }
        )
        everyone = employees | officer_employee
        cls.created["employees"] = everyone.ids
        # hr.employee makes a work contact partner for each employee
        cls.created["partners"] = [
            *everyone.work_contact_id.ids,
            officer.partner_id.id,
        ]
        assessment = env["learning.unit.assessment"].create(
            {
                "period_id": period.id,
                "department_id": department.id,
                "user_id": officer.id,
            }
        )
        cls.created["assessment"] = assessment.id
        assessment.with_context(learning_unit_silent=True).action_load_members()
        assert len(assessment.member_ids) == MEMBERS
        assessment.member_ids.write(dict.fromkeys(EVIDENCE + COMPETENCIES, True))
        env["learning.unit.dossier.item"].search(
            [("assessment_id", "=", assessment.id)]
        ).write({"paper_copy": True})
        cls.officer_uid = officer.id
        cls.assessment_id = assessment.id
        cls.member_ids = assessment.member_ids.sorted("id").ids

    @classmethod
    def _remove(cls, env, created):
        if created.get("period"):
            env["learning.unit.assessment"].search(
                [("period_id", "=", created["period"])]
            ).unlink()

    # ------------------------------------------------------------------
    def reset(self, env, without_plan):
        """Draft again; every member complete except ``without_plan``."""
        assessment = env["learning.unit.assessment"].browse(self.assessment_id)
        if assessment.state != "draft":
            assessment.write(
                {
                    "state": "draft",
                    "submitted_on": False,
                    "submitted_date": False,
                    "submitted_by": False,
                }
            )
        members = assessment.member_ids
        members.filtered(lambda m: not m.plan_approved).write({"plan_approved": True})
        # without a plan nor discipline: writing the plan alone does not make
        # their evidence complete (members_missing_evidence_count stays)
        members.filtered(lambda m: not m.discipline_ok).write({"discipline_ok": True})
        members.browse(without_plan).write(
            {"plan_approved": False, "discipline_ok": False}
        )
        env.cr.commit()

    def committed(self):
        """What is committed: member evidence and the stored scores."""
        with real_env(self.dbname) as env:
            assessment = env["learning.unit.assessment"].browse(self.assessment_id)
            members = assessment.member_ids
            lines = {
                line.criterion_code: line.self_score
                for line in assessment.line_ids
                if line.kind == "criterion"  # group lines hold subtotals
            }
            return {
                "state": assessment.state,
                "submitted_on": assessment.submitted_on,
                "total": len(members),
                "missing_plan": len(members.filtered(lambda m: not m.plan_approved)),
                "plans": {m.id: m.plan_approved for m in members},
                "line_2a": Fraction(str(lines["2a"])),
                "lines": lines,
                "self_total": Fraction(str(assessment.self_total)),
                "member_write_dates": {m.id: m.write_date for m in members},
            }

    def inconsistency(self, state):
        """What is wrong with the committed scores, or None."""
        want_2a = expected_2a(state["missing_plan"], state["total"])
        others = sum(
            (Fraction(str(v)) for k, v in state["lines"].items() if k != "2a"),
            Fraction(0),
        )
        want_total = others + want_2a
        problems = []
        if state["line_2a"] != want_2a:
            problems.append(
                f"2a stored {float(state['line_2a'])} but {state['missing_plan']}/"
                f"{state['total']} without a plan give {float(want_2a)}"
            )
        if state["self_total"] != want_total:
            problems.append(
                f"self_total stored {float(state['self_total'])}, recomputed "
                f"{float(want_total)}"
            )
        return "; ".join(problems) or None

    def officer_call(self, func, barrier=None):
        """A callable running ``func(env)`` as the officer in ``retrying``.

        The first attempt waits at ``barrier`` after reading, so that both
        transactions hold their snapshot before either writes or commits.
        """

        def call():
            with real_env(self.dbname, uid=self.officer_uid) as env:
                attempts = []

                def attempt():
                    attempts.append(1)
                    assessment = env["learning.unit.assessment"].browse(
                        self.assessment_id
                    )
                    # read: the transaction's snapshot starts here
                    assessment.read(["state", "self_total"])
                    assessment.member_ids.read(["plan_approved"])
                    if barrier is not None and len(attempts) == 1:
                        barrier.wait(BARRIER_TIMEOUT)
                    return func(env)

                result = retrying(attempt, env)
                return result, len(attempts)

        return call


class TestConcurrentEvidence(RaceCase):
    def test_sanity_one_after_the_other(self):
        """The same two writes in turn: the checks below hold without a race."""
        first, second, third = self.member_ids[:MISSING]
        with real_env(self.dbname, context={"tracking_disable": True}) as env:
            self.reset(env, [first, second, third])
        for member_id in (first, second):

            def write(env, member_id=member_id):
                env["learning.unit.member"].browse(member_id).write(
                    {"plan_approved": True}
                )

            self.officer_call(write)()
        after = self.committed()
        self.assertEqual(after["missing_plan"], 1)
        self.assertEqual(after["line_2a"], 10)
        self.assertIsNone(self.inconsistency(after))

    def test_two_members_at_once_keep_the_score_exact(self):
        """Two officers tick the plan of two different members at once."""
        stale = []
        errors = []
        for round_ in range(ROUNDS):
            first, second, third = self.member_ids[round_ : round_ + MISSING]
            with real_env(self.dbname, context={"tracking_disable": True}) as env:
                self.reset(env, [first, second, third])
            before = self.committed()
            self.assertEqual(before["missing_plan"], MISSING)
            self.assertIsNone(self.inconsistency(before), "fixture not consistent")
            barrier = threading.Barrier(2)

            def tick(member_id):
                def write(env):
                    env["learning.unit.member"].browse(member_id).write(
                        {"plan_approved": True}
                    )
                    return True

                return write

            results = run_threads(
                self.officer_call(tick(first), barrier),
                self.officer_call(tick(second), barrier),
            )
            for outcome, value in results:
                if outcome == "error":
                    errors.append(
                        f"round {round_ + 1}: {type(value).__name__}: {value}"
                    )
            after = self.committed()
            problem = self.inconsistency(after)
            if problem:
                attempts = [v[1] if o == "ok" else "-" for o, v in results]
                stale.append(f"round {round_ + 1} (attempts {attempts}): {problem}")
        self.assertFalse(errors, "\n".join(errors))
        self.assertFalse(
            stale,
            f"stale scores in {len(stale)} of {ROUNDS} rounds:\n" + "\n".join(stale),
        )


class TestEvidenceAgainstSubmission(RaceCase):
    def test_a_write_begun_before_submit_cannot_land_after_it(self):
        """The write reads (draft), the unit submits and commits, the write
        then writes and commits: it must be refused (or retried and refused).

        Member write_date is the start of the writing transaction, before
        submitted_on even when the write lands after it, so the check is on
        the evidence itself: submitted evidence must stay what was submitted.
        """
        problems = []
        for round_ in range(3):
            target, *others = self.member_ids[round_ : round_ + MISSING]
            with real_env(self.dbname, context={"tracking_disable": True}) as env:
                self.reset(env, [target, *others])
            barrier = threading.Barrier(2)
            submitted = threading.Event()

            def late_write(env, target=target, submitted=submitted):
                submitted.wait(BARRIER_TIMEOUT)
                env["learning.unit.member"].browse(target).write(
                    {"plan_approved": True}
                )
                return True

            def submit(env):
                assessment = env["learning.unit.assessment"].browse(self.assessment_id)
                assessment.action_submit()
                return True

            call_submit = self.officer_call(submit, barrier)

            def submit_then_signal(call_submit=call_submit, submitted=submitted):
                try:
                    return call_submit()  # retrying() has committed
                finally:
                    submitted.set()

            results = run_threads(
                self.officer_call(late_write, barrier), submit_then_signal
            )
            (write_outcome, write_value), (submit_outcome, submit_value) = results
            after = self.committed()
            label = f"round {round_ + 1}"
            if submit_outcome == "error":
                problems.append(f"{label}: submit failed: {submit_value!r}")
                continue
            if after["state"] != "submitted":
                problems.append(f"{label}: state {after['state']} after submit")
            if write_outcome == "ok":
                problems.append(
                    f"{label}: the write begun before the submission was accepted "
                    f"after it (attempts {write_value[1]})"
                )
            elif not isinstance(write_value, UserError | ValidationError | AccessError):
                problems.append(
                    f"{label}: the late write failed with "
                    f"{type(write_value).__name__}: {write_value}"
                )
            if after["state"] == "submitted":
                if after["plans"][target]:
                    problems.append(
                        f"{label}: submitted, yet member {target}'s evidence changed "
                        "after the submission"
                    )
                # submitted_on has no microseconds: compare whole seconds
                late = [
                    member_id
                    for member_id, date in after["member_write_dates"].items()
                    if date
                    and after["submitted_on"]
                    and date.replace(microsecond=0) > after["submitted_on"]
                ]
                if late:
                    problems.append(
                        f"{label}: members {late} written after submitted_on"
                    )
            problem = self.inconsistency(after)
            if problem:
                problems.append(f"{label}: {problem}")
        self.assertFalse(problems, "\n".join(problems))
