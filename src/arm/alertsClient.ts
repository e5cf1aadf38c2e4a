/**
 * Typed calls to the ARM PIM alerts API used by the resources. Each call says what it is about,
 * so failures carry a useful description and advice.
 */
import type { ParseResult } from "../errors";
import type { ApiClient } from "../http/apiClient";
import { expectBody } from "../http/responseBody";
import type { ArmAlertId } from "./catalog";
import { describeAlertResource, formatAlertResourceId, type ArmAlertCollection } from "./configurationId";
import {
    alertPatchBody,
    configurationPatchBody,
    parseAlert,
    parseConfiguration,
    type ArmAlertState,
    type ArmConfiguration,
    type ConfigurationValues,
} from "./payload";

/** The only api-version that has these APIs. */
export const ARM_API_VERSION = "2022-08-01-preview";

const QUERY = { "api-version": ARM_API_VERSION } as const;

/**
 * The items of a list that this package can read, under the alert id each names (its `name`, else
 * the last segment of its `id`). An item it cannot read (a newer `alertConfigurationType`, a hollow
 * body) is left out: a caller reads it with its own GET, which gives the definitive answer or error.
 */
export type ListedItems<T> = ReadonlyMap<string, T>;

/** Alert and alert-configuration operations at one ARM scope. */
export interface ArmAlertsClient {
    getConfiguration(scope: string, alertId: ArmAlertId): Promise<ArmConfiguration>;
    listConfigurations(scope: string): Promise<ArmConfiguration[]>;
    /** The readable configurations on the first page of the list at `scope` (one request). */
    listConfigurationItems(scope: string): Promise<ListedItems<ArmConfiguration>>;
    patchConfiguration(scope: string, alertId: ArmAlertId, values: ConfigurationValues): Promise<void>;
    getAlert(scope: string, alertId: ArmAlertId): Promise<ArmAlertState>;
    /** The readable alerts on the first page of the list at `scope`, with their state (one request). */
    listAlertItems(scope: string): Promise<ListedItems<ArmAlertState>>;
    patchAlert(scope: string, alertId: ArmAlertId, isActive: boolean): Promise<void>;
}

/** Builds the client over an ARM {@link ApiClient}. */
export function createArmAlertsClient(http: ApiClient): ArmAlertsClient {
    const target = (scope: string, alertId: ArmAlertId, collection: ArmAlertCollection) => ({
        path: formatAlertResourceId({ scope, alertId, collection }),
        subject: { scope, description: describeAlertResource({ scope, alertId, collection }) },
    });
    async function listItems<T>(
        scope: string,
        collection: ArmAlertCollection,
        parse: (item: unknown) => ParseResult<T>,
    ): Promise<ListedItems<T>> {
        const path = `${scope}/providers/Microsoft.Authorization/${collection}`;
        const description = `${collection === "roleManagementAlerts" ? "alerts" : "alert configurations"} at ${scope}`;
        // One request: the first page (a scope holds a handful of items; a list in pages is not followed).
        const { items } = await http.listPage({ path, query: QUERY, subject: { scope, description } });
        const listed = new Map<string, T>();
        for (const item of items) {
            const alertId = itemAlertId(item);
            if (alertId === undefined)
                expectBody(http, "GET", path, { ok: false, problem: "a list item has neither a name nor an id" });
            const value = parse(item);
            if (alertId !== undefined && value.ok) listed.set(alertId, value.value);
        }
        return listed;
    }
    async function getItem<T>(
        scope: string,
        alertId: ArmAlertId,
        collection: ArmAlertCollection,
        parse: (body: unknown) => ParseResult<T>,
    ): Promise<T> {
        const t = target(scope, alertId, collection);
        const { body } = await http.send({ method: "GET", path: t.path, query: QUERY, subject: t.subject });
        return expectBody(http, "GET", t.path, parse(body));
    }

    return {
        getConfiguration: (scope, alertId) =>
            getItem(scope, alertId, "roleManagementAlertConfigurations", parseConfiguration),
        async listConfigurations(scope) {
            const path = `${scope}/providers/Microsoft.Authorization/roleManagementAlertConfigurations`;
            const items = await http.listAll({
                path,
                query: QUERY,
                subject: { scope, description: `alert configurations at ${scope}` },
            });
            return items.map((item) => expectBody(http, "GET", path, parseConfiguration(item)));
        },
        listConfigurationItems: (scope) => listItems(scope, "roleManagementAlertConfigurations", parseConfiguration),
        async patchConfiguration(scope, alertId, values) {
            const t = target(scope, alertId, "roleManagementAlertConfigurations");
            await http.send({
                method: "PATCH",
                path: t.path,
                query: QUERY,
                body: configurationPatchBody(alertId, values),
                subject: t.subject,
            });
        },
        getAlert: (scope, alertId) => getItem(scope, alertId, "roleManagementAlerts", parseAlert),
        listAlertItems: (scope) => listItems(scope, "roleManagementAlerts", parseAlert),
        async patchAlert(scope, alertId, isActive) {
            const t = target(scope, alertId, "roleManagementAlerts");
            await http.send({
                method: "PATCH",
                path: t.path,
                query: QUERY,
                body: alertPatchBody(isActive),
                subject: t.subject,
            });
        },
    };
}

/** The alert id a list item is about: its `name`, else the last segment of its `id`. */
function itemAlertId(item: unknown): string | undefined {
    if (typeof item !== "object" || item === null) return undefined;
    const { name, id } = item as Record<string, unknown>;
    if (typeof name === "string" && name !== "") return name;
    const last = typeof id === "string" ? id.split("/").pop() : undefined;
    return last === undefined || last === "" ? undefined : last;
}
