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
 *
 * This module also holds the steps every tour of the addon builds on, written
 * so that no step depends on how fast the browser or the server is: a step
 * waits for what the user sees once the previous action is over, never for a
 * state that only lasts while a request is under way.
 */

import { registry } from "@web/core/registry";
import { rpcBus } from "@web/core/network/rpc";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

// ---------------------------------------------------------------------------
// Steps shared by the tours of learning_unit
// ---------------------------------------------------------------------------

/**
 * A view the tour has left: a menu, a record, a breadcrumb or a button that
 * opens another view leaves the current one on screen until the next one is
 * loaded, so a step after such a click could otherwise act on the old one.
 */
const LEFT = "data-lu-tour-left";
/** The view on screen (the controller in the action manager), not one left. */
export const VIEW = `.o_action_manager > .o_action:not([${LEFT}])`;
export const FORM = `${VIEW}.o_form_view`;
export const LIST = `${VIEW}.o_list_view`;
export const KANBAN = `${VIEW}.o_kanban_view`;
/** The form's record with no unsaved change (Odoo's class of the renderer). */
export const SAVED_FORM = `${FORM} .o_form_renderer.o_form_saved`;
/** Odoo hides the Save button (class "invisible") while nothing is to save. */
const SAVE_SHOWN = `${FORM} .o_form_status_indicator_buttons:not(.invisible) .o_form_button_save`;

/**
 * Click what opens another view (menu, record, breadcrumb, button returning
 * an action). The views on screen are marked as left first: the steps after
 * it find their trigger in the new view only (FORM, LIST, KANBAN, VIEW).
 */
export function navigate(content, trigger) {
    return {
        content,
        trigger,
        async run(helpers) {
            for (const view of document.querySelectorAll(".o_action_manager > .o_action")) {
                view.setAttribute(LEFT, "");
            }
            await helpers.click();
        },
    };
}

/** From the apps menu, open Learning Units and wait for its first view. */
export function openApp() {
    return [
        stepUtils.showAppsMenuItem(),
        navigate(
            "Open the Learning Units app",
            `.o_app[data-menu-xmlid="learning_unit.menu_root"]`
        ),
        {
            content: "The app shows its first view",
            trigger: `${VIEW} .o_control_panel`,
        },
    ];
}

/**
 * Save what was changed with fields that do not save by themselves (text,
 * selections, lines of a list inside the form): the form keeps them unsaved,
 * and Odoo shows its Save button, until they are saved. Then wait for the
 * saved form showing ``saved`` (a selector inside the form).
 *
 * Never after a widget that saves the record itself (boolean_toggle of the
 * form, autosave): Save is hidden again as soon as that save is done, so
 * whether the step still finds it depends on speed. Wait for what the saved
 * record shows instead (see recordEvidenceSteps).
 */
export function saveForm(saved) {
    return [
        {
            content: "Save the changes",
            trigger: `${SAVE_SHOWN}:enabled`,
            run: "click",
        },
        {
            content: "The form is saved",
            trigger: `${SAVED_FORM} ${saved}`,
        },
    ];
}

const PRINTED = "data-lu-tour-printed";

/**
 * Follow one print through the web client's requests: printing loads the
 * report action, downloads the file, then reloads the view (the Print menu
 * closes with it). Once that reload is answered and no request is left, the
 * body gets the attribute PRINTED: the view shows the record as reloaded and
 * a change made from then on cannot be overwritten by the reload.
 */
function followPrint() {
    document.body.removeAttribute(PRINTED);
    const pending = new Set();
    const reloads = new Set();
    let reloaded = false;
    const onRequest = ({ detail }) => {
        pending.add(detail.data.id);
        if (["web_read", "web_search_read"].includes(detail.data.params?.method)) {
            reloads.add(detail.data.id);
        }
    };
    const onResponse = ({ detail }) => {
        pending.delete(detail.data.id);
        reloaded ||= reloads.has(detail.data.id);
        if (reloaded && !pending.size) {
            rpcBus.removeEventListener("RPC:REQUEST", onRequest);
            rpcBus.removeEventListener("RPC:RESPONSE", onResponse);
            // the view renders the reloaded record in the next frame
            requestAnimationFrame(() => document.body.setAttribute(PRINTED, ""));
        }
    };
    rpcBus.addEventListener("RPC:REQUEST", onRequest);
    rpcBus.addEventListener("RPC:RESPONSE", onResponse);
}

