/**
 * A PATCH that succeeded followed by a read-back that fails: nothing is lost. The host reports the
 * resource as created/updated-but-failed (ErrorResourceInitFailed: id and the state to keep), the
 * runner keeps it in the stack's state marked for another update, and the next `up` repairs it.
 */
import * as fs from "node:fs";
import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";
import { runProgram } from "pulumi-pim-alerts-testing";
import type { StackState } from "pulumi-pim-alerts-testing";
import { ProviderCallError } from "pulumi-pim-alerts-testing";
import { captureProviders, CONFIGURATION, programStack, startArmSession, type ProgramStack } from "./support/armSession";
import { writeProgram } from "./support/packedProgram";

const SUB = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";
const OWNERS = "TooManyOwnersAssignedToResource";
const ID = `${SUB}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/${OWNERS}`;

let emulator: Emulator;
let stack: ProgramStack | undefined;

beforeEach(async () => {
    emulator = await startEmulator({ retryAfterSeconds: 0 });
});
afterEach(async () => {
    stack?.remove();
    stack = undefined;
    await emulator.stop();
});

/** Writes the program declaring the owners threshold; the same file name each time, so it is one stack's program. */
const program = (name: string, threshold: number) =>
    writeProgram(name, [
        'const pim = require("pulumi-pim-alerts");',
        `new pim.AlertConfiguration("owners", { scope: "${SUB}", alertId: "${OWNERS}", thresholdNumberOfOwners: ${threshold} });`,
    ]);

/** Every read-back of the configuration fails (7 attempts = the first and all 6 retries); `after` lets GETs through first. */
const failReadBack = (after = 0) =>
    emulator.admin.injectFault({
        method: "GET",
        pathIncludes: `roleManagementAlertConfigurations/${OWNERS}`,
        status: 500,
        retryAfterSeconds: 0,
        times: 7,
        after,
    });

const owners = (s: ProgramStack) => (JSON.parse(fs.readFileSync(s.stateFile, "utf8")) as StackState).resources.find((r) => r.name === "owners");

test("update: the PATCH lands, the read-back fails; the state keeps the resource for the next up, which repairs it", async () => {
    stack = programStack(emulator, await program("partial-update", 3));
    expect((await runProgram("up", stack.options())).exitCode).toBe(0);

    await program("partial-update", 6);
    failReadBack();
    const failed = await runProgram("up", stack.options());
    expect(failed.exitCode).toBe(255);
    expect(failed.errors.join("\n")).toMatch(
        /updated alert configuration TooManyOwnersAssignedToResource at .*, then: GET .* failed with 500.*The state is kept; run `pulumi up` again to finish/,
    );
    // Nothing lost: Azure has the new value, and the state still holds the resource (old values, marked failed).
    expect(emulator.admin.configuration(SUB, OWNERS)).toMatchObject({ thresholdNumberOfOwners: 6 });
    expect(owners(stack)).toMatchObject({ id: ID, outputs: { thresholdNumberOfOwners: 3 }, initErrors: [expect.stringContaining("failed with 500")] });

    const repaired = await runProgram("up", stack.options());
    expect(repaired.exitCode).toBe(0);
    expect(repaired.summary).toMatchObject({ update: 1 });
    const state = owners(stack);
    expect(state?.outputs).toMatchObject({ thresholdNumberOfOwners: 6 });
    expect(state?.initErrors).toBeUndefined();
    expect((await runProgram("preview", stack.options({ refresh: true, expectNoChanges: true }))).exitCode).toBe(0);
});

test("create: adopted and written, the read-back fails; the resource is kept (not created twice) and the next up finishes", async () => {
    stack = programStack(emulator, await program("partial-create", 5));
    failReadBack(1); // the adoption GET passes, the read-back after the PATCH fails
    const failed = await runProgram("up", stack.options());
    expect(failed.exitCode).toBe(255);
    expect(emulator.admin.configuration(SUB, OWNERS)).toMatchObject({ thresholdNumberOfOwners: 5 });
    // Recorded with the values from before the write, so the next up writes again.
    expect(owners(stack)).toMatchObject({ id: ID, outputs: { thresholdNumberOfOwners: 2, initialProperties: { thresholdNumberOfOwners: 2 } } });

    emulator.admin.clearRequests();
    const finished = await runProgram("up", stack.options());
    expect(finished.exitCode).toBe(0);
    expect(finished.summary).toMatchObject({ create: 0, update: 1 });
    expect(owners(stack)?.outputs).toMatchObject({ thresholdNumberOfOwners: 5, initialProperties: { thresholdNumberOfOwners: 2 } });
    expect(
        emulator.admin
            .requests()
            .filter((r) => r.api === "arm")
            .map((r) => `${r.method} ${r.status}`),
    ).toEqual(["PATCH 204", "GET 200"]);
});

test("over gRPC, the host's error carries the id, the state to keep and the reason", async () => {
    const providers = await captureProviders();
    const session = await startArmSession({ emulator });
    try {
        const checked = await session.host.check(
            CONFIGURATION,
            "owners",
            {},
            { __provider: providers.configuration, scope: SUB, alertId: OWNERS, thresholdNumberOfOwners: 7 },
        );
        failReadBack(1);
        const error = await session.host.create(CONFIGURATION, "owners", checked.inputs).then(
            () => undefined,
            (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ProviderCallError);
        const { initFailure } = error as ProviderCallError;
        expect(initFailure?.id).toBe(ID);
        expect(initFailure?.properties).toMatchObject({
            scope: SUB,
            alertId: OWNERS,
            thresholdNumberOfOwners: 2,
            declaredProperties: ["thresholdNumberOfOwners"],
            __provider: providers.configuration,
        });
        expect(initFailure?.reasons).toEqual([expect.stringMatching(/^GET .*failed with 500/)]);
    } finally {
        await session.host.stop();
    }
});
