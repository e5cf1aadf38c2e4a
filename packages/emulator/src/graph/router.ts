/**
 * The front of the emulated Graph API: which operation a path under
 * `/beta/identityGovernance/roleManagementAlerts/` addresses, and the checks Graph makes before it
 * (authentication, path, method, write permission).
 */
import { checkBearer } from "../auth/tokens";
import type { IncomingCall, Reply, RequestIds } from "../core/http";
import type { EmulatorState } from "../state";
import { GRAPH_ERROR_CODES, graphErrorReply, graphForbidden, graphUnauthenticated } from "./errors";
import * as reads from "./readHandlers";
import type { GraphState } from "./state";
import * as writes from "./writeHandlers";

/** An authenticated Graph request: what every Graph handler receives. */
export interface GraphCall {
    readonly call: IncomingCall;
    readonly ids: RequestIds;
    readonly emulator: EmulatorState;
    readonly state: GraphState;
    readonly tenantId: string;
    readonly now: Date;
}

/** The Graph operation a path addresses (the method decides among them later). */
export type GraphTarget =
    | { readonly kind: "alerts" }
    | { readonly kind: "alertsCount" }
    | { readonly kind: "refreshAll" }
    | { readonly kind: "alert"; readonly id: string }
    | { readonly kind: "alertRefresh"; readonly id: string }
    | { readonly kind: "incidents"; readonly id: string }
    | { readonly kind: "incidentsCount"; readonly id: string }
    | { readonly kind: "incident"; readonly id: string; readonly incidentId: string }
    | { readonly kind: "remediate"; readonly id: string; readonly incidentId: string }
    | { readonly kind: "configurations" }
    | { readonly kind: "configurationsCount" }
    | { readonly kind: "configuration"; readonly id: string }
    | { readonly kind: "definitions" }
    | { readonly kind: "definitionsCount" }
    | { readonly kind: "definition"; readonly id: string }
    | { readonly kind: "operation"; readonly id: string };

/** Outcome of parsing a Graph path: a target, or the first segment Graph would not resolve. */
export type GraphPathParse =
    { readonly ok: true; readonly target: GraphTarget } | { readonly ok: false; readonly segment: string };

const ROOT = ["beta", "identitygovernance", "rolemanagementalerts"];
const COUNT = "$count";

/** `refresh` and `microsoft.graph.refresh` name the same bound action (likewise `remediate`). */
function action(segment: string | undefined): string | undefined {
    return segment?.toLowerCase().replace(/^microsoft\.graph\./, "");
}

function alertTarget(rest: readonly string[]): GraphTarget | undefined {
    const [id, sub, incidentId, verb] = rest;
    if (id === undefined) return { kind: "alerts" };
    if (rest.length === 1) {
        if (id === COUNT) return { kind: "alertsCount" };
        return action(id) === "refresh" ? { kind: "refreshAll" } : { kind: "alert", id };
    }
    if (rest.length === 2 && action(sub) === "refresh") return { kind: "alertRefresh", id };
    if (sub?.toLowerCase() !== "alertincidents") return undefined;
    if (incidentId === undefined) return { kind: "incidents", id };
    if (rest.length === 3)
        return incidentId === COUNT ? { kind: "incidentsCount", id } : { kind: "incident", id, incidentId };
    return rest.length === 4 && action(verb) === "remediate" ? { kind: "remediate", id, incidentId } : undefined;
}

