# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""``learning.unit.competency`` is gone (issue 18).

The eight competencies of criterion 3a are the member's evidence fields
``competency_3a1`` … ``competency_3a8``, which keep their values; the model
only repeated their names. The update forgets the model, its records and
``learning.unit.criterion.competency_id``, but leaves the table of a model the
registry no longer has: it is dropped here.
"""


def migrate(cr, version):
    cr.execute("DROP TABLE IF EXISTS learning_unit_competency CASCADE")
