# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The minutes of an inspection (biên bản kiểm tra), one per unit inspected.

They record who was there, what the team found and the review result agreed
with the unit; once signed they no longer change, and the result agreed is
kept as it was on that day. The reviewing level signs them (the workflow
mixin runs ``_lu_transitions``).
"""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..states import DRAFT_STATES, MINUTES_STATES
from ..vn_format import LEVEL_WORDS, RANK_WORDS, level_2_wait_words, vn_number
from .learning_unit_official_mixin import reviewer_act
from .learning_unit_signed_scan_mixin import SIGNED_SCAN_FIELDS
from .learning_unit_workflow_mixin import StateFlag

# the refusals of the workflow are declared with its table, before any
# environment exists: lazy translations, rendered in the user's language
# pylint: disable=prefer-env-translation
_lt = LazyTranslate(__name__)

MINUTES_FIELDS = frozenset(
    {
        "date",
        "time_start",
        "time_end",
        "location",
        "unit_representative",
        "unit_representative_title",
        "unit_attendees",
        "findings",
        "strengths",
        "weaknesses",
        "recommendations",
    }
)


class LearningUnitMinutes(models.Model):
    _name = "learning.unit.minutes"
    _description = "Learning Unit Inspection Minutes"
    _inherit = [
        "mail.thread",
        "learning.unit.workflow.mixin",
        "learning.unit.signed.scan.mixin",
    ]
    _order = "date desc, id desc"
    _check_company_auto = True

    _lu_transitions = {"signed": reviewer_act(_lt("Only the inspection team signs."))}
    _lu_state_flags = {"lu_editable": DRAFT_STATES}
    # the minutes' fields until signed, their signed copy once signed (the
    # rules let the reviewers of the team's scope write them in both states)
    _lu_write_access = {
        "reviewer": [(MINUTES_FIELDS, DRAFT_STATES), (SIGNED_SCAN_FIELDS, ("signed",))]
    }
    _lu_create_fields = {"reviewer": MINUTES_FIELDS | {"team_id", "assessment_id"}}

    name = fields.Char(compute="_compute_name", store=True)
    team_id = fields.Many2one(
        "learning.unit.team",
        required=True,
        ondelete="restrict",
        index=True,
        domain="[('kind', '=', 'inspection')]",
    )
    assessment_id = fields.Many2one(
        "learning.unit.assessment",
        string="Unit Inspected",
        required=True,
        ondelete="restrict",
        index=True,
        domain="[('id', 'in', allowed_assessment_ids)]",
    )
    allowed_assessment_ids = fields.Many2many(
        related="team_id.assessment_ids", string="Units of the Team"
    )
    department_id = fields.Many2one(
        related="assessment_id.department_id", store=True, string="Unit"
    )
    period_id = fields.Many2one(related="team_id.period_id", store=True)
    company_id = fields.Many2one(related="team_id.company_id", store=True)
    scheme = fields.Selection(related="assessment_id.scheme")
    state = fields.Selection(
        MINUTES_STATES, default="draft", required=True, readonly=True, tracking=True
    )
    lu_editable = StateFlag("Editable")
    date = fields.Date()
    time_start = fields.Char(
        string="From", default="08 giờ 00", help="As printed: 08 giờ 00."
    )
    time_end = fields.Char(string="To", default="11 giờ 00")
    location = fields.Char()
    unit_representative = fields.Char()
    unit_representative_title = fields.Char(
        default="Thủ trưởng đơn vị", string="Representative's Title"
    )
    unit_attendees = fields.Text(
        string="Other Attendees of the Unit", help="One per line."
    )
    findings = fields.Text(help="What the team checked and found.")
    strengths = fields.Text()
    weaknesses = fields.Text()
    recommendations = fields.Text()
    current_result = fields.Char(
        compute="_compute_current_result",
        string="Review Result",
        help="The review result of the unit as it stands.",
    )
    agreed_result = fields.Char(
        readonly=True,
        copy=False,
        help="The review result agreed, as it was when the minutes were signed.",
    )
    signed_on = fields.Datetime(readonly=True, copy=False)

    _sql_constraints = [
        (
            "team_assessment_unique",
            "UNIQUE(team_id, assessment_id)",
            "The team already has minutes for this unit.",
        ),
    ]

    @api.model
    def default_get(self, fields_list):
        """Minutes written from the menu: the inspection team of the current
        period when there is one only."""
        defaults = super().default_get(fields_list)
        if "team_id" in fields_list and not defaults.get("team_id"):
            period = self.env["learning.unit.period"]._lu_current()
            teams = self.env["learning.unit.team"].search(
                [("kind", "=", "inspection"), ("period_id", "=", period.id)], limit=2
            )
            if period and len(teams) == 1:
                defaults["team_id"] = teams.id
        return defaults

    @api.onchange("team_id")
    def _onchange_team_id(self):
        """The first unit of the team without minutes yet."""
        if self.assessment_id in self.team_id.assessment_ids:
            return
        done = self.team_id.minutes_ids.assessment_id
        self.assessment_id = (self.team_id.assessment_ids - done)[:1]

    @api.depends("assessment_id.name", "team_id.name")
    def _compute_name(self):
        for minutes in self:
            minutes.name = (
                f"{minutes.team_id.name or ''} – {minutes.assessment_id.name or ''}"
            )

    @api.model
    def _lu_complete_create(self, vals_list):
        teams = self.env["learning.unit.team"].browse(
            {vals.get("team_id") for vals in vals_list if vals.get("team_id")}
        )
        assessments = self.env["learning.unit.assessment"].browse(
            {
                vals.get("assessment_id")
                for vals in vals_list
                if vals.get("assessment_id")
            }
        )
        teams = {team.id: team for team in teams}
        heads = {a.id: a.head_name for a in assessments}
        for vals in vals_list:
            team = teams.get(vals.get("team_id"))
            if team:
                vals.setdefault("date", team.date)
                vals.setdefault("location", team.location)
            vals.setdefault("unit_representative", heads.get(vals.get("assessment_id")))
        return vals_list

    @api.depends(
        "assessment_id.review_complete",
        "assessment_id.review_total",
        "assessment_id.review_rank",
        "assessment_id.review_level",
    )
    def _compute_current_result(self):
        for minutes in self:
            minutes.current_result = minutes._lu_result_text()

    def _lu_result_text(self):
        self.ensure_one()
        assessment = self.assessment_id
        if not assessment.review_complete:
            return False
        if assessment.scheme == "levels":
            words = LEVEL_WORDS.get(assessment.review_level or "")
            lowered = self._lu_lowered_text()
            return f"{words} ({lowered})" if lowered else words
        return (
            f"{vn_number(assessment.review_total)} điểm, xếp loại "
            f"{RANK_WORDS.get(assessment.review_rank, '')}"
        )

    def _lu_lowered_text(self):
        """ "công nhận Mức độ 1: chưa đủ 01 năm …" when the unit reviewed at
        level 2 is (or can only be) recognised at level 1, else ""."""
        self.ensure_one()
        assessment = self.assessment_id
        if assessment.scheme != "levels" or not assessment.review_complete:
            return ""
        if assessment.recognition_id:
            granted = assessment.recognised_level
        else:
            granted = self.env["learning.unit.recognition"]._lu_granted(
                assessment, assessment.decision_date or self.date
            )[0]
        if not granted or granted == assessment.review_level:
            return ""
        years = assessment.template_id.level_2_wait_years
        return f"công nhận {LEVEL_WORDS[granted]}: {level_2_wait_words(years)}"

    @api.constrains("team_id", "assessment_id")
    def _check_unit_of_the_team(self):
        for minutes in self:
            if minutes.assessment_id not in minutes.team_id.assessment_ids:
                raise ValidationError(
                    self.env._(
                        "%(unit)s is not a unit %(team)s inspects.",
                        unit=minutes.assessment_id.name,
                        team=minutes.team_id.name,
                    )
                )

    def _lu_is_locked(self):
        return self.state not in DRAFT_STATES

    def _lu_locked_error(self, record):
        return UserError(
            self.env._(
                "The minutes %(minutes)s are signed and can no longer be changed.",
                minutes=record.display_name,
            )
        )

    def _lu_before_signed(self, vals):
        incomplete = self.filtered(lambda m: not m.assessment_id.review_complete)
        if incomplete:
            raise ValidationError(
                self.env._(
                    "Confirm every review result of %(units)s before signing "
                    "the minutes.",
                    units=", ".join(incomplete.mapped("assessment_id.name")),
                )
            )

    def _lu_values_signed(self, vals):
        return {"agreed_result": self._lu_result_text()}

    def action_sign(self):
        """The minutes are signed: they and the result agreed no longer change."""
        return self.write({"state": "signed"})

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(minutes.state != "draft" for minutes in self):
            raise UserError(self.env._("Signed minutes are never deleted."))
