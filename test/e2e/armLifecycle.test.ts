/**
 * The ARM resources end to end, the way the Pulumi engine drives them: the packed package's real
 * resource classes serialized by the SDK, the dynamic-provider host over gRPC, the emulator as Azure.
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

const SUB = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";
const OWNERS = "TooManyOwnersAssignedToResource";
const CONFIG_ID = `${SUB}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/${OWNERS}`;

// One provider host for the file; reads go to Azure every time (no read cache carried from test to test).
const { providers, start } = sessionFixture(capturedArmProviders, startArmSession, {
    sharedOptions: { config: { "pim-alerts:readCacheSeconds": "0" } },
});
let session: ArmSession;

beforeEach(async () => {
    session = await start();
});

/** check + create of an AlertConfiguration, as `pulumi up` does for a new resource. */
async function createConfiguration(args: Record<string, unknown>, name = "owners") {
    return checkAndCreate(session, CONFIGURATION, name, { __provider: providers.configuration, ...args });
}

const apiCalls = () =>
    session.emulator.admin
        .requests()
        .filter((r) => r.api === "arm")
        .map((r) => `${r.method} ${r.status}`);

describe("AlertConfiguration", () => {
    test("create adopts the configuration: keeps what was there, sets only what is declared", async () => {
        const { id, properties } = await createConfiguration({
            scope: SUB.slice(1),
            alertId: OWNERS,
            thresholdNumberOfOwners: 4,
        });
        expect(id).toBe(CONFIG_ID);
        expect(properties).toMatchObject({
            scope: SUB,
            alertId: OWNERS,
            onDelete: "retain",
            declaredProperties: ["thresholdNumberOfOwners"],
            initialProperties: {
                isEnabled: true,
                thresholdNumberOfOwners: 2,
                thresholdPercentageOfOwnersOutOfAllRoleMembers: 3,
            },
            isEnabled: true,
            thresholdNumberOfOwners: 4,
            thresholdPercentageOfOwnersOutOfAllRoleMembers: 3,
        });
        // The undeclared percentage was never written: it still holds the example's 3.
        expect(session.emulator.admin.configuration(SUB, OWNERS)).toEqual({
            isEnabled: true,
            thresholdNumberOfOwners: 4,
            thresholdPercentageOfOwnersOutOfAllRoleMembers: 3,
        });
        expect(apiCalls()).toEqual(["GET 200", "PATCH 204", "GET 200"]);
    });

    test("create of a configuration already as declared makes one GET and no write", async () => {
        await createConfiguration({ scope: SUB, alertId: OWNERS, thresholdNumberOfOwners: 2, isEnabled: true });
        expect(apiCalls()).toEqual(["GET 200"]);
    });

    test("after create, a preview sees no change (diff makes no HTTP call)", async () => {
        const { id, inputs, properties } = await createConfiguration({
            scope: SUB,
            alertId: OWNERS,
            thresholdNumberOfOwners: 3,
        });
        session.emulator.admin.clearRequests();
        const again = await session.host.check(CONFIGURATION, "owners", inputs, {
            __provider: providers.configuration,
            scope: SUB,
            alertId: OWNERS,
            thresholdNumberOfOwners: 3,
        });
        const diff = await session.host.diff(CONFIGURATION, "owners", id, properties, again.inputs, inputs);
        expect(diff).toMatchObject({ changes: "none", replaces: [] });
        expect(apiCalls()).toEqual([]);
    });

    test("drift is found by read (live values in outputs and inputs) and repaired by update", async () => {
        const { id, inputs, properties } = await createConfiguration({
            scope: SUB,
            alertId: OWNERS,
            isEnabled: true,
            thresholdNumberOfOwners: 3,
        });
        session.emulator.admin.setConfiguration(SUB, OWNERS, {
            thresholdNumberOfOwners: 5,
            thresholdPercentageOfOwnersOutOfAllRoleMembers: 50,
        });
        session.emulator.admin.clearRequests();

        const read = await session.host.read(CONFIGURATION, "owners", id, properties, inputs);
        expect(read.id).toBe(id);
        expect(read.properties).toMatchObject({
            thresholdNumberOfOwners: 5,
            thresholdPercentageOfOwnersOutOfAllRoleMembers: 50,
        });
        // Refreshed inputs carry the live value of declared properties only: the preview shows 5 => 3.
        expect(read.inputs).toEqual({
            __provider: providers.configuration,
            scope: SUB,
            alertId: OWNERS,
            onDelete: "retain",
            isEnabled: true,
            thresholdNumberOfOwners: 5,
        });
        expect(apiCalls()).toEqual(["GET 200"]);

        const diff = await session.host.diff(CONFIGURATION, "owners", id, read.properties, inputs, read.inputs);
        expect(diff).toMatchObject({ changes: "some", replaces: [] });
        const updated = await session.host.update(CONFIGURATION, "owners", id, read.properties, inputs, read.inputs);
        expect(updated.properties).toMatchObject({
            thresholdNumberOfOwners: 3,
            thresholdPercentageOfOwnersOutOfAllRoleMembers: 50,
        });
        // Only the declared, drifted threshold was written back; the undeclared 50 % is left alone.
        expect(session.emulator.admin.configuration(SUB, OWNERS)).toEqual({
            isEnabled: true,
            thresholdNumberOfOwners: 3,
            thresholdPercentageOfOwnersOutOfAllRoleMembers: 50,
        });
        expect(apiCalls()).toEqual(["GET 200", "PATCH 204", "GET 200"]);
    });

    test("read works from the id alone, as after an import", async () => {
        // The engine only ever sends the serialized provider along; nothing else is known after an import.
        const read = await session.host.read(CONFIGURATION, "imported", CONFIG_ID, {
            __provider: providers.configuration,
        });
        expect(read.id).toBe(CONFIG_ID);
        expect(read.properties).toMatchObject({
            scope: SUB,
            alertId: OWNERS,
            thresholdNumberOfOwners: 2,
            declaredProperties: [],
        });
    });

    test("a changed scope or alert id replaces; a threshold change does not", async () => {
        const { id, inputs, properties } = await createConfiguration({
            scope: SUB,
            alertId: OWNERS,
            thresholdNumberOfOwners: 3,
        });
        const diffTo = async (change: Record<string, unknown>) => {
            const checked = await session.host.check(CONFIGURATION, "owners", inputs, { ...inputs, ...change });
            return session.host.diff(CONFIGURATION, "owners", id, properties, checked.inputs, inputs);
        };
        expect(await diffTo({ scope: `${SUB}/resourceGroups/rg-app` })).toMatchObject({
            changes: "some",
            replaces: ["scope"],
        });
        expect(await diffTo({ scope: SUB.toUpperCase() })).toMatchObject({ changes: "none" });
        expect(await diffTo({ thresholdNumberOfOwners: 9 })).toMatchObject({ changes: "some", replaces: [] });
    });

    test("delete retains by default: Azure keeps the declared values", async () => {
        const { id, properties } = await createConfiguration({
            scope: SUB,
            alertId: OWNERS,
            thresholdNumberOfOwners: 7,
        });
        await session.host.delete(CONFIGURATION, "owners", id, properties);
        expect(session.emulator.admin.configuration(SUB, OWNERS)).toMatchObject({ thresholdNumberOfOwners: 7 });
    });

    test("delete with onDelete restore puts back only the declared properties", async () => {
        const { id, properties } = await createConfiguration({
            scope: SUB,
            alertId: OWNERS,
            isEnabled: false,
            thresholdNumberOfOwners: 7,
            onDelete: "restore",
        });
        session.emulator.admin.setConfiguration(SUB, OWNERS, { thresholdPercentageOfOwnersOutOfAllRoleMembers: 60 });
        await session.host.delete(CONFIGURATION, "owners", id, properties);
        expect(session.emulator.admin.configuration(SUB, OWNERS)).toEqual({
            isEnabled: true,
            thresholdNumberOfOwners: 2,
            thresholdPercentageOfOwnersOutOfAllRoleMembers: 60,
        });
    });
});

