/**
 * The examples run as a user's programs would, through the runner (engine without the CLI).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";
import { DEFAULT_SUBSCRIPTION_ID } from "pulumi-pim-alerts-testing";
import { runProgram } from "pulumi-pim-alerts-testing";
import { POLICY_PROGRAM_DIR } from "../support/policyProgram";

let emulator: Emulator;
beforeEach(async () => {
    emulator = await startEmulator();
});
afterEach(async () => {
    await emulator.stop();
});

test("azure-native interop: scopes from a resource group's id and from getClientConfig()", async () => {
    fs.copyFileSync(
        path.resolve(__dirname, "../../examples/azure-native-interop/index.ts"),
        path.join(POLICY_PROGRAM_DIR, "interop.ts"),
    );
    const result = await runProgram("up", {
        programDir: POLICY_PROGRAM_DIR,
        programFile: "interop.ts",
        stateFile: path.join(fs.mkdtempSync(path.join(os.tmpdir(), "interop-")), "state.json"),
        config: { "pim-alerts:armEndpoint": emulator.url },
        env: emulator.admin.tokenEnvironment(),
    });
    expect(result.errors).toEqual([]);
    // The two configurations and the stack (the resource group is a mock of azure-native's).
    expect(result.summary.create).toBe(3);
    const subscription = `/subscriptions/${DEFAULT_SUBSCRIPTION_ID}`;
    expect(
        emulator.admin.configuration(subscription, "TooManyPermanentOwnersAssignedToResource")[
            "thresholdNumberOfPermanentOwners"
        ],
    ).toBe(2);
    expect(
        emulator.admin.configuration(
            `${subscription}/resourceGroups/rg-payments-prod`,
            "TooManyOwnersAssignedToResource",
        ),
    ).toMatchObject({
        isEnabled: true,
        thresholdNumberOfOwners: 2,
    });
});
