/**
 * The front door of every request: admin calls go straight to the admin API; API and token calls get
 * the global latency, then a matching fault or the API, and are written to the request log.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { handleAdminRequest } from "../admin/adminHttp";
import type { EmulatorAdmin } from "../admin/adminApi";
import {
    readIncomingCall,
    requestIdHeaders,
    requestIdsFor,
    writeReply,
    type IncomingCall,
    type RequestIds,
} from "../core/http";
import { emptyProperties, faultReply } from "../faults/faultReplies";
import type { ActiveFault } from "../faults/faultRules";
import { redactedQuery, type RequestApi } from "../log/requestLog";
import type { EmulatorState } from "../state";
import {
    apiOf,
    decodedPath,
    errorBuilderFor,
    routeApiRequest,
    surfaceOf,
    type RouteOutcome,
    type Surface,
} from "./route";

/**
 * Resolves after `ms` milliseconds (immediately when `ms` is 0 or less).
 * @param ms - Delay in milliseconds.
 */
function delay(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => setTimeout(resolve, ms));
}

function safeRoute(
    emulator: EmulatorState,
    surface: Surface,
    call: IncomingCall,
    path: string,
    ids: RequestIds,
): RouteOutcome {
    try {
        return routeApiRequest(emulator, surface, call, path, ids);
    } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { reply: errorBuilderFor(surface, ids)(500, "InternalServerError", `Emulator error: ${message}`) };
    }
}

/** What to do with a request a fault matched, decided before the API runs. */
type FaultAction = "hang" | "reset" | "reply" | "transform";

function faultAction(fault: ActiveFault): FaultAction {
    if (fault.hang === true) return "hang";
    if (fault.resetConnection === true) return "reset";
    return fault.body === "emptyProperties" ? "transform" : "reply";
}

/**
 * Serves one HTTP request: admin calls go straight to the admin API; API and token calls get the
 * global latency, then a matching fault (if any) or the API, and are written to the request log.
 * @param emulator - The emulator's state.
 * @param admin - Its admin API.
 * @param req - The Node request.
 * @param res - The Node response.
 */
export async function handleRequest(
    emulator: EmulatorState,
    admin: EmulatorAdmin,
    req: IncomingMessage,
    res: ServerResponse,
): Promise<void> {
    const timestamp = new Date().toISOString();
    const call = await readIncomingCall(req);
    const ids = requestIdsFor(call);
    const baseHeaders = requestIdHeaders(ids, call);
    const path = decodedPath(call.path);
    const surface = surfaceOf(path);
    if (surface === "admin") {
        writeReply(res, handleAdminRequest(admin, call, path), baseHeaders);
        return;
    }
    const api: RequestApi = apiOf(surface);
    const record = (status: number, audience: string | undefined, fault: ActiveFault | undefined): void => {
        emulator.log.record({
            timestamp,
            method: call.method,
            path,
            query: redactedQuery(call.query),
            status,
            api,
            ...(audience === undefined ? {} : { audience }),
            ...(fault === undefined ? {} : { faultId: fault.id }),
        });
    };
    await delay(emulator.settings.latencyMs);
    const fault = emulator.faults.take(call, api);
    const action = fault === undefined ? undefined : faultAction(fault);
    // `afterHandling`: the API acts first (a write is applied), then the fault answers instead.
    const handled = fault?.afterHandling === true ? safeRoute(emulator, surface, call, path, ids) : undefined;
    if (fault !== undefined) await delay(fault.latencyMs ?? 0);
    if (fault !== undefined && (action === "hang" || action === "reset")) {
        record(0, undefined, fault);
        if (action === "reset") req.socket.destroy();
        return;
    }
    if (fault !== undefined && action === "reply") {
        const reply = faultReply(fault, errorBuilderFor(surface, ids));
        record(reply.status, undefined, fault);
        writeReply(res, reply, baseHeaders);
        return;
    }
    const outcome = handled ?? safeRoute(emulator, surface, call, path, ids);
    const reply = fault === undefined ? outcome.reply : emptyProperties(outcome.reply, fault);
    record(reply.status, outcome.audience, fault);
    writeReply(res, reply, baseHeaders);
}
