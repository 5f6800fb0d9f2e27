# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The register of document numbers: one row per issuing body and year.

Nghị định 30/2020/NĐ-CP: a body numbers its documents from 01 on the first day
of each year, one after the other. The next number is taken by one SQL
statement that inserts the row of the body and year or increments it: the row
is locked until the issuing transaction ends. A second transaction issuing for
the same body waits, then fails with a serialization error (Odoo's REPEATABLE
READ) and is run again by the server on the committed data, where it takes the
next number. A number is therefore never given twice, and a transaction that
fails gives its number back: numbers have no gaps.
"""

from odoo import api, fields, models
from odoo.tools import SQL


class LearningUnitNumberRegister(models.Model):
    _name = "learning.unit.number.register"
    _description = "Learning Unit Document Number Register"
    _order = "year desc, body_id"

    body_id = fields.Many2one(
        "learning.unit.body", required=True, ondelete="restrict", index=True
    )
    year = fields.Integer(required=True)
    last_number = fields.Integer(readonly=True)
    company_id = fields.Many2one(related="body_id.company_id", store=True)

    _sql_constraints = [
        (
            "body_year_unique",
            "UNIQUE(body_id, year)",
            "A body has one number register per year.",
        ),
    ]

    @api.model
    def _lu_next_number(self, body, year):
        """Take the next number of ``body`` in ``year`` (locks its row)."""
        body.ensure_one()
        self.flush_model()
        rows = self.env.execute_query(
            SQL(
                """
                INSERT INTO learning_unit_number_register
                    (body_id, year, last_number, create_uid, create_date,
                     write_uid, write_date)
                VALUES (%(body)s, %(year)s, 1, %(uid)s, now() at time zone 'UTC',
                        %(uid)s, now() at time zone 'UTC')
                ON CONFLICT (body_id, year) DO UPDATE
                    SET last_number = learning_unit_number_register.last_number + 1,
                        write_uid = EXCLUDED.write_uid,
                        write_date = EXCLUDED.write_date
                RETURNING last_number
                """,
                body=body.id,
                year=year,
                uid=self.env.uid,
            )
        )
        self.invalidate_model(["last_number"])
        return rows[0][0]
