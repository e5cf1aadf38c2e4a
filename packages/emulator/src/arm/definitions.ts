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
        howToPrevent: "Enable “Activation Required” in the role settings menu. This will ensure newly added users must activate their role.",
        isConfigurable: true,
        isRemediatable: true,
        mitigationSteps: "To mitigate this issue, require the user to activate the role before use.",
        securityImpact: "Providing users permanent access in a role may leave resources vulnerable to accidental or malicious activity.",
        severityLevel: "Medium",
    },
    TooManyOwnersAssignedToResource: {
        description:
            "The number of users with the Owner role is too high. We recommend assigning these individuals to less privileged roles or roles more suitable to their daily needs. Take a moment to review the current assignments, and suggested changes here.",
        displayName: "Too many owners assigned to a resource",
        howToPrevent: "Choose a role that provides the fewest privileges necessary for a user or group to complete their tasks.",
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
        howToPrevent: "Prior to creating a custom role, determine if a built-in or preexisting custom role aligns to your security requirements.",
        isConfigurable: false,
        isRemediatable: true,
        mitigationSteps: "To mitigate this issue, review the newly created role, and determine if a built-in role is suitable.",
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
        mitigationSteps: "Review the users in the list and remove them from privileged roles assigned outside of Privileged Identity Management.",
        securityImpact:
            "Privileged role assignments made outside of Privileged Identity Management are not properly monitored and may indicate an active attack.",
        severityLevel: "High",
    },
};
