/** The Graph operation a path addresses (the method decides among them later). */
export type GraphTarget =
    | { readonly kind: "alerts" }
    | { readonly kind: "refreshAll" }
    | { readonly kind: "alert"; readonly id: string }
    | { readonly kind: "alertRefresh"; readonly id: string }
    | { readonly kind: "incidents"; readonly id: string }
    | { readonly kind: "incident"; readonly id: string; readonly incidentId: string }
    | { readonly kind: "remediate"; readonly id: string; readonly incidentId: string }
    | { readonly kind: "configurations" }
    | { readonly kind: "configuration"; readonly id: string }
    | { readonly kind: "definitions" }
    | { readonly kind: "definition"; readonly id: string }
    | { readonly kind: "operation"; readonly id: string };

/** Outcome of parsing a Graph path: a target, or the first segment Graph would not resolve. */
export type GraphPathParse = { readonly ok: true; readonly target: GraphTarget } | { readonly ok: false; readonly segment: string };

const ROOT = ["beta", "identitygovernance", "rolemanagementalerts"];

/** `refresh` and `microsoft.graph.refresh` name the same bound action (likewise `remediate`). */
function action(segment: string | undefined): string | undefined {
    return segment?.toLowerCase().replace(/^microsoft\.graph\./, "");
}

function alertTarget(rest: readonly string[]): GraphTarget | undefined {
    const [id, sub, incidentId, verb] = rest;
    if (id === undefined) return { kind: "alerts" };
    if (rest.length === 1) return action(id) === "refresh" ? { kind: "refreshAll" } : { kind: "alert", id };
    if (rest.length === 2 && action(sub) === "refresh") return { kind: "alertRefresh", id };
    if (sub?.toLowerCase() !== "alertincidents") return undefined;
    if (incidentId === undefined) return { kind: "incidents", id };
    if (rest.length === 3) return { kind: "incident", id, incidentId };
    return rest.length === 4 && action(verb) === "remediate" ? { kind: "remediate", id, incidentId } : undefined;
}

function targetOf(collection: string, rest: readonly string[]): GraphTarget | undefined {
    const [id] = rest;
    switch (collection.toLowerCase()) {
        case "alerts":
            return alertTarget(rest);
        case "alertconfigurations":
            if (id === undefined) return { kind: "configurations" };
            return rest.length === 1 ? { kind: "configuration", id } : undefined;
        case "alertdefinitions":
            if (id === undefined) return { kind: "definitions" };
            return rest.length === 1 ? { kind: "definition", id } : undefined;
        case "operations":
            return rest.length === 1 && id !== undefined ? { kind: "operation", id } : undefined;
        default:
            return undefined;
    }
}

/**
 * Parses `/beta/identityGovernance/roleManagementAlerts/...` (segments match case-insensitively).
 * @param path - The decoded request path.
 */
export function parseGraphPath(path: string): GraphPathParse {
    const segments = path.split("/").filter((segment) => segment !== "");
    // Graph v1.0 has identityGovernance but no roleManagementAlerts.
    if (segments[0]?.toLowerCase() === "v1.0") return { ok: false, segment: segments[2] ?? segments[1] ?? "v1.0" };
    for (let i = 0; i < ROOT.length; i += 1) {
        if (segments[i]?.toLowerCase() !== ROOT[i]) return { ok: false, segment: segments[i] ?? ROOT[i] ?? "" };
    }
    const [collection = "", ...rest] = segments.slice(ROOT.length);
    const target = targetOf(collection, rest);
    return target === undefined ? { ok: false, segment: rest.at(-1) ?? collection } : { ok: true, target };
}
