import { expect } from "@jest/globals";
// `pim-alerts-emulator` as a user runs it: `node dist/cli.js` in a child process (built by `npm run build`).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { startEmulator } from "pulumi-pim-alerts-emulator";

const CLI = path.join(__dirname, "..", "dist", "cli.js");
const VERSION = (JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string })
    .version;

/** Starts the CLI and resolves with what it printed once its environment block is complete. */
function startCli(args: string[]): Promise<{ child: ChildProcess; output: string }> {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    return new Promise((resolve, reject) => {
        let output = "";
        const timer = setTimeout(() => reject(new Error(`no start within 20 s; printed: ${output}`)), 20_000);
        child.stdout?.on("data", (chunk: Buffer) => {
            output += chunk.toString("utf8");
            if (
                output.includes("AZURE_TOKEN_CREDENTIALS") &&
                (!args.includes("--https") || output.includes("NODE_EXTRA_CA_CERTS"))
            ) {
                clearTimeout(timer);
                resolve({ child, output });
            }
        });
        child.on("exit", (code) => reject(new Error(`exited ${String(code)}: ${output}`)));
    });
}

function stopCli(child: ChildProcess): Promise<number | null> {
    return new Promise((resolve) => {
        child.removeAllListeners("exit");
        child.on("exit", (code) => resolve(code));
        child.kill("SIGTERM");
    });
}

/** The `export NAME='value'` lines, as a shell would read them. */
function exported(output: string): Record<string, string> {
    return Object.fromEntries(
        [...output.matchAll(/^ {2}export ([A-Z_]+)='([^']*)'$/gm)].map((match) => [match[1], match[2]]),
    );
}

beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
});

describe("pim-alerts-emulator", () => {
    test("prints the product's endpoint variables with the identity ones, each usable as printed", async () => {
        const { child, output } = await startCli([
            "--port",
            "0",
            "--tenant-id",
            "11111111-1111-4111-8111-111111111111",
        ]);
        try {
            const env = exported(output);
            const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? "";
            expect(env).toEqual({
                PIM_ALERTS_ARM_ENDPOINT: url,
                PIM_ALERTS_GRAPH_ENDPOINT: `${url}/beta`,
                PIM_ALERTS_TENANT_ID: "11111111-1111-4111-8111-111111111111",
                IDENTITY_ENDPOINT: `${url}/_emulator/msi/token`,
                IDENTITY_HEADER: expect.stringMatching(/^[0-9a-f]{32}$/),
                AZURE_TOKEN_CREDENTIALS: "ManagedIdentityCredential",
            });
            const token = await fetch(
                `${env["IDENTITY_ENDPOINT"]}?resource=https://management.azure.com&api-version=2019-08-01`,
                {
                    headers: { "x-identity-header": env["IDENTITY_HEADER"] ?? "" },
                },
            );
            expect(token.status).toBe(200);
            expect((await fetch(`${url}/_emulator/`)).status).toBe(200);
        } finally {
            expect(await stopCli(child)).toBe(0);
        }
    });

    test("--https serves TLS and prints the certificate and NODE_EXTRA_CA_CERTS that trusts it", async () => {
        const { child, output } = await startCli(["--https"]);
        try {
            const env = exported(output);
            const certFile = /^Certificate: (\S+)/m.exec(output)?.[1] ?? "";
            expect(env["PIM_ALERTS_ARM_ENDPOINT"]).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
            expect(env["NODE_EXTRA_CA_CERTS"]).toBe(certFile);
            expect(readFileSync(certFile, "utf8")).toContain("BEGIN CERTIFICATE");
            // A new Node process that sources the printed environment trusts the emulator.
            const probe = spawnSync(
                process.execPath,
                [
                    "-e",
                    `fetch(${JSON.stringify(`${env["PIM_ALERTS_ARM_ENDPOINT"]}/_emulator/health`)}).then((r) => process.exit(r.status === 200 ? 0 : 3), () => process.exit(4))`,
                ],
                {
                    env: { ...process.env, ...env },
                    timeout: 20_000,
                },
            );
            expect(probe.status).toBe(0);
        } finally {
            await stopCli(child);
        }
    });

    test("--version prints the package version; --help the usage", () => {
        expect(spawnSync(process.execPath, [CLI, "--version"], { encoding: "utf8" }).stdout).toBe(`${VERSION}\n`);
        expect(spawnSync(process.execPath, [CLI, "--help"], { encoding: "utf8" }).stdout).toContain("--https");
    });

    test("a busy port is one clear line and exit 1, not a stack trace", async () => {
        const holder = await startEmulator();
        try {
            const result = spawnSync(process.execPath, [CLI, "--port", String(holder.port)], {
                encoding: "utf8",
                timeout: 20_000,
            });
            expect(result.status).toBe(1);
            expect(result.stderr).toBe(
                `pim-alerts-emulator: port ${holder.port} on 127.0.0.1 is already in use: choose another with --port, or --port 0 for a free one.\n`,
            );
            expect(result.stdout).toBe("");
        } finally {
            await holder.stop();
        }
    });

    test.each([
        [["--port", "x"], "--port needs a whole number, got 'x'."],
        [["--verbose"], "Unknown argument '--verbose'."],
        [["--tenant-id"], "--tenant-id needs a value."],
    ])("%j is refused with exit 2 naming the flag", (args, message) => {
        const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8" });
        expect(result.status).toBe(2);
        expect(result.stderr).toContain(`pim-alerts-emulator: ${message}`);
    });
});
