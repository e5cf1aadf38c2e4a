/**
 * Errors raised by the testing kit.
 *
 * @packageDocumentation
 */
import type { InitFailure } from "./host/initFailure";

/** gRPC status code names, indexed by code (grpc/status.h). */
const GRPC_CODE_NAMES: readonly string[] = [
    "OK",
    "CANCELLED",
    "UNKNOWN",
    "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED",
    "NOT_FOUND",
    "ALREADY_EXISTS",
    "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED",
    "FAILED_PRECONDITION",
    "ABORTED",
    "OUT_OF_RANGE",
    "UNIMPLEMENTED",
    "INTERNAL",
    "UNAVAILABLE",
    "DATA_LOSS",
    "UNAUTHENTICATED",
];

/**
 * The name of a gRPC status code (`2` -> `"UNKNOWN"`).
 *
 * @param code - numeric gRPC status code
 */
export function grpcCodeName(code: number): string {
    return GRPC_CODE_NAMES[code] ?? `CODE_${code}`;
}

/**
 * A provider RPC failed. An error thrown inside a dynamic provider method arrives as code 2
 * (`UNKNOWN`) with the error's message as {@link ProviderCallError.details}; the host keeps running.
 */
export class ProviderCallError extends Error {
    /** The RPC method, e.g. `"create"`. */
    public readonly method: string;
    /** The gRPC status code (2 for errors thrown by the provider). */
    public readonly code: number;
    /** The gRPC status text: the provider's error message. */
    public readonly details: string;
    /**
     * Set when a create or update reached the cloud but did not finish: the id and state the engine
     * keeps (ErrorResourceInitFailed), so that the next `up` updates the resource again.
     */
    public readonly initFailure: InitFailure | undefined;

    /**
     * @param method - RPC method name
     * @param code - gRPC status code
     * @param details - gRPC status details
     * @param initFailure - the ErrorResourceInitFailed the host sent, if any
     */
    constructor(method: string, code: number, details: string, initFailure?: InitFailure) {
        super(`${method} failed with gRPC ${grpcCodeName(code)} (${code}): ${details}`);
        this.name = "ProviderCallError";
        this.method = method;
        this.code = code;
        this.details = details;
        this.initFailure = initFailure;
    }

    /** The name of {@link ProviderCallError.code}, e.g. `"UNKNOWN"`. */
    get codeName(): string {
        return grpcCodeName(this.code);
    }
}

/** The provider host did not start (exited early, printed no port, or timed out). */
export class ProviderHostStartError extends Error {
    /** Every line the process printed before failing. */
    public readonly output: readonly string[];

    /**
     * @param message - what went wrong
     * @param output - lines printed by the process
     */
    constructor(message: string, output: readonly string[]) {
        super(output.length > 0 ? `${message}\n--- host output ---\n${output.join("\n")}` : message);
        this.name = "ProviderHostStartError";
        this.output = output;
    }
}

/** A program run by `captureResources` failed or timed out. */
export class CaptureError extends Error {
    /** Every line the program process printed. */
    public readonly output: readonly string[];

    /**
     * @param message - what went wrong
     * @param output - lines printed by the process
     */
    constructor(message: string, output: readonly string[]) {
        super(output.length > 0 ? `${message}\n--- program output ---\n${output.join("\n")}` : message);
        this.name = "CaptureError";
        this.output = output;
    }
}
