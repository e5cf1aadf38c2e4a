/**
 * Polling of a long-running operation through its `Location` URL, honouring `Retry-After`,
 * until a terminal status or a timeout. Used by refresh on both ARM and Graph.
 */
import type { ApiClient } from "./apiClient";
import { PimAlertsError } from "./errors";
import { serverRequestedDelayMs } from "./retryPolicy";

/** The state of an operation as its API reports it. */
export interface OperationStatus {
    /** As the API spells it (ARM: `Succeeded`; Graph: `succeeded`). */
    readonly status: string;
    /** Text explaining the status, shown when the operation fails. */
    readonly detail: string;
}

/** Bounds of the polling. */
export interface PollOptions {
    /** Give up after this long. @default 600000 (10 minutes) */
    readonly timeoutMs?: number;
    /** Wait between polls when the service does not say. @default 5000 */
    readonly defaultIntervalMs?: number;
}

/** The operation ended in a failed state. */
export class OperationFailedError extends PimAlertsError {
    override name = "OperationFailedError" as const;
}

/** The operation did not end within the timeout. */
export class OperationTimeoutError extends PimAlertsError {
    override name = "OperationTimeoutError" as const;
}

const SUCCEEDED = "succeeded";
const FAILED = new Set(["failed", "canceled", "cancelled"]);

/** Polls `location` until success (returns the last body) or failure/timeout (throws). */
export async function pollOperation<T>(
    http: ApiClient,
    location: string,
    firstDelayMs: number | undefined,
    read: (body: unknown) => T & OperationStatus,
    what: string,
    options: PollOptions = {},
): Promise<T & OperationStatus> {
    const timeoutMs = options.timeoutMs ?? 600_000;
    const defaultIntervalMs = options.defaultIntervalMs ?? 5_000;
    const deadline = Date.now() + timeoutMs;
    let delay = firstDelayMs ?? defaultIntervalMs;
    let last: (T & OperationStatus) | undefined;
    for (;;) {
        if (Date.now() + delay > deadline) {
            throw new OperationTimeoutError(`${what} did not finish within ${Math.round(timeoutMs / 1000)} s (last status: ${last?.status ?? "none yet"})`);
        }
        await sleep(delay);
        const response = await http.send({ method: "GET", path: location });
        last = read(response.body);
        const status = last.status.toLowerCase();
        if (status === SUCCEEDED) return last;
        if (FAILED.has(status)) throw new OperationFailedError(`${what} ended ${last.status}: ${last.detail || "no detail given"}`);
        delay = serverRequestedDelayMs(response.headers) ?? defaultIntervalMs;
    }
}

function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
