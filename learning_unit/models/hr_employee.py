# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The employee's citizen ID (CCCD): the key other systems know a person by.

``hr.employee.identification_id`` holds the CCCD, 12 digits; the imports of
evidence (congdanhoctap.vn, the emulation council, training) match their rows
by it. It is checked where it is entered; it may stay blank.
"""

import re

from odoo import api, models
from odoo.exceptions import ValidationError

CCCD_RE = re.compile(r"^\d{12}$")


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    @api.constrains("identification_id")
    def _check_lu_cccd(self):
        for employee in self:
            cccd = employee.identification_id
            if cccd and not CCCD_RE.match(cccd):
                raise ValidationError(
                    self.env._(
                        "%(employee)s: the citizen ID (CCCD) is 12 digits, not "
                        "“%(value)s”.",
                        employee=employee.name,
                        value=cccd[:30],
                    )
                )
