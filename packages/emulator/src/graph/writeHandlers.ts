/**
 * The write operations of the Graph directory-role alerts API: PATCH of alerts and configurations,
 * remediation of an incident, and refresh as a long-running operation with its operation poll.
 */
import { emptyReply, isJsonObject, isReply, parseJsonBody, type Reply } from "../core/http";
import type { StoredOperation } from "../core/operationStore";
import { GRAPH_ALERT_KINDS, graphAlertId } from "./catalog";
import { alertKindOrNotFound, GRAPH_ERROR_CODES, graphErrorReply, incidentOrNotFound } from "./errors";
import { validateGraphAlertPatch, validateGraphConfigurationPatch, type GraphPatchValidation } from "./patchValidation";
import { graphBase, GRAPH_SETS } from "./payloads";
import { graphEntityReply, graphQuery } from "./query";
import type { GraphCall } from "./router";
import { applyGraphRefresh, type GraphRefreshInfo } from "./state";

/** The values a PATCH sets (validated), or the 400 for its query or body. */
function validatedWrite(
    c: GraphCall,
    validate: (body: unknown) => GraphPatchValidation,
): { readonly values: Readonly<Record<string, unknown>> } | Reply {
    const query = graphQuery(c, { entity: "alert", form: "action" });
    if (isReply(query)) return query;
    const parsed = parseJsonBody(c.call.bodyText);
    const result = parsed.ok ? validate(parsed.value) : { ok: false as const, message: parsed.reason };
    return result.ok
        ? { values: result.values }
        : graphErrorReply(c.ids, 400, GRAPH_ERROR_CODES.badRequest, result.message);
}

/**
 * PATCH `alertConfigurations/{id}`: validates, merges, answers 204 with no body.
 * @param c - The Graph request.
 * @param id - Configuration id.
 */
export function patchConfiguration(c: GraphCall, id: string): Reply {
    const kind = alertKindOrNotFound(c, id, "alert configuration");
    if (isReply(kind)) return kind;
    const result = validatedWrite(c, (body) => validateGraphConfigurationPatch(kind, body));
    if (isReply(result)) return result;
    c.state.configurations.set(kind.suffix, { ...c.state.configurations.get(kind.suffix), ...result.values });
    return emptyReply(204);
}

/**
 * PATCH `alerts/{id}` with `{"isActive": false}` (dismiss) or `true`: 204 with no body.
 * @param c - The Graph request.
 * @param id - Alert id.
 */
export function patchAlert(c: GraphCall, id: string): Reply {
    const kind = alertKindOrNotFound(c, id, "alert");
    if (isReply(kind)) return kind;
    const result = validatedWrite(c, validateGraphAlertPatch);
    if (isReply(result)) return result;
    const status = c.state.alerts.get(kind.suffix);
    if (status !== undefined) {
        status.isActive = result.values["isActive"] === true;
        status.lastModifiedDateTime = c.now.toISOString();
    }
    return emptyReply(204);
}

/**
 * POST `alerts/{id}/alertIncidents/{incidentId}/remediate`: removes the incident and answers
 * 200 with no body; 400 when the definition is not remediatable.
 * @param c - The Graph request.
 * @param id - Alert id.
 * @param incidentId - Incident id.
 */
export function remediateIncident(c: GraphCall, id: string, incidentId: string): Reply {
    const kind = alertKindOrNotFound(c, id, "alert");
    if (isReply(kind)) return kind;
    const incident = incidentOrNotFound(c, kind, incidentId);
    if (isReply(incident)) return incident;
    const query = graphQuery(c, { entity: "incident", form: "action" });
    if (isReply(query)) return query;
    if (c.state.definitions.get(kind.suffix)?.isRemediatable !== true) {
        const message = `Incidents of '${kind.suffix}' cannot be remediated: its alert definition has isRemediatable false.`;
        return graphErrorReply(c.ids, 400, GRAPH_ERROR_CODES.notRemediatable, message);
    }
    const incidents = c.state.incidents.get(kind.suffix) ?? [];
    incidents.splice(incidents.indexOf(incident), 1);
    return emptyReply(200);
}

function startRefresh(c: GraphCall, info: GraphRefreshInfo, id?: string): Reply {
    const query = graphQuery(c, { entity: "alert", form: "action" });
    if (isReply(query)) return query;
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
export function refreshAllAlerts(c: GraphCall): Reply {
    const parsed = parseJsonBody(c.call.bodyText);
    const body = parsed.ok ? parsed.value : undefined;
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
export function refreshAlert(c: GraphCall, id: string): Reply {
    const kind = alertKindOrNotFound(c, id, "alert");
    if (isReply(kind)) return kind;
    return startRefresh(c, { target: "one", suffixes: [kind.suffix] }, `refresh:${graphAlertId(c.tenantId, kind)}`);
}

function resourceLocation(c: GraphCall, operation: StoredOperation<GraphRefreshInfo>): string {
    if (operation.phase !== "succeeded") return "";
    const alerts = `${graphBase(c)}/${GRAPH_SETS.alerts}`;
    const suffix = operation.info.suffixes[0];
    const kind = GRAPH_ALERT_KINDS.find((candidate) => candidate.suffix === suffix);
    return operation.info.target === "one" && kind !== undefined
        ? `${alerts}/${graphAlertId(c.tenantId, kind)}`
        : alerts;
}

/**
 * GET `operations/{id}` (`$select`): a `longRunningOperation` whose status goes `running` ->
 * `succeeded` (or `failed`) as it is polled, always with 200 (as Graph documents);
 * `resourceLocation` is the alert URL once succeeded, "" before.
 * @param c - The Graph request.
 * @param id - Operation id (from the Location URL).
 */
export function getOperation(c: GraphCall, id: string): Reply {
    const query = graphQuery(c, { entity: "operation", form: "single" });
    if (isReply(query)) return query;
    const operation = c.emulator.graph.operations.poll(id, c.now);
    if (operation === undefined) {
        return graphErrorReply(c.ids, 404, GRAPH_ERROR_CODES.notFound, `The operation '${id}' was not found.`);
    }
    return graphEntityReply(c, GRAPH_SETS.operations, query, {
        id: operation.id,
        status: operation.phase,
        createdDateTime: operation.createdAt.toISOString(),
        lastActionDateTime: operation.lastActionAt.toISOString(),
        resourceLocation: resourceLocation(c, operation),
        statusDetail: operation.phase === "failed" ? "The alert scan failed." : "",
    });
}
