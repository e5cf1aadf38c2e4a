/**
 * The runner through its real path: the program in the runner's child process under the runner's
 * resource monitor, the echo-provider fixture in @pulumi/pulumi's dynamic-provider host over gRPC,
 * the state in a file. Each test is a few runs of one stack, as a user would make them.
 */
import { expect } from "@jest/globals";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { deleteProtectedMessage } from "../src/runner/deletePhase";
import { runProgram } from "../src/runner/runProgram";
import type { RunCommand } from "../src/runner/runRequest";
import { ECHO_PROGRAM_DIR, ensureEchoProgram } from "./support/echoProgram";
import { echoStack, type EchoStack } from "./support/runnerStack";

const ECHO = "pulumi-nodejs:dynamic/echo:Echo";
const urn = (name: string, type = ECHO) => `urn:pulumi:dev::echo-e2e::${type}::${name}`;
const SECRET = "s3cr3t-6c1f2b";

const HEAD = `"use strict";
const pulumi = require("@pulumi/pulumi");
const { Echo } = require("echo-provider");
const config = new pulumi.Config();
const version = config.getNumber("version") || 1;
class Policy extends pulumi.ComponentResource {
    constructor(name, opts) {
        super("echo:index:Policy", name, {}, opts);
        new Echo(name + "-member", { value: "member" }, { parent: this });
        this.registerOutputs({});
    }
}
`;

let stacks: EchoStack[] = [];
const stackFor = (name: string, body: string): EchoStack => {
    const stack = echoStack(name, HEAD + body);
    stacks.push(stack);
    return stack;
};

beforeAll(async () => {
    await ensureEchoProgram();
});
afterEach(() => {
    for (const stack of stacks) stack.remove();
    stacks = [];
});

test("resource options come through the SDK and act as the engine's: protect, retainOnDelete, aliases, ignoreChanges, dependsOn, parents", async () => {
    const stack = stackFor(
        "runner-options",
        `if (version === 1) {
    const keep = new Echo("keep", { value: "keep" }, { protect: true });
    new Echo("retained", { value: "retained" }, { retainOnDelete: true });
    new Echo("old-name", { value: "renamed" });
    new Echo("ignored", { value: "first" });
    new Policy("policy");
    new Echo("dependent", { value: "dependent" }, { dependsOn: [keep] });
    exports.keepEchoed = keep.echoed;
    exports.token = config.requireSecret("token");
} else {
    new Echo("new-name", { value: "renamed" }, { aliases: [{ name: "old-name" }] });
    new Echo("ignored", { value: "second" }, { ignoreChanges: ["value"] });
    new Policy("platform", { aliases: [{ name: "policy" }] });
}
`,
    );
    const config = (version: number) => ({
        config: { version: String(version), token: SECRET },
        secretConfigKeys: ["token"],
    });
    const tmpBefore = new Set(fs.readdirSync(os.tmpdir()));

    const first = await runProgram("up", stack.options(config(1)));
    expect(first.errors).toEqual([]);
    expect(first.summary).toEqual({ same: 0, create: 8, update: 0, replace: 0, delete: 0 });
    expect(first.output.join("\n")).toContain('Outputs:\n    keepEchoed: "keep"\n    token: [secret]');
    expect(first.outputs).toEqual({ keepEchoed: "keep", token: "[secret]" });
    const resources = stack.state().deployment.resources ?? [];
    expect(resources.find((r) => r["urn"] === urn("keep"))).toMatchObject({ protect: true });
    expect(resources.find((r) => r["urn"] === urn("retained"))).toMatchObject({ retainOnDelete: true });
    expect(resources.find((r) => r["urn"] === urn("dependent"))?.["dependencies"]).toEqual([urn("keep")]);
    expect(resources.find((r) => r["urn"] === urn("policy-member", `echo:index:Policy$${ECHO}`))).toMatchObject({
        parent: urn("policy", "echo:index:Policy"),
    });
    // The secret reached the program (it is an output) but nothing written: not the state, not a file the runner left.
    expect(fs.readFileSync(stack.stateFile, "utf8")).not.toContain(SECRET);
    const newTmp = fs
        .readdirSync(os.tmpdir())
        .filter((entry) => !tmpBefore.has(entry) && entry.startsWith("pim-runner"));
    expect(newTmp).toEqual([]);
    expect(first.output.join("\n")).not.toContain(SECRET);

    const calls = stack.calls().length;
    const second = await runProgram("up", stack.options(config(2)));
    // Dropping the protected resource is refused: the run fails with the engine's message...
    expect(second.exitCode).toBe(1);
    expect(second.errors).toEqual([deleteProtectedMessage(urn("keep"))]);
    expect((stack.state().deployment.resources ?? []).map((r) => r["urn"])).toContain(urn("keep"));
    // ...after the rest went as the engine does it: renamed, re-parented, ignored: nothing written; the
    // retained one left the state with no call; only the dependent was deleted (before what it depends on).
    expect(stack.calls().slice(calls)).toEqual(["delete dependent"]);
    expect(
        second.steps
            .filter((s) => s.op !== "same")
            .map((s) => `${s.op} ${s.name}${s.retained ? " [retain]" : ""}${s.error ? " (failed)" : ""}`)
            .sort(),
    ).toEqual(["delete dependent", "delete keep (failed)", "delete retained [retain]"]);
    expect(second.output.join("\n")).toContain(`- ${ECHO}: (delete)[retain]`);
    const renamed = (stack.state().deployment.resources ?? []).find((r) => r["urn"] === urn("new-name"));
    expect(renamed).toMatchObject({ aliases: [urn("old-name")] });
    expect(renamed?.["id"]).toBe(resources.find((r) => r["urn"] === urn("old-name"))?.["id"]);
}, 240_000);

