/**
 * What the CLI's tests as a process (test/e2e/cli.test.ts, review.test.ts: the built CLI) and in-process
 * (test/unit/cli/run.test.ts, test/unit/review/reviewCli.test.ts: runCli) share, so both hold a command to the
 * same words: the shape of a run; text an attacker (or a broken proxy) could put where `pim-alerts export` and
 * `status` expect an id or a value (the in-process tests run every kind, the built CLI terminal controls), the
 * characters none of their output may hold raw, and what export makes of them; what `review` prints on
 * `--fail-on` and on bad input.
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

/** One run of the CLI (the built one as a process, or `runCli` in-process); `code` is null for a killed process. */
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

/**
 * `export --scope` holding hostile text: a usage error that shows no raw control (the caller checks that no
 * request went out).
 */
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

/**
 * A `review` run under `--fail-on <failOn> --format json`: the exit code, the one reason line when it fails, the
 * JSON report.
 */
export function expectFailOnOutcome(r: CliRun, failOn: string, code: number): void {
    expect(r.code).toBe(code);
    if (code === 0) expect(r.stderr).toBe("");
    else expect(r.stderr).toMatch(new RegExp(`^pim-alerts review: --fail-on ${failOn}: .+\\.\\n$`));
    expect(JSON.parse(r.stdout)).toHaveProperty("version", 1);
}

/**
 * Bad input to `review`: nothing on stdout, `message` on stderr, never a stack trace, and one line when the exit
 * code is 1.
 */
export function expectOneLine(r: CliRun, code: number, message: RegExp): void {
    expect(r.code).toBe(code);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    if (code === 1) expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
}
