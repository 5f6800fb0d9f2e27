# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo district moved to the learning_unit_demo addon (issue 18).

A database installed with learning_unit's demo before holds the district: its
issuing bodies, periods, users, employees, assessments and decisions carry
external ids ``learning_unit.demo_*``. They become learning_unit_demo's, with
the same names, before the update loads anything: installing
learning_unit_demo then finds the district and adopts it instead of building a
second one, and the records are never learning_unit's to clean up.
"""

import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    cr.execute(
        """
        UPDATE ir_model_data data
           SET module = 'learning_unit_demo', noupdate = TRUE
         WHERE data.module = 'learning_unit'
           AND data.name ~ '^demo_(body|period|user|employee|assessment|decision)_'
           AND NOT EXISTS (
                SELECT 1 FROM ir_model_data other
                 WHERE other.module = 'learning_unit_demo'
                   AND other.name = data.name
           )
        """
    )
    if cr.rowcount:
        _logger.info(
            "learning_unit %s: %s external ids of the demo district moved to "
            "learning_unit_demo (install it to keep the district's logins and data)",
            version,
            cr.rowcount,
        )
