"""Who can do what: the role x model x operation matrix, scopes, companies."""

from xmlrpc.client import Fault

from odoo.exceptions import AccessError, UserError

from .common import LearningUnitCase, LearningUnitHttpCase

MEMBER = "learning_unit.group_member"
OFFICER = "learning_unit.group_unit_officer"
REVIEWER = "learning_unit.group_district_reviewer"
ADMIN = "learning_unit.group_admin"

# xmlrpc fault codes of odoo/addons/base/controllers/rpc.py: never a traceback
RPC_USER_ERROR = 2
RPC_ACCESS_ERROR = 4

CONFIG_MODELS = (
    "learning.unit.period",
    "learning.unit.template",
    "learning.unit.criterion",
    "learning.unit.document.type",
)


class _Undo(Exception):
    """Raised to roll an allowed operation back after it succeeded."""


class SecurityFixture:
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district_a = cls.make_unit("Huyện A", 0)
        cls.unit = cls.make_unit("Trường A1", 4, parent=cls.district_a)
        cls.sub_unit = cls.make_unit("Tổ A1.1", 2, parent=cls.unit)
        cls.other_unit = cls.make_unit("Trường A2", 3, parent=cls.district_a)
        cls.district_b = cls.make_unit("Huyện B", 0)
        cls.unit_b = cls.make_unit("Trường B1", 3, parent=cls.district_b)

        cls.plain = cls.make_user("lu_plain", "base.group_user")
        cls.member = cls.make_user("lu_member", MEMBER, department=cls.unit)
        cls.officer = cls.make_user("lu_officer", OFFICER, department=cls.unit)
        cls.reviewer = cls.make_user("lu_reviewer", REVIEWER, review=cls.district_a)
        cls.reviewer_b = cls.make_user("lu_reviewer_b", REVIEWER, review=cls.district_b)
        cls.admin = cls.make_user("lu_admin", ADMIN)

        cls.assessment = cls.make_assessment(cls.unit)  # draft, in everyone's scope
        cls.other_assessment = cls.make_assessment(cls.other_unit)
        cls.assessment_b = cls.make_assessment(cls.unit_b)
        # an assessment of the same unit under review, for the review cells
        cls.period_review = cls.make_period(2041)
        cls.in_review = cls.make_assessment(cls.unit, period=cls.period_review)
        cls.provide_dossier(cls.in_review)
        cls.in_review.action_submit()
        cls.in_review.action_start_review()
        cls.own_member = cls.assessment.member_ids.filtered(
            lambda m: m.user_id == cls.member
        )
        cls.own_item = cls.own_member.dossier_item_ids[0]
        cls.users = {
            "plain": cls.plain,
            "member": cls.member,
            "officer": cls.officer,
            "reviewer": cls.reviewer,
            "admin": cls.admin,
        }


