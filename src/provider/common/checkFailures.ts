/**
 * Building blocks of `check`: each returns a failure that names the property, the value and what
 * is allowed, so that `pulumi preview` prints a message a user can act on.
 */
import { excerpt } from "../../errors";

/** A check failure as Pulumi's dynamic provider contract defines it. */
export interface CheckFailure {
    readonly property: string;
    readonly reason: string;
}

/** The engine's placeholder for a value not known during preview (rpc.unknownValue). */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True when the engine does not know the value yet; such values are checked at `up`. */
export function isUnknown(value: unknown): boolean {
    return value === UNKNOWN_VALUE;
}

/** Shows a value the way a user wrote it, shortened so a huge string cannot flood a message ({@link excerpt}). */
export const show = excerpt;

/** An integer within [min, max], or a failure. */
export function checkInteger(
    property: string,
    value: unknown,
    min: number,
    max: number,
    what: string,
): CheckFailure | undefined {
    if (typeof value !== "number" || !Number.isFinite(value)) {
        return {
            property,
            reason: `${property} must be a number (${what}, ${min}..${max}); got ${typeof value} ${show(value)}`,
        };
    }
    if (!Number.isInteger(value))
        return { property, reason: `${property} must be a whole number (${what}, ${min}..${max}); got ${show(value)}` };
    if (value < min || value > max)
        return { property, reason: `${property} must be between ${min} and ${max} (${what}); got ${show(value)}` };
    return undefined;
}

/** A boolean, or a failure. */
export function checkBoolean(property: string, value: unknown): CheckFailure | undefined {
    return typeof value === "boolean"
        ? undefined
        : { property, reason: `${property} must be true or false; got ${typeof value} ${show(value)}` };
}

/** One of a fixed list of strings, or a failure that lists them. */
export function checkOneOf(property: string, value: unknown, allowed: readonly string[]): CheckFailure | undefined {
    if (typeof value === "string" && allowed.includes(value)) return undefined;
    return { property, reason: `${property} must be one of ${allowed.join(", ")}; got ${show(value)}` };
}

/** Failures for properties that the resource does not have. */
export function checkNoUnknownProperties(
    inputs: Readonly<Record<string, unknown>>,
    allowed: readonly string[],
    resource: string,
): CheckFailure[] {
    return Object.keys(inputs)
        .filter((key) => key !== "__provider" && !allowed.includes(key))
        .map((key) => ({
            property: key,
            reason: `${key} (${show(inputs[key])}) is not a property of ${resource}; allowed: ${allowed.join(", ")}`,
        }));
}

/** A boolean when declared at all (undefined and preview unknowns pass), or a failure. */
export function checkOptionalBoolean(property: string, value: unknown): CheckFailure | undefined {
    return value === undefined || isUnknown(value) ? undefined : checkBoolean(property, value);
}

/** `onDelete` is one of the allowed choices (a preview unknown passes), or a failure. */
export function checkOnDelete(value: unknown, allowed: readonly string[]): CheckFailure | undefined {
    return isUnknown(value) ? undefined : checkOneOf("onDelete", value, allowed);
}

/** A dismissal's `isActive` may only be declared as false (its desired state), or a failure. */
export function checkDismissedFlag(value: unknown): CheckFailure | undefined {
    return value === undefined || value === false
        ? undefined
        : { property: "isActive", reason: `isActive can only be false on a dismissal; got ${show(value)}` };
}
