/** @odoo-module **/
/**
 * The member's own Thông tư 24 year (issue 19), on the demo: started by
 * tests/test_tour_certificate.py.
 *
 * learning_unit_certificate_file_tour (thanhvien, on a phone: 390 px wide):
 * her record opens as cards (Odoo's mobile view of the action); she opens her
 * training certificate, writes what and when, attaches the certificate's
 * file, submits it from the form's action menu (where a phone puts the
 * header's buttons); the form shows it submitted.
 *
 * learning_unit_certificate_approval_tour (thutruong, the school's head):
 * "Documents to Approve" lists her submitted certificate; he selects it and
 * approves the selection; it leaves the list.
 *
 * learning_unit_certificate_evidence_tour (thanhvien): her record shows the
 * certificate approved, and her evidence shows the training recorded.
 *
 * learning_unit_certificate_phone_approval_tour (thutruong, on a phone): a
 * long touch selects her submitted "Công dân học tập" result in the list
 * (a phone's list has no check boxes), the menu a phone folds the list's
 * buttons in offers Approve; the row leaves the list.
 */

import { registry } from "@web/core/registry";
import {
    FORM,
    KANBAN,
    LIST,
    VIEW,
    addTour,
    click,
    cookie,
    navigate,
    openSubMenu,
    statusIs,
} from "@learning_unit/js/tours/learning_unit_tour_steps";

const TRAINING = "Chứng nhận hoàn thành chương trình đào tạo";
const CDHT = "Công dân học tập 2026";
const WHAT = "Bồi dưỡng thường xuyên năm học";
const FILE = "chung-chi-boi-duong.png";
// a 1x1 PNG
const PNG =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

function uploadFile(content, name) {
    return {
        content,
        // the file input is hidden behind its "Attach" button
        trigger: `${FORM} .o_field_widget[name=${name}] button.o_attach`,
        run() {
            const input = document.querySelector(
                `${FORM} .o_field_widget[name=${name}] input.o_input_file`
            );
            const bytes = Uint8Array.from(atob(PNG), (c) => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], FILE, { type: "image/png" }));
            input.files = transfer.files;
            input.dispatchEvent(new Event("change", { bubbles: true }));
        },
    };
}

registry.category("web_tour.tours").add("learning_unit_certificate_file_tour", {
    url: "/odoo/action-learning_unit.action_learning_unit_my_record",
    steps: () => [
        {
            content: "On a phone my record is a list of cards, my training certificate among them",
            trigger: `${KANBAN} .o_kanban_record:contains("${TRAINING}")`,
            run() {
                if (window.innerWidth > 400) {
                    throw new Error(`A phone's width expected, ${window.innerWidth} px.`);
                }
            },
        },
        navigate("Open my training certificate", `${KANBAN} .o_kanban_record:contains("${TRAINING}")`),
        statusIs("draft"),
        {
            content: "What I completed",
            trigger: `${FORM} .o_field_widget[name=proof_what] input`,
            run: `edit ${WHAT}`,
        },
        {
            content: "When (the certificate's date)",
            trigger: `${FORM} .o_field_widget[name=proof_date] input`,
            run: `edit ${cookie("lu_tour_date")}`,
        },
        click("Close the date picker", `${FORM} .o_field_widget[name=proof_what] input`),
        uploadFile("Attach the certificate's file", "attachment_ids"),
        {
            content: "The file is attached",
            trigger: `${FORM} .o_field_widget[name=attachment_ids] .o_attachment[title="${FILE}"]:not(.o_attachment_uploading)`,
        },
        click(
            "A phone puts the form's buttons in its action menu: open it",
            `${FORM} .o_control_panel .o_cp_action_menus button:has(.fa-cog)`
        ),
        click("Submit it", `.o-dropdown--menu button[name=action_submit]`),
        statusIs("submitted"),
        {
            content: "It waits for the head's approval, what I wrote is kept",
            trigger: `${FORM} .o_field_widget[name=proof_what]:contains("${WHAT}")`,
        },
    ],
});

addTour("learning_unit_certificate_approval_tour", () => [
    ...openSubMenu(
        "the documents to approve",
        "learning_unit.menu_my_learning_record",
        "learning_unit.menu_plans_to_approve"
    ),
    {
        content: "Her submitted certificate is listed with what it proves and its file",
        trigger: `${LIST} .o_data_row:contains("${WHAT}"):contains("${FILE}") td[name=document_state] .text-bg-info`,
    },
    click("Select it", `${LIST} .o_data_row:contains("${WHAT}") .o_list_record_selector input`),
    click("Approve the selected documents", `${LIST} button[name=action_approve]`),
    {
        // the list is reloaded once the approval is done
        content: "Nothing is left to approve",
        trigger: `${LIST}:not(:has(.o_data_row:contains("${WHAT}")))`,
    },
]);

addTour("learning_unit_certificate_evidence_tour", () => [
    ...openSubMenu("my documents", "learning_unit.menu_my_learning_record", "learning_unit.menu_my_documents"),
    {
        content: "My certificate is approved",
        trigger: `${LIST} .o_data_row:contains("${TRAINING}") td[name=document_state] .text-bg-success`,
    },
    navigate("Open it", `${LIST} .o_data_row:contains("${TRAINING}") td.o_data_cell[name=name]`),
    statusIs("approved"),
    navigate("Open my evidence", `${FORM} .o_field_widget[name=member_id] a`),
    {
        content: "My evidence shows the training recorded",
        trigger: `${FORM} .o_field_widget[name=training_done] input:checked`,
    },
]);

registry.category("web_tour.tours").add("learning_unit_certificate_phone_approval_tour", {
    url: "/odoo/action-learning_unit.action_learning_unit_plans_to_approve",
    steps: () => [
        {
            content: "On a phone the documents to approve stay a list: her result is in it",
            trigger: `${LIST} .o_data_row:contains("${CDHT}")`,
            run() {
                if (window.innerWidth > 400) {
                    throw new Error(`A phone's width expected, ${window.innerWidth} px.`);
                }
                const row = [...document.querySelectorAll(`${LIST} .o_data_row`)].find((r) =>
                    r.textContent.includes(CDHT)
                );
                // a long touch: pressed, released once the row is selected
                row.dispatchEvent(new Event("touchstart", { bubbles: true }));
            },
        },
        {
            content: "Held down, the row is selected",
            trigger: `${LIST} .o_data_row.o_data_row_selected:contains("${CDHT}")`,
            run() {
                const row = document.querySelector(`${LIST} .o_data_row.o_data_row_selected`);
                row.dispatchEvent(new Event("touchend", { bubbles: true }));
            },
        },
        click(
            "A phone folds the list's buttons in a menu: open it",
            `${VIEW} .o_control_panel button.dropdown-toggle.o_control_panel_collapsed_create`
        ),
        click(
            "Approve the selection",
            `${VIEW} .o_control_panel .dropdown-menu.o_control_panel_collapsed_create button[name=action_approve]`
        ),
        {
            content: "Nothing is left to approve",
            trigger: `${LIST}:not(:has(.o_data_row:contains("${CDHT}")))`,
        },
    ],
});
