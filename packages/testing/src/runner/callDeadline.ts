/**
 * The deadline of one provider call. It must outlast everything the provider may do in one call,
 * or the runner gives up while the provider is still retrying and writes later, unrecorded. The
 * provider's own bound: one request with all its retries ends within 120 s of its first attempt
 * (each attempt's timeout, `pim-alerts:timeoutSeconds`, is cut to that bound; README "Errors",
 * `DEFAULT_RETRY_OPTIONS.maxTotalMs` in the product, tied to these constants by a test), and one
 * call makes at most a token request and three API requests one after the other (adopting GET,
 * PATCH, read-back GET). A call whose requests queue behind many others in the host's bound on
 * requests in flight (`pim-alerts:maxConcurrentRequests`) can take longer: lower `parallel` then.
 *
 * @packageDocumentation
 */

/** No request of the provider, its retries included, lasts longer than this. */
export const PROVIDER_RETRY_WINDOW_MS = 120_000;
/** Requests one provider call makes in sequence, at most. */
export const PROVIDER_REQUESTS_PER_CALL = 4;
/** Margin for the provider's own work and the host's start of a call. */
const MARGIN_MS = 60_000;

/** The deadline of one provider call: 9 minutes. */
export function providerCallDeadlineMs(): number {
    return PROVIDER_REQUESTS_PER_CALL * PROVIDER_RETRY_WINDOW_MS + MARGIN_MS;
}
