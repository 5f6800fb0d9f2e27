# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .. import scoring

SCORE_DIGITS = (6, 2)


class LearningUnitTemplate(models.Model):
    _name = "learning.unit.template"
    _description = "Learning Unit Scoring Template"
    _order = "sequence, id"

    name = fields.Char(required=True)
    code = fields.Char(
        required=True,
        help="Short technical code, unique among templates.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(help="Legal basis and notes on this scoring table.")
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
        string="Minimum for Good",
        digits=SCORE_DIGITS,
        default=85,
        required=True,
    )
    threshold_fair = fields.Float(
        string="Minimum for Fair",
        digits=SCORE_DIGITS,
        default=70,
        required=True,
    )
    threshold_average = fields.Float(
        string="Minimum for Average",
        digits=SCORE_DIGITS,
        default=50,
        required=True,
    )

    _sql_constraints = [
        ("code_unique", "UNIQUE(code)", "The template code must be unique."),
    ]

    @api.depends("criterion_ids.max_score", "criterion_ids.kind")
    def _compute_max_total(self):
        for template in self:
            leaves = template.criterion_ids.filtered(lambda c: c.kind == "criterion")
            template.max_total = float(
                sum((scoring.exact(c.max_score) for c in leaves), scoring.exact(0))
            )

    @api.constrains("threshold_good", "threshold_fair", "threshold_average")
    def _check_thresholds(self):
        for template in self:
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

    def _rank_of(self, total):
        """Rank code of an exact ``total`` under this template's thresholds."""
        self.ensure_one()
        return scoring.rank(
            total, self.threshold_good, self.threshold_fair, self.threshold_average
        )
