import { expect } from "@jest/globals";
import { configurationPatchBody, parseAlert, parseConfiguration } from "../../../src/arm/payload";

const id =
    "/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f/providers/Microsoft.Authorization/roleManagementAlertConfigurations/TooManyOwnersAssignedToResource";

describe("ARM payloads", () => {
    test("the PATCH body puts values inside properties with the discriminator", () => {
        expect(configurationPatchBody("AzureRolesAssignedOutsidePimAlert", { isEnabled: false })).toEqual({
            properties: { alertConfigurationType: "AzureRolesAssignedOutsidePimAlertConfiguration", isEnabled: false },
        });
        expect(configurationPatchBody("TooManyOwnersAssignedToResource", { thresholdNumberOfOwners: 2 })).toEqual({
            properties: {
                alertConfigurationType: "TooManyOwnersAssignedToResourceAlertConfiguration",
                thresholdNumberOfOwners: 2,
            },
        });
    });

    test("reads the example configuration", () => {
        const body = {
            id,
            name: "TooManyOwnersAssignedToResource",
            type: "Microsoft.Authorization/roleManagementAlertConfigurations",
            properties: {
                alertConfigurationType: "TooManyOwnersAssignedToResourceAlertConfiguration",
                alertDefinitionId: "TooManyOwnersAssignedToResource",
                isEnabled: true,
                scope: "subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f",
                thresholdNumberOfOwners: 2,
                thresholdPercentageOfOwnersOutOfAllRoleMembers: 3,
            },
        };
        expect(parseConfiguration(body)).toEqual({
            ok: true,
            value: {
                id,
                alertId: "TooManyOwnersAssignedToResource",
                alertConfigurationType: "TooManyOwnersAssignedToResourceAlertConfiguration",
                values: {
                    isEnabled: true,
                    thresholdNumberOfOwners: 2,
                    thresholdPercentageOfOwnersOutOfAllRoleMembers: 3,
                },
            },
        });
    });

    test.each([
        ["a body without properties", { id, name: "x" }, "properties"],
        [
            "an unknown discriminator from a newer API",
            { id, name: "New", properties: { alertConfigurationType: "NewAlertConfiguration", isEnabled: true } },
            "a newer API?",
        ],
        [
            "a threshold that is not a number",
            {
                id,
                name: "T",
                properties: {
                    alertConfigurationType: "TooManyOwnersAssignedToResourceAlertConfiguration",
                    isEnabled: true,
                    thresholdNumberOfOwners: "2",
                },
            },
            "not a number",
        ],
        ["a JSON null", null, "not an alert configuration"],
    ])("explains %s", (_what, body, message) => {
        expect(parseConfiguration(body)).toEqual({ ok: false, problem: expect.stringContaining(message) });
    });

    test("reads an alert, with defaults for what was never scanned", () => {
        expect(parseAlert({ id: "x", properties: { isActive: false } })).toEqual({
            ok: true,
            value: { id: "x", isActive: false, incidentCount: 0, lastScannedDateTime: "" },
        });
    });
});
