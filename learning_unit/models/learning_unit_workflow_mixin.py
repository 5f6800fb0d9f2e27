# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The one workflow engine of the addon.

A model with a workflow inherits this mixin and declares its transitions::

    _lu_transitions = {
        "submitted": Transition(EDITABLE_STATES, "officer", _lt("Only ...")),
    }

target state -> the states it leads from, the role that takes it (one of
``_lu_workflow_roles()``: the groups of ``states.ROLE_GROUPS``, or roles the
model gives per record) and the refusal said to anyone else; ``args``: the
fields given with the state (a return's reason); ``single``: the records are
moved one at a time (their values differ).

Writing the state field (``_lu_workflow_field``), from a button or over RPC
alike, runs with the user's rights:

1. the role and the source state, then the hook ``_lu_before_<target>(vals)``
   (what else the transition requires);
2. the bookkeeping: ``<target>_on`` (now) and ``<target>_by`` (the user) when
   the model has these fields, and ``_lu_values_<target>(vals)``;
3. the write itself: record rules decide the scope and the state, the lock
   mixin the fields;
4. the hook ``_lu_after_<target>()`` (activities, messages, side effects).

The state field is tracked: the chatter shows one line per transition.

Views never name a set of states: a model declares Booleans computed from the
named sets of ``states.py`` (``_lu_state_flags``, e.g. ``lu_editable``, each
field a :class:`StateFlag`) and its views read and filter on them.
"""

from collections import namedtuple

from odoo import api, fields, models
from odoo.exceptions import AccessError

Transition = namedtuple(
    "Transition", "sources role refusal args single", defaults=((), False)
)


class StateFlag(fields.Boolean):
    """A Boolean of ``_lu_state_flags``: True in its states; views filter on it."""

    def __init__(self, string=fields.SENTINEL, **kwargs):
        kwargs.update(compute="_compute_lu_state_flags", search=True)
        super().__init__(string, **kwargs)

    def determine_domain(self, records, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        states = records._lu_state_flags[self.name]
        in_states = (operator == "=") == value
        return [(records._lu_workflow_field, "in" if in_states else "not in", states)]


class LearningUnitWorkflowMixin(models.AbstractModel):
    _name = "learning.unit.workflow.mixin"
    _inherit = ["learning.unit.lock.mixin"]
    _description = "Learning Unit Workflow"

    _lu_workflow_field = "state"
    # {target state: Transition}
    _lu_transitions = {}
    # {Boolean field computed by _compute_lu_state_flags: the states it is True in}
    _lu_state_flags = {}

    @api.depends(lambda self: [self._lu_workflow_field])
    def _compute_lu_state_flags(self):
        # by state: each flag set once for all the records in that state
        for state, records in self.grouped(self._lu_workflow_field).items():
            for name, states in self._lu_state_flags.items():
                records[name] = state in states

    # ------------------------------------------------------------------
    # the checks
    # ------------------------------------------------------------------
    def _lu_workflow_roles(self):
        """The roles the user holds in the workflow of all of these records."""
        return self._lu_roles()

    def _lu_state(self):
        return self[self._lu_workflow_field]

    def _lu_transition(self, target):
        transition = (
            self._lu_transitions.get(target) if isinstance(target, str) else None
        )
        if not transition:
            raise AccessError(
                self.env._(
                    "The workflow has no state %(state)s.", state=str(target)[:20]
                )
            )
        return transition

    def _lu_check_role(self, target):
        """Refuse the transition to ``target`` to a user without its role."""
        transition = self._lu_transition(target)
        if not self.env.su and transition.role not in self._lu_workflow_roles():
            raise AccessError(self.env._(transition.refusal))

    def _lu_check_transition(self, target, vals):
        transition = self._lu_transition(target)
        self._lu_check_role(target)
        field = self._lu_workflow_field
        states = dict(self._fields[field]._description_selection(self.env))
        for record in self:
            if record[field] not in transition.sources:
                raise AccessError(
                    self.env._(
                        "%(record)s is %(state)s: the workflow does not lead from "
                        "there to %(target)s.",
                        record=record.display_name,
                        state=states[record[field]],
                        target=states[target],
                    )
                )
        check = getattr(self, f"_lu_before_{target}", None)
        if check:
            check(vals)

    def _lu_transition_values(self, target, vals):
        """What the workflow records with the new state (who and when)."""
        values = {}
        if f"{target}_on" in self._fields:
            values[f"{target}_on"] = fields.Datetime.now()
        if f"{target}_by" in self._fields:
            values[f"{target}_by"] = self.env.uid
        hook = getattr(self, f"_lu_values_{target}", None)
        if hook:
            values.update(hook(vals))
        return values

    # ------------------------------------------------------------------
    # a return and its reason
    # ------------------------------------------------------------------
    def _lu_reason_action(self, target, name, model, context):
        """The wizard of ``model`` asking why these records go to ``target``."""
        self._lu_check_role(target)
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": context,
        }

    def _lu_send_reason(self, body, user, activity, **values):
        """The reason of a return, to ``user``: a message, and a to-do."""
        self.ensure_one()
        self.message_post(
            body=body,
            author_id=self.env.user.partner_id.id,
            subtype_xmlid="mail.mt_comment",
            partner_ids=user.partner_id.ids,
        )
        if user:
            self.activity_schedule(
                activity, user_id=user.id, note=self.return_reason, **values
            )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    def _lu_check_write(self, vals):
        field = self._lu_workflow_field
        if field in vals and self:
            # the arguments of a transition are not fields the user writes
            args = self._lu_transition(vals[field]).args
            vals = {name: value for name, value in vals.items() if name not in args}
        return super()._lu_check_write(vals)

    def _lu_complete_write(self, vals):
        vals = super()._lu_complete_write(vals)
        field = self._lu_workflow_field
        if field in vals and self:
            target = vals[field]
            self._lu_check_transition(target, vals)
            vals.update(self._lu_transition_values(target, vals))
        return vals

    def write(self, vals):
        field = self._lu_workflow_field
        if field not in vals or not self:
            return super().write(vals)
        target = vals[field]
        if len(self) > 1 and self._lu_transition(target).single:
            for record in self:
                record.write(vals)
            return True
        result = super().write(vals)
        after = getattr(self, f"_lu_after_{target}", None)
        if after:
            after()
        return result
