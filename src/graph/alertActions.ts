/**
 * Read functions and actions of the Microsoft Graph beta directory-role alerts API: definitions,
 * configurations, alerts, incidents, refresh (a long-running operation) and remediation.
 * Every list goes through {@link directoryListQuery} (Graph answers 400 without the scope filter).
 */
import type { ApiClient } from "../http/apiClient";
import { PimAlertsError } from "../errors";
import { awaitScan, type PollOptions } from "../http/longRunningOperation";
import { expectBody } from "../http/responseBody";
import {
    describeDirectoryAlert,
    directoryItemPath,
    directoryListQuery,
    formatDirectoryAlertId,
    ROLE_MANAGEMENT_ALERTS_PATH,
    type DirectoryAlertRef,
} from "./directoryId";
import { parseDirectoryConfiguration, type DirectoryConfiguration } from "./payload";
import {
    parseDirectoryAlertSummary,
    parseDirectoryDefinition,
    parseDirectoryIncident,
    parseDirectoryOperation,
    type DirectoryAlertSummary,
    type DirectoryDefinition,
    type DirectoryIncident,
    type DirectoryOperation,
} from "./readModels";

const listOf = (http: ApiClient, collection: string, description: string) =>
    http.listAll({
        path: `${ROLE_MANAGEMENT_ALERTS_PATH}/${collection}`,
        query: directoryListQuery(),
        subject: { description },
    });

/** Lists the directory-role alert definitions. */
export async function listDirectoryDefinitions(http: ApiClient): Promise<DirectoryDefinition[]> {
    const items = await listOf(http, "alertDefinitions", "directory-role alert definitions");
    return items.map((item) =>
        expectBody(http, "GET", `${ROLE_MANAGEMENT_ALERTS_PATH}/alertDefinitions`, parseDirectoryDefinition(item)),
    );
}

/** Lists the directory-role alerts with their state. */
export async function listDirectoryAlerts(http: ApiClient): Promise<DirectoryAlertSummary[]> {
    const items = await listOf(http, "alerts", "directory-role alerts");
    return items.map((item) =>
        expectBody(http, "GET", `${ROLE_MANAGEMENT_ALERTS_PATH}/alerts`, parseDirectoryAlertSummary(item)),
    );
}

/** Lists the directory-role alert configurations with every value Graph returns. */
export async function listDirectoryConfigurations(http: ApiClient): Promise<DirectoryConfiguration[]> {
    const items = await listOf(http, "alertConfigurations", "directory-role alert configurations");
    return items.map((item) =>
        expectBody(
            http,
            "GET",
            `${ROLE_MANAGEMENT_ALERTS_PATH}/alertConfigurations`,
            parseDirectoryConfiguration(item),
        ),
    );
}

/** Lists the incidents of one alert (no filter needed below an alert). */
export async function listDirectoryIncidents(http: ApiClient, ref: DirectoryAlertRef): Promise<DirectoryIncident[]> {
    const path = `${directoryItemPath("alerts", ref)}/alertIncidents`;
    const items = await http.listAll({
        path,
        subject: { description: `incidents of ${describeDirectoryAlert("alerts", ref)}` },
    });
    return items.map((item) => expectBody(http, "GET", path, parseDirectoryIncident(item)));
}

/** Reads one alert definition. */
export async function getDirectoryDefinition(http: ApiClient, ref: DirectoryAlertRef): Promise<DirectoryDefinition> {
    const path = `${ROLE_MANAGEMENT_ALERTS_PATH}/alertDefinitions/${formatDirectoryAlertId(ref)}`;
    const { body } = await http.send({
        method: "GET",
        path,
        subject: { description: `the definition of directory alert ${ref.alertId} in tenant ${ref.tenantId}` },
    });
    return expectBody(http, "GET", path, parseDirectoryDefinition(body));
}

/**
 * Starts a scan of one alert (or all of them) and waits for it to finish: Graph answers 202 with a
 * `Location` to poll. Note: a refresh re-activates alerts that were dismissed.
 */
export async function refreshDirectoryAlerts(
    http: ApiClient,
    ref: DirectoryAlertRef | undefined,
    options: PollOptions = {},
): Promise<DirectoryOperation> {
    const what = `refresh of ${ref ? describeDirectoryAlert("alerts", ref) : "all directory-role alerts"}`;
    const started = ref
        ? await http.send({
              method: "POST",
              path: `${directoryItemPath("alerts", ref)}/refresh`,
              subject: { description: what },
          })
        : await http.send({
              method: "POST",
              path: `${ROLE_MANAGEMENT_ALERTS_PATH}/alerts/refresh`,
              body: { scopeId: "/", scopeType: "DirectoryRole" },
              subject: { description: what },
          });
    const read = (body: unknown) => {
        const op = expectBody(http, "GET", ROLE_MANAGEMENT_ALERTS_PATH, parseDirectoryOperation(body));
        return { ...op, detail: op.statusDetail };
    };
    // An operation URL that answers 200/204 without a status: done (Graph documents a status body; this is the fallback).
    return awaitScan(http, started, read, "succeeded", what, options);
}

/** Remediates one incident; refuses, before any write, when the alert's definition is not remediatable. */
export async function remediateDirectoryIncident(
    http: ApiClient,
    ref: DirectoryAlertRef,
    incidentId: string,
): Promise<void> {
    const definition = await getDirectoryDefinition(http, ref);
    if (!definition.isRemediatable) {
        throw new PimAlertsError(
            `remediating incident ${incidentId} of directory alert ${ref.alertId}: the alert is not remediatable; ` +
                `follow its mitigation steps instead: ${definition.mitigationSteps || "(none given)"}`,
        );
    }
    const path = `${directoryItemPath("alerts", ref)}/alertIncidents/${incidentId}/remediate`;
    await http.send({
        method: "POST",
        path,
        subject: { description: `incident ${incidentId} of ${describeDirectoryAlert("alerts", ref)}` },
    });
}