function targetOf(collection: string, rest: readonly string[]): GraphTarget | undefined {
    const [id] = rest;
    switch (collection.toLowerCase()) {
        case "alerts":
            return alertTarget(rest);
        case "alertconfigurations":
            if (id === undefined) return { kind: "configurations" };
            if (rest.length !== 1) return undefined;
            return id === COUNT ? { kind: "configurationsCount" } : { kind: "configuration", id };
        case "alertdefinitions":
            if (id === undefined) return { kind: "definitions" };
            if (rest.length !== 1) return undefined;
            return id === COUNT ? { kind: "definitionsCount" } : { kind: "definition", id };
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

const ALLOWED_METHODS: Readonly<Record<GraphTarget["kind"], readonly string[]>> = {
    alerts: ["GET"],
    alertsCount: ["GET"],
    refreshAll: ["POST"],
    alert: ["GET", "PATCH"],
    alertRefresh: ["POST"],
    incidents: ["GET"],
    incidentsCount: ["GET"],
    incident: ["GET"],
    remediate: ["POST"],
    configurations: ["GET"],
    configurationsCount: ["GET"],
    configuration: ["GET", "PATCH"],
    definitions: ["GET"],
    definitionsCount: ["GET"],
    definition: ["GET"],
    operation: ["GET"],
};

function dispatch(c: GraphCall, target: GraphTarget, method: string): Reply {
    switch (target.kind) {
        case "alerts":
            return reads.listAlerts(c, "collection");
        case "alertsCount":
            return reads.listAlerts(c, "count");
        case "refreshAll":
            return writes.refreshAllAlerts(c);
        case "alert":
            return method === "PATCH" ? writes.patchAlert(c, target.id) : reads.getAlert(c, target.id);
        case "alertRefresh":
            return writes.refreshAlert(c, target.id);
        case "incidents":
            return reads.listIncidents(c, target.id, "collection");
        case "incidentsCount":
            return reads.listIncidents(c, target.id, "count");
        case "incident":
            return reads.getIncident(c, target.id, target.incidentId);
        case "remediate":
            return writes.remediateIncident(c, target.id, target.incidentId);
        case "configurations":
            return reads.listConfigurations(c, "collection");
        case "configurationsCount":
            return reads.listConfigurations(c, "count");
        case "configuration":
            return method === "PATCH" ? writes.patchConfiguration(c, target.id) : reads.getConfiguration(c, target.id);
        case "definitions":
            return reads.listDefinitions(c, "collection");
        case "definitionsCount":
            return reads.listDefinitions(c, "count");
        case "definition":
            return reads.getDefinition(c, target.id);
        case "operation":
            return writes.getOperation(c, target.id);
    }
}

/** A Graph answer and the audience of the token presented (for the request log). */
export interface GraphOutcome {
    readonly reply: Reply;
    readonly audience?: string;
}

/**
 * Handles `/beta/identityGovernance/roleManagementAlerts/...`: authentication (401), path (400 for
 * an unknown segment, as Graph does), method (405), write permission (403), then the operation.
 * @param emulator - The emulator's state.
 * @param call - The request.
 * @param path - The decoded path.
 * @param ids - The request's ids (echoed in error bodies).
 */
export function handleGraphRequest(
    emulator: EmulatorState,
    call: IncomingCall,
    path: string,
    ids: RequestIds,
): GraphOutcome {
    const auth = checkBearer(call, "graph");
    const tenantId = emulator.settings.tenantId;
    if (!auth.ok) {
        const reply = graphUnauthenticated(ids, auth.failure, `${emulator.baseUrl}/${tenantId}`);
        return auth.audience === undefined ? { reply } : { reply, audience: auth.audience };
    }
    const audience = auth.claims.aud;
    const parsed = parseGraphPath(path);
    if (!parsed.ok) {
        const message = `Resource not found for the segment '${parsed.segment}'.`;
        return { reply: graphErrorReply(ids, 400, GRAPH_ERROR_CODES.badRequest, message), audience };
    }
    if (!ALLOWED_METHODS[parsed.target.kind].includes(call.method)) {
        const message = `The HTTP method '${call.method}' is not supported on this resource.`;
        return { reply: graphErrorReply(ids, 405, GRAPH_ERROR_CODES.methodNotAllowed, message), audience };
    }
    const isWrite = call.method === "PATCH" || call.method === "POST";
    if (isWrite && emulator.readOnly.isReadOnly(auth.claims.oid, auth.claims.appid))
        return { reply: graphForbidden(ids), audience };
    const c: GraphCall = { call, ids, emulator, state: emulator.graph.state, tenantId, now: new Date() };
    return { reply: dispatch(c, parsed.target, call.method), audience };
}
