import { expect } from "@jest/globals";
import { alertResourceIdOf, formatAlertResourceId, parseAlertResourceId } from "../../../src/arm/configurationId";
import { InvalidArgumentError } from "../../../src/errors";

const scope = "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f";

describe("alert resource ids", () => {
    test("format and parse round-trip", () => {
        const id = formatAlertResourceId({
            scope,
            alertId: "TooManyOwnersAssignedToResource",
            collection: "roleManagementAlertConfigurations",
        });
        expect(id).toBe(
            `${scope}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/TooManyOwnersAssignedToResource`,
        );
        expect(parseAlertResourceId(id, "roleManagementAlertConfigurations")).toEqual({
            ok: true,
            value: {
                scope,
                alertId: "TooManyOwnersAssignedToResource",
                collection: "roleManagementAlertConfigurations",
            },
        });
    });

    test("parses the id ARM returns, whatever its case", () => {
        const id = `/SUBSCRIPTIONS/AFA2A084-766F-4003-8AE1-C4AEB893A99F/providers/microsoft.authorization/rolemanagementalerts/DuplicateRoleCreated`;
        expect(alertResourceIdOf(id, "roleManagementAlerts")).toMatchObject({ scope, alertId: "DuplicateRoleCreated" });
    });

    test.each([
        [
            "an id of another collection",
            `${scope}/providers/Microsoft.Authorization/roleManagementAlerts/DuplicateRoleCreated`,
            "expected {scope}",
        ],
        [
            "an unknown alert",
            `${scope}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/Nope`,
            "unknown alert id",
        ],
        [
            "a bad scope",
            `/subscriptions/x/providers/Microsoft.Authorization/roleManagementAlertConfigurations/DuplicateRoleCreated`,
            "GUID",
        ],
    ])("rejects %s", (_what, id, message) => {
        expect(parseAlertResourceId(id, "roleManagementAlertConfigurations")).toEqual({
            ok: false,
            problem: expect.stringContaining(message),
        });
        expect(() => alertResourceIdOf(id, "roleManagementAlertConfigurations")).toThrow(InvalidArgumentError);
    });
});
