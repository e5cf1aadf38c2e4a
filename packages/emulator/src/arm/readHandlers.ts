/**
 * The read operations of the ARM PIM alerts API: the GETs (list and single) of alerts,
 * configurations, definitions and incidents, with ARM's `nextLink` paging.
 */
import { decodeSkipToken, encodeSkipToken, takePage } from "../core/paging";
import { jsonReply, type Reply } from "../core/http";
import { ARM_ALERT_KINDS, ARM_API_VERSION, findArmAlertKind } from "./catalog";
import { ARM_ERROR_CODES, armErrorReply, armNotFound } from "./errors";
import { alertPayload, configurationPayload, definitionPayload, incidentPayload } from "./payloads";
import type { ArmCall } from "./router";

/**
 * A pageable ARM list reply `{ value, nextLink? }`. `nextLink` is an absolute URL back to the
 * emulator with the api-version and an opaque `$skipToken`.
 * @param c - The ARM request.
 * @param items - The complete list.
 */
function armListReply(c: ArmCall, items: readonly unknown[]): Reply {
    const token = c.call.query.get("$skipToken") ?? c.call.query.get("$skiptoken");
    const offset = token === null ? 0 : decodeSkipToken(token);
    if (offset === undefined) {
        return armErrorReply(400, ARM_ERROR_CODES.invalidSkipToken, `The skip token '${token}' is not valid.`);
    }
    const page = takePage(items, offset, c.emulator.settings.pageSize);
    if (page.nextOffset === undefined) return jsonReply(200, { value: page.items });
    const next = new URL(c.call.path, c.emulator.baseUrl);
    next.searchParams.set("api-version", ARM_API_VERSION);
    next.searchParams.set("$skipToken", encodeSkipToken(page.nextOffset));
    return jsonReply(200, { value: page.items, nextLink: next.toString() });
}

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
    return kind === undefined
        ? armNotFound(c.scope, "alert", alertId)
        : jsonReply(200, alertPayload(c.scope, kind, c.state));
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
    if (kind === undefined) return armNotFound(c.scope, "configuration", alertId);
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
    if (kind === undefined) return armNotFound(c.scope, "definition", alertId);
    return jsonReply(200, definitionPayload(c.scope, kind, c.state));
}

/**
 * GET `roleManagementAlerts/{alertId}/alertIncidents` (AlertIncidents_ListForScope).
 * @param c - The ARM request.
 * @param alertId - Alert id from the URL (any case).
 */
export function listIncidents(c: ArmCall, alertId: string): Reply {
    const kind = findArmAlertKind(alertId);
    if (kind === undefined) return armNotFound(c.scope, "alert", alertId);
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
    if (kind === undefined) return armNotFound(c.scope, "alert", alertId);
    const incident = (c.state.incidents.get(kind.alertId) ?? []).find(
        (candidate) => candidate.name.toLowerCase() === incidentId.toLowerCase(),
    );
    if (incident === undefined) return armNotFound(c.scope, "incident", `${kind.alertId}/alertIncidents/${incidentId}`);
    return jsonReply(200, incidentPayload(c.scope, kind, incident));
}
