import { isJsonObject } from "../core/jsonBody";

/** Outcome of validating a PATCH body: the values to merge, or why the body is rejected. */
export type PatchValidation = { readonly ok: true; readonly values: Readonly<Record<string, unknown>> } | { readonly ok: false; readonly message: string };

/**
 * Checks the `{"properties": {...}}` envelope shared by both ARM PATCH bodies and returns the
 * inner object, or a rejection message.
 * @param body - The parsed request body.
 */
export function propertiesOf(body: unknown): Record<string, unknown> | string {
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
export function propertyProblem(name: string, problem: string): PatchValidation {
    return { ok: false, message: `Property 'properties.${name}' ${problem}` };
}
