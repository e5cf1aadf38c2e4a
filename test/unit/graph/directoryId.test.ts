import { expect } from "@jest/globals";
import {
    describeDirectoryAlert,
    directoryItemPath,
    directoryListQuery,
    formatDirectoryAlertId,
    directoryAlertRefOf,
    isTenantGuid,
    parseDirectoryAlertId,
} from "../../../src/graph/directoryId";
import { excerpt, InvalidArgumentError } from "../../../src/errors";

const tenantId = "aaaabbbb-0000-1111-2222-ccccddddeeee";

describe("directory alert ids", () => {
    test("format and parse round-trip", () => {
        const id = formatDirectoryAlertId({ tenantId, alertId: "StaleSignInAlert" });
        expect(id).toBe(`DirectoryRole_${tenantId}_StaleSignInAlert`);
        expect(parseDirectoryAlertId(id)).toEqual({ ok: true, value: { tenantId, alertId: "StaleSignInAlert" } });
        expect(directoryAlertRefOf(id)).toEqual({ tenantId, alertId: "StaleSignInAlert" });
    });

    test.each<[string, string]>([
        ["an ARM id", "/subscriptions/x/providers/Microsoft.Authorization/roleManagementAlerts/DuplicateRoleCreated"],
        ["no alert id", `DirectoryRole_${tenantId}`],
        ["a tenant that is not a GUID", "DirectoryRole_contoso.onmicrosoft.com_StaleSignInAlert"],
        ["an unknown alert", `DirectoryRole_${tenantId}_StaleSignIn`],
        ["a path in the alert id", `DirectoryRole_${tenantId}_StaleSignInAlert/refresh`],
    ])("rejects %s", (_what, id) => {
        expect(parseDirectoryAlertId(id)).toEqual({
            ok: false,
            problem: expect.stringContaining(`id ${excerpt(id)} is not valid`),
        });
        expect(() => directoryAlertRefOf(id)).toThrow(InvalidArgumentError);
        expect(() => directoryAlertRefOf(id)).toThrow("expected DirectoryRole_{tenantId}_{alertId}");
    });

    test("paths are relative to the /beta base URL", () => {
        const ref = { tenantId, alertId: "NoMfaOnRoleActivationAlert" } as const;
        expect(directoryItemPath("alertConfigurations", ref)).toBe(
            `identityGovernance/roleManagementAlerts/alertConfigurations/DirectoryRole_${tenantId}_NoMfaOnRoleActivationAlert`,
        );
        expect(directoryItemPath("alerts", ref)).toBe(
            `identityGovernance/roleManagementAlerts/alerts/DirectoryRole_${tenantId}_NoMfaOnRoleActivationAlert`,
        );
        expect(describeDirectoryAlert("alerts", ref)).toBe(
            `directory alert NoMfaOnRoleActivationAlert in tenant ${tenantId}`,
        );
        expect(describeDirectoryAlert("alertConfigurations", ref)).toBe(
            `directory alert configuration NoMfaOnRoleActivationAlert in tenant ${tenantId}`,
        );
    });

    test("the list filter is the one Graph requires", () => {
        expect(directoryListQuery()).toEqual({ $filter: "scopeId eq '/' and scopeType eq 'DirectoryRole'" });
    });

    test.each<[unknown, boolean]>([
        [tenantId, true],
        [tenantId.toUpperCase(), true],
        ["contoso.onmicrosoft.com", false],
        ["", false],
        [undefined, false],
    ])("%j is a tenant GUID: %s", (value, expected) => {
        expect(isTenantGuid(value)).toBe(expected);
    });
});
