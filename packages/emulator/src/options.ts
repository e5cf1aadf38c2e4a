import { DEFAULT_TENANT_ID } from "./auth/principals";

/** Options of {@link startEmulator}. Every field is optional. */
export interface EmulatorOptions {
    /** TCP port on 127.0.0.1; 0 or absent picks a free port. */
    readonly port?: number | undefined;
    /** Items per page of every list (ARM `nextLink`, Graph `@odata.nextLink`). @default 100 */
    readonly pageSize?: number | undefined;
    /** Tenant id put in tokens and in Graph ids. @default {@link DEFAULT_TENANT_ID} */
    readonly tenantId?: string | undefined;
    /** Delay added before answering every API request, in milliseconds. @default 0 */
    readonly latencyMs?: number | undefined;
    /** `Retry-After` (seconds) of the refresh long-running operations; 0 makes tests fast. @default 1 */
    readonly retryAfterSeconds?: number | undefined;
    /** How many polls of a refresh operation answer `Running` before the final status. @default 1 */
    readonly pollsUntilDone?: number | undefined;
    /**
     * HTTP status of an ARM operation poll (`GET roleManagementAlertOperations/{id}`) while the refresh
     * runs. `202` (with `Location` and `Retry-After` again) is what Microsoft's generated ARM clients
     * need: @azure/core-lro and the Python SDK's ARM poller follow a `Location` and take any answer
     * but 202 as "done". `200` with `"status": "Running"` is what the spec's `AlertOperation_Get`
     * declares (its only response). The final answer is 200 either way. Graph always answers 200 (as
     * Graph documents). @default 202
     */
    readonly runningPollStatus?: 200 | 202 | undefined;
    /** Lifetime of issued access tokens, in seconds. @default 3600 */
    readonly tokenLifetimeSeconds?: number | undefined;
    /**
     * Serve HTTPS with a self-signed certificate for 127.0.0.1/localhost, generated at start with the
     * `openssl` CLI, so that @azure/identity's `ClientSecretCredential` (which needs an https
     * authority host) can use the emulator. @default false (plain http)
     */
    readonly https?: boolean | undefined;
}

/** The emulator's tunable behaviour; admin calls change it, `reset()` restores the start values. */
export interface EmulatorSettings {
    pageSize: number;
    latencyMs: number;
    tenantId: string;
    retryAfterSeconds: number;
    pollsUntilDone: number;
    runningPollStatus: 200 | 202;
    tokenLifetimeSeconds: number;
    /** When true, the next refresh operation started ends `Failed` (then the flag clears). */
    failNextOperation: boolean;
}

/** Default page size: larger than any list the emulator serves, so lists are one page. */
export const DEFAULT_PAGE_SIZE = 100;

/**
 * The settings an emulator starts with (and returns to on reset).
 * @param options - What the caller passed to {@link startEmulator}.
 */
export function initialSettings(options: EmulatorOptions): EmulatorSettings {
    return {
        pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
        latencyMs: options.latencyMs ?? 0,
        tenantId: options.tenantId ?? DEFAULT_TENANT_ID,
        retryAfterSeconds: options.retryAfterSeconds ?? 1,
        pollsUntilDone: options.pollsUntilDone ?? 1,
        runningPollStatus: options.runningPollStatus ?? 202,
        tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 3600,
        failNextOperation: false,
    };
}
