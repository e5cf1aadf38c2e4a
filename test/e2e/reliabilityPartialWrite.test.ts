/**
 * A PATCH that succeeded followed by a read-back that fails, or a PATCH whose outcome is unknown
 * (applied, and its answer lost): nothing is lost. The host reports the resource as
 * created/updated-but-failed (ErrorResourceInitFailed: id and the state to keep, originals included),
 * the runner keeps it in the stack's state marked for another update, and the next `up` repairs it.
 * A host killed between the PATCH and its answer leaves the originals in the adoption journal.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";
import { loadStackState, ProviderCallError, runProgram } from "pulumi-pim-alerts-testing";
import {
    capturedArmProviders,
    CONFIGURATION,
    programStack,
    startArmSession,
    type ArmSession,
    type ProgramStack,
} from "./support/armSession";
import { writeProgram } from "./support/packedProgram";

const SUB = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";
const OWNERS = "TooManyOwnersAssignedToResource";
const ID = `${SUB}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/${OWNERS}`;

let emulator: Emulator;
let stack: ProgramStack | undefined;
/** The provider host of the tests over gRPC that need one host only (started by the first of them). */
let sharedSession: ArmSession | undefined;

beforeAll(async () => {
    emulator = await startEmulator({ retryAfterSeconds: 0 });
});
// Seed data back, faults and the request log cleared: each test starts from the same Azure.
beforeEach(() => emulator.reset());
afterEach(() => {
    stack?.remove();
    stack = undefined;
});
afterAll(async () => {
    await sharedSession?.host.stop();
    await emulator.stop();
});

