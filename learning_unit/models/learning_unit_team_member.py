# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

ROLES = [
    ("head", "Head"),
    ("deputy", "Deputy Head"),
    ("secretary", "Secretary"),
    ("member", "Member"),
]
# the same roles in a unit's evaluation team (Tổ trưởng, Tổ phó)
UNIT_ROLES = [
    ("head", "Team Leader"),
    ("deputy", "Deputy Team Leader"),
    ("secretary", "Secretary"),
    ("member", "Member"),
]
# as the minutes print them
ROLE_WORDS = {
    "head": "Trưởng đoàn",
    "deputy": "Phó trưởng đoàn",
    "secretary": "Thư ký",
    "member": "Thành viên",
}
UNIT_ROLE_WORDS = {
    "head": "Tổ trưởng",
    "deputy": "Tổ phó",
    "secretary": "Thư ký",
    "member": "Thành viên",
}
MEMBER_FIELDS = frozenset(
    {
        "employee_id",
        "name",
        "job_title",
        "organisation",
        "role",
        "unit_role",
        "sequence",
    }
)


def _from_employee(**attributes):
    """A text filled in from the employee when the member is created
    (precompute), so that an employee alone names the member; typed otherwise."""
    return fields.Char(
        compute="_compute_from_employee",
        store=True,
        readonly=False,
        precompute=True,
        **attributes,
    )


class LearningUnitTeamMember(models.Model):
    _name = "learning.unit.team.member"
    _description = "Learning Unit Evaluation Team Member"
    _inherit = ["learning.unit.lock.mixin"]
    _order = "team_id, sequence, id"

    # the kind of team each role composes: record rules (security)
    _lu_write_access = {"reviewer": MEMBER_FIELDS, "officer": MEMBER_FIELDS}
    _lu_create_fields = {
        "reviewer": MEMBER_FIELDS | {"team_id"},
        "officer": MEMBER_FIELDS | {"team_id"},
    }

    team_id = fields.Many2one(
        "learning.unit.team", required=True, ondelete="cascade", index=True
    )
    company_id = fields.Many2one(related="team_id.company_id", store=True)
    sequence = fields.Integer(default=10)
    employee_id = fields.Many2one(
        "hr.employee",
        ondelete="set null",
        help="Leave empty for someone outside HR, and type the name.",
    )
    name = _from_employee(required=True)
    job_title = _from_employee()
    organisation = _from_employee(
        help="The office the member comes from, e.g. Phòng Nội vụ."
    )
    role = fields.Selection(ROLES, required=True, default="member")
    unit_role = fields.Selection(
        UNIT_ROLES,
        string="Role in the Unit Team",
        compute="_compute_unit_role",
        inverse="_inverse_unit_role",
        help="The role, in the words of a unit's evaluation team.",
    )

    @api.depends("employee_id")
    def _compute_from_employee(self):
        for member in self:
            if not member.employee_id:
                continue
            # an employee the team may not take is refused before anything of
            # them is read (the onchange of the form included)
            member._lu_check_employee()
            # what a colleague may read of them: their public profile
            employee = self.env["hr.employee.public"].browse(member.employee_id.id)
            member.name = employee.name
            member.job_title = employee.job_title
            member.organisation = employee.department_id.name

    @api.depends("role")
    def _compute_unit_role(self):
        for member in self:
            member.unit_role = member.role

    def _inverse_unit_role(self):
        for member in self:
            member.role = member.unit_role or "member"

    @api.constrains("employee_id", "team_id")
    def _check_employee(self):
        for member in self:
            member._lu_check_employee()

    def _lu_check_employee(self):
        """A member's employee is of the team's company and, for a unit's
        evaluation team, of the unit or its sub-units: one whose public profile
        the user may read. The refusal names the team only.
        """
        self.ensure_one()
        team = self.team_id
        if not (self.employee_id and team):
            return
        employee = self.env["hr.employee.public"].browse(self.employee_id.id)
        employee = employee._filtered_access("read")
        inside = employee and employee.company_id == team.company_id
        if inside and team.kind == "unit":
            path = (employee.department_id.parent_path or "").split("/")
            inside = str(team.department_id.id) in path
        if not inside:
            raise self._lu_employee_error()

    def _lu_employee_error(self):
        team = self.team_id
        if team.kind == "unit":
            return ValidationError(
                self.env._(
                    "Only employees of %(unit)s and its sub-units can be members "
                    "of its evaluation team.",
                    unit=team.department_id.name,
                )
            )
        return ValidationError(
            self.env._(
                "Only employees of %(company)s can be members of its inspection "
                "teams.",
                company=team.company_id.name,
            )
        )

    @api.constrains("role", "team_id")
    def _check_one_head(self):
        for team in self.team_id:
            if len(team.member_ids.filtered(lambda m: m.role == "head")) > 1:
                raise ValidationError(
                    self.env._("%(team)s has one head only.", team=team.name)
                )

    def _lu_role_words(self):
        self.ensure_one()
        words = UNIT_ROLE_WORDS if self.team_id.kind == "unit" else ROLE_WORDS
        return words.get(self.role, "")
