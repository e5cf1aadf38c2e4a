/**
 * One attempt of a request over axios, bounded in time and size:
 * - a deadline covers the whole attempt (connection, answer, and every byte of the body), so a
 *   server that drips a body one byte a second, or never ends a chunked answer, cannot hold a
 *   Pulumi operation for as long as it likes (axios's own `timeout` only bounds an idle socket);
 * - the body is read up to a limit, generous for a page of a list ({@link MAX_RESPONSE_BYTES}) and
 *   small for an error ({@link MAX_ERROR_BODY_BYTES}); the body of an answer that will be retried is
 *   not read at all;
 * - the proxy is chosen by proxy.ts (never one for loopback).
 *
 * The answer is returned as data (status, headers, text, or the failure); what to make of it is the
 * caller's (apiClient.ts).
 */
import type { Readable } from "node:stream";
import axios, { type AxiosInstance } from "axios";
import { createProxyAgents, ProxyRefusedError, proxyFor } from "./proxy";

/** Largest body read from a successful answer (a page of a list is far smaller). */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
/** Largest body read from an error answer: enough for any error JSON, not for a 50 MB page. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

/** What one attempt sends. */
export interface AttemptRequest {
    readonly method: "GET" | "PATCH" | "POST";
    readonly url: string;
    readonly headers: Readonly<Record<string, string>>;
    readonly body: string | undefined;
    /** How long the attempt may take, everything included (ms). */
    readonly timeoutMs: number;
    /** Whether to read the body of an answer with this status and headers (false: the answer will be retried). */
    readonly wantsBody: (status: number, headers: Readonly<Record<string, string>>) => boolean;
}

/** The answer of one attempt. */
export interface AttemptAnswer {
    readonly kind: "answer";
    readonly status: number;
    readonly statusText: string;
    readonly headers: Readonly<Record<string, string>>;
    /** The body text; undefined when it was not read (the answer will be retried). */
    readonly text: string | undefined;
    /** The body was larger than the limit: `text` holds its first part (error answers) or nothing. */
    readonly truncated: boolean;
}

/** An attempt that got no complete answer. */
export interface AttemptFailure {
    readonly kind: "failure";
    /** `EDEADLINE` (cut by the deadline), `EBODY` (body cut off), `EPROXYREFUSED`, or Node's code (ECONNRESET, ...). */
    readonly code: string;
    /** What happened, for a message (never carries a header). */
    readonly reason: string;
    /** The status when the answer had started (a body that stalled or was cut off after its headers). */
    readonly status?: number;
}

export type AttemptOutcome = AttemptAnswer | AttemptFailure;

/** Sends attempts. One per API client; holds its axios instance and proxy agents. */
export type Transport = (request: AttemptRequest) => Promise<AttemptOutcome>;

/** Creates a transport. */
export function createTransport(): Transport {
    const http: AxiosInstance = axios.create({
        responseType: "stream",
        // Every status is an answer here; apiClient decides what it means.
        validateStatus: () => true,
        maxRedirects: 0,
        // Proxies are chosen by proxy.ts, never from the environment by axios.
        proxy: false,
        decompress: true,
    });
    const agentFor = createProxyAgents();

    return async (request) => {
        const controller = new AbortController();
        const remaining = Math.max(1, request.timeoutMs);
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            controller.abort();
        }, remaining);
        let status: number | undefined;
        try {
            const proxy = proxyFor(request.url);
            const response = await http.request<Readable>({
                method: request.method,
                url: request.url,
                headers: request.headers,
                data: request.body,
                signal: controller.signal,
                ...(proxy ? { httpsAgent: agentFor(proxy) } : {}),
            });
            status = response.status;
            const headers = flatHeaders(response.headers);
            const stream = response.data;
            if (!request.wantsBody(status, headers)) {
                stream.destroy();
                return {
                    kind: "answer",
                    status,
                    statusText: response.statusText ?? "",
                    headers,
                    text: undefined,
                    truncated: false,
                };
            }
            const ok = status >= 200 && status < 300;
            const body = await readText(stream, ok ? MAX_RESPONSE_BYTES : MAX_ERROR_BODY_BYTES, controller.signal);
            return {
                kind: "answer",
                status,
                statusText: response.statusText ?? "",
                headers,
                text: body.text,
                truncated: body.truncated,
            };
        } catch (error) {
            return failureOf(error, timedOut, status, remaining);
        } finally {
            clearTimeout(timer);
        }
    };
}

