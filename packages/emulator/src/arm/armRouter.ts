import { checkBearer } from "../auth/bearer";
import type { IncomingCall } from "../core/incomingCall";
import type { Reply } from "../core/reply";
import type { EmulatorState } from "../state";
import { armAuthorizationFailed, armUnauthenticated, armWriteAction } from "./armAuth";
import { ARM_API_VERSION, type ArmCall } from "./armCall";
import { ARM_ERROR_CODES, armErrorReply } from "./armErrors";
import { parseArmPath, type ArmPathParse, type ArmTarget } from "./armPath";
import {
    getAlert,
    getConfiguration,
    getDefinition,
    getIncident,
    listAlerts,
    listConfigurations,
    listDefinitions,
    listIncidents,
} from "./handlers/readHandlers";
import { getOperation, refreshAlert, refreshAllAlerts } from "./handlers/refreshHandlers";
import { patchAlert, patchConfiguration, remediateIncident } from "./handlers/writeHandlers";

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
        `The resource type '${parsed.resourceType}' could not be found in the namespace 'Microsoft.Authorization' ` + `for api version '${ARM_API_VERSION}'.`;
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
