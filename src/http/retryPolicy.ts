/**
 * When a failed attempt is sent again, and after how long: Azure's rules. 429, 408 and 5xx answers
 * and transient network failures (a reset, a refused connection, an attempt cut by its deadline, a
 * body cut off) are retried; `retry-after-ms`, `x-ms-retry-after-ms` and `Retry-After` are honoured
 * when they are valid (a negative or unparseable value falls back to the normal backoff); attempts
 * and the whole sequence are bounded.
 *
 * GET and PATCH are retried on any transient failure: every PATCH this package sends carries the
 * complete desired values, so sending it twice gives the same result. POST (refresh, remediate) is
 * retried only when the service certainly did not act on it (429, 503, connection refused).
 *
 * Pure decisions and a clock: the loop that uses them is in apiClient.ts (the retries of axios-retry
 * could not cover a failure while reading the body, nor take an injected clock).
 */

/** Bounds of the retry policy. */
export interface RetryOptions {
    /** Retries after the first attempt. @default 6 */
    readonly maxRetries: number;
    /**
     * Bound of one request with all its retries, from its first attempt: no retry starts that could
     * not end within it, and an attempt's deadline is cut to it. @default 120000
     */
    readonly maxTotalMs: number;
    /** First backoff delay when the service gives none. @default 500 */
    readonly baseDelayMs: number;
    /** Longest backoff delay when the service gives none. @default 30000 */
    readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
    maxRetries: 6,
    maxTotalMs: 120_000,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
};

/** Time, injectable so that tests never wait for real. */
export interface Clock {
    now(): number;
    sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const REAL_CLOCK: Clock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Real time, with every wait multiplied by `scale` (0 to 1): a test bench's clock for another process. */
export function scaledClock(scale: number): Clock {
    return scale === 1 ? REAL_CLOCK : { now: () => Date.now(), sleep: (ms) => REAL_CLOCK.sleep(ms * scale) };
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const NOT_PROCESSED_STATUS = new Set([429, 503]);
/** Network failures worth another attempt; `EDEADLINE` is an attempt cut by its deadline, `EBODY` a body cut off. */
const TRANSIENT_NETWORK_CODES = new Set([
    "ECONNRESET",
    "ECONNABORTED",
    "ETIMEDOUT",
    "ECONNREFUSED",
    "EPIPE",
    "ERR_NETWORK",
    "EAI_AGAIN",
    "EDEADLINE",
    "EBODY",
]);

/** Whether a failed attempt may be sent again. */
export function isRetryable(method: string, status: number | undefined, networkCode: string | undefined): boolean {
    const verb = method.toUpperCase();
    if (status !== undefined) return verb === "POST" ? NOT_PROCESSED_STATUS.has(status) : RETRYABLE_STATUS.has(status);
    if (networkCode === undefined || !TRANSIENT_NETWORK_CODES.has(networkCode)) return false;
    return verb === "POST" ? networkCode === "ECONNREFUSED" : true;
}

// RFC 9110 HTTP-date (IMF-fixdate and the two obsolete forms all start with a day name).
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*, /;

/**
 * The delay the service asked for, in ms, from the three headers Azure uses; undefined when none is
 * given or the value is not valid (negative, not a number, not an HTTP-date), so that the normal
 * backoff applies.
 */
export function serverRequestedDelayMs(
    headers: Readonly<Record<string, unknown>>,
    now = Date.now(),
): number | undefined {
    for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
        const value = headers[name];
        if (typeof value !== "string" || !/^\s*\d+(\.\d+)?\s*$/.test(value)) continue;
        return Number(value);
    }
    const retryAfter = headers["retry-after"];
    if (typeof retryAfter !== "string") return undefined;
    const text = retryAfter.trim();
    if (/^\d+$/.test(text)) return Number(text) * 1000;
    if (!HTTP_DATE.test(text)) return undefined;
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with jitter, used when the service names no delay. */
export function backoffDelayMs(retryNumber: number, options: RetryOptions, random: () => number = Math.random): number {
    const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** What one failed attempt was, as far as the policy cares. */
export interface FailedAttempt {
    readonly method: string;
    /** The HTTP status, when an answer came. */
    readonly status?: number;
    /** The network failure's code, when no complete answer came. */
    readonly networkCode?: string;
    /** The answer's headers (for Retry-After). */
    readonly headers?: Readonly<Record<string, string>>;
}

/** Retry after `delayMs`, or stop and say why (for the message). */
export type RetryDecision =
    { readonly retry: true; readonly delayMs: number } | { readonly retry: false; readonly why: string };

/**
 * Decides about the attempt number `attempt` (1 = the first) that failed `elapsedMs` after the first
 * attempt started.
 */
export function decideRetry(
    failed: FailedAttempt,
    attempt: number,
    elapsedMs: number,
    options: RetryOptions,
    now: number,
): RetryDecision {
    if (!isRetryable(failed.method, failed.status, failed.networkCode)) {
        return {
            retry: false,
            why:
                failed.method.toUpperCase() === "POST"
                    ? "a POST is only retried when the service certainly did not act on it"
                    : "not a transient failure",
        };
    }
    if (attempt > options.maxRetries) return { retry: false, why: "no more are made" };
    const requested = failed.headers ? serverRequestedDelayMs(failed.headers, now) : undefined;
    const delayMs = requested ?? backoffDelayMs(attempt, options);
    if (elapsedMs + delayMs >= options.maxTotalMs) {
        return {
            retry: false,
            why:
                requested !== undefined
                    ? `the service asked to wait ${Math.ceil(requested / 1000)} s, beyond the ${options.maxTotalMs / 1000} s bound of a request`
                    : `the ${options.maxTotalMs / 1000} s bound of a request was reached`,
        };
    }
    return { retry: true, delayMs };
}
