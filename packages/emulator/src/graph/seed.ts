/** The read-only fields of a Graph alert definition (id and scope fields are added per request). */
export interface GraphDefinitionFields {
    readonly displayName: string;
    readonly description: string;
    readonly severityLevel: "unknown" | "informational" | "low" | "medium" | "high";
    readonly securityImpact: string;
    readonly mitigationSteps: string;
    readonly howToPrevent: string;
    readonly isRemediatable: boolean;
    readonly isConfigurable: boolean;
}

/**
 * Definitions of the 7 directory-role alerts, keyed by id suffix. Severities and the
 * `isRemediatable`/`isConfigurable` flags follow graph-api.md section 5 (Microsoft's Graph sample);
 * the texts are paraphrased from the Entra PIM "configure security alerts" documentation, since no
 * verbatim Graph payload of them is available.
 */
export const GRAPH_DEFINITION_SEED: Readonly<Record<string, GraphDefinitionFields>> = {
    InvalidLicenseAlert: {
        displayName: "The organization doesn't have Microsoft Entra ID P2 or Microsoft Entra ID Governance",
        description:
            "The current organization doesn't have Microsoft Entra ID P2 or Microsoft Entra ID Governance licenses.",
        severityLevel: "high",
        securityImpact:
            "Privileged Identity Management features such as access reviews and alerts stop working without a valid license.",
        mitigationSteps:
            "Review the licensing options and buy Microsoft Entra ID P2 or Microsoft Entra ID Governance licenses.",
        howToPrevent:
            "Keep Microsoft Entra ID P2 or Microsoft Entra ID Governance licenses for every user of Privileged Identity Management.",
        isRemediatable: false,
        isConfigurable: false,
    },
    NoMfaOnRoleActivationAlert: {
        displayName: "Roles don't require multi-factor authentication for activation",
        description: "{0} roles don't require multi-factor authentication for activation.",
        severityLevel: "medium",
        securityImpact: "Without multi-factor authentication, compromised users can activate privileged roles.",
        mitigationSteps: "Review the list of roles and require multi-factor authentication for every role.",
        howToPrevent: "Require multi-factor authentication for the activation of every role.",
        isRemediatable: true,
        isConfigurable: false,
    },
    RedundantAssignmentAlert: {
        displayName: "Administrators aren't using their privileged roles",
        description: "{0} administrators haven't activated their roles in the last {1} days.",
        severityLevel: "low",
        securityImpact:
            "Users who have privileged roles they don't need increase the chance of an attack, and attackers stay unnoticed longer in accounts that aren't used.",
        mitigationSteps: "Review the users in the list and remove them from privileged roles that they don't need.",
        howToPrevent:
            "Assign privileged roles only to users who have a business justification, and schedule regular access reviews.",
        isRemediatable: true,
        isConfigurable: true,
    },
    RolesAssignedOutsidePimAlert: {
        displayName: "Roles are being assigned outside of Privileged Identity Management",
        description: "{0} privileged role assignments were made outside of Privileged Identity Management.",
        severityLevel: "high",
        securityImpact:
            "Privileged role assignments made outside of Privileged Identity Management are not properly monitored and may indicate an active attack.",
        mitigationSteps:
            "Review the users in the list and remove them from privileged roles assigned outside of Privileged Identity Management.",
        howToPrevent:
            "Investigate where users are being assigned privileged roles outside of Privileged Identity Management and prohibit future assignments from there.",
        isRemediatable: true,
        isConfigurable: false,
    },
    SequentialActivationRenewalsAlert: {
        displayName: "Roles are being activated too frequently",
        description:
            "{0} users activated the same privileged role {1} times or more within the configured time window.",
        severityLevel: "medium",
        securityImpact: "Multiple activations of the same privileged role by the same user is a sign of an attack.",
        mitigationSteps:
            "Review the users in the list and make sure the activation duration of their role is long enough for their tasks.",
        howToPrevent:
            "Set the activation duration of privileged roles long enough for users to perform their tasks, and require multi-factor authentication.",
        isRemediatable: false,
        isConfigurable: true,
    },
    StaleSignInAlert: {
        displayName: "Potential stale accounts in a privileged role",
        description: "{0} accounts in a privileged role have not signed in during the last {1} days.",
        severityLevel: "medium",
        securityImpact:
            "Accounts in a privileged role that aren't used might be service or shared accounts that aren't maintained and are vulnerable to attackers.",
        mitigationSteps:
            "Review the accounts in the list. If they no longer need access, remove them from their privileged roles.",
        howToPrevent:
            "Regularly review accounts with privileged roles using access reviews and remove role assignments that are no longer needed.",
        isRemediatable: true,
        isConfigurable: true,
    },
    TooManyGlobalAdminsAssignedToTenantAlert: {
        displayName: "There are too many global administrators",
        description: "{0} users are assigned the Global Administrator role, {1}% of all privileged role assignments.",
        severityLevel: "low",
        securityImpact:
            "Global Administrator is the highest privileged role. If a Global Administrator is compromised, the attacker gains all of their permissions, which puts the whole system at risk.",
        mitigationSteps:
            "Review the users in the list and remove any that don't absolutely need the Global Administrator role; assign them less privileged roles.",
        howToPrevent: "Assign users the least privileged role they need.",
        isRemediatable: true,
        isConfigurable: true,
    },
};

