/** One incident of an alert: its name (a GUID) and its type-specific properties. */
export interface ArmIncidentRecord {
    readonly name: string;
    /** Properties without `alertIncidentType`, which is derived from the alert. */
    readonly properties: Readonly<Record<string, unknown>>;
}

/**
 * The incidents every scope starts with, keyed by alert id.
 *
 * - TooManyOwners / TooManyPermanentOwners: `a9f38501-...` "testUser" from `GetAlerts.json` and
 *   `GetAlertById.json`. (`GetAlertIncidents.json` and `GetAlertIncidentById.json` show another
 *   incident, `5cf9ee65-...` "test-user", which contradicts `incidentCount: 1`; the alert examples win.)
 * - DuplicateRoleCreated: the id `0645231d-...` comes from `RemediateAlertIncident.json`; its property
 *   values are invented (no example shows them).
 * - AzureRolesAssignedOutsidePimAlert: two incidents, because the definition text says
 *   "2 privileged assignment(s) were made outisde of Azure AD PIM"; ids and values are invented.
 */
export const ARM_INCIDENT_SEED: Readonly<Record<string, readonly ArmIncidentRecord[]>> = {
    TooManyPermanentOwnersAssignedToResource: [
        { name: "a9f38501-74ec-43ea-8663-6c538602150d", properties: { assigneeName: "testUser", assigneeType: "User" } },
    ],
    TooManyOwnersAssignedToResource: [{ name: "a9f38501-74ec-43ea-8663-6c538602150d", properties: { assigneeName: "testUser", assigneeType: "User" } }],
    DuplicateRoleCreated: [
        {
            name: "0645231d-16ba-4ebf-851a-0875df4052bd",
            properties: {
                roleName: "Virtual Machine Operator",
                duplicateRoles: "Virtual Machine Contributor",
                reason: "The custom role has the same permissions as a built-in role.",
            },
        },
    ],
    AzureRolesAssignedOutsidePimAlert: [
        {
            name: "2c0c4c61-7e4b-4f0d-b7a5-3c1f0d1e9a21",
            properties: {
                assigneeDisplayName: "Adele Vance",
                assigneeUserPrincipalName: "adelev@contoso.example",
                assigneeId: "0f6c2a7b-1d3e-4c5a-9b8f-7e6d5c4b3a21",
                roleDisplayName: "Owner",
                roleTemplateId: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
                roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
                assignmentActivatedDate: "2022-04-04T09:12:45.12+00:00",
                requestorId: "6a2d1f9e-3b4c-4d5e-8f70-1a2b3c4d5e6f",
                requestorDisplayName: "Alex Wilber",
                requestorUserPrincipalName: "alexw@contoso.example",
            },
        },
        {
            name: "7d5e2b1a-9c8f-4e3d-a6b5-0f1e2d3c4b5a",
            properties: {
                assigneeDisplayName: "Megan Bowen",
                assigneeUserPrincipalName: "meganb@contoso.example",
                assigneeId: "1b7d3c8a-2e4f-4d6b-8c9a-8f7e6d5c4b32",
                roleDisplayName: "User Access Administrator",
                roleTemplateId: "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
                roleDefinitionId: "/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
                assignmentActivatedDate: "2022-04-05T01:30:00.5+00:00",
                requestorId: "6a2d1f9e-3b4c-4d5e-8f70-1a2b3c4d5e6f",
                requestorDisplayName: "Alex Wilber",
                requestorUserPrincipalName: "alexw@contoso.example",
            },
        },
    ],
};

/**
 * Plausible properties for an incident raised through the admin API without explicit properties.
 * @param alertId - The alert the incident belongs to.
 * @param serial - A number that makes the invented names distinct.
 */
export function syntheticIncidentProperties(alertId: string, serial: number): Record<string, unknown> {
    switch (alertId) {
        case "DuplicateRoleCreated":
            return { roleName: `Custom Role ${serial}`, duplicateRoles: "Reader", reason: "Same permissions as a built-in role." };
        case "AzureRolesAssignedOutsidePimAlert":
            return {
                assigneeDisplayName: `Emulated User ${serial}`,
                assigneeUserPrincipalName: `user${serial}@contoso.example`,
                roleDisplayName: "Owner",
                roleTemplateId: "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
            };
        default:
            return { assigneeName: `emulatedUser${serial}`, assigneeType: "User" };
    }
}
