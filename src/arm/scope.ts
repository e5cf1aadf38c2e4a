/**
 * ARM scopes: parsing, validation and the one canonical form stored in state.
 *
 * Canonical form: leading slash, no trailing slash, ARM keywords in their documented casing
 * (`subscriptions`, `resourceGroups`, `providers`, `Microsoft.Management/managementGroups`),
 * the subscription id in lower case; names keep the casing the user wrote. Two scopes are the
 * same scope when their canonical forms are equal ignoring case (ARM ids are case-insensitive).
 */
import { excerpt, parsed, parseProblem, type ParseResult } from "../errors";

/** The level of an ARM scope. */
export type ScopeKind = "managementGroup" | "subscription" | "resourceGroup" | "resource";

/** A validated ARM scope. */
export interface ArmScope {
    readonly kind: ScopeKind;
    /** Canonical text, e.g. `/subscriptions/0000.../resourceGroups/rg-app`. */
    readonly id: string;
}

/** The outcome of parsing a scope: the scope, or why it is not one. */
export type ScopeParseResult = ParseResult<ArmScope>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// One path segment. Deliberately stricter than ARM: the scope is placed in the URL path as is
// (the spec marks it x-ms-skip-url-encoding), so no character that could change the URL is allowed.
const SEGMENT = /^[A-Za-z0-9_().-]{1,90}$/;
const NAMESPACE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)+$/;

export const SCOPE_FORMS =
    "/providers/Microsoft.Management/managementGroups/{id}, /subscriptions/{guid}, " +
    "/subscriptions/{guid}/resourceGroups/{name} or a resource id under a resource group";

/** Parses any accepted spelling of an ARM scope into its canonical form. */
export function parseScope(input: string): ScopeParseResult {
    const fail = (why: string): ScopeParseResult => parseProblem(`${why}; expected ${SCOPE_FORMS}`);
    const trimmed = input.trim();
    if (trimmed === "") return fail("the scope is empty");
    if (trimmed !== input) return fail("the scope has leading or trailing whitespace");
    const parts = trimmed.replace(/^\/+/, "").replace(/\/+$/, "").split("/");
    if (parts.some((p) => p === "")) return fail("the scope has an empty path segment");
    const bad = parts.find((p) => !SEGMENT.test(p) || p === "." || p === "..");
    if (bad !== undefined)
        return fail(
            `the path segment ${excerpt(bad)} has characters that are not allowed (letters, digits, _ ( ) . - only)`,
        );

    const lower = parts.map((p) => p.toLowerCase());
    if (lower[0] === "providers" && lower[1] === "microsoft.management" && lower[2] === "managementgroups") {
        if (parts.length !== 4) return fail("a management group scope has exactly one id after managementGroups");
        return ok("managementGroup", `/providers/Microsoft.Management/managementGroups/${parts[3]}`);
    }
    if (lower[0] === "providers" && lower[1] === "microsoft.subscription" && lower[2] === "subscriptions") {
        // The hand-written spec's recommended spelling of the same subscription scope.
        return parseScope(parts.slice(2).join("/"));
    }
    if (lower[0] !== "subscriptions")
        return fail("the scope must start with subscriptions/ or providers/Microsoft.Management/managementGroups/");
    const subscriptionId = parts[1];
    if (subscriptionId === undefined || !GUID.test(subscriptionId)) return fail("the subscription id must be a GUID");
    const subscription = `/subscriptions/${subscriptionId.toLowerCase()}`;
    if (parts.length === 2) return ok("subscription", subscription);
    if (lower[2] !== "resourcegroups" || parts[3] === undefined)
        return fail("after the subscription id only resourceGroups/{name} may follow");
    if (parts[3].endsWith(".")) return fail("a resource group name cannot end with a period");
    const group = `${subscription}/resourceGroups/${parts[3]}`;
    if (parts.length === 4) return ok("resourceGroup", group);
    return parseResourceTail(group, parts.slice(4), fail);
}

function parseResourceTail(group: string, tail: string[], fail: (why: string) => ScopeParseResult): ScopeParseResult {
    // providers/{namespace}/{type}/{name}[/{type}/{name}]...
    const [keyword, namespace, ...typeNamePairs] = tail;
    if (keyword?.toLowerCase() !== "providers" || namespace === undefined || !NAMESPACE.test(namespace)) {
        return fail("a resource scope continues with providers/{Namespace}/{type}/{name}");
    }
    if (typeNamePairs.length === 0 || typeNamePairs.length % 2 !== 0)
        return fail("a resource scope needs {type}/{name} pairs after the namespace");
    return ok("resource", `${group}/providers/${namespace}/${typeNamePairs.join("/")}`);
}

function ok(kind: ScopeKind, id: string): ScopeParseResult {
    return parsed({ kind, id });
}

/** True when two canonical scopes name the same ARM scope. */
export function sameScope(a: string, b: string): boolean {
    return a.toLowerCase() === b.toLowerCase();
}
