"""Teams and minutes created from their own menus, in a real browser (headless
Chromium, learning_unit_team_tour.js), by the demo's reviewer and officer on
the current round (issue 19, item 4). Each tour is followed by what the
database holds.
"""

from unittest.mock import patch
from urllib.parse import quote

from odoo.tools import config

from . import system_tools
from .common import DEMO, LearningUnitTourCase

UNIT = "Trường Tiểu học Thị trấn Thủ Thừa"
# the demo users work in Vietnamese
USER_LANG = "vi_VN"


class TestTeamTour(LearningUnitTourCase):
    tour_demo = "period_current"
    test_module = "learning_unit_demo"
    test_tags = {"standard", "at_install", "learning_unit_demo"}

    def tour(self, name, user, **cookies):
        self.assertCanRunTour()
        # as under Odoo's own test runner, reports render as HTML (no
        # wkhtmltopdf calling back into the test server)
        with (
            patch.dict(config.options, test_enable=True),
            system_tools.printed_reports(self.env) as printed,
        ):
            self.start_tour(
                "/odoo",
                name,
                login=user.login,
                cookies={key: quote(value, safe="") for key, value in cookies.items()},
                timeout=240,
            )
        self.env.invalidate_all()
        return printed

    def test_reviewer_sets_up_a_team_and_writes_its_minutes_from_the_menus(self):
        reviewer = self.env.ref(DEMO + "user_thamdinh")
        period = self.env.ref(DEMO + "period_current")
        report = self.env.ref("learning_unit.action_report_minutes")
        employee = self.env.ref(DEMO + "employee_donvi")
        printed = self.tour(
            "learning_unit_team_tour",
            reviewer,
            lu_period=period.with_context(lang=USER_LANG).display_name,
            lu_unit=UNIT,
            lu_employee=employee.name,
            lu_print=report.with_context(lang=reviewer.lang).name,
        )
        team = self.env["learning.unit.team"].search(
            [("name", "=", "Đoàn kiểm tra số 1")]
        )
        self.assertEqual(len(team), 1)
        self.assertEqual(team.kind, "inspection")
        self.assertEqual(team.period_id, period)
        self.assertEqual(team.body_id, period.body_id)
        self.assertEqual(team.create_uid, reviewer)
        self.assertEqual(team.assessment_ids.department_id.name, UNIT)
        self.assertEqual(
            team.member_ids.mapped(lambda m: (m.name, m.role)),
            [("Nguyễn Văn Kiểm", "head"), (employee.name, "member")],
        )
        self.assertEqual(team.member_ids[1].employee_id, employee)
        minutes = team.minutes_ids
        self.assertEqual(len(minutes), 1)
        self.assertEqual(minutes.assessment_id, team.assessment_ids)
        self.assertIn("Hồ sơ đầy đủ", minutes.findings)
        self.assertEqual(printed, [(report.report_name, tuple(minutes.ids))])

    def test_officer_sets_up_the_units_own_team_from_the_menu(self):
        officer = self.env.ref(DEMO + "user_donvi")
        period = self.env.ref(DEMO + "period_current")
        unit = self.env.ref(DEMO + "employee_donvi").department_id
        self.tour(
            "learning_unit_unit_team_tour",
            officer,
            lu_period=period.with_context(lang=USER_LANG).display_name,
            lu_own_unit=unit.name,
        )
        team = self.env["learning.unit.team"].search(
            [("name", "=", "Tổ đánh giá năm học")]
        )
        self.assertEqual(
            (team.kind, team.period_id, team.department_id, team.create_uid),
            ("unit", period, unit, officer),
        )
        self.assertEqual(
            team.member_ids.mapped(lambda m: (m.name, m.role)),
            [("Trần Thị Tổ", "head")],
        )
