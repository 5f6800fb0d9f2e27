# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The reviewer's summary ("District Summary"): a row per unit, then the
counts, one section per period; an internal list, in the reader's language.

Printed from the assessments selected, or from a period: every assessment of
it the user can see.
"""

from odoo import api, fields, models

from . import blocks as B


class ReportDistrictSummary(models.AbstractModel):
    _name = "report.learning_unit.report_district_summary"
    _inherit = "report.learning_unit.abstract_document"
    _description = "Learning Unit Report: District Summary"
    _lu_model = "learning.unit.assessment"

    @api.model
    def _lu_forms(self, assessments, periods=None):
        sections = self._lu_data()._district_summary(assessments, periods=periods)
        return [(section["period"], section) for section in sections]

    @api.model
    def _lu_document(self, period, section):
        body = period.body_id
        rows = [
            B.row(
                [
                    B.cell(str(index), value=index),
                    B.cell(row["unit"]),
                    B.number(row["self_total"]),
                    B.cell(row["self_rank_label"]),
                    B.number(row["review_total"]),
                    B.cell(row["review_rank_label"]),
                    B.cell(row["state_label"]),
                    B.cell(row["timing_label"]),
                ],
                sheet_cells=[B.cell(value=row["submitted_date"])],
            )
            for index, row in enumerate(section["rows"], start=1)
        ]
        if not rows:
            empty = B.run(self.env._("No assessment in this period."), i=True)
            rows = [B.row([B.cell(empty, align="center", colspan=8)])]
        counts = [
            B.row(
                [
                    B.cell(count["label"]),
                    B.cell(str(count["self"]), value=count["self"]),
                    B.cell(str(count["review"]), value=count["review"]),
                ]
            )
            for count in section["counts"]
        ]
        total = section["unit_count"]
        counts.append(
            B.row(
                [
                    B.cell(self.env._("Total")),
                    B.cell(str(total), value=total),
                    B.cell(str(total), value=total),
                ],
                b=True,
                cls="o_lu_group",
            )
        )
        blocks = []
        if body:
            today = fields.Date.context_today(self)
            place_date = self._place_date(body.place, today)
            blocks.append(self._body_header(body, "", place_date))
        columns = [(5, "center"), (31, "left"), (9, "center"), (11, "left"),
                   (9, "center"), (11, "left"), (12, "left"), (12, "left")]  # fmt: skip
        head = [
            self.env._("No."),
            self.env._("Unit"),
            self.env._("Self Score"),
            self.env._("Self Rank"),
            self.env._("Review Score"),
            self.env._("Review Rank"),
            self.env._("Status"),
            self.env._("Submission"),
        ]
        blocks += [
            B.center(section["title"], b=True, size=14, space_before=6),
            B.center(B.run(section["subtitle"], i=True)),
            B.table(
                columns,
                [head],
                rows,
                size=10,
                listing=True,
                sheet_columns=[B.column(12, "center", self.env._("Submitted On"))],
            ),
            B.para(self.env._("Units per rank"), b=True, space_before=6),
            B.table(
                [(44, "left"), (28, "center"), (28, "center")],
                [
                    [
                        self.env._("Rank"),
                        self.env._("Self-assessment"),
                        self.env._("Review"),
                    ]
                ],
                counts,
            ),
        ]
        name = period.name or ""
        return self._doc(
            section["title"],
            blocks,
            "o_lu_summary",
            period,
            sheet=name,
            sheet_suffix=f" {period.year}" if len(name) > 31 else "",
        )


class ReportDistrictSummaryPeriod(models.AbstractModel):
    """The summary of every assessment of a period the user can see."""

    _name = "report.learning_unit.report_district_summary_period"
    _inherit = "report.learning_unit.report_district_summary"
    _description = "Learning Unit Report: District Summary of a Period"
    _lu_model = "learning.unit.period"

    @api.model
    def _lu_forms(self, periods):
        assessments = self.env["learning.unit.assessment"].search(
            [("period_id", "in", periods.ids)]
        )
        return super()._lu_forms(assessments, periods=periods)
