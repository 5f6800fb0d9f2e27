"""Screenshots of issue 11 for the README: the member's learning record and
plan, the officer's exception list and a member's sources, the head's plans to
approve.

Drives Debian's Chromium over the DevTools protocol (websocket-client, as the
tests do) against an Odoo server at ODOO_URL (default http://localhost:8176)
serving a database filled by tools/evidence_screens_data.py:

    python tools/screenshots_evidence.py docs/screenshots
"""

import base64
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket

BASE = os.environ.get("ODOO_URL", "http://localhost:8176")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
PORT = 9276


class Browser:
    def __init__(self):
        self.process = subprocess.Popen(
            [
                CHROMIUM,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                f"--remote-debugging-port={PORT}",
                f"--user-data-dir={tempfile.mkdtemp()}",
                "--window-size=1440,900",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(50):
            try:
                pages = json.load(
                    urllib.request.urlopen(f"http://127.0.0.1:{PORT}/json")
                )
                break
            except OSError:
                time.sleep(0.2)
        page = next(p for p in pages if p["type"] == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self.ids = iter(range(1, 10**9))
        for domain in ("Page", "Network", "Runtime"):
            self.call(f"{domain}.enable")
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=1440,
            height=900,
            deviceScaleFactor=1,
            mobile=False,
        )

    def call(self, method, **params):
        call_id = next(self.ids)
        self.ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == call_id:
                return message.get("result", {})

    def js(self, expression):
        result = self.call(
            "Runtime.evaluate",
            expression=expression,
            awaitPromise=True,
            returnByValue=True,
        )
        return result.get("result", {}).get("value")

    def wait(self, selector, timeout=20):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.js(f"!!document.querySelector({json.dumps(selector)})"):
                return
            time.sleep(0.3)
        raise RuntimeError(f"Nothing matches {selector}")

    def goto(self, path):
        self.call("Page.navigate", url=BASE + path)
        time.sleep(1)

    def click_row(self, text, cell="td.o_data_cell"):
        self.js(
            "[...document.querySelectorAll('.o_list_view .o_data_row')]"
            f".find(r => r.textContent.includes({json.dumps(text)}))"
            f".querySelector({json.dumps(cell)}).click()"
        )

    def login(self, login):
        self.call("Network.clearBrowserCookies")
        self.goto("/web/login")
        self.wait("input[name=login]")
        self.js(
            f"document.querySelector('input[name=login]').value = {json.dumps(login)};"
            f"document.querySelector('input[name=password]').value = "
            f"{json.dumps(login)};"
            "document.querySelector('form').submit();"
        )
        time.sleep(2)
        self.wait(".o_main_navbar")

    def shot(self, path):
        time.sleep(1.5)
        data = self.call("Page.captureScreenshot", format="png")["data"]
        with open(path, "wb") as output:
            output.write(base64.b64decode(data))
        print("wrote", path)

    def close(self):
        self.process.terminate()


def main(out):
    browser = Browser()
    try:
        # the member: her learning record, and her returned plan
        browser.login("giaovien")
        browser.goto("/odoo/action-learning_unit.action_learning_unit_my_record")
        browser.wait(".o_list_view .o_data_row")
        browser.shot(f"{out}/member_learning_record.png")
        browser.click_row("Kế hoạch", "td[name=name]")
        browser.wait(".o_form_view .o_field_widget[name=learn_what]")
        browser.shot(f"{out}/member_plan_form.png")
        # the officer: what is missing, by what it is; the plan and a document open
        browser.login("canbo")
        browser.goto("/odoo/action-learning_unit.action_learning_unit_evidence_gap")
        browser.wait(".o_list_view .o_group_header")
        browser.js(
            "[...document.querySelectorAll('.o_group_header')]"
            ".filter(h => /Kế hoạch tự học|Bản đăng ký/.test(h.textContent))"
            ".forEach(h => h.click())"
        )
        browser.shot(f"{out}/officer_missing_evidence.png")
        # the officer: a member's evidence and where each kind came from
        browser.goto("/odoo/action-learning_unit.action_learning_unit_member")
        browser.wait(".o_list_view .o_group_header")
        browser.js("document.querySelector('.o_list_view .o_group_header').click()")
        browser.wait(".o_list_view .o_data_row")
        browser.click_row("Bùi Thị Ngọc")
        browser.wait(
            ".o_form_view .o_field_widget[name=evidence_source_ids] .o_data_row"
        )
        browser.js(
            "document.querySelector('.o_form_view .o_field_widget"
            "[name=dossier_item_ids]').scrollIntoView({block: 'start'})"
        )
        browser.shot(f"{out}/officer_member_sources.png")
        # the head: the plans to approve, all selected
        browser.login("hieutruong")
        browser.goto("/odoo/action-learning_unit.action_learning_unit_plans_to_approve")
        browser.wait(".o_list_view .o_data_row")
        browser.js(
            "document.querySelector('.o_list_view thead .o_list_record_selector "
            "input').click()"
        )
        browser.shot(f"{out}/head_plans_to_approve.png")
    finally:
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
