/**
 * `getAlerts`: the PIM alerts of a scope with their state.
 */
import * as pulumi from "@pulumi/pulumi";
import { programClients } from "./programClients";
import type { GetAlertsResult } from "./results";

/** Arguments of {@link getAlerts}. */
export interface GetAlertsArgs {
    /** An ARM scope, or `"directory"` for the Entra directory roles (see `GetAlertDefinitionsArgs.scope`). */
    readonly scope: string;
}

/** Arguments of {@link getAlertsOutput}. */
export interface GetAlertsOutputArgs {
    readonly scope: pulumi.Input<string>;
}

/**
 * Lists the alerts of a scope: whether each is active, its incident count, its last scan and change,
 * and (from its definition) its display name and severity. Follows every page. Reading never changes
 * an alert; to rescan, use `refreshAlerts`.
 *
 * @example
 * ```ts
 * export const activeAlerts = pim.getAlertsOutput({ scope: group.id })
 *     .apply((r) => r.alerts.filter((a) => a.isActive).map((a) => `${a.alertId} (${a.incidentCount})`));
 * ```
 * @param args - The scope.
 * @param _opts - Accepted for the azure-native signature; no effect.
 */
export async function getAlerts(args: GetAlertsArgs, _opts?: pulumi.InvokeOptions): Promise<GetAlertsResult> {
    // Loaded on first call: a program that only declares resources loads no client code.
    const { lookupAlerts } = await import("./lookups");
    return lookupAlerts(await programClients(), args.scope);
}

/**
 * {@link getAlerts} for inputs that are Outputs.
 * @param args - The scope, as an Input.
 * @param _opts - Accepted for the azure-native signature; no effect.
 */
export function getAlertsOutput(
    args: GetAlertsOutputArgs,
    _opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetAlertsResult> {
    return pulumi.output(args).apply((a) => getAlerts(a));
}
