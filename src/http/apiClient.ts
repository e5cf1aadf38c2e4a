/**
 * The one HTTP client of the package: axios with a bearer token, timeouts, retries, paging and
 * errors that say what happened and what to do. Created per provider process, never captured
 * in `__provider`.
 */
import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import { adviceFor, type AzureApi, type RequestSubject } from "./advice";
import { AzureApiError, NetworkError, UnexpectedResponseError } from "../errors";
import { assertSecureForToken } from "./insecureConnection";
import { redactUrl } from "./redaction";
import { parseBody, readServiceError } from "./responseBody";
import { applyRetryPolicy, DEFAULT_RETRY_OPTIONS, type RetryOptions } from "./retryPolicy";

/** How to build an {@link ApiClient}. */
export interface ApiClientOptions {
    readonly api: AzureApi;
    /** e.g. `https://management.azure.com` or `https://graph.microsoft.com/beta`. */
    readonly baseUrl: string;
    /** Returns a bearer token for this API's audience (cached by the caller). */
    readonly getToken: () => Promise<string>;
    /** Per-attempt timeout. @default 30000 */
    readonly timeoutMs?: number;
    readonly retry?: Partial<RetryOptions>;
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

/** Typed access to one Azure API. */
export interface ApiClient {
    readonly api: AzureApi;
    readonly baseUrl: string;
    send(request: ApiRequest): Promise<ApiResponse>;
    /** GETs a collection and follows `nextLink` / `@odata.nextLink` to the end. */
    listAll(request: Omit<ApiRequest, "method" | "body">): Promise<unknown[]>;
}

const MAX_PAGES = 1000;

/** Creates a client; no network traffic happens until the first request. */
export function createApiClient(options: ApiClientOptions): ApiClient {
    const baseUrl = options.baseUrl.replace(/\/+$/, "");
    const http: AxiosInstance = axios.create({
        timeout: options.timeoutMs ?? 30_000,
        responseType: "text",
        transformResponse: [(data: unknown) => data],
        // Status checks are ours, so that every error becomes an AzureApiError.
        validateStatus: (status) => status >= 200 && status < 300,
        maxRedirects: 0,
        headers: { "User-Agent": "pulumi-pim-alerts", Accept: "application/json" },
    });
    http.interceptors.request.use(async (config) => {
        const url = axios.getUri(config);
        assertSecureForToken(url);
        config.headers.set("Authorization", `Bearer ${await options.getToken()}`);
        return config;
    });
    applyRetryPolicy(http, { ...DEFAULT_RETRY_OPTIONS, ...options.retry });

    const resolve = (path: string): string => {
        if (!/^https?:\/\//i.test(path)) return `${baseUrl}/${path.replace(/^\/+/, "")}`;
        // Links from the service must stay on the configured host: the token goes with them.
        if (new URL(path).origin !== new URL(baseUrl).origin) {
            throw new UnexpectedResponseError("GET", redactUrl(path), 200, `a link points outside ${new URL(baseUrl).origin}`);
        }
        return path;
    };

    async function send(request: ApiRequest): Promise<ApiResponse> {
        const url = resolve(request.path);
        let response: AxiosResponse<string>;
        try {
            response = await http.request<string>({
                method: request.method,
                url,
                params: request.query,
                data: request.body === undefined ? undefined : JSON.stringify(request.body),
                headers: request.body === undefined ? {} : { "Content-Type": "application/json" },
            });
        } catch (error) {
            throw toPackageError(options.api, request, url, error);
        }
        const headers = flatHeaders(response.headers);
        const body = parseBody(response.data ?? "", headers["content-type"]);
        if (!body.ok) throw new UnexpectedResponseError(request.method, redactUrl(withQuery(url, request.query)), response.status, body.problem);
        return { status: response.status, headers, body: body.value };
    }

    async function listAll(request: Omit<ApiRequest, "method" | "body">): Promise<unknown[]> {
        const items: unknown[] = [];
        let next: ApiRequest | undefined = { ...request, method: "GET" };
        for (let page = 0; next !== undefined; page++) {
            if (page >= MAX_PAGES) throw new UnexpectedResponseError("GET", redactUrl(next.path), 200, `more than ${MAX_PAGES} pages`);
            const { body } = await send(next);
            const value = (body as { value?: unknown } | undefined)?.value;
            if (!Array.isArray(value)) throw new UnexpectedResponseError("GET", redactUrl(resolve(next.path)), 200, "a list without a `value` array");
            items.push(...value);
            const link = (body as Record<string, unknown>)["nextLink"] ?? (body as Record<string, unknown>)["@odata.nextLink"];
            next =
                typeof link === "string" && link !== "" ? { path: link, method: "GET", ...(request.subject ? { subject: request.subject } : {}) } : undefined;
        }
        return items;
    }

    return { api: options.api, baseUrl, send, listAll };
}

function toPackageError(api: AzureApi, request: ApiRequest, url: string, error: unknown): Error {
    if (!axios.isAxiosError(error)) return error instanceof Error ? error : new Error(String(error));
    const shownUrl = redactUrl(withQuery(url, request.query));
    if (!error.response) {
        // The axios error is not kept as `cause`: its config holds the Authorization header.
        const reason = error.code === "ECONNABORTED" ? `timed out (${error.message})` : `${error.code ?? "error"}: ${error.message}`;
        return new NetworkError(request.method, shownUrl, `${reason}; retries exhausted`);
    }
    const headers = flatHeaders(error.response.headers);
    const service = readServiceError(parseBody(String(error.response.data ?? ""), headers["content-type"]));
    return new AzureApiError({
        method: request.method,
        url: shownUrl,
        status: error.response.status,
        statusText: error.response.statusText || "",
        code: service.code,
        serviceMessage: service.message,
        requestId: headers["x-ms-request-id"] ?? headers["request-id"] ?? service.innerRequestId,
        advice: adviceFor(api, error.response.status, request.subject ?? {}),
    });
}

function withQuery(url: string, query: Readonly<Record<string, string>> | undefined): string {
    if (!query) return url;
    const u = new URL(url);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return u.toString();
}

function flatHeaders(headers: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    if (typeof headers !== "object" || headers === null) return out;
    for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
        if (v !== undefined && v !== null) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : String(v);
    }
    return out;
}
