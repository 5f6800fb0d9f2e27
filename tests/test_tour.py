"""The unit officer's round under Thông tư 24 in a real browser (headless Chromium, Odoo tour).

It needs Chromium (Debian's ``chromium``, which ``make test`` installs through
tools/system-deps.sh), the websocket-client package Odoo drives it with
(requirements-dev.txt), Odoo's HTTP server (``--odoo-http``, as ``make test``
passes it) and the demo district (``make test`` installs learning_unit_demo). When
one is missing the test fails and names it: it never skips.
"""

from unittest.mock import patch
from urllib.parse import quote

from lxml import etree

from odoo.tools import config

from . import system_tools
from .common import LearningUnitTourCase


def table_rows(html):
    """The text of each cell of each table row of ``html``, spaces squeezed."""
    document = etree.fromstring(html, etree.HTMLParser())
    return [
        [" ".join(" ".join(td.itertext()).split()) for td in tr.iter("td")]
        for tr in document.iter("tr")
    ]


class TestOfficerTour(LearningUnitTourCase):
    tour_demo = "user_donvi"

    def play_officer_tour(self):
        """The officer prepares, prints and submits (learning_unit_officer_tour)."""
        self.assertCanRunTour()
        officer = self.env.ref("learning_unit_demo.demo_user_donvi")
        member = self.env.ref("learning_unit_demo.demo_user_thanhvien")
        assessment = self.env.ref("learning_unit_demo.demo_assessment_thcs_nt_current")
        members_before = assessment.member_count
        self.assertEqual(assessment.state, "draft")
        report = self.env.ref("learning_unit.action_report_tt24_self_report")
        # the tour prints it from the form's Print menu, in the user's language
        cookies = {"lu_tour_print": report.with_context(lang=officer.lang).name}
        # as under Odoo's own test runner, reports render as HTML (no wkhtmltopdf
        # calling back into the test server)
        with (
            patch.dict(config.options, test_enable=True),
            system_tools.printed_reports(self.env) as printed,
        ):
            self.start_tour(
                "/odoo",
                "learning_unit_officer_tour",
                login=officer.login,
                cookies={key: quote(value, safe="") for key, value in cookies.items()},
                timeout=180,
            )
        self.assertEqual(printed, [(report.report_name, tuple(assessment.ids))])
        assessment.invalidate_recordset()
        self.assertEqual(assessment.member_count, members_before + 2)
        newcomers = assessment.member_ids.sorted("id")[-2:]
        for name in ("discipline_ok", "training_done", "cdht_achieved"):
            self.assertTrue(all(newcomers.mapped(name)), name)
        # the officer recorded the newcomers' evidence: the member's own gap stays
        self.assertEqual(
            assessment.member_ids.filtered(lambda m: not m.evidence_complete).user_id,
            member,
        )
        self.assertEqual(assessment.self_level, "level_2")
        self.assertFalse(assessment.dossier_missing)
        self.assertEqual(assessment.state, "submitted")
        self.assertEqual(assessment.submitted_by, officer)

    def test_officer_submits_reviewer_recognises_level_1(self):
        """A period under Thông tư 24 taken from draft to recognised level 1 in
        the browser, by the demo's officer, then its reviewer."""
        self.play_officer_tour()
        reviewer = self.env.ref("learning_unit_demo.demo_user_thamdinh")
        assessment = self.env.ref("learning_unit_demo.demo_assessment_thcs_nt_current")
        with (
            patch.dict(config.options, test_enable=True),
            system_tools.printed_reports(self.env) as printed,
        ):
            self.start_tour(
                "/odoo",
                "learning_unit_reviewer_levels_tour",
                login=reviewer.login,
                timeout=240,
            )
        self.env.invalidate_all()
        self.assertPrintedLevels(assessment.decision_id, printed)
        line = assessment.line_ids.filtered(lambda x: x.criterion_code == "3.1")
        self.assertEqual(line.self_level, "level_2")
        self.assertEqual((line.review_level, line.review_set), ("level_1", True))
        self.assertIn("33/35", line.review_note)
        self.assertEqual(assessment.review_level, "level_1")
        self.assertEqual(assessment.state, "recognised")
        self.assertEqual(assessment.reviewer_id, reviewer)
        self.assertEqual(assessment.decision_id.issued_by, reviewer)
        self.assertEqual(assessment.decision_id.state, "issued")
        self.assertEqual(assessment.recognised_level, "level_1")

    def assertPrintedLevels(self, decision, printed):
        """The annex and the summary the reviewer printed give each unit the
        level the register holds: mức độ 1 for a unit reviewed at mức độ 2
        that waits a year after its mức độ 1 decision."""
        period = decision.period_id
        self.assertEqual(
            printed,
            [
                ("learning_unit.report_decision", tuple(decision.ids)),
                ("learning_unit.report_district_summary_period", tuple(period.ids)),
            ],
        )
        granted = {
            line.assessment_id.department_id.name: line.granted_level
            for line in decision.line_ids
        }
        waiting = [
            line.assessment_id.department_id.name
            for line in decision.line_ids
            if line.review_level == "level_2" and line.granted_level == "level_1"
        ]
        self.assertTrue(
            waiting, "the demo's decision grants no unit less than it was reviewed"
        )
        words = {"level_1": "Mức độ 1", "level_2": "Mức độ 2"}
        for report, ids, column in (
            ("learning_unit.report_decision", decision.ids, 2),
            ("learning_unit.report_district_summary_period", period.ids, 4),
        ):
            # as the reviewer printed it: in her language
            html = (
                self.env["ir.actions.report"]
                .with_context(lang=decision.issued_by.lang)
                ._render_qweb_html(report, ids)[0]
            )
            rows = {
                cells[1]: cells for cells in table_rows(html) if len(cells) > column
            }
            for unit, level in granted.items():
                if level in words:
                    self.assertEqual(
                        rows[unit][column], words[level], f"{report}: {unit}"
                    )
