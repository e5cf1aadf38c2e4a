/**
 * The directory-role (Microsoft Graph beta) resources end to end, the way the Pulumi engine drives
 * them: the packed package's real resource classes serialized by the SDK, the dynamic-provider host
 * over gRPC, the emulator as Graph. Covers every configuration type, durations compared by meaning,
 * the ranges, the tenant id, dismissal drift and 403.
 */
import { MANAGED_IDENTITY_OBJECT_ID } from "pulumi-pim-alerts-emulator";
import {
    capturedDirectoryProviders,
    DIRECTORY_CONFIGURATION,
    DIRECTORY_DISMISSAL,
    startDirectorySession,
    type DirectorySession,
} from "./support/directorySession";
import { sessionFixture } from "./support/sessionFixture";

const { providers, start } = sessionFixture(capturedDirectoryProviders, startDirectorySession);

/** check + create of a DirectoryAlertConfiguration, as `pulumi up` does for a new resource. */
async function createConfiguration(s: DirectorySession, args: Record<string, unknown>, name = "config") {
    const checked = await s.host.check(
        DIRECTORY_CONFIGURATION,
        name,
        {},
        { __provider: providers.configuration, ...args },
    );
    expect(checked.failures).toEqual([]);
    const created = await s.host.create(DIRECTORY_CONFIGURATION, name, checked.inputs);
    return { inputs: checked.inputs, ...created };
}

/** The error a call rejects with; fails the test when it resolves. */
async function failureOf(call: Promise<unknown>): Promise<Error> {
    const outcome = await call.then(
        () => undefined,
        (e: unknown) => e,
    );
    if (!(outcome instanceof Error)) throw new Error(`expected a failure, got ${String(outcome)}`);
    return outcome;
}

async function createDismissal(s: DirectorySession, args: Record<string, unknown>, name = "dismissal") {
    const checked = await s.host.check(DIRECTORY_DISMISSAL, name, {}, { __provider: providers.dismissal, ...args });
    expect(checked.failures).toEqual([]);
    const created = await s.host.create(DIRECTORY_DISMISSAL, name, checked.inputs);
    return { inputs: checked.inputs, ...created };
}

describe("DirectoryAlertConfiguration: every configuration type", () => {
    // Declared values differ from the emulator's seed; `stored` is what Graph holds afterwards (Edm.Duration spelling).
    test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
        ["InvalidLicenseAlert", { isEnabled: false }, { isEnabled: false }],
        ["NoMfaOnRoleActivationAlert", { isEnabled: false }, { isEnabled: false }],
        ["RedundantAssignmentAlert", { duration: "P2W" }, { isEnabled: true, duration: "P14D" }],
        ["RolesAssignedOutsidePimAlert", { isEnabled: false }, { isEnabled: false }],
        [
            "SequentialActivationRenewalsAlert",
            { sequentialActivationCounterThreshold: 4, timeIntervalBetweenActivations: "PT90M" },
            { isEnabled: true, sequentialActivationCounterThreshold: 4, timeIntervalBetweenActivations: "PT1H30M" },
        ],
        ["StaleSignInAlert", { isEnabled: true, duration: "P60D" }, { isEnabled: true, duration: "P60D" }],
        [
            "TooManyGlobalAdminsAssignedToTenantAlert",
            { globalAdminCountThreshold: 4, percentageOfGlobalAdminsOutOfRolesThreshold: 20 },
            { isEnabled: true, globalAdminCountThreshold: 4, percentageOfGlobalAdminsOutOfRolesThreshold: 20 },
        ],
    ])(
        "%s: create adopts (GET, PATCH with @odata.type, GET) and writes only what is declared",
        async (alertId, args, stored) => {
            const s = await start();
            const before = s.emulator.admin.graph.configuration(alertId);
            const { id, properties } = await createConfiguration(s, { alertId, ...args });
            expect(id).toBe(s.idOf(alertId));
            expect(properties).toMatchObject({
                alertId,
                tenantId: s.emulator.tenantId,
                onDelete: "retain",
                odataType: expect.stringMatching(/^#microsoft\.graph\.[a-zA-Z]+AlertConfiguration$/),
                declaredProperties: Object.keys(args),
                initialProperties: before,
                // Durations are reported in the program's spelling.
                ...args,
            });
            expect(s.emulator.admin.graph.configuration(alertId)).toEqual(stored);
            // The tenant came from the token's tid: no list call was needed.
            expect(s.graphCalls()).toEqual(["GET 200", "PATCH 204", "GET 200"]);
        },
    );
});

