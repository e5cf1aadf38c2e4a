/**
 * Calls on a `pulumirpc.ResourceProvider` client the way the engine makes them: each with a
 * deadline, failures raised as {@link ProviderCallError} (with the ErrorResourceInitFailed the
 * host attached, if any).
 *
 * @packageDocumentation
 */
import { ProviderCallError } from "../errors";
import type { ProviderCalls, ProviderMethod, ProviderStubs, ResourceProviderClient } from "./providerMessages";
import type { ProviderSdk } from "./sdk";

/** gRPC status `UNIMPLEMENTED`. */
export const GRPC_UNIMPLEMENTED = 12;
/** gRPC status `INTERNAL`. */
const GRPC_INTERNAL = 13;

/** A client of one provider host; refuses calls once closed. */
export class ProviderRpc {
    private closed = false;

    /**
     * @param sdk - supplies the call metadata and the ErrorResourceInitFailed reader
     * @param client - a client connected to the host
     * @param timeoutMs - deadline of every call
     */
    constructor(
        private readonly sdk: Pick<ProviderSdk, "createMetadata" | "readInitFailure">,
        private readonly client: ResourceProviderClient,
        private readonly timeoutMs: number,
    ) {}

    /**
     * Calls `method` with a deadline of `timeoutMs` from now.
     *
     * @param method - the RPC, e.g. `"create"` (also the `method` of a {@link ProviderCallError})
     * @param request - its request message
     * @throws ProviderCallError when the call fails or the host answers with no message; Error
     *   when the client has been closed
     */
    call<K extends ProviderMethod>(method: K, request: ProviderCalls[K][0]): Promise<ProviderCalls[K][1]> {
        if (this.closed) {
            return Promise.reject(new Error(`${method}: the provider host has been stopped`));
        }
        const stubs: ProviderStubs = this.client;
        const stub = stubs[method];
        return new Promise((resolve, reject) => {
            const deadline = new Date(Date.now() + this.timeoutMs);
            stub.call(this.client, request, this.sdk.createMetadata(), { deadline }, (error, response) => {
                if (error !== null) {
                    const details =
                        typeof error.details === "string" && error.details !== "" ? error.details : error.message;
                    reject(
                        new ProviderCallError(method, error.code, details, this.sdk.readInitFailure(error.metadata)),
                    );
                } else if (response === undefined) {
                    reject(new ProviderCallError(method, GRPC_INTERNAL, "the host sent no response message"));
                } else {
                    resolve(response);
                }
            });
        });
    }

    /** Closes the connection; later calls are refused. */
    close(): void {
        this.closed = true;
        this.client.close();
    }
}
