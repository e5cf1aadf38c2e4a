/**
 * The operations of the Graph directory-role alerts API: lists and gets (with their query options),
 * PATCH of alerts and configurations, remediation, and refresh as a long-running operation.
 */
import { parseJsonBody, isJsonObject } from "../core/jsonBody";
import { emptyReply, jsonReply, type Reply } from "../core/reply";
import type { StoredOperation } from "../core/operationStore";
import { GRAPH_ALERT_KINDS, graphAlertId, parseGraphAlertId, type GraphAlertKind } from "./catalog";
import { GRAPH_ERROR_CODES, graphErrorReply } from "./errors";
import { validateGraphAlertPatch, validateGraphConfigurationPatch, type GraphPatchValidation } from "./patchValidation";
import { alertPayload, configurationPayload, definitionPayload, GRAPH_SETS, incidentPayload } from "./payloads";
import { contextOf, graphCountReply, graphListReply, graphQuery, matchesFilter, selected, type GraphEntity, type GraphQuery } from "./query";
import { graphBase, type GraphCall } from "./router";
import type { GraphIncidentRecord } from "./seed";
import { applyGraphRefresh, type GraphRefreshInfo } from "./state";

/** A list call answers its page (`collection`) or its `/$count` segment (`count`). */
export type ListForm = "collection" | "count";

function isReply(value: unknown): value is Reply {
    return typeof value === "object" && value !== null && "status" in value && typeof (value as { status: unknown }).status === "number";
}

function kindOrNotFound(c: GraphCall, id: string, what: string): GraphAlertKind | Reply {
    const kind = parseGraphAlertId(c.tenantId, id);
    if (kind !== undefined) return kind;
    return graphErrorReply(c.ids, 404, GRAPH_ERROR_CODES.notFound, `The ${what} '${id}' was not found.`);
}

function incidentOrNotFound(c: GraphCall, kind: GraphAlertKind, incidentId: string): GraphIncidentRecord | Reply {
    const incident = (c.state.incidents.get(kind.suffix) ?? []).find((candidate) => candidate.id.toLowerCase() === incidentId.toLowerCase());
    if (incident !== undefined) return incident;
    return graphErrorReply(c.ids, 404, GRAPH_ERROR_CODES.notFound, `The alert incident '${incidentId}' of '${kind.suffix}' was not found.`);
}

function listReply(c: GraphCall, set: string, query: GraphQuery, form: ListForm, items: readonly Record<string, unknown>[]): Reply {
    return form === "count" ? graphCountReply(items) : graphListReply(c, set, query, items);
}

function entityReply(c: GraphCall, set: string, query: GraphQuery, item: Record<string, unknown>): Reply {
    return jsonReply(200, { "@odata.context": contextOf(c, set, query, true), ...selected(item, query) });
}

function singleQuery(c: GraphCall, entity: GraphEntity): GraphQuery | Reply {
    return graphQuery(c, { entity, form: "single" });
}

/**
 * GET `alerts` (or `alerts/$count`): requires the scope filter; filters on `alertDefinitionId`,
 * `alertConfiguration/isEnabled` and the scope; `$expand`, `$select`, `$top`, `$count`.
 * @param c - The Graph request.
 * @param form - The page or its count.
 */
export function listAlerts(c: GraphCall, form: ListForm): Reply {
    const query = graphQuery(c, { entity: "alert", form, scoped: true });
    if (isReply(query)) return query;
    // The filter may name the configuration, so it sees the alert with its configuration inlined.
    const kinds = GRAPH_ALERT_KINDS.filter((kind) => matchesFilter(alertPayload(c, kind, new Set(["alertConfiguration"])), query.filter));
    return listReply(
        c,
        GRAPH_SETS.alerts,
        query,
        form,
        kinds.map((kind) => alertPayload(c, kind, query.expand)),
    );
}

/**
 * GET `alerts/{id}` (`$expand`, `$select`).
 * @param c - The Graph request.
 * @param id - Alert id.
 */
export function getAlert(c: GraphCall, id: string): Reply {
    const kind = kindOrNotFound(c, id, "alert");
    if (isReply(kind)) return kind;
    const query = singleQuery(c, "alert");
    return isReply(query) ? query : entityReply(c, GRAPH_SETS.alerts, query, alertPayload(c, kind, query.expand));
}

/**
 * GET `alertConfigurations` (or its `$count`): requires the scope filter; `$expand=alertDefinition`.
 * @param c - The Graph request.
 * @param form - The page or its count.
 */
export function listConfigurations(c: GraphCall, form: ListForm): Reply {
    const query = graphQuery(c, { entity: "configuration", form, scoped: true });
    if (isReply(query)) return query;
    const items = GRAPH_ALERT_KINDS.map((kind) => configurationPayload(c, kind, query.expand)).filter((item) => matchesFilter(item, query.filter));
    return listReply(c, GRAPH_SETS.configurations, query, form, items);
}

/**
 * GET `alertConfigurations/{id}`.
 * @param c - The Graph request.
 * @param id - Configuration id.
 */
