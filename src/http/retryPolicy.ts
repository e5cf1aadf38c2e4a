/**
 * Retry of throttled and failed calls, built on axios-retry (a maintained library for the mechanics),
 * with Azure's rules for when and how long: 429 and 5xx are retried, `retry-after-ms`,
 * `x-ms-retry-after-ms` and `Retry-After` are honoured, attempts and total time are bounded.
 *
 * GET and PATCH are retried on any transient failure: every PATCH this package sends carries the
 * complete desired values, so sending it twice gives the same result. POST (refresh, remediate)
 * is retried only when the service certainly did not act on it (429, 503, connection refused).
 */
import type { AxiosError, AxiosInstance } from "axios";
import axiosRetry from "axios-retry";

export const retryPolicyName = "retryPolicy";

/** Bounds of the retry policy. */
export interface RetryOptions {
    /** Retries after the first attempt. @default 6 */
    readonly maxRetries: number;
    /** No retry starts once this much time has passed since the first attempt. @default 120000 */
    readonly maxTotalMs: number;
    /** First backoff delay when the service gives none. @default 500 */
    readonly baseDelayMs: number;
    /** Longest backoff delay when the service gives none. @default 30000 */
    readonly maxDelayMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = { maxRetries: 6, maxTotalMs: 120_000, baseDelayMs: 500, maxDelayMs: 30_000 };

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const NOT_PROCESSED_STATUS = new Set([429, 503]);
const TRANSIENT_NETWORK_CODES = new Set(["ECONNRESET", "ECONNABORTED", "ETIMEDOUT", "ECONNREFUSED", "EPIPE", "ERR_NETWORK", "EAI_AGAIN"]);

declare module "axios" {
    interface InternalAxiosRequestConfig {
        /** When the first attempt of this request started (set once, kept across retries). */
        pimStartedAt?: number;
        /** The delay chosen by the retry condition for the next attempt. */
        pimNextDelayMs?: number;
    }
}

/** Whether a failed attempt may be sent again. */
export function isRetryable(method: string, status: number | undefined, networkCode: string | undefined): boolean {
    const verb = method.toUpperCase();
    if (status !== undefined) return verb === "POST" ? NOT_PROCESSED_STATUS.has(status) : RETRYABLE_STATUS.has(status);
    if (networkCode === undefined || !TRANSIENT_NETWORK_CODES.has(networkCode)) return false;
    return verb === "POST" ? networkCode === "ECONNREFUSED" : true;
}

/** The delay the service asked for, in ms, from the three headers Azure uses; undefined if none. */
export function serverRequestedDelayMs(headers: Readonly<Record<string, unknown>>, now = Date.now()): number | undefined {
    for (const name of ["retry-after-ms", "x-ms-retry-after-ms"]) {
        const ms = Number(headers[name]);
        if (headers[name] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
    }
    const retryAfter = headers["retry-after"];
    if (typeof retryAfter !== "string" || retryAfter.trim() === "") return undefined;
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(retryAfter);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with jitter, used when the service names no delay. */
export function backoffDelayMs(retryNumber: number, options: RetryOptions, random: () => number = Math.random): number {
    const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** Math.max(0, retryNumber - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Installs the retry policy on an axios instance. */
export function applyRetryPolicy(instance: AxiosInstance, options: RetryOptions = DEFAULT_RETRY_OPTIONS): void {
    instance.interceptors.request.use((config) => {
        config.pimStartedAt ??= Date.now();
        return config;
    });
    axiosRetry(instance, {
        retries: options.maxRetries,
        shouldResetTimeout: true,
        retryCondition: (error: AxiosError) => {
            const config = error.config;
            if (!config) return false;
            if (!isRetryable(config.method ?? "GET", error.response?.status, error.response ? undefined : error.code)) return false;
            const retryNumber = (config["axios-retry"]?.retryCount ?? 0) + 1;
            const requested = error.response ? serverRequestedDelayMs(error.response.headers as Record<string, unknown>) : undefined;
            const delay = requested ?? backoffDelayMs(retryNumber, options);
            const elapsed = Date.now() - (config.pimStartedAt ?? Date.now());
            if (elapsed + delay > options.maxTotalMs) return false;
            config.pimNextDelayMs = delay;
            return true;
        },
        retryDelay: (_retryCount: number, error: AxiosError) => error.config?.pimNextDelayMs ?? options.baseDelayMs,
    });
}
