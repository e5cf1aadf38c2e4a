/**
 * The testing kit against a tiny fixture provider (test/fixtures/echo-provider), installed into
 * `.e2e/echo-program` with `npm pack` exactly like the real package: proves that captured
 * `__provider` texts and the provider host client behave like the engine. (Processes that fail, hang or
 * outlive their parent: processFailures.test.ts.)
 */
import { createHash } from "crypto";
import { promises as fsp } from "fs";
import * as path from "path";
import { captureProgram, serializedProvider, type CapturedResource } from "../src/capture/captureResources";
import { ProviderCallError } from "../src/errors";
import { startProviderHost, type ProviderHost } from "../src/host/providerHost";
import { loadProviderSdk } from "../src/host/sdk";
import { isSecret, secret } from "../src/host/secrets";
import { NotJsonError } from "../src/host/struct";
import { ECHO_PROGRAM_DIR, SDK_HOME, ensureEchoProgram } from "./support/echoProgram";

const ECHO = "pulumi-nodejs:dynamic/echo:Echo";
const TOKEN = "echo-token-5b1f0c7e";
const HOST_CONFIG = { "echo:prefix": "pre-", "echo:token": secret(TOKEN), "other:unrelated": "x" };

const PROGRAM = `"use strict";
const pulumi = require("@pulumi/pulumi");
const { Echo } = require("echo-provider");
const config = new pulumi.Config("echo");

class Group extends pulumi.ComponentResource {
    constructor(name) {
        super("echo:index:Group", name);
        new Echo(name + "-member", { value: "member" }, { parent: this });
        this.registerOutputs({});
    }
}

new Echo("plain", { value: "hello", replaceKey: "k1" });
new Echo("from-secret-config", { value: config.requireSecret("token") });
new Group("group");
console.log("harness program ran");
`;

/** The serialized provider Pulumi writes for a provider module exported by a package (the same text in 3.248 and 3.276). */
const EXPECTED_PROVIDER_TEXT = `exports.handler = __f0;
const provider = require("echo-provider/lib/provider.js");

function __f0() {
  return (function() {
    with({ this: undefined, arguments: undefined }) {

return () => provider;

    }
  }).apply(undefined, undefined).apply(this, arguments);
}
`;

function sha256(text: string): string {
    return createHash("sha256").update(text).digest("hex");
}

let captured: readonly CapturedResource[];
let programOutput: readonly string[];
let providerText: string;

function resource(name: string): CapturedResource {
    const found = captured.find((r) => r.name === name);
    if (found === undefined) {
        throw new Error(`no captured resource ${name}`);
    }
    return found;
}

beforeAll(async () => {
    await ensureEchoProgram();
    await fsp.writeFile(path.join(ECHO_PROGRAM_DIR, "harness-program.js"), PROGRAM);
    // One capture process for the file's program: its resources and its output (captureResources
    // returns the same resources without the output).
    ({ resources: captured, output: programOutput } = await captureProgram({
        programDir: ECHO_PROGRAM_DIR,
        programFile: "harness-program.js",
        config: { "echo:token": secret(TOKEN) },
        stack: "e2e",
    }));
    providerText = serializedProvider(resource("plain"));
});

describe("the packed fixture program", () => {
    test("re-installing an unchanged package reuses the install", async () => {
        const again = await ensureEchoProgram();
        expect(again.reused).toBe(true);
        expect(again.installDir).toBe(path.join(ECHO_PROGRAM_DIR, "node_modules", "echo-provider"));
    });

    test("the program, the installed package and the host all resolve one @pulumi/pulumi (the repository's, or the runtime combination's)", () => {
        const sdkCopy = path.join(SDK_HOME, "node_modules", "@pulumi", "pulumi");
        expect(loadProviderSdk(ECHO_PROGRAM_DIR).pulumiDir).toBe(sdkCopy);
        const fromPackage = require.resolve("@pulumi/pulumi/package.json", {
            paths: [path.join(ECHO_PROGRAM_DIR, "node_modules", "echo-provider", "lib")],
        });
        expect(path.dirname(fromPackage)).toBe(sdkCopy);
    });
});

