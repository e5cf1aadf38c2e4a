/**
 * Text an attacker (or a broken proxy) could put where `pim-alerts export` and `status` expect an id or a
 * value, the characters none of their output may hold raw, and the checks of what export makes of them. Shared
 * by the in-process CLI tests (test/unit/cli/run.test.ts: every kind) and the built CLI's (test/e2e/cli.test.ts).
 */
import { expect } from "@jest/globals";
import * as fs from "node:fs";
import * as path from "node:path";

/** [what it is, the text]; each starts with "0" so it can stand where a tenant id's first character goes. */
export const HOSTILE_TEXT: ReadonlyArray<readonly [string, string]> = [
    ["a newline and a statement", '0\nrequire("fs").writeFileSync("pwned", "")\n//'],
    ["a comment end", "0 */ require('fs') /*"],
    ["a backtick template", "0`${process.exit(7)}`"],
    ["quotes", `0"); process.exit(7); ("'`],
    ["a line separator", "0\u2028require('fs')"],
    ["control characters", "0\u0000\u0007\u001b[2J\u007f\u009b"],
];

/** The kind the built CLI is run with where one kind is enough to prove the process's output: terminal controls. */
export const CONTROL_CHARACTERS = HOSTILE_TEXT.filter(([what]) => what === "control characters");

/** C0 and C1 controls (tab and newline aside), DEL, and the Unicode line and paragraph separators. */
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

/** One run of the CLI (the built one as a process, or `runCli` in-process). */
export interface CliRun {
    readonly code: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** `export --directory` of a duration holding hostile text: refused by name, nothing written, no raw control. */
export function expectDurationRefused(r: CliRun): void {
    expect(r).toMatchObject({ code: 1, stdout: "" });
    expect(r.stderr).toMatch(
        /reading directory: refusing to write duration of StaleSignInAlert "P30D0.* into the program: it is not an ISO-8601 duration/,
    );
    expect(r.stderr).not.toMatch(RAW_CONTROL);
}

/** `export --scope` holding hostile text: a usage error that shows no raw control (the caller checks no request went out). */
export function expectScopeRefused(r: CliRun): void {
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toMatch(/^pim-alerts: --scope: scope ".* is neither "directory" nor an ARM scope/);
    expect(r.stderr).not.toMatch(RAW_CONTROL);
}

/**
 * `export --directory --out policy.ts` against an emulator whose tenant id holds hostile text: refused by name,
 * nothing written in `dir`.
 */
export function expectGraphIdRefused(r: CliRun, dir: string): void {
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
        /^pim-alerts export: reading directory: refusing to write the Graph id "DirectoryRole_0.* into the program: it is not DirectoryRole_<tenant GUID>_/,
    );
    expect(r.stderr).toContain("pim-alerts export: nothing written: 1 of 1 scopes failed");
    expect(r.stderr).not.toMatch(RAW_CONTROL);
    expect(fs.existsSync(path.join(dir, "policy.ts"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "pwned"))).toBe(false);
}
