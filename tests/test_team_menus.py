"""Teams and minutes created from their own menus (issue 19, item 4).

From *Văn bản › Đoàn kiểm tra, tổ đánh giá › Mới* a reviewer sets up an
inspection team and an officer the unit's own evaluation team, the open period
chosen; the period and team drop-downs offer what the user may choose; the
unit team's roles read as the printed forms say them (Tổ trưởng, Tổ phó).
"""

from lxml import etree

from odoo.tests import Form
from odoo.tools.safe_eval import safe_eval

from .common import DEMO, LearningUnitDemoCase


class TestTeamMenus(LearningUnitDemoCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.current = cls.demo("period_current")
        cls.thamdinh = cls.env.ref(DEMO + "user_thamdinh")
        cls.donvi = cls.env.ref(DEMO + "user_donvi")
        cls.school = cls.env.ref(DEMO + "employee_donvi").department_id
        cls.district = cls.school.parent_id

    def drop_down(self, model, field_name, **values):
        """What the form's drop-down of ``field_name`` offers: the field's
        domain in the form view, evaluated on the record's ``values`` (the
        other fields empty) as the web client does, then searched with the
        user's rights."""
        views = model.get_views([(False, "form")])
        node = etree.fromstring(views["views"]["form"]["arch"]).xpath(
            f"//field[@name='{field_name}']"
        )[0]
        # the arch's domain, else the field's (check_company puts one there)
        domain = node.get("domain") or views["models"][model._name]["fields"][
            field_name
        ].get("domain")
        context = dict.fromkeys(model._fields, False) | values
        domain = (
            safe_eval(domain or "[]", context)
            if isinstance(domain, str)
            else domain or []
        )
        comodel = model._fields[field_name].comodel_name
        return model.env[comodel].search(domain)

    def test_reviewer_sets_up_an_inspection_team_from_the_menu(self):
        Team = self.env["learning.unit.team"].with_user(self.thamdinh)
        form = Form(Team)
        self.assertEqual(form.kind, "inspection")
        self.assertEqual(form.period_id, self.current)
        self.assertEqual(form.department_id, self.district)
        self.assertEqual(form.body_id, self.current.body_id)
        # the drop-down, before a period is chosen as after
        self.assertIn(self.current, self.drop_down(Team, "period_id"))
        self.assertIn(
            self.current,
            self.drop_down(Team, "period_id", company_id=self.current.company_id.id),
        )
        form.name = "Đoàn kiểm tra số 1"
        team = form.save()
        self.assertEqual(team.company_id, self.current.company_id)

    def test_officer_sets_up_the_units_evaluation_team_from_the_menu(self):
        Team = self.env["learning.unit.team"].with_user(self.donvi)
        form = Form(Team)
        self.assertEqual(form.kind, "unit")
        self.assertEqual(form.period_id, self.current)
        self.assertEqual(form.department_id, self.school)
        self.assertIn(self.current, self.drop_down(Team, "period_id"))
        # the kind is the one the officer may set up: not a choice
        with self.assertRaises(AssertionError):
            form.kind = "inspection"
        form.name = "Tổ đánh giá"
        team = form.save()
        self.assertEqual((team.kind, team.department_id), ("unit", self.school))

    def test_reviewer_writes_minutes_from_the_minutes_menu(self):
        team = self.env["learning.unit.team"].create(
            {
                "name": "Đoàn kiểm tra số 1",
                "period_id": self.current.id,
                "department_id": self.district.id,
                "assessment_ids": [
                    (
                        6,
                        0,
                        self.current.assessment_ids.filtered(
                            lambda a: a.department_id == self.school
                        ).ids,
                    )
                ],
            }
        )
        Minutes = self.env["learning.unit.minutes"].with_user(self.thamdinh)
        form = Form(Minutes)
        self.assertIn(
            team.with_user(self.thamdinh),
            self.drop_down(Minutes, "team_id"),
        )
        form.team_id = team.with_user(self.thamdinh)
        self.assertEqual(form.assessment_id.department_id, self.school)
        minutes = form.save()
        self.assertEqual(minutes.period_id, self.current)

    def test_unit_team_roles_read_as_printed(self):
        members = self.env["learning.unit.team.member"].with_context(lang="vi_VN")
        labels = dict(members.fields_get(["unit_role"])["unit_role"]["selection"])
        self.assertEqual((labels["head"], labels["deputy"]), ("Tổ trưởng", "Tổ phó"))
        team = self.env["learning.unit.team"].create(
            {
                "name": "Tổ đánh giá",
                "kind": "unit",
                "period_id": self.current.id,
                "department_id": self.school.id,
                "member_ids": [(0, 0, {"name": "Nguyễn Văn A", "role": "head"})],
            }
        )
        self.assertEqual(team.member_ids.unit_role, "head")
        team.member_ids.unit_role = "deputy"
        self.assertEqual(team.member_ids.role, "deputy")
        # the form's members list shows the unit's words for a unit team
        arch = team.get_views([(False, "form")])["views"]["form"]["arch"]
        list_node = etree.fromstring(arch).xpath("//field[@name='member_ids']//list")[0]
        self.assertEqual(
            list_node.xpath("field[@name='role']")[0].get("column_invisible"),
            "parent.kind == 'unit'",
        )
        self.assertEqual(
            list_node.xpath("field[@name='unit_role']")[0].get("column_invisible"),
            "parent.kind != 'unit'",
        )
