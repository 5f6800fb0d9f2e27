# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Where each member's evidence came from: one row per change of a kind.

A change of an evidence Boolean of ``learning.unit.member`` writes a row here
(member, kind, new value, source, user, date, file), in one batch for all the
members changed at once. The source is the tick of a user unless the write is
made by the addon's own code on behalf of a document or a file: that code
wraps the write in :func:`evidence_source`, a Python object in the context
that no RPC or web client call can build, so nobody can claim an import or an
approval they did not make.

The rows are the system's log: created on its behalf, never changed (the
access rights give every role read access only).
"""

from odoo import api, fields, models

from ..evidence import EVIDENCE_KINDS

SOURCES = [
    ("manual", "Ticked"),
    ("plan", "Approved document"),
    ("paper", "Paper copy"),
    ("import", "Imported file"),
]
CONTEXT_KEY = "learning_unit_evidence_source"


class EvidenceSource:
    """Why the addon writes evidence: set in the context by its own code only."""

    __slots__ = ("documents", "file_name", "source")

    def __init__(self, source, file_name=None, documents=None):
        assert source in dict(SOURCES), source
        self.source = source
        self.file_name = file_name
        # {member id: dossier item id} of the documents behind the change
        self.documents = documents or {}


def evidence_source(records, source, file_name=None, documents=None):
    """``records`` with the source of the evidence they are about to write."""
    marker = EvidenceSource(source, file_name=file_name, documents=documents)
    return records.with_context(**{CONTEXT_KEY: marker})


def source_of(env):
    """The :class:`EvidenceSource` of this environment, or None."""
    value = env.context.get(CONTEXT_KEY)
    return value if isinstance(value, EvidenceSource) else None


class LearningUnitEvidenceEvent(models.Model):
    _name = "learning.unit.evidence.event"
    _description = "Member Evidence Change"
    _order = "id desc"

    member_id = fields.Many2one(
        "learning.unit.member", required=True, ondelete="cascade", index=True
    )
    assessment_id = fields.Many2one(
        related="member_id.assessment_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="member_id.company_id", store=True, index=True, precompute=True
    )
    kind = fields.Selection(
        [(kind.field, kind.label) for kind in EVIDENCE_KINDS],
        string="Evidence",
        required=True,
    )
    value = fields.Boolean(string="Recorded As")
    source = fields.Selection(SOURCES, required=True)
    user_id = fields.Many2one("res.users", string="By", ondelete="set null")
    date = fields.Datetime(required=True)
    file_name = fields.Char(string="File")
    document_id = fields.Many2one("learning.unit.dossier.item", ondelete="set null")
    description = fields.Char(string="Recorded By", compute="_compute_description")

    @api.depends("source", "file_name", "user_id", "date")
    @api.depends_context("lang", "tz")
    def _compute_description(self):
        sources = dict(self._fields["source"]._description_selection(self.env))
        for event in self:
            date = fields.Datetime.context_timestamp(event, event.date).strftime(
                "%d/%m/%Y"
            )
            parts = [sources.get(event.source, "")]
            if event.file_name:
                parts.append(event.file_name)
            parts.append(event.user_id.name or "")
            parts.append(date)
            event.description = " · ".join(part for part in parts if part)

    @api.model
    def _lu_log(self, changes, source, uid):
        """Record ``changes``: ``[(member id, kind, value)]``, in one batch."""
        if not changes:
            return self.browse()
        now = fields.Datetime.now()
        source = source or EvidenceSource("manual")
        # the log is written on behalf of the system: nobody writes it by hand
        return self.sudo().create(
            [
                {
                    "member_id": member_id,
                    "kind": kind,
                    "value": value,
                    "source": source.source,
                    "user_id": uid,
                    "date": now,
                    "file_name": source.file_name,
                    "document_id": source.documents.get(member_id),
                }
                for member_id, kind, value in changes
            ]
        )
