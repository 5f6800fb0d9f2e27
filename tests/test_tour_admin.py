"""The administrator assigns a role and a reviewer's scope in the browser."""

from urllib.parse import quote

from .common import LearningUnitHttpCase
from .system_tools import chromium, python_module

REVIEWER = "learning_unit.group_district_reviewer"


class TestAdminTour(LearningUnitHttpCase):
    def test_admin_gives_a_role_and_a_scope(self):
        chromium()
        python_module("websocket", "websocket-client")
        district = self.make_unit("Xã Tân Thành Mới", 0)
        school = self.make_unit("Trường Tiểu học Tân Thành Mới", 3, parent=district)
        user = self.env["res.users"].create(
            {"name": "Ngô Thị Thẩm Định", "login": "tour_new_reviewer"}
        )
        self.assertFalse(user.has_group(REVIEWER))
        # the agency's administrator works in Vietnamese
        self.env.ref("base.user_admin").lang = "vi_VN"
        self.start_tour(
            "/odoo",
            "learning_unit_admin_tour",
            login="admin",
            cookies={
                "lu_user": quote(user.name, safe=""),
                "lu_district": quote(district.name, safe=""),
            },
            timeout=180,
        )
        user.invalidate_recordset()
        self.assertTrue(user.has_group(REVIEWER))
        self.assertEqual(user.lu_review_department_ids, district)
        # the scope applies at once: the reviewer sees the district's school
        departments = self.env["hr.department"].with_user(user)
        self.assertIn(school, departments.search([("lu_can_review", "=", True)]))
