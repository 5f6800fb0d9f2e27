"""pytest configuration: the tests need a real Odoo database (see Makefile).

No test ever skips: 'make test' provides every tool the tests use (Chromium,
poppler, websocket-client, Odoo's HTTP server, the demo data), so a test that
lacks one fails and names it. Skips raised by others (pytest-odoo for an
HttpCase without --odoo-http, Odoo's browser code when Chrome cannot start)
are reported as failures with their reason.

The attack suites (``tests/test_attack_*.py``, and any module marked
``traceback_guard``) also fail on any traceback in the server's log: an attack
must be refused with a clear message, never by a crash that a request handler
logs. The guard listens to the whole in-process logging, which includes the
HTTP server threads that serve the suites' JSON-RPC/XML-RPC calls
(``--odoo-http``).
"""

import logging

import pytest

from odoo.tests import HttpCase

GUARDED_PREFIX = "test_attack_"
GUARD_MARKER = "traceback_guard"


class TracebackCollector(logging.Handler):
    """Keeps the log records that carry a traceback.

    A record carries one when it has exception information (``exc_info``:
    ``_logger.exception``, ``exc_info=True``, Odoo's "Exception during request
    handling.") or when, at level ERROR or above, its text holds a formatted
    traceback.
    """

    def __init__(self):
        super().__init__(logging.NOTSET)
        self.records = []

    def emit(self, record):
        if (record.exc_info and record.exc_info[0]) or record.exc_text:
            self.records.append(record)
        elif record.levelno >= logging.ERROR and "Traceback" in _message(record):
            self.records.append(record)

    def take(self):
        """The records caught since the last call (and forget them)."""
        records, self.records = self.records, []
        return records

    @staticmethod
    def report(records):
        formatter = logging.Formatter("%(levelname)s %(name)s: %(message)s")
        parts = [
            f"{len(records)} traceback(s) in the server's log (an attack must be "
            "refused with a clear message, never by a crash):"
        ]
        parts += [formatter.format(record) for record in records]
        return "\n".join(parts)


def _message(record):
    try:
        return record.getMessage()
    except Exception:  # a broken format string is still a message
        return str(record.msg)


def is_guarded(path, node=None):
    """Whether the tests of the module at ``path`` run under the guard."""
    if node is not None and node.get_closest_marker(GUARD_MARKER):
        return True
    return path.name.startswith(GUARDED_PREFIX) and path.suffix == ".py"


_COLLECTOR = pytest.StashKey()


class _OpenedLogging(logging.Filter):
    """Loggers set above WARNING opened down to WARNING, for the collector only.

    pytest-odoo runs Odoo with ``--log-level=critical`` (the ``odoo`` and
    ``werkzeug`` loggers at CRITICAL): a request handler's "Exception during
    request handling." would not even reach a handler. The handlers that were
    there (Odoo's stderr output, pytest's) filter out what their logger's
    former level hid, so their output stays what it was.
    """

    def __init__(self):
        super().__init__()
        manager = logging.Logger.manager
        loggers = [logging.getLogger()] + [
            logger
            for logger in list(manager.loggerDict.values())
            if isinstance(logger, logging.Logger)
        ]
        self.former = {
            logger.name: logger.level
            for logger in loggers
            if logger.level > logging.WARNING
        }
        self.handlers = list(logging.getLogger().handlers)

    def former_level(self, name):
        while True:
            if name in self.former:
                return self.former[name]
            logger = logging.Logger.manager.loggerDict.get(name)
            if isinstance(logger, logging.Logger) and logger.level:
                return logger.level
            if not name or name == "root":
                return logging.getLogger().level
            name = name.rpartition(".")[0] or "root"

    def filter(self, record):
        return record.levelno >= self.former_level(record.name)

    def __enter__(self):
        for handler in self.handlers:
            handler.addFilter(self)
        for name in self.former:
            logging.getLogger(None if name == "root" else name).setLevel(
                logging.WARNING
            )
        return self

    def __exit__(self, *exc):
        for name, level in self.former.items():
            logging.getLogger(None if name == "root" else name).setLevel(level)
        for handler in self.handlers:
            handler.removeFilter(self)


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        f"{GUARD_MARKER}: fail each test on a traceback in the server's log "
        f"(automatic for the modules named {GUARDED_PREFIX}*.py)",
    )


@pytest.fixture(scope="module", autouse=True)
def server_log_guard(request):
    """In the attack suites, collect the tracebacks logged meanwhile.

    Installed for the whole module (so that what a class's set-up logs is seen
    too); each test fails on what was logged since the previous one
    (``pytest_runtest_call`` below). Loggers are opened down to WARNING for
    the collector only (see ``_OpenedLogging``).
    """
    if not is_guarded(request.node.path, request.node):
        yield None
        return
    collector = TracebackCollector()
    root = logging.getLogger()
    with _OpenedLogging():
        root.addHandler(collector)
        request.node.stash[_COLLECTOR] = collector
        try:
            yield collector
        finally:
            root.removeHandler(collector)
            del request.node.stash[_COLLECTOR]
    # logged after the last test (a class's tear-down): an error of the module
    leftover = collector.take()
    if leftover:
        pytest.fail(TracebackCollector.report(leftover), pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """A guarded test fails on the tracebacks logged while it ran."""
    module = item.getparent(pytest.Module)
    collector = module.stash.get(_COLLECTOR, None) if module else None
    if collector is None:
        return (yield)
    try:
        result = yield
    except BaseException:
        records = collector.take()
        if records:
            item.add_report_section(
                "call", "tracebacks", TracebackCollector.report(records)
            )
        raise
    records = collector.take()
    if records:
        item.add_report_section(
            "call", "tracebacks", TracebackCollector.report(records)
        )
        # a unittest test that failed keeps its own failure (and the section)
        if not getattr(item, "_excinfo", None):
            pytest.fail(TracebackCollector.report(records), pytrace=False)
    return result


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
