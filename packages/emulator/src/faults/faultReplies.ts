import { isJsonObject, jsonReply, textReply, withHeaders, type Reply } from "../core/http";
import type { ActiveFault } from "./faultRules";

/** Builds an error reply in the shape of the API that was hit (ARM CloudError, Graph error, OAuth). */
export type ErrorReplyBuilder = (status: number, code: string, message: string) => Reply;

const STATUS_CODES: Readonly<Record<number, string>> = {
    408: "RequestTimeout",
    409: "Conflict",
    429: "TooManyRequests",
    500: "InternalServerError",
    502: "BadGateway",
    503: "ServiceUnavailable",
    504: "GatewayTimeout",
};

function htmlPage(status: number): string {
    return (
        `<!DOCTYPE html><html><head><title>${status} - Service Error</title></head>` +
        `<body><h1>${status}</h1><p>The service is temporarily unavailable (emulated fault).</p></body></html>`
    );
}

/**
 * The reply a fault sends instead of the API (for every body kind except `emptyProperties`,
 * which transforms the real reply, see {@link emptyProperties}).
 * @param fault - The fault that matched.
 * @param errorReply - Error builder of the API that was hit.
 */
export function faultReply(fault: ActiveFault, errorReply: ErrorReplyBuilder): Reply {
    const status = fault.status ?? 500;
    let reply: Reply;
    switch (fault.body ?? "cloudError") {
        case "html":
            reply = textReply(status, "text/html; charset=utf-8", htmlPage(status));
            break;
        case "malformedJson":
            reply = textReply(
                status,
                "application/json; charset=utf-8",
                '{"error": {"code": "InternalServerError", "message": ',
            );
            break;
        default:
            reply = errorReply(
                status,
                STATUS_CODES[status] ?? "EmulatedFault",
                `Emulated fault ${fault.id}: the service answered ${status}.`,
            );
    }
    return fault.retryAfterSeconds === undefined
        ? reply
        : withHeaders(reply, { "retry-after": String(fault.retryAfterSeconds) });
}

function emptied(item: unknown): unknown {
    if (!isJsonObject(item)) return item;
    if ("properties" in item) return { ...item, properties: {} };
    // Graph entities have no `properties` envelope: keep only the identity of the entity.
    return Object.fromEntries(Object.entries(item).filter(([key]) => key === "id" || key.startsWith("@odata.")));
}

/**
 * The real reply with every resource's properties emptied (a "successful but hollow" answer).
 * @param reply - What the API answered.
 * @param fault - The fault; its `status` (if any) replaces the real one, `retryAfterSeconds` adds a header.
 */
export function emptyProperties(reply: Reply, fault: ActiveFault): Reply {
    const body = reply.body;
    let result: Reply = reply;
    if (body?.kind === "json" && isJsonObject(body.value)) {
        const value = body.value;
        const hollow = Array.isArray(value["value"])
            ? { ...value, value: value["value"].map(emptied) }
            : emptied(value);
        result = jsonReply(fault.status ?? reply.status, hollow, reply.headers);
    } else if (fault.status !== undefined) {
        result = { ...reply, status: fault.status };
    }
    return fault.retryAfterSeconds === undefined
        ? result
        : withHeaders(result, { "retry-after": String(fault.retryAfterSeconds) });
}
