"""Evidence from the people and systems that hold it (issue 11).

A member files their own documents of the year (the self-study plan, the
registration for the "Công dân học tập" model, the lifelong-learning
commitment); the head of the unit, or the officer the head delegates, approves
the plans, one by one or in bulk, and the approval records the member's
evidence; a returned document notifies its member; every change of evidence
records its source; the officer works from the list of what is missing.
Everything is done with the users' own rights, through the forms or RPC.
"""

import base64
import io
from xmlrpc.client import Fault

import openpyxl
from lxml import etree

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form

from .attack_common import AttackMixin
from .common import LearningUnitCase, LearningUnitHttpCase, next_cccd

MEMBER = "learning_unit.group_member"
OFFICER = "learning_unit.group_unit_officer"
ADMIN = "learning_unit.group_admin"
FORM_VIEW = "learning_unit.view_learning_unit_member_document_form"
RPC_ACCESS_ERROR = 4


def xlsx(rows):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()


class DocumentFixture:
    """A school of 8 members: 3 without an account, 2 members who file their
    plan, the head of the unit (its manager in HR), the officer and a second
    officer; every member but the two has an approved plan (2a: 7.5 points)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district = cls.make_unit("Huyện Hồ Sơ", 0)
        cls.unit = cls.make_unit("Trường Hồ Sơ", 3, parent=cls.district)
        cls.other_unit = cls.make_unit("Trường Bên Cạnh", 2, parent=cls.district)
        cls.member = cls.make_user("doc_member", MEMBER, department=cls.unit)
        cls.member_2 = cls.make_user("doc_member_2", MEMBER, department=cls.unit)
        cls.head = cls.make_user("doc_head", MEMBER, department=cls.unit)
        cls.unit.manager_id = cls.head.employee_ids
        cls.officer = cls.make_user("doc_officer", OFFICER, department=cls.unit)
        cls.delegate = cls.make_user("doc_delegate", OFFICER, department=cls.unit)
        cls.outsider = cls.make_user("doc_outsider", MEMBER, department=cls.other_unit)
        cls.other_head = cls.make_user(
            "doc_other_head", MEMBER, department=cls.other_unit
        )
        cls.other_unit.manager_id = cls.other_head.employee_ids
        cls.assessment = cls.make_assessment(cls.unit)
        cls.other_assessment = cls.make_assessment(cls.other_unit)
        cls.own = cls.member_of(cls.member)
        cls.own_2 = cls.member_of(cls.member_2)
        others = cls.assessment.member_ids - cls.own - cls.own_2
        others.write({"plan_approved": True})
        cls.plan = cls.document(cls.own, "self_study_plan")
        cls.plan_2 = cls.document(cls.own_2, "self_study_plan")

    @classmethod
    def member_of(cls, user, assessment=None):
        assessment = assessment or cls.assessment
        return assessment.member_ids.filtered(lambda m: m.user_id == user)

    @classmethod
    def document(cls, member, code):
        item = member.dossier_item_ids.filtered(
            lambda i: i.document_type_id.code == code
        )
        assert len(item) == 1, code
        return item

    def score_2a(self):
        return self.line(self.assessment, "2a").self_score

    def file_plan(self, user, plan, what="Tiếng Anh giao tiếp B1"):
        """Fill in and save the plan in its form, as the user would."""
        with Form(plan.with_user(user), view=FORM_VIEW) as form:
            form.learn_what = what
            form.learn_how = "Khóa học trực tuyến và tự học"
            form.learn_when = "Tháng 3 đến tháng 6"
        return plan

    def submit_plans(self):
        for user, plan in ((self.member, self.plan), (self.member_2, self.plan_2)):
            self.file_plan(user, plan).with_user(user).action_submit()

    def plans_to_approve(self, user):
        """What the "Plans to Approve" menu lists for ``user``."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "learning_unit.action_learning_unit_plans_to_approve"
        )
        domain = [
            *eval(action["domain"]),  # the action's own literal domain
            ("document_state", "=", "submitted"),
        ]
        return self.env["learning.unit.dossier.item"].with_user(user).search(domain)


