# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .. import scoring
from ..evidence import EVIDENCE_KINDS
from .learning_unit_template import SCORE_DIGITS

LEVEL_SELECTION = [
    (scoring.LEVEL_NONE, "Not reached"),
    (scoring.LEVEL_1, "Level 1"),
    (scoring.LEVEL_2, "Level 2"),
]
CRITERION_FIELDS = frozenset(
    {
        "template_id",
        "sequence",
        "code",
        "label",
        "name",
        "hint",
        "note",
        "kind",
        "parent_id",
        "max_score",
        "method",
        "member_field",
        "step_percent",
        "step_mode",
        "deduction",
        "max_missing",
        "points_per_unit",
        "rounding",
        "threshold_level_1",
        "threshold_level_2",
        "min_level",
    }
)


class LearningUnitCriterion(models.Model):
    _name = "learning.unit.criterion"
    _inherit = ["learning.unit.lock.mixin"]
    _description = "Learning Unit Criterion"
    _order = "template_id, sequence, id"
    _parent_store = True

    _lu_write_access = {"admin": CRITERION_FIELDS}
    _lu_create_fields = {"admin": CRITERION_FIELDS}

    template_id = fields.Many2one(
        "learning.unit.template", required=True, ondelete="cascade", index=True
    )
    scheme = fields.Selection(related="template_id.scheme")
    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, help="Code as in the form, e.g. 2a or 3.1.")
    label = fields.Char(
        string="No.",
        help="What the official form prints in its first column (1, a, Trong đó...).",
    )
    name = fields.Text(string="Criterion", required=True)
    hint = fields.Char(
        help="The scoring hint the form prints in italics, "
        "e.g. 'Giảm 5% trừ 0,5 điểm'."
    )
    note = fields.Text(
        help="Source of the text and how sure it is (e.g. wording not yet "
        "confirmed against the official circular)."
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
            ("achieved", "Met when the unit achieves it"),
            ("missing_resources", "Deduction per missing resource"),
            ("member_share", "Share of the members"),
            ("all_members", "Every member"),
            ("count", "Points per counted item"),
        ],
    )
    member_field = fields.Selection(
        [(kind.field, kind.label) for kind in EVIDENCE_KINDS],
        string="Member Evidence",
        help="Which evidence of the members this criterion counts.",
    )
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
        digits=SCORE_DIGITS, help="Points deducted per step or per missing resource."
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
    threshold_level_1 = fields.Float(
        string="Level 1 (%)",
        digits=(5, 2),
        help="Share of the members needed for level 1.",
    )
    threshold_level_2 = fields.Float(
        string="Level 2 (%)",
        digits=(5, 2),
        help="Share of the members needed for level 2.",
    )
    min_level = fields.Selection(
        LEVEL_SELECTION[1:],
        string="Required From",
        default=scoring.LEVEL_1,
        help="An indicator required from level 2 only does not stop level 1.",
    )

    _sql_constraints = [
        (
            "code_template_unique",
            "UNIQUE(template_id, code)",
            "A criterion code must be unique within its template.",
        ),
    ]

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

    def _lu_is_locked(self):
        return bool(self.template_id.snapshot_of_id)

    def _lu_locked_error(self, record):
        return self.env["learning.unit.template"]._lu_locked_error(record.template_id)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_from_templates(self):
        frozen = self.filtered(lambda c: c.template_id.snapshot_of_id)
        if frozen and not self.env.su:
            raise self._lu_locked_error(frozen[0])

    @api.constrains(
        "kind",
        "method",
        "member_field",
        "step_percent",
        "deduction",
        "max_missing",
        "points_per_unit",
        "rounding",
        "max_score",
        "threshold_level_1",
        "threshold_level_2",
    )
    def _check_parameters(self):
        for criterion in self:
            code = criterion.code
            if criterion.max_score < 0 or criterion.rounding < 0:
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s: the maximum and the rounding cannot "
                        "be negative.",
                        code=code,
                    )
                )
            if criterion.kind == "group":
                continue
            method = criterion.method
            if not method:
                raise ValidationError(
                    self.env._("Criterion %(code)s needs a method.", code=code)
                )
            if criterion.deduction < 0 or criterion.points_per_unit < 0:
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s: points cannot be negative.", code=code
                    )
                )
            if method in ("member_share", "all_members") and not criterion.member_field:
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s must say which member evidence it "
                        "counts.",
                        code=code,
                    )
                )
            levels = criterion.template_id.scheme == "levels"
            if method == "member_share" and levels:
                first = criterion.threshold_level_1
                second = criterion.threshold_level_2
                if not 0 < first <= second <= 100:
                    raise ValidationError(
                        self.env._(
                            "Criterion %(code)s: the shares for level 1 and level 2 "
                            "must be between 0 and 100%%, level 2 at least level 1.",
                            code=code,
                        )
                    )
            elif method == "member_share" and not 0 < criterion.step_percent <= 100:
                raise ValidationError(
                    self.env._(
                        "Criterion %(code)s: the step must be between 0 and 100%%.",
                        code=code,
                    )
                )
            if method == "missing_resources" and not 0 < criterion.max_missing <= 100:
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

    # ------------------------------------------------------------------
    # rules
    # ------------------------------------------------------------------
    def _score(self, inputs):
        """The :class:`scoring.ScoreResult` of a line of this criterion.

        ``inputs`` holds the line's values as plain numbers: ``achieved``,
        ``answered``, ``missing_count``, ``count_value``, ``member_count`` and
        ``met_count``.
        """
        self.ensure_one()
        method = self.method
        max_score = self.max_score
        rounding = self.rounding
        if method == "achieved":
            return scoring.score_achieved(max_score, inputs["achieved"], rounding)
        if method == "missing_resources":
            if not inputs["answered"]:
                return scoring.ScoreResult(scoring.exact(0), "not_declared")
            return scoring.score_missing_resources(
                max_score,
                inputs["missing_count"],
                self.deduction,
                self.max_missing,
                rounding,
            )
        if method == "member_share":
            return scoring.score_member_share(
                max_score,
                inputs["met_count"],
                inputs["member_count"],
                self.step_percent,
                self.deduction,
                self.step_mode,
                rounding,
            )
        if method == "all_members":
            return scoring.score_all_members(
                max_score, inputs["met_count"], inputs["member_count"], rounding
            )
        if method == "count":
            return scoring.score_count(
                max_score, inputs["count_value"], self.points_per_unit, rounding
            )
        return scoring.ScoreResult(scoring.exact(0), "no_method")

    def _level(self, inputs):
        """The :class:`scoring.LevelResult` of a line of this indicator."""
        self.ensure_one()
        if self.method == "member_share":
            return scoring.level_member_share(
                inputs["met_count"],
                inputs["member_count"],
                self.threshold_level_1,
                self.threshold_level_2,
            )
        if self.method == "all_members":
            met, total = inputs["met_count"], inputs["member_count"]
            return scoring.level_member_share(met, total, 100, 100)
        return scoring.level_achieved(inputs["achieved"])
