# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The reviewer's summary ("District Summary"): a row per unit, then the
counts, one section per period; an internal list, in the reader's language.

Under Thông tư 22 it prints each unit's points and rank and counts the units
per rank; under Thông tư 24 each unit's own and reviewed level and the units
per level (mức độ 2, mức độ 1, not reached, not yet evaluated).

Printed from the assessments selected, or from a period: every assessment of
it the user can see.
"""

from collections import Counter

from odoo import api, models

from . import blocks as B
from .report_data import LEVEL_ORDER, RANK_ORDER


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
        Assessment = self.env["learning.unit.assessment"]
        states = dict(Assessment._fields["state"]._description_selection(self.env))
        timings = {
            "not_submitted": self.env._("Not submitted"),
            "on_time": self.env._("On time"),
            "late": self.env._("Late"),
        }
        levels = period.rules_id.scheme == "levels"
        columns, head, results, counted, counts = self._lu_results(section, levels)
        rows = [
            B.row(
                [
                    B.cell(str(index), value=index),
                    B.cell(assessment.department_id.name or ""),
                    *results(assessment),
                    B.cell(states.get(assessment.state, "")),
                    B.cell(timings[section["timing"][assessment.id]]),
                ],
                sheet_cells=[B.cell(value=assessment.submitted_date)],
            )
            for index, assessment in enumerate(section["assessments"], start=1)
        ]
        columns = [(5, "center"), (31, "left"), *columns, (12, "left"), (12, "left")]
        if not rows:
            empty = B.run(self.env._("No assessment in this period."), i=True)
            rows = [B.row([B.cell(empty, align="center", colspan=len(columns))])]
        total = len(section["assessments"])
        counts.append((self.env._("Total"), *[total] * (len(counts[0]) - 1)))
        count_rows = [
            B.row(
                [
                    B.cell(label),
                    *(B.cell(str(number), value=number) for number in numbers),
                ],
                group=index == len(counts),
            )
            for index, (label, *numbers) in enumerate(counts, start=1)
        ]
        count_head = [counted[1], self.env._("Self-assessment"), self.env._("Review")]
        if levels:
            count_head.append(self.env._("Recognised"))
        count_width = 56 // (len(count_head) - 1)
        blocks = []
        if period.body_id:
            place_date = self._place_date(period.body_id.place)
            blocks.append(self._body_header(period.body_id, "", place_date))
        head = [
            self.env._("No."),
            self.env._("Unit"),
            *head,
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
            B.para(counted[0], b=True, space_before=6),
            B.table(
                [(44, "left")] + [(count_width, "center")] * (len(count_head) - 1),
                [count_head],
                count_rows,
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

    @api.model
    def _lu_results(self, section, levels):
        """Each unit's results and the units per result: its points and rank
        (Thông tư 22), or its own and reviewed level (Thông tư 24).

        ``(columns, head, cells of an assessment, (heading, title) of the
        counts, [(label, self-assessed, reviewed)])``.
        """
        Assessment = self.env["learning.unit.assessment"]
        own_field, review_field = (
            ("self_level", "review_level") if levels else ("self_rank", "review_rank")
        )
        words = dict(Assessment._fields[own_field]._description_selection(self.env))

        def review(assessment):
            return assessment.review_complete and assessment[review_field]

        data = self._lu_data()

        def recognised(assessment):
            # the level the register holds once a decision recognised the unit
            if assessment.state != "recognised":
                return ""
            return data._held_level(assessment)

        def cells(assessment):
            own = B.cell(words.get(assessment[own_field], ""))
            reviewed = B.cell(words.get(review(assessment), ""))
            if levels:
                return [own, reviewed, B.cell(words.get(recognised(assessment), ""))]
            total = assessment.review_complete and assessment.review_total
            return [B.number(assessment.self_total), own, B.number(total), reviewed]

        own = Counter(a[own_field] or "" for a in section["assessments"])
        reviewed = Counter(review(a) or "" for a in section["assessments"])
        if levels:
            held = Counter(recognised(a) for a in section["assessments"])
            counts = [
                (words[key], own[key], reviewed[key], held[key]) for key in LEVEL_ORDER
            ]
            counts.append(
                (self.env._("Not yet evaluated"), own[""], reviewed[""], held[""])
            )
            head = [
                self.env._("Self Level"),
                self.env._("Review Level"),
                self.env._("Recognised Level"),
            ]
            counted = (self.env._("Units per level"), self.env._("Level"))
            columns = [(13, "left"), (13, "left"), (14, "left")]
            return columns, head, cells, counted, counts
        counts = [(words[key], own[key], reviewed[key]) for key in RANK_ORDER]
        counts.append((self.env._("No rank yet"), own[""], reviewed[""]))
        head = [
            self.env._("Self Score"),
            self.env._("Self Rank"),
            self.env._("Review Score"),
            self.env._("Review Rank"),
        ]
        columns = [(9, "center"), (11, "left"), (9, "center"), (11, "left")]
        counted = (self.env._("Units per rank"), self.env._("Rank"))
        return columns, head, cells, counted, counts


class ReportDistrictSummaryPeriod(models.AbstractModel):
    """The summary of every assessment of a period the user can see."""

    _name = "report.learning_unit.report_district_summary_period"
    _inherit = "report.learning_unit.report_district_summary"
    _description = "Learning Unit Report: District Summary of a Period"
    _lu_model = "learning.unit.period"

    @api.model
    def _lu_forms(self, periods):
        # the record rules keep the assessments the user may read
        return super()._lu_forms(periods.assessment_ids, periods=periods)
