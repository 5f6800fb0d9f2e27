# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A title a unit holds: recognised by decision, valid until a date.

Recognising an assessment records its recognition (both regimes). The
administrator may also enter the recognitions decided before the addon was used,
so that Thông tư 24's rules on validity (3 years after the decision year) and on
level 2 (only a year after a level 1 decision) can be applied to them.
"""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models

from .. import scoring
from ..states import ACTIVITY_EXPIRY, RECOGNITION_STATES
from .learning_unit_assessment import RANKS
from .learning_unit_criterion import LEVEL_SELECTION
from .learning_unit_template import SCHEMES

# Days before a recognition expires when the unit and the reviewer are warned.
EXPIRY_WARNING_DAYS = 90
HISTORY_FIELDS = frozenset(
    {
        "department_id",
        "year",
        "scheme",
        "level",
        "rank",
        "decision_number",
        "decision_date",
        "validity_years",
        "note",
        "state",
        "company_id",
    }
)


class LearningUnitRecognition(models.Model):
    _name = "learning.unit.recognition"
    _inherit = ["mail.thread", "mail.activity.mixin", "learning.unit.lock.mixin"]
    _description = "Learning Unit Recognition"
    _order = "decision_date desc, id desc"

    # recognitions of the workflow are the system's; the history is the admin's
    # (record rules: the admin writes those without an assessment)
    _lu_write_access = {"admin": HISTORY_FIELDS}
    _lu_create_fields = {"admin": HISTORY_FIELDS}

    department_id = fields.Many2one(
        "hr.department", string="Unit", required=True, index=True, ondelete="restrict"
    )
    assessment_id = fields.Many2one(
        "learning.unit.assessment", readonly=True, index=True, ondelete="restrict"
    )
    year = fields.Integer(string="Evaluated Year", required=True)
    scheme = fields.Selection(SCHEMES, required=True, default="levels")
    level = fields.Selection(LEVEL_SELECTION)
    rank = fields.Selection(RANKS)
    decision_number = fields.Char(required=True)
    decision_date = fields.Date(required=True, index=True)
    decision_id = fields.Many2one(
        "learning.unit.decision",
        compute="_compute_decision_id",
        store=True,
        index=True,
        help="The issued decision that recognised the unit (none for a title "
        "decided before the addon was used).",
    )
    validity_years = fields.Integer(default=3)
    valid_until = fields.Date(compute="_compute_valid_until", store=True, index=True)
    # revoked with the decision that gave it; a title entered by hand keeps
    # the state the administrator gives it
    state = fields.Selection(
        RECOGNITION_STATES,
        compute="_compute_state",
        store=True,
        readonly=False,
        default="valid",
        required=True,
        tracking=True,
    )
    expiry_warned = fields.Boolean(readonly=True, copy=False)
    note = fields.Text()
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )

    @api.depends("decision_date", "validity_years", "scheme")
    def _compute_valid_until(self):
        for recognition in self:
            day = recognition.decision_date
            recognition.valid_until = (
                date(day.year + recognition.validity_years, 12, 31)
                if day and recognition.scheme == "levels"
                else False
            )

    @api.depends(
        "decision_number",
        "assessment_id.decision_line_ids.decision_id.number_text",
    )
    def _compute_decision_id(self):
        for recognition in self:
            number = recognition.decision_number
            decisions = recognition.assessment_id.decision_line_ids.decision_id
            recognition.decision_id = next(
                (
                    decision
                    for decision in decisions
                    if decision.decision_type == "recognition"
                    and decision.state != "draft"
                    and decision.number_text == number
                ),
                False,
            )

    @api.depends("decision_id.state")
    def _compute_state(self):
        for recognition in self:
            recognition.state = (
                "revoked"
                if recognition.decision_id.state == "revoked"
                else recognition.state or "valid"
            )

    def _compute_display_name(self):
        levels = dict(self._fields["level"]._description_selection(self.env))
        ranks = dict(self._fields["rank"]._description_selection(self.env))
        for recognition in self:
            result = levels.get(recognition.level) or ranks.get(recognition.rank) or ""
            recognition.display_name = (
                f"{recognition.department_id.name} {recognition.year}: {result} "
                f"({recognition.decision_number})"
            )

    def _lu_is_locked(self):
        return bool(self.assessment_id)

    @api.model
    def _lu_record(self, assessments):
        """The title each recognised assessment now holds, on behalf of the system.

        Under Thông tư 24 a level 2 result is recognised at level 1 while the
        unit does not yet hold a level 1 decision of a year before.
        """
        Recognition = self.sudo()
        levels = dict(self._fields["level"]._description_selection(self.env))
        # the level the issued decision listing the unit granted, as it printed
        granted = {
            line.assessment_id.id: line
            for line in assessments.sudo().decision_line_ids
            if line.decision_id.state == "issued"
            and line.decision_id.decision_type == "recognition"
            and line.decision_id.number_text == line.assessment_id.decision_number
        }
        for assessment in assessments:
            line = granted.get(assessment.id)
            if line and assessment.scheme == "levels":
                level = line.granted_level
                refusal = (
                    line.granted_level != line.review_level
                    and self._lu_granted(assessment, assessment.decision_date)[1]
                )
            elif assessment.scheme == "levels":
                level, refusal = self._lu_granted(assessment, assessment.decision_date)
            else:
                level, refusal = False, None
            if (level or assessment.review_rank) in (
                scoring.LEVEL_NONE,
                scoring.RANK_FAIL,
            ):
                continue  # decided, but no title to hold
            recognition = Recognition.create(
                {
                    "department_id": assessment.department_id.id,
                    "assessment_id": assessment.id,
                    "year": assessment.year,
                    "scheme": assessment.scheme,
                    "level": level if level != scoring.LEVEL_NONE else False,
                    "rank": assessment.review_rank
                    if assessment.scheme == "points"
                    else False,
                    "decision_number": assessment.decision_number,
                    "decision_date": assessment.decision_date,
                    "validity_years": assessment.template_id.validity_years,
                    "company_id": assessment.company_id.id,
                }
            )
            assessment.sudo().recognition_id = recognition
            if refusal:
                assessment.sudo().message_post(
                    body=self.env._(
                        "%(refusal)s Recognised at %(level)s.",
                        refusal=refusal,
                        level=levels[scoring.LEVEL_1],
                    ),
                    subtype_xmlid="mail.mt_note",
                )

    # ------------------------------------------------------------------
    # rules of Thông tư 24
    # ------------------------------------------------------------------
    @api.model
    def _lu_granted(self, assessment, day):
        """``(level, refusal)``: the level ``assessment``'s review grants on
        ``day``, and why level 2 is not granted when the review reached it.

        A reviewed level 2 is granted as level 1 while the unit does not hold
        a level 1 decision of ``level_2_wait_years`` before (Điều 10).
        """
        level = assessment.review_level
        if level != scoring.LEVEL_2:
            return level, None
        refusal = self._level_2_refusal(
            assessment.department_id,
            day or fields.Date.context_today(self),
            assessment.template_id.level_2_wait_years,
        )
        return (scoring.LEVEL_1, refusal) if refusal else (level, None)

    @api.model
    def _level_2_refusal(self, department, decision_date, wait_years):
        """Why ``department`` cannot be recognised at level 2 on that day, or None.

        It must hold a valid recognition (level 1 or 2) decided at least
        ``wait_years`` before ``decision_date``.
        """
        latest = decision_date - relativedelta(years=wait_years)
        held = self.search(
            [
                ("department_id", "=", department.id),
                ("scheme", "=", "levels"),
                ("level", "in", (scoring.LEVEL_1, scoring.LEVEL_2)),
                ("state", "=", "valid"),
                ("valid_until", ">=", decision_date),
                # a decision of that very day is the one deciding, not a prior
                ("decision_date", "<", decision_date),
            ],
            order="decision_date",
        )
        if held.filtered(lambda r: r.decision_date <= latest):
            return None
        if held:
            first = held[0]
            return self.env._(
                "Level 2 is not yet allowed: the level 1 decision %(number)s of "
                "%(date)s is less than %(years)s year(s) old on %(day)s.",
                number=first.decision_number,
                date=first.decision_date.strftime("%d/%m/%Y"),
                years=wait_years,
                day=decision_date.strftime("%d/%m/%Y"),
            )
        return self.env._(
            "Level 2 is not yet allowed: the unit holds no valid level 1 "
            "recognition decided at least %(years)s year(s) before.",
            years=wait_years,
        )

    @api.model
    def _level_2_waits(self, assessments, day):
        """``{assessment id: (first, from)}`` for the assessments of a levels
        rule set: ``first`` the earliest recognition at level 1 or 2 their unit
        holds, valid on ``day``, and ``from`` the day from which level 2 can
        be granted (its decision date + the rule set's wait); an empty
        recognition and False if the unit holds none. Read in one query: a
        hint the unit's own forms print, whoever may read the register."""
        assessments = assessments.filtered(lambda a: a.scheme == "levels")
        held = self.sudo().search(
            [
                ("department_id", "in", assessments.department_id.ids),
                ("scheme", "=", "levels"),
                ("level", "in", (scoring.LEVEL_1, scoring.LEVEL_2)),
                ("state", "=", "valid"),
                ("valid_until", ">=", day),
            ],
            order="decision_date, id",
        )
        first = {}
        for recognition in held:
            first.setdefault(recognition.department_id.id, recognition)
        result = {}
        for assessment in assessments:
            recognition = first.get(assessment.department_id.id, self.browse())
            wait = relativedelta(years=assessment.template_id.level_2_wait_years)
            result[assessment.id] = (
                recognition.with_env(self.env),
                recognition and recognition.decision_date + wait,
            )
        return result

    @api.model
    def _cron_warn_expiry(self):
        """Warn the unit officer and the reviewer 90 days before a title expires."""
        today = fields.Date.context_today(self)
        expiring = self.search(
            [
                ("state", "=", "valid"),
                ("expiry_warned", "=", False),
                ("valid_until", ">=", today),
                ("valid_until", "<=", today + timedelta(days=EXPIRY_WARNING_DAYS)),
            ]
        )
        Assessment = self.env["learning.unit.assessment"]
        for recognition in expiring:
            last = Assessment.search(
                [("department_id", "=", recognition.department_id.id)],
                order="year desc",
                limit=1,
            )
            users = last.user_id | last.reviewer_id
            if not users and last:
                users = last.department_id._lu_reviewers(last.company_id)
            for user in users:
                recognition.activity_schedule(
                    ACTIVITY_EXPIRY,
                    date_deadline=recognition.valid_until,
                    user_id=user.id,
                    note=self.env._(
                        "The recognition of %(unit)s (%(number)s) expires on "
                        "%(date)s: prepare the next evaluation.",
                        unit=recognition.department_id.name,
                        number=recognition.decision_number,
                        date=recognition.valid_until.strftime("%d/%m/%Y"),
                    ),
                )
        expiring.write({"expiry_warned": True})
        return True
