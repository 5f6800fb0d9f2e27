# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the head of a unit approves, or the officer the head delegates.

The members' documents whose type requires approval (dossier items,
learning_unit_dossier_item.py): under Thông tư 22 their self-study plans, under
Thông tư 24 the certificates of the training they completed (2.2) and their
"Công dân học tập" results (3.1). They are approved by the head of the unit
(its manager in HR) or by one officer of the unit the head names on the
assessment.
"""

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..states import GROUP_ADMIN, GROUP_OFFICER


class LearningUnitHeadApprovalMixin(models.AbstractModel):
    _name = "learning.unit.head.approval.mixin"
    _description = "Learning Unit Approval by the Head of the Unit"

    plan_approver_id = fields.Many2one(
        "res.users",
        string="Members' Documents Approved By",
        tracking=True,
        domain=lambda self: [("groups_id", "in", self.env.ref(GROUP_OFFICER).id)],
        help="The officer the head of the unit delegates the approval of the "
        "members' documents to (self-study plans, training certificates, "
        "Learning Citizen results). The head (the unit's manager in HR) always "
        "may.",
    )
    lu_can_approve = fields.Boolean(
        string="I Approve Members' Documents",
        compute="_compute_lu_can_approve",
        search="_search_lu_can_approve",
    )
    plans_to_approve_count = fields.Integer(
        string="Documents to Approve", compute="_compute_plans_to_approve_count"
    )

    @api.constrains("plan_approver_id", "department_id")
    def _check_plan_approver(self):
        """The documents' approver is the head of the unit or one of the officers
        who prepare it (hr_department.py; HR is read on the unit's behalf)."""
        for assessment in self.filtered("plan_approver_id"):
            approver, unit = assessment.plan_approver_id, assessment.department_id
            if approver == unit.sudo().manager_id.user_id or (
                approver.has_group(GROUP_OFFICER)
                and unit.with_user(approver).lu_can_prepare
            ):
                continue
            raise ValidationError(
                self.env._(
                    "%(user)s cannot approve the members' documents of %(unit)s: "
                    "choose the head of the unit or one of its officers.",
                    user=approver.name,
                    unit=unit.name,
                )
            )

    @api.depends("department_id", "plan_approver_id")
    @api.depends_context("uid")
    def _compute_lu_can_approve(self):
        admin = self.env.user.has_group(GROUP_ADMIN)
        headed = set() if admin else set(self.env["hr.department"]._lu_headed())
        for assessment in self:
            assessment.lu_can_approve = (
                admin
                or assessment.department_id.id in headed
                or assessment.plan_approver_id == self.env.user
            )

    def _search_lu_can_approve(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        if self.env.user.has_group(GROUP_ADMIN):
            domain = [(1, "=", 1)]
        else:
            domain = [
                "|",
                ("department_id", "in", self.env["hr.department"]._lu_headed()),
                ("plan_approver_id", "=", self.env.uid),
            ]
        return domain if (operator == "=") == value else ["!", *domain]

    def _compute_plans_to_approve_count(self):
        groups = self.env["learning.unit.dossier.item"]._read_group(
            [
                ("assessment_id", "in", self.ids),
                ("document_state", "=", "submitted"),
                ("approval_required", "=", True),
            ],
            ["assessment_id"],
            ["__count"],
        )
        counts = {assessment.id: count for assessment, count in groups}
        for assessment in self:
            assessment.plans_to_approve_count = counts.get(assessment.id, 0)

    def action_view_plans_to_approve(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "learning_unit.action_learning_unit_plans_to_approve"
        )
        action["domain"] = [
            ("assessment_id", "=", self.id),
            ("member_id", "!=", False),
            ("approval_required", "=", True),
        ]
        return action
