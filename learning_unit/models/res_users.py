# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..states import GROUP_ADMIN, GROUP_MEMBER, GROUP_OFFICER, GROUP_REVIEWER

REVIEW_SCOPE = "lu_review_department_ids"
# a member's home after login: her own year (else Odoo opens Discuss' inbox)
MEMBER_HOME = "learning_unit.action_learning_unit_my_record"
# the vals that change a user's groups (the user form writes the last two)
GROUP_KEYS = ("groups_id", "in_group_", "sel_groups_")


class ResUsers(models.Model):
    _inherit = "res.users"

    lu_review_department_ids = fields.Many2many(
        "hr.department",
        "learning_unit_reviewer_department_rel",
        "user_id",
        "department_id",
        string="Units Reviewed",
        help="The reviewing level (Cấp thẩm định): this user reviews the "
        "assessments of these units and of their sub-units.",
    )

    @property
    def SELF_WRITEABLE_FIELDS(self):
        # a unit officer's scope is their employee's department: only HR moves
        # people between units, nobody widens their own scope
        return [
            name for name in super().SELF_WRITEABLE_FIELDS if name != "department_id"
        ]

    @api.model_create_multi
    def create(self, vals_list):
        users = super().create(vals_list)
        users._lu_set_member_home()
        return users

    def _lu_set_member_home(self):
        """Members who are only members (no officer, reviewer or admin role)
        and have no home of their own land on their learning record."""
        home = self.env.ref(MEMBER_HOME, raise_if_not_found=False)
        if not home:
            return
        members = self.filtered(
            lambda user: not user.action_id
            and user.has_group(GROUP_MEMBER)
            and not any(
                user.has_group(group)
                for group in (GROUP_OFFICER, GROUP_REVIEWER, GROUP_ADMIN)
            )
        )
        if members:
            members.write({"action_id": home.id})

    @api.model
    def _lu_set_member_homes(self):
        """On install and update: the members without a home get theirs."""
        self.search(
            [
                ("groups_id", "in", self.env.ref(GROUP_MEMBER).id),
                ("action_id", "=", False),
            ]
        )._lu_set_member_home()

    def write(self, vals):
        if (
            set(vals) == {REVIEW_SCOPE}
            and not self.env.su
            and self.env.user.has_group(GROUP_ADMIN)
            and not self.env.user.has_group("base.group_erp_manager")
        ):
            # the learning unit administrator assigns reviewers' scopes (and
            # nothing else of a user) without the right to manage users: the
            # access rights give res.users' write to user managers only, and a
            # field's groups= or a record rule cannot grant what they refuse
            self.check_access("read")
            return super(ResUsers, self.sudo()).write(vals)
        result = super().write(vals)
        if any(key.startswith(GROUP_KEYS) for key in vals):
            self._lu_set_member_home()
        return result
