/**
 * The admin API's HTTP face: `/_emulator/...`, JSON in and out, no authentication. It answers only
 * requests whose `Host` is loopback and whose writes carry `application/json`, so that a web page
 * cannot drive it through a browser (DNS rebinding, or a simple cross-site form POST).
 */
import { headerValue, jsonReply, type IncomingCall, type Reply } from "../core/http";
import type { EmulatorAdmin } from "./adminApi";
import { AdminInput, definedFields, faultSpecFrom, isEmulatorAdminError, queryString } from "./adminInput";

/** One admin route: reads its input, calls the admin API, returns the JSON answer. */
type AdminRoute = (admin: EmulatorAdmin, input: AdminInput, query: URLSearchParams) => unknown;

/** The answer of admin routes that return nothing. */
const OK = { ok: true } as const;

/** Admin routes of the ARM state (`/_emulator/arm/...`); scopes as `subscriptions/<id>`, slash optional. */
const ARM_ADMIN_ROUTES: Readonly<Record<string, AdminRoute>> = {
    "GET arm/configurations": (admin, _input, query) =>
        admin.configuration(queryString(query, "scope"), queryString(query, "alertId")),
    "POST arm/configurations": (admin, input) => {
        input.only(["scope", "alertId", "properties"]);
        admin.setConfiguration(input.string("scope"), input.string("alertId"), input.object("properties"));
        return OK;
    },
    "GET arm/alerts": (admin, _input, query) => admin.alert(queryString(query, "scope"), queryString(query, "alertId")),
    "POST arm/alerts": (admin, input) => {
        input.only(["scope", "alertId", "isActive"]);
        admin.setAlertActive(input.string("scope"), input.string("alertId"), input.boolean("isActive"));
        return OK;
    },
    "POST arm/incidents": (admin, input) => {
        input.only(["scope", "alertId", "properties"]);
        const incidentId = admin.raiseIncident(
            input.string("scope"),
            input.string("alertId"),
            input.optionalObject("properties"),
        );
        return { incidentId };
    },
    "POST arm/definitions": (admin, input) => {
        input.only(["scope", "alertId", "isRemediatable", "isConfigurable"]);
        const isRemediatable = input.optionalBoolean("isRemediatable");
        const flags = definedFields({ isRemediatable, isConfigurable: input.optionalBoolean("isConfigurable") });
        admin.setDefinitionFlags(input.string("scope"), input.string("alertId"), flags);
        return OK;
    },
};

/** Admin routes of the Graph directory-role alerts (`/_emulator/graph/...`); alerts by full id or suffix. */
const GRAPH_ADMIN_ROUTES: Readonly<Record<string, AdminRoute>> = {
    "GET graph/configurations": (admin, _input, query) => admin.graph.configuration(queryString(query, "alertId")),
    "POST graph/configurations": (admin, input) => {
        input.only(["alertId", "properties"]);
        admin.graph.setConfiguration(input.string("alertId"), input.object("properties"));
        return OK;
    },
    "GET graph/alerts": (admin, _input, query) => admin.graph.alert(queryString(query, "alertId")),
    "POST graph/alerts": (admin, input) => {
        input.only(["alertId", "isActive"]);
        admin.graph.setAlertActive(input.string("alertId"), input.boolean("isActive"));
        return OK;
    },
    "POST graph/incidents": (admin, input) => {
        input.only(["alertId", "properties"]);
        return { incidentId: admin.graph.raiseIncident(input.string("alertId"), input.optionalObject("properties")) };
    },
    "POST graph/definitions": (admin, input) => {
        input.only(["alertId", "isRemediatable", "isConfigurable"]);
        const flags = definedFields({
            isRemediatable: input.optionalBoolean("isRemediatable"),
            isConfigurable: input.optionalBoolean("isConfigurable"),
        });
        admin.graph.setDefinitionFlags(input.string("alertId"), flags);
        return OK;
    },
};

/** Prefix reserved for the admin API and the MSI endpoint; never part of ARM or Graph. */
export const ADMIN_PREFIX = "/_emulator/";

