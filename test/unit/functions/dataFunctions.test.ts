// The data functions against the emulator over HTTP, ARM and directory, as a program calls them.
import { expect } from "@jest/globals";
import * as pulumi from "@pulumi/pulumi";
import * as pim from "../../../src/index";
import { apiRequests, SUB, useProgramEmulator } from "./support";

const emulator = useProgramEmulator();

/** The value of an Output (outside a deployment, apply runs as soon as the value is known). */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => output.apply((v) => resolve(v)));
}

/** True when a value is plain JSON: it survives JSON round trip unchanged (no undefined, no functions). */
function isPlainJson(value: unknown): boolean {
    return (
        JSON.stringify(JSON.parse(JSON.stringify(value))) === JSON.stringify(value) &&
        !JSON.stringify(value).includes("undefined")
    );
}

describe("getAlertDefinitions", () => {
    test("at an ARM scope: every field of the four definitions", async () => {
        const result = await pim.getAlertDefinitions({ scope: SUB.slice(1) });
        expect(result.scope).toBe(SUB);
        expect(result.definitions.map((d) => [d.alertId, d.severity, d.isConfigurable, d.isRemediatable])).toEqual([
            ["TooManyOwnersAssignedToResource", "Medium", true, true],
            ["TooManyPermanentOwnersAssignedToResource", "Medium", true, true],
            ["DuplicateRoleCreated", "Medium", false, true],
            ["AzureRolesAssignedOutsidePimAlert", "High", false, true],
        ]);
        expect(result.definitions[0]).toEqual({
            id: `${SUB}/providers/Microsoft.Authorization/roleManagementAlertDefinitions/TooManyOwnersAssignedToResource`,
            alertId: "TooManyOwnersAssignedToResource",
            displayName: "Too many owners assigned to a resource",
            severity: "Medium",
            description: expect.stringContaining("The number of users with the Owner role is too high"),
            securityImpact: expect.any(String),
            mitigationSteps: expect.stringContaining("reduce the number of users in the Owner role"),
            howToPrevent: expect.stringContaining("fewest privileges"),
            isConfigurable: true,
            isRemediatable: true,
        });
    });

    test("for the directory: seven definitions, severities in the one spelling", async () => {
        const result = await pim.getAlertDefinitions({ scope: "directory" });
        expect(result.scope).toBe("directory");
        const tenant = emulator().tenantId;
        expect(Object.fromEntries(result.definitions.map((d) => [d.alertId, d.severity]))).toEqual({
            InvalidLicenseAlert: "High",
            NoMfaOnRoleActivationAlert: "Medium",
            RedundantAssignmentAlert: "Low",
            RolesAssignedOutsidePimAlert: "High",
            SequentialActivationRenewalsAlert: "Medium",
            StaleSignInAlert: "Medium",
            TooManyGlobalAdminsAssignedToTenantAlert: "Low",
        });
        expect(result.definitions.find((d) => d.alertId === "StaleSignInAlert")?.id).toBe(
            `DirectoryRole_${tenant}_StaleSignInAlert`,
        );
        expect(
            result.definitions
                .filter((d) => !d.isRemediatable)
                .map((d) => d.alertId)
                .sort(),
        ).toEqual(["InvalidLicenseAlert", "SequentialActivationRenewalsAlert"]);
    });

    test.each([
        ["an ARM scope", SUB, "arm"],
        ["the directory", "directory", "graph"],
    ] as const)("follows paging over several pages for %s", async (_what, scope, api) => {
        emulator().admin.setPageSize(1);
        const result = await pim.getAlertDefinitions({ scope });
        expect(result.definitions).toHaveLength(api === "arm" ? 4 : 7);
        expect(apiRequests(emulator(), api).length).toBe(api === "arm" ? 4 : 7);
    });
});

describe("getAlertConfigurations", () => {
    test("at an ARM scope: every current value, by the API's names", async () => {
        emulator().admin.setConfiguration(SUB, "TooManyOwnersAssignedToResource", { thresholdNumberOfOwners: 7 });
        const result = await pim.getAlertConfigurations({ scope: SUB });
        const owners = result.configurations.find((c) => c.alertId === "TooManyOwnersAssignedToResource");
        expect(owners).toEqual({
            id: `${SUB}/providers/Microsoft.Authorization/roleManagementAlertConfigurations/TooManyOwnersAssignedToResource`,
            alertId: "TooManyOwnersAssignedToResource",
            configurationType: "TooManyOwnersAssignedToResourceAlertConfiguration",
            isEnabled: true,
            settings: { thresholdNumberOfOwners: 7, thresholdPercentageOfOwnersOutOfAllRoleMembers: 3 },
        });
        expect(result.configurations.find((c) => c.alertId === "DuplicateRoleCreated")?.settings).toEqual({});
    });

    test("for the directory: settings with durations as Graph spells them", async () => {
        emulator().admin.graph.setConfiguration("StaleSignInAlert", { isEnabled: false, duration: "P45D" });
        const result = await pim.getAlertConfigurations({ scope: "Directory" });
        expect(result.configurations).toHaveLength(7);
        expect(result.configurations.find((c) => c.alertId === "StaleSignInAlert")).toMatchObject({
            configurationType: "#microsoft.graph.staleSignInAlertConfiguration",
            isEnabled: false,
            settings: { duration: "P45D" },
        });
        expect(result.configurations.find((c) => c.alertId === "SequentialActivationRenewalsAlert")?.settings).toEqual({
            sequentialActivationCounterThreshold: 10,
            timeIntervalBetweenActivations: "PT1H",
        });
    });

    test("paging over one item per page gives the same result", async () => {
        const onePage = await pim.getAlertConfigurations({ scope: "directory" });
        emulator().admin.setPageSize(1);
        expect(await pim.getAlertConfigurations({ scope: "directory" })).toEqual(onePage);
    });
});

