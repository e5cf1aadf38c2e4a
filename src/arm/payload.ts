/**
 * Pure conversion between ARM bodies and this package's values. Responses are checked with zod
 * (a maintained schema library) so that a surprising body becomes a clear error, never an
 * `undefined` in Pulumi state.
 */
import { z } from "zod";
import { parsed, parseProblem, serverText, type ParseResult } from "../errors";
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

/** Parses a configuration body; the problem says why it is not one this package understands. */
export function parseConfiguration(body: unknown): ParseResult<ArmConfiguration> {
    const result = configurationSchema.safeParse(body);
    if (!result.success) return parseProblem(`not an alert configuration (${describeIssues(result.error)})`);
    const { id, name, properties } = result.data;
    const spec = ARM_ALERT_IDS.map((a) => ARM_ALERTS[a]).find(
        (s) => s.configurationType === properties.alertConfigurationType,
    );
    if (!spec) {
        return parseProblem(
            `alertConfigurationType ${serverText(JSON.stringify(properties.alertConfigurationType), 120)} of ${serverText(name, 120)} ` +
                "is not one this version of pulumi-pim-alerts knows (a newer API?)",
        );
    }
    const values: Record<string, boolean | number> = { isEnabled: properties.isEnabled };
    for (const threshold of Object.keys(spec.thresholds)) {
        const value = properties[threshold];
        if (typeof value === "number") values[threshold] = value;
        else if (value !== undefined && value !== null)
            return parseProblem(
                `${threshold} of ${serverText(name, 120)} is ${serverText(JSON.stringify(value), 80)}, not a number`,
            );
    }
    return parsed({ id, alertId: spec.alertId, alertConfigurationType: spec.configurationType, values });
}

/** Parses an alert body; the problem says why it is not one. */
export function parseAlert(body: unknown): ParseResult<ArmAlertState> {
    const result = alertSchema.safeParse(body);
    if (!result.success) return parseProblem(`not an alert (${describeIssues(result.error)})`);
    const p = result.data.properties;
    return parsed({
        id: result.data.id,
        isActive: p.isActive,
        incidentCount: p.incidentCount ?? 0,
        lastScannedDateTime: p.lastScannedDateTime ?? "",
    });
}

/** The PATCH body that sets the given values: always inside `properties`, always with the discriminator. */
export function configurationPatchBody(
    alertId: ArmAlertId,
    values: ConfigurationValues,
): { properties: Record<string, unknown> } {
    return { properties: { alertConfigurationType: ARM_ALERTS[alertId].configurationType, ...values } };
}

/** The PATCH body that dismisses (`false`) or re-activates (`true`) an alert. */
export function alertPatchBody(isActive: boolean): { properties: { isActive: boolean } } {
    return { properties: { isActive } };
}
