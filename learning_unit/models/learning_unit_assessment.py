# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL

from .. import scoring
from .learning_unit_template import SCORE_DIGITS

RANKS = [
    (scoring.RANK_GOOD, "Good"),
    (scoring.RANK_FAIR, "Fair"),
    (scoring.RANK_AVERAGE, "Average"),
    (scoring.RANK_FAIL, "Not achieved"),
]

STATES = [
    ("draft", "Draft"),
    ("returned", "Returned"),
    ("submitted", "Submitted"),
    ("in_review", "In Review"),
    ("reviewed", "Reviewed"),
    ("recognised", "Recognised"),
]

# States in which the unit prepares its self-assessment.
EDITABLE_STATES = ("draft", "returned")
# States in which the reviewing level may record its decisions and notes.
REVIEW_STATES = ("submitted", "in_review", "reviewed")

GROUP_MEMBER = "learning_unit.group_member"
GROUP_OFFICER = "learning_unit.group_unit_officer"
GROUP_REVIEWER = "learning_unit.group_district_reviewer"
GROUP_ADMIN = "learning_unit.group_admin"

ACTIVITY_SUBMIT = "learning_unit.mail_activity_type_submit"
ACTIVITY_REVIEW = "learning_unit.mail_activity_type_review"


def lu_check_access(records, operation):
    """``records.check_access(operation)``, with the record rules run in SQL.

    Odoo's check_access() evaluates the record rules in Python record by
    record; the members' rule (member_ids.user_id) then reads every member of
    every unit, seconds for a province. One search applies the same rules;
    check_access() runs only to raise the usual error when something is refused.
    """
    if records.env.su or not records:
        return
    records.browse().check_access(operation)  # the access rights (ACL)
    domain = records.env["ir.rule"]._compute_domain(records._name, operation)
    if not domain:
        return
    allowed = (
        records.sudo()
        .with_context(active_test=False)
        .search_count(expression.AND([[("id", "in", records.ids)], domain]))
    )
    if allowed != len(set(records.ids)):
        records.check_access(operation)


def lu_has_role(env, role_group):
    """Whether the current user holds a learning unit role (admins hold all)."""
    return env.su or env.user.has_group(role_group) or env.user.has_group(GROUP_ADMIN)


