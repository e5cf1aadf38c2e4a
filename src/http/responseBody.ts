/**
 * Reading response bodies defensively: the text is parsed here, not by axios, so that an HTML page
 * from a proxy or a truncated body becomes a clear error instead of a crash. Server text that goes
 * into a message is redacted and shortened ({@link serverText}).
 */
import { parsed, parseProblem, serverText, UnexpectedResponseError, type ParseResult } from "../errors";
import { redactUrl } from "./redaction";

/** Parses a response body; an empty body is `undefined`. */
export function parseBody(text: string, contentType: string | undefined): ParseResult<unknown> {
    if (text.trim() === "") return parsed(undefined);
    try {
        return parsed(JSON.parse(text) as unknown);
    } catch {
        const kind = contentType?.split(";")[0]?.trim() || "unknown content type";
        const sample = text
            .replace(/<[^>]*>/g, " ")
            .replace(/\s+/g, " ")
            .trim()
            .slice(0, 120);
        return parseProblem(`the body is not JSON (${serverText(kind, 80)}): ${serverText(JSON.stringify(sample))}`);
    }
}

/** The service's error code and message from an ARM CloudError or a Graph error body. */
export interface ServiceError {
    readonly code: string | undefined;
    readonly message: string | undefined;
    /** Graph puts its request id inside the body. */
    readonly innerRequestId: string | undefined;
}

/** Extracts code and message from `{"error":{"code","message","innerError":{"request-id"}}}`. */
export function readServiceError(body: ParseResult<unknown>): ServiceError {
    if (!body.ok) return { code: undefined, message: body.problem, innerRequestId: undefined };
    const error = field(body.value, "error");
    const inner = field(error, "innerError");
    const text = (value: string | undefined, max?: number) =>
        value === undefined ? undefined : serverText(value, max);
    return {
        code: text(stringField(error, "code"), 120),
        message: text(stringField(error, "message")),
        innerRequestId: text(stringField(inner, "request-id"), 120),
    };
}

function field(value: unknown, key: string): unknown {
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function stringField(value: unknown, key: string): string | undefined {
    const v = field(value, key);
    return typeof v === "string" ? v : undefined;
}

/**
 * The value of a parsed response body, or an {@link UnexpectedResponseError} naming the request
 * (method and redacted URL) and what is wrong with the body.
 * @param http - The client that sent the request (for its base URL).
 * @param method - The request's method.
 * @param path - The request's path, relative to the base URL, or an absolute URL (nextLink, Location).
 * @param result - The parse of the body.
 * @param status - The status the body came with.
 */
export function expectBody<T>(
    http: { readonly baseUrl: string },
    method: string,
    path: string,
    result: ParseResult<T>,
    status = 200,
): T {
    if (result.ok) return result.value;
    const url = /^https?:\/\//i.test(path) ? path : `${http.baseUrl}/${path.replace(/^\/+/, "")}`;
    throw new UnexpectedResponseError(method, redactUrl(url), status, result.problem);
}
