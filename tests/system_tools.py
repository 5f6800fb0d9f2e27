"""What the tests need from the machine (not a test module itself).

``make test`` provides all of it: Debian packages through
``tools/system-deps.sh``, Python packages in the virtualenv, Odoo's HTTP server
through ``--odoo-http``. A test that lacks one of them fails and names it: it
never skips (see conftest.py).
"""

import contextlib
import importlib.util
import shutil
from unittest.mock import patch

MAKE = "'make test' installs it (tools/system-deps.sh, as root) or names the command"


def executable(names, package):
    """The path of the first of ``names`` in PATH, else the test fails."""
    for name in names:
        path = shutil.which(name)
        if path:
            return path
    raise AssertionError(
        f"{' / '.join(names)} not found in PATH: this test needs Debian's "
        f"{package!r} package; {MAKE}."
    )


def python_module(module, distribution):
    """Fails unless the Python module ``module`` can be imported."""
    if importlib.util.find_spec(module) is None:
        raise AssertionError(
            f"The Python module {module!r} is missing: this test needs the "
            f"package {distribution} (requirements-dev.txt), which 'make test' "
            "installs in its virtualenv."
        )


def chromium():
    # the executables Odoo's browser tests look for on Linux
    return executable(
        ("google-chrome", "chromium", "chromium-browser", "google-chrome-stable"),
        "chromium",
    )


def pdftotext():
    return executable(("pdftotext",), "poppler-utils")


@contextlib.contextmanager
def printed_reports(env):
    """Yield the list of the PDF reports rendered meanwhile, by any request.

    Each entry is ``(report name, record ids)``: the browser's Print menu goes
    through ``/report/download`` to ``_render_qweb_pdf`` in this process.
    """
    printed = []
    Report = type(env["ir.actions.report"])
    original = Report._render_qweb_pdf

    def spy(self, report_ref, res_ids=None, data=None):
        report = self._get_report(report_ref)
        printed.append((report.report_name, tuple(res_ids or ())))
        return original(self, report_ref, res_ids=res_ids, data=data)

    with patch.object(Report, "_render_qweb_pdf", spy):
        yield printed
