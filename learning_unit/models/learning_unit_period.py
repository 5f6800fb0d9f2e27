# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..states import ACTIVITY_SUBMIT, EDITABLE_STATES, PERIOD_STATES

# Days before the self-assessment deadline when unit officers get a reminder.
REMINDER_DAYS = 14
PERIOD_FIELDS = frozenset(
    {
        "year",
        "template_id",
        "date_deadline_self",
        "date_deadline_report",
        "state",
        "company_id",
        "note",
        "active",
        "rules_id",
        # printing: the reviewing body and the plan the annexes cite
        "body_id",
        "plan_number",
        "plan_date",
        "plan_body_id",
    }
)
# a deadline: the rule set's day of the next year, which the administrator may change
DEADLINE = {
    "compute": "_compute_deadlines",
    "store": True,
    "precompute": True,
    "readonly": False,
    "required": True,
    "tracking": True,
}


class LearningUnitPeriod(models.Model):
    _name = "learning.unit.period"
    _inherit = ["mail.thread", "mail.activity.mixin", "learning.unit.lock.mixin"]
    _description = "Learning Unit Evaluation Period"
    _order = "year desc, id desc"
    _rec_names_search = ["year"]

    _lu_write_access = {"admin": (PERIOD_FIELDS, None)}
    _lu_create_fields = {"admin": PERIOD_FIELDS}

    name = fields.Char(
        compute="_compute_name",
        search="_search_name",
        help="The evaluation year, in the reader's language.",
    )
    year = fields.Integer(
        required=True,
        default=lambda self: fields.Date.context_today(self).year,
        tracking=True,
        help="The year whose results are evaluated.",
    )
    template_id = fields.Many2one(
        "learning.unit.template",
        string="Rule Set",
        required=True,
        ondelete="restrict",
        tracking=True,
        domain="[('snapshot_of_id', '=', False)]",
        help="By default the active rule set whose years cover the period's "
        "year: Thông tư 22/2020 up to 2023, Thông tư 24/2023 from 2024.",
    )
    rules_id = fields.Many2one(
        "learning.unit.template",
        string="Rules in Force",
        readonly=True,
        ondelete="restrict",
        copy=False,
        help="The frozen copy of the rule set the period's assessments are "
        "scored with, taken when the period opened.",
    )
    scheme = fields.Selection(related="template_id.scheme")
    date_deadline_self = fields.Date(
        "Self-assessment Deadline",
        help="Units send their self-assessment before this date.",
        **DEADLINE,
    )
    date_deadline_report = fields.Date(
        "Recognition Deadline",
        help="The reviewing level recognises and reports upward before this date.",
        **DEADLINE,
    )
    state = fields.Selection(
        PERIOD_STATES,
        default="open",
        required=True,
        tracking=True,
        index=True,
    )
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
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
    rules_outdated = fields.Boolean(
        compute="_compute_rules_outdated",
        help="The rule set was edited after this period took its rules.",
    )

    _sql_constraints = [
        (
            "year_company_unique",
            "UNIQUE(company_id, year)",
            "There is already an evaluation period for this year.",
        ),
    ]

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends("year")
    @api.depends_context("lang")
    def _compute_name(self):
        for period in self:
            period.name = self.env._("Learning units %(year)s", year=period.year or "")

    def _search_name(self, operator, value):
        if operator not in ("=", "ilike", "like", "=ilike", "=like") or not isinstance(
            value, str
        ):
            return [("id", "=", 0)] if operator in ("=", "ilike") else []
        years = [int(y) for y in re.findall(r"\d{4}", value)]
        if not value.strip():
            return []
        return [("year", "in", years)] if years else [("id", "=", 0)]

    @api.onchange("year")
    def _onchange_year(self):
        if self.year and 2000 <= self.year <= 2100 and not self.assessment_ids:
            template = self.env["learning.unit.template"]._for_year(self.year)
            self.template_id = template or self.template_id

    @api.depends("year", "template_id")
    def _compute_deadlines(self):
        for period in self:
            template = period.template_id
            if not period.year or not 2000 <= period.year <= 2100 or not template:
                continue
            period.date_deadline_self = date(
                period.year + 1,
                template.deadline_self_month,
                template.deadline_self_day,
            )
            period.date_deadline_report = date(
                period.year + 1,
                template.deadline_report_month,
                template.deadline_report_day,
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

    @api.depends(
        "rules_id",
        "template_id",
        "template_id.write_date",
        "template_id.criterion_ids.write_date",
    )
    def _compute_rules_outdated(self):
        for period in self:
            period.rules_outdated = bool(
                period.rules_id
                and period.template_id
                and period.rules_id._lu_signature()
                != period.template_id._lu_signature()
            )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.model
    def _lu_complete_create(self, vals_list):
        Template = self.env["learning.unit.template"]
        for vals in vals_list:
            company_id = vals.get("company_id") or self.env.company.id
            year = vals.get("year") or fields.Date.context_today(self).year
            self._check_year_value(year)
            if self.with_context(active_test=False).search_count(
                [("company_id", "=", company_id), ("year", "=", year)], limit=1
            ):
                raise ValidationError(
                    self.env._(
                        "There is already an evaluation period for %(year)s.",
                        year=year,
                    )
                )
            template = Template.browse(vals.get("template_id")) or Template._for_year(
                year
            )
            if not template:
                raise ValidationError(
                    self.env._(
                        "No rule set applies to %(year)s: choose one.", year=year
                    )
                )
            # the period owns a frozen copy of its rules from the start
            vals.update(template_id=template.id, rules_id=template._snapshot().id)
        return vals_list

    def _lu_complete_write(self, vals):
        if "year" in vals:
            self._check_year_value(vals["year"])
        changed = self.filtered(
            lambda p: ("year" in vals and p.year != vals["year"])
            or ("template_id" in vals and p.template_id.id != vals["template_id"])
        )
        if changed.filtered("assessment_ids"):
            raise UserError(
                self.env._(
                    "The year and the rule set of %(period)s cannot change: units "
                    "already have assessments in it.",
                    period=changed.filtered("assessment_ids")[0].display_name,
                )
            )
        if "template_id" in vals and changed:
            template = self.env["learning.unit.template"].browse(vals["template_id"])
            vals["rules_id"] = template._snapshot().id
        return vals

    @api.model
    def _check_year_value(self, year):
        if (
            isinstance(year, bool)
            or not isinstance(year, int)
            or not (2000 <= year <= 2100)
        ):
            raise ValidationError(
                self.env._(
                    "The year must be between 2000 and 2100, not %(year)s.",
                    year=str(year)[:12],
                )
            )

    @api.constrains("rules_id", "template_id")
    def _check_rules(self):
        for period in self:
            if period.rules_id and period.rules_id.snapshot_of_id != period.template_id:
                raise ValidationError(
                    self.env._(
                        "The rules in force of %(period)s must be a copy of its "
                        "rule set.",
                        period=period.display_name,
                    )
                )

    @api.constrains("year", "date_deadline_self", "date_deadline_report")
    def _check_dates(self):
        for period in self:
            self._check_year_value(period.year)
            if period.date_deadline_self > period.date_deadline_report:
                raise ValidationError(
                    self.env._(
                        "The self-assessment deadline must not be after the "
                        "recognition deadline."
                    )
                )

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------
    def action_close(self):
        self.write({"state": "closed"})
        return True

    def action_reopen(self):
        self.write({"state": "open"})
        return True

    @api.model
    def _lu_current(self):
        """The open period of the user's companies the round is in: the latest
        open one not after this year, else the first one to come."""
        periods = self.search(
            [("state", "=", "open"), ("company_id", "in", self.env.companies.ids)]
        )
        year = fields.Date.context_today(self).year
        past = periods.filtered(lambda p: p.year <= year)
        if past:
            return past.sorted("year", reverse=True)[:1]
        return periods.sorted("year")[:1]

    def action_view_assessments(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "learning_unit.action_learning_unit_assessment"
        )
        action["domain"] = [("period_id", "=", self.id)]
        action["context"] = {"default_period_id": self.id}
        return action

    def action_rebase(self):
        """Open the wizard that applies the current rule set to the drafts."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Apply the current rule set"),
            "res_model": "learning.unit.rebase.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_period_id": self.id},
        }

    @api.model
    def _cron_remind_deadline(self):
        """Remind unit officers of assessments not yet sent before the deadline."""
        today = fields.Date.context_today(self)
        periods = self.search([("state", "=", "open")])
        soon = periods.filtered(
            lambda p: 0 <= (p.date_deadline_self - today).days <= REMINDER_DAYS
        )
        assessments = self.env["learning.unit.assessment"].search(
            [("period_id", "in", soon.ids), ("state", "in", EDITABLE_STATES)]
        )
        activity_type = self.env.ref(ACTIVITY_SUBMIT)
        for assessment in assessments.sudo():
            user = assessment.user_id
            if not user or assessment.activity_ids.filtered(
                lambda a, u=user: a.user_id == u and a.activity_type_id == activity_type
            ):
                continue
            assessment.activity_schedule(
                ACTIVITY_SUBMIT,
                date_deadline=assessment.period_id.date_deadline_self,
                user_id=user.id,
            )
        return True

    # ------------------------------------------------------------------
    # printing: the reviewing body, the plan the annexes cite, documents
    # ------------------------------------------------------------------
    body_id = fields.Many2one(
        "learning.unit.body",
        string="Reviewing Body",
        ondelete="restrict",
        tracking=True,
        help="Reviews the units and issues the recognition decision: a district, "
        "a commune or a province department.",
    )
    plan_number = fields.Char(
        help="Number and symbol of the plan the annexes cite, e.g. 206/KH-UBND."
    )
    plan_date = fields.Date()
    plan_body_id = fields.Many2one(
        "learning.unit.body",
        string="Plan Issued By",
        ondelete="restrict",
        help="By default the reviewing body.",
    )
    decision_ids = fields.One2many("learning.unit.decision", "period_id")
    team_ids = fields.One2many("learning.unit.team", "period_id")

    def _lu_plan_citation(self, blank=False):
        """ "Kế hoạch số 206/KH-UBND ngày 28/9/2020 của UBND tỉnh Long An".

        With ``blank``, a period without a plan gives the form to fill by hand.
        """
        self.ensure_one()
        body = self.plan_body_id or self.body_id
        issuer = body.name or ""
        if not self.plan_number:
            if not blank:
                return ""
            return f"Kế hoạch số ....../KH-... ngày ...../...../{self.year}" + (
                f" của {issuer}" if issuer else ""
            )
        day = self.plan_date
        text = f"Kế hoạch số {self.plan_number}"
        if day:
            text += f" ngày {day.day}/{day.month}/{day.year}"
        return text + (f" của {issuer}" if issuer else "")

    def _lu_document_action(self, model, name):
        """A new document of the period's reviewing body, in its form."""
        self.ensure_one()
        if not self.body_id:
            raise UserError(self.env._("Choose the reviewing body of the period."))
        record = self.env[model].create(
            {"period_id": self.id, "body_id": self.body_id.id}
        )
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "res_id": record.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_new_decision(self):
        """Draft the recognition decision from the reviewed units."""
        action = self._lu_document_action(
            "learning.unit.decision", self.env._("Recognition Decision")
        )
        decision = self.env["learning.unit.decision"].browse(action["res_id"])
        decision.action_add_reviewed_units()
        return action

    def action_new_upward_report(self):
        """Draft the report upward of the reviewing body."""
        return self._lu_document_action(
            "learning.unit.upward.report", self.env._("Report Upward")
        )

    def action_view_print_documents(self):
        """The teams, decisions or reports of this period (``res_model`` in context)."""
        self.ensure_one()
        model = self.env.context.get("learning_unit_model")
        if model not in (
            "learning.unit.team",
            "learning.unit.decision",
            "learning.unit.upward.report",
        ):
            raise UserError(self.env._("Nothing to show."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env["ir.model"]._get(model).name,
            "res_model": model,
            "view_mode": "list,form",
            "domain": [("period_id", "=", self.id)],
            "context": {
                "default_period_id": self.id,
                "default_body_id": self.body_id.id,
            },
        }