/** What each route takes and does, listed by `GET /_emulator/` (keys as in {@link ROUTES}). */
const ROUTE_DESCRIPTIONS: Readonly<Record<string, string>> = {
    "GET health": "Answers {ok: true}.",
    "GET environment":
        "The environment variables that point @azure/identity at this emulator (and NODE_EXTRA_CA_CERTS in HTTPS mode).",
    "POST reset": "Restores seed data and start settings; clears faults, the request log and read-only principals.",
    "GET requests": "The request log (API and token requests), oldest first: {value: [...]}.",
    "DELETE requests": "Empties the request log.",
    "GET faults": "The injected faults that have not fired yet: {value: [...]}.",
    "POST faults":
        "Injects a fault. Body: {method?, pathIncludes?, status?, retryAfterSeconds?, times?, latencyMs?, body?: cloudError|html|malformedJson|emptyProperties, resetConnection?, hang?, target?: api|token|any, probability?, seed?, after?, afterHandling?}. Answers {id}.",
    "DELETE faults": "Removes every injected fault.",
    "POST latency": "Delays every API and token request. Body: {latencyMs}.",
    "POST page-size": "Items per page of every list. Body: {pageSize}.",
    "POST operations/behaviour":
        "How refresh operations behave. Body: {pollsUntilDone?, retryAfterSeconds?, runningPollStatus?: 200|202}.",
    "POST operations/fail-next": "Makes the next refresh operation (ARM or Graph) end Failed.",
    "POST principals/read-only":
        "Makes a principal read-only (its writes get 403), or writable again. Body: {principalId, readOnly?}.",
    "POST clients":
        "Registers a client id/secret for the Entra token endpoint. Body: {clientId, clientSecret, objectId?}.",
    "POST tokens":
        "Issues an access token. Body: {audience?, objectId?, appId?, lifetimeSeconds?}. Answers {access_token}.",
    "GET arm/configurations": "Stored configuration values of an ARM alert. Query: scope, alertId.",
    "POST arm/configurations":
        "Drift: sets ARM configuration values (names checked, values not). Body: {scope, alertId, properties}.",
    "GET arm/alerts": "State of an ARM alert. Query: scope, alertId.",
    "POST arm/alerts": "Drift: dismisses or re-activates an ARM alert. Body: {scope, alertId, isActive}.",
    "POST arm/incidents":
        "Raises an incident of an ARM alert. Body: {scope, alertId, properties?}. Answers {incidentId}.",
    "POST arm/definitions":
        "Changes isRemediatable/isConfigurable of an ARM definition. Body: {scope, alertId, isRemediatable?, isConfigurable?}.",
    "GET graph/configurations": "Stored configuration values of a directory alert. Query: alertId (full id or suffix).",
    "POST graph/configurations": "Drift: sets directory configuration values. Body: {alertId, properties}.",
    "GET graph/alerts": "State of a directory alert. Query: alertId.",
    "POST graph/alerts": "Drift: dismisses or re-activates a directory alert. Body: {alertId, isActive}.",
    "POST graph/incidents":
        "Raises an incident of a directory alert. Body: {alertId, properties?}. Answers {incidentId}.",
    "POST graph/definitions":
        "Changes isRemediatable/isConfigurable of a directory definition. Body: {alertId, isRemediatable?, isConfigurable?}.",
};

