/**
 * How outside text goes into a message: values a user gave are shown as a short excerpt (a 1 MB scope
 * must not make a 1 MB message), and text from a server is data: bearer tokens and JWT-looking strings
 * are redacted, control characters (terminal escape sequences) are neutralised, and its length is capped.
 * {@link replaceTerminalControls} is the one rule for what of such text may reach a terminal.
 */

/** Longest excerpt of a value in a message, in characters. */
export const EXCERPT_CHARS = 80;
/** Longest piece of server text (an error message, a body sample) in a message, in characters. */
export const SERVER_TEXT_CHARS = 600;

/**
 * Shows a value as the user wrote it (strings JSON-quoted), cut to {@link EXCERPT_CHARS} with "..."
 * and the full length when longer.
 * @param value - Any value; `undefined` shows as `undefined`.
 * @param max - Longest excerpt.
 */
export function excerpt(value: unknown, max = EXCERPT_CHARS): string {
    const text =
        typeof value === "string"
            ? JSON.stringify(value)
            : value === undefined
              ? "undefined"
              : (safeJson(value) ?? describeUnserializable(value));
    return text.length > max ? `${text.slice(0, max - 3)}... (${text.length} characters)` : text;
}

// An RFC 6750 b64token after "Bearer", and a JWS/JWT in compact form (base64url header "eyJ...").
const BEARER = /\bBearer\s+[A-Za-z0-9\-._~+/]+=*/gi;
const JWT = /\beyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;

/** Replaces bearer tokens and JWT-looking strings in `text` with `REDACTED`. */
export function redactTokens(text: string): string {
    return text.replace(BEARER, "Bearer REDACTED").replace(JWT, "REDACTED");
}

// What a terminal acts on instead of showing: C0 and C1 controls and DEL (ESC and 0x9b start control
// sequences), the line and paragraph separators, and the bidirectional controls (embeddings, overrides,
// isolates and marks: they reorder what a reader sees, "Trojan Source"). Named by Unicode property, so
// the set is the standard's, not a hand list. Used with replace() only (a global RegExp is stateful).
const TERMINAL_CONTROL = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}]/gu;

/**
 * The one rule for text from elsewhere (an API, a provider, an error) on its way to a terminal: every
 * character of Unicode's Cc (C0, DEL, C1), Zl, Zp or Bidi_Control is replaced by what `replacement`
 * makes of it. {@link serverText}, the CLI's `printable` and the review's `plainText` are this rule with
 * their own replacement.
 * @param text - Text from elsewhere.
 * @param replacement - What a control character becomes (an escape, a space, nothing, or itself).
 */
export function replaceTerminalControls(text: string, replacement: (character: string) => string): string {
    return text.replace(TERMINAL_CONTROL, replacement);
}

/**
 * Text from a server, fit for a message: tokens redacted ({@link redactTokens}), every terminal control
 * ({@link replaceTerminalControls}) but tab and newline shown as `\u{..}` (so an escape sequence cannot
 * drive a terminal), cut to `max` characters.
 * @param text - The server's text (an error message, a body sample, an id).
 * @param max - Longest result before the cut.
 */
export function serverText(text: string, max = SERVER_TEXT_CHARS): string {
    const visible = replaceTerminalControls(redactTokens(text), (c) =>
        c === "\t" || c === "\n" ? c : `\\u{${c.charCodeAt(0).toString(16)}}`,
    );
    return visible.length > max ? `${visible.slice(0, max)}... (cut at ${max} characters)` : visible;
}

function safeJson(value: unknown): string | undefined {
    try {
        return JSON.stringify(value);
    } catch {
        return undefined;
    }
}

/** A value JSON cannot show (a cycle, a BigInt, a function): its type, never its default `[object Object]`. */
function describeUnserializable(value: unknown): string {
    if (typeof value === "bigint") return `${value.toString()}n`;
    if (typeof value === "function") return "[function]";
    return Object.prototype.toString.call(value);
}
