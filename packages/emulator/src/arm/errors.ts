/**
 * The errors of the emulated ARM API: its codes, the CloudError reply, and the 401, 403 and 404
 * answers in real ARM's wording.
 */
import { jsonReply, type Reply } from "../core/http";
import { ARM_AUDIENCE_LIST, type BearerFailure } from "../auth/tokens";
import type { ArmScope } from "./state";

/**
 * Error codes of the emulated ARM API. The spec defines only the CloudError shape
 * (`{"error":{"code","message"}}`), never the codes, so these are choices:
 * - the front-door codes (api-version, authentication, authorization) are the ones real ARM uses;
 * - `InvalidRequestContent` covers every PATCH body problem (malformed JSON, unknown, read-only or
 *   mistyped property, wrong discriminator, out-of-range threshold); the message names the property;
 * - the `*NotFound` codes name the missing resource kind (real service codes are unknown).
 */
export const ARM_ERROR_CODES = {
    missingApiVersion: "MissingApiVersionParameter",
    invalidApiVersion: "InvalidApiVersionParameter",
    authenticationFailed: "AuthenticationFailed",
    invalidToken: "InvalidAuthenticationToken",
    wrongAudience: "InvalidAuthenticationTokenAudience",
    authorizationFailed: "AuthorizationFailed",
    invalidRequestContent: "InvalidRequestContent",
    invalidScope: "InvalidScope",
    invalidResourceType: "InvalidResourceType",
    methodNotAllowed: "MethodNotAllowed",
    invalidSkipToken: "InvalidSkipToken",
    alertNotFound: "AlertNotFound",
    configurationNotFound: "AlertConfigurationNotFound",
    definitionNotFound: "AlertDefinitionNotFound",
    incidentNotFound: "AlertIncidentNotFound",
    operationNotFound: "AlertOperationNotFound",
    notRemediatable: "AlertIncidentNotRemediatable",
} as const;

/**
 * A CloudError reply.
 * @param status - HTTP status code.
 * @param code - Error code: one of {@link ARM_ERROR_CODES}, or a fault's code.
 * @param message - Human-readable message.
 * @param headers - Extra headers (e.g. `WWW-Authenticate`, `Retry-After`).
 */
export function armErrorReply(
    status: number,
    code: string,
    message: string,
    headers?: Readonly<Record<string, string>>,
): Reply {
    return jsonReply(status, { error: { code, message } }, headers);
}

/** Which kind of resource was not found, with its ARM type name for the message. */
const NOT_FOUND = {
    alert: { code: ARM_ERROR_CODES.alertNotFound, type: "roleManagementAlerts" },
    configuration: { code: ARM_ERROR_CODES.configurationNotFound, type: "roleManagementAlertConfigurations" },
    definition: { code: ARM_ERROR_CODES.definitionNotFound, type: "roleManagementAlertDefinitions" },
    incident: { code: ARM_ERROR_CODES.incidentNotFound, type: "roleManagementAlerts/alertIncidents" },
    operation: { code: ARM_ERROR_CODES.operationNotFound, type: "roleManagementAlertOperations" },
} as const;

/**
 * A 404 CloudError in the style of ARM's "resource not found" messages.
 * @param scope - The scope of the request.
 * @param kind - The missing resource's kind.
 * @param name - The name that was asked for.
 */
export function armNotFound(scope: ArmScope, kind: keyof typeof NOT_FOUND, name: string): Reply {
    const { code, type } = NOT_FOUND[kind];
    return armErrorReply(
        404,
        code,
        `The resource 'Microsoft.Authorization/${type}/${name}' under scope '${scope.requested}' was not found.`,
    );
}

const ALLOWED_AUDIENCES = ARM_AUDIENCE_LIST.slice(0, 2)
    .flatMap((aud) => [`'${aud}/'`, `'${aud}'`])
    .join(",");

/** Code, message and challenge description of each authentication failure (real ARM wording). */
const FAILURES: Readonly<
    Record<BearerFailure, { code: string; message: (audience: string) => string; challenge: string }>
> = {
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
export function armUnauthenticated(
    failure: BearerFailure,
    audience: string | undefined,
    authorizationUri: string,
): Reply {
    const { code, message, challenge } = FAILURES[failure];
    return armErrorReply(401, code, message(audience ?? ""), {
        "www-authenticate": `Bearer authorization_uri="${authorizationUri}", error="invalid_token", error_description="${challenge}"`,
    });
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
