"""Scoring an assessment in the database, exactly as Phụ lục 2 prescribes."""

import re

from psycopg2 import IntegrityError

from odoo.exceptions import ValidationError
from odoo.tests import Form
from odoo.tools import mute_logger

from .common import ALL_CODES, COMPETENCIES, EVIDENCE, LearningUnitCase


class TestTemplate(LearningUnitCase):
    def test_shipped_template_matches_phu_luc_2(self):
        criteria = self.template.criterion_ids
        scored = criteria.filtered(lambda c: c.kind == "criterion")
        self.assertEqual(scored.sorted("sequence").mapped("code"), ALL_CODES)
        maxima = {c.code: c.max_score for c in criteria}
        self.assertEqual(maxima["1"], 30)
        self.assertEqual(maxima["2"], 30)
        self.assertEqual(maxima["3"], 40)
        self.assertEqual(maxima["3a"], 25)  # 3 x 7 + 4
        self.assertEqual(self.template.max_total, 100)
        self.assertEqual(
            [maxima[f"3a{i}"] for i in range(1, 9)], [3, 3, 3, 3, 3, 3, 3, 4]
        )
        c2a = criteria.filtered(lambda c: c.code == "2a")
        self.assertEqual(
            c2a.name,
            "100% thành viên trong đơn vị có kế hoạch tự học, tự bồi dưỡng hàng "
            "năm được lãnh đạo đơn vị phê duyệt",
        )
        self.assertEqual(c2a.hint, "Giảm 5% trừ 0,5 điểm")
        self.assertEqual((c2a.step_percent, c2a.deduction), (5, 0.5))
        c2b = criteria.filtered(lambda c: c.code == "2b")
        self.assertEqual((c2b.step_percent, c2b.deduction), (10, 0.5))

    def test_competencies(self):
        criteria = self.template.criterion_ids.filtered(
            lambda c: c.code.startswith("3a") and c.kind == "criterion"
        )
        self.assertEqual(tuple(criteria.mapped("member_field")), COMPETENCIES)

    def test_group_maximum_follows_its_criteria(self):
        c3c = self.template.criterion_ids.filtered(lambda c: c.code == "3c")
        c3c.max_score = 6
        group3 = c3c.parent_id
        self.assertEqual(group3.max_score, 41)
        self.assertEqual(self.template.max_total, 101)

    def test_thresholds_must_decrease(self):
        with self.assertRaises(ValidationError):
            self.template.threshold_fair = 90


class TestPeriod(LearningUnitCase):
    def test_defaults(self):
        # Thông tư 22 for the years up to 2023, Thông tư 24 from 2024
        period = self.env["learning.unit.period"].create({"year": 2022})
        self.assertEqual(str(period.date_deadline_self), "2023-01-31")
        self.assertEqual(str(period.date_deadline_report), "2023-03-31")
        self.assertEqual(period.template_id, self.template)
        self.assertEqual(period.state, "open")
        self.assertIn("2022", period.name)
        later = self.env["learning.unit.period"].create({"year": 2041})
        self.assertEqual(
            later.template_id, self.env.ref("learning_unit.template_tt24_district")
        )
        self.assertEqual(str(later.date_deadline_self), "2042-01-15")
        self.assertEqual(str(later.date_deadline_report), "2042-02-15")

    def test_deadlines_follow_the_year_in_the_form(self):
        with Form(self.env["learning.unit.period"]) as form:
            form.year = 2022
            self.assertEqual(form.template_id, self.template)
            self.assertEqual(str(form.date_deadline_self), "2023-01-31")
            self.assertEqual(str(form.date_deadline_report), "2023-03-31")
            form.year = 2043
            self.assertEqual(form.template_id.scheme, "levels")
            self.assertEqual(str(form.date_deadline_self), "2044-01-15")
            self.assertEqual(str(form.date_deadline_report), "2044-02-15")

    def test_one_period_per_year(self):
        with self.assertRaises(ValidationError) as error:
            self.make_period(2040)
        self.assertIn("2040", str(error.exception))
        # the database refuses it too, whatever the path
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            with self.env.cr.savepoint():
                self.make_period(2046).year = 2040
                self.env.flush_all()

    def test_deadlines_in_order(self):
        with self.assertRaises(ValidationError):
            self.make_period(
                2044,
                **{
                    "date_deadline_self": "2045-04-01",
                    "date_deadline_report": "2045-03-31",
                },
            )


