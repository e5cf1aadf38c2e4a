/**
 * The offline runner keeps Pulumi's promises with this package's resources: resource options act
 * as under the engine (a retained configuration is not restored, a protected dismissal is not
 * deleted), and failures read as Pulumi shows them, the real cause first.
 */
import { expect } from "@jest/globals";
import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";
import { runProgram } from "pulumi-pim-alerts-testing";
import { hostEnvironment, programStack, type ProgramStack } from "./support/armSession";
import { writeProgram } from "./support/packedProgram";

const SUB = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";
const OWNERS = "TooManyOwnersAssignedToResource";

let emulator: Emulator;
let stacks: ProgramStack[] = [];
const stackOf = (programFile: string, config: Record<string, string> = {}): ProgramStack => {
    const stack = programStack(emulator, programFile, config);
    stacks.push(stack);
    return stack;
};
const armWrites = () =>
    emulator.admin
        .requests()
        .filter((r) => r.api === "arm" && r.method !== "GET")
        .map((r) => `${r.method} ${r.status}`);

beforeAll(async () => {
    emulator = await startEmulator({ retryAfterSeconds: 0 });
});
beforeEach(() => emulator.reset());
afterEach(() => {
    for (const stack of stacks) stack.remove();
    stacks = [];
});
afterAll(async () => {
    await emulator.stop();
});

test("retainOnDelete: a configuration with onDelete 'restore' leaves the program and Azure keeps its values; protect: a dismissal is not deleted", async () => {
    const programFile = await writeProgram("offline-options", [
        'const pulumi = require("@pulumi/pulumi");',
        'const pim = require("pulumi-pim-alerts");',
        'const version = new pulumi.Config().requireNumber("version");',
        `const scope = "${SUB}";`,
        "if (version === 1) {",
        `    new pim.AlertConfiguration("owners", { scope, alertId: "${OWNERS}", thresholdNumberOfOwners: 5, onDelete: "restore" }, { retainOnDelete: true });`,
        '    new pim.AlertDismissal("dup", { scope, alertId: "DuplicateRoleCreated", onDelete: "reactivate" }, { protect: true });',
        "}",
    ]);
    const stack = stackOf(programFile);
    const run = (version: number) =>
        runProgram("up", stack.options({ config: { ...stack.options().config, version: String(version) } }));

    expect((await run(1)).errors).toEqual([]);
    expect(emulator.admin.configuration(SUB, OWNERS)).toMatchObject({ thresholdNumberOfOwners: 5 });
    emulator.admin.clearRequests();

    // Both leave the program.
    const second = await run(2);
    // The protected dismissal is refused, with the engine's message: the alert stays dismissed.
    expect(second.exitCode).toBe(1);
    expect(second.errors).toEqual([
        expect.stringMatching(/^resource ".*pim:AlertDismissal::dup" cannot be deleted\nbecause it is protected/),
    ]);
    expect(emulator.admin.alert(SUB, "DuplicateRoleCreated").isActive).toBe(false);
    // The retained configuration leaves the state; the provider's delete (which would restore the threshold of 2) never ran.
    expect(
        second.steps.filter((s) => s.op === "delete" && s.error === undefined).map((s) => [s.name, s.retained]),
    ).toEqual([["owners", true]]);
    expect(emulator.admin.configuration(SUB, OWNERS)).toMatchObject({ thresholdNumberOfOwners: 5 });
    expect(armWrites()).toEqual([]);
}, 240_000);

test("failures read as Pulumi shows them: the provider's message, and the real cause of a bad endpoint or identity first", async () => {
    const programFile = await writeProgram("offline-failures", [
        'const pim = require("pulumi-pim-alerts");',
        'new pim.DirectoryAlertConfiguration("stale", { alertId: "StaleSignInAlert", duration: "P45D" });',
    ]);
    const env = hostEnvironment(emulator);
    const identity = env["IDENTITY_ENDPOINT"] ?? "";
    const cases: Array<[string, Partial<Parameters<ProgramStack["options"]>[0]>, RegExp]> = [
        [
            "Graph answers 403",
            {},
            /^PATCH http:\/\/127\.0\.0\.1:\d+\/beta\/.* failed with 403 Forbidden: .*RoleManagementAlert\.ReadWrite\.Directory/s,
        ],
        [
            "a Graph endpoint without /beta",
            { config: { "pim-alerts:graphEndpoint": emulator.url } },
            /^pim-alerts:graphEndpoint is "http:\/\/127\.0\.0\.1:\d+", which is not Microsoft Graph beta/,
        ],
        [
            "an identity endpoint that is not there",
            { env: { ...env, IDENTITY_ENDPOINT: identity.replace(/:\d+\//, ":9/") } },
            /^getting an access token for .*: the managed identity endpoint http:\/\/127\.0\.0\.1:9\/\S+ \(IDENTITY_ENDPOINT\) could not be reached/,
        ],
        [
            "a stale identity header",
            { env: { ...env, IDENTITY_HEADER: "from-an-emulator-that-ended" } },
            /^getting an access token for .*: the managed identity endpoint \S+ \(IDENTITY_ENDPOINT\) refused the request: The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER/,
        ],
    ];
    emulator.admin.injectFault({ method: "PATCH", status: 403, times: 1 });
    // Independent stacks: run side by side.
    const results = await Promise.all(
        cases.map(async ([what, options]) => {
            const base = stackOf(programFile).options();
            return [
                what,
                await runProgram("up", { ...base, ...options, config: { ...base.config, ...options?.config } }),
            ] as const;
        }),
    );
    for (const [i, [what, , message]] of cases.entries()) {
        const result = results[i]?.[1];
        if (!result) throw new Error(`no result for ${what}`);
        expect([what, result.exitCode]).toEqual([what, 1]);
        expect([what, result.errors]).toEqual([what, [expect.stringMatching(message)]]);
        expect(result.output.join("\n")).not.toMatch(/gRPC|UNKNOWN \(2\)|DEADLINE_EXCEEDED|ChainedTokenCredential/);
    }
}, 240_000);
