# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The XLSX reports of the Print menu (OCA report_xlsx), beside their PDF.

Each one writes into report_xlsx's workbook with the export of
``learning.unit.xlsx.export`` of the same kind, with the current user's
rights: a record the user may not read is refused.
"""

from odoo import models


class ReportLearningUnitXlsx(models.AbstractModel):
    _name = "report.learning_unit.abstract_xlsx"
    _inherit = "report.report_xlsx.abstract"
    _description = "Learning Unit XLSX Report"

    _lu_kind = None

    def get_workbook_options(self):
        return self.env["learning.unit.xlsx.export"]._workbook_options()

    def _lu_fill(self, workbook, objs):
        Export = self.env["learning.unit.xlsx.export"]
        return getattr(Export, f"_fill_{self._lu_kind}")(workbook, objs)

    def generate_xlsx_report(self, workbook, data, objs):
        objs.check_access("read")
        self._lu_fill(workbook, objs)


class ReportPhuLuc2Xlsx(models.AbstractModel):
    _name = "report.learning_unit.xlsx_phu_luc_2"
    _inherit = "report.learning_unit.abstract_xlsx"
    _description = "Learning Unit XLSX: Phụ lục 2"
    _lu_kind = "phu_luc_2"


class ReportDistrictSummaryXlsx(models.AbstractModel):
    _name = "report.learning_unit.xlsx_district_summary"
    _inherit = "report.learning_unit.abstract_xlsx"
    _description = "Learning Unit XLSX: District Summary"
    _lu_kind = "district_summary"


class ReportDistrictSummaryPeriodXlsx(models.AbstractModel):
    _name = "report.learning_unit.xlsx_district_summary_period"
    _inherit = "report.learning_unit.abstract_xlsx"
    _description = "Learning Unit XLSX: District Summary of a Period"

    def _lu_fill(self, workbook, periods):
        assessments = self.env["learning.unit.assessment"].search(
            [("period_id", "in", periods.ids)]
        )
        self.env["learning.unit.xlsx.export"]._fill_district_summary(
            workbook, assessments, periods=periods
        )


class ReportMemberEvidenceXlsx(models.AbstractModel):
    _name = "report.learning_unit.xlsx_member_evidence"
    _inherit = "report.learning_unit.abstract_xlsx"
    _description = "Learning Unit XLSX: Member Evidence"
    _lu_kind = "member_evidence"


class ReportUpwardXlsx(models.AbstractModel):
    _name = "report.learning_unit.xlsx_upward_report"
    _inherit = "report.learning_unit.abstract_xlsx"
    _description = "Learning Unit XLSX: Report Upward"
    _lu_kind = "upward_report"


class ReportProvinceRollupXlsx(models.AbstractModel):
    _name = "report.learning_unit.xlsx_province_rollup"
    _inherit = "report.learning_unit.abstract_xlsx"
    _description = "Learning Unit XLSX: Province Roll-up"
    _lu_kind = "province_rollup"
