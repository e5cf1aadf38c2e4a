/**
 * What the data functions return: plain JSON (strings, numbers, booleans, arrays, objects), never
 * `undefined`, never a token or a secret. The same shapes for an ARM scope and for the directory.
 */

/** An alert definition: what the alert means and how to act on it. */
export interface AlertDefinitionInfo {
    /** The API's id: an ARM resource id, or Graph's `DirectoryRole_<tenantId>_<alertId>`. */
    readonly id: string;
    /** The short alert id, e.g. `TooManyOwnersAssignedToResource` or `StaleSignInAlert`. */
    readonly alertId: string;
    readonly displayName: string;
    /** `Low`, `Medium`, `High` (also `Informational`, `Unknown` for the directory): one spelling for both APIs. */
    readonly severity: string;
    readonly description: string;
    readonly securityImpact: string;
    readonly mitigationSteps: string;
    readonly howToPrevent: string;
    /** True when the alert has thresholds or settings besides `isEnabled`. */
    readonly isConfigurable: boolean;
    /** True when `remediateIncident` can act on its incidents. */
    readonly isRemediatable: boolean;
}

/** An alert configuration with every value the API returned. */
export interface AlertConfigurationInfo {
    readonly id: string;
    readonly alertId: string;
    /** ARM's `alertConfigurationType`, or Graph's `@odata.type`. */
    readonly configurationType: string;
    readonly isEnabled: boolean;
    /**
     * Thresholds (ARM) or settings (Graph) by the API's name, e.g. `thresholdNumberOfOwners: 3` or
     * `duration: "P30D"`; only the ones the API returned; empty for alerts that have none.
     */
    readonly settings: Readonly<Record<string, number | string>>;
}

/** An alert and its state. */
export interface AlertInfo {
    readonly id: string;
    readonly alertId: string;
    /** From the alert's definition ("" when the API lists no definition for it). */
    readonly displayName: string;
    /** From the alert's definition, spelled as in {@link AlertDefinitionInfo.severity}. */
    readonly severity: string;
    /** True while the alert has open incidents and is not dismissed. */
    readonly isActive: boolean;
    readonly incidentCount: number;
    /** ISO-8601 time of the last scan; "" when never scanned. */
    readonly lastScannedDateTime: string;
    /** ISO-8601 time of the last change; "" when unknown. */
    readonly lastModifiedDateTime: string;
}

/** Result of `getAlertDefinitions`. */
export interface GetAlertDefinitionsResult {
    /** The canonical ARM scope, or `"directory"`. */
    readonly scope: string;
    readonly definitions: AlertDefinitionInfo[];
}

/** Result of `getAlertConfigurations`. */
export interface GetAlertConfigurationsResult {
    readonly scope: string;
    readonly configurations: AlertConfigurationInfo[];
}

/** Result of `getAlerts`. */
export interface GetAlertsResult {
    readonly scope: string;
    readonly alerts: AlertInfo[];
}
