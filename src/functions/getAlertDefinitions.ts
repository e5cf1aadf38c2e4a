/**
 * `getAlertDefinitions`: what each PIM alert of a scope means and how to act on it.
 */
import * as pulumi from "@pulumi/pulumi";
import { programClients } from "./programClients";
import type { GetAlertDefinitionsResult } from "./results";

/** Arguments of {@link getAlertDefinitions}. */
export interface GetAlertDefinitionsArgs {
    /**
     * An ARM scope (`/subscriptions/{id}`, a resource group, a resource, or
     * `/providers/Microsoft.Management/managementGroups/{id}`), or `"directory"` for the Entra
     * directory roles of the signed-in tenant (Microsoft Graph beta).
     */
    readonly scope: string;
}

/** Arguments of {@link getAlertDefinitionsOutput}. */
export interface GetAlertDefinitionsOutputArgs {
    /** As `GetAlertDefinitionsArgs.scope`. */
    readonly scope: pulumi.Input<string>;
}

/**
 * Lists the alert definitions of a scope: id, display name, severity, description, security impact,
 * mitigation steps, how to prevent, and whether the alert is configurable and remediatable. Follows
 * every page. Runs in the program's process with the provider's settings (stack config `pim-alerts:*`,
 * then the environment); the result is plain JSON with no secret in it.
 *
 * @example
 * ```ts
 * const { definitions } = await pim.getAlertDefinitions({ scope: "/subscriptions/0000..." });
 * const high = definitions.filter((d) => d.severity === "High").map((d) => d.alertId);
 * ```
 * @param args - The scope.
 * @param _opts - Accepted for the azure-native signature; these functions call Azure directly, so it has no effect.
 */
export async function getAlertDefinitions(
    args: GetAlertDefinitionsArgs,
    _opts?: pulumi.InvokeOptions,
): Promise<GetAlertDefinitionsResult> {
    // Loaded on first call: a program that only declares resources loads no client code.
    const { lookupDefinitions } = await import("./lookups");
    return lookupDefinitions(await programClients(), args.scope);
}

/**
 * {@link getAlertDefinitions} for inputs that are Outputs (e.g. a resource group's id).
 * @param args - The scope, as an Input.
 * @param _opts - Accepted for the azure-native signature; no effect.
 */
export function getAlertDefinitionsOutput(
    args: GetAlertDefinitionsOutputArgs,
    _opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetAlertDefinitionsResult> {
    return pulumi.output(args).apply((a) => getAlertDefinitions(a));
}
