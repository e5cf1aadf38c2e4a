import { expect } from "@jest/globals";
import { previewDocument } from "../../../src/runner/previewJson";
import type { Step } from "../../../src/runner/steps";
import { PROVIDER_REF, resource, STACK_URN, TYPE, urnOf } from "./engineSupport";

const stack = {
    ...resource("p-dev", { custom: false, id: "", inputs: {}, outputs: { count: 1 }, parent: "", provider: "" }),
    urn: STACK_URN,
    type: "pulumi:pulumi:Stack",
};
const base = { diffs: [], diffReasons: [], replaceReasons: [] };
const owners = resource("owners", {
    inputs: { scope: "a", threshold: 3 },
    outputs: { scope: "a", threshold: 3, live: true },
});

describe("the pulumi preview --json document", () => {
    const steps: Step[] = [
        {
            ...base,
            urn: owners.urn,
            type: TYPE,
            name: "owners",
            op: "refresh",
            old: owners,
            new: { ...owners, inputs: { scope: "a", threshold: 5 } },
            refreshResult: "update",
        },
        { ...base, urn: STACK_URN, type: stack.type, name: "p-dev", op: "same", old: stack, new: stack },
        {
            ...base,
            urn: urnOf("quiet"),
            type: TYPE,
            name: "quiet",
            op: "same",
            old: resource("quiet"),
            new: resource("quiet"),
        },
        {
            ...base,
            urn: owners.urn,
            type: TYPE,
            name: "owners",
            op: "update",
            old: { ...owners, inputs: { scope: "a", threshold: 5 } },
            new: owners,
        },
        {
            ...base,
            urn: urnOf("moved"),
            type: TYPE,
            name: "moved",
            op: "replace",
            old: resource("moved"),
            new: resource("moved", { inputs: { scope: "b" } }),
            replaceReasons: ["scope"],
        },
        { ...base, urn: urnOf("gone"), type: TYPE, name: "gone", op: "delete", old: resource("gone") },
        { ...base, urn: urnOf("broken"), type: TYPE, name: "broken", op: "create", error: "check failed" },
    ];
    const document = previewDocument({
        steps,
        diagnostics: [{ severity: "warning", urn: owners.urn, message: "look" }],
        config: { "pim-alerts:armEndpoint": "http://127.0.0.1:1", "pim-alerts:clientSecret": "s3cr3t" },
        secretKeys: ["pim-alerts:clientSecret"],
        durationMs: 1234.5,
    });

    test("has the digest's fields in its order, empty ones left out, the duration in nanoseconds", () => {
        expect(Object.keys(document)).toEqual(["config", "steps", "diagnostics", "duration", "changeSummary"]);
        expect(document.duration).toBe(1_234_500_000);
        expect(document.config).toEqual({
            "pim-alerts:armEndpoint": "http://127.0.0.1:1",
            "pim-alerts:clientSecret": "[secret]",
        });
        expect(document.diagnostics).toEqual([{ urn: owners.urn, message: "warning: look\n", severity: "warning" }]);
        // Successful steps by operation; refresh steps are not counted in a preview.
        expect(document.changeSummary).toEqual({ same: 2, update: 1, replace: 1, delete: 1 });
        expect(previewDocument({ steps: [], diagnostics: [], config: {}, secretKeys: [], durationMs: 0 })).toEqual({});
    });

    test("shows refresh steps and the root stack's same step, hides other sames and steps that never ran", () => {
        expect(document.steps?.map((s) => `${s.op} ${s.urn.split("::").pop()}`)).toEqual([
            "refresh owners",
            "same p-dev",
            "update owners",
            "replace moved",
            "delete gone",
        ]);
    });

    test("a step has op, urn, provider, old and new state as apitype.ResourceV3, reasons when there are any, and detailedDiff null", () => {
        const update = document.steps?.[2];
        expect(Object.keys(update ?? {})).toEqual(["op", "urn", "provider", "oldState", "newState", "detailedDiff"]);
        expect(update?.provider).toBe(PROVIDER_REF);
        expect(update?.detailedDiff).toBeNull();
        expect(update?.newState).toEqual({
            urn: owners.urn,
            custom: true,
            id: "id-owners",
            type: TYPE,
            inputs: { scope: "a", threshold: 3 },
            outputs: { live: true, scope: "a", threshold: 3 },
            parent: STACK_URN,
            provider: PROVIDER_REF,
        });
        expect(document.steps?.[3]?.replaceReasons).toEqual(["scope"]);
        expect(document.steps?.[4]).toEqual(expect.objectContaining({ op: "delete", oldState: expect.any(Object) }));
        expect(document.steps?.[4]).not.toHaveProperty("newState");
        expect(document.steps?.[1]).not.toHaveProperty("provider");
    });

    test("a refresh step shows the state before the read on both sides, as the engine's pre-step event; the next step starts from what was read", () => {
        const refresh = document.steps?.[0];
        expect(refresh?.op).toBe("refresh");
        expect(refresh?.newState).toEqual(refresh?.oldState);
        expect(refresh?.oldState?.["inputs"]).toEqual({ scope: "a", threshold: 3 });
        expect(refresh).not.toHaveProperty("diffReasons");
        expect(document.steps?.[2]?.oldState?.["inputs"]).toEqual({ scope: "a", threshold: 5 });

        const gone = resource("gone");
        const refreshedAway = previewDocument({
            steps: [
                { ...base, urn: gone.urn, type: TYPE, name: "gone", op: "refresh", old: gone, refreshResult: "delete" },
            ],
            diagnostics: [],
            config: {},
            secretKeys: [],
            durationMs: 1,
        });
        // The engine learns that the resource is gone only when the read returns, after the event.
        expect(refreshedAway.steps?.[0]?.newState).toEqual(refreshedAway.steps?.[0]?.oldState);
    });

    test("a secret reads [secret], never its value", () => {
        const secretStack = {
            ...stack,
            outputs: {
                token: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "s3cr3t" },
            },
        };
        const withSecret = previewDocument({
            steps: [
                {
                    ...base,
                    urn: STACK_URN,
                    type: stack.type,
                    name: "p-dev",
                    op: "same",
                    old: secretStack,
                    new: secretStack,
                },
            ],
            diagnostics: [],
            config: {},
            secretKeys: [],
            durationMs: 1,
        });
        expect(JSON.stringify(withSecret)).not.toContain("s3cr3t");
        expect(withSecret.steps?.[0]?.newState?.["outputs"]).toEqual({ token: "[secret]" });
    });
});
