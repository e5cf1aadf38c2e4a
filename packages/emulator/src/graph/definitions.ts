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
        description: "The current organization doesn't have Microsoft Entra ID P2 or Microsoft Entra ID Governance licenses.",
        severityLevel: "high",
        securityImpact: "Privileged Identity Management features such as access reviews and alerts stop working without a valid license.",
        mitigationSteps: "Review the licensing options and buy Microsoft Entra ID P2 or Microsoft Entra ID Governance licenses.",
        howToPrevent: "Keep Microsoft Entra ID P2 or Microsoft Entra ID Governance licenses for every user of Privileged Identity Management.",
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
        howToPrevent: "Assign privileged roles only to users who have a business justification, and schedule regular access reviews.",
        isRemediatable: true,
        isConfigurable: true,
    },
    RolesAssignedOutsidePimAlert: {
        displayName: "Roles are being assigned outside of Privileged Identity Management",
        description: "{0} privileged role assignments were made outside of Privileged Identity Management.",
        severityLevel: "high",
        securityImpact:
            "Privileged role assignments made outside of Privileged Identity Management are not properly monitored and may indicate an active attack.",
        mitigationSteps: "Review the users in the list and remove them from privileged roles assigned outside of Privileged Identity Management.",
        howToPrevent:
            "Investigate where users are being assigned privileged roles outside of Privileged Identity Management and prohibit future assignments from there.",
        isRemediatable: true,
        isConfigurable: false,
    },
    SequentialActivationRenewalsAlert: {
        displayName: "Roles are being activated too frequently",
        description: "{0} users activated the same privileged role {1} times or more within the configured time window.",
        severityLevel: "medium",
        securityImpact: "Multiple activations of the same privileged role by the same user is a sign of an attack.",
        mitigationSteps: "Review the users in the list and make sure the activation duration of their role is long enough for their tasks.",
        howToPrevent: "Set the activation duration of privileged roles long enough for users to perform their tasks, and require multi-factor authentication.",
        isRemediatable: false,
        isConfigurable: true,
    },
    StaleSignInAlert: {
        displayName: "Potential stale accounts in a privileged role",
        description: "{0} accounts in a privileged role have not signed in during the last {1} days.",
        severityLevel: "medium",
        securityImpact:
            "Accounts in a privileged role that aren't used might be service or shared accounts that aren't maintained and are vulnerable to attackers.",
        mitigationSteps: "Review the accounts in the list. If they no longer need access, remove them from their privileged roles.",
        howToPrevent: "Regularly review accounts with privileged roles using access reviews and remove role assignments that are no longer needed.",
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
