/**
 * Refresh of many ARM resources through the dynamic-provider host: reads at one scope share one list
 * call, a lone read is still one call, writes drop the cached scope, and readCacheSeconds 0 is the
 * one-GET-per-resource baseline. Counted on the emulator's request log.
 */
import {
    capturedArmProviders,
    checkAndCreate,
    CONFIGURATION,
    DISMISSAL,
    startArmSession,
    type ArmSession,
} from "./support/armSession";
import { sessionFixture } from "./support/sessionFixture";

const SCOPES = [
    "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f",
    "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590",
];
const ALERTS = [
    "TooManyOwnersAssignedToResource",
    "TooManyPermanentOwnersAssignedToResource",
    "DuplicateRoleCreated",
    "AzureRolesAssignedOutsidePimAlert",
];

// Each test needs a fresh provider process, as a Pulumi command has: the read cache it is about lives
// in the process, and so does what coalescing has learnt (whether a list has missed, the calls lists
// have saved), which decides whether a read lists or GETs. A host cannot be told to forget either, and
// its config (readCacheSeconds included) is fixed when it is configured.
const { providers, start } = sessionFixture(capturedArmProviders, startArmSession, { shared: false });

interface Created {
    readonly type: string;
    readonly name: string;
    readonly id: string;
    readonly properties: Record<string, unknown>;
    readonly inputs: Record<string, unknown>;
}

/** Creates, through the host, every configuration at every scope plus one dismissal per scope. */
async function createAll(s: ArmSession): Promise<Created[]> {
    const created: Created[] = [];
    for (const [i, scope] of SCOPES.entries()) {
        for (const alertId of ALERTS) {
            created.push(
                await createOne(s, CONFIGURATION, `${alertId}-${i}`, {
                    __provider: providers.configuration,
                    scope,
                    alertId,
                    isEnabled: true,
                }),
            );
        }
        created.push(
            await createOne(s, DISMISSAL, `dup-${i}`, {
                __provider: providers.dismissal,
                scope,
                alertId: "DuplicateRoleCreated",
            }),
        );
    }
    return created;
}

async function createOne(s: ArmSession, type: string, name: string, args: Record<string, unknown>): Promise<Created> {
    const { id, properties, inputs } = await checkAndCreate(s, type, name, args);
    return { type, name, id, properties, inputs };
}

/** Reads (refreshes) every resource, in order; returns the ARM requests the reads made. */
async function refresh(s: ArmSession, resources: readonly Created[]) {
    s.emulator.admin.clearRequests();
    const reads = [];
    for (const r of resources) reads.push(await s.host.read(r.type, r.name, r.id, r.properties, r.inputs));
    const calls = s.emulator.admin
        .requests()
        .filter((r) => r.api === "arm")
        .map((r) => `${r.method} ${r.path}`);
    return { reads, calls };
}

const list = (scope: string, collection: string) => `GET ${scope}/providers/Microsoft.Authorization/${collection}`;

test("a refresh makes one list call per scope and collection, not one GET per resource, and reads the same values", async () => {
    const session = await start();
    const resources = await createAll(session);
    session.emulator.admin.setConfiguration(SCOPES[1], "TooManyOwnersAssignedToResource", {
        thresholdNumberOfOwners: 8,
    });

    const { reads, calls } = await refresh(session, resources);
    expect(calls).toEqual(
        SCOPES.flatMap((scope) => [
            list(scope, "roleManagementAlertConfigurations"),
            list(scope, "roleManagementAlerts"),
        ]),
    );
    // What a user sees is unchanged: the live values, drift included.
    expect(reads.every((r, i) => r.id === resources[i]?.id)).toBe(true);
    expect(reads[5]?.properties).toMatchObject({
        alertId: "TooManyOwnersAssignedToResource",
        thresholdNumberOfOwners: 8,
    });
    expect(reads[4]?.properties).toMatchObject({ alertId: "DuplicateRoleCreated", isActive: false });
});

test("a lone read is still one request", async () => {
    const session = await start();
    const [owners] = await createAll(session);
    const { calls } = await refresh(session, [owners]);
    expect(calls).toEqual([list(SCOPES[0], "roleManagementAlertConfigurations")]);
});

test("an update drops the cached scope: the next read sees Azure after the write, other scopes stay cached", async () => {
    const session = await start();
    const resources = await createAll(session);
    await refresh(session, resources);
    const owners = resources[0];
    const news = { ...owners.inputs, thresholdNumberOfOwners: 6 };
    const updated = await session.host.update(
        CONFIGURATION,
        owners.name,
        owners.id,
        owners.properties,
        news,
        owners.inputs,
    );
    expect(updated.properties).toMatchObject({ thresholdNumberOfOwners: 6 });
    // Drift made in the portal after the write is seen too: the write dropped the list of that scope.
    session.emulator.admin.setConfiguration(SCOPES[0], "DuplicateRoleCreated", { isEnabled: false });

    const { reads, calls } = await refresh(session, resources);
    expect(calls).toEqual([
        list(SCOPES[0], "roleManagementAlertConfigurations"),
        list(SCOPES[0], "roleManagementAlerts"),
    ]);
    expect(reads[0]?.properties).toMatchObject({ thresholdNumberOfOwners: 6 });
    expect(reads[2]?.properties).toMatchObject({ alertId: "DuplicateRoleCreated", isEnabled: false });
});

test("create and update never use the cache: adoption GET and read-back always go to Azure", async () => {
    const session = await start();
    const resources = await createAll(session);
    await refresh(session, resources);
    session.emulator.admin.setConfiguration(SCOPES[0], "TooManyOwnersAssignedToResource", {
        thresholdNumberOfOwners: 7,
    });
    session.emulator.admin.clearRequests();
    const again = await createOne(session, CONFIGURATION, "owners-again", {
        __provider: providers.configuration,
        scope: SCOPES[0],
        alertId: "TooManyOwnersAssignedToResource",
    });
    expect(again.properties).toMatchObject({ thresholdNumberOfOwners: 7 });
    expect(
        session.emulator.admin
            .requests()
            .filter((r) => r.api === "arm")
            .map((r) => r.method),
    ).toEqual(["GET"]);
});

test("readCacheSeconds 0 is the baseline: one GET per resource", async () => {
    const session = await start({ config: { "pim-alerts:readCacheSeconds": "0" } });
    const resources = await createAll(session);
    const { calls } = await refresh(session, resources);
    expect(calls).toEqual(resources.map((r) => `GET ${r.id}`));
});
