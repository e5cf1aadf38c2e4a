import { painter, renderStep, renderSummary } from "../../../src/runner/display";
import type { Step } from "../../../src/runner/steps";

const update: Step = {
    urn: "urn:pulumi:dev::p::pulumi-nodejs:dynamic/pim:AlertConfiguration::owners",
    type: "pim:AlertConfiguration",
    name: "owners",
    op: "update",
    diffs: [{ key: "thresholdNumberOfOwners", kind: "update", old: "5", new: "3", replaces: false }],
};

describe("runner display", () => {
    test("an update reads like pulumi preview --diff, plain when not on a terminal", () => {
        expect(renderStep(update, painter(false))).toEqual([
            "    ~ pim:AlertConfiguration: (update)",
            "        [urn=urn:pulumi:dev::p::pulumi-nodejs:dynamic/pim:AlertConfiguration::owners]",
            "      ~ thresholdNumberOfOwners: 5 => 3",
        ]);
    });

    test("colour codes only when enabled", () => {
        expect(renderStep(update, painter(true))[0]).toBe("\u001b[33m    ~ pim:AlertConfiguration: (update)\u001b[0m");
        expect(renderStep(update, painter(false)).join("")).not.toContain("\u001b[");
    });

    test("unchanged resources print nothing; the summary counts them", () => {
        const same: Step = { ...update, op: "same", diffs: [] };
        expect(renderStep(same, painter(false))).toEqual([]);
        expect(renderSummary("preview", [update, same, same], painter(false))).toEqual(["", "Resources:", "    ~ 1 to update", "    2 unchanged"]);
        expect(renderSummary("up", [update], painter(false))).toEqual(["", "Resources:", "    ~ 1 updated"]);
    });
});
