/**
 * The resource options, as the engine applies them (pkg/resource/deploy/step_generator.go, step.go).
 */
import { expect } from "@jest/globals";
import { deleteProtectedMessage } from "../../../src/runner/deletePhase";
import { fakeHost, goal, resource, STACK_URN, startEngine, stateWith, stepSummary, TYPE, urnOf } from "./engineSupport";

describe("protect", () => {
    test("a protected resource the program dropped is not deleted: the step fails with the engine's message, also in a preview", async () => {
        for (const preview of [false, true]) {
            const host = fakeHost();
            const { engine } = await startEngine(host, stateWith(resource("owners", { protect: true })), { preview });
            await engine.deleteRemaining();
            expect(host.calls).toEqual([]);
            expect(engine.steps.at(-1)).toMatchObject({
                op: "delete",
                name: "owners",
                error: deleteProtectedMessage(urnOf("owners")),
            });
            expect(engine.state().resources.map((r) => r.name)).toContain("owners");
        }
        expect(deleteProtectedMessage(urnOf("owners"))).toContain("cannot be deleted\nbecause it is protected");
    });

    test("a protected resource is not replaced; protect comes from the program, so unprotecting lets it go", async () => {
        const host = fakeHost();
        const { engine } = await startEngine(host, stateWith(resource("owners", { protect: true })));
        await expect(engine.register(goal("owners", { scope: "b", threshold: 3 }, { protect: true }))).rejects.toThrow(
            /unable to replace resource .*\nas it is currently marked for protection/s,
        );
        expect(host.calls).not.toContain("create owners");

        const again = await startEngine(fakeHost(), stateWith(resource("owners", { protect: true })));
        await again.engine.register(goal("owners", { scope: "a", threshold: 3 }));
        expect(again.engine.state().resources.find((r) => r.name === "owners")?.protect).toBe(false);
    });
});

describe("retainOnDelete", () => {
    test("deleting a retained resource removes it from the state without calling the provider's delete", async () => {
        const host = fakeHost();
        const { engine } = await startEngine(host, stateWith(resource("owners", { retainOnDelete: true })));
        await engine.deleteRemaining();
        expect(host.calls).toEqual([]);
        expect(engine.steps.at(-1)).toMatchObject({ op: "delete", name: "owners", retained: true });
        expect(engine.state().resources.map((r) => r.name)).not.toContain("owners");
    });
});

describe("aliases", () => {
    test("a rename with an alias keeps the resource: no create, no delete; the state moves to the new URN", async () => {
        const host = fakeHost();
        const { engine } = await startEngine(host, stateWith(resource("owners")));
        await engine.register(
            goal(
                "owners-renamed",
                { scope: "a", threshold: 3 },
                { aliases: [{ name: "owners", type: "", stack: "", project: "", parentUrn: "", noParent: false }] },
            ),
        );
        await engine.deleteRemaining();
        expect(host.calls).toEqual(["check owners-renamed", "diff owners-renamed"]);
        expect(stepSummary(engine)).toEqual(["same p-dev", "same owners-renamed"]);
        expect(engine.state().resources.find((r) => r.name === "owners-renamed")).toMatchObject({
            id: "id-owners",
            aliases: [urnOf("owners")],
        });
    });

    test("a child follows its parent's alias: moving a component renames its children's URNs", async () => {
        const host = fakeHost();
        const component = {
            ...resource("policy", { custom: false, id: "", inputs: {}, outputs: {}, provider: "" }),
            urn: urnOf("policy", "my:index:Policy"),
            type: "my:index:Policy",
        };
        const child = {
            ...resource("policy-owners", { parent: component.urn }),
            urn: `urn:pulumi:dev::p::my:index:Policy$${TYPE}::policy-owners`,
        };
        const { engine } = await startEngine(host, stateWith(component, child));
        const renamed = await engine.register(
            goal(
                "platform",
                {},
                {
                    type: "my:index:Policy",
                    custom: false,
                    aliases: [{ name: "policy", type: "", stack: "", project: "", parentUrn: "", noParent: false }],
                },
            ),
        );
        await engine.register(goal("platform-owners", { scope: "a", threshold: 3 }, { parent: renamed.urn }));
        await engine.deleteRemaining();
        expect(host.calls).toEqual(["check platform-owners", "diff platform-owners"]);
        expect(engine.state().resources.find((r) => r.name === "platform-owners")).toMatchObject({
            id: "id-policy-owners",
            parent: renamed.urn,
            aliases: [child.urn],
        });
    });

    test("an alias claimed twice is an error naming both resources", async () => {
        const { engine } = await startEngine(fakeHost(), stateWith(resource("owners")));
        const alias = { urn: urnOf("owners") };
        await engine.register(goal("one", { scope: "a", threshold: 3 }, { aliases: [alias] }));
        await expect(engine.register(goal("two", { scope: "a", threshold: 3 }, { aliases: [alias] }))).rejects.toThrow(
            `Duplicate resource alias '${urnOf("owners")}' applied to resource with URN '${urnOf("two")}' conflicting with resource with URN '${urnOf("one")}'`,
        );
    });
});

