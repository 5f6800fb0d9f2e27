"""The unit officer's round in a real browser (headless Chromium, Odoo tour).

Skipped, with the reason, when no Chromium/Chrome is installed (Debian:
``apt-get install chromium``), when the websocket-client package Odoo drives
it with is missing, when pytest runs without Odoo's HTTP server
(``--odoo-http``, as ``make test`` passes it) or without the demo data.
"""

import importlib.util
import shutil
import unittest
from unittest.mock import patch
from urllib.parse import quote

from odoo.service import server
from odoo.tools import config

from .common import LearningUnitHttpCase

# The executables Odoo's browser tests look for on Linux.
BROWSERS = ("google-chrome", "chromium", "chromium-browser", "google-chrome-stable")
BROWSER = next(filter(None, map(shutil.which, BROWSERS)), None)
HAS_WEBSOCKET = importlib.util.find_spec("websocket") is not None


@unittest.skipUnless(
    BROWSER,
    "No Chromium or Google Chrome in PATH: the browser tour is skipped "
    "(install Debian's 'chromium' package to run it).",
)
@unittest.skipUnless(
    HAS_WEBSOCKET,
    "The Python package websocket-client is missing (requirements-dev.txt): "
    "Odoo cannot drive the browser, the browser tour is skipped.",
)
class TestOfficerTour(LearningUnitHttpCase):
    @classmethod
    def setUpClass(cls):
        if not getattr(server, "server", None):
            raise unittest.SkipTest(
                "No Odoo HTTP server in this test run (pytest without "
                "--odoo-http): the browser tour is skipped."
            )
        super().setUpClass()
        if not cls.env.ref("learning_unit.demo_user_donvi", raise_if_not_found=False):
            raise unittest.SkipTest(
                "The database has no demo data of learning_unit: the tour "
                "plays the demo unit officer's round."
            )

    def test_officer_tour(self):
        officer = self.env.ref("learning_unit.demo_user_donvi")
        assessment = self.env.ref("learning_unit.demo_assessment_thcs_nt_current")
        members_before = assessment.member_count
        cookies = {}
        report = self.env.ref(
            "learning_unit.action_report_phu_luc_2", raise_if_not_found=False
        )
        if report and report.binding_model_id.model == "learning.unit.assessment":
            # the tour prints it from the form's Print menu, in the user's language
            cookies["lu_tour_print"] = report.with_context(lang=officer.lang).name
        # as under Odoo's own test runner, reports render as HTML (no wkhtmltopdf
        # calling back into the test server)
        with patch.dict(config.options, test_enable=True):
            self.start_tour(
                "/odoo",
                "learning_unit_officer_tour",
                login=officer.login,
                cookies={key: quote(value, safe="") for key, value in cookies.items()},
                timeout=180,
            )
        assessment.invalidate_recordset()
        self.assertEqual(assessment.member_count, members_before + 2)
        self.assertEqual(assessment.members_missing_evidence_count, 1)
        self.assertEqual(assessment.self_rank, "good")
        self.assertEqual(assessment.state, "draft")
