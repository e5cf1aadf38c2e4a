/**
 * Values as a preview shows them: Pulumi blinds secrets and marks values known only at update time,
 * and the review must never guess either.
 */

/** What the Pulumi engine writes for a value known only when the update runs. */
export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** What `pulumi preview --json` writes for a secret (never its value). */
export const SECRET_PLACEHOLDER = "[secret]";

/** How a finding shows a value known only when the update runs (the sentinel means nothing to a reader). */
export const UNKNOWN_SHOWN = "[unknown]";

/** A value of a finding: JSON, `null` when there is none (not declared, not in the preview). */
export type FindingValue = string | number | boolean | null | readonly unknown[] | { readonly [key: string]: unknown };

/** Why a value cannot be judged, if it cannot: it is a secret, or it is not known yet. */
export function hiddenValue(value: unknown): "secret" | "unknown" | undefined {
    if (value === SECRET_PLACEHOLDER) return "secret";
    if (value === UNKNOWN_SENTINEL) return "unknown";
    return undefined;
}

/** The value as a finding carries it: `undefined` becomes `null`, the unknown sentinel `"[unknown]"`. */
export function findingValue(value: unknown): FindingValue {
    if (value === undefined) return null;
    if (value === UNKNOWN_SENTINEL) return UNKNOWN_SHOWN;
    return value as FindingValue;
}

/** True when two JSON values are the same (deep, key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (Array.isArray(a) !== Array.isArray(b)) return false;
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = Object.keys(left);
    return keys.length === Object.keys(right).length && keys.every((k) => k in right && sameJson(left[k], right[k]));
}

/** `a string`, `an array`, `null`, `nothing`. */
export function describeType(value: unknown): string {
    if (value === undefined) return "nothing";
    if (value === null) return "null";
    if (Array.isArray(value)) return "an array";
    const type = typeof value;
    return `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
}
