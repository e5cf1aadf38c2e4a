/**
 * Writes the TypeScript of an exported policy: one resource per configuration with every current
 * value (in the catalog's order, so the text is stable) and one per dismissed alert, grouped by scope.
 *
 * Only checked declarations reach this module (see exportPolicy.ts), and still every value is
 * written through {@link literal}, whose output is printable ASCII that no value can break out of,
 * and comments only through {@link comment}, which refuses anything but one line of printable ASCII.
 */
import { parseScope } from "../arm/scope";
import type { AlertTarget } from "../functions/target";
import type { Declaration } from "./exportPolicy";
import { resourceName, scopeKey, scopeNames, type DeclaredResource } from "./resourceNames";

/** The declarations of one scope. */
export interface ScopeDeclarations {
    readonly target: AlertTarget;
    readonly declarations: readonly Declaration[];
}

/** How to write: for a new file (header and import) or to append to one. */
export interface RenderOptions {
    /** The resources the program already declares: those are skipped, and their names are taken. */
    readonly existing: readonly DeclaredResource[];
    readonly withHeader: boolean;
    readonly withImport: boolean;
}

/** A declaration left out because the program already has it, and why. */
export interface SkippedDeclaration {
    readonly name: string;
    readonly reason: string;
}

/** The text to write and what it declares. */
export interface RenderedProgram {
    readonly text: string;
    readonly declared: string[];
    readonly skipped: SkippedDeclaration[];
}

/** The import every exported program uses. */
export const PIM_IMPORT = 'import * as pim from "pulumi-pim-alerts";';

const HEADER = [
    "// PIM alert policy adopted from the live configurations by `pim-alerts export`.",
    "// Every configuration declares every current value and every dismissed alert stays dismissed, so the first",
    "// `pulumi up` adopts them without changing anything in Azure. Edit a value to change the policy.",
];

/**
 * A JavaScript string, number or boolean literal of `value`: JSON (quotes, backslashes and control
 * characters escaped), with every character outside printable ASCII as a `\uXXXX` escape too (JSON
 * leaves U+2028/U+2029, DEL and the rest raw), so the code is one line of plain ASCII per value.
 */
export function literal(value: string | number | boolean): string {
    if (typeof value === "number" && !Number.isFinite(value))
        throw new Error(`internal-error: ${value} has no literal`);
    return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A `//` comment line; its text must be one line of printable ASCII (it comes from checked values only). */
export function comment(text: string): string {
    if (!/^[\x20-\x7e]*$/.test(text))
        throw new Error(`internal-error: comment ${literal(text)} is not one line of printable ASCII`);
    return `// ${text}`;
}

/** Renders the program text. */
export function renderProgram(scopes: readonly ScopeDeclarations[], options: RenderOptions): RenderedProgram {
    const lines: string[] = [...(options.withHeader ? HEADER : []), ...(options.withImport ? [PIM_IMPORT] : [])];
    const existingIdentities = new Map(
        options.existing.flatMap((r) => (r.alertId === undefined ? [] : [[declaredIdentity(r), r.name] as const])),
    );
    const taken = new Set(options.existing.map((r) => r.name));
    const names = scopeNames(
        scopes.map((s) => s.target),
        options.existing.flatMap((r) => declaredTarget(r) ?? []),
    );
    const declared: string[] = [];
    const skipped: SkippedDeclaration[] = [];
    for (const { target, declarations } of scopes) {
        const blocks: string[] = [];
        for (const declaration of declarations) {
            const name = resourceName(
                names.get(scopeKey(target)) ?? "",
                declaration.alertId,
                declaration.kind.endsWith("Dismissal"),
            );
            const already = existingIdentities.get(identity(target, declaration));
            if (already !== undefined) {
                skipped.push({ name: already, reason: "the program already declares it" });
                continue;
            }
            if (taken.has(name)) {
                skipped.push({
                    name,
                    reason: "the program already declares a resource of that name (its scope or alert is not a literal)",
                });
                continue;
            }
            taken.add(name);
            declared.push(name);
            blocks.push(renderResource(name, declaration));
        }
        if (blocks.length > 0) lines.push("", sectionComment(declarations), blocks.join("\n\n"));
    }
    return { text: `${lines.join("\n").replace(/^\n+/, "")}\n`, declared, skipped };
}

/** What a declaration is about, whatever its name: class, scope (or the directory) and alert. */
function identity(target: AlertTarget, declaration: Declaration): string {
    return `${declaration.kind}|${scopeKey(target)}|${declaration.alertId}`;
}

function declaredTarget(resource: DeclaredResource): AlertTarget | undefined {
    if (resource.className.startsWith("Directory")) return { kind: "directory" };
    const parsed = resource.scope === undefined ? undefined : parseScope(resource.scope);
    return parsed?.ok ? { kind: "arm", scope: parsed.value.id } : undefined;
}

function declaredIdentity(resource: DeclaredResource): string {
    const target = declaredTarget(resource);
    return `${resource.className}|${target ? scopeKey(target) : "?"}|${resource.alertId}`;
}

function sectionComment(declarations: readonly Declaration[]): string {
    const first = declarations[0];
    if (first === undefined || "scope" in first) return comment(first?.scope ?? "");
    return comment(`Entra directory roles (Microsoft Graph) of tenant ${first.tenantId}`);
}

function renderResource(name: string, d: Declaration): string {
    const fields: Array<[string, string | number | boolean]> = [];
    if ("scope" in d) fields.push(["scope", d.scope]);
    fields.push(["alertId", d.alertId]);
    if (d.kind === "AlertConfiguration" || d.kind === "DirectoryAlertConfiguration")
        fields.push(["isEnabled", d.isEnabled], ...d.settings.map(([k, v]) => [k, v] as [string, number | string]));
    const body = fields.map(([key, value]) => `    ${key}: ${literal(value)},`);
    return [`new pim.${d.kind}(${literal(name)}, {`, ...body, "});"].join("\n");
}