class TestAccessMatrix(SecurityFixture, LearningUnitCase):
    """Each allowed cell works; each forbidden one raises AccessError."""

    # role -> model -> operations allowed on a record in the role's scope
    EXPECTED = {
        "plain": {},
        "member": {
            **{model: "r" for model in CONFIG_MODELS},
            "learning.unit.assessment": "r",
            "learning.unit.assessment.line": "r",
            "learning.unit.member": "rw",
            "learning.unit.dossier.item": "rw",
        },
        "officer": {
            **{model: "r" for model in CONFIG_MODELS},
            "learning.unit.assessment": "rwcu",
            "learning.unit.assessment.line": "rw",
            "learning.unit.member": "rwcu",
            "learning.unit.dossier.item": "rw",
        },
        "reviewer": {
            **{model: "r" for model in CONFIG_MODELS},
            "learning.unit.assessment": "rv",
            "learning.unit.assessment.line": "rv",
            "learning.unit.member": "r",
            "learning.unit.dossier.item": "r",
        },
        "admin": {
            **{model: "rwcu" for model in CONFIG_MODELS},
            "learning.unit.assessment": "rwcuv",
            "learning.unit.assessment.line": "rwv",
            "learning.unit.member": "rwcu",
            "learning.unit.dossier.item": "rw",
        },
    }

    def _record(self, model):
        return {
            "learning.unit.period": self.period,
            "learning.unit.template": self.template,
            "learning.unit.criterion": self.template.criterion_ids[0],
            "learning.unit.document.type": self.own_item.document_type_id,
            "learning.unit.assessment": self.assessment,
            "learning.unit.assessment.line": self.line(self.assessment, "3c"),
            "learning.unit.member": self.own_member,
            "learning.unit.dossier.item": self.own_item,
        }[model]

    def _write_vals(self, model):
        return {
            "learning.unit.period": {"note": "<p>x</p>"},
            "learning.unit.template": {"description": "x"},
            "learning.unit.criterion": {"hint": "x"},
            "learning.unit.document.type": {"description": "x"},
            "learning.unit.assessment": {"self_note": "x"},
            "learning.unit.assessment.line": {"count_value": 1},
            # what a member writes of their own (evidence is the officer's)
            "learning.unit.member": {"note": "x"},
            "learning.unit.dossier.item": {"note": "x"},
        }[model]

    def _create_vals(self, model):
        employee = self.env["hr.employee"].create(
            {"name": "Nhân viên mới", "department_id": self.unit.id}
        )
        return {
            "learning.unit.period": {"year": 2050},
            "learning.unit.template": {"name": "Mẫu tỉnh", "code": "test_tpl"},
            "learning.unit.criterion": {
                "template_id": self.template.id,
                "code": "9",
                "name": "Nhóm thử",
                "kind": "group",
            },
            "learning.unit.document.type": {"code": "test_doc", "name": "Thử"},
            "learning.unit.assessment": {
                "period_id": self.period_review.id,
                "department_id": self.sub_unit.id,
            },
            "learning.unit.assessment.line": {
                "assessment_id": self.assessment.id,
                "criterion_id": self.template.criterion_ids[0].id,
            },
            "learning.unit.member": {
                "assessment_id": self.assessment.id,
                "employee_id": employee.id,
            },
            "learning.unit.dossier.item": {
                "assessment_id": self.assessment.id,
                "document_type_id": self.own_item.document_type_id.id,
            },
        }[model]

    def _unlink_target(self, model):
        if model == "learning.unit.assessment":
            return self.make_assessment(self.sub_unit, load=False)
        if model == "learning.unit.member":
            return self.assessment.member_ids.filtered(lambda m: not m.user_id)[0]
        if model in ("learning.unit.assessment.line", "learning.unit.dossier.item"):
            return self._record(model)
        return self.env[model].create(self._create_vals(model))

    def _review_op(self, model, user):
        if model == "learning.unit.assessment":
            self.in_review.with_user(user).write({"review_note": "Đã kiểm tra"})
        else:
            self.line(self.in_review, "1a").with_user(user).write({"review_score": 5})

    def _check(self, allowed, operation, label):
        """Run ``operation`` and undo it, asserting it is allowed or refused."""
        with self.subTest(label):
            if allowed:
                try:
                    with self.env.cr.savepoint():
                        operation()
                        self.env.flush_all()
                        raise _Undo
                except _Undo:
                    pass
            else:
                with self.assertRaises(AccessError), self.env.cr.savepoint():
                    operation()
                    self.env.flush_all()

    def test_matrix(self):
        models = list(self.EXPECTED["admin"])
        for role, user in self.users.items():
            for model in models:
                rights = self.EXPECTED[role].get(model, "")
                record = self._record(model)
                as_user = record.with_user(user)
                self._check(
                    "r" in rights,
                    lambda r=as_user: r.read(["display_name"]),
                    f"{role} read {model}",
                )
                self._check(
                    "w" in rights,
                    lambda r=as_user, m=model: r.write(self._write_vals(m)),
                    f"{role} write {model}",
                )
                self._check(
                    "c" in rights,
                    lambda m=model, u=user: self.env[m]
                    .with_user(u)
                    .create(self._create_vals(m)),
                    f"{role} create {model}",
                )
                self._check(
                    "u" in rights,
                    lambda m=model, u=user: self._unlink_target(m)
                    .with_user(u)
                    .unlink(),
                    f"{role} unlink {model}",
                )
                if model in (
                    "learning.unit.assessment",
                    "learning.unit.assessment.line",
                ):
                    self._check(
                        "v" in rights,
                        lambda m=model, u=user: self._review_op(m, u),
                        f"{role} review {model}",
                    )

    def test_search_read_and_read_group_follow_the_matrix(self):
        models = list(self.EXPECTED["admin"])
        for role, user in self.users.items():
            for model in models:
                record = self._record(model)
                readable = "r" in self.EXPECTED[role].get(model, "")
                Model = self.env[model].with_user(user)
                domain = [("id", "=", record.id)]
                with self.subTest(f"{role} search_read/read_group {model}"):
                    if not readable:
                        with self.assertRaises(AccessError):
                            Model.search_read(domain, ["display_name"])
                        with self.assertRaises(AccessError):
                            Model.read_group(domain, ["id:count"], [])
                        continue
                    rows = Model.search_read(domain, ["display_name"])
                    self.assertEqual([row["id"] for row in rows], [record.id])
                    groups = Model.read_group(domain, [], [])
                    self.assertEqual(groups[0]["__count"], 1)


