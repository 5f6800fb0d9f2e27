# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Who sets a member's evidence, and where each kind came from.

Members do not assert their own evidence: a member writes the notes and files
of their own row, and files their documents (learning_unit_dossier_item.py).
The unit officer sets the evidence, the eight competencies of criterion 3a
included, from the documents and the systems that hold it (the import keyed by
the CCCD); the approval of a member's plan by the head of the unit (or the
officer the head delegates) sets the evidence it records, with the approver's
rights (the role ``approver``, given only to the addon's approval code through
:func:`~.learning_unit_evidence_event.evidence_source`).

Every change of an evidence kind is logged (learning.unit.evidence.event) in
one batch per write; the member row shows each kind's last source.
"""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError

from ..evidence import EVIDENCE_FIELDS, EVIDENCE_KINDS
from ..states import EDITABLE_STATES, GROUP_OFFICER
from .learning_unit_evidence_event import evidence_source, source_of
from .learning_unit_member import EVIDENCE_WRITE

MEMBER_WRITE = frozenset({"attachment_ids", "note", "dossier_item_ids"})


class LearningUnitMember(models.Model):
    _inherit = "learning.unit.member"

    _lu_write_access = {
        "officer": (EVIDENCE_WRITE, EDITABLE_STATES),
        # their own row only (see _lu_roles): notes and files, never evidence
        "member": (MEMBER_WRITE, EDITABLE_STATES),
        # the approval of a document (learning_unit_dossier_item.py)
        "approver": (frozenset(EVIDENCE_FIELDS), EDITABLE_STATES),
    }

    evidence_event_ids = fields.One2many(
        "learning.unit.evidence.event", "member_id", string="Evidence History"
    )
    evidence_source_ids = fields.Many2many(
        "learning.unit.evidence.event",
        string="Where the Evidence Came From",
        compute="_compute_evidence_sources",
        help="The last change of each kind of evidence: who or what recorded it.",
    )
    evidence_sources = fields.Char(
        string="Sources",
        compute="_compute_evidence_sources",
        help="Where each kind of evidence came from: ticked, approved plan, "
        "paper copy or imported file.",
    )
    lu_can_edit_evidence = fields.Boolean(
        string="I Set the Evidence", compute="_compute_lu_can_edit_evidence"
    )

    # ------------------------------------------------------------------
    # sources
    # ------------------------------------------------------------------
    def _lu_last_events(self):
        """``{member id: {kind: event}}`` of these members, in two queries."""
        ids = [i for i in self._ids if isinstance(i, int)]
        if not ids:
            return {}
        Event = self.env["learning.unit.evidence.event"]
        groups = Event._read_group(
            [("member_id", "in", ids)], ["member_id", "kind"], ["id:max"]
        )
        events = Event.browse(last for _member, _kind, last in groups)
        events.fetch(["member_id", "kind", "value", "source", "user_id", "date"])
        last = defaultdict(dict)
        for event in events:
            last[event.member_id.id][event.kind] = event
        return last

    @api.depends("evidence_event_ids")
    @api.depends_context("lang", "tz")
    def _compute_evidence_sources(self):
        last = self._lu_last_events()
        Event = self.env["learning.unit.evidence.event"]
        labels = {
            name: self._fields[name]._description_string(self.env)
            for name in EVIDENCE_FIELDS
        }
        sources = dict(Event._fields["source"]._description_selection(self.env))
        for member in self:
            events = last.get(member._origin.id, {})
            ordered = [events[name] for name in EVIDENCE_FIELDS if name in events]
            member.evidence_source_ids = [(6, 0, [e.id for e in ordered])]
            member.evidence_sources = "; ".join(
                f"{labels[e.kind]}: {sources[e.source]}"
                + (f" {e.file_name}" if e.file_name else "")
                for e in ordered
            )

    # ------------------------------------------------------------------
    # rights
    # ------------------------------------------------------------------
    @api.depends("assessment_id.state")
    @api.depends_context("uid")
    def _compute_lu_can_edit_evidence(self):
        officer = self.env.user.has_group(GROUP_OFFICER)
        for member in self:
            member.lu_can_edit_evidence = (
                officer
                and member.assessment_id.state in EDITABLE_STATES
                and member.assessment_id.department_id.lu_can_prepare
            )

    def _lu_roles(self):
        roles = super()._lu_roles()
        if "member" in roles and any(m.user_id != self.env.user for m in self):
            # a member writes their own row only
            roles.discard("member")
        source = source_of(self.env)
        if (
            source
            and source.source == "plan"
            and self
            and all(self.assessment_id.mapped("lu_can_approve"))
        ):
            roles.add("approver")
        return roles

    # ------------------------------------------------------------------
    # the log
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        changes = [
            (member.id, name, True)
            for member, vals in zip(members, vals_list, strict=True)
            for name in EVIDENCE_FIELDS
            if vals.get(name)
        ]
        self.env["learning.unit.evidence.event"]._lu_log(
            changes, source_of(self.env), self.env.uid
        )
        return members

    def write(self, vals):
        kinds = [name for name in EVIDENCE_FIELDS if name in vals]
        if not kinds:
            return super().write(vals)
        # the rows are fetched whole once (the write needs them too)
        before = {member.id: [member[name] for name in kinds] for member in self}
        result = super().write(vals)
        changes = [
            (member.id, name, member[name])
            for member in self
            for name, old in zip(kinds, before[member.id], strict=True)
            if member[name] != old
        ]
        self.env["learning.unit.evidence.event"]._lu_log(
            changes, source_of(self.env), self.env.uid
        )
        return result

    # ------------------------------------------------------------------
    # views: the evidence is the officer's to set
    # ------------------------------------------------------------------
    @api.model
    def _lu_evidence_nodes(self, mode):
        nodes = super()._lu_evidence_nodes(mode)
        for node in nodes:
            node.set("readonly", "not lu_can_edit_evidence")
        helper = nodes[0].makeelement(
            "field",
            {"name": "lu_can_edit_evidence"},
        )
        helper.set("column_invisible" if mode != "form" else "invisible", "1")
        return [helper, *nodes]

    # ------------------------------------------------------------------
    # the exception list's actions
    # ------------------------------------------------------------------
    def _lu_remind(self, missing):
        """Ask each of these members to complete ``missing``: {member: [labels]}."""
        reminded = self.browse()
        for member in self:
            labels = missing.get(member)
            if not labels or not member.user_id:
                continue
            member.message_post(
                body=self.env._(
                    "Your learning record of %(year)s still misses: %(missing)s. "
                    "Open “My Learning Record” to complete it.",
                    year=member.period_id.year,
                    missing=", ".join(labels),
                ),
                author_id=self.env.user.partner_id.id,
                subtype_xmlid="mail.mt_comment",
                partner_ids=member.user_id.partner_id.ids,
            )
            reminded |= member
        return reminded

    def _lu_record_paper_copies(self, documents):
        """The paper copies of ``documents`` are kept: provided, evidence recorded."""
        documents = documents.filtered(lambda d: not d.paper_copy)
        if documents:
            documents.write({"paper_copy": True})
        todo = defaultdict(dict)  # field -> {member id: document id}
        for document in documents.filtered("document_type_id.evidence_field"):
            field = document.document_type_id.evidence_field
            if not document.member_id[field]:
                todo[field][document.member_id.id] = document.id
        if todo and "officer" not in self._lu_roles():
            raise AccessError(
                self.env._("Only the unit officer records the paper copies.")
            )
        for field, by_member in todo.items():
            evidence_source(
                self.browse(list(by_member)), "paper", documents=by_member
            ).write({field: True})
        return documents

    @api.model
    def _lu_evidence_labels(self):
        return {
            kind.field: self._fields[kind.field]._description_string(self.env)
            for kind in EVIDENCE_KINDS
        }
