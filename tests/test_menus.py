"""Every menu of the addon opens, for every role, without a client or server error.

Odoo's own click bot (web/static/src/webclient/clickbot) opens each menu of
the app in headless Chromium, switches to each of its views and applies each of
its filters; an error dialog, a failed RPC or a JavaScript error fails the test.
It runs once per role, with a user of that role only, on the demo database.
"""

from .common import LearningUnitHttpCase
from .system_tools import chromium, python_module

ROLES = {
    "member": "learning_unit.group_member",
    "officer": "learning_unit.group_unit_officer",
    "reviewer": "learning_unit.group_district_reviewer",
    "admin": "learning_unit.group_admin",
}


class TestMenusOfEveryRole(LearningUnitHttpCase):
    # the click bot ends on whatever form it opened last
    allow_end_on_form = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district = cls.make_unit("Huyện Bấm Thử", 0)
        cls.unit = cls.make_unit("Trường Bấm Thử", 3, parent=cls.district)
        cls.users = {
            role: cls.make_user(
                f"click_{role}",
                group,
                department=cls.unit if role in ("member", "officer") else None,
                review=cls.district if role == "reviewer" else None,
                lang="vi_VN",
            )
            for role, group in ROLES.items()
        }
        assessment = cls.make_assessment(cls.unit)
        cls.make_full_score(assessment)

    def click_everywhere(self, role):
        chromium()
        python_module("websocket", "websocket-client")
        user = self.users[role]
        menus = self.env["ir.ui.menu"].with_user(user).load_menus(False)
        apps = [menus[i]["xmlid"] for i in menus["root"]["children"]]
        self.assertIn("learning_unit.menu_root", apps)
        self.browser_js(
            "/odoo",
            "odoo.loader.modules.get('@web/webclient/clickbot/clickbot_loader')"
            ".startClickEverywhere('learning_unit.menu_root');",
            "odoo.isReady === true",
            login=user.login,
            timeout=600,
            success_signal="clickbot test succeeded",
        )

    def test_member(self):
        self.click_everywhere("member")

    def test_officer(self):
        self.click_everywhere("officer")

    def test_reviewer(self):
        self.click_everywhere("reviewer")

    def test_admin(self):
        self.click_everywhere("admin")
