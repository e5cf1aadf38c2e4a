import type { Reply } from "../../core/reply";
import type { GraphAlertKind } from "../catalog";
import type { GraphCall } from "../graphCall";
import { GRAPH_ERROR_CODES, graphErrorReply } from "../graphErrors";
import { parseGraphAlertId } from "../graphIds";
import type { GraphIncidentRecord } from "../seed";

/**
 * The alert an id names, or the 404 Graph answers (a foreign tenant's id is unknown too).
 * @param c - The Graph request.
 * @param id - `DirectoryRole_<tenantId>_<suffix>` from the URL.
 * @param what - Entity name for the message.
 */
export function kindOrNotFound(c: GraphCall, id: string, what: string): GraphAlertKind | Reply {
    const kind = parseGraphAlertId(c.tenantId, id);
    if (kind !== undefined) return kind;
    return graphErrorReply(c.ids, 404, GRAPH_ERROR_CODES.notFound, `The ${what} '${id}' was not found.`);
}

/**
 * The incident with this id (any case), or the 404 Graph answers.
 * @param c - The Graph request.
 * @param kind - The alert.
 * @param incidentId - Incident id from the URL.
 */
export function incidentOrNotFound(c: GraphCall, kind: GraphAlertKind, incidentId: string): GraphIncidentRecord | Reply {
    const incident = (c.state.incidents.get(kind.suffix) ?? []).find((candidate) => candidate.id.toLowerCase() === incidentId.toLowerCase());
    if (incident !== undefined) return incident;
    return graphErrorReply(c.ids, 404, GRAPH_ERROR_CODES.notFound, `The alert incident '${incidentId}' of '${kind.suffix}' was not found.`);
}

/**
 * True when a resolver returned a reply (an error) rather than the entity.
 * @param value - A resolver's result.
 */
export function isReply(value: unknown): value is Reply {
    return typeof value === "object" && value !== null && "status" in value && typeof (value as { status: unknown }).status === "number";
}
