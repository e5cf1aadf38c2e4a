/**
 * What `pim-alerts review` printed and returned, and the checks its end-to-end test (the built CLI
 * as a process) and its in-process test (runCli) share, so both hold the command to the same words.
 */
import { expect } from "@jest/globals";

/** One run of `pim-alerts review`: exit code (null when a process was killed), stdout and stderr. */
export interface ReviewRun {
    readonly code: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** A run under `--fail-on <failOn> --format json`: the exit code, the one reason line when it fails, the JSON report. */
export function expectFailOnOutcome(r: ReviewRun, failOn: string, code: number): void {
    expect(r.code).toBe(code);
    if (code === 0) expect(r.stderr).toBe("");
    else expect(r.stderr).toMatch(new RegExp(`^pim-alerts review: --fail-on ${failOn}: .+\\.\\n$`));
    expect(JSON.parse(r.stdout)).toHaveProperty("version", 1);
}

/** Bad input: nothing on stdout, `message` on stderr, never a stack trace, and one line when the exit code is 1. */
export function expectOneLine(r: ReviewRun, code: number, message: RegExp): void {
    expect(r.code).toBe(code);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    if (code === 1) expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
}