class TestMemberFilesTheirYear(DocumentFixture, LearningUnitCase):
    def test_member_files_and_submits_a_plan(self):
        self.assertEqual(self.plan.document_state, "draft")
        self.assertFalse(self.plan.is_provided)
        # the member's screen lists their three documents, and nobody else's
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "learning_unit.action_learning_unit_my_record"
        )
        mine = (
            self.env["learning.unit.dossier.item"]
            .with_user(self.member)
            .search(eval(action["domain"].replace("uid", str(self.member.id))))
        )
        self.assertEqual(mine, self.own.dossier_item_ids)
        self.assertEqual(len(mine), 3)
        self.file_plan(self.member, self.plan)
        self.plan.with_user(self.member).action_submit()
        self.assertEqual(self.plan.document_state, "submitted")
        self.assertEqual(self.plan.submitted_by, self.member)
        self.assertEqual(self.plan.learn_what, "Tiếng Anh giao tiếp B1")
        # a plan counts once approved: not yet
        self.assertFalse(self.plan.is_provided)
        self.assertFalse(self.own.plan_approved)
        # submitted: the member's words are locked until withdrawn
        with self.assertRaises(UserError):
            self.plan.with_user(self.member).write({"learn_what": "Khác"})
        self.plan.with_user(self.member).action_withdraw()
        self.plan.with_user(self.member).write({"learn_what": "Tin học văn phòng"})
        self.assertEqual(self.plan.document_state, "draft")

    def test_an_empty_plan_cannot_be_submitted(self):
        with self.assertRaises(ValidationError) as error:
            self.plan.with_user(self.member).action_submit()
        self.assertIn("What I Will Learn", str(error.exception))
        self.assertEqual(self.plan.document_state, "draft")

    def test_statements_count_once_submitted(self):
        registration = self.document(self.own, "citizen_registration")
        commitment = self.document(self.own, "lifelong_commitment")
        # the wording is offered; the member submits (signs) it
        self.assertIn("Công dân học tập", registration.content)
        for statement in registration | commitment:
            statement.with_user(self.member).action_submit()
        self.assertTrue(registration.is_provided and commitment.is_provided)
        self.assertFalse(self.own.dossier_complete)  # the plan is not approved yet
        with self.assertRaises(UserError):  # nobody approves a statement
            registration.with_user(self.head).action_approve()

    def test_members_do_not_assert_their_own_evidence(self):
        as_member = self.own.with_user(self.member)
        for vals in (
            {"plan_approved": True},
            {"competency_3a2": True},
            {"cdht_achieved": True},
        ):
            with self.subTest(vals=vals), self.assertRaises(AccessError):
                as_member.write(vals)
        with self.assertRaises(AccessError):  # nor mark their own paper copy
            self.plan.with_user(self.member).write({"paper_copy": True})
        as_member.write({"note": "Đã nộp bản giấy cho văn phòng"})
        self.assertFalse(self.own.plan_approved)
        # the officer sets them, from the documents
        self.own.with_user(self.officer).write({"competency_3a2": True})
        self.assertTrue(self.own.competency_3a2)
        # the member's screens show the evidence read only
        self.assertFalse(self.own.with_user(self.member).lu_can_edit_evidence)
        self.assertTrue(self.own.with_user(self.officer).lu_can_edit_evidence)
        arch = self.env["learning.unit.member"].get_view(view_type="form")["arch"]
        self.assertIn('readonly="not lu_can_edit_evidence"', arch)

    def test_the_member_grid_names_each_kind_in_full(self):
        """The grid stays for the officer's corrections: full names, tooltips."""
        arch = etree.fromstring(
            self.env["learning.unit.assessment"]
            .with_context(lang="vi_VN")
            .get_view(view_type="form")["arch"]
        )
        columns = arch.xpath("//field[@name='member_ids']/list/field[@widget]")
        fields = (
            self.env["learning.unit.member"].with_context(lang="vi_VN").fields_get()
        )
        toggles = [c for c in columns if c.get("widget") == "boolean_toggle"]
        self.assertGreaterEqual(len(toggles), 12)
        for column in toggles:
            field = fields[column.get("name")]
            self.assertEqual(column.get("readonly"), "not lu_can_edit_evidence")
            self.assertNotRegex(field["string"], r"^\d[a-z]\d?$")  # not "3a1"
            self.assertGreater(len(field["string"]), 8)
            self.assertTrue(field.get("help"))  # the header's tooltip

    def test_a_member_cannot_file_for_another_member(self):
        with self.assertRaises(AccessError):
            self.plan_2.with_user(self.member).write({"learn_what": "Giả mạo"})
        self.file_plan(self.member_2, self.plan_2)
        with self.assertRaises(AccessError):
            self.plan_2.with_user(self.member).action_submit()
        with self.assertRaises(AccessError):
            self.plan.with_user(self.member).write(
                {"document_state": "approved"}
            )  # nor approve their own
        self.assertEqual(self.plan_2.document_state, "draft")

    def test_a_member_sees_no_other_units_plans(self):
        Item = self.env["learning.unit.dossier.item"]
        visible = Item.with_user(self.member).search([])
        self.assertEqual(visible, self.own.dossier_item_ids)
        foreign = self.other_assessment.member_ids.dossier_item_ids
        self.assertFalse(
            Item.with_user(self.member).search([("id", "in", foreign.ids)])
        )
        with self.assertRaises(AccessError):
            foreign[:1].with_user(self.member).read(["learn_what"])
        # the head of the other unit sees the other unit's plans only
        self.assertEqual(
            Item.with_user(self.other_head).search([("approval_required", "=", True)]),
            foreign.filtered("approval_required"),
        )
        with self.assertRaises(AccessError):
            self.plan.with_user(self.other_head).read(["learn_what"])
        # and cannot approve ours
        self.file_plan(self.member, self.plan).with_user(self.member).action_submit()
        with self.assertRaises(AccessError):
            self.plan.with_user(self.other_head).action_approve()


