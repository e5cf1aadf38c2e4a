/**
 * Data functions and actions of PIM security alerts, for an ARM scope or the directory.
 * @packageDocumentation
 */
export { getAlertDefinitions, getAlertDefinitionsOutput } from "./getAlertDefinitions";
export type { GetAlertDefinitionsArgs, GetAlertDefinitionsOutputArgs } from "./getAlertDefinitions";
export { getAlertConfigurations, getAlertConfigurationsOutput } from "./getAlertConfigurations";
export type { GetAlertConfigurationsArgs, GetAlertConfigurationsOutputArgs } from "./getAlertConfigurations";
export { getAlerts, getAlertsOutput } from "./getAlerts";
export type { GetAlertsArgs, GetAlertsOutputArgs } from "./getAlerts";
export { getAlertIncidents, getAlertIncidentsOutput } from "./getAlertIncidents";
export type { GetAlertIncidentsArgs, GetAlertIncidentsOutputArgs } from "./getAlertIncidents";
export { refreshAlerts } from "./refreshAlerts";
export type { RefreshAlertsArgs } from "./refreshAlerts";
export { remediateIncident } from "./remediateIncident";
export type { RemediateIncidentArgs } from "./remediateIncident";
export type { RefreshAlertsResult, RemediateIncidentResult, RefreshWaitOptions } from "./actions";
export type {
    AlertConfigurationInfo,
    AlertDefinitionInfo,
    AlertInfo,
    GetAlertConfigurationsResult,
    GetAlertDefinitionsResult,
    GetAlertsResult,
} from "./results";
export type { AlertIncidentInfo, AlertIncidentOf, AlertIncidentType, GetAlertIncidentsResult } from "./incidentTypes";
export { INCIDENT_PROPERTIES } from "./incidentTypes";
export { DIRECTORY_SCOPE } from "./target";
