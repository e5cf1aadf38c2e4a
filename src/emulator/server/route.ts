import { handleArmRequest } from "../arm/armRouter";
import { armErrorReply } from "../arm/armErrors";
import { handleEntraRequest } from "../auth/entraEndpoints";
import { handleMsiToken } from "../auth/msiEndpoint";
import { oauthError } from "../auth/tokenOutcome";
import type { IncomingCall } from "../core/incomingCall";
import type { Reply } from "../core/reply";
import type { ErrorReplyBuilder } from "../faults/faultReplies";
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
 */
export function routeApiRequest(emulator: EmulatorState, surface: Surface, call: IncomingCall, path: string): RouteOutcome {
  switch (surface) {
    case "msi":
      return handleMsiToken(emulator, call);
    case "entra":
      return handleEntraRequest(emulator, call, path);
    case "arm":
      return handleArmRequest(emulator, call, path);
    default:
      return { reply: armErrorReply(404, "NotFound", `The emulator serves no API at ${call.method} ${path}.`) };
  }
}

/**
 * The error-body builder of a surface, used by faults and by the internal-error fallback.
 * @param surface - Where the path belongs.
 */
export function errorBuilderFor(surface: Surface): ErrorReplyBuilder {
  switch (surface) {
    case "msi":
    case "entra":
      return (status, code, message) => oauthError(status, code, message).reply;
    default:
      return (status, code, message) => armErrorReply(status, code, message);
  }
}
