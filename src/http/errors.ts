/**
 * The package's error classes. Messages always say which request failed (method and redacted URL)
 * and, for Azure failures, the HTTP status, the service's error code and message, the request id
 * and what to do about it. No message ever contains a token or a secret.
 */

/** Base class of every error this package throws on purpose. */
export class PimAlertsError extends Error {
    override name = "PimAlertsError";
}

/** The details of a failed Azure (ARM or Graph) call. */
export interface AzureApiErrorDetails {
    readonly method: string;
    /** The request URL with every query parameter outside an allowlist redacted. */
    readonly url: string;
    readonly status: number;
    readonly statusText: string;
    /** The service's error code, e.g. `AuthorizationFailed`; `undefined` when the body had none. */
    readonly code: string | undefined;
    readonly serviceMessage: string | undefined;
    /** `x-ms-request-id` (ARM) or the Graph `request-id`, to quote when opening a support case. */
    readonly requestId: string | undefined;
    /** What the user can do about it. */
    readonly advice: string | undefined;
}

/** Azure answered with an error status. */
export class AzureApiError extends PimAlertsError {
    override name = "AzureApiError" as const;
    readonly details: AzureApiErrorDetails;

    constructor(details: AzureApiErrorDetails) {
        super(formatAzureApiError(details));
        this.details = details;
    }

    get status(): number {
        return this.details.status;
    }
}

/** The request never got an HTTP answer (timeout, refused or reset connection) after all retries. */
export class NetworkError extends PimAlertsError {
    override name = "NetworkError" as const;
    constructor(method: string, url: string, reason: string, options?: { cause?: unknown }) {
        super(`${method} ${url} failed without an HTTP response: ${reason}`, options);
    }
}

/** Azure answered 2xx with a body that is not what the API defines (proxy page, newer API, bug). */
export class UnexpectedResponseError extends PimAlertsError {
    override name = "UnexpectedResponseError" as const;
    constructor(method: string, url: string, status: number, problem: string) {
        super(`${method} ${url} answered ${status} with an unexpected body: ${problem}`);
    }
}

/** Guard that also works across two copies of this package (checks the name, like ky and core-rest-pipeline). */
export function isAzureApiError(error: unknown): error is AzureApiError {
    return error instanceof AzureApiError || (error instanceof Error && error.name === "AzureApiError" && "details" in error);
}

function formatAzureApiError(d: AzureApiErrorDetails): string {
    const service = [d.code, d.serviceMessage].filter((part) => part !== undefined && part !== "").join(": ");
    return (
        `${d.method} ${d.url} failed with ${d.status} ${d.statusText}` +
        (service ? `: ${service}` : "") +
        ` (request id: ${d.requestId ?? "none"})` +
        (d.advice ? `. ${d.advice}` : "")
    );
}
