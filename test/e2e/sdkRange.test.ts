/**
 * Where the two ends of the @pulumi/pulumi peer range behave differently for this package, through
 * the SDK's own dynamic-provider host; .ci/run runs this on every runtime combination
 * (.ci/runtimes.js), each expecting what its SDK does.
 *
 * A resource read by id in a program (`{ id }` in the options) makes the engine send Read with the
 * program's properties as `inputs` and no state. The host must find `__provider` there: 3.276's
 * host falls back to `inputs`; 3.248's looks only in the state and fails ("code must be a string, not
 * undefined") before our provider runs.
 * Nothing in this package can change that (the lookup is the host's); refresh, which sends the
 * state, works on both.
 */
import * as fs from "node:fs";
import { PROGRAM_DIR } from "../support/packedPackage";
import { capturedArmProviders, CONFIGURATION, startArmSession } from "./support/armSession";
import { sessionFixture } from "./support/sessionFixture";

const SUB = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";
const OWNERS = "TooManyOwnersAssignedToResource";
const CONFIG_ID = `${SUB}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/${OWNERS}`;

/** Whether the host of each SDK version CI runs finds `__provider` in a Read's inputs. */
const READS_PROVIDER_FROM_INPUTS: Readonly<Record<string, boolean>> = { "3.248.0": false, "3.276.0": true };

const { providers, start } = sessionFixture(capturedArmProviders, startArmSession);
/** The SDK the program (and so the host) resolves. */
const sdkVersion = (
    JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json", { paths: [PROGRAM_DIR] }), "utf8")) as {
        version: string;
    }
).version;

test(`@pulumi/pulumi ${sdkVersion}: a read with only inputs (a resource read by id in the program)`, async () => {
    const readsFromInputs = READS_PROVIDER_FROM_INPUTS[sdkVersion];
    if (readsFromInputs === undefined) {
        throw new Error(
            `@pulumi/pulumi ${sdkVersion} is not in READS_PROVIDER_FROM_INPUTS: read its cmd/dynamic-provider read() and add it`,
        );
    }
    const session = await start();
    expect(session.host.pulumiVersion).toBe(sdkVersion);
    const read = session.host.read(
        CONFIGURATION,
        "by-id",
        CONFIG_ID,
        {},
        { __provider: providers.configuration, scope: SUB, alertId: OWNERS },
    );
    if (readsFromInputs) {
        const result = await read;
        expect(result.id).toBe(CONFIG_ID);
        expect(result.properties).toMatchObject({
            scope: SUB,
            alertId: OWNERS,
            thresholdNumberOfOwners: 2,
            __provider: providers.configuration,
        });
    } else {
        // The host evaluates the missing `__provider` text: what the user sees.
        await expect(read).rejects.toThrow("code must be a string, not undefined");
        expect(session.emulator.admin.requests().filter((r) => r.api === "arm")).toEqual([]);
    }
});

test(`@pulumi/pulumi ${sdkVersion}: a refresh (the state carries __provider) reads the live configuration`, async () => {
    const session = await start();
    const read = await session.host.read(CONFIGURATION, "refreshed", CONFIG_ID, {
        __provider: providers.configuration,
        scope: SUB,
        alertId: OWNERS,
    });
    expect(read.id).toBe(CONFIG_ID);
    expect(read.properties).toMatchObject({ scope: SUB, alertId: OWNERS, thresholdNumberOfOwners: 2 });
});
