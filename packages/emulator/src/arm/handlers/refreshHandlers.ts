import { jsonReply, type Reply } from "../../core/reply";
import type { StoredOperation } from "../../core/operationStore";
import { ARM_API_VERSION, type ArmCall } from "../armCall";
import { ARM_ALERT_KINDS, findArmAlertKind } from "../catalog";
import { operationPayload } from "../operationPayload";
import { applyArmRefresh, type ArmRefreshInfo } from "../refreshInfo";
import { armNotFound } from "./notFound";

function operationUrl(c: ArmCall, operationId: string): string {
    const location = new URL(`/${c.scope.requested}/providers/Microsoft.Authorization/roleManagementAlertOperations/${operationId}`, c.emulator.baseUrl);
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
    if (kind === undefined) return armNotFound(c, "alert", alertId);
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
        return armNotFound(c, "operation", operationId);
    }
    const polled = c.emulator.armOperations.poll(operationId, c.now) ?? existing;
    const body = operationPayload(c.emulator.baseUrl, polled, "poll");
    const settings = c.emulator.settings;
    if (polled.phase !== "running" || settings.runningPollStatus === 200) return jsonReply(200, body);
    return jsonReply(202, body, { location: operationUrl(c, polled.id), "retry-after": String(settings.retryAfterSeconds) });
}
