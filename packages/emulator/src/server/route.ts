/**
 * Which part of the emulator serves a path (admin, the token endpoints, ARM, Graph), sending the
 * request there, and the error shape of each part (for faults and internal errors).
 */
import { ADMIN_PREFIX } from "../admin/adminHttp";
import { armErrorReply } from "../arm/errors";
import { handleArmRequest, isArmAuthorizationPath } from "../arm/router";
import { handleEntraRequest, handleMsiToken, isEntraPath, MSI_TOKEN_PATH, oauthError } from "../auth/tokenEndpoints";
import type { IncomingCall, Reply, RequestIds } from "../core/http";
import type { ErrorReplyBuilder } from "../faults/faultReplies";
import { graphErrorReply } from "../graph/errors";
import { handleGraphRequest } from "../graph/router";
import type { RequestApi } from "../log/requestLog";
import type { EmulatorState } from "../state";

/** The part of the emulator a path belongs to. */
export type Surface = "admin" | "msi" | "entra" | "arm" | "graph" | "unknown";

/** Graph paths start with a version: `/beta/` serves the PIM alerts; `/v1.0/` has none (400, as Graph). */
const GRAPH_PREFIXES = ["/beta/", "/v1.0/"];

/**
 * Which part of the emulator serves `path`.
 * @param path - The decoded request path.
 */
export function surfaceOf(path: string): Surface {
    const lower = path.toLowerCase();
    if (lower === MSI_TOKEN_PATH) return "msi";
    if (lower.startsWith(ADMIN_PREFIX)) return "admin";
    if (GRAPH_PREFIXES.some((prefix) => lower.startsWith(prefix))) return "graph";
    if (isArmAuthorizationPath(lower)) return "arm";
    if (isEntraPath(path)) return "entra";
    return "unknown";
}

/**
 * The request-log / fault category of a surface.
 * @param surface - A non-admin surface.
 */
export function apiOf(surface: Surface): RequestApi {
    switch (surface) {
        case "msi":
        case "entra":
            return "token";
        case "arm":
        case "graph":
            return surface;
        default:
            return "unknown";
    }
}

/**
 * The path with percent-escapes decoded (left as-is when it is not valid UTF-8 escaping).
 * @param rawPath - The path as received.
 */
export function decodedPath(rawPath: string): string {
    try {
        return decodeURIComponent(rawPath);
    } catch {
        return rawPath;
    }
}

/** A reply and, for the log, the audience of the token presented or issued. */
export interface RouteOutcome {
    readonly reply: Reply;
    readonly audience?: string;
}

/**
 * Sends a non-admin request to the part of the emulator that serves it.
 * @param emulator - The emulator's state.
 * @param surface - Where the path belongs.
 * @param call - The request.
 * @param path - The decoded path.
 * @param ids - The request's ids (Graph echoes them in error bodies).
 */
export function routeApiRequest(
    emulator: EmulatorState,
    surface: Surface,
    call: IncomingCall,
    path: string,
    ids: RequestIds,
): RouteOutcome {
    switch (surface) {
        case "msi":
            return handleMsiToken(emulator, call);
        case "entra":
            return handleEntraRequest(emulator, call, path);
        case "arm":
            return handleArmRequest(emulator, call, path);
        case "graph":
            return handleGraphRequest(emulator, call, path, ids);
        default:
            return { reply: armErrorReply(404, "NotFound", `The emulator serves no API at ${call.method} ${path}.`) };
    }
}

/**
 * The error-body builder of a surface, used by faults and by the internal-error fallback.
 * @param surface - Where the path belongs.
 * @param ids - The request's ids.
 */
export function errorBuilderFor(surface: Surface, ids: RequestIds): ErrorReplyBuilder {
    switch (surface) {
        case "graph":
            return (status, code, message) => graphErrorReply(ids, status, code, message);
        case "msi":
        case "entra":
            return (status, code, message) => oauthError(status, code, message).reply;
        default:
            return (status, code, message) => armErrorReply(status, code, message);
    }
}
