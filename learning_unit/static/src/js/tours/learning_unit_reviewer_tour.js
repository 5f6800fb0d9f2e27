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
 * returned assessment and the review score and note of 3c and 1c on their
 * lines, prints Phụ lục 2 and submits it again.
 *
 * learning_unit_reviewer_recognition_tour: the reviewer starts the review
 * again (the results start over from the unit's, without the earlier notes),
 * sets 3c to 4 and 1c to 8 with notes, saves, confirms the remaining results (review 97, Tốt, -3),
 * finishes the review, drafts the period's recognition decision, issues it
 * (01/QĐ-UBND), finds the assessment recognised with that number and prints
 * the district summary of the period.
 *
 * learning_unit_reviewer_levels_tour (demo data, user "thamdinh", after the
 * officer's tour of tests/test_tour.py submitted Trường THCS Nhị Thành under
 * Thông tư 24): the reviewer starts the review, finds indicator 3.1 at level 1
 * (the Learning Citizen titles on congdanhoctap.vn) with a note, confirms the
 * other results, finishes, drafts and issues the period's decision and finds
 * the school recognised at "Mức độ 1".
 */

import {
    FORM,
    LINES,
    LIST,
    SAVED_FORM,
    addTour,
    assertEqual,
    click,
    clickButton,
    confirmDialog,
    fieldNumber,
    fieldShows,
    lineCell,
    navigate,
    openAssessment,
    openMenu,
    openTab,
    parseNumber,
    printButtonSteps,
    printSteps,
    saveForm,
    statusIs,
} from "@learning_unit/js/tours/learning_unit_tour_steps";

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
// Phụ lục 2, a form of Thông tư 22: a header button shown for points only
const PHU_LUC_2 = "Phụ lục 2";
const DISTRICT_SUMMARY = "Tổng hợp kết quả";
const DECISION_REPORT = "Quyết định công nhận";
const LEVELS_UNIT = "Trường THCS Nhị Thành";
const LEVELS_NOTE = "Theo congdanhoctap.vn: 33/35 thành viên đạt Công dân học tập";

const SUBMITTED = statusIs("submitted", "Đã nộp");
const IN_REVIEW = statusIs("in_review", "Đang thẩm định");
const RETURNED = statusIs("returned", "Trả lại");
const REVIEWED = statusIs("reviewed", "Đã thẩm định");
const RECOGNISED = statusIs("recognised", "Đã công nhận");

function row(criterion) {
    return `${LINES} .o_data_row:contains("${criterion}")`;
}

function isConfirmed(criterion) {
    const input = lineCell(criterion, "review_set").querySelector("input[type=checkbox]");
    if (!input) {
        throw new Error(`The row "${criterion}" shows no confirmation toggle.`);
    }
    return input.checked;
}

/** The rows show what the reviewer typed, read from what is displayed. */
function assertReview(values) {
    for (const [criterion, { score, note }] of Object.entries(values)) {
        assertEqual(parseNumber(lineCell(criterion, "review_score").textContent), score, criterion);
        assertEqual(lineCell(criterion, "review_note").textContent.trim(), note, criterion);
        if (!isConfirmed(criterion)) {
            throw new Error(`The review result of "${criterion}" should be confirmed.`);
        }
    }
}

function startReview() {
    return [
        SUBMITTED,
        clickButton("Start the review (Bắt đầu thẩm định)", "action_start_review", "Bắt đầu thẩm định"),
        IN_REVIEW,
    ];
}

/** Start the review, which starts from the unit's results (3c at 5, none confirmed), and type ``values``. */
function reviewFromUnit(values) {
    return [
        ...startReview(),
        {
            content: "The review results start as the unit's, none confirmed",
            trigger: `${row(C3C)} td[name=review_score]`,
            run() {
                assertEqual(parseNumber(lineCell(C3C, "review_score").textContent), 5, "3c");
                if ([C1A, C1C, C3C].some(isConfirmed)) {
                    throw new Error("No review result should be confirmed yet.");
                }
                // a new review starts clean: no note of an earlier one
                assertEqual(lineCell(C3C, "review_note").textContent.trim(), "", "3c's note");
            },
        },
        ...Object.entries(values).flatMap(([criterion, value]) => review(criterion, value)),
    ];
}

function reasonShown(content) {
    return {
        content,
        trigger: `${FORM} .alert-warning .o_field_widget[name=return_reason]:contains("${REASON}")`,
    };
}

function confirmRemaining(label) {
    return [
        clickButton("Confirm the remaining results as they stand", "action_confirm_review_scores", label),
        confirmDialog("Yes, confirm them"),
    ];
}

function finishReview() {
    return [
        clickButton("Finish the review (Hoàn tất thẩm định)", "action_mark_reviewed", "Hoàn tất thẩm định"),
        REVIEWED,
    ];
}

function openPeriod(year) {
    return [
        openMenu("Open the periods", "learning_unit.menu_period"),
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
        { content: `The draft lists ${unit}`, trigger: row(unit) },
        statusIs("draft"),
        clickButton("Issue it (Ban hành)", "action_issue", "Ban hành"),
        confirmDialog("Yes, issue it"),
        statusIs("issued", "Đã ban hành"),
    ];
}

/** Type a review score and note on a criterion; the change confirms it. */
function review(criterion, { score, note }) {
    const selected = `${LINES} .o_selected_row:contains("${criterion}")`;
    return [
        click(`Edit the review of "${criterion}"`, `${row(criterion)} td[name=review_score]`),
        { content: `Review score ${score}`, trigger: `${selected} td[name=review_score] input`, run: `edit ${score}` },
        { content: "Review note", trigger: `${selected} td[name=review_note] input`, run: `edit ${note}` },
        {
            content: "Changing the score confirmed the result",
            trigger: `${selected} td[name=review_set] input:checked`,
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

addTour("learning_unit_reviewer_tour", () => [
    ...openAssessment(UNIT),
    ...reviewFromUnit(FIRST),
    click("Confirm 1a as the unit scored it", `${row(C1A)} td[name=review_set] input[type=checkbox]:not(:checked)`),
    { content: "1a is confirmed", trigger: `${row(C1A)} td[name=review_set] input[type=checkbox]:checked` },
    ...save(3),
    {
        content: "Reload the page: what follows is read from the database",
        trigger: SAVED_FORM,
        run() {
            window.location.reload();
        },
        expectUnloadPage: true,
    },
    {
        content: "After the reload, the review results are kept",
        trigger: `${row(C3C)} td[name=review_score]`,
        run() {
            assertReview(FIRST);
            if (!isConfirmed(C1A)) {
                throw new Error("1a should be confirmed.");
            }
            assertEqual(fieldNumber("review_confirmed_count"), 3, "Review results confirmed");
        },
    },
    IN_REVIEW,
    clickButton("Return the assessment to the unit (Trả lại đơn vị)", "action_return", "Trả lại đơn vị"),
    { content: "Say why", trigger: `.modal .o_field_widget[name=reason] textarea`, run: `edit ${REASON}` },
    click("Return it", `.modal button[name=action_confirm]`),
    RETURNED,
    reasonShown("The form shows the reason to the unit"),
    { content: "The dialog is closed", trigger: "body:not(:has(.modal))" },
]);

addTour("learning_unit_reviewer_resubmit_tour", () => [
    ...openAssessment(UNIT),
    RETURNED,
    reasonShown("The officer reads why it came back"),
    {
        content: "The officer reads the review and the note of each indicator on its line",
        trigger: `${row(C3C)} td[name=review_note]:contains("${FIRST[C3C].note}")`,
        run() {
            assertEqual(parseNumber(lineCell(C3C, "review_score").textContent), FIRST[C3C].score, "3c");
            assertEqual(lineCell(C1C, "review_note").textContent.trim(), FIRST[C1C].note, "1c's note");
        },
    },
    ...printButtonSteps(PHU_LUC_2, `${FORM} .o_statusbar_status`),
    clickButton("Submit it again", "action_submit"),
    confirmDialog("Confirm the submission"),
    SUBMITTED,
]);

addTour("learning_unit_reviewer_recognition_tour", () => [
    ...openAssessment(UNIT),
    ...reviewFromUnit(SECOND),
    ...save(2),
    {
        content: "Two results are confirmed, the review is in progress",
        trigger: `${FORM} .o_field_widget[name=review_confirmed_count]`,
        run() {
            assertReview(SECOND);
            assertEqual(fieldNumber("review_confirmed_count"), 2, "Review results confirmed");
        },
    },
    ...confirmRemaining("Xác nhận các kết quả còn lại"),
    {
        content: "The review total is shown: 97, Tốt, 3 points below the unit's",
        trigger: `${FORM} .o_field_widget[name=review_rank]:contains("Tốt")`,
        run() {
            assertEqual(fieldNumber("review_total"), 97, "Review total");
            assertEqual(fieldNumber("review_difference"), -3, "Review difference");
            assertReview(SECOND);
        },
    },
    ...finishReview(),
    ...openPeriod(YEAR),
    ...issueDecision(UNIT),
    {
        content: `It is numbered ${DECISION}`,
        trigger: `${FORM} .oe_title .o_field_widget[name=name]:contains("${DECISION}")`,
    },
    ...openAssessment(UNIT),
    RECOGNISED,
    { content: "The ribbon reads Đã công nhận", trigger: `${FORM} .ribbon:contains("Đã công nhận")` },
    openTab("Open the review page", "review"),
    fieldShows(`The assessment carries the decision number ${DECISION}`, "decision_number", DECISION),
    ...openPeriod(YEAR),
    fieldShows("The period counts the recognised unit", "recognised_count", "1"),
    ...printSteps(DISTRICT_SUMMARY, `${FORM} .o_field_widget[name=recognised_count]`),
]);

addTour("learning_unit_reviewer_levels_tour", () => [
    ...openAssessment(LEVELS_UNIT),
    ...startReview(),
    click(
        "Edit the review of indicator 3.1",
        `${LINES} .o_data_row:has(td[name=label]:contains("3.1")) td[name=review_level]`
    ),
    {
        content: "The reviewers find level 1",
        trigger: `${LINES} .o_selected_row td[name=review_level] select`,
        run: 'select "level_1"',
    },
    { content: "Why", trigger: `${LINES} .o_selected_row td[name=review_note] input`, run: `edit ${LEVELS_NOTE}` },
    ...save(1),
    ...confirmRemaining(),
    fieldShows('The review result reads "Mức độ 1"', "review_level", "Mức độ 1"),
    ...finishReview(),
    // the demo's open period is this year's
    ...openPeriod(new Date().getFullYear()),
    ...issueDecision(LEVELS_UNIT),
    // its annex, then the period's summary, as the reviewer prints them
    ...printSteps(DECISION_REPORT, `${FORM} .o_field_widget[name=name]:contains("/QĐ-")`),
    ...openAssessment(LEVELS_UNIT),
    RECOGNISED,
    openTab("Open the review page", "review"),
    fieldShows('Recognised at "Mức độ 1"', "recognised_level", "Mức độ 1"),
    ...openPeriod(new Date().getFullYear()),
    ...printSteps(DISTRICT_SUMMARY, `${FORM} .o_field_widget[name=recognised_count]`),
]);
