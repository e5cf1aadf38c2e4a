/**
 * Waiting for a long-running operation (refresh on both ARM and Graph), by the rules Azure's own
 * pollers follow, so that every shape a service may answer with is read the same way:
 *
 * - The start answer: 202 (or 200/201 with a non-terminal `status`) gives the URL to poll: the
 *   `Azure-AsyncOperation` (or `Operation-Location`) header when present, else `Location`. 200/201/204
 *   with a terminal `status`, or with none and nothing to poll, is the end already.
 * - A poll answer: 202 means "still running" (its `Location`, when given, is the next URL to poll);
 *   200/201/204 with a `status` in the body: that status decides (`Succeeded`, `Failed`, `Canceled`
 *   end it, anything else is still running: the spec's `200 {"status":"Running"}`); 200/204 without
 *   a status from a `Location` URL means "done" (ARM's Location protocol, and what Microsoft's
 *   generated clients expect). An `Azure-AsyncOperation` URL must carry a status.
 * - After an `Azure-AsyncOperation` succeeded, the `Location` of the start answer, when there was
 *   one, holds the final result (`final-state-via: location`); it is read once.
 * - `Retry-After` (or `retry-after-ms`) of each answer sets the next wait; the poll interval otherwise.
 */
import type { ApiClient, ApiResponse } from "./apiClient";
import { OperationFailedError, OperationTimeoutError, PimAlertsError, UnexpectedResponseError } from "../errors";
import { redactUrl } from "./redaction";
import { REAL_CLOCK, serverRequestedDelayMs, type Clock } from "./retryPolicy";

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
    /** The clock to wait on (the retries' {@link Clock}); tests pass a fake one so that no real time passes. @default the real one */
    readonly timer?: Clock;
}

/** How a caller reads the bodies of its operation. */
export interface OperationReader<T extends OperationStatus> {
    /** Reads a body that carries the operation's `status` (throws when it is not one). */
    readonly read: (body: unknown) => T;
    /**
     * The result when the service reports the end by HTTP status alone (200/204 from a `Location`
     * URL, no `status` in the body); `last` is the last status the service gave, if any.
     */
    readonly succeededWithoutStatus: (last: T | undefined) => T;
}

/** A refresh scan as both APIs report it (ARM's alertOperation, Graph's longRunningOperation). */
export interface ScanOperation extends OperationStatus {
    readonly operationId: string;
    readonly statusDetail: string;
    readonly createdDateTime: string;
    readonly lastActionDateTime: string;
}

/** A refresh scan's last status, as both APIs' models hold it (without the failure text). */
export type ScanStatus = Omit<ScanOperation, "detail">;

/**
 * Waits for a refresh scan started by `started`. `read` parses one status body; an answer that ends
 * the operation without a status is success, spelt as its API spells it (`Succeeded` for ARM,
 * `succeeded` for Graph), with the ids and times of the last status seen.
 */
export async function awaitScan(
    http: ApiClient,
    started: ApiResponse,
    read: (body: unknown) => ScanOperation,
    succeeded: string,
    what: string,
    options: PollOptions = {},
): Promise<ScanStatus> {
    const reader = { read, succeededWithoutStatus: scanSucceededWithoutStatus(succeeded) };
    const { detail: _detail, ...status } = await awaitOperation(http, started, reader, what, options);
    return status;
}

function scanSucceededWithoutStatus(succeeded: string): (last: ScanOperation | undefined) => ScanOperation {
    return (last) => ({
        operationId: last?.operationId ?? "",
        status: succeeded,
        statusDetail: "",
        detail: "",
        createdDateTime: last?.createdDateTime ?? "",
        lastActionDateTime: last?.lastActionDateTime ?? "",
    });
}

const SUCCEEDED = "succeeded";
const FAILED = new Set(["failed", "canceled", "cancelled"]);

/** The `status` of a body, when it has one. */
function statusIn(body: unknown): string | undefined {
    const status = typeof body === "object" && body !== null ? (body as Record<string, unknown>)["status"] : undefined;
    return typeof status === "string" && status !== "" ? status : undefined;
}

/** `error.message` of an ARM async-operation body (`{"status":"Failed","error":{...}}`). */
function errorMessageIn(body: unknown): string {
    const error = typeof body === "object" && body !== null ? (body as Record<string, unknown>)["error"] : undefined;
    const message =
        typeof error === "object" && error !== null ? (error as Record<string, unknown>)["message"] : undefined;
    return typeof message === "string" ? message : "";
}

