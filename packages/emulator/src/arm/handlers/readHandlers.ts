import { jsonReply, type Reply } from "../../core/reply";
import type { ArmCall } from "../armCall";
import { armListReply } from "../armList";
import { ARM_ALERT_KINDS, findArmAlertKind } from "../catalog";
import { alertPayload, configurationPayload, definitionPayload, incidentPayload } from "../payloads";
import { armNotFound } from "./notFound";

/**
 * GET `roleManagementAlerts` (Alerts_ListForScope).
 * @param c - The ARM request.
 */
export function listAlerts(c: ArmCall): Reply {
    return armListReply(
        c,
        ARM_ALERT_KINDS.map((kind) => alertPayload(c.scope, kind, c.state)),
    );
}

/**
 * GET `roleManagementAlerts/{alertId}` (Alerts_Get).
 * @param c - The ARM request.
 * @param alertId - Alert id from the URL (any case).
 */
export function getAlert(c: ArmCall, alertId: string): Reply {
    const kind = findArmAlertKind(alertId);
    return kind === undefined ? armNotFound(c, "alert", alertId) : jsonReply(200, alertPayload(c.scope, kind, c.state));
}

/**
 * GET `roleManagementAlertConfigurations` (AlertConfigurations_ListForScope).
 * @param c - The ARM request.
 */
export function listConfigurations(c: ArmCall): Reply {
    return armListReply(
        c,
        ARM_ALERT_KINDS.map((kind) => configurationPayload(c.scope, kind, c.state)),
    );
}

/**
 * GET `roleManagementAlertConfigurations/{alertId}` (AlertConfigurations_Get).
 * @param c - The ARM request.
 * @param alertId - Alert id from the URL (any case).
 */
export function getConfiguration(c: ArmCall, alertId: string): Reply {
    const kind = findArmAlertKind(alertId);
    if (kind === undefined) return armNotFound(c, "configuration", alertId);
    return jsonReply(200, configurationPayload(c.scope, kind, c.state));
}

/**
 * GET `roleManagementAlertDefinitions` (AlertDefinitions_ListForScope).
 * @param c - The ARM request.
 */
export function listDefinitions(c: ArmCall): Reply {
    return armListReply(
        c,
        ARM_ALERT_KINDS.map((kind) => definitionPayload(c.scope, kind, c.state)),
    );
}

/**
 * GET `roleManagementAlertDefinitions/{alertDefinitionId}` (AlertDefinitions_Get).
 * @param c - The ARM request.
 * @param alertId - Definition id from the URL (any case).
 */
export function getDefinition(c: ArmCall, alertId: string): Reply {
    const kind = findArmAlertKind(alertId);
    if (kind === undefined) return armNotFound(c, "definition", alertId);
    return jsonReply(200, definitionPayload(c.scope, kind, c.state));
}

/**
 * GET `roleManagementAlerts/{alertId}/alertIncidents` (AlertIncidents_ListForScope).
 * @param c - The ARM request.
 * @param alertId - Alert id from the URL (any case).
 */
export function listIncidents(c: ArmCall, alertId: string): Reply {
    const kind = findArmAlertKind(alertId);
    if (kind === undefined) return armNotFound(c, "alert", alertId);
    const incidents = c.state.incidents.get(kind.alertId) ?? [];
    return armListReply(
        c,
        incidents.map((incident) => incidentPayload(c.scope, kind, incident)),
    );
}

/**
 * GET `roleManagementAlerts/{alertId}/alertIncidents/{alertIncidentId}` (AlertIncidents_Get).
 * @param c - The ARM request.
 * @param alertId - Alert id from the URL (any case).
 * @param incidentId - Incident name (a GUID, any case).
 */
export function getIncident(c: ArmCall, alertId: string, incidentId: string): Reply {
    const kind = findArmAlertKind(alertId);
    if (kind === undefined) return armNotFound(c, "alert", alertId);
    const incident = (c.state.incidents.get(kind.alertId) ?? []).find((candidate) => candidate.name.toLowerCase() === incidentId.toLowerCase());
    if (incident === undefined) return armNotFound(c, "incident", `${kind.alertId}/alertIncidents/${incidentId}`);
    return jsonReply(200, incidentPayload(c.scope, kind, incident));
}
