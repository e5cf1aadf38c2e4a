/**
 * Pure conversion between ARM bodies and this package's values. Responses are checked with zod
 * (a maintained schema library) so that a surprising body becomes a clear error, never an
 * `undefined` in Pulumi state.
 */
import { z } from "zod";
import { describeIssues } from "../http/responseSchema";
import { ARM_ALERTS, ARM_ALERT_IDS, type ArmAlertId } from "./catalog";

/** The managed values of a configuration: `isEnabled` and thresholds, by API property name. */
export type ConfigurationValues = Readonly<Record<string, boolean | number>>;

/** An alert configuration as Azure holds it. */
export interface ArmConfiguration {
    readonly id: string;
    readonly alertId: ArmAlertId;
    readonly alertConfigurationType: string;
    /** `isEnabled` and every threshold Azure returned (absent ones are left out, never undefined). */
    readonly values: ConfigurationValues;
}

/** An alert's state as Azure holds it. */
export interface ArmAlertState {
    readonly id: string;
    readonly isActive: boolean;
    readonly incidentCount: number;
    /** ISO date-time of the last scan; empty string when the alert was never scanned. */
    readonly lastScannedDateTime: string;
}

const configurationSchema = z.object({
    id: z.string(),
    name: z.string(),
    properties: z.object({ alertConfigurationType: z.string(), isEnabled: z.boolean() }).catchall(z.unknown()),
});

const alertSchema = z.object({
    id: z.string(),
    properties: z.object({
        isActive: z.boolean(),
        incidentCount: z.number().int().optional(),
        lastScannedDateTime: z.string().nullable().optional(),
    }),
});

/** Reads a configuration body; returns the reason when it is not one this package understands. */
export function parseConfiguration(body: unknown): ArmConfiguration | string {
    const parsed = configurationSchema.safeParse(body);
    if (!parsed.success) return `not an alert configuration (${describeIssues(parsed.error)})`;
    const { id, name, properties } = parsed.data;
    const spec = ARM_ALERT_IDS.map((a) => ARM_ALERTS[a]).find((s) => s.configurationType === properties.alertConfigurationType);
    if (!spec) {
        return `alertConfigurationType ${JSON.stringify(properties.alertConfigurationType)} of ${name} is not one this version of pulumi-pim-alerts knows (a newer API?)`;
    }
    const values: Record<string, boolean | number> = { isEnabled: properties.isEnabled };
    for (const threshold of Object.keys(spec.thresholds)) {
        const value = properties[threshold];
        if (typeof value === "number") values[threshold] = value;
        else if (value !== undefined && value !== null) return `${threshold} of ${name} is ${JSON.stringify(value)}, not a number`;
    }
    return { id, alertId: spec.alertId, alertConfigurationType: spec.configurationType, values };
}

/** Reads an alert body; returns the reason when it is not one. */
export function parseAlert(body: unknown): ArmAlertState | string {
    const parsed = alertSchema.safeParse(body);
    if (!parsed.success) return `not an alert (${describeIssues(parsed.error)})`;
    const p = parsed.data.properties;
    return { id: parsed.data.id, isActive: p.isActive, incidentCount: p.incidentCount ?? 0, lastScannedDateTime: p.lastScannedDateTime ?? "" };
}

/** The PATCH body that sets the given values: always inside `properties`, always with the discriminator. */
export function configurationPatchBody(alertId: ArmAlertId, values: ConfigurationValues): { properties: Record<string, unknown> } {
    return { properties: { alertConfigurationType: ARM_ALERTS[alertId].configurationType, ...values } };
}

/** The PATCH body that dismisses (`false`) or re-activates (`true`) an alert. */
export function alertPatchBody(isActive: boolean): { properties: { isActive: boolean } } {
    return { properties: { isActive } };
}
