# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Which fields each role may write, and what a value may be.

Access rights decide the operation, record rules the scope and the state; this
mixin decides the fields. A model declares, per role, the fields that role may
set (``_lu_write_access``), and which fields a creator may give
(``_lu_create_fields``). Every other field (stored computed, related and
workflow fields included) is refused to every user but the superuser; the ORM's
own recomputations are not writes and are not checked.

A role's fields are given with the states in which it may write them
(``(fields, states)``, the states of ``_lu_state()``, or a list of such pairs:
other fields in other states) only where the rules cannot say it: where a user
holds two roles whose fields are written in other states (the administrator
holds them all, and the rules of a user's groups add up), where a record is
written in two states, a field in each (a document's signed copy once issued),
or where a transition writes the record in a state its fields are locked
in. A record the rules refuse to write, although the user reads it, is locked:
the refusal says so in the model's words (``_lu_locked_error``).

Every raw value is checked first, and its texts cleaned, by the value check
every model and wizard of the addon shares (learning_unit_value_mixin.py).
"""

from odoo import api, models
from odoo.exceptions import AccessError, UserError

from ..states import ROLE_GROUPS


class LearningUnitLockMixin(models.AbstractModel):
    _name = "learning.unit.lock.mixin"
    _inherit = ["learning.unit.value.mixin"]
    _description = "Learning Unit Field Lock"

    # {role: field names} or {role: (field names, states in which it writes
    # them)} or {role: [(field names, states), ...]}
    _lu_write_access = {}
    # {role: field names a creator with that role may give}
    _lu_create_fields = {}
    # the workflow field: validated by the model's transitions, not listed here
    _lu_workflow_field = None

    # ------------------------------------------------------------------
    # roles and states
    # ------------------------------------------------------------------
    @api.model
    def _lu_roles(self):
        user = self.env.user
        return {role for role, xmlid in ROLE_GROUPS.items() if user.has_group(xmlid)}

    def _lu_state(self):
        """The state of the states given in ``_lu_write_access``."""
        self.ensure_one()
        return False

    def _lu_is_locked(self):
        """Whether the state of this record refuses every write (the rules say
        which); a refusal of the rules then says the record is locked."""
        self.ensure_one()
        return False

    def _lu_locked_error(self, record):
        return UserError(
            self.env._(
                "%(record)s can no longer be changed.", record=record.display_name
            )
        )

    # ------------------------------------------------------------------
    # checks
    # ------------------------------------------------------------------
    def _lu_check_write(self, vals):
        if self.env.su:
            return
        roles = self._lu_roles()
        names = set(vals) - {self._lu_workflow_field}
        denied = set()
        access = [
            one if isinstance(one, tuple) else (one, None)
            for role, grant in self._lu_write_access.items()
            if role in roles
            for one in (grant if isinstance(grant, list) else [grant])
        ]
        for name in names:
            grants = [states for field_names, states in access if name in field_names]
            if not grants:
                denied.add(name)
                continue
            for record in self:
                state = record._lu_state()
                if not any(states is None or state in states for states in grants):
                    raise self._lu_locked_error(record)
        if denied:
            raise AccessError(self._lu_denied_message(denied))
        self._lu_check_attachments(vals)

    @api.model
    def _lu_create_allowed(self):
        """The fields the user's roles may give at creation."""
        roles = self._lu_roles()
        return set().union(
            *(names for role, names in self._lu_create_fields.items() if role in roles)
        )

    @api.model
    def _lu_attachment_fields(self):
        return [
            name
            for name, field in self._fields.items()
            if field.type == "many2many" and field.comodel_name == "ir.attachment"
        ]

    @api.model
    def _lu_check_create(self, vals_list):
        if self.env.su:
            return
        allowed = self._lu_create_allowed()
        for vals in vals_list:
            denied = set(vals) - allowed
            if denied:
                raise AccessError(self._lu_denied_message(denied))
            self.browse()._lu_check_attachments(vals)

    def _lu_check_attachments(self, vals):
        """Files linked to these records are files of these records.

        A user may only link attachments they can read that belong to the record
        itself (uploaded on it), or that they uploaded and are not linked to any
        record yet.
        """
        for name in set(self._lu_attachment_fields()) & set(vals):
            ids = set()
            for command in vals[name] or ():
                if command[0] == 4:
                    ids.add(command[1])
                elif command[0] == 6:
                    ids.update(command[2])
                elif command[0] == 0:
                    raise AccessError(
                        self.env._("Upload the file first, then attach it.")
                    )
            if not ids:
                continue
            attachments = self.env["ir.attachment"].browse(ids).exists()
            if len(attachments) != len(ids):
                raise AccessError(self.env._("This file does not exist."))
            attachments.check_access("read")
            for attachment in attachments.sudo():
                own = (
                    attachment.res_model == self._name and attachment.res_id in self.ids
                )
                loose = not attachment.res_id and attachment.create_uid == self.env.user
                if not (own or loose) or attachment.res_model not in (
                    self._name,
                    False,
                ):
                    raise AccessError(
                        self.env._(
                            "Only files uploaded on this record can be attached to it."
                        )
                    )

    @api.model
    def _lu_denied_message(self, names):
        labels = sorted(
            self._fields[name]._description_string(self.env)
            if name in self._fields
            else name
            for name in names
        )
        return self.env._(
            "You cannot set these fields of %(model)s: %(fields)s.",
            model=self.env["ir.model"]._get(self._name).name,
            fields=", ".join(labels),
        )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.model
    def _lu_complete_create(self, vals_list):
        """The values the system adds to checked creation values."""
        return vals_list

    def _lu_complete_write(self, vals):
        """The values the system adds to checked values (workflow bookkeeping)."""
        return vals

    def _lu_relink_attachments(self):
        """Files uploaded before their record existed now belong to it."""
        for name in self._lu_attachment_fields():
            for record in self:
                loose = record[name].filtered(lambda a: not a.res_id)
                if loose:
                    loose.write({"res_model": self._name, "res_id": record.id})

    @api.model
    def _lu_without_forbidden_defaults(self):
        """This model without the ``default_*`` context keys its user may not set.

        A default given by the context (a kanban column's state, a crafted
        call) is a value the user sends: it obeys the same list of fields.
        """
        if self.env.su:
            return self
        allowed = self._lu_create_allowed()
        context = {
            key: value
            for key, value in self.env.context.items()
            if not key.startswith("default_")
            or key[len("default_") :] not in self._fields
            or key[len("default_") :] in allowed
        }
        if len(context) == len(self.env.context):
            return self
        # the context without those keys: replaced, not merged
        return self.with_context(context)  # pylint: disable=context-overridden

    @api.model_create_multi
    def create(self, vals_list):
        self = self._lu_without_forbidden_defaults()
        # the values first (the value mixin checks again what the system adds)
        vals_list = [self._lu_checked_values(vals) for vals in vals_list]
        self._lu_check_create(vals_list)
        records = super().create(self._lu_complete_create(vals_list))
        records._lu_relink_attachments()
        return records

    def _lu_check_rules_lock(self):
        """Say it in words when the write rules refuse a record the user reads."""
        if self.env.su or not self.browse().has_access("write"):
            return
        refused = self - self._filtered_access("write")
        locked = refused.filtered(lambda record: record._lu_is_locked())
        if locked and locked.has_access("read"):
            raise self._lu_locked_error(locked[0])

    def write(self, vals):
        vals = self._lu_checked_values(vals)
        self._lu_check_write(vals)
        completed = self._lu_complete_write(dict(vals))
        try:
            result = super().write(completed)
        except AccessError:
            self._lu_check_rules_lock()
            raise
        if set(self._lu_attachment_fields()) & set(vals):
            self._lu_relink_attachments()
        return result
