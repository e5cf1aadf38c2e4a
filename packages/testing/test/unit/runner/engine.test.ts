import { expect } from "@jest/globals";
import { EngineStoppedError } from "../../../src/runner/engine";
import { StepFailedError } from "../../../src/runner/stepContext";
import type { JsonObject } from "../../../src/host/struct";
import {
    fakeHost,
    goal,
    PROVIDER_URN,
    resource,
    STACK_URN,
    startEngine,
    stateWith,
    stepSummary,
    urnOf,
} from "./engineSupport";

const json = (value: Record<string, unknown>): JsonObject => value as JsonObject;

describe("runner engine: steps", () => {
    test("a new resource is checked and created; the default provider and the stack are recorded before it", async () => {
        const host = fakeHost();
        const { engine } = await startEngine(host);
        const result = await engine.register(goal("owners", { scope: "a", threshold: 3 }));
        expect(result).toEqual({
            urn: urnOf("owners"),
            id: "id-owners-a",
            outputs: { scope: "a", threshold: 3, live: true },
        });
        expect(host.calls).toEqual(["check owners", "create owners"]);
        expect(stepSummary(engine)).toEqual(["create p-dev", "create owners"]);
        expect(engine.state().resources.map((r) => r.urn)).toEqual([STACK_URN, PROVIDER_URN, urnOf("owners")]);
        expect(engine.state().resources[2]).toMatchObject({
            id: "id-owners-a",
            provider: expect.stringMatching(/^urn:.*::default::[0-9a-f-]{36}$/),
            parent: STACK_URN,
        });
    });

    test("a preview plans without writing: the program sees the inputs as outputs and no id", async () => {
        const host = fakeHost();
        const { engine } = await startEngine(host, stateWith(resource("owners")), { preview: true });
        expect(await engine.register(goal("owners", { scope: "a", threshold: 4 }))).toEqual({
            urn: urnOf("owners"),
            id: "id-owners",
            outputs: { scope: "a", threshold: 4 },
        });
        expect(await engine.register(goal("new", { scope: "b", threshold: 1 }))).toMatchObject({ id: "" });
        expect(host.calls).toEqual(["check owners", "diff owners", "check new"]);
        expect(engine.steps[1]).toMatchObject({
            op: "update",
            diffs: [{ key: "threshold", kind: "update", old: "3", new: "4", replaces: false }],
        });
    });

    test("no change is a 'same' step: no write, the old outputs and id go back to the program", async () => {
        const host = fakeHost();
        const { engine } = await startEngine(host, stateWith(resource("owners")));
        expect(await engine.register(goal("owners", { scope: "a", threshold: 3 }))).toMatchObject({
            id: "id-owners",
            outputs: { live: true },
        });
        expect(host.calls).toEqual(["check owners", "diff owners"]);
        expect(stepSummary(engine)).toEqual(["same p-dev", "same owners"]);
    });

    test("a replacement creates the new one first and deletes the old one with the deletes, at the end", async () => {
        const host = fakeHost();
        const { engine } = await startEngine(host, stateWith(resource("owners")));
        await engine.register(goal("owners", { scope: "b", threshold: 3 }));
        expect(host.calls).toEqual(["check owners", "diff owners", "check owners", "create owners"]);
        // Until then the old one is in the state, marked for deletion.
        expect(
            engine
                .state()
                .resources.filter((r) => r.urn === urnOf("owners"))
                .map((r) => [r.id, r.delete]),
        ).toEqual([
            ["id-owners-b", false],
            ["id-owners", true],
        ]);
        await engine.deleteRemaining();
        expect(host.calls.slice(4)).toEqual(["delete owners"]);
        expect(engine.steps.at(-1)).toMatchObject({
            op: "replace",
            replaceReasons: ["scope"],
            diffs: [{ key: "scope", replaces: true }],
        });
        expect(
            engine
                .state()
                .resources.filter((r) => r.urn === urnOf("owners"))
                .map((r) => r.id),
        ).toEqual(["id-owners-b"]);
    });

    test("refresh records what changed in the cloud, and the next diff sees it", async () => {
        const host = fakeHost();
        const { engine } = await startEngine(host, stateWith(resource("owners")), { preview: true });
        await engine.refresh();
        await engine.register(goal("owners", { scope: "a", threshold: 3 }));
        expect(
            engine.steps
                .filter((s) => s.name === "owners")
                .map((s) => [s.op, s.diffs.map((d) => `${d.key}: ${d.old} => ${d.new}`)]),
        ).toEqual([
            ["refresh", ["threshold: 3 => 5"]],
            ["update", ["threshold: 5 => 3"]],
        ]);
    });

    test("resources the program no longer declares are deleted, children before parents, dependents before dependencies", async () => {
        const host = fakeHost();
        const parent = resource("parent");
        const child = resource("child", { parent: parent.urn });
        const user = resource("user", { dependencies: [parent.urn] });
        const { engine } = await startEngine(host, stateWith(parent, child, user));
        await engine.deleteRemaining();
        expect(host.calls.slice(0, 2).sort()).toEqual(["delete child", "delete user"]);
        expect(host.calls[2]).toBe("delete parent");
        expect(engine.state().resources.map((r) => r.urn)).toEqual([STACK_URN]);
    });

    test("a check failure fails the step with the engine's message naming the property, and stops the run", async () => {
        const host = fakeHost({
            check: async () => ({ inputs: {}, failures: [{ property: "scope", reason: "scope is empty" }] }),
        });
        const { engine } = await startEngine(host, stateWith(resource("old")));
        const failure = engine.register(goal("owners", { scope: "" }));
        await expect(failure).rejects.toThrow(StepFailedError);
        await expect(failure).rejects.toThrow(
            `${"pulumi-nodejs:dynamic/pim:AlertConfiguration"} resource 'owners': property scope value {} has a problem: scope is empty`,
        );
        expect(engine.failed).toBe(true);
        await expect(engine.register(goal("other", { scope: "b" }))).rejects.toThrow(EngineStoppedError);
        await engine.deleteRemaining();
        expect(engine.state().resources.map((r) => r.name)).toContain("old");
    });

    test("a write that reached the cloud but did not finish is kept, marked for another update", async () => {
        const initFailure = {
            id: "id-owners",
            properties: json({ scope: "a", threshold: 3 }),
            reasons: ["read-back failed"],
        };
        const host = fakeHost({
            update: async () => Promise.reject(Object.assign(new Error("read-back failed"), { initFailure })),
        });
        const { engine } = await startEngine(host, stateWith(resource("owners")));
        await expect(engine.register(goal("owners", { scope: "a", threshold: 4 }))).rejects.toThrow("read-back failed");
        // The engine keeps the old inputs with the outputs the provider reported.
        expect(engine.state().resources.find((r) => r.name === "owners")).toMatchObject({
            inputs: { threshold: 3 },
            outputs: { threshold: 3 },
            initErrors: ["read-back failed"],
        });
        expect(engine.steps.at(-1)?.error).toBe("read-back failed");
        // The next run updates even though the diff alone sees nothing new.
        const next = fakeHost({
            diff: async () => ({ changes: "none", replaces: [], stables: [], deleteBeforeReplace: false }),
        });
        const rerun = await startEngine(next, engine.state());
        await rerun.engine.register(goal("owners", { scope: "a", threshold: 4 }));
        expect(next.calls).toEqual(["check owners", "update owners"]);
        expect(rerun.engine.state().resources.find((r) => r.name === "owners")?.initErrors).toEqual([]);
    });

    test("the state is written after every step, with the operation in flight recorded as pending", async () => {
        const host = fakeHost();
        let release = (): void => undefined;
        host.hold = new Promise((resolve) => (release = resolve));
        const { engine, persisted } = await startEngine(host);
        const creating = engine.register(goal("owners", { scope: "a" }));
        await until(() => host.inFlight === 1);
        expect(persisted.at(-1)?.pendingOperations).toEqual([
            { resource: expect.objectContaining({ urn: urnOf("owners"), id: "" }), type: "creating" },
        ]);
        release();
        await creating;
        expect(persisted.at(-1)?.pendingOperations).toEqual([]);
        expect(persisted.at(-1)?.resources.map((r) => r.name)).toEqual(["p-dev", "default", "owners"]);
    });

    test("a pending create of an earlier run is carried forward; other pending operations are dropped once the run writes", async () => {
        const previous = {
            ...stateWith(resource("owners")),
            pendingOperations: [
                { resource: resource("lost"), type: "creating" as const },
                { resource: resource("owners"), type: "updating" as const },
            ],
        };
        const { engine } = await startEngine(fakeHost(), previous);
        expect(engine.state().pendingOperations.map((op) => `${op.type} ${op.resource.name}`)).toEqual([
            "creating lost",
        ]);
        engine.snapshot.clearPendingCreates();
        expect(engine.state().pendingOperations).toEqual([]);
    });
});

/** Waits for `condition` across microtask and macrotask turns (bounded). */
async function until(condition: () => boolean): Promise<void> {
    for (let turn = 0; turn < 100 && !condition(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
    if (!condition()) throw new Error("condition never held");
}