/** Where to poll: `async` (Azure-AsyncOperation / Operation-Location, status in the body) or `location`. */
interface PollTarget {
    readonly mode: "async" | "location";
    url: string;
    /** With `async`: the start answer's `Location`, read once after success for the final result. */
    readonly finalUrl: string | undefined;
}

function pollTargetOf(headers: Readonly<Record<string, string>>): PollTarget | undefined {
    const asyncUrl = headers["azure-asyncoperation"] || headers["operation-location"];
    const location = headers["location"] || undefined;
    if (asyncUrl) return { mode: "async", url: asyncUrl, finalUrl: location };
    return location === undefined ? undefined : { mode: "location", url: location, finalUrl: undefined };
}

/** What one answer says: still running, or ended with a result. */
type Verdict<T> =
    { readonly ended: false; readonly last: T | undefined } | { readonly ended: true; readonly result: T };

/**
 * Waits for the operation that `started` began, polling as the answers say, and returns its final
 * state; a failed or canceled operation throws {@link OperationFailedError}, one that outlives
 * `timeoutMs` {@link OperationTimeoutError}.
 * @param http - The client of the API (the poll URLs must stay on its host).
 * @param started - The answer to the request that started the operation.
 * @param reader - How to read status bodies, and the result of an end without one.
 * @param what - The operation, for messages (`refresh of alert X at scope`).
 * @param options - Timeout, poll interval and clock.
 */
export async function awaitOperation<T extends OperationStatus>(
    http: ApiClient,
    started: ApiResponse,
    reader: OperationReader<T>,
    what: string,
    options: PollOptions = {},
): Promise<T> {
    const timer = options.timer ?? REAL_CLOCK;
    const timeoutMs = options.timeoutMs ?? 600_000;
    const defaultIntervalMs = options.defaultIntervalMs ?? 5_000;
    const deadline = timer.now() + timeoutMs;

    const judge = (response: ApiResponse, from: PollTarget | undefined, last: T | undefined): Verdict<T> => {
        const status = statusIn(response.body);
        if (status === undefined) {
            // 202: running. 200/201/204 without a status: done, except from an Azure-AsyncOperation URL.
            if (response.status === 202) return { ended: false, last };
            if (from?.mode === "async")
                throw new UnexpectedResponseError(
                    "GET",
                    redactUrl(from.url),
                    response.status,
                    "an operation status without a `status`",
                );
            return { ended: true, result: reader.succeededWithoutStatus(last) };
        }
        const read = reader.read(response.body);
        const word = status.toLowerCase();
        if (response.status !== 202 && FAILED.has(word)) {
            throw new OperationFailedError(
                `${what} ended ${status}: ${read.detail || errorMessageIn(response.body) || "no detail given"}`,
            );
        }
        if (response.status !== 202 && word === SUCCEEDED) return { ended: true, result: read };
        return { ended: false, last: read };
    };

    let target = pollTargetOf(started.headers);
    let verdict = judge(started, undefined, undefined);
    if (verdict.ended) return verdict.result;
    if (target === undefined) {
        throw new PimAlertsError(
            `${what}: the service accepted it (${started.status}) but gave no Location or Azure-AsyncOperation to follow`,
        );
    }
    let last = verdict.last;
    let delay = serverRequestedDelayMs(started.headers) ?? defaultIntervalMs;
    for (;;) {
        if (timer.now() + delay > deadline) {
            throw new OperationTimeoutError(
                `${what} did not finish within ${Math.round(timeoutMs / 1000)} s (last status: ${last?.status ?? "none yet"})`,
            );
        }
        await timer.sleep(delay);
        const response = await http.send({ method: "GET", path: target.url });
        verdict = judge(response, target, last);
        if (verdict.ended)
            return target.mode === "async" ? finalResult(http, target, verdict.result, reader) : verdict.result;
        last = verdict.last;
        // Under the Location protocol, a 202 may name the next URL to poll.
        if (target.mode === "location" && response.status === 202 && response.headers["location"])
            target = { ...target, url: response.headers["location"] };
        delay = serverRequestedDelayMs(response.headers) ?? defaultIntervalMs;
    }
}

/** After an Azure-AsyncOperation succeeded: the result at the start answer's `Location`, when it gives a status. */
async function finalResult<T extends OperationStatus>(
    http: ApiClient,
    target: PollTarget,
    succeeded: T,
    reader: OperationReader<T>,
): Promise<T> {
    if (target.finalUrl === undefined || target.finalUrl === target.url) return succeeded;
    const response = await http.send({ method: "GET", path: target.finalUrl });
    return statusIn(response.body)?.toLowerCase() === SUCCEEDED ? reader.read(response.body) : succeeded;
}
