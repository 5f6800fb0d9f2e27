# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .. import scoring
from .learning_unit_template import SCORE_DIGITS

# The eight competencies of a "Công dân học tập" (criterion 3a); the members
# list has one column per competency.
COMPETENCY_CODES = ("3a1", "3a2", "3a3", "3a4", "3a5", "3a6", "3a7", "3a8")

# Member evidence fields a "member_share" criterion may count. Keys are field
# names of learning.unit.member.
MEMBER_EVIDENCE = [
    ("plan_approved", "Approved self-study plan"),
    ("discipline_ok", "Observes labour discipline"),
    ("training_done", "Completed mandatory training"),
    ("advanced_worker", "Advanced Worker title or higher"),
]
# The member Booleans: evidence of 2a-2d, and one per competency of 3a.
EVIDENCE_FIELDS = [key for key, _label in MEMBER_EVIDENCE]
COMPETENCY_FIELDS = {code: f"competency_{code}" for code in COMPETENCY_CODES}


class LearningUnitCriterion(models.Model):
    _name = "learning.unit.criterion"
    _description = "Learning Unit Criterion"
    _order = "template_id, sequence, id"
    _parent_store = True

    template_id = fields.Many2one(
        "learning.unit.template",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help="Code as in the form, e.g. 2a or 3a1.")
    label = fields.Char(
        string="No.",
        help="What the official form prints in its first column (1, a, Trong đó...).",
    )
    name = fields.Text(string="Criterion", required=True)
    hint = fields.Char(
        help="The scoring hint the form prints in italics, "
        "e.g. 'Giảm 5% trừ 0,5 điểm'."
    )
    kind = fields.Selection(
        [("group", "Group"), ("criterion", "Scored criterion")],
        required=True,
        default="criterion",
    )
    parent_id = fields.Many2one(
        "learning.unit.criterion",
        string="Group",
        ondelete="cascade",
        index=True,
        domain="[('template_id', '=', template_id), ('kind', '=', 'group')]",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("learning.unit.criterion", "parent_id")
    group_id = fields.Many2one(
        "learning.unit.criterion",
        string="Top Group",
        compute="_compute_group_id",
        store=True,
        recursive=True,
        help="The top-level group (1, 2 or 3) this criterion belongs to.",
    )
    max_score = fields.Float(
        digits=SCORE_DIGITS,
        compute="_compute_max_score",
        store=True,
        readonly=False,
        recursive=True,
        help="For a group, the sum of the maxima of its criteria.",
    )
    method = fields.Selection(
        [
            ("achieved", "Full points when achieved"),
            ("missing_resources", "Deduction per missing resource"),
            ("member_share", "Deduction per step of members short of 100%"),
            ("all_members", "Full points when every member has the competency"),
            ("count", "Points per counted item"),
        ],
        string="Scoring Method",
    )
    member_field = fields.Selection(
        MEMBER_EVIDENCE,
        string="Member Evidence",
        help="Which member evidence a 'share of members' criterion counts.",
    )
    competency_id = fields.Many2one("learning.unit.competency", ondelete="restrict")
    step_percent = fields.Float(
        string="Step (%)",
        digits=(5, 2),
        help="Size of one deduction step, in percentage points of members.",
    )
    step_mode = fields.Selection(
        [
            (scoring.STEP_COMPLETED, "Completed steps only"),
            (scoring.STEP_STARTED, "Any started step"),
        ],
        default=scoring.STEP_COMPLETED,
        help="Whether a partly reached step already deducts.",
    )
    deduction = fields.Float(
        digits=SCORE_DIGITS,
        help="Points deducted per step or per missing resource.",
    )
    max_missing = fields.Integer(
        string="Number of Resources",
        help="How many resources the unit can be missing at most.",
    )
    points_per_unit = fields.Float(
        digits=SCORE_DIGITS,
        help="Points per counted item (e.g. per other unit shared with).",
    )
    rounding = fields.Float(
        digits=SCORE_DIGITS,
        default=0.01,
        help="The score is rounded half-up to a multiple of this value.",
    )

    _sql_constraints = [
        (
            "code_template_unique",
            "UNIQUE(template_id, code)",
            "A criterion code must be unique within its template.",
        ),
    ]

    @api.depends("parent_id", "parent_id.group_id")
    def _compute_group_id(self):
        for criterion in self:
            parent = criterion.parent_id
            criterion.group_id = (parent.group_id or parent) if parent else criterion

    @api.depends("kind", "child_ids.max_score")
    def _compute_max_score(self):
        for criterion in self.filtered(lambda c: c.kind == "group"):
            criterion.max_score = float(
                sum(
                    (scoring.exact(c.max_score) for c in criterion.child_ids),
                    scoring.exact(0),
                )
            )

    def _compute_display_name(self):
        for criterion in self:
            criterion.display_name = f"{criterion.code}. {criterion.name or ''}"

    @api.constrains(
        "kind",
        "method",
        "member_field",
        "competency_id",
        "step_percent",
        "deduction",
        "max_missing",
        "points_per_unit",
        "rounding",
        "max_score",
    )
    def _check_parameters(self):
        for criterion in self:
            code = criterion.code
            if criterion.max_score < 0:
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s: the maximum score cannot be negative.",
                        code=code,
                    )
                )
            if criterion.rounding < 0:
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s: the rounding cannot be negative.",
                        code=code,
                    )
                )
            if criterion.kind == "group":
                continue
            method = criterion.method
            if not method:
                raise ValidationError(
                    self.env._("Criterion %(code)s needs a scoring method.", code=code)
                )
            if criterion.deduction < 0 or criterion.points_per_unit < 0:
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s: points cannot be negative.", code=code
                    )
                )
            if method == "member_share":
                if not criterion.member_field:
                    raise ValidationError(
                        self.env._(
                            "Criterion %(code)s must say which member evidence it "
                            "counts.",
                            code=code,
                        )
                    )
                if not 0 < criterion.step_percent <= 100:
                    raise ValidationError(
                        self.env._(
                            "Criterion %(code)s: the step must be between 0 and "
                            "100%%.",
                            code=code,
                        )
                    )
            if method == "all_members" and (
                criterion.competency_id.code not in COMPETENCY_CODES
            ):
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s must name the competency every member "
                        "needs, one of %(codes)s.",
                        code=code,
                        codes=", ".join(COMPETENCY_CODES),
                    )
                )
            if method == "missing_resources" and criterion.max_missing <= 0:
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s: give the number of resources.", code=code
                    )
                )

    @api.constrains("parent_id", "template_id")
    def _check_parent(self):
        for criterion in self:
            parent = criterion.parent_id
            if parent and (
                parent.kind != "group" or parent.template_id != criterion.template_id
            ):
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s can only belong to a group of the same "
                        "template.",
                        code=criterion.code,
                    )
                )
        if self._has_cycle():
            raise ValidationError(
                self.env._("Criterion groups cannot contain themselves.")
            )

    def _counted_member_field(self):
        """The Boolean of learning.unit.member this criterion counts, if any."""
        self.ensure_one()
        if self.method == "member_share":
            return self.member_field
        if self.method == "all_members" and self.competency_id.code in COMPETENCY_CODES:
            return COMPETENCY_FIELDS[self.competency_id.code]
        return None

    def _score(self, line_values):
        """Score one assessment line of this criterion.

        ``line_values`` holds the line's inputs as plain numbers: ``achieved``,
        ``missing_count``, ``count_value``, ``member_count`` and ``met_count``.
        Returns a :class:`scoring.ScoreResult`.
        """
        self.ensure_one()
        method = self.method
        max_score = self.max_score
        rounding = self.rounding
        if method == "achieved":
            return scoring.score_achieved(max_score, line_values["achieved"], rounding)
        if method == "missing_resources":
            return scoring.score_missing_resources(
                max_score,
                line_values["missing_count"],
                self.deduction,
                self.max_missing,
                rounding,
            )
        if method == "member_share":
            return scoring.score_member_share(
                max_score,
                line_values["met_count"],
                line_values["member_count"],
                self.step_percent,
                self.deduction,
                self.step_mode,
                rounding,
            )
        if method == "all_members":
            return scoring.score_all_members(
                max_score,
                line_values["met_count"],
                line_values["member_count"],
                rounding,
            )
        if method == "count":
            return scoring.score_count(
                max_score, line_values["count_value"], self.points_per_unit, rounding
            )
        return scoring.ScoreResult(scoring.exact(0), "no_method")
