"""Attacker tests: out of scope.

A unit officer tries to reach beyond their unit: move their assessment to
another unit, list employees of other units or companies as members (and so
read their names and jobs), attach files of other units, widen their own
scope by editing their employee's department, or learn from the error
messages whether another unit has an assessment. A reviewer tries another
district, a member another member's evidence.
"""

import re

from odoo.exceptions import AccessError, UserError

from .attack_common import AttackFixture
from .common import LearningUnitCase, LearningUnitHttpCase


class _ScopeFixture(AttackFixture):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a unit of district A without any assessment: a free target
        cls.empty_unit = cls.make_unit(
            "Trường Mầm non Lạc Tấn", 1, parent=cls.district_a
        )
        # a file of another unit's dossier, which the officer cannot read
        cls.foreign_file = (
            cls.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": "bien-ban-binh-lang.pdf",
                    "raw": b"%PDF-1.4 Binh Lang",
                    "res_model": "learning.unit.dossier.item",
                    "res_id": cls.other_item.id,
                }
            )
        )
        cls.other_item.sudo().attachment_ids = [(6, 0, cls.foreign_file.ids)]
        cls.foreign_member_file = (
            cls.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": "ho-so-binh-lang.pdf",
                    "raw": b"%PDF-1.4 Binh Lang member",
                    "res_model": "learning.unit.member",
                    "res_id": cls.other_assessment.member_ids[0].id,
                }
            )
        )


