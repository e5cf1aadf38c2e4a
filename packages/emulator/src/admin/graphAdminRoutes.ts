import { definedFields } from "./adminInput";
import { OK, queryString, type AdminRoute } from "./adminRoute";

/** Admin routes of the Graph directory-role alerts (`/_emulator/graph/...`); alerts by full id or suffix. */
export const GRAPH_ADMIN_ROUTES: Readonly<Record<string, AdminRoute>> = {
    "GET graph/configurations": (admin, _input, query) => admin.graph.configuration(queryString(query, "alertId")),
    "POST graph/configurations": (admin, input) => {
        input.only(["alertId", "properties"]);
        admin.graph.setConfiguration(input.string("alertId"), input.object("properties"));
        return OK;
    },
    "GET graph/alerts": (admin, _input, query) => admin.graph.alert(queryString(query, "alertId")),
    "POST graph/alerts": (admin, input) => {
        input.only(["alertId", "isActive"]);
        admin.graph.setAlertActive(input.string("alertId"), input.boolean("isActive"));
        return OK;
    },
    "POST graph/incidents": (admin, input) => {
        input.only(["alertId", "properties"]);
        return { incidentId: admin.graph.raiseIncident(input.string("alertId"), input.optionalObject("properties")) };
    },
    "POST graph/definitions": (admin, input) => {
        input.only(["alertId", "isRemediatable", "isConfigurable"]);
        const flags = definedFields({
            isRemediatable: input.optionalBoolean("isRemediatable"),
            isConfigurable: input.optionalBoolean("isConfigurable"),
        });
        admin.graph.setDefinitionFlags(input.string("alertId"), flags);
        return OK;
    },
};
