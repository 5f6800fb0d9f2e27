"""One truth per result (issue 19, 1): what is printed is what the register holds.

A unit reviewed at mức độ 2 whose level 1 decision is less than a year old is
recognised at mức độ 1 (Thông tư 24, Điều 10): the decision's annex, its
totals, the report upward, the province roll-up, the minutes and the unit's
card say mức độ 1, and where the review said more, the reviewed level with the
reason. Tested on the demo's decisions of last year and this year.
"""

from odoo.addons.learning_unit.vn_format import LEVEL_WORDS

from .common import LearningUnitCase
from .report_helpers import normalize, plain_text

DEMO = "learning_unit_demo.demo_"


class TestOneTruth(LearningUnitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.decisions = cls.env.ref(DEMO + "decision_last_year") | cls.env.ref(
            DEMO + "decision_current"
        )

    def held(self, decision, line):
        """The level the register holds from ``decision`` for ``line``'s unit."""
        recognition = self.env["learning.unit.recognition"].search(
            [
                ("assessment_id", "=", line.assessment_id.id),
                ("decision_number", "=", decision.number_text),
            ]
        )
        return recognition.level or "none"

    def annex(self, decision):
        (document,) = self.env["report.learning_unit.report_decision"]._lu_print(
            decision
        )
        table = [b for b in document["blocks"] if b["type"] == "table"][-1]
        rows = {}
        for row in table["rows"]:
            cells = ["".join(r["text"] for r in c["runs"]) for c in row["cells"]]
            rows[cells[1]] = cells
        return rows, normalize(" ".join(plain_text(document)))

    def test_the_annex_prints_the_level_the_register_holds(self):
        lowered = 0
        for decision in self.decisions:
            self.assertEqual(decision.state, "issued")
            self.assertEqual(decision.scheme, "levels")
            rows, text = self.annex(decision)
            counts = {}
            for line in decision.line_ids:
                held = self.held(decision, line)
                self.assertEqual(line.granted_level, held, line.department_id.name)
                cells = rows[line.department_id.name]
                self.assertEqual(cells[2], LEVEL_WORDS[held], cells)
                if line.review_level != held:
                    lowered += 1
                    # the reviewed level, with the reason, in the notes
                    self.assertIn("Thẩm định đạt Mức độ 2", cells[3])
                    self.assertIn("chưa đủ", cells[3])
                counts[held] = counts.get(held, 0) + 1
            parts = [
                f"{LEVEL_WORDS[level]}: {counts[level]:02d}"
                for level in ("level_2", "level_1", "none")
                if counts.get(level)
            ]
            self.assertIn(
                f"Tổng cộng: {len(decision.line_ids):02d} đơn vị ({'; '.join(parts)}).",
                text,
            )
        # the demo has units reviewed at mức độ 2 and recognised at mức độ 1
        self.assertTrue(lowered)

    def test_the_line_is_frozen_once_issued(self):
        decision = self.env.ref(DEMO + "decision_current")
        line = decision.line_ids.filtered(lambda x: x.review_level == "level_2")[:1]
        self.assertTrue(line)
        self.assertEqual(line.granted_level, "level_1")
        # the level 1 decision it waited for, revoked later: the line stays
        held = self.env["learning.unit.recognition"].search(
            [
                ("department_id", "=", line.department_id.id),
                ("decision_number", "!=", decision.number_text),
            ]
        )
        held.sudo().write({"decision_date": "2000-01-01", "validity_years": 99})
        line.assessment_id.invalidate_recordset()
        line.invalidate_recordset()
        line.modified(["assessment_id"])
        self.assertEqual(line.granted_level, "level_1")

    def test_reports_count_the_recognised_level(self):
        Data = self.env["learning.unit.report.data"]
        for decision in self.decisions:
            period = decision.period_id
            rows = [
                row
                for rows in Data._scope_rows(period, decision.department_id).values()
                for row in rows
            ]
            by_unit = {row["unit"]: row for row in rows}
            for line in decision.line_ids:
                held = self.held(decision, line)
                row = by_unit[line.department_id.name]
                self.assertEqual(row["result_key"], held, row)
                self.assertIn(LEVEL_WORDS[held], row["decision"], row)
            (rollup,) = Data._rollup_data(period)
            results = {key: count for key, _label, count in rollup["totals"]["results"]}
            recognised_2 = len(
                decision.line_ids.filtered(
                    lambda x, d=decision: self.held(d, x) == "level_2"
                )
            )
            reviewed_2_elsewhere = len(
                self.env["learning.unit.assessment"].search(
                    [
                        ("period_id", "=", period.id),
                        ("review_complete", "=", True),
                        ("review_level", "=", "level_2"),
                        ("id", "not in", decision.line_ids.assessment_id.ids),
                    ]
                )
            )
            self.assertEqual(results["level_2"], recognised_2 + reviewed_2_elsewhere)

    def test_the_card_and_the_list_show_the_recognised_level(self):
        Assessment = self.env["learning.unit.assessment"]
        views = Assessment.get_views([(False, "kanban"), (False, "list")])["views"]
        for kind in ("kanban", "list"):
            self.assertIn('name="recognised_level"', views[kind]["arch"], kind)

    def test_the_minutes_say_the_level_the_unit_can_hold(self):
        decision = self.env.ref(DEMO + "decision_current")
        line = decision.line_ids.filtered(lambda x: x.review_level == "level_2")[:1]
        reviewer = self.env.ref(DEMO + "user_thamdinh")
        period = decision.period_id
        team = (
            self.env["learning.unit.team"]
            .with_user(reviewer)
            .create(
                {
                    "name": "Đoàn kiểm tra số 9",
                    "period_id": period.id,
                    "department_id": decision.department_id.id,
                    "body_id": decision.body_id.id,
                    "date": decision.date_issued,
                    "assessment_ids": [(6, 0, line.assessment_id.ids)],
                    "member_ids": [(0, 0, {"name": "Lê Văn Bảy", "role": "head"})],
                }
            )
        )
        team.action_new_minutes()
        minutes = team.minutes_ids
        self.assertEqual(
            minutes.current_result,
            "Mức độ 2 (công nhận Mức độ 1: chưa đủ 01 năm kể từ quyết định "
            "công nhận Mức độ 1)",
        )
        (document,) = self.env["report.learning_unit.report_minutes"]._lu_print(minutes)
        self.assertIn("công nhận Mức độ 1", " ".join(plain_text(document)))

    def test_article_1_counts_the_units_it_recognises(self):
        for decision in self.decisions:
            _rows, text = self.annex(decision)
            held = [
                line
                for line in decision.line_ids
                if self.held(decision, line) in ("level_1", "level_2")
            ]
            self.assertIn(
                f"Điều 1. Công nhận {len(held):02d} đơn vị đạt “Đơn vị học tập”", text
            )
        # last year's decision lists units that reached no level
        last = self.env.ref(DEMO + "decision_last_year")
        self.assertIn("none", last.line_ids.mapped("granted_level"))

    def test_the_summary_lists_the_recognised_level(self):
        decision = self.env.ref(DEMO + "decision_current")
        (document,) = self.env[
            "report.learning_unit.report_district_summary_period"
        ]._lu_print(decision.period_id)
        tables = [b for b in document["blocks"] if b["type"] == "table"]

        def texts(row):
            return ["".join(r["text"] for r in c["runs"]) for c in row["cells"]]

        head = ["".join(r["text"] for r in c["runs"]) for c in tables[0]["head"][0]]
        self.assertEqual(head[2:5], ["Self Level", "Review Level", "Recognised Level"])
        rows = {texts(row)[1]: texts(row) for row in tables[0]["rows"]}
        words = dict(
            self.env["learning.unit.assessment"]
            ._fields["review_level"]
            ._description_selection(self.env)
        )
        for line in decision.line_ids:
            held = self.held(decision, line)
            self.assertEqual(
                rows[line.department_id.name][3:5],
                [words[line.review_level], words[held]],
            )
        counts = {texts(row)[0]: texts(row)[1:] for row in tables[1]["rows"]}
        recognised = decision.line_ids.filtered(
            lambda x: self.held(decision, x) == "level_1"
        )
        self.assertEqual(counts["Level 1"][2], str(len(recognised)))
