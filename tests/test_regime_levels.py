"""Regime-aware everything (issue 19, 2): a Thông tư 24 period shows no point.

Every document a levels period prints (PDF, DOCX and XLSX, each report action
of the addon) holds no point total or column and no Thông tư 22 rank as a
result; the Thông tư 22 forms (Phụ lục 1, Phụ lục 2) are not offered on its
records and refuse to print them; the header and stat buttons, the pivot and
graph defaults, the list's group headers and the team's list of units show no
point or rank. A points period keeps its forms.
"""

import re

from lxml import etree

from odoo.exceptions import UserError

from .common import LearningUnitHttpCase
from .report_helpers import docx_text, normalize, pdf_text, xlsx_text

DEMO = "learning_unit_demo.demo_"
# what Thông tư 22 prints: points, ranks and their words
POINTS = re.compile(
    r"Tổng điểm|Điểm tự chấm|Điểm thẩm định|Điểm|\d\s*điểm|[Xx]ếp loại"
    r"|\b(?:Tốt|Khá|Trung bình)\b"
)
THONG_TU_22 = ("phu_luc_1", "phu_luc_2")


class TestLevelsPeriod(LearningUnitHttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.period = cls.env.ref(DEMO + "period_current")
        cls.reviewer = cls.env.ref(DEMO + "user_thamdinh")
        cls.reviewer.lang = "vi_VN"
        cls.decision = cls.env.ref(DEMO + "decision_current")
        assessments = cls.env["learning.unit.assessment"].search(
            [("period_id", "=", cls.period.id)]
        )
        # a recognised unit reviewed at level 2, one under review, a draft
        cls.assessments = (
            cls.decision.line_ids.filtered(
                lambda x: x.review_level == "level_2"
            ).assessment_id[:1]
            | assessments.filtered(lambda a: a.state == "in_review")[:1]
            | cls.env.ref(DEMO + "assessment_thcs_nt_current")
        )
        team = (
            cls.env["learning.unit.team"]
            .with_user(cls.reviewer)
            .create(
                {
                    "name": "Đoàn kiểm tra số 9",
                    "period_id": cls.period.id,
                    "department_id": cls.decision.department_id.id,
                    "body_id": cls.decision.body_id.id,
                    "date": cls.decision.date_issued,
                    "assessment_ids": [(6, 0, cls.assessments[:2].ids)],
                    "member_ids": [(0, 0, {"name": "Lê Văn Bảy", "role": "head"})],
                }
            )
        )
        team.action_new_minutes()
        cls.team = team
        cls.upward = cls.env["learning.unit.upward.report"].browse(
            cls.period.with_user(cls.reviewer).action_new_upward_report()["res_id"]
        )
        cls.records = {
            "learning.unit.assessment": cls.assessments,
            "learning.unit.decision": cls.decision,
            "learning.unit.minutes": team.minutes_ids,
            "learning.unit.period": cls.period,
            "learning.unit.upward.report": cls.upward,
        }

    def report_actions(self):
        data = self.env["ir.model.data"].search(
            [("module", "=", "learning_unit"), ("model", "=", "ir.actions.report")]
        )
        return {
            d.name: self.env["ir.actions.report"].browse(d.res_id)
            for d in data.sorted("name")
        }

    def render_text(self, action, records):
        Report = (
            self.env["ir.actions.report"]
            .with_user(self.reviewer)
            .with_context(lang="vi_VN", force_report_rendering=True)
        )
        name = action.get_external_id()[action.id]
        if action.report_type == "qweb-pdf":
            content, _kind = Report._render_qweb_pdf(name, res_ids=records.ids)
            return normalize(pdf_text(content))
        if action.report_type == "docx":
            content, _kind = Report._render_docx(name, records.ids)
            return normalize(docx_text(content)[1])
        content, _kind = Report._render_xlsx(name, records.ids, None)
        return normalize(xlsx_text(content))

    def test_every_document_of_a_levels_period_prints_levels_only(self):
        self.assertEqual(self.period.rules_id.scheme, "levels")
        printed = []
        for name, action in self.report_actions().items():
            if any(form in name for form in THONG_TU_22):
                continue
            records = self.records[action.model]
            text = self.render_text(action, records)
            self.assertTrue(text, name)
            found = sorted(set(POINTS.findall(text)))
            self.assertFalse(found, f"{name}: {found}\n{text}")
            printed.append(name)
        # every model and kind printed
        self.assertGreaterEqual(len(printed), 20, printed)

    def test_the_thong_tu_22_forms_refuse_a_levels_record(self):
        actions = self.report_actions()
        for name, action in actions.items():
            if not any(form in name for form in THONG_TU_22):
                continue
            # not in the Print menu: a binding cannot be hidden per record
            self.assertFalse(action.binding_model_id, name)
            if action.model != "learning.unit.assessment":
                continue
            with self.assertRaisesRegex(UserError, "Thông tư 22"):
                self.render_text(action, self.assessments[:1])

    def arch(self, model, kind, view=None):
        views = (
            self.env[model]
            .with_user(self.reviewer)
            .get_views([(view and self.env.ref(view).id, kind)])
        )
        return etree.fromstring(views["views"][kind]["arch"])

    def test_buttons_of_thong_tu_22_are_for_points_only(self):
        form = self.arch("learning.unit.assessment", "form")
        buttons = form.xpath(
            "//button[@name='action_open_promotion_report']"
            " | //button[contains(@name, 'phu_luc')]"
            " | //button[@string='Annex 2' or @string='Annex 2 (DOCX)']"
        )
        # Annex 1 in the header and as a stat button, Annex 2 PDF and DOCX
        self.assertGreaterEqual(len(buttons), 4)
        for button in buttons:
            self.assertIn("scheme != 'points'", button.get("invisible", ""))

    def test_pivot_graph_and_lists_count_levels(self):
        pivot = self.arch("learning.unit.assessment", "pivot")
        graph = self.arch("learning.unit.assessment", "graph")
        for arch in (pivot, graph):
            names = arch.xpath("//field/@name")
            for name in ("self_total", "review_total", "self_rank", "review_rank"):
                self.assertNotIn(name, names)
            self.assertIn("review_result", names)
        # group headers: no average of points where no unit has points
        groups = (
            self.env["learning.unit.assessment"]
            .with_user(self.reviewer)
            .read_group(
                [("period_id", "=", self.period.id)],
                ["self_total:avg", "review_total:avg"],
                ["state"],
            )
        )
        self.assertTrue(groups)
        for group in groups:
            self.assertIs(group["self_total"], False, group)
            self.assertIs(group["review_total"], False, group)
        history = self.env.ref(DEMO + "period_2023")
        (group,) = (
            self.env["learning.unit.assessment"]
            .with_user(self.reviewer)
            .read_group(
                [("period_id", "=", history.id)], ["self_total:avg"], ["period_id"]
            )
        )
        self.assertTrue(group["self_total"])
        # the team's list of units
        team = self.arch("learning.unit.team", "form")
        for name in ("self_total", "review_total"):
            (field,) = team.xpath(
                f"//field[@name='assessment_ids']//field[@name='{name}']"
            )
            self.assertIn("scheme", field.get("column_invisible", ""))
        self.assertTrue(
            team.xpath("//field[@name='assessment_ids']//field[@name='review_level']")
        )

    def test_the_results_of_both_regimes_in_one_field(self):
        Assessment = self.env["learning.unit.assessment"]
        for assessment in Assessment.search([("period_id", "=", self.period.id)]):
            self.assertEqual(
                assessment.review_result,
                assessment.review_complete and assessment.review_level,
            )
        history = self.env.ref(DEMO + "period_2023")
        for assessment in Assessment.search([("period_id", "=", history.id)]):
            self.assertEqual(assessment.review_result, assessment.review_rank)
