/**
 * `getAlertConfigurations`: the live configuration of every PIM alert of a scope.
 */
import * as pulumi from "@pulumi/pulumi";
import { programClients } from "./programClients";
import type { GetAlertConfigurationsResult } from "./results";

/** Arguments of {@link getAlertConfigurations}. */
export interface GetAlertConfigurationsArgs {
    /** An ARM scope, or `"directory"` for the Entra directory roles (see `GetAlertDefinitionsArgs.scope`). */
    readonly scope: string;
}

/** Arguments of {@link getAlertConfigurationsOutput}. */
export interface GetAlertConfigurationsOutputArgs {
    readonly scope: pulumi.Input<string>;
}

/**
 * Lists the alert configurations of a scope with every current value: `isEnabled` and the thresholds
 * (ARM) or settings (Graph, durations as Graph spells them), by the API's names. Follows every page.
 * Useful to compare a declared policy with another scope's, or to adopt a scope as it is (the
 * `pim-alerts export` command writes the program for you).
 *
 * @example
 * ```ts
 * const live = await pim.getAlertConfigurations({ scope: "directory" });
 * const stale = live.configurations.find((c) => c.alertId === "StaleSignInAlert")?.settings["duration"];
 * ```
 * @param args - The scope.
 * @param _opts - Accepted for the azure-native signature; no effect.
 */
export async function getAlertConfigurations(
    args: GetAlertConfigurationsArgs,
    _opts?: pulumi.InvokeOptions,
): Promise<GetAlertConfigurationsResult> {
    // Loaded on first call: a program that only declares resources loads no client code.
    const { lookupConfigurations } = await import("./lookups");
    return lookupConfigurations(await programClients(), args.scope);
}

/**
 * {@link getAlertConfigurations} for inputs that are Outputs.
 * @param args - The scope, as an Input.
 * @param _opts - Accepted for the azure-native signature; no effect.
 */
export function getAlertConfigurationsOutput(
    args: GetAlertConfigurationsOutputArgs,
    _opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetAlertConfigurationsResult> {
    return pulumi.output(args).apply((a) => getAlertConfigurations(a));
}
