// Testing an alert-policy program without Azure and without the Pulumi CLI.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";
import { runProgram, type RunProgramOptions } from "pulumi-pim-alerts-testing";

// Your Pulumi project (Pulumi.yaml, index.ts, pulumi-pim-alerts in node_modules).
const programDir = process.env["POLICY_PROGRAM_DIR"] ?? process.cwd();
const connectivity = "/subscriptions/11111111-1111-1111-1111-111111111111";
const sandbox = "/subscriptions/44444444-4444-4444-4444-444444444444";

let emulator: Emulator;
let options: RunProgramOptions;

beforeEach(async () => {
    emulator = await startEmulator();
    options = {
        programDir,
        stateFile: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "policy-")), "state.json"),
        config: { "pim-alerts:armEndpoint": emulator.url, "pim-alerts:graphEndpoint": `${emulator.url}/beta` },
        env: emulator.admin.tokenEnvironment(),
        timeoutMs: 240_000,
    };
});
afterEach(async () => {
    await emulator.stop();
});

test("the policy is applied; a threshold changed in the portal fails the drift check, and up repairs it", async () => {
    // pulumi up
    const up = await runProgram("up", options);
    expect(up.exitCode).toBe(0);
    expect(emulator.admin.configuration(connectivity, "TooManyOwnersAssignedToResource")).toEqual({
        isEnabled: true,
        thresholdNumberOfOwners: 3,
        thresholdPercentageOfOwnersOutOfAllRoleMembers: 10,
    });
    expect(emulator.admin.alert(sandbox, "DuplicateRoleCreated").isActive).toBe(false);

    // Someone changes a threshold in the portal; pulumi preview --refresh --expect-no-changes
    emulator.admin.setConfiguration(connectivity, "TooManyOwnersAssignedToResource", { thresholdNumberOfOwners: 9 });
    const check = await runProgram("preview", { ...options, refresh: true, expectNoChanges: true });
    expect(check.exitCode).not.toBe(0);
    expect(check.steps.filter((s) => s.op === "update").map((s) => [s.name, s.diffs])).toEqual([
        [
            "connectivity-owners",
            [{ key: "thresholdNumberOfOwners", kind: "update", old: "9", new: "3", replaces: false }],
        ],
    ]);

    // pulumi up --refresh
    expect((await runProgram("up", { ...options, refresh: true })).exitCode).toBe(0);
    expect(
        emulator.admin.configuration(connectivity, "TooManyOwnersAssignedToResource")["thresholdNumberOfOwners"],
    ).toBe(3);
}, 300_000);