class TestApproval(DocumentFixture, LearningUnitCase):
    def test_head_approves_in_bulk_and_2a_follows(self):
        self.assertEqual(self.score_2a(), 7.5)  # 6 of 8 members: 25 % short
        self.submit_plans()
        self.assertEqual(self.score_2a(), 7.5)  # submitted is not approved
        plans = self.plans_to_approve(self.head)
        self.assertEqual(plans, self.plan | self.plan_2)
        self.assertEqual(self.assessment.with_user(self.head).plans_to_approve_count, 2)
        plans.action_approve()
        self.assertEqual(set(plans.mapped("document_state")), {"approved"})
        self.assertEqual(plans.approved_by, self.head)
        self.assertTrue(plans.mapped("is_provided")[0] and plans[1].is_provided)
        self.assertTrue(self.own.plan_approved and self.own_2.plan_approved)
        self.assertEqual(self.score_2a(), 10)
        # the source of the evidence: the approved plan, by the head
        events = self.own.evidence_source_ids
        self.assertEqual(events.mapped("kind"), ["plan_approved"])
        self.assertEqual(events.source, "plan")
        self.assertEqual(events.user_id, self.head)
        self.assertEqual(events.document_id, self.plan)
        self.assertIn("Approved document", self.own.evidence_sources)
        self.assertFalse(self.plans_to_approve(self.head))

    def test_approvers(self):
        self.submit_plans()
        # an officer the head did not delegate cannot approve
        with self.assertRaises(AccessError):
            self.plan.with_user(self.delegate).action_approve()
        self.assertFalse(self.plans_to_approve(self.delegate))
        # the officer records the head's delegation
        self.assessment.with_user(self.officer).plan_approver_id = self.delegate
        self.assertEqual(self.plans_to_approve(self.delegate), self.plan | self.plan_2)
        self.plan.with_user(self.delegate).action_approve()
        self.assertEqual(self.plan.approved_by, self.delegate)
        self.assertEqual(self.score_2a(), 9)  # 7 of 8: 12.5 % short, 2 steps
        # a plain member is no approver
        with self.assertRaises(AccessError):
            self.plan_2.with_user(self.member).action_approve()
        # nobody approves their own plan: the head's goes to the delegate
        head_plan = self.document(self.member_of(self.head), "self_study_plan")
        self.file_plan(self.head, head_plan).with_user(self.head).action_submit()
        with self.assertRaises(AccessError):
            head_plan.with_user(self.head).action_approve()
        head_plan.with_user(self.delegate).action_approve()
        self.assertEqual(head_plan.document_state, "approved")
        # the head approves documents, and writes nothing else of the members
        with self.assertRaises(AccessError):
            self.own_2.with_user(self.head).write({"plan_approved": True})
        with self.assertRaises(AccessError):
            self.plan_2.with_user(self.head).write({"learn_what": "Sửa giúp"})
        self.assertFalse(self.own_2.plan_approved)

    def test_returned_plan_notifies_the_member(self):
        self.submit_plans()
        action = self.plan.with_user(self.head).action_return()
        wizard = Form(
            self.env[action["res_model"]]
            .with_user(self.head)
            .with_context(**action["context"])
        )
        wizard.reason = "Ghi rõ thời gian học từng tháng"
        wizard.save().action_confirm()
        self.assertEqual(self.plan.document_state, "returned")
        self.assertEqual(self.plan.return_reason, "Ghi rõ thời gian học từng tháng")
        self.assertEqual(self.plan.returned_by, self.head)
        message = self.plan.message_ids.filtered(
            lambda m: "Ghi rõ thời gian" in (m.body or "")
        )
        self.assertEqual(len(message), 1)
        self.assertIn(self.member.partner_id, message.partner_ids)
        self.assertEqual(message.author_id, self.head.partner_id)
        activity = self.plan.activity_ids
        self.assertEqual(activity.user_id, self.member)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("learning_unit.mail_activity_type_document_returned"),
        )
        # the member sees it in their record, corrects it and submits again
        mine = self.plan.with_user(self.member)
        self.assertTrue(mine.lu_can_file)
        mine.write({"learn_when": "Tháng 3: bài 1-4; tháng 4: bài 5-8"})
        mine.action_submit()
        self.assertEqual(self.plan.document_state, "submitted")
        self.assertFalse(self.plan.activity_ids)  # done

    def test_a_return_needs_a_reason_and_undoes_an_approval(self):
        self.submit_plans()
        with self.assertRaises(ValidationError):
            self.plan.with_user(self.head).write({"document_state": "returned"})
        self.plan.with_user(self.head).action_approve()
        self.assertEqual(self.score_2a(), 9)
        self.plan.with_user(self.head).write(
            {"document_state": "returned", "return_reason": "Kế hoạch của năm trước"}
        )
        self.assertFalse(self.own.plan_approved)
        self.assertEqual(self.score_2a(), 7.5)
        self.assertEqual(self.own.evidence_event_ids[0].value, False)

    def test_nothing_changes_once_the_assessment_is_submitted(self):
        self.submit_plans()
        self.provide_dossier(self.assessment)
        self.assessment.with_user(self.officer).action_submit()
        with self.assertRaises(UserError):  # AccessError is one
            self.plan.with_user(self.head).action_approve()
        with self.assertRaises(UserError):
            self.plan.with_user(self.member).action_withdraw()
        self.assertEqual(self.plan.document_state, "submitted")


