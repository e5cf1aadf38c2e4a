/**
 * `pim-alerts` as a pipeline runs it: the packed package's `dist/cli/main.js` as installed in the
 * e2e program (so on the program's Node.js and dependencies), in a child process, its environment
 * pointing at the emulator. The exported program is type-checked
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
import {
    CONTROL_CHARACTERS,
    expectDurationRefused,
    expectGraphIdRefused,
    expectScopeRefused,
    RAW_CONTROL,
    type CliRun,
} from "../support/cliChecks";
import { ensurePackedProgram, PROGRAM_DIR, REPO_ROOT } from "../support/packedPackage";

const CLI = path.join(PROGRAM_DIR, "node_modules", "pulumi-pim-alerts", "dist", "cli", "main.js");
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

/** Runs the built CLI in a child process (asynchronously: the emulator lives in this process). */
function cli(args: string[], env: Record<string, string> = {}, against: Emulator = emulator): Promise<CliRun> {
    const childEnv: Record<string, string | undefined> = { ...process.env, ...emulatorEnvironment(against), ...env };
    delete childEnv["NO_COLOR"];
    return new Promise((resolve) => {
        execFile(
            process.execPath,
            [CLI, ...args],
            { cwd: work, env: childEnv, encoding: "utf8", timeout: 60_000 },
            (error, stdout, stderr) => {
                const code = error === null ? 0 : typeof error.code === "number" ? error.code : -1;
                resolve({ code, stdout, stderr });
            },
        );
    });
}

describe("exit codes and output a pipeline can use", () => {
    // Help and a usage error as a process: the exit code and the stream. Every other argument list of
    // the kind (each command's help, each usage error) runs in-process in test/unit/cli/run.test.ts.
    test.each([
        [["--help"], 0],
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
        const document = JSON.parse(r.stdout) as {
            scopes: Array<{ scope: string; alerts: Array<{ alertId: string; isActive: boolean; severity: string }> }>;
        };
        expect(document.scopes.map((s) => [s.scope, s.alerts.length])).toEqual([
            [SUB, 4],
            [MG, 4],
            ["directory", 7],
        ]);
        expect(document.scopes[2]?.alerts.find((a) => a.alertId === "StaleSignInAlert")).toMatchObject({
            isActive: false,
            severity: "Medium",
        });
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
        expect(r.stderr).toMatch(
            /^pim-alerts status: reading directory: GET .* failed with 403 .*RoleManagementAlert\.ReadWrite\.Directory/,
        );
    });
});

