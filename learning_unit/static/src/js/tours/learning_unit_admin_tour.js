/** @odoo-module **/
/**
 * The administrator's part (login "admin", no developer mode): in Settings ›
 * Users, give a user the reviewing level's role from the drop-down of the
 * "Đơn vị học tập: Cấp thẩm định" category; then in Đơn vị học tập › Cấu hình ›
 * Cấp thẩm định, give that reviewer the district to review.
 *
 * Started by tests/test_tour_admin.py, which creates the user and the district
 * and passes their names in the cookies "lu_user" and "lu_district".
 */

import {
    FORM,
    LIST,
    addTour,
    click,
    cookie,
    navigate,
    openApp,
    openSubMenu,
    saveForm,
} from "@learning_unit/js/tours/learning_unit_tour_steps";

addTour(
    "learning_unit_admin_tour",
    () => {
        const user = cookie("lu_user");
        const district = cookie("lu_district");
        const reviewer = `${LIST} .o_data_row:contains("${user}") td[name=lu_review_department_ids]`;
        const scope = `${LIST} .o_data_row.o_selected_row td[name=lu_review_department_ids]`;
        return [
            ...openSubMenu("Users", "base.menu_users", "base.menu_action_res_users"),
            navigate(`Open the user ${user}`, `${LIST} .o_data_row td.o_data_cell:contains("${user}")`),
            {
                content: "The roles of Đơn vị học tập are a drop-down, without developer mode",
                trigger: `${FORM} .o_field_widget select:has(option:contains("Cán bộ đơn vị")):has(option:contains("Quản trị"))`,
            },
            {
                content: "Choose the reviewing level's role",
                trigger: `${FORM} .o_field_widget select:has(option:contains("Cấp thẩm định"))`,
                run: "selectByLabel Cấp thẩm định",
            },
            // a selection does not save the user: the form stays unsaved
            ...saveForm(`.o_field_widget select:has(option:checked:contains("Cấp thẩm định"))`),
            ...openApp(),
            ...openSubMenu("the reviewers", "learning_unit.menu_configuration", "learning_unit.menu_reviewers"),
            click(`The new reviewer ${user} is listed`, reviewer),
            { content: `Type the district ${district}`, trigger: `${scope} input`, run: `edit ${district}` },
            // a unit of the district reads "district / unit"
            click(
                "Choose the district itself, not one of its units",
                `.o-autocomplete--dropdown-menu .dropdown-item:not(:contains("/")):contains("${district}")`
            ),
            { content: "The district is chosen", trigger: `${scope} .o_tag:contains("${district}")` },
            click("Save the list", `${LIST} .o_list_button_save:enabled`),
            {
                // the row leaves edition once the server saved it
                content: "Saved: the reviewer's scope shows the district",
                trigger: `${LIST}:not(:has(.o_selected_row)) .o_data_row:contains("${user}") td[name=lu_review_department_ids] .o_tag:contains("${district}")`,
            },
        ];
    },
    "base.menu_administration"
);
