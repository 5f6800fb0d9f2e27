"""Helpers of the attacker tests (not a test module itself).

* JSON-RPC calls that keep the whole answer (Odoo's make_jsonrpc_request only
  keeps the exception's class name) and judge whether a bad value was refused
  the way a user must see it: an Odoo error, in Vietnamese, nothing changed.
* A deadline that interrupts work taking far too long (an attack must not hang
  the test run for minutes).
* Real, committed transactions for the race tests: their own cursors, and a
  cleanup that deletes what they committed.
"""

import json
import re
import signal
import threading
import time
from contextlib import contextmanager

import odoo
from odoo import api
from odoo.sql_db import db_connect

# The errors a user may get for a bad value: a message, never a traceback.
USER_ERRORS = frozenset(
    {
        "odoo.exceptions.UserError",
        "odoo.exceptions.ValidationError",
        "odoo.exceptions.AccessError",
    }
)

# Letters only Vietnamese uses among the languages of the database (vi_VN vs
# en_US): a message holding one is written in Vietnamese.
VIETNAMESE = re.compile(
    "[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]",
    re.IGNORECASE,
)

# Bad values a JSON body can carry (json.dumps writes NaN, Infinity and big
# integers literally; Python's json on the server reads them back).
INT32_OVER = 2**31
INT32_UNDER = -(2**31) - 1
HUGE = 10**400
NAN = float("nan")
INF = float("inf")
NINF = float("-inf")

BAD_NUMBERS = (INT32_OVER, INT32_UNDER, HUGE, NAN, INF, NINF, "abc", [1, 2])
BAD_INTEGERS = (*BAD_NUMBERS, 3.7)
BAD_DATES = ("2026-02-31", "2031-13-45", "31/02/2026", "abc", [2026, 2, 1], HUGE)
BAD_MANY2ONE = ("abc", [1, 2], INT32_OVER, HUGE)


def is_vietnamese(text):
    return bool(VIETNAMESE.search(text or ""))


