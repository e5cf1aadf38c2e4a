/**
 * Read functions and actions of the ARM PIM alerts API: definitions, alerts, incidents,
 * refresh (a long-running operation) and remediation.
 */
import type { ApiClient } from "../http/apiClient";
import { PimAlertsError } from "../errors";
import { expectBody } from "../http/responseBody";
import { awaitScan, type PollOptions } from "../http/longRunningOperation";
import { ARM_API_VERSION } from "./alertsClient";
import { describeOperationDetail } from "./operationDetail";
import {
    parseAlertSummary,
    parseDefinition,
    parseIncident,
    parseOperation,
    type AlertDefinition,
    type AlertIncident,
    type AlertOperation,
    type AlertSummary,
} from "./readModels";

const QUERY = { "api-version": ARM_API_VERSION } as const;
const base = (scope: string) => `${scope}/providers/Microsoft.Authorization`;

/** Lists the alert definitions at a scope. */
export async function listDefinitions(http: ApiClient, scope: string): Promise<AlertDefinition[]> {
    const items = await http.listAll({
        path: `${base(scope)}/roleManagementAlertDefinitions`,
        query: QUERY,
        subject: { scope, description: `alert definitions at ${scope}` },
    });
    return items.map((item) =>
        expectBody(http, "GET", `${base(scope)}/roleManagementAlertDefinitions`, parseDefinition(item)),
    );
}

/** Lists the alerts at a scope with their state. */
export async function listAlerts(http: ApiClient, scope: string): Promise<AlertSummary[]> {
    const items = await http.listAll({
        path: `${base(scope)}/roleManagementAlerts`,
        query: QUERY,
        subject: { scope, description: `alerts at ${scope}` },
    });
    return items.map((item) => expectBody(http, "GET", `${base(scope)}/roleManagementAlerts`, parseAlertSummary(item)));
}

/** Lists the incidents of one alert. */
export async function listIncidents(http: ApiClient, scope: string, alertId: string): Promise<AlertIncident[]> {
    const path = `${base(scope)}/roleManagementAlerts/${alertId}/alertIncidents`;
    const items = await http.listAll({
        path,
        query: QUERY,
        subject: { scope, description: `incidents of alert ${alertId} at ${scope}` },
    });
    return items.map((item) => expectBody(http, "GET", path, parseIncident(item)));
}

/**
 * Starts a scan of one alert (or all alerts) at a scope and waits for it to finish.
 * Note: a refresh re-activates alerts that were dismissed.
 */
export async function refreshAlerts(
    http: ApiClient,
    scope: string,
    alertId: string | undefined,
    options: PollOptions = {},
): Promise<AlertOperation> {
    const path = alertId
        ? `${base(scope)}/roleManagementAlerts/${alertId}/refresh`
        : `${base(scope)}/roleManagementAlerts/refresh`;
    const what = `refresh of ${alertId ? `alert ${alertId}` : "all alerts"} at ${scope}`;
    // 202 + Location (the spec), or one spec variant's 200 with the final result: awaitScan reads both.
    const started = await http.send({ method: "POST", path, query: QUERY, subject: { scope, description: what } });
    const read = (body: unknown) => {
        const op = expectBody(http, "GET", path, parseOperation(body));
        return { ...op, detail: describeOperationDetail(op.statusDetail) };
    };
    // A Location answered 200/204 without a status body: done, as ARM's Location protocol says.
    return awaitScan(http, started, read, "Succeeded", what, options);
}

/** Remediates one incident; refuses, before any call, when the alert is not remediatable. */
export async function remediateIncident(
    http: ApiClient,
    scope: string,
    alertId: string,
    incidentId: string,
): Promise<void> {
    const definitions = await listDefinitions(http, scope);
    const definition = definitions.find((d) => d.alertId === alertId);
    if (!definition)
        throw new PimAlertsError(
            `remediating incident ${incidentId}: alert ${alertId} has no definition at ${scope}; alerts there: ${definitions.map((d) => d.alertId).join(", ")}`,
        );
    if (!definition.isRemediatable)
        throw new PimAlertsError(
            `remediating incident ${incidentId}: alert ${alertId} is not remediatable; follow its mitigation steps instead: ${definition.mitigationSteps}`,
        );
    const path = `${base(scope)}/roleManagementAlerts/${alertId}/alertIncidents/${incidentId}/remediate`;
    await http.send({
        method: "POST",
        path,
        query: QUERY,
        subject: { scope, description: `incident ${incidentId} of alert ${alertId} at ${scope}` },
    });
}
