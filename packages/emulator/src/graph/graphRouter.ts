import { checkBearer } from "../auth/bearer";
import type { IncomingCall } from "../core/incomingCall";
import type { RequestIds } from "../core/requestIds";
import type { Reply } from "../core/reply";
import type { EmulatorState } from "../state";
import { graphForbidden, graphUnauthenticated } from "./graphAuth";
import type { GraphCall } from "./graphCall";
import { GRAPH_ERROR_CODES, graphErrorReply } from "./graphErrors";
import { parseGraphPath, type GraphTarget } from "./graphPath";
import {
    getGraphAlert,
    getGraphConfiguration,
    getGraphDefinition,
    getGraphIncident,
    listGraphAlerts,
    listGraphConfigurations,
    listGraphDefinitions,
    listGraphIncidents,
} from "./handlers/readHandlers";
import { getGraphOperation, refreshAllGraphAlerts, refreshGraphAlert } from "./handlers/refreshHandlers";
import { patchGraphAlert, patchGraphConfiguration, remediateGraphIncident } from "./handlers/writeHandlers";

const ALLOWED_METHODS: Readonly<Record<GraphTarget["kind"], readonly string[]>> = {
    alerts: ["GET"],
    refreshAll: ["POST"],
    alert: ["GET", "PATCH"],
    alertRefresh: ["POST"],
    incidents: ["GET"],
    incident: ["GET"],
    remediate: ["POST"],
    configurations: ["GET"],
    configuration: ["GET", "PATCH"],
    definitions: ["GET"],
    definition: ["GET"],
    operation: ["GET"],
};

function dispatch(c: GraphCall, target: GraphTarget, method: string): Reply {
    switch (target.kind) {
        case "alerts":
            return listGraphAlerts(c);
        case "refreshAll":
            return refreshAllGraphAlerts(c);
        case "alert":
            return method === "PATCH" ? patchGraphAlert(c, target.id) : getGraphAlert(c, target.id);
        case "alertRefresh":
            return refreshGraphAlert(c, target.id);
        case "incidents":
            return listGraphIncidents(c, target.id);
        case "incident":
            return getGraphIncident(c, target.id, target.incidentId);
        case "remediate":
            return remediateGraphIncident(c, target.id, target.incidentId);
        case "configurations":
            return listGraphConfigurations(c);
        case "configuration":
            return method === "PATCH" ? patchGraphConfiguration(c, target.id) : getGraphConfiguration(c, target.id);
        case "definitions":
            return listGraphDefinitions(c);
        case "definition":
            return getGraphDefinition(c, target.id);
        case "operation":
            return getGraphOperation(c, target.id);
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
export function handleGraphRequest(emulator: EmulatorState, call: IncomingCall, path: string, ids: RequestIds): GraphOutcome {
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
    if (isWrite && emulator.readOnly.isReadOnly(auth.claims.oid, auth.claims.appid)) return { reply: graphForbidden(ids), audience };
    const c: GraphCall = { call, ids, emulator, state: emulator.graph.state, tenantId, now: new Date() };
    return { reply: dispatch(c, parsed.target, call.method), audience };
}
