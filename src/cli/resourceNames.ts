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
 */
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

/** The resource name of one configuration. */
export function resourceName(target: AlertTarget, alertId: string): string {
    return `${scopeSlug(target)}-${alertSlug(alertId)}`;
}

/** The resource names a program already declares with `new pim.<Class>("<name>"`. */
export function declaredNames(program: string): Set<string> {
    return new Set([...program.matchAll(/new\s+pim\.\w+\s*\(\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1] as string));
}
