/**
 * The reads behind the data functions and the CLI, for either kind of scope: parse the arguments
 * (clear errors before any request), then read ARM or Microsoft Graph through the given clients.
 */
import type { DirectoryAlertRef } from "../graph/directoryId";
import { armAlerts, armAlertStates, armConfigurations, armDefinitions, armIncidents } from "./armLookups";
import type { PimClients } from "../clients/apiClients";
import {
    directoryAlerts,
    directoryAlertStates,
    directoryConfigurations,
    directoryDefinitions,
    directoryIncidents,
} from "./directoryLookups";
import type { GetAlertIncidentsResult } from "./incidentTypes";
import type {
    AlertConfigurationInfo,
    GetAlertConfigurationsResult,
    GetAlertDefinitionsResult,
    GetAlertsResult,
} from "./results";
import type { AlertState } from "./shapes";
import { parseTarget, parseTargetAlert, targetScope, type TargetAlert } from "./target";

/** The alert definitions of a scope (`"directory"` or an ARM scope). */
export async function lookupDefinitions(clients: PimClients, scope: unknown): Promise<GetAlertDefinitionsResult> {
    const target = parseTarget(scope);
    const definitions =
        target.kind === "arm"
            ? await armDefinitions(clients.arm, target.scope)
            : await directoryDefinitions(clients.graph);
    return { scope: targetScope(target), definitions };
}

/** The alert configurations of a scope, with every current value. */
export async function lookupConfigurations(clients: PimClients, scope: unknown): Promise<GetAlertConfigurationsResult> {
    const target = parseTarget(scope);
    const configurations =
        target.kind === "arm"
            ? await armConfigurations(clients.arm, target.scope)
            : await directoryConfigurations(clients.graph);
    return { scope: targetScope(target), configurations };
}

/** The alerts of a scope with their state, incident counts, severity and display name. */
export async function lookupAlerts(clients: PimClients, scope: unknown): Promise<GetAlertsResult> {
    const target = parseTarget(scope);
    const alerts =
        target.kind === "arm" ? await armAlerts(clients.arm, target.scope) : await directoryAlerts(clients.graph);
    return { scope: targetScope(target), alerts };
}

/**
 * The policy of a scope as `pim-alerts export` declares it: the configurations with every current
 * value and the alerts with their state (not their definitions), read in parallel.
 */
export async function lookupPolicy(
    clients: PimClients,
    scope: unknown,
): Promise<{ scope: string; configurations: AlertConfigurationInfo[]; alerts: AlertState[] }> {
    const target = parseTarget(scope);
    const [configurations, alerts] =
        target.kind === "arm"
            ? await Promise.all([
                  armConfigurations(clients.arm, target.scope),
                  armAlertStates(clients.arm, target.scope),
              ])
            : await Promise.all([directoryConfigurations(clients.graph), directoryAlertStates(clients.graph)]);
    return { scope: targetScope(target), configurations, alerts };
}

/** The incidents of one alert of a scope, typed by incident type. */
export async function lookupIncidents(
    clients: PimClients,
    scope: unknown,
    alertId: unknown,
): Promise<GetAlertIncidentsResult> {
    const target = parseTarget(scope);
    const alert = parseTargetAlert(target, alertId);
    const incidents =
        alert.kind === "arm"
            ? await armIncidents(clients.arm, alert.scope, alert.alertId)
            : await directoryIncidents(clients.graph, await directoryRef(clients, alert));
    return { scope: targetScope(target), alertId: alert.alertId, incidents };
}

/** Graph's reference of a directory alert: the tenant the caller named, else the signed-in tenant. */
export async function directoryRef(
    clients: PimClients,
    alert: Extract<TargetAlert, { kind: "directory" }>,
): Promise<DirectoryAlertRef> {
    return { tenantId: alert.tenantId ?? (await clients.directoryTenantId()), alertId: alert.alertId };
}