test("an option the runner does not implement is refused by name; an unknown command or option before anything runs", async () => {
    const stack = stackFor(
        "runner-refusals",
        `new Echo("timed", { value: "v" }, { customTimeouts: { create: "1m" }, additionalSecretOutputs: ["echoed"] });\n`,
    );
    await expect(runProgram("bogus" as RunCommand, stack.options())).rejects.toThrow(
        'unknown command "bogus"; the runner runs up, preview, refresh, destroy',
    );
    await expect(runProgram("up", { ...stack.options(), previewOnly: true } as never)).rejects.toThrow(
        "unknown option previewOnly",
    );
    await expect(runProgram("up", stack.options({ json: true }))).rejects.toThrow("json is an option of preview");
    expect(fs.existsSync(stack.stateFile)).toBe(false);

    const result = await runProgram("up", stack.options());
    expect(result.exitCode).toBe(1);
    expect(result.errors[0]).toBe(
        `${ECHO} resource 'timed': the offline runner does not implement the resource options additionalSecretOutputs, customTimeouts ` +
            "(it implements protect, retainOnDelete, aliases, ignoreChanges, deleteBeforeReplace, dependsOn, parent, replaceOnChanges)",
    );
    expect(stack.calls()).toEqual([]);
}, 120_000);

test("a provider host that dies mid-create fails the run with what happened, not silently", async () => {
    const stack = stackFor("runner-dead-host", `new Echo("doomed", { value: "v", exitWith: 3 });\n`);
    const result = await runProgram("up", stack.options());
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
        expect.stringMatching(
            /^the provider host exited while creating the resource; its last output:\n.*echo-provider: exiting with 3 while creating$/s,
        ),
    ]);
    expect(result.output.join("\n")).toContain("error: update failed");
    expect(result.output.join("\n")).not.toMatch(/UNAVAILABLE|gRPC/);
}, 120_000);

