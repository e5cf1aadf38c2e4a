import type { EngineHost } from "../../../src/runner/engine";
import { Engine } from "../../../src/runner/engine";
import type { StackState } from "../../../src/runner/stackState";
import type { JsonObject } from "../../../src/host/struct";

const json = (value: Record<string, unknown>): JsonObject => value as JsonObject;

const TYPE = "pulumi-nodejs:dynamic/pim:AlertConfiguration";
const URN = `urn:pulumi:dev::p::${TYPE}::owners`;

/** A provider host double that records calls and answers like a simple provider. */
function fakeHost(overrides: Partial<EngineHost> = {}): EngineHost & { calls: string[] } {
    const calls: string[] = [];
    const host: EngineHost = {
        check: async (_t, _n, _olds, news) => (calls.push("check"), { inputs: json({ ...news }), failures: [] }),
        diff: async (_t, _n, _id, olds, news) => {
            calls.push("diff");
            const replaces = olds["scope"] !== news["scope"] ? ["scope"] : [];
            const changes = replaces.length > 0 || olds["threshold"] !== news["threshold"] ? "some" : "none";
            return { changes, replaces, stables: [], deleteBeforeReplace: false };
        },
        create: async (_t, _n, props) => (calls.push("create"), { id: `id-${String(props["scope"])}`, properties: json({ ...props, live: true }) }),
        read: async (_t, _n, id, props) => (
            calls.push("read"),
            { id, properties: json({ ...props, threshold: 5 }), inputs: json({ scope: props["scope"], threshold: 5 }) }
        ),
        update: async (_t, _n, _id, _olds, news) => (calls.push("update"), { properties: json({ ...news, live: true }) }),
        delete: async () => {
            calls.push("delete");
        },
        ...overrides,
    };
    return Object.assign(host, { calls });
}

const stateWith = (outputs: Record<string, unknown>, inputs = outputs): StackState => ({
    version: 1,
    resources: [{ urn: URN, type: TYPE, name: "owners", id: "id-a", inputs, outputs }],
});

describe("runner engine", () => {
    test("a new resource is checked and created; the state records it", async () => {
        const host = fakeHost();
        const engine = new Engine({ host, state: { version: 1, resources: [] }, preview: false });
        const result = await engine.register(URN, TYPE, "owners", { scope: "a", threshold: 3 });
        expect(result).toEqual({ id: "id-a", state: { scope: "a", threshold: 3, live: true } });
        expect(host.calls).toEqual(["check", "create"]);
        expect(engine.steps.map((s) => [s.op, s.type, s.diffs.map((d) => d.key)])).toEqual([["create", "pim:AlertConfiguration", ["scope", "threshold"]]]);
        expect(engine.state().resources[0]).toMatchObject({ id: "id-a", outputs: { live: true } });
    });

    test("a preview plans without writing", async () => {
        const host = fakeHost();
        const engine = new Engine({ host, state: stateWith({ scope: "a", threshold: 3 }), preview: true });
        await engine.register(URN, TYPE, "owners", { scope: "a", threshold: 4 });
        expect(host.calls).toEqual(["check", "diff"]);
        expect(engine.steps[0]).toMatchObject({ op: "update", diffs: [{ key: "threshold", kind: "update", old: "3", new: "4", replaces: false }] });
    });

    test("no change is a 'same' step and no write", async () => {
        const host = fakeHost();
        const engine = new Engine({ host, state: stateWith({ scope: "a", threshold: 3 }), preview: false });
        await engine.register(URN, TYPE, "owners", { scope: "a", threshold: 3 });
        expect(host.calls).toEqual(["check", "diff"]);
        expect(engine.steps[0]?.op).toBe("same");
    });

    test("a replacement creates the new one before deleting the old one", async () => {
        const host = fakeHost();
        const engine = new Engine({ host, state: stateWith({ scope: "a", threshold: 3 }), preview: false });
        await engine.register(URN, TYPE, "owners", { scope: "b", threshold: 3 });
        expect(host.calls).toEqual(["check", "diff", "create", "delete"]);
        expect(engine.steps[0]).toMatchObject({ op: "replace", diffs: [{ key: "scope", replaces: true }] });
    });

    test("refresh records what changed in Azure, and the next diff sees it", async () => {
        const host = fakeHost();
        const engine = new Engine({ host, state: stateWith({ scope: "a", threshold: 3 }), preview: true });
        await engine.refreshAll();
        await engine.register(URN, TYPE, "owners", { scope: "a", threshold: 3 });
        expect(engine.steps.map((s) => [s.op, s.diffs.map((d) => `${d.key}: ${d.old} => ${d.new}`)])).toEqual([
            ["refresh", ["threshold: 3 => 5"]],
            ["update", ["threshold: 5 => 3"]],
        ]);
    });

    test("resources the program no longer declares are deleted, but not after a failed program", async () => {
        const host = fakeHost();
        const engine = new Engine({ host, state: stateWith({ scope: "a" }), preview: false });
        engine.failedProgram = true;
        await engine.deleteUnregistered();
        expect(host.calls).toEqual([]);
        engine.failedProgram = false;
        await engine.deleteUnregistered();
        expect(host.calls).toEqual(["delete"]);
        expect(engine.state().resources).toEqual([]);
    });

    test("a check failure becomes a failed step and an error naming the property", async () => {
        const host = fakeHost({ check: async () => ({ inputs: {}, failures: [{ property: "scope", reason: "scope is empty" }] }) });
        const engine = new Engine({ host, state: { version: 1, resources: [] }, preview: false });
        await expect(engine.register(URN, TYPE, "owners", {})).rejects.toThrow("owners: scope: scope is empty");
        expect(engine.failed).toBe(true);
        expect(engine.steps[0]?.error).toBe("check failed: scope: scope is empty");
    });

    test("a write that reached Azure but did not finish is kept, marked for another update", async () => {
        const initFailure = { id: "id-a", properties: json({ scope: "a", threshold: 3 }), reasons: ["read-back failed"] };
        const host = fakeHost({ update: async () => Promise.reject(Object.assign(new Error("read-back failed"), { initFailure })) });
        const engine = new Engine({ host, state: stateWith({ scope: "a", threshold: 3 }), preview: false });
        await expect(engine.register(URN, TYPE, "owners", { scope: "a", threshold: 4 })).rejects.toThrow("read-back failed");
        expect(engine.state().resources[0]).toMatchObject({ outputs: { threshold: 3 }, initErrors: ["read-back failed"] });
        expect(engine.steps[0]?.error).toBe("read-back failed");
        // The next run updates even though the diff alone would see nothing new.
        const next = fakeHost();
        next.diff = async () => (next.calls.push("diff"), { changes: "none", replaces: [], stables: [], deleteBeforeReplace: false });
        const rerun = new Engine({ host: next, state: engine.state(), preview: false });
        await rerun.register(URN, TYPE, "owners", { scope: "a", threshold: 4 });
        expect(next.calls).toEqual(["check", "diff", "update"]);
        expect(rerun.state().resources[0]?.initErrors).toBeUndefined();
    });
});
