import { jsonReply, type Reply } from "../core/reply";

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

/** One of {@link ARM_ERROR_CODES}, or a fault's code. */
export type ArmErrorCode = (typeof ARM_ERROR_CODES)[keyof typeof ARM_ERROR_CODES] | string;

/**
 * A CloudError reply.
 * @param status - HTTP status code.
 * @param code - Error code.
 * @param message - Human-readable message.
 * @param headers - Extra headers (e.g. `WWW-Authenticate`, `Retry-After`).
 */
export function armErrorReply(status: number, code: ArmErrorCode, message: string, headers?: Readonly<Record<string, string>>): Reply {
    return jsonReply(status, { error: { code, message } }, headers);
}
