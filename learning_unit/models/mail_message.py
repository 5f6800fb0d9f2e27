# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The chatter of every record of the addon is its audit trail.

Every model of the addon with a chatter (a ``learning.unit.*`` model that
inherits mail.thread: periods, assessments, members, members' documents,
teams, minutes, decisions, recognitions, upward and Phụ lục 1 reports...)
keeps its messages, their tracking values and their files. Nobody but a
learning unit administrator may edit or delete them (the unit cannot remove
the reviewer's return reason, a member the head's, a reviewer the history of
the decision he issued, nobody their own words); when an administrator does,
the thread records it. The list is read from the registry: a new model with a
chatter is audited without being named here.
"""

from odoo import SUPERUSER_ID, api, models
from odoo.exceptions import AccessError
from odoo.tools import SQL, html2plaintext

from ..states import GROUP_ADMIN

AUDITED_PREFIX = "learning.unit."


def is_audited(env, model_name):
    """Whether the messages of ``model_name`` are an audit trail."""
    if not model_name or not model_name.startswith(AUDITED_PREFIX):
        return False
    model = env.registry.get(model_name)
    return (
        model is not None
        and not model._abstract
        and not model._transient
        and issubclass(model, env.registry["mail.thread"])
    )


def trail_keeper(env):
    """Whether the user may change an audit trail: a learning unit administrator
    or the system itself (a user's request run as superuser is still theirs)."""
    return env.uid == SUPERUSER_ID or env.user.has_group(GROUP_ADMIN)


class MailMessage(models.Model):
    _inherit = "mail.message"

    def _get_forbidden_access(self, operation):
        forbidden = super()._get_forbidden_access(operation)
        if operation in ("write", "unlink") and not self.env.user.has_group(
            GROUP_ADMIN
        ):
            forbidden |= (self - forbidden).filtered(
                lambda m: is_audited(self.env, m.sudo().model)
            )
        return forbidden

    def _lu_audited(self):
        return self.filtered(lambda m: m.res_id and is_audited(self.env, m.model))

    def _lu_excerpt(self):
        """The message's text (with its tracked values), shortened."""
        self.ensure_one()
        text = html2plaintext(self.body or "").strip()
        changes = [
            f"{value.field_id.field_description}: "
            f"{value.old_value_char or value.old_value_float or ''}"
            f" → {value.new_value_char or value.new_value_float or ''}"
            for value in self.tracking_value_ids
        ]
        text = " ".join(filter(None, [text, *changes]))
        return text[:300] + ("…" if len(text) > 300 else "")

    def _lu_log_change(self, deleted):
        """Record on each audited message's thread that it is deleted or edited."""
        for message in self._lu_audited().sudo():
            values = {
                "id": message.id,
                "author": message.author_id.name or "",
                "date": message.date,
                "user": self.env.user.name,
                "text": message._lu_excerpt(),
            }
            body = (
                self.env._(
                    "Message %(id)s of %(author)s dated %(date)s was deleted by "
                    "%(user)s. It read: %(text)s",
                    **values,
                )
                if deleted
                else self.env._(
                    "Message %(id)s of %(author)s dated %(date)s was edited by "
                    "%(user)s. It read: %(text)s",
                    **values,
                )
            )
            self.env[message.model].browse(message.res_id).sudo()._message_log(
                body=body
            )

    def unlink(self):
        if not self.env.su and self._lu_audited():
            self.check_access("unlink")
            self._lu_log_change(deleted=True)
        return super().unlink()

    def write(self, vals):
        if (
            not self.env.su
            and {"body", "attachment_ids"} & set(vals)
            and self._lu_audited()
        ):
            self.check_access("write")
            self._lu_log_change(deleted=False)
        return super().write(vals)


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _check_can_update_message_content(self, messages):
        """The chatter's edit (and "delete") of a message: the route updates it
        as superuser once its author asks; an audit trail stays as it is."""
        if is_audited(self.env, self._name) and not trail_keeper(self.env):
            raise AccessError(
                self.env._("Only a learning unit administrator can change a message.")
            )
        return super()._check_can_update_message_content(messages)

    def _message_update_content(self, message, body, *args, **kwargs):
        audited = is_audited(self.env, self._name)
        if audited and not self.env.su and trail_keeper(self.env):
            message._lu_log_change(deleted=False)
        return super()._message_update_content(message, body, *args, **kwargs)


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    def _lu_message_files(self):
        """The attachments of ``self`` that belong to an audited message."""
        if not self.ids:
            return self.browse()
        rows = self.env.execute_query(
            SQL(
                "SELECT rel.attachment_id, message.model"
                " FROM message_attachment_rel rel"
                " JOIN mail_message message ON message.id = rel.message_id"
                " WHERE rel.attachment_id = ANY(%s)",
                list(self.ids),
            )
        )
        return self.browse(
            {attachment for attachment, model in rows if is_audited(self.env, model)}
        )

    def _lu_check_message_files(self):
        if not trail_keeper(self.env) and self.sudo()._lu_message_files():
            raise AccessError(
                self.env._(
                    "This file belongs to a message of the history: only a learning "
                    "unit administrator can change or delete it."
                )
            )

    @api.model
    def check(self, mode, values=None):
        if mode in ("write", "unlink") and not self.env.su:
            self._lu_check_message_files()
        return super().check(mode, values=values)

    def _delete_and_notify(self, message=None):
        # the chatter's route deletes the files of their author as superuser
        self._lu_check_message_files()
        return super()._delete_and_notify(message=message)
