/**
 * Reading response bodies defensively: the text is parsed here, not by axios, so that an HTML page
 * from a proxy or a truncated body becomes a clear error instead of a crash.
 */

/** A body parsed as JSON, or the reason it could not be. */
export type ParsedBody = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: string };

/** Parses a response body; an empty body is `undefined`. */
export function parseBody(text: string, contentType: string | undefined): ParsedBody {
    if (text.trim() === "") return { ok: true, value: undefined };
    try {
        return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
        const kind = contentType?.split(";")[0]?.trim() || "unknown content type";
        const sample = text
            .replace(/<[^>]*>/g, " ")
            .replace(/\s+/g, " ")
            .trim()
            .slice(0, 120);
        return { ok: false, problem: `the body is not JSON (${kind}): ${JSON.stringify(sample)}` };
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
export function readServiceError(body: ParsedBody): ServiceError {
    if (!body.ok) return { code: undefined, message: body.problem, innerRequestId: undefined };
    const error = field(body.value, "error");
    const inner = field(error, "innerError");
    return {
        code: stringField(error, "code"),
        message: stringField(error, "message"),
        innerRequestId: stringField(inner, "request-id"),
    };
}

function field(value: unknown, key: string): unknown {
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function stringField(value: unknown, key: string): string | undefined {
    const v = field(value, key);
    return typeof v === "string" ? v : undefined;
}
