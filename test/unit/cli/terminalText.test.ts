/**
 * The one rule for text from elsewhere on its way to a terminal, checked over every code point of
 * Unicode: what the CLI escapes, what the testing kit's runner escapes (its own copy: the kit does not
 * import the product), what error messages and the review's plain text let through.
 */
import { printable as kitPrintable } from "pulumi-pim-alerts-testing";
import { printable, printableJson } from "../../../src/cli/terminalText";
import { serverText } from "../../../src/errors";
import { plainText } from "../../../src/review/safeText";

const EVERY_CODE_POINT = Array.from({ length: 0x110000 }, (_, c) => String.fromCodePoint(c));
const hex = (c: string): string => (c.codePointAt(0) ?? 0).toString(16).padStart(4, "0");

/** The code points `f` changes, as `first-last` ranges in hex. */
function changedBy(f: (text: string) => string): string[] {
    const ranges: string[] = [];
    let first: string | undefined;
    let last: string | undefined;
    for (const c of EVERY_CODE_POINT) {
        if (f(c) === c) continue;
        if (last !== undefined && (c.codePointAt(0) ?? 0) === (last.codePointAt(0) ?? 0) + 1) last = c;
        else {
            if (first !== undefined && last !== undefined) ranges.push(`${hex(first)}-${hex(last)}`);
            first = last = c;
        }
    }
    if (first !== undefined && last !== undefined) ranges.push(`${hex(first)}-${hex(last)}`);
    return ranges;
}

// Unicode's Cc (C0, DEL, C1), the bidi mark U+061C, LRM/RLM, the line and paragraph separators with
// the embeddings and overrides after them, and the isolates.
const RULE = ["0000-001f", "007f-009f", "061c-061c", "200e-200f", "2028-202e", "2066-2069"];
const RULE_CHARACTERS = EVERY_CODE_POINT.filter((c) => printable(c) !== c);

describe("what text from elsewhere may reach a terminal", () => {
    test("the CLI escapes exactly the terminal controls of Unicode, as \\uXXXX", () => {
        expect(changedBy(printable)).toEqual(RULE);
        expect(printable("a\u001b[2J\u009b31m\u202eb\u2066\n")).toBe("a\\u001b[2J\\u009b31m\\u202eb\\u2066\\u000a");
    });

    test("the testing kit's runner escapes the same characters the same way", () => {
        const differing = EVERY_CODE_POINT.filter((c) => kitPrintable(c) !== printable(c)).map(hex);
        expect(differing).toEqual([]);
    });

    test("JSON for the terminal is the same value with no terminal control left raw but its own layout", () => {
        const value = { [`k\u202e`]: RULE_CHARACTERS.join("") };
        const json = printableJson(value);
        expect(JSON.parse(json)).toEqual(value);
        expect(json.replace(/\n/g, "")).toBe(printable(json.replace(/\n/g, "")));
    });

    test("error messages keep tab and newline only; the review's plain text keeps none", () => {
        const kept = RULE_CHARACTERS.filter((c) => serverText(`a${c}b`).includes(c)).map(hex);
        expect(kept).toEqual(["0009", "000a"]);
        expect(RULE_CHARACTERS.filter((c) => plainText(`a${c}b`).includes(c)).map(hex)).toEqual([]);
        expect(serverText("a\u200fb\u061c")).toBe("a\\u{200f}b\\u{61c}");
        expect(plainText("a\u202e \u2028b\u200e")).toBe("a b");
    });
});
