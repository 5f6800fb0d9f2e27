# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A rule set: the criteria of a legal regime, with their parameters.

A template is configuration the administrator edits. When a period opens it
takes a *snapshot*: a read-only copy of the template and its criteria that the
period's assessments are scored with. Editing or archiving the template later
never changes a score, a total, a rank or a printed form of an existing
assessment; the period's drafts move to a new snapshot only through the
explicit re-basing of the period (see learning.unit.rebase.wizard).
"""

from calendar import monthrange

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_date

from .. import scoring

SCORE_DIGITS = (6, 2)
SCHEMES = [("points", "Points and ranks"), ("levels", "Levels 1 and 2")]
# the years and days of a rule set (_check_years_and_days)
YEAR_FIELDS = (
    "year_from",
    "year_to",
    "validity_years",
    "level_2_wait_years",
    "deadline_self_day",
    "deadline_self_month",
    "deadline_report_day",
    "deadline_report_month",
)
TEMPLATE_FIELDS = frozenset(
    {
        "name",
        "code",
        "scheme",
        "sequence",
        "active",
        "description",
        "criterion_ids",
        "threshold_good",
        "threshold_fair",
        "threshold_average",
        *YEAR_FIELDS,
    }
)


class LearningUnitTemplate(models.Model):
    _name = "learning.unit.template"
    _inherit = ["learning.unit.lock.mixin"]
    _description = "Learning Unit Rule Set"
    _order = "sequence, year_from desc, id"

    _lu_write_access = {"admin": TEMPLATE_FIELDS}
    # a frozen copy is made by the system only (_snapshot, security.xml)
    _lu_create_fields = {"admin": TEMPLATE_FIELDS | {"snapshot_of_id"}}

    name = fields.Char(required=True)
    code = fields.Char(
        required=True, help="Short technical code, unique among the templates."
    )
    scheme = fields.Selection(
        SCHEMES,
        required=True,
        default="points",
        help="Points and ranks: Thông tư 22/2020 (100 points, Tốt / Khá / Trung "
        "bình / Chưa đạt). Levels: Thông tư 24/2023 (indicators met or not, "
        "mức độ 1 or 2).",
    )
    year_from = fields.Integer(
        string="From Year", help="First evaluation year it applies to (empty: any)."
    )
    year_to = fields.Integer(
        string="To Year", help="Last evaluation year it applies to (empty: open)."
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(help="Legal basis and notes on this rule set.")
    criterion_ids = fields.One2many(
        "learning.unit.criterion", "template_id", string="Criteria"
    )
    max_total = fields.Float(
        string="Maximum Total",
        digits=SCORE_DIGITS,
        compute="_compute_max_total",
        store=True,
        help="Sum of the maximum scores of the scored criteria.",
    )
    threshold_good = fields.Float(
        string="Minimum for Good", digits=SCORE_DIGITS, default=85
    )
    threshold_fair = fields.Float(
        string="Minimum for Fair", digits=SCORE_DIGITS, default=70
    )
    threshold_average = fields.Float(
        string="Minimum for Average", digits=SCORE_DIGITS, default=50
    )
    validity_years = fields.Integer(
        default=3,
        help="A recognition stays valid until 31/12 of its decision year plus "
        "this many years.",
    )
    level_2_wait_years = fields.Integer(
        string="Years Before Level 2",
        default=1,
        help="Level 2 can be recognised only this many years after a level 1 "
        "decision.",
    )
    deadline_self_day = fields.Integer(default=31)
    deadline_self_month = fields.Integer(
        default=1,
        help="Units send their self-assessment before this day and month of the "
        "year after the evaluated year.",
    )
    deadline_report_day = fields.Integer(default=31)
    deadline_report_month = fields.Integer(
        default=3,
        help="The reviewing level recognises and reports before this day and "
        "month of the year after the evaluated year.",
    )
    snapshot_of_id = fields.Many2one(
        "learning.unit.template",
        readonly=True,
        index=True,
        ondelete="restrict",
        help="A snapshot is the frozen copy a period is scored with.",
    )
    snapshot_ids = fields.One2many("learning.unit.template", "snapshot_of_id")
    period_ids = fields.One2many(
        "learning.unit.period", "template_id", string="Periods"
    )
    open_period_count = fields.Integer(compute="_compute_open_period_count")

    @api.depends("criterion_ids.max_score", "criterion_ids.kind")
    def _compute_max_total(self):
        for template in self:
            leaves = template.criterion_ids.filtered(lambda c: c.kind == "criterion")
            template.max_total = float(
                sum((scoring.exact(c.max_score) for c in leaves), scoring.exact(0))
            )

    @api.depends("period_ids.state")
    def _compute_open_period_count(self):
        for template in self:
            template.open_period_count = len(
                template.period_ids.filtered(lambda p: p.state == "open")
            )

    def _compute_display_name(self):
        for template in self:
            name = template.name or ""
            if template.snapshot_of_id:
                name = self.env._(
                    "%(name)s (rules of %(date)s)",
                    name=name,
                    # the day in the user's time zone, not UTC's
                    date=format_date(
                        self.env,
                        fields.Datetime.context_timestamp(
                            template, template.create_date
                        ).date(),
                    )
                    if template.create_date
                    else "",
                )
            template.display_name = name

    def _lu_is_locked(self):
        return bool(self.snapshot_of_id)

    def _lu_locked_error(self, record):
        return ValidationError(
            self.env._(
                "%(template)s is the frozen copy of the rules a period is scored "
                "with: it cannot be changed. Edit the template itself; periods "
                "apply the change to their drafts by re-basing them.",
                template=record.display_name,
            )
        )

    @api.constrains("code", "snapshot_of_id")
    def _check_code(self):
        masters = self.filtered(lambda t: not t.snapshot_of_id)
        for template in masters:
            if self.search_count(
                [
                    ("code", "=", template.code),
                    ("snapshot_of_id", "=", False),
                    ("id", "!=", template.id),
                ],
                limit=1,
            ):
                raise ValidationError(
                    self.env._(
                        "The template code %(code)s is already used.",
                        code=template.code,
                    )
                )

    @api.constrains("threshold_good", "threshold_fair", "threshold_average", "scheme")
    def _check_thresholds(self):
        for template in self.filtered(lambda t: t.scheme == "points"):
            good = scoring.exact(template.threshold_good)
            fair = scoring.exact(template.threshold_fair)
            average = scoring.exact(template.threshold_average)
            if not (good > fair > average >= 0):
                raise ValidationError(
                    self.env._(
                        "The rank thresholds of template %(template)s must "
                        "decrease: Good > Fair > Average >= 0.",
                        template=template.name,
                    )
                )

    @api.constrains(*YEAR_FIELDS)
    def _check_years_and_days(self):
        for template in self:
            for year in (template.year_from, template.year_to):
                if year and not 2000 <= year <= 2100:
                    raise ValidationError(
                        self.env._(
                            "A year of template %(template)s must be between 2000 "
                            "and 2100.",
                            template=template.name,
                        )
                    )
            if template.year_from and 0 < template.year_to < template.year_from:
                raise ValidationError(
                    self.env._(
                        "Template %(template)s ends before it starts.",
                        template=template.name,
                    )
                )
            if not (
                0 <= template.validity_years <= 20
                and 0 <= template.level_2_wait_years <= 20
            ):
                raise ValidationError(
                    self.env._(
                        "Years of validity and of waiting must be between 0 and 20."
                    )
                )
            for day, month in (
                (template.deadline_self_day, template.deadline_self_month),
                (template.deadline_report_day, template.deadline_report_month),
            ):
                # a day every year has (no 29 February)
                if not (1 <= month <= 12 and 1 <= day <= monthrange(2001, month)[1]):
                    raise ValidationError(
                        self.env._(
                            "The deadlines of template %(template)s must be days "
                            "every year has (month 1-12, no 29 February).",
                            template=template.name,
                        )
                    )

    # ------------------------------------------------------------------
    # rules
    # ------------------------------------------------------------------
    def _rank_of(self, total):
        """Rank code of an exact ``total`` under this template's thresholds."""
        self.ensure_one()
        return scoring.rank(
            total, self.threshold_good, self.threshold_fair, self.threshold_average
        )

    @api.model
    def _for_year(self, year):
        """The active template whose years cover ``year`` (the newest first)."""
        domain = [
            ("snapshot_of_id", "=", False),
            "|",
            ("year_from", "=", False),
            ("year_from", "<=", year),
            "|",
            ("year_to", "=", False),
            ("year_to", ">=", year),
        ]
        return self.search(domain, order="year_from desc, sequence, id", limit=1)

    def _lu_signature(self):
        """What the rules say, to compare a template with its frozen copies."""
        self.ensure_one()
        from .learning_unit_criterion import CRITERION_FIELDS

        criterion_fields = sorted(CRITERION_FIELDS - {"template_id", "parent_id"})
        return (
            tuple(
                self[name]
                for name in sorted(
                    TEMPLATE_FIELDS
                    - {"criterion_ids", "active", "sequence", "name", "description"}
                )
            ),
            tuple(
                sorted(
                    (c.parent_id.code or "", *(str(c[n]) for n in criterion_fields))
                    for c in self.criterion_ids
                )
            ),
        )

    def _snapshot(self):
        """A frozen copy of this template and its criteria.

        The system makes it when a period takes its rules (the period's
        creation, change of rule set or re-basing, which are the user's acts,
        checked as such): nobody creates one or a criterion in one
        (security.xml), so the copy is made as the superuser.
        """
        self.ensure_one()
        return self.sudo()._make_snapshot().with_env(self.env)

    def _make_snapshot(self):
        snapshot = self.create(
            [
                dict(
                    self.copy_data()[0],
                    criterion_ids=[],
                    snapshot_of_id=self.id,
                    active=True,
                )
            ]
        )
        Criterion = self.env["learning.unit.criterion"]
        copies = {}
        criteria = self.criterion_ids.with_context(active_test=False)
        # parents before their children: create level by level
        pending = criteria.sorted(lambda c: (len(c.parent_path or ""), c.id))
        depth_of = {c.id: (c.parent_path or "").count("/") for c in pending}
        for depth in sorted(set(depth_of.values())):
            level = pending.filtered(lambda c, d=depth: depth_of[c.id] == d)
            vals_list = []
            for criterion in level:
                vals = criterion.copy_data()[0]
                vals.update(
                    template_id=snapshot.id,
                    parent_id=copies.get(criterion.parent_id.id, False),
                )
                vals_list.append(vals)
            for criterion, copy in zip(level, Criterion.create(vals_list), strict=True):
                copies[criterion.id] = copy.id
        return snapshot

    def action_view_criteria(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "learning_unit.action_learning_unit_criterion"
        )
        action["domain"] = [("template_id", "=", self.id)]
        action["context"] = {"default_template_id": self.id}
        return action
