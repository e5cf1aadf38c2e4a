/**
 * The `ignoreChanges` resource option as the engine applies it (`processIgnoreChanges` and
 * `PropertyPath.Reset` in the Go SDK): before Check, each listed property of the new inputs is set
 * back to its value in the old inputs (or removed when the old inputs lack it), so neither Check nor
 * Diff sees a change there. Paths are property names, dotted or `["quoted"]` object keys, and `*`
 * for every member; array indexes are refused by name.
 *
 * @packageDocumentation
 */
import type { Properties } from "./checkpoint";

/** A path segment: an object key, or `*`. */
type Segment = { readonly key: string } | { readonly any: true };

/** Thrown for an `ignoreChanges` path the runner cannot apply. */
export class IgnoreChangesPathError extends Error {
    override name = "IgnoreChangesPathError" as const;
}

/**
 * The new inputs with every path of `ignoreChanges` reset to the old inputs.
 *
 * @param news - the program's inputs
 * @param olds - the inputs in the state
 * @param ignoreChanges - the option's paths
 * @returns the reset inputs, and the paths that could not be reset (the engine reports them as info)
 * @throws IgnoreChangesPathError for a path with an array index or bad syntax
 */
export function applyIgnoreChanges(
    news: Properties,
    olds: Properties,
    ignoreChanges: readonly string[],
): { inputs: Properties; invalid: string[] } {
    const inputs = structuredClone(news);
    const invalid: string[] = [];
    for (const text of ignoreChanges) {
        if (!reset(parsePath(text), olds, inputs)) invalid.push(text);
    }
    return { inputs, invalid };
}

function parsePath(text: string): Segment[] {
    const segments: Segment[] = [];
    let rest = text;
    while (rest !== "") {
        const quoted = /^\["((?:[^"\\]|\\.)*)"\]/.exec(rest);
        const plain = /^\.?([^.[\]]+)/.exec(rest);
        if (quoted) {
            segments.push({ key: (quoted[1] ?? "").replace(/\\(.)/g, "$1") });
            rest = rest.slice(quoted[0].length);
        } else if (rest.startsWith("[")) {
            throw new IgnoreChangesPathError(
                `ignoreChanges path ${JSON.stringify(text)}: array indexes are not implemented by the offline runner`,
            );
        } else if (plain && (segments.length > 0 || !rest.startsWith("."))) {
            segments.push(plain[1] === "*" ? { any: true } : { key: plain[1] ?? "" });
            rest = rest.slice(plain[0].length);
        } else {
            throw new IgnoreChangesPathError(
                `ignoreChanges path ${JSON.stringify(text)} is not a property path (e.g. "threshold" or "settings.value")`,
            );
        }
    }
    if (segments.length === 0) throw new IgnoreChangesPathError(`ignoreChanges path "" is empty`);
    return segments;
}

/** Resets `path` in `news` to `olds`; false when the path cannot be followed in both. */
function reset(path: readonly Segment[], olds: unknown, news: unknown): boolean {
    const [head, ...tail] = path;
    if (head === undefined || !isObject(news)) return false;
    const oldObject = isObject(olds) ? olds : undefined;
    if ("any" in head) {
        if (tail.length === 0) {
            if (oldObject === undefined) return true;
            for (const key of Object.keys(news)) if (!(key in oldObject)) delete news[key];
            for (const [key, value] of Object.entries(oldObject)) news[key] = structuredClone(value);
            return true;
        }
        if (oldObject === undefined) return false;
        return Object.keys(oldObject).every((key) => key in news && reset(tail, oldObject[key], news[key]));
    }
    if (tail.length === 0) {
        if (oldObject !== undefined && head.key in oldObject) news[head.key] = structuredClone(oldObject[head.key]);
        else delete news[head.key];
        return true;
    }
    if (oldObject === undefined || !(head.key in oldObject) || !(head.key in news)) {
        // Neither side has it: nothing to reset; one side only: the engine cannot add or remove there.
        return !(oldObject !== undefined && head.key in oldObject) && !(head.key in news);
    }
    return reset(tail, oldObject[head.key], news[head.key]);
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}
