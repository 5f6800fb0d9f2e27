# The printed document first: every document's report model inherits it.
from . import report_document  # isort: skip
from . import (
    document_decision,
    document_district_summary,
    document_member_evidence,
    document_minutes,
    document_phu_luc_1,
    document_phu_luc_2,
    document_province_rollup,
    document_tt24_proposal,
    document_tt24_self_report,
    document_tt24_summary,
    document_upward,
    ir_actions_report,
    report_data,
)
