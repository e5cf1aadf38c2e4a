/**
 * The seven Microsoft Graph (beta) alert configurations of Entra directory roles, keyed by the short
 * alert id that ends their Graph id (`DirectoryRole_<tenantId>_<alertId>`), with the `@odata.type`
 * every PATCH must carry and the settings each one accepts (named exactly as Graph names them).
 *
 * Ranges are the Entra portal's (pim-how-to-configure-security-alerts). Graph documents none; where
 * the portal gives none either, the choice is explained next to the value.
 *
 * This table is the single source of truth for validation, payloads and the typed Args.
 */

/** A whole number within [min, max]. */
export interface IntegerSetting {
    readonly kind: "integer";
    readonly min: number;
    readonly max: number;
    /** What the number counts, for messages: `a number of global administrators`. */
    readonly what: string;
}

/** An ISO-8601 duration within [min, max] (both ISO-8601 text). */
export interface DurationSetting {
    readonly kind: "duration";
    readonly min: string;
    readonly max: string;
    /** True when only whole days are allowed (the portal's unit for this setting is days). */
    readonly wholeDays: boolean;
    readonly what: string;
}

/** How one setting is constrained. */
export type DirectorySetting = IntegerSetting | DurationSetting;

/** One directory-role alert of Microsoft Graph. */
export interface DirectoryAlertSpec {
    readonly alertId: DirectoryAlertId;
    /** The `@odata.type` sent in every PATCH and returned by every GET. */
    readonly odataType: string;
    /** Setting name => constraint. Empty for alerts that are not configurable (only `isEnabled`). */
    readonly settings: Readonly<Record<string, DirectorySetting>>;
}

/** The alert ids of Entra directory roles, as they end the Graph ids. */
export const DIRECTORY_ALERT_IDS = [
    "InvalidLicenseAlert",
    "NoMfaOnRoleActivationAlert",
    "RedundantAssignmentAlert",
    "RolesAssignedOutsidePimAlert",
    "SequentialActivationRenewalsAlert",
    "StaleSignInAlert",
    "TooManyGlobalAdminsAssignedToTenantAlert",
] as const;

/** A directory-role PIM alert id. */
export type DirectoryAlertId = (typeof DIRECTORY_ALERT_IDS)[number];

const TYPE_PREFIX = "#microsoft.graph.";