describe("ignoreChanges", () => {
    test("an ignored property keeps its recorded value: no update, and Check sees the old value", async () => {
        const host = fakeHost();
        const seen: unknown[] = [];
        const check = host.check;
        host.check = async (t, n, olds, news) => (seen.push(news["threshold"]), check(t, n, olds, news));
        const { engine } = await startEngine(host, stateWith(resource("owners")));
        await engine.register(goal("owners", { scope: "a", threshold: 9 }, { ignoreChanges: ["threshold"] }));
        expect(seen).toEqual([3]);
        expect(stepSummary(engine)).toEqual(["same p-dev", "same owners"]);
        expect(engine.state().resources.find((r) => r.name === "owners")?.ignoreChanges).toEqual(["threshold"]);
    });

    test("a path with an array index is refused by name", async () => {
        const { engine } = await startEngine(fakeHost(), stateWith(resource("owners")));
        await expect(
            engine.register(goal("owners", { scope: "a", threshold: 9 }, { ignoreChanges: ["list[0]"] })),
        ).rejects.toThrow(/ignoreChanges path "list\[0\]": array indexes are not implemented by the offline runner/);
    });
});

describe("deleteBeforeReplace", () => {
    test("set by the program, the old resource is deleted before its replacement is created", async () => {
        const host = fakeHost();
        const { engine, persisted } = await startEngine(host, stateWith(resource("owners")));
        await engine.register(goal("owners", { scope: "b", threshold: 3 }, { deleteBeforeReplace: true }));
        expect(host.calls).toEqual(["check owners", "diff owners", "check owners", "delete owners", "create owners"]);
        // Between the two, the state said the old one was deleted and not yet replaced.
        expect(persisted.some((s) => s.resources.some((r) => r.urn === urnOf("owners") && r.pendingReplacement))).toBe(
            true,
        );
        await engine.deleteRemaining();
        expect(host.calls).toHaveLength(5);
        expect(
            engine
                .state()
                .resources.filter((r) => r.urn === urnOf("owners"))
                .map((r) => [r.id, r.pendingReplacement]),
        ).toEqual([["id-owners-b", false]]);
    });

    test("a failed create after the delete leaves the record pending replacement; the next run creates without deleting again", async () => {
        const host = fakeHost({ create: async () => Promise.reject(new Error("Azure said no")) });
        const { engine } = await startEngine(host, stateWith(resource("owners")));
        await expect(
            engine.register(goal("owners", { scope: "b", threshold: 3 }, { deleteBeforeReplace: true })),
        ).rejects.toThrow("Azure said no");
        const next = fakeHost();
        const rerun = await startEngine(next, engine.state());
        await rerun.engine.register(goal("owners", { scope: "b", threshold: 3 }, { deleteBeforeReplace: true }));
        expect(next.calls).toEqual(["check owners", "diff owners", "check owners", "create owners"]);
    });

    test("the provider's choice applies unless the program sets the option", async () => {
        const host = fakeHost();
        const diff = host.diff;
        host.diff = async (...args) => ({ ...(await diff(...args)), deleteBeforeReplace: true });
        const { engine } = await startEngine(host, stateWith(resource("owners")));
        await engine.register(goal("owners", { scope: "b", threshold: 3 }, { deleteBeforeReplace: false }));
        expect(host.calls.slice(3)).toEqual(["create owners"]);
    });
});

