import type { IncomingCall } from "../core/incomingCall";
import { jsonReply, type Reply } from "../core/reply";
import { isEmulatorAdminError } from "./adminError";
import { AdminInput, definedFields } from "./adminInput";
import { OK, type AdminRoute } from "./adminRoute";
import { ARM_ADMIN_ROUTES } from "./armAdminRoutes";
import type { EmulatorAdmin } from "./emulatorAdmin";
import { GRAPH_ADMIN_ROUTES } from "./graphAdminRoutes";
import { faultSpecFrom } from "./faultSpecInput";

/** Prefix reserved for the admin API and the MSI endpoint; never part of ARM or Graph. */
export const ADMIN_PREFIX = "/_emulator/";

/** Admin routes: `"<METHOD> <path after /_emulator/>"` -> handler returning the JSON answer. */
const ROUTES: Readonly<Record<string, AdminRoute>> = {
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
        admin.setOperationBehaviour(definedFields({ pollsUntilDone, retryAfterSeconds: input.optionalNumber("retryAfterSeconds"), runningPollStatus }));
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
        admin.registerClient({ clientId: input.string("clientId"), clientSecret: input.string("clientSecret"), ...objectId });
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

/**
 * Answers an admin request (`/_emulator/...`, no authentication, JSON in and out).
 * Bad input -> 400 `InvalidAdminRequest`; unknown route -> 404 `UnknownAdminRoute`.
 * @param admin - The admin API of this emulator.
 * @param call - The request.
 * @param path - The decoded path.
 */
export function handleAdminRequest(admin: EmulatorAdmin, call: IncomingCall, path: string): Reply {
    const key = `${call.method} ${path.slice(ADMIN_PREFIX.length).replace(/\/+$/, "")}`;
    const route = ROUTES[key];
    if (route === undefined) {
        return jsonReply(404, { error: { code: "UnknownAdminRoute", message: `No admin route '${key}'.` } });
    }
    try {
        return jsonReply(200, route(admin, AdminInput.parse(call.bodyText), call.query) ?? OK);
    } catch (error) {
        if (!isEmulatorAdminError(error)) throw error;
        return jsonReply(400, { error: { code: "InvalidAdminRequest", message: error.message } });
    }
}
