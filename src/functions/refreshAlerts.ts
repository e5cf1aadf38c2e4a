/**
 * `refreshAlerts`: rescan the PIM alerts of a scope now, and wait for the scan to finish.
 */
import type { RefreshAlertsResult, RefreshWaitOptions } from "./actions";
import { programClients } from "./programClients";

/** Arguments of {@link refreshAlerts}. */
export interface RefreshAlertsArgs extends RefreshWaitOptions {
    /** An ARM scope, or `"directory"` for the Entra directory roles (see `GetAlertDefinitionsArgs.scope`). */
    readonly scope: string;
    /** One alert to scan (as in `GetAlertIncidentsArgs.alertId`); every alert of the scope when left out. */
    readonly alertId?: string;
}

/**
 * Starts a scan of one alert, or of every alert of the scope, then follows the operation's `Location`
 * (waiting as long as `Retry-After` says, else `pollIntervalSeconds`) until it succeeds or fails, and
 * returns its final status and detail. A failed scan is an error that carries the service's reason;
 * waiting longer than `timeoutSeconds` is an error too (the scan may still finish in Azure).
 *
 * **Warning: a refresh re-activates dismissed alerts.** Both APIs set `isActive` back to `true` for
 * every scanned alert that was dismissed, so an `AlertDismissal` or `DirectoryAlertDismissal`
 * of a scanned alert shows drift afterwards, and the next `pulumi up` dismisses it again.
 *
 * This is an action, not a read: called in a Pulumi program it runs on every `preview` and `up`.
 * Guard it (`if (!pulumi.runtime.isDryRun())`) or call it from a script or pipeline step instead.
 * Needs write access: ARM `Microsoft.Authorization/roleAssignments/write` on the scope; Graph
 * `RoleManagementAlert.ReadWrite.Directory`.
 *
 * @example
 * ```ts
 * const scan = await pim.refreshAlerts({ scope: "/subscriptions/0000...", alertId: "TooManyOwnersAssignedToResource", timeoutSeconds: 300 });
 * console.log(scan.status, scan.detail);
 * ```
 * @param args - The scope, optionally one alert, and how long to wait.
 */
export async function refreshAlerts(args: RefreshAlertsArgs): Promise<RefreshAlertsResult> {
    const wait: RefreshWaitOptions = {
        ...(args.timeoutSeconds !== undefined ? { timeoutSeconds: args.timeoutSeconds } : {}),
        ...(args.pollIntervalSeconds !== undefined ? { pollIntervalSeconds: args.pollIntervalSeconds } : {}),
    };
    // Loaded on first call: a program that only declares resources loads no client code.
    const { runRefresh } = await import("./actions");
    return runRefresh(await programClients(), args.scope, args.alertId, wait);
}
