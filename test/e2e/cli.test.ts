/**
 * `pim-alerts` as a pipeline runs it: `node dist/cli/main.js` in a child process (built by
 * `npm run build`), its environment pointing at the emulator. The exported program is type-checked
 * with tsc and run through the provider: adopting it changes nothing, and a preview right after
 * proposes no changes.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";
import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";
import { runProgram, type RunProgramOptions } from "pulumi-pim-alerts-testing";
import { emulatorEnvironment } from "../unit/functions/support";
import { ensurePackedProgram, PROGRAM_DIR, REPO_ROOT } from "../support/packedPackage";

const CLI = path.join(REPO_ROOT, "dist", "cli", "main.js");
const SUB = "/subscriptions/11111111-1111-1111-1111-111111111111";
const GROUP = `${SUB}/resourceGroups/rg-app`;
const MG = "/providers/Microsoft.Management/managementGroups/platform";

let emulator: Emulator;
let work: string;
beforeAll(async () => {
    if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first (npm test does)`);
    emulator = await startEmulator({ retryAfterSeconds: 0 });
});
beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "pim-cli-e2e-"));
});
afterEach(() => {
    emulator.reset();
    fs.rmSync(work, { recursive: true, force: true });
});
afterAll(async () => {
    await emulator.stop();
});

interface CliRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/** Runs the built CLI in a child process (asynchronously: the emulator lives in this process). */
function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
    const childEnv: Record<string, string | undefined> = { ...process.env, ...emulatorEnvironment(emulator), ...env };
    delete childEnv["NO_COLOR"];
    return new Promise((resolve) => {
        execFile(process.execPath, [CLI, ...args], { cwd: work, env: childEnv, encoding: "utf8", timeout: 60_000 }, (error, stdout, stderr) => {
            const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
            resolve({ code, stdout, stderr });
        });
    });
}

describe("exit codes and output a pipeline can use", () => {
    test.each([
        [["--help"], 0],
        [["export", "--help"], 0],
        [["status", "--help"], 0],
        [["status", "--directory", "--bogus"], 2],
        [["export"], 2],
        [["frobnicate"], 2],
    ])("%j exits %i", async (args, code) => {
        const r = await cli(args);
        expect(r.code).toBe(code);
        if (code === 0) expect(r.stdout).toContain("Usage:");
        else expect(r.stderr).toContain("--help' for usage.");
    });

    test("status --json follows paging over every scope (one item per page)", async () => {
        emulator.admin.setPageSize(1);
        emulator.admin.graph.setAlertActive("StaleSignInAlert", false);
        const r = await cli(["status", "--scope", SUB, "--scope", MG, "--directory", "--json"]);
        expect(r).toMatchObject({ code: 0, stderr: "" });
        const document = JSON.parse(r.stdout) as { scopes: Array<{ scope: string; alerts: Array<{ alertId: string; isActive: boolean; severity: string }> }> };
        expect(document.scopes.map((s) => [s.scope, s.alerts.length])).toEqual([
            [SUB, 4],
            [MG, 4],
            ["directory", 7],
        ]);
        expect(document.scopes[2]?.alerts.find((a) => a.alertId === "StaleSignInAlert")).toMatchObject({ isActive: false, severity: "Medium" });
    });

    test("status piped: a plain table (no colour codes, no progress)", async () => {
        const r = await cli(["status", "--scope", SUB]);
        expect(r).toMatchObject({ code: 0, stderr: "" });
        expect(r.stdout).not.toContain("\u001b[");
        expect(r.stdout.split("\n")[0]).toMatch(/^SCOPE\s+ALERT\s+SEVERITY\s+ACTIVE\s+INCIDENTS\s+LAST SCAN$/);
    });

    test("a failing API is exit code 1 with the service's error", async () => {
        emulator.admin.injectFault({ pathIncludes: "identityGovernance", status: 403, times: 20 });
        const r = await cli(["status", "--directory"]);
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(/^pim-alerts status: reading directory: GET .* failed with 403 .*RoleManagementAlert\.ReadWrite\.Directory/);
    });
});

