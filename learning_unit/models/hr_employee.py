# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

# A unit officer's scope is the department of their employee record: record
# rules are cached per user, so changes of these fields must clear the cache.
SCOPE_FIELDS = {"department_id", "user_id", "company_id", "active"}


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    @api.model_create_multi
    def create(self, vals_list):
        employees = super().create(vals_list)
        if any(vals.get("user_id") for vals in vals_list):
            self.env.registry.clear_cache()
        return employees

    def write(self, vals):
        result = super().write(vals)
        if SCOPE_FIELDS & set(vals):
            self.env.registry.clear_cache()
        return result