test("a provider's message is printed as data: its bidi override and C1 CSI arrive escaped, inside the runner's colour", async () => {
    // U+202E reverses what follows on screen; U+009B is a CSI on its own (2J: clear the screen).
    const stack = stackFor(
        "runner-hostile",
        `new Echo("hostile", { value: "v", failWith: "denied \\u202eevil\\u009b2J" });\n`,
    );
    const printed: string[] = [];
    const result = await runProgram("up", stack.options({ color: true, onOutput: (line) => printed.push(line) }));
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([expect.stringContaining("denied \u202eevil\u009b2J")]);
    // The input's diff, the step's error and the diagnostic: escaped, then painted.
    const shown = "denied \\u202eevil\\u009b2J";
    expect(printed.filter((line) => line.includes(shown))).toEqual([
        `\u001b[32m      + failWith: "${shown}"\u001b[39m`,
        `\u001b[31m      error: ${shown}\u001b[39m`,
        `\u001b[31m    error: ${shown}\u001b[39m`,
    ]);
    expect(printed.join("\n")).not.toMatch(/[\u202e\u009b]/);
}, 120_000);

test("a killed runner leaves its operation in flight recorded; the next run reports it; refresh --clear-pending-creates drops it", async () => {
    const stack = stackFor("runner-killed", `new Echo("slow", { value: "v", delayMs: version === 1 ? 60000 : 0 });\n`);
    const abort = new AbortController();
    const running = runProgram("up", stack.options({ config: { version: "1" }, signal: abort.signal }));
    await waitForFile(stack.stateFile, (text) => text.includes('"pending_operations"'));
    abort.abort();
    await expect(running).rejects.toThrow("runner up was aborted (killed; its state records what was in flight)");
    expect(stack.state().deployment.pending_operations).toEqual([
        { resource: expect.objectContaining({ urn: urn("slow") }), type: "creating" },
    ]);

    // The next run reports it; a refresh clears a pending create only when asked to (it needs a person).
    const cleared = await runProgram("refresh", stack.options({ clearPendingCreates: true }));
    expect(cleared.exitCode).toBe(0);
    expect(cleared.pendingOperations.map((op) => `${op.type} ${op.resource.urn}`)).toEqual([`creating ${urn("slow")}`]);
    expect(cleared.output.join("\n")).toContain(
        `warning: Attempting to deploy or update resources with 1 pending operations from previous deployment.\n      * ${urn("slow")}, interrupted while creating`,
    );
    expect(stack.state().deployment.pending_operations).toBeUndefined();
}, 240_000);