class TestExceptionList(DocumentFixture, LearningUnitCase):
    def gaps(self, user=None):
        return (
            self.env["learning.unit.evidence.gap"]
            .with_user(user or self.officer)
            .search([("assessment_id", "=", self.assessment.id)])
        )

    def test_grouped_by_what_is_missing(self):
        Gap = self.env["learning.unit.evidence.gap"].with_user(self.officer)
        groups = Gap.read_group(
            [("assessment_id", "=", self.assessment.id)], ["what"], ["what"]
        )
        counts = {group["what"]: group["what_count"] for group in groups}
        # in the order of the declaration: the plan first, the documents last
        order = [group["what"] for group in groups]
        self.assertEqual(order[0], "plan_approved")
        self.assertTrue(order[-1].startswith("doc_"))
        # 2 members lack the plan: one row each, with the plan to approve
        self.assertEqual(counts["plan_approved"], 2)
        self.assertEqual(counts["discipline_ok"], 8)
        self.assertEqual(counts["doc_citizen_registration"], 8)
        # the others' plans were ticked, but no plan is on file: listed; the two
        # members without the evidence have one row each, not two
        self.assertEqual(counts["doc_self_study_plan"], 6)
        labels = dict(Gap._fields["what"]._description_selection(Gap.env))
        self.assertEqual(labels["plan_approved"], "Self-study Plan")
        plan_rows = self.gaps().filtered(lambda g: g.what == "plan_approved")
        self.assertEqual(plan_rows.document_id, self.plan | self.plan_2)
        paper_rows = self.gaps().filtered(lambda g: g.what == "doc_self_study_plan")
        self.assertFalse(paper_rows.member_id & (self.own | self.own_2))
        # once every member has the evidence, its group is gone
        self.give_full_evidence(self.assessment.member_ids)
        what = set(self.gaps().mapped("what"))
        self.assertNotIn("discipline_ok", what)
        self.assertNotIn("plan_approved", what)
        # the assessment's button opens it
        action = self.assessment.with_user(
            self.officer
        ).action_view_members_missing_evidence()
        self.assertEqual(action["res_model"], "learning.unit.evidence.gap")
        self.assertEqual(action["context"], {"search_default_group_what": 1})
        # members and other units' officers do not see it
        with self.assertRaises(AccessError):
            self.gaps(self.member)

    def test_remind_the_member(self):
        rows = self.gaps().filtered(
            lambda g: g.member_id
            in (
                self.own
                | self.assessment.member_ids.filtered(lambda m: not m.user_id)[:1]
            )
        )
        result = rows.action_remind()
        self.assertIn("1 member(s) reminded", result["params"]["message"])
        self.assertIn("without an account", result["params"]["message"])
        message = self.own.message_ids[:1]
        self.assertIn(self.member.partner_id, message.partner_ids)
        self.assertIn("Self-study Plan", message.body)
        self.assertEqual(message.author_id, self.officer.partner_id)
        # an activity on each document to file, for the member
        self.assertEqual(self.plan.activity_ids.user_id, self.member)

    def test_mark_paper_copy_for_a_member_without_account(self):
        paper = self.assessment.member_ids.filtered(lambda m: not m.user_id)[0]
        paper.plan_approved = False
        rows = self.gaps().filtered(lambda g: g.member_id == paper)
        plan_row = rows.filtered(lambda g: g.what == "plan_approved")
        registration_row = rows.filtered(lambda g: g.what == "doc_citizen_registration")
        (plan_row | registration_row).action_mark_paper_copy()
        plan = self.document(paper, "self_study_plan")
        self.assertTrue(plan.paper_copy and plan.is_provided)
        self.assertTrue(self.document(paper, "citizen_registration").is_provided)
        self.assertTrue(paper.plan_approved)
        event = paper.evidence_source_ids
        self.assertEqual((event.source, event.user_id), ("paper", self.officer))
        left = set(self.gaps().filtered(lambda g: g.member_id == paper).mapped("what"))
        self.assertNotIn("plan_approved", left)
        self.assertNotIn("doc_citizen_registration", left)
        self.assertIn("doc_lifelong_commitment", left)

    def test_open_the_plan_to_approve(self):
        self.submit_plans()
        row = self.gaps().filtered(
            lambda g: g.member_id == self.own and g.what == "plan_approved"
        )
        self.assertEqual(row.document_state, "submitted")
        action = row.action_open_document()
        self.assertEqual(
            (action["res_model"], action["res_id"]), (self.plan._name, self.plan.id)
        )


