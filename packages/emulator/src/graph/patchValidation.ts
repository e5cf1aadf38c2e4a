import { ODATA_TYPE_PREFIX, type GraphAlertKind, type GraphSetting } from "./catalog";
import { isJsonObject } from "../core/http";

/** Outcome of validating a Graph PATCH body: values to merge, or the 400 message. */
export type GraphPatchValidation =
    | { readonly ok: true; readonly values: Readonly<Record<string, unknown>> }
    | { readonly ok: false; readonly message: string };

const READ_ONLY = new Set(["id", "alertDefinitionId", "scopeId", "scopeType", "alertDefinition"]);
const DAY = 86_400;

function settingProblem(name: string, setting: GraphSetting, value: unknown): string | undefined {
    if (setting.kind === "integer") {
        if (typeof value !== "number" || !Number.isInteger(value))
            return `'${name}' must be an integer, got ${JSON.stringify(value)}.`;
        if (value < setting.min || value > setting.max)
            return `'${name}' must be between ${setting.min} and ${setting.max}, got ${value}.`;
        return undefined;
    }
    const seconds = typeof value === "string" ? durationSeconds(value) : undefined;
    if (seconds === undefined)
        return `'${name}' must be an ISO-8601 duration such as "P30D" or "PT1H", got ${JSON.stringify(value)}.`;
    if (setting.wholeDays && seconds % DAY !== 0)
        return `'${name}' must be a whole number of days, got ${JSON.stringify(value)}.`;
    if (seconds < setting.minSeconds || seconds > setting.maxSeconds) {
        const range = setting.wholeDays
            ? `${setting.minSeconds / DAY} and ${setting.maxSeconds / DAY} days`
            : `${setting.minSeconds} and ${setting.maxSeconds} seconds`;
        return `'${name}' must be between ${range}, got ${JSON.stringify(value)}.`;
    }
    return undefined;
}

/**
 * Validates a PATCH of `alertConfigurations/{id}`: `@odata.type` is required and must be the
 * alert's type; `isEnabled` must be a JSON boolean (the string "true" is refused); integers and
 * durations must be within the Entra portal's ranges; read-only and unknown properties are refused.
 * Omitted properties keep their values.
 * @param kind - The alert whose configuration is patched.
 * @param body - The parsed body.
 */
export function validateGraphConfigurationPatch(kind: GraphAlertKind, body: unknown): GraphPatchValidation {
    if (!isJsonObject(body)) return { ok: false, message: "The request body must be a JSON object." };
    const expectedType = `${ODATA_TYPE_PREFIX}${kind.configurationType}`;
    const type = body["@odata.type"];
    if (type === undefined) return { ok: false, message: `'@odata.type' is required; send "${expectedType}".` };
    if (typeof type !== "string" || type.toLowerCase() !== expectedType.toLowerCase()) {
        return {
            ok: false,
            message: `'@odata.type' must be "${expectedType}" for ${kind.suffix}, got ${JSON.stringify(type)}.`,
        };
    }
    const values: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(body)) {
        if (name === "@odata.type") continue;
        if (READ_ONLY.has(name)) return { ok: false, message: `'${name}' is read-only and cannot be updated.` };
        if (name === "isEnabled") {
            if (typeof value !== "boolean")
                return { ok: false, message: `'isEnabled' must be a JSON boolean, got ${JSON.stringify(value)}.` };
            values[name] = value;
            continue;
        }
        const setting = kind.settings[name];
        if (setting === undefined) {
            return { ok: false, message: `The property '${name}' does not exist on type '${expectedType.slice(1)}'.` };
        }
        const problem = settingProblem(name, setting, value);
        if (problem !== undefined) return { ok: false, message: problem };
        values[name] = value;
    }
    return { ok: true, values };
}

/**
 * Validates a PATCH of `alerts/{id}`: only `isActive` (required JSON boolean), optionally with the
 * entity's own `@odata.type`.
 * @param body - The parsed body.
 */
export function validateGraphAlertPatch(body: unknown): GraphPatchValidation {
    if (!isJsonObject(body)) return { ok: false, message: "The request body must be a JSON object." };
    for (const [name, value] of Object.entries(body)) {
        if (name === "@odata.type" && value === `${ODATA_TYPE_PREFIX}unifiedRoleManagementAlert`) continue;
        if (name !== "isActive") return { ok: false, message: `'${name}' cannot be updated; only 'isActive' can.` };
        if (typeof value !== "boolean")
            return { ok: false, message: `'isActive' must be a JSON boolean, got ${JSON.stringify(value)}.` };
    }
    if (body["isActive"] === undefined) return { ok: false, message: "'isActive' is required." };
    return { ok: true, values: { isActive: body["isActive"] } };
}

/**
 * Parses an Edm.Duration (xs:dayTimeDuration: `P[nD][T[nH][nM][n[.n]S]]`) into seconds.
 * Years, months, weeks and negative values are not day-time durations and give `undefined`.
 * @param text - The duration text, e.g. `P30D`, `PT1H`, `PT10S`.
 */
export function durationSeconds(text: string): number | undefined {
    const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
    if (match === null || text === "P" || text.endsWith("T")) return undefined;
    const [, days = "0", hours = "0", minutes = "0", seconds = "0"] = match;
    return Number(days) * 86_400 + Number(hours) * 3_600 + Number(minutes) * 60 + Number(seconds);
}
