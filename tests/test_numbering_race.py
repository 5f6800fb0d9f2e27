"""Document numbers under two concurrent issues (real committed transactions).

Two reviewers issue a document of the same body at the same moment, each in
its own transaction (REPEATABLE READ, as Odoo's), inside
``odoo.service.model.retrying`` as an RPC call would be: the second waits for
the first, fails with a serialization error, is run again and takes the next
number. Numbers stay unique and without gaps. The fixture is committed from a
cursor of its own and deleted afterwards (see test_attack_races.py).
"""

import threading
import time

from odoo.service.model import retrying
from odoo.tests import new_test_user

from .attack_io import CommittedFixture, real_env, run_threads
from .common import LearningUnitCase

REVIEWER = "learning_unit.group_district_reviewer"
BARRIER_TIMEOUT = 30


class TestConcurrentNumbers(CommittedFixture, LearningUnitCase):
    tag_prefix = "LU numbers"

    @classmethod
    def _build(cls, env, period, department):
        year = period.year
        body = env["learning.unit.body"].create(
            {
                "name": cls.tag,
                "short_name": "UBND",
                "place": "Thủ Thừa",
                "department_id": department.id,
            }
        )
        cls.created["body"] = body.id
        users = []
        for index in range(2):
            user = new_test_user(
                env,
                login=f"lu_numbers_{year}_{index}",
                groups=f"base.group_user,{REVIEWER}",
                name=f"{cls.tag} reviewer {index}",
            )
            user.lu_review_department_ids = [(6, 0, department.ids)]
            users.append(user)
        cls.created["users"] = [u.id for u in users]
        cls.created["partners"] = [u.partner_id.id for u in users]
        reports = env["learning.unit.upward.report"].create(
            [{"period_id": period.id, "body_id": body.id} for _user in users]
        )
        cls.created["reports"] = reports.ids
        cls.user_ids = [u.id for u in users]
        cls.report_ids = reports.ids
        cls.body_id = body.id

    @classmethod
    def _remove(cls, env, created):
        if created.get("reports"):
            env.cr.execute(
                "DELETE FROM learning_unit_upward_report WHERE id = ANY(%s)",
                [created["reports"]],
            )
        if created.get("body"):
            env.cr.execute(
                "DELETE FROM learning_unit_number_register WHERE body_id = %s",
                [created["body"]],
            )
            env["learning.unit.body"].browse(created["body"]).unlink()

    def issue(self, index, barrier, first):
        """Issue report ``index`` as reviewer ``index``, in ``retrying``.

        The first issuer takes its number, meets the other at ``barrier`` and
        keeps its transaction open a moment; the second issues once both met.
        """

        def call():
            with real_env(self.dbname, uid=self.user_ids[index]) as env:
                attempts = []

                def attempt():
                    attempts.append(1)
                    report = env["learning.unit.upward.report"].browse(
                        self.report_ids[index]
                    )
                    if first:
                        report.action_issue()
                        if len(attempts) == 1:
                            barrier.wait(BARRIER_TIMEOUT)
                            time.sleep(1)
                    else:
                        if len(attempts) == 1:
                            barrier.wait(BARRIER_TIMEOUT)
                        report.action_issue()
                    return report.number_text

                return retrying(attempt, env), len(attempts)

        return call

    def test_two_issues_at_once_take_two_numbers(self):
        barrier = threading.Barrier(2)
        results = run_threads(
            self.issue(0, barrier, first=True), self.issue(1, barrier, first=False)
        )
        errors = [value for kind, value in results if kind == "error"]
        self.assertFalse(errors, errors)
        (first, first_attempts), (second, second_attempts) = (v for _k, v in results)
        self.assertEqual(first, "01/BC-UBND")
        self.assertEqual(second, "02/BC-UBND")
        self.assertEqual(first_attempts, 1)
        # the second waited for the first and was run again on its commit
        self.assertGreaterEqual(second_attempts, 2)
        with real_env(self.dbname) as env:
            reports = env["learning.unit.upward.report"].browse(self.report_ids)
            self.assertEqual(sorted(reports.mapped("number")), [1, 2])
            register = env["learning.unit.number.register"].search(
                [("body_id", "=", self.body_id)]
            )
            self.assertEqual(register.last_number, 2)
