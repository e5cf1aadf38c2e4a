import { expect } from "@jest/globals";
import {
    directoryAlertPatchBody,
    directoryConfigurationPatchBody,
    parseDirectoryAlert,
    parseDirectoryConfiguration,
} from "../../../src/graph/payload";
import type { DirectoryAlertId } from "../../../src/graph/catalog";

const tenantId = "aaaabbbb-0000-1111-2222-ccccddddeeee";
const idOf = (alertId: string) => `DirectoryRole_${tenantId}_${alertId}`;
const common = { scopeType: "DirectoryRole", scopeId: "/", alertDefinitionId: "x" };

describe("Graph configuration bodies", () => {
    test.each<[string, Record<string, unknown>, Record<string, unknown>]>([
        [
            "InvalidLicenseAlert",
            { "@odata.type": "#microsoft.graph.invalidLicenseAlertConfiguration", isEnabled: true },
            { isEnabled: true },
        ],
        [
            "NoMfaOnRoleActivationAlert",
            { "@odata.type": "#microsoft.graph.noMfaOnRoleActivationAlertConfiguration", isEnabled: false },
            { isEnabled: false },
        ],
        [
            "RedundantAssignmentAlert",
            {
                "@odata.type": "#microsoft.graph.redundantAssignmentAlertConfiguration",
                isEnabled: true,
                duration: "P15D",
            },
            { isEnabled: true, duration: "P15D" },
        ],
        [
            "RolesAssignedOutsidePimAlert",
            {
                "@odata.type": "#microsoft.graph.rolesAssignedOutsidePrivilegedIdentityManagementAlertConfiguration",
                isEnabled: true,
            },
            { isEnabled: true },
        ],
        [
            "SequentialActivationRenewalsAlert",
            {
                "@odata.type": "#microsoft.graph.sequentialActivationRenewalsAlertConfiguration",
                isEnabled: false,
                timeIntervalBetweenActivations: "PT10S",
                sequentialActivationCounterThreshold: 3,
            },
            { isEnabled: false, sequentialActivationCounterThreshold: 3, timeIntervalBetweenActivations: "PT10S" },
        ],
        [
            "StaleSignInAlert",
            { "@odata.type": "#microsoft.graph.staleSignInAlertConfiguration", isEnabled: true, duration: "PT720H" },
            { isEnabled: true, duration: "PT720H" },
        ],
        [
            "TooManyGlobalAdminsAssignedToTenantAlert",
            {
                "@odata.type": "#microsoft.graph.tooManyGlobalAdminsAssignedToTenantAlertConfiguration",
                isEnabled: true,
                globalAdminCountThreshold: 3,
                percentageOfGlobalAdminsOutOfRolesThreshold: 10,
            },
            { isEnabled: true, globalAdminCountThreshold: 3, percentageOfGlobalAdminsOutOfRolesThreshold: 10 },
        ],
    ])("reads a %s configuration, durations in Graph's spelling", (alertId, fields, values) => {
        const body = {
            "@odata.context": "https://graph.microsoft.com/beta/$metadata#x",
            id: idOf(alertId),
            ...common,
            ...fields,
        };
        expect(parseDirectoryConfiguration(body)).toEqual({
            ok: true,
            value: { id: idOf(alertId), alertId, odataType: fields["@odata.type"], values },
        });
    });

    test("without @odata.type the alert comes from the id", () => {
        expect(
            parseDirectoryConfiguration({ id: idOf("StaleSignInAlert"), isEnabled: true, duration: "P30D" }),
        ).toMatchObject({
            value: {
                alertId: "StaleSignInAlert",
                odataType: "#microsoft.graph.staleSignInAlertConfiguration",
                values: { isEnabled: true, duration: "P30D" },
            },
        });
    });

    test("a setting Graph returns as null is left out", () => {
        const body = {
            id: idOf("StaleSignInAlert"),
            "@odata.type": "#microsoft.graph.staleSignInAlertConfiguration",
            isEnabled: true,
            duration: null,
        };
        expect(parseDirectoryConfiguration(body)).toEqual({
            ok: true,
            value: expect.objectContaining({ values: { isEnabled: true } }),
        });
    });

    test.each<[string, unknown, string]>([
        ["a JSON null", null, "not an alert configuration"],
        [
            "a body without isEnabled",
            { id: idOf("StaleSignInAlert"), "@odata.type": "#microsoft.graph.staleSignInAlertConfiguration" },
            "isEnabled",
        ],
        ["isEnabled sent as a string", { id: idOf("StaleSignInAlert"), isEnabled: "true" }, "isEnabled"],
        [
            "an unknown type from a newer API",
            { id: idOf("StaleSignInAlert"), "@odata.type": "#microsoft.graph.newAlertConfiguration", isEnabled: true },
            "a newer API?",
        ],
        [
            "a type that does not match the id",
            {
                id: idOf("StaleSignInAlert"),
                "@odata.type": "#microsoft.graph.invalidLicenseAlertConfiguration",
                isEnabled: true,
            },
            "does not belong to",
        ],
        ["no type and an unknown id", { id: "something", isEnabled: true }, "has no @odata.type"],
        [
            "a count that is not a number",
            { id: idOf("TooManyGlobalAdminsAssignedToTenantAlert"), isEnabled: true, globalAdminCountThreshold: "3" },
            'globalAdminCountThreshold of DirectoryRole_aaaabbbb-0000-1111-2222-ccccddddeeee_TooManyGlobalAdminsAssignedToTenantAlert is "3", not a number',
        ],
        [
            "a duration that is not a string",
            { id: idOf("StaleSignInAlert"), isEnabled: true, duration: 30 },
            "duration of DirectoryRole_aaaabbbb-0000-1111-2222-ccccddddeeee_StaleSignInAlert is 30, not a duration string",
        ],
    ])("explains %s", (_what, body, message) => {
        expect(parseDirectoryConfiguration(body)).toEqual({ ok: false, problem: expect.stringContaining(message) });
    });

    test.each<[DirectoryAlertId, Record<string, boolean | number | string>, Record<string, unknown>]>([
        [
            "InvalidLicenseAlert",
            { isEnabled: false },
            { "@odata.type": "#microsoft.graph.invalidLicenseAlertConfiguration", isEnabled: false },
        ],
        [
            "RolesAssignedOutsidePimAlert",
            { isEnabled: true },
            {
                "@odata.type": "#microsoft.graph.rolesAssignedOutsidePrivilegedIdentityManagementAlertConfiguration",
                isEnabled: true,
            },
        ],
        [
            "StaleSignInAlert",
            { duration: "P30D" },
            { "@odata.type": "#microsoft.graph.staleSignInAlertConfiguration", duration: "P30D" },
        ],
        // Any ISO-8601 spelling a program writes goes over the wire as an Edm.Duration (no weeks, no fractional days).
        [
            "RedundantAssignmentAlert",
            { duration: "P2W" },
            { "@odata.type": "#microsoft.graph.redundantAssignmentAlertConfiguration", duration: "P14D" },
        ],
        [
            "SequentialActivationRenewalsAlert",
            { sequentialActivationCounterThreshold: 4, timeIntervalBetweenActivations: "PT90M" },
            {
                "@odata.type": "#microsoft.graph.sequentialActivationRenewalsAlertConfiguration",
                sequentialActivationCounterThreshold: 4,
                timeIntervalBetweenActivations: "PT1H30M",
            },
        ],
        [
            "TooManyGlobalAdminsAssignedToTenantAlert",
            { isEnabled: true, globalAdminCountThreshold: 4, percentageOfGlobalAdminsOutOfRolesThreshold: 10 },
            {
                "@odata.type": "#microsoft.graph.tooManyGlobalAdminsAssignedToTenantAlertConfiguration",
                isEnabled: true,
                globalAdminCountThreshold: 4,
                percentageOfGlobalAdminsOutOfRolesThreshold: 10,
            },
        ],
    ])("the %s PATCH body carries its @odata.type and only the given values", (alertId, values, body) => {
        const patch = directoryConfigurationPatchBody(alertId, values);
        expect(patch).toEqual(body);
        // Booleans go over the wire as JSON booleans, never "true".
        if ("isEnabled" in values)
            expect(JSON.stringify(patch)).toContain(`"isEnabled":${String(values["isEnabled"])}`);
    });
});