describe("DirectoryAlertConfiguration: durations compared by meaning", () => {
    test.each<[string]>([["P30D"], ["PT720H"], ["P4W2D"]])(
        "declaring %s where Graph holds P30D writes nothing and reports the program's spelling",
        async (duration) => {
            const s = await start();
            const { properties } = await createConfiguration(s, { alertId: "StaleSignInAlert", duration });
            expect(s.graphCalls()).toEqual(["GET 200"]);
            expect(properties["duration"]).toBe(duration);
        },
    );

    test("Graph answering in another spelling is no drift; a different length is", async () => {
        const s = await start();
        const { id, inputs, properties } = await createConfiguration(s, {
            alertId: "StaleSignInAlert",
            duration: "P30D",
        });

        s.emulator.admin.graph.setConfiguration("StaleSignInAlert", { duration: "PT720H" });
        const same = await s.host.read(DIRECTORY_CONFIGURATION, "config", id, properties, inputs);
        expect(same.inputs).toMatchObject({ duration: "P30D" });
        expect(same.properties).toMatchObject({ duration: "P30D" });
        expect(
            await s.host.diff(DIRECTORY_CONFIGURATION, "config", id, same.properties, inputs, same.inputs),
        ).toMatchObject({ changes: "none" });

        s.emulator.admin.graph.setConfiguration("StaleSignInAlert", { duration: "P45D" });
        const drifted = await s.host.read(DIRECTORY_CONFIGURATION, "config", id, same.properties, inputs);
        expect(drifted.inputs).toMatchObject({ duration: "P45D" });
        expect(
            await s.host.diff(DIRECTORY_CONFIGURATION, "config", id, drifted.properties, inputs, drifted.inputs),
        ).toMatchObject({
            changes: "some",
            replaces: [],
        });
        s.emulator.admin.clearRequests();
        const updated = await s.host.update(
            DIRECTORY_CONFIGURATION,
            "config",
            id,
            drifted.properties,
            inputs,
            drifted.inputs,
        );
        expect(updated.properties).toMatchObject({ duration: "P30D" });
        expect(s.emulator.admin.graph.configuration("StaleSignInAlert")).toMatchObject({ duration: "P30D" });
        expect(s.graphCalls()).toEqual(["PATCH 204", "GET 200"]);
    });

    test("respelling a declared duration in the program is not a change", async () => {
        const s = await start();
        const { id, inputs, properties } = await createConfiguration(s, {
            alertId: "SequentialActivationRenewalsAlert",
            timeIntervalBetweenActivations: "PT1H",
        });
        const checked = await s.host.check(DIRECTORY_CONFIGURATION, "config", inputs, {
            ...inputs,
            timeIntervalBetweenActivations: "PT60M",
        });
        expect(
            await s.host.diff(DIRECTORY_CONFIGURATION, "config", id, properties, checked.inputs, inputs),
        ).toMatchObject({ changes: "none" });
    });
});

