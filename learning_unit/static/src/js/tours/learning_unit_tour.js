/** @odoo-module **/
/**
 * The unit officer's round under Thông tư 24 (demo data, user "donvi" of
 * Trường THCS Nhị Thành, evaluation year of the open period):
 *
 * open the unit's draft assessment (its own result: level 2), load the members
 * (two teachers joined after the last load: 33 of 35 is under the 95 % bar,
 * the result drops to level 1 and says which indicators), record the two
 * newcomers' evidence in their member form (a member never records their own)
 * and come back (level 2 again), print the self-assessment report, mark its signed
 * paper copy in the dossier, and submit: the status bar shows "Đã nộp".
 *
 * Started by tests/test_tour.py, which checks the database afterwards.
 * Selectors use field, button and page names; the texts asserted are the ones
 * the user reads in Vietnamese. The Python test sets the cookie
 * "lu_tour_print" to the name of the report to print.
 */

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const UNIT = "Trường THCS Nhị Thành";
const NEWCOMERS = ["Võ Thị Kim Ngân", "Đặng Minh Khoa"];
// the member form's evidence: the kinds the rules count, as toggles
const TOGGLE = ".o_field_boolean_toggle input[type=checkbox]";
const LEVEL_1 = "Mức độ 1";
const LEVEL_2 = "Mức độ 2";
const FORM = ".o_action_manager .o_form_view";
const MEMBERS = `${FORM} .o_field_widget[name=member_ids]`;
const DOSSIER = `${FORM} .o_field_widget[name=dossier_item_ids]`;

function printReportName() {
    const cookie = document.cookie
        .split("; ")
        .find((part) => part.startsWith("lu_tour_print="));
    return cookie ? decodeURIComponent(cookie.split("=").slice(1).join("=")) : "";
}

function levelIs(label) {
    return {
        content: `The unit's own result reads "${label}"`,
        trigger: `${FORM} .o_field_widget[name=self_level]:contains("${label}")`,
    };
}

function recordEvidenceSteps(name) {
    const row = `${MEMBERS} .o_data_row:contains("${name}")`;
    return [
        {
            content: "Open the members tab",
            trigger: `${FORM} .o_notebook .nav-link[name=members]`,
            run: "click",
        },
        {
            content: `Open the member form of ${name}`,
            trigger: `${row} td.o_list_record_open_form_view button`,
            run: "click",
        },
        {
            content: `The form of ${name} says what is missing`,
            trigger: `${FORM} .o_field_widget[name=missing_evidence]:contains("Công dân học tập")`,
        },
        {
            content: `Record every missing evidence of ${name}`,
            trigger: `${FORM} ${TOGGLE}:not(:checked)`,
            async run(helpers) {
                for (const input of document.querySelectorAll(`${FORM} ${TOGGLE}:not(:checked)`)) {
                    await helpers.click(input);
                }
            },
        },
        {
            content: `Nothing of ${name} is left unticked`,
            trigger: `${FORM}:not(:has(${TOGGLE}:not(:checked)))`,
        },
        ...stepUtils.saveForm(),
        {
            content: `The evidence of ${name} is complete`,
            trigger: `${FORM} .o_field_widget[name=evidence_complete] input:checked`,
        },
        {
            content: "Back to the assessment",
            trigger: `.o_breadcrumb .breadcrumb-item:contains("${UNIT}") a`,
            run: "click",
        },
        {
            content: "The assessment form again",
            trigger: `${FORM} .o_field_widget[name=department_id]:contains("${UNIT}")`,
        },
    ];
}

/**
 * Print ``report`` from the Print menu of the form or list shown (the cog
 * menu), then wait for ``ready`` (the view is usable again). Also used by
 * the reviewer's tours.
 */
export function printSteps(report, ready) {
    if (!report) {
        throw new Error("The test names no report to print (cookie lu_tour_print).");
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
            content: "The report is downloaded: the screen blocks, then frees again",
            trigger: ready,
            async run() {
                const blocked = () => document.querySelector(".o_blockUI");
                const pause = () => new Promise((resolve) => setTimeout(resolve, 50));
                const start = Date.now();
                while (!blocked() && Date.now() - start < 5000) {
                    await pause();
                }
                while (blocked()) {
                    if (Date.now() - start > 60000) {
                        throw new Error(`Printing "${report}" never ended.`);
                    }
                    await pause();
                }
            },
        },
        {
            content: "The same screen is back after the download",
            trigger: `body:not(:has(.o_blockUI)) ${ready}`,
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
        },
        levelIs(LEVEL_2),
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
        levelIs(LEVEL_1),
        {
            content: "The result says which indicators stop level 2",
            trigger: `${FORM} .o_field_widget[name=result_note]:contains("3.1")`,
        },
        ...NEWCOMERS.flatMap(recordEvidenceSteps),
        levelIs(LEVEL_2),
        ...printSteps(printReportName(), `${FORM} .o_field_widget[name=self_level]`),
        {
            content: "Open the evidence dossier",
            trigger: `${FORM} .o_notebook .nav-link[name=dossier]`,
            run: "click",
        },
        {
            content: "The signed self-assessment report is filed on paper",
            trigger: `${DOSSIER} .o_data_row:has(td[name=is_provided] input:not(:checked)) td[name=paper_copy] input[type=checkbox]`,
            run: "click",
        },
        ...stepUtils.saveForm(),
        {
            content: "Nothing is missing from the dossier any more",
            trigger: `${DOSSIER}:not(:has(td[name=is_provided] input:not(:checked)))`,
        },
        {
            content: "Submit to the reviewing level",
            trigger: `${FORM} .o_statusbar_buttons button[name=action_submit]`,
            run: "click",
        },
        {
            content: "Confirm the submission",
            trigger: ".modal .modal-footer button.btn-primary",
            run: "click",
        },
        {
            content: 'The status bar shows "Đã nộp"',
            trigger: `${FORM} .o_statusbar_status button.o_arrow_button_current:contains("Đã nộp")`,
        },
    ],
});