class LearningUnitAssessment(models.Model):
    _name = "learning.unit.assessment"
    _description = "Learning Unit Assessment"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "year desc, department_id, id"
    _check_company_auto = True

    # Fields the unit writes while preparing its self-assessment are every
    # field not listed below. The reviewing level writes only these:
    _review_fields = frozenset(
        {"review_note", "decision_number", "decision_date", "reviewer_id"}
    )
    # Set only by the workflow buttons, never by a direct write:
    _workflow_fields = frozenset(
        {
            "state",
            "submitted_on",
            "submitted_date",
            "submitted_by",
            "review_started_on",
            "reviewed_on",
            "reviewed_by",
            "recognised_on",
            "return_reason",
            "returned_on",
            "returned_by",
            "return_count",
        }
    )

    name = fields.Char(compute="_compute_name", store=True)
    period_id = fields.Many2one(
        "learning.unit.period",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
        default=lambda self: self._default_period(),
        domain="[('state', '=', 'open')]",
    )
    year = fields.Integer(related="period_id.year", store=True, index=True)
    template_id = fields.Many2one(related="period_id.template_id", store=True)
    company_id = fields.Many2one(
        related="period_id.company_id", store=True, index=True, precompute=True
    )
    department_id = fields.Many2one(
        "hr.department",
        string="Unit",
        required=True,
        ondelete="restrict",
        index=True,
        tracking=True,
        check_company=True,
    )
    parent_department_id = fields.Many2one(
        related="department_id.parent_id",
        string="Parent Unit",
        store=True,
        index=True,
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
        STATES,
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
        index=True,
        group_expand="_expand_states",
    )
    member_ids = fields.One2many("learning.unit.member", "assessment_id", copy=False)
    member_count = fields.Integer(compute="_compute_member_count", store=True)
    line_ids = fields.One2many(
        "learning.unit.assessment.line", "assessment_id", string="Criteria", copy=False
    )
    condition_line_ids = fields.One2many(
        "learning.unit.assessment.line",
        "assessment_id",
        domain=[("group_code", "=", "1")],
        string="Conditions",
    )
    result_line_ids = fields.One2many(
        "learning.unit.assessment.line",
        "assessment_id",
        domain=[("group_code", "=", "2")],
        string="Members' Results",
    )
    impact_line_ids = fields.One2many(
        "learning.unit.assessment.line",
        "assessment_id",
        domain=[("group_code", "=", "3")],
        string="Effects and Impact",
    )
    self_total = fields.Float(
        string="Self Score",
        digits=SCORE_DIGITS,
        compute="_compute_totals",
        store=True,
        tracking=True,
        aggregator="avg",
    )
    self_rank = fields.Selection(
        RANKS, compute="_compute_totals", store=True, tracking=True, index=True
    )
    self_total_conditions = fields.Float(
        string="Self Score: Conditions",
        digits=SCORE_DIGITS,
        compute="_compute_totals",
        store=True,
        aggregator="avg",
    )
    self_total_results = fields.Float(
        string="Self Score: Members' Results",
        digits=SCORE_DIGITS,
        compute="_compute_totals",
        store=True,
        aggregator="avg",
    )
    self_total_impact = fields.Float(
        string="Self Score: Effects and Impact",
        digits=SCORE_DIGITS,
        compute="_compute_totals",
        store=True,
        aggregator="avg",
    )
    review_total = fields.Float(
        string="Review Score",
        digits=SCORE_DIGITS,
        compute="_compute_totals",
        store=True,
        tracking=True,
        aggregator="avg",
    )
    review_rank = fields.Selection(
        RANKS, compute="_compute_totals", store=True, tracking=True, index=True
    )
    review_complete = fields.Boolean(
        compute="_compute_totals",
        store=True,
        help="Every criterion has a confirmed review score.",
    )
    review_difference = fields.Float(
        string="Difference",
        digits=SCORE_DIGITS,
        compute="_compute_totals",
        store=True,
        aggregator="avg",
        help="Review score minus self score.",
    )
    max_total = fields.Float(related="template_id.max_total")
    submitted_on = fields.Datetime(readonly=True, copy=False, tracking=True)
    submitted_date = fields.Date(
        readonly=True, copy=False, help="Submission day in the unit's time zone."
    )
    submitted_by = fields.Many2one("res.users", readonly=True, copy=False)
    date_deadline_self = fields.Date(related="period_id.date_deadline_self")
    is_late = fields.Boolean(
        string="Late",
        compute="_compute_is_late",
        store=True,
        index=True,
        help="Submitted after the self-assessment deadline.",
    )
    review_started_on = fields.Datetime(readonly=True, copy=False)
    reviewer_id = fields.Many2one(
        "res.users",
        string="Reviewer",
        tracking=True,
        copy=False,
        help="Member of the reviewing level in charge of this unit.",
    )
    reviewed_on = fields.Datetime(readonly=True, copy=False)
    reviewed_by = fields.Many2one("res.users", readonly=True, copy=False)
    review_note = fields.Text(tracking=True, copy=False)
    decision_number = fields.Char(tracking=True, copy=False)
    decision_date = fields.Date(tracking=True, copy=False)
    recognised_on = fields.Datetime(readonly=True, copy=False)
    return_reason = fields.Text(readonly=True, copy=False, tracking=True)
    returned_on = fields.Datetime(readonly=True, copy=False)
    returned_by = fields.Many2one("res.users", readonly=True, copy=False)
    return_count = fields.Integer(readonly=True, copy=False)
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
        compute="_compute_dossier",
        store=True,
        string="Missing Documents",
    )
    members_missing_evidence_count = fields.Integer(
        compute="_compute_member_count", store=True
    )
    is_in_my_scope = fields.Boolean(
        compute="_compute_is_in_my_scope", search="_search_is_in_my_scope"
    )

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

    @api.model
    def _expand_states(self, states, domain):
        """Kanban columns: every state, in the order of the workflow."""
        return [key for key, _label in STATES]

    @api.depends("department_id.name", "period_id.year")
    def _compute_name(self):
        for assessment in self:
            department = assessment.department_id.name or ""
            assessment.name = f"{department} - {assessment.period_id.year or ''}"

    @api.depends("department_id")
    def _compute_head_name(self):
        for assessment in self:
            assessment.head_name = assessment.department_id.sudo().manager_id.name

    @api.depends("member_ids", "member_ids.evidence_complete")
    def _compute_member_count(self):
        stored = self.filtered("id")
        counts = {}
        if stored:
            groups = (
                self.env["learning.unit.member"]
                .sudo()
                ._read_group(
                    [("assessment_id", "in", stored.ids)],
                    ["assessment_id", "evidence_complete"],
                    ["__count"],
                )
            )
            for assessment, complete, count in groups:
                total, incomplete = counts.get(assessment.id, (0, 0))
                counts[assessment.id] = (
                    total + count,
                    incomplete + (0 if complete else count),
                )
        for assessment in self:
            if assessment.id:
                total, incomplete = counts.get(assessment.id, (0, 0))
            else:
                members = assessment.member_ids
                total = len(members)
                incomplete = len(members.filtered(lambda m: not m.evidence_complete))
            assessment.member_count = total
            assessment.members_missing_evidence_count = incomplete

    @api.depends(
        "line_ids.self_score",
        "line_ids.review_score",
        "line_ids.review_set",
        "line_ids.group_code",
        "template_id.threshold_good",
        "template_id.threshold_fair",
        "template_id.threshold_average",
    )
    def _compute_totals(self):
        sums = self._line_sums()
        for assessment in self:
            self_total, by_group, review_total, count, confirmed = sums[assessment.id]
            complete = bool(count) and confirmed == count
            template = assessment.template_id
            assessment.self_total = float(self_total)
            assessment.self_total_conditions = float(by_group.get("1", 0))
            assessment.self_total_results = float(by_group.get("2", 0))
            assessment.self_total_impact = float(by_group.get("3", 0))
            assessment.self_rank = template._rank_of(self_total) if template else False
            assessment.review_total = float(review_total)
            assessment.review_complete = complete
            assessment.review_rank = (
                template._rank_of(review_total) if template and complete else False
            )
            assessment.review_difference = (
                float(review_total - self_total) if complete else 0.0
            )

    def _line_sums(self):
        """Exact sums of the line scores of each assessment.

        Returns ``{id: (self total, {group code: self total}, review total,
        lines, confirmed review scores)}`` with Fractions. Saved assessments
        are summed by PostgreSQL (numeric columns: exact) in one query; a
        form's unsaved assessment from its lines in memory.
        """
        zero = scoring.exact(0)
        sums = {}
        saved = self.browse(i for i in self._ids if i)
        if saved:
            Line = self.env["learning.unit.assessment.line"]
            Line.flush_model(
                [
                    "assessment_id",
                    "group_code",
                    "self_score",
                    "review_score",
                    "review_set",
                ]
            )
            rows = self.env.execute_query(
                SQL(
                    """SELECT assessment_id, group_code, SUM(self_score),
                              COALESCE(SUM(review_score) FILTER (WHERE review_set), 0),
                              COUNT(*), COUNT(*) FILTER (WHERE review_set)
                         FROM %(table)s
                        WHERE assessment_id = ANY(%(ids)s)
                     GROUP BY assessment_id, group_code""",
                    table=SQL.identifier(Line._table),
                    ids=list(saved.ids),
                )
            )
            for assessment_id, group, self_sum, review_sum, count, confirmed in rows:
                total, by_group, review, n, n_confirmed = sums.get(
                    assessment_id, (zero, {}, zero, 0, 0)
                )
                self_sum = scoring.exact(self_sum or 0)
                by_group[group] = by_group.get(group, zero) + self_sum
                sums[assessment_id] = (
                    total + self_sum,
                    by_group,
                    review + scoring.exact(review_sum),
                    n + count,
                    n_confirmed + confirmed,
                )
        for assessment in self - saved:
            lines = assessment.line_ids
            by_group = {}
            for line in lines:
                by_group[line.group_code] = by_group.get(
                    line.group_code, zero
                ) + scoring.exact(line.self_score)
            sums[assessment.id] = (
                sum(by_group.values(), zero),
                by_group,
                sum(
                    (
                        scoring.exact(line.review_score)
                        for line in lines
                        if line.review_set
                    ),
                    zero,
                ),
                len(lines),
                len(lines.filtered("review_set")),
            )
        return defaultdict(lambda: (zero, {}, zero, 0, 0), sums)

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
        "member_ids",
    )
    def _compute_dossier(self):
        Item = self.env["learning.unit.dossier.item"].sudo()
        stored = self.filtered("id")
        groups = Item._read_group(
            [("assessment_id", "in", stored.ids), ("mandatory", "=", True)],
            ["assessment_id", "document_type_id", "is_provided"],
            ["__count"],
        )
        stats = {}
        for assessment, doc_type, provided, count in groups:
            per_type = stats.setdefault(assessment.id, {}).setdefault(doc_type, [0, 0])
            per_type[0] += count
            if provided:
                per_type[1] += count
        for assessment in self:
            per_type = stats.get(assessment.id, {})
            total = sum(v[0] for v in per_type.values())
            provided = sum(v[1] for v in per_type.values())
            assessment.dossier_completeness = 100.0 * provided / total if total else 0.0
            missing = []
            for doc_type in sorted(per_type, key=lambda t: (t.sequence, t.id)):
                count, done = per_type[doc_type]
                if done < count:
                    if doc_type.scope == "member":
                        missing.append(
                            self.env._(
                                "%(document)s: %(missing)s of %(count)s members",
                                document=doc_type.name,
                                missing=count - done,
                                count=count,
                            )
                        )
                    else:
                        missing.append(doc_type.name)
            assessment.dossier_missing = "\n".join(missing)

    def _compute_is_in_my_scope(self):
        in_scope = self.search([("id", "in", self.ids)] + self._my_scope_domain())
        for assessment in self:
            assessment.is_in_my_scope = assessment in in_scope

    def _search_is_in_my_scope(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on 'In my scope'."))
        domain = self._my_scope_domain()
        if (operator == "=") == value:
            return domain
        return ["!", *domain]

    def _my_scope_domain(self):
        """Units the current user prepares or reviews."""
        user = self.env.user
        departments = user.lu_review_department_ids | user.employee_ids.department_id
        return [("department_id", "child_of", departments.ids)]

    # ------------------------------------------------------------------
    # CRUD and access checks
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                forbidden = self._workflow_fields.intersection(vals)
                if forbidden:
                    raise AccessError(
                        self.env._(
                            "These fields are set by the workflow buttons only: "
                            "%(fields)s.",
                            fields=", ".join(sorted(forbidden)),
                        )
                    )
        self._check_one_per_unit_and_period(vals_list)
        assessments = super().create(vals_list)
        closed = assessments.filtered(lambda a: a.period_id.state == "closed")
        if closed and not self.env.su:
            raise UserError(
                self.env._(
                    "The period %(period)s is closed: no new assessment can be "
                    "added to it.",
                    period=closed[0].period_id.name,
                )
            )
        assessments.sudo()._create_lines()
        assessments.sudo()._create_unit_dossier()
        return assessments

    def _check_one_per_unit_and_period(self, vals_list):
        """Refuse a second assessment of a unit in a period, in words.

        The SQL constraint stays as the last line of defence.
        """
        pairs = [
            (
                vals.get("period_id") or self._default_period().id,
                vals.get("department_id"),
            )
            for vals in vals_list
        ]
        existing = self.sudo().search_fetch(
            [
                ("period_id", "in", [p for p, _d in pairs]),
                ("department_id", "in", [d for _p, d in pairs]),
            ],
            ["period_id", "department_id"],
        )
        taken = {(a.period_id.id, a.department_id.id) for a in existing}
        for pair in pairs:
            if pair in taken:
                department = self.env["hr.department"].sudo().browse(pair[1])
                period = self.env["learning.unit.period"].sudo().browse(pair[0])
                raise ValidationError(
                    self.env._(
                        "%(unit)s already has an assessment for %(period)s.",
                        unit=department.display_name,
                        period=period.name,
                    )
                )
            taken.add(pair)

    def _create_lines(self):
        """One line per scored criterion of the period's template."""
        vals_list = []
        for assessment in self:
            criteria = assessment.template_id.criterion_ids.filtered(
                lambda c: c.kind == "criterion"
            )
            existing = assessment.line_ids.criterion_id
            vals_list += [
                {"assessment_id": assessment.id, "criterion_id": criterion.id}
                for criterion in criteria.sorted("sequence")
                if criterion not in existing
            ]
        return self.env["learning.unit.assessment.line"].create(vals_list)

    def _create_unit_dossier(self):
        doc_types = self.env["learning.unit.document.type"].search(
            [("scope", "=", "unit")]
        )
        vals_list = [
            {"assessment_id": assessment.id, "document_type_id": doc_type.id}
            for assessment in self
            for doc_type in doc_types
            if doc_type not in assessment.dossier_item_ids.document_type_id
        ]
        return self.env["learning.unit.dossier.item"].create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._check_can_write(set(vals))
        return super().write(vals)

    def _check_can_write(self, field_names):
        """Refuse what the user's role and the assessment's state do not allow.

        Applies to every write, from the form as from RPC.
        """
        mixin_fields = set(self.env["mail.thread"]._fields) | set(
            self.env["mail.activity.mixin"]._fields
        )
        field_names = field_names - mixin_fields
        if not field_names:
            return
        forbidden = field_names & self._workflow_fields
        if forbidden:
            raise AccessError(
                self.env._(
                    "These fields are set by the workflow buttons only: %(fields)s.",
                    fields=", ".join(sorted(forbidden)),
                )
            )
        review_fields = field_names & self._review_fields
        unit_fields = field_names - self._review_fields
        if review_fields:
            if not lu_has_role(self.env, GROUP_REVIEWER):
                raise AccessError(
                    self.env._(
                        "Only the reviewing level can record review notes and "
                        "decisions."
                    )
                )
            locked = self.filtered(lambda a: a.state not in REVIEW_STATES)
            if locked:
                raise UserError(
                    self.env._(
                        "The review of %(unit)s can only be edited while it is "
                        "submitted or in review.",
                        unit=locked[0].name,
                    )
                )
        if unit_fields:
            if not lu_has_role(self.env, GROUP_OFFICER):
                raise AccessError(
                    self.env._("Only the unit officer can change the self-assessment.")
                )
            self._check_editable()

    def _check_editable(self):
        locked = self.filtered(lambda a: a.state not in EDITABLE_STATES)
        if locked:
            raise UserError(
                self.env._(
                    "The self-assessment of %(unit)s is %(state)s and can no "
                    "longer be changed.",
                    unit=locked[0].name,
                    state=dict(self._fields["state"]._description_selection(self.env))[
                        locked[0].state
                    ],
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_only_unsent_drafts(self):
        if self.env.su:
            return
        if not lu_has_role(self.env, GROUP_OFFICER):
            raise AccessError(
                self.env._("Only the unit officer can delete an assessment.")
            )
        started = self.filtered(lambda a: a.state != "draft" or a.return_count)
        if started and not self.env.user.has_group(GROUP_ADMIN):
            raise UserError(
                self.env._(
                    "Only a draft assessment that was never submitted can be "
                    "deleted (%(unit)s).",
                    unit=started[0].name,
                )
            )

    # ------------------------------------------------------------------
    # members
    # ------------------------------------------------------------------
    def action_load_members(self):
        """Add one member row per active employee of the unit and its sub-units.

        Employees already listed are kept as they are; nothing is removed.
        """
        lu_check_access(self, "write")
        self._check_can_write({"member_ids"})
        # one search for all the units and their sub-units, not one per unit
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("department_id", "child_of", self.department_id.ids),
                    ("company_id", "in", [*self.company_id.ids, False]),
                ],
                order="name, id",
            )
        )
        by_unit = defaultdict(list)  # department id -> employees of it and below
        for employee in employees:
            for ancestor in employee.department_id.parent_path.split("/")[:-1]:
                by_unit[int(ancestor)].append(employee)
        vals_list = []
        for assessment in self:
            known = set(assessment.member_ids.employee_id.ids)
            companies = (assessment.company_id.id, False)
            vals_list += [
                {"assessment_id": assessment.id, "employee_id": employee.id}
                for employee in by_unit[assessment.department_id.id]
                if employee.id not in known and employee.company_id.id in companies
            ]
        members = self.env["learning.unit.member"].create(vals_list)
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
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Members missing evidence"),
            "res_model": "learning.unit.member",
            "view_mode": "list,form",
            "domain": [
                ("assessment_id", "=", self.id),
                ("evidence_complete", "=", False),
            ],
            "context": {"default_assessment_id": self.id},
        }

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def _check_role(self, role_group, message):
        if not lu_has_role(self.env, role_group):
            raise AccessError(message)
        # the record rules of the caller decide which units they may act on
        lu_check_access(self, "write")

    def _check_state(self, allowed, action_label):
        wrong = self.filtered(lambda a: a.state not in allowed)
        if wrong:
            states = dict(self._fields["state"]._description_selection(self.env))
            raise UserError(
                self.env._(
                    "%(action)s is not possible for %(unit)s in state %(state)s.",
                    action=action_label,
                    unit=wrong[0].name,
                    state=states[wrong[0].state],
                )
            )

    def action_submit(self):
        """Send the self-assessment to the reviewing level; it is then locked."""
        self._check_role(GROUP_OFFICER, self.env._("Only the unit officer can submit."))
        self._check_state(EDITABLE_STATES, self.env._("Submitting"))
        for assessment in self:
            if assessment.period_id.state == "closed":
                raise UserError(
                    self.env._(
                        "The period %(period)s is closed.",
                        period=assessment.period_id.name,
                    )
                )
            if not assessment.member_ids:
                raise ValidationError(
                    self.env._(
                        "%(unit)s has no members: load the members before "
                        "submitting.",
                        unit=assessment.name,
                    )
                )
            if assessment.dossier_missing:
                raise ValidationError(
                    self.env._(
                        "The dossier of %(unit)s is incomplete. Missing:\n%(missing)s",
                        unit=assessment.name,
                        missing=assessment.dossier_missing,
                    )
                )
        now = fields.Datetime.now()
        today = fields.Date.context_today(self)
        self.sudo().write(
            {
                "state": "submitted",
                "submitted_on": now,
                "submitted_date": today,
                "submitted_by": self.env.uid,
            }
        )
        self.sudo().activity_feedback(
            [ACTIVITY_SUBMIT], feedback=self.env._("Submitted")
        )
        self._schedule_review_activity()
        return True

    def action_start_review(self):
        """Take a submitted assessment into review.

        The review scores start as the unit's own scores, not yet confirmed.
        """
        self._check_role(
            GROUP_REVIEWER, self.env._("Only the reviewing level can review.")
        )
        self._check_state(("submitted",), self.env._("Starting the review"))
        lines = self.sudo().line_ids
        for score in set(lines.mapped("self_score")):
            lines.filtered(lambda line, score=score: line.self_score == score).write(
                {"review_score": score, "review_set": False}
            )
        self.sudo().write(
            {
                "state": "in_review",
                "review_started_on": fields.Datetime.now(),
            }
        )
        for assessment in self.filtered(lambda a: not a.reviewer_id):
            assessment.sudo().reviewer_id = self.env.user
        return True

    def action_confirm_review_scores(self):
        """Confirm every review score not yet confirmed as it stands."""
        self._check_role(
            GROUP_REVIEWER, self.env._("Only the reviewing level can review.")
        )
        self._check_state(("in_review",), self.env._("Confirming the review scores"))
        self.line_ids.filtered(lambda line: not line.review_set).write(
            {"review_set": True}
        )
        return True

    def action_mark_reviewed(self):
        self._check_role(
            GROUP_REVIEWER, self.env._("Only the reviewing level can review.")
        )
        self._check_state(("in_review",), self.env._("Finishing the review"))
        for assessment in self:
            unset = assessment.line_ids.filtered(lambda line: not line.review_set)
            if unset:
                raise ValidationError(
                    self.env._(
                        "The review of %(unit)s is not complete: confirm the "
                        "review score of %(codes)s.",
                        unit=assessment.name,
                        codes=", ".join(unset.mapped("criterion_code")),
                    )
                )
        self.sudo().write(
            {
                "state": "reviewed",
                "reviewed_on": fields.Datetime.now(),
                "reviewed_by": self.env.uid,
            }
        )
        self.sudo().activity_feedback(
            [ACTIVITY_REVIEW], feedback=self.env._("Reviewed")
        )
        return True

    def action_recognise(self):
        """Record the reviewing level's decision recognising the title."""
        self._check_role(
            GROUP_REVIEWER, self.env._("Only the reviewing level can recognise a unit.")
        )
        self._check_state(("reviewed",), self.env._("Recognising"))
        for assessment in self:
            if not assessment.decision_number or not assessment.decision_date:
                raise ValidationError(
                    self.env._(
                        "Enter the decision number and date before recognising "
                        "%(unit)s.",
                        unit=assessment.name,
                    )
                )
        self.sudo().write(
            {"state": "recognised", "recognised_on": fields.Datetime.now()}
        )
        return True

    def action_return(self):
        """Open the wizard asking why the assessment goes back to the unit."""
        self._check_role(
            GROUP_REVIEWER,
            self.env._("Only the reviewing level can return an assessment."),
        )
        self._check_state(REVIEW_STATES, self.env._("Returning"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return to the unit"),
            "res_model": "learning.unit.return.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_assessment_ids": self.ids},
        }

    def _return_to_unit(self, reason):
        self._check_role(
            GROUP_REVIEWER,
            self.env._("Only the reviewing level can return an assessment."),
        )
        self._check_state(REVIEW_STATES, self.env._("Returning"))
        reason = (reason or "").strip()
        if not reason:
            raise ValidationError(self.env._("Say why the assessment is returned."))
        for assessment in self:
            assessment.sudo().write(
                {
                    "state": "returned",
                    "return_reason": reason,
                    "returned_on": fields.Datetime.now(),
                    "returned_by": self.env.uid,
                    "return_count": assessment.return_count + 1,
                }
            )
            assessment.sudo().line_ids.write({"review_set": False})
            assessment.sudo().message_post(
                author_id=self.env.user.partner_id.id,
                body=self.env._(
                    "Returned to the unit. Reason: %(reason)s", reason=reason
                ),
                subtype_xmlid="mail.mt_comment",
                partner_ids=assessment.user_id.partner_id.ids,
            )
        self.sudo().activity_feedback(
            [ACTIVITY_REVIEW], feedback=self.env._("Returned")
        )
        return True

    # ------------------------------------------------------------------
    # reminders
    # ------------------------------------------------------------------
    def _reviewers(self):
        """Users of the reviewing level whose scope covers this unit."""
        self.ensure_one()
        ancestors = [int(i) for i in self.department_id.parent_path.split("/") if i]
        return (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("groups_id", "in", self.env.ref(GROUP_REVIEWER).id),
                    ("lu_review_department_ids", "in", ancestors),
                    ("company_ids", "in", self.company_id.id),
                ]
            )
        )

    def _schedule_review_activity(self):
        for assessment in self.sudo():
            users = assessment.reviewer_id or assessment._reviewers()
            for user in users:
                assessment.activity_schedule(
                    ACTIVITY_REVIEW,
                    note=self.env._(
                        "%(unit)s submitted its self-assessment (%(score)s points).",
                        unit=assessment.department_id.name,
                        score=assessment.self_total,
                    ),
                    user_id=user.id,
                )

    def _schedule_deadline_reminder(self):
        activity_type = self.env.ref(ACTIVITY_SUBMIT)
        for assessment in self.sudo():
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
