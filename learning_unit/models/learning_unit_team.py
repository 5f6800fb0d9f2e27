# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Evaluation teams: the reviewing level's inspection teams (đoàn kiểm tra)
and a unit's own evaluation team under Thông tư 24 (Tổ đánh giá).

An inspection team of a period visits the units it lists on its day and
writes one set of minutes (biên bản kiểm tra) per unit. A unit's evaluation
team is set up by the head of the unit and signs the unit's self-assessment
documents. Members come from HR or are typed (a member of another office).
"""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

TEAM_KINDS = [
    ("inspection", "Inspection Team (reviewing level)"),
    ("unit", "Unit Evaluation Team (Thông tư 24)"),
]
TEAM_FIELDS = frozenset(
    {
        "name",
        "body_id",
        "department_id",
        "date",
        "location",
        "founding_reference",
        "member_ids",
        "assessment_ids",
        "note",
        "active",
    }
)
CREATE_FIELDS = TEAM_FIELDS | {"period_id", "kind"}


class LearningUnitTeam(models.Model):
    _name = "learning.unit.team"
    _description = "Learning Unit Evaluation Team"
    _inherit = [
        "mail.thread",
        "learning.unit.lock.mixin",
        "learning.unit.period.mixin",
    ]
    _order = "period_id desc, kind, name, id"
    _check_company_auto = True

    # the kind of team each role sets up: record rules (security)
    _lu_write_access = {
        "reviewer": TEAM_FIELDS,
        "officer": TEAM_FIELDS - {"assessment_ids"},
    }
    _lu_create_fields = {"reviewer": CREATE_FIELDS, "officer": CREATE_FIELDS}

    name = fields.Char(required=True, tracking=True)
    kind = fields.Selection(TEAM_KINDS, required=True, default="inspection")
    scheme = fields.Selection(related="period_id.rules_id.scheme")
    active = fields.Boolean(default=True)
    body_id = fields.Many2one(
        "learning.unit.body",
        string="Set Up By",
        ondelete="restrict",
        help="The body whose decision sets up the team.",
    )
    department_id = fields.Many2one(
        help="An inspection team visits units of this department; a unit's "
        "evaluation team belongs to this unit.",
    )
    date = fields.Date(string="Day", tracking=True)
    location = fields.Char()
    founding_reference = fields.Char(
        string="Set Up By Decision",
        help="Number and date of the decision setting up the team.",
    )
    member_ids = fields.One2many(
        "learning.unit.team.member", "team_id", string="Members", copy=True
    )
    head_id = fields.Many2one("learning.unit.team.member", compute="_compute_head")
    assessment_ids = fields.Many2many(
        "learning.unit.assessment",
        "learning_unit_team_assessment_rel",
        "team_id",
        "assessment_id",
        string="Units Inspected",
        check_company=True,
    )
    unit_count = fields.Integer(compute="_compute_counts")
    minutes_ids = fields.One2many("learning.unit.minutes", "team_id")
    minutes_count = fields.Integer(compute="_compute_counts")
    note = fields.Text()

    @api.model
    def default_get(self, fields_list):
        """A team created from the menu: the kind of team the user sets up (a
        reviewer the inspection team, an officer the unit's own), the current
        open period (``_lu_current``), the user's scope, and for an inspection
        team the period's reviewing body."""
        defaults = super().default_get(fields_list)
        context = self.env.context
        roles = self._lu_roles()
        if "kind" in fields_list and "default_kind" not in context:
            if "reviewer" in roles:
                defaults["kind"] = "inspection"
            elif "officer" in roles:
                defaults["kind"] = "unit"
        kind = defaults.get("kind", context.get("default_kind"))
        if "period_id" in fields_list and not defaults.get("period_id"):
            period = self.env["learning.unit.period"]._lu_current()
            if period:
                defaults["period_id"] = period.id
        if "department_id" in fields_list and not defaults.get("department_id"):
            roots = self.env["hr.department"]._lu_scope_roots(
                "review" if kind == "inspection" else "prepare"
            )
            if roots:
                defaults["department_id"] = roots[0]
        period_id = defaults.get("period_id")
        if (
            "body_id" in fields_list
            and not defaults.get("body_id")
            and kind == "inspection"
            and period_id
        ):
            body = self.env["learning.unit.period"].browse(period_id).body_id
            if body:
                defaults["body_id"] = body.id
        return defaults

    @api.depends("member_ids.role", "member_ids.sequence")
    def _compute_head(self):
        for team in self:
            heads = team.member_ids.filtered(lambda m: m.role == "head")
            team.head_id = heads[:1]

    @api.depends("assessment_ids", "minutes_ids")
    def _compute_counts(self):
        for team in self:
            team.unit_count = len(team.assessment_ids)
            team.minutes_count = len(team.minutes_ids)

    @api.constrains("assessment_ids", "period_id", "department_id", "kind")
    def _check_units(self):
        for team in self:
            if team.kind != "inspection" and team.assessment_ids:
                raise ValidationError(
                    self.env._("Only an inspection team inspects units.")
                )
            wrong = team.assessment_ids.filtered(
                lambda a, t=team: a.period_id != t.period_id
                or t.department_id.id
                not in [
                    int(i) for i in (a.department_id.parent_path or "").split("/") if i
                ]
            )
            if wrong:
                raise ValidationError(
                    self.env._(
                        "%(units)s: not a unit of %(scope)s in %(period)s.",
                        units=", ".join(wrong.mapped("name")),
                        scope=team.department_id.name,
                        period=team.period_id.display_name,
                    )
                )

    @api.constrains("department_id", "period_id", "kind")
    def _check_member_employees(self):
        # a team moved to another unit or company keeps only members it may have
        self.member_ids._check_employee()

    def action_new_minutes(self):
        """One draft minutes record per unit inspected that has none yet."""
        self.ensure_one()
        if self.kind != "inspection":
            raise UserError(self.env._("Only an inspection team writes minutes."))
        done = self.minutes_ids.assessment_id
        self.env["learning.unit.minutes"].create(
            [
                {"team_id": self.id, "assessment_id": assessment.id}
                for assessment in self.assessment_ids - done
            ]
        )
        return self.action_view_minutes()

    def action_view_minutes(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Minutes"),
            "res_model": "learning.unit.minutes",
            "view_mode": "list,form",
            "domain": [("team_id", "=", self.id)],
            "context": {"default_team_id": self.id},
        }
