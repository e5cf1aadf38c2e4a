import { painter, renderDiagnostics, renderOutputs, renderStep, renderSummary } from "../../../src/runner/display";
import type { Step } from "../../../src/runner/steps";
import { resource, STACK_URN, TYPE, urnOf } from "./engineSupport";

const update: Step = {
    urn: urnOf("owners"),
    type: TYPE,
    name: "owners",
    op: "update",
    diffs: [{ key: "thresholdNumberOfOwners", kind: "update", old: "5", new: "3", replaces: false }],
    diffReasons: [],
    replaceReasons: [],
};
const plain = painter(false);

describe("runner display", () => {
    test("an update reads like pulumi preview --diff, plain when not on a terminal", () => {
        expect(renderStep(update, plain)).toEqual([
            `    ~ ${TYPE}: (update)`,
            `        [urn=${urnOf("owners")}]`,
            "      ~ thresholdNumberOfOwners: 5 => 3",
        ]);
    });

    test("colour codes only when enabled, each closed by its own reset (the CLI's codes: util.styleText)", () => {
        expect(renderStep(update, painter(true))[0]).toBe(`\u001b[33m    ~ ${TYPE}: (update)\u001b[39m`);
        expect(renderStep({ ...update, op: "replace" }, painter(true))[0]).toBe(
            `\u001b[35m    +- ${TYPE}: (replace)\u001b[39m`,
        );
        expect(renderSummary("up", [update], painter(true))[1]).toBe("\u001b[1mResources:\u001b[22m");
        expect(renderStep(update, plain).join("")).not.toContain("\u001b[");
    });

    test("a retained delete says [retain]; a protected resource shows the lock", () => {
        const retained: Step = {
            ...update,
            op: "delete",
            diffs: [],
            old: resource("owners", { retainOnDelete: true }),
        };
        expect(renderStep(retained, plain)[0]).toBe(`    - ${TYPE}: (delete)[retain]`);
        const protectedOne: Step = {
            ...update,
            old: resource("owners", { protect: true }),
            new: resource("owners", { protect: true }),
        };
        expect(renderStep(protectedOne, plain)[0]).toBe(`    ~ ${TYPE}: (update) 🔒`);
    });

    test("a provider's message is printed as data: control sequences are escaped, lines kept", () => {
        const failed: Step = { ...update, error: "PATCH failed\n\u001b[31mred\u0007" };
        expect(renderStep(failed, plain).slice(-2)).toEqual([
            "      error: PATCH failed",
            "      \\u001b[31mred\\u0007",
        ]);
    });

    test("a bidi override or a C1 CSI from a provider is escaped wherever it is printed, then painted", () => {
        // U+202E reverses what follows on screen; U+009B is a CSI on its own (here: clear the screen).
        const hostile = "PATCH failed \u202eevil\u009b2J";
        const shown = "PATCH failed \\u202eevil\\u009b2J";
        const colour = painter(true);
        const failed: Step = { ...update, error: hostile };
        expect(renderStep(failed, colour).at(-1)).toBe(`\u001b[31m      error: ${shown}\u001b[39m`);
        expect(
            renderDiagnostics([{ severity: "warning", urn: urnOf("owners"), message: hostile }], STACK_URN, colour),
        ).toEqual([
            "",
            "\u001b[1mDiagnostics:\u001b[22m",
            `  ${TYPE} (owners):`,
            `\u001b[33m    warning: ${shown}\u001b[39m`,
        ]);
        const named: Step = {
            ...update,
            urn: urnOf("own\u202eers"),
            diffs: [{ key: "thresholdNumberOfOwners", kind: "update", old: "5", new: "\u009b3", replaces: false }],
        };
        expect(renderStep(named, plain).slice(1)).toEqual([
            `        [urn=${urnOf("own\\u202eers")}]`,
            "      ~ thresholdNumberOfOwners: 5 => \\u009b3",
        ]);
        expect(renderOutputs({ "k\u2066": ["\u202e"] }, plain)).toEqual([
            "",
            "Outputs:",
            "    k\\u2066: [",
            '        [0]: "\\u202e"',
            "    ]",
        ]);
    });

    test("unchanged resources print nothing; the summary counts them", () => {
        const same: Step = { ...update, op: "same", diffs: [] };
        expect(renderStep(same, plain)).toEqual([]);
        expect(renderSummary("preview", [update, same, same], plain)).toEqual([
            "",
            "Resources:",
            "    ~ 1 to update",
            "    2 unchanged",
        ]);
        expect(renderSummary("up", [update], plain)).toEqual(["", "Resources:", "    ~ 1 updated"]);
    });

    test("diagnostics are grouped per resource, the stack's last; outputs are shown like the CLI's", () => {
        const lines = renderDiagnostics(
            [
                { severity: "error", urn: urnOf("owners"), message: "PATCH failed with 403\nsecond line" },
                { severity: "error", message: "update failed" },
            ],
            STACK_URN,
            plain,
        );
        expect(lines).toEqual([
            "",
            "Diagnostics:",
            `  ${TYPE} (owners):`,
            "    error: PATCH failed with 403",
            "    second line",
            "",
            "  pulumi:pulumi:Stack (p-dev):",
            "    error: update failed",
        ]);
        expect(renderOutputs({ threshold: 3, name: "x", nested: { on: true }, hidden: "[secret]" }, plain)).toEqual([
            "",
            "Outputs:",
            "    hidden: [secret]",
            '    name: "x"',
            "    nested: {",
            "        on: true",
            "    }",
            "    threshold: 3",
        ]);
    });
});
