# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import BadRequest, Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError
from odoo.http import content_disposition, request

from ..models.learning_unit_xlsx_export import XLSX_MIMETYPE, decode_ids


def _ids(text):
    try:
        return decode_ids(text)
    except ValueError as error:
        raise BadRequest(
            "ids must be at most 10000 integers or ranges of integers"
        ) from error


class LearningUnitXlsxController(http.Controller):
    @http.route(
        "/learning_unit/xlsx/<string:kind>",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def download_xlsx(self, kind, ids=None, period_ids=None, **kwargs):
        """Download an XLSX export of assessments, or of whole periods.

        With ``period_ids`` the export holds every assessment of these periods
        the user may read; with ``ids`` the given assessments, all of which the
        user must be allowed to read.
        """
        Export = request.env["learning.unit.xlsx.export"]
        if kind not in Export._export_kinds:
            raise NotFound()
        Assessment = request.env["learning.unit.assessment"]
        periods = None
        try:
            if period_ids:
                periods = request.env["learning.unit.period"].browse(_ids(period_ids))
                periods = periods.exists()
                if not periods:
                    raise NotFound()
                periods.check_access("read")
                assessments = Assessment.search([("period_id", "in", periods.ids)])
            else:
                assessments = Assessment.browse(_ids(ids)).exists()
                if not assessments:
                    raise NotFound()
                assessments.check_access("read")
            content, filename = Export._export(kind, assessments, periods=periods)
        except AccessError as error:
            raise Forbidden(str(error)) from error
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Length", len(content)),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
