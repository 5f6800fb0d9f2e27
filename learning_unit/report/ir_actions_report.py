# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The DOCX report type, and the documents' PDF, DOCX and XLSX actions.

A document's PDF action names its report model in ``report_name``; its
blocks are laid out by the one template ``learning_unit.nd30_documents``
(report_nd30.xml). A DOCX or XLSX action of a document names, in its
``report_file``, the document's report model (``learning_unit.report_phu_luc_2``
is the model ``report.learning_unit.report_phu_luc_2``, see
report_document.py), whose blocks it writes with python-docx (render_docx.py)
or into OCA report_xlsx's workbook (render_xlsx.py): the PDF, the DOCX and the
XLSX of a document hold the same text. The web client downloads a DOCX from
the Print menu like report_xlsx does an XLSX
(static/src/js/report/docx_handler.esm.js, controllers/main.py).
"""

from odoo import api, fields, models
from odoo.exceptions import UserError

from .render_docx import render_docx


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    report_type = fields.Selection(
        selection_add=[("docx", "Word document (DOCX)")],
        ondelete={"docx": "set default"},
    )

    def _lu_document_model(self):
        """The report model of the document this action prints, if any."""
        model = self.env.get(f"report.{self.report_file}")
        return model if model is not None and hasattr(model, "_lu_print") else None

    @api.model
    def _render_template(self, template, values=None):
        model = self.env.get(f"report.{template}")
        if model is not None and hasattr(model, "_lu_print"):
            template = "learning_unit.nd30_documents"
        return super()._render_template(template, values)

    @api.model
    def _render_docx(self, report_ref, docids, data=None):
        report = self._get_report(report_ref)
        model = report._lu_document_model()
        if report.report_type != "docx" or model is None:
            raise UserError(
                self.env._("%(report)s is not a DOCX report.", report=report.name)
            )
        model = model.with_env(self.env)
        return render_docx(model._lu_print(model._lu_records(docids or []))), "docx"

    @api.model
    def _render_xlsx(self, report_ref, docids, data):
        report = self._get_report(report_ref)
        model = report._lu_document_model()
        if model is None:
            return super()._render_xlsx(report_ref, docids, data)
        # as report_xlsx: with the user's rights, its route reads the action sudo
        model = model.with_env(self.env).sudo(False)
        model = model.with_context(active_model=report.model)
        return model.create_xlsx_report(docids, data)

    @api.model
    def _get_report_from_name(self, report_name):
        report = super()._get_report_from_name(report_name)
        if report:
            return report
        context = self.env["res.users"].context_get()
        return self.with_context(**context).search(
            [("report_type", "=", "docx"), ("report_name", "=", report_name)], limit=1
        )
