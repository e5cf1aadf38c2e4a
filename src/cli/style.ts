/**
 * Colour for the terminal, painted by Node's `util.styleText` (its named styles and ANSI codes, e.g.
 * red is `ESC[31m … ESC[39m`), or none. Whether to colour is decided once, by the caller
 * (`colorEnabled`: a terminal and no NO_COLOR), so styleText's own check of process.stdout is off.
 * Text from elsewhere is made printable (`terminalText.ts`) before it is painted.
 */
import { stripVTControlCharacters, styleText } from "node:util";

/** Styles a text, or returns it unchanged when colour is off. */
export type Paint = (style: Style, text: string) => string;

/** The styles the CLI uses (names of `util.inspect.colors`). */
export type Style = "bold" | "dim" | "red" | "green" | "yellow" | "cyan";

/** A painter that colours when `enabled`. */
export function painter(enabled: boolean): Paint {
    // validateStream: false keeps styleText from second-guessing `enabled` (a Node without the option ignores it).
    return (style, text) => (enabled ? styleText(style, text, { validateStream: false }) : text);
}

/** The visible length of a text, without its ANSI codes. */
export function visibleLength(text: string): number {
    return stripVTControlCharacters(text).length;
}
