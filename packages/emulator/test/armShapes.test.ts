import { expect } from "@jest/globals";
import { API, exampleBody, PROVIDER, send, SUBSCRIPTION, useEmulator } from "./support";

const emulator = useEmulator();

function valueOf(json: unknown): Array<{ name: string }> {
    return (json as { value: Array<{ name: string }> }).value;
}

describe("ARM responses have the shapes of the Microsoft examples", () => {
    test("GET an alert equals GetAlertById.json", async () => {
        const response = await send(
            emulator(),
            "GET",
            `${PROVIDER}/roleManagementAlerts/TooManyOwnersAssignedToResource${API}`,
        );
        expect(response.status).toBe(200);
        expect(response.json).toEqual(exampleBody("GetAlertById.json"));
    });

    test("GET the alert list contains both alerts of GetAlerts.json, plus the two other alerts", async () => {
        const response = await send(emulator(), "GET", `${PROVIDER}/roleManagementAlerts${API}`);
        const value = valueOf(response.json);
        expect(value.map((alert) => alert.name).sort()).toEqual([
            "AzureRolesAssignedOutsidePimAlert",
            "DuplicateRoleCreated",
            "TooManyOwnersAssignedToResource",
            "TooManyPermanentOwnersAssignedToResource",
        ]);
        for (const expected of valueOf(exampleBody("GetAlerts.json"))) {
            expect(value.find((alert) => alert.name === expected.name)).toEqual(expected);
        }
        expect(response.json).not.toHaveProperty("nextLink");
    });

    test.each([
        ["roleManagementAlertDefinitions", "GetAlertDefinitions.json"],
        ["roleManagementAlertConfigurations", "GetAlertConfigurations.json"],
    ])("GET %s lists exactly the items of %s", async (collection, example) => {
        const response = await send(emulator(), "GET", `${PROVIDER}/${collection}${API}`);
        const byName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name);
        expect(valueOf(response.json).sort(byName)).toEqual(valueOf(exampleBody(example)).sort(byName));
    });

    test("GET a definition equals GetAlertDefinitionById.json", async () => {
        const response = await send(
            emulator(),
            "GET",
            `${PROVIDER}/roleManagementAlertDefinitions/TooManyPermanentOwnersAssignedToResource${API}`,
        );
        expect(response.json).toEqual(exampleBody("GetAlertDefinitionById.json"));
    });

    test("GET an incident has the GetAlertIncidentById.json shape", async () => {
        const path = `${PROVIDER}/roleManagementAlerts/TooManyOwnersAssignedToResource/alertIncidents/a9f38501-74ec-43ea-8663-6c538602150d${API}`;
        const response = await send(emulator(), "GET", path);
        expect(response.json).toEqual({
            name: "a9f38501-74ec-43ea-8663-6c538602150d",
            type: "Microsoft.Authorization/roleManagementAlerts/alertIncidents",
            id: `${PROVIDER}/roleManagementAlerts/TooManyOwnersAssignedToResource/alertIncidents/a9f38501-74ec-43ea-8663-6c538602150d`,
            properties: {
                alertIncidentType: "TooManyOwnersAssignedToResourceAlertIncident",
                assigneeName: "testUser",
                assigneeType: "User",
            },
        });
    });

    test("the incidents of AzureRolesAssignedOutsidePimAlert carry their discriminator and assignee fields", async () => {
        const response = await send(
            emulator(),
            "GET",
            `${PROVIDER}/roleManagementAlerts/AzureRolesAssignedOutsidePimAlert/alertIncidents${API}`,
        );
        const value = (response.json as { value: Array<{ properties: Record<string, unknown> }> }).value;
        expect(value).toHaveLength(2);
        expect(value[0]?.properties).toMatchObject({
            alertIncidentType: "AzureRolesAssignedOutsidePimAlertIncident",
            roleDisplayName: "Owner",
        });
    });
});

