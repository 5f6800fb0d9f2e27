/** @odoo-module **/
/**
 * The unit officer's round (demo data, user "donvi" of Trường THCS Nhị Thành):
 * open the unit's draft assessment of the open period, load the members (two
 * teachers joined after the last load: the total and the rank drop), tick
 * their evidence in the members tab and save (the total and the rank come
 * back), and print Phụ lục 2 when the report exists.
 *
 * Started by tests/test_tour.py. Selectors use field, button and page names,
 * not labels: the user works in Vietnamese and the views may be polished.
 * The Python test sets the cookie "lu_tour_print" to the report's name when
 * the Phụ lục 2 report is installed.
 */

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const UNIT = "Trường THCS Nhị Thành";
const NEWCOMERS = ["Võ Thị Kim Ngân", "Đặng Minh Khoa"];
const EVIDENCE = [
    "plan_approved",
    "discipline_ok",
    "training_done",
    "advanced_worker",
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `competency_3a${i}`),
];
const FORM = ".o_form_view";
const MEMBERS = `${FORM} .o_field_widget[name=member_ids]`;

/** What the form shows as the self total (a number) and the self rank. */
function readScore() {
    const total = document.querySelector(`${FORM} .o_field_widget[name=self_total]`);
    const rank = document.querySelector(`${FORM} .o_field_widget[name=self_rank]`);
    if (!total || !rank) {
        throw new Error("The form shows no self_total or self_rank field.");
    }
    // "73,50" or "73.50" or "1.073,50": keep the digits and the last separator
    const text = total.textContent.trim() || total.querySelector("input")?.value || "";
    const normalised = text.replace(/[.,](?=\d{3}\b)/g, "").replace(",", ".");
    return { total: parseFloat(normalised), rank: rank.textContent.trim() };
}

const seen = {};

/** Wait (up to 10 s) until the score satisfies ``check(score)``. */
async function waitForScore(check, message) {
    const deadline = Date.now() + 10000;
    let score = readScore();
    while (!check(score)) {
        if (Date.now() > deadline) {
            const state = JSON.stringify({ seen, now: score });
            throw new Error(`${message}: ${state}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
        score = readScore();
    }
    return score;
}

function printReportName() {
    const cookie = document.cookie
        .split("; ")
        .find((part) => part.startsWith("lu_tour_print="));
    return cookie ? decodeURIComponent(cookie.split("=").slice(1).join("=")) : "";
}

function tickEvidenceSteps(name) {
    const row = `${MEMBERS} .o_data_row:contains("${name}")`;
    return EVIDENCE.map((field) => ({
        content: `Tick ${field} of ${name}`,
        trigger: `${row} td[name=${field}] input[type=checkbox]:not(:checked)`,
        run: "click",
    }));
}

function printSteps() {
    const report = printReportName();
    if (!report) {
        return [];
    }
    return [
        {
            content: "Open the actions (cog) menu",
            trigger: `.o_control_panel .o_cp_action_menus button:has(.fa-cog)`,
            run: "click",
        },
        {
            content: "Open the Print sub-menu when there are several reports",
            trigger: `.o-dropdown--menu`,
            async run(helpers) {
                const items = [...document.querySelectorAll(".o-dropdown--menu .o_menu_item")];
                if (!items.some((item) => item.textContent.includes(report))) {
                    const printMenu = document.querySelector(
                        [
                            ".o-dropdown--menu button:has(.fa-print)",
                            ".o-dropdown--menu .dropdown-toggle:has(.fa-print)",
                        ].join(", ")
                    );
                    if (!printMenu) {
                        throw new Error(`No Print menu offering "${report}".`);
                    }
                    await helpers.click(printMenu);
                }
            },
        },
        {
            content: `Print ${report}`,
            trigger: `.o-dropdown--menu .o_menu_item:contains("${report}")`,
            run: "click",
        },
        {
            content: "The report was sent (the UI is unblocked again)",
            trigger: `${FORM} .o_field_widget[name=self_total]`,
        },
    ];
}

registry.category("web_tour.tours").add("learning_unit_officer_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Learning Units app",
            trigger: `.o_app[data-menu-xmlid="learning_unit.menu_root"]`,
            run: "click",
        },
        {
            content: "Open the assessments",
            trigger: `.o_main_navbar [data-menu-xmlid="learning_unit.menu_assessment"]`,
            run: "click",
        },
        {
            content: "Open the unit's assessment of the open period",
            trigger: [
                `.o_kanban_record:contains("${UNIT}")`,
                `.o_data_row:contains("${UNIT}") td.o_data_cell`,
            ].join(", "),
            run: "click",
        },
        {
            content: "The form of the unit's draft assessment",
            trigger: `${FORM} .o_field_widget[name=department_id]:contains("${UNIT}")`,
            run() {
                seen.before = readScore();
            },
        },
        {
            content: "Open the members tab",
            trigger: `${FORM} .o_notebook .nav-link[name=members]`,
            run: "click",
        },
        {
            content: "Load the members from HR",
            trigger: `${FORM} button[name=action_load_members]`,
            run: "click",
        },
        {
            content: "The two new teachers are members now",
            trigger: `${MEMBERS} .o_data_row:contains("${NEWCOMERS[1]}")`,
        },
        {
            content: "Without their evidence the total and the rank drop",
            trigger: `${FORM} .o_field_widget[name=self_total]`,
            async run() {
                seen.loaded = await waitForScore(
                    (score) =>
                        score.total < seen.before.total && score.rank !== seen.before.rank,
                    "Loading members without evidence should lower the total and the rank"
                );
            },
        },
        ...NEWCOMERS.flatMap(tickEvidenceSteps),
        ...stepUtils.saveForm(),
        {
            content: "With their evidence the total and the rank come back",
            trigger: `${FORM} .o_field_widget[name=self_total]`,
            async run() {
                seen.saved = await waitForScore(
                    (score) =>
                        score.total > seen.loaded.total && score.rank !== seen.loaded.rank,
                    "Ticking the evidence should raise the total and the rank"
                );
            },
        },
        ...printSteps(),
    ],
});
