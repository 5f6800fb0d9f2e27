# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What every document the addon issues carries (Nghị định 30/2020/NĐ-CP).

The issuing body, the number and symbol given when the document is issued
(``15/QĐ-UBND``: number, document type, body), the place and date, the signer
(authority prefix, title, name) and the recipients. The signer and the
recipients start as the body's defaults and may be changed while in draft.

A document is of a period and has a scope (``department_id``, the units it
speaks of); it is found by its number. What the values must satisfy is checked
by the documents' constraints, whoever writes them and however often (record
rules check a record before a write, never the values written):

* the issuing body is of the document's company and acts for a scope that
  holds the document's: a school's reviewer never issues in the name of the
  province, nor takes its numbers (``_check_body``);
* a user gives a document only a scope they review (``_check_scope``).

A reviewer whose scope is narrower than the body's drafts for their part of
it (``_lu_default_scope``); a new draft takes its texts from its period and
body (``_lu_default_texts``). The reviewing level issues it (the workflow
mixin runs the model's ``_lu_transitions``, ``reviewer_act``): it is then
numbered and dated, and no longer changes.
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..states import DRAFT_STATES
from .learning_unit_body import SIGNER_PREFIXES
from .learning_unit_workflow_mixin import StateFlag, Transition

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


def reviewer_act(refusal):
    """The transition of a draft the reviewing level issues (or signs), one
    record at a time; ``refusal`` is said to anyone else."""
    return Transition(DRAFT_STATES, "reviewer", refusal, single=True)


class LearningUnitOfficialMixin(models.AbstractModel):
    _name = "learning.unit.official.mixin"
    _inherit = [
        "mail.thread",
        "learning.unit.workflow.mixin",
        "learning.unit.period.mixin",
        "learning.unit.signed.scan.mixin",
    ]
    _description = "Learning Unit Official Document"
    _rec_names_search = ["number_text"]
    _check_company_auto = True

    # the document type in the symbol: QĐ, BC, TTr, BB
    _lu_doc_code = "QĐ"
    _lu_state_flags = {"lu_editable": DRAFT_STATES}

    # in the reader's language ("Draft decision 2025" until numbered): not stored
    name = fields.Char(compute="_compute_name")
    lu_editable = StateFlag("Editable")

    department_id = fields.Many2one(
        check_company=True, domain="[('lu_can_review', '=', True)]"
    )

    body_id = fields.Many2one(
        "learning.unit.body",
        string="Issuing Body",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        # the bodies that act for units (the constraints say which)
        domain="[('department_id', '!=', False)]",
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

    @api.depends("number_text", "period_id.year")
    @api.depends_context("lang")
    def _compute_name(self):
        for document in self:
            document.name = document.number_text or document._lu_draft_name()

    def _lu_draft_name(self):
        """The name of a draft: "Draft decision 2025"."""
        raise NotImplementedError

    @api.depends("body_id")
    def _compute_signer(self):
        for document in self:
            body = document.body_id
            document.signer_prefix = body.signer_prefix
            document.signer_authority = body.signer_authority
            document.signer_title = body.signer_title
            document.signer_name = body.signer_name
            document.recipients = document._lu_default_recipients(body)

    def _lu_default_recipients(self, body):
        """The recipients (Nơi nhận) a new document of ``body`` starts with:
        the body's, as for its decisions; each kind of document may say its
        own."""
        return body.recipients

    # ------------------------------------------------------------------
    # the body and the scope
    # ------------------------------------------------------------------
    @api.model
    def _lu_reviewed(self, departments):
        """Those of ``departments`` the current user reviews (all for the system)."""
        if self.env.su:
            return departments
        return (
            self.env["hr.department"]
            .with_context(active_test=False)
            .search([("id", "in", departments.ids), ("lu_can_review", "=", True)])
        )

    @api.model
    def _lu_default_scope(self, body):
        """The scope of a new document of ``body``.

        The body's own scope when the user reviews it; else the first unit the
        user reviews inside it (a commune's or a school's reviewer drafts the
        district's decision for their units); else the body's scope, which the
        constraints then refuse in words.
        """
        scope = body.department_id
        if not scope:
            return self.env.user.lu_review_department_ids[:1]
        if self._lu_reviewed(scope):
            return scope
        return (
            self.env["hr.department"]
            .with_context(active_test=False)
            .search(
                [
                    ("id", "in", self.env.user.lu_review_department_ids.ids),
                    ("id", "child_of", scope.ids),
                ],
                limit=1,
            )
            or scope
        )

    @api.model
    def _lu_complete_create(self, vals_list):
        vals_list = super()._lu_complete_create(vals_list)
        for vals in vals_list:
            period = self.env["learning.unit.period"].browse(vals.get("period_id"))
            body = self.env["learning.unit.body"].browse(vals.get("body_id"))
            if not vals.get("department_id"):
                vals["department_id"] = self._lu_default_scope(body).id
            for key, value in self._lu_default_texts(vals, period, body).items():
                vals.setdefault(key, value)
        return vals_list

    @api.model
    def _lu_default_texts(self, vals, period, body):
        """The texts of a new draft of ``period`` issued by ``body``."""
        return {}

    @api.constrains("body_id", "department_id", "state")
    def _check_body(self):
        """The body is of the document's company and its scope holds the document's.

        Drafts and their issue are checked (a revoked document keeps the body
        of its time). The body and the scopes are read as they are, whoever
        may read them; the messages name neither (the scope may be a unit the
        user cannot read).
        """
        for document in self.filtered(lambda d: d.state != "revoked"):
            body = document.sudo().body_id
            scope = document.sudo().department_id
            if not body:
                continue
            if body.company_id and body.company_id != document.sudo().company_id:
                raise ValidationError(
                    self.env._(
                        "The issuing body belongs to another organisation: choose "
                        "a body of %(company)s.",
                        company=document.company_id.name,
                    )
                )
            if not body.department_id:
                raise ValidationError(
                    self.env._(
                        "%(body)s acts for no units yet: an administrator sets its "
                        "scope before it issues documents.",
                        body=body.name,
                    )
                )
            if scope and not (scope.parent_path or "").startswith(
                body.department_id.parent_path or "/"
            ):
                raise ValidationError(
                    self.env._(
                        "The issuing body does not act for the scope of this "
                        "document: choose the body whose scope holds its units."
                    )
                )

    @api.constrains("department_id")
    def _check_scope(self):
        """A user gives a document only a scope they review."""
        if self.env.su:
            return
        reviewed = self._lu_reviewed(self.department_id)
        if any(document.department_id not in reviewed for document in self):
            raise ValidationError(
                self.env._(
                    "The scope of a document must be a unit you review (or one of "
                    "its sub-units)."
                )
            )

    # ------------------------------------------------------------------
    # the issue
    # ------------------------------------------------------------------
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

    def _lu_values_issued(self, vals):
        return self._lu_number_values()

    def action_issue(self):
        """Number, date and issue the document (and do what its issue does)."""
        return self.write({"state": "issued"})
