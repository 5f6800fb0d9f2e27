/** @odoo-module **/
/**
 * The steps every tour of learning_unit builds on, written so that no step
 * depends on how fast the browser or the server is: a step waits for what the
 * user sees once the previous action is over, never for a state that only
 * lasts while a request is under way. Selectors use field, button, menu and
 * page names and the data-value of states; texts are the Vietnamese ones.
 */

import { rpcBus } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

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
/** The rows of the form's lines (criteria of an assessment, of a decision). */
export const LINES = `${FORM} .o_field_widget[name=line_ids]`;

/** A value the Python test passes in a cookie. */
export function cookie(name) {
    const part = document.cookie.split("; ").find((c) => c.startsWith(`${name}=`));
    return part ? decodeURIComponent(part.split("=").slice(1).join("=")) : "";
}

/** "97,00", "97.00", "-3", "1.000": the last separator is the decimal one. */
export function parseNumber(text) {
    const normalised = text
        .trim()
        .replace(/\s/g, "")
        .replace(/[.,](?=\d{3}\b)/g, "")
        .replace(",", ".")
        .replace("\u2212", "-");
    return parseFloat(normalised);
}

export function assertEqual(shown, expected, what) {
    if (shown !== expected) {
        throw new Error(`${what}: ${expected} expected, ${shown} shown.`);
    }
}

/** The cell ``field`` of the one row of the form's lines showing ``text``. */
export function lineCell(text, field) {
    const rows = [...document.querySelectorAll(`${LINES} .o_data_row`)];
    const found = rows.filter((r) => r.textContent.includes(text));
    if (found.length !== 1) {
        throw new Error(`One row expected for "${text}", ${found.length} shown.`);
    }
    const td = found[0].querySelector(`td[name=${field}]`);
    if (!td) {
        throw new Error(`The row "${text}" shows no column ${field}.`);
    }
    return td;
}

/** The number the form shows in the field ``name``. */
export function fieldNumber(name) {
    const field = document.querySelector(`${FORM} .o_field_widget[name=${name}]`);
    if (!field) {
        throw new Error(`The form shows no field ${name}.`);
    }
    return parseNumber(field.textContent);
}

/** A click that leaves the view on screen (a tab, a toggle, a dialog's button). */
export function click(content, trigger) {
    return { content, trigger, run: "click" };
}

/** A step that waits until the form's field ``name`` shows ``text``. */
export function fieldShows(content, name, text) {
    return { content, trigger: `${FORM} .o_field_widget[name=${name}]:contains("${text}")` };
}

/** Click the button ``name`` of the form; ``label``, when given, is its text. */
export function clickButton(content, name, label) {
    const text = label ? `:contains("${label}")` : "";
    return click(content, `${FORM} button[name=${name}]${text}`);
}

/** Open the page ``name`` of the form's notebook. */
export function openTab(content, name) {
    return click(content, `${FORM} .o_notebook .nav-link[name=${name}]`);
}

/** The primary button of the dialog on screen (a confirmation). */
export function confirmDialog(content) {
    return click(content, ".modal .modal-footer button.btn-primary");
}

/** The form's status bar shows the state ``value`` (and ``label``, when given). */
export function statusIs(value, label) {
    const text = label ? `:contains("${label}")` : "";
    return {
        content: `The status is "${label || value}"`,
        trigger: `${FORM} .o_statusbar_status button.o_arrow_button_current[data-value=${value}]${text}`,
    };
}

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

/** Open the menu ``xmlid`` of the top bar, which shows a view. */
export function openMenu(content, xmlid) {
    return navigate(content, `.o_main_navbar [data-menu-xmlid="${xmlid}"]`);
}

/** Open the top bar's drop-down ``menu``, then its item ``item``. */
export function openSubMenu(content, menu, item) {
    return [
        click(`Open the menu of ${content}`, `body:has(${VIEW}) .o_main_navbar [data-menu-xmlid="${menu}"]`),
        navigate(`Open ${content}`, `.dropdown-item[data-menu-xmlid="${item}"]`),
    ];
}

/** Open the record showing ``name`` in the kanban or list on screen. */
export function openRecord(content, name) {
    return navigate(
        content,
        [
            `${KANBAN} .o_kanban_record:contains("${name}")`,
            `${LIST} .o_data_row:contains("${name}") td.o_data_cell`,
        ].join(", ")
    );
}

/** From the apps menu, open the app of the menu ``xmlid`` and wait for its first view. */
export function openApp(xmlid = "learning_unit.menu_root") {
    return [
        stepUtils.showAppsMenuItem(),
        navigate(`Open the app ${xmlid}`, `.o_app[data-menu-xmlid="${xmlid}"]`),
        { content: "The app shows its first view", trigger: `${VIEW} .o_control_panel` },
    ];
}

/** Register the tour ``name``: open the app of the menu ``app``, then play ``steps()``. */
export function addTour(name, steps, app = "learning_unit.menu_root") {
    registry.category("web_tour.tours").add(name, {
        url: "/odoo",
        steps: () => [...openApp(app), ...steps()],
    });
}

/** From any view of the app, open the assessment of ``unit``. */
export function openAssessment(unit) {
    return [
        openMenu("Open the assessments", "learning_unit.menu_assessment"),
        openRecord(`Open the assessment of ${unit}`, unit),
        fieldShows(`The form of the assessment of ${unit}`, "department_id", unit),
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
 * record shows instead.
 */
export function saveForm(saved) {
    return [
        click("Save the changes", `${SAVE_SHOWN}:enabled`),
        { content: "The form is saved", trigger: `${SAVED_FORM} ${saved}` },
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
 * is over and the view reloaded.
 */
export function printSteps(report, ready) {
    if (!report) {
        throw new Error("The test names no report to print.");
    }
    return [
        click(
            "Open the actions (cog) menu",
            `${VIEW} .o_control_panel .o_cp_action_menus button:has(.fa-cog)`
        ),
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

/**
 * Print with the form's header PDF button ``label`` (a form offered for some
 * records only, e.g. Phụ lục 2 for a Thông tư 22 assessment), then wait for
 * ``ready`` once the download is over and the form reloaded.
 */
export function printButtonSteps(label, ready) {
    return [
        {
            content: `Print ${label}`,
            trigger: `${FORM} .o_form_statusbar button.o_lu_print_pdf:contains("${label}")`,
            async run(helpers) {
                followPrint();
                await helpers.click();
            },
        },
        {
            content: "The report is downloaded and the form shows its record reloaded",
            trigger: `body[${PRINTED}]:not(:has(.o_blockUI)) ${ready}`,
            timeout: 60000,
        },
    ];
}
