/**
 * The packages type-check in a user's program: the product and the testing kit (with the emulator),
 * installed packed, compiled with the tsconfig of Pulumi's TypeScript template (CommonJS,
 * `moduleResolution: "node"`) and with node16 and bundler resolution, the packages' declaration
 * files checked too. (README's snippets are compiled the same way by test/unit/docs/readme.test.ts.)
 */
import { expect } from "@jest/globals";
import { consumerTypeErrors, ensureConsumerProgram, PULUMI_TEMPLATE_TSCONFIG } from "../support/consumerProgram";

/** A Pulumi program using the product. */
const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as pim from "pulumi-pim-alerts";

const config = new pulumi.Config();
export const owners = new pim.AlertConfiguration("owners", {
    scope: config.require("scope"),
    alertId: "TooManyOwnersAssignedToResource",
    thresholdNumberOfOwners: 3,
});
`;

/** Its test, with the testing kit and the emulator. */
const PROGRAM_TEST = `import { startEmulator, type Emulator } from "pulumi-pim-alerts-emulator";
import { loadStackState, runProgram, type PreviewDocument, type RunResult } from "pulumi-pim-alerts-testing";

let emulator: Emulator;
beforeEach(async () => {
    emulator = await startEmulator();
});
afterEach(() => emulator.stop());

test("the preview proposes the owners threshold", async () => {
    const result: RunResult = await runProgram("preview", {
        programDir: __dirname,
        config: { "pim-alerts:armEndpoint": emulator.url, scope: "/subscriptions/0" },
        env: emulator.admin.tokenEnvironment(),
        json: true,
    });
    const document: PreviewDocument | undefined = result.previewJson;
    expect(document?.steps?.length).toBeGreaterThan(0);
    expect(loadStackState("state.json").resources).toEqual([]);
});
`;

/** The subpath of the testing kit before it became a package of its own. */
const OLD_SUBPATH = 'import { runProgram } from "pulumi-pim-alerts/testing";\nvoid runProgram;\n';

beforeAll(async () => {
    await ensureConsumerProgram();
}, 180_000);

test("a program and its test type-check with Pulumi's TypeScript template (moduleResolution node, CommonJS)", () => {
    expect(
        consumerTypeErrors({ "index.ts": PROGRAM, "index.test.ts": PROGRAM_TEST }, PULUMI_TEMPLATE_TSCONFIG),
    ).toEqual([]);
}, 120_000);

test.each<[string, Record<string, unknown>]>([
    ["node16", { module: "node16", moduleResolution: "node16" }],
    ["bundler", { module: "esnext", moduleResolution: "bundler" }],
])(
    "with %s resolution both packages resolve; the old pulumi-pim-alerts/testing subpath does not",
    (_what, resolution) => {
        const errors = consumerTypeErrors(
            { "index.ts": PROGRAM, "index.test.ts": PROGRAM_TEST, "old.ts": OLD_SUBPATH },
            { ...PULUMI_TEMPLATE_TSCONFIG, ...resolution, skipLibCheck: true },
        );
        expect(errors).toEqual([
            expect.stringMatching(/^old\.ts\(1\): Cannot find module 'pulumi-pim-alerts\/testing'/),
        ]);
    },
    120_000,
);