export function getConfiguration(c: GraphCall, id: string): Reply {
    const kind = kindOrNotFound(c, id, "alert configuration");
    if (isReply(kind)) return kind;
    const query = singleQuery(c, "configuration");
    return isReply(query) ? query : entityReply(c, GRAPH_SETS.configurations, query, configurationPayload(c, kind, query.expand));
}

/**
 * GET `alertDefinitions` (or its `$count`): requires the scope filter.
 * @param c - The Graph request.
 * @param form - The page or its count.
 */
export function listDefinitions(c: GraphCall, form: ListForm): Reply {
    const query = graphQuery(c, { entity: "definition", form, scoped: true });
    if (isReply(query)) return query;
    const items = GRAPH_ALERT_KINDS.map((kind) => definitionPayload(c, kind)).filter((item) => matchesFilter(item, query.filter));
    return listReply(c, GRAPH_SETS.definitions, query, form, items);
}

/**
 * GET `alertDefinitions/{id}`.
 * @param c - The Graph request.
 * @param id - Definition id.
 */
export function getDefinition(c: GraphCall, id: string): Reply {
    const kind = kindOrNotFound(c, id, "alert definition");
    if (isReply(kind)) return kind;
    const query = singleQuery(c, "definition");
    return isReply(query) ? query : entityReply(c, GRAPH_SETS.definitions, query, definitionPayload(c, kind));
}

/**
 * GET `alerts/{id}/alertIncidents` (or its `$count`): no filter needed; `$filter` on `id`.
 * @param c - The Graph request.
 * @param id - Alert id.
 * @param form - The page or its count.
 */
export function listIncidents(c: GraphCall, id: string, form: ListForm): Reply {
    const kind = kindOrNotFound(c, id, "alert");
    if (isReply(kind)) return kind;
    const query = graphQuery(c, { entity: "incident", form });
    if (isReply(query)) return query;
    const items = (c.state.incidents.get(kind.suffix) ?? [])
        .map((incident) => incidentPayload(kind, incident))
        .filter((item) => matchesFilter(item, query.filter));
    return listReply(c, `${GRAPH_SETS.alerts}('${id}')/alertIncidents`, query, form, items);
}

/**
 * GET `alerts/{id}/alertIncidents/{incidentId}`.
 * @param c - The Graph request.
 * @param id - Alert id.
 * @param incidentId - Incident id.
 */
export function getIncident(c: GraphCall, id: string, incidentId: string): Reply {
    const kind = kindOrNotFound(c, id, "alert");
    if (isReply(kind)) return kind;
    const incident = incidentOrNotFound(c, kind, incidentId);
    if (isReply(incident)) return incident;
    const query = singleQuery(c, "incident");
    return isReply(query) ? query : entityReply(c, `${GRAPH_SETS.alerts}('${id}')/alertIncidents`, query, incidentPayload(kind, incident));
}

/** The values a PATCH sets (validated), or the 400 for its query or body. */
function validatedWrite(c: GraphCall, validate: (body: unknown) => GraphPatchValidation): { readonly values: Readonly<Record<string, unknown>> } | Reply {
    const query = graphQuery(c, { entity: "alert", form: "action" });
    if (isReply(query)) return query;
    const parsed = parseJsonBody(c.call.bodyText);
    const result = parsed.ok ? validate(parsed.value) : { ok: false as const, message: parsed.reason };
    return result.ok ? { values: result.values } : graphErrorReply(c.ids, 400, GRAPH_ERROR_CODES.badRequest, result.message);
}

/**
 * PATCH `alertConfigurations/{id}`: validates, merges, answers 204 with no body.
 * @param c - The Graph request.
 * @param id - Configuration id.
 */
export function patchConfiguration(c: GraphCall, id: string): Reply {
    const kind = kindOrNotFound(c, id, "alert configuration");
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
    const kind = kindOrNotFound(c, id, "alert");
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
    const kind = kindOrNotFound(c, id, "alert");
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
 * GET `operations/{id}` (`$select`): a `longRunningOperation` whose status goes `running` ->
 * `succeeded` (or `failed`) as it is polled, always with 200 (as Graph documents);
 * `resourceLocation` is the alert URL once succeeded, "" before.
 * @param c - The Graph request.
 * @param id - Operation id (from the Location URL).
 */
export function getOperation(c: GraphCall, id: string): Reply {
    const query = singleQuery(c, "operation");
    if (isReply(query)) return query;
    const operation = c.emulator.graph.operations.poll(id, c.now);
    if (operation === undefined) {
        return graphErrorReply(c.ids, 404, GRAPH_ERROR_CODES.notFound, `The operation '${id}' was not found.`);
    }
    return entityReply(c, GRAPH_SETS.operations, query, {
        id: operation.id,
        status: operation.phase,
        createdDateTime: operation.createdAt.toISOString(),
        lastActionDateTime: operation.lastActionAt.toISOString(),
        resourceLocation: resourceLocation(c, operation),
        statusDetail: operation.phase === "failed" ? "The alert scan failed." : "",
    });
}
