"""Attacker tests: the members' Thông tư 24 certificates (issue 19, item 5).

Over RPC and the web routes, as the web client would call them: a member of
another unit neither finds, reads, files nor attaches a file to a member's
certificate nor downloads its file; a member never approves her own (nor
writes the evidence it records), the head never approves his own; text with a
NUL byte and a date out of range are refused in Vietnamese with nothing
changed.
"""

from odoo import http

from .attack_common import AttackMixin
from .attack_io import is_vietnamese
from .common import LearningUnitHttpCase
from .test_member_certificates import PNG, CertificateFixture

DOCUMENT = "learning.unit.dossier.item"
TRACKED = [
    "document_state",
    "proof_what",
    "proof_date",
    "attachment_ids",
    "approved_by",
    "submitted_by",
]


class TestCertificateAttacks(AttackMixin, CertificateFixture, LearningUnitHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member.lang = "vi_VN"
        # as the form's Attach button uploads it: on her certificate
        cls.files = (
            cls.env["ir.attachment"]
            .with_user(cls.member)
            .create(
                {
                    "name": "chung-chi.png",
                    "datas": PNG,
                    "mimetype": "image/png",
                    "res_model": DOCUMENT,
                    "res_id": cls.training.id,
                }
            )
        )
        cls.training.with_user(cls.member).write(
            {
                "proof_what": "Bồi dưỡng thường xuyên",
                "proof_date": "2041-06-30",
                "attachment_ids": [(6, 0, cls.files.ids)],
            }
        )
        cls.own_file = cls.training.attachment_ids
        cls.head_member = cls.assessment.member_ids.filtered(
            lambda m: m.user_id == cls.head
        )
        cls.head_training = cls.head_member.dossier_item_ids.filtered(
            lambda i: i.document_type_id.code == "tt24_training_certificate"
        )
        cls.env.flush_all()

    def watched(self):
        return [
            (self.training | self.head_training, TRACKED),
            (self.own | self.head_member, ["training_done", "cdht_achieved"]),
        ]

    def repelled(self, label, operation):
        self.assert_repelled(label, operation, self.watched())

    def test_another_units_member_neither_finds_nor_files_it(self):
        found = self.rpc(
            self.outsider, DOCUMENT, "search", [("id", "=", self.training.id)]
        )
        self.assertEqual(found, [])
        self.repelled(
            "outsider reads the certificate",
            lambda: self.rpc(
                self.outsider, DOCUMENT, "read", [self.training.id], ["proof_what"]
            ),
        )
        self.repelled(
            "outsider writes what it proves",
            lambda: self.rpc(
                self.outsider,
                DOCUMENT,
                "write",
                [self.training.id],
                {"proof_what": "Giả mạo"},
            ),
        )
        self.repelled(
            "outsider submits it",
            lambda: self.rpc(
                self.outsider, DOCUMENT, "action_submit", [self.training.id]
            ),
        )
        self.repelled(
            "outsider approves it",
            lambda: self.rpc(
                self.outsider, DOCUMENT, "action_approve", [self.training.id]
            ),
        )
        self.repelled(
            "outsider creates a certificate for her",
            lambda: self.rpc(
                self.outsider,
                DOCUMENT,
                "create",
                {
                    "assessment_id": self.assessment.id,
                    "member_id": self.own.id,
                    "document_type_id": self.training.document_type_id.id,
                },
            ),
        )

    def test_nobody_approves_their_own(self):
        self.training.with_user(self.member).action_submit()
        head_file = (
            self.env["ir.attachment"]
            .with_user(self.head)
            .create(
                {
                    "name": "qlgd.png",
                    "datas": PNG,
                    "res_model": DOCUMENT,
                    "res_id": self.head_training.id,
                }
            )
        )
        self.head_training.with_user(self.head).write(
            {
                "proof_what": "Quản lý giáo dục",
                "proof_date": "2041-05-01",
                "attachment_ids": [(6, 0, head_file.ids)],
            }
        )
        self.head_training.with_user(self.head).action_submit()
        self.env.flush_all()
        for label, operation in (
            (
                "member approves her own",
                lambda: self.rpc(
                    self.member, DOCUMENT, "action_approve", [self.training.id]
                ),
            ),
            (
                "member writes the approved state",
                lambda: self.rpc(
                    self.member,
                    DOCUMENT,
                    "write",
                    [self.training.id],
                    {"document_state": "approved"},
                ),
            ),
            (
                "member writes the evidence it records",
                lambda: self.rpc(
                    self.member,
                    "learning.unit.member",
                    "write",
                    [self.own.id],
                    {"training_done": True},
                ),
            ),
            (
                "head approves his own",
                lambda: self.rpc(
                    self.head, DOCUMENT, "action_approve", [self.head_training.id]
                ),
            ),
        ):
            self.repelled(label, operation)
        # the head approves hers
        self.rpc(self.head, DOCUMENT, "action_approve", [self.training.id])
        self.training.invalidate_recordset()
        self.assertEqual(self.training.document_state, "approved")
        self.assertTrue(self.own.training_done)

    def test_unstorable_text_and_dates_are_refused_in_vietnamese(self):
        for fname, value in (
            ("proof_what", "Bồi\x00dưỡng"),
            ("proof_date", "0001-01-01"),
            ("proof_date", "9999-12-31"),
        ):
            error = self.assert_repelled(
                f"member writes {fname}={value!r}",
                lambda fname=fname, value=value: self.call_kw(
                    self.member,
                    DOCUMENT,
                    "web_save",
                    [self.training.ids, {fname: value}],
                    {"specification": {fname: {}}, "context": {"lang": "vi_VN"}},
                ),
                self.watched(),
            )
            message = getattr(error, "message", None) or str(error)
            self.assertNotIn("Traceback", message)
            self.assertTrue(is_vietnamese(message), message[:200])

    def upload(self, user, record):
        self.authenticate(user.login, user.login)
        self.env.flush_all()
        response = self.url_open(
            "/web/binary/upload_attachment",
            data={
                "csrf_token": http.Request.csrf_token(self),
                "model": record._name,
                "id": record.id,
            },
            files={"ufile": ("gia-mao.png", b"\x89PNG fake", "image/png")},
        )
        self.env.invalidate_all()
        return response

    def test_the_attachment_routes(self):
        Attachment = self.env["ir.attachment"]
        before = Attachment.search_count([("res_model", "=", DOCUMENT)])
        response = self.upload(self.outsider, self.training)
        self.assertEqual(response.status_code, 200)
        self.assertIn("error", response.json()[0])
        self.assertEqual(
            Attachment.search_count([("res_model", "=", DOCUMENT)]), before
        )
        # her own upload works (the form's Attach button)
        response = self.upload(self.member, self.training)
        self.assertNotIn("error", response.json()[0], response.text)
        # her file: not for another unit's member, for her head
        url = f"/web/content/{self.own_file.id}?download=true"
        self.authenticate(self.outsider.login, self.outsider.login)
        self.assertIn(self.url_open(url, allow_redirects=False).status_code, (403, 404))
        self.authenticate(self.head.login, self.head.login)
        self.assertEqual(self.url_open(url, allow_redirects=False).status_code, 200)
        # nor through the record's field
        self.authenticate(self.outsider.login, self.outsider.login)
        field_url = (
            f"/web/content?model={DOCUMENT}&id={self.training.id}"
            "&field=attachment_ids&download=true"
        )
        self.assertNotEqual(
            self.url_open(field_url, allow_redirects=False).status_code, 200
        )
