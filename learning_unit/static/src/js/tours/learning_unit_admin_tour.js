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
            {
                content: "Open Settings",
                trigger: `.o_app[data-menu-xmlid="base.menu_administration"]`,
                run: "click",
            },
            {
                content: "Open Users & Companies",
                trigger: `.o_main_navbar [data-menu-xmlid="base.menu_users"]`,
                run: "click",
            },
            {
                content: "Open Users",
                trigger: `.dropdown-item[data-menu-xmlid="base.menu_action_res_users"]`,
                run: "click",
            },
            {
                content: `Open the user ${user}`,
                trigger: `.o_data_row td.o_data_cell:contains("${user}")`,
                run: "click",
            },
            {
                content: "The roles of Đơn vị học tập are a drop-down, without developer mode",
                trigger: `.o_form_view .o_field_widget select:has(option:contains("Cán bộ đơn vị")):has(option:contains("Quản trị"))`,
            },
            {
                content: "Choose the reviewing level's role",
                trigger: `.o_form_view .o_field_widget select:has(option:contains("Cấp thẩm định"))`,
                run: "selectByLabel Cấp thẩm định",
            },
            ...stepUtils.saveForm(),
            {
                content: "Back to the apps",
                trigger: ".o_navbar_apps_menu button",
                run: "click",
            },
            {
                content: "Open the Learning Units app",
                trigger: `.o_app[data-menu-xmlid="learning_unit.menu_root"]`,
                run: "click",
            },
            {
                content: "Open the configuration",
                trigger: `.o_main_navbar [data-menu-xmlid="learning_unit.menu_configuration"]`,
                run: "click",
            },
            {
                content: "Open the reviewers",
                trigger: `.dropdown-item[data-menu-xmlid="learning_unit.menu_reviewers"]`,
                run: "click",
            },
            {
                content: `The new reviewer ${user} is listed`,
                trigger: `.o_data_row:contains("${user}") td[name=lu_review_department_ids]`,
                run: "click",
            },
            {
                content: `Type the district ${district}`,
                trigger: `.o_data_row.o_selected_row td[name=lu_review_department_ids] input`,
                run: `edit ${district}`,
            },
            {
                // a unit of the district reads "district / unit"
                content: "Choose the district itself, not one of its units",
                trigger: `.o-autocomplete--dropdown-menu .dropdown-item:not(:contains("/")):contains("${district}")`,
                run: "click",
            },
            {
                content: "Save the list",
                trigger: ".o_list_button_save",
                run: "click",
            },
            {
                content: "The reviewer's scope shows the district",
                trigger: `.o_data_row:contains("${user}") td[name=lu_review_department_ids] .o_tag:contains("${district}")`,
            },
            {
                content: "Saved",
                trigger: ".o_list_view:not(:has(.o_selected_row))",
            },
        ];
    },
});
