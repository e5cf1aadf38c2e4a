/**
 * Text from a preview document is data: a resource name, a scope or a value may hold terminal
 * control sequences, bidirectional overrides, newlines, Markdown or HTML. Everything a renderer
 * prints from the document goes through these functions first. What may not reach a terminal is the
 * product's one rule ({@link replaceTerminalControls}); here it is made one line of plain text.
 */
import { replaceTerminalControls } from "../errors";

// Bidirectional embeddings, overrides, isolates and marks only reorder what a reader sees ("Trojan
// Source"): dropped. The other controls (ESC starts terminal sequences; CR and LF break lines and
// tables) and the separators become white space, and each run of white space one space.
const BIDI_CONTROL = /^\p{Bidi_Control}$/u;
const WHITE_SPACE = /\s+/g;

/** The longest value a renderer prints; longer values are cut with an ellipsis. */
export const MAX_SHOWN_LENGTH = 120;

/** One line of plain text: control characters become one space, bidi controls are dropped, long text is cut. */
export function plainText(text: string, max: number = MAX_SHOWN_LENGTH): string {
    const plain = replaceTerminalControls(text, (c) => (BIDI_CONTROL.test(c) ? "" : " "))
        .replace(WHITE_SPACE, " ")
        .trim();
    return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

// Characters that start Markdown or HTML constructs in a GitHub or Azure DevOps comment (tags and
// entities, code spans, links and images, emphasis, strikethrough, mentions, math) or split a table
// cell: each becomes a numeric character reference, which renders as the character itself.
const MARKDOWN_ACTIVE = /[&<>|`\\[\]*_~@$]/g;

/**
 * Text safe in a Markdown table cell: plain (see {@link plainText}) with every character that could
 * start a link, image, emphasis, code span, HTML tag, autolink, mention or cell boundary escaped as a
 * character reference. The reader sees the original text; the renderer sees no markup.
 */
export function markdownText(text: string, max: number = MAX_SHOWN_LENGTH): string {
    return plainText(text, max).replace(MARKDOWN_ACTIVE, (c) => `&#${c.charCodeAt(0)};`);
}
