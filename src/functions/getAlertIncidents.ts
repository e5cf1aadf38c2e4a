/**
 * `getAlertIncidents`: the incidents of one PIM alert, typed by incident type.
 */
import * as pulumi from "@pulumi/pulumi";
import type { GetAlertIncidentsResult } from "./incidentTypes";
import { programClients } from "./programClients";

/** Arguments of {@link getAlertIncidents}. */
export interface GetAlertIncidentsArgs {
    /** An ARM scope, or `"directory"` for the Entra directory roles (see `GetAlertDefinitionsArgs.scope`). */
    readonly scope: string;
    /**
     * The alert: an ARM alert id (e.g. `TooManyOwnersAssignedToResource`) at an ARM scope; a directory
     * alert id (e.g. `StaleSignInAlert`, or Graph's full `DirectoryRole_<tenantId>_StaleSignInAlert`) for the directory.
     */
    readonly alertId: string;
}

/** Arguments of {@link getAlertIncidentsOutput}. */
export interface GetAlertIncidentsOutputArgs {
    readonly scope: pulumi.Input<string>;
    readonly alertId: pulumi.Input<string>;
}

/**
 * Lists the incidents of one alert. Each incident has `incidentId`, `incidentType` and every property
 * of its type (e.g. `assigneeName` and `assigneeType` for TooManyOwnersAssignedToResourceAlertIncident,
 * `lastSignInDateTime` for staleSignInAlertIncident); narrow on `incidentType`. Follows every page.
 *
 * @example
 * ```ts
 * const { incidents } = await pim.getAlertIncidents({ scope: "directory", alertId: "StaleSignInAlert" });
 * for (const i of incidents) if (i.incidentType === "staleSignInAlertIncident") console.log(i.assigneeUserPrincipalName, i.lastSignInDateTime);
 * ```
 * @param args - The scope and the alert.
 * @param _opts - Accepted for the azure-native signature; no effect.
 */
export async function getAlertIncidents(
    args: GetAlertIncidentsArgs,
    _opts?: pulumi.InvokeOptions,
): Promise<GetAlertIncidentsResult> {
    // Loaded on first call: a program that only declares resources loads no client code.
    const { lookupIncidents } = await import("./lookups");
    return lookupIncidents(await programClients(), args.scope, args.alertId);
}

/**
 * {@link getAlertIncidents} for inputs that are Outputs.
 * @param args - The scope and the alert, as Inputs.
 * @param _opts - Accepted for the azure-native signature; no effect.
 */
export function getAlertIncidentsOutput(
    args: GetAlertIncidentsOutputArgs,
    _opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetAlertIncidentsResult> {
    return pulumi.output(args).apply((a) => getAlertIncidents(a));
}