describe("AlertDismissal", () => {
    const DUP = "DuplicateRoleCreated";

    test("dismisses, reports drift when the alert fires again, and dismisses it again", async () => {
        const checked = await session.host.check(
            DISMISSAL,
            "dup",
            {},
            { __provider: providers.dismissal, scope: SUB, alertId: DUP },
        );
        const created = await session.host.create(DISMISSAL, "dup", checked.inputs);
        expect(created.properties).toMatchObject({ isActive: false, scope: SUB, alertId: DUP });
        expect(session.emulator.admin.alert(SUB, DUP).isActive).toBe(false);

        session.emulator.admin.raiseIncident(SUB, DUP);
        const read = await session.host.read(DISMISSAL, "dup", created.id, created.properties, checked.inputs);
        expect(read.properties).toMatchObject({ isActive: true });
        expect(read.properties["incidentCount"]).toBeGreaterThan(0);
        expect(read.properties["lastScannedDateTime"]).toEqual(expect.any(String));
        expect(read.inputs).toMatchObject({ isActive: true });

        const diff = await session.host.diff(
            DISMISSAL,
            "dup",
            created.id,
            read.properties,
            checked.inputs,
            read.inputs,
        );
        expect(diff.changes).toBe("some");
        const updated = await session.host.update(
            DISMISSAL,
            "dup",
            created.id,
            read.properties,
            checked.inputs,
            read.inputs,
        );
        expect(updated.properties).toMatchObject({ isActive: false });
        expect(session.emulator.admin.alert(SUB, DUP).isActive).toBe(false);
    });

    test("delete leaves the alert dismissed; onDelete reactivate re-activates it", async () => {
        for (const [onDelete, expected] of [
            ["retain", false],
            ["reactivate", true],
        ] as const) {
            const checked = await session.host.check(
                DISMISSAL,
                "dup",
                {},
                { __provider: providers.dismissal, scope: SUB, alertId: DUP, onDelete },
            );
            const created = await session.host.create(DISMISSAL, "dup", checked.inputs);
            await session.host.delete(DISMISSAL, "dup", created.id, created.properties);
            expect(session.emulator.admin.alert(SUB, DUP).isActive).toBe(expected);
        }
    });
});
