"""What the web client sends and shows, for the findings of the browser review.

Each test replays, with the role's own rights, what a screen does: a form saved
by ``web_save`` with x2many commands through the fields of the view, a kanban
quick create, the users' form of Settings, the defaults and domains of a new
record. The browser tours (test_tour*.py) walk the same paths in Chromium.
"""

import re

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form
from odoo.tests.common import JsonRpcException

from .common import LearningUnitCase, LearningUnitHttpCase

MEMBER = "learning_unit.group_member"
OFFICER = "learning_unit.group_unit_officer"
REVIEWER = "learning_unit.group_district_reviewer"
ADMIN = "learning_unit.group_admin"


class UiFixture:
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district = cls.make_unit("Huyện Giao Diện", 0)
        cls.unit = cls.make_unit("Trường Giao Diện", 4, parent=cls.district)
        cls.other_unit = cls.make_unit("Trường Bên Cạnh", 2, parent=cls.district)
        cls.officer = cls.make_user("ui_officer", OFFICER, department=cls.unit)
        cls.member = cls.make_user("ui_member", MEMBER, department=cls.unit)
        cls.reviewer = cls.make_user("ui_reviewer", REVIEWER, review=cls.district)
        cls.assessment = cls.make_assessment(cls.unit)
        cls.make_full_score(cls.assessment)
        cls.provide_dossier(cls.assessment)


class TestWebSave(UiFixture, LearningUnitHttpCase):
    def web_save(self, login, record, vals, specification):
        self.authenticate(login, login)
        return self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": record._name,
                "method": "web_save",
                "args": [[record.id], vals],
                "kwargs": {"specification": specification},
            },
        )

    def test_reviewer_saves_review_scores_and_notes_from_the_form(self):
        """Finding 1: the lines go through line_ids; the reviewer may save them."""
        self.assessment.with_user(self.officer).action_submit()
        self.assessment.with_user(self.reviewer).action_start_review()
        line_1a = self.line(self.assessment, "1a")
        line_3c = self.line(self.assessment, "3c")
        self.web_save(
            "ui_reviewer",
            self.assessment,
            {
                "line_ids": [
                    [
                        1,
                        line_1a.id,
                        {"review_score": 8, "review_note": "Kế hoạch sơ sài"},
                    ],
                    [1, line_3c.id, {"review_score": 3, "review_note": "Chỉ 3 đơn vị"}],
                ],
                "review_note": "Đã kiểm tra hồ sơ",
            },
            {"review_total": {}, "line_ids": {"fields": {"review_score": {}}}},
        )
        self.env.invalidate_all()
        self.assertEqual((line_1a.review_score, line_1a.review_set), (8, True))
        self.assertEqual(line_3c.review_note, "Chỉ 3 đơn vị")
        self.assessment.with_user(self.reviewer).action_confirm_review_scores()
        # the printed column is the reviewer's, not a copy of the unit's
        self.assertEqual(self.assessment.review_total, 100 - 2 - 2)
        self.assertEqual(self.assessment.review_difference, -4)

    def test_member_provides_own_documents_from_the_member_form(self):
        """Finding 2: the member form sends dossier_item_ids; the member may
        file their own documents there. Issue 11: a member's statement counts
        once submitted; a paper copy and the evidence are the officer's."""
        own = self.assessment.member_ids.filtered(lambda m: m.user_id == self.member)
        items = own.dossier_item_ids
        items.paper_copy = False
        attachment = (
            self.env["ir.attachment"]
            .with_user(self.member)
            .create(
                {
                    "name": "cam-ket.pdf",
                    "raw": b"%PDF-1.4",
                    "res_model": "learning.unit.dossier.item",
                    "res_id": items[2].id,
                }
            )
        )
        self.web_save(
            "ui_member",
            own,
            {
                "dossier_item_ids": [
                    [1, items[2].id, {"attachment_ids": [[4, attachment.id]]}],
                ],
            },
            {"dossier_item_ids": {"fields": {"is_provided": {}}}},
        )
        self.env.invalidate_all()
        self.assertEqual(items[2].attachment_ids, attachment)
        self.assertFalse(items[2].is_provided)  # filed, not yet submitted
        items[2].with_user(self.member).action_submit()
        self.assertTrue(items[2].is_provided)
        self.assertFalse(items[1].is_provided)
        for vals in (
            {"dossier_item_ids": [[1, items[0].id, {"paper_copy": True}]]},
            {"discipline_ok": False},
        ):
            with self.subTest(vals=vals), self.assertRaises(JsonRpcException):
                self.web_save("ui_member", own, vals, {})
        self.env.invalidate_all()
        self.assertFalse(items[0].is_provided)
        self.assertTrue(own.discipline_ok)

    def test_kanban_quick_create_cannot_create_in_a_state(self):
        """Finding 3: no quick create, and no assessment born in a later state."""
        arch = self.env["learning.unit.assessment"].get_view(view_type="kanban")["arch"]
        self.assertIn('quick_create="false"', arch)
        Assessment = self.env["learning.unit.assessment"].with_user(self.officer)
        period = self.make_period(2051)
        # what the "+" of a kanban column sends: the column's state as a default
        self.authenticate("ui_officer", "ui_officer")
        saved = self.make_jsonrpc_request(
            "/web/dataset/call_kw",
            {
                "model": "learning.unit.assessment",
                "method": "web_save",
                "args": [[], {"period_id": period.id, "department_id": self.unit.id}],
                "kwargs": {
                    "specification": {"state": {}},
                    "context": {
                        "default_state": "recognised",
                        "default_submitted_on": "2030-01-01 00:00:00",
                    },
                },
            },
        )
        self.assertEqual(saved[0]["state"], "draft")
        created = Assessment.browse(saved[0]["id"])
        self.assertFalse(created.submitted_on)
        created.unlink()
        with self.assertRaises(AccessError):
            Assessment.create(
                {
                    "period_id": period.id,
                    "department_id": self.unit.id,
                    "state": "recognised",
                }
            )