describe("getAlerts", () => {
    test("at an ARM scope: active state, incident counts, severity and last scan", async () => {
        emulator().admin.raiseIncident(SUB, "DuplicateRoleCreated");
        emulator().admin.setPageSize(1);
        const result = await pim.getAlerts({ scope: SUB });
        const duplicate = result.alerts.find((a) => a.alertId === "DuplicateRoleCreated");
        expect(duplicate).toMatchObject({
            id: `${SUB}/providers/Microsoft.Authorization/roleManagementAlerts/DuplicateRoleCreated`,
            displayName: expect.any(String),
            severity: "Medium",
            isActive: true,
            incidentCount: 2,
        });
        expect(result.alerts).toHaveLength(4);
        expect(result.alerts.every((a) => a.displayName !== "" && a.lastScannedDateTime !== "")).toBe(true);
    });

    test("for the directory: a dismissed alert is inactive; counts follow the incidents", async () => {
        emulator().admin.graph.setAlertActive("TooManyGlobalAdminsAssignedToTenantAlert", false);
        const result = await pim.getAlerts({ scope: "directory" });
        expect(result.alerts.find((a) => a.alertId === "TooManyGlobalAdminsAssignedToTenantAlert")).toMatchObject({
            isActive: false,
            incidentCount: 4,
            severity: "Low",
            displayName: expect.any(String),
        });
        expect(result.alerts.find((a) => a.alertId === "InvalidLicenseAlert")).toMatchObject({ incidentCount: 0 });
    });
});

describe("getAlertIncidents", () => {
    test("ARM: typed properties of each incident type", async () => {
        const outside = await pim.getAlertIncidents({ scope: SUB, alertId: "AzureRolesAssignedOutsidePimAlert" });
        expect(outside.incidents[0]).toEqual({
            incidentId: "2c0c4c61-7e4b-4f0d-b7a5-3c1f0d1e9a21",
            incidentType: "AzureRolesAssignedOutsidePimAlertIncident",
            assigneeDisplayName: "Adele Vance",
            assigneeId: "0f6c2a7b-1d3e-4c5a-9b8f-7e6d5c4b3a21",
            assigneeUserPrincipalName: "adelev@contoso.example",
            roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
            roleDisplayName: "Owner",
            roleTemplateId: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
            assignmentActivatedDate: "2022-04-04T09:12:45.12+00:00",
            requestorId: "6a2d1f9e-3b4c-4d5e-8f70-1a2b3c4d5e6f",
            requestorDisplayName: "Alex Wilber",
            requestorUserPrincipalName: "alexw@contoso.example",
        });
        const owners = await pim.getAlertIncidents({ scope: SUB, alertId: "TooManyOwnersAssignedToResource" });
        expect(owners).toEqual({
            scope: SUB,
            alertId: "TooManyOwnersAssignedToResource",
            incidents: [
                {
                    incidentId: "a9f38501-74ec-43ea-8663-6c538602150d",
                    incidentType: "TooManyOwnersAssignedToResourceAlertIncident",
                    assigneeName: "testUser",
                    assigneeType: "User",
                },
            ],
        });
        const duplicate = await pim.getAlertIncidents({ scope: SUB, alertId: "DuplicateRoleCreated" });
        expect(duplicate.incidents[0]).toMatchObject({
            incidentType: "DuplicateRoleCreatedAlertIncident",
            roleName: "Virtual Machine Operator",
            duplicateRoles: "Virtual Machine Contributor",
        });
    });

    test("directory: typed properties, short or full alert id, paging", async () => {
        emulator().admin.setPageSize(1);
        const tenant = emulator().tenantId;
        const short = await pim.getAlertIncidents({
            scope: "directory",
            alertId: "TooManyGlobalAdminsAssignedToTenantAlert",
        });
        const full = await pim.getAlertIncidents({
            scope: "directory",
            alertId: `DirectoryRole_${tenant}_TooManyGlobalAdminsAssignedToTenantAlert`,
        });
        expect(full).toEqual(short);
        expect(short.incidents).toHaveLength(4);
        expect(short.incidents[0]).toEqual({
            incidentId: "0b8f3c1e-7a2d-4e5f-9c6b-1d2e3f4a5b61",
            incidentType: "tooManyGlobalAdminsAssignedToTenantAlertIncident",
            assigneeDisplayName: "Adele Vance",
            assigneeId: "0b8f3c1e-7a2d-4e5f-9c6b-1d2e3f4a5b61",
            assigneeUserPrincipalName: "adelev@contoso.example",
        });
        const stale = await pim.getAlertIncidents({ scope: "directory", alertId: "StaleSignInAlert" });
        const incident = stale.incidents[0];
        if (incident?.incidentType !== "staleSignInAlertIncident")
            throw new Error(`unexpected ${JSON.stringify(incident)}`);
        expect(incident.lastSignInDateTime).toBe("2024-02-01T07:45:12Z");
        expect(incident.roleDisplayName).toBe("Global Administrator");
    });

    test("a number property of a Graph incident stays a number", async () => {
        emulator().admin.graph.raiseIncident("SequentialActivationRenewalsAlert");
        const { incidents } = await pim.getAlertIncidents({
            scope: "directory",
            alertId: "SequentialActivationRenewalsAlert",
        });
        expect(incidents[0]).toMatchObject({
            incidentType: "sequentialActivationRenewalsAlertIncident",
            activationCount: 12,
            sequenceStartDateTime: "2024-05-06T08:00:00Z",
        });
    });
});

