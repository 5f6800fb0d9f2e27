"""Attacker tests: the audit trail.

The chatter of an assessment is its audit trail: the reviewer's reasons for
returning it, the tracked state changes and scores, the decisions. A unit
officer tries to delete or rewrite what the reviewer wrote (ORM, XML-RPC,
the chatter's edit route) and to delete tracking values; a reviewer tries
to delete the unit's and the system's messages. Only a learning unit
administrator may delete a message, and that deletion itself leaves a trace.

So is the chatter of every other model of the addon (issue 17, D8): a reviewer
deletes the history of the decision he issued, a member the head's return
message on her own plan and the file the head attached, an author his own
note on any of them.
"""

from markupsafe import Markup

from odoo.exceptions import UserError

from .attack_common import (
    ADMIN,
    MEMBER,
    OFFICER,
    REVIEWER,
    AttackMixin,
    describe_refusal,
)
from .common import LearningUnitHttpCase
from .report_helpers import ReportFixture

RETURN_TOKEN = "ATK-LYDO-7731"
NOTE_TOKEN = "ATK-GHICHU-4419"

# what the chatter's routes answer when they refuse (besides Odoo's UserErrors)
HTTP_REFUSALS = ("werkzeug.exceptions.NotFound", "werkzeug.exceptions.Forbidden")


def settle(env):
    """Write the tracking, as the end of a request does."""
    env.flush_all()
    env.cr.precommit.run()
    env.flush_all()


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
        settle(cls.env)

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


PLAN_TOKEN = "ATK-KEHOACH-5520"
HEAD_NOTE_TOKEN = "ATK-NHANXET-8812"
THREAD_TOKEN = "ATK-LUUVET-3307"


def thread_models(env):
    """Every model of the addon with a chatter, read from the registry."""
    thread = env.registry["mail.thread"]
    return sorted(
        name
        for name, model in env.registry.items()
        if name.startswith("learning.unit.")
        and not model._abstract
        and not model._transient
        and issubclass(model, thread)
    )


