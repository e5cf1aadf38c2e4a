/**
 * Typed calls to the Microsoft Graph beta PIM alerts API of Entra directory roles
 * (`/identityGovernance/roleManagementAlerts`). Each call says what it is about, so failures carry a
 * useful description and advice. A PATCH answers 204 with no body: callers GET afterwards.
 */
import type { ApiClient } from "../http/apiClient";
import { expectBody } from "../http/responseBody";
import {
    describeDirectoryAlert,
    directoryItemPath,
    directoryListQuery,
    ROLE_MANAGEMENT_ALERTS_PATH,
    type DirectoryAlertRef,
    type DirectoryCollection,
} from "./directoryId";
import {
    directoryAlertPatchBody,
    directoryConfigurationPatchBody,
    parseDirectoryAlert,
    parseDirectoryConfiguration,
    type DirectoryAlertState,
    type DirectoryConfiguration,
    type DirectoryValues,
} from "./payload";

/** Alert and alert-configuration operations of one tenant's directory roles. */
export interface DirectoryAlertsClient {
    getConfiguration(ref: DirectoryAlertRef): Promise<DirectoryConfiguration>;
    /** The ids of every alert configuration (used to learn the tenant id); always sent with the required filter. */
    listConfigurationIds(): Promise<string[]>;
    patchConfiguration(ref: DirectoryAlertRef, values: DirectoryValues): Promise<void>;
    getAlert(ref: DirectoryAlertRef): Promise<DirectoryAlertState>;
    patchAlert(ref: DirectoryAlertRef, isActive: boolean): Promise<void>;
}

/** Builds the client over a Graph {@link ApiClient} (base URL ending in `/beta`). */
export function createDirectoryAlertsClient(http: ApiClient): DirectoryAlertsClient {
    const target = (collection: DirectoryCollection, ref: DirectoryAlertRef) => ({
        path: directoryItemPath(collection, ref),
        subject: { description: describeDirectoryAlert(collection, ref) },
    });
    const list = (collection: DirectoryCollection) =>
        http.listAll({
            path: `${ROLE_MANAGEMENT_ALERTS_PATH}/${collection}`,
            query: directoryListQuery(),
            subject: { description: `directory-role ${collection === "alerts" ? "alerts" : "alert configurations"}` },
        });

    return {
        async getConfiguration(ref) {
            const t = target("alertConfigurations", ref);
            const { body } = await http.send({ method: "GET", path: t.path, subject: t.subject });
            return expectBody(http, "GET", t.path, parseDirectoryConfiguration(body));
        },
        async listConfigurationIds() {
            const items = await list("alertConfigurations");
            const ids = items.map((item) =>
                typeof item === "object" && item !== null ? (item as Record<string, unknown>)["id"] : undefined,
            );
            return ids.filter((id): id is string => typeof id === "string");
        },
        async patchConfiguration(ref, values) {
            const t = target("alertConfigurations", ref);
            await http.send({
                method: "PATCH",
                path: t.path,
                body: directoryConfigurationPatchBody(ref.alertId, values),
                subject: t.subject,
            });
        },
        async getAlert(ref) {
            const t = target("alerts", ref);
            const { body } = await http.send({ method: "GET", path: t.path, subject: t.subject });
            return expectBody(http, "GET", t.path, parseDirectoryAlert(body));
        },
        async patchAlert(ref, isActive) {
            const t = target("alerts", ref);
            await http.send({
                method: "PATCH",
                path: t.path,
                body: directoryAlertPatchBody(isActive),
                subject: t.subject,
            });
        },
    };
}