describe("export adopts today's policy as code", () => {
    test("stdout and --out give the same program", async () => {
        const toStdout = await cli(["export", "--scope", SUB, "--directory"]);
        const toFile = await cli(["export", "--scope", SUB, "--directory", "--out", "policy.ts"]);
        expect(toStdout.code).toBe(0);
        expect(toFile.code).toBe(0);
        expect(fs.readFileSync(path.join(work, "policy.ts"), "utf8")).toBe(toStdout.stdout);
        expect(toFile.stderr).toBe("pim-alerts export: declared 11 resources of 2 scopes in policy.ts\n");
    });

    test("the program compiles with tsc, and running it through the provider changes nothing", async () => {
        // Today's policy differs from the seed, so the export must carry the live values.
        emulator.admin.setConfiguration(SUB, "TooManyOwnersAssignedToResource", { thresholdNumberOfOwners: 5 });
        emulator.admin.setConfiguration(GROUP, "AzureRolesAssignedOutsidePimAlert", { isEnabled: false });
        emulator.admin.graph.setConfiguration("StaleSignInAlert", { duration: "P45D" });
        emulator.admin.graph.setConfiguration("TooManyGlobalAdminsAssignedToTenantAlert", {
            isEnabled: false,
            globalAdminCountThreshold: 6,
        });
        // Dismissed alerts (inactive while they have incidents) are exported as dismissals.
        emulator.admin.setAlertActive(SUB, "DuplicateRoleCreated", false);
        emulator.admin.graph.setAlertActive("StaleSignInAlert", false);
        const scopes = [SUB, GROUP, MG];
        const before = liveConfigurations(scopes);

        const exported = await cli([
            "export",
            ...scopes.flatMap((s) => ["--scope", s]),
            "--directory",
            "--out",
            "index.ts",
        ]);
        expect(exported.code).toBe(0);
        const file = path.join(work, "index.ts");
        const program = fs.readFileSync(file, "utf8");
        expect(program.match(/new pim\.AlertConfiguration\(/g)).toHaveLength(12);
        expect(program.match(/new pim\.DirectoryAlertConfiguration\(/g)).toHaveLength(7);
        expect(program).toContain('new pim.AlertDismissal("sub-11111111-duplicate-role-created-dismissal", {');
        expect(program).toContain('new pim.DirectoryAlertDismissal("directory-stale-sign-in-dismissal", {');
        expect(program.match(/new pim\.\w*Dismissal\(/g)).toHaveLength(2);
        expect(statementsOtherThanDeclarations(file)).toEqual([]);
        expect(program).toContain(
            'new pim.AlertConfiguration("sub-11111111-rg-app-azure-roles-assigned-outside-pim", {',
        );
        expect(program).toContain("thresholdNumberOfOwners: 5,");
        expect(program).toContain('duration: "P45D",');

        // The check has teeth: a threshold of the wrong type, or on the wrong alert, does not compile.
        const broken = path.join(work, "broken.ts");
        fs.writeFileSync(
            broken,
            program
                .replace("thresholdNumberOfOwners: 5,", 'thresholdNumberOfOwners: "5",')
                .replace('duration: "P45D",', 'duration: "P45D", globalAdminCountThreshold: 3,'),
        );
        const errors = typeErrors([file, broken]);
        expect(errors.get(file)).toEqual([]);
        expect(errors.get(broken)?.join("\n")).toMatch(
            /Type 'string' is not assignable[\s\S]*'globalAdminCountThreshold' does not exist/,
        );

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
            // The configurations, the dismissals and the stack.
            expect(up.summary).toEqual({ same: 0, create: 22, update: 0, replace: 0, delete: 0 });
            // Adoption read every configuration and wrote none; the dismissals dismissed what was dismissed
            // already: Azure holds exactly what it held.
            const writes = emulator.admin.requests().filter((r) => r.method !== "GET" && r.api !== "token");
            expect(writes.map((r) => `${r.method} ${r.path.split("/").slice(-2).join("/")}`).sort()).toEqual([
                expect.stringMatching(/^PATCH alerts\/DirectoryRole_[0-9a-f-]{36}_StaleSignInAlert$/),
                "PATCH roleManagementAlerts/DuplicateRoleCreated",
            ]);
            expect(liveConfigurations(scopes)).toEqual(before);
            expect(emulator.admin.alert(SUB, "DuplicateRoleCreated").isActive).toBe(false);
            expect(emulator.admin.graph.alert("StaleSignInAlert").isActive).toBe(false);

            // Every preview after it shows no changes, even after refreshing from Azure.
            const refreshed = await runProgram("preview", { ...options, refresh: true, expectNoChanges: true });
            expect(refreshed.errors).toEqual([]);
            expect(refreshed).toMatchObject({
                exitCode: 0,
                changes: false,
                summary: { same: 22, create: 0, update: 0, replace: 0, delete: 0 },
            });
        } finally {
            fs.rmSync(path.join(PROGRAM_DIR, programFile), { force: true });
        }
    }, 200_000);
});

describe("API text is data: export and status never turn it into code or terminal control", () => {
    // A duration, a --scope and a Graph id (where a tenant id goes: DirectoryRole_<tenant>_<alert>) holding each
    // kind run in-process in test/unit/cli/run.test.ts; here the built CLI is run with terminal controls.
    test.each(CONTROL_CHARACTERS)(
        "a Graph id holding %s: export refuses it by name and writes nothing",
        async (_what, tenantId) => {
            const hostile = await startEmulator({ retryAfterSeconds: 0, tenantId });
            try {
                expectGraphIdRefused(await cli(["export", "--directory", "--out", "policy.ts"], {}, hostile), work);
            } finally {
                await hostile.stop();
            }
        },
    );

    test.each(CONTROL_CHARACTERS)(
        "a duration holding %s: export refuses it by name and writes nothing",
        async (_what, text) => {
            emulator.admin.graph.setConfiguration("StaleSignInAlert", { duration: `P30D${text}` });
            const r = await cli(["export", "--scope", SUB, "--directory"]);
            expectDurationRefused(r);
        },
    );

    test.each(CONTROL_CHARACTERS)("a --scope holding %s is a usage error before any request", async (_what, text) => {
        emulator.admin.clearRequests();
        // (A NUL cannot be passed in argv at all.)
        const r = await cli(["export", "--scope", `${SUB}/resourceGroups/${text.replace(/\u0000/g, "")}`]);
        expectScopeRefused(r);
        expect(emulator.admin.requests().filter((q) => q.api !== "token")).toEqual([]);
    });

    test("status shows ids holding terminal controls as escapes, in the table and in JSON", async () => {
        // Title change, clear line, concealed text, a C1 CSI; the "_" makes them part of the short alert id.
        const tenantId = "0_\u001b]0;pwned\u0007\u001b[2K\u001b[8mhidden\u009b2J";
        const hostile = await startEmulator({ retryAfterSeconds: 0, tenantId });
        try {
            const table = await cli(["status", "--directory"], {}, hostile);
            expect(table.code).toBe(0);
            expect(table.stdout).not.toMatch(RAW_CONTROL);
            expect(table.stdout).toContain(
                "\\u001b]0;pwned\\u0007\\u001b[2K\\u001b[8mhidden\\u009b2J_StaleSignInAlert",
            );
            const json = await cli(["status", "--directory", "--json"], {}, hostile);
            expect(json.code).toBe(0);
            expect(json.stdout).not.toMatch(RAW_CONTROL);
            const parsed = JSON.parse(json.stdout) as { scopes: Array<{ alerts: Array<{ alertId: string }> }> };
            expect(parsed.scopes[0]?.alerts.map((a) => a.alertId)).toContain(`${tenantId.slice(2)}_StaleSignInAlert`);
        } finally {
            await hostile.stop();
        }
    });
});

describe("export names resources by what they are, not by the order of --scope", () => {
    // Two subscriptions whose ids share their first eight characters.
    const A = "/subscriptions/0b1c2d3e-1111-1111-1111-111111111111";
    const B = "/subscriptions/0b1c2d3e-2222-2222-2222-222222222222";

    test("--append of the second subscription adds it under names of its own, in either order, the same names", async () => {
        const names = async (first: string, second: string, file: string) => {
            expect((await cli(["export", "--scope", first, "--out", file])).code).toBe(0);
            const appended = await cli(["export", "--scope", second, "--out", file, "--append"]);
            expect(appended).toMatchObject({
                code: 0,
                stderr: `pim-alerts export: declared 4 resources of 1 scope in ${file}\n`,
            });
            return [
                ...fs.readFileSync(path.join(work, file), "utf8").matchAll(/new pim\.AlertConfiguration\("([^"]+)"/g),
            ]
                .map((m) => m[1])
                .sort();
        };
        const forward = await names(A, B, "forward.ts");
        const backward = await names(B, A, "backward.ts");
        expect(forward).toHaveLength(8);
        expect(new Set(forward).size).toBe(8);
        // The first one exported keeps the short name; the second gets a suffix of its own. Exported together, both do.
        const together = await cli(["export", "--scope", B, "--scope", A]);
        const togetherNames = [...together.stdout.matchAll(/new pim\.AlertConfiguration\("([^"]+)"/g)].map((m) => m[1]);
        expect(togetherNames.every((n) => /^sub-0b1c2d3e-[0-9a-f]{6}-/.test(n ?? ""))).toBe(true);
        expect(forward.filter((n) => togetherNames.includes(n))).toHaveLength(4);
        expect(backward.filter((n) => togetherNames.includes(n))).toHaveLength(4);
        // Appending again declares nothing new: everything is recognised by scope and alert.
        const again = await cli(["export", "--scope", A, "--scope", B, "--out", "forward.ts", "--append"]);
        expect(again.stderr).toContain("declared 0 resources of 2 scopes");
    });
});

/**
 * The top-level statements of an exported program that are neither its import nor a `new pim.<Class>(<string>, {...})`
 * whose properties are all literals: any such statement would be code the export did not mean to write.
 */
function statementsOtherThanDeclarations(file: string): string[] {
    const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true);
    const isLiteral = (e: ts.Expression) =>
        ts.isStringLiteral(e) ||
        ts.isNumericLiteral(e) ||
        e.kind === ts.SyntaxKind.TrueKeyword ||
        e.kind === ts.SyntaxKind.FalseKeyword;
    const isDeclaration = (s: ts.Statement) => {
        if (!ts.isExpressionStatement(s) || !ts.isNewExpression(s.expression)) return false;
        const [name, args, ...rest] = s.expression.arguments ?? [];
        return (
            /^pim\.\w+$/.test(s.expression.expression.getText(source)) &&
            name !== undefined &&
            ts.isStringLiteral(name) &&
            args !== undefined &&
            ts.isObjectLiteralExpression(args) &&
            rest.length === 0 &&
            args.properties.every(
                (p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && isLiteral(p.initializer),
            )
        );
    };
    return source.statements
        .filter((s) => !ts.isImportDeclaration(s) && !isDeclaration(s))
        .map((s) => s.getText(source));
}

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
    for (const alertId of [
        "InvalidLicenseAlert",
        "StaleSignInAlert",
        "TooManyGlobalAdminsAssignedToTenantAlert",
        "SequentialActivationRenewalsAlert",
    ]) {
        out[`directory:${alertId}`] = emulator.admin.graph.configuration(alertId);
    }
    return out;
}

/**
 * Type-checks files with the repository's tsconfig (`pulumi-pim-alerts` maps to src/index.ts), as `tsc --noEmit`
 * would, in one program (the package's and Pulumi's declarations are read once): the errors of each file.
 */
function typeErrors(files: readonly string[]): Map<string, string[]> {
    const configFile = path.join(REPO_ROOT, "tsconfig.json");
    const { config } = ts.readConfigFile(configFile, (f) => ts.sys.readFile(f));
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, REPO_ROOT);
    // Type-check only: the files live outside the repository, so rootDir (an emit setting) does not apply.
    const { rootDir: _rootDir, ...options } = parsed.options;
    // The project's own ambient declarations (src/types/*.d.ts, for dependencies without types) come too, as in `tsc -p`.
    const ambient = parsed.fileNames.filter((f) => f.endsWith(".d.ts"));
    const program = ts.createProgram([...files, ...ambient], { ...options, noEmit: true });
    // Each file's own diagnostics (syntax, types, declarations) and those without a file (an option, a missing
    // library), which belong to every file: what the whole program's diagnostics hold for these files, without
    // type-checking the package's sources they import (`tsc -p` does that) only to drop those diagnostics.
    const diagnosticsOf = (file: string) => {
        const source = program.getSourceFile(file);
        if (source === undefined) throw new Error(`${file} is not in the type-checked program`);
        return ts.getPreEmitDiagnostics(program, source);
    };
    return new Map(
        files.map((file) => [
            file,
            diagnosticsOf(file)
                .filter((d) => d.file === undefined || path.resolve(d.file.fileName) === path.resolve(file))
                .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
        ]),
    );
}
