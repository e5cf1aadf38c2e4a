/**
 * ANSI styling for the terminal, off when not wanted (piped output, NO_COLOR).
 */

/** Styles a text, or returns it unchanged when colour is off. */
export type Paint = (style: Style, text: string) => string;

/** The styles the CLI uses. */
export type Style = "bold" | "dim" | "red" | "green" | "yellow" | "cyan";

const CODES: Readonly<Record<Style, [number, number]>> = {
    bold: [1, 22],
    dim: [2, 22],
    red: [31, 39],
    green: [32, 39],
    yellow: [33, 39],
    cyan: [36, 39],
};

/** A painter that colours when `enabled`. */
export function painter(enabled: boolean): Paint {
    return (style, text) => (enabled ? `\u001b[${CODES[style][0]}m${text}\u001b[${CODES[style][1]}m` : text);
}

/** The visible length of a text, without ANSI codes. */
export function visibleLength(text: string): number {
    return text.replace(/\u001b\[[0-9;]*m/g, "").length;
}
