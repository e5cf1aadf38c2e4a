/**
 * Every error class this package throws on purpose, with a type guard for each. Messages say which
 * request or input failed and what to do; no message ever contains a token or a secret (the base
 * class redacts bearer tokens and JWT-looking strings from every message as a last line of defence).
 *
 * The guards check `instanceof`, and fall back to the error's `name` so that they also work across
 * two copies of this package in one process (as ky's and the Azure SDK's guards do).
 */
import { redactTokens } from "./messageText";

/** Base class of every error this package throws on purpose. */
export class PimAlertsError extends Error {
    override name: string = "PimAlertsError";

    constructor(message: string, options?: { cause?: unknown }) {
        super(redactTokens(message), options);
    }
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
    /** The service's message, tokens redacted and control characters neutralised. */
    readonly serviceMessage: string | undefined;
    /** `x-ms-request-id` (ARM) or the Graph `request-id`, to quote when opening a support case. */
    readonly requestId: string | undefined;
    /** What the user can do about it. */
    readonly advice: string | undefined;
    /** How many times the request was sent (1 when it was not retried). */
    readonly attempts?: number;
}

/** Azure answered with an error status. */
export class AzureApiError extends PimAlertsError {
    override name = "AzureApiError" as const;
    readonly details: AzureApiErrorDetails;

    constructor(details: AzureApiErrorDetails) {
        super(formatAzureApiError(details));
        this.details = details;
    }

    /** The HTTP status Azure answered with. */
    get status(): number {
        return this.details.status;
    }
}

/**
 * The request got no complete HTTP answer: a timeout (the per-attempt deadline covers the body too),
 * a refused or reset connection, a body cut off, or a proxy that refused to connect to Azure.
 */
export class NetworkError extends PimAlertsError {
    override name = "NetworkError" as const;
    constructor(method: string, url: string, reason: string, options?: { cause?: unknown }) {
        super(`${method} ${url} failed without a complete HTTP response: ${reason}`, options);
    }
}

/** Azure answered 2xx with a body that is not what the API defines (proxy page, newer API, bug, too large). */
export class UnexpectedResponseError extends PimAlertsError {
    override name = "UnexpectedResponseError" as const;
    constructor(method: string, url: string, status: number, problem: string) {
        super(`${method} ${url} answered ${status} with an unexpected body: ${problem}`);
    }
}

/** Thrown before any byte is sent when a token would travel unencrypted to a host that is not loopback. */
export class InsecureConnectionError extends PimAlertsError {
    override name = "InsecureConnectionError" as const;
}

/** Invalid provider configuration (`pim-alerts:` stack config or `PIM_ALERTS_*` variables); names the key, the value and what is allowed. */
export class ConfigurationError extends PimAlertsError {
    override name = "ConfigurationError" as const;
}

/** No access token could be obtained; says how to sign in. Never includes the secret. */
export class AuthenticationError extends PimAlertsError {
    override name = "AuthenticationError" as const;
}

/** No source gave the tenant id of the directory-role alerts; says what to configure. */
export class TenantIdError extends PimAlertsError {
    override name = "TenantIdError" as const;
}

/**
 * A write reached Azure but a later step of the same operation failed, or a write was sent and its
 * outcome is unknown (no answer, or one that does not say it was refused). Carries the id and the
 * properties to record: @pulumi/pulumi's dynamic provider host turns them into
 * ErrorResourceInitFailed, so the engine keeps the resource and the next `up` finishes the job.
 */
export class PartialFailureError extends PimAlertsError {
    override name = "PartialFailureError" as const;
    /** Read by @pulumi/pulumi's dynamic provider host. */
    readonly id: string;
    readonly properties: Record<string, unknown>;
    readonly reasons: string[];

    /**
     * @param id - The resource id the engine keeps.
     * @param properties - The state the engine records.
     * @param cause - What failed.
     * @param whatHappened - What was done (`updated ...`), or, when `outcome` is "unknown", what was sent (`updating ...`).
     * @param outcome - "succeeded": the write was applied and a later step failed; "unknown": it may or may not have been applied.
     */
    constructor(
        id: string,
        properties: Record<string, unknown>,
        cause: unknown,
        whatHappened: string,
        outcome: "succeeded" | "unknown" = "succeeded",
    ) {
        const reason = cause instanceof Error ? cause.message : String(cause);
        super(
            outcome === "succeeded"
                ? `${whatHappened}, then: ${reason}. The state is kept; run \`pulumi up\` again to finish.`
                : `${whatHappened}: ${reason}. Whether Azure applied the write is unknown: the state is kept with the values ` +
                      "from before it (the original values included); run `pulumi up` again to finish.",
        );
        this.id = id;
        this.properties = properties;
        this.reasons = [reason];
    }
}

