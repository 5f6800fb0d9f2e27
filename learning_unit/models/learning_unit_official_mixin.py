# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What every document the addon issues carries (Nghị định 30/2020/NĐ-CP).

The issuing body, the number and symbol given when the document is issued
(``15/QĐ-UBND``: number, document type, body), the place and date, the signer
(authority prefix, title, name) and the recipients. The signer and the
recipients start as the body's defaults and may be changed while in draft.
"""

from odoo import api, fields, models

from .learning_unit_body import SIGNER_PREFIXES

# the fields a drafter edits on every official document
OFFICIAL_FIELDS = frozenset(
    {
        "body_id",
        "signer_prefix",
        "signer_authority",
        "signer_title",
        "signer_name",
        "recipients",
    }
)


class LearningUnitOfficialMixin(models.AbstractModel):
    _name = "learning.unit.official.mixin"
    _description = "Learning Unit Official Document"

    # the document type in the symbol: QĐ, BC, TTr, BB
    _lu_doc_code = "QĐ"

    body_id = fields.Many2one(
        "learning.unit.body",
        string="Issuing Body",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
    )
    number = fields.Integer(readonly=True, copy=False, tracking=True)
    number_text = fields.Char(
        string="Number and Symbol",
        readonly=True,
        copy=False,
        index=True,
        help="Given when the document is issued, e.g. 15/QĐ-UBND.",
    )
    date_issued = fields.Date(string="Date", readonly=True, copy=False, tracking=True)
    signer_prefix = fields.Selection(
        SIGNER_PREFIXES,
        string="Authority Prefix",
        compute="_compute_signer",
        store=True,
        readonly=False,
    )
    signer_authority = fields.Char(
        string="Signs For", compute="_compute_signer", store=True, readonly=False
    )
    signer_title = fields.Char(compute="_compute_signer", store=True, readonly=False)
    signer_name = fields.Char(compute="_compute_signer", store=True, readonly=False)
    recipients = fields.Text(
        compute="_compute_signer",
        store=True,
        readonly=False,
        help="Nơi nhận: one recipient per line.",
    )

    @api.depends("body_id")
    def _compute_signer(self):
        for document in self:
            body = document.body_id
            document.signer_prefix = body.signer_prefix
            document.signer_authority = body.signer_authority
            document.signer_title = body.signer_title
            document.signer_name = body.signer_name
            document.recipients = body.recipients

    def _lu_number_values(self, day=None):
        """Number, symbol and date of this document, taken from the register."""
        self.ensure_one()
        day = day or fields.Date.context_today(self)
        number = self.env["learning.unit.number.register"]._lu_next_number(
            self.body_id, day.year
        )
        return {
            "number": number,
            "number_text": f"{number:02d}/{self._lu_doc_code}-"
            f"{self.body_id.short_name}",
            "date_issued": day,
        }

    def _lu_signer(self):
        self.ensure_one()
        return {
            "prefix": self.signer_prefix or "",
            "authority": self.signer_authority or "",
            "title": self.signer_title or "",
            "name": self.signer_name or "",
        }

    def _lu_recipient_lines(self):
        self.ensure_one()
        return [
            line.strip()
            for line in (self.recipients or "").splitlines()
            if line.strip()
        ]
