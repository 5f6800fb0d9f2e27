# The mixins first: the models inheriting them are registered after them.
from . import learning_unit_value_mixin  # isort: skip
from . import learning_unit_lock_mixin  # isort: skip
from . import learning_unit_workflow_mixin  # isort: skip
from . import learning_unit_period_mixin  # isort: skip
from . import learning_unit_signed_scan_mixin  # isort: skip
from . import learning_unit_official_mixin  # isort: skip
from . import learning_unit_head_approval_mixin  # isort: skip
from . import (
    hr_department,
    hr_employee,
    learning_unit_assessment,
    learning_unit_assessment_line,
    learning_unit_body,
    learning_unit_criterion,
    learning_unit_decision,
    learning_unit_decision_line,
    learning_unit_document_type,
    learning_unit_dossier_item,
    learning_unit_evidence_event,
    learning_unit_member,
    learning_unit_minutes,
    learning_unit_number_register,
    learning_unit_period,
    learning_unit_promotion_report,
    learning_unit_promotion_report_line,
    learning_unit_recognition,
    learning_unit_team,
    learning_unit_team_member,
    learning_unit_template,
    learning_unit_upward_report,
    mail_message,
    res_users,
)

# A view over the members and their dossier: created after their tables.
from . import learning_unit_evidence_gap  # isort: skip
