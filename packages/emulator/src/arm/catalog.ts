/**
 * The fixed facts of the ARM PIM alerts API (api-version 2022-08-01-preview): its version, its date
 * format and its four alerts with the discriminators and thresholds of their configurations.
 */

/** The api-version every operation of these APIs requires (there is no other). */
export const ARM_API_VERSION = "2022-08-01-preview";

/**
 * A date in the style of the ARM examples: ISO-8601 with an explicit `+00:00` offset
 * (e.g. `2022-04-05T03:04:06.467+00:00`).
 * @param date - The instant to format.
 */
export function armDateTime(date: Date): string {
    return date.toISOString().replace("Z", "+00:00");
}

/** How a threshold is validated: a count (integer at least 0) or a percentage (integer 0..100). */
export type ThresholdKind = "count" | "percentage";

/** A writable threshold property of one configuration type. */
export interface ThresholdSpec {
    readonly name: string;
    readonly kind: ThresholdKind;
}

/** The fixed facts of one ARM PIM alert: its id and the discriminators of its configuration and incidents. */
export interface ArmAlertKind {
    /** Alert id, also the name of its configuration and definition. */
    readonly alertId: string;
    /** `properties.alertConfigurationType` of the configuration (the PATCH discriminator). */
    readonly configurationType: string;
    /** `properties.alertIncidentType` of its incidents. */
    readonly incidentType: string;
    /** Threshold properties of the configuration type (none for non-configurable alerts). */
    readonly thresholds: readonly ThresholdSpec[];
}

/**
 * The four alerts of api-version 2022-08-01-preview (arm-api.md section 4). Note the one irregular
 * discriminator: `AzureRolesAssignedOutsidePimAlert` -> `AzureRolesAssignedOutsidePimAlertConfiguration`.
 */
export const ARM_ALERT_KINDS: readonly ArmAlertKind[] = [
    {
        alertId: "TooManyOwnersAssignedToResource",
        configurationType: "TooManyOwnersAssignedToResourceAlertConfiguration",
        incidentType: "TooManyOwnersAssignedToResourceAlertIncident",
        thresholds: [
            { name: "thresholdNumberOfOwners", kind: "count" },
            { name: "thresholdPercentageOfOwnersOutOfAllRoleMembers", kind: "percentage" },
        ],
    },
    {
        alertId: "TooManyPermanentOwnersAssignedToResource",
        configurationType: "TooManyPermanentOwnersAssignedToResourceAlertConfiguration",
        incidentType: "TooManyPermanentOwnersAssignedToResourceAlertIncident",
        thresholds: [
            { name: "thresholdNumberOfPermanentOwners", kind: "count" },
            { name: "thresholdPercentageOfPermanentOwnersOutOfAllOwners", kind: "percentage" },
        ],
    },
    {
        alertId: "DuplicateRoleCreated",
        configurationType: "DuplicateRoleCreatedAlertConfiguration",
        incidentType: "DuplicateRoleCreatedAlertIncident",
        thresholds: [],
    },
    {
        alertId: "AzureRolesAssignedOutsidePimAlert",
        configurationType: "AzureRolesAssignedOutsidePimAlertConfiguration",
        incidentType: "AzureRolesAssignedOutsidePimAlertIncident",
        thresholds: [],
    },
];

/**
 * The alert kind whose id equals `alertId` ignoring case (ARM names are case-insensitive).
 * @param alertId - An alert, configuration or definition name from a URL.
 */
export function findArmAlertKind(alertId: string): ArmAlertKind | undefined {
    const wanted = alertId.toLowerCase();
    return ARM_ALERT_KINDS.find((kind) => kind.alertId.toLowerCase() === wanted);
}