/** A long-running operation (a refresh scan) ended in a failed state. */
export class OperationFailedError extends PimAlertsError {
    override name = "OperationFailedError" as const;
}

/** A long-running operation did not end within its timeout (it may still finish in Azure). */
export class OperationTimeoutError extends PimAlertsError {
    override name = "OperationTimeoutError" as const;
}

/** An argument is not valid (of a data function, an action, a command, or a resource id given to a provider); says what is allowed. */
export class InvalidArgumentError extends PimAlertsError {
    override name = "InvalidArgumentError" as const;
}

/** The `pim-alerts` command line was called wrong; the message says how to call it instead. */
export class UsageError extends PimAlertsError {
    override name = "UsageError" as const;
    /** The command whose help to point at, if any. */
    readonly command: string | undefined;

    constructor(message: string, command?: string) {
        super(message);
        this.command = command;
    }
}

/** `pim-alerts export` will not write a value the APIs returned into a program: it is not what its grammar allows. */
export class ExportRefusedError extends PimAlertsError {
    override name = "ExportRefusedError" as const;
}

/** The adoption journal could not be written, so no write was sent whose original values could be lost. */
export class AdoptionJournalError extends PimAlertsError {
    override name = "AdoptionJournalError" as const;
}

type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

function guard<E extends Error>(cls: ErrorClass<E>, name: string): (error: unknown) => error is E {
    return (error: unknown): error is E => error instanceof cls || (error instanceof Error && error.name === name);
}

const PACKAGE_ERROR_NAMES = new Set([
    "PimAlertsError",
    "AzureApiError",
    "NetworkError",
    "UnexpectedResponseError",
    "InsecureConnectionError",
    "ConfigurationError",
    "AuthenticationError",
    "TenantIdError",
    "PartialFailureError",
    "OperationFailedError",
    "OperationTimeoutError",
    "InvalidArgumentError",
    "UsageError",
    "ExportRefusedError",
    "AdoptionJournalError",
]);

/** True for any error this package throws on purpose (any class of this module). */
export function isPimAlertsError(error: unknown): error is PimAlertsError {
    return error instanceof PimAlertsError || (error instanceof Error && PACKAGE_ERROR_NAMES.has(error.name));
}

/** True for an {@link AzureApiError} (also one from another copy of this package: it has `details`). */
export function isAzureApiError(error: unknown): error is AzureApiError {
    return (
        error instanceof AzureApiError ||
        (error instanceof Error && error.name === "AzureApiError" && "details" in error)
    );
}

/** True for a {@link NetworkError}. */
export const isNetworkError = guard(NetworkError, "NetworkError");
/** True for an {@link UnexpectedResponseError}. */
export const isUnexpectedResponseError = guard(UnexpectedResponseError, "UnexpectedResponseError");
/** True for an {@link InsecureConnectionError}. */
export const isInsecureConnectionError = guard(InsecureConnectionError, "InsecureConnectionError");
/** True for a {@link ConfigurationError}. */
export const isConfigurationError = guard(ConfigurationError, "ConfigurationError");
/** True for an {@link AuthenticationError}. */
export const isAuthenticationError = guard(AuthenticationError, "AuthenticationError");
/** True for a {@link TenantIdError}. */
export const isTenantIdError = guard(TenantIdError, "TenantIdError");
/** True for a {@link PartialFailureError}. */
export const isPartialFailureError = guard(PartialFailureError, "PartialFailureError");
/** True for an {@link OperationFailedError}. */
export const isOperationFailedError = guard(OperationFailedError, "OperationFailedError");
/** True for an {@link OperationTimeoutError}. */
export const isOperationTimeoutError = guard(OperationTimeoutError, "OperationTimeoutError");
/** True for an {@link InvalidArgumentError}. */
export const isInvalidArgumentError = guard(InvalidArgumentError, "InvalidArgumentError");
/** True for a {@link UsageError}. */
export const isUsageError = guard(UsageError, "UsageError");

function formatAzureApiError(d: AzureApiErrorDetails): string {
    const service = [d.code, d.serviceMessage].filter((part) => part !== undefined && part !== "").join(": ");
    return (
        `${d.method} ${d.url} failed with ${d.status} ${d.statusText}` +
        (service ? `: ${service}` : "") +
        ` (request id: ${d.requestId ?? "none"})` +
        (d.advice ? `. ${d.advice}` : "")
    );
}
/** True for an {@link ExportRefusedError}. */
export const isExportRefusedError = guard(ExportRefusedError, "ExportRefusedError");
/** True for an {@link AdoptionJournalError}. */
export const isAdoptionJournalError = guard(AdoptionJournalError, "AdoptionJournalError");
