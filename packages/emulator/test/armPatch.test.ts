import { expect } from "@jest/globals";
import { API, PROVIDER, send, SUBSCRIPTION, useEmulator } from "./support";

const emulator = useEmulator();
const OWNERS = `${PROVIDER}/roleManagementAlertConfigurations/TooManyOwnersAssignedToResource${API}`;
const OWNERS_TYPE = "TooManyOwnersAssignedToResourceAlertConfiguration";

describe("PATCH roleManagementAlertConfigurations/{alertId}", () => {
    test("the UpdateAlertConfiguration.json request answers 204 with no body", async () => {
        const body = {
            properties: { alertConfigurationType: OWNERS_TYPE, isEnabled: true, thresholdNumberOfOwners: 2 },
        };
        const response = await send(emulator(), "PATCH", OWNERS, { body });
        expect(response.status).toBe(204);
        expect(response.text).toBe("");
    });

    test("omitted fields keep their values (merge)", async () => {
        await send(emulator(), "PATCH", OWNERS, {
            body: { properties: { alertConfigurationType: OWNERS_TYPE, thresholdNumberOfOwners: 7 } },
        });
        await send(emulator(), "PATCH", OWNERS, {
            body: { properties: { alertConfigurationType: OWNERS_TYPE, isEnabled: false } },
        });
        const response = await send(emulator(), "GET", OWNERS);
        expect(response.json).toMatchObject({
            properties: {
                isEnabled: false,
                thresholdNumberOfOwners: 7,
                thresholdPercentageOfOwnersOutOfAllRoleMembers: 3,
            },
        });
    });

    test("the change shows in the alert's inlined configuration too", async () => {
        await send(emulator(), "PATCH", OWNERS, {
            body: {
                properties: { alertConfigurationType: OWNERS_TYPE, thresholdPercentageOfOwnersOutOfAllRoleMembers: 55 },
            },
        });
        const alert = await send(
            emulator(),
            "GET",
            `${PROVIDER}/roleManagementAlerts/TooManyOwnersAssignedToResource${API}`,
        );
        expect(alert.json).toMatchObject({
            properties: { alertConfiguration: { properties: { thresholdPercentageOfOwnersOutOfAllRoleMembers: 55 } } },
        });
    });

    test("AzureRolesAssignedOutsidePimAlert takes the irregular discriminator", async () => {
        const url = `${PROVIDER}/roleManagementAlertConfigurations/AzureRolesAssignedOutsidePimAlert${API}`;
        const ok = await send(emulator(), "PATCH", url, {
            body: {
                properties: {
                    alertConfigurationType: "AzureRolesAssignedOutsidePimAlertConfiguration",
                    isEnabled: false,
                },
            },
        });
        expect(ok.status).toBe(204);
        const wrong = await send(emulator(), "PATCH", url, {
            body: {
                properties: {
                    alertConfigurationType: "AzureRolesAssignedOutsidePimAlertAlertConfiguration",
                    isEnabled: false,
                },
            },
        });
        expect(wrong.status).toBe(400);
    });

    const invalidBodies: Array<[string, unknown, string]> = [
        ["no alertConfigurationType", { properties: { isEnabled: true } }, "alertConfigurationType' is required"],
        [
            "another alert's discriminator",
            { properties: { alertConfigurationType: "DuplicateRoleCreatedAlertConfiguration" } },
            "must be 'TooManyOwnersAssignedToResourceAlertConfiguration'",
        ],
        [
            "an unknown property",
            { properties: { alertConfigurationType: OWNERS_TYPE, color: "red" } },
            "'properties.color' is not a known property",
        ],
        [
            "a read-only property",
            { properties: { alertConfigurationType: OWNERS_TYPE, scope: SUBSCRIPTION } },
            "'properties.scope' is read-only",
        ],
        [
            "a read-only alertDefinitionId",
            { properties: { alertConfigurationType: OWNERS_TYPE, alertDefinitionId: "x" } },
            "is read-only",
        ],
        [
            "a threshold of another type",
            { properties: { alertConfigurationType: OWNERS_TYPE, thresholdNumberOfPermanentOwners: 1 } },
            "is not defined for alertConfigurationType",
        ],
        [
            "a non-integer threshold",
            { properties: { alertConfigurationType: OWNERS_TYPE, thresholdNumberOfOwners: 2.5 } },
            "must be an integer",
        ],
        [
            "a string threshold",
            { properties: { alertConfigurationType: OWNERS_TYPE, thresholdNumberOfOwners: "2" } },
            "must be an integer",
        ],
        [
            "a negative threshold",
            { properties: { alertConfigurationType: OWNERS_TYPE, thresholdNumberOfOwners: -1 } },
            "must not be negative",
        ],
        [
            "a percentage above 100",
            {
                properties: {
                    alertConfigurationType: OWNERS_TYPE,
                    thresholdPercentageOfOwnersOutOfAllRoleMembers: 101,
                },
            },
            "between 0 and 100",
        ],
        [
            "a string isEnabled",
            { properties: { alertConfigurationType: OWNERS_TYPE, isEnabled: "true" } },
            "must be a boolean",
        ],
        [
            "a top-level field besides properties",
            { id: "x", properties: { alertConfigurationType: OWNERS_TYPE } },
            "not allowed at the top level",
        ],
        ["no properties object", { isEnabled: true }, "not allowed at the top level"],
        ["a JSON array", [], "must be a JSON object"],
    ];

    test.each(invalidBodies)("rejects %s with 400 InvalidRequestContent", async (_what, body, message) => {
        const response = await send(emulator(), "PATCH", OWNERS, { body });
        expect(response.status).toBe(400);
        expect(response.json).toEqual({
            error: { code: "InvalidRequestContent", message: expect.stringContaining(message) },
        });
    });

    test("rejects thresholds on a configuration type without thresholds", async () => {
        const url = `${PROVIDER}/roleManagementAlertConfigurations/DuplicateRoleCreated${API}`;
        const body = {
            properties: {
                alertConfigurationType: "DuplicateRoleCreatedAlertConfiguration",
                thresholdNumberOfOwners: 2,
            },
        };
        const response = await send(emulator(), "PATCH", url, { body });
        expect(response.status).toBe(400);
        expect(response.json).toMatchObject({
            error: {
                message: expect.stringContaining(
                    "not defined for alertConfigurationType 'DuplicateRoleCreatedAlertConfiguration'",
                ),
            },
        });
    });

    test("rejects malformed JSON and an empty body", async () => {
        expect((await send(emulator(), "PATCH", OWNERS, { rawBody: "{not json" })).json).toMatchObject({
            error: { code: "InvalidRequestContent" },
        });
        expect((await send(emulator(), "PATCH", OWNERS, { rawBody: "" })).status).toBe(400);
    });

    test("a rejected PATCH changes nothing", async () => {
        await send(emulator(), "PATCH", OWNERS, {
            body: {
                properties: { alertConfigurationType: OWNERS_TYPE, isEnabled: false, thresholdNumberOfOwners: -5 },
            },
        });
        expect(emulator().admin.configuration(SUBSCRIPTION, "TooManyOwnersAssignedToResource")).toEqual({
            isEnabled: true,
            thresholdNumberOfOwners: 2,
            thresholdPercentageOfOwnersOutOfAllRoleMembers: 3,
        });
    });

    test("an unknown alert id answers 404", async () => {
        const response = await send(emulator(), "PATCH", `${PROVIDER}/roleManagementAlertConfigurations/Nope${API}`, {
            body: { properties: {} },
        });
        expect(response.status).toBe(404);
    });
});

describe("PATCH roleManagementAlerts/{alertId}", () => {
    const ALERT = `${PROVIDER}/roleManagementAlerts/TooManyPermanentOwnersAssignedToResource${API}`;

    test("the UpdateAlert.json request dismisses the alert: 204, no body", async () => {
        const response = await send(emulator(), "PATCH", ALERT, { body: { properties: { isActive: false } } });
        expect(response.status).toBe(204);
        expect(response.text).toBe("");
        expect((await send(emulator(), "GET", ALERT)).json).toMatchObject({
            properties: { isActive: false, incidentCount: 1 },
        });
    });

    test.each<[string, unknown]>([
        ["a string isActive", { properties: { isActive: "false" } }],
        ["a read-only incidentCount", { properties: { isActive: false, incidentCount: 0 } }],
        ["an unknown property", { properties: { isActive: false, note: "x" } }],
        ["no isActive", { properties: {} }],
    ])("rejects %s with 400", async (_what, body) => {
        const response = await send(emulator(), "PATCH", ALERT, { body });
        expect(response.status).toBe(400);
        expect(response.json).toMatchObject({ error: { code: "InvalidRequestContent" } });
    });
});
