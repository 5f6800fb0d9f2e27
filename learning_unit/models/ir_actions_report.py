# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""DOCX reports: the official documents to edit before signing.

A report of type ``docx`` named ``<module>.<name>_docx`` prints the blocks of
the PDF report ``<module>.<name>`` with python-docx (reports/docx_writer.py),
so both hold the same text. The web client downloads it from the Print menu
like report_xlsx does for XLSX (static/src/js/report/docx_handler.esm.js,
controllers/main.py).
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..reports.docx_writer import render_docx

DOCX_SUFFIX = "_docx"
DOCX_MIMETYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    report_type = fields.Selection(
        selection_add=[("docx", "Word document (DOCX)")],
        ondelete={"docx": "set default"},
    )

    @api.model
    def _render_docx(self, report_ref, docids, data=None):
        report = self._get_report(report_ref)
        if report.report_type != "docx" or not report.report_name.endswith(DOCX_SUFFIX):
            raise UserError(
                self.env._("%(report)s is not a DOCX report.", report=report.name)
            )
        name = report.report_name[: -len(DOCX_SUFFIX)]
        model = self.env.get(f"report.{name}")
        if model is None or not hasattr(model, "_lu_documents"):
            raise UserError(
                self.env._("%(report)s cannot be printed as DOCX.", report=report.name)
            )
        records = model._lu_records(docids or [])
        return render_docx(model._lu_documents(records)), "docx"

    @api.model
    def _get_report_from_name(self, report_name):
        report = super()._get_report_from_name(report_name)
        if report:
            return report
        context = self.env["res.users"].context_get()
        return self.with_context(**context).search(
            [("report_type", "=", "docx"), ("report_name", "=", report_name)], limit=1
        )
