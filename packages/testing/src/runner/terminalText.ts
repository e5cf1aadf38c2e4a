/**
 * Text from elsewhere (a provider's message, a property value, a stack output, a URN) is data:
 * before the runner prints it, every character a terminal would act on instead of showing is written
 * as an escape (`\u001b`). The rule is pulumi-pim-alerts' own (`replaceTerminalControls` there): the
 * kit does not import the product (docs/ARCHITECTURE.md), so it keeps this copy, and
 * test/unit/cli/terminalText.test.ts fails when the two escape a different set of characters.
 */

// C0 and C1 controls and DEL (ESC and 0x9b start control sequences), the line and paragraph
// separators, and the bidirectional controls (they reorder what a reader sees, "Trojan Source").
const TERMINAL_CONTROL = /[\p{Cc}\p{Zl}\p{Zp}\p{Bidi_Control}]/gu;

/** `\u001b` for ESC: the escape JSON and JavaScript use, readable and inert. */
function escaped(character: string): string {
    return `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/**
 * The text with every character a terminal would act on (Unicode's Cc, Zl, Zp and Bidi_Control:
 * C0 controls, newline and tab included, DEL, C1 controls, the line and paragraph separators, the
 * bidirectional controls) written as a `\uXXXX` escape, as the runner prints provider text. Use it
 * to print what a `RunResult` carries from a provider (`errors`, `diagnostics`).
 * @param text - Text from a provider or the cloud.
 */
export function printable(text: string): string {
    return text.replace(TERMINAL_CONTROL, escaped);
}

/**
 * JSON for a terminal or a pipe: `JSON.stringify` escapes C0 controls in strings but leaves DEL, C1
 * controls, separators and bidi controls raw; these become `\uXXXX` too (still the same JSON value).
 */
export function printableJson(value: unknown, indent: number): string {
    return JSON.stringify(value, null, indent).replace(TERMINAL_CONTROL, (c) => (c < " " ? c : escaped(c)));
}