class TestOutOfScope(_ScopeFixture, LearningUnitCase):
    def test_officer_cannot_move_own_assessment_to_another_unit(self):
        problems = []
        for unit in (self.empty_unit, self.unit_b, self.unit_c2):
            error, changes = self.attack(
                lambda unit=unit: self.assessment.with_user(self.officer).write(
                    {"department_id": unit.id}
                ),
                [(self.assessment, ["department_id", "name", "parent_department_id"])],
            )
            problems += self.problems_of(
                f"officer moves own assessment to {unit.name}", error, changes
            )
        self.assert_no_problems(problems)

    def _member_rows_leak(self, employee):
        """What the officer reads of ``employee`` through the member rows."""
        rows = (
            self.env["learning.unit.member"]
            .with_user(self.officer)
            .search_read(
                [("assessment_id", "=", self.assessment.id)], ["name", "job_title"]
            )
        )
        return [
            f"officer reads {row['name']!r} / {row['job_title']!r} of another unit"
            for row in rows
            if row["name"] == employee.name or row["job_title"] == employee.job_title
        ]

    def _foreign_member_attack(self, employee, how):
        assessment = self.assessment.with_user(self.officer)
        if how == "create":

            def operation():
                self.env["learning.unit.member"].with_user(self.officer).create(
                    {"assessment_id": assessment.id, "employee_id": employee.id}
                )

        else:

            def operation():
                assessment.write({"member_ids": [(0, 0, {"employee_id": employee.id})]})

        error, changes = self.attack(
            operation,
            [(self.assessment, ["member_ids", "member_count"])],
            keep=True,
        )
        problems = self.problems_of(
            f"officer adds {employee.name} ({employee.company_id.name}) via {how}",
            error,
            changes,
        )
        return problems + self._member_rows_leak(employee)

    def test_officer_cannot_add_an_employee_of_another_unit_as_member(self):
        self.assert_no_problems(
            self._foreign_member_attack(self.foreign_employee, "create")
        )

    def test_officer_cannot_add_an_employee_of_another_unit_via_member_ids(self):
        self.assert_no_problems(
            self._foreign_member_attack(self.foreign_employee, "member_ids")
        )

    def test_officer_cannot_add_an_employee_of_another_company_as_member(self):
        self.assert_no_problems(
            self._foreign_member_attack(self.company_2_employee, "create")
        )

    def test_officer_cannot_add_an_employee_of_another_company_via_member_ids(self):
        self.assert_no_problems(
            self._foreign_member_attack(self.company_2_employee, "member_ids")
        )

    def test_officer_cannot_repoint_a_member_to_a_foreign_employee(self):
        member = self.other_member
        problems = []
        for employee in (self.company_2_employee, self.foreign_employee):
            error, changes = self.attack(
                lambda employee=employee: member.with_user(self.officer).write(
                    {"employee_id": employee.id}
                ),
                [(member, ["employee_id", "name", "job_title", "company_id"])],
            )
            problems += self.problems_of(
                f"officer re-points member {member.name} to {employee.name}",
                error,
                changes,
            )
        self.assert_no_problems(problems)

    def test_officer_cannot_attach_another_units_file(self):
        # the file is out of the officer's reach to begin with
        with self.assertRaises(AccessError):
            self.foreign_file.with_user(self.officer).read(["name", "datas"])
        with self.assertRaises(AccessError):
            self.foreign_member_file.with_user(self.officer).read(["name"])
        problems = []
        for record, file, label in (
            (self.unit_item, self.foreign_file, "own unit dossier item"),
            (self.own_item, self.foreign_file, "a member's dossier item"),
            (self.other_member, self.foreign_member_file, "own member row"),
        ):
            fields = ["attachment_ids"]
            if record._name == "learning.unit.dossier.item":
                fields.append("is_provided")
            for command in ([(6, 0, file.ids)], [(4, file.id)]):
                error, changes = self.attack(
                    lambda record=record, command=command: record.with_user(
                        self.officer
                    ).write({"attachment_ids": command}),
                    [(record, fields), (self.assessment, ["dossier_completeness"])],
                )
                problems += self.problems_of(
                    f"officer links {file.name} to {label} with {command}",
                    error,
                    changes,
                )
        # nor through the member's own evidence
        error, changes = self.attack(
            lambda: self.own_member.with_user(self.member).write(
                {"attachment_ids": [(4, self.foreign_member_file.id)]}
            ),
            [(self.own_member, ["attachment_ids"])],
        )
        problems += self.problems_of(
            "member links another unit's file to own evidence", error, changes
        )
        self.assert_no_problems(problems)

    def _self_edit_department(self):
        """The officer moves their own employee to another unit, as hr allows."""
        officer = self.officer.with_user(self.officer)
        error, _changes = self.attack(
            lambda: officer.write({"department_id": self.other_unit.id}),
            keep=True,
        )
        problems = []
        if error is not None and not isinstance(error, UserError):
            problems.append(f"self-edit refused with {type(error).__name__}: {error}")
        self.env.registry.clear_cache()
        as_officer = self.other_assessment.with_user(self.officer)
        if self.other_assessment in as_officer.search([]):
            problems.append("the other unit's assessment is now listed for the officer")
        try:
            as_officer.read(["self_total", "name"])
            problems.append("the officer now reads the other unit's assessment")
        except AccessError:
            pass
        error, changes = self.attack(
            lambda: as_officer.write({"self_note": "Đơn vị bạn đã sửa"}),
            [(self.other_assessment, ["self_note"])],
        )
        problems += self.problems_of(
            "officer writes the other unit's assessment", error, changes
        )
        return problems

    def test_self_edit_of_department_does_not_widen_scope(self):
        """With hr's 'Employee Editing' on, department_id is self-writable."""
        self.env["ir.config_parameter"].sudo().set_param(
            "hr.hr_employee_self_edit", True
        )
        self.assert_no_problems(self._self_edit_department())

    def test_self_edit_of_department_default_settings(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "hr.hr_employee_self_edit", False
        )
        self.assert_no_problems(self._self_edit_department())

    def test_foreign_unit_creation_does_not_reveal_existing_assessments(self):
        # other_unit has an assessment in `period`, none in `period_free`
        Assessment = self.env["learning.unit.assessment"]
        self.assertTrue(
            Assessment.search_count(
                [
                    ("department_id", "=", self.other_unit.id),
                    ("period_id", "=", self.period.id),
                ]
            )
        )
        self.assertFalse(
            Assessment.search_count(
                [
                    ("department_id", "=", self.other_unit.id),
                    ("period_id", "=", self.period_free.id),
                ]
            )
        )
        errors = {}
        problems = []
        for key, period in (("existing", self.period), ("free", self.period_free)):
            error, changes = self.attack(
                lambda period=period: Assessment.with_user(self.officer).create(
                    {"period_id": period.id, "department_id": self.other_unit.id}
                ),
                [
                    lambda period=period: {
                        ("assessments of the other unit in", period.name): tuple(
                            Assessment.sudo()
                            .search(
                                [
                                    ("department_id", "=", self.other_unit.id),
                                    ("period_id", "=", period.id),
                                ]
                            )
                            .ids
                        )
                    }
                ],
            )
            problems += self.problems_of(
                f"officer creates for {self.other_unit.name} in {period.name} ({key})",
                error,
                changes,
            )
            errors[key] = error
        periods = (self.period, self.period_free)

        def normalised(error):
            text = str(error)
            for period in periods:
                text = text.replace(period.name, "<period>")
            return re.sub(r"\d+", "<n>", text)

        if all(errors.values()):
            kinds = {key: type(error).__name__ for key, error in errors.items()}
            if len(set(kinds.values())) > 1:
                problems.append(f"the refusals differ in kind: {kinds}")
            texts = {key: normalised(error) for key, error in errors.items()}
            if texts["existing"] != texts["free"]:
                problems.append(f"the refusals differ in text: {texts}")
            for key, error in errors.items():
                if self.other_unit.name in str(error):
                    problems.append(
                        f"the {key} refusal names the foreign unit: {error}"
                    )
        self.assert_no_problems(problems)

    def test_reviewer_cannot_score_another_district(self):
        line = self.line(self.assessment_b, "1a")
        error, changes = self.attack(
            lambda: line.with_user(self.reviewer).write({"review_score": 10}),
            [
                (line, ["review_score", "review_set"]),
                (self.assessment_b, ["review_total"]),
            ],
        )
        self.assert_no_problems(
            self.problems_of("reviewer A scores a line of district B", error, changes)
        )

    def test_member_cannot_write_another_members_evidence(self):
        other_item = self.other_member.dossier_item_ids[0]
        problems = []
        for record, vals in (
            (self.other_member, {"plan_approved": False}),
            (self.other_member, {"competency_3a1": False}),
            (other_item, {"paper_copy": True}),
        ):
            error, changes = self.attack(
                lambda record=record, vals=vals: record.with_user(self.member).write(
                    vals
                ),
                [(record, list(vals))],
            )
            problems += self.problems_of(
                f"member writes {record._name}({record.id}) {vals}", error, changes
            )
        self.assert_no_problems(problems)


