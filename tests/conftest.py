"""pytest configuration: the tests need a real Odoo database (see Makefile)."""

import pytest


def pytest_collection_modifyitems(config, items):
    if not config.getoption("--odoo-database", default=None):
        raise pytest.UsageError(
            "These tests run against a real Odoo database: use 'make test' "
            "(or pass --odoo-database and --odoo-config)."
        )
