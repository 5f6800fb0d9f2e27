# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The scope of a user, in one place: which units they prepare or review.

* A unit officer prepares the units of their employee records (the unit and
  its sub-units). The department of an employee is set by HR; users cannot
  change their own (see res_users.py).
* A reviewer reviews the units set on their user (``lu_review_department_ids``)
  and their sub-units.
* A learning unit administrator may prepare and review every unit.

Record rules name these two fields, never ids: the domains the rules cache are
the same for everyone, and the scope is read afresh at every search, so a new
assignment applies at once without clearing any cache.
"""

from odoo import api, fields, models
from odoo.tools import SQL

from ..states import GROUP_ADMIN, GROUP_REVIEWER


class HrDepartment(models.Model):
    _inherit = "hr.department"

    lu_can_prepare = fields.Boolean(
        string="I Prepare",
        compute="_compute_lu_scope",
        search="_search_lu_can_prepare",
        help="The current user prepares the assessment of this unit.",
    )
    lu_can_review = fields.Boolean(
        string="I Review",
        compute="_compute_lu_scope",
        search="_search_lu_can_review",
        help="The current user reviews the assessment of this unit.",
    )

    lu_recognition_ids = fields.One2many(
        "learning.unit.recognition", "department_id", string="Recognitions"
    )
    lu_recognition_count = fields.Integer(
        string="Number of Recognitions", compute="_compute_lu_recognition_count"
    )

    def _compute_lu_recognition_count(self):
        groups = self.env["learning.unit.recognition"]._read_group(
            [("department_id", "in", self.ids)], ["department_id"], ["__count"]
        )
        counts = {department.id: count for department, count in groups}
        for department in self:
            department.lu_recognition_count = counts.get(department.id, 0)

    def action_view_lu_recognitions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "learning_unit.action_learning_unit_recognition"
        )
        action["domain"] = [("department_id", "=", self.id)]
        action["context"] = {"default_department_id": self.id}
        return action

    @api.model
    def _lu_scope_roots(self, role):
        """Ids of the departments at the top of the user's scope for ``role``.

        ``None`` means every department (administrators).
        """
        if self.env.user.has_group(GROUP_ADMIN):
            return None
        if role == "prepare":
            self.env["hr.employee"].flush_model(["user_id", "active", "department_id"])
            query = SQL(
                "SELECT department_id FROM hr_employee"
                " WHERE user_id = %s AND active AND department_id IS NOT NULL",
                self.env.uid,
            )
        else:
            self.env["res.users"].flush_model(["lu_review_department_ids"])
            query = SQL(
                "SELECT department_id FROM learning_unit_reviewer_department_rel"
                " WHERE user_id = %s",
                self.env.uid,
            )
        return [row[0] for row in self.env.execute_query(query)]

    @api.depends_context("uid")
    def _compute_lu_scope(self):
        prepare = self._lu_scope_roots("prepare")
        review = self._lu_scope_roots("review")
        for department in self:
            path = {int(i) for i in (department.parent_path or "").split("/") if i}
            department.lu_can_prepare = prepare is None or bool(path & set(prepare))
            department.lu_can_review = review is None or bool(path & set(review))

    def _lu_search_scope(self, role, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(operator)
        roots = self._lu_scope_roots(role)
        domain = [(1, "=", 1)] if roots is None else [("id", "child_of", roots)]
        if (operator == "=") != value:
            domain = ["!", *domain]
        return domain

    def _search_lu_can_prepare(self, operator, value):
        return self._lu_search_scope("prepare", operator, value)

    def _search_lu_can_review(self, operator, value):
        return self._lu_search_scope("review", operator, value)

    def _lu_reviewers(self, company):
        """The users of the reviewing level whose scope covers this unit."""
        self.ensure_one()
        ancestors = [int(i) for i in self.parent_path.split("/") if i]
        return (
            self.env["res.users"]
            .sudo()
            .search(
                [
                    ("groups_id", "in", self.env.ref(GROUP_REVIEWER).id),
                    ("lu_review_department_ids", "in", ancestors),
                    ("company_ids", "in", company.id),
                ]
            )
        )

    @api.model
    def _lu_headed(self):
        """The departments whose manager is the current user's employee.

        A query, not its result: as a sub-select of the search (the record
        rules), it costs no statement of its own. The managers are read as
        public profiles, with the user's rights.
        """
        managers = self.env["hr.employee.public"]._search(
            [("user_id", "=", self.env.uid)]
        )
        return self.with_context(active_test=False)._search(
            [("manager_id", "in", managers)]
        )