describe("DirectoryAlertConfiguration: ranges", () => {
    // Both ends of every range are accepted by check and by Graph.
    test.each<[string, Record<string, unknown>]>([
        [
            "TooManyGlobalAdminsAssignedToTenantAlert",
            { globalAdminCountThreshold: 2, percentageOfGlobalAdminsOutOfRolesThreshold: 0 },
        ],
        [
            "TooManyGlobalAdminsAssignedToTenantAlert",
            { globalAdminCountThreshold: 100, percentageOfGlobalAdminsOutOfRolesThreshold: 100 },
        ],
        ["StaleSignInAlert", { duration: "P1D" }],
        ["StaleSignInAlert", { duration: "P365D" }],
        ["RedundantAssignmentAlert", { duration: "P0D" }],
        ["RedundantAssignmentAlert", { duration: "P100D" }],
        [
            "SequentialActivationRenewalsAlert",
            { sequentialActivationCounterThreshold: 2, timeIntervalBetweenActivations: "PT1S" },
        ],
        [
            "SequentialActivationRenewalsAlert",
            { sequentialActivationCounterThreshold: 100, timeIntervalBetweenActivations: "P30D" },
        ],
    ])("%s accepts %j", async (alertId, args) => {
        const s = await start();
        const { properties } = await createConfiguration(s, { alertId, ...args });
        expect(properties).toMatchObject(args);
    });

    test.each<[string, Record<string, unknown>, string, string]>([
        [
            "TooManyGlobalAdminsAssignedToTenantAlert",
            { globalAdminCountThreshold: 1 },
            "globalAdminCountThreshold",
            "between 2 and 100",
        ],
        [
            "TooManyGlobalAdminsAssignedToTenantAlert",
            { percentageOfGlobalAdminsOutOfRolesThreshold: 101 },
            "percentageOfGlobalAdminsOutOfRolesThreshold",
            "between 0 and 100",
        ],
        ["StaleSignInAlert", { duration: "P366D" }, "duration", "between P1D and P365D"],
        ["StaleSignInAlert", { duration: "P1M" }, "duration", "uses years or months"],
        ["StaleSignInAlert", { duration: "PT36H" }, "duration", "whole number of days"],
        ["RedundantAssignmentAlert", { duration: "P101D" }, "duration", "between P0D and P100D"],
        [
            "SequentialActivationRenewalsAlert",
            { sequentialActivationCounterThreshold: 101 },
            "sequentialActivationCounterThreshold",
            "between 2 and 100",
        ],
        [
            "SequentialActivationRenewalsAlert",
            { timeIntervalBetweenActivations: "P31D" },
            "timeIntervalBetweenActivations",
            "between PT1S and P30D",
        ],
        [
            "StaleSignInAlert",
            { globalAdminCountThreshold: 3 },
            "globalAdminCountThreshold",
            "not a setting of StaleSignInAlert",
        ],
        ["InvalidLicenseAlert", { duration: "P30D" }, "duration", "this alert has no settings (only isEnabled)"],
    ])(
        "%s rejects %j in check, naming the property and value, with no HTTP call",
        async (alertId, args, property, reason) => {
            const s = await start();
            const result = await s.host.check(
                DIRECTORY_CONFIGURATION,
                "config",
                {},
                { __provider: providers.configuration, alertId, ...args },
            );
            expect(result.failures).toEqual([{ property, reason: expect.stringContaining(reason) }]);
            expect(result.failures[0]?.reason).toContain(JSON.stringify(args[property]));
            expect(s.emulator.admin.requests()).toEqual([]);
        },
    );
});

