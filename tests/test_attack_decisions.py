"""Attacker tests: the reviewing level's official documents (issue 17).

Decisions and reports upward are issued in the name of a body (a People's
Committee, a department) and take its numbers. Over JSON-RPC, as the web
client sends it, a reviewer tries to:

* D3: recognise one assessment by typing a decision number and date on the
  form: a date to come, or a number the register already gave;
* D4: issue in the name of a body whose scope does not hold the document's
  (the province's People's Committee, which has none; a body of another
  company) and so take its numbers;
* D9: revoke a revocation;
* D10: widen the scope of a draft beyond the units they review;

and D11 the legitimate cases that were refused: a reviewer whose scope is
narrower than the period's body drafts the decision and the report upward
from the period; an officer or a member prints the issued decision listing
their unit (PDF and DOCX routes), while others still get 403.

Every refusal is a clear message in the user's language (Vietnamese) that
names nothing the user may not read, and changes nothing.
"""

from datetime import timedelta

from odoo import fields

from .attack_common import OFFICER, REVIEWER, AttackFixture
from .common import LearningUnitHttpCase

DECISION = "learning.unit.decision"
REPORT = "learning.unit.upward.report"
REGISTER = "learning.unit.number.register"
PDF = "/report/pdf/learning_unit.report_decision/%s"
DOCX = "/report/docx/learning_unit.report_decision_docx/%s"