// Each setting's TSDoc is the one users read on the typed Args (resources/directoryAlertConfiguration.ts maps over these entries).
const CATALOG = {
    InvalidLicenseAlert: {
        alertId: "InvalidLicenseAlert",
        odataType: `${TYPE_PREFIX}invalidLicenseAlertConfiguration`,
        settings: {},
    },
    NoMfaOnRoleActivationAlert: {
        alertId: "NoMfaOnRoleActivationAlert",
        odataType: `${TYPE_PREFIX}noMfaOnRoleActivationAlertConfiguration`,
        settings: {},
    },
    RedundantAssignmentAlert: {
        alertId: "RedundantAssignmentAlert",
        odataType: `${TYPE_PREFIX}redundantAssignmentAlertConfiguration`,
        settings: {
            /** Days a user can go without activating a role: an ISO-8601 duration of whole days, `P0D`..`P100D`. */
            duration: {
                kind: "duration",
                min: "P0D",
                max: "P100D",
                wholeDays: true,
                what: "days a role can go without activation",
            },
        },
    },
    // The id is not the type name: "Pim" here, "PrivilegedIdentityManagement" in the type.
    RolesAssignedOutsidePimAlert: {
        alertId: "RolesAssignedOutsidePimAlert",
        odataType: `${TYPE_PREFIX}rolesAssignedOutsidePrivilegedIdentityManagementAlertConfiguration`,
        settings: {},
    },
    SequentialActivationRenewalsAlert: {
        alertId: "SequentialActivationRenewalsAlert",
        odataType: `${TYPE_PREFIX}sequentialActivationRenewalsAlertConfiguration`,
        settings: {
            /** Activations of one role within the window that fire the alert, 2..100. */
            sequentialActivationCounterThreshold: {
                kind: "integer",
                min: 2,
                max: 100,
                what: "a number of activations",
            },
            // Neither Graph nor the portal gives a range (the portal takes days, hours, minutes and seconds).
            // From 1 second: Microsoft's own sample holds PT10S. Up to 30 days: the alert only looks at
            // activations of the last 30 days, so a longer window could never matter.
            /** The window in which activations are counted: an ISO-8601 duration, `PT1S`..`P30D` (e.g. `"PT1H"`). */
            timeIntervalBetweenActivations: {
                kind: "duration",
                min: "PT1S",
                max: "P30D",
                wholeDays: false,
                what: "the window in which activations are counted",
            },
        },
    },
    StaleSignInAlert: {
        alertId: "StaleSignInAlert",
        odataType: `${TYPE_PREFIX}staleSignInAlertConfiguration`,
        settings: {
            /** Days without a sign-in after which an account is stale: an ISO-8601 duration of whole days, `P1D`..`P365D` (e.g. `"P30D"`). */
            duration: { kind: "duration", min: "P1D", max: "P365D", wholeDays: true, what: "days without a sign-in" },
        },
    },
    TooManyGlobalAdminsAssignedToTenantAlert: {
        alertId: "TooManyGlobalAdminsAssignedToTenantAlert",
        odataType: `${TYPE_PREFIX}tooManyGlobalAdminsAssignedToTenantAlertConfiguration`,
        settings: {
            /** Number of Global Administrators, 2..100. The alert fires when both thresholds are exceeded. */
            globalAdminCountThreshold: { kind: "integer", min: 2, max: 100, what: "a number of global administrators" },
            /** Percentage of Global Administrators among all privileged role assignees, 0..100. */
            percentageOfGlobalAdminsOutOfRolesThreshold: { kind: "integer", min: 0, max: 100, what: "a percentage" },
        },
    },
} as const satisfies Record<DirectoryAlertId, DirectoryAlertSpec>;

/** The catalog's exact type (literal setting names and kinds, with their TSDoc): the typed Args are mapped over it. */
export type DirectoryAlertCatalog = typeof CATALOG;

/** The seven alerts, by id (see {@link DirectoryAlertCatalog} for the exact type). */
export const DIRECTORY_ALERTS: Readonly<Record<DirectoryAlertId, DirectoryAlertSpec>> = CATALOG;

/** Narrows a string to a known directory alert id (exact, case-sensitive, as Graph spells it). */
export function isDirectoryAlertId(value: unknown): value is DirectoryAlertId {
    return typeof value === "string" && (DIRECTORY_ALERT_IDS as readonly string[]).includes(value);
}

/** Every setting name of any directory alert, each once, in catalog order. */
export const ALL_DIRECTORY_SETTINGS: readonly string[] = [
    ...new Set(DIRECTORY_ALERT_IDS.flatMap((id) => Object.keys(DIRECTORY_ALERTS[id].settings))),
];

/** The properties a program may declare on a configuration of this alert: `isEnabled` and its settings. */
export function directoryManagedPropertyNames(alertId: DirectoryAlertId): string[] {
    return ["isEnabled", ...Object.keys(DIRECTORY_ALERTS[alertId].settings)];
}

/** The alert whose configuration has this `@odata.type` (with or without the leading `#`). */
export function alertOfOdataType(odataType: string): DirectoryAlertSpec | undefined {
    const wanted = odataType.startsWith("#") ? odataType : `#${odataType}`;
    return DIRECTORY_ALERT_IDS.map((id) => DIRECTORY_ALERTS[id]).find(
        (spec) => spec.odataType.toLowerCase() === wanted.toLowerCase(),
    );
}

/** The alerts that have a setting of this name (e.g. `duration` belongs to two). */
export function alertsWithSetting(name: string): DirectoryAlertSpec[] {
    return DIRECTORY_ALERT_IDS.map((id) => DIRECTORY_ALERTS[id]).filter((spec) => name in spec.settings);
}
