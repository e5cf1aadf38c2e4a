/**
 * The front of the emulated ARM API: which operation a path under
 * `/{scope}/providers/Microsoft.Authorization/` addresses, and the checks real ARM makes before it
 * (authentication, api-version, scope, method, RBAC for writes).
 */
import type { IncomingCall, Reply } from "../core/http";
import { checkBearer } from "../auth/tokens";
import type { EmulatorState } from "../state";
import { ARM_API_VERSION } from "./catalog";
import { ARM_ERROR_CODES, armAuthorizationFailed, armErrorReply, armUnauthenticated } from "./errors";
import {
    getAlert,
    getConfiguration,
    getDefinition,
    getIncident,
    listAlerts,
    listConfigurations,
    listDefinitions,
    listIncidents,
} from "./readHandlers";
import { parseArmScope, type ArmScope, type ArmScopeState } from "./state";
import {
    getOperation,
    patchAlert,
    patchConfiguration,
    refreshAlert,
    refreshAllAlerts,
    remediateIncident,
} from "./writeHandlers";

/** An authenticated ARM request, resolved to its scope: what every ARM handler receives. */
export interface ArmCall {
    readonly call: IncomingCall;
    readonly scope: ArmScope;
    /** The scope's state (seeded on first touch). */
    readonly state: ArmScopeState;
    readonly emulator: EmulatorState;
    readonly now: Date;
}

/** The ARM operation a path addresses (method decides among them later). */
export type ArmTarget =
    | { readonly kind: "alerts" }
    | { readonly kind: "alert"; readonly alertId: string }
    | { readonly kind: "alertRefresh"; readonly alertId: string }
    | { readonly kind: "incidents"; readonly alertId: string }
    | { readonly kind: "incident"; readonly alertId: string; readonly incidentId: string }
    | { readonly kind: "remediate"; readonly alertId: string; readonly incidentId: string }
    | { readonly kind: "configurations" }
    | { readonly kind: "configuration"; readonly alertId: string }
    | { readonly kind: "definitions" }
    | { readonly kind: "definition"; readonly alertId: string }
    | { readonly kind: "operation"; readonly operationId: string };

/** Outcome of parsing a path under `/providers/Microsoft.Authorization/`. */
export type ArmPathParse =
    | { readonly ok: true; readonly scope: ArmScope; readonly target: ArmTarget }
    | { readonly ok: false; readonly problem: "scope"; readonly rawScope: string }
    | { readonly ok: false; readonly problem: "resourceType"; readonly resourceType: string };

const AUTHORIZATION_PROVIDER = "/providers/microsoft.authorization/";

/**
 * True when `path` addresses the Microsoft.Authorization provider (any scope).
 * @param path - The decoded request path.
 */
export function isArmAuthorizationPath(path: string): boolean {
    return path.toLowerCase().includes(AUTHORIZATION_PROVIDER);
}

function targetOf(segments: readonly string[]): ArmTarget | undefined {
    const [type = "", a, b, c, d] = segments;
    const n = segments.length;
    switch (type.toLowerCase()) {
        case "rolemanagementalerts":
            if (n === 1) return { kind: "alerts" };
            if (n === 2) return { kind: "alert", alertId: a };
            if (n === 3 && b?.toLowerCase() === "refresh") return { kind: "alertRefresh", alertId: a };
            if (b?.toLowerCase() !== "alertincidents") return undefined;
            if (n === 3) return { kind: "incidents", alertId: a };
            if (n === 4) return { kind: "incident", alertId: a, incidentId: c };
            if (n === 5 && d?.toLowerCase() === "remediate") {
                return { kind: "remediate", alertId: a, incidentId: c };
            }
            return undefined;
        case "rolemanagementalertconfigurations":
            if (n === 1) return { kind: "configurations" };
            return n === 2 ? { kind: "configuration", alertId: a } : undefined;
        case "rolemanagementalertdefinitions":
            if (n === 1) return { kind: "definitions" };
            return n === 2 ? { kind: "definition", alertId: a } : undefined;
        case "rolemanagementalertoperations":
            return n === 2 ? { kind: "operation", operationId: a } : undefined;
        default:
            return undefined;
    }
}

/**
 * Splits an ARM path into its scope and the PIM-alerts resource it addresses.
 * @param path - The decoded request path,
 *   e.g. `/subscriptions/x/providers/Microsoft.Authorization/roleManagementAlerts`.
 */
export function parseArmPath(path: string): ArmPathParse {
    const index = path.toLowerCase().lastIndexOf(AUTHORIZATION_PROVIDER);
    const rawScope = path.slice(0, index);
    const segments = path
        .slice(index + AUTHORIZATION_PROVIDER.length)
        .split("/")
        .filter((s) => s !== "");
    const target = targetOf(segments);
    if (target === undefined) return { ok: false, problem: "resourceType", resourceType: segments.join("/") };
    const scope = parseArmScope(rawScope);
    if (scope === undefined) return { ok: false, problem: "scope", rawScope };
    return { ok: true, scope, target };
}

type ResolvedTarget = ArmTarget | { readonly kind: "refreshAll" };

const ALLOWED_METHODS: Readonly<Record<ResolvedTarget["kind"], readonly string[]>> = {
    alerts: ["GET"],
    alert: ["GET", "PATCH"],
    alertRefresh: ["POST"],
    refreshAll: ["POST"],
    incidents: ["GET"],
    incident: ["GET"],
    remediate: ["POST"],
    configurations: ["GET"],
    configuration: ["GET", "PATCH"],
    definitions: ["GET"],
    definition: ["GET"],
    operation: ["GET"],
};