/** Reads a body as UTF-8 up to `limit` bytes; past it, stops reading and keeps what came. */
function readText(stream: Readable, limit: number, signal: AbortSignal): Promise<{ text: string; truncated: boolean }> {
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let settled = false;
        const done = (result: { text: string; truncated: boolean } | Error) => {
            if (settled) return;
            settled = true;
            signal.removeEventListener("abort", onAbort);
            stream.removeAllListeners("data");
            if (result instanceof Error) reject(result);
            else resolve(result);
        };
        const onAbort = () => {
            done(
                Object.assign(new Error("the attempt's deadline passed while the body was arriving"), {
                    code: "EDEADLINE",
                }),
            );
            stream.destroy();
        };
        if (signal.aborted) return onAbort();
        signal.addEventListener("abort", onAbort, { once: true });
        stream.on("data", (chunk: Buffer) => {
            const room = limit - size;
            if (chunk.length > room) {
                chunks.push(chunk.subarray(0, room));
                done({ text: Buffer.concat(chunks).toString("utf8"), truncated: true });
                stream.destroy();
                return;
            }
            chunks.push(chunk);
            size += chunk.length;
        });
        stream.once("end", () => done({ text: Buffer.concat(chunks).toString("utf8"), truncated: false }));
        stream.once("error", (error: Error & { code?: string }) => {
            if (signal.aborted) return;
            done(Object.assign(new Error(`the body was cut off (${error.code ?? error.message})`), { code: "EBODY" }));
        });
        stream.once("aborted", () =>
            done(Object.assign(new Error("the body was cut off (connection closed)"), { code: "EBODY" })),
        );
    });
}

function failureOf(error: unknown, timedOut: boolean, status: number | undefined, deadlineMs: number): AttemptFailure {
    const seconds = `${Math.round(deadlineMs / 100) / 10} s`;
    const withStatus = status === undefined ? {} : { status };
    if (timedOut) {
        const reason =
            status === undefined
                ? `no answer within the attempt's deadline (${seconds})`
                : `the ${status} answer's body did not arrive in full within the attempt's deadline (${seconds})`;
        return { kind: "failure", code: "EDEADLINE", reason, ...withStatus };
    }
    const cause = (error as { cause?: unknown } | undefined)?.cause;
    if (cause instanceof ProxyRefusedError || error instanceof ProxyRefusedError) {
        const refusal = (cause instanceof ProxyRefusedError ? cause : error) as ProxyRefusedError;
        return {
            kind: "failure",
            code: refusal.code,
            reason: `${refusal.message}; check HTTPS_PROXY and NO_PROXY (the answer came from the proxy, not from Azure)`,
        };
    }
    const e = error as { code?: string; message?: string };
    const code = e.code ?? "ERR_NETWORK";
    // Only the code and the message: an axios error's config holds the Authorization header.
    return { kind: "failure", code, reason: `${code}: ${e.message ?? String(error)}`, ...withStatus };
}

/** A header value as text: axios gives strings, numbers and arrays of strings. */
function headerText(value: unknown): string {
    if (Array.isArray(value)) return value.map(headerText).join(", ");
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return String(value);
    return JSON.stringify(value) ?? "";
}

function flatHeaders(headers: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    if (typeof headers !== "object" || headers === null) return out;
    for (const [k, v] of Object.entries(headers as Record<string, unknown>)) {
        if (v !== undefined && v !== null) out[k.toLowerCase()] = headerText(v);
    }
    return out;
}