class TestScopes(SecurityFixture, LearningUnitCase):
    def _visible(self, user, model="learning.unit.assessment"):
        return self.env[model].with_user(user).search([])

    def test_officer_sees_own_unit_and_sub_units_only(self):
        visible = self._visible(self.officer)
        self.assertIn(self.assessment, visible)
        self.assertNotIn(self.other_assessment, visible)
        self.assertNotIn(self.assessment_b, visible)
        sub = self.make_assessment(self.sub_unit)
        self.assertIn(sub, self._visible(self.officer))
        with self.assertRaises(AccessError):
            self.other_assessment.with_user(self.officer).read(["self_total"])
        with self.assertRaises(AccessError):
            self.env["learning.unit.assessment"].with_user(self.officer).create(
                {
                    "period_id": self.period_review.id,
                    "department_id": self.other_unit.id,
                }
            )

    def test_reviewer_of_district_a_cannot_read_district_b(self):
        visible = self._visible(self.reviewer)
        self.assertIn(self.assessment, visible)
        self.assertIn(self.other_assessment, visible)
        self.assertNotIn(self.assessment_b, visible)
        with self.assertRaises(AccessError):
            self.assessment_b.with_user(self.reviewer).read(["self_total"])
        with self.assertRaises(AccessError):
            self.assessment_b.member_ids[:1].with_user(self.reviewer).read(["name"])
        self.assertEqual(self._visible(self.reviewer_b), self.assessment_b)

    def test_reviewer_scope_changes_apply_at_once(self):
        self.assertNotIn(self.assessment_b, self._visible(self.reviewer))
        self.reviewer.lu_review_department_ids = [(4, self.district_b.id)]
        self.assertIn(self.assessment_b, self._visible(self.reviewer))

    def test_admin_of_learning_units_sets_review_scopes(self):
        self.reviewer_b.with_user(self.admin).write(
            {"lu_review_department_ids": [(6, 0, self.district_a.ids)]}
        )
        self.assertEqual(self.reviewer_b.lu_review_department_ids, self.district_a)
        with self.assertRaises(AccessError):
            self.reviewer_b.with_user(self.officer).write(
                {"lu_review_department_ids": [(6, 0, self.district_b.ids)]}
            )

    def test_member_sees_own_evidence_only(self):
        members = self._visible(self.member, "learning.unit.member")
        self.assertEqual(members.user_id, self.member)
        self.assertEqual(members.assessment_id, self.assessment | self.in_review)
        self.assertEqual(self._visible(self.member), self.assessment | self.in_review)
        other = self.assessment.member_ids - self.own_member
        with self.assertRaises(AccessError):
            other[0].with_user(self.member).write({"plan_approved": True})
        # a member cannot change who is a member, nor the unit's inputs
        with self.assertRaises(AccessError):
            self.own_member.with_user(self.member).write(
                {"employee_id": other[0].employee_id.id}
            )
        with self.assertRaises(AccessError):
            self.line(self.assessment, "1a").with_user(self.member).write(
                {"achieved": True}
            )

    def test_member_edits_own_notes_while_in_draft(self):
        # members file documents and notes; they do not assert their evidence
        self.own_member.with_user(self.member).write({"note": "Bản giấy ở văn phòng"})
        self.assertEqual(self.own_member.note, "Bản giấy ở văn phòng")
        with self.assertRaises(AccessError):
            self.own_member.with_user(self.member).write(
                {"plan_approved": True, "competency_3a1": True}
            )
        self.assertFalse(self.own_member.competency_3a1)
        own_in_review = self.in_review.member_ids.filtered(
            lambda m: m.user_id == self.member
        )
        with self.assertRaises(UserError):
            own_in_review.with_user(self.member).write({"note": "sau khi nộp"})

    def test_officer_moves_to_another_unit(self):
        employee = self.officer.employee_ids
        employee.department_id = self.other_unit
        visible = self._visible(self.officer)
        self.assertIn(self.other_assessment, visible)
        self.other_assessment.with_user(self.officer).write({"self_note": "mới"})
        # still listed as a member of the old unit's assessment: read only
        self.assertIn(self.assessment, visible)
        with self.assertRaises(AccessError):
            self.assessment.with_user(self.officer).write({"self_note": "cũ"})

    def test_user_without_role_sees_no_menu(self):
        menu = self.env.ref("learning_unit.menu_root")
        self.assertNotIn(menu, self.env["ir.ui.menu"].with_user(self.plain).search([]))
        self.assertIn(menu, self.env["ir.ui.menu"].with_user(self.member).search([]))
        config = self.env.ref("learning_unit.menu_configuration")
        visible = self.env["ir.ui.menu"].with_user(self.officer)._visible_menu_ids()
        self.assertNotIn(config.id, visible)
        self.assertIn(
            config.id, self.env["ir.ui.menu"].with_user(self.admin)._visible_menu_ids()
        )


