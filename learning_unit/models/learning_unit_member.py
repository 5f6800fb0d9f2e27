# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A member of a unit in an assessment, with their evidence.

The evidence Booleans are made from the one declaration of the evidence kinds
(learning_unit/evidence.py); so are the member columns of the views
(:meth:`_lu_evidence_nodes`).

Members do not assert their own evidence: a member writes the notes and files
of their own row, and files their documents (learning_unit_dossier_item.py).
The unit officer sets the evidence, the eight competencies of criterion 3a
included, from the documents and the systems that hold it (the import keyed by
the CCCD); the approval of a member's document by the head of the unit (or the
officer the head delegates) sets the evidence it records, with the approver's
rights (the role ``approver``, given only to the addon's approval code through
:func:`~.learning_unit_evidence_event.evidence_source`).

Every change of an evidence kind is logged (learning.unit.evidence.event) in
one batch per write; the member row shows each kind's last source.
"""

from collections import defaultdict

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ..evidence import EVIDENCE_FIELDS, EVIDENCE_KINDS
from ..states import EDITABLE_STATES, GROUP_OFFICER
from .learning_unit_evidence_event import evidence_source, source_of

MEMBER_WRITE = frozenset({"attachment_ids", "note", "dossier_item_ids"})
EVIDENCE_WRITE = MEMBER_WRITE | set(EVIDENCE_FIELDS)


class LearningUnitMember(models.Model):
    _name = "learning.unit.member"
    _inherit = ["mail.thread", "learning.unit.lock.mixin"]
    _description = "Learning Unit Member Evidence"
    _order = "assessment_id, name, id"
    _mail_post_access = "read"

    _lu_write_access = {
        "officer": (EVIDENCE_WRITE, EDITABLE_STATES),
        # their own row only (see _lu_roles): notes and files, never evidence
        "member": (MEMBER_WRITE, EDITABLE_STATES),
        # the approval of a document (learning_unit_dossier_item.py)
        "approver": (frozenset(EVIDENCE_FIELDS), EDITABLE_STATES),
    }
    _lu_create_fields = {
        "officer": EVIDENCE_WRITE | {"assessment_id", "employee_id"},
    }

    assessment_id = fields.Many2one(
        "learning.unit.assessment", required=True, ondelete="cascade", index=True
    )
    employee_id = fields.Many2one(
        "hr.employee", required=True, ondelete="restrict", index=True
    )
    name = fields.Char(related="employee_id.name", store=True)
    job_title = fields.Char(related="employee_id.job_title", store=True)
    department_id = fields.Many2one(related="employee_id.department_id", store=True)
    user_id = fields.Many2one(related="employee_id.user_id", store=True, index=True)
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, index=True
    )
    period_id = fields.Many2one(related="assessment_id.period_id", store=True)
    unit_id = fields.Many2one(
        related="assessment_id.department_id", string="Unit", store=True
    )
    state = fields.Selection(related="assessment_id.state")
    lu_editable = fields.Boolean(related="assessment_id.lu_editable")
    evidence_kinds = fields.Char(related="assessment_id.evidence_kinds")
    # one Boolean per evidence kind of the declaration
    for _kind in EVIDENCE_KINDS:
        vars()[_kind.field] = fields.Boolean(string=_kind.label, help=_kind.help)
    del _kind
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "learning_unit_member_attachment_rel",
        "member_id",
        "attachment_id",
        string="Evidence Files",
    )
    note = fields.Char()
    evidence_complete = fields.Boolean(
        compute="_compute_evidence_complete",
        store=True,
        index=True,
        help="Every kind of evidence the rules count is recorded.",
    )
    missing_evidence = fields.Char(compute="_compute_missing_evidence")
    dossier_item_ids = fields.One2many(
        "learning.unit.dossier.item", "member_id", string="Personal Dossier"
    )
    dossier_complete = fields.Boolean(
        compute="_compute_dossier_complete",
        store=True,
        index=True,
        help="Every mandatory personal document is provided.",
    )
    missing_documents = fields.Char(compute="_compute_missing_documents")
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
        help="Where each kind of evidence came from: ticked, approved document, "
        "paper copy or imported file.",
    )
    lu_can_edit_evidence = fields.Boolean(
        string="I Set the Evidence", compute="_compute_lu_can_edit_evidence"
    )

    _sql_constraints = [
        (
            "assessment_employee_unique",
            "UNIQUE(assessment_id, employee_id)",
            "An employee is listed once per assessment.",
        ),
    ]

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    def _counted_kinds(self):
        """For each member, the evidence fields its assessment's rules count."""
        by_assessment = {
            assessment.id: set((assessment.evidence_kinds or "").split(","))
            for assessment in self.assessment_id
        }
        return [by_assessment.get(m.assessment_id.id, set()) for m in self]

    @api.model
    def _lu_evidence_labels(self):
        """``{evidence field: its label}``, in the user's language."""
        return {
            name: self._fields[name]._description_string(self.env)
            for name in EVIDENCE_FIELDS
        }

    @api.depends(*EVIDENCE_FIELDS, "assessment_id.template_id")
    def _compute_evidence_complete(self):
        for member, kinds in zip(self, self._counted_kinds(), strict=True):
            member.evidence_complete = all(member[name] for name in kinds if name)

    @api.depends(*EVIDENCE_FIELDS, "assessment_id.template_id")
    @api.depends_context("lang")
    def _compute_missing_evidence(self):
        labels = self._lu_evidence_labels()
        for member, kinds in zip(self, self._counted_kinds(), strict=True):
            member.missing_evidence = "; ".join(
                labels[name]
                for name in EVIDENCE_FIELDS
                if name in kinds and not member[name]
            )

    @api.depends("dossier_item_ids.is_provided", "dossier_item_ids.mandatory")
    def _compute_dossier_complete(self):
        for member in self:
            member.dossier_complete = all(
                item.is_provided for item in member.dossier_item_ids if item.mandatory
            )

    @api.depends("dossier_item_ids.is_provided")
    @api.depends_context("lang")
    def _compute_missing_documents(self):
        for member in self:
            member.missing_documents = "; ".join(
                item.document_type_id.name
                for item in member.dossier_item_ids
                if item.mandatory and not item.is_provided
            )

    @api.depends("evidence_event_ids")
    @api.depends_context("lang", "tz")
    def _compute_evidence_sources(self):
        Event = self.env["learning.unit.evidence.event"]
        last = defaultdict(dict)  # {member id: {kind: its last event}}
        ids = [i for i in self._ids if isinstance(i, int)]
        if ids:
            groups = Event._read_group(
                [("member_id", "in", ids)], ["member_id", "kind"], ["id:max"]
            )
            events = Event.browse(last_id for _member, _kind, last_id in groups)
            events.fetch(["member_id", "kind", "value", "source", "user_id", "date"])
            for event in events:
                last[event.member_id.id][event.kind] = event
        labels = self._lu_evidence_labels()
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

    # ------------------------------------------------------------------
    # ORM and access
    # ------------------------------------------------------------------
    def _lu_state(self):
        return self.assessment_id.state

    def _lu_locked_error(self, record):
        return record.assessment_id._lu_locked_error(record.assessment_id)

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

    @api.model
    def _lu_complete_create(self, vals_list):
        assessments = self.env["learning.unit.assessment"].browse(
            {
                vals.get("assessment_id")
                for vals in vals_list
                if vals.get("assessment_id")
            }
        )
        assessments._lu_lock()
        if not self.env.su:
            locked = assessments.filtered(lambda a: a.state not in EDITABLE_STATES)
            if locked:
                raise locked._lu_locked_error(locked[0])
            self._check_employees(vals_list)
        return vals_list

    @api.model
    def _check_employees(self, vals_list):
        """Members are employees of the assessment's unit (or sub-units) and company."""
        Assessment = self.env["learning.unit.assessment"]
        # what the user may read of them: their public profile
        Employee = self.env["hr.employee.public"].with_context(active_test=False)
        pairs = [(v.get("assessment_id"), v.get("employee_id")) for v in vals_list]
        employees = Employee.browse({e for _a, e in pairs if e}).exists()
        employees = employees._filtered_access("read")
        employees.fetch(["department_id", "company_id"])
        employees.department_id.fetch(["parent_path"])
        by_id = {employee.id: employee for employee in employees}
        for assessment_id, employee_id in pairs:
            assessment = Assessment.browse(assessment_id)
            employee = by_id.get(employee_id)
            unit = assessment.department_id
            inside = (
                employee
                and employee.department_id
                and str(unit.id)
                in (employee.department_id.parent_path or "").split("/")
                and employee.company_id
                in (assessment.company_id, self.env["res.company"])
            )
            if not inside:
                raise ValidationError(
                    self.env._(
                        "Only employees of %(unit)s and its sub-units can be its "
                        "members.",
                        unit=unit.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        members.assessment_id.line_ids._lu_track_scores()
        # the personal dossier is the structure the rules give
        members.sudo()._create_personal_dossier()
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

    def _lu_one_per_person(self):
        """These members, a person once (the first of their memberships): an
        employee of a sub-unit with its own assessment is also a member of the
        unit's, and a list of people names them once."""
        seen = set()
        keep = []
        for member in self:
            person = member.employee_id.id or ("member", member.id)
            if person not in seen:
                seen.add(person)
                keep.append(member.id)
        return self.browse(keep)

    @api.model
    def _lu_load(self, assessments):
        """One member per employee of the assessments' units (and sub-units)
        not yet listed, as the user finds them among the public profiles."""
        assessments._lu_lock()
        assessments.check_access("write")
        locked = assessments.filtered(lambda a: a.state not in EDITABLE_STATES)
        if locked:
            raise locked._lu_locked_error(locked[0])
        employees = self.env["hr.employee.public"].search(
            [
                ("department_id", "child_of", assessments.department_id.ids),
                ("company_id", "in", [*assessments.company_id.ids, False]),
            ],
            order="name, id",
        )
        by_unit = defaultdict(list)  # department id -> employees of it and below
        for employee in employees:
            for ancestor in employee.department_id.parent_path.split("/")[:-1]:
                by_unit[int(ancestor)].append(employee)
        vals_list = []
        for assessment in assessments:
            known = set(assessment.member_ids.employee_id.ids)
            companies = (assessment.company_id.id, False)
            vals_list += [
                {"assessment_id": assessment.id, "employee_id": employee.id}
                for employee in by_unit[assessment.department_id.id]
                if employee.id not in known and employee.company_id.id in companies
            ]
        return self.create(vals_list)

    def _create_personal_dossier(self):
        doc_types = self.env["learning.unit.document.type"].search(
            [("scope", "=", "member")]
        )
        return self.env["learning.unit.dossier.item"].create(
            [
                {
                    "assessment_id": member.assessment_id.id,
                    "member_id": member.id,
                    "document_type_id": doc_type.id,
                }
                for member in self
                for doc_type in doc_types.filtered(
                    lambda d, m=member: d._applies_to(m.assessment_id.scheme)
                )
            ]
        )

    def _lu_check_write(self, vals):
        self.assessment_id._lu_lock()
        return super()._lu_check_write(vals)

    def write(self, vals):
        # every change of evidence is logged; the rows are fetched whole once
        # (the write needs them too)
        kinds = [name for name in EVIDENCE_FIELDS if name in vals]
        before = {member.id: [member[name] for name in kinds] for member in self}
        self.assessment_id.line_ids._lu_track_scores()
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

    @api.ondelete(at_uninstall=False)
    def _unlink_while_preparing(self):
        self.assessment_id._lu_lock()
        self.assessment_id.line_ids._lu_track_scores()
        if self.env.su:
            return
        locked = self.assessment_id.filtered(lambda a: a.state not in EDITABLE_STATES)
        if locked:
            raise locked._lu_locked_error(locked[0])

    # ------------------------------------------------------------------
    # views: one column per evidence kind, from the declaration; the evidence
    # is the officer's to set
    # ------------------------------------------------------------------
    @api.model
    def _lu_evidence_nodes(self, mode):
        """The ``<field>`` nodes of the evidence kinds.

        ``mode`` is ``embedded`` (a list inside the assessment form: a column
        only for the kinds its rules count), ``list`` or ``form`` (a field only
        for the kinds the member's rules count).
        """
        nodes = []
        for kind in EVIDENCE_KINDS:
            attrs = {
                "name": kind.field,
                "widget": "boolean_toggle",
                "readonly": "not lu_can_edit_evidence",
            }
            if mode == "embedded":
                attrs["column_invisible"] = (
                    f"'{kind.field}' not in (parent.evidence_kinds or '')"
                )
            elif mode == "list":
                attrs["optional"] = "show"
            else:
                attrs["invisible"] = f"'{kind.field}' not in (evidence_kinds or '')"
            nodes.append(etree.Element("field", attrs))
        return nodes

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        arch, view = super()._get_view(view_id, view_type, **options)
        self._lu_insert_evidence(arch)
        return arch, view

    @api.model
    def _lu_insert_evidence(self, node, embedded=False):
        """Add the evidence nodes to the member lists and forms under ``node``.

        In a list they go before ``evidence_complete``; in a form into the group
        named ``lu_evidence``.
        """
        lists = node.xpath("self::list | .//list")
        for anchor in [
            a for lst in lists for a in lst.xpath("./field[@name='evidence_complete']")
        ]:
            container = anchor.getparent()
            index = container.index(anchor)
            mode = "embedded" if embedded else "list"
            for offset, field_node in enumerate(self._lu_evidence_nodes(mode)):
                container.insert(index + offset, field_node)
        for group in node.xpath(".//group[@name='lu_evidence']"):
            for field_node in self._lu_evidence_nodes("form"):
                group.append(field_node)

    # ------------------------------------------------------------------
    # the exception list's actions
    # ------------------------------------------------------------------
    def _lu_remind(self, to_file, to_prove=None):
        """Tell each of these members what they still miss, and only what they
        can do about it: ``to_file`` {member: [labels]} the documents they file
        in their record, ``to_prove`` {member: [labels]} the evidence only the
        officer records (the member can bring the proof)."""
        to_prove = to_prove or {}
        reminded = self.browse()
        for member in self:
            files, proofs = to_file.get(member), to_prove.get(member)
            if not (files or proofs) or not member.user_id:
                continue
            parts = []
            if files:
                parts.append(
                    self.env._(
                        "Your learning record of %(year)s still misses: "
                        "%(missing)s. Open “My Learning Record” to file it.",
                        year=member.period_id.year,
                        missing=", ".join(files),
                    )
                )
            if proofs:
                parts.append(
                    self.env._(
                        "Your unit officer still has to record for %(year)s: "
                        "%(missing)s. If you hold the proof, give it to them.",
                        year=member.period_id.year,
                        missing=", ".join(proofs),
                    )
                )
            member.message_post(
                body=" ".join(parts),
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
