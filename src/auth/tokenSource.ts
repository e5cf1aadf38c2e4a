/**
 * Access tokens from @azure/identity: one credential per process and one cached token per audience,
 * renewed five minutes before it expires; concurrent callers share one request.
 *
 * @azure/identity is loaded on first use, not at import, so a provider process that only runs
 * `check` and `diff` never pays for it.
 */
import type * as Identity from "@azure/identity";
import type { DefaultAzureCredentialClientIdOptions, TokenCredential } from "@azure/identity";
import { AuthenticationError, InsecureConnectionError } from "../errors";

// Also exported here for callers that import it with the token source.
export { AuthenticationError };
import { CLOUDS } from "./clouds";
import { credentialFailureReason } from "./credentialFailure";
import { routedCredential } from "./credentialHttpClient";

/** What is needed to build a credential. The secret is only ever held in memory. */
export interface CredentialSettings {
    readonly tenantId: string | undefined;
    readonly clientId: string | undefined;
    readonly clientSecret: string | undefined;
    readonly authorityHost: string;
    /** Multiplies @azure/identity's retry delays (1 = its own); see ProviderSettings.retryDelayScale. */
    readonly retryDelayScale: number;
}

/** Gets bearer tokens by audience (a `.default` scope). */
export interface TokenSource {
    getToken(audience: string): Promise<string>;
    /** How many tokens were actually requested from Entra, per audience (for benchmarks and tests). */
    readonly requests: ReadonlyMap<string, number>;
}

const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;

interface IdentityRetry {
    readonly maxRetries: number;
    readonly retryDelayInMs: number;
    readonly maxRetryDelayInMs: number;
}

/** @azure/identity's own: its IdentityClient's 3 retries on core-rest-pipeline's exponential delays. */
const IDENTITY_RETRY: IdentityRetry = { maxRetries: 3, retryDelayInMs: 1000, maxRetryDelayInMs: 64_000 };
/** What DefaultAzureCredential gives its ManagedIdentityCredential. */
const MANAGED_IDENTITY_RETRY: IdentityRetry = { maxRetries: 5, retryDelayInMs: 800, maxRetryDelayInMs: 64_000 };

/** The retry of @azure/identity with its delays multiplied by `scale`. */
function scaled(retry: IdentityRetry, scale: number): IdentityRetry {
    return {
        ...retry,
        retryDelayInMs: retry.retryDelayInMs * scale,
        maxRetryDelayInMs: retry.maxRetryDelayInMs * scale,
    };
}

/** True when `authorityHost` is the Entra authority of one of the clouds in {@link CLOUDS}. */
export function isKnownAuthorityHost(authorityHost: string): boolean {
    let origin: string;
    try {
        origin = new URL(authorityHost).origin;
    } catch {
        return false;
    }
    return Object.values(CLOUDS).some((cloud) => new URL(cloud.authorityHost).origin === origin);
}

/**
 * The options every credential gets: the authority host and, for a host outside the known clouds,
 * `disableInstanceDiscovery`.
 * @param authorityHost - The Entra authority host of the settings.
 */
export function credentialOptions(authorityHost: string): {
    readonly authorityHost: string;
    readonly disableInstanceDiscovery?: true;
} {
    // MSAL validates an authority it has no built-in metadata for by "instance discovery", a GET to
    // https://login.microsoftonline.com/common/discovery/instance (always that host, whatever the
    // authority). For an authority host of its own (Azure Stack, a private cloud, the emulator) that
    // call fails or does not know the host, and getToken ends in `endpoints_resolution_error`. The
    // user configured this host explicitly, so trust it as is; the known clouds keep the validation.
    return isKnownAuthorityHost(authorityHost) ? { authorityHost } : { authorityHost, disableInstanceDiscovery: true };
}

/**
 * Builds the credential the settings call for: a client secret, or DefaultAzureCredential. Its
 * requests never reach a loopback or link-local token endpoint through a proxy (see
 * credentialHttpClient.ts).
 */
export function createCredential(settings: CredentialSettings): TokenCredential {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const identity = require("@azure/identity") as typeof Identity;
    return routedCredential((httpClient) => {
        const common = {
            ...credentialOptions(settings.authorityHost),
            httpClient,
            // At scale 1 (every user), @azure/identity keeps exactly its own retry options.
            ...(settings.retryDelayScale === 1
                ? {}
                : { retryOptions: scaled(IDENTITY_RETRY, settings.retryDelayScale) }),
        };
        if (settings.clientSecret !== undefined) {
            if (settings.tenantId === undefined || settings.clientId === undefined) {
                throw new AuthenticationError(
                    "pim-alerts:clientSecret is set, so pim-alerts:tenantId and pim-alerts:clientId are required too",
                );
            }
            return new identity.ClientSecretCredential(
                settings.tenantId,
                settings.clientId,
                settings.clientSecret,
                common,
            );
        }
        const options: DefaultAzureCredentialClientIdOptions = {
            ...common,
            ...(settings.tenantId !== undefined ? { tenantId: settings.tenantId } : {}),
            ...(settings.clientId !== undefined
                ? { managedIdentityClientId: settings.clientId, workloadIdentityClientId: settings.clientId }
                : {}),
        };
        if (process.env["AZURE_TOKEN_CREDENTIALS"]?.trim().toLowerCase() === "managedidentitycredential") {
            return defaultManagedIdentityCredential(identity, options, settings.retryDelayScale);
        }
        return new identity.DefaultAzureCredential(options);
    });
}