class TestAssessmentScoring(LearningUnitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit = cls.make_unit("Trường Tiểu học A", 30)
        cls.team = cls.make_unit("Tổ chuyên môn", 10, parent=cls.unit)
        cls.assessment = cls.make_assessment(cls.unit)

    def test_lines_and_members_created(self):
        a = self.assessment
        scored = a.line_ids.filtered(lambda line: line.kind == "criterion")
        self.assertEqual(scored.mapped("criterion_code"), ALL_CODES)
        # the groups of the rules have a line too, showing their subtotal
        groups = a.line_ids - scored
        self.assertEqual(groups.mapped("criterion_code"), ["1", "2", "3", "3a"])
        self.assertEqual(
            self.line(a, "3a").child_line_ids.mapped("criterion_code"),
            [f"3a{i}" for i in range(1, 9)],
        )
        # the unit's 30 employees and the 10 of its sub-unit
        self.assertEqual(len(a.member_ids), 40)
        self.assertEqual(a.member_count, 40)
        self.assertEqual(
            set(a.member_ids.department_id.ids), {self.unit.id, self.team.id}
        )

    def test_load_members_twice_adds_only_new_employees(self):
        a = self.assessment
        archived = a.member_ids[0].employee_id
        self.env["hr.employee"].create(
            {"name": "Người mới", "department_id": self.team.id}
        )
        a.with_context(learning_unit_silent=True).action_load_members()
        self.assertEqual(len(a.member_ids), 41)
        # archived employees are not loaded into a new assessment
        archived.active = False
        other = self.make_assessment(self.unit, period=self.make_period(2045))
        self.assertEqual(len(other.member_ids), 40)
        self.assertNotIn(archived, other.member_ids.employee_id)

    def test_load_members_reports_how_many(self):
        unit = self.make_unit("Đơn vị nhỏ", 3)
        a = self.make_assessment(unit, load=False)
        action = a.action_load_members()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("3", action["params"]["message"])

    def test_fresh_assessment(self):
        a = self.assessment
        # nothing claimed, nothing declared: no points, 1c included
        self.assertEqual(a.self_total, 0)
        self.assertEqual(a.self_rank, "fail")
        self.assertTrue(a.is_provisional)
        self.assertEqual(self.line(a, "2a").self_score, 0)
        self.assertTrue(self.line(a, "2a").score_note)
        self.assertIn("not declared", self.line(a, "1c").score_note)
        # declaring that no resource is missing is an answer: 10 points
        self.line(a, "1c").missing_count = 0
        self.assertEqual(self.line(a, "1c").self_score, 10)
        self.assertEqual(a.self_total, 10)

    def test_full_score_is_good(self):
        self.make_full_score(self.assessment)
        self.assertEqual(self.assessment.self_total, 100)
        self.assertEqual(self.assessment.self_rank, "good")
        self.assertEqual(self.line(self.assessment, "1").subtotal, 30)
        self.assertEqual(self.line(self.assessment, "2").subtotal, 30)
        self.assertEqual(self.line(self.assessment, "3").subtotal, 40)

    def test_achieved_criteria(self):
        for code in ("1a", "1b", "3b"):
            line = self.line(self.assessment, code)
            self.assertEqual(line.self_score, 0)
            line.achieved = True
            self.assertEqual(line.self_score, line.max_score)
            self.assertEqual(line.self_score, 10)

    def test_missing_resources(self):
        line = self.line(self.assessment, "1c")
        for missing, expected in [(0, 10), (1, 8), (2, 6), (3, 4), (4, 2)]:
            line.missing_count = missing
            self.assertEqual(line.self_score, expected, missing)
        self.assertIn("4", line.score_note)

    def test_bad_inputs_are_refused_and_change_nothing(self):
        line_1c = self.line(self.assessment, "1c")
        line_3c = self.line(self.assessment, "3c")
        line_1c.missing_count = 1
        self.env.flush_all()
        for line, vals in [
            (line_1c, {"missing_count": 5}),
            (line_1c, {"missing_count": -1}),
            (line_3c, {"count_value": -2}),
        ]:
            with self.assertRaises(ValidationError), self.env.cr.savepoint():
                line.write(vals)
                self.env.flush_all()
        self.env.invalidate_all()
        self.assertEqual(line_1c.missing_count, 1)
        self.assertEqual(line_1c.self_score, 8)
        self.assertEqual(line_3c.count_value, 0)

    def test_knowledge_sharing_capped_at_five(self):
        line = self.line(self.assessment, "3c")
        for count, expected in [(0, 0), (1, 1), (5, 5), (7, 5)]:
            line.count_value = count
            self.assertEqual(line.self_score, expected)

    def test_share_of_members_exact_steps(self):
        members = self.assessment.member_ids  # 40 members
        line_2a = self.line(self.assessment, "2a")  # 5 % steps
        line_2b = self.line(self.assessment, "2b")  # 10 % steps
        cases = [
            # members with evidence, 2a score, 2b score
            (40, 10, 5),
            (39, 10, 5),  # 2.5 % short
            (38, 9.5, 5),  # exactly 5 %
            (36, 9, 4.5),  # exactly 10 %: two 5 % steps, one 10 % step
            (32, 8, 4),  # exactly 20 %
            (20, 5, 2.5),  # half
            (0, 0, 0),
        ]
        for met, score_2a, score_2b in cases:
            members.write({"plan_approved": False, "discipline_ok": False})
            members[:met].write({"plan_approved": True, "discipline_ok": True})
            self.assertEqual(line_2a.met_count, met)
            self.assertEqual(line_2a.self_score, score_2a, f"2a with {met}/40")
            self.assertEqual(line_2b.self_score, score_2b, f"2b with {met}/40")

    def test_every_share_criterion_counts_its_own_evidence(self):
        members = self.assessment.member_ids
        pairs = {
            "2a": "plan_approved",
            "2b": "discipline_ok",
            "2c": "training_done",
            "2d": "advanced_worker",
        }
        for code, field in pairs.items():
            members[:36].write({field: True})
            line = self.line(self.assessment, code)
            self.assertEqual(line.met_count, 36, code)
        self.assertEqual(self.line(self.assessment, "2c").self_score, 9)
        self.assertEqual(self.line(self.assessment, "2d").self_score, 4.5)

    def test_score_note_explains_the_deduction(self):
        members = self.assessment.member_ids
        members[:36].write({"plan_approved": True})
        line = self.line(self.assessment, "2a")
        note = line.with_context(lang="en_US").score_note
        self.assertIn("36/40", note)
        self.assertIn("90%", note)
        self.assertIn("10%", note)
        self.assertIn("1.0", note)
        note_vi = line.with_context(lang="vi_VN").score_note
        self.assertEqual(
            note_vi,
            "36/40 thành viên (90%) có kế hoạch tự học: thiếu 10% → 2 × 5% → "
            "trừ 1,0 điểm, còn 9/10 điểm.",
        )

    def test_competency_needs_every_member(self):
        members = self.assessment.member_ids
        line = self.line(self.assessment, "3a8")
        members[:-1].write({"competency_3a8": True})
        self.assertEqual(line.met_count, 39)
        self.assertEqual(line.self_score, 0)
        members[-1].competency_3a8 = True
        self.assertEqual(line.self_score, 4)
        self.assertEqual(self.line(self.assessment, "3a1").self_score, 0)
        self.assertIn("40", line.score_note)

    def test_removing_a_member_recomputes(self):
        members = self.assessment.member_ids
        members[:39].write({"plan_approved": True})
        line = self.line(self.assessment, "2a")
        self.assertEqual(line.self_score, 10)  # 2.5 % short: no deduction
        members[:38].write({"plan_approved": True})
        members[39].unlink()  # the only one without a plan leaves
        self.assertEqual(line.member_count, 39)
        self.assertEqual(line.self_score, 10)
        self.assertIn("100%", line.score_note)

    def test_zero_members(self):
        unit = self.make_unit("Đơn vị trống", 0)
        a = self.make_assessment(unit)
        self.assertFalse(a.member_ids)
        for code in ("2a", "2b", "2c", "2d", "3a1", "3a8"):
            self.assertEqual(self.line(a, code).self_score, 0, code)
        self.assertIn(
            "No members", self.line(a, "2a").with_context(lang="en_US").score_note
        )

    def _scenario(self, off=(), count_3c=5, missing_1c=0, drop=(), short=None):
        """Start from 100 points and take away exactly what is asked."""
        a = self.assessment
        self.make_full_score(a)
        for code in off:
            self.line(a, code).achieved = False
        self.line(a, "3c").count_value = count_3c
        self.line(a, "1c").missing_count = missing_1c
        for code in drop:
            a.member_ids.write({f"competency_{code}": False})
        for field, count in (short or {}).items():
            a.member_ids[:count].write({field: False})
        return a.self_total, a.self_rank

    def test_rank_boundaries_in_the_database(self):
        # 100 - 10 (3b) - 5 (3c) = 85: good
        self.assertEqual(self._scenario(off=["3b"], count_3c=0), (85, "good"))
        # and one 10 % step on 2b (4 of 40): 84.5 is fair
        self.assertEqual(
            self._scenario(off=["3b"], count_3c=0, short={"discipline_ok": 4}),
            (84.5, "fair"),
        )
        # 100 - 30 = 70: fair; one 5 % step on 2a: 69.5 is average
        self.assertEqual(self._scenario(off=["1a", "1b", "3b"]), (70, "fair"))
        self.assertEqual(
            self._scenario(off=["1a", "1b", "3b"], short={"plan_approved": 2}),
            (69.5, "average"),
        )
        # 100 - 30 - 5 - 8 - 3 - 3 - 1 = 50: average; 49.5 fails
        low = {
            "off": ["1a", "1b", "3b"],
            "count_3c": 0,
            "missing_1c": 4,
            "drop": ["3a1", "3a2"],
        }
        self.assertEqual(
            self._scenario(**low, short={"advanced_worker": 8}), (50, "average")
        )
        self.assertEqual(
            self._scenario(**low, short={"advanced_worker": 12}), (49.5, "fail")
        )

    def test_totals_are_the_sum_of_lines(self):
        self.make_full_score(self.assessment)
        self.assessment.member_ids[:3].write({"training_done": False})
        lines = self.assessment.line_ids.filtered(lambda line: line.kind == "criterion")
        self.assertEqual(self.assessment.self_total, sum(lines.mapped("self_score")))
        tops = self.assessment.line_ids.filtered(lambda line: not line.parent_line_id)
        self.assertEqual(self.assessment.self_total, sum(tops.mapped("subtotal")))
        self.assertEqual(self.assessment.self_total, 99.5)

    def test_parameters_live_on_the_criterion(self):
        """A province whose guide differs edits data, not code."""
        members = self.assessment.member_ids
        members[:39].write({"plan_approved": True})
        line = self.line(self.assessment, "2a")
        self.assertEqual(line.self_score, 10)
        line.criterion_id.step_mode = "started"
        self.assertEqual(line.self_score, 9.5)
        line.criterion_id.write(
            {"step_mode": "completed", "step_percent": 2, "deduction": 1}
        )
        self.assertEqual(line.self_score, 9)

    def test_one_assessment_per_unit_and_period(self):
        count = self.env["learning.unit.assessment"].search_count([])
        with self.assertRaises(ValidationError) as error:
            self.make_assessment(self.unit, load=False)
        self.assertIn("Trường Tiểu học A", str(error.exception))
        with self.assertRaises(ValidationError):
            self.env["learning.unit.assessment"].create(
                [
                    {"period_id": self.period.id, "department_id": self.team.id},
                    {"period_id": self.period.id, "department_id": self.team.id},
                ]
            )
        self.assertEqual(self.env["learning.unit.assessment"].search_count([]), count)

    def test_member_evidence_complete(self):
        member = self.assessment.member_ids[0]
        self.assertFalse(member.evidence_complete)
        self.give_full_evidence(member)
        self.assertTrue(member.evidence_complete)
        # incomplete members: missing evidence or a personal document
        self.assertEqual(self.assessment.members_missing_evidence_count, 40)
        member.dossier_item_ids.write({"paper_copy": True})
        self.assertEqual(self.assessment.members_missing_evidence_count, 39)
        member.training_done = False
        self.assertFalse(member.evidence_complete)
        self.assertIn(
            "Mandatory Training", member.with_context(lang="en_US").missing_evidence
        )


class TestAssessmentForm(LearningUnitCase):
    """What the unit officer sees while editing, before saving."""

    @staticmethod
    def group_score(form, label):
        """The result the form shows, before saving, for the group ``label``."""
        rows = re.findall(
            r"<tr><td[^>]*>([^<]*)</td><td>[^<]*</td><td[^>]*>([^<]*)</td></tr>",
            str(form.group_summary),
        )
        return dict(rows)[label]

    def test_ticking_evidence_in_the_form_updates_scores(self):
        unit = self.make_unit("Phòng Tư pháp", 20)
        assessment = self.make_assessment(unit)
        self.line(assessment, "1c").missing_count = 0  # declared: 10 points
        with Form(assessment) as form:
            self.assertEqual(form.self_total, 10)
            for index in range(20):
                with form.member_ids.edit(index) as member:
                    for field in EVIDENCE:
                        setattr(member, field, True)
            # all four share criteria at their maximum: 10 + 30
            self.assertEqual(form.self_total, 40)
            self.assertEqual(self.group_score(form, "2"), "30 / 30")
            with form.member_ids.edit(0) as member:
                member.plan_approved = False  # one 5 % step on 2a
            self.assertEqual(form.self_total, 39.5)
        self.assertEqual(assessment.self_total, 39.5)
        self.assertEqual(self.line(assessment, "2a").self_score, 9.5)

    def test_form_keeps_the_competencies_of_unchanged_members(self):
        unit = self.make_unit("Phòng Nội vụ", 10)
        assessment = self.make_assessment(unit)
        self.make_full_score(assessment)
        assessment.member_ids[-1].plan_approved = False  # 10 % short: 99
        self.assertEqual(assessment.self_total, 99)
        with Form(assessment) as form:
            with form.member_ids.edit(len(assessment.member_ids) - 1) as member:
                member.plan_approved = True
            self.assertEqual(form.self_total, 100)
            self.assertEqual(self.group_score(form, "3"), "40 / 40")
            with form.member_ids.edit(0) as member:
                member.competency_3a8 = False
            self.assertEqual(form.self_total, 96)
        self.assertEqual(assessment.self_total, 96)
        self.assertEqual(self.line(assessment, "3a8").self_score, 0)
