# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Phụ lục 1: the unit's yearly report on its Khuyến học (study promotion) work."""

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from .learning_unit_assessment import GROUP_OFFICER, lu_check_access, lu_has_role

# Default yearly fee of a member of the study promotion association (đồng).
DEFAULT_FEE = 12000


def _check_unit_can_write(env, assessments):
    """The unit officer changes Phụ lục 1 while the assessment is editable."""
    if env.su:
        return
    if not lu_has_role(env, GROUP_OFFICER):
        raise AccessError(
            env._("Only the unit officer can change the study promotion report.")
        )
    lu_check_access(assessments, "write")
    assessments._check_editable()


class LearningUnitPromotionReport(models.Model):
    _name = "learning.unit.promotion.report"
    _description = "Study Promotion Report (Phụ lục 1)"
    _order = "year desc, department_id, id"
    _rec_name = "name"

    assessment_id = fields.Many2one(
        "learning.unit.assessment",
        required=True,
        ondelete="cascade",
        index=True,
    )
    name = fields.Char(related="assessment_id.name", store=True)
    period_id = fields.Many2one(related="assessment_id.period_id", store=True)
    year = fields.Integer(related="assessment_id.year", store=True)
    department_id = fields.Many2one(
        related="assessment_id.department_id", store=True, string="Unit"
    )
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, index=True
    )
    state = fields.Selection(related="assessment_id.state", string="Status")
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self._default_currency(),
    )
    # I. the unit
    staff_count = fields.Integer(
        help="Tổng số CB CC-VC – người lao động trong cơ quan: civil servants, "
        "public employees and workers of the unit."
    )
    advantages = fields.Text()
    difficulties = fields.Text()
    # II.1 the study promotion board
    association_member_count_last_year = fields.Integer(
        string="Association Members Last Year",
        help="Members of the study promotion association the year before.",
    )
    association_member_count = fields.Integer(
        string="Association Members This Year",
        help="Members of the study promotion association this year.",
    )
    association_member_change = fields.Integer(
        string="Change in Members",
        compute="_compute_association_member_change",
        store=True,
        help="This year's members minus last year's.",
    )
    association_member_change_reason = fields.Text(
        string="Reason for the Change",
    )
    fee_payer_count = fields.Integer(
        string="Members Paying the Fee",
    )
    fee_per_member = fields.Monetary(
        string="Yearly Fee per Member",
        default=DEFAULT_FEE,
        help="Hội phí: 12.000đ per member and year unless decided otherwise.",
    )
    fee_total = fields.Monetary(
        string="Fees Collected",
        compute="_compute_fee_total",
        store=True,
    )
    party_member_count = fields.Integer(
        string="Party Members",
        help="Communist Party members in the unit.",
    )
    party_association_member_count = fields.Integer(
        string="Association Members in the Party",
    )
    # II.1 study promotion and talent promotion work
    promotion_activities = fields.Text(
        string="Sponsors, Scholarships and Exam Support",
        help="Mobilising sponsors, granting scholarships, 'Tiếp sức mùa thi'...",
    )
    school_support = fields.Text(
        string="Support to School Facilities",
    )
    line_ids = fields.One2many(
        "learning.unit.promotion.report.line",
        "report_id",
        string="Gifts and Scholarships",
        copy=True,
    )
    gift_count = fields.Integer(
        string="Gifts", compute="_compute_line_totals", store=True
    )
    gift_amount = fields.Monetary(
        string="Value of Gifts", compute="_compute_line_totals", store=True
    )
    scholarship_count = fields.Integer(
        string="Scholarships", compute="_compute_line_totals", store=True
    )
    scholarship_amount = fields.Monetary(
        string="Value of Scholarships", compute="_compute_line_totals", store=True
    )
    income_total = fields.Monetary(
        string="Total Income",
        help="Cash and in-kind contributions valued in money.",
    )
    spending_total = fields.Monetary(
        string="Total Spending",
        help="Cash and in-kind spending valued in money.",
    )
    balance = fields.Monetary(
        compute="_compute_balance",
        store=True,
        help="Total income minus total spending.",
    )
    # II.2 building the learning unit
    registration_note = fields.Text(string="Registration")
    implementation_note = fields.Text(string="Implementation")
    # III. assessment, IV. proposals
    strengths = fields.Text()
    weaknesses = fields.Text()
    weakness_causes = fields.Text(string="Causes of the Weaknesses")
    lessons_learned = fields.Text()
    recommendations = fields.Text(string="Recommendations and Proposals")
    chairman_name = fields.Char(
        string="Chairperson",
        help="Who signs the report as CHỦ TỊCH of the unit's study promotion board.",
    )

    _sql_constraints = [
        (
            "assessment_unique",
            "UNIQUE(assessment_id)",
            "An assessment has a single study promotion report.",
        ),
    ]

    @api.model
    def _default_currency(self):
        currency = self.env.ref("base.VND", raise_if_not_found=False)
        return currency or self.env.company.currency_id

    @api.depends("association_member_count", "association_member_count_last_year")
    def _compute_association_member_change(self):
        for report in self:
            report.association_member_change = (
                report.association_member_count
                - report.association_member_count_last_year
            )

    @api.depends("fee_payer_count", "fee_per_member")
    def _compute_fee_total(self):
        for report in self:
            report.fee_total = report.fee_payer_count * report.fee_per_member

    @api.depends("line_ids.kind", "line_ids.quantity", "line_ids.amount")
    def _compute_line_totals(self):
        for report in self:
            gifts = report.line_ids.filtered(lambda line: line.kind == "gift")
            scholarships = report.line_ids.filtered(
                lambda line: line.kind == "scholarship"
            )
            report.gift_count = sum(gifts.mapped("quantity"))
            report.gift_amount = sum(gifts.mapped("amount"))
            report.scholarship_count = sum(scholarships.mapped("quantity"))
            report.scholarship_amount = sum(scholarships.mapped("amount"))

    @api.depends("income_total", "spending_total")
    def _compute_balance(self):
        for report in self:
            report.balance = report.income_total - report.spending_total

    @api.constrains(
        "staff_count",
        "association_member_count_last_year",
        "association_member_count",
        "fee_payer_count",
        "fee_per_member",
        "party_member_count",
        "party_association_member_count",
        "income_total",
        "spending_total",
    )
    def _check_figures(self):
        for report in self:
            counts = [
                report.staff_count,
                report.association_member_count_last_year,
                report.association_member_count,
                report.fee_payer_count,
                report.party_member_count,
                report.party_association_member_count,
            ]
            amounts = [
                report.fee_per_member,
                report.income_total,
                report.spending_total,
            ]
            if any(value < 0 for value in counts + amounts):
                raise ValidationError(
                    self.env._(
                        "%(unit)s: the figures of the study promotion report cannot "
                        "be negative.",
                        unit=report.name,
                    )
                )
            if report.fee_payer_count > report.association_member_count:
                raise ValidationError(
                    self.env._(
                        "%(unit)s: %(payers)s members paying the fee but only "
                        "%(members)s association members.",
                        unit=report.name,
                        payers=report.fee_payer_count,
                        members=report.association_member_count,
                    )
                )
            if report.party_association_member_count > min(
                report.association_member_count, report.party_member_count
            ):
                raise ValidationError(
                    self.env._(
                        "%(unit)s: the association members in the Party cannot "
                        "outnumber the association members or the Party members.",
                        unit=report.name,
                    )
                )

    # ------------------------------------------------------------------
    # access: written by the unit officer while the assessment is editable
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        assessments = self.env["learning.unit.assessment"].browse(
            [vals["assessment_id"] for vals in vals_list if vals.get("assessment_id")]
        )
        _check_unit_can_write(self.env, assessments)
        return super().create(vals_list)

    def write(self, vals):
        _check_unit_can_write(self.env, self.assessment_id)
        if "assessment_id" in vals and not self.env.su:
            raise AccessError(
                self.env._(
                    "A study promotion report cannot move to another assessment."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_by_unit_officer(self):
        _check_unit_can_write(self.env, self.assessment_id)


class LearningUnitPromotionReportLine(models.Model):
    _name = "learning.unit.promotion.report.line"
    _description = "Study Promotion Report: Gift or Scholarship"
    _order = "report_id, sequence, id"

    report_id = fields.Many2one(
        "learning.unit.promotion.report",
        required=True,
        ondelete="cascade",
        index=True,
    )
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [
            ("gift", "Gift"),
            ("scholarship", "Scholarship"),
            ("other", "Other Support"),
        ],
        required=True,
        default="scholarship",
    )
    donor = fields.Char(
        required=True,
        help="The sponsor (mạnh thường quân) who gave it.",
    )
    quantity = fields.Integer(default=1, help="Number of gifts or scholarships.")
    amount = fields.Monetary(help="Value in money, in-kind gifts included.")
    currency_id = fields.Many2one(related="report_id.currency_id")
    company_id = fields.Many2one(related="report_id.company_id", store=True, index=True)
    note = fields.Char()

    @api.constrains("quantity", "amount")
    def _check_values(self):
        for line in self:
            if line.quantity < 0 or line.amount < 0:
                raise ValidationError(
                    self.env._(
                        "%(donor)s: the number and the amount cannot be negative.",
                        donor=line.donor,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        reports = self.env["learning.unit.promotion.report"].browse(
            [vals["report_id"] for vals in vals_list if vals.get("report_id")]
        )
        _check_unit_can_write(self.env, reports.assessment_id)
        return super().create(vals_list)

    def write(self, vals):
        _check_unit_can_write(self.env, self.report_id.assessment_id)
        if "report_id" in vals:
            reports = self.env["learning.unit.promotion.report"].browse(
                vals["report_id"]
            )
            _check_unit_can_write(self.env, reports.assessment_id)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_by_unit_officer(self):
        _check_unit_can_write(self.env, self.report_id.assessment_id)


class LearningUnitAssessment(models.Model):
    _inherit = "learning.unit.assessment"

    promotion_report_ids = fields.One2many(
        "learning.unit.promotion.report",
        "assessment_id",
        string="Study Promotion Reports",
        copy=False,
    )
    promotion_report_count = fields.Integer(compute="_compute_promotion_report_count")

    @api.depends("promotion_report_ids")
    def _compute_promotion_report_count(self):
        for assessment in self:
            assessment.promotion_report_count = len(assessment.promotion_report_ids)

    def action_open_promotion_report(self):
        """Open the unit's Phụ lục 1, or a new one prefilled from the assessment."""
        self.ensure_one()
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Study Promotion Report (Phụ lục 1)"),
            "res_model": "learning.unit.promotion.report",
            "view_mode": "form",
            "views": [(False, "form")],
        }
        report = self.promotion_report_ids[:1]
        if report:
            return dict(action, res_id=report.id)
        if not lu_has_role(self.env, GROUP_OFFICER) or self.state not in (
            "draft",
            "returned",
        ):
            raise UserError(
                self.env._(
                    "%(unit)s has not written its study promotion report.",
                    unit=self.name,
                )
            )
        context = {
            "default_assessment_id": self.id,
            "default_staff_count": self.member_count,
        }
        previous = self.env["learning.unit.promotion.report"].search(
            [
                ("department_id", "=", self.department_id.id),
                ("year", "=", self.year - 1),
            ],
            limit=1,
        )
        if previous:
            context["default_association_member_count_last_year"] = (
                previous.association_member_count
            )
        return dict(action, context=context)