def short(text, limit=160):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def show(value):
    """A readable name of an attack value (10**400 printed in full is useless)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2**40:
        return "10**400" if value == HUGE else repr(value)
    return repr(value)


class JsonRpcAttackMixin:
    """For HttpCase: send values through /web/dataset/call_kw as the web client."""

    _rpc_login = None

    def rpc(self, login, model, method, args, kwargs=None, timeout=60):
        """POST one JSON-RPC call_kw as ``login``; returns (status, decoded body).

        As the web client does, the call carries the user's context (language).
        """
        if self._rpc_login != login:
            self.authenticate(login, login)
            self._rpc_login = login
        user = self.env["res.users"].sudo().search([("login", "=", login)])
        kwargs = dict(kwargs or {})
        kwargs.setdefault("context", {"lang": user.lang, "uid": user.id})
        payload = json.dumps(
            {
                "id": 0,
                "jsonrpc": "2.0",
                "method": "call",
                "params": {
                    "model": model,
                    "method": method,
                    "args": args,
                    "kwargs": kwargs,
                },
            }
        ).encode()
        response = self.url_open(
            "/web/dataset/call_kw",
            data=payload,
            headers={"Content-Type": "application/json"},
            timeout=timeout,
        )
        try:
            body = response.json()
        except ValueError:
            body = None
        return response.status_code, body

    def refusal_problem(self, status, body, must_mention=()):
        """None if the answer is a clear Vietnamese refusal, else what is wrong."""
        if status != 200:
            return f"HTTP {status}"
        if body is None:
            return "no JSON answer"
        error = body.get("error")
        if not error:
            return f"accepted (result {short(body.get('result'))})"
        data = error.get("data") or {}
        name = data.get("name") or "?"
        message = data.get("message") or ""
        if name not in USER_ERRORS:
            return f"{name}: {short(message)}"
        if "Traceback" in message:
            return f"{name} with a traceback in the message"
        if not is_vietnamese(message):
            return f"{name} not in Vietnamese: {short(message)}"
        missing = [word for word in must_mention if word not in message]
        if missing:
            return f"{name} does not mention {missing}: {short(message)}"
        return None

    # -- attempts inside a savepoint of the test transaction ---------------
    def snapshot(self, record, field_names):
        self.env.invalidate_all()
        record = record.sudo().with_context(active_test=False)
        try:
            return record.read(field_names, load=None)[0]
        except Exception as error:  # reported as the problem
            return f"unreadable: {type(error).__name__}: {short(error)}"

    def attack_write(self, login, record, vals, watched=None, must_mention=(), also=()):
        """Write ``vals`` on ``record`` as ``login`` by JSON-RPC.

        ``watched`` are the fields of ``record`` that must not change, ``also``
        more ``(record, fields)`` that must not either. Returns None when
        refused cleanly with nothing changed, else the problem. Whatever
        happened is rolled back afterwards.
        """
        watched = list(watched or vals)
        targets = [(record, watched), *also]
        self.env.flush_all()
        before = [self.snapshot(rec, names) for rec, names in targets]
        self.env.cr.execute("SAVEPOINT lu_attack")
        try:
            status, body = self.rpc(
                login, record._name, "write", [record.ids, vals], timeout=60
            )
            problem = self.refusal_problem(status, body, must_mention)
            after = [self.snapshot(rec, names) for rec, names in targets]
            changed = {}
            for old, new in zip(before, after, strict=True):
                if isinstance(new, str) or isinstance(old, str):
                    changed["read"] = new
                else:
                    changed.update({k: v for k, v in new.items() if old.get(k) != v})
            if changed:
                problem = f"{problem or 'refused'}; stored {short(changed)}"
            return problem
        finally:
            self.env.cr.execute("ROLLBACK TO SAVEPOINT lu_attack")
            self.env.invalidate_all()

    def refusal_problems(self, login, record, field_name, values, **kwargs):
        """The bad values of ``field_name`` not refused cleanly, with what happened."""
        problems = []
        for value in values:
            problem = self.attack_write(login, record, {field_name: value}, **kwargs)
            if problem:
                problems.append(
                    f"{record._name}.{field_name}={show(value)} → {problem}"
                )
        return problems

    def assert_no_problems(self, problems):
        if problems:
            self.fail(
                f"{len(problems)} bad value(s) not refused cleanly:\n"
                + "\n".join(problems)
            )

    def assert_all_refused(self, login, record, field_name, values, **kwargs):
        """Each bad value of ``field_name`` is refused cleanly; lists the others."""
        self.assert_no_problems(
            self.refusal_problems(login, record, field_name, values, **kwargs)
        )


# ----------------------------------------------------------------------
# deadlines
# ----------------------------------------------------------------------
class Overrun(Exception):
    """The work under a deadline took far too long and was interrupted."""


@contextmanager
def deadline(seconds):
    """Interrupt the block (main thread only) after ``seconds``: Overrun."""

    def interrupt(signum, frame):
        raise Overrun(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def stopwatch():
    """``with stopwatch() as elapsed: ...``; then ``elapsed()`` in seconds."""
    start = time.monotonic()
    end = []
    yield lambda: (end[0] if end else time.monotonic()) - start
    end.append(time.monotonic())


# ----------------------------------------------------------------------
# real transactions
# ----------------------------------------------------------------------
@contextmanager
def real_env(dbname, uid=odoo.SUPERUSER_ID, context=None):
    """An environment on a cursor of its own; committed only if asked to."""
    cr = db_connect(dbname).cursor()
    try:
        yield api.Environment(cr, uid, dict(context or {}))
    finally:
        cr.rollback()
        cr.close()


def run_threads(*targets, timeout=120):
    """Run each callable in its own thread; return their results or errors."""
    results = [None] * len(targets)

    def runner(index, target):
        try:
            results[index] = ("ok", target())
        except BaseException as error:  # reported to the test
            results[index] = ("error", error)

    threads = [
        threading.Thread(target=runner, args=(index, target), daemon=True)
        for index, target in enumerate(targets)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout)
    if any(thread.is_alive() for thread in threads):
        raise AssertionError(f"threads still running after {timeout} s")
    return results


class CommittedFixture:
    """A fixture committed from a cursor of its own and deleted after the class.

    The tests of real concurrent transactions cannot work inside the test
    transaction. This mixin commits a period (a free year, Thông tư 22) and a
    department named after the run (``cls.tag``), hands them to the subclass's
    ``_build(env, period, department)`` (which records what it makes in
    ``cls.created``), and afterwards deletes everything: the subclass's own
    records first (``_remove(env, created)``), then the period, employees,
    department, users, their partners, anything named after the run and the bus
    notifications the run caused.
    """

    tag_prefix = "LU committed"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dbname = cls.env.cr.dbname
        cls.tag = f"{cls.tag_prefix} {int(time.time() * 1000) % 10**9}"
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
    def _build(cls, env, period, department):
        raise NotImplementedError

    @classmethod
    def _remove(cls, env, created):
        """Delete what ``_build`` made beyond the common records."""

    @classmethod
    def _commit_fixture(cls):
        with real_env(cls.dbname, context={"tracking_disable": True}) as env:
            # bus notifications the new users cause are deleted with the rest
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
            cls._build(env, period, department)
            env.cr.commit()

    @classmethod
    def _delete_fixture(cls):
        created = cls.created
        if not created:
            return
        with real_env(cls.dbname, context={"tracking_disable": True}) as env:
            env.cr.execute("SET LOCAL lock_timeout = '20s'")
            cls._remove(env, created)
            if created.get("period"):
                env["learning.unit.period"].browse(created["period"]).unlink()
            if created.get("employees"):
                env["hr.employee"].browse(created["employees"]).exists().unlink()
            if created.get("department"):
                env["hr.department"].browse(created["department"]).exists().unlink()
            if created.get("users"):
                env["res.users"].browse(created["users"]).exists().unlink()
            env["res.partner"].browse(created.get("partners", [])).exists().unlink()
            # anything else named after this run (e.g. contacts made on the way)
            env["res.partner"].with_context(active_test=False).search(
                [("name", "=like", f"{cls.tag}%")]
            ).unlink()
            if "bus_floor" in created:
                env.cr.execute(
                    "DELETE FROM bus_bus WHERE id > %s", [created["bus_floor"]]
                )
            env.cr.commit()
        cls.created = {}
