"""Results that were submitted, reviewed or recognised never move because a
rule set was edited (issue 9): each period scores with its own frozen copy.

On the demo district: editing criterion 2a's deduction and the "Tốt" threshold
of the shipped Thông tư 22 rule set leaves every result of the closed 2023
period, and its printed form, as it was; a draft moves to the edited rules only
when the administrator re-bases it, and the wizard says what changes first.
"""

from .common import LearningUnitCase

RESULT_FIELDS = ("self_total", "self_rank", "review_total", "review_rank", "state")


class TestFrozenRules(LearningUnitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.history = cls.demo("period_2023")
        cls.closed = cls.env["learning.unit.assessment"].search(
            [("period_id", "=", cls.history.id)]
        )
        # a draft and a submitted assessment of an open period on the same rules
        cls.unit = cls.make_unit("Trường Bản Sao", 20)
        cls.draft = cls.make_assessment(cls.unit)
        cls.make_full_score(cls.draft)
        cls.members_short = cls.draft.member_ids[:4]  # 80 %: 4 steps of 5 %
        cls.members_short.write({"plan_approved": False})
        cls.sent_unit = cls.make_unit("Trường Đã Nộp", 20)
        cls.sent = cls.make_assessment(cls.sent_unit)
        cls.make_full_score(cls.sent)
        cls.sent.member_ids[:4].write({"plan_approved": False})
        cls.provide_dossier(cls.sent)
        cls.sent.action_submit()

    def results(self, assessments):
        assessments.invalidate_recordset()
        return {a.id: tuple(a[name] for name in RESULT_FIELDS) for a in assessments}

    def edit_the_rules(self):
        criterion_2a = self.template.criterion_ids.filtered(lambda c: c.code == "2a")
        self.assertEqual(criterion_2a.deduction, 0.5)
        criterion_2a.deduction = 1.0
        self.template.threshold_good = 99
        self.env.flush_all()

    def test_closed_and_recognised_results_never_move(self):
        self.assertEqual(len(self.closed), 26)
        self.assertEqual(set(self.closed.mapped("state")), {"recognised"})
        # the demo was generated with units short of approved plans (2a)
        short = self.closed.filtered(
            lambda a: self.line(a, "2a").self_score < 10 and a.self_total >= 85
        )
        self.assertTrue(short, "a 'good' unit with fewer points on 2a")
        before = self.results(self.closed | self.sent)
        printed = self.env["ir.actions.report"]._render_qweb_html(
            "learning_unit.action_report_phu_luc_2", short[:1].ids
        )[0]
        self.edit_the_rules()
        self.closed.line_ids.invalidate_recordset()
        # a recompute from scratch (as after any later write) gives the same
        self.env.add_to_compute(
            self.env["learning.unit.assessment.line"]._fields["self_score"],
            self.closed.line_ids,
        )
        self.env.add_to_compute(
            self.env["learning.unit.assessment"]._fields["self_total"], self.closed
        )
        self.env.flush_all()
        self.assertEqual(self.results(self.closed | self.sent), before)
        self.assertEqual(
            self.env["ir.actions.report"]._render_qweb_html(
                "learning_unit.action_report_phu_luc_2", short[:1].ids
            )[0],
            printed,
        )
        # each keeps the parameters it was scored with
        self.assertEqual(
            set(
                self.closed.line_ids.filtered(
                    lambda line: line.criterion_code == "2a"
                ).criterion_id.mapped("deduction")
            ),
            {0.5},
        )
        self.assertEqual(self.closed.period_id.rules_id.threshold_good, 85)
        self.assertEqual(set(self.closed.mapped("template_id.threshold_good")), {85})

    def test_a_draft_moves_only_when_re_based(self):
        self.assertEqual(self.draft.self_total, 98)  # 2a: 4 steps × 0.5
        self.assertEqual(self.draft.self_rank, "good")
        self.edit_the_rules()
        self.assertEqual(self.draft.self_total, 98)
        self.assertTrue(self.period.rules_outdated)
        wizard = self.env["learning.unit.rebase.wizard"].create(
            {"period_id": self.period.id}
        )
        # it says what changes, and only for the drafts
        self.assertIn("Trường Bản Sao", wizard.changes)
        self.assertNotIn("Trường Đã Nộp", wizard.changes)
        self.assertEqual(self.draft.self_total, 98, "the preview changes nothing")
        sent_before = self.results(self.sent)
        wizard.action_confirm()
        self.assertEqual(self.draft.self_total, 96)  # 2a: 4 steps × 1.0
        self.assertEqual(self.draft.self_rank, "fair")  # below the new 99
        self.assertEqual(self.results(self.sent), sent_before)
        self.assertFalse(self.period.rules_outdated)
