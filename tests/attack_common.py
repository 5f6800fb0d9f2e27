"""Shared fixture and helpers of the attacker tests (test_attack_*.py).

Every attack is run, its outcome classified, and the data re-read as
superuser: an attack is repelled only if it raised a proper refusal (an
``odoo.exceptions.UserError`` or subclass; over XML-RPC a Fault with code 2
or 4, never 1 which is a server traceback) AND nothing changed.

The helpers collect what went wrong as sentences instead of failing at the
first problem, so that a failing test says everything the code let through.
"""

import json
from xmlrpc.client import Fault

import odoo.exceptions
from odoo.exceptions import UserError
from odoo.models import BaseModel

from .attack_io import is_vietnamese

MEMBER = "learning_unit.group_member"
OFFICER = "learning_unit.group_unit_officer"
REVIEWER = "learning_unit.group_district_reviewer"
ADMIN = "learning_unit.group_admin"

# xmlrpc fault codes of odoo/addons/base/controllers/rpc.py
RPC_USER_ERROR = 2
RPC_ACCESS_ERROR = 4
RPC_REFUSALS = (RPC_USER_ERROR, RPC_ACCESS_ERROR)

# the models whose stored derived fields nobody but the superuser may write
LU_MODELS = (
    "learning.unit.assessment",
    "learning.unit.assessment.line",
    "learning.unit.member",
    "learning.unit.dossier.item",
)

# set only by the workflow buttons (bookkeeping of who did what, when)
BOOKKEEPING_PREFIXES = (
    "submitted_",
    "review_started_",
    "reviewed_",
    "returned_",
    "recognised_",
    "return_",
)


MAGIC_FIELDS = {"id", "create_uid", "create_date", "write_uid", "write_date"}


class _Undo(Exception):
    """Raised inside a savepoint to roll back an attack that succeeded."""


class JsonRpcError(Exception):
    """A JSON-RPC error answer, with Odoo's serialized exception."""

    def __init__(self, error):
        self.error = error
        data = error.get("data") or {}
        self.name = data.get("name") or ""
        self.message = data.get("message") or error.get("message") or ""
        super().__init__(f"{self.name}: {self.message}")


def derived_fields(model):
    """Stored fields computed by the addon (readonly) or related to another record.

    One2many/many2many fields and computed fields the user may edit
    (``readonly=False``, like ``head_name``) are left out.
    """
    names = []
    for name, field in model._fields.items():
        if not field.store or field.type in ("one2many", "many2many"):
            continue
        if name in MAGIC_FIELDS:
            continue
        if (field.compute and field.readonly) or field.related:
            names.append(name)
    return sorted(names)


def bookkeeping_fields(model):
    """The workflow's bookkeeping fields of the assessment (who/when/why/how often)."""
    return sorted(
        name
        for name, field in model._fields.items()
        if field.store
        and name.startswith(BOOKKEEPING_PREFIXES)
        and field.type not in ("one2many", "many2many")
        and not field.compute
    )


def describe_refusal(error):
    """None if ``error`` is a proper refusal, else what happened instead."""
    if error is None:
        return "accepted (no error raised)"
    if isinstance(error, Fault):
        if error.faultCode in RPC_REFUSALS:
            return None
        return (
            f"RPC Fault {error.faultCode} (server traceback): "
            + str(error.faultString).strip().splitlines()[-1][:300]
        )
    if isinstance(error, JsonRpcError):
        exc_class = getattr(odoo.exceptions, error.name.rpartition(".")[2], None)
        if (
            error.name.startswith("odoo.exceptions.")
            and isinstance(exc_class, type)
            and issubclass(exc_class, UserError)
        ):
            return None
        return f"JSON-RPC error {error.name}: {error.message[:300]}"
    if isinstance(error, UserError):
        return None
    return f"{type(error).__name__} instead of a UserError: {str(error)[:300]}"


