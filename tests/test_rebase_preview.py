"""The re-basing wizard's preview is what applying does (issue 19, item 5).

The preview is shown by the form the administrator opens, that is by the web
client's onchange on a new wizard: it must name every assessment applying
moves, returned ones included, with the result applying gives it.
"""

from odoo.addons.learning_unit import explain
from odoo.tests import Form

from .common import LearningUnitDemoCase


class TestRebasePreview(LearningUnitDemoCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.period = cls.demo("period_current")

    def test_preview_names_what_applying_does_on_the_demo(self):
        period = self.period
        criterion = period.template_id.criterion_ids.filtered(lambda c: c.code == "3.1")
        criterion.write({"threshold_level_1": 99, "threshold_level_2": 99})
        assessments = period.assessment_ids
        before = {a: explain.result_words(a) for a in assessments}
        my_lac = assessments.filtered(
            lambda a: a.department_id.name == "Trường THCS Mỹ Lạc"
        )
        self.assertEqual((my_lac.state, my_lac.self_level), ("returned", "level_1"))

        # as the form shows it: the web client's onchange on a new wizard
        form = Form(
            self.env["learning.unit.rebase.wizard"].with_context(
                default_period_id=period.id
            )
        )
        preview = form.changes
        wizard = form.save()
        wizard.action_confirm()
        self.env.flush_all()
        self.env.invalidate_all()

        after = {a: explain.result_words(a) for a in assessments}
        moved = [
            f"{a.department_id.name}: {before[a]} → {after[a]}"
            for a in assessments
            if before[a] != after[a]
        ]
        self.assertEqual(my_lac.self_level, "none")
        self.assertIn(f"Trường THCS Mỹ Lạc: {before[my_lac]} → {after[my_lac]}", moved)
        self.assertEqual(preview.splitlines()[1:], moved)
