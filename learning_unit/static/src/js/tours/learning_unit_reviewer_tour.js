/** @odoo-module **/
/**
 * The reviewing level's round (Cấp thẩm định), in Vietnamese. Started by
 * tests/test_tour_reviewer.py, which builds the district "Huyện Thẩm Định
 * Tour", its unit "Trường THCS Thẩm Định Tour" (self-assessment 100 points,
 * submitted by its officer), the reviewer "tour_thamdinh" of the district, the
 * officer "tour_donvi_td" and the period's issuing body (short name UBND).
 *
 * learning_unit_reviewer_tour: the reviewer opens the submitted assessment,
 * starts the review, lowers 3c (5 -> 3) and 1c (10 -> 6) with a note on each,
 * confirms 1a as it stands, saves the form (the lines go to web_save as x2many
 * commands), reloads the page and finds them kept (3 of 17 results
 * confirmed), then returns the assessment to the unit with a reason.
 *
 * learning_unit_reviewer_resubmit_tour: the officer reads the reason on the
 * returned assessment, prints Phụ lục 2 and submits it again.
 *
 * learning_unit_reviewer_recognition_tour: the reviewer starts the review
 * again (the results start over from the unit's), sets 3c to 4 and 1c to 8
 * with notes, saves, confirms the remaining results (review 97, Tốt, -3),
 * finishes the review, drafts the period's recognition decision, issues it
 * (01/QĐ-UBND), finds the assessment recognised with that number and prints
 * the district summary of the period.
 *
 * Selectors use field, button and menu names and the data-value of states;
 * the texts checked are the Vietnamese ones the users read.
 */

import { registry } from "@web/core/registry";
import {
    FORM,
    KANBAN,
    LIST,
    SAVED_FORM,
    navigate,
    openApp,
    printSteps,
    saveForm,
} from "@learning_unit/js/tours/learning_unit_tour";

const UNIT = "Trường THCS Thẩm Định Tour";
const YEAR = "2040";
// criteria, by words of their text (the "No." column repeats a, b, c)
const C1A = "chủ trương hoặc kế hoạch cho thành viên học tập";
const C1C = "quan tâm đầu tư các nguồn lực";
const C3C = "môi trường chia sẻ tri thức";

// what the reviewer types; tests/test_tour_reviewer.py reads it back
const FIRST = {
    [C3C]: { score: 3, note: "Chỉ có biên bản chia sẻ với 03 đơn vị" },
    [C1C]: { score: 6, note: "Thiếu 02 nguồn lực: phòng đọc và kinh phí" },
};
const REASON = "Bổ sung biên bản chia sẻ tri thức với các đơn vị khác (tiêu chí 3c).";
const SECOND = {
    [C3C]: { score: 4, note: "Có biên bản chia sẻ với 04 đơn vị" },
    [C1C]: { score: 8, note: "Thiếu 01 nguồn lực: kinh phí" },
};
const DECISION = "01/QĐ-UBND";
// the reports' names in Vietnamese (i18n/vi.po)
const PHU_LUC_2 = "Phụ lục 2 (Báo cáo kết quả đánh giá, xếp loại)";
const DISTRICT_SUMMARY = "Tổng hợp kết quả";

const STATE = `${FORM} .o_statusbar_status`;
const LINES = `${FORM} .o_field_widget[name=line_ids]`;

function row(criterion) {
    return `${LINES} .o_data_row:contains("${criterion}")`;
}

function parseNumber(text) {
    // "97,00", "97.00", "-3": the last separator is the decimal one
    const normalised = text
        .trim()
        .replace(/\s/g, "")
        .replace(/[.,](?=\d{3}\b)/g, "")
        .replace(",", ".")
        .replace("\u2212", "-");
    return parseFloat(normalised);
}

function findRow(criterion) {
    const rows = document.querySelectorAll(`${LINES} .o_data_row`);
    const found = [...rows].filter((r) => r.textContent.includes(criterion));
    if (found.length !== 1) {
        throw new Error(`One criteria row expected for "${criterion}", ${found.length} shown.`);
    }
    return found[0];
}

function cell(criterion, field) {
    const td = findRow(criterion).querySelector(`td[name=${field}]`);
    if (!td) {
        throw new Error(`The row "${criterion}" shows no column ${field}.`);
    }
    return td;
}

function isConfirmed(criterion) {
    const input = cell(criterion, "review_set").querySelector("input[type=checkbox]");
    if (!input) {
        throw new Error(`The row "${criterion}" shows no confirmation toggle.`);
    }
    return input.checked;
}

function fieldNumber(name) {
    const field = document.querySelector(`${FORM} .o_field_widget[name=${name}]`);
    if (!field) {
        throw new Error(`The form shows no field ${name}.`);
    }
    return parseNumber(field.textContent);
}