/** `roleManagementAlerts/refresh` parses as an alert named "refresh"; POSTed, it is Alerts_RefreshAll. */
function resolve(target: ArmTarget, method: string): ResolvedTarget {
    const isRefreshAll = target.kind === "alert" && target.alertId.toLowerCase() === "refresh" && method === "POST";
    return isRefreshAll ? { kind: "refreshAll" } : target;
}

/**
 * The RBAC action a write operation needs, or `undefined` for reads.
 * @param target - The addressed operation.
 * @param method - HTTP method.
 */
function armWriteAction(target: ResolvedTarget, method: string): string | undefined {
    if (method !== "PATCH" && method !== "POST") return undefined;
    switch (target.kind) {
        case "configuration":
            return "Microsoft.Authorization/roleManagementAlertConfigurations/write";
        case "alert":
            return "Microsoft.Authorization/roleManagementAlerts/write";
        case "alertRefresh":
        case "refreshAll":
            return "Microsoft.Authorization/roleManagementAlerts/refresh/action";
        case "remediate":
            return "Microsoft.Authorization/roleManagementAlerts/alertIncidents/remediate/action";
        default:
            return undefined;
    }
}

function dispatch(c: ArmCall, target: ResolvedTarget, method: string): Reply {
    switch (target.kind) {
        case "alerts":
            return listAlerts(c);
        case "alert":
            return method === "PATCH" ? patchAlert(c, target.alertId) : getAlert(c, target.alertId);
        case "alertRefresh":
            return refreshAlert(c, target.alertId);
        case "refreshAll":
            return refreshAllAlerts(c);
        case "incidents":
            return listIncidents(c, target.alertId);
        case "incident":
            return getIncident(c, target.alertId, target.incidentId);
        case "remediate":
            return remediateIncident(c, target.alertId, target.incidentId);
        case "configurations":
            return listConfigurations(c);
        case "configuration":
            return method === "PATCH" ? patchConfiguration(c, target.alertId) : getConfiguration(c, target.alertId);
        case "definitions":
            return listDefinitions(c);
        case "definition":
            return getDefinition(c, target.alertId);
        case "operation":
            return getOperation(c, target.operationId);
    }
}

function apiVersionProblem(call: IncomingCall): Reply | undefined {
    const version = call.query.get("api-version");
    if (version === null || version === "") {
        const message = "The api-version query parameter (?api-version=) is required for all requests.";
        return armErrorReply(400, ARM_ERROR_CODES.missingApiVersion, message);
    }
    if (version !== ARM_API_VERSION) {
        const message = `The api-version '${version}' is invalid. The supported versions are '${ARM_API_VERSION}'.`;
        return armErrorReply(400, ARM_ERROR_CODES.invalidApiVersion, message);
    }
    return undefined;
}

function pathProblem(parsed: Extract<ArmPathParse, { ok: false }>): Reply {
    if (parsed.problem === "scope") {
        const message = `The scope '${parsed.rawScope}' is not a valid ARM scope (subscription, resource group, resource or management group).`;
        return armErrorReply(400, ARM_ERROR_CODES.invalidScope, message);
    }
    const message =
        `The resource type '${parsed.resourceType}' could not be found in the namespace 'Microsoft.Authorization' ` +
        `for api version '${ARM_API_VERSION}'.`;
    return armErrorReply(404, ARM_ERROR_CODES.invalidResourceType, message);
}

/** An ARM answer and the audience of the token that was presented (for the request log). */
export interface ArmOutcome {
    readonly reply: Reply;
    readonly audience?: string;
}

/**
 * Handles a request under `/{scope}/providers/Microsoft.Authorization/`: authentication (401),
 * api-version (400), path and scope (404/400), method (405), RBAC for writes (403), then the operation.
 * @param emulator - The emulator's state.
 * @param call - The request.
 * @param path - The decoded path.
 */
export function handleArmRequest(emulator: EmulatorState, call: IncomingCall, path: string): ArmOutcome {
    const auth = checkBearer(call, "arm");
    if (!auth.ok) {
        const authority = `${emulator.baseUrl}/${emulator.settings.tenantId}`;
        const outcome = { reply: armUnauthenticated(auth.failure, auth.audience, authority) };
        return auth.audience === undefined ? outcome : { ...outcome, audience: auth.audience };
    }
    const audience = auth.claims.aud;
    const versionProblem = apiVersionProblem(call);
    if (versionProblem !== undefined) return { reply: versionProblem, audience };
    const parsed = parseArmPath(path);
    if (!parsed.ok) return { reply: pathProblem(parsed), audience };
    const target = resolve(parsed.target, call.method);
    if (!ALLOWED_METHODS[target.kind].includes(call.method)) {
        const message = `The requested resource does not support http method '${call.method}'.`;
        return { reply: armErrorReply(405, ARM_ERROR_CODES.methodNotAllowed, message), audience };
    }
    const action = armWriteAction(target, call.method);
    if (action !== undefined && emulator.readOnly.isReadOnly(auth.claims.oid, auth.claims.appid)) {
        return { reply: armAuthorizationFailed(auth.claims.oid, action, parsed.scope.requested), audience };
    }
    const state = emulator.armScopes.stateFor(parsed.scope);
    const c: ArmCall = { call, scope: parsed.scope, state, emulator, now: new Date() };
    return { reply: dispatch(c, target, call.method), audience };
}
