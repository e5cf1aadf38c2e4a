/**
 * The read operations of the Graph directory-role alerts API: the GETs (lists, their `/$count`, and
 * single entities) of alerts, configurations, definitions and incidents, with their query options.
 */
import { isReply, type Reply } from "../core/http";
import { GRAPH_ALERT_KINDS } from "./catalog";
import { alertKindOrNotFound, incidentOrNotFound } from "./errors";
import { matchesFilter } from "./filter";
import { alertPayload, configurationPayload, definitionPayload, GRAPH_SETS, incidentPayload } from "./payloads";
import { graphCountReply, graphEntityReply, graphListReply, graphQuery, type GraphQuery } from "./query";
import type { GraphCall } from "./router";

/** A list call answers its page (`collection`) or its `/$count` segment (`count`). */
export type ListForm = "collection" | "count";

function listReply(
    c: GraphCall,
    set: string,
    query: GraphQuery,
    form: ListForm,
    items: readonly Record<string, unknown>[],
): Reply {
    return form === "count" ? graphCountReply(items) : graphListReply(c, set, query, items);
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
    const kinds = GRAPH_ALERT_KINDS.filter((kind) =>
        matchesFilter(alertPayload(c, kind, new Set(["alertConfiguration"])), query.filter),
    );
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
    const kind = alertKindOrNotFound(c, id, "alert");
    if (isReply(kind)) return kind;
    const query = graphQuery(c, { entity: "alert", form: "single" });
    return isReply(query) ? query : graphEntityReply(c, GRAPH_SETS.alerts, query, alertPayload(c, kind, query.expand));
}

/**
 * GET `alertConfigurations` (or its `$count`): requires the scope filter; `$expand=alertDefinition`.
 * @param c - The Graph request.
 * @param form - The page or its count.
 */
export function listConfigurations(c: GraphCall, form: ListForm): Reply {
    const query = graphQuery(c, { entity: "configuration", form, scoped: true });
    if (isReply(query)) return query;
    const items = GRAPH_ALERT_KINDS.map((kind) => configurationPayload(c, kind, query.expand)).filter((item) =>
        matchesFilter(item, query.filter),
    );
    return listReply(c, GRAPH_SETS.configurations, query, form, items);
}

/**
 * GET `alertConfigurations/{id}`.
 * @param c - The Graph request.
 * @param id - Configuration id.
 */
export function getConfiguration(c: GraphCall, id: string): Reply {
    const kind = alertKindOrNotFound(c, id, "alert configuration");
    if (isReply(kind)) return kind;
    const query = graphQuery(c, { entity: "configuration", form: "single" });
    return isReply(query)
        ? query
        : graphEntityReply(c, GRAPH_SETS.configurations, query, configurationPayload(c, kind, query.expand));
}

/**
 * GET `alertDefinitions` (or its `$count`): requires the scope filter.
 * @param c - The Graph request.
 * @param form - The page or its count.
 */
export function listDefinitions(c: GraphCall, form: ListForm): Reply {
    const query = graphQuery(c, { entity: "definition", form, scoped: true });
    if (isReply(query)) return query;
    const items = GRAPH_ALERT_KINDS.map((kind) => definitionPayload(c, kind)).filter((item) =>
        matchesFilter(item, query.filter),
    );
    return listReply(c, GRAPH_SETS.definitions, query, form, items);
}

/**
 * GET `alertDefinitions/{id}`.
 * @param c - The Graph request.
 * @param id - Definition id.
 */
export function getDefinition(c: GraphCall, id: string): Reply {
    const kind = alertKindOrNotFound(c, id, "alert definition");
    if (isReply(kind)) return kind;
    const query = graphQuery(c, { entity: "definition", form: "single" });
    return isReply(query) ? query : graphEntityReply(c, GRAPH_SETS.definitions, query, definitionPayload(c, kind));
}

/**
 * GET `alerts/{id}/alertIncidents` (or its `$count`): no filter needed; `$filter` on `id`.
 * @param c - The Graph request.
 * @param id - Alert id.
 * @param form - The page or its count.
 */
export function listIncidents(c: GraphCall, id: string, form: ListForm): Reply {
    const kind = alertKindOrNotFound(c, id, "alert");
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
    const kind = alertKindOrNotFound(c, id, "alert");
    if (isReply(kind)) return kind;
    const incident = incidentOrNotFound(c, kind, incidentId);
    if (isReply(incident)) return incident;
    const query = graphQuery(c, { entity: "incident", form: "single" });
    return isReply(query)
        ? query
        : graphEntityReply(c, `${GRAPH_SETS.alerts}('${id}')/alertIncidents`, query, incidentPayload(kind, incident));
}
