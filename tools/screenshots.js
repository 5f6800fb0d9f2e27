// Screenshots of the main screens for the README, in Vietnamese.
//
//   make run                             # in another terminal
//   npm install --no-save playwright-core
//   node tools/screenshots.js            # writes docs/screenshots/*.png
//
// Uses Debian's Chromium (/usr/bin/chromium) and the demo logins.
const { chromium } = require("playwright-core");

const BASE = process.env.ODOO_URL || "http://localhost:8069";
const OUT = `${__dirname}/../docs/screenshots`;
const ASSESSMENTS = `${BASE}/odoo/action-learning_unit.action_learning_unit_assessment`;

async function session(browser, login) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${BASE}/web/login`);
    await page.fill("input[name=login]", login);
    await page.fill("input[name=password]", login);
    await page.click("button[type=submit]");
    await page.waitForURL(/\/odoo/);
    return page;
}

async function settle(page) {
    // Odoo keeps a websocket open: wait for the view instead of network idle
    await page.waitForSelector(".o_action_manager .o_view_controller");
    await page.waitForTimeout(1500);
}

(async () => {
    const browser = await chromium.launch({
        executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
        args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    // the reviewer: every unit of the district
    let page = await session(browser, "thamdinh");
    await page.goto(ASSESSMENTS);
    await settle(page);
    await page.screenshot({ path: `${OUT}/assessment_kanban.png` });
    await page.click(".o_switch_view.o_list");
    await settle(page);
    await page.screenshot({ path: `${OUT}/assessment_list.png` });
    await page.goto(`${BASE}/odoo/action-learning_unit.action_learning_unit_period`);
    await settle(page);
    await page.click(".o_data_row:first-child td.o_data_cell");
    await settle(page);
    await page.screenshot({ path: `${OUT}/period_form.png` });
    await page.close();
    // the unit officer: the school's draft assessment
    page = await session(browser, "donvi");
    await page.goto(ASSESSMENTS);
    await settle(page);
    await page.click(".o_kanban_record:has-text('Nhị Thành')");
    await settle(page);
    await page.screenshot({ path: `${OUT}/assessment_form.png`, fullPage: true });
    await page.click(".o_notebook .nav-link[name=members]");
    await settle(page);
    await page.screenshot({ path: `${OUT}/assessment_members.png` });
    await browser.close();
})();
