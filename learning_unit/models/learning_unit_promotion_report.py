# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Phụ lục 1: the unit's yearly report on its Khuyến học (study promotion) work."""

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..states import EDITABLE_STATES

# Default yearly fee of a member of the study promotion association (đồng).
DEFAULT_FEE = 12000
# What the unit writes in its report.
REPORT_FIELDS = frozenset(
    {
        "currency_id",
        "staff_count",
        "advantages",
        "difficulties",
        "association_member_count_last_year",
        "association_member_count",
        "association_member_change_reason",
        "fee_payer_count",
        "fee_per_member",
        "party_member_count",
        "party_association_member_count",
        "promotion_activities",
        "school_support",
        "line_ids",
        "income_total",
        "spending_total",
        "registration_note",
        "implementation_note",
        "strengths",
        "weaknesses",
        "weakness_causes",
        "lessons_learned",
        "recommendations",
        "chairman_name",
    }
)


class LearningUnitPromotionReport(models.Model):
    _name = "learning.unit.promotion.report"
    _inherit = ["mail.thread", "learning.unit.lock.mixin"]
    _description = "Study Promotion Report (Phụ lục 1)"
    _order = "year desc, department_id, id"
    _rec_name = "name"

    _lu_write_access = {"officer": REPORT_FIELDS}
    _lu_create_fields = {"officer": REPORT_FIELDS | {"assessment_id"}}

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
    lu_editable = fields.Boolean(related="assessment_id.lu_editable")
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        default=lambda self: self._default_currency(),
    )
    # I. the unit
    staff_count = fields.Integer(
        compute="_compute_staff_count",
        store=True,
        readonly=False,
        help="Tổng số CB CC-VC – người lao động trong cơ quan: civil servants, "
        "public employees and workers of the unit.",
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

    @api.depends("assessment_id.member_count")
    def _compute_staff_count(self):
        for report in self:
            report.staff_count = report.assessment_id.member_count

    def _lu_locked_error(self, record):
        return record.assessment_id._lu_locked_error(record.assessment_id)

    @api.model
    def _lu_action_for(self, assessment):
        """The unit's report, or a new one prefilled from the assessment."""
        if assessment.scheme == "levels":
            raise UserError(
                self.env._(
                    "The study promotion report (Phụ lục 1) is a form of Thông tư "
                    "22: %(unit)s is assessed under Thông tư 24.",
                    unit=assessment.name,
                )
            )
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Study Promotion Report (Phụ lục 1)"),
            "res_model": "learning.unit.promotion.report",
            "view_mode": "form",
            "views": [(False, "form")],
        }
        report = assessment.promotion_report_ids[:1]
        if report:
            return dict(action, res_id=report.id)
        # who writes it: the access rights; while the unit prepares
        if not (self.browse().has_access("create") and assessment.lu_editable):
            raise UserError(
                self.env._(
                    "%(unit)s has not written its study promotion report.",
                    unit=assessment.name,
                )
            )
        context = {"default_assessment_id": assessment.id}
        previous = self.search(
            [
                ("department_id", "=", assessment.department_id.id),
                ("year", "=", assessment.year - 1),
            ],
            limit=1,
        )
        if previous:
            context["default_association_member_count_last_year"] = (
                previous.association_member_count
            )
        return dict(action, context=context)

    @api.model
    def _lu_check_preparing(self, assessments):
        """Refuse, in the unit's words, a report (or its lines) of a unit that
        no longer prepares its self-assessment; not to the system."""
        locked = assessments.filtered(lambda a: a.state not in EDITABLE_STATES)
        if locked and not self.env.su:
            raise locked._lu_locked_error(locked[0])

    @api.model
    def _lu_check_new(self, parents):
        """Before new rows of ``parents`` (assessments, reports) exist (not in
        the unique constraint's words): the user writes them, units preparing."""
        if not self.env.su:
            parents.check_access("write")
        if parents._name == self._name:
            parents = parents.assessment_id
        self._lu_check_preparing(parents)

    @api.model
    def _lu_complete_create(self, vals_list):
        ids = [vals["assessment_id"] for vals in vals_list if vals.get("assessment_id")]
        self._lu_check_new(self.env["learning.unit.assessment"].browse(ids))
        return vals_list

    def _lu_is_locked(self):
        return self.assessment_id.state not in EDITABLE_STATES

    @api.ondelete(at_uninstall=False)
    def _unlink_while_preparing(self):
        self._lu_check_preparing(self.assessment_id)
