/** @odoo-module **/
/**
 * A member's own year, and its approval (issue 11). Started by
 * tests/test_tour_member.py, which builds the unit "Trường Hồ Sơ Tour": the
 * member "tour_member", the officer "tour_officer" to whom the head of the
 * unit delegates the approval of the plans, and members who all have an
 * approved plan but the member (2a: 9 of 10 points).
 *
 * learning_unit_member_tour: the member lands on "My Learning Record" after
 * login, opens it again from its menu, fills in
 * their self-study plan (what, how, when) and submits it; the form shows it
 * submitted and locked, the list shows it submitted.
 *
 * learning_unit_plan_approval_tour: the officer opens the unit's assessment
 * (2a: 9), its plans to approve, selects the plan, approves it; back on the
 * assessment 2a is 10.
 */

import {
    FORM,
    LINES,
    LIST,
    addTour,
    assertEqual,
    click,
    clickButton,
    lineCell,
    navigate,
    openAssessment,
    openSubMenu,
    parseNumber,
    statusIs,
} from "@learning_unit/js/tours/learning_unit_tour_steps";

const UNIT = "Trường Hồ Sơ Tour";
const PLAN = "Kế hoạch đăng ký tự học";
const CRITERION_2A = "kế hoạch tự học, tự bồi dưỡng hàng năm";
const PLAN_SUBMITTED = `${LIST} .o_data_row:contains("${PLAN}") td[name=document_state] .text-bg-info`;

/** The self score of 2a, read once the form shows it (after a reload too). */
function score2aIs(content, expected) {
    return {
        content,
        trigger: `${LINES} .o_data_row:contains("${CRITERION_2A}") td[name=self_score]`,
        run() {
            assertEqual(parseNumber(lineCell(CRITERION_2A, "self_score").textContent), expected, "2a");
        },
    };
}

function edit(content, name, text) {
    return { content, trigger: `${FORM} .o_field_widget[name=${name}] textarea`, run: `edit ${text}` };
}

addTour("learning_unit_member_tour", () => [
    {
        content: "After login I land on my own year (My Learning Record), not in Discuss",
        trigger: `${LIST} .o_data_row:contains("${PLAN}")`,
        run() {
            const title = document.querySelector(".o_breadcrumb").textContent;
            if (!title.includes("Hồ sơ học tập của tôi")) {
                throw new Error(`After login I should see my learning record, not ${title}.`);
            }
        },
    },
    ...openSubMenu("my documents", "learning_unit.menu_my_learning_record", "learning_unit.menu_my_documents"),
    {
        content: "My three documents of the year are listed, the plan to file",
        trigger: `${LIST} .o_data_row:contains("${PLAN}")`,
        run() {
            assertEqual(document.querySelectorAll(`${LIST} .o_data_row`).length, 3, "My documents");
        },
    },
    navigate("Open my self-study plan", `${LIST} .o_data_row:contains("${PLAN}") td.o_data_cell[name=name]`),
    statusIs("draft"),
    edit("What I will learn", "learn_what", "Tiếng Anh giao tiếp (B1) và kỹ năng số"),
    edit("How", "learn_how", "Khóa học trực tuyến của Sở, tự học mỗi tối"),
    edit("When", "learn_when", "Tháng 3 đến tháng 6"),
    clickButton("Submit it", "action_submit"),
    statusIs("submitted"),
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
    navigate("Back to my record", ".o_breadcrumb .o_back_button a, .o_breadcrumb li.breadcrumb-item a"),
    { content: "The list shows the plan submitted", trigger: PLAN_SUBMITTED },
]);

addTour("learning_unit_plan_approval_tour", () => [
    ...openAssessment(UNIT),
    score2aIs("2a counts the members with an approved plan: one is missing", 9),
    navigate("Open the plans to approve", `${FORM} button[name=action_view_plans_to_approve]`),
    {
        content: "The member's submitted plan is listed",
        trigger: `${LIST} .o_data_row:contains("tour_member") td[name=document_state] .text-bg-info`,
    },
    click("Select it", `${LIST} .o_data_row:contains("tour_member") .o_list_record_selector input`),
    click("Approve the selected plans", `${LIST} button[name=action_approve]`),
    {
        // the list is reloaded once the approval is done
        content: "Nothing is left to approve",
        trigger: `${LIST}:not(:has(.o_data_row:contains("tour_member")))`,
    },
    navigate("Back to the assessment", `.o_breadcrumb li.breadcrumb-item a:contains("${UNIT}")`),
    // the form is loaded again after the approval: read once
    score2aIs("2a is now 10: every member has an approved plan", 10),
]);
