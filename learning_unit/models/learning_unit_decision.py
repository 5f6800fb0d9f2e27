# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The recognition decision (Quyết định công nhận): one decision, many units.

The reviewing level drafts a decision from the reviewed units of a period; its
annex lists each unit with its rank or level. Issuing it gives it the next
number of its body and today's date, writes that number and date on every
listed assessment and recognises them, with the issuer's own rights (the
workflow of the assessment checks the role, the scope and the state).

A decision is never deleted once issued: a later decision of type
"revocation" names it and says why, and issuing that one marks it revoked.
A revocation revokes a recognition decision only: it is never revoked itself.
The workflow is the table ``_lu_transitions``, run by the workflow mixin as the
assessment's.

Its body and its scope obey the constraints of the official mixin on every
write, the issue included.
"""

import re

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..states import ACTIVITY_DECISION, DECISION_STATES, DRAFT_STATES, MAIL_REVOKED
from .learning_unit_official_mixin import OFFICIAL_FIELDS, reviewer_act
from .learning_unit_signed_scan_mixin import SIGNED_SCAN_FIELDS
from .learning_unit_workflow_mixin import Transition

# the refusals of the workflow are declared with its table, before any
# environment exists: lazy translations, rendered in the user's language
# pylint: disable=prefer-env-translation
_lt = LazyTranslate(__name__)

TYPES = [("recognition", "Recognition"), ("revocation", "Revocation")]
DRAFT_FIELDS = OFFICIAL_FIELDS | {
    "summary",
    "basis",
    "proposal",
    "other_articles",
    "line_ids",
    "department_id",
    "revoke_reason",
    "revoked_decision_id",
}
CREATE_FIELDS = DRAFT_FIELDS | {"period_id", "decision_type"}
REFUSAL = _lt("Only the reviewing level can issue or revoke decisions.")
# "15/QĐ-UBND": number, document type, symbol of the body (Nghị định 30)
DECISION_NUMBER = re.compile(r"^\s*0*(\d{1,9})\s*/\s*([^/\s-]+)\s*-\s*(\S+)\s*$")


class LearningUnitDecision(models.Model):
    _name = "learning.unit.decision"
    _description = "Learning Unit Recognition Decision"
    _inherit = ["learning.unit.official.mixin"]
    _order = "date_issued desc, id desc"

    _lu_doc_code = "QĐ"
    _lu_transitions = {
        "issued": reviewer_act(REFUSAL),
        # only by issuing a later decision that revokes it
        "revoked": Transition(("issued",), "reviewer", REFUSAL),
    }
    # an issued decision is written once more, when a later one revokes it:
    # the rules let the reviewer write it, the draft's fields stay locked here
    _lu_write_access = {
        "reviewer": [(DRAFT_FIELDS, DRAFT_STATES), (SIGNED_SCAN_FIELDS, ("issued",))]
    }
    _lu_create_fields = {"reviewer": CREATE_FIELDS}

    decision_type = fields.Selection(
        TYPES, string="Type", required=True, default="recognition", readonly=True
    )
    period_id = fields.Many2one(tracking=True)
    scheme = fields.Selection(related="period_id.rules_id.scheme")
    department_id = fields.Many2one(
        help="The units this decision may list are this department's sub-units."
    )
    state = fields.Selection(
        DECISION_STATES, default="draft", required=True, readonly=True, tracking=True
    )
    summary = fields.Char(
        help="The line under QUYẾT ĐỊNH: Về việc công nhận …",
    )
    basis = fields.Text(
        string="Legal Basis",
        help="The 'Căn cứ …' lines, one per line.",
    )
    proposal = fields.Char(
        help="Whose proposal the decision follows: Xét đề nghị của …",
    )
    other_articles = fields.Text(
        help="The articles after Article 1, one per line.",
    )
    line_ids = fields.One2many(
        "learning.unit.decision.line", "decision_id", string="Units", copy=False
    )
    line_count = fields.Integer(compute="_compute_line_count")
    revoked_decision_id = fields.Many2one(
        "learning.unit.decision",
        string="Decision Revoked",
        ondelete="restrict",
        index=True,
        check_company=True,
        domain="[('state', '=', 'issued'), ('decision_type', '=', 'recognition')]",
    )
    revoke_reason = fields.Text(string="Reason")
    revoked_by_id = fields.Many2one(
        "learning.unit.decision",
        readonly=True,
        copy=False,
        ondelete="restrict",
    )
    issued_by = fields.Many2one("res.users", readonly=True, copy=False)

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    def _lu_draft_name(self):
        return self.env._("Draft decision %(year)s", year=self.period_id.year or "")

    @api.model
    def _lu_default_texts(self, vals, period, body):
        year = period.year or ""
        defaults = {}
        if vals.get("decision_type") == "revocation":
            revoked = self.browse(vals.get("revoked_decision_id"))
            defaults["summary"] = (
                f"Về việc thu hồi Quyết định số {revoked.number_text or '...'}"
                f" công nhận “Đơn vị học tập” năm {revoked.year or year}"
            )
        else:
            defaults["summary"] = f"Về việc công nhận “Đơn vị học tập” năm {year}"
        basis = [
            "Căn cứ Luật Tổ chức chính quyền địa phương;",
            f"Căn cứ {self._lu_rules_citation(period.rules_id)};",
        ]
        plan = period._lu_plan_citation() if period else ""
        if plan:
            basis.append(f"Căn cứ {plan};")
        defaults["basis"] = "\n".join(basis)
        defaults["proposal"] = (
            f"Xét đề nghị của {body.proposer}." if body.proposer else ""
        )
        defaults["other_articles"] = "\n".join(
            [
                "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
                "Điều 3. Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị có liên "
                "quan và các đơn vị có tên tại Điều 1 chịu trách nhiệm thi hành "
                "Quyết định này./.",
            ]
        )
        return defaults

    @api.model
    def _lu_rules_citation(self, rules):
        """The circular of the rules, as a decision cites it."""
        text = (rules.name or "").split("(")[0].strip()
        match = re.match(r"Thông tư\s+(\S+)", text)
        if match:
            number = match.group(1)
            if number.startswith("24/"):
                return (
                    f"Thông tư số {number} ngày 11/12/2023 của Bộ trưởng Bộ Giáo dục "
                    "và Đào tạo quy định về đánh giá, công nhận “Đơn vị học tập” "
                    "cấp huyện, cấp tỉnh"
                )
            if number.startswith("22/"):
                return (
                    f"Thông tư số {number} ngày 06/8/2020 của Bộ trưởng Bộ Giáo dục "
                    "và Đào tạo quy định về đánh giá, xếp loại “Đơn vị học tập”"
                )
            return f"Thông tư số {number}"
        return text or "..."

    # ------------------------------------------------------------------
    # constraints
    # ------------------------------------------------------------------
    @api.constrains("decision_type", "revoked_decision_id", "department_id", "state")
    def _check_revoked_decision(self):
        """A revocation revokes one recognition decision of its scope.

        The decision named is read as it is (the user may not read it); the
        messages name nothing of it.
        """
        for decision in self:
            revoked = decision.sudo().revoked_decision_id
            if not revoked:
                continue
            if decision.decision_type != "revocation":
                raise ValidationError(
                    self.env._("Only a revocation names a decision it revokes.")
                )
            if revoked.decision_type != "recognition":
                raise ValidationError(
                    self.env._(
                        "A revocation revokes a recognition decision only: a "
                        "revocation is never revoked."
                    )
                )
            scope = decision.sudo().department_id
            if not (revoked.department_id.parent_path or "").startswith(
                scope.parent_path or "/"
            ):
                raise ValidationError(
                    self.env._("A revocation revokes a decision of its own scope only.")
                )

    @api.depends("line_ids")
    def _compute_line_count(self):
        for decision in self:
            decision.line_count = len(decision.line_ids)

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def _lu_locked_error(self, record):
        return UserError(
            self.env._(
                "%(decision)s is issued and can no longer be changed; a later "
                "decision may revoke it.",
                decision=record.display_name,
            )
        )

    def _lu_before_issued(self, vals):
        for decision in self:
            if decision.decision_type == "revocation":
                revoked = decision.revoked_decision_id
                if not revoked or revoked.state != "issued":
                    raise ValidationError(
                        self.env._("Choose the issued decision this one revokes.")
                    )
                if not (decision.revoke_reason or "").strip():
                    raise ValidationError(
                        self.env._("Say why the decision is revoked.")
                    )
                continue
            if not decision.line_ids:
                raise ValidationError(
                    self.env._(
                        "%(decision)s lists no unit.", decision=decision.display_name
                    )
                )
            decision.line_ids._lu_check_lines()
            not_reviewed = decision.line_ids.assessment_id.filtered(
                lambda a: a.state != "reviewed"
            )
            if not_reviewed:
                raise ValidationError(
                    self.env._(
                        "Only reviewed units can be recognised: %(units)s.",
                        units=", ".join(not_reviewed.mapped("name")),
                    )
                )

    def _lu_before_revoked(self, vals):
        # the revocation that names it, issued (its issue writes this state)
        revoking_id = self.env.context.get("learning_unit_revoked_by")
        revoking = self.browse(revoking_id if isinstance(revoking_id, int) else ())
        if (
            not revoking.exists()
            or revoking.state != "issued"
            or revoking.decision_type != "revocation"
            or any(decision != revoking.revoked_decision_id for decision in self)
        ):
            raise AccessError(
                self.env._("A decision is revoked only by issuing a later decision.")
            )

    def _lu_values_revoked(self, vals):
        return {"revoked_by_id": self.env.context["learning_unit_revoked_by"]}

    def _lu_after_issued(self):
        if self.decision_type == "revocation":
            revoked = self.revoked_decision_id
            revoked.with_context(learning_unit_revoked_by=self.id).write(
                {"state": "revoked"}
            )
            # the titles it gave follow it (learning.unit.recognition.state)
            assessments = revoked.line_ids.assessment_id
            assessments._lu_notify_unit(
                MAIL_REVOKED,
                ACTIVITY_DECISION,
                lu_revocation_number=self.number_text,
                lu_revoke_reason=self.revoke_reason,
            )
            body = self.env._(
                "Decision %(revoked)s revoked by decision %(decision)s: %(reason)s",
                revoked=revoked.number_text,
                decision=self.number_text,
                reason=self.revoke_reason,
            )
        else:
            # the levels granted on the decision's date, kept as issued
            self.line_ids._lu_freeze()
            assessments = self.line_ids.assessment_id
            assessments.write(
                {
                    "decision_number": self.number_text,
                    "decision_date": self.date_issued,
                }
            )
            assessments.action_recognise()
            body = self.env._(
                "Recognised by decision %(decision)s of %(date)s.",
                decision=self.number_text,
                date=self.date_issued.strftime("%d/%m/%Y"),
            )
        for assessment in assessments.sudo():
            assessment.message_post(
                body=body,
                author_id=self.env.user.partner_id.id,
                subtype_xmlid="mail.mt_note",
            )

    # buttons ------------------------------------------------------------
    def action_new_revocation(self):
        """A draft decision revoking this one."""
        self.ensure_one()
        if self.state != "issued" or self.decision_type != "recognition":
            raise UserError(self.env._("Only an issued decision can be revoked."))
        revocation = self.create(
            {
                "period_id": self.period_id.id,
                "body_id": self.body_id.id,
                "department_id": self.department_id.id,
                "decision_type": "revocation",
                "revoked_decision_id": self.id,
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": revocation.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_delete_draft(self):
        """Delete a draft (an issued decision is never deleted: the refusal
        of ``_unlink_only_drafts``), back to the decisions."""
        self.unlink()
        return self.env["ir.actions.act_window"]._for_xml_id(
            "learning_unit.action_learning_unit_decision"
        )

    def action_add_reviewed_units(self):
        """List every reviewed unit of the period in scope not yet recognised."""
        for decision in self.filtered(lambda d: d.state == "draft"):
            decision.write(
                {
                    "line_ids": [
                        (0, 0, {"assessment_id": assessment.id})
                        for assessment in decision._lu_candidates()
                    ]
                }
            )
        return True

    def _lu_candidates(self):
        """Reviewed assessments of the period in scope, not in a live decision."""
        self.ensure_one()
        assessments = self.env["learning.unit.assessment"].search(
            [
                ("period_id", "=", self.period_id.id),
                ("state", "=", "reviewed"),
                ("department_id", "child_of", self.department_id.ids),
            ],
            order="department_id, id",
        )
        taken = self.env["learning.unit.decision.line"].search(
            [
                ("assessment_id", "in", assessments.ids),
                ("decision_id.state", "in", ("draft", "issued")),
                ("decision_id.decision_type", "=", "recognition"),
            ]
        )
        return assessments - taken.assessment_id

    # ------------------------------------------------------------------
    # a decision typed on an assessment
    # ------------------------------------------------------------------
    @api.model
    def _lu_check_typed_reference(self, assessment):
        """A decision typed on ``assessment`` is signed, and its number is free.

        Until recognition has one door (the decision of the addon), a reviewer
        may still type the number and date of a decision signed on paper. The
        date is not to come, and the number is neither one the addon's
        register already gave that year to a body of this symbol nor one
        another document carries. The decision of the addon that lists the
        assessment writes its own number and date; the system (the demo's
        history, imports) is not checked. The register and the documents are
        searched in every scope; the messages name none of them.
        """
        number = (assessment.decision_number or "").strip()
        day = assessment.decision_date
        if number and day and self._lu_decides(assessment, number, day):
            return
        if day and day > fields.Date.context_today(self):
            raise ValidationError(
                self.env._(
                    "A unit is recognised by a decision already signed: the "
                    "decision date %(date)s is still to come.",
                    date=day.strftime("%d/%m/%Y"),
                )
            )
        if number:
            self._lu_check_free_number(assessment.company_id, number, day)

    @api.model
    def _lu_decides(self, assessment, number, day):
        """Whether an issued decision of the addon listing the unit says so."""
        return bool(
            self.env["learning.unit.decision.line"]
            .sudo()
            .search_count(
                [
                    ("assessment_id", "=", assessment.id),
                    ("decision_id.state", "!=", "draft"),
                    ("decision_id.number_text", "=", number),
                    ("decision_id.date_issued", "=", day),
                ],
                limit=1,
            )
        )

    @api.model
    def _lu_check_free_number(self, company, number, day):
        texts = {number}
        match = DECISION_NUMBER.match(number)
        if match:
            value, code, symbol = int(match[1]), match[2], match[3]
            texts.add(f"{value:02d}/{code}-{symbol}")
        for model in ("learning.unit.decision", "learning.unit.upward.report"):
            if (
                self.env[model]
                .sudo()
                .search_count(
                    [
                        ("company_id", "=", company.id),
                        ("number_text", "in", list(texts)),
                    ],
                    limit=1,
                )
            ):
                raise ValidationError(
                    self.env._(
                        "%(number)s is already the number of another document: "
                        "enter the number of the decision that recognises this unit.",
                        number=number,
                    )
                )
        if not (match and day):
            return
        bodies = (
            self.env["learning.unit.body"]
            .sudo()
            .with_context(active_test=False)
            .search([("company_id", "in", [company.id, False])])
            .filtered(lambda body: (body.short_name or "").upper() == symbol.upper())
        )
        given = (
            self.env["learning.unit.number.register"]
            .sudo()
            .search_count(
                [
                    ("body_id", "in", bodies.ids),
                    ("year", "=", day.year),
                    ("last_number", ">=", value),
                ],
                limit=1,
            )
        )
        if value and given:
            raise ValidationError(
                self.env._(
                    "The register already gave number %(number)s in %(year)s to "
                    "another document: enter the number of the decision that "
                    "recognises this unit.",
                    number=number,
                    year=day.year,
                )
            )

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.model
    def _lu_complete_create(self, vals_list):
        for vals in vals_list:
            if vals.get("decision_type") == "revocation" and vals.get("line_ids"):
                raise UserError(self.env._("A revocation lists no unit."))
        return super()._lu_complete_create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_drafts(self):
        if any(decision.state != "draft" for decision in self):
            raise UserError(
                self.env._(
                    "An issued decision is never deleted: issue a later decision "
                    "revoking it."
                )
            )

    def copy(self, default=None):
        if self:
            raise UserError(self.env._("Draft a new decision from the period."))
        return super().copy(default)
