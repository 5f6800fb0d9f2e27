# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A unit's evaluation of a period: its self-assessment, review and result.

Who may do what: access rights (security/ir.model.access.csv) decide the
operation per role, record rules (security/security.xml) the scope and the
state, the lock mixin the fields (with their states where a user holds two
roles, as an administrator does). The workflow is the table
``_lu_transitions``, run by the workflow mixin: writing ``state`` (from a
button or over RPC alike) checks the transition's role and source state, runs
its hooks and records who did it and when.

Concurrency: every change of an assessment, its lines, members or dossier
first updates the assessment's row (``_lu_lock``). Two transactions changing
one unit therefore never both commit on a stale snapshot: the second fails
with a serialization error and Odoo runs it again on the committed data.
"""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL
from odoo.tools.translate import LazyTranslate

from .. import explain, scoring
from ..evidence import EVIDENCE_FIELDS
from ..states import (
    ACTIVITY_DECISION,
    ACTIVITY_RETURNED,
    ACTIVITY_REVIEW,
    ACTIVITY_SUBMIT,
    ASSESSMENT_STATES,
    DECIDED_STATES,
    EDITABLE_STATES,
    GROUP_REVIEWER,
    MAIL_NOT_RECOGNISED,
    MAIL_RECOGNISED,
    MAIL_RETURNED,
    PENDING_STATES,
    REVIEW_SHOWN_STATES,
    REVIEW_STARTED_STATES,
    REVIEW_STATES,
    SCORING_STATES,
)
from .learning_unit_criterion import LEVEL_SELECTION
from .learning_unit_template import SCORE_DIGITS
from .learning_unit_workflow_mixin import StateFlag, Transition

# the refusals of the workflow are declared with its table, before any
# environment exists: lazy translations, rendered in the user's language
# pylint: disable=prefer-env-translation
_lt = LazyTranslate(__name__)

RANKS = [
    (scoring.RANK_GOOD, "Good"),
    (scoring.RANK_FAIR, "Fair"),
    (scoring.RANK_AVERAGE, "Average"),
    (scoring.RANK_FAIL, "Not achieved"),
]
UNIT_FIELDS = frozenset(
    {
        "head_name",
        "user_id",
        "self_note",
        "member_ids",
        "line_ids",
        "dossier_item_ids",
        "active",
        "plan_approver_id",
    }
)
REVIEW_FIELDS = frozenset(
    {"review_note", "reviewer_id", "decision_number", "decision_date", "line_ids"}
)
# a result: points (Thông tư 22) or levels (Thông tư 24), or the review's progress
RESULT = {"compute": "_compute_results", "store": True}
# the points of Thông tư 22: no group of Thông tư 24 assessments totals them
POINT_FIELDS = frozenset({"self_total", "review_total", "review_difference"})
# a rank or a level: tracked, and searched and grouped by
GRADE = dict(RESULT, tracking=True, index=True)


class LearningUnitAssessment(models.Model):
    _name = "learning.unit.assessment"
    _description = "Learning Unit Assessment"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "learning.unit.period.mixin",
        "learning.unit.workflow.mixin",
        "learning.unit.head.approval.mixin",
    ]
    _order = "year desc, department_id, id"
    _check_company_auto = True

    _lu_transitions = {
        "submitted": Transition(
            EDITABLE_STATES, "officer", _lt("Only the unit officer can submit.")
        ),
        # withdrawn before the review starts
        "draft": Transition(
            ("submitted",),
            "officer",
            _lt("Only the unit officer can withdraw a submission."),
        ),
        "in_review": Transition(
            ("submitted",), "reviewer", _lt("Only the reviewing level can review.")
        ),
        "reviewed": Transition(
            ("in_review",), "reviewer", _lt("Only the reviewing level can review.")
        ),
        "recognised": Transition(
            ("reviewed",),
            "reviewer",
            _lt("Only the reviewing level can recognise a unit."),
        ),
        "returned": Transition(
            REVIEW_STATES,
            "reviewer",
            _lt("Only the reviewing level can return an assessment."),
            args=("return_reason",),
            single=True,
        ),
    }
    _lu_state_flags = {
        "lu_editable": EDITABLE_STATES,
        "is_provisional": EDITABLE_STATES,
        "lu_reviewing": REVIEW_STATES,
        "lu_scoring": SCORING_STATES,
        "lu_review_started": REVIEW_STARTED_STATES,
        "lu_review_shown": REVIEW_SHOWN_STATES,
        "lu_pending": PENDING_STATES,
        "lu_decided": DECIDED_STATES,
    }
    _lu_write_access = {
        "officer": (UNIT_FIELDS, EDITABLE_STATES),
        "reviewer": (REVIEW_FIELDS, REVIEW_STATES),
    }
    _lu_create_fields = {
        "officer": UNIT_FIELDS - {"active", "plan_approver_id"}
        | {"period_id", "department_id"},
    }

    name = fields.Char(compute="_compute_name", store=True)
    active = fields.Boolean(default=True)
    # the period, its year and company, and the unit (the period mixin's)
    period_id = fields.Many2one(
        tracking=True,
        default=lambda self: self._default_period(),
        domain="[('state', '=', 'open')]",
    )
    year = fields.Integer(index=True)
    template_id = fields.Many2one(
        "learning.unit.template",
        string="Rules",
        readonly=True,
        ondelete="restrict",
        index=True,
        help="The frozen rules this assessment is scored with.",
    )
    scheme = fields.Selection(related="template_id.scheme", store=True)
    department_id = fields.Many2one(
        string="Unit",
        tracking=True,
        check_company=True,
        domain="[('lu_can_prepare', '=', True)]",
    )
    parent_department_id = fields.Many2one(
        related="department_id.parent_id", string="Parent Unit", store=True, index=True
    )
    head_name = fields.Char(
        string="Head of Unit",
        compute="_compute_head_name",
        store=True,
        readonly=False,
        help="Who signs the report as THỦ TRƯỞNG ĐƠN VỊ.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Unit Officer",
        default=lambda self: self.env.user,
        tracking=True,
        help="Who prepares the unit's self-assessment; receives the reminders.",
    )
    state = fields.Selection(
        ASSESSMENT_STATES,
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        index=True,
        group_expand=True,
    )
    is_provisional = StateFlag(
        help="The unit is still preparing: its result may change."
    )
    # what the views read (states.py names the sets)
    lu_editable = StateFlag("Editable")
    lu_reviewing = StateFlag("With the Reviewing Level")
    lu_scoring = StateFlag("Review Results Open")
    lu_review_started = StateFlag("Review Started")
    lu_review_shown = StateFlag("Review Results Shown")
    lu_pending = StateFlag("Awaiting Review")
    lu_decided = StateFlag("Reviewed or Recognised")
    member_ids = fields.One2many("learning.unit.member", "assessment_id")
    member_count = fields.Integer(compute="_compute_member_count", store=True)
    member_user_ids = fields.Many2many(
        "res.users",
        "learning_unit_assessment_member_user_rel",
        "assessment_id",
        "user_id",
        string="Member Users",
        compute="_compute_member_user_ids",
        store=True,
        help="The users among the members: they read their unit's assessment.",
    )
    members_missing_evidence_count = fields.Integer(
        compute="_compute_member_count",
        store=True,
        help="Members missing evidence or a personal document of the dossier.",
    )
    line_ids = fields.One2many(
        "learning.unit.assessment.line", "assessment_id", string="Criteria"
    )
    group_summary = fields.Html(
        string="Results per Group",
        compute="_compute_group_summary",
        sanitize=False,
        help="The result of each group of criteria, as the lines stand.",
    )
    evidence_kinds = fields.Char(
        compute="_compute_evidence_kinds",
        help="The member evidence the criteria of these rules count.",
    )
    # --- the results, computed together from the lines (RESULT) ---------
    max_total = fields.Float(related="template_id.max_total")
    self_total = fields.Float(
        "Self Score", digits=SCORE_DIGITS, tracking=True, aggregator="avg", **RESULT
    )
    self_rank = fields.Selection(RANKS, **GRADE)
    review_total = fields.Float(
        "Review Score", digits=SCORE_DIGITS, tracking=True, aggregator=None, **RESULT
    )
    review_rank = fields.Selection(RANKS, **GRADE)
    review_difference = fields.Float(
        "Difference",
        digits=SCORE_DIGITS,
        aggregator=None,
        help="Review score minus self score, once the review is complete.",
        **RESULT,
    )
    self_level = fields.Selection(LEVEL_SELECTION, **GRADE)
    review_level = fields.Selection(LEVEL_SELECTION, **GRADE)
    # the result of either regime in one field (a level under Thông tư 24, a
    # rank under Thông tư 22): what the pivot, the graph and the kanban's bar
    # count, so that a period shows its own regime's results only
    self_result = fields.Selection(
        LEVEL_SELECTION + RANKS,
        compute="_compute_result_any",
        store=True,
        index=True,
    )
    review_result = fields.Selection(
        LEVEL_SELECTION + RANKS,
        string="Reviewed Result",
        compute="_compute_result_any",
        store=True,
        index=True,
    )
    review_complete = fields.Boolean(
        help="Every criterion has a confirmed review result.", **RESULT
    )
    review_confirmed_count = fields.Integer(**RESULT)
    criterion_count = fields.Integer(**RESULT)
    result_note = fields.Text(
        string="Result", compute="_compute_result_note", help="How the result comes."
    )
    review_result_note = fields.Text(
        string="Review Result", compute="_compute_result_note"
    )
    submitted_on = fields.Datetime(readonly=True, tracking=True)
    submitted_date = fields.Date(
        readonly=True, help="Submission day in the unit's time zone."
    )
    submitted_by = fields.Many2one("res.users", readonly=True)
    date_deadline_self = fields.Date(related="period_id.date_deadline_self")
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_is_late",
        store=True,
        index=True,
        help="Submitted after the self-assessment deadline.",
    )
    review_started_on = fields.Datetime(readonly=True)
    reviewer_id = fields.Many2one(
        "res.users",
        tracking=True,
        domain=lambda self: [("groups_id", "in", self.env.ref(GROUP_REVIEWER).id)],
        help="Member of the reviewing level in charge of this unit.",
    )
    reviewed_on = fields.Datetime(readonly=True)
    reviewed_by = fields.Many2one("res.users", readonly=True)
    review_note = fields.Text(tracking=True)
    decision_number = fields.Char(tracking=True)
    decision_date = fields.Date(tracking=True)
    recognised_on = fields.Datetime(readonly=True)
    decision_line_ids = fields.One2many(
        "learning.unit.decision.line", "assessment_id", readonly=True
    )
    decision_id = fields.Many2one(
        "learning.unit.decision",
        string="Recognition Decision",
        compute="_compute_decision_id",
        help="The issued decision recognising the unit (none once revoked).",
    )
    recognition_id = fields.Many2one(
        "learning.unit.recognition", readonly=True, index=True
    )
    recognised_level = fields.Selection(
        related="recognition_id.level", string="Recognised Level"
    )
    recognition_state = fields.Selection(
        related="recognition_id.state", string="Recognition Status"
    )
    recognition_valid_until = fields.Date(
        related="recognition_id.valid_until", string="Recognition Valid Until"
    )
    # the unit's own recognitions decide it, whoever reads the assessment (a
    # member reads no recognition): the same note for every reader
    level_2_note = fields.Char(
        string="Level 2",
        compute="_compute_level_2_note",
        compute_sudo=True,
        help="Why level 2 cannot be recognised yet, if it cannot.",
    )
    level_2_from = fields.Date(
        compute="_compute_level_2_wait",
        help="Level 2 can be granted from this day: 12 months (the rule set's "
        "wait) after the unit's level 1 decision.",
    )
    level_2_wait_note = fields.Char(
        string="Level 2 Wait",
        compute="_compute_level_2_wait",
        help="From which day level 2 can be granted, while that day is to come.",
    )
    return_reason = fields.Text(readonly=True, tracking=True)
    returned_on = fields.Datetime(readonly=True)
    returned_by = fields.Many2one("res.users", readonly=True)
    return_count = fields.Integer(readonly=True)
    self_note = fields.Text(
        string="Unit's Notes", help="What the unit wants the reviewers to know."
    )
    dossier_item_ids = fields.One2many(
        "learning.unit.dossier.item",
        "assessment_id",
        domain=[("member_id", "=", False)],
        string="Unit Dossier",
    )
    dossier_completeness = fields.Float(
        string="Dossier (%)",
        compute="_compute_dossier",
        store=True,
        aggregator="avg",
        help="Share of the mandatory dossier documents that are provided.",
    )
    dossier_missing = fields.Text(
        compute="_compute_dossier_missing", string="Missing Documents"
    )
    promotion_report_ids = fields.One2many(
        "learning.unit.promotion.report",
        "assessment_id",
        string="Study Promotion Reports",
    )
    promotion_report_count = fields.Integer(compute="_compute_promotion_report_count")

    _sql_constraints = [
        (
            "period_department_unique",
            "UNIQUE(period_id, department_id)",
            "This unit already has an assessment for this period.",
        ),
    ]

    # ------------------------------------------------------------------
    # defaults and computes
    # ------------------------------------------------------------------
    @api.model
    def _default_period(self):
        return self.env["learning.unit.period"].search(
            [("state", "=", "open"), ("company_id", "in", self.env.companies.ids)],
            limit=1,
        )

    @api.depends("department_id.name", "period_id.year")
    def _compute_name(self):
        for assessment in self:
            department = assessment.department_id.name or ""
            assessment.name = f"{department} - {assessment.period_id.year or ''}"

    @api.depends("department_id")
    def _compute_head_name(self):
        for assessment in self:
            # the head's name is public in the unit; the employee record is not
            assessment.head_name = assessment.department_id.sudo().manager_id.name

    @api.depends("template_id")
    def _compute_evidence_kinds(self):
        for assessment in self:
            criteria = assessment.template_id.criterion_ids
            kinds = {c.member_field for c in criteria if c.member_field}
            assessment.evidence_kinds = ",".join(
                f for f in EVIDENCE_FIELDS if f in kinds
            )

    @api.depends("line_ids.self_score", "line_ids.self_level", "line_ids.criterion_id")
    @api.depends_context("lang")
    def _compute_group_summary(self):
        # a form's unsaved lines change the assessment's fields at once, not
        # their sibling group lines: the groups' results are shown here, live
        for assessment in self:
            assessment.group_summary = explain.group_summary(assessment)

    @api.depends("member_ids.user_id")
    def _compute_member_user_ids(self):
        # the current values of all of them in one query, not one per assessment
        self.filtered("id").fetch(["member_user_ids"])
        self.member_ids.fetch(["user_id"])
        for assessment in self:
            assessment.member_user_ids = assessment.member_ids.user_id

    @api.depends(
        "member_ids", "member_ids.evidence_complete", "member_ids.dossier_complete"
    )
    def _compute_member_count(self):
        stored = self.filtered("id")
        counts = defaultdict(lambda: [0, 0])
        if stored:
            # a stored compute: as the system already
            groups = self.env["learning.unit.member"]._read_group(
                [("assessment_id", "in", stored.ids)],
                ["assessment_id", "evidence_complete", "dossier_complete"],
                ["__count"],
            )
            for assessment, complete, documents, count in groups:
                counts[assessment.id][0] += count
                counts[assessment.id][1] += 0 if complete and documents else count
        for assessment in self:
            if assessment.id:
                total, incomplete = counts[assessment.id]
            else:
                members = assessment.member_ids
                total = len(members)
                incomplete = len(
                    members.filtered(
                        lambda m: not (m.evidence_complete and m.dossier_complete)
                    )
                )
            assessment.member_count = total
            assessment.members_missing_evidence_count = incomplete

    @api.depends(
        "line_ids.kind",
        "line_ids.self_score",
        "line_ids.review_score",
        "line_ids.review_set",
        "line_ids.self_level",
        "line_ids.review_level",
        "line_ids.min_level",
        "template_id",
    )
    def _compute_results(self):
        stats = self.env["learning.unit.assessment.line"]._lu_stats(self)
        for assessment in self:
            stat = stats[assessment.id]
            template = assessment.template_id
            count, confirmed = stat["count"], stat["confirmed"]
            complete = bool(count) and confirmed == count
            assessment.criterion_count = count
            assessment.review_confirmed_count = confirmed
            assessment.review_complete = complete
            points = template.scheme == "points"
            self_total = stat["self"] if points else scoring.exact(0)
            review_total = stat["review"] if points and complete else scoring.exact(0)
            assessment.self_total = float(self_total)
            assessment.review_total = float(review_total)
            assessment.review_difference = (
                float(review_total - self_total) if points and complete else 0.0
            )
            assessment.self_rank = template._rank_of(self_total) if points else False
            assessment.review_rank = (
                template._rank_of(review_total) if points and complete else False
            )
            levels = template.scheme == "levels"
            assessment.self_level = (
                scoring.level_of(stat["self_levels"])[0] if levels else False
            )
            assessment.review_level = (
                scoring.level_of(stat["review_levels"])[0]
                if levels and complete
                else False
            )

    @api.depends("self_rank", "self_level", "review_rank", "review_level")
    def _compute_result_any(self):
        for assessment in self:
            assessment.self_result = assessment.self_level or assessment.self_rank
            assessment.review_result = assessment.review_level or assessment.review_rank

    @api.depends(
        "self_total", "self_rank", "self_level", "review_total", "review_complete"
    )
    @api.depends_context("lang")
    def _compute_result_note(self):
        for assessment in self:
            assessment.result_note = explain.result_note(assessment, "self")
            assessment.review_result_note = (
                explain.result_note(assessment, "review")
                if assessment.review_complete
                else False
            )

    @api.depends("submitted_date", "period_id.date_deadline_self")
    def _compute_is_late(self):
        for assessment in self:
            deadline = assessment.period_id.date_deadline_self
            assessment.is_late = bool(
                assessment.submitted_date
                and deadline
                and assessment.submitted_date > deadline
            )

    @api.depends(
        "dossier_item_ids.is_provided",
        "member_ids.dossier_item_ids.is_provided",
    )
    def _compute_dossier(self):
        counts = self.env["learning.unit.dossier.item"]._lu_counts(self)
        for assessment in self:
            provided, total = counts.get(assessment.id, (0, 0))
            assessment.dossier_completeness = 100.0 * provided / total if total else 0.0

    @api.depends(
        "dossier_item_ids.is_provided",
        "member_ids.dossier_item_ids.is_provided",
    )
    @api.depends_context("lang")
    def _compute_dossier_missing(self):
        for assessment in self:
            assessment.dossier_missing = "\n".join(
                self.env["learning.unit.dossier.item"]._lu_missing_lines(assessment)
            )

    @api.depends(
        "review_level", "self_level", "decision_date", "department_id", "state"
    )
    @api.depends_context("lang")
    def _compute_level_2_note(self):
        Recognition = self.env["learning.unit.recognition"]
        for assessment in self:
            assessment.level_2_note = (
                Recognition._level_2_refusal(
                    assessment.department_id,
                    assessment.decision_date or fields.Date.context_today(self),
                    assessment.template_id.level_2_wait_years,
                )
                if assessment.scheme == "levels"
                and (assessment.review_level or assessment.self_level)
                == scoring.LEVEL_2
                and assessment.state in REVIEW_STATES
                else False
            )

    @api.depends("department_id", "template_id", "scheme", "state")
    @api.depends_context("lang", "tz")
    def _compute_level_2_wait(self):
        """From the start of a round under Thông tư 24, until its decision:
        the day from which level 2 can be granted, and a note while that day
        is to come (or while the unit holds no level 1 decision)."""
        today = fields.Date.context_today(self)
        waits = self.env["learning.unit.recognition"]._level_2_waits(self, today)
        for assessment in self:
            first, day = waits.get(assessment.id, (None, False))
            assessment.level_2_from = day
            assessment.level_2_wait_note = (
                assessment._lu_level_2_wait_words(first, day, today)
                if first is not None and assessment.state != "recognised"
                else False
            )

    def _lu_level_2_wait_words(self, first, day, today):
        months = 12 * self.template_id.level_2_wait_years
        if not first:
            return self.env._(
                "Level 2 can be granted only %(months)s months after a level 1 "
                "decision: the unit holds no level 1 decision yet.",
                months=months,
            )
        if day <= today:
            return False
        return self.env._(
            "Level 2 can be granted from %(day)s, %(months)s months after the "
            "level 1 decision %(number)s of %(date)s.",
            day=day.strftime("%d/%m/%Y"),
            months=months,
            number=first.decision_number,
            date=first.decision_date.strftime("%d/%m/%Y"),
        )

    # ------------------------------------------------------------------
    # ORM and access
    # ------------------------------------------------------------------
    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        """No total of points for a group without a Thông tư 22 assessment:
        a Thông tư 24 period's group headers and pivot show no 0,00 point."""
        points = [
            spec
            for spec in fields
            if spec.split(":")[0] in POINT_FIELDS and spec.split(":")[0] != "__count"
        ]
        if not points:
            return super().read_group(
                domain, fields, groupby, offset, limit, orderby, lazy
            )
        groups = super().read_group(
            domain,
            [*fields, "lu_schemes:array_agg(scheme)"],
            groupby,
            offset,
            limit,
            orderby,
            lazy,
        )
        names = {spec.split(":")[0] for spec in points}
        for group in groups:
            if "points" not in (group.pop("lu_schemes", None) or ()):
                for name in names:
                    if name in group:
                        group[name] = False
        return groups

    @api.model
    def _get_view(self, view_id=None, view_type="form", **options):
        arch, view = super()._get_view(view_id, view_type, **options)
        if view_type == "form":
            # the members' evidence columns come from the one declaration
            Member = self.env["learning.unit.member"]
            for node in arch.xpath("//field[@name='member_ids']"):
                Member._lu_insert_evidence(node, embedded=True)
        return arch, view

    def _lu_locked_error(self, record):
        states = dict(self._fields["state"]._description_selection(self.env))
        return UserError(
            self.env._(
                "The self-assessment of %(unit)s is %(state)s and can no longer be "
                "changed.",
                unit=record.name,
                state=states[record.state],
            )
        )

    def _lu_lock(self):
        """Update the rows of these assessments first (see the module's doc)."""
        ids = [i for i in self._ids if i]
        if ids:
            self.env.execute_query(
                SQL(
                    "UPDATE learning_unit_assessment SET write_date = write_date"
                    " WHERE id = ANY(%s)",
                    ids,
                )
            )

    @api.model
    def _lu_complete_create(self, vals_list):
        keys = [
            (vals.get("period_id"), vals.get("department_id")) for vals in vals_list
        ]
        periods = self.env["learning.unit.period"].browse({p for p, _d in keys if p})
        units = self.env["hr.department"].browse({d for _p, d in keys if d})
        if not self.env.su and units - units.filtered("lu_can_prepare"):
            raise AccessError(
                self.env._("You can only create the assessment of a unit you prepare.")
            )
        periods = periods.exists()
        for period in periods.filtered(lambda p: p.state != "open")[:1]:
            raise UserError(
                self.env._(
                    "The period %(period)s is closed.", period=period.display_name
                )
            )
        rules = {period.id: period.rules_id.id for period in periods}
        for vals in vals_list:
            if vals.get("period_id") in rules:
                vals["template_id"] = rules[vals["period_id"]]
        if len(set(keys)) != len(keys):
            raise ValidationError(
                self.env._("This unit already has an assessment for this period.")
            )
        # one search for all the pairs, whoever may read them; only said of a
        # unit the user prepares (checked above)
        existing = (
            self.sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("period_id", "in", periods.ids), ("department_id", "in", units.ids)],
                ["period_id", "department_id"],
            )
        )
        for assessment in existing:
            if (assessment.period_id.id, assessment.department_id.id) in keys:
                raise ValidationError(
                    self.env._(
                        "%(unit)s already has an assessment for %(period)s.",
                        unit=assessment.department_id.name,
                        period=assessment.period_id.display_name,
                    )
                )
        return vals_list

    @api.model_create_multi
    def create(self, vals_list):
        assessments = super().create(vals_list)
        # the criteria and the unit dossier are the structure the rules give,
        # created on behalf of the system
        self.env["learning.unit.assessment.line"].sudo()._lu_create_lines(assessments)
        self.env["learning.unit.dossier.item"].sudo()._lu_create_unit_dossier(
            assessments
        )
        return assessments

    def _lu_check_write(self, vals):
        self._lu_lock()
        return super()._lu_check_write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_unsent_drafts(self):
        if self.env.su:
            return
        started = self.filtered(lambda a: a.state != "draft" or a.return_count)
        if started:
            raise UserError(
                self.env._(
                    "Only a draft that was never submitted can be deleted "
                    "(%(unit)s); archive it instead.",
                    unit=started[0].name,
                )
            )

    def copy_data(self, default=None):
        raise UserError(
            self.env._(
                "An assessment cannot be duplicated: each unit has one per period."
            )
        )

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def _lu_before_submitted(self, vals):
        for assessment in self:
            if assessment.period_id.state == "closed":
                raise UserError(
                    self.env._(
                        "The period %(period)s is closed.",
                        period=assessment.period_id.display_name,
                    )
                )
            if not assessment.member_ids:
                raise ValidationError(
                    self.env._(
                        "%(unit)s has no members: load the members before submitting.",
                        unit=assessment.name,
                    )
                )
            missing = self.env["learning.unit.dossier.item"]._lu_missing_lines(
                assessment
            )
            if missing:
                raise ValidationError(
                    self.env._(
                        "The dossier of %(unit)s is incomplete. Missing:\n%(missing)s",
                        unit=assessment.name,
                        missing="\n".join(missing),
                    )
                )

    def _lu_before_reviewed(self, vals):
        for assessment in self:
            unset = assessment.line_ids.filtered(
                lambda line: line.kind == "criterion" and not line.review_set
            )
            if unset:
                raise ValidationError(
                    self.env._(
                        "The review of %(unit)s is not complete: confirm the review "
                        "result of %(codes)s.",
                        unit=assessment.name,
                        codes=", ".join(unset.mapped("criterion_code")),
                    )
                )

    @api.constrains("decision_number", "decision_date")
    def _check_decision_reference(self):
        # a decision typed on the assessment (learning_unit_decision.py)
        if self.env.su:
            return
        for assessment in self:
            self.env["learning.unit.decision"]._lu_check_typed_reference(assessment)

    def _lu_before_recognised(self, vals):
        for assessment in self:
            if not assessment.decision_number or not assessment.decision_date:
                raise ValidationError(
                    self.env._(
                        "Enter the decision number and date before recognising "
                        "%(unit)s.",
                        unit=assessment.name,
                    )
                )

    def _lu_before_returned(self, vals):
        reason = vals.get("return_reason")
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError(self.env._("Say why the assessment is returned."))

    def _lu_values_submitted(self, vals):
        return {"submitted_date": fields.Date.context_today(self)}

    def _lu_values_draft(self, vals):
        return {"submitted_on": False, "submitted_date": False, "submitted_by": False}

    def _lu_values_in_review(self, vals):
        return {"review_started_on": fields.Datetime.now()}

    def _lu_values_returned(self, vals):
        return {
            "return_reason": vals["return_reason"].strip(),
            "return_count": self.return_count + 1,
        }

    def _lu_after_submitted(self):
        self.sudo().activity_feedback([ACTIVITY_SUBMIT, ACTIVITY_RETURNED])
        # the reviewing level's to-do
        for assessment in self.sudo():
            users = assessment.reviewer_id or assessment.department_id._lu_reviewers(
                assessment.company_id
            )
            if assessment.scheme == "levels":
                levels = self._fields["self_level"]._description_selection(self.env)
                result = dict(levels).get(assessment.self_level, "")
            else:
                result = self.env._(
                    "%(score)s points",
                    score=explain.number(self.env, assessment.self_total),
                )
            for user in users:
                assessment.activity_schedule(
                    ACTIVITY_REVIEW,
                    date_deadline=max(
                        fields.Date.context_today(self),
                        assessment.period_id.date_deadline_report,
                    ),
                    note=self.env._(
                        "%(unit)s submitted its self-assessment (%(result)s).",
                        unit=assessment.department_id.name,
                        result=result,
                    ),
                    user_id=user.id,
                )

    def _lu_after_draft(self):
        self.sudo().activity_unlink([ACTIVITY_REVIEW])

    def _lu_after_in_review(self):
        self.line_ids._start_review()
        self.filtered(lambda a: not a.reviewer_id).reviewer_id = self.env.user

    def _lu_after_reviewed(self):
        self.sudo().activity_feedback([ACTIVITY_REVIEW])

    def _lu_after_recognised(self):
        self.sudo().activity_feedback([ACTIVITY_REVIEW])
        self.env["learning.unit.recognition"]._lu_record(self)
        # the unit is told: the title it holds, or that it holds none
        recognised = self.filtered("recognition_id")
        recognised._lu_notify_unit(MAIL_RECOGNISED, ACTIVITY_DECISION)
        (self - recognised)._lu_notify_unit(MAIL_NOT_RECOGNISED, ACTIVITY_DECISION)

    def _lu_after_returned(self):
        system = self.sudo()
        system.activity_unlink([ACTIVITY_REVIEW])
        # the review starts over when the unit submits again
        system.line_ids.write({"review_set": False})
        # the reason and the review of each indicator, to the unit (the state
        # change is tracked); the lines keep the review until the next one
        today = fields.Date.context_today(self)
        self._lu_notify_unit(
            MAIL_RETURNED,
            ACTIVITY_RETURNED,
            lambda assessment: max(today, assessment.period_id.date_deadline_self),
            values=lambda assessment: {
                "lu_review_by_indicator": explain.review_by_indicator(assessment)
            },
        )

    # ------------------------------------------------------------------
    # the unit told (data/learning_unit_mail_template_data.xml)
    # ------------------------------------------------------------------
    def _lu_unit_recipients(self):
        """The unit's officer and head (the user of its manager in HR), those
        of them who read the assessment."""
        self.ensure_one()
        users = self.user_id | self.department_id.sudo().manager_id.user_id
        return users.filtered(
            lambda user: user.active
            and not user.share
            and self.with_user(user).has_access("read")
        )

    def _lu_notify_unit(
        self, template, activity, deadline=None, values=None, **context
    ):
        """Tell each unit's officer and head: a message from ``template``, in
        each one's language (by email or in Odoo, as each chose), and an
        activity ``activity`` whose summary is the message's subject, due on
        ``deadline(assessment)`` (today without it). ``context``: what the
        template reads of the event besides the assessment (``ctx``), and
        ``values(assessment)`` what it reads of each, in the recipients'
        language.

        A side effect of the transition the user was allowed, as Odoo's apps
        notify: posted on behalf of the system (a reviewer no longer writes a
        decided assessment), the user its author.
        """
        template = self.env.ref(template)
        for assessment in self.sudo().with_context(**context):
            users = assessment._lu_unit_recipients()
            subjects = {}
            for lang, partners in users.partner_id.grouped("lang").items():
                record = assessment.with_context(lang=lang or self.env.lang)
                if values:
                    record = record.with_context(**values(record))
                message = record.message_post_with_source(
                    template,
                    subtype_xmlid="mail.mt_note",
                    partner_ids=partners.ids,
                )
                subjects[lang] = message.subject
            # the message told them: no second email saying an activity is
            # assigned to them (Odoo's quick update)
            with_activity = assessment.with_context(mail_activity_quick_update=True)
            for user in users:
                with_activity.activity_schedule(
                    activity,
                    date_deadline=deadline(assessment) if deadline else None,
                    summary=subjects[user.partner_id.lang],
                    user_id=user.id,
                )

    # buttons ------------------------------------------------------------
    def action_submit(self):
        """Send the self-assessment to the reviewing level; it is then locked."""
        return self.write({"state": "submitted"})

    def action_withdraw(self):
        """Take a submission back before the reviewing level starts."""
        return self.write({"state": "draft"})

    def action_start_review(self):
        """Take a submitted assessment into review (results start as the unit's)."""
        return self.write({"state": "in_review"})

    def action_confirm_review_scores(self):
        """Confirm every review result not yet confirmed, as it stands."""
        # the lines' lock refuses their review to anyone but the reviewing level
        self.line_ids.filtered(
            lambda line: line.kind == "criterion" and not line.review_set
        ).write({"review_set": True})
        return True

    def action_mark_reviewed(self):
        return self.write({"state": "reviewed"})

    def action_recognise(self):
        """Record the reviewing level's decision recognising the title."""
        return self.write({"state": "recognised"})

    def action_return(self):
        """Open the wizard asking why the assessment goes back to the unit."""
        return self._lu_reason_action(
            "returned",
            self.env._("Return to the unit"),
            "learning.unit.return.wizard",
            {"default_assessment_ids": self.ids},
        )

    def _return_to_unit(self, reason):
        return self.write({"state": "returned", "return_reason": reason})

    # ------------------------------------------------------------------
    # members
    # ------------------------------------------------------------------
    def action_load_members(self):
        """Add one member row per active employee of the unit and its sub-units.

        Employees already listed are kept as they are; nothing is removed.
        """
        members = self.env["learning.unit.member"]._lu_load(self)
        if len(self) == 1 and not self.env.context.get("learning_unit_silent"):
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "success" if members else "info",
                    "message": self.env._(
                        "%(count)s members added from the unit and its sub-units.",
                        count=len(members),
                    ),
                    "next": {"type": "ir.actions.client", "tag": "soft_reload"},
                },
            }
        return True

    def action_view_members_missing_evidence(self):
        """The exception list: what each member still misses, by what it is."""
        self.ensure_one()
        return self.env["learning.unit.evidence.gap"]._lu_action_for(self)

    # ------------------------------------------------------------------
    # Phụ lục 1
    # ------------------------------------------------------------------
    @api.depends("promotion_report_ids")
    def _compute_promotion_report_count(self):
        for assessment in self:
            assessment.promotion_report_count = len(assessment.promotion_report_ids)

    def action_open_promotion_report(self):
        """Open the unit's Phụ lục 1, or a new one prefilled from the assessment."""
        self.ensure_one()
        return self.env["learning.unit.promotion.report"]._lu_action_for(self)

    @api.depends("decision_line_ids.decision_id.state")
    def _compute_decision_id(self):
        # the decisions listing the unit, whoever may read them
        for assessment in self:
            decisions = assessment.sudo().decision_line_ids.decision_id.filtered(
                lambda d: d.state == "issued" and d.decision_type == "recognition"
            )
            assessment.decision_id = decisions.sorted("id")[-1:].id
