"""The signed copy of an issued document (issue 19, item 8).

Once a decision or a report upward is issued, or minutes are signed, the
issuing side attaches the scan of the signed paper: the reference copy,
downloaded from the form, noted in the chatter. Over JSON-RPC, as the web
client sends it:

* the reviewer of the document's scope attaches it once issued, never to a
  draft; an officer, a member, the reviewer of another district cannot;
* the file is a PDF or an image with a plain name (no NUL, no path);
* who reads the document downloads it (the units the decision lists, the
  officer of the inspected unit); another unit gets nothing, neither from the
  field's route nor by searching the attachments, nor may it create the
  field's attachment itself.
"""

import base64

from odoo.tests import Form

from .attack_common import OFFICER, AttackFixture
from .common import LearningUnitHttpCase

DECISION = "learning.unit.decision"
REPORT = "learning.unit.upward.report"
MINUTES = "learning.unit.minutes"
PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
SCAN = base64.b64encode(PDF_BYTES).decode()
HTML = base64.b64encode(b"<html><script>alert(1)</script></html>").decode()
CONTENT = "/web/content/%s/%s/signed_scan"


class TestSignedScan(AttackFixture, LearningUnitHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.body_a = cls.make_body("Tân Trụ", cls.district_a)
        cls.period_review.body_id = cls.body_a
        cls.in_review.with_user(cls.reviewer).action_confirm_review_scores()
        cls.in_review.with_user(cls.reviewer).action_mark_reviewed()
        cls.officer_b = cls.make_user("atk_officer_b", OFFICER, department=cls.unit_b)
        for user in (
            cls.reviewer,
            cls.reviewer_b,
            cls.member,
            cls.officer,
            cls.officer_b,
        ):
            user.lang = "vi_VN"
        cls.env.flush_all()

    def kw(self, user, model, method, args, kwargs=None):
        kwargs = dict(kwargs or {})
        kwargs.setdefault("context", {"lang": user.lang, "uid": user.id})
        return self.call_kw(user, model, method, args, kwargs)

    def scans(self):
        def read():
            rows = (
                self.env["ir.attachment"]
                .sudo()
                .search(
                    [
                        ("res_model", "in", (DECISION, REPORT, MINUTES)),
                        ("res_field", "=", "signed_scan"),
                    ]
                )
            )
            return {("scans", row.res_model, row.res_id): row.checksum for row in rows}

        return read

    def issued(self, model, action):
        result = self.kw(
            self.reviewer, "learning.unit.period", action, [self.period_review.ids]
        )
        record = self.env[model].browse(result["res_id"])
        self.kw(self.reviewer, model, "action_issue", [record.ids])
        self.env.invalidate_all()
        self.assertEqual(record.state, "issued")
        return record

    def signed_minutes(self):
        team = (
            self.env["learning.unit.team"]
            .with_user(self.reviewer)
            .create(
                {
                    "name": "Đoàn kiểm tra Tân Trụ",
                    "period_id": self.period_review.id,
                    "department_id": self.district_a.id,
                    "body_id": self.body_a.id,
                    "assessment_ids": [(6, 0, self.in_review.ids)],
                    "member_ids": [(0, 0, {"name": "Lê Văn Bảy", "role": "head"})],
                }
            )
        )
        team.action_new_minutes()
        minutes = team.minutes_ids
        self.assertEqual(minutes.state, "draft")
        return minutes

    def download(self, user, record):
        self.authenticate(user.login, user.login)
        return self.url_open(CONTENT % (record._name, record.id), timeout=60)

    def test_the_reviewer_attaches_the_signed_decision_the_units_download_it(self):
        decision = self.issued(DECISION, "action_new_decision")
        self.kw(
            self.reviewer,
            DECISION,
            "write",
            [
                decision.ids,
                {"signed_scan": SCAN, "signed_scan_name": "QĐ 01 đã ký.pdf"},
            ],
        )
        self.env.invalidate_all()
        self.assertEqual(decision.signed_scan_name, "QĐ 01 đã ký.pdf")
        self.assertIn("QĐ 01 đã ký.pdf", decision.message_ids[0].body)
        for user in (self.reviewer, self.officer, self.member):
            response = self.download(user, decision)
            self.assertEqual(response.status_code, 200, user.login)
            self.assertEqual(response.content, PDF_BYTES, user.login)
        for user in (self.officer_b, self.reviewer_b):
            response = self.download(user, decision)
            self.assertIn(response.status_code, (403, 404), user.login)
            self.assertNotIn(PDF_BYTES, response.content)
            found = self.kw(
                user,
                "ir.attachment",
                "search_read",
                [[("res_model", "=", DECISION), ("res_field", "=", "signed_scan")]],
                {"fields": ["name", "datas"]},
            )
            self.assertEqual(found, [], user.login)

    def test_who_may_attach_and_what(self):
        draft_report = self.env[REPORT].browse(
            self.kw(
                self.reviewer,
                "learning.unit.period",
                "action_new_upward_report",
                [self.period_review.ids],
            )["res_id"]
        )
        decision = self.issued(DECISION, "action_new_decision")
        watch = [
            (decision, ["signed_scan_name"]),
            (draft_report, ["signed_scan_name"]),
            self.scans(),
        ]
        good = {"signed_scan": SCAN, "signed_scan_name": "ban-ky.pdf"}
        problems = self.refused(
            "a draft has no signed copy",
            lambda: self.kw(self.reviewer, REPORT, "write", [draft_report.ids, good]),
            watch,
        )
        for user in (self.officer, self.member, self.reviewer_b, self.officer_b):
            problems += self.refused(
                f"{user.login} attaches",
                lambda user=user: self.kw(
                    user, DECISION, "write", [decision.ids, good]
                ),
                watch,
            )
        for label, values in (
            ("NUL in the name", dict(good, signed_scan_name="ban\x00ky.pdf")),
            ("a path as name", dict(good, signed_scan_name="../../etc/ban-ky.pdf")),
            ("an HTML page", {"signed_scan": HTML, "signed_scan_name": "ban-ky.pdf"}),
        ):
            problems += self.refused(
                label,
                lambda values=values: self.kw(
                    self.reviewer, DECISION, "write", [decision.ids, values]
                ),
                watch,
            )
        for user in (self.officer, self.reviewer_b):
            problems += self.refused(
                f"{user.login} creates the field's attachment",
                lambda user=user: self.kw(
                    user,
                    "ir.attachment",
                    "create",
                    [
                        {
                            "name": "ban-ky.pdf",
                            "res_model": DECISION,
                            "res_id": decision.id,
                            "res_field": "signed_scan",
                            "datas": SCAN,
                        }
                    ],
                ),
                watch,
            )
        self.assert_no_problems(problems)

    def test_signed_minutes_and_issued_report(self):
        minutes = self.signed_minutes()
        good = {"signed_scan": SCAN, "signed_scan_name": "bien-ban.pdf"}
        watch = [(minutes, ["signed_scan_name"]), self.scans()]
        problems = self.refused(
            "minutes not signed yet",
            lambda: self.kw(self.reviewer, MINUTES, "write", [minutes.ids, good]),
            watch,
        )
        self.assert_no_problems(problems)
        self.kw(self.reviewer, MINUTES, "action_sign", [minutes.ids])
        self.kw(self.reviewer, MINUTES, "write", [minutes.ids, good])
        self.env.invalidate_all()
        self.assertEqual(minutes.signed_scan_name, "bien-ban.pdf")
        self.assertEqual(self.download(self.officer, minutes).content, PDF_BYTES)
        self.assertIn(self.download(self.officer_b, minutes).status_code, (403, 404))
        problems = self.refused(
            "the officer replaces the minutes' copy",
            lambda: self.kw(
                self.officer,
                MINUTES,
                "write",
                [minutes.ids, dict(good, signed_scan_name="khac.pdf")],
            ),
            watch,
        )
        self.assert_no_problems(problems)
        report = self.issued(REPORT, "action_new_upward_report")
        self.kw(self.reviewer, REPORT, "write", [report.ids, good])
        self.env.invalidate_all()
        self.assertEqual(report.signed_scan_name, "bien-ban.pdf")
        self.assertIn("bien-ban.pdf", report.message_ids[0].body)

    def test_the_forms_show_the_signed_copy(self):
        for model in (DECISION, REPORT, MINUTES):
            arch = self.env[model].get_views([(False, "form")])["views"]["form"]["arch"]
            self.assertIn('name="signed_scan"', arch, model)
            self.assertIn('filename="signed_scan_name"', arch, model)

    def test_the_reviewer_attaches_it_from_the_form(self):
        decision = self.issued(DECISION, "action_new_decision")
        with Form(decision.with_user(self.reviewer)) as form:
            form.signed_scan = SCAN
        # no name sent (the web client's widget sends the file's): the number's
        self.assertEqual(decision.signed_scan_name, "01-QĐ-UBND.pdf")
        self.assertEqual(base64.b64decode(decision.signed_scan), PDF_BYTES)
