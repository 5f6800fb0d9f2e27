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

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";
import {
    FORM,
    LIST,
    VIEW,
    navigate,
    openApp,
    saveForm,
} from "@learning_unit/js/tours/learning_unit_tour";

function cookie(name) {
    const part = document.cookie.split("; ").find((c) => c.startsWith(`${name}=`));
    return part ? decodeURIComponent(part.split("=").slice(1).join("=")) : "";
}

registry.category("web_tour.tours").add("learning_unit_admin_tour", {
    url: "/odoo",
    steps: () => {
        const user = cookie("lu_user");
        const district = cookie("lu_district");
        return [
            stepUtils.showAppsMenuItem(),
            navigate("Open Settings", `.o_app[data-menu-xmlid="base.menu_administration"]`),
            {
                content: "Open Users & Companies",
                trigger: `body:has(${VIEW}) .o_main_navbar [data-menu-xmlid="base.menu_users"]`,
                run: "click",
            },
            navigate(
                "Open Users",
                `.dropdown-item[data-menu-xmlid="base.menu_action_res_users"]`
            ),
            navigate(
                `Open the user ${user}`,
                `${LIST} .o_data_row td.o_data_cell:contains("${user}")`
            ),
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
            {
                content: "Open the configuration",
                trigger: `.o_main_navbar [data-menu-xmlid="learning_unit.menu_configuration"]`,
                run: "click",
            },
            navigate(
                "Open the reviewers",
                `.dropdown-item[data-menu-xmlid="learning_unit.menu_reviewers"]`
            ),
            {
                content: `The new reviewer ${user} is listed`,
                trigger: `${LIST} .o_data_row:contains("${user}") td[name=lu_review_department_ids]`,
                run: "click",
            },
            {
                content: `Type the district ${district}`,
                trigger: `${LIST} .o_data_row.o_selected_row td[name=lu_review_department_ids] input`,
                run: `edit ${district}`,
            },
            {
                // a unit of the district reads "district / unit"
                content: "Choose the district itself, not one of its units",
                trigger: `.o-autocomplete--dropdown-menu .dropdown-item:not(:contains("/")):contains("${district}")`,
                run: "click",
            },
            {
                content: "The district is chosen",
                trigger: `${LIST} .o_data_row.o_selected_row td[name=lu_review_department_ids] .o_tag:contains("${district}")`,
            },
            {
                content: "Save the list",
                trigger: `${LIST} .o_list_button_save:enabled`,
                run: "click",
            },
            {
                // the row leaves edition once the server saved it
                content: "Saved: the reviewer's scope shows the district",
                trigger: `${LIST}:not(:has(.o_selected_row)) .o_data_row:contains("${user}") td[name=lu_review_department_ids] .o_tag:contains("${district}")`,
            },
        ];
    },
});
