# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The QWeb reports (PDF) and their DOCX twins: one model per document.

Each model names the records it prints and the builder of
``learning.unit.documents`` that turns them into blocks; the PDF lays the
blocks out with ``learning_unit.nd30_documents``, the DOCX report of the same
name with ``_docx`` appended writes them with python-docx
(``ir.actions.report._render_docx``).
"""

from odoo import api, models

from .document_blocks import runs_html


class ReportLearningUnitDocument(models.AbstractModel):
    _name = "report.learning_unit.abstract_document"
    _description = "Learning Unit Printed Document"

    _lu_model = None
    _lu_builder = None

    @api.model
    def _lu_records(self, docids):
        return self.env[self._lu_model].browse(docids)

    @api.model
    def _lu_documents(self, records):
        return getattr(self.env["learning.unit.documents"], self._lu_builder)(records)

    @api.model
    def _get_report_values(self, docids, data=None):
        records = self._lu_records(docids)
        return {
            "doc_ids": records.ids,
            "doc_model": records._name,
            "docs": records,
            "documents": self._lu_documents(records),
            "runs_html": runs_html,
        }


class ReportPhuLuc2(models.AbstractModel):
    _name = "report.learning_unit.report_phu_luc_2"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Phụ lục 2"
    _lu_model = "learning.unit.assessment"
    _lu_builder = "phu_luc_2"


class ReportPhuLuc1(models.AbstractModel):
    _name = "report.learning_unit.report_phu_luc_1"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Phụ lục 1"
    _lu_model = "learning.unit.promotion.report"
    _lu_builder = "phu_luc_1"


class ReportDistrictSummary(models.AbstractModel):
    """The summary of the assessments printed (Print menu of the assessments)."""

    _name = "report.learning_unit.report_district_summary"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: District Summary"
    _lu_model = "learning.unit.assessment"
    _lu_builder = "district_summary"


class ReportDistrictSummaryPeriod(models.AbstractModel):
    """The summary of every assessment of a period the user can see."""

    _name = "report.learning_unit.report_district_summary_period"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: District Summary of a Period"
    _lu_model = "learning.unit.period"

    @api.model
    def _lu_documents(self, periods):
        periods.check_access("read")
        assessments = self.env["learning.unit.assessment"].search(
            [("period_id", "in", periods.ids)]
        )
        return self.env["learning.unit.documents"].district_summary(
            assessments, periods=periods
        )


class ReportTt24Proposal(models.AbstractModel):
    _name = "report.learning_unit.report_tt24_proposal"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Tờ trình đề nghị"
    _lu_model = "learning.unit.assessment"
    _lu_builder = "tt24_proposal"


class ReportTt24SelfReport(models.AbstractModel):
    _name = "report.learning_unit.report_tt24_self_report"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Báo cáo tự đánh giá"
    _lu_model = "learning.unit.assessment"
    _lu_builder = "tt24_self_report"


class ReportTt24Summary(models.AbstractModel):
    _name = "report.learning_unit.report_tt24_summary"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Bản tổng hợp các tiêu chí, chỉ tiêu"
    _lu_model = "learning.unit.assessment"
    _lu_builder = "tt24_summary"


class ReportMinutes(models.AbstractModel):
    _name = "report.learning_unit.report_minutes"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Biên bản kiểm tra"
    _lu_model = "learning.unit.minutes"
    _lu_builder = "minutes"


class ReportDecision(models.AbstractModel):
    _name = "report.learning_unit.report_decision"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Quyết định công nhận"
    _lu_model = "learning.unit.decision"
    _lu_builder = "decision"


class ReportUpward(models.AbstractModel):
    _name = "report.learning_unit.report_upward"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Báo cáo kết quả"
    _lu_model = "learning.unit.upward.report"
    _lu_builder = "upward_report"


class ReportProvinceRollup(models.AbstractModel):
    _name = "report.learning_unit.report_province_rollup"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: Province Roll-up"
    _lu_model = "learning.unit.period"
    _lu_builder = "province_rollup"
