# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A decision line holds the level it grants, frozen once issued (issue 19).

The update computes ``granted_level`` of every line, those of the decisions
already issued on the decision's date; these are then frozen as a decision
issued from now on freezes its own.
"""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    lines = env["learning.unit.decision.line"].search(
        [("decision_id.state", "!=", "draft"), ("granted_frozen", "=", False)]
    )
    lines._lu_freeze()
