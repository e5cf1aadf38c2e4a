/**
 * The errors of the emulated Graph API: its codes, the Graph error reply (with `innerError` ids), the
 * 401 and 403 answers in Graph's wording, and the 404 look-ups of alerts and incidents.
 */
import type { BearerFailure } from "../auth/tokens";
import { jsonReply, type Reply, type RequestIds } from "../core/http";
import { parseGraphAlertId, type GraphAlertKind } from "./catalog";
import type { GraphCall } from "./router";
import type { GraphIncidentRecord } from "./seed";

/**
 * Error codes of the emulated Graph API. Front-door codes (authentication, authorization) are the
 * ones Graph uses; `BadRequest` covers every invalid request (missing `$filter`, PATCH body errors,
 * unknown URL segment, malformed query option), with a message naming the problem; `Request_UnsupportedQuery`
 * a well-formed query option the API does not support (Graph's code for that); `ResourceNotFound` unknown ids.
 */
export const GRAPH_ERROR_CODES = {
    invalidToken: "InvalidAuthenticationToken",
    forbidden: "Authorization_RequestDenied",
    badRequest: "BadRequest",
    unsupportedQuery: "Request_UnsupportedQuery",
    notFound: "ResourceNotFound",
    methodNotAllowed: "MethodNotAllowed",
    notRemediatable: "BadRequest",
} as const;

/**
 * A Graph error reply: `{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}`.
 * @param ids - The request's ids (the `request-id` response header carries the same value).
 * @param status - HTTP status code.
 * @param code - Error code.
 * @param message - Human-readable message.
 * @param headers - Extra headers.
 */
export function graphErrorReply(
    ids: RequestIds,
    status: number,
    code: string,
    message: string,
    headers?: Readonly<Record<string, string>>,
): Reply {
    const innerError = {
        date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
        "request-id": ids.requestId,
        "client-request-id": ids.correlationId,
    };
    return jsonReply(status, { error: { code, message, innerError } }, headers);
}

/** Graph's messages for each authentication failure. */
const MESSAGES: Readonly<Record<BearerFailure, string>> = {
    missing: "Access token is empty.",
    "malformed-header": "CompactToken parsing failed with error code: 80049217",
    invalid: "Access token validation failure.",
    expired: "Lifetime validation failed, the token is expired.",
    "wrong-audience": "Access token validation failure. Invalid audience.",
};

/** Application id of Microsoft Graph, named in its challenge. */
const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

/**
 * The 401 Graph answers for an unauthenticated request (no token, a foreign or expired token, or an
 * ARM token), with its `WWW-Authenticate` challenge.
 * @param ids - The request's ids.
 * @param failure - Why authentication failed.
 * @param authority - The emulator's tenant authority URL.
 */
export function graphUnauthenticated(ids: RequestIds, failure: BearerFailure, authority: string): Reply {
    return graphErrorReply(ids, 401, GRAPH_ERROR_CODES.invalidToken, MESSAGES[failure], {
        "www-authenticate": `Bearer realm="", authorization_uri="${authority}/oauth2/authorize", client_id="${GRAPH_APP_ID}"`,
    });
}

/**
 * The 403 Graph answers when the caller lacks `RoleManagementAlert.ReadWrite.Directory` (here: a
 * principal made read-only through the admin API).
 * @param ids - The request's ids.
 */
export function graphForbidden(ids: RequestIds): Reply {
    return graphErrorReply(ids, 403, GRAPH_ERROR_CODES.forbidden, "Insufficient privileges to complete the operation.");
}

/**
 * The alert an id names, or the 404 Graph answers for it.
 * @param c - The Graph request.
 * @param id - Alert, configuration or definition id from the URL.
 * @param what - What the id names, for the message (`alert`, `alert configuration`, ...).
 */
export function alertKindOrNotFound(c: GraphCall, id: string, what: string): GraphAlertKind | Reply {
    const kind = parseGraphAlertId(c.tenantId, id);
    if (kind !== undefined) return kind;
    return graphErrorReply(c.ids, 404, GRAPH_ERROR_CODES.notFound, `The ${what} '${id}' was not found.`);
}

/**
 * The incident of `kind` with this id, or the 404 Graph answers for it.
 * @param c - The Graph request.
 * @param kind - The alert.
 * @param incidentId - Incident id from the URL (any case).
 */
export function incidentOrNotFound(
    c: GraphCall,
    kind: GraphAlertKind,
    incidentId: string,
): GraphIncidentRecord | Reply {
    const incident = (c.state.incidents.get(kind.suffix) ?? []).find(
        (candidate) => candidate.id.toLowerCase() === incidentId.toLowerCase(),
    );
    if (incident !== undefined) return incident;
    return graphErrorReply(
        c.ids,
        404,
        GRAPH_ERROR_CODES.notFound,
        `The alert incident '${incidentId}' of '${kind.suffix}' was not found.`,
    );
}
