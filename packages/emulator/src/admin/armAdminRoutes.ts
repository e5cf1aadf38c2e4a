import { definedFields } from "./adminInput";
import { OK, queryString, type AdminRoute } from "./adminRoute";

/** Admin routes of the ARM state (`/_emulator/arm/...`); scopes as `subscriptions/<id>`, slash optional. */
export const ARM_ADMIN_ROUTES: Readonly<Record<string, AdminRoute>> = {
    "GET arm/configurations": (admin, _input, query) => admin.configuration(queryString(query, "scope"), queryString(query, "alertId")),
    "POST arm/configurations": (admin, input) => {
        input.only(["scope", "alertId", "properties"]);
        admin.setConfiguration(input.string("scope"), input.string("alertId"), input.object("properties"));
        return OK;
    },
    "GET arm/alerts": (admin, _input, query) => admin.alert(queryString(query, "scope"), queryString(query, "alertId")),
    "POST arm/alerts": (admin, input) => {
        input.only(["scope", "alertId", "isActive"]);
        admin.setAlertActive(input.string("scope"), input.string("alertId"), input.boolean("isActive"));
        return OK;
    },
    "POST arm/incidents": (admin, input) => {
        input.only(["scope", "alertId", "properties"]);
        const incidentId = admin.raiseIncident(input.string("scope"), input.string("alertId"), input.optionalObject("properties"));
        return { incidentId };
    },
    "POST arm/definitions": (admin, input) => {
        input.only(["scope", "alertId", "isRemediatable", "isConfigurable"]);
        const isRemediatable = input.optionalBoolean("isRemediatable");
        const flags = definedFields({ isRemediatable, isConfigurable: input.optionalBoolean("isConfigurable") });
        admin.setDefinitionFlags(input.string("scope"), input.string("alertId"), flags);
        return OK;
    },
};
