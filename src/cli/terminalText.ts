/**
 * Text from an API or an error is data: before it reaches a terminal, every character that a
 * terminal would act on instead of showing is written as an escape (`\u001b`), so an id or a
 * message can never change the window title, clear the line, hide text or reorder it. Which
 * characters those are is the product's one rule ({@link replaceTerminalControls}). The CLI's own
 * colour codes are added after this, by the painter (`style.ts`).
 */
import { replaceTerminalControls } from "../errors";

/** `\u001b` for ESC: the escape JSON and JavaScript use, readable and inert. */
function escaped(character: string): string {
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * The text with every character a terminal would act on written as an escape: C0 controls (newline
 * and tab included: a cell or a message is one line), DEL, C1 controls (0x9b is a CSI on its own), the
 * line and paragraph separators and the bidirectional controls.
 */
export function printable(text: string): string {
    return replaceTerminalControls(text, escaped);
}

/**
 * JSON for a terminal or a pipe: `JSON.stringify` escapes C0 controls in strings but leaves DEL, C1
 * controls, separators and bidi controls raw; these become `\uXXXX` too (still the same JSON value).
 * The C0 characters left in its output are its own layout (newlines of the indentation).
 */
export function printableJson(value: unknown): string {
    return replaceTerminalControls(JSON.stringify(value, null, 2), (c) => (c < " " ? c : escaped(c)));
}