describe("captureResources", () => {
    test("serializes a provider module exported by a package as one short require(...)", () => {
        // Printed so the measured size is visible in the test log.
        console.log(`__provider (${Buffer.byteLength(providerText)} bytes):\n${providerText}`);
        expect(providerText).toBe(EXPECTED_PROVIDER_TEXT);
        expect(Buffer.byteLength(providerText)).toBe(269);
        // The same text for every resource of the kind: no per-resource code, no captured state.
        expect(serializedProvider(resource("group-member"))).toBe(providerText);
    });

    test("records type, name, inputs and the URN the SDK computed, parents included", () => {
        // Registration order is the order the SDK's RPCs reached the monitor, not program order.
        const rows = captured
            .map((r) => [r.type, r.name, r.urn])
            .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
        expect(rows).toEqual([
            [ECHO, "from-secret-config", `urn:pulumi:e2e::echo-e2e::${ECHO}::from-secret-config`],
            ["echo:index:Group", "group", "urn:pulumi:e2e::echo-e2e::echo:index:Group::group"],
            [ECHO, "group-member", `urn:pulumi:e2e::echo-e2e::echo:index:Group$${ECHO}::group-member`],
            [ECHO, "plain", `urn:pulumi:e2e::echo-e2e::${ECHO}::plain`],
        ]);
        expect(resource("plain").inputs).toEqual({ __provider: providerText, value: "hello", replaceKey: "k1" });
    });

    test("delivers stack config to the program; a secret config value stays a secret input", () => {
        const value = resource("from-secret-config").inputs["value"];
        expect(isSecret(value)).toBe(true);
        expect(value).toEqual(secret(TOKEN));
    });

    test("returns the program's own output", () => {
        expect(programOutput).toContain("harness program ran");
    });
});

