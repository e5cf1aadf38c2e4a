/**
 * The four ARM PIM alerts of api-version 2022-08-01-preview, their configuration discriminators
 * and the threshold properties each one accepts (named exactly as the API names them).
 *
 * This table is the single source of truth for validation, payloads and the typed Args.
 */

/** How a threshold is constrained. The spec gives no ranges; these are the safe reading of the names. */
export type ThresholdKind = "count" | "percentage";

/** One alert of the ARM API. */
export interface ArmAlertSpec {
    readonly alertId: ArmAlertId;
    /** The `alertConfigurationType` discriminator sent in every PATCH. */
    readonly configurationType: string;
    /** Threshold property name => kind. Empty for alerts that are not configurable. */
    readonly thresholds: Readonly<Record<string, ThresholdKind>>;
}

/** The alert ids of the ARM API. */
export const ARM_ALERT_IDS = [
    "TooManyOwnersAssignedToResource",
    "TooManyPermanentOwnersAssignedToResource",
    "DuplicateRoleCreated",
    "AzureRolesAssignedOutsidePimAlert",
] as const;

/** An ARM PIM alert id. */
export type ArmAlertId = (typeof ARM_ALERT_IDS)[number];

// Each threshold's TSDoc is the one users read on the typed Args (resources/alertConfiguration.ts maps over these entries).
const CATALOG = {
    TooManyOwnersAssignedToResource: {
        alertId: "TooManyOwnersAssignedToResource",
        configurationType: "TooManyOwnersAssignedToResourceAlertConfiguration",
        thresholds: {
            /** Number of owners at or above which the alert fires (a whole number, 0 or more). */
            thresholdNumberOfOwners: "count",
            /** Percentage of owners among all role members at or above which the alert fires (0..100). */
            thresholdPercentageOfOwnersOutOfAllRoleMembers: "percentage",
        },
    },
    TooManyPermanentOwnersAssignedToResource: {
        alertId: "TooManyPermanentOwnersAssignedToResource",
        configurationType: "TooManyPermanentOwnersAssignedToResourceAlertConfiguration",
        thresholds: {
            /** Number of permanent (not eligible) owners at or above which the alert fires (0 or more). */
            thresholdNumberOfPermanentOwners: "count",
            /** Percentage of permanent owners among all owners at or above which the alert fires (0..100). */
            thresholdPercentageOfPermanentOwnersOutOfAllOwners: "percentage",
        },
    },
    DuplicateRoleCreated: {
        alertId: "DuplicateRoleCreated",
        configurationType: "DuplicateRoleCreatedAlertConfiguration",
        thresholds: {},
    },
    // The discriminator does not repeat the id's trailing "Alert".
    AzureRolesAssignedOutsidePimAlert: {
        alertId: "AzureRolesAssignedOutsidePimAlert",
        configurationType: "AzureRolesAssignedOutsidePimAlertConfiguration",
        thresholds: {},
    },
} as const satisfies Record<ArmAlertId, ArmAlertSpec>;

/** The catalog's exact type (literal threshold names, with their TSDoc): the typed Args are mapped over it. */
export type ArmAlertCatalog = typeof CATALOG;

/** The four alerts, by id (see {@link ArmAlertCatalog} for the exact type). */
export const ARM_ALERTS: Readonly<Record<ArmAlertId, ArmAlertSpec>> = CATALOG;

/** Narrows a string to a known ARM alert id (exact, case-sensitive, as the API spells it). */
export function isArmAlertId(value: unknown): value is ArmAlertId {
    return typeof value === "string" && (ARM_ALERT_IDS as readonly string[]).includes(value);
}

/** Every threshold property name of any ARM alert. */
export const ALL_ARM_THRESHOLDS: readonly string[] = ARM_ALERT_IDS.flatMap((id) =>
    Object.keys(ARM_ALERTS[id].thresholds),
);

/** The properties a program may declare on a configuration of this alert: `isEnabled` and its thresholds. */
export function managedPropertyNames(alertId: ArmAlertId): string[] {
    return ["isEnabled", ...Object.keys(ARM_ALERTS[alertId].thresholds)];
}
