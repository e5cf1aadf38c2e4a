import type { IncomingCall } from "../core/incomingCall";
import { jsonReply } from "../core/reply";
import type { EmulatorState } from "../state";
import { audienceFamily, normalizeAudience } from "./audiences";
import { RegisteredClients } from "./registeredClients";
import { oauthError, type TokenOutcome } from "./tokenOutcome";
import { issueToken, nowInSeconds } from "./tokens";

const OPENID_CONFIGURATION = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/i;
const TOKEN_ENDPOINT = /^\/([^/]+)\/oauth2\/v2\.0\/token$/i;
const INSTANCE_DISCOVERY = /^\/common\/discovery\/instance$/i;

/**
 * True when `path` is one of the Entra (login.microsoftonline.com-like) endpoints served here.
 * @param path - The decoded request path.
 */
export function isEntraPath(path: string): boolean {
    return OPENID_CONFIGURATION.test(path) || TOKEN_ENDPOINT.test(path) || INSTANCE_DISCOVERY.test(path);
}

function knownTenant(emulator: EmulatorState, tenant: string): boolean {
    return ["organizations", "common", emulator.settings.tenantId.toLowerCase()].includes(tenant.toLowerCase());
}

function openIdConfiguration(emulator: EmulatorState, tenant: string): TokenOutcome {
    const base = `${emulator.baseUrl}/${tenant}`;
    return {
        reply: jsonReply(200, {
            token_endpoint: `${base}/oauth2/v2.0/token`,
            authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
            device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
            end_session_endpoint: `${base}/oauth2/v2.0/logout`,
            jwks_uri: `${base}/discovery/v2.0/keys`,
            issuer: `${emulator.baseUrl}/${emulator.settings.tenantId}/v2.0`,
            token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
            response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
            scopes_supported: ["openid", "profile", "email", "offline_access"],
            tenant_region_scope: "WW",
            cloud_instance_name: "emulator.local",
        }),
    };
}

function clientCredentialsToken(emulator: EmulatorState, call: IncomingCall): TokenOutcome {
    const form = new URLSearchParams(call.bodyText);
    const tenantId = emulator.settings.tenantId;
    if (form.get("grant_type") !== "client_credentials") {
        const description = "AADSTS70003: The emulator supports only grant_type=client_credentials.";
        return oauthError(400, "unsupported_grant_type", description, 70003);
    }
    const clientId = form.get("client_id") ?? "";
    const client = emulator.clients.find(clientId);
    if (client === undefined) {
        const description = `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${tenantId}'.`;
        return oauthError(400, "unauthorized_client", description, 700016);
    }
    if (form.get("client_secret") !== client.clientSecret) {
        const description =
            "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client " +
            `secret value, not the client secret ID, for a secret added to app '${clientId}'.`;
        return oauthError(401, "invalid_client", description, 7000215);
    }
    const scope = (form.get("scope") ?? "").split(" ").find((s) => s.endsWith("/.default")) ?? "";
    if (audienceFamily(scope) === undefined) {
        const description = `AADSTS500011: The resource principal named ${scope} was not found in the tenant named ${tenantId}.`;
        return oauthError(400, "invalid_resource", description, 500011);
    }
    const audience = normalizeAudience(scope);
    const lifetimeSeconds = emulator.settings.tokenLifetimeSeconds;
    const objectId = RegisteredClients.objectIdOf(client);
    const { token } = issueToken({ audience, tenantId, objectId, appId: client.clientId, lifetimeSeconds }, nowInSeconds());
    const body = { token_type: "Bearer", expires_in: lifetimeSeconds, ext_expires_in: lifetimeSeconds, access_token: token };
    return { reply: jsonReply(200, body), audience };
}

function instanceDiscovery(emulator: EmulatorState): TokenOutcome {
    const host = new URL(emulator.baseUrl).host;
    return {
        reply: jsonReply(200, {
            tenant_discovery_endpoint: `${emulator.baseUrl}/${emulator.settings.tenantId}/v2.0/.well-known/openid-configuration`,
            "api-version": "1.1",
            metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
        }),
    };
}

/**
 * Entra ID endpoints for `ClientSecretCredential`-style clients: OpenID discovery, instance
 * discovery and the v2.0 token endpoint (client_credentials with a registered client id/secret).
 * @param emulator - The emulator's state.
 * @param call - The request.
 * @param path - The decoded path (already matched by {@link isEntraPath}).
 */
export function handleEntraRequest(emulator: EmulatorState, call: IncomingCall, path: string): TokenOutcome {
    if (INSTANCE_DISCOVERY.test(path)) return instanceDiscovery(emulator);
    const tenant = (OPENID_CONFIGURATION.exec(path) ?? TOKEN_ENDPOINT.exec(path))?.[1] ?? "";
    if (!knownTenant(emulator, tenant)) {
        return oauthError(400, "invalid_tenant", `AADSTS90002: Tenant '${tenant}' not found.`, 90002);
    }
    if (OPENID_CONFIGURATION.test(path)) return openIdConfiguration(emulator, tenant);
    if (call.method !== "POST") return oauthError(405, "invalid_request", "The token endpoint only supports POST.");
    return clientCredentialsToken(emulator, call);
}