/**
 * Print ``report`` from the Print menu of the form or list shown (the cog
 * menu), then wait for ``ready`` (a selector of the view) once the download
 * is over and the view reloaded. Also used by the reviewer's tours.
 */
export function printSteps(report, ready) {
    if (!report) {
        throw new Error("The test names no report to print (cookie lu_tour_print).");
    }
    return [
        {
            content: "Open the actions (cog) menu",
            trigger: `${VIEW} .o_control_panel .o_cp_action_menus button:has(.fa-cog)`,
            run: "click",
        },
        {
            // the menu opens once its print items are loaded
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
            async run(helpers) {
                followPrint();
                await helpers.click();
            },
        },
        {
            content: "The report is downloaded and the view shows its record reloaded",
            trigger: `body[${PRINTED}]:not(:has(.o_blockUI)) ${ready}`,
            timeout: 60000,
        },
    ];
}

// ---------------------------------------------------------------------------
// The officer's round
// ---------------------------------------------------------------------------

const UNIT = "Trường THCS Nhị Thành";
const NEWCOMERS = ["Võ Thị Kim Ngân", "Đặng Minh Khoa"];
// the member form's evidence: the kinds the rules count, as toggles that save
// the member when clicked (boolean_toggle, autosave); the inner groups hold
// them, not the list of personal documents below
const EVIDENCE = ".o_inner_group .o_field_boolean_toggle input[type=checkbox]";
const LEVEL_1 = "Mức độ 1";
const LEVEL_2 = "Mức độ 2";
const MEMBERS = `${FORM} .o_field_widget[name=member_ids]`;
const DOSSIER = ".o_field_widget[name=dossier_item_ids]";

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

function assessmentForm(content) {
    return {
        content,
        trigger: `${FORM} .o_field_widget[name=department_id]:contains("${UNIT}")`,
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
        navigate(
            `Open the member form of ${name}`,
            `${row} td.o_list_record_open_form_view button`
        ),
        {
            content: `The form of ${name} says what is missing`,
            trigger: `${FORM} .o_field_widget[name=missing_evidence]:contains("Công dân học tập")`,
        },
        {
            // each click saves the member (the toggles' autosave): nothing is
            // left for a Save button, which Odoo hides again once saved
            content: `Record every missing evidence of ${name}`,
            trigger: `${FORM} ${EVIDENCE}:not(:checked)`,
            async run(helpers) {
                for (const input of document.querySelectorAll(`${FORM} ${EVIDENCE}:not(:checked)`)) {
                    await helpers.click(input);
                }
            },
        },
        {
            // evidence_complete is recomputed by the server when it saves the
            // last toggle: shown checked in a saved form, the member is saved
            content: `The saved member form of ${name} shows the evidence complete`,
            trigger: [
                `${SAVED_FORM}`,
                `:has(.o_field_widget[name=evidence_complete] input:checked)`,
                `:not(:has(.o_field_widget[name=missing_evidence]))`,
                `:not(:has(${EVIDENCE}:not(:checked)))`,
            ].join(""),
        },
        navigate(
            "Back to the assessment",
            `.o_breadcrumb .breadcrumb-item:contains("${UNIT}") a`
        ),
        assessmentForm("The assessment form again"),
    ];
}

registry.category("web_tour.tours").add("learning_unit_officer_tour", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        navigate(
            "Open the assessments",
            `.o_main_navbar [data-menu-xmlid="learning_unit.menu_assessment"]`
        ),
        navigate(
            "Open the unit's assessment of the open period",
            [
                `${KANBAN} .o_kanban_record:contains("${UNIT}")`,
                `${LIST} .o_data_row:contains("${UNIT}") td.o_data_cell`,
            ].join(", ")
        ),
        assessmentForm("The form of the unit's draft assessment"),
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
            // a line of the form's list: the assessment is saved below
            content: "The signed self-assessment report is filed on paper",
            trigger: `${FORM} ${DOSSIER} .o_data_row:has(td[name=is_provided] input:not(:checked)) td[name=paper_copy] input[type=checkbox]`,
            run: "click",
        },
        // a line's toggle does not save the assessment: the form stays unsaved
        ...saveForm(`${DOSSIER}:not(:has(td[name=is_provided] input:not(:checked)))`),
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