test("pim-alerts-run preview --json prints the document of pulumi preview --json, with and without --refresh", async () => {
    const stack = stackFor(
        "runner-json",
        `new Echo("watched", { value: version === 1 ? "one" : "two" });\nexports.done = true;\n`,
    );
    expect((await runProgram("up", stack.options({ config: { version: "1" } }))).exitCode).toBe(0);
    stack.drift("one", "portal");

    const plain = await runCli(stack, ["preview", "--json", "-c", "version=2"]);
    expect(plain.code).toBe(0);
    const document = JSON.parse(plain.stdout) as Record<string, unknown>;
    expect(Object.keys(document)).toEqual(["config", "steps", "duration", "changeSummary"]);
    expect(document["config"]).toEqual({
        "echo-e2e:version": "2",
        "pim-alerts:armEndpoint": "http://127.0.0.1:9",
        "pim-alerts:graphEndpoint": "http://127.0.0.1:9/beta",
    });
    expect(document["changeSummary"]).toEqual({ same: 1, update: 1 });
    expect(document["duration"]).toEqual(expect.any(Number));
    const steps = document["steps"] as Array<Record<string, string>>;
    expect(steps.map((s) => `${s["op"]} ${s["urn"]}`)).toEqual([
        `same ${urn("echo-e2e-dev", "pulumi:pulumi:Stack")}`,
        `update ${urn("watched")}`,
    ]);
    const update = steps[1] ?? {};
    expect(Object.keys(update)).toEqual(["op", "urn", "provider", "oldState", "newState", "detailedDiff"]);
    expect(update["detailedDiff"]).toBeNull();
    expect(update["provider"]).toMatch(
        /^urn:pulumi:dev::echo-e2e::pulumi:providers:pulumi-nodejs::default::[0-9a-f-]{36}$/,
    );
    expect(update["oldState"]).toMatchObject({
        urn: urn("watched"),
        custom: true,
        type: ECHO,
        inputs: { value: "one" },
        outputs: { echoed: "one" },
    });
    expect(update["newState"]).toMatchObject({
        urn: urn("watched"),
        inputs: { value: "two" },
        outputs: { value: "two" },
    });

    const refreshed = await runCli(stack, ["preview", "--json", "--refresh", "--expect-no-changes"]);
    expect(refreshed.code).toBe(7);
    const drift = JSON.parse(refreshed.stdout) as {
        steps: Array<Record<string, unknown>>;
        diagnostics?: unknown;
    };
    const watched = drift.steps.filter((s) => s["urn"] === urn("watched"));
    expect(watched.map((s) => s["op"])).toEqual(["refresh", "update"]);
    // As the engine shows it (before the read), the refresh step holds the state before on both sides;
    // what was read is where the update starts, from live to declared.
    expect(watched[0]).toMatchObject({
        oldState: { inputs: { value: "one" } },
        newState: { inputs: { value: "one" } },
    });
    expect(watched[1]).toMatchObject({
        oldState: { inputs: { value: "portal" } },
        newState: { inputs: { value: "one" } },
    });
    // --expect-no-changes fails the command, as the CLI's error after the document, not in it.
    expect(drift.diagnostics).toBeUndefined();
    expect(refreshed.stderr).toContain("no changes were expected for preview but changes were proposed");

    // destroy deletes what the state holds and leaves an empty stack.
    const destroyed = await runProgram("destroy", stack.options());
    expect(destroyed.exitCode).toBe(0);
    expect(destroyed.summary).toMatchObject({ delete: 2 });
    // The previews wrote nothing: the provider deletes what the state recorded.
    expect(stack.calls()).toEqual(["create one", "delete one"]);
    expect(stack.state().deployment.resources).toBeUndefined();
}, 240_000);

/** Runs the `pim-alerts-run` command (compiled) as a child process against `stack`. */
function runCli(stack: EchoStack, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const cli = path.resolve(__dirname, "../dist/runner/cli.js");
    const options = stack.options();
    const argv = [
        cli,
        ...args,
        "--state",
        stack.stateFile,
        "--program",
        String(options.programFile),
        "--emulator",
        "http://127.0.0.1:9",
        ECHO_PROGRAM_DIR,
    ];
    const child = spawn(process.execPath, argv, {
        env: { ...process.env, ...options.env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            child.kill("SIGKILL");
            reject(new Error(`pim-alerts-run did not finish: ${stderr}`));
        }, 60_000);
        child.on("close", (code) => {
            clearTimeout(timer);
            resolve({ code, stdout, stderr });
        });
    });
}

/** Resolves once `file` exists and its text satisfies `ready` (watching its directory; bounded). */
function waitForFile(file: string, ready: (text: string) => boolean, timeoutMs = 30_000): Promise<void> {
    const satisfied = (): boolean => fs.existsSync(file) && ready(fs.readFileSync(file, "utf8"));
    return new Promise((resolve, reject) => {
        const watcher = fs.watch(path.dirname(file), () => {
            if (satisfied()) finish();
        });
        const timer = setTimeout(() => finish(new Error(`${file} never became ready`)), timeoutMs);
        const finish = (error?: Error): void => {
            clearTimeout(timer);
            watcher.close();
            if (error) reject(error);
            else resolve();
        };
        if (satisfied()) finish();
    });
}
