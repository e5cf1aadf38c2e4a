/**
 * `npm run demo -- --pulumi`: the same story with the real Pulumi CLI, when it is on PATH:
 * a temporary local file backend and passphrase, `pulumi up`, `pulumi preview --refresh
 * --expect-no-changes`, and clean-up. Not runnable on machines without the CLI.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Emulator } from "pulumi-pim-alerts-emulator";
import { prepareProgramDir } from "./programDir";

/** Runs the demo story with the `pulumi` CLI; throws when it is not installed or a step misbehaves. */
export function runWithPulumiCli(emulator: Emulator, repoRoot: string, exampleFile: string): void {
    if (spawnSync("pulumi", ["version"], { stdio: "ignore" }).status !== 0) {
        throw new Error(
            "`pulumi` is not on PATH: install the Pulumi CLI, or run `npm run demo` without --pulumi (no CLI needed)",
        );
    }
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "pim-demo-cli-"));
    const programDir = prepareProgramDir(repoRoot, path.join(work, "program"), exampleFile);
    fs.mkdirSync(path.join(work, "backend"));
    const env = {
        ...process.env,
        ...emulator.admin.tokenEnvironment(),
        PULUMI_BACKEND_URL: `file://${path.join(work, "backend")}`,
        PULUMI_CONFIG_PASSPHRASE: "pim-alerts-demo",
        PULUMI_SKIP_UPDATE_CHECK: "true",
    };
    const pulumi = (args: string[], allowFailure = false): number => {
        process.stdout.write(`\n$ pulumi ${args.join(" ")}\n`);
        const status = spawnSync("pulumi", args, { cwd: programDir, env, stdio: "inherit" }).status ?? 1;
        if (status !== 0 && !allowFailure) throw new Error(`pulumi ${args.join(" ")} failed with exit code ${status}`);
        return status;
    };
    try {
        pulumi(["stack", "init", "dev"]);
        pulumi(["config", "set", "pim-alerts:armEndpoint", emulator.url]);
        pulumi(["config", "set", "pim-alerts:graphEndpoint", `${emulator.url}/beta`]);
        pulumi(["up", "--yes", "--skip-preview"]);
        pulumi(["preview", "--expect-no-changes"]);
        emulator.admin.setConfiguration(
            "/subscriptions/11111111-1111-1111-1111-111111111111",
            "TooManyOwnersAssignedToResource",
            {
                thresholdNumberOfOwners: 5,
            },
        );
        emulator.admin.setConfiguration(
            "/subscriptions/22222222-2222-2222-2222-222222222222",
            "AzureRolesAssignedOutsidePimAlert",
            { isEnabled: false },
        );
        if (pulumi(["preview", "--refresh", "--diff", "--expect-no-changes"], true) === 0)
            throw new Error("the drift was not detected");
        pulumi(["up", "--refresh", "--yes", "--skip-preview"]);
        pulumi(["preview", "--refresh", "--expect-no-changes"]);
        pulumi(["stack", "rm", "--force", "--yes"], true);
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}
