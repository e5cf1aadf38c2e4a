/**
 * Text from a preview document is data: a resource name, a scope or a value may hold terminal
 * control sequences, bidirectional overrides, newlines, Markdown or HTML. Everything a renderer
 * prints from the document goes through these functions first.
 */

// C0 and C1 control characters, DEL and runs of white space (ESC starts terminal sequences; CR and
// LF break lines and tables): each run becomes one space.
const CONTROL = /[\s\u0000-\u001f\u007f-\u009f]+/g;
// Bidirectional embeddings, overrides and isolates: they reorder what a reader sees ("Trojan Source").
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The longest value a renderer prints; longer values are cut with an ellipsis. */
export const MAX_SHOWN_LENGTH = 120;

/** One line of plain text: control characters become one space, bidi controls are dropped, long text is cut. */
export function plainText(text: string, max: number = MAX_SHOWN_LENGTH): string {
    const plain = text.replace(CONTROL, " ").replace(BIDI, "").trim();
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
