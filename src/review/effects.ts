/**
 * The effect of each setting on the alert policy, beside the catalogs (src/arm/catalog.ts and
 * src/graph/catalog.ts): which direction of change weakens the alert, how to say so in one line, and
 * Microsoft's own description of the setting that the judgement rests on.
 *
 * Every setting of every alert of both catalogs has an entry, `isEnabled` included
 * (test/unit/review/effects.test.ts derives the list from the catalogs and fails on a missing one).
 *
 * Sources quoted: the ARM spec `RoleManagementAlerts.json` of api-version 2022-08-01-preview
 * (Azure/azure-rest-api-specs), and the Microsoft Graph beta reference pages of the alert
 * configuration types (microsoftgraph/microsoft-graph-docs-contrib, `api-reference/beta/resources`).
 */
import type { ArmAlertId } from "../arm/catalog";
import type { DirectoryAlertId } from "../graph/catalog";

/** Microsoft's description of a setting, word for word, and where it is written. */
export interface Citation {
    readonly quote: string;
    readonly source: string;
}

/** A true/false setting whose switching off weakens the alert (`isEnabled`, a dismissal's `isActive`). */
export interface SwitchEffect {
    readonly kind: "switch";
    /** The reason when it goes from true to false (weakens). */
    readonly turnedOff: string;
    /** The reason when it goes from false to true (strengthens). */
    readonly turnedOn: string;
    readonly microsoft: Citation;
}

/** A number or an ISO-8601 duration whose change in one direction weakens the alert. */
export interface ThresholdEffect {
    readonly kind: "number" | "duration";
    /** The direction that makes the alert fire less: a higher count, a longer or shorter duration. */
    readonly weakensWhen: "higher" | "lower";
    /** Shown after a number (`%` for percentages). */
    readonly unit: "" | "%";
    /** What the alert does with this value, after "the alert now": `fires from 10 owners`. */
    readonly does: (shown: string) => string;
    readonly microsoft: Citation;
}

/** How one setting affects its alert. */
export type SettingEffect = SwitchEffect | ThresholdEffect;

/** An alert's name as Microsoft shows it, and the effect of each of its settings. */
export interface AlertEffects {
    readonly displayName: string;
    readonly settings: Readonly<Record<string, SettingEffect>>;
}

/** Which API an alert belongs to (the `kind` of an alert target). */
export type AlertApi = "arm" | "directory";

const ARM_SPEC = "ARM RoleManagementAlerts.json (2022-08-01-preview)";
const GRAPH_DOCS = "Microsoft Graph beta reference";

const ARM_IS_ENABLED: SwitchEffect = {
    kind: "switch",
    turnedOff: "the alert is disabled, so PIM stops scanning for it",
    turnedOn: "the alert is enabled, so PIM scans for it again",
    microsoft: {
        quote: "True if the alert is enabled, false will disable the scanning for the specific alert.",
        source: `${ARM_SPEC}, AlertConfigurationProperties.isEnabled`,
    },
};

const GRAPH_IS_ENABLED: SwitchEffect = {
    ...ARM_IS_ENABLED,
    microsoft: {
        quote: "`true` if the alert is enabled. Setting it to `false` disables PIM scanning the tenant to identify instances that trigger this alert.",
        source: `${GRAPH_DOCS}, unifiedRoleManagementAlertConfiguration.isEnabled`,
    },
};

/** A threshold that fires the alert at or above a number: raising it weakens. */
function countThreshold(noun: string, unit: "" | "%", microsoft: Citation): ThresholdEffect {
    return { kind: "number", weakensWhen: "higher", unit, does: (shown) => `fires from ${shown} ${noun}`, microsoft };
}

/** The effect of the settings of the ARM alerts, with `isEnabled`. */
export const ARM_ALERT_EFFECTS: Readonly<Record<ArmAlertId, AlertEffects>> = {
    TooManyOwnersAssignedToResource: {
        displayName: "Too many owners assigned to a resource",
        settings: {
            isEnabled: ARM_IS_ENABLED,
            thresholdNumberOfOwners: countThreshold("owners", "", {
                quote: "The threshold number of owners.",
                source: `${ARM_SPEC}, TooManyOwnersAssignedToResourceAlertConfigurationProperties`,
            }),
            thresholdPercentageOfOwnersOutOfAllRoleMembers: countThreshold("owners among all role members", "%", {
                quote: "The threshold percentage of owners out of all role members.",
                source: `${ARM_SPEC}, TooManyOwnersAssignedToResourceAlertConfigurationProperties`,
            }),
        },
    },
    TooManyPermanentOwnersAssignedToResource: {
        displayName: "Too many permanent owners assigned to a resource",
        settings: {
            isEnabled: ARM_IS_ENABLED,
            thresholdNumberOfPermanentOwners: countThreshold("permanent owners", "", {
                quote: "The threshold number of permanent owners.",
                source: `${ARM_SPEC}, TooManyPermanentOwnersAssignedToResourceAlertConfigurationProperties`,
            }),
            thresholdPercentageOfPermanentOwnersOutOfAllOwners: countThreshold(
                "permanent owners among all owners",
                "%",
                {
                    quote: "The threshold percentage of permanent owners out of all owners.",
                    source: `${ARM_SPEC}, TooManyPermanentOwnersAssignedToResourceAlertConfigurationProperties`,
                },
            ),
        },
    },
    DuplicateRoleCreated: { displayName: "Duplicate role created", settings: { isEnabled: ARM_IS_ENABLED } },
    AzureRolesAssignedOutsidePimAlert: {
        displayName: "Roles are being assigned outside of Privileged Identity Management",
        settings: { isEnabled: ARM_IS_ENABLED },
    },
};

