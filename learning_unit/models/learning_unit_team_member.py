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
    {"employee_id", "name", "job_title", "organisation", "role", "sequence"}
)


class LearningUnitTeamMember(models.Model):
    _name = "learning.unit.team.member"
    _description = "Learning Unit Evaluation Team Member"
    _inherit = ["learning.unit.lock.mixin"]
    _order = "team_id, sequence, id"

    _lu_write_access = {
        "reviewer": (MEMBER_FIELDS, ("inspection",)),
        "officer": (MEMBER_FIELDS, ("unit",)),
    }
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
        string="Employee",
        ondelete="set null",
        help="Leave empty for someone outside HR, and type the name.",
    )
    name = fields.Char(
        compute="_compute_from_employee", store=True, readonly=False, required=True
    )
    job_title = fields.Char(
        compute="_compute_from_employee", store=True, readonly=False
    )
    organisation = fields.Char(
        compute="_compute_from_employee",
        store=True,
        readonly=False,
        help="The office the member comes from, e.g. Phòng Nội vụ.",
    )
    role = fields.Selection(ROLES, required=True, default="member")

    @api.depends("employee_id")
    def _compute_from_employee(self):
        for member in self:
            # the name, title and office of a colleague are public in the agency
            employee = member.employee_id.sudo()
            if not employee:
                continue
            member.name = employee.name
            member.job_title = employee.job_title
            member.organisation = employee.department_id.name

    def _lu_state(self):
        return self.team_id.kind

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
