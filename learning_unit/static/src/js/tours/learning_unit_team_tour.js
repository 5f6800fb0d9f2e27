/** @odoo-module **/
/**
 * Teams and minutes from their own menus, on the demo's current round.
 *
 * learning_unit_team_tour (the reviewer, login "thamdinh"): Văn bản › Đoàn
 * kiểm tra, tổ đánh giá › Mới opens an inspection team of the open period;
 * the reviewer names it, adds its head, switches to the units page with the
 * member's line still open (which once raised an error), adds a unit and
 * saves; then Văn bản › Biên bản kiểm tra › Mới opens minutes of that team and
 * unit, the reviewer writes the findings, saves and prints them.
 *
 * learning_unit_unit_team_tour (the officer, login "donvi"): the same menu
 * opens the unit's own evaluation team, whose roles read Tổ trưởng, Tổ phó.
 *
 * Started by tests/test_tour_team.py, which passes in cookies the period's
 * name (lu_period), the unit to inspect (lu_unit), the officer's unit
 * (lu_own_unit), an employee to add to the team (lu_employee) and the
 * minutes report's name (lu_print).
 */

import {
    FORM,
    LIST,
    SAVED_FORM,
    addTour,
    click,
    cookie,
    fieldShows,
    navigate,
    openSubMenu,
    openTab,
    printSteps,
    saveForm,
} from "@learning_unit/js/tours/learning_unit_tour_steps";

const TEAM = "Đoàn kiểm tra số 1";
const HEAD = "Nguyễn Văn Kiểm";
const FINDINGS = "Hồ sơ đầy đủ, minh chứng khớp với kết quả tự đánh giá.";
const UNIT_TEAM = "Tổ đánh giá năm học";
const UNIT_HEAD = "Trần Thị Tổ";

/** The many2one ``name`` of the form shows ``text`` (its input's value). */
function many2oneShows(content, name, text) {
    return {
        content,
        trigger: `${FORM} .o_field_widget[name=${name}] input`,
        run() {
            const input = document.querySelector(`${FORM} .o_field_widget[name=${name}] input`);
            if (!input.value.includes(text)) {
                throw new Error(`${name}: "${text}" expected, "${input.value}" shown.`);
            }
        },
    };
}


function newRecord(content) {
    return navigate(content, `${LIST} .o_control_panel .o_list_button_add`);
}

function addLine(content, field) {
    return click(content, `${FORM} .o_field_widget[name=${field}] .o_field_x2many_list_row_add a`);
}

addTour("learning_unit_team_tour", () => {
    const period = cookie("lu_period");
    const unit = cookie("lu_unit");
    const employee = cookie("lu_employee");
    const members = `${FORM} .o_field_widget[name=member_ids]`;
    const units = `${FORM} .o_field_widget[name=assessment_ids]`;
    return [
        ...openSubMenu("the teams", "learning_unit.menu_documents", "learning_unit.menu_team"),
        newRecord("New team"),
        // the kind the user sets up, not a choice
        fieldShows("A reviewer sets up an inspection team", "kind", "Đoàn kiểm tra"),
        many2oneShows(`The period is the open one, ${period}`, "period_id", period),
        many2oneShows("The scope is the reviewer's district", "department_id", "Huyện Thủ Thừa"),
        { content: "Name the team", trigger: `${FORM} .o_field_widget[name=name] input`, run: `edit ${TEAM}` },
        addLine("Add a member", "member_ids"),
        { content: "The member's name", trigger: `${members} .o_selected_row td[name=name] input`, run: `edit ${HEAD}` },
        {
            content: "An inspection team's head reads Trưởng đoàn",
            trigger: `${members} .o_selected_row td[name=role] select:has(option:contains("Trưởng đoàn"))`,
            run: 'select "head"',
        },
        addLine("Add a member from HR", "member_ids"),
        {
            // the head's line left edition: the new line is the one open
            content: `Type the employee ${employee}`,
            trigger: `${members}:has(.o_data_row:not(.o_selected_row):contains("${HEAD}")) .o_selected_row td[name=employee_id] input`,
            run: `edit ${employee}`,
        },
        click(`Choose ${employee}`, `.o-autocomplete--dropdown-menu .dropdown-item:contains("${employee}")`),
        {
            // once the server filled the line in from the employee
            content: "The employee names the member",
            trigger: `${members} .o_selected_row td[name=name] input:value("${employee}")`,
        },
        // the member's line is still open: switching pages must not fail
        openTab("Open the units page with the line open", "units"),
        addLine("Add a unit to inspect", "assessment_ids"),
        click(`Choose ${unit}`, `.modal .o_data_row:contains("${unit}") td.o_data_cell`),
        { content: `${unit} is listed`, trigger: `${units} .o_data_row:contains("${unit}")` },
        ...saveForm(`.o_field_widget[name=assessment_ids] .o_data_row:contains("${unit}")`),
        openTab("Back to the members", "members"),
        {
            content: "The head is saved",
            trigger: `${SAVED_FORM} .o_field_widget[name=member_ids] .o_data_row:contains("${HEAD}"):contains("Trưởng đoàn")`,
        },
        ...openSubMenu("the minutes", "learning_unit.menu_documents", "learning_unit.menu_minutes"),
        newRecord("New minutes"),
        many2oneShows("The minutes are the team's", "team_id", TEAM),
        many2oneShows(`of its unit ${unit}`, "assessment_id", unit),
        { content: "The findings", trigger: `${FORM} .o_field_widget[name=findings] textarea`, run: `edit ${FINDINGS}` },
        ...saveForm(`.o_field_widget[name=name]:contains("${TEAM}")`),
        ...printSteps(cookie("lu_print"), `${SAVED_FORM} .o_field_widget[name=findings]`),
    ];
});

addTour("learning_unit_unit_team_tour", () => {
    const period = cookie("lu_period");
    const unit = cookie("lu_own_unit");
    const members = `${FORM} .o_field_widget[name=member_ids]`;
    return [
        ...openSubMenu("the teams", "learning_unit.menu_documents", "learning_unit.menu_team"),
        newRecord("New team"),
        fieldShows("An officer sets up the unit's own team", "kind", "Tổ đánh giá"),
        many2oneShows(`The period is the open one, ${period}`, "period_id", period),
        many2oneShows(`The unit is ${unit}`, "department_id", unit),
        { content: "Name the team", trigger: `${FORM} .o_field_widget[name=name] input`, run: `edit ${UNIT_TEAM}` },
        addLine("Add a member", "member_ids"),
        { content: "The member's name", trigger: `${members} .o_selected_row td[name=name] input`, run: `edit ${UNIT_HEAD}` },
        {
            content: "A unit team's head reads Tổ trưởng",
            trigger: `${members} .o_selected_row td[name=unit_role] select:has(option:contains("Tổ trưởng")):has(option:contains("Tổ phó"))`,
            run: 'select "head"',
        },
        ...saveForm(`.o_field_widget[name=member_ids] .o_data_row:contains("${UNIT_HEAD}"):contains("Tổ trưởng")`),
    ];
});