describe("replaceOnChanges", () => {
    test("matched against the properties the provider's diff names: with a provider that cannot tell, a change replaces", async () => {
        const host = fakeHost({
            diff: async () => ({ changes: "unknown", replaces: [], stables: [], deleteBeforeReplace: false }),
        });
        const { engine } = await startEngine(host, stateWith(resource("owners")));
        await engine.register(goal("owners", { scope: "a", threshold: 4 }, { replaceOnChanges: ["threshold"] }));
        expect(engine.steps.at(-1)).toMatchObject({
            op: "replace",
            diffReasons: ["threshold"],
            replaceReasons: ["threshold"],
        });
    });

    test("the Node dynamic provider names no changed property: the option has no effect (as under the CLI), and a warning says so", async () => {
        const { engine } = await startEngine(fakeHost(), stateWith(resource("owners")));
        await engine.register(goal("owners", { scope: "a", threshold: 4 }, { replaceOnChanges: ["threshold"] }));
        expect(engine.steps.at(-1)).toMatchObject({ op: "update", diffReasons: [], replaceReasons: [] });
        expect(engine.diagnostics).toEqual([
            {
                severity: "warning",
                urn: urnOf("owners"),
                message: expect.stringContaining("replaceOnChanges (threshold) had no effect"),
            },
        ]);
    });
});

describe("dependsOn and parents", () => {
    test("are recorded, and deletes run in parallel within an antichain, bounded by parallel", async () => {
        const host = fakeHost();
        let release = (): void => undefined;
        host.hold = new Promise((resolve) => (release = resolve));
        const base = resource("base");
        const users = ["u1", "u2", "u3"].map((name) => resource(name, { dependencies: [base.urn] }));
        for (const parallel of [Infinity, 2]) {
            host.maxInFlight = 0;
            const { engine } = await startEngine(host, stateWith(base, ...users), { parallel });
            const deleting = engine.deleteRemaining();
            await until(() => host.inFlight === Math.min(3, parallel));
            // The base waits for every resource that depends on it.
            expect(host.calls.filter((c) => c === "delete base")).toEqual([]);
            release();
            await deleting;
            expect(host.maxInFlight).toBe(Math.min(3, parallel));
            expect(host.calls.at(-1)).toBe("delete base");
            host.hold = new Promise((resolve) => (release = resolve));
            host.calls.length = 0;
        }
    });

    test("refresh reads every resource in parallel, bounded by parallel", async () => {
        const host = fakeHost();
        let release = (): void => undefined;
        host.hold = new Promise((resolve) => (release = resolve));
        const resources = ["r1", "r2", "r3", "r4"].map((name) => resource(name));
        const { engine } = await startEngine(host, stateWith(...resources), { parallel: 3, preview: true });
        const refreshing = engine.refresh();
        await until(() => host.inFlight === 3);
        release();
        await refreshing;
        expect(host.maxInFlight).toBe(3);
        expect(host.calls.filter((c) => c.startsWith("read")).sort()).toEqual([
            "read r1",
            "read r2",
            "read r3",
            "read r4",
        ]);
        expect(
            engine.steps
                .filter((s) => s.op === "refresh" && s.refreshResult === "update")
                .map((s) => s.name)
                .sort(),
        ).toEqual(["r1", "r2", "r3", "r4"]);
    });

    test("a parent must have been registered", async () => {
        const { engine } = await startEngine(fakeHost());
        await expect(engine.register(goal("orphan", { scope: "a" }, { parent: urnOf("ghost") }))).rejects.toThrow(
            `could not find parent resource ${urnOf("ghost")}`,
        );
    });
});

describe("refusals", () => {
    test("a secret input is refused: the state file holds no secret", async () => {
        const { engine } = await startEngine(fakeHost());
        const secretValue = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "s3cr3t" };
        await expect(engine.register(goal("owners", { scope: "a", token: secretValue }))).rejects.toThrow(
            "inputs.token is a secret; the offline runner keeps its state in a plain JSON file",
        );
        expect(JSON.stringify(engine.state())).not.toContain("s3cr3t");
    });

    test("a duplicate URN is refused as the engine refuses it", async () => {
        const { engine } = await startEngine(fakeHost());
        await engine.register(goal("owners", { scope: "a" }));
        await expect(engine.register(goal("owners", { scope: "b" }))).rejects.toThrow(
            `Duplicate resource URN '${urnOf("owners")}'; try giving it a unique name`,
        );
    });

    test("the stack itself is a component: no provider call", async () => {
        const host = fakeHost();
        const { engine } = await startEngine(host);
        expect(engine.state().resources.map((r) => [r.urn, r.custom])).toEqual([[STACK_URN, false]]);
        expect(host.calls).toEqual([]);
    });
});

async function until(condition: () => boolean): Promise<void> {
    for (let turn = 0; turn < 200 && !condition(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
    if (!condition()) throw new Error("condition never held");
}
