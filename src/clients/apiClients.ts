/**
 * The clients of one process, built from its settings: one token source (which scrubs the client
 * secret from credential errors), one ARM and one Graph client, and the directory tenant id found
 * once. The provider host (`provider/runtime.ts`), the data functions and the CLI all build theirs
 * here, so they cannot drift apart. Nothing talks to the network until the first request; no token
 * or secret ever leaves this module.
 */
import { readTokenClaims } from "../auth/tokenClaims";
import { createCredential, createTokenSource, type TokenSource } from "../auth/tokenSource";
import { createDirectoryAlertsClient } from "../graph/alertsClient";
import { resolveTenantId } from "../graph/tenantId";
import { createApiClient, type ApiClient } from "../http/apiClient";
import { createRequestLimiter, type RequestLimiter } from "../http/requestLimiter";
import { scaledClock } from "../http/retryPolicy";
import { resolveSettings, type ConfigReader, type ProviderSettings } from "./settings";

/** The clients of one process. */
export interface ApiClients {
    readonly settings: ProviderSettings;
    readonly tokens: TokenSource;
    /** ARM, at the configured endpoint. */
    readonly arm: ApiClient;
    /** Microsoft Graph beta, at the configured endpoint. */
    readonly graph: ApiClient;
    /** The one bound on requests in flight that both clients share. */
    readonly limiter: RequestLimiter;
    /** The claims of the Graph access token (e.g. `tid`), decoded locally; the token never leaves. */
    graphTokenClaims(): Promise<Readonly<Record<string, unknown>> | undefined>;
    /** The tenant of the directory-role alerts: configured, else the token's `tid`, else the listed ids. Found once; a failure is not cached. */
    directoryTenantId(): Promise<string>;
}

/** Builds the clients of a process from its settings. */
export function createApiClients(settings: ProviderSettings): ApiClients {
    const tokens = createTokenSource(() => createCredential(settings), [settings.clientSecret]);
    const limiter = createRequestLimiter(settings.maxConcurrentRequests);
    const client = (api: "arm" | "graph", baseUrl: string, audience: string) =>
        createApiClient({
            api,
            baseUrl,
            timeoutMs: settings.timeoutMs,
            limiter,
            clock: scaledClock(settings.retryDelayScale),
            getToken: () => tokens.getToken(audience),
        });
    const arm = client("arm", settings.armEndpoint, settings.cloud.armAudience);
    const graph = client("graph", settings.graphEndpoint, settings.cloud.graphAudience);
    const graphTokenClaims = async () => readTokenClaims(await tokens.getToken(settings.cloud.graphAudience));
    let tenantId: Promise<string> | undefined;
    return {
        settings,
        tokens,
        arm,
        graph,
        limiter,
        graphTokenClaims,
        directoryTenantId() {
            if (!tenantId) {
                const pending = resolveTenantId({
                    configured: settings.tenantId,
                    tokenClaims: graphTokenClaims,
                    listConfigurationIds: () => createDirectoryAlertsClient(graph).listConfigurationIds(),
                });
                tenantId = pending;
                pending.catch(() => {
                    if (tenantId === pending) tenantId = undefined;
                });
            }
            return tenantId;
        },
    };
}

/** The clients of one process (or one CLI run). */
export type PimClients = Pick<ApiClients, "arm" | "graph" | "directoryTenantId">;

/** Builds the clients; throws a ConfigurationError naming the key when a setting is invalid. */
export function createPimClients(config: ConfigReader, env: Readonly<Record<string, string | undefined>>): PimClients {
    return createApiClients(resolveSettings(config, env));
}
