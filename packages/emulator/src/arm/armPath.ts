import { parseArmScope, type ArmScope } from "./scope";

/** The ARM operation a path addresses (method decides among them later). */
export type ArmTarget =
    | { readonly kind: "alerts" }
    | { readonly kind: "alert"; readonly alertId: string }
    | { readonly kind: "alertRefresh"; readonly alertId: string }
    | { readonly kind: "incidents"; readonly alertId: string }
    | { readonly kind: "incident"; readonly alertId: string; readonly incidentId: string }
    | { readonly kind: "remediate"; readonly alertId: string; readonly incidentId: string }
    | { readonly kind: "configurations" }
    | { readonly kind: "configuration"; readonly alertId: string }
    | { readonly kind: "definitions" }
    | { readonly kind: "definition"; readonly alertId: string }
    | { readonly kind: "operation"; readonly operationId: string };

/** Outcome of parsing a path under `/providers/Microsoft.Authorization/`. */
export type ArmPathParse =
    | { readonly ok: true; readonly scope: ArmScope; readonly target: ArmTarget }
    | { readonly ok: false; readonly problem: "scope"; readonly rawScope: string }
    | { readonly ok: false; readonly problem: "resourceType"; readonly resourceType: string };

const AUTHORIZATION_PROVIDER = "/providers/microsoft.authorization/";

/**
 * True when `path` addresses the Microsoft.Authorization provider (any scope).
 * @param path - The decoded request path.
 */
export function isArmAuthorizationPath(path: string): boolean {
    return path.toLowerCase().includes(AUTHORIZATION_PROVIDER);
}

function targetOf(segments: readonly string[]): ArmTarget | undefined {
    const [type = "", a, b, c, d] = segments;
    const n = segments.length;
    switch (type.toLowerCase()) {
        case "rolemanagementalerts":
            if (n === 1) return { kind: "alerts" };
            if (n === 2) return { kind: "alert", alertId: a as string };
            if (n === 3 && b?.toLowerCase() === "refresh") return { kind: "alertRefresh", alertId: a as string };
            if (b?.toLowerCase() !== "alertincidents") return undefined;
            if (n === 3) return { kind: "incidents", alertId: a as string };
            if (n === 4) return { kind: "incident", alertId: a as string, incidentId: c as string };
            if (n === 5 && d?.toLowerCase() === "remediate") {
                return { kind: "remediate", alertId: a as string, incidentId: c as string };
            }
            return undefined;
        case "rolemanagementalertconfigurations":
            if (n === 1) return { kind: "configurations" };
            return n === 2 ? { kind: "configuration", alertId: a as string } : undefined;
        case "rolemanagementalertdefinitions":
            if (n === 1) return { kind: "definitions" };
            return n === 2 ? { kind: "definition", alertId: a as string } : undefined;
        case "rolemanagementalertoperations":
            return n === 2 ? { kind: "operation", operationId: a as string } : undefined;
        default:
            return undefined;
    }
}

/**
 * Splits an ARM path into its scope and the PIM-alerts resource it addresses.
 * @param path - The decoded request path, e.g. `/subscriptions/x/providers/Microsoft.Authorization/roleManagementAlerts`.
 */
export function parseArmPath(path: string): ArmPathParse {
    const index = path.toLowerCase().lastIndexOf(AUTHORIZATION_PROVIDER);
    const rawScope = path.slice(0, index);
    const segments = path
        .slice(index + AUTHORIZATION_PROVIDER.length)
        .split("/")
        .filter((s) => s !== "");
    const target = targetOf(segments);
    if (target === undefined) return { ok: false, problem: "resourceType", resourceType: segments.join("/") };
    const scope = parseArmScope(rawScope);
    if (scope === undefined) return { ok: false, problem: "scope", rawScope };
    return { ok: true, scope, target };
}
