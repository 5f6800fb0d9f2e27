"""The member's own Thông tư 24 year (issue 19, item 5).

Under Thông tư 24 indicator 2.2 (training completed, approved by the head)
and 3.1 ("Công dân học tập") count each member's own record, and the members
hold the certificates: a member files the training she completed with its
certificate, and her Learning Citizen result when it was not imported, from
her own screen, and submits it; the head of the unit (its manager in HR), or
the officer the head delegates, approves or returns them in bulk; the
approval records her evidence and the indicator's share follows.
"""

from odoo.addons.learning_unit.models.learning_unit_evidence_event import (
    evidence_source,
)
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import LearningUnitCase

MEMBER = "learning_unit.group_member"
OFFICER = "learning_unit.group_unit_officer"
TRAINING = "tt24_training_certificate"
CDHT = "tt24_cdht_certificate"
PNG = b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="


class CertificateFixture:
    """A school of 7 under Thông tư 24 (4 members without an account, a
    member with one, the head, its manager in HR, and an officer); a
    neighbouring school with its own member."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tt24 = cls.env.ref("learning_unit.template_tt24_district")
        cls.period24 = cls.make_period(2041, template=cls.tt24)
        cls.unit = cls.make_unit("Trường Chứng Chỉ", 4)
        cls.other_unit = cls.make_unit("Trường Láng Giềng", 2)
        cls.member = cls.make_user("cert_member", MEMBER, department=cls.unit)
        cls.head = cls.make_user("cert_head", MEMBER, department=cls.unit)
        cls.unit.manager_id = cls.head.employee_ids
        cls.officer = cls.make_user("cert_officer", OFFICER, department=cls.unit)
        cls.outsider = cls.make_user("cert_outsider", MEMBER, department=cls.other_unit)
        cls.assessment = cls.make_assessment(cls.unit, period=cls.period24)
        cls.other_assessment = cls.make_assessment(cls.other_unit, period=cls.period24)
        cls.own = cls.assessment.member_ids.filtered(lambda m: m.user_id == cls.member)
        cls.training = cls.document(cls.own, TRAINING)
        cls.cdht = cls.document(cls.own, CDHT)

    @classmethod
    def document(cls, member, code):
        item = member.dossier_item_ids.filtered(
            lambda i: i.document_type_id.code == code
        )
        assert len(item) == 1, (code, item)
        return item

    def attachment(self, user, name="chung-chi.png"):
        return (
            self.env["ir.attachment"]
            .with_user(user)
            .create({"name": name, "datas": PNG, "mimetype": "image/png"})
        )

    def fill(self, item, user, what="Bồi dưỡng thường xuyên 2041"):
        item.with_user(user).write(
            {
                "proof_what": what,
                "proof_date": "2041-06-30",
                "attachment_ids": [(6, 0, self.attachment(user).ids)],
            }
        )


class TestMemberCertificates(CertificateFixture, LearningUnitCase):
    def test_levels_dossier_has_the_members_certificates(self):
        for code, field in ((TRAINING, "training_done"), (CDHT, "cdht_achieved")):
            doc_type = self.env["learning.unit.document.type"].search(
                [("code", "=", code)]
            )
            self.assertEqual(doc_type.scope, "member")
            self.assertEqual(doc_type.scheme, "levels")
            self.assertEqual(doc_type.member_form, "certificate")
            self.assertTrue(doc_type.approval_required)
            self.assertEqual(doc_type.evidence_field, field)
            # Thông tư 24 asks for no personal document in the unit's dossier
            self.assertFalse(doc_type.mandatory)
        # every member of the levels round has both, none of the points round
        codes = self.assessment.member_ids.dossier_item_ids.document_type_id.mapped(
            "code"
        )
        self.assertEqual(codes.count(TRAINING), 1)
        self.assertEqual(
            len(self.assessment.member_ids.dossier_item_ids),
            2 * len(self.assessment.member_ids),
        )
        points = self.make_assessment(self.make_unit("Trường TT22", 1))
        self.assertNotIn(
            TRAINING, points.member_ids.dossier_item_ids.document_type_id.mapped("code")
        )
        # not mandatory: nothing of hers blocks the unit's submission
        self.assertFalse(
            [
                line
                for line in self.env["learning.unit.dossier.item"]._lu_missing_lines(
                    self.assessment
                )
                if "chứng nhận" in line.lower()
            ]
        )

    def test_certificate_needs_what_when_and_the_file(self):
        with self.assertRaises(ValidationError) as caught:
            self.training.with_user(self.member).action_submit()
        self.assertIn("What", str(caught.exception))
        self.training.with_user(self.member).write({"proof_what": "Bồi dưỡng"})
        with self.assertRaises(ValidationError) as caught:
            self.training.with_user(self.member).action_submit()
        self.assertIn("Files", str(caught.exception))
        self.fill(self.training, self.member)
        self.training.with_user(self.member).action_submit()
        self.assertEqual(self.training.document_state, "submitted")
        self.assertEqual(self.training.submitted_by, self.member)
        # locked once submitted
        with self.assertRaises(UserError):
            self.training.with_user(self.member).write({"proof_what": "Khác"})

    def test_head_approves_in_bulk_and_2_2_follows(self):
        line = self.line(self.assessment, "2.2")
        others = self.assessment.member_ids - self.own
        others.write({"training_done": True})
        self.assertEqual((line.met_count, line.member_count), (6, 7))
        self.assertEqual(line.self_level, "none")
        self.fill(self.training, self.member)
        self.fill(self.cdht, self.member, "Công dân học tập 2041: 86 điểm")
        (self.training | self.cdht).with_user(self.member).action_submit()
        # a member never approves (not even her own)
        with self.assertRaises(AccessError):
            self.training.with_user(self.member).action_approve()
        (self.training | self.cdht).with_user(self.head).action_approve()
        self.assertTrue(self.own.training_done)
        self.assertTrue(self.own.cdht_achieved)
        self.assertEqual(self.own.evidence_source_ids.mapped("source"), ["plan"] * 2)
        self.assertEqual((line.met_count, line.member_count), (7, 7))
        self.assertEqual(line.self_level, "level_2")
        # returned: the evidence it recorded goes with it
        self.training.with_user(self.head).write(
            {"document_state": "returned", "return_reason": "Thiếu dấu"}
        )
        self.assertFalse(self.own.training_done)
        self.assertEqual(line.met_count, 6)

    def test_a_return_takes_back_only_the_evidence_it_recorded(self):
        """Her result was imported after she filed it: returning her document
        (never approved) leaves the imported evidence alone."""
        self.fill(self.cdht, self.member, "Công dân học tập 2041: 86 điểm")
        self.cdht.with_user(self.member).action_submit()
        evidence_source(self.own, "import", file_name="cdht.xlsx").write(
            {"cdht_achieved": True}
        )
        self.cdht.with_user(self.head).write(
            {"document_state": "returned", "return_reason": "Đã nhập từ hệ thống"}
        )
        self.assertTrue(self.own.cdht_achieved)
        self.assertEqual(self.own.evidence_source_ids.source, "import")

    def test_delegated_officer_approves_other_officer_does_not(self):
        self.fill(self.training, self.member)
        self.training.with_user(self.member).action_submit()
        with self.assertRaises(AccessError):
            self.training.with_user(self.officer).action_approve()
        self.assessment.plan_approver_id = self.officer
        self.training.with_user(self.officer).action_approve()
        self.assertTrue(self.own.training_done)

    def test_a_new_member_document_type_reaches_the_open_dossiers(self):
        """An update ships the types to a database whose round is under way:
        the members of the dossiers still being prepared get them."""
        self.assessment.member_ids.dossier_item_ids.filtered(
            lambda i: i.document_type_id.code == CDHT
        ).sudo().unlink()
        closed = self.make_assessment(self.make_unit("Trường Đã Gửi", 1), self.period24)
        self.env.cr.execute(
            "UPDATE learning_unit_assessment SET state = 'submitted' WHERE id = %s",
            (closed.id,),
        )
        closed.invalidate_recordset(["state"])
        doc_type = self.env["learning.unit.document.type"].create(
            {
                "name": "Giấy tờ mới",
                "code": "new_member_paper",
                "scope": "member",
                "scheme": "levels",
                "mandatory": False,
                "member_form": "certificate",
            }
        )
        for assessment, count in ((self.assessment, 7), (closed, 0)):
            items = assessment.member_ids.dossier_item_ids.filtered(
                lambda i, t=doc_type: i.document_type_id == t
            )
            self.assertEqual(len(items), count, assessment.department_id.name)
        self.assertFalse(
            self.env["learning.unit.dossier.item"].search(
                [
                    ("document_type_id", "=", doc_type.id),
                    ("assessment_id.scheme", "=", "points"),
                ]
            )
        )


class TestWhatTheMemberIsTold(CertificateFixture, LearningUnitCase):
    def gaps(self):
        return (
            self.env["learning.unit.evidence.gap"]
            .with_user(self.officer)
            .search([("assessment_id", "=", self.assessment.id)])
        )

    def test_reminder_names_what_she_files_and_what_the_officer_records(self):
        self.own.write({"discipline_ok": False, "training_done": False})
        rows = self.gaps().filtered(
            lambda g: g.member_id == self.own
            and g.what in ("discipline_ok", "training_done")
        )
        self.assertEqual(len(rows), 2)
        rows.action_remind()
        body = self.own.message_ids[:1].body
        # her certificate: she files it in her record
        self.assertIn("Mandatory Training", body)
        self.assertIn("My Learning Record", body)
        # discipline is the officer's to record: she is not sent to her record
        # for it
        filing, _sep, rest = body.partition("My Learning Record")
        self.assertNotIn("Discipline", filing)
        self.assertIn("Discipline", rest)
        self.assertIn("unit officer", rest)
        self.assertEqual(self.training.activity_ids.user_id, self.member)

    def test_reminder_of_officer_evidence_only(self):
        self.own.write(
            {"discipline_ok": False, "training_done": True, "cdht_achieved": True}
        )
        rows = self.gaps().filtered(lambda g: g.member_id == self.own)
        self.assertEqual(rows.mapped("what"), ["discipline_ok"])
        rows.action_remind()
        body = self.own.message_ids[:1].body
        self.assertNotIn("My Learning Record", body)
        self.assertIn("unit officer", body)

    def test_empty_states_promise_nothing_she_cannot_do(self):
        for xmlid in (
            "learning_unit.action_learning_unit_my_record",
            "learning_unit.action_learning_unit_plans_to_approve",
        ):
            action = self.env.ref(xmlid)
            self.assertNotIn("self-study plan", str(action.help).lower(), xmlid)
            self.assertNotIn("Plan", action.name, xmlid)

    def test_approval_is_of_the_members_documents_not_only_plans(self):
        Assessment = self.env["learning.unit.assessment"]
        for name in ("plan_approver_id", "lu_can_approve", "plans_to_approve_count"):
            field = Assessment._fields[name]
            self.assertNotIn("Plan", field.string, name)
        self.assertIn("certificates", Assessment._fields["plan_approver_id"].help)
        sources = self.env["learning.unit.member"]._fields["evidence_sources"]
        self.assertNotIn("plan", sources.help)
        menu = self.env.ref("learning_unit.menu_plans_to_approve")
        self.assertNotIn("Plan", menu.name)


class TestMemberScreensOnAPhone(LearningUnitCase):
    """Odoo opens an action's kanban view on a phone (``mobile_view_mode``):
    the member's record has one with what she needs; the head's approval
    stays a list, whose rows a phone selects with a long touch and whose
    header buttons its action menu offers."""

    def views(self, xmlid):
        action = self.env.ref(xmlid)
        return {view.view_mode: view.view_id for view in action.view_ids}, action

    def test_member_record_has_a_phone_view(self):
        views, action = self.views("learning_unit.action_learning_unit_my_record")
        self.assertIn("kanban", action.view_mode.split(","))
        self.assertEqual(action.mobile_view_mode, "kanban")
        arch = self.env["learning.unit.dossier.item"].get_view(
            views["kanban"].id, "kanban"
        )["arch"]
        for name in ("name", "document_state", "proof_what", "is_provided"):
            self.assertIn(f'name="{name}"', arch, name)

    def test_head_approval_list_on_a_phone(self):
        views, action = self.views(
            "learning_unit.action_learning_unit_plans_to_approve"
        )
        self.assertNotIn("kanban", action.view_mode.split(","))
        arch = self.env["learning.unit.dossier.item"].get_view(
            views["list"].id, "list"
        )["arch"]
        for button in ("action_approve", "action_return"):
            self.assertIn(f'name="{button}"', arch)
        # what a certificate proves, and its file, are in the list
        for name in ("member_name", "name", "proof_what", "attachment_ids"):
            self.assertRegex(arch, rf'<field name="{name}"(?![^>]*optional="hide")')

    def test_the_list_buttons_want_a_selection(self):
        """The approval list's buttons are always shown (a phone's list offers
        the selection's buttons only among other actions): with nothing
        selected they say so."""
        Item = self.env["learning.unit.dossier.item"]
        arch = Item.get_view(
            self.env.ref("learning_unit.view_learning_unit_plan_approval_list").id,
            "list",
        )["arch"]
        self.assertRegex(arch, r'name="action_approve"[^>]*display="always"')
        for method in ("action_approve", "action_return"):
            with self.assertRaisesRegex(UserError, "Select the documents"):
                getattr(Item.browse(), method)()
