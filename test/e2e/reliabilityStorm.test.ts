/**
 * A throttling storm: a program of 40 alert configurations over 10 subscriptions applied by the
 * runner (the engine without the CLI) while ~30 % of API requests are answered 429 with Retry-After
 * and ~10 % 503. Everything applies, each configuration is written once, and a refreshing preview
 * (still in the storm) finds no change.
 */
import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";
import { loadStackState, runProgram } from "pulumi-pim-alerts-testing";
import { programStack, type ProgramStack } from "./support/armSession";
import { writeProgram } from "./support/packedProgram";

const SCOPES = Array.from(
    { length: 10 },
    (_, i) => `/subscriptions/00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
);

/** What the program declares at scope i (every value differs from the emulator's seed, so all 40 are written). */
const declared = (i: number) => ({
    TooManyOwnersAssignedToResource: {
        thresholdNumberOfOwners: 3 + i,
        thresholdPercentageOfOwnersOutOfAllRoleMembers: 10,
    },
    TooManyPermanentOwnersAssignedToResource: { thresholdNumberOfPermanentOwners: 20 + i },
    DuplicateRoleCreated: { isEnabled: false },
    AzureRolesAssignedOutsidePimAlert: { isEnabled: false },
});

let emulator: Emulator;
let stack: ProgramStack;

beforeAll(async () => {
    emulator = await startEmulator({ retryAfterSeconds: 0 });
    const programFile = await writeProgram("storm-program", [
        'const pim = require("pulumi-pim-alerts");',
        `const scopes = ${JSON.stringify(SCOPES)};`,
        `const declared = ${declared.toString()};`,
        "scopes.forEach((scope, i) => {",
        "    for (const [alertId, values] of Object.entries(declared(i))) {",
        "        new pim.AlertConfiguration(`${alertId}-${i}`, { scope, alertId, ...values });",
        "    }",
        "});",
    ]);
    stack = programStack(emulator, programFile);
});
afterAll(async () => {
    stack.remove();
    await emulator.stop();
});

test("40 configurations over 10 scopes apply completely, once each, and a refreshing preview sees no change", async () => {
    // Seeded: the same requests fail on every run, whatever the order the runner sends them in.
    emulator.admin.injectFault({ status: 429, retryAfterSeconds: 0, probability: 0.3, seed: 1, times: 1_000_000 });
    emulator.admin.injectFault({ status: 503, probability: 1 / 7, seed: 2, times: 1_000_000 }); // 10 % of all: 1/7 of the 70 % let through

    const up = await runProgram("up", stack.options());
    expect(up.errors).toEqual([]);
    expect(up.exitCode).toBe(0);
    // 40 configurations and the stack.
    expect(up.summary).toMatchObject({ create: 41, update: 0, delete: 0 });

    const log = emulator.admin.requests().filter((r) => r.api === "arm");
    const faulted = log.filter((r) => r.status === 429 || r.status === 503);
    // The storm really happened: about 40 % of requests were refused, and each refusal was retried.
    expect(faulted.length / log.length).toBeGreaterThan(0.25);
    expect(log.filter((r) => r.status === 503).length).toBeGreaterThan(3);

    // Azure holds exactly what the program declares, at every scope.
    SCOPES.forEach((scope, i) => {
        for (const [alertId, values] of Object.entries(declared(i)))
            expect(emulator.admin.configuration(scope, alertId)).toMatchObject(values);
    });
    // Each configuration was written once: a refused PATCH changed nothing, and none was applied twice.
    const applied = log.filter((r) => r.method === "PATCH" && r.status === 204).map((r) => r.path);
    expect(applied).toHaveLength(40);
    expect(new Set(applied).size).toBe(40);

    // The state records every resource with the declared values.
    const configurations = loadStackState(stack.stateFile).resources.filter(
        (r) => r.type === "pulumi-nodejs:dynamic/pim:AlertConfiguration",
    );
    expect(configurations).toHaveLength(40);
    expect(configurations.find((r) => r.name === "TooManyOwnersAssignedToResource-7")?.outputs).toMatchObject({
        thresholdNumberOfOwners: 10,
    });

    // Still in the storm: refresh (one list per scope, retried) and preview find nothing to change.
    emulator.admin.clearRequests();
    const preview = await runProgram("preview", stack.options({ refresh: true, expectNoChanges: true }));
    expect(preview.errors).toEqual([]);
    expect(preview.exitCode).toBe(0);
    expect(preview.summary).toMatchObject({ same: 41 });
    expect(emulator.admin.requests().filter((r) => r.api === "arm" && r.method !== "GET")).toEqual([]);
});
