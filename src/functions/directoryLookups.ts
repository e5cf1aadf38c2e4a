/**
 * The data functions' reads of the Entra directory roles (Microsoft Graph beta), mapped to the shared
 * result shapes. Lists need no tenant id (they go with Graph's required scope filter); incidents do.
 */
import type { DirectoryAlertRef } from "../graph/directoryId";
import {
    listDirectoryAlerts,
    listDirectoryConfigurations,
    listDirectoryDefinitions,
    listDirectoryIncidents,
} from "../graph/alertActions";
import type { ApiClient } from "../http/apiClient";
import { typedIncident, type AlertIncidentInfo } from "./incidentTypes";
import type { AlertConfigurationInfo, AlertDefinitionInfo, AlertInfo } from "./results";
import { joinDefinitions, normalizeSeverity, shortDirectoryAlertId, splitValues, type AlertState } from "./shapes";

/** The directory-role alert definitions. */
export async function directoryDefinitions(graph: ApiClient): Promise<AlertDefinitionInfo[]> {
    return (await listDirectoryDefinitions(graph)).map((d) => ({
        id: d.id,
        alertId: shortDirectoryAlertId(d.id),
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

/** The directory-role alert configurations, with every value Graph returned (durations as Graph spells them). */
export async function directoryConfigurations(graph: ApiClient): Promise<AlertConfigurationInfo[]> {
    return (await listDirectoryConfigurations(graph)).map((c) => ({
        id: c.id,
        alertId: c.alertId,
        configurationType: c.odataType,
        ...splitValues(c.values),
    }));
}

/** The directory-role alerts with their state (one list, no definitions). */
export async function directoryAlertStates(graph: ApiClient): Promise<AlertState[]> {
    return (await listDirectoryAlerts(graph)).map((a) => ({
        id: a.id,
        alertId: shortDirectoryAlertId(a.id),
        isActive: a.isActive,
        incidentCount: a.incidentCount,
        lastScannedDateTime: a.lastScannedDateTime,
        lastModifiedDateTime: a.lastModifiedDateTime,
    }));
}

/** The directory-role alerts with their state, severity and display name. */
export async function directoryAlerts(graph: ApiClient): Promise<AlertInfo[]> {
    const [alerts, definitions] = await Promise.all([directoryAlertStates(graph), directoryDefinitions(graph)]);
    return joinDefinitions(alerts, definitions);
}

/** The incidents of one directory-role alert, typed by incident type. */
export async function directoryIncidents(graph: ApiClient, ref: DirectoryAlertRef): Promise<AlertIncidentInfo[]> {
    return (await listDirectoryIncidents(graph, ref)).map((i) =>
        typedIncident(i.incidentId, i.incidentType, i.properties),
    );
}
