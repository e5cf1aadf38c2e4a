import type { StoredOperation } from "../core/operationStore";
import { armDateTime } from "../core/time";
import { ARM_API_VERSION } from "./armCall";
import type { ArmRefreshInfo } from "./refreshInfo";
import { subscriptionProviderForm } from "./scope";

const STATUS_TEXT = {
    notStarted: "Alert scan is not yet started.",
    running: "Alert scan is running.",
    succeeded: "Alert scan is completed.",
    failed: "Alert scan failed.",
} as const;

function statusOf(operation: StoredOperation<ArmRefreshInfo>, moment: "accepted" | "poll"): keyof typeof STATUS_TEXT {
    // The examples answer a single refresh with "Running" and a refresh-all with "notStarted" (sic).
    if (moment === "accepted") return operation.info.target === "all" ? "notStarted" : "running";
    return operation.phase;
}

const STATUS_VALUE = { notStarted: "notStarted", running: "Running", succeeded: "Succeeded", failed: "Failed" } as const;

/**
 * An `AlertOperationResult` (`RefreshAlert.json` / `GetAlertOperationById.json` shape);
 * `statusDetail` is JSON-encoded text, `resourceLocation` uses the Microsoft.Subscription form.
 * @param baseUrl - The emulator's URL.
 * @param operation - The stored operation.
 * @param moment - `accepted` for the 202 body, `poll` for the operation GET.
 */
export function operationPayload(baseUrl: string, operation: StoredOperation<ArmRefreshInfo>, moment: "accepted" | "poll"): unknown {
    const status = statusOf(operation, moment);
    const { scope, target, alertIds } = operation.info;
    const resourcePath = target === "all" ? "roleManagementAlerts" : `roleManagementAlerts/${alertIds[0] ?? ""}`;
    const resourceLocation = new URL(`/${subscriptionProviderForm(scope)}/providers/Microsoft.Authorization/${resourcePath}`, baseUrl);
    resourceLocation.searchParams.set("api-version", ARM_API_VERSION);
    return {
        createdDateTime: armDateTime(operation.createdAt),
        id: operation.id,
        lastActionDateTime: armDateTime(operation.lastActionAt),
        resourceLocation: resourceLocation.toString(),
        status: STATUS_VALUE[status],
        statusDetail: JSON.stringify({ result: alertIds.map((name) => ({ name, statusDetail: STATUS_TEXT[status] })) }),
    };
}