class TestSources(DocumentFixture, LearningUnitCase):
    def test_each_kind_records_who_set_it(self):
        self.own.with_user(self.officer).write({"training_done": True})
        event = self.own.evidence_source_ids
        self.assertEqual(
            (event.kind, event.value, event.source, event.user_id),
            ("training_done", True, "manual", self.officer),
        )
        self.assertIn("Ticked", self.own.evidence_sources)
        # writing the same value again logs nothing
        self.own.with_user(self.officer).write({"training_done": True})
        self.assertEqual(len(self.own.evidence_event_ids), 1)
        # the member reads the sources of their own evidence
        self.assertEqual(
            self.own.with_user(self.member).evidence_source_ids.user_id, self.officer
        )

    def test_a_source_cannot_be_claimed_from_the_context(self):
        self.own.with_user(self.officer).with_context(
            learning_unit_evidence_source="import"
        ).write({"advanced_worker": True})
        self.assertEqual(self.own.evidence_source_ids.source, "manual")
        with self.assertRaises(AccessError):
            self.env["learning.unit.evidence.event"].with_user(self.officer).create(
                {
                    "member_id": self.own.id,
                    "kind": "plan_approved",
                    "source": "plan",
                    "date": "2040-01-01 00:00:00",
                }
            )

    def test_the_log_is_written_in_one_batch(self):
        """The same number of queries for 2 members as for all of them."""
        members = self.assessment.member_ids
        counts = []
        batches = (
            (members[:1], "advanced_worker"),  # warms the caches up
            (members[:2], "discipline_ok"),
            (members, "training_done"),
        )
        for batch, field in batches:
            self.env.flush_all()
            self.env.invalidate_all()
            start = self.cr.sql_log_count
            # browsed anew by id, as an RPC call would
            Member = self.env["learning.unit.member"].with_user(self.officer)
            Member.browse(batch.ids).write({field: True})
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - start)
            self.assertEqual(
                len(
                    members.evidence_event_ids.filtered(lambda e, f=field: e.kind == f)
                ),
                len(batch),
            )
        self.assertEqual(counts[1], counts[2])