/** The effect of the settings of the directory-role alerts, with `isEnabled`. */
export const DIRECTORY_ALERT_EFFECTS: Readonly<Record<DirectoryAlertId, AlertEffects>> = {
    InvalidLicenseAlert: {
        displayName: "The organization doesn't have Microsoft Entra ID P2 or Microsoft Entra ID Governance",
        settings: { isEnabled: GRAPH_IS_ENABLED },
    },
    NoMfaOnRoleActivationAlert: {
        displayName: "Roles don't require multi-factor authentication for activation",
        settings: { isEnabled: GRAPH_IS_ENABLED },
    },
    RedundantAssignmentAlert: {
        displayName: "Administrators aren't using their privileged roles",
        settings: {
            isEnabled: GRAPH_IS_ENABLED,
            // A longer look-back: an administrator must go longer without activating before the alert names them.
            duration: {
                kind: "duration",
                weakensWhen: "higher",
                unit: "",
                does: (shown) => `reports administrators who have not activated a role for ${shown}`,
                microsoft: {
                    quote: "The number of days without activation to look back on from current timestamp.",
                    source: `${GRAPH_DOCS}, redundantAssignmentAlertConfiguration.duration`,
                },
            },
        },
    },
    RolesAssignedOutsidePimAlert: {
        displayName: "Roles are being assigned outside of Privileged Identity Management",
        settings: { isEnabled: GRAPH_IS_ENABLED },
    },
    SequentialActivationRenewalsAlert: {
        displayName: "Roles are being activated too frequently",
        settings: {
            isEnabled: GRAPH_IS_ENABLED,
            sequentialActivationCounterThreshold: countThreshold("activations of one role within the window", "", {
                quote: "The minimum number of activations within the timeIntervalBetweenActivations period to trigger an alert.",
                source: `${GRAPH_DOCS}, sequentialActivationRenewalsAlertConfiguration.sequentialActivationCounterThreshold`,
            }),
            // A shorter window: fewer activations fall within it, so the counter is reached less often.
            timeIntervalBetweenActivations: {
                kind: "duration",
                weakensWhen: "lower",
                unit: "",
                does: (shown) => `counts activations of one role within ${shown}`,
                microsoft: {
                    quote: "Time interval between activations to trigger an alert.",
                    source: `${GRAPH_DOCS}, sequentialActivationRenewalsAlertConfiguration.timeIntervalBetweenActivations`,
                },
            },
        },
    },
    StaleSignInAlert: {
        displayName: "Potential stale accounts in a privileged role",
        settings: {
            isEnabled: GRAPH_IS_ENABLED,
            // A longer look-back: an account must go longer without a sign-in before it counts as stale.
            duration: {
                kind: "duration",
                weakensWhen: "higher",
                unit: "",
                does: (shown) => `reports accounts without a sign-in for ${shown}`,
                microsoft: {
                    quote: "The number of days to look back from current timestamp within which the account hasn't signed in.",
                    source: `${GRAPH_DOCS}, staleSignInAlertConfiguration.duration`,
                },
            },
        },
    },
    TooManyGlobalAdminsAssignedToTenantAlert: {
        displayName: "There are too many global administrators",
        settings: {
            isEnabled: GRAPH_IS_ENABLED,
            globalAdminCountThreshold: countThreshold("Global Administrators", "", {
                quote: "The threshold for the number of accounts assigned the Global Administrator role in the tenant. Triggers an alert if the number of global administrators in the tenant reaches or crosses this threshold value.",
                source: `${GRAPH_DOCS}, tooManyGlobalAdminsAssignedToTenantAlertConfiguration.globalAdminCountThreshold`,
            }),
            percentageOfGlobalAdminsOutOfRolesThreshold: countThreshold(
                "Global Administrators among all role assignments",
                "%",
                {
                    quote: "Threshold of the percentage of global administrators out of all the role assignments in the tenant. Triggers an alert if the percentage in the tenant reaches or crosses this threshold value.",
                    source: `${GRAPH_DOCS}, tooManyGlobalAdminsAssignedToTenantAlertConfiguration.percentageOfGlobalAdminsOutOfRolesThreshold`,
                },
            ),
        },
    },
};

/** A dismissal's `isActive`: dismissing an active alert hides it. */
export const DISMISSAL_EFFECTS: Readonly<Record<AlertApi, SwitchEffect>> = {
    arm: {
        kind: "switch",
        turnedOff: "the active alert is dismissed, so it is hidden until PIM raises it again",
        turnedOn: "the alert is active again and shows in PIM",
        microsoft: {
            quote: "False by default; true if the alert is active.",
            source: `${ARM_SPEC}, AlertProperties.isActive`,
        },
    },
    directory: {
        kind: "switch",
        turnedOff: "the active alert is dismissed, so it is hidden until PIM raises it again",
        turnedOn: "the alert is active again and shows in PIM",
        microsoft: {
            quote: "False by default. True if the alert is active.",
            source: `${GRAPH_DOCS}, unifiedRoleManagementAlert.isActive`,
        },
    },
};

/** The effects of an alert's settings, or undefined for an alert this version does not know. */
export function alertEffects(api: AlertApi, alertId: string): AlertEffects | undefined {
    const table: Readonly<Record<string, AlertEffects>> = api === "arm" ? ARM_ALERT_EFFECTS : DIRECTORY_ALERT_EFFECTS;
    return Object.prototype.hasOwnProperty.call(table, alertId) ? table[alertId] : undefined;
}
