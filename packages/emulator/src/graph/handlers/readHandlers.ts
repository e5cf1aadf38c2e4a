import { jsonReply, type Reply } from "../../core/reply";
import { GRAPH_ALERT_KINDS } from "../catalog";
import { parseExpand, type EXPANDABLE } from "../expand";
import type { GraphCall } from "../graphCall";
import { GRAPH_ERROR_CODES, graphErrorReply } from "../graphErrors";
import { graphListReply, requiredFilterProblem } from "../graphList";
import { alertPayload, configurationPayload, definitionPayload, GRAPH_SETS, incidentPayload, odataContext } from "../payloads";
import { incidentOrNotFound, isReply, kindOrNotFound } from "./resolve";

function expandOrError(c: GraphCall, entity: keyof typeof EXPANDABLE): ReadonlySet<string> | Reply {
    const expand = parseExpand(c.call.query, entity);
    return typeof expand === "string" ? graphErrorReply(c.ids, 400, GRAPH_ERROR_CODES.badRequest, expand) : expand;
}

/**
 * GET `alerts` (requires the scope filter; `$expand` supported).
 * @param c - The Graph request.
 */
export function listGraphAlerts(c: GraphCall): Reply {
    const expand = expandOrError(c, "alert");
    if (isReply(expand)) return expand;
    return (
        requiredFilterProblem(c) ??
        graphListReply(
            c,
            GRAPH_SETS.alerts,
            GRAPH_ALERT_KINDS.map((kind) => alertPayload(c, kind, expand)),
        )
    );
}

/**
 * GET `alerts/{id}` (`$expand` supported).
 * @param c - The Graph request.
 * @param id - Alert id.
 */
export function getGraphAlert(c: GraphCall, id: string): Reply {
    const kind = kindOrNotFound(c, id, "alert");
    const expand = expandOrError(c, "alert");
    if (isReply(kind)) return kind;
    if (isReply(expand)) return expand;
    return jsonReply(200, { "@odata.context": odataContext(c, GRAPH_SETS.alerts, true), ...alertPayload(c, kind, expand) });
}

/**
 * GET `alertConfigurations` (requires the scope filter; `$expand=alertDefinition` supported).
 * @param c - The Graph request.
 */
export function listGraphConfigurations(c: GraphCall): Reply {
    const expand = expandOrError(c, "configuration");
    if (isReply(expand)) return expand;
    const items = GRAPH_ALERT_KINDS.map((kind) => configurationPayload(c, kind, expand));
    return requiredFilterProblem(c) ?? graphListReply(c, GRAPH_SETS.configurations, items);
}

/**
 * GET `alertConfigurations/{id}`.
 * @param c - The Graph request.
 * @param id - Configuration id.
 */
export function getGraphConfiguration(c: GraphCall, id: string): Reply {
    const kind = kindOrNotFound(c, id, "alert configuration");
    const expand = expandOrError(c, "configuration");
    if (isReply(kind)) return kind;
    if (isReply(expand)) return expand;
    return jsonReply(200, { "@odata.context": odataContext(c, GRAPH_SETS.configurations, true), ...configurationPayload(c, kind, expand) });
}

/**
 * GET `alertDefinitions` (requires the scope filter).
 * @param c - The Graph request.
 */
export function listGraphDefinitions(c: GraphCall): Reply {
    return (
        requiredFilterProblem(c) ??
        graphListReply(
            c,
            GRAPH_SETS.definitions,
            GRAPH_ALERT_KINDS.map((kind) => definitionPayload(c, kind)),
        )
    );
}

/**
 * GET `alertDefinitions/{id}`.
 * @param c - The Graph request.
 * @param id - Definition id.
 */
export function getGraphDefinition(c: GraphCall, id: string): Reply {
    const kind = kindOrNotFound(c, id, "alert definition");
    if (isReply(kind)) return kind;
    return jsonReply(200, { "@odata.context": odataContext(c, GRAPH_SETS.definitions, true), ...definitionPayload(c, kind) });
}

/**
 * GET `alerts/{id}/alertIncidents` (no filter needed).
 * @param c - The Graph request.
 * @param id - Alert id.
 */
export function listGraphIncidents(c: GraphCall, id: string): Reply {
    const kind = kindOrNotFound(c, id, "alert");
    if (isReply(kind)) return kind;
    const incidents = (c.state.incidents.get(kind.suffix) ?? []).map((incident) => incidentPayload(kind, incident));
    return graphListReply(c, `${GRAPH_SETS.alerts}('${id}')/alertIncidents`, incidents);
}

/**
 * GET `alerts/{id}/alertIncidents/{incidentId}`.
 * @param c - The Graph request.
 * @param id - Alert id.
 * @param incidentId - Incident id.
 */
export function getGraphIncident(c: GraphCall, id: string, incidentId: string): Reply {
    const kind = kindOrNotFound(c, id, "alert");
    if (isReply(kind)) return kind;
    const incident = incidentOrNotFound(c, kind, incidentId);
    if (isReply(incident)) return incident;
    const context = odataContext(c, `${GRAPH_SETS.alerts}('${id}')/alertIncidents`, true);
    return jsonReply(200, { "@odata.context": context, ...incidentPayload(kind, incident) });
}
