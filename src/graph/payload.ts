/**
 * Pure conversion between Microsoft Graph bodies and this package's values. Responses are checked
 * with zod so that a surprising body becomes a clear error, never an `undefined` in Pulumi state.
 */
import { z } from "zod";
import { parsed, parseProblem, serverText, type ParseResult } from "../errors";
import { describeIssues } from "../http/responseSchema";
import { alertOfOdataType, DIRECTORY_ALERTS, type DirectoryAlertId, type DirectoryAlertSpec } from "./catalog";
import { parseDirectoryAlertId } from "./directoryId";
import { toEdmDuration } from "./duration";

/** The managed values of a configuration: `isEnabled` and settings (durations as ISO-8601 text), by Graph name. */
export type DirectoryValues = Readonly<Record<string, boolean | number | string>>;

/** An alert configuration as Graph holds it. */
export interface DirectoryConfiguration {
    readonly id: string;
    readonly alertId: DirectoryAlertId;
    readonly odataType: string;
    /** `isEnabled` and every setting Graph returned, in Graph's spelling (absent ones are left out). */
    readonly values: DirectoryValues;
}

/** An alert's state as Graph holds it. */
export interface DirectoryAlertState {
    readonly id: string;
    readonly isActive: boolean;
    readonly incidentCount: number;
    /** ISO date-time of the last scan; empty string when Graph gives none. */
    readonly lastScannedDateTime: string;
}

const configurationSchema = z
    .object({ id: z.string(), "@odata.type": z.string().optional(), isEnabled: z.boolean() })
    .catchall(z.unknown());

const alertSchema = z.object({
    id: z.string(),
    isActive: z.boolean(),
    incidentCount: z.number().int().nullable().optional(),
    lastScannedDateTime: z.string().nullable().optional(),
});

/** Parses a configuration body; the problem says why it is not one this package understands. */
export function parseDirectoryConfiguration(body: unknown): ParseResult<DirectoryConfiguration> {
    const result = configurationSchema.safeParse(body);
    if (!result.success) return parseProblem(`not an alert configuration (${describeIssues(result.error)})`);
    const data = result.data;
    const found = specOf(data.id, data["@odata.type"]);
    if (!found.ok) return found;
    const spec = found.value;
    const values: Record<string, boolean | number | string> = { isEnabled: data.isEnabled };
    for (const [name, setting] of Object.entries(spec.settings)) {
        const value = data[name];
        if (value === undefined || value === null) continue;
        const expected = setting.kind === "integer" ? "number" : "string";
        if (typeof value !== expected) {
            const kind = setting.kind === "integer" ? "number" : "duration string";
            return parseProblem(
                `${name} of ${serverText(data.id, 120)} is ${serverText(JSON.stringify(value), 80)}, not a ${kind}`,
            );
        }
        values[name] = value as number | string;
    }
    return parsed({ id: data.id, alertId: spec.alertId, odataType: spec.odataType, values });
}

/** Parses an alert body; the problem says why it is not one. */
export function parseDirectoryAlert(body: unknown): ParseResult<DirectoryAlertState> {
    const result = alertSchema.safeParse(body);
    if (!result.success) return parseProblem(`not an alert (${describeIssues(result.error)})`);
    const a = result.data;
    return parsed({
        id: a.id,
        isActive: a.isActive,
        incidentCount: a.incidentCount ?? 0,
        lastScannedDateTime: a.lastScannedDateTime ?? "",
    });
}

/**
 * The PATCH body that sets the given values: always with the alert's `@odata.type`, booleans as JSON
 * booleans, durations in the Edm.Duration form Graph accepts (`P4W2D` goes as `P30D`).
 */
export function directoryConfigurationPatchBody(
    alertId: DirectoryAlertId,
    values: DirectoryValues,
): Record<string, unknown> {
    const spec = DIRECTORY_ALERTS[alertId];
    const body: Record<string, unknown> = { "@odata.type": spec.odataType };
    for (const [name, value] of Object.entries(values)) {
        body[name] =
            spec.settings[name]?.kind === "duration" && typeof value === "string"
                ? (toEdmDuration(value) ?? value)
                : value;
    }
    return body;
}

/** The PATCH body that dismisses (`false`) or re-activates (`true`) an alert. */
export function directoryAlertPatchBody(isActive: boolean): { isActive: boolean } {
    return { isActive };
}

// The alert comes from @odata.type when Graph sends it, else from the id's suffix; both must agree.
function specOf(id: string, odataType: string | undefined): ParseResult<DirectoryAlertSpec> {
    const ref = parseDirectoryAlertId(id);
    const fromId = ref.ok ? DIRECTORY_ALERTS[ref.value.alertId] : undefined;
    const shownId = serverText(JSON.stringify(id), 160);
    if (odataType === undefined) {
        return fromId
            ? parsed(fromId)
            : parseProblem(
                  `${shownId} has no @odata.type and its id names no alert this version of pulumi-pim-alerts knows`,
              );
    }
    const shownType = serverText(JSON.stringify(odataType), 160);
    const fromType = alertOfOdataType(odataType);
    if (!fromType)
        return parseProblem(
            `@odata.type ${shownType} of ${shownId} is not one this version of pulumi-pim-alerts knows (a newer API?)`,
        );
    if (fromId && fromId !== fromType) return parseProblem(`@odata.type ${shownType} does not belong to ${shownId}`);
    return parsed(fromType);
}