class TestMultiCompany(LearningUnitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_2 = cls.env["res.company"].create({"name": "Tỉnh khác"})
        cls.period_2 = cls.make_period(2040, company_id=cls.company_2.id)
        cls.unit_1 = cls.make_unit("Đơn vị công ty 1", 2)
        cls.unit_2 = cls.make_unit("Đơn vị công ty 2", 2, company=cls.company_2)
        cls.a1 = cls.make_assessment(cls.unit_1)
        cls.a2 = cls.make_assessment(cls.unit_2, period=cls.period_2)
        cls.admin_1 = cls.make_user("lu_admin_c1", ADMIN)
        cls.reviewer_both = cls.make_user("lu_reviewer_both", REVIEWER)
        cls.reviewer_both.write(
            {
                "company_ids": [(6, 0, [cls.company.id, cls.company_2.id])],
                "lu_review_department_ids": [(6, 0, (cls.unit_1 | cls.unit_2).ids)],
            }
        )

    def test_admin_of_one_company_does_not_see_the_other(self):
        Assessment = self.env["learning.unit.assessment"].with_user(self.admin_1)
        self.assertIn(self.a1, Assessment.search([]))
        self.assertNotIn(self.a2, Assessment.search([]))
        with self.assertRaises(AccessError):
            self.a2.with_user(self.admin_1).read(["self_total"])
        with self.assertRaises(AccessError):
            self.a2.member_ids[:1].with_user(self.admin_1).read(["name"])
        Period = self.env["learning.unit.period"].with_user(self.admin_1)
        self.assertNotIn(self.period_2, Period.search([]))

    def test_active_companies_restrict_a_multi_company_user(self):
        Assessment = self.env["learning.unit.assessment"].with_user(self.reviewer_both)
        both = Assessment.with_context(
            allowed_company_ids=[self.company.id, self.company_2.id]
        ).search([("id", "in", (self.a1 | self.a2).ids)])
        self.assertEqual(both, self.a1 | self.a2)
        one = Assessment.with_context(allowed_company_ids=[self.company.id]).search(
            [("id", "in", (self.a1 | self.a2).ids)]
        )
        self.assertEqual(one, self.a1)

    def test_unit_of_another_company_is_refused(self):
        from odoo.exceptions import UserError as OdooUserError

        with self.assertRaises(OdooUserError):
            self.env["learning.unit.assessment"].create(
                {"period_id": self.period.id, "department_id": self.unit_2.id}
            )


class TestSecurityOverRpc(SecurityFixture, LearningUnitHttpCase):
    """A crafted RPC call is refused the same way as the button."""

    def _rpc(self, user, model, method, *args, **kwargs):
        uid = self.xmlrpc_common.authenticate(
            self.env.cr.dbname, user.login, user.login, {}
        )
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname, uid, user.login, model, method, list(args), kwargs
        )

    def test_reviewer_cannot_read_another_district(self):
        rows = self._rpc(
            self.reviewer,
            "learning.unit.assessment",
            "search_read",
            [["id", "in", [self.assessment.id, self.assessment_b.id]]],
            ["self_total"],
        )
        self.assertEqual([row["id"] for row in rows], [self.assessment.id])
        with self.assertRaises(Fault) as error:
            self._rpc(
                self.reviewer,
                "learning.unit.assessment",
                "read",
                [self.assessment_b.id],
                ["self_total"],
            )
        self.assertEqual(error.exception.faultCode, RPC_ACCESS_ERROR)

    def test_crafted_state_write_is_refused(self):
        with self.assertRaises(Fault) as error:
            self._rpc(
                self.admin,
                "learning.unit.assessment",
                "write",
                [self.assessment.id],
                {"state": "recognised"},
            )
        self.assertEqual(error.exception.faultCode, RPC_ACCESS_ERROR)
        self.assertIn("workflow", error.exception.faultString)
        self.assertEqual(self.assessment.state, "draft")

    def test_locked_assessment_refuses_writes(self):
        with self.assertRaises(Fault) as error:
            self._rpc(
                self.officer,
                "learning.unit.assessment",
                "write",
                [self.in_review.id],
                {"self_note": "sửa lén"},
            )
        self.assertEqual(error.exception.faultCode, RPC_USER_ERROR)
        self.assertIn("can no longer be changed", error.exception.faultString)
        line = self.line(self.in_review, "3c")
        with self.assertRaises(Fault) as error:
            self._rpc(
                self.officer,
                "learning.unit.assessment.line",
                "write",
                [line.id],
                {"count_value": 5},
            )
        self.assertEqual(error.exception.faultCode, RPC_USER_ERROR)
        self.assertEqual(line.count_value, 0)

    def test_buttons_check_the_role(self):
        with self.assertRaises(Fault) as error:
            self._rpc(
                self.reviewer,
                "learning.unit.assessment",
                "action_submit",
                [self.assessment.id],
            )
        self.assertEqual(error.exception.faultCode, RPC_ACCESS_ERROR)
        self.assertEqual(
            error.exception.faultString, "Only the unit officer can submit."
        )
        with self.assertRaises(Fault) as error:
            self._rpc(
                self.officer,
                "learning.unit.assessment",
                "action_mark_reviewed",
                [self.in_review.id],
            )
        self.assertEqual(error.exception.faultCode, RPC_ACCESS_ERROR)
        self.assertEqual(self.assessment.state, "draft")
        self.assertEqual(self.in_review.state, "in_review")
        # the reviewer's allowed call works over RPC too
        self._rpc(
            self.reviewer,
            "learning.unit.assessment.line",
            "write",
            [self.line(self.in_review, "1a").id],
            {"review_score": 10},
        )
        self.assertEqual(self.line(self.in_review, "1a").review_score, 10)
