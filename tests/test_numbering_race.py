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

from .attack_io import real_env, run_threads
from .common import LearningUnitCase

REVIEWER = "learning_unit.group_district_reviewer"
BARRIER_TIMEOUT = 30


class TestConcurrentNumbers(LearningUnitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dbname = cls.env.cr.dbname
        cls.tag = f"LU numbers {int(time.time() * 1000) % 10**9}"
        cls.created = {}
        try:
            cls._commit_fixture()
        except BaseException:
            cls._delete_fixture()
            raise

    @classmethod
    def tearDownClass(cls):
        cls._delete_fixture()
        super().tearDownClass()

    @classmethod
    def _commit_fixture(cls):
        with real_env(cls.dbname, context={"tracking_disable": True}) as env:
            env.cr.execute("SELECT COALESCE(MAX(id), 0) FROM bus_bus")
            cls.created["bus_floor"] = env.cr.fetchone()[0]
            Period = env["learning.unit.period"]
            used = set(Period.with_context(active_test=False).search([]).mapped("year"))
            year = next(y for y in range(2099, 2050, -1) if y not in used)
            period = Period.create(
                {"year": year, "template_id": env.ref("learning_unit.template_tt22").id}
            )
            cls.created["period"] = period.id
            department = env["hr.department"].create({"name": cls.tag})
            cls.created["department"] = department.id
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
            env.cr.commit()
            cls.user_ids = [u.id for u in users]
            cls.report_ids = reports.ids
            cls.body_id = body.id

    @classmethod
    def _delete_fixture(cls):
        created = cls.created
        if not created:
            return
        with real_env(cls.dbname, context={"tracking_disable": True}) as env:
            env.cr.execute("SET LOCAL lock_timeout = '20s'")
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
            if created.get("period"):
                env["learning.unit.period"].browse(created["period"]).unlink()
            if created.get("department"):
                env["hr.department"].browse(created["department"]).unlink()
            if created.get("users"):
                env["res.users"].browse(created["users"]).exists().unlink()
            env["res.partner"].browse(created.get("partners", [])).exists().unlink()
            env["res.partner"].with_context(active_test=False).search(
                [("name", "=like", f"{cls.tag}%")]
            ).unlink()
            if "bus_floor" in created:
                env.cr.execute(
                    "DELETE FROM bus_bus WHERE id > %s", [created["bus_floor"]]
                )
            env.cr.commit()
        cls.created = {}

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
