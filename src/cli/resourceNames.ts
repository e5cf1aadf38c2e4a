/**
 * Stable, readable Pulumi resource names for exported configurations: `<scope>-<alert>`, lower case
 * with dashes. The same scope and alert always give the same name, so exporting again (or appending)
 * recognises what a program already declares.
 *
 *   /subscriptions/0b1c2d3e-...                          => sub-0b1c2d3e
 *   /subscriptions/0b1c2d3e-.../resourceGroups/app        => sub-0b1c2d3e-rg-app (also for a group named rg-app)
 *   .../resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/kv1 => sub-0b1c2d3e-rg-app-vaults-kv1
 *   /providers/Microsoft.Management/managementGroups/platform        => mg-platform
 *   directory                                            => directory
 *   TooManyOwnersAssignedToResource => too-many-owners-assigned-to-resource; StaleSignInAlert => stale-sign-in
 *
 * Scopes whose slugs coincide get a suffix derived from the scope itself ({@link scopeNames}); a program's
 * existing declarations are recognised by class, scope and alert ({@link declaredResources}), not by name.
 */
import { createHash } from "node:crypto";
import type { AlertTarget } from "../functions/target";

/** Lower case, runs of other characters as one dash, no dash at either end. */
export function slug(text: string): string {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
}

/** The scope part of a name (the subscription by the first 8 digits of its id). */
export function scopeSlug(target: AlertTarget): string {
    if (target.kind === "directory") return "directory";
    const parts = target.scope.split("/").filter((p) => p !== "");
    if (parts[0]?.toLowerCase() === "providers") return prefixed("mg", parts[3] ?? "");
    const words = [`sub-${(parts[1] ?? "").slice(0, 8)}`];
    if (parts[3] !== undefined) words.push(prefixed("rg", parts[3]));
    // A resource: its type/name pairs after providers/{namespace}.
    words.push(...parts.slice(6));
    return slug(words.join("-"));
}

/** `rg-app` for `app`, and also for `rg-app` and `RG_App` (no `rg-rg-app`). */
function prefixed(prefix: string, name: string): string {
    const text = slug(name);
    return text === prefix || text.startsWith(`${prefix}-`) ? text : `${prefix}-${text}`;
}

/** The alert part of a name: the alert id in kebab case, without a trailing "Alert". */
export function alertSlug(alertId: string): string {
    return slug(alertId.replace(/Alert$/, "").replace(/([a-z0-9])([A-Z])/g, "$1-$2"));
}

/** The key that identifies a scope whatever its spelling: the canonical ARM scope in lower case, or `directory`. */
export function scopeKey(target: AlertTarget): string {
    return target.kind === "directory" ? "directory" : target.scope.toLowerCase();
}

/**
 * The scope part of the names of each target, by {@link scopeKey}. Two different scopes can share a
 * slug (subscriptions whose ids start with the same 8 characters; resource groups `app` and `rg-app`):
 * each scope of such a group gets a suffix derived from the scope itself (`sub-0b1c2d3e-5f2a9c`), so
 * its names do not depend on the order of `--scope` or on which scope was exported first. `declared`
 * are the scopes the program already declares resources at: they count for the groups too.
 */
export function scopeNames(
    targets: readonly AlertTarget[],
    declared: readonly AlertTarget[] = [],
): Map<string, string> {
    const bySlug = new Map<string, Set<string>>();
    for (const target of [...targets, ...declared]) {
        const slug = scopeSlug(target);
        bySlug.set(slug, (bySlug.get(slug) ?? new Set()).add(scopeKey(target)));
    }
    const names = new Map<string, string>();
    for (const target of targets) {
        const slug = scopeSlug(target);
        const key = scopeKey(target);
        const shared = (bySlug.get(slug)?.size ?? 0) > 1;
        names.set(key, shared ? `${slug}-${createHash("sha256").update(key).digest("hex").slice(0, 6)}` : slug);
    }
    return names;
}

/** The resource name of one configuration, or of one dismissal (`-dismissal`), given the scope part of the name. */
export function resourceName(scopeName: string, alertId: string, dismissal = false): string {
    return `${scopeName}-${alertSlug(alertId)}${dismissal ? "-dismissal" : ""}`;
}

/** A resource a program declares with `new pim.<Class>("<name>", { ... })`; scope and alert id when written as literals. */
export interface DeclaredResource {
    readonly className: string;
    readonly name: string;
    readonly scope: string | undefined;
    readonly alertId: string | undefined;
}

const DECLARATION = /new\s+pim\.(\w+)\s*\(\s*["'`]([^"'`]+)["'`]\s*(?:,\s*\{([^{}]*)\})?/g;

/** The string literal value of `field: "..."` in a declaration's arguments, if written so. */
function literalField(body: string, field: string): string | undefined {
    const match = new RegExp(`\\b${field}\\s*:\\s*("(?:[^"\\\\\n]|\\\\.)*")`).exec(body);
    if (match?.[1] === undefined) return undefined;
    try {
        const value: unknown = JSON.parse(match[1]);
        return typeof value === "string" ? value : undefined;
    } catch {
        return undefined;
    }
}

/** The resources a program declares (as `pim-alerts export` writes them, or by hand with literal names). */
export function declaredResources(program: string): DeclaredResource[] {
    return [...program.matchAll(DECLARATION)].map((m) => ({
        className: m[1],
        name: m[2],
        scope: m[3] === undefined ? undefined : literalField(m[3], "scope"),
        alertId: m[3] === undefined ? undefined : literalField(m[3], "alertId"),
    }));
}

/** The resource names a program already declares with `new pim.<Class>("<name>"`. */
export function declaredNames(program: string): Set<string> {
    return new Set(declaredResources(program).map((r) => r.name));
}
