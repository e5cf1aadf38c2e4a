/** The mutable state of one alert at one scope (incidents are kept beside it). */
export interface ArmAlertStatus {
    isActive: boolean;
    lastModifiedDateTime: string;
    lastScannedDateTime: string;
}

/** Dates of `GetAlerts.json` / `GetAlertById.json`, used for every seeded alert. */
const EXAMPLE_LAST_MODIFIED = "2022-04-05T03:04:06.467+00:00";
const EXAMPLE_LAST_SCANNED = "2022-04-06T18:25:00.38+00:00";

/**
 * The status every alert starts with at a new scope: active (each has seeded incidents) with the
 * example dates. `GetAlerts.json` only lists the two owner alerts; the other two get the same values.
 */
export function seedAlertStatus(): ArmAlertStatus {
    return { isActive: true, lastModifiedDateTime: EXAMPLE_LAST_MODIFIED, lastScannedDateTime: EXAMPLE_LAST_SCANNED };
}
