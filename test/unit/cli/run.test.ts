// pim-alerts run in-process with fake terminals, against the emulator over HTTP.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";
import { emulatorEnvironment } from "../functions/support";
import { runInProcess } from "./inProcessCli";
import {
    expectDurationRefused,
    expectGraphIdRefused,
    expectScopeRefused,
    HOSTILE_TEXT,
    type CliRun,
} from "../../support/cliChecks";

const SUB = "/subscriptions/11111111-1111-1111-1111-111111111111";
const OTHER = "/subscriptions/22222222-2222-2222-2222-222222222222";
const ESC = "\u001b[";

let emulator: Emulator;
let dir: string;
const savedEnv: Record<string, string | undefined> = {};
beforeAll(async () => {
    emulator = await startEmulator({ retryAfterSeconds: 0 });
    // @azure/identity reads its token source from process.env (main.ts passes process.env as io.env).
    for (const [key, value] of Object.entries(emulator.admin.tokenEnvironment())) {
        savedEnv[key] = process.env[key];
        process.env[key] = value;
    }
});
beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "pim-cli-"));
});
afterEach(() => {
    emulator.reset();
    fs.rmSync(dir, { recursive: true, force: true });
});
afterAll(async () => {
    for (const [key, value] of Object.entries(savedEnv)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
    }
    await emulator.stop();
});

function run(argv: string[], options: { tty?: boolean; env?: Record<string, string> } = {}): Promise<CliRun> {
    const tty = options.tty === true;
    return runInProcess(argv, { env: { ...emulatorEnvironment(emulator), ...options.env }, cwd: dir, tty });
}

describe("help, version and usage errors", () => {
    test.each([
        [["--help"], "pim-alerts export --scope"],
        [["help"], "Exit codes:"],
        [["help", "export"], "pim-alerts export: adopt today's PIM alert policy as code"],
        [["export", "--help"], "--append"],
        [["status", "-h"], "pim-alerts status: the PIM alerts of scopes"],
        [["status", "--help"], "pim-alerts status: the PIM alerts of scopes"],
        [["status", "--scop", "--help"], "--json"],
    ])("%j prints help on stdout, exit 0", async (argv, text) => {
        const r = await run(argv);
        expect(r).toMatchObject({ code: 0, stderr: "" });
        expect(r.stdout).toContain(text);
    });

    test("--version prints the package version", async () => {
        const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../../package.json"), "utf8")) as {
            version: string;
        };
        expect(await run(["--version"])).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: "" });
    });

    test.each([
        [[], "Usage:"],
        [
            ["stats"],
            "pim-alerts: unknown command \"stats\"; commands: export, status, review\nRun 'pim-alerts --help' for usage.\n",
        ],
        [
            ["status"],
            "pim-alerts: give at least one --scope <ARM scope> or --directory\nRun 'pim-alerts status --help' for usage.\n",
        ],
        [["export", "--scope", "sub1"], '--scope: scope "sub1" is neither "directory" nor an ARM scope'],
        [["status", "--directory", "--verbose"], "pim-alerts: Unknown option '--verbose'"],
        [
            ["status", "--directory", "--bogus"],
            "pim-alerts: Unknown option '--bogus'\nRun 'pim-alerts status --help' for usage.\n",
        ],
        [
            ["export"],
            "pim-alerts: give at least one --scope <ARM scope> or --directory\nRun 'pim-alerts export --help' for usage.\n",
        ],
    ])("%j is a usage error: exit 2, message on stderr, no request", async (argv, text) => {
        const r = await run(argv);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe("");
        expect(r.stderr).toContain(text);
        expect(emulator.admin.requests()).toEqual([]);
    });

    test("an invalid setting in the environment is a failure (exit 1) naming it", async () => {
        const r = await run(["status", "--directory"], { env: { PIM_ALERTS_CLOUD: "Mars" } });
        expect(r).toEqual({
            code: 1,
            stdout: "",
            stderr: 'pim-alerts status: pim-alerts:cloud is "Mars"; allowed: AzureCloud, AzureChinaCloud, AzureUSGovernment\n',
        });
    });
});

// Every kind of hostile text, in-process; the built CLI runs one kind of each in test/e2e/cli.test.ts.
describe("API text and arguments are data: export never turns them into code or terminal control", () => {
    test.each(HOSTILE_TEXT)(
        "a duration holding %s: export refuses it by name and writes nothing",
        async (_what, text) => {
            emulator.admin.graph.setConfiguration("StaleSignInAlert", { duration: `P30D${text}` });
            const r = await run(["export", "--scope", SUB, "--directory"]);
            expectDurationRefused(r);
        },
    );

    // Each goes where a tenant id goes in Graph's ids (DirectoryRole_<tenant>_<alert>): an emulator of its own.
    test.each(HOSTILE_TEXT)(
        "a Graph id holding %s: export refuses it by name and writes nothing",
        async (_what, tenantId) => {
            const hostile = await startEmulator({ retryAfterSeconds: 0, tenantId });
            try {
                // (The token still comes from the file's emulator, whose endpoint is in process.env: any
                // emulator takes it.)
                const r = await run(["export", "--directory", "--out", "policy.ts"], {
                    env: emulatorEnvironment(hostile),
                });
                expectGraphIdRefused(r, dir);
            } finally {
                await hostile.stop();
            }
        },
    );

    test.each(HOSTILE_TEXT)("a --scope holding %s is a usage error before any request", async (_what, text) => {
        // (A NUL cannot be passed in argv at all.)
        const r = await run(["export", "--scope", `${SUB}/resourceGroups/${text.replace(/\u0000/g, "")}`]);
        expectScopeRefused(r);
        expect(emulator.admin.requests().filter((q) => q.api !== "token")).toEqual([]);
    });
});

