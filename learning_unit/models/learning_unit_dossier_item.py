# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The evidence dossier: the unit's documents and each member's own.

An item without ``member_id`` is a document of the unit: a file or a paper
copy. An item with ``member_id`` is a member's own document of the year, filed
in the member's words when its type says how (``member_form``): the self-study
plan (what, how, when), the registration for the "Công dân học tập" model and
the lifelong-learning commitment of seed 001 (Thông tư 22); under Thông tư 24
the certificates the member holds (what, when, the file): the training she
completed (indicator 2.2) and her "Công dân học tập" result when it was not
imported (3.1). The type says whether the head of
the unit approves it (``approval_required``) and which member evidence its
approval records (``evidence_field``, named in the shipped data only).

Who may do what:

* access rights and record rules (security/security.xml and
  security/learning_unit_member_document_security.xml) give the scope and the
  state: a member their own documents, the unit officer the unit's, the head of
  the unit (``hr.department.manager_id``'s user) or the officer the head
  delegates (``learning.unit.assessment.plan_approver_id``) the unit's members'
  documents, always while the unit prepares its self-assessment;
* the lock mixin gives the fields: a member writes the words and files of their
  own documents, the officer also the paper copy; the words are locked once
  the document is submitted;
* ``_lu_transitions`` is the workflow of a member's document
  (``document_state``, run by the workflow mixin). Its roles are the user's
  on these documents: "filer" (the member, their own; the unit officer, for
  members on paper) and "checker" (the head of the unit or their delegate; for
  a document the head does not approve, also the unit officer). Approving a
  document writes its evidence on the member through the ORM, with the
  approver's rights, and logs its source.

``is_provided`` is what the reviewing level accepts: a document the head
approves counts once approved, a statement once submitted, either on paper;
other documents (the unit's) once a file is attached or on paper.
"""

from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.translate import LazyTranslate

from ..states import (
    ACTIVITY_DOCUMENT_FILE,
    ACTIVITY_DOCUMENT_RETURNED,
    DOCUMENT_STATES,
    EDITABLE_STATES,
    OPEN_DOCUMENT_STATES,
)
from .learning_unit_evidence_event import evidence_source
from .learning_unit_workflow_mixin import StateFlag, Transition

# the refusals of the workflow are declared with its table, before any
# environment exists: lazy translations, rendered in the user's language
# pylint: disable=prefer-env-translation
_lt = LazyTranslate(__name__)

# What proves a document of the unit: its files, its paper copy.
PROVIDE_FIELDS = frozenset({"attachment_ids", "paper_copy", "note"})
# What a member files: their words and files.
FILING_FIELDS = frozenset(
    {
        "learn_what",
        "learn_how",
        "learn_when",
        "content",
        "proof_what",
        "proof_date",
        "attachment_ids",
        "note",
    }
)
PLAN_FIELDS = ("learn_what", "learn_how", "learn_when")
# a certificate or proof: what it proves, when, and the file itself
CERTIFICATE_FIELDS = ("proof_what", "proof_date", "attachment_ids")
# a value of the document's type or assessment kept on the item, set at
# creation: the rules and the lists search and group by it
KEPT = {"store": True, "index": True, "precompute": True}


class LearningUnitDossierItem(models.Model):
    _name = "learning.unit.dossier.item"
    _inherit = ["mail.thread", "mail.activity.mixin", "learning.unit.workflow.mixin"]
    _description = "Learning Unit Dossier Item"
    _order = "assessment_id, member_id, sequence, id"
    _mail_post_access = "read"

    # a member writes the words and files of their own documents (see
    # _lu_roles); the officer also marks the paper copy of any of the unit's
    _lu_write_access = {
        "officer": PROVIDE_FIELDS | FILING_FIELDS,
        "member": FILING_FIELDS,
    }
    _lu_workflow_field = "document_state"
    _lu_transitions = {
        "submitted": Transition(
            OPEN_DOCUMENT_STATES,
            "filer",
            _lt("Only the member or the unit officer can submit it."),
        ),
        # withdrawn before it is checked
        "draft": Transition(
            ("submitted",),
            "filer",
            _lt("Only the member or the unit officer can withdraw it."),
        ),
        "approved": Transition(
            ("submitted",),
            "checker",
            _lt(
                "Only the head of the unit, or the officer the head delegates, "
                "can approve it."
            ),
        ),
        "returned": Transition(
            ("submitted", "approved"),
            "checker",
            _lt(
                "Only the head of the unit, or the officer the head delegates, "
                "can return it."
            ),
            args=("return_reason",),
        ),
    }

    _lu_state_flags = {
        "lu_document_open": OPEN_DOCUMENT_STATES,
        "lu_returnable": _lu_transitions["returned"].sources,
    }

    assessment_id = fields.Many2one(
        "learning.unit.assessment", required=True, ondelete="cascade", index=True
    )
    member_id = fields.Many2one(
        "learning.unit.member",
        ondelete="cascade",
        index=True,
        help="Empty for a document of the whole unit.",
    )
    member_name = fields.Char(related="member_id.name", string="Member Name")
    user_id = fields.Many2one(related="member_id.user_id", store=True, index=True)
    document_type_id = fields.Many2one(
        "learning.unit.document.type", required=True, ondelete="restrict", index=True
    )
    name = fields.Char(related="document_type_id.name")
    description = fields.Text(related="document_type_id.description")
    sequence = fields.Integer(related="document_type_id.sequence", store=True)
    mandatory = fields.Boolean(
        related="document_type_id.mandatory", store=True, index=True
    )
    company_id = fields.Many2one(
        related="assessment_id.company_id", store=True, index=True
    )
    # the assessment's (chatter history refers to it); the views read lu_editable
    state = fields.Selection(related="assessment_id.state")
    # the unit prepares its self-assessment: its dossier may change
    lu_editable = fields.Boolean(related="assessment_id.lu_editable")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "learning_unit_dossier_item_attachment_rel",
        "item_id",
        "attachment_id",
        string="Files",
    )
    paper_copy = fields.Boolean(
        help="The signed paper document is kept by the unit for the reviewers."
    )
    note = fields.Char()
    is_provided = fields.Boolean(
        string="Provided", compute="_compute_is_provided", store=True, index=True
    )
    # --- a member's document ---------------------------------------------------
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
        related="document_type_id.approval_required", **KEPT
    )
    period_id = fields.Many2one(related="assessment_id.period_id", **KEPT)
    unit_id = fields.Many2one(related="assessment_id.department_id", **KEPT)
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
    proof_what = fields.Char(
        string="What",
        help="The training completed, the title or the result the file proves.",
    )
    proof_date = fields.Date(
        string="Date", help="When it was completed or granted (the certificate's date)."
    )
    submitted_on = fields.Datetime(readonly=True, copy=False)
    submitted_by = fields.Many2one("res.users", readonly=True, copy=False)
    approved_on = fields.Datetime(readonly=True, copy=False)
    approved_by = fields.Many2one("res.users", readonly=True, copy=False)
    return_reason = fields.Text(readonly=True, copy=False)
    returned_on = fields.Datetime(readonly=True, copy=False)
    returned_by = fields.Many2one("res.users", readonly=True, copy=False)
    lu_document_open = StateFlag("Open to Changes")
    lu_returnable = StateFlag("Can Be Returned")
    lu_can_file = fields.Boolean(string="I Can File It", compute="_compute_lu_rights")
    lu_can_check = fields.Boolean(
        string="I Can Approve or Return It", compute="_compute_lu_rights"
    )

    _sql_constraints = [
        (
            "item_unique",
            "UNIQUE(assessment_id, member_id, document_type_id)",
            "A document appears once per unit or member.",
        ),
    ]

    # ------------------------------------------------------------------
    # computes
    # ------------------------------------------------------------------
    def _compute_display_name(self):
        for item in self:
            name = item.document_type_id.name or ""
            item.display_name = (
                f"{item.member_id.name} - {name}" if item.member_id else name
            )

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
            roles = item._lu_workflow_roles() if filed and preparing else set()
            item.lu_can_file = "filer" in roles
            item.lu_can_check = "checker" in roles

    # ------------------------------------------------------------------
    # roles and locks
    # ------------------------------------------------------------------
    def _lu_roles(self):
        roles = super()._lu_roles()
        if "member" in roles and any(item.user_id != self.env.user for item in self):
            # members file their own documents only
            roles.discard("member")
        return roles

    def _lu_workflow_roles(self):
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

    def _lu_is_locked(self):
        return self.assessment_id.state not in EDITABLE_STATES

    def _lu_locked_error(self, record):
        return record.assessment_id._lu_locked_error(record.assessment_id)

    def _lu_check_write(self, vals):
        self.assessment_id._lu_lock()
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

    # ------------------------------------------------------------------
    # workflow
    # ------------------------------------------------------------------
    def _lu_check_transition(self, target, vals):
        self._lu_check_role(target)
        for item in self:
            if not item.member_id or not item.member_form:
                raise UserError(
                    self.env._(
                        "%(document)s is not filed by a member.",
                        document=item.display_name,
                    )
                )
        return super()._lu_check_transition(target, vals)

    def _lu_before_submitted(self, vals):
        for item in self:
            if item.member_form in ("plan", "certificate"):
                names = (
                    PLAN_FIELDS if item.member_form == "plan" else CERTIFICATE_FIELDS
                )
                missing = [
                    self._fields[name]._description_string(self.env)
                    for name in names
                    if not item[name]
                    or (isinstance(item[name], str) and not item[name].strip())
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

    def _lu_before_approved(self, vals):
        for item in self:
            if not item.approval_required:
                raise UserError(
                    self.env._(
                        "%(document)s counts once submitted: nobody approves it.",
                        document=item.display_name,
                    )
                )

    def _lu_before_returned(self, vals):
        reason = vals.get("return_reason")
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError(self.env._("Say why the document is returned."))

    def _lu_values_draft(self, vals):
        return {"submitted_on": False, "submitted_by": False}

    def _lu_values_returned(self, vals):
        return {
            "return_reason": vals["return_reason"].strip(),
            "approved_on": False,
            "approved_by": False,
        }

    def _lu_after_submitted(self):
        self.sudo().activity_feedback(
            [ACTIVITY_DOCUMENT_RETURNED, ACTIVITY_DOCUMENT_FILE]
        )

    def _lu_after_approved(self):
        self._lu_record_evidence()

    def _lu_after_returned(self):
        self._lu_record_evidence()
        for item in self.sudo():
            # the reason, to the member (the state change is tracked)
            item._lu_send_reason(
                self.env._(
                    "Returned by %(user)s. Reason: %(reason)s",
                    user=self.env.user.name,
                    reason=item.return_reason,
                ),
                item.user_id or item.assessment_id.user_id,
                ACTIVITY_DOCUMENT_RETURNED,
            )

    def _lu_record_evidence(self):
        """The member evidence the approval of these documents records.

        Written through the ORM with the user's rights (the approver may write
        it), one write per value, and logged with the documents as source.
        """
        todo = defaultdict(dict)  # (field, value) -> {member id: document id}
        recorded = self._lu_evidence_recorded_by()
        for item in self:
            field = item.document_type_id.evidence_field
            if field and item.member_id:
                value = item.document_state == "approved"
                if item.member_id[field] == value:
                    continue
                # a document takes back only the evidence it recorded itself
                # (not an import or a paper copy recorded since)
                if value or recorded.get((item.member_id.id, field)) == item.id:
                    todo[field, value][item.member_id.id] = item.id
        Member = self.env["learning.unit.member"]
        for (field, value), documents in todo.items():
            members = evidence_source(
                Member.browse(list(documents)), "plan", documents=documents
            )
            members.write({field: value})

    def _lu_evidence_recorded_by(self):
        """``{(member id, kind): document id}``: the document behind the last
        change of each kind these documents record (False: none)."""
        kinds = [k for k in self.document_type_id.mapped("evidence_field") if k]
        if not kinds or not self.member_id:
            return {}
        Event = self.env["learning.unit.evidence.event"]
        latest = Event._read_group(
            [("member_id", "in", self.member_id.ids), ("kind", "in", kinds)],
            ["member_id", "kind"],
            ["id:max"],
        )
        events = Event.browse([event_id for _member, _kind, event_id in latest])
        return {(e.member_id.id, e.kind): e.document_id.id for e in events}

    # ------------------------------------------------------------------
    # ORM
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        # the dossier is the structure the rules give: no chatter at creation
        quiet = self.with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True
        )
        return (
            super(LearningUnitDossierItem, quiet).create(vals_list).with_env(self.env)
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_with_assessment_only(self):
        if not self.env.su:
            raise ValidationError(
                self.env._("Dossier items are removed with their assessment.")
            )

    # ------------------------------------------------------------------
    # an assessment's dossier
    # ------------------------------------------------------------------
    @api.model
    def _lu_create_unit_dossier(self, assessments):
        """The documents of the unit the rules of each assessment ask for."""
        doc_types = self.env["learning.unit.document.type"].search(
            [("scope", "=", "unit")]
        )
        self.create(
            [
                {"assessment_id": assessment.id, "document_type_id": doc_type.id}
                for assessment in assessments
                for doc_type in doc_types.filtered(
                    lambda d, a=assessment: d._applies_to(a.scheme)
                )
            ]
        )

    @api.model
    def _lu_counts(self, assessments):
        """``{assessment id: (mandatory items provided, mandatory items)}``.

        For the assessments' stored completeness: as the system already.
        """
        saved = assessments.filtered("id")
        counts = {}
        if saved:
            groups = self._read_group(
                [("assessment_id", "in", saved.ids), ("mandatory", "=", True)],
                ["assessment_id", "is_provided"],
                ["__count"],
            )
            for assessment, provided, count in groups:
                done, total = counts.get(assessment.id, (0, 0))
                counts[assessment.id] = (
                    done + (count if provided else 0),
                    total + count,
                )
        return counts

    @api.model
    def _lu_missing_lines(self, assessment):
        """What is missing before submission, one line per kind of document."""
        items = (
            self.sudo().search(
                [
                    ("assessment_id", "=", assessment.id),
                    ("mandatory", "=", True),
                    ("is_provided", "=", False),
                ]
            )
            if assessment.id
            else self
        )
        unit_items = items.filtered(lambda i: not i.member_id)
        lines = [item.document_type_id.name for item in unit_items]
        by_type = defaultdict(list)
        for item in items - unit_items:
            by_type[item.document_type_id].append(item.member_id)
        for doc_type, missing in by_type.items():
            lines.append(
                self.env._(
                    "%(document)s: %(missing)s of %(members)s members (%(names)s)",
                    document=doc_type.name,
                    missing=len(missing),
                    members=assessment.member_count,
                    names=", ".join(m.name or "" for m in missing[:5])
                    + ("…" if len(missing) > 5 else ""),
                )
            )
        return lines

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
        self._lu_check_selected()
        pending = self.filtered(lambda i: i.document_state != "approved")
        if pending:
            pending.write({"document_state": "approved"})
        return True

    def action_return(self):
        """Ask why the documents go back to their members."""
        self._lu_check_selected()
        return self._lu_reason_action(
            "returned",
            self.env._("Return to the member"),
            "learning.unit.document.return.wizard",
            {"default_document_ids": self.ids},
        )

    def _lu_check_selected(self):
        """The list's buttons are always shown: they act on its selection."""
        if not self:
            raise UserError(
                self.env._("Select the documents first (on a phone, hold a row down).")
            )

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