/** The rows show what the reviewer typed, read from what is displayed. */
function assertReview(values) {
    for (const [criterion, { score, note }] of Object.entries(values)) {
        const shown = parseNumber(cell(criterion, "review_score").textContent);
        if (shown !== score) {
            throw new Error(`Review score of "${criterion}": ${score} expected, ${shown} shown.`);
        }
        const shownNote = cell(criterion, "review_note").textContent.trim();
        if (shownNote !== note) {
            throw new Error(`Review note of "${criterion}": "${note}" expected, "${shownNote}" shown.`);
        }
        if (!isConfirmed(criterion)) {
            throw new Error(`The review result of "${criterion}" should be confirmed.`);
        }
    }
}

function openAssessments() {
    return navigate(
        "Open the assessments",
        `.o_main_navbar [data-menu-xmlid="learning_unit.menu_assessment"]`
    );
}

function openAssessment() {
    return [
        openAssessments(),
        navigate(
            `Open the assessment of ${UNIT}`,
            [
                `${KANBAN} .o_kanban_record:contains("${UNIT}")`,
                `${LIST} .o_data_row:contains("${UNIT}") td.o_data_cell`,
            ].join(", ")
        ),
        {
            content: "Its form is open",
            trigger: `${FORM} .oe_title:contains("${UNIT}")`,
        },
    ];
}

function state(value, label) {
    return {
        content: `The assessment is "${label}"`,
        trigger: `${STATE} button.o_arrow_button_current[data-value=${value}]:contains("${label}")`,
    };
}

function confirmDialog(content) {
    return {
        content,
        trigger: ".modal .modal-footer button.btn-primary",
        run: "click",
    };
}

function openPeriod(year) {
    return [
        navigate(
            "Open the periods",
            `.o_main_navbar [data-menu-xmlid="learning_unit.menu_period"]`
        ),
        navigate(
            `Open the period ${year}`,
            `${LIST} .o_data_row:has(td[name=year]:contains("${year}")) td.o_data_cell`
        ),
    ];
}

/** On the period's form: draft the decision, find ``unit`` in it, issue it. */
function issueDecision(unit) {
    return [
        navigate(
            "Draft the recognition decision (Dự thảo quyết định)",
            `${FORM} button[name=action_new_decision]:contains("Dự thảo quyết định")`
        ),
        {
            content: `The draft lists ${unit}`,
            trigger: `${FORM} .o_field_widget[name=line_ids] .o_data_row:contains("${unit}")`,
        },
        {
            content: "It is a draft",
            trigger: `${STATE} button.o_arrow_button_current[data-value=draft]`,
        },
        {
            content: "Issue it (Ban hành)",
            trigger: `${FORM} button[name=action_issue]:contains("Ban hành")`,
            run: "click",
        },
        confirmDialog("Yes, issue it"),
        {
            content: "The decision is issued (Đã ban hành)",
            trigger: `${STATE} button.o_arrow_button_current[data-value=issued]:contains("Đã ban hành")`,
        },
    ];
}

/** Type a review score and note on a criterion; the change confirms it. */
function review(criterion, { score, note }) {
    return [
        {
            content: `Edit the review of "${criterion}"`,
            trigger: `${row(criterion)} td[name=review_score]`,
            run: "click",
        },
        {
            content: `Review score ${score}`,
            trigger: `${LINES} .o_selected_row:contains("${criterion}") td[name=review_score] input`,
            run: `edit ${score}`,
        },
        {
            content: "Review note",
            trigger: `${LINES} .o_selected_row:contains("${criterion}") td[name=review_note] input`,
            run: `edit ${note}`,
        },
        {
            content: "Changing the score confirmed the result",
            trigger: `${LINES} .o_selected_row:contains("${criterion}") td[name=review_set] input:checked`,
        },
    ];
}

/**
 * Save the review results typed in the lines (a line's cells and toggles do
 * not save the assessment: the form stays unsaved until Save), then wait for
 * the saved form reading ``confirmed`` results confirmed.
 */
function save(confirmed) {
    return saveForm(
        `.o_field_widget[name=review_confirmed_count]:contains("/^\\s*${confirmed}\\s*$/")`
    );
}

function reload(content) {
    return {
        content,
        trigger: SAVED_FORM,
        run() {
            window.location.reload();
        },
        expectUnloadPage: true,
    };
}