describe("status", () => {
    test("on a terminal: coloured table on stdout, progress on stderr, cleared at the end", async () => {
        const r = await run(["status", "--scope", SUB, "--scope", OTHER, "--directory"], { tty: true });
        expect(r.code).toBe(0);
        expect(r.stdout).toContain(`${ESC}31mHigh${ESC}39m`);
        expect(r.stderr).toMatch(/\[0\/3\] reading \/subscriptions\/1111/);
        expect(r.stderr).toContain("[3/3] done");
        expect(r.stderr.endsWith("\r\u001b[2K")).toBe(true);
    });

    test("NO_COLOR on a terminal: plain table", async () => {
        const r = await run(["status", "--scope", SUB], { tty: true, env: { NO_COLOR: "1" } });
        expect(r.stdout).not.toContain(ESC);
        expect(r.stdout.split("\n")[0]).toBe(
            "SCOPE                                                ALERT                                     SEVERITY  ACTIVE  INCIDENTS  LAST SCAN",
        );
    });

    test("piped: plain table, nothing on stderr", async () => {
        emulator.admin.setAlertActive(SUB, "DuplicateRoleCreated", false);
        const r = await run(["status", "--scope", SUB]);
        expect(r.stderr).toBe("");
        expect(r.stdout).not.toContain(ESC);
        expect(r.stdout).toMatch(
            new RegExp(`${SUB}\\s+DuplicateRoleCreated\\s+Medium\\s+no\\s+1\\s+2022-04-06 18:25 UTC\\n`),
        );
        expect(r.stdout.endsWith("3 of 4 alerts active, 5 incidents, 1 scope\n")).toBe(true);
    });

    test("a scope that fails is reported and makes the exit code 1; the others are shown", async () => {
        emulator.admin.injectFault({ pathIncludes: OTHER.slice(1), status: 403, times: 10 });
        const r = await run(["status", "--scope", SUB, "--scope", OTHER]);
        expect(r.code).toBe(1);
        expect(r.stdout).toContain(`${SUB}  `);
        expect(r.stdout).not.toContain(OTHER);
        expect(r.stderr).toMatch(new RegExp(`^pim-alerts status: reading ${OTHER}: GET .* failed with 403`));
    });

    test("--json with a failed scope: both in the document, exit 1", async () => {
        emulator.admin.injectFault({
            pathIncludes: `${SUB.slice(1)}/providers`,
            method: "GET",
            status: 403,
            times: 10,
        });
        const r = await run(["status", "--scope", SUB, "--directory", "--json"]);
        expect(r.code).toBe(1);
        const document = JSON.parse(r.stdout) as {
            scopes: Array<{ scope: string; alerts?: unknown[]; error?: string }>;
        };
        expect(document.scopes.map((s) => [s.scope, s.alerts?.length, s.error === undefined])).toEqual([
            [SUB, undefined, false],
            ["directory", 7, true],
        ]);
    });
});

describe("export to a file", () => {
    test("refuses to overwrite without --append or --force (exit 2, file unchanged)", async () => {
        fs.writeFileSync(path.join(dir, "policy.ts"), "// mine\n");
        const r = await run(["export", "--directory", "--out", "policy.ts"]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain("policy.ts exists; pass --append to add to it or --force to overwrite it");
        expect(fs.readFileSync(path.join(dir, "policy.ts"), "utf8")).toBe("// mine\n");
    });

    test("--append adds the new scopes, skips what the file declares; --force starts over", async () => {
        const file = path.join(dir, "policy.ts");
        expect((await run(["export", "--scope", SUB, "--out", "policy.ts"])).code).toBe(0);
        const first = fs.readFileSync(file, "utf8");

        const appended = await run(["export", "--scope", SUB, "--directory", "--out", "policy.ts", "--append"]);
        expect(appended.code).toBe(0);
        expect(appended.stderr).toContain(
            "skipped sub-11111111-duplicate-role-created: the program already declares it",
        );
        expect(appended.stderr).toContain("declared 7 resources of 2 scopes in policy.ts");
        const text = fs.readFileSync(file, "utf8");
        expect(text.startsWith(first)).toBe(true);
        expect(text.match(/import \* as pim/g)).toHaveLength(1);
        expect(text.match(/new pim\./g)).toHaveLength(11);

        expect((await run(["export", "--directory", "--out", "policy.ts", "--force"])).code).toBe(0);
        expect(fs.readFileSync(file, "utf8").match(/new pim\./g)).toHaveLength(7);
    });

    test("a scope that cannot be read: nothing written, exit 1", async () => {
        emulator.admin.injectFault({ pathIncludes: "alertConfigurations", status: 404, times: 10 });
        const r = await run(["export", "--scope", SUB, "--out", "policy.ts"]);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain("nothing written: 1 of 1 scopes failed");
        expect(fs.existsSync(path.join(dir, "policy.ts"))).toBe(false);
    });
});
