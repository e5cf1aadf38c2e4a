/**
 * The one HTTP client of the package: a bearer token, bounded attempts (transport.ts), retries
 * (retryPolicy.ts), one bound on requests in flight per process (requestLimiter.ts), paging, and
 * errors that say what happened and what to do. Created per process, never captured in `__provider`.
 *
 * Bounds, documented in README's reliability section:
 * - one attempt: `timeoutMs` (pim-alerts:timeoutSeconds, 30 s) for everything, body included;
 * - one request with its retries: at most 7 attempts, ended within `retry.maxTotalMs` (2 minutes)
 *   or one attempt's timeout, whichever is longer;
 * - one body: 16 MiB for a success, 64 KiB for an error (transport.ts).
 */
import { AzureApiError, NetworkError, serverText, UnexpectedResponseError } from "../errors";
import { adviceFor, type AzureApi, type RequestSubject } from "./advice";
import { assertSecureForToken } from "./insecureConnection";
import { redactUrl } from "./redaction";
import { createRequestLimiter, DEFAULT_MAX_CONCURRENT_REQUESTS, type RequestLimiter } from "./requestLimiter";
import { parseBody, readServiceError } from "./responseBody";
import {
    decideRetry,
    DEFAULT_RETRY_OPTIONS,
    REAL_CLOCK,
    type Clock,
    type RetryDecision,
    type RetryOptions,
} from "./retryPolicy";
import {
    createTransport,
    MAX_ERROR_BODY_BYTES,
    MAX_RESPONSE_BYTES,
    type AttemptAnswer,
    type AttemptFailure,
    type Transport,
} from "./transport";

/** How to build an {@link ApiClient}. */
export interface ApiClientOptions {
    readonly api: AzureApi;
    /** e.g. `https://management.azure.com` or `https://graph.microsoft.com/beta`. */
    readonly baseUrl: string;
    /** Returns a bearer token for this API's audience (cached by the caller). */
    readonly getToken: () => Promise<string>;
    /** Deadline of one attempt, body included. @default 30000 */
    readonly timeoutMs?: number;
    readonly retry?: Partial<RetryOptions>;
    /** The bound on requests in flight, shared by every client of the process. @default a limiter of its own */
    readonly limiter?: RequestLimiter;
    /** Time for retry waits and bounds; tests inject one so that they never wait. @default the real clock */
    readonly clock?: Clock;
}

/** One request. `path` is relative to the base URL, or an absolute URL on the same host (nextLink, Location). */
export interface ApiRequest {
    readonly method: "GET" | "PATCH" | "POST";
    readonly path: string;
    readonly query?: Readonly<Record<string, string>>;
    readonly body?: unknown;
    /** What the request is about, for error messages and advice. */
    readonly subject?: RequestSubject;
}

/** A successful response with its JSON body (`undefined` for an empty body such as a 204). */
export interface ApiResponse {
    readonly status: number;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: unknown;
}

/** One page of a collection, and the link to the next one (undefined on the last page). */
export interface ApiPage {
    readonly items: unknown[];
    readonly nextLink: string | undefined;
}

/** Typed access to one Azure API. */
export interface ApiClient {
    readonly api: AzureApi;
    readonly baseUrl: string;
    send(request: ApiRequest): Promise<ApiResponse>;
    /** GETs a collection and follows `nextLink` / `@odata.nextLink` to the end. */
    listAll(request: Omit<ApiRequest, "method" | "body">): Promise<unknown[]>;
    /** GETs one page of a collection (the first, unless `path` is a next link). */
    listPage(request: Omit<ApiRequest, "method" | "body">): Promise<ApiPage>;
}

const MAX_PAGES = 1000;

