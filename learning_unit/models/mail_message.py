# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The chatter of an assessment is its audit trail.

Nobody but a learning unit administrator may edit or delete a message of an
assessment (the unit cannot remove the reviewer's return reason, the reviewer
cannot remove the score history); when an administrator does, the thread
records it.
"""

from odoo import models
from odoo.tools import html2plaintext

AUDITED_MODELS = ("learning.unit.assessment",)
GROUP_ADMIN = "learning_unit.group_admin"


class MailMessage(models.Model):
    _inherit = "mail.message"

    def _get_forbidden_access(self, operation):
        forbidden = super()._get_forbidden_access(operation)
        if operation in ("write", "unlink") and not self.env.user.has_group(
            GROUP_ADMIN
        ):
            forbidden |= (self - forbidden).filtered(
                lambda m: m.sudo().model in AUDITED_MODELS
            )
        return forbidden

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

    def unlink(self):
        audited = self.filtered(lambda m: m.model in AUDITED_MODELS and m.res_id)
        if audited and not self.env.su:
            self.check_access("unlink")
            for message in audited.sudo():
                record = self.env[message.model].browse(message.res_id).sudo()
                record._message_log(
                    body=self.env._(
                        "Message %(id)s of %(author)s dated %(date)s was deleted by "
                        "%(user)s. It read: %(text)s",
                        id=message.id,
                        author=message.author_id.name or "",
                        date=message.date,
                        user=self.env.user.name,
                        text=message._lu_excerpt(),
                    ),
                )
        return super().unlink()

    def write(self, vals):
        audited = self.filtered(lambda m: m.model in AUDITED_MODELS and m.res_id)
        if audited and not self.env.su and {"body", "attachment_ids"} & set(vals):
            self.check_access("write")
            for message in audited.sudo():
                self.env[message.model].browse(message.res_id).sudo()._message_log(
                    body=self.env._(
                        "Message %(id)s of %(author)s dated %(date)s was edited by "
                        "%(user)s. It read: %(text)s",
                        id=message.id,
                        author=message.author_id.name or "",
                        date=message.date,
                        user=self.env.user.name,
                        text=message._lu_excerpt(),
                    ),
                )
        return super().write(vals)
