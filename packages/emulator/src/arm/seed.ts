/**
 * The data every ARM scope starts with, transcribed from Microsoft's examples of api-version
 * 2022-08-01-preview (where they disagree, the comment of each table says which one wins).
 */

/** Dates of `GetAlerts.json` / `GetAlertById.json`, used for every seeded alert. */
export const ARM_SEED_MODIFIED = "2022-04-05T03:04:06.467+00:00";
export const ARM_SEED_SCANNED = "2022-04-06T18:25:00.38+00:00";

/** The read-only properties of an alert definition, without `scope` (added per request). */
export interface ArmDefinitionProperties {
    readonly description: string;
    readonly displayName: string;
    readonly howToPrevent: string;
    readonly isConfigurable: boolean;
    readonly isRemediatable: boolean;
    readonly mitigationSteps: string;
    readonly securityImpact: string;
    readonly severityLevel: string;
}

/**
 * Alert definitions transcribed verbatim from the Microsoft example `GetAlertDefinitions.json`
 * (api-version 2022-08-01-preview), including its typo "outisde". Keyed by alert id.
 */
export const ARM_DEFINITION_SEED: Readonly<Record<string, ArmDefinitionProperties>> = {
    TooManyPermanentOwnersAssignedToResource: {
        description:
            "The number of users set to never expire is too high. To enhance the security of your resources, we recommend requiring activation for role use. Take a moment to review the list of users, and suggested changes here.",
        displayName: "Too many permanent owners assigned to a resource",
        howToPrevent:
            "Enable “Activation Required” in the role settings menu. This will ensure newly added users must activate their role.",
        isConfigurable: true,
        isRemediatable: true,
        mitigationSteps: "To mitigate this issue, require the user to activate the role before use.",
        securityImpact:
            "Providing users permanent access in a role may leave resources vulnerable to accidental or malicious activity.",
        severityLevel: "Medium",
    },
    TooManyOwnersAssignedToResource: {
        description:
            "The number of users with the Owner role is too high. We recommend assigning these individuals to less privileged roles or roles more suitable to their daily needs. Take a moment to review the current assignments, and suggested changes here.",
        displayName: "Too many owners assigned to a resource",
        howToPrevent:
            "Choose a role that provides the fewest privileges necessary for a user or group to complete their tasks.",
        isConfigurable: true,
        isRemediatable: true,
        mitigationSteps:
            "To mitigate this issue, reduce the number of users in the Owner role. Review the list of users in the list, and reassign them to a less privileged role such as Contributor.",
        securityImpact:
            "As the number of users with the owner role increases, so does the potential for malicious or mistaken actions affecting your resource.",
        severityLevel: "Medium",
    },
    DuplicateRoleCreated: {
        description:
            "One or more custom roles have the same display name and/or permissions as a built-in or preexisting custom role. Please review the newly created role membership assignments and determine the appropriate action.",
        displayName: "Duplicate role created",
        howToPrevent:
            "Prior to creating a custom role, determine if a built-in or preexisting custom role aligns to your security requirements.",
        isConfigurable: false,
        isRemediatable: true,
        mitigationSteps:
            "To mitigate this issue, review the newly created role, and determine if a built-in role is suitable.",
        securityImpact: "Duplicate roles add confusion and increases the complexity of administration.",
        severityLevel: "Medium",
    },
    AzureRolesAssignedOutsidePimAlert: {
        description: "2 privileged assignment(s) were made outisde of Azure AD PIM",
        displayName: "Roles are being assigned outside of Privileged Identity Management",
        howToPrevent:
            "Investigate where users are being assigned privileged roles outside of Privileged Identity Management and prohibit future assignments from there.",
        isConfigurable: false,
        isRemediatable: true,
        mitigationSteps:
            "Review the users in the list and remove them from privileged roles assigned outside of Privileged Identity Management.",
        securityImpact:
            "Privileged role assignments made outside of Privileged Identity Management are not properly monitored and may indicate an active attack.",
        severityLevel: "High",
    },
};

/**
 * The writable configuration values every scope starts with (everything but the discriminator,
 * `alertDefinitionId` and `scope`, which are derived), keyed by alert id.
 *
 * Transcribed from the Microsoft example `GetAlertConfigurations.json`. The single-item example
 * `GetAlertConfigurationById.json` shows other TooManyOwners thresholds (3 and 40); the list example
 * wins because `GetAlerts.json` and `GetAlertById.json` agree with it (2 and 3).
 */
export const ARM_CONFIGURATION_SEED: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
    DuplicateRoleCreated: { isEnabled: true },
    TooManyOwnersAssignedToResource: {
        isEnabled: true,
        thresholdNumberOfOwners: 2,
        thresholdPercentageOfOwnersOutOfAllRoleMembers: 3,
    },
    TooManyPermanentOwnersAssignedToResource: {
        isEnabled: true,
        thresholdNumberOfPermanentOwners: 10,
        thresholdPercentageOfPermanentOwnersOutOfAllOwners: 10,
    },
    AzureRolesAssignedOutsidePimAlert: { isEnabled: true },
};

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
        {
            name: "a9f38501-74ec-43ea-8663-6c538602150d",
            properties: { assigneeName: "testUser", assigneeType: "User" },
        },
    ],
    TooManyOwnersAssignedToResource: [
        {
            name: "a9f38501-74ec-43ea-8663-6c538602150d",
            properties: { assigneeName: "testUser", assigneeType: "User" },
        },
    ],
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
                roleDefinitionId:
                    "/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
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
                roleDefinitionId:
                    "/providers/Microsoft.Authorization/roleDefinitions/18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
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
            return {
                roleName: `Custom Role ${serial}`,
                duplicateRoles: "Reader",
                reason: "Same permissions as a built-in role.",
            };
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
