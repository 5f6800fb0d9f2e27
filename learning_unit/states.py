# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The states of the addon's workflows, their named sets, and the xml ids of
the roles and activities they use: declared once, without the ORM.

Every Python use imports them from here (record rules and views say the same
sets in XML: rules carry the state of each role's writes, views read the
computed Booleans of the models, e.g. ``lu_editable``). The labels are English
source texts, translated like every selection (i18n/vi.po).
"""

# --- roles: the groups of security.xml ------------------------------------
GROUP_MEMBER = "learning_unit.group_member"
GROUP_OFFICER = "learning_unit.group_unit_officer"
GROUP_REVIEWER = "learning_unit.group_district_reviewer"
GROUP_ADMIN = "learning_unit.group_admin"
ROLE_GROUPS = {
    "member": GROUP_MEMBER,
    "officer": GROUP_OFFICER,
    "reviewer": GROUP_REVIEWER,
    "admin": GROUP_ADMIN,
}

# --- periods ----------------------------------------------------------------
PERIOD_STATES = [("open", "Open"), ("closed", "Closed")]

# --- assessments ------------------------------------------------------------
ASSESSMENT_STATES = [
    ("draft", "Draft"),
    ("returned", "Returned"),
    ("submitted", "Submitted"),
    ("in_review", "In Review"),
    ("reviewed", "Reviewed"),
    ("recognised", "Recognised"),
]
# The unit prepares its self-assessment in these states.
EDITABLE_STATES = ("draft", "returned")
# The reviewing level records its notes and decisions in these states.
REVIEW_STATES = ("submitted", "in_review", "reviewed")
# The reviewing level enters review results in this state.
SCORING_STATES = ("in_review",)
# The review results exist from this state on.
REVIEW_STARTED_STATES = ("in_review", "reviewed", "recognised")
# The review results are shown in these states: to the unit too once returned.
REVIEW_SHOWN_STATES = (*REVIEW_STARTED_STATES, "returned")
# Sent, the review not complete; the review complete.
PENDING_STATES = ("submitted", "in_review")
DECIDED_STATES = ("reviewed", "recognised")

# --- members' documents (learning.unit.dossier.item.document_state) --------
DOCUMENT_STATES = [
    ("draft", "To File"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("returned", "Returned"),
]
# A member's words can be changed in these states.
OPEN_DOCUMENT_STATES = ("draft", "returned")

# --- decisions --------------------------------------------------------------
DECISION_STATES = [("draft", "Draft"), ("issued", "Issued"), ("revoked", "Revoked")]
# --- minutes of an inspection -----------------------------------------------
MINUTES_STATES = [("draft", "Draft"), ("signed", "Signed")]
# --- reports upward ---------------------------------------------------------
UPWARD_STATES = [("draft", "Draft"), ("issued", "Issued")]
# A decision, minutes or a report upward is written while a draft only.
DRAFT_STATES = ("draft",)

# --- recognitions -------------------------------------------------------------
RECOGNITION_STATES = [("valid", "Valid"), ("revoked", "Revoked")]

# --- activities (data/learning_unit_mail_data.xml, ..._member_document_data.xml)
ACTIVITY_SUBMIT = "learning_unit.mail_activity_type_submit"
ACTIVITY_REVIEW = "learning_unit.mail_activity_type_review"
ACTIVITY_RETURNED = "learning_unit.mail_activity_type_returned"
ACTIVITY_DOCUMENT_RETURNED = "learning_unit.mail_activity_type_document_returned"
ACTIVITY_DOCUMENT_FILE = "learning_unit.mail_activity_type_document_file"
ACTIVITY_EXPIRY = "learning_unit.mail_activity_type_expiry"
ACTIVITY_DECISION = "learning_unit.mail_activity_type_decision"

# --- what the unit is told (data/learning_unit_mail_template_data.xml) -------
MAIL_RETURNED = "learning_unit.mail_template_assessment_returned"
MAIL_RECOGNISED = "learning_unit.mail_template_assessment_recognised"
MAIL_NOT_RECOGNISED = "learning_unit.mail_template_assessment_not_recognised"
MAIL_REVOKED = "learning_unit.mail_template_assessment_revoked"
