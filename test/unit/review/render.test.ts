/**
 * The three renderers: what a reviewer reads (headline, sections, tables), and that a hostile value
 * from the document can neither drive a terminal nor break a table or inject markup into a comment.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { painter } from "../../../src/cli/style";
import { renderJson } from "../../../src/review/renderJson";
import { MARKDOWN_MARKER, renderMarkdown } from "../../../src/review/renderMarkdown";
import { renderText } from "../../../src/review/renderText";
import { reviewPreview } from "../../../src/review/review";
import { markdownText, plainText } from "../../../src/review/safeText";
import { armConfiguration, preview, step } from "./previewBuilder";

const fixture = (name: string) => reviewPreview(fs.readFileSync(path.join(__dirname, "fixtures", name), "utf8"), name);

const HOSTILE =
    "own\u001b[2J\u001b]0;pwned\u0007ers|x`y`<img src=x onerror=alert(1)>[click](https://evil.example) @org/team *b* _i_ ~s~ $x$\r\n| a | b |\u202eevil";
const hostileReview = () => {
    const state = (isEnabled: boolean) => {
        const s = armConfiguration(HOSTILE, { isEnabled }, {});
        return { inputs: { ...s.inputs, scope: `/subscriptions/${HOSTILE}` }, outputs: s.outputs ?? {} };
    };
    return reviewPreview(preview(step("update", "AlertConfiguration", HOSTILE, state(true), state(false))), "p");
};

describe("text", () => {
    test("the headline, then changes and drift per scope and resource, uncoloured when colour is off", () => {
        const text = renderText(fixture("drift.preview.json"), painter(false));
        expect(text).toBe(
            [
                "1 change weakens the PIM alert policy, 2 strengthen it; 3 drifts found (2 weaken the policy).",
                "",
                "Changes: what `pulumi up` will do",
                "  /subscriptions/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d",
                "    owners (Too many owners assigned to a resource)",
                "      strengthens  isEnabled: false → true",
                "                   the alert is enabled, so PIM scans for it again",
                "      strengthens  thresholdNumberOfOwners: 5 → 3",
                "                   the alert now fires from 3 owners instead of 5",
                "    duplicate-roles (Duplicate role created)",
                "      weakens      isActive: true → false",
                "                   the active alert is dismissed, so it is hidden until PIM raises it again",
                "",
                "Drift: what changed in Azure since the last `pulumi up`",
                "  /subscriptions/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d",
                "    owners (Too many owners assigned to a resource)",
                "      weakens      isEnabled: true → false",
                "                   changed outside Pulumi: the alert is disabled, so PIM stops scanning for it",
                "      weakens      thresholdNumberOfOwners: 3 → 5",
                "                   changed outside Pulumi: the alert now only fires from 5 owners instead of 3",
                "    duplicate-roles (Duplicate role created)",
                "      strengthens  isActive: false → true",
                "                   changed outside Pulumi: the alert is active again and shows in PIM",
                "",
            ].join("\n"),
        );
    });

    test("colour marks the effects when it is on", () => {
        const text = renderText(fixture("drift.preview.json"), painter(true));
        expect(text).toContain("\u001b[31mweakens");
        expect(text).toContain("\u001b[32mstrengthens");
    });

    test("a hostile value prints no control character and no bidi override", () => {
        const text = renderText(hostileReview(), painter(false));
        expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        // The scope line, the resource line and the reason (which names the unknown alert).
        expect(text.split("\n").filter((l) => l.includes("pwned"))).toHaveLength(3);
    });
});

describe("markdown", () => {
    test("a comment: marker, headline, one table per scope with display names; short when nothing concerns PIM alerts", () => {
        const markdown = renderMarkdown(fixture("threshold-change.preview.json"));
        expect(markdown.split("\n").slice(0, 4)).toEqual([
            MARKDOWN_MARKER,
            "### PIM alert policy review",
            "",
            "**4 changes weaken the PIM alert policy, 1 strengthens it.**",
        ]);
        expect(markdown).toContain(
            "| owners | Too many owners assigned to a resource | thresholdNumberOfOwners | 3 → 10 | ⚠️ **weakens** | the alert now only fires from 10 owners instead of 3 |",
        );
        expect(markdown.match(/^Scope: /gm)).toHaveLength(2);
        expect(renderMarkdown(fixture("no-pim.preview.json"))).toBe(
            `${MARKDOWN_MARKER}\n**PIM alert policy review:** Nothing here concerns PIM alerts (1 step in the preview).\n`,
        );
    });

    test("a hostile value cannot add a cell or a row, nor inject HTML, links, code, emphasis or mentions", () => {
        const markdown = renderMarkdown(hostileReview());
        const rows = markdown.split("\n").filter((line) => line.startsWith("| "));
        // Header, divider and the one finding: 7 cell boundaries each (escaped pipes are not boundaries).
        expect(rows).toHaveLength(3);
        for (const row of rows) expect(row.match(/\|/g)).toHaveLength(7);
        // Every line that holds a value from the document: no raw markup character is left in them.
        const withValues = markdown.split("\n").filter((line) => line.includes("pwned"));
        expect(withValues).toHaveLength(2);
        for (const line of withValues)
            expect(line.replace(/\*\*|⚠️|❔/g, "")).not.toMatch(/[<>`[\]@*_~$\\\u0000-\u001f\u007f-\u009f\u202e]/);
        expect(markdown).toContain(
            "&#60;img src=x onerror=alert(1)&#62;&#91;click&#93;(https://evil.example) &#64;org/team",
        );
    });

    test("markdownText shows the same characters a reader would see", () => {
        expect(markdownText("a|b")).toBe("a&#124;b");
        expect(plainText("x".repeat(200))).toHaveLength(120);
    });
});

describe("json", () => {
    test("the exact shape: version, summary, findings with every field; values as the preview holds them", () => {
        const document = JSON.parse(renderJson(fixture("threshold-change.preview.json"))) as Record<string, unknown>;
        expect(Object.keys(document)).toEqual(["version", "summary", "findings", "steps", "pimSteps"]);
        expect(document["summary"]).toEqual({ weakens: 4, strengthens: 1, neutral: 0, unknown: 0, drift: 0 });
        expect((document["findings"] as unknown[])[0]).toEqual({
            urn: "urn:pulumi:prod::pim-policy::pim:policy:Baseline$pulumi-nodejs:dynamic/pim:AlertConfiguration::owners",
            name: "owners",
            type: "pulumi-nodejs:dynamic/pim:AlertConfiguration",
            scope: "/subscriptions/0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d",
            alertId: "TooManyOwnersAssignedToResource",
            property: "thresholdNumberOfOwners",
            before: 3,
            after: 10,
            effect: "weakens",
            kind: "change",
            reason: "the alert now only fires from 10 owners instead of 3",
            op: "update",
        });
    });

    test("a hostile value stays data: escaped in the JSON text, unchanged once parsed", () => {
        const text = renderJson(hostileReview());
        expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
        expect((JSON.parse(text) as { findings: Array<{ name: string }> }).findings[0]?.name).toBe(HOSTILE);
    });
});
