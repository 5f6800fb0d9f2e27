"""The traceback guard of the attack suites (conftest.py) is not vacuous.

The guard makes every test of ``tests/test_attack_*.py`` fail on a traceback in
the server's log. Here a request handler really logs one (a JSON-RPC call that
crashes inside the ORM, through Odoo's HTTP server in this process) and the
guard must have caught it, with its logger and exception; the test then takes
the records away, so that it passes only if they were there.
"""

import json
import logging
from pathlib import Path

import pytest

from .common import LearningUnitHttpCase
from .conftest import GUARDED_PREFIX, TracebackCollector, is_guarded

pytestmark = pytest.mark.traceback_guard

TESTS = Path(__file__).parent


class TestTracebackGuard(LearningUnitHttpCase):
    @pytest.fixture(autouse=True)
    def _guard(self, server_log_guard):
        self.guard = server_log_guard

    def test_every_attack_suite_is_guarded(self):
        suites = sorted(TESTS.glob(f"{GUARDED_PREFIX}*.py"))
        self.assertTrue(suites, "no attack suite found")
        self.assertEqual([path.name for path in suites if not is_guarded(path)], [])
        # and only them (the other suites may log what they test)
        self.assertFalse(is_guarded(TESTS / "test_workflow.py"))

    def test_guard_catches_a_traceback_logged_by_a_request_handler(self):
        self.assertIsInstance(self.guard, TracebackCollector)
        self.assertEqual(self.guard.records, [], "nothing logged before the call")
        self.authenticate("admin", "admin")
        # read() has no such argument: a TypeError in the handler, which Odoo's
        # HTTP layer logs with its traceback ("Exception during request handling.")
        response = self.url_open(
            "/web/dataset/call_kw/res.partner/read",
            data=json.dumps(
                {
                    "jsonrpc": "2.0",
                    "method": "call",
                    "id": 1,
                    "params": {
                        "model": "res.partner",
                        "method": "read",
                        "args": [[self.env.user.partner_id.id]],
                        "kwargs": {"no_such_argument": 1},
                    },
                }
            ),
            headers={"Content-Type": "application/json"},
        )
        self.assertEqual(response.json()["error"]["data"]["name"], "builtins.TypeError")
        caught = self.guard.take()  # taken away: the guard will not fail this test
        self.assertTrue(caught, "the guard caught nothing")
        [record] = [r for r in caught if r.name == "odoo.http"]
        self.assertIs(record.exc_info[0], TypeError)
        self.assertIn("no_such_argument", str(record.exc_info[1]))
        report = TracebackCollector.report(caught)
        self.assertIn("Exception during request handling.", report)

    def test_guard_catches_an_error_carrying_a_formatted_traceback(self):
        logger = logging.getLogger("odoo.addons.learning_unit")
        logger.error("Traceback (most recent call last):\n  ...\nValueError: boom")
        logger.warning("a plain warning is no traceback")
        caught = self.guard.take()
        self.assertEqual([r.levelname for r in caught], ["ERROR"])