/** One incident of a directory-role alert: its id and type-specific properties. */
export interface GraphIncidentRecord {
    readonly id: string;
    /** Properties without `@odata.type` and `id`. */
    readonly properties: Readonly<Record<string, unknown>>;
}

/** Date Graph shows for alerts that never fired (graph-api.md section 2). */
export const NEVER_MODIFIED = "0001-01-01T08:00:00Z";

/** Date of the last scan of every seeded alert. */
export const SEED_SCANNED = "2024-05-06T10:02:11.4Z";

/** Date of the last change of every seeded alert that has incidents. */
export const SEED_MODIFIED = "2024-05-02T08:15:27.37Z";

/**
 * Default configuration values, keyed by id suffix. Graph documents no defaults; these are realistic:
 * 3 global admins and 10 % (the how-to sample tenant), stale sign-in and redundant assignment after
 * 30 days, 10 activations within one hour.
 */
export const GRAPH_CONFIGURATION_SEED: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
    InvalidLicenseAlert: { isEnabled: true },
    NoMfaOnRoleActivationAlert: { isEnabled: true },
    RedundantAssignmentAlert: { isEnabled: true, duration: "P30D" },
    RolesAssignedOutsidePimAlert: { isEnabled: true },
    SequentialActivationRenewalsAlert: {
        isEnabled: true,
        sequentialActivationCounterThreshold: 10,
        timeIntervalBetweenActivations: "PT1H",
    },
    StaleSignInAlert: { isEnabled: true, duration: "P30D" },
    TooManyGlobalAdminsAssignedToTenantAlert: {
        isEnabled: true,
        globalAdminCountThreshold: 3,
        percentageOfGlobalAdminsOutOfRolesThreshold: 10,
    },
};

const GLOBAL_ADMIN_ID = "62e90394-69f5-4237-9190-012177145e10";
const PRIVILEGED_ROLE_ADMIN_ID = "e8611ab8-c189-46e8-94e1-60213ab1f814";
const GLOBAL_ADMIN = {
    roleDefinitionId: GLOBAL_ADMIN_ID,
    roleDisplayName: "Global Administrator",
    roleTemplateId: GLOBAL_ADMIN_ID,
};
const PRIVILEGED_ROLE_ADMIN = {
    roleDefinitionId: PRIVILEGED_ROLE_ADMIN_ID,
    roleDisplayName: "Privileged Role Administrator",
    roleTemplateId: PRIVILEGED_ROLE_ADMIN_ID,
};

function user(id: string, name: string, upn: string): Record<string, string> {
    return { assigneeId: id, assigneeDisplayName: name, assigneeUserPrincipalName: upn };
}

/**
 * Incidents every emulator starts with (invented people of a fictitious tenant; ids are the
 * assignees' object ids, as in Microsoft's samples). Alerts without incidents start inactive.
 */
