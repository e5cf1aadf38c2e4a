/**
 * Small pure helpers shared by the ARM and directory reads: one severity spelling, configuration
 * values split into `isEnabled` and settings, alerts joined with their definitions.
 */
import type { AlertConfigurationInfo, AlertDefinitionInfo, AlertInfo } from "./results";

/** `high` (Graph) and `High` (ARM) become `High`; `informational` becomes `Informational`. */
export function normalizeSeverity(severity: string): string {
    return severity === "" ? "" : `${severity.charAt(0).toUpperCase()}${severity.slice(1)}`;
}

/** Splits `{isEnabled, ...thresholds}` into `isEnabled` and the settings (booleans other than isEnabled are not settings). */
export function splitValues(
    values: Readonly<Record<string, boolean | number | string>>,
): Pick<AlertConfigurationInfo, "isEnabled" | "settings"> {
    const settings: Record<string, number | string> = {};
    for (const [name, value] of Object.entries(values))
        if (name !== "isEnabled" && typeof value !== "boolean") settings[name] = value;
    return { isEnabled: values["isEnabled"] === true, settings };
}

/** An alert and its state, before its definition adds display name and severity. */
export type AlertState = Omit<AlertInfo, "displayName" | "severity">;

/** Adds display name and severity from the definitions (matched on alertId, ignoring case). */
export function joinDefinitions(
    alerts: readonly AlertState[],
    definitions: readonly AlertDefinitionInfo[],
): AlertInfo[] {
    const byId = new Map(definitions.map((d) => [d.alertId.toLowerCase(), d]));
    return alerts.map((a) => {
        const definition = byId.get(a.alertId.toLowerCase());
        return {
            id: a.id,
            alertId: a.alertId,
            displayName: definition?.displayName ?? "",
            severity: definition?.severity ?? "",
            isActive: a.isActive,
            incidentCount: a.incidentCount,
            lastScannedDateTime: a.lastScannedDateTime,
            lastModifiedDateTime: a.lastModifiedDateTime,
        };
    });
}

/** The short alert id at the end of Graph's `DirectoryRole_<tenantId>_<alertId>` (the id itself when it has another form). */
export function shortDirectoryAlertId(id: string): string {
    return /^DirectoryRole_[^_]+_(.+)$/.exec(id)?.[1] ?? id;
}
