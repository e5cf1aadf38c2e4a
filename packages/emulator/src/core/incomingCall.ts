import type { IncomingHttpHeaders, IncomingMessage } from "node:http";

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