export const GRAPH_INCIDENT_SEED: Readonly<Record<string, readonly GraphIncidentRecord[]>> = {
    TooManyGlobalAdminsAssignedToTenantAlert: [
        {
            id: "0b8f3c1e-7a2d-4e5f-9c6b-1d2e3f4a5b61",
            properties: user("0b8f3c1e-7a2d-4e5f-9c6b-1d2e3f4a5b61", "Adele Vance", "adelev@contoso.example"),
        },
        {
            id: "1c9a4d2f-8b3e-4f60-ad7c-2e3f4a5b6c72",
            properties: user("1c9a4d2f-8b3e-4f60-ad7c-2e3f4a5b6c72", "Alex Wilber", "alexw@contoso.example"),
        },
        {
            id: "2dab5e30-9c4f-4071-be8d-3f4a5b6c7d83",
            properties: user("2dab5e30-9c4f-4071-be8d-3f4a5b6c7d83", "Megan Bowen", "meganb@contoso.example"),
        },
        {
            id: "3ebc6f41-ad50-4182-8f9e-4a5b6c7d8e94",
            properties: user("3ebc6f41-ad50-4182-8f9e-4a5b6c7d8e94", "Nestor Wilke", "nestorw@contoso.example"),
        },
    ],
    StaleSignInAlert: [
        {
            id: "4fcd7052-be61-4293-90af-5b6c7d8e9fa5",
            properties: {
                ...user("4fcd7052-be61-4293-90af-5b6c7d8e9fa5", "Break Glass 2", "breakglass2@contoso.example"),
                ...GLOBAL_ADMIN,
                assignmentCreatedDateTime: "2023-01-12T09:30:00Z",
                lastSignInDateTime: "2024-02-01T07:45:12Z",
            },
        },
    ],
    RedundantAssignmentAlert: [
        {
            id: "50de8163-cf72-43a4-a1b0-6c7d8e9fa0b6",
            properties: {
                ...user("50de8163-cf72-43a4-a1b0-6c7d8e9fa0b6", "Lee Gu", "leeg@contoso.example"),
                ...PRIVILEGED_ROLE_ADMIN,
                lastActivationDateTime: "2024-03-10T14:03:55Z",
            },
        },
    ],
    RolesAssignedOutsidePimAlert: [
        {
            id: "61ef9274-d083-44b5-b2c1-7d8e9fa0b1c7",
            properties: {
                ...user("61ef9274-d083-44b5-b2c1-7d8e9fa0b1c7", "Diego Siciliani", "diegos@contoso.example"),
                ...GLOBAL_ADMIN,
                assignmentCreatedDateTime: "2024-05-01T22:11:09Z",
            },
        },
    ],
    NoMfaOnRoleActivationAlert: [
        {
            id: "e8611ab8-c189-46e8-94e1-60213ab1f814",
            properties: {
                roleDisplayName: PRIVILEGED_ROLE_ADMIN.roleDisplayName,
                roleTemplateId: PRIVILEGED_ROLE_ADMIN.roleTemplateId,
            },
        },
    ],
    SequentialActivationRenewalsAlert: [],
    InvalidLicenseAlert: [],
};

/**
 * Plausible properties for an incident raised through the admin API without explicit properties.
 * @param suffix - The alert's id suffix.
 * @param assigneeId - Object id of the invented assignee (also the incident id).
 * @param serial - A number that makes the invented names distinct.
 */
export function syntheticGraphIncident(suffix: string, assigneeId: string, serial: number): Record<string, unknown> {
    if (suffix === "InvalidLicenseAlert") return { tenantLicenseStatus: "NoLicense" };
    if (suffix === "NoMfaOnRoleActivationAlert")
        return { roleDisplayName: "Exchange Administrator", roleTemplateId: "29232cdf-9323-42fd-ade2-1d097af3e4de" };
    const base = { ...user(assigneeId, `Emulated User ${serial}`, `user${serial}@contoso.example`), ...GLOBAL_ADMIN };
    if (suffix === "SequentialActivationRenewalsAlert") {
        return {
            ...base,
            activationCount: 12,
            sequenceStartDateTime: "2024-05-06T08:00:00Z",
            sequenceEndDateTime: "2024-05-06T08:55:00Z",
        };
    }
    return base;
}
