# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from ..states import GROUP_ADMIN

REVIEW_SCOPE = "lu_review_department_ids"


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
        return super().write(vals)