describe("export adopts today's policy as code", () => {
    test("stdout and --out give the same program", async () => {
        const toStdout = await cli(["export", "--scope", SUB, "--directory"]);
        const toFile = await cli(["export", "--scope", SUB, "--directory", "--out", "policy.ts"]);
        expect(toStdout.code).toBe(0);
        expect(toFile.code).toBe(0);
        expect(fs.readFileSync(path.join(work, "policy.ts"), "utf8")).toBe(toStdout.stdout);
        expect(toFile.stderr).toBe("pim-alerts export: declared 11 configurations of 2 scopes in policy.ts\n");
    });

    test("the program compiles with tsc, and running it through the provider changes nothing", async () => {
        // Today's policy differs from the seed, so the export must carry the live values.
        emulator.admin.setConfiguration(SUB, "TooManyOwnersAssignedToResource", { thresholdNumberOfOwners: 5 });
        emulator.admin.setConfiguration(GROUP, "AzureRolesAssignedOutsidePimAlert", { isEnabled: false });
        emulator.admin.graph.setConfiguration("StaleSignInAlert", { duration: "P45D" });
        emulator.admin.graph.setConfiguration("TooManyGlobalAdminsAssignedToTenantAlert", { isEnabled: false, globalAdminCountThreshold: 6 });
        const scopes = [SUB, GROUP, MG];
        const before = liveConfigurations(scopes);

        const exported = await cli(["export", ...scopes.flatMap((s) => ["--scope", s]), "--directory", "--out", "index.ts"]);
        expect(exported.code).toBe(0);
        const file = path.join(work, "index.ts");
        const program = fs.readFileSync(file, "utf8");
        expect(program.match(/new pim\.AlertConfiguration\(/g)).toHaveLength(12);
        expect(program.match(/new pim\.DirectoryAlertConfiguration\(/g)).toHaveLength(7);
        expect(program).toContain('new pim.AlertConfiguration("sub-11111111-rg-app-azure-roles-assigned-outside-pim", {');
        expect(program).toContain("thresholdNumberOfOwners: 5,");
        expect(program).toContain('duration: "P45D",');

        expect(typeErrors(file)).toEqual([]);
        // The check has teeth: a threshold of the wrong type, or on the wrong alert, does not compile.
        const broken = path.join(work, "broken.ts");
        fs.writeFileSync(
            broken,
            program
                .replace("thresholdNumberOfOwners: 5,", 'thresholdNumberOfOwners: "5",')
                .replace('duration: "P45D",', 'duration: "P45D", globalAdminCountThreshold: 3,'),
        );
        expect(typeErrors(broken).join("\n")).toMatch(/Type 'string' is not assignable[\s\S]*'globalAdminCountThreshold' does not exist/);

        await ensurePackedProgram();
        const programFile = `cli-export-${process.pid}.ts`;
        fs.copyFileSync(file, path.join(PROGRAM_DIR, programFile));
        const options: RunProgramOptions = {
            programDir: PROGRAM_DIR,
            programFile,
            stack: `cli-export-${process.pid}`,
            stateFile: path.join(work, "state.json"),
            config: { "pim-alerts:armEndpoint": emulator.url, "pim-alerts:graphEndpoint": `${emulator.url}/beta` },
            env: emulator.admin.tokenEnvironment(),
            timeoutMs: 150_000,
        };
        try {
            emulator.admin.clearRequests();
            const up = await runProgram("up", options);
            expect(up.errors).toEqual([]);
            expect(up.exitCode).toBe(0);
            expect(up.summary).toEqual({ same: 0, create: 19, update: 0, replace: 0, delete: 0 });
            // Adoption read every configuration and wrote none: Azure holds exactly what it held.
            expect(emulator.admin.requests().filter((r) => r.method !== "GET" && r.api !== "token")).toEqual([]);
            expect(liveConfigurations(scopes)).toEqual(before);

            const preview = await runProgram("preview", { ...options, expectNoChanges: true });
            expect(preview.errors).toEqual([]);
            expect(preview).toMatchObject({ exitCode: 0, changes: false, summary: { same: 19, create: 0, update: 0, replace: 0, delete: 0 } });
            const refreshed = await runProgram("preview", { ...options, refresh: true, expectNoChanges: true });
            expect(refreshed).toMatchObject({ exitCode: 0, changes: false });
        } finally {
            fs.rmSync(path.join(PROGRAM_DIR, programFile), { force: true });
        }
    }, 200_000);
});

/** Every configuration the emulator holds for the scopes and the directory. */
function liveConfigurations(scopes: readonly string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const scope of scopes) {
        for (const alertId of [
            "TooManyOwnersAssignedToResource",
            "TooManyPermanentOwnersAssignedToResource",
            "DuplicateRoleCreated",
            "AzureRolesAssignedOutsidePimAlert",
        ]) {
            out[`${scope}:${alertId}`] = emulator.admin.configuration(scope, alertId);
        }
    }
    for (const alertId of ["InvalidLicenseAlert", "StaleSignInAlert", "TooManyGlobalAdminsAssignedToTenantAlert", "SequentialActivationRenewalsAlert"]) {
        out[`directory:${alertId}`] = emulator.admin.graph.configuration(alertId);
    }
    return out;
}

/** Type-checks one file with the repository's tsconfig (`pulumi-pim-alerts` maps to src/index.ts), as `tsc --noEmit` would. */
function typeErrors(file: string): string[] {
    const configFile = path.join(REPO_ROOT, "tsconfig.json");
    const { config } = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, REPO_ROOT);
    // Type-check only: the file lives outside the repository, so rootDir (an emit setting) does not apply.
    const { rootDir: _rootDir, ...options } = parsed.options;
    const program = ts.createProgram([file], { ...options, noEmit: true });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}
