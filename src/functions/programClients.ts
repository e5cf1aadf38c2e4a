/**
 * The clients of a Pulumi program's process: settings from the stack config (`pim-alerts:` keys, then
 * `azure-native:` keys, as the provider reads them) and the environment. Built on first use and kept
 * for the life of the process.
 */
import * as pulumi from "@pulumi/pulumi";
import type { PimClients } from "../clients/apiClients";

let current: PimClients | undefined;

/** Reads `namespace:key` from the stack config of the running program. */
export function stackConfigReader(fullKey: string): string | undefined {
    const at = fullKey.indexOf(":");
    if (at < 0) return undefined;
    return new pulumi.Config(fullKey.slice(0, at)).get(fullKey.slice(at + 1));
}

/**
 * The clients of this program's process, built on first use from stack config and environment. Their code
 * (axios, @azure/identity) is loaded then too: a program that calls no function never loads it.
 */
export async function programClients(): Promise<PimClients> {
    if (current === undefined) {
        const { createPimClients } = await import("../clients/apiClients");
        current ??= createPimClients(stackConfigReader, process.env);
    }
    return current;
}

/**
 * Forgets the clients, so the next call reads config and environment again (tests change them).
 * @internal
 */
export function resetProgramClients(): void {
    current = undefined;
}