/** Creates a client; no network traffic happens until the first request. */
export function createApiClient(options: ApiClientOptions): ApiClient {
    const baseUrl = options.baseUrl.replace(/\/+$/, "");
    const timeoutMs = options.timeoutMs ?? 30_000;
    const retry: RetryOptions = { ...DEFAULT_RETRY_OPTIONS, ...options.retry };
    const limiter = options.limiter ?? createRequestLimiter(DEFAULT_MAX_CONCURRENT_REQUESTS);
    const clock = options.clock ?? REAL_CLOCK;
    const transport: Transport = createTransport();
    // The whole sequence ends within this bound (or one attempt, when that is longer).
    const sequenceMs = Math.max(retry.maxTotalMs, timeoutMs);

    const resolve = (path: string): string => {
        if (!/^https?:\/\//i.test(path)) return `${baseUrl}/${path.replace(/^\/+/, "")}`;
        // Links from the service must stay on the configured host: the token goes with them.
        if (new URL(path).origin !== new URL(baseUrl).origin) {
            throw new UnexpectedResponseError(
                "GET",
                redactUrl(path),
                200,
                `a link points outside ${new URL(baseUrl).origin}`,
            );
        }
        return path;
    };

    async function send(request: ApiRequest): Promise<ApiResponse> {
        const url = withQuery(resolve(request.path), request.query);
        const shownUrl = redactUrl(url);
        assertSecureForToken(url);
        const body = request.body === undefined ? undefined : JSON.stringify(request.body);
        let started: number | undefined;
        const elapsed = () => clock.now() - (started ?? clock.now());
        for (let attempt = 1; ; attempt++) {
            const token = await options.getToken();
            const headers: Record<string, string> = {
                "User-Agent": "pulumi-pim-alerts",
                Accept: "application/json",
                Authorization: `Bearer ${token}`,
            };
            if (body !== undefined) headers["Content-Type"] = "application/json";
            // Filled in by wantsBody: the retry decision about an error answer, made before its body is read.
            const verdict: { decision?: RetryDecision } = {};
            const outcome = await limiter.run(() => {
                // The bound of the sequence counts from the first attempt on the wire, not from the queue.
                started ??= clock.now();
                const left = started + sequenceMs - clock.now();
                return transport({
                    method: request.method,
                    url,
                    headers,
                    body,
                    timeoutMs: Math.min(timeoutMs, left),
                    // The body of an answer that will be retried is never downloaded.
                    wantsBody: (status, answerHeaders) => {
                        if (status >= 200 && status < 300) return true;
                        verdict.decision = decideRetry(
                            { method: request.method, status, headers: answerHeaders },
                            attempt,
                            elapsed(),
                            retry,
                            clock.now(),
                        );
                        return !verdict.decision.retry;
                    },
                });
            });
            if (outcome.kind === "answer" && outcome.status >= 200 && outcome.status < 300)
                return success(request, shownUrl, outcome);
            const decision =
                outcome.kind === "failure"
                    ? decideRetry(
                          { method: request.method, networkCode: outcome.code },
                          attempt,
                          elapsed(),
                          retry,
                          clock.now(),
                      )
                    : verdict.decision;
            if (decision === undefined) throw new Error("internal-error: an error answer without a retry decision");
            if (!decision.retry) {
                throw outcome.kind === "failure"
                    ? networkError(request, shownUrl, outcome, attempt, decision.why)
                    : azureError(options.api, request, shownUrl, outcome, attempt, decision.why);
            }
            await clock.sleep(decision.delayMs);
        }
    }

    async function listPage(request: Omit<ApiRequest, "method" | "body">): Promise<ApiPage> {
        const { body } = await send({ ...request, method: "GET" });
        const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
        const value = record["value"];
        if (!Array.isArray(value))
            throw new UnexpectedResponseError(
                "GET",
                redactUrl(withQuery(resolve(request.path), request.query)),
                200,
                "a list without a `value` array",
            );
        const link = record["nextLink"] ?? record["@odata.nextLink"];
        return { items: value, nextLink: typeof link === "string" && link !== "" ? link : undefined };
    }

    async function listAll(request: Omit<ApiRequest, "method" | "body">): Promise<unknown[]> {
        const items: unknown[] = [];
        let next: Omit<ApiRequest, "method" | "body"> | undefined = request;
        for (let page = 0; next !== undefined; page++) {
            if (page >= MAX_PAGES)
                throw new UnexpectedResponseError("GET", redactUrl(next.path), 200, `more than ${MAX_PAGES} pages`);
            const { items: pageItems, nextLink }: ApiPage = await listPage(next);
            items.push(...pageItems);
            next =
                nextLink === undefined
                    ? undefined
                    : { path: nextLink, ...(request.subject ? { subject: request.subject } : {}) };
        }
        return items;
    }

    return { api: options.api, baseUrl, send, listAll, listPage };
}

function success(request: ApiRequest, shownUrl: string, answer: AttemptAnswer): ApiResponse {
    if (answer.truncated) {
        throw new UnexpectedResponseError(
            request.method,
            shownUrl,
            answer.status,
            `the body is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB, the most this package reads`,
        );
    }
    const body = parseBody(answer.text ?? "", answer.headers["content-type"]);
    if (!body.ok) throw new UnexpectedResponseError(request.method, shownUrl, answer.status, body.problem);
    return { status: answer.status, headers: answer.headers, body: body.value };
}

function attemptsText(attempts: number, why: string): string {
    return attempts === 1 ? `1 attempt, not retried: ${why}` : `${attempts} attempts; ${why}`;
}

function networkError(
    request: ApiRequest,
    shownUrl: string,
    failure: AttemptFailure,
    attempts: number,
    why: string,
): NetworkError {
    return new NetworkError(request.method, shownUrl, `${serverText(failure.reason)} (${attemptsText(attempts, why)})`);
}

function azureError(
    api: AzureApi,
    request: ApiRequest,
    shownUrl: string,
    answer: AttemptAnswer,
    attempts: number,
    why: string,
): AzureApiError {
    const service = readServiceError(parseBody(answer.text ?? "", answer.headers["content-type"]));
    const cut = answer.truncated
        ? ` (the error body was larger than ${MAX_ERROR_BODY_BYTES / 1024} KiB; the rest was not read)`
        : "";
    return new AzureApiError({
        method: request.method,
        url: shownUrl,
        status: answer.status,
        statusText: serverText(answer.statusText, 80),
        code: service.code,
        serviceMessage: service.message === undefined ? cut.trim() || undefined : `${service.message}${cut}`,
        requestId: answer.headers["x-ms-request-id"] ?? answer.headers["request-id"] ?? service.innerRequestId,
        advice: adviceFor(api, answer.status, request.subject ?? {}, {
            attempts,
            notRetried: attempts === 1 ? why : undefined,
        }),
        attempts,
    });
}

function withQuery(url: string, query: Readonly<Record<string, string>> | undefined): string {
    if (!query) return url;
    const u = new URL(url);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return u.toString();
}