describe("Output forms", () => {
    test.each([
        [
            "getAlertDefinitionsOutput",
            () => pim.getAlertDefinitionsOutput({ scope: pulumi.output(SUB) }),
            () => pim.getAlertDefinitions({ scope: SUB }),
        ],
        [
            "getAlertConfigurationsOutput",
            () => pim.getAlertConfigurationsOutput({ scope: Promise.resolve("directory") }),
            () => pim.getAlertConfigurations({ scope: "directory" }),
        ],
        ["getAlertsOutput", () => pim.getAlertsOutput({ scope: SUB }), () => pim.getAlerts({ scope: SUB })],
        [
            "getAlertIncidentsOutput",
            () => pim.getAlertIncidentsOutput({ scope: "directory", alertId: pulumi.output("StaleSignInAlert") }),
            () => pim.getAlertIncidents({ scope: "directory", alertId: "StaleSignInAlert" }),
        ],
    ] as const)("%s resolves to what the Promise form returns", async (_name, output, promise) => {
        expect(await valueOf<unknown>(output())).toEqual(await promise());
    });
});

describe("results are plain JSON without secrets", () => {
    test.each([
        ["definitions", (scope: string) => pim.getAlertDefinitions({ scope })],
        ["configurations", (scope: string) => pim.getAlertConfigurations({ scope })],
        ["alerts", (scope: string) => pim.getAlerts({ scope })],
        [
            "incidents",
            (scope: string) =>
                pim.getAlertIncidents({
                    scope,
                    alertId: scope === "directory" ? "StaleSignInAlert" : "DuplicateRoleCreated",
                }),
        ],
    ] as const)("%s", async (_what, read) => {
        for (const scope of [SUB, "directory"]) {
            const result = await read(scope);
            expect(isPlainJson(result)).toBe(true);
            // No access token (a JWT starts with eyJ) and no header value ends up in a result.
            expect(JSON.stringify(result)).not.toMatch(/eyJ|Bearer/);
        }
    });
});

describe("invalid arguments fail before any request, saying what is allowed", () => {
    test.each([
        [
            "a scope that is neither",
            () => pim.getAlerts({ scope: "tenant" }),
            /scope "tenant" is neither "directory" nor an ARM scope/,
        ],
        [
            "a subscription id that is not a GUID",
            () => pim.getAlertDefinitions({ scope: "/subscriptions/prod" }),
            /the subscription id must be a GUID/,
        ],
        [
            "an ARM alert id for the directory",
            () => pim.getAlertIncidents({ scope: "directory", alertId: "DuplicateRoleCreated" }),
            /not a directory-role PIM alert; allowed: InvalidLicenseAlert/,
        ],
        [
            "a directory alert id at an ARM scope",
            () => pim.getAlertIncidents({ scope: SUB, alertId: "StaleSignInAlert" }),
            /not an ARM PIM alert; allowed at \/subscriptions\/afa2a084.*TooManyOwnersAssignedToResource/,
        ],
        [
            "a malformed full directory id",
            () => pim.getAlertIncidents({ scope: "directory", alertId: "DirectoryRole_x_StaleSignInAlert" }),
            /the tenant id "x" is not a GUID/,
        ],
        [
            "an incident id with a slash",
            () => pim.remediateIncident({ scope: SUB, alertId: "DuplicateRoleCreated", incidentId: "../x" }),
            /incidentId "..\/x" is not an incident id/,
        ],
        [
            "a timeout of 0",
            () => pim.refreshAlerts({ scope: SUB, timeoutSeconds: 0 }),
            /timeoutSeconds is 0; allowed: a number of seconds from 1 to 86400/,
        ],
    ] as const)("%s", async (_what, call, message) => {
        await expect(call()).rejects.toThrow(message);
        expect(emulator().admin.requests()).toEqual([]);
    });
});
