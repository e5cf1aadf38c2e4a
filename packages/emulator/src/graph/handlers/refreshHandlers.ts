import { isJsonObject } from "../../core/jsonBody";
import { emptyReply, jsonReply, type Reply } from "../../core/reply";
import type { StoredOperation } from "../../core/operationStore";
import { GRAPH_ALERT_KINDS } from "../catalog";
import { graphBase, type GraphCall } from "../graphCall";
import { GRAPH_ERROR_CODES, graphErrorReply } from "../graphErrors";
import { graphAlertId } from "../graphIds";
import { applyGraphRefresh, type GraphRefreshInfo } from "../graphState";
import { GRAPH_SETS, odataContext } from "../payloads";
import { isReply, kindOrNotFound } from "./resolve";

function startRefresh(c: GraphCall, info: GraphRefreshInfo, id?: string): Reply {
    const settings = c.emulator.settings;
    const state = c.state;
    const operation = c.emulator.graph.operations.start(
        {
            ...(id === undefined ? {} : { id }),
            info,
            pollsUntilDone: settings.pollsUntilDone,
            fail: settings.failNextOperation,
            onSucceeded: () => applyGraphRefresh(state, info.suffixes, new Date()),
        },
        c.now,
    );
    settings.failNextOperation = false;
    const location = `${graphBase(c)}/identityGovernance/roleManagementAlerts/operations/${operation.id}`;
    return emptyReply(202, { location, "retry-after": String(settings.retryAfterSeconds) });
}

/**
 * POST `alerts/refresh` with `{"scopeId":"/","scopeType":"DirectoryRole"}` (both required): 202 +
 * Location, no body.
 * @param c - The Graph request.
 */
export function refreshAllGraphAlerts(c: GraphCall): Reply {
    let body: unknown;
    try {
        body = JSON.parse(c.call.bodyText);
    } catch {
        body = undefined;
    }
    if (!isJsonObject(body) || body["scopeId"] !== "/" || body["scopeType"] !== "DirectoryRole") {
        const message = `The body must be {"scopeId":"/","scopeType":"DirectoryRole"} (both parameters are required).`;
        return graphErrorReply(c.ids, 400, GRAPH_ERROR_CODES.badRequest, message);
    }
    return startRefresh(c, { target: "all", suffixes: GRAPH_ALERT_KINDS.map((kind) => kind.suffix) });
}

/**
 * POST `alerts/{id}/refresh` (no body): 202 + Location (operation id `refresh:<alert id>`), no body.
 * @param c - The Graph request.
 * @param id - Alert id.
 */
export function refreshGraphAlert(c: GraphCall, id: string): Reply {
    const kind = kindOrNotFound(c, id, "alert");
    if (isReply(kind)) return kind;
    return startRefresh(c, { target: "one", suffixes: [kind.suffix] }, `refresh:${graphAlertId(c.tenantId, kind)}`);
}

function resourceLocation(c: GraphCall, operation: StoredOperation<GraphRefreshInfo>): string {
    if (operation.phase !== "succeeded") return "";
    const alerts = `${graphBase(c)}/${GRAPH_SETS.alerts}`;
    const suffix = operation.info.suffixes[0];
    const kind = GRAPH_ALERT_KINDS.find((candidate) => candidate.suffix === suffix);
    return operation.info.target === "one" && kind !== undefined ? `${alerts}/${graphAlertId(c.tenantId, kind)}` : alerts;
}

/**
 * GET `operations/{id}`: a `longRunningOperation` whose status goes `running` -> `succeeded`
 * (or `failed`) as it is polled; `resourceLocation` is the alert URL once succeeded, "" before.
 * @param c - The Graph request.
 * @param id - Operation id (from the Location URL).
 */
export function getGraphOperation(c: GraphCall, id: string): Reply {
    const operation = c.emulator.graph.operations.poll(id, c.now);
    if (operation === undefined) {
        return graphErrorReply(c.ids, 404, GRAPH_ERROR_CODES.notFound, `The operation '${id}' was not found.`);
    }
    return jsonReply(200, {
        "@odata.context": odataContext(c, GRAPH_SETS.operations, true),
        id: operation.id,
        status: operation.phase,
        createdDateTime: operation.createdAt.toISOString(),
        lastActionDateTime: operation.lastActionAt.toISOString(),
        resourceLocation: resourceLocation(c, operation),
        statusDetail: operation.phase === "failed" ? "The alert scan failed." : "",
    });
}