registry.category("web_tour.tours").add("learning_unit_reviewer_tour", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        ...openAssessment(),
        state("submitted", "Đã nộp"),
        {
            content: "Start the review (Bắt đầu thẩm định)",
            trigger: `${FORM} button[name=action_start_review]:contains("Bắt đầu thẩm định")`,
            run: "click",
        },
        state("in_review", "Đang thẩm định"),
        {
            content: "The review results start as the unit's, none confirmed",
            trigger: `${row(C3C)} td[name=review_score]`,
            run() {
                const score = parseNumber(cell(C3C, "review_score").textContent);
                if (score !== 5) {
                    throw new Error(`3c should start at the unit's 5, not ${score}.`);
                }
                for (const criterion of [C1A, C1C, C3C]) {
                    if (isConfirmed(criterion)) {
                        throw new Error(`"${criterion}" should not be confirmed yet.`);
                    }
                }
            },
        },
        ...review(C3C, FIRST[C3C]),
        ...review(C1C, FIRST[C1C]),
        {
            content: "Confirm 1a as the unit scored it",
            trigger: `${row(C1A)} td[name=review_set] input[type=checkbox]:not(:checked)`,
            run: "click",
        },
        {
            content: "1a is confirmed",
            trigger: `${row(C1A)} td[name=review_set] input[type=checkbox]:checked`,
        },
        ...save(3),
        reload("Reload the page: what follows is read from the database"),
        {
            content: "After the reload, the review results are kept",
            trigger: `${row(C3C)} td[name=review_score]`,
            run() {
                assertReview(FIRST);
                if (!isConfirmed(C1A)) {
                    throw new Error("1a should be confirmed.");
                }
                const confirmed = fieldNumber("review_confirmed_count");
                if (confirmed !== 3) {
                    throw new Error(`3 review results confirmed expected, ${confirmed} shown.`);
                }
            },
        },
        state("in_review", "Đang thẩm định"),
        {
            content: "Return the assessment to the unit (Trả lại đơn vị)",
            trigger: `${FORM} button[name=action_return]:contains("Trả lại đơn vị")`,
            run: "click",
        },
        {
            content: "Say why",
            trigger: `.modal .o_field_widget[name=reason] textarea`,
            run: `edit ${REASON}`,
        },
        {
            content: "Return it",
            trigger: `.modal button[name=action_confirm]`,
            run: "click",
        },
        state("returned", "Trả lại"),
        {
            content: "The form shows the reason to the unit",
            trigger: `${FORM} .alert-warning .o_field_widget[name=return_reason]:contains("${REASON}")`,
        },
        {
            content: "The dialog is closed",
            trigger: "body:not(:has(.modal))",
        },
    ],
});

registry.category("web_tour.tours").add("learning_unit_reviewer_resubmit_tour", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        ...openAssessment(),
        state("returned", "Trả lại"),
        {
            content: "The officer reads why it came back",
            trigger: `${FORM} .alert-warning .o_field_widget[name=return_reason]:contains("${REASON}")`,
        },
        ...printSteps(PHU_LUC_2, `${FORM} .o_statusbar_status`),
        {
            content: "Submit it again",
            trigger: `${FORM} button[name=action_submit]`,
            run: "click",
        },
        confirmDialog("Confirm the submission"),
        state("submitted", "Đã nộp"),
    ],
});

registry.category("web_tour.tours").add("learning_unit_reviewer_recognition_tour", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        ...openAssessment(),
        state("submitted", "Đã nộp"),
        {
            content: "Start the review again",
            trigger: `${FORM} button[name=action_start_review]`,
            run: "click",
        },
        state("in_review", "Đang thẩm định"),
        {
            content: "The results start over from the unit's",
            trigger: `${row(C3C)} td[name=review_score]`,
            run() {
                const score = parseNumber(cell(C3C, "review_score").textContent);
                if (score !== 5 || isConfirmed(C3C) || isConfirmed(C1A)) {
                    throw new Error(`3c should be back at the unit's 5, unconfirmed (${score}).`);
                }
            },
        },
        ...review(C3C, SECOND[C3C]),
        ...review(C1C, SECOND[C1C]),
        ...save(2),
        {
            content: "Two results are confirmed, the review is in progress",
            trigger: `${FORM} .o_field_widget[name=review_confirmed_count]`,
            run() {
                assertReview(SECOND);
                const confirmed = fieldNumber("review_confirmed_count");
                if (confirmed !== 2) {
                    throw new Error(`2 review results confirmed expected, ${confirmed} shown.`);
                }
            },
        },
        {
            content: "Confirm the remaining results as they stand",
            trigger: `${FORM} button[name=action_confirm_review_scores]:contains("Xác nhận các kết quả còn lại")`,
            run: "click",
        },
        confirmDialog("Yes, confirm them"),
        {
            content: "The review total is shown: 97, Tốt, 3 points below the unit's",
            trigger: `${FORM} .o_field_widget[name=review_rank]:contains("Tốt")`,
            run() {
                const total = fieldNumber("review_total");
                if (total !== 97) {
                    throw new Error(`Review total 97 expected, ${total} shown.`);
                }
                const difference = fieldNumber("review_difference");
                if (difference !== -3) {
                    throw new Error(`Review difference -3 expected, ${difference} shown.`);
                }
                assertReview(SECOND);
            },
        },
        {
            content: "Finish the review (Hoàn tất thẩm định)",
            trigger: `${FORM} button[name=action_mark_reviewed]:contains("Hoàn tất thẩm định")`,
            run: "click",
        },
        state("reviewed", "Đã thẩm định"),
        ...openPeriod(YEAR),
        ...issueDecision(UNIT),
        {
            content: `It is numbered ${DECISION}`,
            trigger: `${FORM} .oe_title .o_field_widget[name=name]:contains("${DECISION}")`,
        },
        ...openAssessment(),
        state("recognised", "Đã công nhận"),
        {
            content: "The ribbon reads Đã công nhận",
            trigger: `${FORM} .ribbon:contains("Đã công nhận")`,
        },
        {
            content: "Open the review page",
            trigger: `${FORM} .o_notebook .nav-link[name=review]`,
            run: "click",
        },
        {
            content: `The assessment carries the decision number ${DECISION}`,
            trigger: `${FORM} .o_field_widget[name=decision_number]:contains("${DECISION}")`,
        },
        ...openPeriod(YEAR),
        {
            content: "The period counts the recognised unit",
            trigger: `${FORM} .o_field_widget[name=recognised_count]:contains("1")`,
        },
        ...printSteps(DISTRICT_SUMMARY, `${FORM} .o_field_widget[name=recognised_count]`),
    ],
});

