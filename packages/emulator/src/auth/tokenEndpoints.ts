/**
 * The token endpoints: Entra ID's (OpenID and instance discovery, the v2.0 token endpoint for
 * registered clients) and the App Service managed-identity endpoint, with the environment that
 * points @azure/identity at them.
 */
import { randomUUID } from "node:crypto";
import { headerValue, jsonReply, type IncomingCall, type Reply } from "../core/http";
import type { EmulatorState } from "../state";
import {
    derivedObjectId,
    MANAGED_IDENTITY_CLIENT_ID,
    MANAGED_IDENTITY_OBJECT_ID,
    RegisteredClients,
} from "./principals";
import { audienceFamily, issueToken, normalizeAudience, nowInSeconds } from "./tokens";

/** Path of the managed-identity endpoint (the value of `IDENTITY_ENDPOINT` after the base URL). */
export const MSI_TOKEN_PATH = "/_emulator/msi/token";

/** A token-endpoint answer and the audience of the token issued (for the request log). */
export interface TokenOutcome {
    readonly reply: Reply;
    readonly audience?: string;
}

/**
 * An OAuth 2.0 error body in Entra's shape (`error`, `error_description` with the AADSTS code, ids).
 * @param status - HTTP status code.
 * @param error - OAuth error code (`invalid_client`, `invalid_resource`, ...).
 * @param description - Human-readable description, AADSTS-prefixed where Entra does so.
 * @param aadstsCode - Numeric AADSTS code, listed in `error_codes`.
 */
export function oauthError(status: number, error: string, description: string, aadstsCode?: number): TokenOutcome {
    return {
        reply: jsonReply(status, {
            error,
            error_description: description,
            error_codes: aadstsCode === undefined ? [] : [aadstsCode],
            timestamp: new Date()
                .toISOString()
                .replace("T", " ")
                .replace(/\.\d+Z$/, "Z"),
            trace_id: randomUUID(),
            correlation_id: randomUUID(),
        }),
    };
}

/**
 * Environment variables that make @azure/identity (v4) get tokens from the emulator:
 * - `IDENTITY_ENDPOINT` / `IDENTITY_HEADER`: the App Service managed-identity source of MSAL,
 *   which `ManagedIdentityCredential` (and `DefaultAzureCredential`) pick up;
 * - `AZURE_TOKEN_CREDENTIALS=ManagedIdentityCredential`: `DefaultAzureCredential` then builds only
 *   the managed-identity credential, so it never falls through to Azure CLI, VS Code or IMDS;
 * - in HTTPS mode, `NODE_EXTRA_CA_CERTS`: the self-signed certificate, which Node reads when a
 *   process starts (so it applies to child processes, e.g. Pulumi's provider host, not this one).
 * @param emulator - The emulator's state.
 */
export function tokenEnvironment(emulator: EmulatorState): Record<string, string> {
    return {
        IDENTITY_ENDPOINT: `${emulator.baseUrl}${MSI_TOKEN_PATH}`,
        IDENTITY_HEADER: emulator.identityHeader,
        AZURE_TOKEN_CREDENTIALS: "ManagedIdentityCredential",
        ...(emulator.caCertFile === undefined ? {} : { NODE_EXTRA_CA_CERTS: emulator.caCertFile }),
    };
}

// ---------------------------------------------------------------------------------------------
// The managed-identity endpoint.

function principalOf(query: URLSearchParams): { objectId: string; appId: string } {
    const clientId = query.get("client_id");
    if (clientId !== null) return { appId: clientId, objectId: derivedObjectId(`mi:${clientId}`) };
    const objectId = query.get("object_id") ?? query.get("principal_id");
    if (objectId !== null) return { objectId, appId: derivedObjectId(`mi-app:${objectId}`) };
    const resourceId = query.get("mi_res_id") ?? query.get("msi_res_id");
    if (resourceId !== null)
        return { objectId: derivedObjectId(`mi:${resourceId}`), appId: derivedObjectId(`mi-app:${resourceId}`) };
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
    if (call.method !== "GET")
        return oauthError(405, "invalid_request", "The managed identity endpoint only supports GET.");
    if (headerValue(call, "x-identity-header") !== emulator.identityHeader) {
        return oauthError(
            401,
            "unauthorized_client",
            "The X-IDENTITY-HEADER header is missing or does not match IDENTITY_HEADER.",
        );
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
        {
            audience,
            tenantId: emulator.settings.tenantId,
            lifetimeSeconds: emulator.settings.tokenLifetimeSeconds,
            ...principal,
        },
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

// ---------------------------------------------------------------------------------------------
// The Entra ID endpoints.

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
    const { token } = issueToken(
        { audience, tenantId, objectId, appId: client.clientId, lifetimeSeconds },
        nowInSeconds(),
    );
    const body = {
        token_type: "Bearer",
        expires_in: lifetimeSeconds,
        ext_expires_in: lifetimeSeconds,
        access_token: token,
    };
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
