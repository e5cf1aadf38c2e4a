/**
 * The reader's contract: what it accepts (tolerant of fields it does not read) and the one line it
 * gives for everything else.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { PreviewInputError, readPreviewDocument } from "../../../src/review/previewDocument";

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8");

describe("accepted", () => {
    test.each([
        ["an empty preview (Pulumi omits empty fields)", "{}", 0],
        ["no steps, only a change summary", '{"changeSummary":{"same":3},"duration":120}', 0],
        ["steps: null", '{"steps":null,"duration":1}', 0],
        [
            "extra fields everywhere",
            '{"steps":[{"op":"same","urn":"u","x":1,"oldState":{"y":2,"inputs":{},"outputs":null}}],"future":{"a":1}}',
            1,
        ],
        ["the hand-written previews", fixture("every-operation.preview.json"), 9],
    ])("%s", (_, text, steps) => {
        expect(readPreviewDocument(text, "p.json").steps).toHaveLength(steps);
    });

    test("states keep inputs and outputs (absent ones become empty)", () => {
        const document = readPreviewDocument(
            '{"steps":[{"op":"create","urn":"u","newState":{"type":"t","inputs":{"a":1}}}]}',
            "p",
        );
        expect(document.steps[0]).toEqual({
            op: "create",
            urn: "u",
            index: 0,
            oldState: undefined,
            newState: { type: "t", inputs: { a: 1 }, outputs: {} },
        });
    });
});

describe("refused with one line naming the input", () => {
    const truncated = fixture("threshold-change.preview.json");
    test.each([
        ["empty", "", /^p\.json is empty: expected the JSON document `pulumi preview --json` prints$/],
        ["whitespace", " \n\t", /is empty/],
        [
            "not JSON",
            "hello world",
            /^p\.json is not JSON \(it starts with "hello world"\): expected `pulumi preview --json` output$/,
        ],
        ["broken JSON", "[1 2]", /^p\.json is not JSON \(it starts with "\[1 2\]"; the JSON breaks at character 4\)/],
        [
            "truncated (cut in the middle)",
            truncated.slice(0, Math.floor(truncated.length / 2)),
            /^p\.json is truncated: the JSON ends before the document does/,
        ],
        ["truncated (cut in a string)", '{"steps":[{"op":"upd', /is truncated/],
        [
            "Pulumi's text output",
            "Previewing update (dev)\n\n     Type  Name  Plan\n",
            /is Pulumi's text output, not JSON: run `pulumi preview --json`/,
        ],
        [
            "a stream of engine events",
            '{"sequence":0,"timestamp":1}\n{"sequence":1,"timestamp":2}\n',
            /several JSON documents .*PULUMI_ENABLE_STREAMING_JSON_PREVIEW/,
        ],
        ["a JSON array", "[1,2]", /^p\.json holds JSON an array, not the object/],
        ["a JSON string", '"steps"', /holds JSON a string/],
        ["JSON null", "null", /holds JSON null/],
        [
            "pulumi stack export",
            '{"version":3,"deployment":{"manifest":{},"resources":[]}}',
            /^p\.json is a `pulumi stack export` document \(a stack's state\), not a preview/,
        ],
        [
            "JSON of another shape",
            '{"name":"x","resources":[]}',
            /^p\.json is JSON but not a `pulumi preview --json` document: .*\(its fields: "name", "resources"\)$/,
        ],
        ["steps not an array", '{"steps":"all of them"}', /^p\.json: steps: expected an array, got a string/],
        ["a step without op", '{"steps":[{"urn":"u"}]}', /^p\.json: steps\[0\]\.op: expected a string, got nothing/],
        ["an op that is a number", '{"steps":[{"op":1,"urn":"u"}]}', /steps\[0\]\.op: expected a string, got a number/],
        [
            "a state that is a string",
            '{"steps":[{"op":"update","urn":"u","oldState":"x"}]}',
            /steps\[0\]\.oldState: expected an object, got a string/,
        ],
        [
            "inputs that are an array",
            '{"steps":[{"op":"update","urn":"u","newState":{"inputs":[1]}}]}',
            /steps\[0\]\.newState\.inputs: expected an object, got an array/,
        ],
        [
            "a preview that failed",
            '{"steps":[],"diagnostics":[{"severity":"error","message":"TypeError: boom\\n  at x"}]}',
            /is the output of a preview that failed \(1 error, the first: "TypeError: boom at x"\)/,
        ],
    ])("%s", (_, text, message) => {
        const read = () => readPreviewDocument(text, "p.json");
        expect(read).toThrow(PreviewInputError);
        expect(read).toThrow(message);
    });

    test("the line is one line of plain text, even when the input's keys hold terminal codes", () => {
        const hostile = JSON.stringify({ "\u001b[2J\u001b[31mred\nline": 1 });
        let message = "";
        try {
            readPreviewDocument(hostile, "p.json");
        } catch (error) {
            message = (error as Error).message;
        }
        expect(message).toMatch(/its fields: "\[2J \[31mred line"/);
        expect(message).not.toMatch(/[\u0000-\u001f]/);
    });
});
