/**
 * One bound on the HTTP requests a process has in flight, shared by every client of the process (the
 * provider's ARM and Graph clients, the data functions', the CLI's): a program that calls
 * `getAlertConfigurations` over 200 scopes, or a refresh the engine runs fully in parallel, sends at
 * most this many requests at once and queues the rest in arrival order, instead of inviting a
 * throttling storm. A slot is held for one attempt (connection, answer and body), not during the
 * wait before a retry.
 *
 * Hand-written rather than p-limit: p-limit is ESM-only since v4 and this package is CommonJS, and
 * the whole job is the twenty lines below.
 */

/** Limits how many attempts run at once. */
export interface RequestLimiter {
    /** Runs `attempt` when a slot is free, and frees the slot when it settles. */
    run<T>(attempt: () => Promise<T>): Promise<T>;
    /** The bound. */
    readonly max: number;
    /** Attempts running now (for tests and benchmarks). */
    readonly inFlight: number;
    /** The most attempts that ever ran at once (for tests and benchmarks). */
    readonly peak: number;
}

/** Default bound of requests in flight per process (`pim-alerts:maxConcurrentRequests`). */
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 8;

/** Creates a limiter of `max` concurrent attempts (at least 1). */
export function createRequestLimiter(max: number): RequestLimiter {
    const bound = Math.max(1, Math.floor(max));
    const waiting: Array<() => void> = [];
    let inFlight = 0;
    let peak = 0;

    const acquire = (): Promise<void> => {
        if (inFlight < bound) {
            inFlight += 1;
            peak = Math.max(peak, inFlight);
            return Promise.resolve();
        }
        // The slot is handed over by release(): inFlight does not change.
        return new Promise<void>((resolve) => waiting.push(resolve));
    };
    const release = () => {
        const next = waiting.shift();
        if (next) next();
        else inFlight -= 1;
    };

    return {
        max: bound,
        get inFlight() {
            return inFlight;
        },
        get peak() {
            return peak;
        },
        async run<T>(attempt: () => Promise<T>): Promise<T> {
            await acquire();
            try {
                return await attempt();
            } finally {
                release();
            }
        },
    };
}
