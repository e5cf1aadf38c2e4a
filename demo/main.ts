/**
 * `npm run demo`: the package's main job, end to end, against the embedded emulator and without
 * the Pulumi CLI (or with it: `npm run demo -- --pulumi`).
 *
 *   1. apply the example alert policy: every configuration adopted and set;
 *   2. a preview right after reports no changes;
 *   3. a pull request raises the landing zone's owner threshold in code: `preview --json` piped into
 *      `pim-alerts review --fail-on weakening` reports three changes that weaken the policy, with
 *      their reasons, and exits 3 (approval needed); the change is reverted;
 *   4. someone changes a threshold and disables an alert "in the portal";
 *      `preview --refresh --expect-no-changes --json` fails on exactly those drifts, and
 *      `pim-alerts review --fail-on drift` reports them as drift that weakens and exits 4;
 *   5. `up --refresh` repairs them; a last preview is clean.
 *
 * Exits non-zero when the story does not hold, so CI notices if it rots.
 */
import * as path from "node:path";
import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";
import { painter } from "../src/cli/style";
import { runProgram, type RunProgramOptions } from "pulumi-pim-alerts-testing";
import type { RunResult } from "pulumi-pim-alerts-testing";
import { editProgram, prepareProgramDir } from "./programDir";
import { runWithPulumiCli } from "./realCli";
import { pipeIntoReview } from "./reviewStep";

const repoRoot = path.resolve(__dirname, "..");
const exampleFile = path.join(repoRoot, "examples", "alert-policy", "index.ts");
const paint = painter(process.stdout.isTTY === true && process.env["NO_COLOR"] === undefined);
const CONNECTIVITY = "/subscriptions/11111111-1111-1111-1111-111111111111";
const IDENTITY = "/subscriptions/22222222-2222-2222-2222-222222222222";

function banner(text: string): void {
    process.stdout.write(`\n${paint("cyan", `=== ${text} ===`)}\n\n`);
}

function expect(condition: boolean, what: string): void {
    if (!condition) throw new Error(`demo expectation failed: ${what}`);
    process.stdout.write(`${paint("green", "✔")} ${what}\n`);
}

/** The same lines in any order (steps finish in parallel). */
function sameLines(actual: readonly string[], expected: readonly string[]): boolean {
    return JSON.stringify([...actual].sort()) === JSON.stringify([...expected].sort());
}

function driftKeys(result: RunResult): string[] {
    return result.steps
        .filter((s) => s.op === "update")
        .flatMap((s) => s.diffs.map((d) => `${s.name}.${d.key}: ${d.old} => ${d.new}`))
        .sort();
}

