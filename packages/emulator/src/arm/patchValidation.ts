/**
 * Validation of the two ARM PATCH bodies (`roleManagementAlertConfigurations/{id}` and
 * `roleManagementAlerts/{id}`): the `{"properties": {...}}` envelope, the discriminator, read-only,
 * unknown and other-type properties, and threshold ranges. Every rejection names the property.
 */
import { isJsonObject } from "../core/http";
import { ARM_ALERT_KINDS, type ArmAlertKind, type ThresholdSpec } from "./catalog";

/** Outcome of validating a PATCH body: the values to merge, or why the body is rejected. */
export type ArmPatchValidation =
    | { readonly ok: true; readonly values: Readonly<Record<string, unknown>> }
    | { readonly ok: false; readonly message: string };

/**
 * Checks the `{"properties": {...}}` envelope shared by both ARM PATCH bodies and returns the
 * inner object, or a rejection message.
 * @param body - The parsed request body.
 */
function propertiesOf(body: unknown): Record<string, unknown> | string {
    if (!isJsonObject(body)) return 'The request body must be a JSON object of the form {"properties": {...}}.';
    const extra = Object.keys(body).filter((key) => key !== "properties");
    if (extra.length > 0) {
        return `Property '${extra[0]}' is not allowed at the top level of the request body; only 'properties' may be sent.`;
    }
    const properties = body["properties"];
    if (!isJsonObject(properties)) return "Property 'properties' is required and must be a JSON object.";
    return properties;
}

/**
 * A rejection message naming `properties.<name>`.
 * @param name - The property inside `properties`.
 * @param problem - What is wrong, as the end of a sentence.
 */
function propertyProblem(name: string, problem: string): ArmPatchValidation {
    return { ok: false, message: `Property 'properties.${name}' ${problem}` };
}

const INT32_MAX = 2_147_483_647;
const CONFIGURATION_READ_ONLY_PROPERTIES = new Set(["alertDefinitionId", "scope", "alertDefinition"]);

function thresholdProblem(spec: ThresholdSpec, value: unknown): string | undefined {
    if (typeof value !== "number" || !Number.isInteger(value))
        return `must be an integer, got ${JSON.stringify(value)}.`;
    if (value < 0) return `must not be negative, got ${value}.`;
    if (spec.kind === "percentage" && value > 100)
        return `is a percentage and must be between 0 and 100, got ${value}.`;
    if (value > INT32_MAX) return `must be at most ${INT32_MAX}, got ${value}.`;
    return undefined;
}

function isThresholdOfAnotherType(name: string): boolean {
    return ARM_ALERT_KINDS.some((kind) => kind.thresholds.some((spec) => spec.name === name));
}

/**
 * Validates a `roleManagementAlertConfigurations/{alertId}` PATCH body against the configuration
 * type of `kind` and returns the writable values to merge (`isEnabled` and thresholds).
 *
 * Rules (the spec states no ranges; these are the safe choices of this project):
 * `alertConfigurationType` is required and must be the alert's discriminator; `isEnabled` must be a
 * boolean; thresholds must be non-negative int32, percentages 0..100; read-only, unknown and
 * other-type properties are rejected. Omitted properties keep their values (merge).
 * @param kind - The alert whose configuration is patched.
 * @param body - The parsed request body.
 */
export function validateConfigurationPatch(kind: ArmAlertKind, body: unknown): ArmPatchValidation {
    const properties = propertiesOf(body);
    if (typeof properties === "string") return { ok: false, message: properties };
    const type = properties["alertConfigurationType"];
    if (type === undefined) return propertyProblem("alertConfigurationType", "is required.");
    if (type !== kind.configurationType) {
        return propertyProblem(
            "alertConfigurationType",
            `must be '${kind.configurationType}' for alert '${kind.alertId}', got ${JSON.stringify(type)}.`,
        );
    }
    const values: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(properties)) {
        if (name === "alertConfigurationType") continue;
        if (CONFIGURATION_READ_ONLY_PROPERTIES.has(name))
            return propertyProblem(name, "is read-only and cannot be set.");
        if (name === "isEnabled") {
            if (typeof value !== "boolean")
                return propertyProblem(name, `must be a boolean, got ${JSON.stringify(value)}.`);
            values[name] = value;
            continue;
        }
        const spec = kind.thresholds.find((threshold) => threshold.name === name);
        if (spec === undefined) {
            const why = isThresholdOfAnotherType(name)
                ? `is not defined for alertConfigurationType '${kind.configurationType}'.`
                : "is not a known property.";
            return propertyProblem(name, why);
        }
        const problem = thresholdProblem(spec, value);
        if (problem !== undefined) return propertyProblem(name, problem);
        values[name] = value;
    }
    return { ok: true, values };
}

const ALERT_READ_ONLY_PROPERTIES = new Set([
    "scope",
    "incidentCount",
    "lastModifiedDateTime",
    "lastScannedDateTime",
    "alertDefinition",
    "alertIncidents",
    "alertConfiguration",
]);

/**
 * Validates a `roleManagementAlerts/{alertId}` PATCH body: `properties.isActive` (boolean) is the
 * only writable field and is required; anything else is rejected.
 * @param body - The parsed request body.
 */
export function validateAlertPatch(body: unknown): ArmPatchValidation {
    const properties = propertiesOf(body);
    if (typeof properties === "string") return { ok: false, message: properties };
    for (const [name, value] of Object.entries(properties)) {
        if (ALERT_READ_ONLY_PROPERTIES.has(name)) return propertyProblem(name, "is read-only and cannot be set.");
        if (name !== "isActive") return propertyProblem(name, "is not a known property.");
        if (typeof value !== "boolean")
            return propertyProblem(name, `must be a boolean, got ${JSON.stringify(value)}.`);
    }
    if (properties["isActive"] === undefined) return propertyProblem("isActive", "is required.");
    return { ok: true, values: { isActive: properties["isActive"] } };
}