/** Writes the program declaring the owners threshold; the same file name each time, so it is one stack's program. */
const program = (name: string, threshold: number, onDelete = "retain") =>
    writeProgram(name, [
        'const pim = require("pulumi-pim-alerts");',
        `new pim.AlertConfiguration("owners", { scope: "${SUB}", alertId: "${OWNERS}", thresholdNumberOfOwners: ${threshold}, onDelete: "${onDelete}" });`,
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

/** The seed's owners configuration: what adoption must keep as the originals. */
const ORIGINALS = { isEnabled: true, thresholdNumberOfOwners: 2, thresholdPercentageOfOwnersOutOfAllRoleMembers: 3 };

/** The PATCH of the owners configuration is applied, then its answer is a 500, on every attempt (the first and all 6 retries). */
const loseEveryPatchAnswer = () =>
    emulator.admin.injectFault({
        method: "PATCH",
        pathIncludes: `roleManagementAlertConfigurations/${OWNERS}`,
        afterHandling: true,
        status: 500,
        retryAfterSeconds: 0,
        times: 7,
    });

/** Waits (bounded) until `condition` holds, polling. */
async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

const providers = capturedArmProviders();
/**
 * One provider host for the file's tests over gRPC whose creates end with an answer (a success, or a partial
 * failure: either removes the adoption journal's entry, so nothing of one test reaches the next; the emulator
 * is reset before each test).
 */
const sharedHost = async () => (sharedSession ??= await startArmSession({ emulator, keepEmulator: true })).host;

const owners = (s: ProgramStack) => loadStackState(s.stateFile).resources.find((r) => r.name === "owners");

// One stack: the create, then the update of what it created (an update needs a resource in the state, which the
// create's story leaves), so each partial failure is one `up` of its own and the stack is started once.
describe("a write that lands, then a read-back that fails: the state keeps the resource and the next up finishes", () => {
    test("create (adopted and written, not created twice), then update (kept with its old values), each repaired by the next up", async () => {
        stack = programStack(emulator, await program("partial-write", 5));

        // create: the adoption GET passes, the read-back after the PATCH fails.
        failReadBack(1);
        const createFailed = await runProgram("up", stack.options());
        expect(createFailed.exitCode).toBe(1);
        expect(emulator.admin.configuration(SUB, OWNERS)).toMatchObject({ thresholdNumberOfOwners: 5 });
        // Recorded with the values from before the write, so the next up writes again.
        expect(owners(stack)).toMatchObject({
            id: ID,
            outputs: { thresholdNumberOfOwners: 2, initialProperties: { thresholdNumberOfOwners: 2 } },
        });

        emulator.admin.clearRequests();
        const createFinished = await runProgram("up", stack.options());
        expect(createFinished.exitCode).toBe(0);
        expect(createFinished.summary).toMatchObject({ create: 0, update: 1 });
        expect(owners(stack)?.outputs).toMatchObject({
            thresholdNumberOfOwners: 5,
            initialProperties: { thresholdNumberOfOwners: 2 },
        });
        expect(
            emulator.admin
                .requests()
                .filter((r) => r.api === "arm")
                .map((r) => `${r.method} ${r.status}`),
        ).toEqual(["PATCH 204", "GET 200"]);

        // update: the PATCH lands, the read-back fails.
        await program("partial-write", 6);
        failReadBack();
        const updateFailed = await runProgram("up", stack.options());
        expect(updateFailed.exitCode).toBe(1);
        expect(updateFailed.errors.join("\n")).toMatch(
            /updated alert configuration TooManyOwnersAssignedToResource at .*, then: GET .* failed with 500.*The state is kept; run `pulumi up` again to finish/,
        );
        // Nothing lost: Azure has the new value, and the state still holds the resource (old values, marked failed).
        expect(emulator.admin.configuration(SUB, OWNERS)).toMatchObject({ thresholdNumberOfOwners: 6 });
        expect(owners(stack)).toMatchObject({
            id: ID,
            outputs: { thresholdNumberOfOwners: 5 },
            initErrors: [expect.stringContaining("failed with 500")],
        });

        const repaired = await runProgram("up", stack.options());
        expect(repaired.exitCode).toBe(0);
        expect(repaired.summary).toMatchObject({ update: 1 });
        const state = owners(stack);
        expect(state?.outputs).toMatchObject({ thresholdNumberOfOwners: 6 });
        expect(state?.initErrors).toEqual([]);
        expect((await runProgram("preview", stack.options({ refresh: true, expectNoChanges: true }))).exitCode).toBe(0);
    }, 240_000);
});

/** Check then create of the owners threshold 7 in the shared host, with `fault` set between the two; the create's error. */
async function failedCreate(fault: () => void): Promise<ProviderCallError> {
    const host = await sharedHost();
    const inputs = { __provider: providers.configuration, scope: SUB, alertId: OWNERS, thresholdNumberOfOwners: 7 };
    const checked = await host.check(CONFIGURATION, "owners", {}, inputs);
    fault();
    const error = await host.create(CONFIGURATION, "owners", checked.inputs).then(
        () => undefined,
        (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProviderCallError);
    return error as ProviderCallError;
}

test("over gRPC, the host's error carries the id, the state to keep and the reason", async () => {
    const { initFailure } = await failedCreate(() => failReadBack(1));
    expect(initFailure?.id).toBe(ID);
    expect(initFailure?.properties).toMatchObject({
        scope: SUB,
        alertId: OWNERS,
        thresholdNumberOfOwners: 2,
        declaredProperties: ["thresholdNumberOfOwners"],
        __provider: providers.configuration,
    });
    expect(initFailure?.reasons).toEqual([expect.stringMatching(/^GET .*failed with 500/)]);
});

describe("a PATCH whose outcome is unknown keeps the original values", () => {
    test("over gRPC: applied, its answer lost on every attempt; the create fails as a partial failure whose state holds the originals", async () => {
        const error = await failedCreate(loseEveryPatchAnswer);
        const { initFailure } = error;
        expect(initFailure?.id).toBe(ID);
        expect(initFailure?.properties).toMatchObject({
            ...ORIGINALS,
            initialProperties: ORIGINALS,
            __provider: providers.configuration,
        });
        expect(initFailure?.reasons).toEqual([expect.stringMatching(/^PATCH .*failed with 500/)]);
        expect(error.details).toMatch(/Whether Azure applied the write is unknown: the state is kept/);
        // The write did land: only the state's originals make a later restore right.
        expect(emulator.admin.configuration(SUB, OWNERS)).toMatchObject({ thresholdNumberOfOwners: 7 });
    }, 120_000);

    test("through the runner: the next up finishes, and a destroy with onDelete restore puts the originals back", async () => {
        stack = programStack(emulator, await program("unknown-outcome", 5, "restore"));
        loseEveryPatchAnswer();
        const failed = await runProgram("up", stack.options());
        expect(failed.exitCode).toBe(1);
        expect(failed.errors.join("\n")).toMatch(
            /updating alert configuration TooManyOwnersAssignedToResource at .*: PATCH .* failed with 500.*Whether Azure applied the write is unknown/,
        );
        expect(owners(stack)).toMatchObject({
            id: ID,
            outputs: { thresholdNumberOfOwners: 2, initialProperties: ORIGINALS },
        });

        const finished = await runProgram("up", stack.options());
        expect(finished.exitCode).toBe(0);
        expect(finished.summary).toMatchObject({ create: 0, update: 1 });
        expect(owners(stack)?.outputs).toMatchObject({ thresholdNumberOfOwners: 5, initialProperties: ORIGINALS });

        expect((await runProgram("destroy", stack.options())).exitCode).toBe(0);
        expect(emulator.admin.configuration(SUB, OWNERS)).toEqual(ORIGINALS);
    }, 180_000);

    test("the host killed between the PATCH and its answer: the next create, in a new host, takes the originals from the adoption journal", async () => {
        // Long enough that the provider does not time out and retry before the host is killed.
        const config = { "pim-alerts:timeoutSeconds": "120" };
        const first = await startArmSession({ emulator, config });
        const inputs = { __provider: providers.configuration, scope: SUB, alertId: OWNERS, thresholdNumberOfOwners: 7 };
        let checked: Awaited<ReturnType<typeof first.host.check>>;
        try {
            checked = await first.host.check(CONFIGURATION, "owners", {}, inputs);
            emulator.admin.injectFault({ method: "PATCH", afterHandling: true, hang: true, times: 1 });
            const pending = first.host.create(CONFIGURATION, "owners", checked.inputs).catch((e: unknown) => e);
            await until(
                () => emulator.admin.configuration(SUB, OWNERS)["thresholdNumberOfOwners"] === 7,
                "the PATCH to be applied",
            );
            await first.host.stop();
            expect(await pending).toBeInstanceOf(Error);
        } finally {
            // Stopped above, as the story needs; this stops it when the story failed before that.
            await first.host.stop();
        }

        // The engine recorded no resource: the next up creates it again, in another host than the killed one (as a
        // new `pulumi up` starts one): the file's shared host, which never saw this PATCH. Only the journal on disk
        // can give it the originals: Azure holds 7 now, and the adoption GET always asks Azure.
        const second = await sharedHost();
        const recreated = await second.create(CONFIGURATION, "owners", checked.inputs);
        expect(recreated.properties).toMatchObject({ thresholdNumberOfOwners: 7, initialProperties: ORIGINALS });

        // The window that remains: on another machine (no journal there), the written value is taken as the original.
        const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "pim-other-machine-"));
        const third = await startArmSession({ emulator, config, env: { PIM_ALERTS_STATE_DIR: elsewhere } });
        try {
            const created = await third.host.create(CONFIGURATION, "owners", checked.inputs);
            expect(created.properties).toMatchObject({
                initialProperties: { ...ORIGINALS, thresholdNumberOfOwners: 7 },
            });
        } finally {
            await third.host.stop();
            fs.rmSync(elsewhere, { recursive: true, force: true });
        }
    }, 120_000);
});
