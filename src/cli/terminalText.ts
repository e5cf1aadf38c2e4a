/**
 * Text from an API or an error is data: before it reaches a terminal, every character that a
 * terminal would act on instead of showing is written as an escape (`\u001b`), so an id or a
 * message can never change the window title, clear the line, hide text or reorder it. The CLI's own
 * colour codes are added after this, by the painter.
 */

// C0 controls (newline and tab included: a cell or a message is one line), DEL and C1 controls (0x9b is a
// CSI on its own), the line and paragraph separators, and the bidirectional overrides and isolates.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// The same without C0, which JSON.stringify already escapes inside strings (its own newlines are layout).
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `\u001b` for ESC: the escape JSON and JavaScript use, readable and inert. */
function escaped(character: string): string {
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** The text with every character a terminal would act on written as an escape. */
export function printable(text: string): string {
    return text.replace(UNSAFE, escaped);
}

/**
 * JSON for a terminal or a pipe: `JSON.stringify` escapes C0 controls in strings but leaves DEL, C1
 * controls, separators and bidi controls raw; these become `\uXXXX` too (still the same JSON value).
 */
export function printableJson(value: unknown): string {
    return JSON.stringify(value, null, 2).replace(UNSAFE_IN_JSON, escaped);
}
