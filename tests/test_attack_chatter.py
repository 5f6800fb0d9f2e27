"""Attacker tests: the audit trail.

The chatter of an assessment is its audit trail: the reviewer's reasons for
returning it, the tracked state changes and scores, the decisions. A unit
officer tries to delete or rewrite what the reviewer wrote (ORM, XML-RPC,
the chatter's edit route) and to delete tracking values; a reviewer tries
to delete the unit's and the system's messages. Only a learning unit
administrator may delete a message, and that deletion itself leaves a trace.
"""

from markupsafe import Markup

from .attack_common import ADMIN, OFFICER, REVIEWER, AttackMixin, describe_refusal
from .common import LearningUnitHttpCase

RETURN_TOKEN = "ATK-LYDO-7731"
NOTE_TOKEN = "ATK-GHICHU-4419"

# what the chatter's routes answer when they refuse (besides Odoo's UserErrors)
HTTP_REFUSALS = ("werkzeug.exceptions.NotFound", "werkzeug.exceptions.Forbidden")


class TestAuditTrailAttacks(AttackMixin, LearningUnitHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the trail is what this file is about: track everything
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.district = cls.make_unit("Huyện Châu Thành", 0)
        cls.unit = cls.make_unit("Trường THCS Châu Thành", 3, parent=cls.district)
        cls.officer = cls.make_user("atk_chat_officer", OFFICER, department=cls.unit)
        cls.reviewer = cls.make_user("atk_chat_reviewer", REVIEWER, review=cls.district)
        cls.admin = cls.make_user("atk_chat_admin", ADMIN)
        cls.period_2 = cls.make_period(2041)

        cls.returned = cls.make_assessment(cls.unit)
        cls.recognised = cls.make_assessment(cls.unit, period=cls.period_2)
        for assessment in cls.returned | cls.recognised:
            cls.make_full_score(assessment)
            cls.provide_dossier(assessment)
        cls._settle()  # records created in this transaction are not tracked
        # the system (superuser) assigns the unit officer: a tracked change
        (cls.returned | cls.recognised).user_id = cls.officer
        cls._settle()

        cls.returned.with_user(cls.officer).action_submit()
        cls._settle()
        cls.returned.with_user(cls.reviewer).action_start_review()
        cls._settle()
        wizard = (
            cls.env["learning.unit.return.wizard"]
            .with_user(cls.reviewer)
            .create(
                {
                    "assessment_ids": [(6, 0, cls.returned.ids)],
                    "reason": f"Thiếu biên bản họp chi bộ ({RETURN_TOKEN})",
                }
            )
        )
        wizard.action_confirm()
        cls._settle()

        recognised = cls.recognised
        recognised.with_user(cls.officer).action_submit()
        cls._settle()
        as_reviewer = recognised.with_user(cls.reviewer)
        as_reviewer.action_start_review()
        as_reviewer.action_confirm_review_scores()
        as_reviewer.action_mark_reviewed()
        cls._settle()
        as_reviewer.write(
            {"decision_number": "125/QĐ-UBND", "decision_date": "2021-03-15"}
        )
        as_reviewer.action_recognise()
        cls._settle()
        as_reviewer.message_post(
            body=Markup("<p>Đơn vị đạt loại Tốt (%s)</p>") % NOTE_TOKEN,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        cls._settle()
        assert cls.returned.state == "returned" and recognised.state == "recognised"

    @classmethod
    def _settle(cls):
        """Write the tracking, as the end of a request does."""
        cls.env.flush_all()
        cls.env.cr.precommit.run()
        cls.env.flush_all()

    # -- the trail ----------------------------------------------------------
    def _messages(self, assessment, author=None, token=None, tracking=None):
        messages = assessment.sudo().message_ids
        if author is not None:
            messages = messages.filtered(lambda m: m.author_id == author.partner_id)
        if token is not None:
            messages = messages.filtered(lambda m: token in (m.body or ""))
        if tracking is not None:
            messages = messages.filtered(
                lambda m: bool(m.tracking_value_ids) == tracking
            )
        self.assertTrue(messages, f"no such message on {assessment.name}")
        return messages

    def reviewer_messages(self):
        """The reviewer's reason, note and tracked decisions."""
        return {
            "return reason": self._messages(self.returned, token=RETURN_TOKEN)[:1],
            "review tracking (returned)": self._messages(
                self.returned, self.reviewer, tracking=True
            )[:1],
            "reviewer note (recognised)": self._messages(
                self.recognised, token=NOTE_TOKEN
            )[:1],
            "recognition tracking": self._messages(
                self.recognised, self.reviewer, tracking=True
            )[-1:],
        }

    def unit_and_system_messages(self):
        root = self.env.user  # the assessments were created by the superuser
        return {
            "unit's submission tracking (returned)": self._messages(
                self.returned, self.officer, tracking=True
            )[:1],
            "unit's submission tracking (recognised)": self._messages(
                self.recognised, self.officer, tracking=True
            )[:1],
            "system creation message": self._messages(
                self.returned, root, tracking=False
            )[-1:],
            "system tracking (returned)": self._messages(
                self.returned, root, tracking=True
            )[:1],
            "system tracking (recognised)": self._messages(
                self.recognised, root, tracking=True
            )[:1],
        }

    def trail(self):
        """Every message and tracking value of both assessments, as superuser."""
        messages = (
            self.env["mail.message"]
            .sudo()
            .search(
                [
                    ("model", "=", "learning.unit.assessment"),
                    ("res_id", "in", (self.returned | self.recognised).ids),
                ]
            )
        )
        result = {
            ("message", m.id): (m.model, m.res_id, m.body, m.author_id.id)
            for m in messages
        }
        for value in messages.tracking_value_ids:
            result[("tracking value", value.id)] = (
                value.mail_message_id.id,
                value.field_id.name,
                value.old_value_char,
                value.new_value_char,
                value.old_value_integer,
                value.new_value_integer,
                value.old_value_float,
                value.new_value_float,
            )
        return result

    def run_attacks(self, attacks):
        problems = []
        for label, operation in attacks:
            error, changes = self.attack(operation, [self.trail])
            problems += self.problems_of(label, error, changes)
        self.assert_no_problems(problems)

    # -- the officer against the reviewer's messages -------------------------
    def test_officer_cannot_unlink_reviewer_messages(self):
        self.run_attacks(
            [
                (
                    f"officer unlinks {label}",
                    lambda m=m: m.with_user(self.officer).unlink(),
                )
                for label, m in self.reviewer_messages().items()
            ]
        )

    def test_officer_cannot_unlink_reviewer_messages_over_rpc(self):
        self.run_attacks(
            [
                (
                    f"[xmlrpc] officer unlinks {label}",
                    lambda m=m: self.rpc(self.officer, "mail.message", "unlink", m.ids),
                )
                for label, m in self.reviewer_messages().items()
            ]
        )

    def _rewrites(self):
        return (
            {"body": "<p>Hồ sơ đầy đủ, không có ý kiến.</p>"},
            {"author_id": self.officer.partner_id.id},
            {"res_id": self.recognised.id},  # move it out of its assessment
            {"model": False, "res_id": 0},
        )

    def test_officer_cannot_write_reviewer_messages(self):
        self.run_attacks(
            [
                (
                    f"officer writes {vals} on {label}",
                    lambda m=m, vals=vals: m.with_user(self.officer).write(vals),
                )
                for label, m in self.reviewer_messages().items()
                for vals in self._rewrites()
                if not (vals.get("res_id") == m.res_id)
            ]
        )

    def test_officer_cannot_write_reviewer_messages_over_rpc(self):
        self.run_attacks(
            [
                (
                    f"[xmlrpc] officer writes {vals} on {label}",
                    lambda m=m, vals=vals: self.rpc(
                        self.officer, "mail.message", "write", m.ids, vals
                    ),
                )
                for label, m in self.reviewer_messages().items()
                for vals in self._rewrites()
                if not (vals.get("res_id") == m.res_id)
            ]
        )

    def test_officer_cannot_delete_or_rewrite_messages_through_the_assessment(self):
        """``message_ids`` commands in a write of the assessment itself."""
        attacks = []
        for label, message in self.reviewer_messages().items():
            assessment = self.env["learning.unit.assessment"].browse(message.res_id)
            for command in (
                [(2, message.id)],
                [(1, message.id, {"body": "<p>Không có ý kiến.</p>"})],
            ):
                attacks += [
                    (
                        f"officer writes message_ids {command[0][:2]} ({label})",
                        lambda a=assessment, c=command: a.with_user(self.officer).write(
                            {"message_ids": c}
                        ),
                    ),
                    (
                        f"[xmlrpc] officer writes message_ids {command[0][:2]} ({label})",
                        lambda a=assessment, c=command: self.rpc(
                            self.officer,
                            "learning.unit.assessment",
                            "write",
                            a.ids,
                            {"message_ids": c},
                        ),
                    ),
                ]
        self.run_attacks(attacks)

    def test_officer_cannot_edit_reviewer_messages_through_the_chatter(self):
        problems = []
        self.authenticate(self.officer.login, self.officer.login)
        for label, message in self.reviewer_messages().items():
            error, changes = self.attack(
                lambda message=message: self.jsonrpc(
                    "/mail/message/update_content",
                    {
                        "message_id": message.id,
                        "body": "<p>Hồ sơ đầy đủ.</p>",
                        "attachment_ids": [],
                    },
                ),
                [self.trail],
            )
            if getattr(error, "name", None) in HTTP_REFUSALS:
                refusal = None  # the route's own way of saying no
            else:
                refusal = describe_refusal(error)
            if refusal or changes:
                problems += [
                    f"/mail/message/update_content on {label}: "
                    + ", ".join(filter(None, [refusal, "; ".join(changes)]))
                ]
        self.assert_no_problems(problems)

    # -- tracking values -------------------------------------------------------
    def test_officer_cannot_delete_tracking_values(self):
        reviewer = self.reviewer_messages()
        unit = self.unit_and_system_messages()
        values = (
            reviewer["review tracking (returned)"].tracking_value_ids
            | reviewer["recognition tracking"].tracking_value_ids
            | unit["unit's submission tracking (returned)"].tracking_value_ids
        )
        self.assertTrue(values)
        attacks = [
            (
                "officer unlinks tracking values",
                lambda: values.with_user(self.officer).unlink(),
            ),
            (
                "[xmlrpc] officer unlinks tracking values",
                lambda: self.rpc(
                    self.officer, "mail.tracking.value", "unlink", values.ids
                ),
            ),
            (
                "[xmlrpc] officer rewrites a tracking value",
                lambda: self.rpc(
                    self.officer,
                    "mail.tracking.value",
                    "write",
                    values[:1].ids,
                    {"new_value_char": "Nháp"},
                ),
            ),
            (
                "officer empties a tracking message's values",
                lambda: reviewer["recognition tracking"]
                .with_user(self.officer)
                .write({"tracking_value_ids": [(5, 0, 0)]}),
            ),
            (
                "[xmlrpc] officer deletes a tracking value through its message",
                lambda: self.rpc(
                    self.officer,
                    "mail.message",
                    "write",
                    reviewer["review tracking (returned)"].ids,
                    {"tracking_value_ids": [(2, values[:1].id)]},
                ),
            ),
        ]
        # indirectly: the tracking message goes, its values with it
        for label in ("review tracking (returned)", "recognition tracking"):
            message = reviewer[label]
            attacks.append(
                (
                    f"officer unlinks the {label} message",
                    lambda m=message: m.with_user(self.officer).unlink(),
                )
            )
        for label in ("unit's submission tracking (returned)",):
            message = unit[label]
            attacks += [
                (
                    f"officer unlinks the {label} message",
                    lambda m=message: m.with_user(self.officer).unlink(),
                ),
                (
                    f"[xmlrpc] officer unlinks the {label} message",
                    lambda m=message: self.rpc(
                        self.officer, "mail.message", "unlink", m.ids
                    ),
                ),
            ]
        self.run_attacks(attacks)

    # -- the reviewer against the unit's and the system's messages -----------
    def test_reviewer_cannot_delete_unit_or_system_messages(self):
        attacks = []
        for label, message in self.unit_and_system_messages().items():
            attacks += [
                (
                    f"reviewer unlinks {label}",
                    lambda m=message: m.with_user(self.reviewer).unlink(),
                ),
                (
                    f"[xmlrpc] reviewer unlinks {label}",
                    lambda m=message: self.rpc(
                        self.reviewer, "mail.message", "unlink", m.ids
                    ),
                ),
            ]
            if message.tracking_value_ids:
                attacks.append(
                    (
                        f"[xmlrpc] reviewer unlinks the tracking values of {label}",
                        lambda m=message: self.rpc(
                            self.reviewer,
                            "mail.tracking.value",
                            "unlink",
                            m.tracking_value_ids.ids,
                        ),
                    )
                )
        self.run_attacks(attacks)

    # -- the administrator ---------------------------------------------------
    def _admin_deletes(self, delete):
        message = self.reviewer_messages()["reviewer note (recognised)"]
        message_id = message.id
        before = set(self.recognised.sudo().message_ids.ids)
        error, _changes = self.attack(lambda: delete(message), keep=True)
        self.assertIsNone(error, f"the administrator cannot delete a message: {error}")
        self.env.invalidate_all()
        self.assertFalse(
            self.env["mail.message"].sudo().browse(message_id).exists(),
            "the message is still there",
        )
        new = self.recognised.sudo().message_ids.filtered(lambda m: m.id not in before)
        traces = new.filtered(
            lambda m: NOTE_TOKEN in (m.body or "") or str(message_id) in (m.body or "")
        )
        self.assertTrue(
            traces,
            "the deletion left no trace on the assessment's chatter "
            f"(new messages: {new.mapped('body')})",
        )

    def test_admin_deletes_a_message_and_the_deletion_is_recorded(self):
        self._admin_deletes(lambda message: message.with_user(self.admin).unlink())

    def test_admin_deletes_a_message_over_rpc_and_the_deletion_is_recorded(self):
        self._admin_deletes(
            lambda message: self.rpc(self.admin, "mail.message", "unlink", message.ids)
        )
