/**
 * The write operations of the ARM PIM alerts API: PATCH of configurations and alerts, remediation of
 * an incident, and refresh as a long-running operation with its operation poll.
 */
import type { StoredOperation } from "../core/operationStore";
import { emptyReply, jsonReply, parseJsonBody, type Reply } from "../core/http";
import { ARM_ALERT_KINDS, ARM_API_VERSION, armDateTime, findArmAlertKind } from "./catalog";
import { ARM_ERROR_CODES, armErrorReply, armNotFound } from "./errors";
import { validateAlertPatch, validateConfigurationPatch, type ArmPatchValidation } from "./patchValidation";
import { operationPayload } from "./payloads";
import type { ArmCall } from "./router";
import { applyArmRefresh, type ArmRefreshInfo } from "./state";

function invalidContent(message: string): Reply {
    return armErrorReply(400, ARM_ERROR_CODES.invalidRequestContent, message);
}

function validatedBody(c: ArmCall, validate: (body: unknown) => ArmPatchValidation): ArmPatchValidation {
    const parsed = parseJsonBody(c.call.bodyText);
    return parsed.ok ? validate(parsed.value) : { ok: false, message: parsed.reason };
}

/**
 * PATCH `roleManagementAlertConfigurations/{alertId}` (AlertConfigurations_Update): validates,
 * merges the sent values over the stored ones (omitted fields keep their values), answers 204.
 * @param c - The ARM request.
 * @param alertId - Alert id from the URL (any case).
 */
export function patchConfiguration(c: ArmCall, alertId: string): Reply {
    const kind = findArmAlertKind(alertId);
    if (kind === undefined) return armNotFound(c.scope, "configuration", alertId);
    const result = validatedBody(c, (body) => validateConfigurationPatch(kind, body));
    if (!result.ok) return invalidContent(result.message);
    c.state.configurations.set(kind.alertId, { ...c.state.configurations.get(kind.alertId), ...result.values });
    return emptyReply(204);
}

/**
 * PATCH `roleManagementAlerts/{alertId}` (Alerts_Update): sets `isActive` (dismiss/reactivate), 204.
 * @param c - The ARM request.
 * @param alertId - Alert id from the URL (any case).
 */
export function patchAlert(c: ArmCall, alertId: string): Reply {
    const kind = findArmAlertKind(alertId);
    if (kind === undefined) return armNotFound(c.scope, "alert", alertId);
    const result = validatedBody(c, validateAlertPatch);
    if (!result.ok) return invalidContent(result.message);
    const status = c.state.alerts.get(kind.alertId);
    if (status !== undefined) {
        status.isActive = result.values["isActive"] === true;
        status.lastModifiedDateTime = armDateTime(c.now);
    }
    return emptyReply(204);
}

/**
 * POST `roleManagementAlerts/{alertId}/alertIncidents/{alertIncidentId}/remediate`: removes the
 * incident (so `incidentCount` drops by one) and answers 204; 400 when the alert's definition is
 * not remediatable, 404 for an unknown incident. The alert's `isActive` is left to the next scan.
 * @param c - The ARM request.
 * @param alertId - Alert id from the URL (any case).
 * @param incidentId - Incident name (any case).
 */
export function remediateIncident(c: ArmCall, alertId: string, incidentId: string): Reply {
    const kind = findArmAlertKind(alertId);
    if (kind === undefined) return armNotFound(c.scope, "alert", alertId);
    const incidents = c.state.incidents.get(kind.alertId) ?? [];
    const index = incidents.findIndex((incident) => incident.name.toLowerCase() === incidentId.toLowerCase());
    if (index < 0) return armNotFound(c.scope, "incident", `${kind.alertId}/alertIncidents/${incidentId}`);
    if (c.state.definitions.get(kind.alertId)?.isRemediatable !== true) {
        return armErrorReply(
            400,
            ARM_ERROR_CODES.notRemediatable,
            `Incidents of alert '${kind.alertId}' cannot be remediated: its definition has isRemediatable false.`,
        );
    }
    incidents.splice(index, 1);
    return emptyReply(204);
}

function operationUrl(c: ArmCall, operationId: string): string {
    const location = new URL(
        `/${c.scope.requested}/providers/Microsoft.Authorization/roleManagementAlertOperations/${operationId}`,
        c.emulator.baseUrl,
    );
    location.searchParams.set("api-version", ARM_API_VERSION);
    return location.toString();
}

function startRefresh(c: ArmCall, target: ArmRefreshInfo["target"], alertIds: readonly string[]): Reply {
    const settings = c.emulator.settings;
    const operation: StoredOperation<ArmRefreshInfo> = c.emulator.armOperations.start(
        {
            info: { scope: c.scope, target, alertIds },
            pollsUntilDone: settings.pollsUntilDone,
            fail: settings.failNextOperation,
            onSucceeded: () => applyArmRefresh(c.state, alertIds, new Date()),
        },
        c.now,
    );
    settings.failNextOperation = false;
    return jsonReply(202, operationPayload(c.emulator.baseUrl, operation, "accepted"), {
        location: operationUrl(c, operation.id),
        "retry-after": String(settings.retryAfterSeconds),
    });
}

/**
 * POST `roleManagementAlerts/{alertId}/refresh` (Alerts_Refresh): 202 + Location + Retry-After.
 * @param c - The ARM request.
 * @param alertId - Alert id from the URL (any case).
 */
export function refreshAlert(c: ArmCall, alertId: string): Reply {
    const kind = findArmAlertKind(alertId);
    if (kind === undefined) return armNotFound(c.scope, "alert", alertId);
    return startRefresh(c, "one", [kind.alertId]);
}

/**
 * POST `roleManagementAlerts/refresh` (Alerts_RefreshAll): 202 + Location + Retry-After.
 * @param c - The ARM request.
 */
export function refreshAllAlerts(c: ArmCall): Reply {
    return startRefresh(
        c,
        "all",
        ARM_ALERT_KINDS.map((kind) => kind.alertId),
    );
}

/**
 * GET `roleManagementAlertOperations/{operationId}` (AlertOperation_Get): each poll answers
 * `Running` until the configured number of polls is reached, then `Succeeded` (or `Failed`) with 200.
 * While running the status is 202 with `Location` and `Retry-After` (the default, which Microsoft's
 * pollers need) or 200 (the spec's declaration), as `runningPollStatus` says.
 * @param c - The ARM request.
 * @param operationId - Operation id from the URL.
 */
export function getOperation(c: ArmCall, operationId: string): Reply {
    const existing = c.emulator.armOperations.find(operationId);
    if (existing === undefined || existing.info.scope.key !== c.scope.key) {
        return armNotFound(c.scope, "operation", operationId);
    }
    const polled = c.emulator.armOperations.poll(operationId, c.now) ?? existing;
    const body = operationPayload(c.emulator.baseUrl, polled, "poll");
    const settings = c.emulator.settings;
    if (polled.phase !== "running" || settings.runningPollStatus === 200) return jsonReply(200, body);
    return jsonReply(202, body, {
        location: operationUrl(c, polled.id),
        "retry-after": String(settings.retryAfterSeconds),
    });
}