/**
 * The credential DefaultAzureCredential builds for `AZURE_TOKEN_CREDENTIALS=ManagedIdentityCredential`,
 * built here from @azure/identity 4.13.3's createDefaultManagedIdentityCredential: up to 4.13.2,
 * DefaultAzureCredential built it without the options given (no HTTP client, so the token request
 * to a loopback endpoint went through a proxy; no managedIdentityClientId, so pim-alerts:clientId was
 * ignored). 4.13.3 fixes it but requires Node 22; this package supports Node 20.
 */
function defaultManagedIdentityCredential(
    identity: typeof Identity,
    options: DefaultAzureCredentialClientIdOptions,
    retryDelayScale: number,
): TokenCredential {
    const common = {
        ...options,
        retryOptions: scaled(MANAGED_IDENTITY_RETRY, retryDelayScale),
    };
    const clientId = options.managedIdentityClientId ?? process.env["AZURE_CLIENT_ID"];
    const workloadClientId = options.workloadIdentityClientId ?? clientId;
    if (process.env["AZURE_FEDERATED_TOKEN_FILE"] && workloadClientId) {
        const tenantId = options.tenantId ?? process.env["AZURE_TENANT_ID"];
        return new identity.ManagedIdentityCredential(workloadClientId, {
            ...common,
            ...(tenantId !== undefined ? { tenantId } : {}),
        });
    }
    return new identity.ManagedIdentityCredential(clientId ? { ...common, clientId } : common);
}

/**
 * Removes every occurrence of each secret from `text`, raw and as it appears form- or URL-encoded or
 * JSON-escaped (how a token request body or an echoed error would carry it).
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
    let result = text;
    for (const value of secrets) {
        if (value === undefined || value.length < 4) continue;
        const forms = new Set([
            value,
            encodeURIComponent(value),
            new URLSearchParams({ s: value }).toString().slice(2),
            JSON.stringify(value).slice(1, -1),
        ]);
        for (const form of [...forms].sort((a, b) => b.length - a.length)) result = result.split(form).join("REDACTED");
    }
    return result;
}

/**
 * Wraps a credential with the per-audience cache.
 * @param makeCredential - Builds the credential on the first token request.
 * @param secrets - Values (the client secret) that must never appear in an error this source throws,
 *   even if the credential's or the server's message were to echo them.
 */
export function createTokenSource(
    makeCredential: () => TokenCredential,
    secrets: readonly (string | undefined)[] = [],
): TokenSource {
    let credential: TokenCredential | undefined;
    const cache = new Map<string, { token: string; renewAt: number }>();
    const pending = new Map<string, Promise<string>>();
    const requests = new Map<string, number>();

    async function fetchToken(audience: string): Promise<string> {
        credential ??= makeCredential();
        requests.set(audience, (requests.get(audience) ?? 0) + 1);
        let result;
        try {
            result = await credential.getToken(audience);
        } catch (error) {
            // A refused request is not a sign-in problem: say what was refused, not how to sign in.
            if (error instanceof InsecureConnectionError)
                throw new InsecureConnectionError(`getting an access token for ${audience}: ${error.message}`);
            // The credential's own reason (a chain's inner failures, without MSAL's trace ids), with
            // the secret removed should the message carry it.
            const reason = redactSecrets(credentialFailureReason(error, process.env), secrets).replace(/\.+$/, "");
            throw new AuthenticationError(
                `getting an access token for ${audience}: ${reason}. Sign in with \`az login\`, or give the pipeline an identity ` +
                    "(AZURE_CLIENT_ID/AZURE_TENANT_ID with a secret, federated token or managed identity), or set pim-alerts:clientId, " +
                    "pim-alerts:tenantId and the secret pim-alerts:clientSecret",
            );
        }
        if (!result)
            throw new AuthenticationError(`getting an access token for ${audience}: the credential returned none`);
        cache.set(audience, { token: result.token, renewAt: result.expiresOnTimestamp - RENEW_BEFORE_EXPIRY_MS });
        return result.token;
    }

    return {
        requests,
        async getToken(audience: string): Promise<string> {
            const cached = cache.get(audience);
            if (cached && Date.now() < cached.renewAt) return cached.token;
            let inFlight = pending.get(audience);
            if (!inFlight) {
                inFlight = fetchToken(audience).finally(() => pending.delete(audience));
                pending.set(audience, inFlight);
            }
            return inFlight;
        },
    };
}
