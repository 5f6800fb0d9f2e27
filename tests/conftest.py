"""pytest configuration: the tests need a real Odoo database (see Makefile).

No test ever skips: 'make test' provides every tool the tests use (Chromium,
poppler, websocket-client, Odoo's HTTP server, the demo data), so a test that
lacks one fails and names it. Skips raised by others (pytest-odoo for an
HttpCase without --odoo-http, Odoo's browser code when Chrome cannot start)
are reported as failures with their reason.
"""

import pytest

from odoo.tests import HttpCase


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--odoo-database", default=None):
        raise pytest.UsageError(
            "These tests run against a real Odoo database: use 'make test' "
            "(or pass --odoo-database and --odoo-config)."
        )


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    # before pytest-odoo, which would skip it
    if isinstance(getattr(item, "instance", None), HttpCase) and not (
        item.config.getoption("--odoo-http", default=False)
    ):
        pytest.fail(
            f"{item.name} is an HttpCase: it needs Odoo's HTTP server, run pytest "
            "with --odoo-http as 'make test' does.",
            pytrace=False,
        )


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) else str(longrepr)
        report.outcome = "failed"
        report.longrepr = (
            f"{item.nodeid} would have been skipped, which this suite never "
            f"allows: {reason}"
        )
