import type { Emulator } from "../src";
import { send, type SendOptions, type TestResponse } from "./support";

/** Base path of the Graph PIM alerts API. */
export const ROOT = "/beta/identityGovernance/roleManagementAlerts";

/** The required list filter, URL-encoded. */
export const FILTER = `?$filter=${encodeURIComponent("scopeId eq '/' and scopeType eq 'DirectoryRole'")}`;

/**
 * The Graph id of an alert in the emulator's tenant.
 * @param emulator - The emulator.
 * @param suffix - e.g. `StaleSignInAlert`.
 */
export function graphId(emulator: Emulator, suffix: string): string {
    return `DirectoryRole_${emulator.tenantId}_${suffix}`;
}

/**
 * Sends a Graph request with a Graph token unless another is given.
 * @param emulator - The emulator.
 * @param method - HTTP method.
 * @param path - Path after the emulator URL, or an absolute URL.
 * @param options - Body, token, headers.
 */
export function sendGraph(
    emulator: Emulator,
    method: string,
    path: string,
    options: SendOptions = {},
): Promise<TestResponse> {
    const token =
        options.token === undefined
            ? emulator.admin.issueToken({ audience: "https://graph.microsoft.com" })
            : options.token;
    return send(emulator, method, path, { ...options, token });
}
