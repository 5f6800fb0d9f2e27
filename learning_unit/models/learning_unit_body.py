# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issuing bodies (cơ quan ban hành): who issues, signs and receives documents.

A body is data, never a word in a template: a district People's Committee, a
commune's (since the 2025 reform), a province department, a steering committee
or a unit. Documents keep the body of their time: a body that is reorganised
is archived and a new one created, its old decisions still name it.

Numbers (Nghị định 30/2020/NĐ-CP): each body numbers its documents from 01 each
calendar year; ``learning.unit.number.register`` holds the last number given.

A body issues documents only for units of its scope, in its own company: a body
without a scope (a province cited by the plans) issues nothing
(learning_unit_official_mixin.py).
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

BODY_KINDS = [
    ("province", "Province People's Committee"),
    ("province_department", "Province Department"),
    ("district", "District People's Committee"),
    ("district_office", "District Office"),
    ("commune", "Commune People's Committee"),
    ("committee", "Steering Committee"),
    ("unit", "Unit"),
]
# Who signs for whom (Nghị định 30, Phụ lục I): "TM. ỦY BAN NHÂN DÂN",
# "KT. CHỦ TỊCH", acting, by order, by authorisation.
SIGNER_PREFIXES = [
    ("TM.", "TM. (on behalf of the collective)"),
    ("KT.", "KT. (deputy signing for the head)"),
    ("Q.", "Q. (acting head)"),
    ("TL.", "TL. (by order of the head)"),
    ("TUQ.", "TUQ. (by authorisation of the head)"),
]
BODY_FIELDS = frozenset(
    {
        "name",
        "header_name",
        "short_name",
        "superior_id",
        "kind",
        "place",
        "department_id",
        "company_id",
        "active",
        "signer_prefix",
        "signer_authority",
        "signer_title",
        "signer_name",
        "recipients",
        "proposer",
    }
)


def signer_of(record):
    """The signer a body or one of its documents prints, as a dict."""
    return {
        key: record[f"signer_{key}"] or ""
        for key in ("prefix", "authority", "title", "name")
    }


class LearningUnitBody(models.Model):
    _name = "learning.unit.body"
    _inherit = ["learning.unit.lock.mixin"]
    _description = "Learning Unit Issuing Body"
    _order = "sequence, name, id"
    _check_company_auto = True
    _parent_store = True
    _parent_name = "superior_id"

    _lu_write_access = {"admin": (BODY_FIELDS | {"sequence"}, None)}
    _lu_create_fields = {"admin": BODY_FIELDS | {"sequence"}}

    name = fields.Char(
        required=True,
        help="Full name, e.g. Ủy ban nhân dân huyện Thủ Thừa.",
    )
    header_name = fields.Char(
        string="Name in the Header",
        compute="_compute_header_name",
        store=True,
        readonly=False,
        help="As the header prints it, upper case; a line break may split it, "
        "e.g. ỦY BAN NHÂN DÂN / HUYỆN THỦ THỪA.",
    )
    short_name = fields.Char(
        string="Symbol",
        required=True,
        help="The body's abbreviation in document numbers: 15/QĐ-UBND.",
    )
    sequence = fields.Integer(default=10)
    kind = fields.Selection(BODY_KINDS, required=True, default="district")
    superior_id = fields.Many2one(
        "learning.unit.body",
        string="Superior Body",
        ondelete="restrict",
        index=True,
        check_company=True,
        help="Printed above the body's name in the header (cơ quan chủ quản).",
    )
    parent_path = fields.Char(index=True)
    place = fields.Char(
        required=True,
        help="The place in the date line: Thủ Thừa, ngày 05 tháng 02 năm 2024.",
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Scope",
        ondelete="restrict",
        index=True,
        check_company=True,
        help="The units this body reviews are this department's sub-units; for a "
        "unit, its own department.",
    )
    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, index=True
    )
    active = fields.Boolean(default=True)
    signer_prefix = fields.Selection(
        SIGNER_PREFIXES,
        string="Authority Prefix",
        help="Empty when the head signs in their own name.",
    )
    signer_authority = fields.Char(
        string="Signs For",
        help="After the prefix: ỦY BAN NHÂN DÂN (TM.), CHỦ TỊCH (KT.).",
    )
    signer_title = fields.Char(
        help="The signer's title in upper case, e.g. PHÓ CHỦ TỊCH.",
    )
    signer_name = fields.Char()
    recipients = fields.Text(
        help="Default recipients (Nơi nhận) of its documents, one per line.",
    )
    proposer = fields.Char(
        help="Who proposes its decisions, e.g. Trưởng phòng Giáo dục và Đào tạo.",
    )

    @api.depends("name")
    def _compute_header_name(self):
        for body in self:
            if not body.header_name:
                body.header_name = (body.name or "").upper()

    @api.constrains("superior_id")
    def _check_superior(self):
        if self._has_cycle():
            raise ValidationError(self.env._("A body cannot be its own superior."))

    @api.constrains("short_name")
    def _check_short_name(self):
        for body in self:
            if body.short_name and (
                "/" in body.short_name or not body.short_name.strip()
            ):
                raise ValidationError(
                    self.env._("The symbol of a body cannot contain '/'.")
                )

    # ------------------------------------------------------------------
    # printing
    # ------------------------------------------------------------------
    def _lu_header(self):
        """``(superior line, own name)`` as the header prints them."""
        self.ensure_one()
        # a People's Committee prints its own name only (Nghị định 30)
        superior = (
            self.superior_id
            if self.kind not in ("province", "district", "commune")
            else self.superior_id.browse()
        )
        superior_text = (
            (superior.header_name or superior.name or "").replace("\n", " ").upper()
            if superior
            else ""
        )
        return superior_text, (self.header_name or self.name or "").upper()
