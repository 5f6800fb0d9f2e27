# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..generator import ensure_head_login


class ResUsers(models.Model):
    _inherit = "res.users"

    @api.model
    def _lu_demo_ensure_head(self):
        """The demo login ``thutruong`` on a district built before it existed
        (data/learning_unit_demo_users.xml, at every update)."""
        return bool(ensure_head_login(self.env))
