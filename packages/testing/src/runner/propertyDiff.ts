/**
 * Property-by-property differences between two sets of inputs, as `pulumi preview --diff` shows them.
 */

/** One changed property. */
export interface PropertyDiff {
    readonly key: string;
    readonly kind: "add" | "delete" | "update";
    /** JSON text of the old value (absent for an add). */
    readonly old?: string;
    /** JSON text of the new value (absent for a delete). */
    readonly new?: string;
    /** True when this property's change replaces the resource. */
    readonly replaces: boolean;
}

const HIDDEN = new Set(["__provider"]);

/** The differences between `olds` and `news`, in key order; `replaceKeys` marks replacements. */
export function diffProperties(
    olds: Readonly<Record<string, unknown>>,
    news: Readonly<Record<string, unknown>>,
    replaceKeys: readonly string[] = [],
): PropertyDiff[] {
    const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter((k) => !HIDDEN.has(k)).sort();
    const diffs: PropertyDiff[] = [];
    for (const key of keys) {
        const before = olds[key];
        const after = news[key];
        const replaces = replaceKeys.includes(key);
        if (before === undefined && after !== undefined)
            diffs.push({ key, kind: "add", new: JSON.stringify(after), replaces });
        else if (before !== undefined && after === undefined)
            diffs.push({ key, kind: "delete", old: JSON.stringify(before), replaces });
        else if (JSON.stringify(before) !== JSON.stringify(after))
            diffs.push({ key, kind: "update", old: JSON.stringify(before), new: JSON.stringify(after), replaces });
    }
    return diffs;
}
