/**
 * The data functions' reads at an ARM scope, mapped to the shared result shapes. Ids are built from
 * the canonical scope, so they are stable whatever spelling the caller or the service used.
 */
import { listAlerts, listDefinitions, listIncidents } from "../arm/alertActions";
import { createArmAlertsClient } from "../arm/alertsClient";
import type { ArmAlertId } from "../arm/catalog";
import { formatAlertResourceId } from "../arm/configurationId";
import type { ApiClient } from "../http/apiClient";
import { typedIncident, type AlertIncidentInfo } from "./incidentTypes";
import { joinDefinitions, normalizeSeverity, splitValues, type AlertState } from "./shapes";
import type { AlertConfigurationInfo, AlertDefinitionInfo, AlertInfo } from "./results";

const provider = (scope: string) => `${scope}/providers/Microsoft.Authorization`;

/** The alert definitions at a canonical ARM scope. */
export async function armDefinitions(arm: ApiClient, scope: string): Promise<AlertDefinitionInfo[]> {
    return (await listDefinitions(arm, scope)).map((d) => ({
        id: `${provider(scope)}/roleManagementAlertDefinitions/${d.alertId}`,
        alertId: d.alertId,
        displayName: d.displayName,
        severity: normalizeSeverity(d.severityLevel),
        description: d.description,
        securityImpact: d.securityImpact,
        mitigationSteps: d.mitigationSteps,
        howToPrevent: d.howToPrevent,
        isConfigurable: d.isConfigurable,
        isRemediatable: d.isRemediatable,
    }));
}

/** The alert configurations at a canonical ARM scope, with every value ARM returned. */
export async function armConfigurations(arm: ApiClient, scope: string): Promise<AlertConfigurationInfo[]> {
    return (await createArmAlertsClient(arm).listConfigurations(scope)).map((c) => ({
        id: formatAlertResourceId({ scope, alertId: c.alertId, collection: "roleManagementAlertConfigurations" }),
        alertId: c.alertId,
        configurationType: c.alertConfigurationType,
        ...splitValues(c.values),
    }));
}

/** The alerts at a canonical ARM scope with their state (one list, no definitions). */
export async function armAlertStates(arm: ApiClient, scope: string): Promise<AlertState[]> {
    return (await listAlerts(arm, scope)).map((a) => ({
        id: `${provider(scope)}/roleManagementAlerts/${a.alertId}`,
        alertId: a.alertId,
        isActive: a.isActive,
        incidentCount: a.incidentCount,
        lastScannedDateTime: a.lastScannedDateTime,
        lastModifiedDateTime: a.lastModifiedDateTime,
    }));
}

/** The alerts at a canonical ARM scope with their state, severity and display name. */
export async function armAlerts(arm: ApiClient, scope: string): Promise<AlertInfo[]> {
    const [alerts, definitions] = await Promise.all([armAlertStates(arm, scope), armDefinitions(arm, scope)]);
    return joinDefinitions(alerts, definitions);
}

/** The incidents of one alert at a canonical ARM scope, typed by incident type. */
export async function armIncidents(arm: ApiClient, scope: string, alertId: ArmAlertId): Promise<AlertIncidentInfo[]> {
    return (await listIncidents(arm, scope, alertId)).map((i) =>
        typedIncident(i.incidentId, i.alertIncidentType, i.properties),
    );
}