class TestImportRoundTrip(DocumentFixture, LearningUnitCase):
    def run_import(
        self, content, apply_valid_rows=False, filename="congdanhoctap.xlsx"
    ):
        wizard = (
            self.env["learning.unit.evidence.import"]
            .with_user(self.officer)
            .create(
                {
                    "period_id": self.period.id,
                    "file": base64.b64encode(content),
                    "filename": filename,
                    "apply_valid_rows": apply_valid_rows,
                }
            )
        )
        wizard.action_import()
        return wizard

    def test_round_trip(self):
        cccd = {
            m: m.employee_id.sudo().identification_id
            for m in self.assessment.member_ids
        }
        foreign = self.other_assessment.member_ids[0]
        rows = [
            ["STT", "CCCD", "Họ và tên", "Công dân học tập"],
            [1, cccd[self.own], self.own.name, "Đạt"],  # matched
            [2, cccd[self.own_2], self.own_2.name, "Chưa đạt"],  # matched, unchanged
            [3, next_cccd(), "Người lạ", "Đạt"],  # unmatched
            [
                4,
                foreign.employee_id.sudo().identification_id,
                foreign.name,
                "Đạt",
            ],  # out of scope
            [5, "0123", "Sai số", "Đạt"],  # invalid CCCD
            [6, cccd[self.own], self.own.name, "Đạt"],  # duplicate
        ]
        content = xlsx(rows)
        with self.assertRaises(UserError):  # invalid rows stop everything
            self.run_import(content)
        self.assertFalse(self.own.cdht_achieved)
        wizard = self.run_import(content, apply_valid_rows=True)
        self.assertIn(
            "0 row(s) applied, 1 unchanged, 2 not matched, 2 invalid", wizard.result
        )
        # the duplicate voids both rows of that CCCD
        self.assertFalse(self.own.cdht_achieved)
        self.assertFalse(foreign.cdht_achieved)
        # without the duplicate the member is matched
        wizard = self.run_import(xlsx(rows[:6]), apply_valid_rows=True)
        self.assertIn(
            "1 row(s) applied, 1 unchanged, 2 not matched, 1 invalid", wizard.result
        )
        self.assertTrue(self.own.cdht_achieved)
        event = self.own.evidence_source_ids
        self.assertEqual(
            (event.source, event.file_name, event.user_id),
            ("import", "congdanhoctap.xlsx", self.officer),
        )
        self.assertIn("Imported file congdanhoctap.xlsx", self.own.evidence_sources)
        note = self.assessment.message_ids[:1]
        self.assertIn("congdanhoctap.xlsx", note.body)
        self.assertIn("1 member(s) updated", note.body)
        # idempotent: the same file again changes and logs nothing
        events = len(self.own.evidence_event_ids)
        wizard = self.run_import(xlsx(rows[:6]), apply_valid_rows=True)
        self.assertIn("0 row(s) applied, 2 unchanged", wizard.result)
        self.assertEqual(len(self.own.evidence_event_ids), events)


