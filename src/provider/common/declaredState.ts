/**
 * Pure state logic shared by the configuration resources of both APIs (ARM and Graph). A configuration
 * always exists in the service; a resource manages only the properties its program declares: only
 * those are written, compared and reported. No I/O here.
 */

/** A value a program may declare: a switch, a number, or (Graph) an ISO-8601 duration. */
export type DeclaredValue = boolean | number | string;

/** Whether two values of one property mean the same (for durations, `P30D` and `PT720H` do). */
export type SameValue = (property: string, a: unknown, b: unknown) => boolean;

/** Plain equality: the rule for switches and numbers. */
export const strictlyEqual: SameValue = (_property, a, b) => a === b;

/** Narrows to a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The declared values that differ from what is known to be in the service. */
export function valuesToWrite<V extends DeclaredValue>(
    desired: Readonly<Record<string, V>>,
    known: Readonly<Record<string, unknown>>,
    same: SameValue = strictlyEqual,
): Record<string, V> {
    const out: Record<string, V> = {};
    for (const [name, value] of Object.entries(desired)) if (!same(name, known[name], value)) out[name] = value;
    return out;
}

/** What the program said about a configuration, beyond its values. */
export interface Management {
    readonly onDelete: string;
    readonly declaredProperties: string[];
}

/** The management facts of a program's inputs, given the names of the values it declares. */
export function managementOf(
    inputs: Readonly<Record<string, unknown>>,
    declaredProperties: readonly string[],
): Management {
    return {
        onDelete: typeof inputs["onDelete"] === "string" ? inputs["onDelete"] : "retain",
        declaredProperties: [...declaredProperties],
    };
}

/** The management facts stored in a previous state (tolerant of a state written by hand or by import). */
export function managementFromState(state: Readonly<Record<string, unknown>>): Management {
    const declared = Array.isArray(state["declaredProperties"])
        ? state["declaredProperties"].filter((p): p is string => typeof p === "string")
        : [];
    return {
        onDelete: typeof state["onDelete"] === "string" ? state["onDelete"] : "retain",
        declaredProperties: declared,
    };
}

/**
 * The managed keys that change from the stored state `olds` to the program's `news`: declared values
 * that differ, properties no longer declared (recorded, never written) and onDelete.
 */
export function changedDeclarations(
    olds: Readonly<Record<string, unknown>>,
    news: Readonly<Record<string, unknown>>,
    desired: Readonly<Record<string, DeclaredValue>>,
    same: SameValue = strictlyEqual,
): string[] {
    const changed = Object.keys(valuesToWrite(desired, olds, same));
    for (const name of managementFromState(olds).declaredProperties) if (!(name in desired)) changed.push(name);
    if ((olds["onDelete"] ?? "retain") !== (news["onDelete"] ?? "retain")) changed.push("onDelete");
    return changed;
}

/** The declared properties with their live values (or the old input when the service returned none), for `read`'s inputs. */
export function liveDeclaredInputs(
    declaredProperties: readonly string[],
    outputs: Readonly<Record<string, unknown>>,
    oldInputs: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
    const inputs: Record<string, unknown> = {};
    for (const name of declaredProperties) {
        const live = outputs[name];
        if (live !== undefined) inputs[name] = live;
        else if (oldInputs[name] !== undefined) inputs[name] = oldInputs[name];
    }
    return inputs;
}
