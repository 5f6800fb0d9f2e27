/** @odoo-module **/
/**
 * A member's own year, and its approval (issue 11). Started by
 * tests/test_tour_member.py, which builds the unit "Trường Hồ Sơ Tour": the
 * member "tour_member", the officer "tour_officer" to whom the head of the
 * unit delegates the approval of the plans, and members who all have an
 * approved plan but the member (2a: 9 of 10 points).
 *
 * learning_unit_member_tour: the member opens "My Learning Record", fills in
 * their self-study plan (what, how, when) and submits it; the form shows it
 * submitted and locked, the list shows it submitted.
 *
 * learning_unit_plan_approval_tour: the officer opens the unit's assessment
 * (2a: 9), its plans to approve, selects the plan, approves it; back on the
 * assessment 2a is 10.
 *
 * Selectors use field, button and menu names, and the data-value of states:
 * the users work in Vietnamese.
 */

import { registry } from "@web/core/registry";
import { FORM, KANBAN, LIST, navigate, openApp } from "@learning_unit/js/tours/learning_unit_tour";

const UNIT = "Trường Hồ Sơ Tour";
const PLAN = "Kế hoạch đăng ký tự học";
const CRITERION_2A = "kế hoạch tự học, tự bồi dưỡng hàng năm";
const STATE = `${FORM} .o_field_widget[name=document_state]`;
const LINE_2A = `${FORM} .o_field_widget[name=line_ids] .o_data_row:contains("${CRITERION_2A}")`;

const seen = {};

function parseNumber(text) {
    // "9,00", "9.00", "10": the last separator is the decimal one
    const normalised = text.trim().replace(/[.,](?=\d{3}\b)/g, "").replace(",", ".");
    return parseFloat(normalised);
}

/** What the form shows as the self score of 2a. */
function score2a() {
    const rows = document.querySelectorAll(
        `${FORM} .o_field_widget[name=line_ids] .o_data_row`
    );
    const row = [...rows].find((r) => r.textContent.includes(CRITERION_2A));
    const cell = row && row.querySelector("td[name=self_score]");
    if (!cell) {
        throw new Error("The criteria list shows no self score of 2a.");
    }
    return parseNumber(cell.textContent);
}

registry.category("web_tour.tours").add("learning_unit_member_tour", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "Open my learning record",
            trigger: `.o_main_navbar [data-menu-xmlid="learning_unit.menu_my_learning_record"]`,
            run: "click",
        },
        navigate(
            "Open my documents",
            `.dropdown-item[data-menu-xmlid="learning_unit.menu_my_documents"]`
        ),
        {
            content: "My three documents of the year are listed, the plan to file",
            trigger: `${LIST} .o_data_row:contains("${PLAN}")`,
            run() {
                const rows = document.querySelectorAll(`${LIST} .o_data_row`);
                if (rows.length !== 3) {
                    throw new Error(`3 documents expected in my record, ${rows.length} shown.`);
                }
            },
        },
        navigate(
            "Open my self-study plan",
            `${LIST} .o_data_row:contains("${PLAN}") td.o_data_cell[name=name]`
        ),
        {
            content: "It is to file",
            trigger: `${STATE} button.o_arrow_button_current[data-value=draft]`,
        },
        {
            content: "What I will learn",
            trigger: `${FORM} .o_field_widget[name=learn_what] textarea`,
            run: "edit Tiếng Anh giao tiếp (B1) và kỹ năng số",
        },
        {
            content: "How",
            trigger: `${FORM} .o_field_widget[name=learn_how] textarea`,
            run: "edit Khóa học trực tuyến của Sở, tự học mỗi tối",
        },
        {
            content: "When",
            trigger: `${FORM} .o_field_widget[name=learn_when] textarea`,
            run: "edit Tháng 3 đến tháng 6",
        },
        {
            content: "Submit it",
            trigger: `${FORM} button[name=action_submit]`,
            run: "click",
        },
        {
            content: "The plan is submitted",
            trigger: `${STATE} button.o_arrow_button_current[data-value=submitted]`,
        },
        {
            content: "It waits for the head's approval, my words are locked, I may withdraw it",
            trigger: `${FORM} button[name=action_withdraw]`,
            run() {
                const what = document.querySelector(`${FORM} .o_field_widget[name=learn_what]`);
                if (what.querySelector("textarea")) {
                    throw new Error("A submitted plan should be read only.");
                }
                if (!what.textContent.includes("Tiếng Anh giao tiếp")) {
                    throw new Error("The plan does not show what I wrote.");
                }
                if (document.querySelector(`${FORM} button[name=action_submit]`)) {
                    throw new Error("A submitted plan cannot be submitted again.");
                }
            },
        },
        navigate(
            "Back to my record",
            ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a"
        ),
        {
            content: "The list shows the plan submitted",
            trigger: `${LIST} .o_data_row:contains("${PLAN}") td[name=document_state] .text-bg-info`,
        },
    ],
});

registry.category("web_tour.tours").add("learning_unit_plan_approval_tour", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        navigate(
            "Open the assessments",
            `.o_main_navbar [data-menu-xmlid="learning_unit.menu_assessment"]`
        ),
        navigate(
            "Open the unit's assessment",
            [
                `${KANBAN} .o_kanban_record:contains("${UNIT}")`,
                `${LIST} .o_data_row:contains("${UNIT}") td.o_data_cell`,
            ].join(", ")
        ),
        {
            content: "2a counts the members with an approved plan: one is missing",
            trigger: `${LINE_2A} td[name=self_score]`,
            run() {
                seen.before = score2a();
                if (seen.before !== 9) {
                    throw new Error(`2a should be 9 before the approval, not ${seen.before}.`);
                }
            },
        },
        navigate(
            "Open the plans to approve",
            `${FORM} button[name=action_view_plans_to_approve]`
        ),
        {
            content: "The member's submitted plan is listed",
            trigger: `${LIST} .o_data_row:contains("tour_member") td[name=document_state] .text-bg-info`,
        },
        {
            content: "Select it",
            trigger: `${LIST} .o_data_row:contains("tour_member") .o_list_record_selector input`,
            run: "click",
        },
        {
            content: "Approve the selected plans",
            trigger: `${LIST} button[name=action_approve]`,
            run: "click",
        },
        {
            // the list is reloaded once the approval is done
            content: "Nothing is left to approve",
            trigger: `${LIST}:not(:has(.o_data_row:contains("tour_member")))`,
        },
        navigate(
            "Back to the assessment",
            `.o_breadcrumb li.breadcrumb-item a:contains("${UNIT}")`
        ),
        {
            // the form is loaded again after the approval: read once
            content: "2a is now 10: every member has an approved plan",
            trigger: `${LINE_2A} td[name=self_score]`,
            run() {
                const score = score2a();
                if (score !== 10) {
                    throw new Error(`2a should be 10 after the approval, not ${score}.`);
                }
            },
        },
    ],
});
