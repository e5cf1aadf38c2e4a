import { propertiesOf, propertyProblem, type PatchValidation } from "./patchBody";

const READ_ONLY_PROPERTIES = new Set([
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
export function validateAlertPatch(body: unknown): PatchValidation {
    const properties = propertiesOf(body);
    if (typeof properties === "string") return { ok: false, message: properties };
    for (const [name, value] of Object.entries(properties)) {
        if (READ_ONLY_PROPERTIES.has(name)) return propertyProblem(name, "is read-only and cannot be set.");
        if (name !== "isActive") return propertyProblem(name, "is not a known property.");
        if (typeof value !== "boolean") return propertyProblem(name, `must be a boolean, got ${JSON.stringify(value)}.`);
    }
    if (properties["isActive"] === undefined) return propertyProblem("isActive", "is required.");
    return { ok: true, values: { isActive: properties["isActive"] } };
}