class TestScreens(UiFixture, LearningUnitCase):
    def test_roles_are_drop_downs_in_settings_users(self):
        """Finding 4: two chains of roles, shown without developer mode."""
        arch = self.env["res.users"].get_view(
            self.env.ref("base.view_users_form").id, "form"
        )["arch"]
        groups = self.env["res.groups"]
        for xmlids in (
            ("learning_unit.group_member", "learning_unit.group_unit_officer", "learning_unit.group_admin"),
            ("learning_unit.group_district_reviewer",),
        ):  # fmt: skip
            ids = sorted(self.env.ref(x).id for x in xmlids)
            name = f"sel_groups_{'_'.join(map(str, ids))}"
            self.assertIn(f'name="{name}"', arch, xmlids)
            groups |= self.env["res.groups"].browse(ids)
        category = self.env.ref("learning_unit.module_category_learning_unit")
        self.assertEqual(category.with_context(lang="vi_VN").name, "Đơn vị học tập")
        self.assertEqual(
            category.parent_id, self.env.ref("base.module_category_human_resources")
        )

    def test_reviewers_configuration_action_evaluates(self):
        """Finding 5: the action's domain holds an id, nothing for the client to eval."""
        action = self.env.ref("learning_unit.action_res_users")
        self.assertNotIn("ref(", action.domain)
        reviewer_group = self.env.ref(REVIEWER)
        self.assertIn(str(reviewer_group.id), action.domain)
        users = self.env["res.users"].search(eval(action.domain))
        self.assertIn(self.reviewer, users)

    def test_unit_inputs_update_the_form_before_saving(self):
        """Finding 6: the unit's own inputs rescore the line, group and total live."""
        assessment = self.make_assessment(self.make_unit("Phòng Nhập Liệu", 3))
        with Form(assessment) as form:
            self.assertEqual(form.self_total, 0)
            for index in range(len(form.line_ids)):
                with form.line_ids.edit(index) as line:
                    if line.criterion_code == "1a":
                        line.achieved = True
                    elif line.criterion_code == "1c":
                        line.missing_count = 1
                    elif line.criterion_code == "3c":
                        line.count_value = 7
            self.assertEqual(form.self_total, 10 + 8 + 5)
            groups = dict(
                re.findall(
                    r"<tr><td[^>]*>([^<]*)</td><td>[^<]*</td><td[^>]*>([^<]*)</td></tr>",
                    str(form.group_summary),
                )
            )
            self.assertEqual(groups["1"], "18 / 30")
            self.assertEqual(groups["3"], "5 / 40")
        self.assertEqual(assessment.self_total, 23)

    def test_new_assessment_offers_only_the_officers_units(self):
        """Finding 7: the unit field's domain is the scope; outside it, in words."""
        Department = self.env["hr.department"].with_user(self.officer)
        domain = self.env["learning.unit.assessment"]._fields["department_id"].domain
        self.assertEqual(domain, "[('lu_can_prepare', '=', True)]")
        offered = Department.search([("lu_can_prepare", "=", True)])
        self.assertIn(self.unit, offered)
        self.assertNotIn(self.other_unit, offered)
        self.assertNotIn(self.district, offered)
        with self.assertRaises(AccessError) as error:
            self.env["learning.unit.assessment"].with_user(self.officer).create(
                {"period_id": self.period.id, "department_id": self.other_unit.id}
            )
        self.assertIn("unit you prepare", str(error.exception))

    def test_results_say_when_they_are_provisional(self):
        """Finding 8: drafts are provisional; a review shows no partial total."""
        fresh = self.make_assessment(self.make_unit("Phòng Mới", 2))
        self.assertEqual(fresh.self_total, 0)
        self.assertTrue(fresh.is_provisional)
        self.assessment.with_user(self.officer).action_submit()
        self.assertFalse(self.assessment.is_provisional)
        self.assessment.with_user(self.reviewer).action_start_review()
        self.line(self.assessment, "1a").with_user(self.reviewer).review_score = 5
        self.assertFalse(self.assessment.review_complete)
        self.assertEqual(self.assessment.review_total, 0)
        self.assertFalse(self.assessment.review_rank)
        self.assertEqual(self.assessment.review_confirmed_count, 1)
        self.assertEqual(self.assessment.criterion_count, 17)
        aggregator = (
            self.env["learning.unit.assessment"]._fields["review_total"].aggregator
        )
        self.assertFalse(aggregator)  # no average of unfinished reviews

    def test_smaller_findings(self):
        """Finding 11: deadlines, activities, withdraw, duplicate."""
        self.assessment.user_id = self.officer  # who is told of the return
        self.assessment.with_user(self.officer).action_submit()
        review = self.assessment.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("learning_unit.mail_activity_type_review")
        )
        self.assertTrue(review)
        self.assertEqual(
            set(review.mapped("date_deadline")),
            {max(fields.Date.today(), self.period.date_deadline_report)},
        )
        self.assertIn("100 points", review[0].note)
        self.assertNotIn("100.0", review[0].note)
        # withdrawn before the review starts, then sent again
        self.assessment.with_user(self.officer).action_withdraw()
        self.assertEqual(self.assessment.state, "draft")
        self.assertFalse(self.assessment.submitted_on)
        self.assessment.with_user(self.officer).action_submit()
        self.assessment.with_user(self.reviewer).action_start_review()
        with self.assertRaises(UserError):
            self.assessment.with_user(self.officer).action_withdraw()
        self.assessment.with_user(self.reviewer)._return_to_unit("Bổ sung minh chứng")
        returned = self.assessment.activity_ids.filtered(
            lambda a: a.activity_type_id
            == self.env.ref("learning_unit.mail_activity_type_returned")
        )
        self.assertEqual(returned.user_id, self.assessment.user_id)
        vi = self.assessment.message_ids[:1].with_context(lang="vi_VN")
        self.assertIn("Bổ sung minh chứng", vi.body)
        with self.assertRaises(UserError):
            self.assessment.copy()
        arch = self.env["learning.unit.assessment"].get_view(view_type="form")["arch"]
        self.assertIn('duplicate="0"', arch)

    def test_study_promotion_staff_follows_the_members(self):
        report = self.env["learning.unit.promotion.report"].create(
            {"assessment_id": self.assessment.id}
        )
        self.assertEqual(report.staff_count, self.assessment.member_count)
        self.env["hr.employee"].create(
            {"name": "Giáo viên mới", "department_id": self.unit.id}
        )
        self.assessment.with_context(learning_unit_silent=True).action_load_members()
        self.assertEqual(report.staff_count, self.assessment.member_count)

    def test_one_note_per_save_and_what_is_missing(self):
        """Finding 12: one grouped note per save; the button counts documents too."""
        env = self.env(context=dict(self.env.context, tracking_disable=False))
        assessment = env["learning.unit.assessment"].browse(self.assessment.id)
        before = len(assessment.message_ids)
        lines = assessment.line_ids
        assessment.write(
            {
                "line_ids": [
                    (
                        1,
                        lines.filtered(lambda line: line.criterion_code == "1a").id,
                        {"achieved": False},
                    ),
                    (
                        1,
                        lines.filtered(lambda line: line.criterion_code == "3c").id,
                        {"count_value": 2},
                    ),
                ]
            }
        )
        env.flush_all()
        env.cr.precommit.run()
        notes = assessment.message_ids[: len(assessment.message_ids) - before]
        score_notes = notes.filtered(lambda m: "1a" in (m.body or ""))
        self.assertEqual(len(score_notes), 1)
        self.assertIn("3c", score_notes.body)
        # a member lacking a document counts among the incomplete members
        self.assertEqual(self.assessment.members_missing_evidence_count, 0)
        self.assessment.member_ids[0].dossier_item_ids[0].paper_copy = False
        self.assertEqual(self.assessment.members_missing_evidence_count, 1)
        for model in ("learning.unit.member", "learning.unit.promotion.report"):
            arch = self.env[model].get_view(view_type="form")["arch"]
            self.assertIn("<chatter", arch, model)

    def test_periods_and_assessments_can_be_archived(self):
        self.assessment.active = False
        self.assertNotIn(
            self.assessment, self.env["learning.unit.assessment"].search([])
        )
        self.period.active = False
        self.assertNotIn(self.period, self.env["learning.unit.period"].search([]))