describe("Graph alert bodies", () => {
    test("reads an alert", () => {
        const body = {
            id: idOf("NoMfaOnRoleActivationAlert"),
            alertDefinitionId: "x",
            scopeId: "/",
            scopeType: "DirectoryRole",
            incidentCount: 2,
            isActive: true,
            lastModifiedDateTime: "0001-01-01T08:00:00Z",
            lastScannedDateTime: "2026-01-01T00:00:00Z",
        };
        expect(parseDirectoryAlert(body)).toEqual({
            ok: true,
            value: {
                id: idOf("NoMfaOnRoleActivationAlert"),
                isActive: true,
                incidentCount: 2,
                lastScannedDateTime: "2026-01-01T00:00:00Z",
            },
        });
    });

    test("defaults what Graph leaves out or sends as null", () => {
        expect(
            parseDirectoryAlert({ id: "x", isActive: false, incidentCount: null, lastScannedDateTime: null }),
        ).toEqual({
            ok: true,
            value: { id: "x", isActive: false, incidentCount: 0, lastScannedDateTime: "" },
        });
    });

    test("explains a body that is not an alert", () => {
        expect(parseDirectoryAlert({ id: "x", isActive: "false" })).toEqual({
            ok: false,
            problem: expect.stringContaining("not an alert (isActive"),
        });
    });

    test("the dismissal body is exactly isActive", () => {
        expect(directoryAlertPatchBody(false)).toEqual({ isActive: false });
        expect(JSON.stringify(directoryAlertPatchBody(true))).toBe('{"isActive":true}');
    });
});
