"""Attacker tests: faked results.

A unit officer (and the other roles) tries to write the results the addon
computes, the values it takes from other records, and the workflow's
bookkeeping, through the ORM, over XML-RPC and through the web client's
``web_save``. Every attempt must be refused with a UserError (AccessError and
ValidationError are UserErrors; over XML-RPC a Fault 2 or 4) and change
nothing the superuser can see.
"""

from .attack_common import (
    LU_MODELS,
    AttackFixture,
    bookkeeping_fields,
    derived_fields,
)
from .common import LearningUnitCase, LearningUnitHttpCase

CONFIG_MODELS = (
    "learning.unit.template",
    "learning.unit.criterion",
    "learning.unit.period",
)


class _FakedResults(AttackFixture):
    """The attacks, run through ``transport`` ("orm" or "xmlrpc")."""

    transport = "orm"

    # -- transports ---------------------------------------------------------
    def op_write(self, user, records, vals):
        if self.transport == "orm":
            return lambda: records.with_user(user).write(vals)
        return lambda: self.rpc(user, records._name, "write", records.ids, vals)

    def op_call(self, user, records, method):
        if self.transport == "orm":
            return lambda: getattr(records.with_user(user), method)()
        return lambda: self.rpc(user, records._name, method, records.ids)

    def op_create(self, user, model, vals, created):
        """Create as ``user``; the new ids are appended to ``created``."""
        if self.transport == "orm":

            def create():
                created.extend(self.env[model].with_user(user).create(vals).ids)

        else:

            def create():
                created.append(self.rpc(user, model, "create", vals))

        return create

    # -- attacks --------------------------------------------------------------
    def write_problems(self, user, records, vals, fields=None, extra=(), keep=False):
        label = (
            f"[{self.transport}] {user.login} writes "
            f"{records._name}({records.id}) {vals}"
        )
        error, changes = self.attack(
            self.op_write(user, records, vals),
            [(records, fields or list(vals)), *extra],
            keep=keep,
        )
        return self.problems_of(label, error, changes)

    def create_problems(self, user, model, vals, fields):
        created = []

        def created_values():
            records = self.env[model].sudo().browse(created).exists()
            return {
                ("created", model, record.id, fname): record[fname]
                if not hasattr(record[fname], "ids")
                else tuple(record[fname].ids)
                for record in records
                for fname in fields
            }

        error, changes = self.attack(
            self.op_create(user, model, vals, created), [created_values]
        )
        label = f"[{self.transport}] {user.login} creates {model} {vals}"
        return self.problems_of(label, error, changes)

    def fresh_assessment_vals(self, **extra):
        """An assessment the officer may create: own sub-unit, unused period."""
        return dict(
            {"period_id": self.period_free.id, "department_id": self.sub_unit.id},
            **extra,
        )

    # -- tests ----------------------------------------------------------------
    def test_self_total_cannot_be_written(self):
        self.assertEqual(self.assessment.self_total, 96)
        totals = [
            "self_total",
            "self_rank",
        ]
        problems = []
        for user in (self.officer, self.member, self.admin):
            problems += self.write_problems(
                user, self.assessment, {"self_total": 100}, fields=totals
            )
        problems += self.write_problems(
            self.reviewer, self.in_review, {"self_total": 99.5}, fields=totals
        )
        self.assert_no_problems(problems)

    def test_review_total_cannot_be_written(self):
        fields = ["review_total", "review_rank", "review_complete"]
        problems = []
        for user, assessment in (
            (self.officer, self.assessment),
            (self.admin, self.assessment),
            (self.reviewer, self.in_review),
            (self.admin, self.in_review),
        ):
            problems += self.write_problems(
                user, assessment, {"review_total": 100}, fields=fields
            )
        self.assert_no_problems(problems)

    def test_review_rank_cannot_be_faked(self):
        self.assertFalse(self.assessment.review_rank)
        self.assertFalse(self.in_review.review_rank)  # review not confirmed yet
        problems = []
        for user, assessment in (
            (self.officer, self.assessment),
            (self.admin, self.assessment),
            (self.reviewer, self.in_review),
            (self.admin, self.in_review),
        ):
            problems += self.write_problems(user, assessment, {"review_rank": "good"})
        self.assert_no_problems(problems)

    def test_year_name_and_member_count_cannot_be_written(self):
        problems = []
        for user in (self.officer, self.admin):
            for vals in (
                {"year": 2099},
                {"name": "Trường Tiểu học Tân Trụ - 2099"},
                {"member_count": 50},
                {"members_missing_evidence_count": 5},
            ):
                problems += self.write_problems(user, self.assessment, vals)
        self.assert_no_problems(problems)

    def test_blanked_missing_documents_do_not_allow_submission(self):
        self.assertTrue(self.assessment.dossier_missing)  # nothing provided yet
        problems = self.write_problems(
            self.officer,
            self.assessment,
            {"dossier_missing": ""},
            fields=["dossier_missing", "dossier_completeness"],
            keep=True,
        )
        problems += self.write_problems(
            self.officer, self.assessment, {"dossier_completeness": 100.0}, keep=True
        )
        # whatever was written, the dossier is still incomplete
        error, changes = self.attack(
            self.op_call(self.officer, self.assessment, "action_submit"),
            [(self.assessment, ["state", "submitted_on", "submitted_by"])],
        )
        problems += self.problems_of(
            f"[{self.transport}] officer submits an incomplete dossier", error, changes
        )
        self.assert_no_problems(problems)

    def _lenient_template_attack(self, user):
        """``user`` points the 20-point assessment at the lenient template."""
        low = self.low
        self.assertEqual(low.self_total, 20)
        self.assertEqual(low.self_rank, "fail")
        self.assertEqual(self.lenient._rank_of(20), "good")
        problems = self.write_problems(
            user,
            low,
            {"template_id": self.lenient.id},
            fields=["template_id", "self_rank"],
            extra=[(low.period_id, ["template_id"])],
            keep=True,
        )
        # later inputs of the unit are scored and ranked with the real template
        line_1b = self.line(low, "1b")
        self.attack(self.op_write(self.officer, line_1b, {"achieved": True}), keep=True)
        self.env.invalidate_all()
        low = low.sudo()
        self.assertEqual(low.self_total, 30, "the officer's 1b input was refused")
        # the assessment keeps the period's frozen copy of the real rules
        if low.template_id != low.period_id.rules_id or (
            low.template_id.snapshot_of_id != self.template
        ):
            problems.append(f"template is now {low.template_id.display_name}")
        if low.period_id.template_id != self.template:
            problems.append(
                f"the period's template is now {low.period_id.template_id.name}"
            )
        if low.self_rank != self.template._rank_of(30):
            problems.append(f"30 points ranked {low.self_rank!r}, not 'fail'")
        self.assert_no_problems(problems)

    def test_officer_cannot_switch_to_a_lenient_template(self):
        self._lenient_template_attack(self.officer)

    def test_admin_cannot_switch_an_assessment_to_a_lenient_template(self):
        self._lenient_template_attack(self.admin)

    def test_company_cannot_be_changed(self):
        # both may work in the other company too: the target company is readable
        (self.officer | self.admin).sudo().write(
            {"company_ids": [(4, self.company_2.id)]}
        )
        problems = []
        for user in (self.officer, self.admin):
            problems += self.write_problems(
                user,
                self.assessment,
                {"company_id": self.company_2.id},
                extra=[(self.assessment.period_id, ["company_id"])],
            )
        self.assert_no_problems(problems)

    def test_line_scores_and_criterion_cannot_be_written(self):
        line_3c = self.line(self.assessment, "3c")
        self.assertEqual(line_3c.self_score, 1)
        group = self.template.criterion_ids.filtered(lambda c: c.kind == "group")[0]
        bigger = self.line(self.assessment, "1a").criterion_id
        fields = ["self_score", "criterion_id", "criterion_code"]
        extra = [(self.assessment, ["self_total"])]
        problems = []
        for user in (self.officer, self.admin):
            for vals in (
                {"self_score": 5},
                {"criterion_id": group.id},
                {"criterion_id": bigger.id, "achieved": True},
                {"criterion_code": "1a"},
            ):
                problems += self.write_problems(
                    user, line_3c, vals, fields=fields, extra=extra
                )
        problems += self.write_problems(
            self.reviewer,
            self.line(self.in_review, "3c"),
            {"self_score": 0},
            fields=fields,
            extra=[(self.in_review, ["self_total"])],
        )
        self.assert_no_problems(problems)

    def test_member_identity_cannot_be_written(self):
        employee = self.other_member.employee_id
        fields = ["name", "job_title", "user_id", "department_id"]
        extra = [(employee, ["name", "job_title", "user_id", "department_id"])]
        problems = []
        for user in (self.officer, self.admin):
            for vals in (
                {"name": "Người giả mạo"},
                {"job_title": "Chiến sĩ thi đua"},
                {"user_id": self.officer.id},
            ):
                problems += self.write_problems(
                    user, self.other_member, vals, fields=fields, extra=extra
                )
        own_employee = self.own_member.employee_id
        for vals in ({"name": "Tên khác"}, {"job_title": "Chiến sĩ thi đua"}):
            problems += self.write_problems(
                self.member,
                self.own_member,
                vals,
                fields=fields,
                extra=[(own_employee, ["name", "job_title"])],
            )
        self.assert_no_problems(problems)

    def test_dossier_item_cannot_be_marked_provided(self):
        extra = [(self.assessment, ["dossier_missing", "dossier_completeness"])]
        problems = []
        for user, item in (
            (self.officer, self.unit_item),
            (self.admin, self.unit_item),
            (self.officer, self.own_item),
            (self.member, self.own_item),
        ):
            self.assertFalse(item.is_provided)
            problems += self.write_problems(
                user, item, {"is_provided": True}, extra=extra
            )
        self.assert_no_problems(problems)

    def test_create_with_results_or_workflow_values_is_refused(self):
        fields = ["state", "self_total", "review_total", "review_rank", "year"]
        problems = []
        for user in (self.officer, self.admin):
            for extra in (
                {"state": "recognised"},
                {"self_total": 100},
                {"self_rank": "good"},
                {"review_total": 100, "review_rank": "good"},
                {"year": 2099},
                {"template_id": self.lenient.id},
                {"submitted_on": "2042-12-01 08:00:00"},
                {"return_count": 0, "recognised_on": "2042-12-01 08:00:00"},
            ):
                problems += self.create_problems(
                    user,
                    "learning.unit.assessment",
                    self.fresh_assessment_vals(**extra),
                    fields,
                )
        self.assert_no_problems(problems)

    def test_create_member_or_item_with_derived_values_is_refused(self):
        newcomer = self.env["hr.employee"].create(
            {"name": "Giáo viên mới Tân Trụ", "department_id": self.unit.id}
        )
        member_fields = ["name", "job_title", "user_id", "employee_id"]
        problems = []
        for vals in (
            {"name": "Chiến sĩ thi đua giả"},
            {"job_title": "Hiệu trưởng"},
            {"user_id": self.officer.id},
        ):
            problems += self.create_problems(
                self.officer,
                "learning.unit.member",
                dict(
                    {"assessment_id": self.assessment.id, "employee_id": newcomer.id},
                    **vals,
                ),
                member_fields,
            )
        problems += self.create_problems(
            self.officer,
            "learning.unit.dossier.item",
            {
                "assessment_id": self.assessment.id,
                "document_type_id": self.unit_item.document_type_id.id,
                "is_provided": True,
            },
            ["is_provided"],
        )
        problems += self.create_problems(
            self.admin,
            "learning.unit.assessment.line",
            {
                "assessment_id": self.low.id,
                "criterion_id": self.line(self.low, "3b").criterion_id.id,
                "self_score": 10,
            },
            ["self_score"],
        )
        self.assert_no_problems(problems)

    def test_illegal_state_writes_are_refused(self):
        fields = ["state", "recognised_on", "submitted_on"]
        problems = []
        for user, assessment, state in (
            (self.officer, self.assessment, "recognised"),
            (self.admin, self.assessment, "recognised"),
            (self.officer, self.assessment, "reviewed"),
            (self.reviewer, self.in_review, "recognised"),
            (self.admin, self.in_review, "recognised"),
            (self.officer, self.in_review, "draft"),
            (self.member, self.assessment, "submitted"),
        ):
            problems += self.write_problems(
                user, assessment, {"state": state}, fields=fields
            )
        self.assert_no_problems(problems)

    def test_workflow_bookkeeping_cannot_be_written(self):
        Assessment = self.env["learning.unit.assessment"]
        names = bookkeeping_fields(Assessment)
        for expected in ("submitted_on", "submitted_by", "return_count"):
            self.assertIn(expected, names)
        problems = []
        for user, assessment in (
            (self.officer, self.assessment),
            (self.reviewer, self.in_review),
            (self.admin, self.assessment),
            (self.admin, self.in_review),
        ):
            for fname in names:
                value = self.other_value(
                    assessment, fname, {"submitted_by": [self.officer, self.admin]}
                )
                problems += self.write_problems(user, assessment, {fname: value})
        self.assert_no_problems(problems)

    def test_stored_derived_fields_are_unwritable_by_every_role(self):
        """Introspection: every stored computed-readonly or related field."""
        targets = {
            "member": (self.assessment, self.own_member, self.own_item),
            "officer": (self.assessment, self.other_member, self.unit_item),
            "reviewer": (
                self.in_review,
                self.in_review.member_ids[0],
                self.in_review.dossier_item_ids[0],
            ),
            "admin": (self.assessment, self.other_member, self.unit_item),
        }
        groups = self.template.criterion_ids.filtered(lambda c: c.kind == "group")
        criterion = self.line(self.assessment, "3c").criterion_id
        candidates = {
            "company_id": [self.company_2],
            "template_id": [self.lenient],
            "parent_department_id": [self.district_b],
            "department_id": [self.other_unit],
            "user_id": [self.officer, self.member_2],
            "parent_id": [(groups - criterion.parent_id)[0]],
        }
        problems = []
        checked = set()
        for role, (assessment, member, item) in targets.items():
            user = getattr(self, role)
            records = {
                "learning.unit.assessment": assessment,
                "learning.unit.assessment.line": self.line(assessment, "3c"),
                "learning.unit.member": member,
                "learning.unit.dossier.item": item,
                "learning.unit.template": self.lenient,
                "learning.unit.criterion": criterion,
                "learning.unit.period": self.period_free,
            }
            for model in (*LU_MODELS, *CONFIG_MODELS):
                record = records[model]
                for fname in derived_fields(self.env[model]):
                    value = self.other_value(record, fname, candidates)
                    problems += self.write_problems(user, record, {fname: value})
                    checked.add((model, fname))
        # the introspection found the fields this file is about
        for expected in (
            ("learning.unit.assessment", "self_total"),
            ("learning.unit.assessment", "review_rank"),
            ("learning.unit.assessment.line", "self_score"),
            ("learning.unit.member", "name"),
            ("learning.unit.dossier.item", "is_provided"),
        ):
            self.assertIn(expected, checked)
        self.assertNotIn(("learning.unit.assessment", "head_name"), checked)
        self.assert_no_problems(problems)


class TestFakedResultsOrm(_FakedResults, LearningUnitCase):
    transport = "orm"


class TestFakedResultsXmlRpc(_FakedResults, LearningUnitHttpCase):
    transport = "xmlrpc"

    def test_web_save_cannot_carry_self_total(self):
        """The web client's save (JSON-RPC call_kw web_save) is no way round."""
        fields = ["self_total", "self_rank", "self_note"]
        problems = []
        for user, vals in (
            (self.officer, {"self_total": 100}),
            (self.officer, {"self_note": "Đã rà soát", "self_total": 100}),
            (self.admin, {"self_total": 100, "self_rank": "good"}),
        ):
            error, changes = self.attack(
                lambda user=user, vals=vals: self.call_kw(
                    user,
                    "learning.unit.assessment",
                    "web_save",
                    [[self.assessment.id], vals],
                    {"specification": {"self_total": {}, "self_rank": {}}},
                ),
                [(self.assessment, fields)],
            )
            problems += self.problems_of(
                f"[web_save] {user.login} saves {vals}", error, changes
            )
        self.assert_no_problems(problems)