/** Admin routes: `"<METHOD> <path after /_emulator/>"` -> handler returning the JSON answer. */
const ROUTES: Readonly<Record<string, AdminRoute>> = {
    "GET ": () => ({
        routes: Object.entries(ROUTE_DESCRIPTIONS).map(([key, description]) => {
            const [method, route] = key.split(" ") as [string, string];
            return { method, path: `${ADMIN_PREFIX}${route}`, description };
        }),
        requests:
            "Every request needs a loopback Host (127.0.0.1, localhost or [::1]); POST and DELETE need Content-Type: application/json.",
    }),
    "GET health": () => OK,
    "GET environment": (admin) => admin.tokenEnvironment(),
    "POST reset": (admin) => (admin.reset(), OK),
    "GET requests": (admin) => ({ value: admin.requests() }),
    "DELETE requests": (admin) => (admin.clearRequests(), OK),
    "GET faults": (admin) => ({ value: admin.faults() }),
    "POST faults": (admin, input) => ({ id: admin.injectFault(faultSpecFrom(input)) }),
    "DELETE faults": (admin) => (admin.clearFaults(), OK),
    "POST latency": (admin, input) => (admin.setLatency(input.only(["latencyMs"]).number("latencyMs")), OK),
    "POST page-size": (admin, input) => (admin.setPageSize(input.only(["pageSize"]).number("pageSize")), OK),
    "POST operations/behaviour": (admin, input) => {
        input.only(["pollsUntilDone", "retryAfterSeconds", "runningPollStatus"]);
        const pollsUntilDone = input.optionalNumber("pollsUntilDone");
        const runningPollStatus = input.optionalNumber("runningPollStatus") as 200 | 202 | undefined;
        admin.setOperationBehaviour(
            definedFields({
                pollsUntilDone,
                retryAfterSeconds: input.optionalNumber("retryAfterSeconds"),
                runningPollStatus,
            }),
        );
        return OK;
    },
    "POST operations/fail-next": (admin) => (admin.failNextOperation(), OK),
    "POST principals/read-only": (admin, input) => {
        input.only(["principalId", "readOnly"]);
        admin.setReadOnly(input.string("principalId"), input.optionalBoolean("readOnly") ?? true);
        return OK;
    },
    "POST clients": (admin, input) => {
        input.only(["clientId", "clientSecret", "objectId"]);
        const objectId = definedFields({ objectId: input.optionalString("objectId") });
        admin.registerClient({
            clientId: input.string("clientId"),
            clientSecret: input.string("clientSecret"),
            ...objectId,
        });
        return OK;
    },
    "POST tokens": (admin, input) => {
        input.only(["audience", "objectId", "appId", "lifetimeSeconds"]);
        const request = definedFields({
            audience: input.optionalString("audience"),
            objectId: input.optionalString("objectId"),
            appId: input.optionalString("appId"),
            lifetimeSeconds: input.optionalNumber("lifetimeSeconds"),
        });
        return { access_token: admin.issueToken(request) };
    },
    ...ARM_ADMIN_ROUTES,
    ...GRAPH_ADMIN_ROUTES,
};

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** The 403/415 for a request a browser could have been made to send, or `undefined`. */
function refusal(call: IncomingCall): Reply | undefined {
    const host = headerValue(call, "host") ?? "";
    const hostname = host.replace(/:\d+$/, "").toLowerCase();
    if (!LOOPBACK_HOSTS.has(hostname)) {
        const message =
            `The admin API answers only requests whose Host is 127.0.0.1, localhost or [::1]; got '${host.slice(0, 100)}'. ` +
            "(A web page could otherwise reach it through a browser, by DNS rebinding.)";
        return jsonReply(403, { error: { code: "AdminHostNotAllowed", message } });
    }
    const contentType = (headerValue(call, "content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (call.method !== "GET" && call.method !== "HEAD" && contentType !== "application/json") {
        const message =
            `Admin ${call.method} requests must have Content-Type: application/json; got '${contentType.slice(0, 100) || "none"}'. ` +
            "(A web page could otherwise send one with a simple cross-site form POST.)";
        return jsonReply(415, { error: { code: "AdminContentTypeNotAllowed", message } });
    }
    return undefined;
}

/**
 * Answers an admin request (`/_emulator/...`, no authentication, JSON in and out). A Host that is not
 * loopback -> 403 `AdminHostNotAllowed`; a write without `application/json` -> 415
 * `AdminContentTypeNotAllowed`; bad input -> 400 `InvalidAdminRequest`; unknown route -> 404
 * `UnknownAdminRoute`; `GET /_emulator/` lists the routes.
 * @param admin - The admin API of this emulator.
 * @param call - The request.
 * @param path - The decoded path.
 */
export function handleAdminRequest(admin: EmulatorAdmin, call: IncomingCall, path: string): Reply {
    const refused = refusal(call);
    if (refused !== undefined) return refused;
    const key = `${call.method} ${path.slice(ADMIN_PREFIX.length).replace(/\/+$/, "")}`;
    const route = ROUTES[key];
    if (route === undefined) {
        const message = `No admin route '${key}'; GET ${ADMIN_PREFIX} lists them.`;
        return jsonReply(404, { error: { code: "UnknownAdminRoute", message } });
    }
    try {
        return jsonReply(200, route(admin, AdminInput.parse(call.bodyText), call.query) ?? OK);
    } catch (error) {
        if (!isEmulatorAdminError(error)) throw error;
        return jsonReply(400, { error: { code: "InvalidAdminRequest", message: error.message } });
    }
}