class TestCitizenId(LearningUnitCase):
    def test_cccd_is_twelve_digits_or_blank(self):
        unit = self.make_unit("Đơn vị CCCD", 0)
        Employee = self.env["hr.employee"]
        employee = Employee.create({"name": "Trống", "department_id": unit.id})
        self.assertFalse(employee.identification_id)
        employee.identification_id = "080123456789"
        for wrong in ("12345", "08012345678X", "080 123 456 789", "0801234567890"):
            with self.subTest(wrong=wrong), self.assertRaises(ValidationError):
                Employee.create(
                    {
                        "name": "Sai",
                        "department_id": unit.id,
                        "identification_id": wrong,
                    }
                )
        with self.assertRaises(ValidationError):
            employee.identification_id = "123"


class TestDocumentsOverRpc(AttackMixin, DocumentFixture, LearningUnitHttpCase):
    def test_member_files_submits_and_the_head_approves_over_rpc(self):
        Item = "learning.unit.dossier.item"
        self.rpc(
            self.member,
            Item,
            "write",
            [self.plan.id],
            {"learn_what": "Kỹ năng số", "learn_how": "Tự học", "learn_when": "Quý 2"},
        )
        self.rpc(self.member, Item, "action_submit", [self.plan.id])
        self.assertEqual(self.plan.document_state, "submitted")
        # crafted calls are refused like the buttons
        for user, method, args in (
            (self.member, "write", [[self.plan.id], {"document_state": "approved"}]),
            (self.member, "action_approve", [[self.plan.id]]),
            (self.member, "write", [[self.plan_2.id], {"learn_what": "x"}]),
            (self.outsider, "read", [[self.plan.id], ["learn_what"]]),
        ):
            with self.subTest(user=user.login, method=method):
                with self.assertRaises(Fault) as error:
                    self.rpc(user, Item, method, *args)
                self.assertEqual(error.exception.faultCode, RPC_ACCESS_ERROR)
        with self.assertRaises(Fault) as error:
            self.rpc(
                self.member,
                "learning.unit.member",
                "write",
                [self.own.id],
                {"plan_approved": True},
            )
        self.assertEqual(error.exception.faultCode, RPC_ACCESS_ERROR)
        self.assertEqual(self.plan.document_state, "submitted")
        self.rpc(self.head, Item, "action_approve", [self.plan.id])
        self.assertEqual(self.plan.document_state, "approved")
        self.assertTrue(self.own.plan_approved)
        self.assertEqual(self.score_2a(), 9)
