"""Shared fixtures of the learning_unit tests (real Odoo, real PostgreSQL)."""

import itertools

from odoo.service import server
from odoo.tests import HttpCase, TransactionCase, new_test_user

from . import system_tools

ALL_CODES = [
    "1a", "1b", "1c", "2a", "2b", "2c", "2d",
    "3a1", "3a2", "3a3", "3a4", "3a5", "3a6", "3a7", "3a8",
    "3b", "3c",
]  # fmt: skip

# the time zone of the users (Vietnam), as the demo's users have it
TZ = "Asia/Ho_Chi_Minh"

EVIDENCE = ("plan_approved", "discipline_ok", "training_done", "advanced_worker")
# the eight competencies of criterion 3a
COMPETENCIES = tuple(f"competency_3a{i}" for i in range(1, 9))

# the demo district's external ids (learning_unit_demo)
DEMO = "learning_unit_demo.demo_"

# Citizen IDs (CCCD, 12 digits) of the employees the tests create: unique, and
# apart from the demo's (which start with the province code 080).
_CCCD = itertools.count(1)


def next_cccd():
    return f"001{next(_CCCD):09d}"


class LearningUnitTestMixin:
    """Odoo's test metaclass only tags classes living under odoo.addons.*."""

    test_module = "learning_unit"
    test_tags = {"standard", "at_install", "learning_unit"}
    test_sequence = 0

    @classmethod
    def setUpClass(cls):
        cls.test_class = cls.__name__
        super().setUpClass()
        # everybody works in Vietnam's time: "today" is the same day for the
        # test itself (the superuser), its users and the demo's users, also
        # between 17:00 and 24:00 UTC
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True, tz=TZ))
        cls.template = cls.env.ref("learning_unit.template_tt22")
        cls.company = cls.env.company
        cls.period = cls.make_period(2040)

    # -- builders ---------------------------------------------------------
    @classmethod
    def make_period(cls, year, template=None, **values):
        """A period of ``year`` under Thông tư 22 (the points regime) by default.

        Most tests score the 100-point table; years from 2024 would otherwise
        take Thông tư 24 (levels), the law since then.
        """
        return cls.env["learning.unit.period"].create(
            dict(values, year=year, template_id=(template or cls.template).id)
        )

    @classmethod
    def make_body(cls, place, department, **values):
        """The People's Committee of the district ``place``, issuing for the
        units under ``department``; ``values`` add to or override it."""
        return cls.env["learning.unit.body"].create(
            {
                "name": f"Ủy ban nhân dân huyện {place}",
                "short_name": "UBND",
                "kind": "district",
                "place": place,
                "department_id": department.id,
                **values,
            }
        )

    @classmethod
    def make_unit(cls, name, size, parent=None, company=None):
        """An hr.department with ``size`` active employees."""
        company = company or cls.company
        department = (
            cls.env["hr.department"]
            .with_company(company)
            .create(
                {
                    "name": name,
                    "parent_id": parent.id if parent else False,
                    "company_id": company.id,
                }
            )
        )
        cls.env["hr.employee"].with_company(company).create(
            [
                {
                    "name": f"{name} NV{i:03d}",
                    "department_id": department.id,
                    "company_id": company.id,
                    "identification_id": next_cccd(),
                }
                for i in range(size)
            ]
        )
        return department

    @classmethod
    def make_assessment(cls, department, period=None, load=True):
        assessment = cls.env["learning.unit.assessment"].create(
            {
                "period_id": (period or cls.period).id,
                "department_id": department.id,
            }
        )
        if load:
            assessment.with_context(learning_unit_silent=True).action_load_members()
        return assessment

    @staticmethod
    def line(assessment, code):
        line = assessment.line_ids.filtered(lambda rec: rec.criterion_code == code)
        assert len(line) == 1, code
        return line

    @classmethod
    def give_full_evidence(cls, members):
        members.write(dict.fromkeys(EVIDENCE + COMPETENCIES, True))

    @classmethod
    def provide_dossier(cls, assessment):
        items = cls.env["learning.unit.dossier.item"].search(
            [("assessment_id", "in", assessment.ids)]
        )
        items.write({"paper_copy": True})

    @classmethod
    def make_full_score(cls, assessment):
        """Every criterion at its maximum: 100 points."""
        cls.give_full_evidence(assessment.member_ids)
        for code in ("1a", "1b", "3b"):
            cls.line(assessment, code).achieved = True
        cls.line(assessment, "1c").missing_count = 0  # declared: nothing missing
        cls.line(assessment, "3c").count_value = 5

    @classmethod
    def make_user(
        cls, login, groups, department=None, review=None, company=None, lang="en_US"
    ):
        """A user with learning unit roles; with ``department`` also an employee.

        The test database speaks Vietnamese by default; users get ``lang``.
        """
        company = company or cls.company
        user = new_test_user(
            cls.env,
            login=login,
            groups="base.group_user," + groups,
            company_id=company.id,
            company_ids=[(6, 0, [company.id])],
            lang=lang,
            tz=TZ,
        )
        if department:
            cls.env["hr.employee"].with_company(company).create(
                {
                    "name": login,
                    "user_id": user.id,
                    "department_id": department.id,
                    "company_id": company.id,
                    "identification_id": next_cccd(),
                }
            )
        if review:
            user.lu_review_department_ids = [(6, 0, review.ids)]
        return user

    @classmethod
    def demo(cls, name):
        """``learning_unit_demo.demo_<name>``; without the demo district, a
        failure that says so (never a skip)."""
        record = cls.env.ref(DEMO + name, raise_if_not_found=False)
        if not record:
            raise AssertionError(
                f"The database has no demo district ({DEMO}{name}): install "
                "learning_unit_demo, as 'make test' does."
            )
        return record


class LearningUnitCase(LearningUnitTestMixin, TransactionCase):
    pass


class LearningUnitHttpCase(LearningUnitTestMixin, HttpCase):
    pass


class LearningUnitDemoCase(LearningUnitCase):
    """A test of the demo district: learning_unit_demo's (``--test-tags
    /learning_unit_demo``)."""

    test_module = "learning_unit_demo"
    test_tags = {"standard", "at_install", "learning_unit_demo"}


class LearningUnitTourCase(LearningUnitHttpCase):
    """A tour in headless Chromium: without the browser, websocket-client,
    Odoo's HTTP server or the demo record the tour plays (``tour_demo``, a
    name of learning_unit_demo's), a failure that says so (never a skip)."""

    tour_demo = None

    def assertCanRunTour(self):
        system_tools.chromium()
        system_tools.python_module("websocket", "websocket-client")
        self.assertTrue(
            getattr(server, "server", None),
            "No Odoo HTTP server in this test run: run pytest with --odoo-http, "
            "as 'make test' does.",
        )
        if self.tour_demo:
            self.assertTrue(
                self.env.ref(DEMO + self.tour_demo, raise_if_not_found=False),
                f"The database has no demo district ({DEMO}{self.tour_demo}): "
                "'make test' installs learning_unit_demo.",
            )