async function demoWithRunner(emulator: Emulator): Promise<void> {
    const programDir = prepareProgramDir(repoRoot, path.join(repoRoot, ".pulumi-demo"), exampleFile);
    const options: RunProgramOptions = {
        programDir,
        config: { "pim-alerts:armEndpoint": emulator.url, "pim-alerts:graphEndpoint": `${emulator.url}/beta` },
        env: emulator.admin.tokenEnvironment(),
        onOutput: (line) => process.stdout.write(`${line}\n`),
    };

    banner("1. pulumi up: adopt every alert configuration and apply the policy");
    const up = await runProgram("up", options);
    expect(
        up.exitCode === 0 && up.summary.create > 0 && up.errors.length === 0,
        `up created ${up.summary.create} resources`,
    );

    banner("2. pulumi preview --expect-no-changes, right after");
    const clean = await runProgram("preview", { ...options, expectNoChanges: true });
    expect(clean.exitCode === 0 && !clean.changes, "the preview reports no changes");

    banner("3. a pull request raises the landing zone's owner threshold: pulumi preview --json | pim-alerts review");
    const revert = editProgram(programDir, "thresholdNumberOfOwners: 3,", "thresholdNumberOfOwners: 10,");
    process.stdout.write("index.ts: thresholdNumberOfOwners 3 => 10 for every landing-zone subscription\n\n");
    const proposed = await runProgram("preview", { ...options, json: true });
    expect(proposed.exitCode === 0, "the preview of the pull request succeeds");
    const prReview = await pipeIntoReview(
        repoRoot,
        { command: "pulumi preview --json", document: proposed.previewJson },
        ["--fail-on", "weakening"],
    );
    expect(prReview.exitCode === 3, `--fail-on weakening fails the check with exit code 3 (approval needed)`);
    const raised = (name: string) =>
        `change ${name} weakens thresholdNumberOfOwners: 3 → 10 (the alert now only fires from 10 owners instead of 3)`;
    expect(
        sameLines(prReview.findings, ["connectivity-owners", "identity-owners", "workloads-owners"].map(raised)),
        "the review reports each raised threshold as a change that weakens the policy, and why",
    );
    revert();
    process.stdout.write("the reviewer declines: the pull request is closed, index.ts is as before\n");

    banner('4. someone edits PIM "in the portal", then: pulumi preview --refresh --expect-no-changes --json');
    emulator.admin.setConfiguration(CONNECTIVITY, "TooManyOwnersAssignedToResource", { thresholdNumberOfOwners: 5 });
    emulator.admin.setConfiguration(IDENTITY, "AzureRolesAssignedOutsidePimAlert", { isEnabled: false });
    process.stdout.write(
        "portal: connectivity owners threshold set to 5; identity 'roles assigned outside PIM' alert disabled\n\n",
    );
    const drift = await runProgram("preview", { ...options, refresh: true, expectNoChanges: true, json: true });
    expect(
        drift.exitCode === 7,
        `the drift check fails the pipeline with the CLI's exit code for it (${drift.exitCode})`,
    );
    expect(
        sameLines(driftKeys(drift), [
            "connectivity-owners.thresholdNumberOfOwners: 5 => 3",
            "identity-outside-pim.isEnabled: false => true",
        ]),
        `exactly the two drifts are planned away: ${driftKeys(drift).join("; ")}`,
    );
    const driftReview = await pipeIntoReview(
        repoRoot,
        { command: "pulumi preview --refresh --expect-no-changes --json", document: drift.previewJson },
        ["--fail-on", "drift"],
    );
    expect(driftReview.exitCode === 4, "--fail-on drift fails the nightly check with exit code 4");
    expect(
        sameLines(
            driftReview.findings.filter((f) => f.startsWith("drift ")),
            [
                "drift connectivity-owners weakens thresholdNumberOfOwners: 3 → 5 (changed outside Pulumi: the alert now only fires from 5 owners instead of 3)",
                "drift identity-outside-pim weakens isEnabled: true → false (changed outside Pulumi: the alert is disabled, so PIM stops scanning for it)",
            ],
        ),
        "the review reports both portal edits as drift that weakens the policy, and why",
    );

    banner("5. pulumi up --refresh repairs the drift; a last preview is clean");
    const repair = await runProgram("up", { ...options, refresh: true });
    expect(repair.exitCode === 0 && repair.summary.update === 2, `up repaired ${repair.summary.update} resources`);
    const final = await runProgram("preview", { ...options, refresh: true, expectNoChanges: true });
    expect(final.exitCode === 0 && !final.changes, "the last preview --refresh reports no changes");
    const live = emulator.admin.configuration(CONNECTIVITY, "TooManyOwnersAssignedToResource");
    expect(live["thresholdNumberOfOwners"] === 3, "Azure (the emulator) holds the declared threshold again");
}

async function main(): Promise<void> {
    const useCli = process.argv.includes("--pulumi");
    const emulator = await startEmulator();
    const started = Date.now();
    try {
        if (useCli) runWithPulumiCli(emulator, repoRoot, exampleFile);
        else await demoWithRunner(emulator);
        banner(`demo finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
        await emulator.stop();
    }
}

main().catch((error: unknown) => {
    process.stderr.write(`\n${paint("red", error instanceof Error ? error.message : String(error))}\n`);
    process.exit(1);
});
