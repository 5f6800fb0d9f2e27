# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


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

    def write(self, vals):
        if (
            set(vals) == {"lu_review_department_ids"}
            and not self.env.su
            and self.env.user.has_group("learning_unit.group_admin")
        ):
            # the learning unit administrator sets reviewers' scopes without
            # needing the right to manage users
            result = super(ResUsers, self.sudo()).write(vals)
        else:
            result = super().write(vals)
        if "lu_review_department_ids" in vals:
            # record rules read this scope; they are cached per user
            self.env.registry.clear_cache()
        return result
