# Copyright 2026 learning_unit authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the printed documents show, read in batch: the queries of the pipeline.

Phụ lục 1 and Phụ lục 2 are official Vietnamese forms: their labels are written
literally by their builders; from here come the rows of every document (the
unit's criteria, the units of a scope and their results, the district
summary), the results in words and the unit's context. Every query reads its
records with the rights of the current user (the documents check first that
the user may read the records they print, report_document.py), in a fixed
number of queries whatever the number of units.
"""

from collections import defaultdict
from fractions import Fraction

from odoo import api, models
from odoo.tools import format_date

from .. import scoring
from ..states import EDITABLE_STATES
from ..vn_format import LEVEL_WORDS, RANK_WORDS, vn_date, vn_number

RANK_ORDER = (
    scoring.RANK_GOOD,
    scoring.RANK_FAIR,
    scoring.RANK_AVERAGE,
    scoring.RANK_FAIL,
)
LEVEL_ORDER = (scoring.LEVEL_2, scoring.LEVEL_1, scoring.LEVEL_NONE)
TIMING_WORDS = {"not_submitted": "Chưa gửi", "on_time": "Đúng hạn", "late": "Trễ hạn"}
# the bodies that review units (and report upward)
REVIEWING_KINDS = ("district", "commune", "province_department", "district_office")


class LearningUnitReportData(models.AbstractModel):
    _name = "learning.unit.report.data"
    _description = "Learning Unit Report Data"

    # ------------------------------------------------------------------
    # District summary
    # ------------------------------------------------------------------
    @api.model
    def _timing(self, assessment):
        """``not_submitted`` while the unit prepares it, else ``late`` or
        ``on_time``."""
        if assessment.state in EDITABLE_STATES:
            return "not_submitted"
        return "late" if assessment.is_late else "on_time"

    @api.model
    def _district_summary(self, assessments, periods=None):
        """One section per period: its assessments by unit, how each was sent.

        ``periods`` adds a section (possibly empty) for periods without any
        assessment the user can see.
        """
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
                "recognised_level",
                "recognition_state",
            ]
        )
        assessments.department_id.fetch(["name", "complete_name"])
        all_periods = assessments.period_id | (
            periods or self.env["learning.unit.period"]
        )
        all_periods.fetch(["name", "year", "date_deadline_report"])
        by_period = defaultdict(list)
        for assessment in assessments:
            by_period[assessment.period_id.id].append(assessment)
        sections = []
        for period in all_periods.sorted(lambda p: (-p.year, p.id)):
            records = sorted(
                by_period[period.id],
                key=lambda a: (a.department_id.complete_name or "", a.id),
            )
            timing = {a.id: self._timing(a) for a in records}
            late = sum(1 for value in timing.values() if value == "late")
            missing = sum(1 for value in timing.values() if value == "not_submitted")
            sections.append(
                {
                    "period": period,
                    "title": self.env._(
                        "Learning unit results: %(period)s", period=period.name
                    ),
                    "subtitle": self.env._(
                        "%(units)s units, %(late)s submitted late, %(missing)s not "
                        "submitted. Reporting deadline: %(deadline)s",
                        units=len(records),
                        late=late,
                        missing=missing,
                        deadline=format_date(self.env, period.date_deadline_report),
                    ),
                    "assessments": records,
                    "timing": timing,
                }
            )
        return sections

    # ------------------------------------------------------------------
    # the unit's context and criteria
    # ------------------------------------------------------------------
    @api.model
    def _unit_context(self, assessments):
        """What the unit's documents print of each assessment's unit."""
        departments = assessments.department_id
        departments.fetch(["name", "parent_path"])
        # the units that have a body record
        bodies = self.env["learning.unit.body"].search(
            [("department_id", "in", departments.ids), ("kind", "=", "unit")]
        )
        bodies = {body.department_id.id: body for body in bodies}
        periods = assessments.period_id
        periods.fetch(["body_id", "plan_number", "plan_date", "plan_body_id", "year"])
        assessments.company_id.sudo().fetch(["city"])
        agencies = self._agencies_above(assessments)
        result = {}
        for assessment in assessments:
            department = assessment.department_id
            body = bodies.get(department.id)
            period = assessment.period_id
            reviewing = period.body_id
            superior, own = body._lu_header() if body else ("", "")
            if not superior:
                # the agency above the unit, never a department's name (a place)
                agency = agencies[assessment.id]
                superior = (
                    (agency.header_name or agency.name or "").replace("\n", " ").upper()
                )
            own = own or (department.name or "").upper()
            place = (
                body.place
                if body
                else reviewing.place or assessment.company_id.sudo().city
            )
            result[assessment.id] = {
                "superior": superior,
                "issuer": own,
                "symbol": body.short_name if body else "",
                "place": place,
                "reviewing": reviewing,
                "reviewing_name": reviewing.name or "",
                "plan": period._lu_plan_citation(blank=True),
            }
        return result

    @api.model
    def _agencies_above(self, assessments):
        """``{assessment id: body}``: the agency a unit's forms print above
        its name (cơ quan chủ quản) when the unit has no body whose superior
        says it: the body acting for the nearest department above the unit,
        the period's reviewing body first among several; an empty body if
        none acts for it."""
        Body = self.env["learning.unit.body"]
        departments = assessments.department_id
        above = {
            department.id: [int(i) for i in department.parent_path.split("/") if i][
                -2::-1
            ]
            for department in departments
        }
        scopes = {i for ids in above.values() for i in ids}
        acting = Body.search(
            [("department_id", "in", list(scopes)), ("kind", "!=", "unit")]
        )
        by_scope = {}
        for body in acting:
            by_scope.setdefault(body.department_id.id, []).append(body)
        result = {}
        for assessment in assessments:
            agency = Body
            for scope in above[assessment.department_id.id]:
                candidates = by_scope.get(scope)
                if candidates:
                    reviewing = assessment.period_id.body_id
                    agency = reviewing if reviewing in candidates else candidates[0]
                    break
            result[assessment.id] = agency
        return result

    @api.model
    def _unit_teams(self, assessments):
        teams = self.env["learning.unit.team"].search(
            [
                ("kind", "=", "unit"),
                ("department_id", "in", assessments.department_id.ids),
                ("period_id", "in", assessments.period_id.ids),
            ]
        )
        teams.member_ids.fetch(["name", "job_title", "role", "sequence"])
        return {(t.department_id.id, t.period_id.id): t for t in teams}

    @api.model
    def _criteria_lines(self, assessments):
        assessments.check_access("read")
        assessments.fetch(
            [
                "department_id",
                "period_id",
                "template_id",
                "scheme",
                "head_name",
                "year",
                "member_count",
                "self_level",
                "review_level",
                "self_total",
                "self_rank",
                "review_total",
                "review_rank",
                "review_complete",
                "submitted_date",
                "result_note",
                "self_note",
                "max_total",
            ]
        )
        lines = assessments.line_ids
        lines.fetch(
            [
                "assessment_id",
                "parent_line_id",
                "kind",
                "sequence",
                "label",
                "criterion_code",
                "self_level",
                "review_level",
                "review_set",
                "self_score",
                "review_score",
                "min_level",
                "score_note",
            ]
        )
        lines.criterion_id.fetch(["name", "label", "code", "hint", "max_score"])
        by_assessment = defaultdict(list)
        for line in lines.sorted(lambda line: (line.sequence, line.id)):
            by_assessment[line.assessment_id.id].append(line)
        return by_assessment

    @api.model
    def _review_results(self, lines):
        """``{line id: its confirmed review result}`` of an assessment's
        ``lines``, None while unconfirmed: a group's is the sum of its lines'
        once each is confirmed."""
        children = defaultdict(list)
        for line in lines:
            children[line.parent_line_id.id].append(line)

        def review_of(line):
            if line.kind != "group":
                return scoring.exact(line.review_score) if line.review_set else None
            values = [review_of(child) for child in children[line.id]]
            if not values or any(value is None for value in values):
                return None
            return sum(values, Fraction(0))

        return {line.id: review_of(line) for line in lines}

    # ------------------------------------------------------------------
    # results in words
    # ------------------------------------------------------------------
    @api.model
    def _result_words(self, assessment, which):
        """The rank (with the points) or the level in words of the unit's own
        (``which``: self) or the reviewed result, empty while unknown."""
        if which == "review" and not assessment.review_complete:
            return ""
        if assessment.scheme == "levels":
            return LEVEL_WORDS.get(assessment[f"{which}_level"] or "", "")
        rank = assessment[f"{which}_rank"]
        total = assessment[f"{which}_total"]
        return f"{vn_number(total)} điểm – {RANK_WORDS[rank]}" if rank else ""

    @api.model
    def _held_level(self, assessment):
        """The level a recognised Thông tư 24 assessment holds in the register
        ("none" when its decision recognised no level)."""
        # read through the assessment: whoever reads it reads the title it holds
        if assessment.recognised_level and assessment.recognition_state != "revoked":
            return assessment.recognised_level
        return scoring.LEVEL_NONE

    @api.model
    def _line_result(self, line, which):
        """A criterion's own or reviewed result (a group's is its lines')."""
        if line.kind == "group" or (which == "review" and not line.review_set):
            return ""
        if line.assessment_id.scheme == "levels":
            return LEVEL_WORDS.get(line[f"{which}_level"] or scoring.LEVEL_NONE, "")
        return vn_number(line[f"{which}_score"])

    # ------------------------------------------------------------------
    # the units of a scope and their results (report upward, roll-up)
    # ------------------------------------------------------------------
    @api.model
    def _scope_rows(self, period, roots):
        """``{root id: [row]}``: every unit under each root, filed or not.

        The units are the departments with an assessment in ``period`` and
        the direct sub-units of a root that filed nothing (not filed).
        """
        Assessment = self.env["learning.unit.assessment"]
        assessments = Assessment.search(
            [("period_id", "=", period.id), ("department_id", "child_of", roots.ids)]
        )
        assessments.fetch(
            [
                "department_id",
                "state",
                "is_late",
                "scheme",
                "self_total",
                "self_rank",
                "self_level",
                "review_total",
                "review_rank",
                "review_level",
                "review_complete",
                "decision_id",
                "decision_number",
                "decision_date",
                "recognised_level",
                "recognition_state",
            ]
        )
        assessments.decision_id.fetch(["number_text", "date_issued"])
        departments = self.env["hr.department"].search([("id", "child_of", roots.ids)])
        departments.fetch(["name", "complete_name", "parent_id", "parent_path"])
        filed = {a.department_id.id: a for a in assessments}
        covered = set()
        for department_id in filed:
            department = departments.browse(department_id)
            covered.update(
                int(i) for i in (department.parent_path or "").split("/") if i
            )
        root_ids = set(roots.ids)
        result = defaultdict(list)
        for department in departments.sorted(lambda d: (d.complete_name or "", d.id)):
            path = [int(i) for i in (department.parent_path or "").split("/") if i]
            root = next((i for i in path if i in root_ids), None)
            if root is None or (department.id == root and department.id not in filed):
                continue
            assessment = filed.get(department.id)
            if assessment is None:
                if department.parent_id.id != root or department.id in covered:
                    continue
            result[root].append(self._scope_row(department, assessment))
        return result

    @api.model
    def _scope_row(self, department, assessment):
        if not assessment:
            return {
                "unit": department.name or "",
                "filed": False,
                "timing": "not_submitted",
                "self": "",
                "review": "",
                "result_key": "",
                "recognised": False,
                "decision": "",
            }
        timing = self._timing(assessment)
        decision = assessment.decision_id
        if decision:
            decision_text = (
                f"{decision.number_text} ngày {vn_date(decision.date_issued)}"
            )
        elif assessment.state == "recognised" and assessment.decision_number:
            day = vn_date(assessment.decision_date)
            decision_text = f"{assessment.decision_number} ngày {day}"
        else:
            decision_text = ""
        result = "review_level" if assessment.scheme == "levels" else "review_rank"
        key = assessment[result] if assessment.review_complete else ""
        if decision_text and assessment.scheme == "levels":
            # the level the register holds, not the reviewed one
            key = self._held_level(assessment)
            decision_text = f"{LEVEL_WORDS[key]} – {decision_text}"
        return {
            "unit": department.name or "",
            "filed": timing != "not_submitted",
            "timing": timing,
            "self": self._result_words(assessment, "self")
            if timing != "not_submitted"
            else "",
            "review": self._result_words(assessment, "review"),
            "result_key": key or "",
            "recognised": bool(decision_text),
            "decision": decision_text,
        }

    @api.model
    def _result_keys(self, scheme):
        if scheme == "levels":
            return [(level, LEVEL_WORDS[level]) for level in LEVEL_ORDER]
        return [(rank, RANK_WORDS[rank]) for rank in RANK_ORDER]

    @api.model
    def _scope_totals(self, rows, scheme):
        counts = defaultdict(int)
        for row in rows:
            counts[row["result_key"]] += 1
        total = len(rows)
        return {
            "units": total,
            "filed": sum(1 for r in rows if r["filed"]),
            "on_time": sum(1 for r in rows if r["timing"] == "on_time"),
            "late": sum(1 for r in rows if r["timing"] == "late"),
            "not_filed": sum(1 for r in rows if not r["filed"]),
            "recognised": sum(1 for r in rows if r["recognised"]),
            "results": [
                (key, label, counts.get(key, 0))
                for key, label in self._result_keys(scheme)
            ],
            "no_result": counts.get("", 0),
        }

    @api.model
    def _upward_data(self, reports):
        """Per report: its rows and totals (shared with the XLSX)."""
        reports.fetch(["period_id", "department_id", "body_id"])
        result = []
        for period in reports.period_id:
            mine = reports.filtered(lambda r, p=period: r.period_id == p)
            rows = self._scope_rows(period, mine.department_id)
            scheme = period.rules_id.scheme
            for report in mine:
                report_rows = rows.get(report.department_id.id, [])
                result.append(
                    {
                        "report": report,
                        "rows": report_rows,
                        "scheme": scheme,
                        "totals": self._scope_totals(report_rows, scheme),
                    }
                )
        order = {report.id: index for index, report in enumerate(reports)}
        return sorted(result, key=lambda d: order[d["report"].id])

    @api.model
    def _rollup_bodies(self, period):
        """The reviewing bodies of a period: those that reported, else every
        body of the company with a scope that reviews units."""
        reports = self.env["learning.unit.upward.report"].search(
            [("period_id", "=", period.id)], order="id"
        )
        bodies = reports.body_id
        if not bodies:
            bodies = self.env["learning.unit.body"].search(
                [
                    ("kind", "in", REVIEWING_KINDS),
                    ("department_id", "!=", False),
                    ("company_id", "in", [period.company_id.id, False]),
                ]
            )
        # one row per scope: a district's office and its committee share it
        seen = set()
        result = self.env["learning.unit.body"]
        for body in bodies | period.body_id:
            if body.department_id and body.department_id.id not in seen:
                seen.add(body.department_id.id)
                result |= body
        return result

    @api.model
    def _rollup_data(self, periods):
        result = []
        for period in periods:
            bodies = self._rollup_bodies(period)
            rows = self._scope_rows(period, bodies.department_id)
            scheme = period.rules_id.scheme
            lines = []
            all_rows = []
            for body in bodies:
                body_rows = rows.get(body.department_id.id, [])
                all_rows += body_rows
                lines.append(
                    {"body": body, "totals": self._scope_totals(body_rows, scheme)}
                )
            result.append(
                {
                    "period": period,
                    "scheme": scheme,
                    "lines": lines,
                    "totals": self._scope_totals(all_rows, scheme),
                }
            )
        return result
