/**
 * The HTTP primitives every part of the emulator shares: the incoming call (request line, headers and
 * whole body, read once), JSON bodies, the reply a handler returns, the correlation ids stamped on
 * every answer, and writing a reply to the socket.
 */
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";

/** Largest request body the emulator reads (bytes); the API bodies are tiny. */
const MAX_BODY_BYTES = 1024 * 1024;

/** A request as the emulator's routers see it: parsed URL and the whole body as text. */
export interface IncomingCall {
    readonly method: string;
    /** Raw (still percent-encoded) path, without the query string. */
    readonly path: string;
    readonly query: URLSearchParams;
    readonly headers: IncomingHttpHeaders;
    readonly bodyText: string;
}

/**
 * Reads the request line, headers and body of `req`.
 * @param req - The Node request; its body stream is consumed.
 */
export async function readIncomingCall(req: IncomingMessage): Promise<IncomingCall> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
        const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        size += buffer.length;
        if (size > MAX_BODY_BYTES) throw new Error(`request body larger than ${MAX_BODY_BYTES} bytes`);
        chunks.push(buffer);
    }
    return {
        method: (req.method ?? "GET").toUpperCase(),
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        bodyText: Buffer.concat(chunks).toString("utf8"),
    };
}

/**
 * The value of a header as a single string (first value when repeated).
 * @param call - The request.
 * @param name - Header name, lower case.
 */
export function headerValue(call: IncomingCall, name: string): string | undefined {
    const value = call.headers[name];
    return Array.isArray(value) ? value[0] : value;
}

/** Outcome of parsing a request body as JSON. */
export type JsonParseResult =
    { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

/**
 * Parses `text` as JSON; an empty body is reported as missing rather than as `undefined`.
 * @param text - The raw request body.
 */
export function parseJsonBody(text: string): JsonParseResult {
    if (text.trim() === "") return { ok: false, reason: "The request body is empty." };
    try {
        return { ok: true, value: JSON.parse(text) as unknown };
    } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        return { ok: false, reason: `The request body is not valid JSON: ${detail}` };
    }
}

/**
 * Narrows `value` to a plain JSON object (not null, not an array).
 * @param value - Any parsed JSON value.
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

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
 * True when `value` is a {@link Reply} (handlers return `T | Reply` where a look-up can fail).
 * @param value - A handler step's result.
 */
export function isReply(value: unknown): value is Reply {
    return typeof value === "object" && value !== null && "status" in value && typeof value.status === "number";
}

/**
 * A JSON reply.
 * @param status - HTTP status code.
 * @param value - Value serialized as the body.
 * @param headers - Extra response headers.
 */
export function jsonReply(status: number, value: unknown, headers?: Readonly<Record<string, string>>): Reply {
    return headers === undefined
        ? { status, body: { kind: "json", value } }
        : { status, headers, body: { kind: "json", value } };
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

/**
 * Writes `reply` to `res` and ends the response. Bodies of 204/304 replies are never sent.
 * @param res - The Node response.
 * @param reply - What to send.
 * @param baseHeaders - Headers every response carries (request ids); the reply's own headers win.
 */
export function writeReply(res: ServerResponse, reply: Reply, baseHeaders: Readonly<Record<string, string>>): void {
    const headers: Record<string, string> = { ...baseHeaders, ...reply.headers };
    let payload = "";
    if (reply.body !== undefined && reply.status !== 204 && reply.status !== 304) {
        if (reply.body.kind === "json") {
            payload = JSON.stringify(reply.body.value);
            headers["content-type"] = "application/json; charset=utf-8";
        } else {
            payload = reply.body.text;
            headers["content-type"] = reply.body.contentType;
        }
    }
    headers["content-length"] = String(Buffer.byteLength(payload));
    res.writeHead(reply.status, headers);
    res.end(payload);
}
