# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A member's own documents of the year, filed in the member's words.

The per-member items of the evidence dossier (``learning.unit.dossier.item``
with ``member_id`` set) are the member's documents: the self-study plan
(what, how, when), the registration for the "Công dân học tập" model and the
lifelong-learning commitment of seed 001. The document type says how a member
files it (``member_form``), whether the head of the unit approves it
(``approval_required``) and which member evidence its approval records
(``evidence_field``, named in the shipped data only).

Who may do what:

* access rights and record rules (security/learning_unit_member_document_security.xml)
  give the scope: a member their own documents, the unit officer the unit's, the
  head of the unit (``hr.department.manager_id``'s user) or the officer the head
  delegates (``learning.unit.assessment.plan_approver_id``) the unit's members'
  documents, always while the unit prepares its self-assessment;
* the lock mixin gives the fields: a member writes the words and files of their
  own documents, the officer also the paper copy; the words are locked once
  the document is submitted;
* ``DOCUMENT_TRANSITIONS`` is the workflow, in one place. Writing
  ``document_state`` (from a button or over RPC alike) runs its checks and
  records who did it and when. Approving a document writes its evidence on the
  member through the ORM, with the approver's rights, and logs its source.

``is_provided`` is what the reviewing level accepts: a document the head
approves counts once approved, a statement once submitted, either on paper;
other documents (the unit's) once a file is attached or on paper.
"""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..evidence import EVIDENCE_KINDS
from ..states import (
    ACTIVITY_DOCUMENT_FILE,
    ACTIVITY_DOCUMENT_RETURNED,
    DOCUMENT_STATES,
    EDITABLE_STATES,
    GROUP_ADMIN,
    GROUP_OFFICER,
    OPEN_DOCUMENT_STATES,
)
from .learning_unit_assessment import UNIT_FIELDS
from .learning_unit_assessment import (
    LearningUnitAssessment as AssessmentBase,
)
from .learning_unit_dossier_item import PROVIDE_FIELDS
from .learning_unit_evidence_event import evidence_source

MEMBER_FORMS = [
    ("plan", "Self-study plan: what, how, when"),
    ("statement", "Statement of the member"),
]
# What the member files: their words and files.
FILING_FIELDS = frozenset(
    {"learn_what", "learn_how", "learn_when", "content", "attachment_ids", "note"}
)
PLAN_FIELDS = ("learn_what", "learn_how", "learn_when")

# The workflow of a member's document: target -> (states it comes from, roles).
# "filer": the member (their own) or the unit officer (for members on paper);
# "checker": the head of the unit or their delegate; for a document the head
# does not approve, also the unit officer.
DOCUMENT_TRANSITIONS = {
    "submitted": (OPEN_DOCUMENT_STATES, "filer"),
    "draft": (("submitted",), "filer"),  # withdrawn before it is checked
    "approved": (("submitted",), "checker"),
    "returned": (("submitted", "approved"), "checker"),
}


class LearningUnitDocumentType(models.Model):
    _inherit = "learning.unit.document.type"

    member_form = fields.Selection(
        MEMBER_FORMS,
        string="Filed by the Member",
        help="How a member files this document in their learning record. Empty: "
        "a file or a paper copy, as for the unit's documents.",
    )
    approval_required = fields.Boolean(
        string="Approved by the Head",
        help="The head of the unit (or the officer the head delegates) approves "
        "it; it counts once approved.",
    )
    evidence_field = fields.Selection(
        [(kind.field, kind.label) for kind in EVIDENCE_KINDS],
        string="Approval Records",
        help="The member evidence the approval of this document records.",
    )
    member_template = fields.Text(
        string="Wording Offered",
        help="The text a member's statement starts from (they may change it).",
    )

    @api.constrains("evidence_field", "approval_required", "scope")
    def _check_evidence_field(self):
        for doc_type in self:
            if doc_type.evidence_field and not (
                doc_type.approval_required and doc_type.scope == "member"
            ):
                raise ValidationError(
                    self.env._(
                        "%(document)s: only a member's document the head approves "
                        "records evidence.",
                        document=doc_type.name,
                    )
                )


class LearningUnitAssessment(models.Model):
    _inherit = "learning.unit.assessment"

    _lu_write_access = dict(
        AssessmentBase._lu_write_access,
        officer=(UNIT_FIELDS | {"plan_approver_id"}, EDITABLE_STATES),
    )

    plan_approver_id = fields.Many2one(
        "res.users",
        string="Plans Approved By",
        tracking=True,
        copy=False,
        domain=lambda self: [("groups_id", "in", self.env.ref(GROUP_OFFICER).id)],
        help="The officer the head of the unit delegates the approval of the "
        "members' self-study plans to. The head (the unit's manager in HR) "
        "always may.",
    )
    head_user_id = fields.Many2one(
        "res.users",
        string="Head of Unit (User)",
        compute="_compute_head_user_id",
        help="The user of the unit's manager in HR: approves the members' plans.",
    )
    lu_can_approve = fields.Boolean(
        string="I Approve Plans",
        compute="_compute_lu_can_approve",
        search="_search_lu_can_approve",
    )
    plans_to_approve_count = fields.Integer(
        string="Plans to Approve", compute="_compute_plans_to_approve_count"
    )

    @api.depends("department_id")
    def _compute_head_user_id(self):
        for assessment in self:
            # the head is public in the unit; the employee record is HR's
            assessment.head_user_id = assessment.department_id.sudo().manager_id.user_id

    @api.constrains("plan_approver_id", "department_id")
    def _check_plan_approver(self):
        """The plans' approver is the head of the unit or one of its officers.

        An officer of the unit prepares it: their employee works in the unit
        or in a department above it (hr_department.py), or they administer
        learning units. HR keeps where people work: it is read on the unit's
        behalf.
        """
        for assessment in self.filtered("plan_approver_id"):
            approver = assessment.plan_approver_id
            if approver == assessment.head_user_id:
                continue
            unit_path = (assessment.department_id.parent_path or "").split("/")
            workplaces = (
                self.env["hr.employee"]
                .sudo()
                .search([("user_id", "=", approver.id)])
                .department_id
            )
            officer = approver.has_group(GROUP_ADMIN) or (
                approver.has_group(GROUP_OFFICER)
                and any(str(d.id) in unit_path for d in workplaces)
            )
            if not officer:
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot approve the plans of %(unit)s: choose the "
                        "head of the unit or one of its officers.",
                        user=approver.name,
                        unit=assessment.department_id.name,
                    )
                )

    @api.model
    def _lu_headed_departments(self):
        """The departments whose manager is the current user's employee.

        A query, not its result: as a sub-select of the search (the record
        rules), it costs no statement of its own. The managers are HR's: they
        are looked up on behalf of the unit.
        """
        return (
            self.env["hr.department"]
            .sudo()
            .with_context(active_test=False)
            ._search(
                [
                    ("manager_id.user_id", "=", self.env.uid),
                    ("manager_id.active", "=", True),
                ]
            )
        )

    @api.depends("department_id", "plan_approver_id")
    @api.depends_context("uid")
    def _compute_lu_can_approve(self):
        admin = self.env.user.has_group(GROUP_ADMIN)
        headed = set() if admin else set(self._lu_headed_departments())
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
                ("department_id", "in", self._lu_headed_departments()),
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

    def action_view_members_missing_evidence(self):
        """The exception list: what each member still misses, by what it is."""
        self.ensure_one()
        if not self.env["learning.unit.evidence.gap"].has_access("read"):
            return super().action_view_members_missing_evidence()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "learning_unit.action_learning_unit_evidence_gap"
        )
        action["domain"] = [("assessment_id", "=", self.id)]
        action["context"] = {"search_default_group_what": 1}
        action["display_name"] = self.env._(
            "Missing in %(unit)s", unit=self.department_id.name
        )
        return action

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


class LearningUnitDossierItem(models.Model):
    _name = "learning.unit.dossier.item"
    _inherit = ["learning.unit.dossier.item", "mail.thread", "mail.activity.mixin"]
    _mail_post_access = "read"

    # a member writes the words and files of their own documents (see
    # _lu_roles); the officer also marks the paper copy of any of the unit's
    _lu_write_access = {
        "officer": (PROVIDE_FIELDS | FILING_FIELDS, EDITABLE_STATES),
        "member": (FILING_FIELDS, EDITABLE_STATES),
    }
    _lu_workflow_field = "document_state"

    document_state = fields.Selection(
        DOCUMENT_STATES,
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    member_form = fields.Selection(related="document_type_id.member_form")
    approval_required = fields.Boolean(
        related="document_type_id.approval_required",
        store=True,
        index=True,
        precompute=True,
    )
    period_id = fields.Many2one(
        related="assessment_id.period_id",
        store=True,
        index=True,
        precompute=True,
        string="Period",
    )
    unit_id = fields.Many2one(
        related="assessment_id.department_id",
        store=True,
        index=True,
        precompute=True,
        string="Unit",
    )
    learn_what = fields.Text(
        string="What I Will Learn",
        help="The knowledge and skills you plan to learn this year.",
    )
    learn_how = fields.Text(
        string="How",
        help="Courses, self-study, e-learning, coaching…",
    )
    learn_when = fields.Text(string="When", help="The months or the schedule.")
    content = fields.Text(
        string="Statement",
        compute="_compute_content",
        store=True,
        readonly=False,
        precompute=True,
        help="Your statement, in your words.",
    )
    submitted_on = fields.Datetime(readonly=True, copy=False)
    submitted_by = fields.Many2one("res.users", readonly=True, copy=False)
    approved_on = fields.Datetime(readonly=True, copy=False)
    approved_by = fields.Many2one("res.users", readonly=True, copy=False)
    return_reason = fields.Text(readonly=True, copy=False)
    returned_on = fields.Datetime(readonly=True, copy=False)
    returned_by = fields.Many2one("res.users", readonly=True, copy=False)
    lu_can_file = fields.Boolean(string="I Can File It", compute="_compute_lu_rights")
    lu_can_check = fields.Boolean(
        string="I Can Approve or Return It", compute="_compute_lu_rights"
    )

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    @api.depends("document_type_id")
    def _compute_content(self):
        for item in self:
            if not item.content and item.member_id:
                item.content = item.document_type_id.member_template or False

    @api.depends(
        "attachment_ids",
        "paper_copy",
        "document_state",
        "member_id",
        "document_type_id.member_form",
        "document_type_id.approval_required",
    )
    def _compute_is_provided(self):
        for item in self:
            doc_type = item.document_type_id
            if item.paper_copy:
                provided = True
            elif not item.member_id or not doc_type.member_form:
                provided = bool(item.attachment_ids)
            elif doc_type.approval_required:
                provided = item.document_state == "approved"
            else:
                provided = item.document_state in ("submitted", "approved")
            item.is_provided = provided

    @api.depends("user_id", "assessment_id.state", "assessment_id.plan_approver_id")
    @api.depends_context("uid")
    def _compute_lu_rights(self):
        for item in self:
            filed = bool(item.member_id and item.member_form and item.id)
            preparing = item.assessment_id.state in EDITABLE_STATES
            roles = item._lu_document_roles() if filed and preparing else set()
            item.lu_can_file = "filer" in roles
            item.lu_can_check = "checker" in roles

    # ------------------------------------------------------------------
    # roles
    # ------------------------------------------------------------------
    def _lu_roles(self):
        roles = super()._lu_roles()
        if "member" in roles and any(item.user_id != self.env.user for item in self):
            # members file their own documents only
            roles.discard("member")
        return roles

    def _lu_document_roles(self):
        """The roles of the user in the workflow of all of these documents."""
        roles = set()
        if not self:
            return roles
        groups = super()._lu_roles()
        officer = "officer" in groups and all(
            item.assessment_id.department_id.lu_can_prepare for item in self
        )
        own = [item.user_id == self.env.user for item in self]
        if all(own) or officer:
            roles.add("filer")
        # nobody checks their own document (the head's plan is approved by the
        # officer the head delegates, or an administrator)
        if not any(own) and (
            all(item.assessment_id.lu_can_approve for item in self)
            or (officer and not any(self.mapped("approval_required")))
        ):
            roles.add("checker")
        return roles

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def _lu_check_write(self, vals):
        if vals.get("document_state") == "returned":
            vals = {k: v for k, v in vals.items() if k != "return_reason"}
        super()._lu_check_write(vals)
        if self.env.su or not FILING_FIELDS & set(vals):
            return
        states = dict(self._fields["document_state"]._description_selection(self.env))
        for item in self:
            if item.document_state not in OPEN_DOCUMENT_STATES:
                raise UserError(
                    self.env._(
                        "%(document)s is %(state)s: withdraw it (or ask for it to be "
                        "returned) before changing it.",
                        document=item.display_name,
                        state=states[item.document_state],
                    )
                )

    def _lu_complete_write(self, vals):
        vals = super()._lu_complete_write(vals)
        target = vals.get("document_state")
        if target:
            self._check_document_transition(target, vals)
            vals.update(self._document_transition_values(target, vals))
        return vals

    def _check_document_transition(self, target, vals):
        if target not in DOCUMENT_TRANSITIONS:
            raise AccessError(
                self.env._(
                    "The workflow has no state %(state)s.", state=str(target)[:20]
                )
            )
        sources, role = DOCUMENT_TRANSITIONS[target]
        if not self.env.su and role not in self._lu_document_roles():
            raise AccessError(self._document_refusal(target))
        states = dict(self._fields["document_state"]._description_selection(self.env))
        for item in self:
            if not item.member_id or not item.member_form:
                raise UserError(
                    self.env._(
                        "%(document)s is not filed by a member.",
                        document=item.display_name,
                    )
                )
            if item.assessment_id.state not in EDITABLE_STATES:
                raise item._lu_locked_error(item)
            if item.document_state not in sources:
                raise UserError(
                    self.env._(
                        "%(document)s is %(state)s: it cannot become %(target)s.",
                        document=item.display_name,
                        state=states[item.document_state],
                        target=states[target],
                    )
                )
        getattr(self, f"_check_document_{target}")(vals)

    def _document_refusal(self, target):
        return {
            "submitted": self.env._(
                "Only the member or the unit officer can submit it."
            ),
            "draft": self.env._("Only the member or the unit officer can withdraw it."),
            "approved": self.env._(
                "Only the head of the unit, or the officer the head delegates, "
                "can approve it."
            ),
            "returned": self.env._(
                "Only the head of the unit, or the officer the head delegates, "
                "can return it."
            ),
        }[target]

    def _check_document_submitted(self, vals):
        for item in self:
            if item.member_form == "plan":
                missing = [
                    self._fields[name]._description_string(self.env)
                    for name in PLAN_FIELDS
                    if not (item[name] or "").strip()
                ]
            else:
                missing = (
                    []
                    if (item.content or "").strip() or item.attachment_ids
                    else [self._fields["content"]._description_string(self.env)]
                )
            if missing:
                raise ValidationError(
                    self.env._(
                        "%(document)s: fill in %(fields)s before submitting.",
                        document=item.display_name,
                        fields=", ".join(missing),
                    )
                )

    def _check_document_draft(self, vals):
        return None

    def _check_document_approved(self, vals):
        for item in self:
            if not item.approval_required:
                raise UserError(
                    self.env._(
                        "%(document)s counts once submitted: nobody approves it.",
                        document=item.display_name,
                    )
                )

    def _check_document_returned(self, vals):
        reason = vals.get("return_reason")
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError(self.env._("Say why the document is returned."))

    def _document_transition_values(self, target, vals):
        now = fields.Datetime.now()
        if target == "submitted":
            return {"submitted_on": now, "submitted_by": self.env.uid}
        if target == "draft":
            return {"submitted_on": False, "submitted_by": False}
        if target == "approved":
            return {"approved_on": now, "approved_by": self.env.uid}
        if target == "returned":
            return {
                "return_reason": vals["return_reason"].strip(),
                "returned_on": now,
                "returned_by": self.env.uid,
                "approved_on": False,
                "approved_by": False,
            }
        return {}

    def _after_document_transition(self, target):
        system = self.sudo()
        if target == "submitted":
            system.activity_feedback(
                [ACTIVITY_DOCUMENT_RETURNED, ACTIVITY_DOCUMENT_FILE]
            )
        elif target in ("approved", "returned"):
            self._lu_record_evidence()
        if target == "returned":
            for item in system:
                partners = (
                    item.user_id.partner_id or item.assessment_id.user_id.partner_id
                )
                item.message_post(
                    body=self.env._(
                        "Returned by %(user)s. Reason: %(reason)s",
                        user=self.env.user.name,
                        reason=item.return_reason,
                    ),
                    author_id=self.env.user.partner_id.id,
                    subtype_xmlid="mail.mt_comment",
                    partner_ids=partners.ids,
                )
                user = item.user_id or item.assessment_id.user_id
                if user:
                    item.activity_schedule(
                        ACTIVITY_DOCUMENT_RETURNED,
                        user_id=user.id,
                        note=item.return_reason,
                    )

    def _lu_record_evidence(self):
        """The member evidence the approval of these documents records.

        Written through the ORM with the user's rights (the approver may write
        it), one write per value, and logged with the documents as source.
        """
        todo = defaultdict(dict)  # (field, value) -> {member id: document id}
        for item in self:
            field = item.document_type_id.evidence_field
            if field and item.member_id:
                value = item.document_state == "approved"
                if item.member_id[field] != value:
                    todo[field, value][item.member_id.id] = item.id
        Member = self.env["learning.unit.member"]
        for (field, value), documents in todo.items():
            members = evidence_source(
                Member.browse(list(documents)), "plan", documents=documents
            )
            members.write({field: value})

    def write(self, vals):
        target = vals.get("document_state")
        result = super().write(vals)
        if target:
            self._after_document_transition(target)
        return result

    @api.model_create_multi
    def create(self, vals_list):
        # the dossier is the structure the rules give: no chatter at creation
        quiet = self.with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
        )
        return (
            super(LearningUnitDossierItem, quiet).create(vals_list).with_env(self.env)
        )

    # ------------------------------------------------------------------
    # buttons
    # ------------------------------------------------------------------
    def action_submit(self):
        """Send the document to the unit (the head approves a plan)."""
        return self.write({"document_state": "submitted"})

    def action_withdraw(self):
        return self.write({"document_state": "draft"})

    def action_approve(self):
        """Approve these documents, one or many (a list's selection)."""
        pending = self.filtered(lambda i: i.document_state != "approved")
        if pending:
            pending.write({"document_state": "approved"})
        return True

    def action_return(self):
        """Ask why the documents go back to their members."""
        if "checker" not in self._lu_document_roles():
            raise AccessError(self._document_refusal("returned"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Return to the member"),
            "res_model": "learning.unit.document.return.wizard",
            "view_mode": "form",
            "target": "new",
            "context": {"default_document_ids": self.ids},
        }

    def action_open_document(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref(
                        "learning_unit.view_learning_unit_member_document_form"
                    ).id,
                    "form",
                )
            ],
        }
