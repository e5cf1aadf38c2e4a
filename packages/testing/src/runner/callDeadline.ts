/**
 * The deadline of one provider call. It must outlast everything the provider may do in one call,
 * or the runner gives up while the provider is still retrying and writes later unrecorded. The
 * provider's budget comes from its settings: each HTTP request gets `pim-alerts:timeoutSeconds`
 * per attempt (`PIM_ALERTS_TIMEOUT_SECONDS`, default 30 s) and starts no retry after 120 s
 * (README "Errors"; `DEFAULT_RETRY_OPTIONS` in the product, tied to these constants by a test);
 * one call makes at most a token request and three API requests one after the other (adopting
 * GET, PATCH, read-back GET).
 *
 * @packageDocumentation
 */

/** No retry of a request starts this long after its first attempt. */
export const PROVIDER_RETRY_WINDOW_MS = 120_000;
/** The provider's default per-attempt timeout. */
export const PROVIDER_DEFAULT_ATTEMPT_TIMEOUT_MS = 30_000;
/** Requests one provider call makes in sequence, at most. */
export const PROVIDER_REQUESTS_PER_CALL = 4;
/** Margin for the provider's own work and the host's start of a call. */
const MARGIN_MS = 60_000;

/**
 * The deadline of one provider call for a stack with `config`, in a process with `env`.
 *
 * @param config - stack config (namespaced keys)
 * @param env - the provider host's environment
 */
export function providerCallDeadlineMs(config: Readonly<Record<string, string>>, env: Readonly<Record<string, string | undefined>>): number {
    const configured = config["pim-alerts:timeoutSeconds"] ?? env["PIM_ALERTS_TIMEOUT_SECONDS"];
    const seconds = configured === undefined ? NaN : Number(configured);
    const attemptMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : PROVIDER_DEFAULT_ATTEMPT_TIMEOUT_MS;
    return PROVIDER_REQUESTS_PER_CALL * (PROVIDER_RETRY_WINDOW_MS + attemptMs) + MARGIN_MS;
}
