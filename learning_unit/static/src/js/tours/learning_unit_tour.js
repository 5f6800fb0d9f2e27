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
 * Started by tests/test_tour.py, which checks the database afterwards and sets
 * the cookie "lu_tour_print" to the name of the report to print.
 */

import {
    FORM,
    SAVED_FORM,
    addTour,
    click,
    clickButton,
    confirmDialog,
    cookie,
    fieldShows,
    navigate,
    openAssessment,
    openTab,
    printSteps,
    saveForm,
    statusIs,
} from "@learning_unit/js/tours/learning_unit_tour_steps";

const UNIT = "Trường THCS Nhị Thành";
const NEWCOMERS = ["Võ Thị Kim Ngân", "Đặng Minh Khoa"];
// the member form's evidence: the kinds the rules count, as toggles that save
// the member when clicked (boolean_toggle, autosave); the inner groups hold
// them, not the list of personal documents below
const EVIDENCE = ".o_inner_group .o_field_boolean_toggle input[type=checkbox]";
const MEMBERS = `${FORM} .o_field_widget[name=member_ids]`;
const DOSSIER = ".o_field_widget[name=dossier_item_ids]";

function levelIs(label) {
    return fieldShows(`The unit's own result reads "${label}"`, "self_level", label);
}

function recordEvidenceSteps(name) {
    return [
        openTab("Open the members tab", "members"),
        navigate(
            `Open the member form of ${name}`,
            `${MEMBERS} .o_data_row:contains("${name}") td.o_list_record_open_form_view button`
        ),
        fieldShows(`The form of ${name} says what is missing`, "missing_evidence", "Công dân học tập"),
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
        navigate("Back to the assessment", `.o_breadcrumb .breadcrumb-item:contains("${UNIT}") a`),
        fieldShows("The assessment form again", "department_id", UNIT),
    ];
}

addTour("learning_unit_officer_tour", () => [
    ...openAssessment(UNIT),
    levelIs("Mức độ 2"),
    openTab("Open the members tab", "members"),
    clickButton("Load the members from HR", "action_load_members"),
    {
        content: "The two new teachers are members now",
        trigger: `${MEMBERS} .o_data_row:contains("${NEWCOMERS[1]}")`,
    },
    levelIs("Mức độ 1"),
    fieldShows("The result says which indicators stop level 2", "result_note", "3.1"),
    ...NEWCOMERS.flatMap(recordEvidenceSteps),
    levelIs("Mức độ 2"),
    ...printSteps(cookie("lu_tour_print"), `${FORM} .o_field_widget[name=self_level]`),
    openTab("Open the evidence dossier", "dossier"),
    // a line of the form's list: the assessment is saved below
    click(
        "The signed self-assessment report is filed on paper",
        `${FORM} ${DOSSIER} .o_data_row:has(td[name=is_provided] input:not(:checked)) td[name=paper_copy] input[type=checkbox]`
    ),
    // a line's toggle does not save the assessment: the form stays unsaved
    ...saveForm(`${DOSSIER}:not(:has(td[name=is_provided] input:not(:checked)))`),
    clickButton("Submit to the reviewing level", "action_submit"),
    confirmDialog("Confirm the submission"),
    statusIs("submitted", "Đã nộp"),
]);