/**
 * learning_unit_reviewer_levels_tour (demo data, user "thamdinh", after the
 * officer's tour of tests/test_tour.py submitted Trường THCS Nhị Thành under
 * Thông tư 24): the reviewer starts the review, finds indicator 3.1 at level 1
 * (the Learning Citizen titles on congdanhoctap.vn) with a note, confirms the
 * other results, finishes, drafts and issues the period's decision and finds
 * the school recognised at "Mức độ 1".
 */
const LEVELS_UNIT = "Trường THCS Nhị Thành";
const LEVELS_NOTE = "Theo congdanhoctap.vn: 33/35 thành viên đạt Công dân học tập";

function levelRow(code) {
    return `${LINES} .o_data_row:has(td[name=label]:contains("${code}"))`;
}

registry.category("web_tour.tours").add("learning_unit_reviewer_levels_tour", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        openAssessments(),
        navigate(
            `Open the assessment of ${LEVELS_UNIT} from the kanban`,
            `${KANBAN} .o_kanban_record:contains("${LEVELS_UNIT}")`
        ),
        state("submitted", "Đã nộp"),
        {
            content: "Start the review (Bắt đầu thẩm định)",
            trigger: `${FORM} button[name=action_start_review]`,
            run: "click",
        },
        state("in_review", "Đang thẩm định"),
        {
            content: "Edit the review of indicator 3.1",
            trigger: `${levelRow("3.1")} td[name=review_level]`,
            run: "click",
        },
        {
            content: "The reviewers find level 1",
            trigger: `${LINES} .o_selected_row td[name=review_level] select`,
            run: 'select "level_1"',
        },
        {
            content: "Why",
            trigger: `${LINES} .o_selected_row td[name=review_note] input`,
            run: `edit ${LEVELS_NOTE}`,
        },
        ...save(1),
        {
            content: "Confirm the remaining results as they stand",
            trigger: `${FORM} button[name=action_confirm_review_scores]`,
            run: "click",
        },
        confirmDialog("Yes, confirm them"),
        {
            content: 'The review result reads "Mức độ 1"',
            trigger: `${FORM} .o_field_widget[name=review_level]:contains("Mức độ 1")`,
        },
        {
            content: "Finish the review (Hoàn tất thẩm định)",
            trigger: `${FORM} button[name=action_mark_reviewed]`,
            run: "click",
        },
        state("reviewed", "Đã thẩm định"),
        // the demo's open period is this year's
        ...openPeriod(new Date().getFullYear()),
        ...issueDecision(LEVELS_UNIT),
        openAssessments(),
        navigate(
            `Open the assessment of ${LEVELS_UNIT}`,
            `${KANBAN} .o_kanban_record:contains("${LEVELS_UNIT}")`
        ),
        state("recognised", "Đã công nhận"),
        {
            content: "Open the review page",
            trigger: `${FORM} .o_notebook .nav-link[name=review]`,
            run: "click",
        },
        {
            content: 'Recognised at "Mức độ 1"',
            trigger: `${FORM} .o_field_widget[name=recognised_level]:contains("Mức độ 1")`,
        },
    ],
});