class TestDecisionAttacks(AttackFixture, LearningUnitHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Body = cls.env["learning.unit.body"]
        cls.body_a = cls.make_body("Tân Trụ", cls.district_a)
        cls.body_b = cls.make_body("Cần Đước", cls.district_b)
        # the province's People's Committee: cited by plans, no scope of units
        cls.province = Body.create(
            {
                "name": "Ủy ban nhân dân tỉnh Thử Nghiệm",
                "short_name": "UBND",
                "kind": "province",
                "place": "Tân An",
            }
        )
        cls.body_c2 = Body.with_company(cls.company_2).create(
            {
                "name": "Ủy ban nhân dân tỉnh Bí Mật Khác",
                "short_name": "UBND",
                "kind": "province",
                "place": "Nơi Khác",
                "department_id": cls.unit_c2.id,
                "company_id": cls.company_2.id,
            }
        )
        (cls.period | cls.period_review).body_id = cls.body_a
        cls.reviewer.lang = "vi_VN"
        cls.reviewer_b.lang = "vi_VN"
        # a reviewer whose scope is one school of district A
        cls.school_reviewer = cls.make_user(
            "atk_school_reviewer", REVIEWER, review=cls.unit, lang="vi_VN"
        )
        cls.officer_b = cls.make_user(
            "atk_officer_b", OFFICER, department=cls.unit_b, lang="vi_VN"
        )
        # the officer of the other unit a decision of district A lists
        cls.other_officer = cls.make_user(
            "atk_officer_other", OFFICER, department=cls.other_unit, lang="vi_VN"
        )
        cls.member.lang = "vi_VN"
        # two reviewed units of district A in the period under review
        cls.in_review.with_user(cls.reviewer).action_confirm_review_scores()
        cls.in_review.with_user(cls.reviewer).action_mark_reviewed()
        cls.other_reviewed = cls.make_assessment(
            cls.other_unit, period=cls.period_review
        )
        cls.make_full_score(cls.other_reviewed)
        cls.provide_dossier(cls.other_reviewed)
        cls.other_reviewed.action_submit()
        as_reviewer = cls.other_reviewed.with_user(cls.reviewer)
        as_reviewer.action_start_review()
        as_reviewer.action_confirm_review_scores()
        as_reviewer.action_mark_reviewed()
        cls.env.flush_all()

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def kw(self, user, model, method, args, kwargs=None):
        """``call_kw`` with the user's context, as the web client sends it."""
        kwargs = dict(kwargs or {})
        kwargs.setdefault("context", {"lang": user.lang, "uid": user.id})
        return self.call_kw(user, model, method, args, kwargs)

    def registers(self, *bodies):
        """The numbers taken by ``bodies``, as the superuser reads them."""
        bodies = bodies or (self.body_a, self.body_b, self.province, self.body_c2)
        ids = [body.id for body in bodies]

        def read():
            rows = self.env[REGISTER].sudo().search([("body_id", "in", ids)])
            return {
                ("register", row.body_id.id, row.year): row.last_number for row in rows
            }

        return read

    def documents(self, model=DECISION):
        def read():
            return {(model, "count"): self.env[model].sudo().search_count([])}

        return read

    def draft(self, user, body=None, department=None, model=DECISION, **values):
        """A draft created by ``user`` over JSON-RPC (the legitimate path)."""
        values = dict(values, period_id=self.period_review.id)
        values["body_id"] = (body or self.body_a).id
        if department:
            values["department_id"] = department.id
        record_id = self.kw(user, model, "create", [values])
        self.env.invalidate_all()
        return self.env[model].browse(record_id)

    def issued_decision(self):
        """The district's decision listing both reviewed units, issued."""
        action = self.kw(
            self.reviewer,
            "learning.unit.period",
            "action_new_decision",
            [self.period_review.ids],
        )
        decision = self.env[DECISION].browse(action["res_id"])
        self.assertEqual(
            decision.line_ids.assessment_id, self.in_review | self.other_reviewed
        )
        self.kw(self.reviewer, DECISION, "action_issue", [decision.ids])
        self.env.invalidate_all()
        self.assertEqual(decision.state, "issued")
        return decision

    # ------------------------------------------------------------------
    # D3: typing a decision on the assessment
    # ------------------------------------------------------------------
    def test_d3_reviewer_cannot_type_a_future_or_given_decision(self):
        today = fields.Date.context_today(self.in_review)
        # the body's register gives 01 this year (a report upward)
        report = self.draft(self.reviewer, model=REPORT)
        self.kw(self.reviewer, REPORT, "action_issue", [report.ids])
        self.assertEqual(report.number_text, "01/BC-UBND")
        # district B's decision of 2001, entered as history: it carries 01/QĐ-UBND
        self.assessment_b.with_user(self.reviewer_b).action_confirm_review_scores()
        self.assessment_b.with_user(self.reviewer_b).action_mark_reviewed()
        history = (
            self.env[DECISION]
            .sudo()
            .create(
                {
                    "period_id": self.period_review.id,
                    "body_id": self.body_b.id,
                    "department_id": self.district_b.id,
                    "line_ids": [(0, 0, {"assessment_id": self.assessment_b.id})],
                }
            )
        )
        history.write({"state": "issued", "date_issued": "2001-05-04"})
        self.assertEqual(history.number_text, "01/QĐ-UBND")

        watched = [
            (
                self.in_review,
                ["decision_number", "decision_date", "state", "recognition_id"],
            )
        ]
        problems = []
        for label, vals in (
            (
                "a decision dated in two days",
                {
                    "decision_number": "15/QĐ-UBND",
                    "decision_date": fields.Date.to_string(today + timedelta(days=2)),
                },
            ),
            (
                "the number the register gave this year",
                {
                    "decision_number": "01/QĐ-UBND",
                    "decision_date": fields.Date.to_string(today),
                },
            ),
            (
                "the same number written without its zero",
                {
                    "decision_number": "1/QĐ-UBND",
                    "decision_date": fields.Date.to_string(today),
                },
            ),
            (
                "the number another decision carries",
                {"decision_number": "01/QĐ-UBND", "decision_date": "2002-01-10"},
            ),
        ):
            problems += self.refused(
                f"reviewer types {label} {vals}",
                lambda vals=vals: self.kw(
                    self.reviewer,
                    self.in_review._name,
                    "write",
                    [self.in_review.ids, vals],
                ),
                watched,
                leaks=("Cần Đước", "Trường THPT"),
            )
        # the date alone, on an assessment whose number is already typed
        self.in_review.sudo().decision_number = "16/QĐ-UBND"
        problems += self.refused(
            "reviewer moves the typed decision to next week",
            lambda: self.kw(
                self.reviewer,
                self.in_review._name,
                "write",
                [
                    self.in_review.ids,
                    {"decision_date": fields.Date.to_string(today + timedelta(days=7))},
                ],
            ),
            watched,
        )
        self.assert_no_problems(problems)

        # a decision signed on paper, numbered beyond the register: accepted
        self.kw(
            self.reviewer,
            self.in_review._name,
            "write",
            [
                self.in_review.ids,
                {
                    "decision_number": "15/QĐ-UBND",
                    "decision_date": fields.Date.to_string(today),
                },
            ],
        )
        self.kw(
            self.reviewer,
            self.in_review._name,
            "action_recognise",
            [self.in_review.ids],
        )
        self.env.invalidate_all()
        self.assertEqual(self.in_review.state, "recognised")
        self.assertEqual(self.in_review.recognition_id.decision_number, "15/QĐ-UBND")

    # ------------------------------------------------------------------
    # D4: the issuing body
    # ------------------------------------------------------------------
    def test_d4_school_reviewer_cannot_issue_for_the_province(self):
        watch = [self.registers(), self.documents(), self.documents(REPORT)]
        problems = []
        for model in (DECISION, REPORT):
            problems += self.refused(
                f"school reviewer drafts a {model} of the province",
                lambda model=model: self.draft(
                    self.school_reviewer, body=self.province, model=model
                ),
                watch,
            )
            problems += self.refused(
                f"school reviewer drafts a {model} of the province for his school",
                lambda model=model: self.draft(
                    self.school_reviewer,
                    body=self.province,
                    department=self.unit,
                    model=model,
                ),
                watch,
            )
        # his own draft, legitimately in the district's name, moved to the province
        decision = self.draft(self.school_reviewer, department=self.unit)
        report = self.draft(self.school_reviewer, department=self.unit, model=REPORT)
        for record in (decision, report):
            problems += self.refused(
                f"school reviewer gives his {record._name} to the province",
                lambda record=record: self.kw(
                    self.school_reviewer,
                    record._name,
                    "write",
                    [record.ids, {"body_id": self.province.id}],
                ),
                [(record, ["body_id"]), *watch],
            )
        # a draft made in the province's name before this check: never issued
        self.kw(
            self.school_reviewer, DECISION, "action_add_reviewed_units", [decision.ids]
        )
        self.assertEqual(decision.line_ids.assessment_id, self.in_review)
        self.env.cr.execute(
            "UPDATE learning_unit_decision SET body_id = %s WHERE id = %s",
            [self.province.id, decision.id],
        )
        self.env.cr.execute(
            "UPDATE learning_unit_upward_report SET body_id = %s WHERE id = %s",
            [self.province.id, report.id],
        )
        self.env.invalidate_all()
        for record in (decision, report):
            problems += self.refused(
                f"school reviewer issues his {record._name} in the province's name",
                lambda record=record: self.kw(
                    self.school_reviewer, record._name, "action_issue", [record.ids]
                ),
                [
                    (record, ["state", "number_text"]),
                    (self.in_review, ["state", "decision_number"]),
                    *watch,
                ],
            )
        self.assert_no_problems(problems)

    def test_d4_no_body_of_another_company(self):
        watch = [self.registers(), self.documents(), self.documents(REPORT)]
        problems = []
        for model in (DECISION, REPORT):
            problems += self.refused(
                f"reviewer drafts a {model} in the name of another company's body",
                lambda model=model: self.draft(
                    self.reviewer,
                    body=self.body_c2,
                    department=self.district_a,
                    model=model,
                ),
                watch,
                leaks=("Bí Mật Khác", "Tỉnh Khác"),
            )
            record = self.draft(self.reviewer, department=self.district_a, model=model)
            problems += self.refused(
                f"reviewer moves his {model} to another company's body",
                lambda record=record: self.kw(
                    self.reviewer,
                    record._name,
                    "write",
                    [record.ids, {"body_id": self.body_c2.id}],
                ),
                [(record, ["body_id"]), *watch],
                leaks=("Bí Mật Khác", "Tỉnh Khác"),
            )
        # a body's scope is a unit of its own company
        problems += self.refused(
            "administrator gives a body another company's unit",
            lambda: self.body_a.with_user(self.admin).write(
                {"department_id": self.unit_c2.id}
            ),
            [(self.body_a, ["department_id"])],
        )
        self.assert_no_problems(problems)

    def test_d4_body_scope_holds_the_document_scope(self):
        """District A's reviewer drafts in the name of district B's body."""
        watch = [self.registers(), self.documents(), self.documents(REPORT)]
        problems = []
        for model in (DECISION, REPORT):
            problems += self.refused(
                f"reviewer A drafts a {model} of district B's body",
                lambda model=model: self.draft(
                    self.reviewer,
                    body=self.body_b,
                    department=self.district_a,
                    model=model,
                ),
                watch,
                leaks=("Cần Đước",),
            )
        self.assert_no_problems(problems)

    # ------------------------------------------------------------------
    # D9: a revocation revokes a recognition only
    # ------------------------------------------------------------------
    def test_d9_a_revocation_cannot_be_revoked(self):
        decision = self.issued_decision()
        action = self.kw(
            self.reviewer, DECISION, "action_new_revocation", [decision.ids]
        )
        revocation = self.env[DECISION].browse(action["res_id"])
        self.kw(
            self.reviewer,
            DECISION,
            "write",
            [revocation.ids, {"revoke_reason": "Hồ sơ minh chứng không đúng."}],
        )
        self.kw(self.reviewer, DECISION, "action_issue", [revocation.ids])
        self.env.invalidate_all()
        self.assertEqual(decision.state, "revoked")
        self.assertEqual(revocation.state, "issued")

        watch = [
            (decision | revocation, ["state", "revoked_by_id"]),
            self.documents(),
            self.registers(),
        ]
        problems = self.refused(
            "reviewer drafts the revocation of a revocation",
            lambda: self.draft(
                self.reviewer,
                department=self.district_a,
                decision_type="revocation",
                revoked_decision_id=revocation.id,
                revoke_reason="Thu hồi quyết định thu hồi.",
            ),
            watch,
        )
        problems += self.refused(
            "reviewer asks the revocation's form for a revocation",
            lambda: self.kw(
                self.reviewer, DECISION, "action_new_revocation", [revocation.ids]
            ),
            watch,
        )
        # a draft revocation of the (already revoked) decision, pointed elsewhere
        other = self.draft(
            self.reviewer,
            department=self.district_a,
            decision_type="revocation",
            revoked_decision_id=decision.id,
            revoke_reason="Thu hồi.",
        )
        problems += self.refused(
            "reviewer points a draft revocation at the revocation",
            lambda: self.kw(
                self.reviewer,
                DECISION,
                "write",
                [other.ids, {"revoked_decision_id": revocation.id}],
            ),
            [(other, ["revoked_decision_id"]), *watch],
        )
        # a recognition naming a decision it would revoke
        problems += self.refused(
            "reviewer drafts a recognition naming a decision to revoke",
            lambda: self.draft(
                self.reviewer,
                department=self.district_a,
                revoked_decision_id=revocation.id,
            ),
            watch,
        )
        # a draft made before this check: never issued
        self.env.cr.execute(
            "UPDATE learning_unit_decision SET revoked_decision_id = %s WHERE id = %s",
            [revocation.id, other.id],
        )
        self.env.invalidate_all()
        problems += self.refused(
            "reviewer issues a revocation of the revocation",
            lambda: self.kw(self.reviewer, DECISION, "action_issue", [other.ids]),
            [(other, ["state", "number_text"]), *watch],
        )
        self.assert_no_problems(problems)

    # ------------------------------------------------------------------
    # D10: the scope of a draft, on every write
    # ------------------------------------------------------------------
    def test_d10_no_draft_widened_beyond_the_reviewers_scope(self):
        problems = []
        for model in (DECISION, REPORT):
            mine = self.draft(self.reviewer, department=self.district_a, model=model)
            for department in (self.district_b, self.unit_b, self.unit_c2):
                problems += self.refused(
                    f"reviewer A widens his {model} to {department.name}",
                    lambda record=mine, department=department: self.kw(
                        self.reviewer,
                        record._name,
                        "write",
                        [record.ids, {"department_id": department.id}],
                    ),
                    [(mine, ["department_id"])],
                    leaks=("Trường Tỉnh Khác",),
                )
            school = self.draft(self.school_reviewer, department=self.unit, model=model)
            for department in (self.district_a, self.other_unit):
                problems += self.refused(
                    f"school reviewer widens his {model} to {department.name}",
                    lambda record=school, department=department: self.kw(
                        self.school_reviewer,
                        record._name,
                        "write",
                        [record.ids, {"department_id": department.id}],
                    ),
                    [(school, ["department_id"])],
                )
            # within his scope: allowed
            self.kw(
                self.reviewer,
                model,
                "write",
                [mine.ids, {"department_id": self.other_unit.id}],
            )
            self.env.invalidate_all()
            self.assertEqual(mine.department_id, self.other_unit)
        self.assert_no_problems(problems)

    # ------------------------------------------------------------------
    # D11: the legitimate cases work, the others are still refused
    # ------------------------------------------------------------------
    def test_d11_narrower_reviewer_drafts_from_the_period(self):
        action = self.kw(
            self.school_reviewer,
            "learning.unit.period",
            "action_new_decision",
            [self.period_review.ids],
        )
        decision = self.env[DECISION].browse(action["res_id"])
        self.assertEqual(decision.body_id, self.body_a)
        self.assertEqual(decision.department_id, self.unit)
        self.assertEqual(decision.line_ids.assessment_id, self.in_review)
        self.kw(self.school_reviewer, DECISION, "action_issue", [decision.ids])
        self.env.invalidate_all()
        self.assertEqual(decision.number_text, "01/QĐ-UBND")
        self.assertEqual(self.in_review.state, "recognised")
        self.assertEqual(self.in_review.decision_number, "01/QĐ-UBND")

        action = self.kw(
            self.school_reviewer,
            "learning.unit.period",
            "action_new_upward_report",
            [self.period_review.ids],
        )
        report = self.env[REPORT].browse(action["res_id"])
        self.assertEqual(report.department_id, self.unit)
        self.kw(self.school_reviewer, REPORT, "action_issue", [report.ids])
        self.env.invalidate_all()
        self.assertEqual(report.number_text, "02/BC-UBND")

        # a reviewer of another district: refused, in words, nothing created
        watch = [self.documents(), self.documents(REPORT), self.registers()]
        problems = []
        for method in ("action_new_decision", "action_new_upward_report"):
            problems += self.refused(
                f"district B's reviewer runs {method} on district A's period",
                lambda method=method: self.kw(
                    self.reviewer_b,
                    "learning.unit.period",
                    method,
                    [self.period_review.ids],
                ),
                watch,
                leaks=("Tân Trụ",),
            )
        self.assert_no_problems(problems)

    def test_d11_units_print_the_decision_listing_them(self):
        decision = self.issued_decision()
        for user in (self.officer, self.member, self.other_officer):
            self.authenticate(user.login, user.login)
            for url in (PDF % decision.id, DOCX % decision.id):
                response = self.url_open(url, timeout=120)
                self.assertEqual(
                    response.status_code, 200, f"{user.login} prints {url}"
                )
        # the PDF (HTML in test mode) is the whole decision, both units listed
        self.authenticate(self.member.login, self.member.login)
        content = self.url_open(PDF % decision.id, timeout=120).text
        for name in (self.unit.name, self.other_unit.name, "01/QĐ-UBND"):
            self.assertIn(name, content)

        # the decision revoking it reaches them too
        action = self.kw(
            self.reviewer, DECISION, "action_new_revocation", [decision.ids]
        )
        revocation = self.env[DECISION].browse(action["res_id"])
        self.kw(
            self.reviewer,
            DECISION,
            "write",
            [revocation.ids, {"revoke_reason": "Hồ sơ minh chứng không đúng."}],
        )
        self.kw(self.reviewer, DECISION, "action_issue", [revocation.ids])
        for user in (self.officer, self.member):
            self.authenticate(user.login, user.login)
            for url in (PDF % revocation.id, DOCX % revocation.id):
                response = self.url_open(url, timeout=120)
                self.assertEqual(
                    response.status_code, 200, f"{user.login} prints {url}"
                )

        # not listed, another district, or a draft: 403
        draft = self.draft(self.reviewer, department=self.district_a)
        for user, record in (
            (self.officer_b, decision),
            (self.officer_b, revocation),
            (self.reviewer_b, decision),
            (self.officer, draft),
            (self.member, draft),
        ):
            self.authenticate(user.login, user.login)
            for url in (PDF % record.id, DOCX % record.id):
                response = self.url_open(url, timeout=120)
                self.assertEqual(
                    response.status_code, 403, f"{user.login} prints {url}"
                )
