import { parseJsonBody } from "../../core/jsonBody";
import { emptyReply, type Reply } from "../../core/reply";
import { validateGraphAlertPatch, validateGraphConfigurationPatch, type GraphPatchValidation } from "../configurationPatch";
import type { GraphCall } from "../graphCall";
import { GRAPH_ERROR_CODES, graphErrorReply } from "../graphErrors";
import { incidentOrNotFound, isReply, kindOrNotFound } from "./resolve";

function validated(c: GraphCall, validate: (body: unknown) => GraphPatchValidation): GraphPatchValidation {
    const parsed = parseJsonBody(c.call.bodyText);
    return parsed.ok ? validate(parsed.value) : { ok: false, message: parsed.reason };
}

/**
 * PATCH `alertConfigurations/{id}`: validates, merges, answers 204 with no body.
 * @param c - The Graph request.
 * @param id - Configuration id.
 */
export function patchGraphConfiguration(c: GraphCall, id: string): Reply {
    const kind = kindOrNotFound(c, id, "alert configuration");
    if (isReply(kind)) return kind;
    const result = validated(c, (body) => validateGraphConfigurationPatch(kind, body));
    if (!result.ok) return graphErrorReply(c.ids, 400, GRAPH_ERROR_CODES.badRequest, result.message);
    c.state.configurations.set(kind.suffix, { ...c.state.configurations.get(kind.suffix), ...result.values });
    return emptyReply(204);
}

/**
 * PATCH `alerts/{id}` with `{"isActive": false}` (dismiss) or `true`: 204 with no body.
 * @param c - The Graph request.
 * @param id - Alert id.
 */
export function patchGraphAlert(c: GraphCall, id: string): Reply {
    const kind = kindOrNotFound(c, id, "alert");
    if (isReply(kind)) return kind;
    const result = validated(c, validateGraphAlertPatch);
    if (!result.ok) return graphErrorReply(c.ids, 400, GRAPH_ERROR_CODES.badRequest, result.message);
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
export function remediateGraphIncident(c: GraphCall, id: string, incidentId: string): Reply {
    const kind = kindOrNotFound(c, id, "alert");
    if (isReply(kind)) return kind;
    const incident = incidentOrNotFound(c, kind, incidentId);
    if (isReply(incident)) return incident;
    if (c.state.definitions.get(kind.suffix)?.isRemediatable !== true) {
        const message = `Incidents of '${kind.suffix}' cannot be remediated: its alert definition has isRemediatable false.`;
        return graphErrorReply(c.ids, 400, GRAPH_ERROR_CODES.notRemediatable, message);
    }
    const incidents = c.state.incidents.get(kind.suffix) ?? [];
    incidents.splice(incidents.indexOf(incident), 1);
    return emptyReply(200);
}
