import { randomUUID } from "node:crypto";
import { headerValue, type IncomingCall } from "./incomingCall";

/** The correlation headers stamped on every response, like ARM and Graph front doors do. */
export interface RequestIds {
    readonly requestId: string;
    readonly correlationId: string;
}

/**
 * A fresh request id, and the caller's `x-ms-correlation-request-id` (or `client-request-id`)
 * echoed back when it sent one, otherwise a fresh id.
 * @param call - The incoming request.
 */
export function requestIdsFor(call: IncomingCall): RequestIds {
    const sent = headerValue(call, "x-ms-correlation-request-id") ?? headerValue(call, "client-request-id");
    return { requestId: randomUUID(), correlationId: sent ?? randomUUID() };
}

/**
 * The response headers carrying `ids`: ARM's `x-ms-*` pair plus Graph's `request-id`/`client-request-id`.
 * @param ids - The ids of this request.
 * @param call - The incoming request (its `x-ms-client-request-id` is echoed, as ARM does).
 */
export function requestIdHeaders(ids: RequestIds, call: IncomingCall): Record<string, string> {
    const headers: Record<string, string> = {
        "x-ms-request-id": ids.requestId,
        "x-ms-correlation-request-id": ids.correlationId,
        "request-id": ids.requestId,
        "client-request-id": ids.correlationId,
    };
    const clientRequestId = headerValue(call, "x-ms-client-request-id");
    if (clientRequestId !== undefined) headers["x-ms-client-request-id"] = clientRequestId;
    return headers;
}
