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
