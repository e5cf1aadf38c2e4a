/**
 * Comparing property values as the engine does (`PropertyMap.DeepEquals`): by value, whatever the
 * order of object members.
 *
 * @packageDocumentation
 */
import { sortKeys } from "./checkpoint";

/** True when `a` and `b` hold the same JSON value. */
export function sameJson(a: unknown, b: unknown): boolean {
    return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

/** The top-level keys whose values differ between `olds` and `news`, in key order. */
export function changedKeys(
    olds: Readonly<Record<string, unknown>>,
    news: Readonly<Record<string, unknown>>,
): string[] {
    return [...new Set([...Object.keys(olds), ...Object.keys(news)])]
        .filter((key) => !sameJson(olds[key], news[key]))
        .sort();
}