def short(value, limit=70):
    """repr() of ``value``, cut to ``limit`` characters."""
    text = value if isinstance(value, str) and limit > 100 else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AttackMixin:
    """Helpers shared by the attacker tests (TransactionCase and HttpCase)."""

    # -- reading the truth ------------------------------------------------
    def snapshot(self, records, fnames):
        """``{(model, id, field): value}`` as the superuser sees it now."""
        self.env.invalidate_all()
        result = {}
        for record in records.sudo().with_context(active_test=False):
            for fname in fnames:
                value = record[fname]
                if isinstance(value, BaseModel):
                    value = tuple(value.ids)
                result[(record._name, record.id, fname)] = value
        return result

    def watch(self, *pairs):
        """Snapshot of several ``(records, fnames)`` pairs or callables.

        A callable returns its own ``{key: value}`` snapshot (read as superuser).
        """
        result = {}
        for pair in pairs:
            if callable(pair):
                self.env.invalidate_all()
                result.update(pair())
            else:
                records, fnames = pair
                result.update(self.snapshot(records, fnames))
        return result

    def diff(self, before, pairs):
        after = self.watch(*pairs)
        keys = list(before) + [key for key in after if key not in before]
        return [
            f"{' '.join(map(str, key))}: {short(before.get(key, '<none>'))} -> "
            f"{short(after.get(key, '<none>'))}"
            for key in keys
            if after.get(key, "<none>") != before.get(key, "<none>")
        ]

    # -- running an attack ------------------------------------------------
    def attack(self, operation, watch=(), keep=False):
        """Run ``operation`` like a request would; return (error, changes).

        ``changes`` lists what the superuser sees changed after the attack,
        measured before the attack is rolled back. With ``keep`` an attack
        that succeeded is not rolled back (the test goes on with its effect);
        a refused one always is, as a request's transaction would be.
        """
        before = self.watch(*watch)
        error = None
        changes = []
        try:
            with self.env.cr.savepoint():
                try:
                    operation()
                    self.env.flush_all()
                except Exception as exc:  # classified by the caller
                    error = exc
                    raise
                changes = self.diff(before, watch)
                if not keep:
                    raise _Undo
        except _Undo:
            pass
        except Exception as exc:
            if exc is not error:
                raise
        self.env.invalidate_all()
        self.env.registry.clear_cache()  # record rules cache evaluated scopes
        if error is not None:
            # refused: nothing may have stayed changed either
            changes = self.diff(before, watch)
        return error, changes

    def problems_of(self, label, error, changes):
        """A sentence describing how the attack ``label`` was not repelled."""
        what = []
        refusal = describe_refusal(error)
        if refusal:
            what.append(refusal)
        if changes:
            what.append("changed " + "; ".join(changes))
        return [f"{short(label, 160)}: {', '.join(what)}"] if what else []

    def refused(self, label, operation, watch=(), leaks=()):
        """The problems of an attack that must be refused in clear Vietnamese.

        ``leaks`` are names the message must not hold (other units, bodies).
        """
        error, changes = self.attack(operation, watch)
        problems = self.problems_of(label, error, changes)
        if error is not None and not problems:
            message = getattr(error, "message", None) or str(error)
            if not is_vietnamese(message):
                problems.append(
                    f"{label}: refused, not in Vietnamese: {short(message)}"
                )
            for name in leaks:
                if name in message:
                    problems.append(f"{label}: the refusal names {name!r}")
        return problems

    def assert_repelled(self, label, operation, watch=(), keep=False):
        error, changes = self.attack(operation, watch, keep=keep)
        problems = self.problems_of(label, error, changes)
        self.assertFalse(problems, "\n" + "\n".join(problems))
        return error

    def assert_no_problems(self, problems):
        if problems:
            self.fail(
                f"{len(problems)} attack(s) not repelled:\n" + "\n".join(problems)
            )

    # -- values an attacker would write -------------------------------------
    def other_value(self, record, fname, candidates=None):
        """A value of ``record.fname`` different from the current one.

        ``candidates`` maps field names to values to try first, in order.
        """
        field = record._fields[fname]
        current = record.sudo()[fname]
        for value in (candidates or {}).get(fname, ()):
            # the first candidate that differs from the current value
            if isinstance(value, BaseModel):
                if value != current:
                    return value.id
            elif value != current:
                return value
        if field.type in ("float", "monetary"):
            return 100.0 if current != 100 else 42.0
        if field.type == "integer":
            return (current or 0) + 7
        if field.type in ("char", "text", "html"):
            return (current or "") + " (giả mạo)"
        if field.type == "boolean":
            return not current
        if field.type == "selection":
            values = [
                key
                for key, _label in field._description_selection(self.env)
                if key != current
            ]
            return values[0]
        if field.type == "date":
            return "2031-01-15"
        if field.type == "datetime":
            return "2031-01-15 08:00:00"
        if field.type == "many2one":
            other = (
                self.env[field.comodel_name]
                .sudo()
                .with_context(active_test=False)
                .search([("id", "!=", current.id)], limit=1, order="id desc")
            )
            return other.id
        if field.type == "binary":
            return "QVRL"  # base64 of b"ATK"
        if field.type == "json":
            return {"atk": 1}
        raise NotImplementedError(f"{record._name}.{fname} ({field.type})")

    # -- remote calls --------------------------------------------------------
    def rpc(self, user, model, method, *args, **kwargs):
        """XML-RPC ``execute_kw`` as ``user`` (password = login)."""
        self.env.flush_all()
        try:
            return self.xmlrpc_object.execute_kw(
                self.env.cr.dbname,
                user.id,
                user.login,
                model,
                method,
                list(args),
                kwargs,
            )
        finally:
            self.env.invalidate_all()

    def jsonrpc(self, route, params):
        """A JSON-RPC call in the current session; raises JsonRpcError."""
        self.env.flush_all()
        try:
            response = self.url_open(
                route,
                data=json.dumps(
                    {"id": 0, "jsonrpc": "2.0", "method": "call", "params": params}
                ).encode(),
                headers={"Content-Type": "application/json"},
            )
            response.raise_for_status()
            decoded = response.json()
        finally:
            self.env.invalidate_all()
        if "error" in decoded:
            raise JsonRpcError(decoded["error"])
        return decoded.get("result")

    def call_kw(self, user, model, method, args, kwargs=None):
        """``/web/dataset/call_kw`` as ``user``, like the web client does."""
        self.authenticate(user.login, user.login)
        return self.jsonrpc(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )


class AttackFixture(AttackMixin):
    """Two districts, units in them, a second company; every role.

    * ``assessment``: the officer's unit, draft, 96 points (3c counts 1 of 5),
      dossier NOT provided;
    * ``low``: the officer's sub-unit, draft, 20 points (rank "not achieved"
      under TT22, "good" under a lenient template);
    * ``in_review``: the officer's unit in another period, submitted and taken
      into review;
    * ``other_assessment``: another unit of district A (draft);
    * ``assessment_b``: a unit of district B, in review.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district_a = cls.make_unit("Huyện Tân Trụ", 0)
        cls.unit = cls.make_unit("Trường Tiểu học Tân Trụ", 4, parent=cls.district_a)
        cls.sub_unit = cls.make_unit("Tổ Toán Tân Trụ", 2, parent=cls.unit)
        cls.other_unit = cls.make_unit(
            "Trường THCS Bình Lãng", 3, parent=cls.district_a
        )
        cls.district_b = cls.make_unit("Huyện Cần Đước", 0)
        cls.unit_b = cls.make_unit("Trường THPT Cần Đước", 3, parent=cls.district_b)
        cls.company_2 = cls.env["res.company"].create({"name": "Sở GD Tỉnh Khác"})
        cls.unit_c2 = cls.make_unit("Trường Tỉnh Khác", 2, company=cls.company_2)

        cls.member = cls.make_user("atk_member", MEMBER, department=cls.unit)
        cls.member_2 = cls.make_user("atk_member2", MEMBER, department=cls.unit)
        cls.officer = cls.make_user(
            "atk_officer", OFFICER, department=cls.unit, lang="vi_VN"
        )
        cls.reviewer = cls.make_user("atk_reviewer", REVIEWER, review=cls.district_a)
        cls.reviewer_b = cls.make_user(
            "atk_reviewer_b", REVIEWER, review=cls.district_b
        )
        cls.admin = cls.make_user("atk_admin", ADMIN)

        Employee = cls.env["hr.employee"].sudo().with_context(active_test=False)
        cls.foreign_employee = Employee.search(
            [("department_id", "=", cls.other_unit.id)], limit=1
        )
        cls.foreign_employee.job_title = "Hiệu trưởng Bình Lãng"
        cls.company_2_employee = Employee.search(
            [("department_id", "=", cls.unit_c2.id)], limit=1
        )
        cls.company_2_employee.job_title = "Kế toán Tỉnh Khác"

        cls.period_review = cls.make_period(2041)
        cls.period_free = cls.make_period(2042)

        cls.assessment = cls.make_assessment(cls.unit)
        cls.make_full_score(cls.assessment)
        cls.line(cls.assessment, "3c").count_value = 1  # 96 points

        cls.low = cls.make_assessment(cls.sub_unit)
        cls.line(cls.low, "1a").achieved = True  # 1a + 1c: 20 points
        cls.line(cls.low, "1c").missing_count = 0  # declared: nothing missing

        cls.in_review = cls.make_assessment(cls.unit, period=cls.period_review)
        cls.make_full_score(cls.in_review)
        cls.provide_dossier(cls.in_review)
        cls.in_review.with_user(cls.officer).action_submit()
        cls.in_review.with_user(cls.reviewer).action_start_review()

        cls.other_assessment = cls.make_assessment(cls.other_unit)
        cls.other_item = cls.other_assessment.dossier_item_ids[0]

        cls.assessment_b = cls.make_assessment(cls.unit_b, period=cls.period_review)
        cls.provide_dossier(cls.assessment_b)
        cls.assessment_b.action_submit()
        cls.assessment_b.action_start_review()

        cls.own_member = cls.assessment.member_ids.filtered(
            lambda m: m.user_id == cls.member
        )
        cls.other_member = cls.assessment.member_ids.filtered(
            lambda m: m.user_id == cls.member_2
        )
        cls.own_item = cls.own_member.dossier_item_ids[0]
        cls.unit_item = cls.assessment.dossier_item_ids[0]

        # a lenient copy of the template, made by the administrator
        cls.lenient = cls.template.with_user(cls.admin).copy(
            {
                "name": "Mẫu dễ dãi",
                "code": "atk_lenient",
                "threshold_good": 10,
                "threshold_fair": 5,
                "threshold_average": 1,
            }
        )
        cls.env.flush_all()
