import type { RequestIds } from "../core/requestIds";
import { jsonReply, type Reply } from "../core/reply";

/**
 * Error codes of the emulated Graph API. Front-door codes (authentication, authorization) are the
 * ones Graph uses; `BadRequest` covers every invalid request (missing `$filter`, PATCH body errors,
 * unknown URL segment), with a message naming the problem; `ResourceNotFound` unknown ids.
 */
export const GRAPH_ERROR_CODES = {
    invalidToken: "InvalidAuthenticationToken",
    forbidden: "Authorization_RequestDenied",
    badRequest: "BadRequest",
    notFound: "ResourceNotFound",
    methodNotAllowed: "MethodNotAllowed",
    notRemediatable: "BadRequest",
} as const;

/**
 * A Graph error reply: `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`.
 * @param ids - The request's ids (the `request-id` response header carries the same value).
 * @param status - HTTP status code.
 * @param code - Error code.
 * @param message - Human-readable message.
 * @param headers - Extra headers.
 */
export function graphErrorReply(ids: RequestIds, status: number, code: string, message: string, headers?: Readonly<Record<string, string>>): Reply {
    const innerError = {
        date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
        "request-id": ids.requestId,
        "client-request-id": ids.correlationId,
    };
    return jsonReply(status, { error: { code, message, innerError } }, headers);
}