describe("startProviderHost, driven like the engine", () => {
    let host: ProviderHost;

    beforeAll(async () => {
        host = await startProviderHost({ cwd: ECHO_PROGRAM_DIR, config: HOST_CONFIG, stack: "e2e" });
    });
    afterAll(async () => {
        await host.stop();
    });

    test("reports the SDK version, the port and the start-up time", async () => {
        expect(await host.getPluginInfo()).toEqual({ version: host.pulumiVersion });
        expect(host.address).toBe(`127.0.0.1:${host.port}`);
        console.log(`provider host start-up: ${host.startupMs} ms`);
        expect(host.startupMs).toBeGreaterThan(0);
        expect(host.urn(ECHO, "x")).toBe(`urn:pulumi:e2e::echo-e2e::${ECHO}::x`);
    });

    test("configure delivers plain and secret stack config to the provider, and the secret is never printed", async () => {
        const { inputs } = await host.check(ECHO, "configured", {}, { __provider: providerText, value: "v" });
        const { properties } = await host.create(ECHO, "configured", inputs);
        expect(properties).toMatchObject({
            prefix: "pre-",
            echoed: "pre-v",
            tokenSha256: sha256(TOKEN),
            configureCalls: 1,
        });
        await host.waitForOutput("echo-provider: created");
        expect(host.output.join("\n")).not.toContain(TOKEN);
    });

    test("check failures come back with the property names", async () => {
        const result = await host.check(ECHO, "bad", {}, { __provider: providerText, value: "", replaceKey: 7 });
        expect(result.failures).toEqual([
            { property: "value", reason: "value must be a non-empty string" },
            { property: "replaceKey", reason: "replaceKey must be a string" },
        ]);
    });

    test("create, read, diff, update and delete round-trip the state", async () => {
        const name = "round-trip";
        const checked = await host.check(ECHO, name, {}, resource("plain").inputs);
        expect(checked).toEqual({
            inputs: { __provider: providerText, value: "hello", replaceKey: "k1" },
            failures: [],
        });

        const created = await host.create(ECHO, name, checked.inputs);
        expect(created.id).toMatch(/^echo-\d+$/);
        // outs are the WHOLE state, plus the __provider the host adds.
        expect(created.properties).toEqual({
            __provider: providerText,
            value: "hello",
            replaceKey: "k1",
            echoed: "pre-hello",
            prefix: "pre-",
            tokenSha256: sha256(TOKEN),
            configureCalls: 1,
            writes: 1,
        });

        const read = await host.read(ECHO, name, created.id, created.properties, checked.inputs);
        expect(read).toEqual({
            id: created.id,
            properties: created.properties,
            inputs: { __provider: providerText, value: "hello", replaceKey: "k1" },
        });

        const news = (await host.check(ECHO, name, checked.inputs, { ...checked.inputs, value: "bye" })).inputs;
        expect(await host.diff(ECHO, name, created.id, created.properties, news, checked.inputs)).toEqual({
            changes: "some",
            replaces: [],
            stables: [],
            deleteBeforeReplace: false,
        });
        expect(
            await host.diff(ECHO, name, created.id, created.properties, checked.inputs, checked.inputs),
        ).toMatchObject({ changes: "none" });
        expect(
            await host.diff(ECHO, name, created.id, created.properties, { ...checked.inputs, replaceKey: "k2" }),
        ).toEqual({
            changes: "some",
            replaces: ["replaceKey"],
            stables: [],
            deleteBeforeReplace: true,
        });

        const updated = await host.update(ECHO, name, created.id, created.properties, news, checked.inputs);
        expect(updated.properties).toMatchObject({
            value: "bye",
            echoed: "pre-bye",
            writes: 2,
            __provider: providerText,
        });
        expect((await host.read(ECHO, name, created.id, updated.properties)).properties).toEqual(updated.properties);

        await host.delete(ECHO, name, created.id, updated.properties, news);
        expect(await host.read(ECHO, name, created.id, updated.properties)).toEqual({
            id: "",
            properties: { __provider: providerText },
            inputs: undefined,
        });
        await expect(host.waitForOutput(`echo-provider: deleted ${created.id}`)).resolves.toBeDefined();
    });

    test("an error thrown by the provider is a ProviderCallError with its message, and the host stays up", async () => {
        const inputs = { __provider: providerText, value: "v", failWith: "Azure said no (403)" };
        const error: unknown = await host.create(ECHO, "failing", inputs).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ProviderCallError);
        expect(error).toMatchObject({ method: "create", code: 2, codeName: "UNKNOWN", details: "Azure said no (403)" });
        expect(host.isRunning()).toBe(true);
        const next = await host.create(ECHO, "after-failure", { __provider: providerText, value: "still up" });
        expect(next.properties["echoed"]).toBe("pre-still up");
    });

    test("undefined in a provider's outs: the provider acted, but the host cannot encode the result", async () => {
        const since = host.output.length;
        const error: unknown = await host
            .create(ECHO, "undefined-outs", { __provider: providerText, value: "v", returnUndefined: true })
            .catch((e: unknown) => e);
        expect(error).toMatchObject({ method: "create", code: 2, details: "Unexpected struct type." });
        // The object was created all the same: Pulumi would never record it.
        await expect(host.waitForOutput(/^echo-provider: created echo-\d+$/, { since })).resolves.toMatch(
            /created echo-\d+/,
        );
    });

    test("a value JSON cannot carry is rejected before it is sent, naming its path", async () => {
        await expect(host.check(ECHO, "nan", {}, { __provider: providerText, value: Number.NaN })).rejects.toThrow(
            NotJsonError,
        );
        await expect(host.check(ECHO, "nan", {}, { __provider: providerText, value: Number.NaN })).rejects.toThrow(
            "news.value",
        );
    });

    test("waitForOutput waits for a line still to come, and gives up after its timeout", async () => {
        const since = host.output.length;
        const line = host.waitForOutput("echo-provider: created", { since, timeoutMs: 10_000 });
        const { id } = await host.create(ECHO, "logged", { __provider: providerText, value: "v" });
        await expect(line).resolves.toBe(`echo-provider: created ${id}`);
        await expect(host.waitForOutput("never printed", { timeoutMs: 200 })).rejects.toThrow("within 200 ms");
    });

    test("every stdout line after the port and every stderr line is kept in order, tagged with its stream", async () => {
        await host.check(ECHO, "throws", {}, { __provider: 42 }).catch(() => undefined);
        await host.waitForOutput("code must be a string");
        expect(host.outputLines.find((l) => l.text.includes("code must be a string"))?.stream).toBe("stderr");
        expect(
            host.outputLines.filter((l) => l.stream === "stdout").every((l) => l.text.startsWith("echo-provider: ")),
        ).toBe(true);
        expect(host.output).toEqual(host.outputLines.map((l) => l.text));
    });
});
