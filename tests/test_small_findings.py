"""Smaller findings of issue 19 (11): an issued decision offers no "Delete";
the rule set list leaves open-ended years blank; the frozen copy of a rule set
is labelled with the day in the user's time zone."""

from lxml import etree

from odoo.exceptions import UserError

from .common import LearningUnitCase

OFFICER = "learning_unit.group_unit_officer"
REVIEWER = "learning_unit.group_district_reviewer"
DECISION = "learning.unit.decision"


class TestDecisionNeverDeleted(LearningUnitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district = cls.make_unit("Huyện Không Xoá", 0)
        cls.unit = cls.make_unit("Trường Không Xoá", 3, parent=cls.district)
        cls.body = cls.make_body("Không Xoá", cls.district)
        cls.officer = cls.make_user("sf_officer", OFFICER, department=cls.unit)
        cls.reviewer = cls.make_user(
            "sf_reviewer", REVIEWER, review=cls.district, lang="vi_VN"
        )
        cls.assessment = cls.make_assessment(cls.unit)
        cls.make_full_score(cls.assessment)
        cls.provide_dossier(cls.assessment)
        cls.assessment.with_user(cls.officer).action_submit()
        as_reviewer = cls.assessment.with_user(cls.reviewer)
        as_reviewer.action_start_review()
        as_reviewer.action_confirm_review_scores()
        as_reviewer.action_mark_reviewed()

    def draft(self):
        return (
            self.env[DECISION]
            .with_user(self.reviewer)
            .create({"period_id": self.period.id, "body_id": self.body.id})
        )

    def test_no_delete_in_the_menus_of_a_decision(self):
        Decision = self.env[DECISION].with_user(self.reviewer)
        for view_type in ("form", "list"):
            arch = etree.fromstring(Decision.get_view(view_type=view_type)["arch"])
            self.assertIn(arch.get("delete"), ("0", "false", "False"), view_type)
        # a draft is deleted from its own button, shown while a draft only
        form = etree.fromstring(Decision.get_view(view_type="form")["arch"])
        [button] = form.xpath("//header/button[@name='action_delete_draft']")
        self.assertEqual(button.get("invisible"), "state != 'draft'")

    def test_a_draft_is_deleted_an_issued_decision_never(self):
        draft = self.draft()
        action = draft.action_delete_draft()
        self.assertFalse(draft.exists())
        self.assertEqual(action["res_model"], DECISION)
        decision = self.draft()
        decision.action_add_reviewed_units()
        decision.action_issue()
        for delete in (decision.action_delete_draft, decision.unlink):
            with self.assertRaisesRegex(UserError, "never deleted"):
                delete()
        self.assertTrue(decision.exists())


class TestRuleSets(LearningUnitCase):
    def test_open_ended_years_are_blank_in_the_list(self):
        Template = self.env["learning.unit.template"]
        arch = etree.fromstring(Template.get_view(view_type="list")["arch"])
        for name in ("year_from", "year_to"):
            [field] = arch.xpath(f"//field[@name='{name}']")
            self.assertEqual(field.get("invisible"), f"not {name}", name)

    def test_frozen_copy_is_labelled_with_the_local_day(self):
        snapshot = self.env.ref("learning_unit.template_tt22")._snapshot()
        # 20:00 UTC on 1 March is 03:00 on 2 March in Vietnam
        self.env.cr.execute(
            "UPDATE learning_unit_template SET create_date = %s WHERE id = %s",
            ("2046-03-01 20:00:00", snapshot.id),
        )
        snapshot.invalidate_recordset()
        local = snapshot.with_context(tz="Asia/Ho_Chi_Minh", lang="vi_VN")
        self.assertIn("02/03/2046", local.display_name)
        # without a time zone in the context: the user's
        user = self.make_user("sf_admin_tz", "learning_unit.group_admin", lang="vi_VN")
        self.assertEqual(user.tz, "Asia/Ho_Chi_Minh")
        as_user = snapshot.with_user(user).with_context(tz=None)
        self.assertIn("02/03/2046", as_user.display_name)
