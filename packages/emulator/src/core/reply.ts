/** A JSON body: serialized with `JSON.stringify` and sent as `application/json`. */
export interface JsonReplyBody {
    readonly kind: "json";
    readonly value: unknown;
}

/** A raw text body sent as-is with its own content type (used by faults: HTML pages, broken JSON). */
export interface TextReplyBody {
    readonly kind: "text";
    readonly contentType: string;
    readonly text: string;
}

/** What a route handler answers; written to the socket by {@link writeReply}. */
export interface Reply {
    readonly status: number;
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: JsonReplyBody | TextReplyBody;
}

/**
 * A JSON reply.
 * @param status - HTTP status code.
 * @param value - Value serialized as the body.
 * @param headers - Extra response headers.
 */
export function jsonReply(status: number, value: unknown, headers?: Readonly<Record<string, string>>): Reply {
    return headers === undefined ? { status, body: { kind: "json", value } } : { status, headers, body: { kind: "json", value } };
}

/**
 * A reply without a body (204 No Content, 202 without payload, 200 with no content).
 * @param status - HTTP status code.
 * @param headers - Extra response headers.
 */
export function emptyReply(status: number, headers?: Readonly<Record<string, string>>): Reply {
    return headers === undefined ? { status } : { status, headers };
}

/**
 * A raw text reply.
 * @param status - HTTP status code.
 * @param contentType - Value of the Content-Type header.
 * @param text - The body, sent verbatim.
 */
export function textReply(status: number, contentType: string, text: string): Reply {
    return { status, body: { kind: "text", contentType, text } };
}

/**
 * A copy of `reply` with `headers` merged over its own headers.
 * @param reply - The reply to extend.
 * @param headers - Headers to add or override.
 */
export function withHeaders(reply: Reply, headers: Readonly<Record<string, string>>): Reply {
    return { ...reply, headers: { ...reply.headers, ...headers } };
}