describe("DirectoryAlertConfiguration: lifecycle", () => {
    test("drift of a declared property is found by read and repaired by update; undeclared ones are left alone", async () => {
        const s = await start();
        const alertId = "TooManyGlobalAdminsAssignedToTenantAlert";
        const { id, inputs, properties } = await createConfiguration(s, { alertId, globalAdminCountThreshold: 4 });
        s.emulator.admin.graph.setConfiguration(alertId, {
            globalAdminCountThreshold: 9,
            percentageOfGlobalAdminsOutOfRolesThreshold: 50,
        });
        s.emulator.admin.clearRequests();

        const read = await s.host.read(DIRECTORY_CONFIGURATION, "config", id, properties, inputs);
        expect(read.inputs).toEqual({
            __provider: providers.configuration,
            alertId,
            onDelete: "retain",
            globalAdminCountThreshold: 9,
        });
        expect(read.properties).toMatchObject({
            globalAdminCountThreshold: 9,
            percentageOfGlobalAdminsOutOfRolesThreshold: 50,
        });
        const updated = await s.host.update(
            DIRECTORY_CONFIGURATION,
            "config",
            id,
            read.properties,
            inputs,
            read.inputs,
        );
        expect(updated.properties).toMatchObject({
            globalAdminCountThreshold: 4,
            percentageOfGlobalAdminsOutOfRolesThreshold: 50,
        });
        expect(s.emulator.admin.graph.configuration(alertId)).toEqual({
            isEnabled: true,
            globalAdminCountThreshold: 4,
            percentageOfGlobalAdminsOutOfRolesThreshold: 50,
        });
        expect(s.graphCalls()).toEqual(["GET 200", "PATCH 204", "GET 200"]);
    });

    test("read works from the id alone, as after an import", async () => {
        const s = await start();
        const read = await s.host.read(DIRECTORY_CONFIGURATION, "imported", s.idOf("StaleSignInAlert"), {
            __provider: providers.configuration,
        });
        expect(read.id).toBe(s.idOf("StaleSignInAlert"));
        expect(read.properties).toMatchObject({
            alertId: "StaleSignInAlert",
            tenantId: s.emulator.tenantId,
            duration: "P30D",
            declaredProperties: [],
        });
    });

    test("a new alert id replaces; a setting change does not", async () => {
        const s = await start();
        const { id, inputs, properties } = await createConfiguration(s, {
            alertId: "StaleSignInAlert",
            duration: "P60D",
        });
        const diffTo = async (change: Record<string, unknown>) => {
            const checked = await s.host.check(DIRECTORY_CONFIGURATION, "config", inputs, { ...inputs, ...change });
            return s.host.diff(DIRECTORY_CONFIGURATION, "config", id, properties, checked.inputs, inputs);
        };
        expect(await diffTo({ alertId: "RedundantAssignmentAlert" })).toMatchObject({
            changes: "some",
            replaces: ["alertId"],
        });
        expect(await diffTo({ duration: "P90D" })).toMatchObject({ changes: "some", replaces: [] });
    });

    test.each<[string, Record<string, unknown>]>([
        // retain (the default) keeps the declared values.
        ["retain", { isEnabled: false, duration: "P60D" }],
        // restore puts back the declared properties' adopted values.
        ["restore", { isEnabled: true, duration: "P30D" }],
    ])("delete with onDelete %s leaves %j", async (onDelete, expected) => {
        const s = await start();
        const { id, properties } = await createConfiguration(s, {
            alertId: "StaleSignInAlert",
            isEnabled: false,
            duration: "P60D",
            onDelete,
        });
        await s.host.delete(DIRECTORY_CONFIGURATION, "config", id, properties);
        expect(s.emulator.admin.graph.configuration("StaleSignInAlert")).toEqual(expected);
    });

    test("restore never writes an undeclared property", async () => {
        const s = await start();
        const alertId = "TooManyGlobalAdminsAssignedToTenantAlert";
        const { id, properties } = await createConfiguration(s, {
            alertId,
            globalAdminCountThreshold: 8,
            onDelete: "restore",
        });
        s.emulator.admin.graph.setConfiguration(alertId, { percentageOfGlobalAdminsOutOfRolesThreshold: 60 });
        await s.host.delete(DIRECTORY_CONFIGURATION, "config", id, properties);
        expect(s.emulator.admin.graph.configuration(alertId)).toEqual({
            isEnabled: true,
            globalAdminCountThreshold: 3,
            percentageOfGlobalAdminsOutOfRolesThreshold: 60,
        });
    });

    test("the configured tenant id is used before the token's", async () => {
        const other = "0f0f0f0f-1111-2222-3333-444444444444";
        const s = await start({ config: { "pim-alerts:tenantId": other } });
        const checked = await s.host.check(
            DIRECTORY_CONFIGURATION,
            "config",
            {},
            { __provider: providers.configuration, alertId: "StaleSignInAlert", duration: "P60D" },
        );
        await expect(s.host.create(DIRECTORY_CONFIGURATION, "config", checked.inputs)).rejects.toThrow(
            `directory alert configuration StaleSignInAlert in tenant ${other} was not found: check the tenant id and the alert id`,
        );
    });
});