describe("scopes", () => {
    test.each([
        "subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f/resourceGroups/rg-prod",
        "subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f/resourceGroups/rg-prod/providers/Microsoft.KeyVault/vaults/kv1",
        "subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f/resourceGroups/rg/providers/Microsoft.Sql/servers/s1/databases/db1",
        "providers/Microsoft.Management/managementGroups/mg-root",
        "providers/Microsoft.Subscription/subscriptions/afa2a084-766f-4003-8ae1-c4aeb893a99f",
    ])("ids and properties.scope are rewritten to %s", async (scope) => {
        const response = await send(
            emulator(),
            "GET",
            `/${scope}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/DuplicateRoleCreated${API}`,
        );
        expect(response.status).toBe(200);
        expect(response.json).toMatchObject({
            id: `/${scope}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/DuplicateRoleCreated`,
            properties: { scope },
        });
    });

    test("scope and alert ids match case-insensitively and share one state", async () => {
        const body = {
            properties: { alertConfigurationType: "DuplicateRoleCreatedAlertConfiguration", isEnabled: false },
        };
        const upper = `/${SUBSCRIPTION.toUpperCase()}/providers/microsoft.authorization/roleManagementAlertConfigurations/duplicaterolecreated${API}`;
        expect((await send(emulator(), "PATCH", upper, { body })).status).toBe(204);
        const viaSubscriptionProvider = `/providers/Microsoft.Subscription/${SUBSCRIPTION}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/DuplicateRoleCreated${API}`;
        expect((await send(emulator(), "GET", viaSubscriptionProvider)).json).toMatchObject({
            name: "DuplicateRoleCreated",
            properties: { isEnabled: false },
        });
    });

    test("each scope has its own state", async () => {
        await send(emulator(), "PATCH", `${PROVIDER}/roleManagementAlerts/DuplicateRoleCreated${API}`, {
            body: { properties: { isActive: false } },
        });
        const other = await send(
            emulator(),
            "GET",
            `/subscriptions/00000000-0000-0000-0000-000000000001/providers/Microsoft.Authorization/roleManagementAlerts/DuplicateRoleCreated${API}`,
        );
        expect(other.json).toMatchObject({ properties: { isActive: true } });
    });

    test.each([
        ["an unknown alert id", "roleManagementAlerts/NoSuchAlert", 404, "AlertNotFound"],
        [
            "an unknown configuration id",
            "roleManagementAlertConfigurations/NoSuchAlert",
            404,
            "AlertConfigurationNotFound",
        ],
        ["an unknown definition id", "roleManagementAlertDefinitions/NoSuchAlert", 404, "AlertDefinitionNotFound"],
        [
            "an unknown incident",
            "roleManagementAlerts/DuplicateRoleCreated/alertIncidents/00000000-0000-0000-0000-000000000000",
            404,
            "AlertIncidentNotFound",
        ],
        ["an unknown operation", "roleManagementAlertOperations/nope", 404, "AlertOperationNotFound"],
        ["an unknown resource type", "roleManagementAlertThings", 404, "InvalidResourceType"],
    ])("%s (GET %s) answers %i %s", async (_what, relative, status, code) => {
        const response = await send(emulator(), "GET", `${PROVIDER}/${relative}${API}`);
        expect(response.status).toBe(status);
        expect(response.json).toEqual({ error: { code, message: expect.any(String) } });
    });

    test("a path that is not an ARM scope answers 400 InvalidScope", async () => {
        const response = await send(
            emulator(),
            "GET",
            `/tenants/x/providers/Microsoft.Authorization/roleManagementAlerts${API}`,
        );
        expect(response.status).toBe(400);
        expect(response.json).toMatchObject({ error: { code: "InvalidScope" } });
    });

    test("PUT and DELETE are not supported (405)", async () => {
        for (const method of ["PUT", "DELETE"]) {
            const response = await send(
                emulator(),
                method,
                `${PROVIDER}/roleManagementAlertConfigurations/DuplicateRoleCreated${API}`,
            );
            expect(response.status).toBe(405);
        }
    });
});
