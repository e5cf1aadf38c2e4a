import { handleArmRequest } from "../arm/armRouter";
import { armErrorReply } from "../arm/armErrors";
import { handleEntraRequest } from "../auth/entraEndpoints";
import { handleMsiToken } from "../auth/msiEndpoint";
import { oauthError } from "../auth/tokenOutcome";
import type { IncomingCall } from "../core/incomingCall";
import type { RequestIds } from "../core/requestIds";
import type { Reply } from "../core/reply";
import type { ErrorReplyBuilder } from "../faults/faultReplies";
import { graphErrorReply } from "../graph/errors";
import { handleGraphRequest } from "../graph/router";
import type { EmulatorState } from "../state";
import type { Surface } from "./surface";

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
export function routeApiRequest(emulator: EmulatorState, surface: Surface, call: IncomingCall, path: string, ids: RequestIds): RouteOutcome {
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
