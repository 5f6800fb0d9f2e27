# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The officer's exception list: what each member still misses.

One row per member and missing thing, a database view over the members and
their dossier, so that 80 members cost one query, grouped by what is missing:

* an evidence kind the assessment's rules count and the member lacks (with the
  member's document whose approval records it, if any: the self-study plan);
* a mandatory personal document not provided, unless its evidence is already
  listed as missing (the plan is one row, not two).

The rows' buttons remind the member, record a paper copy or open the document
to approve, with the user's rights on the members and documents.
"""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..evidence import EVIDENCE_FIELDS, EVIDENCE_KINDS
from ..states import ACTIVITY_DOCUMENT_FILE, DOCUMENT_STATES

DOCUMENT_PREFIX = "doc_"
# a row's id: the member's id (evidence) or the document's id (document),
# times ID_FACTOR, plus the kind's rank, or DOCUMENT_RANK for a document
ID_FACTOR = 64
DOCUMENT_RANK = 32


class LearningUnitEvidenceGap(models.Model):
    _name = "learning.unit.evidence.gap"
    _description = "Missing Member Evidence"
    _auto = False
    _order = "member_name, id"
    # what the view reads: flushed before every search
    _depends = {
        "learning.unit.member": [
            *EVIDENCE_FIELDS,
            "assessment_id",
            "name",
            "user_id",
            "unit_id",
            "period_id",
            "company_id",
        ],
        "learning.unit.dossier.item": [
            "member_id",
            "document_type_id",
            "document_state",
            "mandatory",
            "is_provided",
        ],
        "learning.unit.document.type": ["code", "evidence_field"],
        "learning.unit.assessment": ["template_id"],
        "learning.unit.criterion": ["template_id", "member_field"],
    }

    member_id = fields.Many2one("learning.unit.member", readonly=True)
    member_name = fields.Char(readonly=True)
    member_user_id = fields.Many2one("res.users", string="Account", readonly=True)
    assessment_id = fields.Many2one("learning.unit.assessment", readonly=True)
    assessment_state = fields.Selection(related="assessment_id.state")
    unit_id = fields.Many2one("hr.department", string="Unit", readonly=True)
    period_id = fields.Many2one("learning.unit.period", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    what = fields.Selection(
        selection="_selection_what",
        string="Missing",
        readonly=True,
        group_expand="_group_expand_what",
    )
    kind = fields.Selection(
        [(kind.field, kind.label) for kind in EVIDENCE_KINDS],
        string="Evidence",
        readonly=True,
    )
    document_id = fields.Many2one(
        "learning.unit.dossier.item", string="Document", readonly=True
    )
    document_state = fields.Selection(
        DOCUMENT_STATES, string="Document Status", readonly=True
    )
    paper_possible = fields.Boolean(
        string="Paper Copy Possible",
        compute="_compute_paper_possible",
        help="A paper copy of the document can be recorded.",
    )

    @api.model
    def _selection_what(self):
        Member = self.env["learning.unit.member"]
        kinds = [
            (kind.field, Member._fields[kind.field]._description_string(self.env))
            for kind in EVIDENCE_KINDS
        ]
        doc_types = (
            self.env["learning.unit.document.type"]
            .sudo()
            .with_context(active_test=False)
            .search([("scope", "=", "member")])
        )
        return kinds + [(DOCUMENT_PREFIX + t.code, t.name) for t in doc_types]

    def _group_expand_what(self, values, domain):
        """The groups of what is missing in the order of the declaration (the
        plan first), not of the values' spelling; only those with rows."""
        present = set(values)
        return [
            value
            for value, _label in self._fields["what"]._description_selection(self.env)
            if value in present
        ]

    @api.depends("document_id", "document_state")
    def _compute_paper_possible(self):
        for gap in self:
            gap.paper_possible = bool(
                gap.document_id and gap.document_state in ("draft", "returned")
            )

    def init(self):
        self.env.cr.execute(SQL("DROP VIEW IF EXISTS %s", SQL.identifier(self._table)))
        self.env.cr.execute(
            SQL("CREATE VIEW %s AS (%s)", SQL.identifier(self._table), self._lu_query())
        )

    @api.model
    def _lu_query(self):
        kinds = SQL(", ").join(
            SQL("(%s, %s, m.%s)", rank, name, SQL.identifier(name))
            for rank, name in enumerate(EVIDENCE_FIELDS, start=1)
        )
        value_of = SQL(
            "CASE dt.evidence_field %s END",
            SQL(" ").join(
                SQL("WHEN %s THEN m.%s", name, SQL.identifier(name))
                for name in EVIDENCE_FIELDS
            ),
        )
        return SQL(
            """
            WITH counted AS (
                SELECT DISTINCT a.id AS assessment_id, c.member_field AS kind
                  FROM learning_unit_assessment a
                  JOIN learning_unit_criterion c ON c.template_id = a.template_id
                 WHERE c.member_field IS NOT NULL
            )
            SELECT m.id * %(factor)s + k.rank AS id,
                   m.id AS member_id, m.name AS member_name,
                   m.user_id AS member_user_id, m.assessment_id, m.unit_id,
                   m.period_id, m.company_id,
                   k.kind AS what, k.kind AS kind,
                   d.id AS document_id, d.document_state
              FROM learning_unit_member m
              CROSS JOIN LATERAL (VALUES %(kinds)s) AS k(rank, kind, value)
              JOIN counted ON counted.assessment_id = m.assessment_id
                          AND counted.kind = k.kind
              LEFT JOIN LATERAL (
                    SELECT i.id, i.document_state
                      FROM learning_unit_dossier_item i
                      JOIN learning_unit_document_type dt
                        ON dt.id = i.document_type_id
                     WHERE i.member_id = m.id AND dt.evidence_field = k.kind
                     ORDER BY i.id LIMIT 1
              ) d ON TRUE
             WHERE NOT COALESCE(k.value, FALSE)
            UNION ALL
            SELECT i.id * %(factor)s + %(document_rank)s AS id,
                   m.id, m.name, m.user_id, m.assessment_id, m.unit_id,
                   m.period_id, m.company_id,
                   %(prefix)s || dt.code, NULL, i.id, i.document_state
              FROM learning_unit_dossier_item i
              JOIN learning_unit_document_type dt ON dt.id = i.document_type_id
              JOIN learning_unit_member m ON m.id = i.member_id
             WHERE i.mandatory AND NOT COALESCE(i.is_provided, FALSE)
               AND NOT (
                    dt.evidence_field IS NOT NULL
                    AND NOT COALESCE(%(value_of)s, FALSE)
                    AND EXISTS (
                        SELECT 1 FROM counted
                         WHERE counted.assessment_id = m.assessment_id
                           AND counted.kind = dt.evidence_field
                    )
               )
            """,
            factor=ID_FACTOR,
            document_rank=DOCUMENT_RANK,
            prefix=DOCUMENT_PREFIX,
            kinds=kinds,
            value_of=value_of,
        )

    # ------------------------------------------------------------------
    # buttons
    # ------------------------------------------------------------------
    @api.model
    def _lu_action_for(self, assessment):
        """What the members of ``assessment`` miss: this list, for who reads it,
        else the members missing something."""
        if not self.has_access("read"):
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Members missing evidence or documents"),
                "res_model": "learning.unit.member",
                "view_mode": "list,form",
                "domain": [
                    ("assessment_id", "=", assessment.id),
                    "|",
                    ("evidence_complete", "=", False),
                    ("dossier_complete", "=", False),
                ],
                "context": {"default_assessment_id": assessment.id},
            }
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "learning_unit.action_learning_unit_evidence_gap"
        )
        action["domain"] = [("assessment_id", "=", assessment.id)]
        action["context"] = {"search_default_group_what": 1}
        action["display_name"] = self.env._(
            "Missing in %(unit)s", unit=assessment.department_id.name
        )
        return action

    def _labels(self):
        what = dict(self._fields["what"]._description_selection(self.env))
        return {gap: what.get(gap.what, gap.what) for gap in self}

    def action_remind(self):
        """Remind each member (with an account) of everything they still miss."""
        labels = self._labels()
        # what the member files herself, and what only the officer records
        to_file, to_prove = defaultdict(list), defaultdict(list)
        for gap in self:
            if not gap.document_id:
                to_prove[gap.member_id].append(labels[gap])
            elif gap.document_state in ("draft", "returned"):
                to_file[gap.member_id].append(labels[gap])
        members = self.member_id
        reminded = members._lu_remind(to_file, to_prove)
        documents = self.filtered(
            lambda g: g.document_id
            and g.member_user_id
            and g.document_state != "submitted"
        ).document_id
        for document in documents.sudo():
            # an activity the member sees in their to-do list, on the document
            document.activity_schedule(
                ACTIVITY_DOCUMENT_FILE,
                user_id=document.user_id.id,
                summary=document.document_type_id.name,
            )
        skipped = members - reminded
        message = self.env._("%(count)s member(s) reminded.", count=len(reminded))
        if skipped:
            message += " " + self.env._(
                "%(count)s without an account (file their documents or mark the "
                "paper copy): %(names)s.",
                count=len(skipped),
                names=", ".join(skipped[:5].mapped("name"))
                + ("…" if len(skipped) > 5 else ""),
            )
        return self._lu_notify(message, "success" if reminded else "warning")

    def action_mark_paper_copy(self):
        """The signed paper documents are kept: provided, their evidence recorded."""
        documents = self.filtered("paper_possible").document_id
        if not documents:
            raise UserError(
                self.env._("None of these rows is a document with a paper copy.")
            )
        self.member_id._lu_record_paper_copies(documents)
        return self._lu_notify(
            self.env._("%(count)s paper copy(ies) recorded.", count=len(documents)),
            "success",
        )

    def action_open_document(self):
        self.ensure_one()
        if not self.document_id:
            return self.member_id.get_formview_action()
        return self.document_id.action_open_document()

    def _lu_notify(self, message, kind):
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": kind,
                "message": message,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
