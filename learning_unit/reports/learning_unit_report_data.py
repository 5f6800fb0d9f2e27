# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the printed reports and the XLSX exports show, read in batch.

Phụ lục 1 and Phụ lục 2 are official Vietnamese forms: their labels are written
literally in the templates and the spreadsheets; from here come only the
numbers, names and dates, formatted the Vietnamese way (decimal comma,
thousands dot). Every builder reads its records in a fixed number of queries,
whatever the number of units.
"""

from collections import defaultdict
from fractions import Fraction

from odoo import api, fields, models
from odoo.tools import format_date

from .. import scoring
from ..vn_format import RANK_WORDS, vn_date_phrase

RANK_ORDER = (
    scoring.RANK_GOOD,
    scoring.RANK_FAIR,
    scoring.RANK_AVERAGE,
    scoring.RANK_FAIL,
)
# The unit is still preparing its self-assessment in these states.
NOT_SENT_STATES = ("draft", "returned")


class LearningUnitReportData(models.AbstractModel):
    _name = "learning.unit.report.data"
    _description = "Learning Unit Report Data"

    # ------------------------------------------------------------------
    # Phụ lục 2
    # ------------------------------------------------------------------
    @api.model
    def _report_date(self, assessment):
        """The day the unit's report is dated: its submission, else today."""
        return assessment.submitted_date or fields.Date.context_today(self)

    @api.model
    def _place_date(self, company, day):
        city = (company.city or "").strip() or "...."
        return f"{city}, {vn_date_phrase(day)}"

    @api.model
    def _phu_luc_2(self, assessments):
        """One dict per assessment with every row of its Phụ lục 2 table.

        The rows are the assessment's lines in the order of its rules: group
        rows carry the subtotal of their criteria. The review column is shown
        when the reviewing level confirmed at least one result; its totals and
        rank only when the review is complete.
        """
        assessments.check_access("read")
        assessments.fetch(
            [
                "department_id",
                "period_id",
                "template_id",
                "company_id",
                "head_name",
                "submitted_date",
                "self_total",
                "self_rank",
                "review_total",
                "review_rank",
                "review_complete",
                "year",
                "max_total",
            ]
        )
        lines = assessments.line_ids
        lines.fetch(
            [
                "assessment_id",
                "criterion_id",
                "parent_line_id",
                "kind",
                "sequence",
                "self_score",
                "review_score",
                "review_set",
            ]
        )
        lines.criterion_id.fetch(["code", "label", "name", "hint", "max_score"])
        assessments.company_id.sudo().fetch(["city"])
        assessments.department_id.fetch(["name"])
        by_assessment = defaultdict(list)
        for line in lines.sorted(lambda line: (line.sequence, line.id)):
            by_assessment[line.assessment_id.id].append(line)
        return [
            self._phu_luc_2_form(assessment, by_assessment[assessment.id])
            for assessment in assessments
        ]

    @api.model
    def _phu_luc_2_form(self, assessment, lines):
        show_review = assessment.review_complete or any(
            line.review_set for line in lines
        )
        children = defaultdict(list)
        for line in lines:
            children[line.parent_line_id.id].append(line)

        def review_of(line):
            """The confirmed review result of a line, None while unconfirmed."""
            if line.kind != "group":
                return scoring.exact(line.review_score) if line.review_set else None
            values = [review_of(child) for child in children[line.id]]
            if not values or any(value is None for value in values):
                return None
            return sum(values, Fraction(0))

        rows = []
        for line in lines:
            criterion = line.criterion_id
            rows.append(
                {
                    "code": criterion.code,
                    "label": criterion.label or "",
                    "name": criterion.name or "",
                    "hint": criterion.hint or "",
                    "max": scoring.exact(criterion.max_score),
                    "self": scoring.exact(line.subtotal),
                    "review": review_of(line) if show_review else None,
                    "is_group": line.kind == "group",
                }
            )
        complete = assessment.review_complete
        company = assessment.company_id.sudo()
        return {
            "assessment": assessment,
            "year": assessment.year,
            "unit": assessment.department_id.name or "",
            "head_name": assessment.head_name or "",
            "place_date": self._place_date(company, self._report_date(assessment)),
            "show_review": show_review,
            "rows": rows,
            "max_total": scoring.exact(assessment.max_total),
            "self_total": scoring.exact(assessment.self_total),
            "self_rank": RANK_WORDS.get(assessment.self_rank, ""),
            "review_total": (
                scoring.exact(assessment.review_total) if complete else None
            ),
            "review_rank": (
                RANK_WORDS.get(assessment.review_rank, "") if complete else ""
            ),
        }

    # ------------------------------------------------------------------
    # District summary
    # ------------------------------------------------------------------
    @api.model
    def _summary_labels(self):
        Assessment = self.env["learning.unit.assessment"]
        return {
            "state": dict(Assessment._fields["state"]._description_selection(self.env)),
            "rank": dict(
                Assessment._fields["self_rank"]._description_selection(self.env)
            ),
            "timing": {
                "not_submitted": self.env._("Not submitted"),
                "on_time": self.env._("On time"),
                "late": self.env._("Late"),
            },
        }

    @api.model
    def _district_summary(self, assessments, periods=None):
        """One section per period: a row per unit and the counts per rank.

        ``periods`` adds a section (possibly empty) for periods without any
        assessment the user can see.
        """
        assessments.check_access("read")
        assessments.fetch(
            [
                "period_id",
                "department_id",
                "self_total",
                "self_rank",
                "review_total",
                "review_rank",
                "review_complete",
                "state",
                "is_late",
                "submitted_date",
            ]
        )
        assessments.department_id.fetch(["name", "complete_name"])
        all_periods = assessments.period_id | (
            periods or self.env["learning.unit.period"]
        )
        all_periods.fetch(
            ["name", "year", "date_deadline_self", "date_deadline_report"]
        )
        labels = self._summary_labels()
        by_period = defaultdict(list)
        for assessment in assessments:
            by_period[assessment.period_id.id].append(assessment)
        sections = []
        for period in all_periods.sorted(lambda p: (-p.year, p.id)):
            records = sorted(
                by_period[period.id],
                key=lambda a: (a.department_id.complete_name or "", a.id),
            )
            rows = [self._summary_row(a, labels) for a in records]
            late = sum(1 for row in rows if row["timing"] == "late")
            not_submitted = sum(1 for row in rows if row["timing"] == "not_submitted")
            sections.append(
                {
                    "period": period,
                    "title": self.env._(
                        "Learning unit results: %(period)s", period=period.name
                    ),
                    "subtitle": self.env._(
                        "%(units)s units, %(late)s submitted late, %(missing)s not "
                        "submitted. Reporting deadline: %(deadline)s",
                        units=len(rows),
                        late=late,
                        missing=not_submitted,
                        deadline=format_date(self.env, period.date_deadline_report),
                    ),
                    "rows": rows,
                    "counts": self._summary_counts(rows, labels),
                    "unit_count": len(rows),
                    "late_count": late,
                    "not_submitted_count": not_submitted,
                }
            )
        return sections

    @api.model
    def _summary_row(self, assessment, labels):
        if assessment.state in NOT_SENT_STATES:
            timing = "not_submitted"
        elif assessment.is_late:
            timing = "late"
        else:
            timing = "on_time"
        complete = assessment.review_complete
        review_rank = assessment.review_rank if complete else False
        return {
            "assessment_id": assessment.id,
            "unit": assessment.department_id.name or "",
            "self_total": assessment.self_total,
            "self_rank": assessment.self_rank or "",
            "self_rank_label": labels["rank"].get(assessment.self_rank, ""),
            "review_total": assessment.review_total if complete else None,
            "review_rank": review_rank or "",
            "review_rank_label": labels["rank"].get(review_rank, ""),
            "state": assessment.state,
            "state_label": labels["state"].get(assessment.state, ""),
            "timing": timing,
            "timing_label": labels["timing"][timing],
            "submitted_date": assessment.submitted_date,
        }

    @api.model
    def _summary_counts(self, rows, labels):
        """Units per rank, by self score and by review score."""
        self_counts = defaultdict(int)
        review_counts = defaultdict(int)
        for row in rows:
            self_counts[row["self_rank"]] += 1
            review_counts[row["review_rank"]] += 1
        counts = [
            {
                "rank": rank,
                "label": labels["rank"][rank],
                "self": self_counts[rank],
                "review": review_counts[rank],
            }
            for rank in RANK_ORDER
        ]
        counts.append(
            {
                "rank": "",
                "label": self.env._("No rank yet"),
                "self": self_counts[""],
                "review": review_counts[""],
            }
        )
        return counts
