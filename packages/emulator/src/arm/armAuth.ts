import { ARM_AUDIENCE_LIST } from "../auth/audiences";
import type { BearerFailure } from "../auth/bearer";
import type { Reply } from "../core/reply";
import { ARM_ERROR_CODES, armErrorReply } from "./armErrors";
import type { ArmTarget } from "./armPath";

const ALLOWED_AUDIENCES = ARM_AUDIENCE_LIST.slice(0, 2)
    .flatMap((aud) => [`'${aud}/'`, `'${aud}'`])
    .join(",");

/** Code, message and challenge description of each authentication failure (real ARM wording). */
const FAILURES: Readonly<Record<BearerFailure, { code: string; message: (audience: string) => string; challenge: string }>> = {
    missing: {
        code: ARM_ERROR_CODES.authenticationFailed,
        message: () => "Authentication failed. The 'Authorization' header is missing.",
        challenge: "The authentication failed because of missing 'Authorization' header.",
    },
    "malformed-header": {
        code: ARM_ERROR_CODES.authenticationFailed,
        message: () => "Authentication failed. The 'Authorization' header is provided in an invalid format.",
        challenge: "The 'Authorization' header is provided in an invalid format.",
    },
    expired: {
        code: ARM_ERROR_CODES.invalidToken,
        message: () => "The access token expired.",
        challenge: "The access token expired.",
    },
    invalid: {
        code: ARM_ERROR_CODES.invalidToken,
        message: () => "The access token is invalid.",
        challenge: "The access token is invalid.",
    },
    "wrong-audience": {
        code: ARM_ERROR_CODES.wrongAudience,
        message: (audience) =>
            `The access token has been obtained for wrong audience or resource '${audience}'. ` +
            `It should exactly match with one of the allowed audiences ${ALLOWED_AUDIENCES}.`,
        challenge: "The access token has been obtained for wrong audience or resource.",
    },
};

/**
 * The 401 ARM answers for an unauthenticated request, with its `WWW-Authenticate` challenge.
 * @param failure - Why authentication failed.
 * @param audience - The token's audience, for `wrong-audience`.
 * @param authorizationUri - Authority of the challenge (the emulator's tenant URL).
 */
export function armUnauthenticated(failure: BearerFailure, audience: string | undefined, authorizationUri: string): Reply {
    const { code, message, challenge } = FAILURES[failure];
    return armErrorReply(401, code, message(audience ?? ""), {
        "www-authenticate": `Bearer authorization_uri="${authorizationUri}", error="invalid_token", error_description="${challenge}"`,
    });
}

/**
 * The RBAC action a write operation needs, or `undefined` for reads.
 * @param target - The addressed operation.
 * @param method - HTTP method.
 */
export function armWriteAction(target: ArmTarget | { readonly kind: "refreshAll" }, method: string): string | undefined {
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

/**
 * The 403 real ARM sends when RBAC denies an action.
 * @param objectId - The caller's object id.
 * @param action - The denied action.
 * @param scope - The scope, as requested (no leading slash).
 */
export function armAuthorizationFailed(objectId: string, action: string, scope: string): Reply {
    return armErrorReply(
        403,
        ARM_ERROR_CODES.authorizationFailed,
        `The client '${objectId}' with object id '${objectId}' does not have authorization to perform action ` +
            `'${action}' over scope '/${scope}' or the scope is invalid. ` +
            "If access was recently granted, please refresh your credentials.",
    );
}