class TestOutOfScopeOverRpc(_ScopeFixture, LearningUnitHttpCase):
    def test_reviewer_cannot_score_another_district_over_rpc(self):
        line = self.line(self.assessment_b, "1a")
        problems = []
        for vals in ({"review_score": 10}, {"review_score": 10, "review_set": True}):
            error, changes = self.attack(
                lambda vals=vals: self.rpc(
                    self.reviewer,
                    "learning.unit.assessment.line",
                    "write",
                    line.ids,
                    vals,
                ),
                [
                    (line, ["review_score", "review_set"]),
                    (self.assessment_b, ["review_total", "review_rank"]),
                ],
            )
            problems += self.problems_of(
                f"[xmlrpc] reviewer A writes {vals} on district B", error, changes
            )
        error, changes = self.attack(
            lambda: self.rpc(
                self.reviewer,
                "learning.unit.assessment",
                "action_confirm_review_scores",
                self.assessment_b.ids,
            ),
            [(self.assessment_b.line_ids, ["review_set"])],
        )
        problems += self.problems_of(
            "[xmlrpc] reviewer A confirms district B's scores", error, changes
        )
        self.assert_no_problems(problems)

    def test_officer_cannot_move_or_fill_over_rpc(self):
        problems = []
        for model, record_ids, vals, watch in (
            (
                "learning.unit.assessment",
                self.assessment.ids,
                {"department_id": self.empty_unit.id},
                [(self.assessment, ["department_id"])],
            ),
            (
                "learning.unit.assessment",
                self.assessment.ids,
                {"member_ids": [(0, 0, {"employee_id": self.foreign_employee.id})]},
                [(self.assessment, ["member_ids"])],
            ),
            (
                "learning.unit.member",
                self.other_member.ids,
                {"employee_id": self.company_2_employee.id},
                [(self.other_member, ["employee_id", "name"])],
            ),
            (
                "learning.unit.dossier.item",
                self.unit_item.ids,
                {"attachment_ids": [(4, self.foreign_file.id)]},
                [(self.unit_item, ["attachment_ids", "is_provided"])],
            ),
        ):
            error, changes = self.attack(
                lambda model=model, ids=record_ids, vals=vals: self.rpc(
                    self.officer, model, "write", ids, vals
                ),
                watch,
            )
            problems += self.problems_of(
                f"[xmlrpc] officer writes {model} {vals}", error, changes
            )
        error, changes = self.attack(
            lambda: self.rpc(
                self.officer,
                "learning.unit.member",
                "create",
                {
                    "assessment_id": self.assessment.id,
                    "employee_id": self.company_2_employee.id,
                },
            ),
            [(self.assessment, ["member_ids"])],
        )
        problems += self.problems_of(
            "[xmlrpc] officer lists another company's employee", error, changes
        )
        self.assert_no_problems(problems)

    def test_member_cannot_write_another_members_evidence_over_rpc(self):
        problems = []
        for model, record, vals in (
            ("learning.unit.member", self.other_member, {"plan_approved": False}),
            (
                "learning.unit.dossier.item",
                self.other_member.dossier_item_ids[0],
                {"paper_copy": True},
            ),
        ):
            error, changes = self.attack(
                lambda model=model, record=record, vals=vals: self.rpc(
                    self.member, model, "write", record.ids, vals
                ),
                [(record, list(vals))],
            )
            problems += self.problems_of(
                f"[xmlrpc] member writes {model}({record.id}) {vals}", error, changes
            )
        self.assert_no_problems(problems)
