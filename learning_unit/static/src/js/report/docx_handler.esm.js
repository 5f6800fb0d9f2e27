/** @odoo-module **/
// DOCX reports of learning_unit in the Print menu: downloaded from
// /report/docx/<report>/<ids> (see controllers/main.py).
import {download} from "@web/core/network/download";
import {registry} from "@web/core/registry";
import {user} from "@web/core/user";

registry
    .category("ir.actions.report handlers")
    .add("learning_unit_docx_handler", async function (action, options, env) {
        if (action.report_type !== "docx") {
            return false;
        }
        let url = `/report/docx/${action.report_name}`;
        const context = action.context || {};
        if (context.active_ids) {
            url += `/${context.active_ids.join(",")}`;
        }
        env.services.ui.block();
        try {
            await download({url, data: {context: JSON.stringify(user.context)}});
        } finally {
            env.services.ui.unblock();
        }
        if (options.onClose) {
            options.onClose();
        }
        return true;
    });
