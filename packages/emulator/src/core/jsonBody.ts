/** Outcome of parsing a request body as JSON. */
export type JsonParseResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

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
