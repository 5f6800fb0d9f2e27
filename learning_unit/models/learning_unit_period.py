# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

# Days before the self-assessment deadline when unit officers get a reminder.
REMINDER_DAYS = 14


class LearningUnitPeriod(models.Model):
    _name = "learning.unit.period"
    _description = "Learning Unit Assessment Period"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, id desc"

    name = fields.Char(
        compute="_compute_name",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
        help="The year whose results are assessed.",
    )
    template_id = fields.Many2one(
        "learning.unit.template",
        string="Scoring Template",
        required=True,
        ondelete="restrict",
        default=lambda self: self._default_template(),
        tracking=True,
    )
    date_deadline_self = fields.Date(
        string="Self-assessment Deadline",
        compute="_compute_deadlines",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
        help="Units send their self-assessment report before this date "
        "(31/01 of the following year).",
    )
    date_deadline_report = fields.Date(
        string="Reporting Deadline",
        compute="_compute_deadlines",
        store=True,
        precompute=True,
        readonly=False,
        required=True,
        tracking=True,
        help="The reviewing level reports the results upward before this date "
        "(31/03 of the following year).",
    )
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    note = fields.Html()
    assessment_ids = fields.One2many("learning.unit.assessment", "period_id")
    assessment_count = fields.Integer(compute="_compute_progress")
    submitted_count = fields.Integer(
        compute="_compute_progress",
        help="Units that have sent their self-assessment (any later state).",
    )
    reviewed_count = fields.Integer(
        compute="_compute_progress",
        help="Units whose review is finished (reviewed or recognised).",
    )
    recognised_count = fields.Integer(compute="_compute_progress")
    late_count = fields.Integer(compute="_compute_progress")
    progress_submitted = fields.Float(compute="_compute_progress")
    progress_reviewed = fields.Float(compute="_compute_progress")
    progress_recognised = fields.Float(compute="_compute_progress")

    _sql_constraints = [
        (
            "year_company_unique",
            "UNIQUE(company_id, year)",
            "There is already an assessment period for this year.",
        ),
    ]

    @api.model
    def _default_template(self):
        template = self.env.ref("learning_unit.template_tt22", raise_if_not_found=False)
        return template or self.env["learning.unit.template"].search([], limit=1)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            company_id = vals.get("company_id") or self.env.company.id
            year = vals.get("year") or fields.Date.context_today(self).year
            if self.sudo().search_count(
                [("company_id", "=", company_id), ("year", "=", year)], limit=1
            ):
                raise ValidationError(
                    self.env._(
                        "There is already an assessment period for %(year)s.",
                        year=year,
                    )
                )
        return super().create(vals_list)

    @api.depends("year")
    def _compute_name(self):
        for period in self:
            period.name = self.env._(
                "Learning unit assessment %(year)s", year=period.year
            )

    @api.depends("year")
    def _compute_deadlines(self):
        for period in self:
            if not period.year or not 1900 < period.year < 9999:
                continue
            period.date_deadline_self = date(period.year + 1, 1, 31)
            period.date_deadline_report = date(period.year + 1, 3, 31)

    @api.constrains("year", "date_deadline_self", "date_deadline_report")
    def _check_dates(self):
        for period in self:
            if not 2000 <= period.year <= 2100:
                raise ValidationError(
                    self.env._(
                        "The year must be between 2000 and 2100, not %(year)s.",
                        year=period.year,
                    )
                )
            if period.date_deadline_self > period.date_deadline_report:
                raise ValidationError(
                    self.env._(
                        "The self-assessment deadline must not be after the "
                        "reporting deadline."
                    )
                )

    @api.depends("assessment_ids.state", "assessment_ids.is_late")
    def _compute_progress(self):
        groups = self.env["learning.unit.assessment"]._read_group(
            [("period_id", "in", self.ids)],
            ["period_id", "state", "is_late"],
            ["__count"],
        )
        counts = {}
        for period, state, is_late, count in groups:
            by_state = counts.setdefault(period.id, {"late": 0})
            by_state[state] = by_state.get(state, 0) + count
            if is_late:
                by_state["late"] += count
        for period in self:
            by_state = counts.get(period.id, {"late": 0})
            total = sum(v for k, v in by_state.items() if k != "late")
            recognised = by_state.get("recognised", 0)
            reviewed = by_state.get("reviewed", 0) + recognised
            submitted = (
                reviewed + by_state.get("submitted", 0) + by_state.get("in_review", 0)
            )
            period.assessment_count = total
            period.submitted_count = submitted
            period.reviewed_count = reviewed
            period.recognised_count = recognised
            period.late_count = by_state["late"]
            period.progress_submitted = 100.0 * submitted / total if total else 0.0
            period.progress_reviewed = 100.0 * reviewed / total if total else 0.0
            period.progress_recognised = 100.0 * recognised / total if total else 0.0

    def write(self, vals):
        if "template_id" in vals:
            used = self.filtered(
                lambda p: p.assessment_ids and p.template_id.id != vals["template_id"]
            )
            if used:
                raise UserError(
                    self.env._(
                        "The scoring template of a period cannot change once "
                        "units have assessments in it."
                    )
                )
        return super().write(vals)

    def action_close(self):
        self.write({"state": "closed"})
        return True

    def action_reopen(self):
        self.write({"state": "open"})
        return True

    def action_view_assessments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "learning_unit.action_learning_unit_assessment"
        )
        action["domain"] = [("period_id", "=", self.id)]
        action["context"] = {"default_period_id": self.id}
        return action

    @api.model
    def _cron_remind_deadline(self):
        """Remind unit officers of assessments not yet sent before the deadline."""
        today = fields.Date.context_today(self)
        periods = self.search([("state", "=", "open")])
        soon = periods.filtered(
            lambda p: 0 <= (p.date_deadline_self - today).days <= REMINDER_DAYS
        )
        assessments = self.env["learning.unit.assessment"].search(
            [
                ("period_id", "in", soon.ids),
                ("state", "in", ("draft", "returned")),
            ]
        )
        assessments._schedule_deadline_reminder()
        return True
