"""The unit is told, as Odoo's own apps tell (issue 19, 10).

When the reviewing level returns its self-assessment, when a decision listing
it is issued (recognised, or not recognised because reviewed below level 1)
and when that decision is revoked, the unit's officer and its head (the user
of its manager in HR) each get a message from a mail template, in their own
language, by email, and an activity. A unit of another district gets nothing;
the recipients open what the mail links to.
"""

import re
from urllib.parse import unquote

from odoo.addons.mail.tests.common import MockEmail

from .common import LearningUnitHttpCase
from .list_view import form_view_request

MEMBER = "learning_unit.group_member"
OFFICER = "learning_unit.group_unit_officer"
REVIEWER = "learning_unit.group_district_reviewer"
ASSESSMENT = "learning.unit.assessment"
UNIT_INDICATORS = ("1.1", "1.2", "1.3", "1.4", "1.5", "3.2", "3.3", "3.4")
SHARES = ("discipline_ok", "training_done", "cdht_achieved")
RETURNED = "learning_unit.mail_activity_type_returned"
DECISION = "learning_unit.mail_activity_type_decision"


class TestUnitNotifications(LearningUnitHttpCase, MockEmail):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.period24 = cls.env["learning.unit.period"].create({"year": 2047})
        cls.district = cls.make_unit("Huyện Thông Báo", 0)
        cls.body = cls.make_body("Thông Báo", cls.district)
        cls.reviewer = cls.make_user(
            "nt_reviewer", REVIEWER, review=cls.district, lang="vi_VN"
        )
        # the unit: its officer reads Vietnamese, its head English
        cls.unit = cls.make_unit("Trường Thông Báo", 9, parent=cls.district)
        cls.officer = cls.make_user(
            "nt_officer", OFFICER, department=cls.unit, lang="vi_VN"
        )
        cls.head = cls.make_user("nt_head", MEMBER, department=cls.unit)
        cls.unit.manager_id = cls.head.employee_ids
        cls.assessment = cls.reviewed(cls.unit, cls.officer, met=True)
        # a unit of the district reviewed below level 1
        cls.weak = cls.make_unit("Trường Chưa Đạt", 4, parent=cls.district)
        cls.weak_officer = cls.make_user(
            "nt_weak_officer", OFFICER, department=cls.weak, lang="vi_VN"
        )
        cls.weak_head = cls.make_user(
            "nt_weak_head", MEMBER, department=cls.weak, lang="vi_VN"
        )
        cls.weak.manager_id = cls.weak_head.employee_ids
        cls.weak_assessment = cls.reviewed(cls.weak, cls.weak_officer, met=False)
        # a unit of another district, reviewed in the same period
        cls.other_district = cls.make_unit("Huyện Khác", 0)
        cls.other_reviewer = cls.make_user(
            "nt_other_reviewer", REVIEWER, review=cls.other_district, lang="vi_VN"
        )
        cls.other = cls.make_unit("Trường Huyện Khác", 4, parent=cls.other_district)
        cls.other_officer = cls.make_user(
            "nt_other_officer", OFFICER, department=cls.other, lang="vi_VN"
        )
        cls.other_head = cls.make_user(
            "nt_other_head", MEMBER, department=cls.other, lang="vi_VN"
        )
        cls.other.manager_id = cls.other_head.employee_ids
        cls.other_assessment = cls.reviewed(
            cls.other, cls.other_officer, met=True, reviewer=cls.other_reviewer
        )

    @classmethod
    def reviewed(cls, unit, officer, met, reviewer=None):
        """The unit's assessment of the period, reviewed as the unit assessed it."""
        reviewer = reviewer or cls.reviewer
        assessment = cls.make_assessment(unit, period=cls.period24)
        assessment.user_id = officer
        if met:
            for code in UNIT_INDICATORS:
                cls.line(assessment, code).achieved = True
            assessment.member_ids.write(dict.fromkeys(SHARES, True))
        cls.provide_dossier(assessment)
        assessment.with_user(officer).action_submit()
        as_reviewer = assessment.with_user(reviewer)
        as_reviewer.action_start_review()
        as_reviewer.action_confirm_review_scores()
        as_reviewer.action_mark_reviewed()
        return assessment

    # ------------------------------------------------------------------
    # helpers
    # ------------------------------------------------------------------
    def issue_decision(self):
        Decision = self.env["learning.unit.decision"].with_user(self.reviewer)
        decision = Decision.create(
            {"period_id": self.period24.id, "body_id": self.body.id}
        )
        decision.action_add_reviewed_units()
        self.assertEqual(
            decision.line_ids.assessment_id, self.assessment | self.weak_assessment
        )
        decision.action_issue()
        return decision

    def mails_to(self, user):
        return self._new_mails.filtered(lambda m: user.partner_id in m.recipient_ids)

    def notified(self, assessment, users, activity, subjects):
        """Each of ``users`` got one message (by email) and one activity on
        ``assessment``; ``subjects``: per user, what the subject holds."""
        for user, subject in zip(users, subjects, strict=True):
            mails = self.mails_to(user)
            self.assertEqual(len(mails), 1, f"one mail to {user.login}")
            self.assertIn(subject, mails.subject, user.login)
            self.assertEqual(mails.model, ASSESSMENT)
            self.assertEqual(mails.res_id, assessment.id)
            message = mails.mail_message_id
            self.assertIn(user.partner_id, message.partner_ids)
            self.assertEqual(message.author_id, self.reviewer.partner_id)
            activities = assessment.activity_ids.filtered(
                lambda a, user=user: a.user_id == user
                and a.activity_type_id == self.env.ref(activity)
            )
            self.assertEqual(len(activities), 1, f"one activity for {user.login}")
        # nobody else of the thread is written to
        messages = self._new_mails.mail_message_id.filtered(
            lambda m: m.res_id == assessment.id
        )
        self.assertEqual(messages.partner_ids, users.partner_id)

    def assertNothingFor(self, *users):
        for user in users:
            self.assertFalse(self.mails_to(user), user.login)
            self.assertFalse(
                self.env["mail.activity"].search(
                    [("user_id", "=", user.id), ("res_model", "=", ASSESSMENT)]
                ),
                user.login,
            )

    # ------------------------------------------------------------------
    # the events
    # ------------------------------------------------------------------
    def test_returned(self):
        assessment = self.assessment.with_user(self.reviewer)
        with self.mock_mail_gateway():
            # back to review first: a reviewed assessment is returned too
            assessment._return_to_unit("Bổ sung biên bản họp")
        self.notified(
            self.assessment,
            self.officer | self.head,
            RETURNED,
            ["Trường Thông Báo - 2047: hồ sơ tự đánh giá được trả lại", "returned"],
        )
        mail = self.mails_to(self.officer)
        self.assertIn("Bổ sung biên bản họp", mail.body_html)
        self.assertIn("Cấp thẩm định đã trả lại", mail.body_html)
        self.assertNothingFor(
            self.weak_officer, self.weak_head, self.other_officer, self.other_head
        )

    def test_decision_issued_recognised_or_not(self):
        with self.mock_mail_gateway():
            decision = self.issue_decision()
        number = decision.number_text
        self.assertTrue(number)
        self.assertEqual(self.assessment.recognised_level, "level_1")
        self.notified(
            self.assessment,
            self.officer | self.head,
            DECISION,
            [f"được công nhận theo Quyết định số {number}", "recognised by decision"],
        )
        vi = self.mails_to(self.officer).body_html
        self.assertIn("Mức độ 1", vi)
        self.assertIn("Mức độ 2", vi)  # reviewed at level 2, recognised at 1
        self.assertNotIn("Mức độ 1", self.mails_to(self.head).body_html)
        self.assertEqual(self.weak_assessment.review_level, "none")
        self.notified(
            self.weak_assessment,
            self.weak_officer | self.weak_head,
            DECISION,
            [f"không được công nhận theo Quyết định số {number}"] * 2,
        )
        self.assertIn("Chưa đạt", self.mails_to(self.weak_head).body_html)
        self.assertNothingFor(self.other_officer, self.other_head)

    def test_decision_revoked(self):
        decision = self.issue_decision()
        revocation = self.env["learning.unit.decision"].browse(
            decision.with_user(self.reviewer).action_new_revocation()["res_id"]
        )
        revocation = revocation.with_user(self.reviewer)
        revocation.revoke_reason = "Hồ sơ minh chứng không trung thực"
        self.env["mail.activity"].search([("res_model", "=", ASSESSMENT)]).unlink()
        with self.mock_mail_gateway():
            revocation.action_issue()
        self.notified(
            self.assessment,
            self.officer | self.head,
            DECISION,
            [f"Quyết định số {decision.number_text} bị thu hồi", "revoked"],
        )
        mail = self.mails_to(self.officer)
        self.assertIn(revocation.number_text, mail.body_html)
        self.assertIn("Hồ sơ minh chứng không trung thực", mail.body_html)
        self.notified(
            self.weak_assessment,
            self.weak_officer | self.weak_head,
            DECISION,
            ["bị thu hồi"] * 2,
        )
        self.assertNothingFor(self.other_officer, self.other_head)

    def test_recipients_open_what_the_mail_links_to(self):
        with self.mock_mail_gateway():
            self.issue_decision()
        for user in (self.officer, self.head, self.weak_officer, self.weak_head):
            mail = self.mails_to(user)
            links = re.findall(r'href="([^"]*/mail/view[^"]*)"', mail.body_html)
            self.assertTrue(links, f"the mail to {user.login} links to the record")
            self.authenticate(user.login, user.login)
            # /mail/view checks the user's access: the record's form, or
            # Discuss when the user may not read it
            response = self.url_open(
                unquote(links[0]).replace("&amp;", "&"), allow_redirects=False
            )
            self.assertIn(response.status_code, (302, 303))
            location = unquote(response.headers["Location"])
            self.assertIn(f"/odoo/{ASSESSMENT}/{mail.res_id}", location)
            # the form they land on reads as the web client reads it
            Assessment = self.env[ASSESSMENT].with_user(user)
            specification = form_view_request(Assessment.env, ASSESSMENT)
            self.env.invalidate_all()
            [values] = Assessment.browse(mail.res_id).web_read(specification)
            self.assertEqual(values["state"], "recognised")
        # the link is no way in for another district's officer
        self.authenticate(self.other_officer.login, self.other_officer.login)
        response = self.url_open(
            unquote(links[0]).replace("&amp;", "&"), allow_redirects=False
        )
        location = unquote(response.headers["Location"])
        self.assertNotIn(f"/odoo/{ASSESSMENT}/", location)
