"""Screenshots of the Thông tư 24 round for the README: the member's own year
(her certificates, on a phone and on a desktop) and the reviewer's levels
summary of the 2026 period (its PDF's first page, through pdftoppm).

Drives Debian's Chromium as tools/screenshots_evidence.py does, against an
Odoo server at ODOO_URL serving the demo database (make run):

    ODOO_URL=http://localhost:8069 python tools/screenshots_tt24.py docs
"""

import base64
import json
import subprocess
import sys
import tempfile

from screenshots_evidence import Browser

MY_RECORD = "/odoo/action-learning_unit.action_learning_unit_my_record"


def summary_pdf(browser, year):
    """The levels summary of the period of ``year``, as the reviewer prints it."""
    return browser.js(
        """(async () => {
            const call = async (model, method, args, kwargs) => {
                const r = await fetch(`/web/dataset/call_kw/${model}/${method}`, {
                    method: "POST",
                    headers: {"Content-Type": "application/json"},
                    body: JSON.stringify({jsonrpc: "2.0", method: "call",
                        params: {model, method, args, kwargs: kwargs || {}}}),
                });
                return (await r.json()).result;
            };
            const ids = await call("learning.unit.period", "search",
                [[["year", "=", %d]]], {limit: 1});
            const r = await fetch(
                `/report/pdf/learning_unit.report_district_summary_period/${ids[0]}`);
            const bytes = new Uint8Array(await r.arrayBuffer());
            let text = "";
            for (const b of bytes) text += String.fromCharCode(b);
            return btoa(text);
        })()"""
        % year
    )


def main(out):
    browser = Browser()
    try:
        # the member: her own year, on a phone (cards) and on a desktop (list)
        browser.login("thanhvien")
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            width=390,
            height=844,
            deviceScaleFactor=2,
            mobile=True,
        )
        browser.goto(MY_RECORD)
        browser.wait(".o_kanban_view .o_kanban_record")
        browser.shot(f"{out}/screenshots/member_tt24_phone.png")
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            width=1440,
            height=900,
            deviceScaleFactor=1,
            mobile=False,
        )
        browser.goto(MY_RECORD)
        browser.wait(".o_view_controller .o_data_row, .o_kanban_record")
        browser.shot(f"{out}/screenshots/member_tt24_record.png")
        # the reviewer: the levels summary of this year's round
        browser.login("thamdinh")
        data = summary_pdf(browser, 2026)
        with tempfile.NamedTemporaryFile(suffix=".pdf") as pdf:
            pdf.write(base64.b64decode(data))
            pdf.flush()
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "80",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    pdf.name,
                    f"{out}/reports/district_summary_levels",
                ],
                check=True,
            )
        print("wrote", json.dumps(f"{out}/reports/district_summary_levels-1.png"))
    finally:
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs")
