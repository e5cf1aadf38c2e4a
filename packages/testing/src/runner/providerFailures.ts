/**
 * A failed provider call told as Pulumi tells it: the provider's own message, without the gRPC
 * status in front; a call that timed out or a provider host that died named as such, with the
 * host's last words, never as a raw `DEADLINE_EXCEEDED` or `UNAVAILABLE`.
 *
 * @packageDocumentation
 */
import { ProviderCallError } from "../errors";

const GRPC_CANCELLED = 1;
const GRPC_UNKNOWN = 2;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/** True for a call that failed because the connection to the host was lost (it died, usually). */
export function isConnectionLoss(error: unknown): boolean {
    return error instanceof ProviderCallError && (error.code === GRPC_UNAVAILABLE || error.code === GRPC_CANCELLED);
}

/** What is known about the host when a call failed. */
export interface HostCondition {
    /** False once the host process has exited. */
    readonly running: boolean;
    /** The host's last stderr lines. */
    readonly stderrTail: readonly string[];
    /** The deadline of one call, in ms. */
    readonly deadlineMs: number;
}

/**
 * The message a user sees for a failed provider call.
 *
 * @param error - what the call rejected with
 * @param operation - e.g. `creating`, `reading`
 * @param host - the host's condition at the time
 */
export function providerFailureMessage(error: unknown, operation: string, host: HostCondition): string {
    if (!(error instanceof ProviderCallError)) return error instanceof Error ? error.message : String(error);
    if (error.code === GRPC_UNKNOWN) return error.details;
    const lastWords = host.stderrTail.length > 0 ? `; its last output:\n${host.stderrTail.join("\n")}` : "";
    if (!host.running || error.code === GRPC_UNAVAILABLE || error.code === GRPC_CANCELLED) {
        return `the provider host ${host.running ? "closed its connection" : "exited"} while ${operation} the resource${lastWords}`;
    }
    if (error.code === GRPC_DEADLINE_EXCEEDED) {
        return (
            `the provider did not finish ${operation} the resource within ${Math.round(host.deadlineMs / 1000)} s (the runner's deadline for one ` +
            "provider call, longer than the provider's own retries); it may still have acted: refresh to see what the cloud holds"
        );
    }
    return `${error.details} (${error.codeName})`;
}
