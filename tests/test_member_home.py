"""A member opens her own unit's assessment and lands on her own year (issue 19, 5).

She reads the form's fields as the web client does (``get_views``, then
``web_read`` of the form's specification), in every state of the assessment,
the review's included: the level-2 note reads the unit's recognitions, which
a member may not read. After login her home is her learning record, not
Discuss' inbox.
"""

from odoo import Command
from odoo.tools.safe_eval import safe_eval

from .common import LearningUnitCase, LearningUnitHttpCase
from .list_view import form_view_request

MEMBER = "learning_unit.group_member"
OFFICER = "learning_unit.group_unit_officer"
REVIEWER = "learning_unit.group_district_reviewer"
UNIT_INDICATORS = ("1.1", "1.2", "1.3", "1.4", "1.5", "3.2", "3.3", "3.4")
SHARES = ("discipline_ok", "training_done", "cdht_achieved")
HOME = "learning_unit.action_learning_unit_my_record"


class TestMemberOpensHerAssessment(LearningUnitCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.period24 = cls.env["learning.unit.period"].create({"year": 2046})
        cls.district = cls.make_unit("Xã Thành Viên", 0)
        cls.unit = cls.make_unit("Trường Thành Viên", 9, parent=cls.district)
        cls.member = cls.make_user("mh_member", MEMBER, department=cls.unit)
        cls.officer = cls.make_user("mh_officer", OFFICER, department=cls.unit)
        cls.reviewer = cls.make_user("mh_reviewer", REVIEWER, review=cls.district)
        cls.assessment = cls.make_assessment(cls.unit, period=cls.period24)
        # every indicator met: the unit asks for level 2, holding no level 1
        for code in UNIT_INDICATORS:
            cls.line(cls.assessment, code).achieved = True
        cls.assessment.member_ids.write(dict.fromkeys(SHARES, True))
        cls.provide_dossier(cls.assessment)

    def open_as_member(self):
        Assessment = self.env["learning.unit.assessment"].with_user(self.member)
        specification = form_view_request(Assessment.env, Assessment._name)
        self.assertIn("level_2_note", specification)
        self.env.invalidate_all()
        [values] = Assessment.browse(self.assessment.id).web_read(specification)
        return values

    def test_member_opens_her_unit_assessment_in_every_state(self):
        self.assertEqual(self.assessment.self_level, "level_2")
        self.assertEqual(self.open_as_member()["state"], "draft")
        self.assessment.with_user(self.officer).action_submit()
        values = self.open_as_member()
        self.assertEqual(values["state"], "submitted")
        # she reads the note the officer reads
        officer_note = self.assessment.with_user(self.officer).level_2_note
        self.assertTrue(officer_note)
        self.assertEqual(values["level_2_note"], officer_note)
        self.assessment.with_user(self.reviewer).action_start_review()
        self.assertEqual(self.open_as_member()["state"], "in_review")


class TestDemoMemberOverRpc(LearningUnitHttpCase):
    """The demo's member, thanhvien, opens her unit's assessment of this year
    once the officer (donvi) has submitted it, as her browser does."""

    def call(self, model, method, args, kwargs=None):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs or {}},
        )

    def test_thanhvien_opens_her_submitted_assessment(self):
        thanhvien = self.env.ref("learning_unit_demo.demo_user_thanhvien")
        donvi = self.env.ref("learning_unit_demo.demo_user_donvi")
        assessment = self.env["learning.unit.assessment"].search(
            [
                (
                    "period_id",
                    "=",
                    self.env.ref("learning_unit_demo.demo_period_current").id,
                ),
                ("member_user_ids", "in", thanhvien.id),
            ]
        )
        self.assertEqual(len(assessment), 1)
        self.assertEqual(assessment.self_level, "level_2")
        self.provide_dossier(assessment)  # the officer completes it
        assessment.with_user(donvi).action_submit()
        self.env.flush_all()
        self.authenticate(thanhvien.login, thanhvien.login)
        views = self.call(
            assessment._name,
            "get_views",
            [],
            {"views": [[False, "form"]], "options": {}, "context": {"lang": "vi_VN"}},
        )
        specification = form_view_request(
            self.env, assessment._name, arch=views["views"]["form"]["arch"]
        )
        [values] = self.call(
            assessment._name,
            "web_read",
            [assessment.ids],
            {"specification": specification, "context": {"lang": "vi_VN"}},
        )
        self.assertEqual(values["state"], "submitted")
        officer = assessment.with_user(donvi).with_context(lang="vi_VN")
        self.assertTrue(officer.level_2_note)
        self.assertEqual(values["level_2_note"], officer.level_2_note)


class TestMemberHome(LearningUnitCase):
    def test_member_lands_on_her_learning_record(self):
        member = self.make_user("mh_home_member", MEMBER)
        self.assertEqual(member.action_id.id, self.env.ref(HOME).id)

    def test_member_group_given_later_sets_the_home(self):
        user = self.make_user("mh_home_later", "base.group_user")
        self.assertFalse(user.action_id)
        user.groups_id = [Command.link(self.env.ref(MEMBER).id)]
        self.assertEqual(user.action_id.id, self.env.ref(HOME).id)

    def test_a_chosen_home_and_other_roles_are_kept(self):
        home = self.env.ref("learning_unit.action_learning_unit_assessment")
        user = self.make_user("mh_home_own", "base.group_user")
        user.action_id = home.id
        user.groups_id = [Command.link(self.env.ref(MEMBER).id)]
        self.assertEqual(user.action_id.id, home.id)
        officer = self.make_user("mh_home_officer", OFFICER)
        self.assertFalse(officer.action_id)

    def test_demo_member_lands_on_her_learning_record(self):
        thanhvien = self.env.ref("learning_unit_demo.demo_user_thanhvien")
        self.assertEqual(thanhvien.action_id.id, self.env.ref(HOME).id)
        # and she may run it (/web/action/load reads it as the system): no
        # group keeps it from her, and it lists her documents
        action = self.env.ref(HOME)
        self.assertFalse(action.groups_id - thanhvien.groups_id)
        domain = safe_eval(action.domain, {"uid": thanhvien.id})
        records = self.env[action.res_model].with_user(thanhvien).search(domain)
        self.assertTrue(records)
        self.assertEqual(records.user_id, thanhvien)
