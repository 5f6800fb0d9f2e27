# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError

from .learning_unit_assessment import (
    GROUP_MEMBER,
    GROUP_OFFICER,
    lu_check_access,
    lu_has_role,
)
from .learning_unit_criterion import (
    COMPETENCY_CODES,
    COMPETENCY_FIELDS,
    EVIDENCE_FIELDS,
)


# The eight competencies of a "Công dân học tập" (criterion 3a): one Boolean
# per competency on the member row is the record of truth; competency_ids is
# derived from them (and writing it sets them).
def _competency_toggle(code):
    return fields.Boolean(
        string=code,
        # the code is the column title in every language
        export_string_translation=False,
        help="The member has this learning citizen competency (criterion 3a).",
    )


class LearningUnitMember(models.Model):
    _name = "learning.unit.member"
    _description = "Learning Unit Member Evidence"
    _order = "assessment_id, name, id"

    # What a member may change on their own row while the unit prepares.
    _evidence_fields = frozenset(
        {
            "plan_approved",
            "discipline_ok",
            "training_done",
            "advanced_worker",
            "competency_ids",
            "attachment_ids",
            "note",
            *COMPETENCY_FIELDS.values(),
        }
    )

    assessment_id = fields.Many2one(
        "learning.unit.assessment",
        required=True,
        ondelete="cascade",
        index=True,
    )
    employee_id = fields.Many2one(
        "hr.employee",
        required=True,
        ondelete="restrict",
        index=True,
    )
    name = fields.Char(related="employee_id.name", store=True)
    job_title = fields.Char(related="employee_id.job_title", store=True)
    department_id = fields.Many2one(
        related="employee_id.department_id",
        store=True,
        string="Department",
    )
    user_id = fields.Many2one(
        related="employee_id.user_id", store=True, index=True, string="User"
    )
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, index=True
    )
    state = fields.Selection(related="assessment_id.state")
    plan_approved = fields.Boolean(
        string="Self-study Plan",
        help="Has a yearly self-study plan approved by the head of the unit.",
    )
    discipline_ok = fields.Boolean(
        string="Discipline",
        help="Observes labour discipline and the unit's rules; cooperates.",
    )
    training_done = fields.Boolean(
        string="Mandatory Training",
        help="Completed the mandatory training required by the State.",
    )
    advanced_worker = fields.Boolean(
        help="Holds the title 'Lao động tiên tiến' (Advanced Worker) or higher.",
    )
    competency_ids = fields.Many2many(
        "learning.unit.competency",
        "learning_unit_member_competency_rel",
        "member_id",
        "competency_id",
        string="Competencies",
        compute="_compute_competency_ids",
        inverse="_inverse_competency_ids",
        store=True,
        readonly=False,
    )
    competency_3a1 = _competency_toggle("3a1")
    competency_3a2 = _competency_toggle("3a2")
    competency_3a3 = _competency_toggle("3a3")
    competency_3a4 = _competency_toggle("3a4")
    competency_3a5 = _competency_toggle("3a5")
    competency_3a6 = _competency_toggle("3a6")
    competency_3a7 = _competency_toggle("3a7")
    competency_3a8 = _competency_toggle("3a8")
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
        help="All four kinds of evidence and every competency are recorded.",
    )
    missing_evidence = fields.Char(compute="_compute_missing_evidence")
    dossier_item_ids = fields.One2many(
        "learning.unit.dossier.item", "member_id", string="Personal Dossier"
    )

    _sql_constraints = [
        (
            "assessment_employee_unique",
            "UNIQUE(assessment_id, employee_id)",
            "An employee is listed once per assessment.",
        ),
    ]

    @api.depends(*EVIDENCE_FIELDS, *COMPETENCY_FIELDS.values())
    def _compute_evidence_complete(self):
        for member, missing in zip(self, self._missing_evidence(), strict=False):
            member.evidence_complete = not missing

    @api.depends(*EVIDENCE_FIELDS, *COMPETENCY_FIELDS.values())
    @api.depends_context("lang")
    def _compute_missing_evidence(self):
        for member, missing in zip(self, self._missing_evidence(), strict=False):
            member.missing_evidence = "; ".join(missing)

    def _missing_evidence(self):
        """For each member, the labels of the evidence it lacks."""
        labels = {
            name: self._fields[name]._description_string(self.env)
            for name in EVIDENCE_FIELDS
        }
        result = []
        for member in self:
            missing = [label for name, label in labels.items() if not member[name]]
            lacking = [
                code for code, fname in COMPETENCY_FIELDS.items() if not member[fname]
            ]
            if lacking:
                missing.append(", ".join(lacking))
            result.append(missing)
        return result

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
                Command.set(
                    [
                        by_code[code].id
                        for code, fname in COMPETENCY_FIELDS.items()
                        if member[fname] and code in by_code
                    ]
                )
            ]

    def _inverse_competency_ids(self):
        # one write per distinct set of competencies, not one per member
        to_write = defaultdict(list)
        for member in self:
            codes = set(member.competency_ids.mapped("code"))
            values = tuple(code in codes for code in COMPETENCY_CODES)
            if any(
                member[fname] != value
                for fname, value in zip(COMPETENCY_FIELDS.values(), values, strict=True)
            ):
                to_write[values].append(member.id)
        for values, ids in to_write.items():
            self.browse(ids).write(
                dict(zip(COMPETENCY_FIELDS.values(), values, strict=True))
            )

    # ------------------------------------------------------------------
    # access
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not lu_has_role(self.env, GROUP_OFFICER):
            raise AccessError(self.env._("Only the unit officer can add members."))
        if not self.env.su:
            assessment_ids = {vals.get("assessment_id") for vals in vals_list}
            assessments = self.env["learning.unit.assessment"].browse(
                [i for i in assessment_ids if i]
            )
            lu_check_access(assessments, "write")
            assessments._check_editable()
        members = super().create(vals_list)
        members.sudo()._create_personal_dossier()
        return members

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
                for doc_type in doc_types
            ]
        )

    def write(self, vals):
        if not self.env.su:
            self._check_can_write(set(vals))
        with self.assessment_id.line_ids._tracking_scores():
            return super().write(vals)

    def _check_can_write(self, field_names):
        other = field_names - self._evidence_fields
        is_officer = lu_has_role(self.env, GROUP_OFFICER)
        if other and not is_officer:
            raise AccessError(
                self.env._("Only the unit officer can change who is a member.")
            )
        if not is_officer:
            if not self.env.user.has_group(GROUP_MEMBER):
                raise AccessError(self.env._("You cannot change member evidence."))
            others = self.filtered(lambda m: m.user_id != self.env.user)
            if others:
                raise AccessError(self.env._("You can only change your own evidence."))
        if "assessment_id" in field_names:
            raise AccessError(
                self.env._("A member row cannot move to another assessment.")
            )
        self.assessment_id._check_editable()

    @api.ondelete(at_uninstall=False)
    def _unlink_while_preparing(self):
        if self.env.su:
            return
        if not lu_has_role(self.env, GROUP_OFFICER):
            raise AccessError(self.env._("Only the unit officer can remove members."))
        self.assessment_id._check_editable()