describe("DirectoryAlertDismissal", () => {
    const NO_MFA = "NoMfaOnRoleActivationAlert";

    test("dismisses, reports drift when the alert fires again, dismisses it again, and never refreshes", async () => {
        const s = await start();
        s.emulator.admin.graph.raiseIncident(NO_MFA);
        const { id, inputs, properties } = await createDismissal(s, { alertId: NO_MFA });
        expect(id).toBe(s.idOf(NO_MFA));
        expect(properties).toMatchObject({
            alertId: NO_MFA,
            tenantId: s.emulator.tenantId,
            onDelete: "retain",
            isActive: false,
        });
        expect(s.emulator.admin.graph.alert(NO_MFA).isActive).toBe(false);

        s.emulator.admin.graph.raiseIncident(NO_MFA);
        const read = await s.host.read(DIRECTORY_DISMISSAL, "dismissal", id, properties, inputs);
        expect(read.properties).toMatchObject({
            isActive: true,
            incidentCount: s.emulator.admin.graph.alert(NO_MFA).incidentCount,
        });
        expect(read.properties["lastScannedDateTime"]).toEqual(expect.any(String));
        // Refreshed inputs say isActive true; the program says false: the preview shows `isActive: true => false`.
        expect(read.inputs).toEqual({
            __provider: providers.dismissal,
            alertId: NO_MFA,
            onDelete: "retain",
            isActive: true,
        });
        expect(inputs).toMatchObject({ isActive: false });

        expect(
            await s.host.diff(DIRECTORY_DISMISSAL, "dismissal", id, read.properties, inputs, read.inputs),
        ).toMatchObject({ changes: "some", replaces: [] });
        const updated = await s.host.update(DIRECTORY_DISMISSAL, "dismissal", id, read.properties, inputs, read.inputs);
        expect(updated.properties).toMatchObject({ isActive: false });
        expect(s.emulator.admin.graph.alert(NO_MFA).isActive).toBe(false);
        // Existing incidents stay; no refresh (which would re-activate the alert) was ever sent.
        expect(s.emulator.admin.graph.alert(NO_MFA).incidentCount).toBeGreaterThan(0);
        expect(s.emulator.admin.requests().filter((r) => r.method === "POST")).toEqual([]);
    });

    test.each<[string, boolean]>([
        ["retain", false],
        ["reactivate", true],
    ])("delete with onDelete %s leaves isActive %s", async (onDelete, isActive) => {
        const s = await start();
        const { id, properties } = await createDismissal(s, { alertId: NO_MFA, onDelete });
        await s.host.delete(DIRECTORY_DISMISSAL, "dismissal", id, properties);
        expect(s.emulator.admin.graph.alert(NO_MFA).isActive).toBe(isActive);
    });

    test("a failed read-back after the dismissal keeps the state, and the next update repairs it", async () => {
        const s = await start();
        s.emulator.admin.injectFault({ method: "GET", status: 500, retryAfterSeconds: 0, times: 7 });
        const checked = await s.host.check(
            DIRECTORY_DISMISSAL,
            "dismissal",
            {},
            { __provider: providers.dismissal, alertId: NO_MFA },
        );
        await expect(s.host.create(DIRECTORY_DISMISSAL, "dismissal", checked.inputs)).rejects.toThrow(
            /dismissed directory alert NoMfaOnRoleActivationAlert in tenant .*, then: GET .* failed with 500.*The state is kept; run `pulumi up` again to finish/,
        );
        // The PATCH reached Graph; the engine recorded the alert as still active, so the next `up` dismisses again.
        expect(s.emulator.admin.graph.alert(NO_MFA).isActive).toBe(false);
        const recorded = {
            __provider: providers.dismissal,
            alertId: NO_MFA,
            tenantId: s.emulator.tenantId,
            onDelete: "retain",
            isActive: true,
            incidentCount: 0,
            lastScannedDateTime: "",
        };
        const id = s.idOf(NO_MFA);
        expect(await s.host.diff(DIRECTORY_DISMISSAL, "dismissal", id, recorded, checked.inputs)).toMatchObject({
            changes: "some",
        });
        const updated = await s.host.update(DIRECTORY_DISMISSAL, "dismissal", id, recorded, checked.inputs);
        expect(updated.properties).toMatchObject({
            isActive: false,
            incidentCount: s.emulator.admin.graph.alert(NO_MFA).incidentCount,
        });
    });
});

