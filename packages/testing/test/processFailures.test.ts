/**
 * The testing kit's child processes when they fail or outlive their parent, with the echo-provider fixture
 * (test/fixtures/echo-provider) installed like harness.test.ts's: a capture program that throws or never
 * finishes, a provider host that is called before configure, exits or hangs before printing its port, or
 * whose parent is killed. A thorough suite (test/thoroughSuites.js): `npm run test:all` and CI run it.
 */
import { spawn } from "child_process";
import { promises as fsp } from "fs";
import * as os from "os";
import * as path from "path";
import { captureResources } from "../src/capture/captureResources";
import { CaptureError, ProviderHostStartError } from "../src/errors";
import { providerHostArgs, startProviderHost } from "../src/host/providerHost";
import { loadProviderSdk } from "../src/host/sdk";
import { ECHO_PROGRAM_DIR, ensureEchoProgram } from "./support/echoProgram";

const ECHO = "pulumi-nodejs:dynamic/echo:Echo";
/** A host that has not been configured refuses a call before it reads the provider: any text will do. */
const UNCONFIGURED_PROVIDER = "exports.handler = () => { throw new Error('never loaded'); };";

const FAILING_PROGRAM = `"use strict";
console.error("about to fail");
throw new Error("the program is broken");
`;

function isProcessAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === "EPERM";
    }
}

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (isProcessAlive(pid)) {
        if (Date.now() > deadline) {
            return false;
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return true;
}

beforeAll(async () => {
    await ensureEchoProgram();
    await fsp.writeFile(path.join(ECHO_PROGRAM_DIR, "failing-program.js"), FAILING_PROGRAM);
});

describe("capture programs that fail", () => {
    test("a failing program is reported with its error and output", async () => {
        const error: unknown = await captureResources({
            programDir: ECHO_PROGRAM_DIR,
            programFile: "failing-program.js",
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(CaptureError);
        expect((error as CaptureError).message).toContain("the program is broken");
        expect((error as CaptureError).output).toContain("about to fail");
    });

    test("a program that never finishes is stopped after the timeout", async () => {
        await fsp.writeFile(
            path.join(ECHO_PROGRAM_DIR, "hanging-program.js"),
            "module.exports = new Promise(() => { setInterval(() => {}, 1000); });\n",
        );
        const started = Date.now();
        await expect(
            captureResources({ programDir: ECHO_PROGRAM_DIR, programFile: "hanging-program.js", timeoutMs: 1500 }),
        ).rejects.toThrow(/did not finish within 1500 ms/);
        expect(Date.now() - started).toBeLessThan(10_000);
    });
});

describe("host process lifetime", () => {
    test("resource calls before configure are refused with the reason; stop() leaves no process", async () => {
        const host = await startProviderHost({ cwd: ECHO_PROGRAM_DIR });
        await expect(host.check(ECHO, "x", {}, { __provider: UNCONFIGURED_PROVIDER, value: "v" })).rejects.toThrow(
            /configure\(\) has not been called/,
        );
        expect(await host.checkConfig({}, {})).toBeUndefined();
        expect(isProcessAlive(host.pid)).toBe(true);
        await host.stop();
        expect(host.isRunning()).toBe(false);
        expect(isProcessAlive(host.pid)).toBe(false);
        await host.stop();
        await expect(host.getPluginInfo()).rejects.toThrow("has been stopped");
    });

    test("the host dies when the process that started it is killed", async () => {
        const sdk = loadProviderSdk(ECHO_PROGRAM_DIR);
        const parentScript = `
            const { spawn } = require("child_process");
            const child = spawn(process.execPath, ${JSON.stringify(providerHostArgs(sdk.hostScript, "127.0.0.1:1"))}, { cwd: ${JSON.stringify(ECHO_PROGRAM_DIR)}, stdio: ["pipe", "pipe", "inherit"] });
            child.stdout.once("data", (port) => console.log(JSON.stringify({ pid: child.pid, port: String(port).trim() })));
            setInterval(() => {}, 1000);
        `;
        const parent = spawn(process.execPath, ["-e", parentScript], { stdio: ["ignore", "pipe", "inherit"] });
        try {
            const line = await new Promise<string>((resolve, reject) => {
                const timer = setTimeout(() => reject(new Error("the parent printed nothing")), 20_000);
                parent.stdout.once("data", (data: Buffer) => {
                    clearTimeout(timer);
                    resolve(String(data));
                });
            });
            const { pid, port } = JSON.parse(line) as { pid: number; port: string };
            expect(port).toMatch(/^\d+$/);
            expect(isProcessAlive(pid)).toBe(true);
            parent.kill("SIGKILL");
            expect(await waitUntilGone(pid, 10_000)).toBe(true);
        } finally {
            parent.kill("SIGKILL");
        }
    });

    test("a host that exits before printing its port is reported with its output", async () => {
        const error: unknown = await startProviderHost({
            cwd: ECHO_PROGRAM_DIR,
            env: { NODE_OPTIONS: "--require ./no-such-preload.js" },
        }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ProviderHostStartError);
        expect((error as ProviderHostStartError).message).toMatch(
            /exited \(code 1, signal null\) before printing its port/,
        );
        expect((error as ProviderHostStartError).output.join("\n")).toContain("no-such-preload.js");
    });

    test("a host that prints no port in time is killed and reported", async () => {
        const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "host-timeout-"));
        try {
            const preload = path.join(dir, "block.js");
            await fsp.writeFile(
                preload,
                "console.error('blocking'); const end = Date.now() + 60000; while (Date.now() < end) {}\n",
            );
            const started = Date.now();
            const error: unknown = await startProviderHost({
                cwd: ECHO_PROGRAM_DIR,
                env: { NODE_OPTIONS: `--require ${preload}` },
                startTimeoutMs: 1000,
                stopTimeoutMs: 500,
            }).catch((e: unknown) => e);
            expect(error).toBeInstanceOf(ProviderHostStartError);
            expect((error as Error).message).toContain("printed no port within 1000 ms");
            expect((error as ProviderHostStartError).output).toContain("blocking");
            expect(Date.now() - started).toBeLessThan(10_000);
        } finally {
            await fsp.rm(dir, { recursive: true, force: true });
        }
    });
});
