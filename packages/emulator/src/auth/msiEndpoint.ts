import { headerValue, type IncomingCall } from "../core/incomingCall";
import { jsonReply } from "../core/reply";
import type { EmulatorState } from "../state";
import { audienceFamily, normalizeAudience } from "./audiences";
import { derivedObjectId, MANAGED_IDENTITY_CLIENT_ID, MANAGED_IDENTITY_OBJECT_ID } from "./principals";
import { oauthError, type TokenOutcome } from "./tokenOutcome";
import { issueToken, nowInSeconds } from "./tokens";

/** Path of the managed-identity endpoint (the value of `IDENTITY_ENDPOINT` after the base URL). */
export const MSI_TOKEN_PATH = "/_emulator/msi/token";

function principalOf(query: URLSearchParams): { objectId: string; appId: string } {
    const clientId = query.get("client_id");
    if (clientId !== null) return { appId: clientId, objectId: derivedObjectId(`mi:${clientId}`) };
    const objectId = query.get("object_id") ?? query.get("principal_id");
    if (objectId !== null) return { objectId, appId: derivedObjectId(`mi-app:${objectId}`) };
    const resourceId = query.get("mi_res_id") ?? query.get("msi_res_id");
    if (resourceId !== null) return { objectId: derivedObjectId(`mi:${resourceId}`), appId: derivedObjectId(`mi-app:${resourceId}`) };
    return { objectId: MANAGED_IDENTITY_OBJECT_ID, appId: MANAGED_IDENTITY_CLIENT_ID };
}

/**
 * The App Service managed-identity protocol (api-version 2019-08-01) that @azure/identity's
 * `ManagedIdentityCredential` speaks when `IDENTITY_ENDPOINT` and `IDENTITY_HEADER` are set:
 * `GET ?resource=<audience>&api-version=2019-08-01` with header `X-IDENTITY-HEADER`, answered with
 * `{access_token, expires_on, resource, token_type, client_id}`. User-assigned identities
 * (`client_id`, `object_id`/`principal_id`, `mi_res_id`) get stable derived ids.
 * @param emulator - The emulator's state.
 * @param call - The request.
 */
export function handleMsiToken(emulator: EmulatorState, call: IncomingCall): TokenOutcome {
    if (call.method !== "GET") return oauthError(405, "invalid_request", "The managed identity endpoint only supports GET.");
    if (headerValue(call, "x-identity-header") !== emulator.identityHeader) {
        return oauthError(401, "unauthorized_client", "The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER.");
    }
    const resource = call.query.get("resource");
    if (resource === null || audienceFamily(resource) === undefined) {
        return oauthError(
            400,
            "invalid_resource",
            `AADSTS500011: The resource principal named ${resource ?? "(none)"} was not found in the tenant named ${emulator.settings.tenantId}.`,
            500011,
        );
    }
    const audience = normalizeAudience(resource);
    const principal = principalOf(call.query);
    const { token, claims } = issueToken(
        { audience, tenantId: emulator.settings.tenantId, lifetimeSeconds: emulator.settings.tokenLifetimeSeconds, ...principal },
        nowInSeconds(),
    );
    const reply = jsonReply(200, {
        access_token: token,
        expires_on: String(claims.exp),
        resource,
        token_type: "Bearer",
        client_id: principal.appId,
    });
    return { reply, audience };
}
