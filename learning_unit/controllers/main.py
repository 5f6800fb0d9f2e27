# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The Print menu's downloads: DOCX beside report_xlsx's XLSX and the PDF.

``/report/docx/<report>/<ids>`` renders a DOCX report; ids of XLSX and DOCX
reports must be a short list of plain integers (a range or a word is answered
at once with 400). Access is checked by the records read, as for the PDF:
a record the user may not read is answered with 403.
"""

import json

from werkzeug.exceptions import BadRequest

from odoo.addons.report_xlsx.controllers.main import ReportController
from odoo.http import content_disposition, request, route
from odoo.tools.safe_eval import safe_eval, time

from ..report.render_docx import DOCX_MIMETYPE

MAX_REPORT_IDS = 10000


def checked_ids(docids):
    """``"1,2,3"`` as ints; BadRequest for anything else or too many."""
    if not docids:
        return []
    parts = docids.split(",")
    if len(parts) > MAX_REPORT_IDS or not all(
        part.isdigit() and len(part) < 11 for part in parts
    ):
        raise BadRequest("ids must be at most 10000 comma-separated integers")
    return [int(part) for part in parts]


class LearningUnitReportController(ReportController):
    @route()
    def report_routes(self, reportname, docids=None, converter=None, **data):
        if converter in ("xlsx", "docx"):
            ids = checked_ids(docids)
        if converter != "docx":
            return super().report_routes(reportname, docids, converter, **data)
        Report = request.env["ir.actions.report"]
        context = dict(request.env.context)
        if data.get("context"):
            try:
                context.update(json.loads(data["context"]))
            except ValueError as error:
                raise BadRequest("context must be JSON") from error
        report = Report._get_report_from_name(reportname)
        if not report:
            raise BadRequest("unknown report")
        content, _kind = Report.with_context(**context)._render_docx(
            reportname, ids, data=data
        )
        filename = f"{report.name}.docx"
        if report.print_report_name and len(ids) == 1:
            record = request.env[report.model].browse(ids)
            name = safe_eval(report.print_report_name, {"object": record, "time": time})
            filename = f"{name}.docx"
        return request.make_response(
            content,
            headers=[
                ("Content-Type", DOCX_MIMETYPE),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