describe("403", () => {
    test("a configuration write names the permission and the role, and changes nothing", async () => {
        const s = await start();
        s.emulator.admin.setReadOnly(MANAGED_IDENTITY_OBJECT_ID);
        const checked = await s.host.check(
            DIRECTORY_CONFIGURATION,
            "config",
            {},
            { __provider: providers.configuration, alertId: "StaleSignInAlert", duration: "P60D" },
        );
        const error = await failureOf(s.host.create(DIRECTORY_CONFIGURATION, "config", checked.inputs));
        expect(error.message).toMatch(
            /PATCH http:\/\/127\.0\.0\.1:\d+\/beta\/identityGovernance\/roleManagementAlerts\/alertConfigurations\/DirectoryRole_[0-9a-f-]{36}_StaleSignInAlert failed with 403 Forbidden: Authorization_RequestDenied: /,
        );
        expect(error.message).toMatch(/\(request id: [0-9a-f-]{36}\)/);
        expect(error.message).toContain("RoleManagementAlert.ReadWrite.Directory");
        expect(error.message).toContain("Privileged Role Administrator role");
        expect(s.emulator.admin.graph.configuration("StaleSignInAlert")).toMatchObject({ duration: "P30D" });
    });

    test("a dismissal names the permission and the role, and the alert stays active", async () => {
        const s = await start();
        s.emulator.admin.graph.raiseIncident("StaleSignInAlert");
        s.emulator.admin.setReadOnly(MANAGED_IDENTITY_OBJECT_ID);
        const checked = await s.host.check(
            DIRECTORY_DISMISSAL,
            "dismissal",
            {},
            { __provider: providers.dismissal, alertId: "StaleSignInAlert" },
        );
        const error = await failureOf(s.host.create(DIRECTORY_DISMISSAL, "dismissal", checked.inputs));
        expect(error.message).toContain("failed with 403");
        expect(error.message).toContain(`to change directory alert StaleSignInAlert in tenant ${s.emulator.tenantId}`);
        expect(error.message).toContain("RoleManagementAlert.ReadWrite.Directory");
        expect(error.message).toContain("Privileged Role Administrator");
        expect(s.emulator.admin.graph.alert("StaleSignInAlert").isActive).toBe(true);
    });
});

describe("__provider", () => {
    test("is one small require of the provider module", () => {
        expect(providers.configuration).toMatch(
            /require\("pulumi-pim-alerts\/dist\/provider\/directoryAlertConfigurationProvider\.js"\)/,
        );
        expect(providers.dismissal).toMatch(
            /require\("pulumi-pim-alerts\/dist\/provider\/directoryAlertDismissalProvider\.js"\)/,
        );
        expect(Buffer.byteLength(providers.configuration)).toBeLessThan(400);
    });
});