class TestEveryChatterKeepsItsTrail(AttackMixin, ReportFixture, LearningUnitHttpCase):
    """D8: every chatter of the addon is an audit trail, as the assessment's.

    A reviewer deletes the history of the decision he issued; a member deletes
    or rewrites the head's return message on her own plan, its tracking and
    the file the head attached; and, for every model with a chatter, the
    author of a message rewrites it. Only an administrator may, and the
    thread records it.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        cls.head = cls.make_user("ch_head", MEMBER, department=cls.unit)
        cls.unit.manager_id = cls.head.employee_ids
        cls.admin = cls.make_user("ch_admin", ADMIN)
        cls.member = cls.member_user
        cls.body = cls.make_body("Thủ Thừa", cls.district)
        cls.period.body_id = cls.body
        cls._settle()
        # the reviewer issues the decision recognising the reviewed unit
        cls.review(cls.assessment2)
        cls.assessment2.with_user(cls.reviewer).action_confirm_review_scores()
        cls.assessment2.with_user(cls.reviewer).action_mark_reviewed()
        cls._settle()
        cls.decision = cls.env["learning.unit.decision"].browse(
            cls.period.with_user(cls.reviewer).action_new_decision()["res_id"]
        )
        cls._settle()
        cls.decision.with_user(cls.reviewer).action_issue()
        cls._settle()
        assert cls.decision.state == "issued"
        # the member files her plan; the head returns it and adds a note
        member = cls.assessment.member_ids.filtered(lambda m: m.user_id == cls.member)
        cls.plan = member.dossier_item_ids.filtered(
            lambda i: i.document_type_id.code == "self_study_plan"
        )
        cls.plan.with_user(cls.member).write(
            {
                "learn_what": "Tiếng Anh giao tiếp B1",
                "learn_how": "Khóa học trực tuyến",
                "learn_when": "Tháng 3 đến tháng 6",
            }
        )
        cls.plan.with_user(cls.member).action_submit()
        cls._settle()
        wizard = (
            cls.env["learning.unit.document.return.wizard"]
            .with_user(cls.head)
            .create(
                {
                    "document_ids": [(6, 0, cls.plan.ids)],
                    "reason": f"Ghi rõ thời gian học từng tháng ({PLAN_TOKEN})",
                }
            )
        )
        wizard.action_confirm()
        cls._settle()
        cls.plan.with_user(cls.head).message_post(
            body=Markup("<p>Xem nhận xét đính kèm (%s)</p>") % HEAD_NOTE_TOKEN,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=[("nhan_xet.txt", b"Can bo sung lich hoc")],
        )
        cls._settle()
        assert cls.plan.document_state == "returned"

    @classmethod
    def _settle(cls):
        settle(cls.env)

    # -- the trail --------------------------------------------------------------
    def messages_of(self, records):
        return (
            self.env["mail.message"]
            .sudo()
            .search([("model", "=", records._name), ("res_id", "in", records.ids)])
        )

    def trail_of(self, records):
        def trail():
            messages = self.messages_of(records)
            result = {
                ("message", m.id): (m.model, m.res_id, m.body, m.author_id.id)
                for m in messages
            }
            for value in messages.tracking_value_ids:
                result[("tracking value", value.id)] = (
                    value.mail_message_id.id,
                    value.old_value_char,
                    value.new_value_char,
                    value.old_value_datetime,
                    value.new_value_datetime,
                )
            for attachment in messages.attachment_ids:
                result[("attachment", attachment.id)] = (
                    attachment.res_model,
                    attachment.res_id,
                    attachment.checksum,
                    attachment.name,
                )
            return result

        return trail

    def run_attacks(self, attacks, records):
        problems = []
        for label, operation in attacks:
            error, changes = self.attack(operation, [self.trail_of(records)])
            if getattr(error, "name", None) in HTTP_REFUSALS:
                error = UserError("refused by the route")
            problems += self.problems_of(label, error, changes)
        self.assert_no_problems(problems)

    def message_attacks(self, user, label, message):
        """Delete or rewrite ``message`` every way a user can."""
        attacks = [
            (f"{user.login} unlinks {label}", lambda: message.with_user(user).unlink()),
            (
                f"[xmlrpc] {user.login} unlinks {label}",
                lambda: self.rpc(user, "mail.message", "unlink", message.ids),
            ),
            (
                f"{user.login} rewrites {label}",
                lambda: message.with_user(user).write({"body": "<p>Không có gì.</p>"}),
            ),
            (
                f"[xmlrpc] {user.login} rewrites {label}",
                lambda: self.rpc(
                    user, "mail.message", "write", message.ids, {"body": "<p>Ổn.</p>"}
                ),
            ),
            (
                f"[jsonrpc] {user.login} edits {label} in the chatter",
                lambda: self.edit_in_chatter(user, message),
            ),
        ]
        if message.tracking_value_ids:
            attacks.append(
                (
                    f"[xmlrpc] {user.login} unlinks the tracking values of {label}",
                    lambda: self.rpc(
                        user,
                        "mail.tracking.value",
                        "unlink",
                        message.tracking_value_ids.ids,
                    ),
                )
            )
        for attachment in message.attachment_ids:
            attacks += [
                (
                    f"[xmlrpc] {user.login} unlinks the file {attachment.name} of {label}",
                    lambda a=attachment: self.rpc(
                        user, "ir.attachment", "unlink", a.ids
                    ),
                ),
                (
                    f"[xmlrpc] {user.login} rewrites the file {attachment.name} of "
                    f"{label}",
                    lambda a=attachment: self.rpc(
                        user, "ir.attachment", "write", a.ids, {"datas": "QVRL"}
                    ),
                ),
                (
                    f"[jsonrpc] {user.login} deletes the file {attachment.name} of "
                    f"{label} in the chatter",
                    lambda a=attachment: self.delete_attachment_route(user, a),
                ),
            ]
        return attacks

    def edit_in_chatter(self, user, message):
        self.authenticate(user.login, user.login)
        return self.jsonrpc(
            "/mail/message/update_content",
            {"message_id": message.id, "body": "<p>Ổn.</p>", "attachment_ids": []},
        )

    def delete_attachment_route(self, user, attachment):
        self.authenticate(user.login, user.login)
        return self.jsonrpc("/mail/attachment/delete", {"attachment_id": attachment.id})

    # -- the decision's history -------------------------------------------------
    def test_reviewer_cannot_delete_an_issued_decisions_history(self):
        messages = self.messages_of(self.decision)
        self.assertTrue(messages.tracking_value_ids, "the issue is not tracked")
        attacks = []
        for message in messages:
            attacks += self.message_attacks(
                self.reviewer, f"decision message {message.id}", message
            )
        self.run_attacks(attacks, self.decision)

    # -- the member's plan -----------------------------------------------------
    def test_member_cannot_delete_the_heads_messages_on_her_plan(self):
        messages = self.messages_of(self.plan)
        reason = messages.filtered(lambda m: PLAN_TOKEN in (m.body or ""))
        note = messages.filtered(lambda m: HEAD_NOTE_TOKEN in (m.body or ""))
        tracking = messages.filtered("tracking_value_ids")
        self.assertTrue(reason and note and note.attachment_ids and tracking)
        attacks = []
        for label, message in (
            ("the head's return reason", reason),
            ("the head's note", note),
            *((f"tracking {m.id}", m) for m in tracking),
        ):
            attacks += self.message_attacks(self.member, label, message)
        self.run_attacks(attacks, self.plan)

    # -- every chatter of the addon ------------------------------------------
    def one_record_of_each(self):
        """A record of every model with a chatter."""
        assessment = self.assessment
        team = self.env["learning.unit.team"].create(
            {
                "name": "Đoàn kiểm tra số 1",
                "period_id": self.period.id,
                "department_id": self.district.id,
                "body_id": self.body.id,
                "assessment_ids": [(6, 0, self.assessment2.ids)],
            }
        )
        team.action_new_minutes()
        upward = self.env["learning.unit.upward.report"].browse(
            self.period.with_user(self.reviewer).action_new_upward_report()["res_id"]
        )
        return {
            "learning.unit.period": self.period,
            "learning.unit.assessment": assessment,
            "learning.unit.member": assessment.member_ids[:1],
            "learning.unit.dossier.item": self.plan,
            "learning.unit.promotion.report": self.env[
                "learning.unit.promotion.report"
            ].create({"assessment_id": assessment.id}),
            "learning.unit.recognition": self.env["learning.unit.recognition"].create(
                {
                    "department_id": self.unit.id,
                    "year": 2038,
                    "scheme": "points",
                    "rank": "good",
                    "decision_number": "07/QĐ-UBND",
                    "decision_date": "2039-03-01",
                }
            ),
            "learning.unit.team": team,
            "learning.unit.minutes": team.minutes_ids[:1],
            "learning.unit.decision": self.decision,
            "learning.unit.upward.report": upward,
        }

    def test_every_chatter_of_the_addon_is_kept(self):
        """The author of a message cannot rewrite it, on any chatter of the
        addon; the administrator deletes it and the thread says so."""
        records = self.one_record_of_each()
        models = thread_models(self.env)
        self.assertGreaterEqual(len(models), 10, models)
        self.assertEqual(
            sorted(records), models, "build a record of each model with a chatter"
        )
        problems = []
        for name in models:
            record = records[name]
            self.assertTrue(record, name)
            message = record.sudo().message_post(
                body=Markup("<p>Ghi chú (%s)</p>") % THREAD_TOKEN,
                author_id=self.reviewer.partner_id.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            for label, operation in (
                (
                    f"[xmlrpc] the author rewrites his note on {name}",
                    lambda m=message: self.rpc(
                        self.reviewer,
                        "mail.message",
                        "write",
                        m.ids,
                        {"body": "<p>Không có gì.</p>"},
                    ),
                ),
                (
                    f"[jsonrpc] the author edits his note on {name} in the chatter",
                    lambda m=message: self.edit_in_chatter(self.reviewer, m),
                ),
            ):
                error, changes = self.attack(operation, [self.trail_of(record)])
                if getattr(error, "name", None) in HTTP_REFUSALS:
                    error = UserError("refused by the route")
                problems += self.problems_of(label, error, changes)
            # the administrator may, and the thread records it
            before = set(self.messages_of(record).ids)
            error, _changes = self.attack(
                lambda m=message: self.rpc(self.admin, "mail.message", "unlink", m.ids),
                keep=True,
            )
            new = self.messages_of(record) - self.env["mail.message"].browse(before)
            if error is not None:
                problems.append(f"the administrator cannot delete a note on {name}")
            elif not new.filtered(lambda m: THREAD_TOKEN in (m.body or "")):
                problems.append(f"deleting a note on {name} left no trace")
        self.assert_no_problems(problems)
