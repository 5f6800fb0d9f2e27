# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Values of the QWeb reports, read in batch (see learning.unit.report.data)."""

from odoo import api, models

from .learning_unit_report_data import vn_amount, vn_date_phrase, vn_number


class ReportPhuLuc2(models.AbstractModel):
    _name = "report.learning_unit.report_phu_luc_2"
    _description = "Learning Unit Report: Phụ lục 2"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["learning.unit.assessment"].browse(docids)
        return {
            "doc_ids": docs.ids,
            "doc_model": docs._name,
            "docs": docs,
            "forms": self.env["learning.unit.report.data"]._phu_luc_2(docs),
            "fmt": vn_number,
        }


class ReportDistrictSummary(models.AbstractModel):
    """The summary of the assessments printed (Print menu of the assessments)."""

    _name = "report.learning_unit.report_district_summary"
    _description = "Learning Unit Report: District Summary"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["learning.unit.assessment"].browse(docids)
        return self._summary_values(docs, docs)

    @api.model
    def _summary_values(self, docs, assessments, periods=None):
        return {
            "doc_ids": docs.ids,
            "doc_model": docs._name,
            "docs": docs,
            "sections": self.env["learning.unit.report.data"]._district_summary(
                assessments, periods=periods
            ),
            "fmt": vn_number,
        }


class ReportDistrictSummaryPeriod(models.AbstractModel):
    """The summary of every assessment of a period the user can see."""

    _name = "report.learning_unit.report_district_summary_period"
    _inherit = "report.learning_unit.report_district_summary"
    _description = "Learning Unit Report: District Summary of a Period"

    @api.model
    def _get_report_values(self, docids, data=None):
        periods = self.env["learning.unit.period"].browse(docids)
        periods.check_access("read")
        assessments = self.env["learning.unit.assessment"].search(
            [("period_id", "in", periods.ids)]
        )
        return self._summary_values(periods, assessments, periods=periods)


class ReportPhuLuc1(models.AbstractModel):
    _name = "report.learning_unit.report_phu_luc_1"
    _description = "Learning Unit Report: Phụ lục 1"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["learning.unit.promotion.report"].browse(docids)
        docs.check_access("read")
        docs.line_ids.fetch(["kind", "donor", "quantity", "amount", "note"])
        return {
            "doc_ids": docs.ids,
            "doc_model": docs._name,
            "docs": docs,
            "fmt": vn_number,
            "amount": vn_amount,
            "date_phrase": vn_date_phrase,
        }
