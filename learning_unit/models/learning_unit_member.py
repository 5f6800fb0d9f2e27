# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A member of a unit in an assessment, with their evidence.

The evidence Booleans are made from the one declaration of the evidence kinds
(learning_unit/evidence.py); so are the member columns of the views
(:meth:`_lu_evidence_nodes`).
"""

from collections import defaultdict

from lxml import etree

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..evidence import COMPETENCY_FIELDS, EVIDENCE_FIELDS, EVIDENCE_KINDS
from ..states import EDITABLE_STATES

EVIDENCE_WRITE = frozenset(
    {*EVIDENCE_FIELDS, "competency_ids", "attachment_ids", "note", "dossier_item_ids"}
)


class LearningUnitMember(models.Model):
    _name = "learning.unit.member"
    _inherit = ["mail.thread", "learning.unit.lock.mixin"]
    _description = "Learning Unit Member Evidence"
    _order = "assessment_id, name, id"
    _mail_post_access = "read"

    _lu_write_access = {
        "officer": (EVIDENCE_WRITE, EDITABLE_STATES),
        "member": (EVIDENCE_WRITE, EDITABLE_STATES),
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
    department_id = fields.Many2one(
        related="employee_id.department_id", store=True, string="Department"
    )
    user_id = fields.Many2one(
        related="employee_id.user_id", store=True, index=True, string="User"
    )
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
    competency_ids = fields.Many2many(
        "learning.unit.competency",
        string="Competencies",
        compute="_compute_competency_ids",
        inverse="_inverse_competency_ids",
        help="The competencies of criterion 3a the member has (the toggles).",
    )
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

    @api.depends(*EVIDENCE_FIELDS, "assessment_id.template_id")
    def _compute_evidence_complete(self):
        for member, kinds in zip(self, self._counted_kinds(), strict=True):
            member.evidence_complete = all(member[name] for name in kinds if name)

    @api.depends(*EVIDENCE_FIELDS, "assessment_id.template_id")
    @api.depends_context("lang")
    def _compute_missing_evidence(self):
        labels = {
            name: self._fields[name]._description_string(self.env)
            for name in EVIDENCE_FIELDS
        }
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

    @api.model
    def _competencies_by_code(self):
        competencies = self.env["learning.unit.competency"].with_context(
            active_test=False
        )
        return {c.code: c for c in competencies.search([])}

    @api.depends(*COMPETENCY_FIELDS.values())
    def _compute_competency_ids(self):
        by_code = self._competencies_by_code()
        for member in self:
            member.competency_ids = [
                by_code[code].id
                for code, name in COMPETENCY_FIELDS.items()
                if member[name] and code in by_code
            ]

    @api.model
    def _lu_competencies_as_evidence(self, vals_list):
        """Give ``competency_ids`` of new members as their competency fields.

        Odoo inverses a non-stored field record by record at creation: one
        write per member. Well-formed commands (set, link, unlink, clear) are
        turned into the fields here, for the whole batch; anything else is
        left to the field (and to its checks).
        """
        given = [vals for vals in vals_list if "competency_ids" in vals]
        if not given:
            return
        code_of = {
            competency.id: competency.code
            for competency in self.env["learning.unit.competency"].search([])
        }
        for vals in given:
            ids = self._lu_command_ids(vals["competency_ids"])
            if ids is None or not ids <= code_of.keys():
                continue  # the field's own path and checks
            codes = {code_of[i] for i in ids}
            del vals["competency_ids"]
            for code, name in COMPETENCY_FIELDS.items():
                vals.setdefault(name, code in codes)

    @staticmethod
    def _lu_command_ids(commands):
        """The ids a new record's many2many holds after ``commands``, or None
        when they are not plain set, link, unlink or clear commands."""
        ids = set()
        for command in commands or ():
            if not isinstance(command, list | tuple) or not command:
                return None
            kind, rest = command[0], command[1:]
            if kind == 6 and len(rest) == 2 and isinstance(rest[1], list | tuple):
                ids = set(rest[1]) if all(isinstance(i, int) for i in rest[1]) else None
                if ids is None:
                    return None
            elif kind in (3, 4) and rest:
                (ids.discard if kind == 3 else ids.add)(rest[0])
            elif kind == 5:
                ids = set()
            else:
                return None
        if not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
            return None
        return ids

    def _inverse_competency_ids(self):
        # one write per distinct set of competencies, not one per member
        to_write = defaultdict(list)
        for member in self:
            codes = set(member.competency_ids.mapped("code"))
            values = {name: code in codes for code, name in COMPETENCY_FIELDS.items()}
            if any(member[name] != value for name, value in values.items()):
                to_write[tuple(values.items())].append(member.id)
        for values, ids in to_write.items():
            self.browse(ids).write(dict(values))

    # ------------------------------------------------------------------
    # ORM and access
    # ------------------------------------------------------------------
    def _lu_state(self):
        return self.assessment_id.state

    def _lu_locked_error(self, record):
        return record.assessment_id._lu_locked_error(record.assessment_id)

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
        # HR keeps the employees; who is in a unit is checked on its behalf
        Employee = self.env["hr.employee"].sudo().with_context(active_test=False)
        pairs = [(v.get("assessment_id"), v.get("employee_id")) for v in vals_list]
        employees = Employee.browse({e for _a, e in pairs if e}).exists()
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
        self._lu_competencies_as_evidence(vals_list)
        members = super().create(vals_list)
        members.assessment_id.line_ids._lu_track_scores()
        # the personal dossier is the structure the rules give
        members.sudo()._create_personal_dossier()
        return members

    @api.model
    def _lu_load(self, assessments):
        """One member per employee of the assessments' units (and sub-units)
        not yet listed; the unit's employees are read on its behalf (HR keeps
        them)."""
        assessments._lu_lock()
        assessments.check_access("write")
        locked = assessments.filtered(lambda a: a.state not in EDITABLE_STATES)
        if locked:
            raise locked._lu_locked_error(locked[0])
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("department_id", "child_of", assessments.department_id.ids),
                    ("company_id", "in", [*assessments.company_id.ids, False]),
                ],
                order="name, id",
            )
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
        self.assessment_id.line_ids._lu_track_scores()
        return super().write(vals)

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
    # views: one column per evidence kind, from the declaration
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
            attrs = {"name": kind.field, "widget": "boolean_toggle"}
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
